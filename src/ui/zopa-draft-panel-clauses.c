/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* Clause rows */

/* The dots of the red lines a clause decides, and its conflict mark. */
static void
update_clause_marks (ZopaDraftPanel *self,
                     ZopaClauseRow  *row,
                     ZopaAnalysis   *analysis,
                     int             draft)
{
  ZopaClause *clause = zopa_clause_row_get_item (row);
  ZopaActorDots *dots = zopa_clause_row_get_dots (row);
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
      zopa_clause_row_set_conflict (row, FALSE);
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
  zopa_clause_row_set_conflict (row, in_conflict);

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

void
zopa_draft_panel_refilter_if_searching (ZopaDraftPanel *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->clause_search));

  /* A changed clause may match the search now, or no longer. */
  if (query != NULL && *query != '\0')
    gtk_filter_changed (GTK_FILTER (self->clause_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* A clause dragged onto another row moves before or after it, through the history. */
static gboolean
on_clause_dropped (ZopaClauseRow  *row,
                   ZopaClause     *dropped,
                   gboolean        after,
                   ZopaDraftPanel *self)
{
  GListModel *clauses;
  guint from, to, position;

  if (self->draft == NULL)
    return FALSE;
  clauses = zopa_draft_get_clauses (self->draft);
  from = zopa_list_model_find (clauses, dropped);
  to = zopa_list_model_find (clauses, zopa_clause_row_get_item (row));
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
  ZopaAnalysis *analysis = zopa_session_get_analysis (self->session);
  GtkWidget *row = zopa_clause_row_new (ZOPA_CLAUSE (item), zopa_draft_panel_get_scenario (self));

  update_clause_marks (self, ZOPA_CLAUSE_ROW (row), analysis, zopa_draft_panel_analysis_draft_index (analysis, self->draft));
  g_signal_connect_object (row, "clause-dropped", G_CALLBACK (on_clause_dropped), self, 0);
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
      zopa_clause_row_refresh (ZOPA_CLAUSE_ROW (row));
      update_clause_marks (self, ZOPA_CLAUSE_ROW (row), analysis, draft);
    }
}

void
zopa_draft_panel_sync_clause_selection (ZopaDraftPanel *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->clause_list, i)) != NULL; i++)
    if (zopa_clause_row_get_item (ZOPA_CLAUSE_ROW (row)) == self->clause)
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
