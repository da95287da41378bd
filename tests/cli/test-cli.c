/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of zopa-cli: exit status and output of validate, builtin, --help, --version. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "model/zopa-scenario-file.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
data_path (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

/* Runs zopa-cli with the arguments (NULL-terminated) in the folder cwd (NULL: here). */
static void
run_cli (Run        *run,
         const char *cwd,
         ...)
{
  const char *cli = g_getenv ("ZOPA_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, cwd);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_help_and_version (void)
{
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "validate"));
    g_assert_nonnull (strstr (run.out, "builtin"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--version", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "zopa-cli " PACKAGE_VERSION "\n");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "validate", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Usage: zopa-cli validate FILE"));
    g_assert_nonnull (strstr (run.out, "Exit status"));
  }
}

static void
test_usage_errors (void)
{
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "Usage:"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "unknown command “frobnicate”"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "validate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "no FILE given"));
  }
  {
    g_autofree char *path = data_path ("valid", "minimal.zopa.json");
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "validate", "--strict", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "unknown option “--strict”"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "builtin", "extra", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
  }
}

static GPtrArray *
list_files (const char *folder)
{
  g_autofree char *dir_path = data_path (folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".zopa.json"))
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
test_validate_valid (void)
{
  g_autofree char *dir = data_path ("valid", NULL);
  g_autoptr(GPtrArray) names = list_files ("valid");
  g_autoptr(GString) all_ok = g_string_new (NULL);
  g_auto(Run) all = { 0 };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *ok_line = g_strdup_printf ("%s: ok\n", name);
      g_auto(Run) run = { 0 };

      run_cli (&run, dir, "validate", name, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_suffix (run.out, ok_line));
      if (!g_str_equal (name, "warnings.zopa.json"))
        g_assert_cmpstr (run.out, ==, ok_line);
      else
        g_assert_nonnull (strstr (run.out, "warnings.zopa.json: warning: actors: 7 actors"));
      g_assert_cmpstr (run.err, ==, "");
      g_string_append (all_ok, ok_line);
    }

  /* Several files at once. */
  g_ptr_array_add (argv, (gpointer) g_getenv ("ZOPA_CLI"));
  g_ptr_array_add (argv, (gpointer) "validate");
  for (guint i = 0; i < names->len; i++)
    if (!g_str_equal (g_ptr_array_index (names, i), "warnings.zopa.json"))
      g_ptr_array_add (argv, g_ptr_array_index (names, i));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &all.out, &all.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_cmpuint (strlen (all.out), >, 0);
  for (guint i = 2; argv->pdata[i] != NULL; i++)
    {
      g_autofree char *ok_line = g_strdup_printf ("%s: ok\n", (char *) argv->pdata[i]);
      g_assert_nonnull (strstr (all.out, ok_line));
    }
}

static void
test_validate_invalid (void)
{
  g_autofree char *dir = data_path ("invalid", NULL);
  g_autofree char *expected_path = data_path ("invalid", "expected.txt");
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) names = list_files ("invalid");
  g_auto(GStrv) lines = NULL;
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *prefix_place = g_strdup_printf ("%s:", name);
      g_autoptr(GString) want = g_string_new (NULL);
      g_auto(Run) run = { 0 };

      for (guint k = 0; lines[k] != NULL; k++)
        if (lines[k][0] != '#' && g_str_has_prefix (lines[k], prefix_place))
          g_string_append_printf (want, "%s\n", lines[k]);
      g_assert_cmpuint (want->len, >, 0);

      run_cli (&run, dir, "validate", name, NULL);
      g_test_message ("%s", name);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, want->str);
      g_assert_cmpstr (run.err, ==, "");
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 50);
}

