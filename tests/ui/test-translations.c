/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-translations.c LOCALE: the window and an exported diagram in another language, with
 * the translations built in this tree (ZOPA_TEST_LOCALEDIR). Saves a picture of the window as
 * translation-LOCALE.png in G_TEST_BUILDDIR. Skips when the system lacks the locale
 * (Debian: package locales, then locale-gen).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "model/zopa-scenario-file.h"
#include "ui/zopa-application.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

typedef struct {
  const char *locale;
  const char *builtin_subtitle;   /* the window's subtitle on the built-in scenario */
  const char *open_tooltip;       /* the Open button's tooltip */
  const char *base_scenario;      /* how a diagram names the base scenario */
  const char *grouped_number;     /* a number of thousands, grouped the locale's way */
} Expected;

static const Expected expectations[] = {
  { "de_DE.UTF-8", "Eingebautes Szenario", "Ein Szenario öffnen (Strg+O)", "Basisszenario",
    "[0-9]{1,3}(\\.[0-9]{3})+" },
  { "uk_UA.UTF-8", "Вбудований сценарій", "Відкрити сценарій (Ctrl+O)", "Базовий сценарій",
    /* the locale's narrow no-break space; pdftotext may give it as a plain space */
    "[0-9]{1,3}([\u202f\u00a0 ][0-9]{3})+" },
};

static ZopaApplication *app;
static const Expected *expected;

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static void
save_window_picture (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("translation-%s.png", expected->locale);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("window picture: %s", path);
}

static void
test_window_is_translated (void)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  AdwWindowTitle *title;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();

  title = ADW_WINDOW_TITLE (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, expected->builtin_subtitle);
  g_assert_nonnull (zopa_ui_test_find_widget (GTK_WIDGET (window), has_tooltip, expected->open_tooltip));

  save_window_picture (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

/* The text of a PDF, through pdftotext (poppler-utils); NULL when it is not installed. */
static char *
pdf_text (GBytes *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  if (pdftotext == NULL)
    return NULL;
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                              &error, pdftotext, "-enc", "UTF-8", "-", "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, pdf, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  data = g_bytes_get_data (out, &length);
  return g_strndup (data != NULL ? data : "", length);
}

/* What a slide says: its heading, the numbers in the locale's grouping and decimal comma. */
static void
test_export_is_translated (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(ZopaDiagram) diagram = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  ZopaDiagramOptions options;

  analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_assert_no_error (error);
  zopa_diagram_options_init (&options);
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  g_assert_no_error (error);

  summary = zopa_diagram_describe_summary (diagram);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, expected->base_scenario));

  pdf = zopa_diagram_export_bytes (diagram, ZOPA_DIAGRAM_FORMAT_PDF, 1, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_test_message ("%s", text);
  heading = g_strdup_printf ("%s · ", expected->base_scenario);
  g_assert_nonnull (strstr (text, heading));
  g_assert_true (g_regex_match_simple (expected->grouped_number, text, 0, 0));
  g_assert_true (g_regex_match_simple ("[0-9],[0-9] %", text, 0, 0));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ZOPA_TEST_LOCALEDIR");
  const char *locale = argc > 1 ? argv[argc - 1] : "";

  for (gsize i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].locale, locale))
      expected = &expectations[i];
  g_assert_nonnull (expected);
  g_assert_nonnull (localedir);

  if (setlocale (LC_ALL, expected->locale) == NULL)
    {
      g_print ("1..0 # SKIP the locale %s is not generated (package locales, locale-gen)\n", expected->locale);
      return 0;
    }
  g_setenv ("LC_ALL", expected->locale, TRUE);
  g_unsetenv ("LANGUAGE");

  app = zopa_ui_test_init_app (&argc, &argv);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/translations/window", test_window_is_translated);
  g_test_add_func ("/translations/export", test_export_is_translated);

  return g_test_run ();
}
