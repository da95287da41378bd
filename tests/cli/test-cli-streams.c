/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tests of the command-line conventions: "-" as FILE reads standard input, "-o -" writes to
 * standard output, "zopa-cli help COMMAND" prints the command's help, "zopa --version";
 * and the tables for spreadsheets: "analyze --csv" and "import-stances".
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "model/zopa-scenario-file.h"

typedef struct {
  int     status;
  GBytes *out;
  char   *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs program with the arguments (NULL-terminated), input on its stdin (NULL: nothing). */
static void
run_program (Run        *run,
             const char *program,
             GBytes     *input,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  const char *arg;
  const char *data;
  va_list args;
  gsize length;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  va_start (args, input);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input != NULL ? input : nothing, NULL, &run->out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  data = g_bytes_get_data (err, &length);
  run->err = g_strndup (data != NULL ? data : "", length);
}

#define run_cli(run, input, ...) run_program (run, g_getenv ("ZOPA_CLI"), input, __VA_ARGS__)

static const char *
run_text (Run *run)
{
  gsize length;
  const char *data = g_bytes_get_data (run->out, &length);

  /* The output of a text command is text: no NUL inside, and the bytes end with one. */
  g_assert_cmpuint (strnlen (data != NULL ? data : "", length), ==, length);
  return data != NULL ? data : "";
}

static GBytes *
read_data_file (const char *folder,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_start_with (GBytes     *bytes,
                  const char *prefix,
                  gsize       prefix_length)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

/* zopa-cli builtin | zopa-cli analyze - --json gives what analyze --json gives without FILE. */
static void
test_analyze_standard_input (void)
{
  g_auto(Run) builtin = { 0 };
  g_auto(Run) piped = { 0 };
  g_auto(Run) direct = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  run_cli (&builtin, NULL, "builtin", NULL);
  g_assert_cmpint (builtin.status, ==, 0);

  run_cli (&piped, builtin.out, "analyze", "-", "--json", NULL);
  g_assert_cmpstr (piped.err, ==, "");
  g_assert_cmpint (piped.status, ==, 0);
  run_cli (&direct, NULL, "analyze", "--json", NULL);
  g_assert_cmpint (direct.status, ==, 0);
  g_assert_cmpstr (run_text (&piped), ==, run_text (&direct));

  json_parser_load_from_data (parser, run_text (&piped), -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "scenario"), ==,
                   "Ukraine peace plans, November 2025");
}

static void
test_validate_standard_input (void)
{
  g_autoptr(GBytes) valid = read_data_file ("valid", "minimal.zopa.json");
  g_autoptr(GBytes) invalid = read_data_file ("invalid", "bad-colour.zopa.json");
  g_autoptr(GBytes) malformed = read_data_file ("invalid", "malformed-missing-comma.zopa.json");

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, valid, "validate", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run_text (&run), ==, "-: ok\n");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, invalid, "validate", "-", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run_text (&run), ==,
                     "-: error: actors[1].color: expected a colour like \"#1c71d8\", got \"red\"\n");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, malformed, "validate", "-", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run_text (&run), ==, "-:4:3: error: expected ',' or '}', found a string\n");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "validate", "-", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run_text (&run), ==, "-: error: the file is empty\n");
  }
}

/* A pipe has no size to check first: the limit holds while reading. */
static void
test_standard_input_too_large (void)
{
  gsize length = ZOPA_FILE_MAX_SIZE + 1;
  char *data = g_malloc (length);
  g_autoptr(GBytes) input = NULL;
  g_auto(Run) run = { 0 };

  memset (data, ' ', length);
  input = g_bytes_new_take (data, length);
  run_cli (&run, input, "validate", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run_text (&run), "-: error: the file is too large"));
}

