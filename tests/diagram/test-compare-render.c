/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-render.c: the comparison page as PNG, SVG and PDF, light and dark, and
 * `zopa-cli compare` (found through ZOPA_CLI). */

#include <string.h>
#include <sys/wait.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "analysis/zopa-comparison.h"
#include "diagram/zopa-comparison-render.h"
#include "model/zopa-scenario-file.h"

typedef struct {
  ZopaScenario   *scenario;
  ZopaAnalysis   *analysis;
  ZopaComparison *comparison;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->scenario = zopa_scenario_load_builtin ();
  fixture->analysis = zopa_analysis_new (fixture->scenario, NULL, NULL, NULL);
  fixture->comparison = zopa_comparison_new (fixture->scenario, fixture->analysis, "us-28", "geneva-19", NULL);
  g_assert_nonnull (fixture->comparison);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->comparison);
  g_assert_finalize_object (fixture->analysis);
  g_assert_finalize_object (fixture->scenario);
}

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GInputStream *stream = closure;
  gsize read = 0;

  if (!g_input_stream_read_all (stream, data, length, &read, NULL, NULL) || read != length)
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_bytes, stream);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static void
test_png_light_and_dark (Fixture       *fixture,
                         gconstpointer  data)
{
  ZopaComparisonRenderOptions options;
  g_autoptr(ZopaComparisonRender) render = NULL;
  g_autoptr(GBytes) light = NULL;
  g_autoptr(GBytes) dark = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double height;
  guint64 inked = 0;

  zopa_comparison_render_options_init (&options);
  render = zopa_comparison_render_new (fixture->comparison, &options, &error);
  g_assert_no_error (error);
  height = zopa_comparison_render_get_height (render);
  /* Thirty-one rows of clauses make a tall page. */
  g_assert_cmpfloat (height, >, 3000);
  g_assert_cmpuint (zopa_comparison_render_get_n_rows (render), ==, 31);

  light = zopa_comparison_render_export_bytes (render, ZOPA_DIAGRAM_FORMAT_PNG, 1, &error);
  g_assert_no_error (error);
  surface = decode_png (light);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) height);
  g_assert_cmphex (pixel (surface, 2, 2), ==, 0xffffff);
  /* Not a blank page: text and cards cover a good part of it. */
  for (int y = 0; y < cairo_image_surface_get_height (surface); y += 4)
    for (int x = 0; x < 1280; x += 4)
      inked += pixel (surface, x, y) != 0xffffff;
  g_assert_cmpuint (inked, >, (guint64) (1280 / 4) * (guint64) (height / 4) / 5);
  cairo_surface_destroy (surface);

  zopa_comparison_render_set_theme (render, ZOPA_DIAGRAM_THEME_DARK);
  dark = zopa_comparison_render_export_bytes (render, ZOPA_DIAGRAM_FORMAT_PNG, 0.5, &error);
  g_assert_no_error (error);
  surface = decode_png (dark);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmphex (pixel (surface, 2, 2), ==, 0x1e1e1e);
  cairo_surface_destroy (surface);

  /* Too tall for PNG. */
  g_assert_null (zopa_comparison_render_export_bytes (render, ZOPA_DIAGRAM_FORMAT_PNG, 20, &error));
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
}

static void
test_only_changes_and_text_lines (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaComparison) same = zopa_comparison_new (scenario, NULL, "eu", "eu", NULL);
  ZopaComparisonRenderOptions options;
  g_autoptr(ZopaComparisonRender) all = NULL;
  g_autoptr(ZopaComparisonRender) changes = NULL;
  g_autoptr(ZopaComparisonRender) short_text = NULL;
  g_autoptr(ZopaComparisonRender) full = NULL;
  g_autoptr(GError) error = NULL;

  zopa_comparison_render_options_init (&options);
  all = zopa_comparison_render_new (same, &options, NULL);
  options.only_changes = TRUE;
  changes = zopa_comparison_render_new (same, &options, NULL);
  g_assert_cmpuint (zopa_comparison_render_get_n_rows (all), ==, 29);
  g_assert_cmpuint (zopa_comparison_render_get_n_rows (changes), ==, 0);
  g_assert_cmpfloat (zopa_comparison_render_get_height (changes), <, zopa_comparison_render_get_height (all));

  zopa_comparison_render_options_init (&options);
  full = zopa_comparison_render_new (fixture->comparison, &options, NULL);
  options.max_text_lines = 2;
  short_text = zopa_comparison_render_new (fixture->comparison, &options, NULL);
  g_assert_cmpfloat (zopa_comparison_render_get_height (short_text), <, zopa_comparison_render_get_height (full));

  options.width = 100;
  g_assert_null (zopa_comparison_render_new (fixture->comparison, &options, &error));
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
}

