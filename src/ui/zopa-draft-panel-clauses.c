/* zopa-draft-panel-clauses.c: the draft panel's clause rows, their search and reordering by dragging */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "model/zopa-edit.h"
#include "model/zopa-settle.h"
#include "zopa-actor-dots.h"
#include "zopa-actor-swatch.h"
#include "zopa-draft-panel-private.h"
#include "zopa-editor-common.h"
#include "zopa-user-text.h"

/* Clause rows */

static void
update_clause_marks (ZopaDraftPanel *self,
                     GtkWidget      *row,
                     ZopaAnalysis   *analysis,
                     int             draft)
{
  ZopaClause *clause = g_object_get_data (G_OBJECT (row), "clause");
  ZopaActorDots *dots = g_object_get_data (G_OBJECT (row), "dots");
  GtkWidget *conflict_icon = g_object_get_data (G_OBJECT (row), "conflict");
  const char * const *issues = zopa_clause_get_set_issues (clause);
  ZopaClauseStatus status = zopa_clause_get_status (clause);
  g_autoptr(GString) crossed = g_string_new (NULL);
  g_autoptr(GString) would_cross = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean in_conflict = FALSE;
  ZopaActorDot marks[ZOPA_MAX_ACTORS];
  guint n_marks = 0;

  if (analysis == NULL || draft < 0 || status == ZOPA_CLAUSE_DELETED || issues == NULL)
    {
      zopa_actor_dots_set (dots, NULL, 0);
      zopa_actor_dots_set_description (dots, NULL);
      gtk_widget_set_visible (conflict_icon, FALSE);
      return;
    }

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    {
      gboolean decides = FALSE;
      GdkRGBA color;

      for (guint i = 0; issues[i] != NULL && !decides; i++)
        {
          int issue = zopa_draft_panel_analysis_issue_index (analysis, issues[i]);
          int option = issue >= 0 ? zopa_draft_panel_analysis_option_index (analysis, issue, zopa_clause_get_set_option (clause, issues[i])) : -1;

          decides = option >= 0 && !zopa_analysis_actor_accepts_option (analysis, a, issue, option);
        }
      if (!decides || !zopa_draft_panel_actor_color (self, analysis, a, &color) || n_marks >= ZOPA_MAX_ACTORS)
        continue;
      marks[n_marks].color = color;
      marks[n_marks].filled = status == ZOPA_CLAUSE_AGREED;
      n_marks++;
      {
        GString *names = status == ZOPA_CLAUSE_AGREED ? crossed : would_cross;

        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, zopa_analysis_get_actor_name (analysis, a));
      }
    }

  zopa_actor_dots_set (dots, marks, n_marks);

  if (status == ZOPA_CLAUSE_AGREED)
    {
      guint n_conflicts = 0;
      const ZopaDraftConflict *conflicts = zopa_analysis_get_draft_conflicts (analysis, draft, &n_conflicts);

      for (guint c = 0; c < n_conflicts && !in_conflict; c++)
        in_conflict = g_strv_contains (conflicts[c].clause_ids, zopa_clause_get_id (clause));
    }
  gtk_widget_set_visible (conflict_icon, in_conflict);

  if (crossed->len > 0)
    /* Translators: %s is a list of actor names. */
    g_string_append_printf (description, _("Crosses a red line of %s"), crossed->str);
  if (would_cross->len > 0)
    {
      if (description->len > 0)
        g_string_append (description, "\n");
      /* Translators: %s is a list of actor names. */
      g_string_append_printf (description, _("Would cross a red line of %s if agreed"), would_cross->str);
    }
  zopa_actor_dots_set_description (dots, description->len > 0 ? description->str : NULL);
}

