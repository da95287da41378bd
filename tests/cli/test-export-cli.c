/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of `zopa-cli export` (found through ZOPA_CLI): every view and mode to PNG, SVG and
 * PDF, the sizes and options, and the exit status of bad input and bad usage; --storyboard
 * as one PDF and a numbered series, with its own usage errors. */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <cairo.h>

#include "model/zopa-scenario-file.h"

static char *tmp_dir;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

static Result
run_cli (const char *first, ...)
{
  const char *cli = g_getenv ("ZOPA_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result r = { 0 };
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "export");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &r.out, &r.err, &wait_status, &error))
    g_error ("%s: %s", cli, error->message);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return r;
}

static char *
out_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
check_file (const char *path,
            const char *ext,
            int         png_width,
            int         png_height)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  if (strcmp (ext, "png") == 0)
    {
      cairo_surface_t *png = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, png_width);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, png_height);
      cairo_surface_destroy (png);
    }
  else if (strcmp (ext, "svg") == 0)
    {
      g_assert_nonnull (strstr (data, "<svg"));
      g_assert_nonnull (strstr (data, "</svg>"));
    }
  else
    {
      g_assert_true (memcmp (data, "%PDF-", 5) == 0);
      /* The trailer is text (the body may hold NUL bytes). */
      g_assert_nonnull (g_strstr_len (data + length - 32, 32, "%%EOF"));
    }
}

static void
test_every_view_and_format (void)
{
  static const char *views[][2] = {
    { "venn", "schematic" }, { "venn", "proportional" }, { "issue-map", "schematic" },
  };
  static const char *formats[] = { "png", "svg", "pdf" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%s.%s", views[v][0], views[v][1], formats[f]);
        g_autofree char *path = out_path (name);
        Result r = run_cli ("-o", path, "--view", views[v][0], "--mode", views[v][1],
                            "--width", "800", "--height", "450", NULL);

        if (r.status != 0)
          g_printerr ("%s", r.err);
        g_assert_cmpint (r.status, ==, 0);
        check_file (path, formats[f], 800, 450);
        g_unlink (path);
        result_clear (&r);
      }
}

static void
test_defaults_and_options (void)
{
  g_autofree char *path = out_path ("default.png");
  g_autofree char *scaled = out_path ("scaled.png");
  g_autofree char *dark = out_path ("dark.png");
  g_autofree char *clear = out_path ("clear.png");
  Result r = run_cli ("-o", path, NULL);
  cairo_surface_t *png;
  guint32 *data;

  g_assert_cmpint (r.status, ==, 0);
  check_file (path, "png", 1920, 1080);
  result_clear (&r);

  r = run_cli ("-o", scaled, "--width", "640", "--height", "360", "--scale", "2", "--variant", "post-putin",
               "--actors", "kyiv,moscow", "--drafts", "us-28,geneva-19", "--title", "Два острова", NULL);
  g_assert_cmpint (r.status, ==, 0);
  check_file (scaled, "png", 1280, 720);
  result_clear (&r);

  r = run_cli ("-o", dark, "--theme", "dark", "--width", "320", "--height", "240", NULL);
  g_assert_cmpint (r.status, ==, 0);
  png = cairo_image_surface_create_from_png (dark);
  data = (guint32 *) cairo_image_surface_get_data (png);
  g_assert_cmphex (data[0] & 0xffffff, ==, 0x1e1e1e);
  cairo_surface_destroy (png);
  result_clear (&r);

  r = run_cli ("-o", clear, "--background", "transparent", "--width", "320", "--height", "240", NULL);
  g_assert_cmpint (r.status, ==, 0);
  png = cairo_image_surface_create_from_png (clear);
  g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_ARGB32);
  data = (guint32 *) cairo_image_surface_get_data (png);
  g_assert_cmphex (data[0] >> 24, ==, 0);
  cairo_surface_destroy (png);
  result_clear (&r);

  /* No drafts at all. */
  r = run_cli ("-o", path, "--drafts", "", "--width", "320", "--height", "240", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  g_unlink (path);
  g_unlink (scaled);
  g_unlink (dark);
  g_unlink (clear);
}