/* -o - writes the same bytes as -o FILE, and --format names the format whatever FILE ends in. */
static void
test_export_standard_output (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zopa-cli-streams-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "diagram.png", NULL);
  g_autofree char *named_path = g_build_filename (dir, "diagram.image", NULL);
  g_autofree char *file_data = NULL;
  gsize file_length;
  g_auto(Run) to_file = { 0 };
  g_auto(Run) to_stdout = { 0 };

  g_assert_nonnull (dir);
  run_cli (&to_file, NULL, "export", "-o", png_path, "--width", "400", "--height", "300", NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  run_cli (&to_stdout, NULL, "export", "-o", "-", "--format", "png", "--width", "400", "--height", "300", NULL);
  g_assert_cmpstr (to_stdout.err, ==, "");
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_true (bytes_start_with (to_stdout.out, "\x89PNG\r\n\x1a\n", 8));
  g_assert_true (g_file_get_contents (png_path, &file_data, &file_length, NULL));
  g_assert_cmpmem (g_bytes_get_data (to_stdout.out, NULL), g_bytes_get_size (to_stdout.out),
                   file_data, file_length);

  {
    g_auto(Run) run = { 0 };
    g_autofree char *svg = NULL;

    run_cli (&run, NULL, "export", "-o", named_path, "--format", "svg", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (named_path, &svg, NULL, NULL));
    g_assert_true (g_str_has_prefix (svg, "<?xml"));
    g_assert_nonnull (strstr (svg, "<svg"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpuint (g_bytes_get_size (run.out), ==, 0);
    g_assert_nonnull (strstr (run.err, "needs --format"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "-o", "-", "--format", "gif", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--format takes png, svg or pdf"));
  }

  g_assert_no_errno (g_remove (png_path));
  g_assert_no_errno (g_remove (named_path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_compare_standard_output (void)
{
  g_auto(Run) builtin = { 0 };
  g_auto(Run) run = { 0 };

  run_cli (&builtin, NULL, "builtin", NULL);
  run_cli (&run, builtin.out, "compare", "-", "us-28", "geneva-19", "-o", "-", "--format", "pdf", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (bytes_start_with (run.out, "%PDF-", 5));

  {
    g_auto(Run) both = { 0 };

    run_cli (&both, NULL, "compare", "us-28", "geneva-19", "-o", "-", "--format", "svg", "--json", NULL);
    g_assert_cmpint (both.status, ==, 2);
    g_assert_cmpuint (g_bytes_get_size (both.out), ==, 0);
  }
}

/* help COMMAND prints what COMMAND --help prints, for every command. */
static void
test_help_command (void)
{
  static const char * const commands[] = {
    "validate", "builtin", "analyze", "export", "compare", "euler-fit"
  };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) help = { 0 };
      g_auto(Run) option = { 0 };

      g_test_message ("%s", commands[i]);
      run_cli (&help, NULL, "help", commands[i], NULL);
      run_cli (&option, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpint (option.status, ==, 0);
      g_assert_nonnull (strstr (run_text (&help), commands[i]));
      g_assert_cmpstr (run_text (&help), ==, run_text (&option));
    }

  {
    g_auto(Run) general = { 0 };
    g_auto(Run) help = { 0 };

    run_cli (&general, NULL, "--help", NULL);
    run_cli (&help, NULL, "help", NULL);
    g_assert_cmpint (help.status, ==, 0);
    g_assert_cmpstr (run_text (&help), ==, run_text (&general));
    g_assert_nonnull (strstr (run_text (&help), "help [COMMAND]"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "help", "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown command “frobnicate”"));
  }
}

/* Answered before a display is opened: no DISPLAY or WAYLAND_DISPLAY is needed. */
static void
test_application_version_and_help (void)
{
  const char *app = g_getenv ("ZOPA_APP");
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };

  g_assert_nonnull (app);
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  run_program (&version, app, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (run_text (&version), ==, "zopa " PACKAGE_VERSION "\n");

  run_program (&help, app, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (run_text (&help), "[FILE…]"));
  g_assert_nonnull (strstr (run_text (&help), "--version"));
}

/* The CSV records of a table: RFC 4180 line ends, and fields without quotes in this table. */
static char ***
split_csv_records (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GPtrArray *records = g_ptr_array_new ();

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint k = 0; lines[k + 1] != NULL; k++)
    {
      g_assert_null (strchr (lines[k], '"'));
      g_assert_null (strchr (lines[k], '\n'));
      g_ptr_array_add (records, g_strsplit (lines[k], ",", -1));
    }
  g_ptr_array_add (records, NULL);
  return (char ***) g_ptr_array_free (records, FALSE);
}

static void
free_csv_records (char ***records)
{
  for (guint k = 0; records[k] != NULL; k++)
    g_strfreev (records[k]);
  g_free (records);
}

static char *
joined_ids (JsonArray *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < json_array_get_length (ids); k++)
    g_string_append_printf (text, "%s%s", k > 0 ? ";" : "", json_array_get_string_element (ids, k));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* analyze --csv says what analyze --json says, record by record. */
static void
test_analyze_csv (void)
{
  static const char *header =
    "record,variant,draft,actors,verdict,score,worst_score,best_score,reservation_low,reservation_high,"
    "violations,accepts,rejects,inclusive,exclusive,exact,inclusive_error,exclusive_error,"
    "inclusive_empty,exclusive_empty,inclusive_max,exclusive_max";
  g_auto(Run) csv = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first_line = NULL;
  char ***records;
  JsonObject *root;
  JsonArray *regions, *drafts, *actors;
  guint r = 1;

  run_cli (&csv, NULL, "analyze", "--csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  run_cli (&json, NULL, "analyze", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, run_text (&json), -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  regions = json_object_get_array_member (root, "regions");
  drafts = json_object_get_array_member (root, "drafts");
  actors = json_object_get_array_member (root, "actors");

  first_line = g_strndup (run_text (&csv), strlen (header));
  g_assert_cmpstr (first_line, ==, header);
  records = split_csv_records (run_text (&csv));
  for (guint k = 0; k < json_array_get_length (regions); k++, r++)
    {
      JsonObject *region = json_array_get_object_element (regions, k);
      g_autofree char *ids = joined_ids (json_object_get_array_member (region, "actors"));
      g_autofree char *inclusive = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (region, "inclusive"));
      g_autofree char *exclusive = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (region, "exclusive"));

      g_assert_nonnull (records[r]);
      g_assert_cmpuint (g_strv_length (records[r]), ==, 22);
      g_assert_cmpstr (records[r][0], ==, "region");
      g_assert_cmpstr (records[r][3], ==, ids);
      g_assert_cmpstr (records[r][13], ==, inclusive);
      g_assert_cmpstr (records[r][14], ==, exclusive);
      g_assert_cmpstr (records[r][15], ==, json_object_get_boolean_member (region, "exact") ? "true" : "false");
      g_assert_cmpstr (records[r][18], ==, json_object_get_boolean_member (region, "inclusive_empty") ? "true" : "false");
    }
  for (guint d = 0; d < json_array_get_length (drafts); d++)
    {
      JsonObject *draft = json_array_get_object_element (drafts, d);
      JsonObject *verdicts = json_object_get_object_member (draft, "verdicts");

      for (guint a = 0; a < json_array_get_length (actors); a++, r++)
        {
          const char *actor = json_array_get_string_element (actors, a);
          JsonObject *verdict = json_object_get_object_member (verdicts, actor);

          g_assert_nonnull (records[r]);
          g_assert_cmpuint (g_strv_length (records[r]), ==, 22);
          g_assert_cmpstr (records[r][0], ==, "verdict");
          g_assert_cmpstr (records[r][2], ==, json_object_get_string_member (draft, "id"));
          g_assert_cmpstr (records[r][3], ==, actor);
          g_assert_cmpstr (records[r][4], ==, json_object_get_string_member (verdict, "verdict"));
          if (json_object_has_member (verdict, "score") && !json_object_get_null_member (verdict, "score"))
            g_assert_cmpfloat (g_ascii_strtod (records[r][5], NULL), ==, json_object_get_double_member (verdict, "score"));
        }
    }
  g_assert_null (records[r]);

  /* The text report writes the same counts the way the locale groups digits (C: commas),
   * also in its readings section (the built-in scenario has ranges). */
  {
    g_auto(Run) text = { 0 };
    const char *count = records[1][20];
    g_autoptr(GString) grouped = g_string_new ("in some reading ");
    gsize length = strlen (count);

    for (gsize k = 0; k < length; k++)
      {
        if (k > 0 && (length - k) % 3 == 0)
          g_string_append_c (grouped, ',');
        g_string_append_c (grouped, count[k]);
      }
    g_assert_cmpuint (length, >, 3);
    run_cli (&text, NULL, "analyze", NULL);
    g_assert_cmpint (text.status, ==, 0);
    if (strstr (run_text (&text), grouped->str) == NULL)
      g_error ("the readings do not say “%s”:\n%s", grouped->str, run_text (&text));
  }
  free_csv_records (records);

  run_clear (&csv);
  run_cli (&csv, NULL, "analyze", "--csv", "--json", NULL);
  g_assert_cmpint (csv.status, ==, 2);
}

/* import-stances updates the file, or leaves it byte for byte as it was. */
static void
test_import_stances (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zopa-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.zopa.json", NULL);
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "builtin", NULL);
  g_file_set_contents (path, run_text (&run), -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (good, "actor,issue,option,acceptable,utility\nkyiv,territory,four-oblasts,maybe,5-15\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "actor,issue,option,acceptable\nkyiv,territory,four-oblasts,sometimes\n", -1, &error);
  g_assert_no_error (error);

  /* A bad row: its place and what is wrong, and the file untouched. */
  g_file_get_contents (path, &before, NULL, &error);
  run_clear (&run);
  run_cli (&run, NULL, "import-stances", path, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, bad));
  g_assert_nonnull (strstr (run.err, ":2:29: error: acceptable must be yes, no or maybe"));
  g_file_get_contents (path, &after, NULL, &error);
  g_assert_cmpstr (before, ==, after);

  /* -o - prints the result and leaves the file. */
  run_clear (&run);
  run_cli (&run, NULL, "import-stances", path, good, "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run_text (&run), "\"four-oblasts\": [5, 15]"));
  g_clear_pointer (&after, g_free);
  g_file_get_contents (path, &after, NULL, &error);
  g_assert_cmpstr (before, ==, after);

  /* Without -o the file itself is updated. */
  run_clear (&run);
  run_cli (&run, NULL, "import-stances", path, good, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "1 row applied"));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    ZopaStance *stance;

    scenario = zopa_scenario_load_from_file (file, NULL, &error);
    g_assert_no_error (error);
    stance = zopa_actor_find_stance (zopa_scenario_find_actor (scenario, "kyiv"), "territory");
    g_assert_true (zopa_stance_is_maybe (stance, "four-oblasts"));
    g_assert_cmpint (zopa_stance_get_utility_range (stance, "four-oblasts").high, ==, 15);
  }

  /* Both from standard input is a usage error. */
  run_clear (&run);
  run_cli (&run, NULL, "import-stances", "-", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);

  g_unlink (path);
  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/streams/analyze-standard-input", test_analyze_standard_input);
  g_test_add_func ("/cli/streams/validate-standard-input", test_validate_standard_input);
  g_test_add_func ("/cli/streams/standard-input-too-large", test_standard_input_too_large);
  g_test_add_func ("/cli/streams/export-standard-output", test_export_standard_output);
  g_test_add_func ("/cli/streams/compare-standard-output", test_compare_standard_output);
  g_test_add_func ("/cli/help-command", test_help_command);
  g_test_add_func ("/cli/tables/analyze-csv", test_analyze_csv);
  g_test_add_func ("/cli/tables/import-stances", test_import_stances);
  g_test_add_func ("/cli/application-version-and-help", test_application_version_and_help);

  return g_test_run ();
}