static char *
describe_sets (ZopaDraftPanel *self,
               ZopaClause     *clause)
{
  const char * const *issues = zopa_clause_get_set_issues (clause);
  GString *text = g_string_new (NULL);

  for (guint i = 0; issues != NULL && issues[i] != NULL; i++)
    {
      ZopaIssue *issue = zopa_scenario_find_issue (zopa_draft_panel_get_scenario (self), issues[i]);
      const char *option_id = zopa_clause_get_set_option (clause, issues[i]);
      int option = issue != NULL ? zopa_issue_find_option (issue, option_id) : -1;

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s → %s",
                              issue != NULL ? zopa_issue_get_title (issue) : issues[i],
                              option >= 0 ? zopa_option_get_label (zopa_issue_get_option (issue, option)) : option_id);
    }
  return g_string_free (text, FALSE);
}

static void
update_clause_row (AdwActionRow   *row,
                   ZopaDraftPanel *self)
{
  ZopaClause *clause = g_object_get_data (G_OBJECT (row), "clause");
  GtkLabel *status = g_object_get_data (G_OBJECT (row), "status");
  ZopaClauseStatus value = zopa_clause_get_status (clause);
  g_autofree char *title = zopa_draft_panel_clause_name (clause);
  g_autofree char *name = g_strdup_printf ("clause-%s", zopa_clause_get_id (clause));
  g_autofree char *sets = NULL;

  if (self->session == NULL)
    return;
  sets = describe_sets (self, clause);
  /* Named after the id, which the clause editor can change. */
  if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) != 0)
    gtk_widget_set_name (GTK_WIDGET (row), name);
  /* Refreshed after every edit: only what changed is set, so the rest is not laid out again. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
    zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), title);
  if (g_strcmp0 (adw_action_row_get_subtitle (row), sets) != 0)
    zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), sets);
  if (g_strcmp0 (gtk_label_get_text (status), zopa_draft_panel_status_label (value)) == 0)
    return;

  gtk_label_set_text (status, zopa_draft_panel_status_label (value));
  gtk_widget_remove_css_class (GTK_WIDGET (status), "agreed");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "bracketed");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "deleted");
  gtk_widget_add_css_class (GTK_WIDGET (status), zopa_clause_status_to_string (value));
  if (value == ZOPA_CLAUSE_DELETED)
    gtk_widget_add_css_class (GTK_WIDGET (row), "clause-deleted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "clause-deleted");
}

static void
on_clause_changed (ZopaClause *clause,
                   GtkWidget  *row)
{
  update_clause_row (ADW_ACTION_ROW (row), g_object_get_data (G_OBJECT (row), "panel"));
}

void
zopa_draft_panel_refilter_if_searching (ZopaDraftPanel *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->clause_search));

  /* A changed clause may match the search now, or no longer. */
  if (query != NULL && *query != '\0')
    gtk_filter_changed (GTK_FILTER (self->clause_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Dragging a clause row onto another to reorder */

static GdkContentProvider *
on_clause_drag_prepare (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  ZopaClause *clause = g_object_get_data (G_OBJECT (row), "clause");

  g_object_set_data (G_OBJECT (source), "hot-x", GINT_TO_POINTER ((int) x));
  g_object_set_data (G_OBJECT (source), "hot-y", GINT_TO_POINTER ((int) y));
  return gdk_content_provider_new_typed (ZOPA_TYPE_CLAUSE, clause);
}

static void
on_clause_drag_begin (GtkDragSource *source,
                      GdkDrag       *drag,
                      GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable,
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "hot-x")),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "hot-y")));
}

static void
clear_drop_marks (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "clause-drop-before");
  gtk_widget_remove_css_class (row, "clause-drop-after");
}

static GdkDragAction
on_clause_drop_motion (GtkDropTarget *target,
                       double         x,
                       double         y,
                       GtkWidget     *row)
{
  gboolean after = y > gtk_widget_get_height (row) / 2.0;

  clear_drop_marks (row);
  gtk_widget_add_css_class (row, after ? "clause-drop-after" : "clause-drop-before");
  return GDK_ACTION_MOVE;
}

static void
on_clause_drop_leave (GtkDropTarget *target,
                      GtkWidget     *row)
{
  clear_drop_marks (row);
}

