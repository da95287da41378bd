/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presentation.c: the storyboard's window actions — presentation mode opened from the
 * main window, stepped through its frames and closed; a frame that cannot be drawn; the
 * storyboard exported as a PDF of one page per frame and as a numbered PNG series */

#include "config.h"

#include <string.h>

#include "model/zopa-scenario-file.h"
#include "ui/zopa-presentation.h"
#include "ui/zopa-storyboard-export.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

/* The scenario's own storyboard, or three frames when it has none. */
static guint
ensure_frames (ZopaScenario *scenario)
{
  static const char *const views[] = { "venn", "issue-map", "venn" };
  GListModel *frames = zopa_scenario_get_frames (scenario);

  if (g_list_model_get_n_items (frames) > 0)
    return g_list_model_get_n_items (frames);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(ZopaFrame) frame = zopa_frame_new ();
      g_autofree char *caption = g_strdup_printf ("Frame %u", i + 1);

      zopa_frame_set_caption (frame, caption);
      zopa_frame_set_view (frame, views[i]);
      if (i == 2)
        zopa_frame_set_mode (frame, "proportional");
      zopa_scenario_insert_frame (scenario, i, frame);
    }
  return G_N_ELEMENTS (views);
}

static void
remove_frames (ZopaScenario *scenario)
{
  while (g_list_model_get_n_items (zopa_scenario_get_frames (scenario)) > 0)
    zopa_scenario_remove_frame (scenario, 0);
}

static ZopaPresentation *
find_presentation (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ZOPA_IS_PRESENTATION (l->data))
      return l->data;
  return NULL;
}

static gboolean
presentation_ready (gpointer data)
{
  return zopa_presentation_get_n_frames (data) > 0;
}

static gboolean
presentation_gone (gpointer data)
{
  return find_presentation () == NULL;
}

static gboolean
match_label_text (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
assert_indicator (ZopaPresentation *presentation,
                  guint             position,
                  guint             n_frames)
{
  g_autofree char *text = g_strdup_printf ("%u / %u", position + 1, n_frames);

  g_assert_cmpuint (zopa_presentation_get_position (presentation), ==, position);
  g_assert_nonnull (zopa_ui_test_find_widget (GTK_WIDGET (presentation), match_label_text, text));
}

static void
test_presentation_steps_through_frames (void)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  ZopaScenario *scenario = zopa_document_get_scenario (zopa_window_get_document (window));
  g_autoptr(ZopaFrame) first = NULL;
  ZopaPresentation *presentation;
  const char *caption;
  guint n_frames;

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();

  /* Without frames the action is off: nothing opens. */
  remove_frames (scenario);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-storyboard", NULL);
  zopa_ui_test_drain_events ();
  g_assert_null (find_presentation ());

  n_frames = ensure_frames (scenario);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-storyboard", NULL));
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  zopa_ui_test_wait_for (presentation_ready, presentation);
  g_assert_cmpuint (zopa_presentation_get_n_frames (presentation), ==, n_frames);
  assert_indicator (presentation, 0, n_frames);
  first = g_list_model_get_item (zopa_scenario_get_frames (scenario), 0);
  caption = zopa_frame_get_caption (first);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), ==,
                   caption != NULL && *caption != '\0' ? caption : zopa_scenario_get_title (scenario));

  gtk_widget_activate_action (GTK_WIDGET (presentation), "slide.next", NULL);
  assert_indicator (presentation, 1, n_frames);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "slide.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "slide.previous", NULL);
  assert_indicator (presentation, 0, n_frames);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "slide.last", NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "slide.next", NULL);
  assert_indicator (presentation, n_frames - 1, n_frames);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "slide.first", NULL);
  assert_indicator (presentation, 0, n_frames);
  /* Mid-fade frames are drawn too (the fade needs a mapped area, which Xvfb gives). */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "slide.next", NULL);
  zopa_ui_test_drain_events ();

  gtk_widget_activate_action (GTK_WIDGET (presentation), "window.close", NULL);
  zopa_ui_test_wait_for (presentation_gone, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

/* Closing while the storyboard is being solved drops the work; nothing is shown later. */
static void
test_presentation_closed_while_preparing (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  ZopaPresentation *presentation;

  ensure_frames (scenario);
  presentation = zopa_presentation_new (NULL, scenario);
  gtk_window_present (GTK_WINDOW (presentation));
  g_assert_cmpuint (zopa_presentation_get_n_frames (presentation), ==, 0);
  gtk_window_destroy (GTK_WINDOW (presentation));
  zopa_ui_test_wait_for (presentation_gone, NULL);
  zopa_ui_test_drain_events ();
}

static gboolean
match_visible_status_page (GtkWidget     *widget,
                           gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
error_shown (gpointer data)
{
  return zopa_ui_test_find_widget (data, match_visible_status_page, NULL) != NULL;
}

static void
test_presentation_shows_a_frame_it_cannot_draw (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaFrame) frame = zopa_frame_new ();
  ZopaPresentation *presentation;
  AdwStatusPage *page;

  remove_frames (scenario);
  zopa_frame_set_variant (frame, "no-such-<variant>");
  zopa_scenario_insert_frame (scenario, 0, frame);
  presentation = zopa_presentation_new (NULL, scenario);
  gtk_window_present (GTK_WINDOW (presentation));
  zopa_ui_test_wait_for (error_shown, presentation);
  page = ADW_STATUS_PAGE (zopa_ui_test_find_widget (GTK_WIDGET (presentation), match_visible_status_page, NULL));
  g_test_message ("shown: %s", adw_status_page_get_description (page));
  /* The message names the frame; the id in it is not taken for markup. */
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (page), "Frame 1"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "no-such-&lt;variant&gt;"));
  g_assert_cmpuint (zopa_presentation_get_n_frames (presentation), ==, 0);
  gtk_window_destroy (GTK_WINDOW (presentation));
  zopa_ui_test_drain_events ();
}

