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
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lineage = NULL;

  if (!zopa_clause_editor_can_edit (self))
    return;
  /* Kept in the parent's clause order, whatever order they were ticked in. */
  for (guint i = 0; i < self->lineage_checks->len; i++)
    {
      GtkCheckButton *other = g_ptr_array_index (self->lineage_checks, i);

      if (gtk_check_button_get_active (other))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (other), "clause-id"));
    }
  lineage = g_strv_builder_end (builder);
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "derived-from", lineage, NULL);
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

char *
zopa_clause_editor_lineage_signature (ZopaDraft *parent)
{
  GListModel *clauses = zopa_draft_get_clauses (parent);
  GString *signature = g_string_new (zopa_draft_get_id (parent));

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      g_autofree char *label = clause_label (clause);

      g_string_append_printf (signature, "\x1e%s\x1f%s", zopa_clause_get_id (clause), label);
    }
  return g_string_free (signature, FALSE);
}

void
zopa_clause_editor_sync_lineage (ZopaClauseEditor *self)
{
  ZopaDraft *parent = get_parent_draft (self);
  const char * const *lineage = zopa_clause_get_derived_from (self->clause);
  g_autofree char *signature = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->lineage_group), parent != NULL);
  if (parent == NULL)
    return;

  signature = zopa_clause_editor_lineage_signature (parent);
  if (g_strcmp0 (signature, self->zopa_clause_editor_lineage_signature) != 0)
    {
      GListModel *clauses = zopa_draft_get_clauses (parent);

      g_free (self->zopa_clause_editor_lineage_signature);
      self->zopa_clause_editor_lineage_signature = g_steal_pointer (&signature);
      for (guint i = 0; i < self->lineage_checks->len; i++)
        {
          GtkWidget *check = g_ptr_array_index (self->lineage_checks, i);

          adw_expander_row_remove (self->lineage_row, g_object_get_data (G_OBJECT (check), "row"));
        }
      g_ptr_array_set_size (self->lineage_checks, 0);

      for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
        {
          g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
          g_autofree char *label = clause_label (clause);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), label);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (check), "clause-id", g_strdup (zopa_clause_get_id (clause)), g_free);
          g_object_set_data (G_OBJECT (check), "row", row);
          g_signal_connect (check, "toggled", G_CALLBACK (on_lineage_toggled), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (self->lineage_row, row);
          g_ptr_array_add (self->lineage_checks, check);
        }
    }

  for (guint i = 0; i < self->lineage_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->lineage_checks, i);
      const char *clause_id = g_object_get_data (G_OBJECT (check), "clause-id");
      gboolean derived = lineage != NULL && g_strv_contains (lineage, clause_id);

      if (gtk_check_button_get_active (check) != derived)
        gtk_check_button_set_active (check, derived);
      if (derived)
        {
          ZopaClause *origin = zopa_draft_find_clause (parent, clause_id);
          g_autofree char *label = origin != NULL ? clause_label (origin) : g_strdup (clause_id);

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
