/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-clause-editor-lineage.c: the clause editor's lineage: the parent draft's clauses this one derives from */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-actor-dots.h"
#include "zopa-clause-editor-private.h"
#include "zopa-editor-common.h"
#include "zopa-user-text.h"

/* Lineage: the parent draft's clauses this one derives from */

static void
on_lineage_toggled (GtkCheckButton   *check,
                    ZopaClauseEditor *self)
{
  const char * const *lineage = zopa_clause_get_derived_from (self->clause);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  gboolean changed = FALSE;

  if (!zopa_clause_editor_can_edit (self))
    return;
  /* Kept in the parent's clause order, whatever order they were ticked in. */
  for (guint i = 0; i < self->lineage_clauses->len; i++)
    {
      const char *clause_id = zopa_clause_get_id (g_ptr_array_index (self->lineage_clauses, i));
      gboolean derived = lineage != NULL && g_strv_contains (lineage, clause_id);

      if (g_ptr_array_index (self->lineage_checks, i) == check && gtk_check_button_get_active (check) != derived)
        {
          derived = !derived;
          changed = TRUE;
        }
      if (derived)
        g_strv_builder_add (builder, clause_id);
    }
  /* The check following the model is no edit. */
  if (!changed)
    return;
  chosen = g_strv_builder_end (builder);
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "derived-from", chosen, NULL);
}

static ZopaDraft *
get_parent_draft (ZopaClauseEditor *self)
{
  ZopaDraft *draft = zopa_clause_editor_get_draft (self);
  const char *parent_id = draft != NULL ? zopa_draft_get_derived_from (draft) : NULL;

  return parent_id != NULL ? zopa_scenario_find_draft (zopa_clause_editor_get_scenario (self), parent_id) : NULL;
}

static char *
clause_label (ZopaClause *clause)
{
  const char *number = zopa_clause_get_number (clause);
  const char *title = zopa_clause_get_title (clause);

  if (number != NULL && *number != '\0')
    return g_strdup_printf ("%s · %s", number, title != NULL ? title : "");
  return g_strdup (title != NULL && *title != '\0' ? title : zopa_clause_get_id (clause));
}

/* Whether the lineage rows are for the parent's clauses as they are now. */
static gboolean
lineage_rows_are_built (ZopaClauseEditor *self,
                        ZopaDraft        *parent)
{
  GListModel *clauses = zopa_draft_get_clauses (parent);

  if (g_list_model_get_n_items (clauses) != self->lineage_clauses->len)
    return FALSE;
  for (guint i = 0; i < self->lineage_clauses->len; i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);

      if (clause != g_ptr_array_index (self->lineage_clauses, i))
        return FALSE;
    }
  return TRUE;
}

void
zopa_clause_editor_forget_lineage (ZopaClauseEditor *self)
{
  for (guint i = 0; i < self->lineage_rows->len; i++)
    adw_expander_row_remove (self->lineage_row, g_ptr_array_index (self->lineage_rows, i));
  g_ptr_array_set_size (self->lineage_rows, 0);
  g_ptr_array_set_size (self->lineage_checks, 0);
  g_ptr_array_set_size (self->lineage_clauses, 0);
}

static void
build_lineage_rows (ZopaClauseEditor *self,
                    ZopaDraft        *parent)
{
  GListModel *clauses = zopa_draft_get_clauses (parent);

  zopa_clause_editor_forget_lineage (self);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect (check, "toggled", G_CALLBACK (on_lineage_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->lineage_row, row);
      g_ptr_array_add (self->lineage_clauses, g_list_model_get_item (clauses, i));
      g_ptr_array_add (self->lineage_rows, row);
      g_ptr_array_add (self->lineage_checks, check);
    }
}

void
zopa_clause_editor_sync_lineage (ZopaClauseEditor *self)
{
  ZopaDraft *parent = get_parent_draft (self);
  const char * const *lineage = zopa_clause_get_derived_from (self->clause);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->lineage_group), parent != NULL);
  if (parent == NULL)
    return;

  if (!lineage_rows_are_built (self, parent))
    build_lineage_rows (self, parent);

  for (guint i = 0; i < self->lineage_checks->len; i++)
    {
      ZopaClause *origin = g_ptr_array_index (self->lineage_clauses, i);
      GtkCheckButton *check = g_ptr_array_index (self->lineage_checks, i);
      g_autofree char *label = clause_label (origin);
      gboolean derived = lineage != NULL && g_strv_contains (lineage, zopa_clause_get_id (origin));

      zopa_user_text_set_row_title (g_ptr_array_index (self->lineage_rows, i), label);
      if (gtk_check_button_get_active (check) != derived)
        gtk_check_button_set_active (check, derived);
      if (derived)
        {
          if (summary->len > 0)
            g_string_append (summary, "; ");
          g_string_append (summary, label);
        }
    }

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self->lineage_row),
                                 summary->len > 0 ? summary->str : _("No clause of the parent draft"));
  /* Translators: %s is the title of the draft this clause's draft derives from. */
  description = g_strdup_printf (_("Clauses of “%s” this clause comes from"), zopa_draft_get_title (parent));
  adw_preferences_group_set_description (self->lineage_group, description);
}