static gboolean
on_clause_drop (GtkDropTarget  *target,
                const GValue   *value,
                double          x,
                double          y,
                ZopaDraftPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  ZopaClause *dropped = g_value_get_object (value);
  ZopaClause *onto = g_object_get_data (G_OBJECT (row), "clause");
  GListModel *clauses;
  guint from, to, position;
  gboolean after = y > gtk_widget_get_height (row) / 2.0;

  clear_drop_marks (row);
  if (self->draft == NULL || dropped == NULL || dropped == onto)
    return FALSE;
  clauses = zopa_draft_get_clauses (self->draft);
  from = zopa_list_model_find (clauses, dropped);
  to = zopa_list_model_find (clauses, onto);
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;

  /* Positions count after the dragged clause has left its place. */
  position = after ? to + 1 : to;
  if (from < position)
    position--;
  if (position == from)
    return FALSE;
  return zopa_history_move (zopa_draft_panel_get_history (self), self->draft, dropped, position);
}

GtkWidget *
zopa_draft_panel_create_clause_row (gpointer item,
                                    gpointer user_data)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (user_data);
  ZopaClause *clause = ZOPA_CLAUSE (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dots = zopa_actor_dots_new ();
  GtkWidget *conflict = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *status = zopa_draft_panel_new_pill ("", "status-pill", NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (ZOPA_TYPE_CLAUSE, GDK_ACTION_MOVE);
  ZopaAnalysis *analysis = zopa_session_get_analysis (self->session);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* In the suffix, so the clause titles stay aligned. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dots);
  gtk_widget_set_tooltip_text (conflict, _("Conflicts with another agreed clause: the issue counts as open"));
  gtk_widget_add_css_class (conflict, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), conflict);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "clause", g_object_ref (clause), g_object_unref);
  g_object_set_data (G_OBJECT (row), "dots", dots);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "conflict", conflict);
  update_clause_row (ADW_ACTION_ROW (row), self);
  update_clause_marks (self, row, analysis, zopa_draft_panel_analysis_draft_index (analysis, self->draft));
  g_object_set_data (G_OBJECT (row), "panel", self);
  g_signal_connect_object (clause, "changed", G_CALLBACK (on_clause_changed), row, 0);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_clause_drag_prepare), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_clause_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "motion", G_CALLBACK (on_clause_drop_motion), row);
  g_signal_connect (drop, "leave", G_CALLBACK (on_clause_drop_leave), row);
  g_signal_connect (drop, "drop", G_CALLBACK (on_clause_drop), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  return row;
}

void
zopa_draft_panel_refresh_clause_rows (ZopaDraftPanel *self,
                                      ZopaAnalysis   *analysis,
                                      int             draft)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->clause_list, i)) != NULL; i++)
    {
      update_clause_row (ADW_ACTION_ROW (row), self);
      update_clause_marks (self, GTK_WIDGET (row), analysis, draft);
    }
}

void
zopa_draft_panel_sync_clause_selection (ZopaDraftPanel *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->clause_list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "clause") == self->clause)
      {
        gtk_list_box_select_row (self->clause_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->clause_list);
}

gboolean
zopa_draft_panel_clause_matches (gpointer item,
                                 gpointer user_data)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (user_data);
  ZopaClause *clause = ZOPA_CLAUSE (item);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->clause_search));
  g_autofree char *needle = NULL;
  const char *fields[3];

  if (query == NULL || *query == '\0' || clause == NULL)
    return TRUE;
  needle = g_utf8_casefold (query, -1);
  fields[0] = zopa_clause_get_number (clause);
  fields[1] = zopa_clause_get_title (clause);
  fields[2] = zopa_clause_get_text (clause);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *haystack = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (haystack != NULL && strstr (haystack, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

void
zopa_draft_panel_on_search_changed (GtkSearchEntry *entry,
                                    ZopaDraftPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->clause_filter), GTK_FILTER_CHANGE_DIFFERENT);
}