typedef struct {
  gboolean  done;
  guint     n_files;
  GFile    *first;
} Exported;

static void
on_exported (GFile    *first_file,
             guint     n_files,
             gpointer  user_data)
{
  Exported *exported = user_data;

  exported->done = TRUE;
  exported->n_files = n_files;
  exported->first = g_object_ref (first_file);
}

static gboolean
export_done (gpointer data)
{
  return ((Exported *) data)->done;
}

/* What pdfinfo says on a line of its output ("Pages:" …), or NULL. */
static char *
pdfinfo_field (GFile      *file,
               const char *field)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { pdfinfo, path, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &output, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field))
      return g_strdup (g_strstrip (lines[i] + strlen (field)));
  return NULL;
}

static void
test_storyboard_export_writes_every_frame (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) pdf = zopa_ui_test_temp_file ("talk.pdf");
  g_autoptr(GFile) png = zopa_ui_test_temp_file ("talk.png");
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autofree char *expected_pages = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  Exported exported = { 0 };
  guint n_frames = ensure_frames (scenario);

  g_settings_set_int (settings, "export-width", 1024);
  g_settings_set_int (settings, "export-height", 768);
  g_settings_set_enum (settings, "export-background", 1);

  zopa_storyboard_export_start (NULL, scenario, pdf, ZOPA_DIAGRAM_FORMAT_PDF, cancellable, on_exported, &exported);
  zopa_ui_test_wait_for (export_done, &exported);
  g_assert_cmpuint (exported.n_files, ==, 1);
  g_assert_true (g_file_equal (exported.first, pdf));
  g_clear_object (&exported.first);
  if (pdfinfo == NULL)
    g_test_message ("pdfinfo (poppler-utils) is not installed: pages not counted");
  else
    {
      pages = pdfinfo_field (pdf, "Pages:");
      size = pdfinfo_field (pdf, "Page size:");
      expected_pages = g_strdup_printf ("%u", n_frames);
      g_assert_cmpstr (pages, ==, expected_pages);
      g_assert_true (g_str_has_prefix (size, "1024 x 768 pts"));
    }

  /* A series: talk-01.png, talk-02.png, … one per frame. */
  exported = (Exported) { 0 };
  zopa_storyboard_export_start (NULL, scenario, png, ZOPA_DIAGRAM_FORMAT_PNG, cancellable, on_exported, &exported);
  zopa_ui_test_wait_for (export_done, &exported);
  g_assert_cmpuint (exported.n_files, ==, n_frames);
  for (guint i = 1; i <= n_frames; i++)
    {
      g_autofree char *name = g_strdup_printf ("talk-%02u.png", i);
      g_autoptr(GFile) parent = g_file_get_parent (png);
      g_autoptr(GFile) numbered = g_file_get_child (parent, name);
      g_autofree char *path = g_file_get_path (numbered);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, NULL);

      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 1024);
      zopa_ui_test_remove_temp_file (numbered);
    }
  g_clear_object (&exported.first);
  zopa_ui_test_remove_temp_file (pdf);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return zopa_ui_test_find_message_dialog () != NULL;
}

/* A place that cannot be written: the dialog names the file and says why. */
static void
test_storyboard_export_failure_is_told (void)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  ZopaScenario *scenario = zopa_document_get_scenario (zopa_window_get_document (window));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) folder = zopa_ui_test_temp_file ("no-such-folder");
  g_autoptr(GFile) pdf = g_file_get_child (folder, "talk.pdf");
  Exported exported = { 0 };
  AdwMessageDialog *dialog;

  ensure_frames (scenario);
  gtk_window_present (GTK_WINDOW (window));
  zopa_storyboard_export_start (GTK_WINDOW (window), scenario, pdf, ZOPA_DIAGRAM_FORMAT_PDF, cancellable,
                                on_exported, &exported);
  zopa_ui_test_wait_for (message_dialog_shown, NULL);
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Storyboard to “talk.pdf”");
  g_test_message ("told: %s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_false (exported.done);
  zopa_ui_test_click_response (dialog, "_Close");
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZopaApplication) application = NULL;

  application = zopa_ui_test_init_app (&argc, &argv);
  app = application;

  g_test_add_func ("/presentation/steps-through-frames", test_presentation_steps_through_frames);
  g_test_add_func ("/presentation/closed-while-preparing", test_presentation_closed_while_preparing);
  g_test_add_func ("/presentation/frame-it-cannot-draw", test_presentation_shows_a_frame_it_cannot_draw);
  g_test_add_func ("/storyboard-export/writes-every-frame", test_storyboard_export_writes_every_frame);
  g_test_add_func ("/storyboard-export/failure-is-told", test_storyboard_export_failure_is_told);
  return g_test_run ();
}
