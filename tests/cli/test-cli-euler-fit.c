/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of `zopa-cli euler-fit` (src/cli/zopa-cli-euler-fit.c), run as a program. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "diagram/zopa-euler.h"

static const char *cases_json =
  "{\"cases\": [\n"
  " {\"name\": \"two\", \"regions\": {\"A\": 30, \"B\": 20, \"A&B\": 10}},\n"
  " {\"name\": \"three\", \"regions\": {\"A\": 40, \"B\": 30, \"C\": 20, \"A&B\": 10,\n"
  "   \"A&C\": 8, \"B&C\": 6, \"A&B&C\": 3}, \"anchors\": {}}\n"
  "]}\n";

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("zopa-euler-fit-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Runs zopa-cli with the arguments (NULL-terminated); returns the exit status. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  const char *cli = g_getenv ("ZOPA_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
check_line (const char *line,
            const char *name,
            const char *shape,
            guint       n_sets,
            guint       runs)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *obj;
  JsonArray *shapes;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (obj, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (obj, "shape"), ==, shape);
  g_assert_cmpfloat (json_object_get_double_member (obj, "stress"), >=, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (obj, "diag_error"), >=, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (obj, "median_ms"), >=, 0.0);
  g_assert_cmpint (json_object_get_int_member (obj, "runs"), ==, runs);
  if (g_strcmp0 (shape, "ellipse") == 0)
    g_assert_cmpfloat (json_object_get_double_member (obj, "diag_error"), <, 1e-6);
  /* Counts beside the names, and the axis ratio within the default bound. */
  g_assert_cmpint (json_object_get_int_member (obj, "missing_regions"), ==,
                   json_array_get_length (json_object_get_array_member (obj, "missing")));
  g_assert_cmpint (json_object_get_int_member (obj, "extra_regions"), ==,
                   json_array_get_length (json_object_get_array_member (obj, "extra")));
  g_assert_cmpfloat (json_object_get_double_member (obj, "axis_ratio"), >=, 1.0);
  g_assert_cmpfloat (json_object_get_double_member (obj, "axis_ratio"), <,
                     ZOPA_EULER_DEFAULT_MAX_AXIS_RATIO);
  if (g_strcmp0 (shape, "circle") == 0)
    g_assert_cmpfloat (json_object_get_double_member (obj, "axis_ratio"), ==, 1.0);
  shapes = json_object_get_array_member (obj, "shapes");
  g_assert_cmpuint (json_array_get_length (shapes), ==, n_sets);
  for (guint k = 0; k < n_sets; k++)
    {
      JsonObject *s = json_array_get_object_element (shapes, k);
      static const char *names[] = { "A", "B", "C" };

      g_assert_cmpstr (json_object_get_string_member (s, "set"), ==, names[k]);
      g_assert_cmpfloat (json_object_get_double_member (s, "a"), >, 0.0);
      g_assert_cmpfloat (json_object_get_double_member (s, "b"), >, 0.0);
      g_assert_true (json_object_has_member (s, "x") && json_object_has_member (s, "y")
                     && json_object_has_member (s, "phi"));
      if (g_strcmp0 (shape, "circle") == 0)
        g_assert_cmpfloat (json_object_get_double_member (s, "a"), ==,
                           json_object_get_double_member (s, "b"));
    }
}

