/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile.c: a scenario file written to hurt — markup, control characters, RTL
 * overrides and 100,000-character names — opened in every window (main window, draft panel
 * and clause editor, actor, issue and variant editors, storyboard, comparison window, export
 * dialog) and
 * exported in every format. Every label, row title and tooltip must show the text as it is
 * (or its first part and an ellipsis), short enough to measure at once, and GTK must not
 * warn (G_DEBUG=fatal-warnings). The meson timeout bounds the time it all takes. */

#include "config.h"

#include <string.h>

#include "analysis/zopa-display-text.h"
#include "model/zopa-scenario-file.h"
#include "ui/zopa-actor-editor.h"
#include "ui/zopa-compare-window.h"
#include "ui/zopa-diagram-area.h"
#include "ui/zopa-draft-panel.h"
#include "ui/zopa-export.h"
#include "ui/zopa-issue-editor.h"
#include "ui/zopa-storyboard-window.h"
#include "ui/zopa-user-text.h"
#include "ui/zopa-variant-editor.h"
#include "ui/zopa-window.h"
#include "zopa-ui-test.h"

static ZopaApplication *app;

#define HOSTILE_MARKUP     "<span size='xx-large' foreground='red'>Loud</span>"
#define HOSTILE_UNBALANCED "a < b & c"
#define HOSTILE_CONTROL    "bell\a escape\x1b[2J end"
#define HOSTILE_RTL        "\u202Eevil\u202C"
#define LONG_LENGTH        100000

/* Longer than this, a label is not cut: user text went into it whole. */
#define MAX_SHOWN_CHARS    (2 * ZOPA_DISPLAY_TEXT_PARAGRAPH)

typedef struct {
  const char *texts[8];      /* the hostile texts the file holds */
  guint       seen[8];       /* how many labels and tooltips show each, literally */
  GPtrArray  *failures;      /* what was not shown literally, or not cut */
} Survey;

/* The first characters of a text, as the place to look for it. */
static char *
signature_of (const char *text)
{
  const char *end = text;

  for (guint n = 0; n < 12 && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

/* Whether shown holds hostile literally wherever it holds its start: the whole text, or a
 * first part ending in "…" or at the end of what is shown. */
static gboolean
shows_literally (const char *shown,
                 const char *hostile,
                 gboolean   *found)
{
  g_autofree char *signature = signature_of (hostile);
  const char *p = shown;

  *found = FALSE;
  while ((p = strstr (p, signature)) != NULL)
    {
      const char *h = hostile;
      const char *q = p;

      *found = TRUE;
      while (*h != '\0' && *q != '\0' && *h == *q)
        h++, q++;
      if (*h != '\0' && *q != '\0' && !g_str_has_prefix (q, "…"))
        return FALSE;
      p += strlen (signature);
    }
  return TRUE;
}

/* Where a widget is, for the messages: its window and parent. */
static char *
place_of (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return g_strdup_printf ("%s > %s", G_OBJECT_TYPE_NAME (gtk_widget_get_root (widget)),
                          parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-");
}

static void
check_text (Survey     *survey,
            GtkWidget  *widget,
            const char *what,
            const char *text)
{
  g_autofree char *place = NULL;

  if (text == NULL)
    return;
  place = place_of (widget);
  if (g_utf8_strlen (text, -1) > MAX_SHOWN_CHARS)
    g_ptr_array_add (survey->failures, g_strdup_printf ("%s in %s: %ld characters, not cut: “%.40s”", what, place,
                                                        g_utf8_strlen (text, -1), text));
  for (guint k = 0; survey->texts[k] != NULL; k++)
    {
      gboolean found;

      if (!shows_literally (text, survey->texts[k], &found))
        g_ptr_array_add (survey->failures, g_strdup_printf ("%s in %s does not show “%.30s” literally: “%.80s”", what,
                                                            place, survey->texts[k], text));
      else if (found)
        survey->seen[k]++;
    }
}

static gboolean
survey_widget (GtkWidget     *widget,
               gconstpointer  data)
{
  /* The walk passes its state as const; the survey is ours to fill. */
  Survey *survey = (Survey *) data;
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_label (GTK_LABEL (widget));

      /* Markup parsing of user text would have eaten the tags, or warned. */
      if (gtk_label_get_use_markup (GTK_LABEL (widget)) &&
          (strstr (label, "<span size='xx-large'") != NULL || strstr (label, HOSTILE_UNBALANCED) != NULL))
        g_ptr_array_add (survey->failures, g_strdup_printf ("markup label in %s: “%.60s”",
                                                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), label));
      check_text (survey, widget, "label", gtk_label_get_text (GTK_LABEL (widget)));
    }
  /* A tooltip set as text is stored escaped; raw tags mean it was set as markup. */
  if (markup != NULL && strstr (markup, "<span size='xx-large'") != NULL)
    g_ptr_array_add (survey->failures, g_strdup_printf ("markup tooltip on %s", G_OBJECT_TYPE_NAME (widget)));
  check_text (survey, widget, "tooltip", zopa_user_text_get_tooltip (widget));
  return FALSE;
}

static void
survey_all_windows (Survey *survey)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      const char *title = gtk_window_get_title (l->data);

      if (title != NULL && g_utf8_strlen (title, -1) > MAX_SHOWN_CHARS)
        g_ptr_array_add (survey->failures, g_strdup_printf ("title of %s not cut", G_OBJECT_TYPE_NAME (l->data)));
      zopa_ui_test_find_widget (l->data, survey_widget, survey);
    }
}

