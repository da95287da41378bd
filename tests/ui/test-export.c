/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: the Export dialog's choices and output, and copying the diagram */

#include "config.h"

#include "ui/zopa-application.h"
#include "analysis/zopa-analysis-csv.h"
#include "ui/zopa-export.h"

#include "zopa-ui-test.h"

static GBytes *
export_with (ZopaExportDialog *dialog,
             const char       *name)
{
  g_autoptr(GFile) file = zopa_ui_test_temp_file (name);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_true (zopa_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  zopa_ui_test_remove_temp_file (file);
  return bytes;
}

static void
test_export_dialog_formats_and_memory (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ZopaExportDialog *dialog = zopa_export_dialog_new (NULL, session);
  AdwComboRow *format_row, *size_row, *scale_row;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const guint8 *data;
  gsize length;

  gtk_window_present (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
  format_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0));
  size_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 1));
  scale_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2));
  g_assert_nonnull (format_row);

  /* 1280 × 720 at 2×: a PNG of 2560 × 1440 pixels. */
  adw_combo_row_set_selected (format_row, 0);
  adw_combo_row_set_selected (size_row, 1);
  adw_combo_row_set_selected (scale_row, 1);
  png = export_with (dialog, "slide.png");
  data = g_bytes_get_data (png, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 2560);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 1440);

  /* The choices are remembered for the next time. */
  g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 1280);
  g_assert_cmpint (g_settings_get_int (settings, "export-height"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "export-scale"), ==, 2);

  adw_combo_row_set_selected (format_row, 1);
  svg = export_with (dialog, "slide.svg");
  data = g_bytes_get_data (svg, &length);
  g_assert_nonnull (g_strstr_len ((const char *) data, length, "<svg"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (scale_row)));

  adw_combo_row_set_selected (format_row, 2);
  pdf = export_with (dialog, "slide.pdf");
  data = g_bytes_get_data (pdf, &length);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_assert_cmpint (g_settings_get_enum (settings, "export-format"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
}

/* The typed extension decides what is written, whatever the menu says; .csv is the analysis. */
static void
test_export_follows_extension (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaExportDialog *dialog = zopa_export_dialog_new (NULL, session);
  AdwComboRow *format_row;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) csv_again = NULL;
  g_autofree char *expected = NULL;
  const guint8 *data;
  gsize length;

  gtk_window_present (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
  format_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0));

  /* "SVG Drawing" chosen, slide.png typed: a PNG, and the menu says PNG now. */
  adw_combo_row_set_selected (format_row, 1);
  png = export_with (dialog, "slide.png");
  data = g_bytes_get_data (png, &length);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, 0);

  adw_combo_row_set_selected (format_row, 1);
  pdf = export_with (dialog, "handout.PDF");
  data = g_bytes_get_data (pdf, &length);
  g_assert_cmpmem (data, 5, "%PDF-", 5);

  /* No extension: the menu's format. */
  adw_combo_row_set_selected (format_row, 1);
  g_clear_pointer (&png, g_bytes_unref);
  png = export_with (dialog, "slide");
  data = g_bytes_get_data (png, &length);
  g_assert_nonnull (g_strstr_len ((const char *) data, length, "<svg"));

  /* The analysis, by its extension or by "Analysis as CSV…": the table of the analysis shown. */
  csv = export_with (dialog, "analysis.csv");
  expected = zopa_analysis_to_csv (zopa_session_get_analysis (session));
  data = g_bytes_get_data (csv, &length);
  g_assert_cmpmem (data, length, expected, strlen (expected));
  g_assert_true (g_str_has_prefix (expected, "record,variant,draft,actors,verdict,"));
  {
    g_autoptr(GFile) file = zopa_ui_test_temp_file ("table");
    g_autoptr(GError) error = NULL;

    g_assert_true (zopa_export_dialog_export_analysis_to (dialog, file, &error));
    g_assert_no_error (error);
    csv_again = g_file_load_bytes (file, NULL, NULL, &error);
    g_assert_no_error (error);
    zopa_ui_test_remove_temp_file (file);
    g_assert_true (g_bytes_equal (csv, csv_again));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
}

static void
on_texture_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

/* The Headline row starts with what the diagram finds; what it says is what the page says,
 * and an empty row leaves the line out. */