static void
test_validate_mixed_directory_missing (void)
{
  g_autofree char *valid = data_path ("valid", "minimal.zopa.json");
  g_autofree char *invalid = data_path ("invalid", "bad-colour.zopa.json");
  g_autofree char *dir = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *want = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  dir = g_dir_make_tmp ("zopa-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  missing = g_build_filename (dir, "missing.zopa.json", NULL);

  run_cli (&run, NULL, "validate", valid, invalid, dir, missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  want = g_strdup_printf ("%s: ok\n"
                          "%s: error: actors[1].color: expected a colour like \"#1c71d8\", got \"red\"\n"
                          "%s: error: this is a folder, not a file\n"
                          "%s: error: the file does not exist\n",
                          valid, invalid, dir, missing);
  g_assert_cmpstr (run.out, ==, want);

  g_rmdir (dir);
}

static void
test_builtin (void)
{
  g_autoptr(GBytes) bytes = zopa_scenario_get_builtin_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "builtin", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (strlen (run.out), ==, length);
  g_assert_true (memcmp (run.out, data, length) == 0);

  scenario = zopa_scenario_load_from_data (run.out, strlen (run.out), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);

  /* What builtin prints is a valid file. */
  dir = g_dir_make_tmp ("zopa-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "builtin.zopa.json", NULL);
  g_assert_true (g_file_set_contents (path, run.out, -1, NULL));
  {
    g_auto(Run) validate = { 0 };

    run_cli (&validate, dir, "validate", "builtin.zopa.json", NULL);
    g_assert_cmpint (validate.status, ==, 0);
    g_assert_true (g_str_has_suffix (validate.out, "builtin.zopa.json: ok\n"));
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* Ids, names and titles with escape sequences, BEL, C1 controls and a right-to-left override. */
static const char hostile_scenario[] =
  "{\"format\": \"zopa\", \"version\": 1, \"title\": \"T\\u001b]0;pwned\\u0007\\u001b[2J\","
  " \"issues\": [{\"id\": \"i\\u001b]0;pwned\\u0007\\u001b[2J\", \"title\": \"Issue \\u202eevil\","
  "   \"options\": [{\"id\": \"a\", \"label\": \"A\\u009b31m\"}, {\"id\": \"b\", \"label\": \"B\\u007f\"}]}],"
  " \"actors\": [{\"id\": \"x\", \"name\": \"Name\\u001b[31m\\u0007\\u202e\", \"color\": \"#000000\","
  "   \"stances\": {\"i\\u001b]0;pwned\\u0007\\u001b[2J\": {\"acceptable\": [\"a\"]}}},"
  "  {\"id\": \"y\", \"name\": \"Y\\u2066\", \"color\": \"#ffffff\"}],"
  " \"drafts\": [{\"id\": \"d1\", \"title\": \"Draft\\u001b[2J\", \"clauses\": [{\"id\": \"c1\", \"number\": \"1\\u0085\","
  "   \"title\": \"Clause\\u001b[5m\", \"status\": \"agreed\", \"sets\": {\"i\\u001b]0;pwned\\u0007\\u001b[2J\": \"a\"}}]},"
  "  {\"id\": \"d2\", \"title\": \"Second\\r\", \"derived_from\": \"d1\", \"clauses\": [{\"id\": \"c2\", \"number\": \"1\","
  "   \"title\": \"Changed\\u001b[8m\", \"status\": \"agreed\", \"derived_from\": [\"c1\"],"
  "   \"sets\": {\"i\\u001b]0;pwned\\u0007\\u001b[2J\": \"b\"}}]}]}";

/* An actor that refers to an issue that does not exist, named with an escape sequence. */
static const char hostile_invalid[] =
  "{\"format\": \"zopa\", \"version\": 1, \"title\": \"T\","
  " \"actors\": [{\"id\": \"x\\u001b[2J\", \"name\": \"X\", \"color\": \"#000000\","
  "   \"stances\": {\"\\u001b]0;pwned\\u0007\": {}}}]}";

/* Output a terminal shows as it is: valid UTF-8 with no control other than line breaks. */
static void
assert_inert (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        continue;
      g_assert_false (c < 0x20 || (c >= 0x7f && c <= 0x9f));
      g_assert_false (c == 0x200e || c == 0x200f || c == 0x061c);
      g_assert_false (c >= 0x2028 && c <= 0x202e);
      g_assert_false (c >= 0x2066 && c <= 0x2069);
    }
}

static void
test_hostile_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zopa-cli-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *invalid_path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "hostile.zopa.json", NULL);
  invalid_path = g_build_filename (dir, "hostile-invalid.zopa.json", NULL);
  g_assert_true (g_file_set_contents (path, hostile_scenario, -1, NULL));
  g_assert_true (g_file_set_contents (invalid_path, hostile_invalid, -1, NULL));

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "validate", "hostile.zopa.json", "hostile-invalid.zopa.json", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_inert (run.out);
    g_assert_nonnull (strstr (run.out, "hostile.zopa.json: ok\n"));
    /* The characters are named the way the file writes them. */
    g_assert_nonnull (strstr (run.out, "unknown issue \"\\u001B]0;pwned\\u0007\""));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "analyze", "hostile.zopa.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_inert (run.out);
    g_assert_nonnull (strstr (run.out, "T\\u001B]0;pwned\\u0007\\u001B[2J"));
    g_assert_nonnull (strstr (run.out, "Name\\u001B[31m\\u0007\\u202E"));
    g_assert_nonnull (strstr (run.out, "Draft\\u001B[2J"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "compare", "hostile.zopa.json", "d1", "d2", NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_inert (run.out);
    g_assert_nonnull (strstr (run.out, "Draft\\u001B[2J (d1) → Second\\u000D (d2)"));
    g_assert_nonnull (strstr (run.out, "Changed\\u001B[8m"));
  }
  {
    g_auto(Run) run = { 0 };

    /* Load errors on stderr too. */
    run_cli (&run, dir, "analyze", "hostile-invalid.zopa.json", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_inert (run.err);
    g_assert_nonnull (strstr (run.err, "\\u001B"));
  }

  g_unlink (path);
  g_unlink (invalid_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/validate/valid", test_validate_valid);
  g_test_add_func ("/cli/validate/invalid", test_validate_invalid);
  g_test_add_func ("/cli/validate/mixed", test_validate_mixed_directory_missing);
  g_test_add_func ("/cli/builtin", test_builtin);
  g_test_add_func ("/cli/hostile-text", test_hostile_text);

  return g_test_run ();
}