static void
destroy_all_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  zopa_ui_test_drain_events ();
}

/* unit repeated to n_chars characters (or a few more). */
static char *
repeat (const char *unit,
        guint       n_chars)
{
  GString *out = g_string_new (NULL);
  glong unit_chars = g_utf8_strlen (unit, -1);

  for (glong n = 0; n < n_chars; n += unit_chars)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
check_export (GBytes            *bytes,
              ZopaDiagramFormat  format)
{
  static const char * const magic[] = {
    [ZOPA_DIAGRAM_FORMAT_PNG] = "\x89PNG", [ZOPA_DIAGRAM_FORMAT_SVG] = "<?xml", [ZOPA_DIAGRAM_FORMAT_PDF] = "%PDF-",
  };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 1000);
  g_assert_true (size > strlen (magic[format]) && memcmp (data, magic[format], strlen (magic[format])) == 0);
}

static void
test_hostile_file_everywhere (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaActor) first = g_list_model_get_item (zopa_scenario_get_actors (scenario), 0);
  g_autoptr(ZopaActor) second = g_list_model_get_item (zopa_scenario_get_actors (scenario), 1);
  g_autoptr(ZopaDraft) draft = g_list_model_get_item (zopa_scenario_get_drafts (scenario), 0);
  g_autoptr(ZopaDraft) other = g_list_model_get_item (zopa_scenario_get_drafts (scenario), 1);
  g_autoptr(ZopaIssue) issue = g_list_model_get_item (zopa_scenario_get_issues (scenario), 0);
  g_autoptr(ZopaOption) option = g_list_model_get_item (zopa_issue_get_options (issue), 0);
  g_autoptr(ZopaClause) clause = g_list_model_get_item (zopa_draft_get_clauses (draft), 0);
  g_autoptr(ZopaFrame) frame = g_list_model_get_item (zopa_scenario_get_frames (scenario), 0);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.zopa.Zopa");
  g_autofree char *long_latin = repeat ("Z", LONG_LENGTH);
  g_autofree char *long_w = repeat ("W", LONG_LENGTH - 3);
  g_autofree char *long_markup = g_strconcat ("<b>", long_w, NULL);
  g_autofree char *long_cyrillic = repeat ("Переговоры ", LONG_LENGTH);
  g_autofree char *draft_id = g_strdup (zopa_draft_get_id (draft));
  g_autofree char *clause_id = g_strdup (zopa_clause_get_id (clause));
  g_autofree char *issue_id = g_strdup (zopa_issue_get_id (issue));
  g_autofree char *first_id = g_strdup (zopa_actor_get_id (first));
  g_autofree char *data = NULL;
  g_autoptr(GFile) file = NULL;
  Survey survey = { { 0 }, { 0 }, g_ptr_array_new_with_free_func (g_free) };
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  ZopaSession *session;
  GtkWindow *editors[4];
  ZopaCompareWindow *compare;
  ZopaExportDialog *export;
  gsize length;

  zopa_scenario_set_title (scenario, HOSTILE_MARKUP);
  zopa_actor_set_name (first, long_markup);
  zopa_actor_set_name (second, HOSTILE_UNBALANCED " " HOSTILE_RTL);
  zopa_draft_set_title (draft, HOSTILE_CONTROL " " HOSTILE_UNBALANCED);
  zopa_draft_set_notes (draft, HOSTILE_MARKUP "\nsecond line");
  zopa_draft_set_title (other, long_cyrillic);
  zopa_issue_set_title (issue, long_latin);
  zopa_option_set_label (option, HOSTILE_MARKUP " " HOSTILE_RTL);
  zopa_clause_set_title (clause, long_cyrillic);
  zopa_clause_set_text (clause, HOSTILE_MARKUP " " HOSTILE_CONTROL);
  zopa_frame_set_caption (frame, long_latin);
  survey.texts[0] = HOSTILE_MARKUP;
  survey.texts[1] = HOSTILE_UNBALANCED;
  survey.texts[2] = long_markup;
  survey.texts[3] = long_cyrillic;
  survey.texts[4] = long_latin;
  survey.texts[5] = HOSTILE_CONTROL;
  data = zopa_scenario_to_data (scenario, &length);
  file = zopa_ui_test_write_temp_file ("hostile.zopa.json", data, length);

  /* The main window with its sidebar, diagram, draft panel and clause editor, the editors,
   * the comparison of the two hostile drafts and the export dialog: first looked at before
   * GTK measures anything (a text not cut fails here, not in a stalled layout), then again
   * on screen, with the rows that are made as they are shown. */
  g_assert_true (zopa_window_open_file (window, file));
  session = zopa_diagram_area_get_session (ZOPA_DIAGRAM_AREA (zopa_ui_test_find_type (GTK_WIDGET (window),
                                                                                        ZOPA_TYPE_DIAGRAM_AREA)));
  zopa_session_set_selected_draft (session, draft_id);
  g_assert_true (zopa_draft_panel_open_clause (ZOPA_DRAFT_PANEL (zopa_ui_test_find_type (GTK_WIDGET (window),
                                                                                          ZOPA_TYPE_DRAFT_PANEL)),
                                               clause_id));
  editors[0] = GTK_WINDOW (zopa_actor_editor_new (GTK_WINDOW (window), session));
  zopa_actor_editor_select_actor (ZOPA_ACTOR_EDITOR (editors[0]), first_id);
  editors[1] = GTK_WINDOW (zopa_issue_editor_new (GTK_WINDOW (window), session));
  zopa_issue_editor_select_issue (ZOPA_ISSUE_EDITOR (editors[1]), issue_id);
  editors[2] = GTK_WINDOW (zopa_variant_editor_new (GTK_WINDOW (window), session));
  editors[3] = GTK_WINDOW (zopa_storyboard_window_new (GTK_WINDOW (window), session));
  compare = zopa_compare_window_new (GTK_WINDOW (window), session, draft_id, zopa_draft_get_id (other));
  export = zopa_export_dialog_new (GTK_WINDOW (window), session);

  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          gtk_window_present (GTK_WINDOW (window));
          for (guint k = 0; k < G_N_ELEMENTS (editors); k++)
            gtk_window_present (editors[k]);
          gtk_window_present (GTK_WINDOW (compare));
          gtk_window_present (GTK_WINDOW (export));
          zopa_ui_test_drain_events ();
        }
      memset (survey.seen, 0, sizeof survey.seen);
      survey_all_windows (&survey);
      for (guint i = 0; i < survey.failures->len; i++)
        g_test_message ("%s", (char *) g_ptr_array_index (survey.failures, i));
      g_assert_cmpuint (survey.failures->len, ==, 0);
    }
  /* Each text is on screen somewhere: the scenario title, the actor and issue names, the
   * drafts, the clause. */
  for (guint k = 0; survey.texts[k] != NULL; k++)
    {
      g_test_message ("“%.20s” shown %u times", survey.texts[k], survey.seen[k]);
      g_assert_cmpuint (survey.seen[k], >, 0);
    }

  /* Every export, through the app's own export code. */
  for (ZopaDiagramFormat format = ZOPA_DIAGRAM_FORMAT_PNG; format <= ZOPA_DIAGRAM_FORMAT_PDF; format++)
    {
      static const char * const nicks[] = { "png", "svg", "pdf" };
      g_autofree char *name = g_strdup_printf ("hostile.%s", nicks[format]);
      g_autoptr(GFile) diagram_file = zopa_ui_test_temp_file (name);
      g_autofree char *compare_name = g_strdup_printf ("hostile-comparison.%s", nicks[format]);
      g_autoptr(GFile) compare_file = zopa_ui_test_temp_file (compare_name);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      g_settings_set_enum (settings, "export-format", format);
      zopa_ui_test_drain_events ();
      g_assert_true (zopa_export_dialog_export_to (export, diagram_file, &error));
      g_assert_no_error (error);
      bytes = g_file_load_bytes (diagram_file, NULL, NULL, &error);
      g_assert_no_error (error);
      check_export (bytes, format);
      g_clear_pointer (&bytes, g_bytes_unref);

      g_assert_true (zopa_compare_window_export_to (compare, compare_file, format, &error));
      g_assert_no_error (error);
      bytes = g_file_load_bytes (compare_file, NULL, NULL, &error);
      g_assert_no_error (error);
      check_export (bytes, format);

      zopa_ui_test_remove_temp_file (diagram_file);
      zopa_ui_test_remove_temp_file (compare_file);
    }

  g_ptr_array_unref (survey.failures);
  destroy_all_windows ();
  zopa_ui_test_remove_temp_file (file);
}

/* A tooltip of user text is kept literally and given when GTK asks, never set as GTK's own
 * tooltip (which would ask the display server for the pointer each time). */
static void
test_hostile_tooltip (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new ("x"));
  const char *text = "<span size='xx-large'>big</span> &amp;";

  zopa_user_text_set_tooltip (widget, text);
  g_assert_cmpstr (zopa_user_text_get_tooltip (widget), ==, text);
  g_assert_true (gtk_widget_get_has_tooltip (widget));
  g_assert_null (gtk_widget_get_tooltip_text (widget));
  zopa_user_text_set_tooltip (widget, "second");
  g_assert_cmpstr (zopa_user_text_get_tooltip (widget), ==, "second");
  zopa_user_text_set_tooltip (widget, NULL);
  g_assert_null (zopa_user_text_get_tooltip (widget));
  g_assert_false (gtk_widget_get_has_tooltip (widget));
  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);
  g_test_add_func ("/hostile/file-everywhere", test_hostile_file_everywhere);
  g_test_add_func ("/hostile/tooltip", test_hostile_tooltip);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