static void
test_export_headline (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaExportDialog *dialog = zopa_export_dialog_new (NULL, session);
  GtkEditable *headline_row;
  g_autoptr(GBytes) with_finding = NULL;
  g_autoptr(GBytes) with_finding_again = NULL;
  g_autoptr(GBytes) without = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
  headline_row = GTK_EDITABLE (zopa_ui_test_find_named (GTK_WIDGET (dialog), "headline-row"));
  g_assert_cmpstr (gtk_editable_get_text (headline_row), ==, "No deal is acceptable to all four");

  with_finding = export_with (dialog, "finding.png");
  gtk_editable_set_text (headline_row, "");
  without = export_with (dialog, "no-headline.png");
  g_assert_false (g_bytes_equal (with_finding, without));
  gtk_editable_set_text (headline_row, "No deal is acceptable to all four");
  with_finding_again = export_with (dialog, "finding-again.png");
  g_assert_true (g_bytes_equal (with_finding, with_finding_again));

  gtk_window_destroy (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
}

/* The mean lightness of the opaque pixels of the title, and the alpha of the top-left
 * corner, of an exported PNG. */
static void
measure_title (GBytes *png,
               double *lightness,
               guint  *corner_alpha)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (png, &error);
  int width, height;
  g_autofree guchar *pixels = NULL;
  double sum = 0;
  guint n = 0;

  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, ==, 1920);
  g_assert_cmpint (height, ==, 1080);
  pixels = g_malloc ((gsize) width * height * 4);
  /* Cairo's order: premultiplied B, G, R, A in memory on little-endian machines. */
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  *corner_alpha = pixels[3];
  for (int y = 56; y < 110; y++)
    for (int x = 56; x < 900; x++)
      {
        const guchar *p = pixels + ((gsize) y * width + x) * 4;

        if (p[3] == 255)
          {
            sum += (p[0] + p[1] + p[2]) / (3.0 * 255);
            n++;
          }
      }
  g_assert_cmpuint (n, >, 1000);
  *lightness = sum / n;
}

/* Transparent pages come in two kinds: dark text for a light slide, light text (and dark
 * plates and hatching) for a dark one. */
static void
test_export_transparent_kinds (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ZopaExportDialog *dialog = zopa_export_dialog_new (NULL, session);
  AdwComboRow *format_row, *size_row, *scale_row, *background_row;
  g_autoptr(GBytes) for_light = NULL;
  g_autoptr(GBytes) for_dark = NULL;
  double lightness;
  guint alpha;

  gtk_window_present (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
  format_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0));
  size_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 1));
  scale_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2));
  background_row = ADW_COMBO_ROW (zopa_ui_test_find_nth_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 3));
  adw_combo_row_set_selected (format_row, 0);
  adw_combo_row_set_selected (size_row, 0);
  adw_combo_row_set_selected (scale_row, 0);

  adw_combo_row_set_selected (background_row, 2);
  for_light = export_with (dialog, "for-light.png");
  measure_title (for_light, &lightness, &alpha);
  g_assert_cmpuint (alpha, ==, 0);
  g_assert_cmpfloat (lightness, <, 0.3);

  adw_combo_row_set_selected (background_row, 3);
  for_dark = export_with (dialog, "for-dark.png");
  measure_title (for_dark, &lightness, &alpha);
  g_assert_cmpuint (alpha, ==, 0);
  g_assert_cmpfloat (lightness, >, 0.7);
  {
    g_autofree char *kept = g_settings_get_string (settings, "export-background");

    g_assert_cmpstr (kept, ==, "transparent-dark");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  zopa_ui_test_drain_events ();
}

static void
test_copy_diagram (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_int (settings, "export-width", 1024);
  g_settings_set_int (settings, "export-height", 768);
  g_settings_set_int (settings, "export-scale", 1);
  g_assert_true (zopa_export_copy_to_clipboard (session, clipboard, &error));
  g_assert_no_error (error);

  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1024);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 768);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZopaApplication) app = NULL;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add_func ("/export/dialog-formats-and-memory", test_export_dialog_formats_and_memory);
  g_test_add_func ("/export/follows-extension", test_export_follows_extension);
  g_test_add_func ("/export/copy-diagram", test_copy_diagram);
  g_test_add_func ("/export/headline", test_export_headline);
  g_test_add_func ("/export/transparent-kinds", test_export_transparent_kinds);
  return g_test_run ();
}