static void
test_fit (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = write_file (f, "cases.json", cases_json);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (&out, &err, "euler-fit", path, "--shape", "circle", "--runs", "3",
                            NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  check_line (lines[0], "two", "circle", 2, 3);
  check_line (lines[1], "three", "circle", 3, 3);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "euler-fit", "--shape=ellipse", path, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  check_line (lines[0], "two", "ellipse", 2, 1);
  check_line (lines[1], "three", "ellipse", 3, 1);

  /* Same input, same shapes: only the timing may differ between runs. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out2, &err, "euler-fit", "--shape=ellipse", path, NULL), ==, 0);
  {
    g_autoptr(GRegex) timing = g_regex_new ("\"median_ms\":[^,]*,", 0, 0, NULL);
    g_autofree char *a = g_regex_replace (timing, out, -1, 0, "", 0, NULL);
    g_autofree char *b = g_regex_replace (timing, out2, -1, 0, "", 0, NULL);

    g_assert_cmpstr (a, ==, b);
  }
}

/* The Junta 2009 gene sets (tests/bench/euler-cases.json): with the default bound its
 * ellipses reach an axis ratio near 4; a tighter bound given on the command line holds. */
static void
test_axis_ratio_bound (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (f, "junta.json",
                                      "{\"cases\": [ {\"name\": \"junta\", \"regions\": "
                                      "{\"SE\": 13, \"Treat\": 28, \"Anti-CCP\": 101, "
                                      "\"DAS28\": 91, \"SE&Treat\": 1, \"SE&DAS28\": 14, "
                                      "\"Treat&Anti-CCP\": 6, \"SE&Anti-CCP&DAS28\": 1}} ]}\n");
  const char *bounds[] = { "8", "2", "1.5" };
  double ratios[G_N_ELEMENTS (bounds)];

  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *obj;

      g_assert_cmpint (run_cli (&out, &err, "euler-fit", path, "--max-axis-ratio", bounds[i],
                                NULL), ==, 0);
      json_parser_load_from_data (parser, out, -1, &error);
      g_assert_no_error (error);
      obj = json_node_get_object (json_parser_get_root (parser));
      ratios[i] = json_object_get_double_member (obj, "axis_ratio");
      g_assert_cmpfloat (ratios[i], <, g_ascii_strtod (bounds[i], NULL));
    }
  /* The default bound leaves room the tighter ones take away. */
  g_assert_cmpfloat (ratios[0], >, 2.0);
}

static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  static const char *bad[] = {
    "{\"cases\": [ {\"name\": \"x\", \"regions\": {\"A\": -1}} ]}",
    "{\"cases\": [ {\"name\": \"x\", \"regions\": {\"A\": \"ten\"}} ]}",
    "{\"cases\": [ {\"name\": \"x\", \"regions\": {\"A&&B\": 1}} ]}",
    "{\"cases\": [ {\"name\": \"x\", \"regions\": {\"A&A\": 1}} ]}",
    "{\"cases\": [ {\"name\": \"x\", \"regions\": {\"A&B\": 1, \"B&A\": 2}} ]}",
    "{\"cases\": [ {\"name\": \"x\", \"regions\": {\"A\": 0, \"B\": 0}} ]}",
    "{\"cases\": [ {\"name\": \"x\", \"regions\": {\"A&B&C&D&E&F&G\": 1}} ]}",
    "{\"cases\": [ {\"regions\": {\"A\": 1}} ]}",
    "{\"cases\": [ {\"name\": \"x\"} ]}",
    "{\"cases\": {}}",
    "[1, 2]",
    "{\"cases\": [ {\"name\": \"x\", ",
  };
  /* Read by the strict parser of scenario files: what json-glib would take one of, or the
   * last, is refused at its place. */
  static const struct { const char *text; const char *message; } strict[] = {
    { "3{\"cases\":[]}", ":1:2: error: expected the end of the file after the JSON value" },
    { "{\"cases\":[]}\n{\"cases\":[]}", ":2:1: error: expected the end of the file after the JSON value" },
    { "{\"cases\":[], \"cases\":[]}", ":1:14: error: duplicate member \"cases\"" },
    { "{'cases':[]}", ":1:2: error: expected a member name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u.json", i);
      g_autofree char *path = write_file (f, name, bad[i]);
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (&out, &err, "euler-fit", path, NULL), ==, 1);
      g_assert_true (g_str_has_prefix (err, path));
      g_assert_nonnull (strstr (err, "error"));
      g_assert_cmpstr (out, ==, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (strict); i++)
    {
      g_autofree char *name = g_strdup_printf ("strict%u.json", i);
      g_autofree char *path = write_file (f, name, strict[i].text);
      g_autofree char *expected = g_strconcat (path, strict[i].message, NULL);
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (&out, &err, "euler-fit", path, NULL), ==, 1);
      g_assert_true (g_str_has_prefix (err, expected));
      g_assert_cmpstr (out, ==, "");
    }

  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.json", NULL);
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (&out, &err, "euler-fit", missing, NULL), ==, 1);
    g_assert_true (g_str_has_prefix (err, missing));
  }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = write_file (f, "cases.json", cases_json);
  const char *usage[][4] = {
    { NULL },
    { "--shape", "square", path, NULL },
    { "--runs", "0", path, NULL },
    { "--runs", "many", path, NULL },
    { "--bogus", path, NULL },
    { path, path, NULL },
    { path, "--shape", NULL },
    { "--max-axis-ratio", "1", path, NULL },
    { "--max-axis-ratio", "wide", path, NULL },
    { "--max-axis-ratio=nan", path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (&out, &err, "euler-fit", usage[i][0], usage[i][0] ? usage[i][1] : NULL,
                                usage[i][0] && usage[i][1] ? usage[i][2] : NULL, NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
    }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (&out, &err, "euler-fit", "--help", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "euler-fit"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/euler-fit/fit", Fixture, NULL, fixture_setup, test_fit, fixture_teardown);
  g_test_add ("/cli/euler-fit/axis-ratio-bound", Fixture, NULL, fixture_setup,
              test_axis_ratio_bound, fixture_teardown);
  g_test_add ("/cli/euler-fit/invalid-input", Fixture, NULL, fixture_setup, test_invalid_input,
              fixture_teardown);
  g_test_add ("/cli/euler-fit/usage", Fixture, NULL, fixture_setup, test_usage, fixture_teardown);

  return g_test_run ();
}