static void
test_pdf_pages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ZopaComparisonRender) render = zopa_comparison_render_new (fixture->comparison, NULL, NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  double scale = ZOPA_COMPARISON_PDF_PAGE_WIDTH / zopa_comparison_render_get_width (render);
  guint n_pages = zopa_comparison_render_get_n_pages (render, ZOPA_COMPARISON_PDF_PAGE_HEIGHT / scale);
  const char *bytes;
  gsize length;

  /* A tall page cut into A4 pages: several, and each row on one of them. */
  g_assert_cmpuint (n_pages, >, 3);
  g_assert_cmpuint (zopa_comparison_render_get_n_pages (render, 1e6), ==, 1);

  pdf = zopa_comparison_render_export_bytes (render, ZOPA_DIAGRAM_FORMAT_PDF, 1, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (pdf, &length);
  g_assert_true (length > 5 && memcmp (bytes, "%PDF-", 5) == 0);
  svg = zopa_comparison_render_export_bytes (render, ZOPA_DIAGRAM_FORMAT_SVG, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), 200, "<svg"));

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }
  dir = g_dir_make_tmp ("zopa-compare-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "comparison.pdf", NULL);
  g_assert_true (g_file_set_contents (path, bytes, length, &error));
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *info = NULL;
      const char *pages;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &info, NULL, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s", info);
      pages = strstr (info, "Pages:");
      g_assert_nonnull (pages);
      g_assert_cmpuint (g_ascii_strtoull (g_strchug ((char *) pages + 6), NULL, 10), ==, n_pages);
      g_assert_nonnull (strstr (info, "(A4)"));
    }
  {
    g_autofree char *out = g_build_filename (dir, "page", NULL);
    g_autofree char *first = g_build_filename (dir, "page-1.png", NULL);
    const char *argv[] = { pdftoppm, "-r", "30", "-png", "-f", "1", "-l", "1", path, out, NULL };
    int status = 0;
    cairo_surface_t *surface;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    /* Page numbers are padded to the page count's digits. */
    if (!g_file_test (first, G_FILE_TEST_EXISTS))
      {
        g_free (first);
        first = g_build_filename (dir, "page-01.png", NULL);
      }
    surface = cairo_image_surface_create_from_png (first);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    /* A4 landscape at 30 dpi: 351 × 248. */
    g_assert_cmpint (cairo_image_surface_get_width (surface), >, cairo_image_surface_get_height (surface));
    g_assert_cmpint (ABS (cairo_image_surface_get_width (surface) - 351), <=, 1);
    cairo_surface_destroy (surface);
    g_unlink (first);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- zopa-cli compare -------------------------------------------------------------------------- */

static int
run_cli (const char * const *args,
         char              **out)
{
  const char *cli = g_getenv ("ZOPA_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "compare");
  for (guint k = 0; args[k] != NULL; k++)
    g_ptr_array_add (argv, (gpointer) args[k]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zopa-compare-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  JsonObject *root;

  if (g_getenv ("ZOPA_CLI") == NULL)
    {
      g_test_skip ("ZOPA_CLI is not set");
      return;
    }

  g_assert_cmpint (run_cli ((const char *[]) { "us-28", "eu", "--json", NULL }, &out), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "right"), ==, "eu");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "deleted"), ==, 2);
  g_clear_pointer (&out, g_free);

  /* Text for people names the drafts and the verdicts. */
  g_assert_cmpint (run_cli ((const char *[]) { "us-28", "geneva-19", NULL }, &out), ==, 0);
  g_assert_nonnull (strstr (out, "Geneva 19-point framework"));
  g_assert_nonnull (strstr (out, "rejects 27.5 → depends 10–100"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "us-28", "geneva-19", "-o", png, "--theme", "dark", NULL }, &out), ==, 0);
  {
    cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
    cairo_surface_destroy (surface);
  }
  g_clear_pointer (&out, g_free);
  g_unlink (png);
  g_rmdir (dir);

  g_assert_cmpint (run_cli ((const char *[]) { "us-28", "nowhere", NULL }, &out), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "us-28", NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "us-28", "eu", "-o", "x.gif", NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "us-28", "eu", "--variant", "nowhere", NULL }, &out), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/compare-render/png-light-and-dark", Fixture, NULL, fixture_set_up,
              test_png_light_and_dark, fixture_tear_down);
  g_test_add ("/compare-render/only-changes-and-text-lines", Fixture, NULL, fixture_set_up,
              test_only_changes_and_text_lines, fixture_tear_down);
  g_test_add ("/compare-render/pdf-pages", Fixture, NULL, fixture_set_up,
              test_pdf_pages, fixture_tear_down);
  g_test_add_func ("/compare-render/cli", test_cli);

  return g_test_run ();
}