static void
test_a_file (void)
{
  const char *cli = g_getenv ("ZOPA_CLI");
  g_autofree char *scenario = out_path ("scenario.zopa.json");
  g_autofree char *path = out_path ("from-file.svg");
  g_autofree char *builtin = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "builtin", NULL };
  int status = 0;
  Result r;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &builtin, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (scenario, builtin, -1, NULL));
  r = run_cli (scenario, "-o", path, "--view", "issue-map", NULL);
  g_assert_cmpint (r.status, ==, 0);
  check_file (path, "svg", 0, 0);
  result_clear (&r);
  g_unlink (path);
  g_unlink (scenario);
}

static void
test_invalid_input (void)
{
  g_autofree char *path = out_path ("never.png");
  g_autofree char *missing = out_path ("missing.zopa.json");
  /* The option, its value, and the unknown id the message must name. */
  const char *cases[][3] = {
    { "--variant", "no-such-variant", "no-such-variant" },
    { "--actors", "kyiv,atlantis", "atlantis" },
    { "--drafts", "us-28,no-such-draft", "no-such-draft" },
  };
  Result r;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      r = run_cli ("-o", path, cases[i][0], cases[i][1], NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, cases[i][2]));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      result_clear (&r);
    }

  r = run_cli (missing, "-o", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "missing.zopa.json"));
  result_clear (&r);

  /* An output that cannot be written. */
  r = run_cli ("-o", "/nonexistent-zopa-dir/out.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/nonexistent-zopa-dir/out.png"));
  result_clear (&r);
}

/* The bargaining view of a pair, and its bad usage: a single actor, an actor not in the
 * scenario. */
static void
test_bargaining (void)
{
  static const char *formats[] = { "png", "svg", "pdf" };
  g_autofree char *never = out_path ("never-bargaining.png");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("bargaining.%s", formats[f]);
      g_autofree char *path = out_path (name);
      Result r = run_cli ("-o", path, "--view", "bargaining", "--actors", "kyiv,moscow",
                          "--width", "1920", "--height", "1080", NULL);

      if (r.status != 0)
        g_printerr ("%s", r.err);
      g_assert_cmpint (r.status, ==, 0);
      check_file (path, formats[f], 1920, 1080);
      g_unlink (path);
      result_clear (&r);
    }
  {
    Result r = run_cli ("-o", never, "--view", "bargaining", "--actors", "kyiv", NULL);

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--actors A,B"));
    result_clear (&r);
  }
  {
    Result r = run_cli ("-o", never, "--view", "bargaining", "--actors", "kyiv,atlantis", NULL);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "atlantis"));
    result_clear (&r);
  }
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
}

static void
test_bad_usage (void)
{
  g_autofree char *path = out_path ("never.png");
  const char *cases[][4] = {
    { NULL },                                   /* no output */
    { "-o", "out.jpeg", NULL },                 /* unknown format */
    { "-o", path, "--view", "pie" },
    { "-o", path, "--mode", "exact" },
    { "-o", path, "--theme", "sepia" },
    { "-o", path, "--background", "plaid" },
    { "-o", path, "--width", "0" },
    { "-o", path, "--height", "abc" },
    { "-o", path, "--scale", "-1" },
    { "-o", path, "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result r = run_cli (cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);

      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpuint (strlen (r.err), >, 0);
      result_clear (&r);
    }
  {
    Result r = run_cli ("a.zopa.json", "b.zopa.json", "-o", path, NULL);
    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The built-in scenario with its storyboard cut to the first n frames, saved as name. */
static char *
save_builtin_storyboard (const char *name,
                         guint       n)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *path = out_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  while (g_list_model_get_n_items (zopa_scenario_get_frames (scenario)) > n)
    zopa_scenario_remove_frame (scenario, g_list_model_get_n_items (zopa_scenario_get_frames (scenario)) - 1);
  g_assert_true (zopa_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static guint
count_occurrences (const char *data,
                   gsize       length,
                   const char *needle)
{
  gsize n_needle = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + n_needle <= length; i++)
    n += memcmp (data + i, needle, n_needle) == 0;
  return n;
}

static void
test_storyboard (void)
{
  g_autoptr(ZopaScenario) builtin = zopa_scenario_load_builtin ();
  guint n_frames = g_list_model_get_n_items (zopa_scenario_get_frames (builtin));
  g_autofree char *pdf = out_path ("talk.pdf");
  g_autofree char *two = save_builtin_storyboard ("two-frames.zopa.json", 2);
  g_autofree char *series = out_path ("slide.png");
  g_autofree char *svgs = out_path ("slide.svg");
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_cmpuint (n_frames, >=, 2);
  {
    Result r = run_cli ("--storyboard", "-o", pdf, NULL);

    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
  }
  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  g_assert_cmpuint (count_occurrences (data, length, "/Type /Page") - count_occurrences (data, length, "/Type /Pages"),
                    ==, n_frames);
  g_assert_cmpuint (count_occurrences (data, length, "/MediaBox [ 0 0 1920 1080 ]"), ==, n_frames);
  g_unlink (pdf);

  /* 4:3 at half scale, from a file of two frames: slide-01.png and slide-02.png only. */
  {
    Result r = run_cli (two, "--storyboard", "-o", series, "--width", "1440", "--height", "1080", "--scale", "0.5",
                        "--theme", "dark", "--background", "transparent", NULL);

    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
  }
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("slide-%02u.png", i);
      g_autofree char *path = out_path (name);

      if (i == 3)
        {
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          continue;
        }
      check_file (path, "png", 720, 540);
      g_unlink (path);
    }
  g_assert_false (g_file_test (series, G_FILE_TEST_EXISTS));
  {
    Result r = run_cli (two, "--storyboard", "-o", svgs, NULL);

    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
  }
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("slide-%02u.svg", i);
      g_autofree char *path = out_path (name);

      check_file (path, "svg", 0, 0);
      g_unlink (path);
    }
  g_unlink (two);
}

static void
test_storyboard_errors (void)
{
  static const char *clashes[][2] = {
    { "--view", "venn" }, { "--mode", "proportional" }, { "--variant", "post-putin" },
    { "--actors", "kyiv,moscow" }, { "--drafts", "" }, { "--title", "Talk" }, { "--headline", "" },
  };
  g_autofree char *none = save_builtin_storyboard ("no-storyboard.zopa.json", 0);
  g_autofree char *pdf = out_path ("talk.pdf");

  for (guint i = 0; i < G_N_ELEMENTS (clashes); i++)
    {
      Result r = run_cli ("--storyboard", clashes[i][0], clashes[i][1], "-o", pdf, NULL);
      g_autofree char *expected = g_strdup_printf ("--storyboard and %s exclude each other", clashes[i][0]);

      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, expected));
      result_clear (&r);
    }
  {
    Result r = run_cli ("--storyboard", "-o", "-", "--format", "pdf", NULL);

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--storyboard writes files"));
    result_clear (&r);
  }
  {
    Result r = run_cli (none, "--storyboard", "-o", pdf, NULL);
    g_autofree char *expected = g_strdup_printf ("%s has no storyboard\n", none);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.err, ==, expected);
    result_clear (&r);
  }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_unlink (none);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("zopa-export-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/render/cli/every-view-and-format", test_every_view_and_format);
  g_test_add_func ("/render/cli/defaults-and-options", test_defaults_and_options);
  g_test_add_func ("/render/cli/file", test_a_file);
  g_test_add_func ("/render/cli/invalid-input", test_invalid_input);
  g_test_add_func ("/render/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/render/cli/bargaining", test_bargaining);
  g_test_add_func ("/render/cli/storyboard", test_storyboard);
  g_test_add_func ("/render/cli/storyboard-errors", test_storyboard_errors);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
