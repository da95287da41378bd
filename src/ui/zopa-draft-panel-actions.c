/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-draft-panel-actions.c: the draft panel's actions on the draft and on its clauses */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "analysis/zopa-display-text.h"
#include "analysis/zopa-format.h"
#include "model/zopa-edit.h"
#include "model/zopa-settle.h"
#include "zopa-actor-dots.h"
#include "zopa-actor-swatch.h"
#include "zopa-draft-panel-private.h"
#include "zopa-editor-common.h"

/* Draft actions */

static ZopaDraftPanel *
panel_for_action (GtkWidget *widget)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (widget);

  return self->session != NULL ? self : NULL;
}

/* The pairs of actions "…-up"/"…previous" and "…-down"/"…next" share a handler. */
static int
action_direction (const char *action_name)
{
  return g_str_has_suffix (action_name, "-up") || g_str_has_suffix (action_name, ".previous") ? -1 : 1;
}

/* Where item goes when it moves by delta in list, or G_MAXUINT when it cannot. */
static guint
shifted_position (GListModel *list,
                  gpointer    item,
                  int         delta)
{
  guint position = zopa_list_model_find (list, item);

  if (position == G_MAXUINT || (delta < 0 && position == 0)
      || (delta > 0 && position + 1 >= g_list_model_get_n_items (list)))
    return G_MAXUINT;
  return position + delta;
}

static void
draft_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  ZopaScenario *scenario;
  ZopaHistory *history;
  g_autofree char *id = NULL;
  g_autoptr(ZopaDraft) draft = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  guint position = G_MAXUINT;

  if (self == NULL)
    return;
  scenario = zopa_draft_panel_get_scenario (self);
  history = zopa_draft_panel_get_history (self);
  id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_DRAFT, NULL, "draft");
  draft = zopa_draft_new (id);
  zopa_draft_set_title (draft, _("New Draft"));
  zopa_draft_set_date (draft, date);
  if (self->draft != NULL)
    position = zopa_list_model_find (zopa_scenario_get_drafts (scenario), self->draft) + 1;

  zopa_history_begin_group (history, _("New Draft"));
  zopa_history_insert (history, scenario, position, draft);
  zopa_history_end_group (history);
  zopa_session_set_selected_draft (self->session, id);
  zopa_draft_panel_start_rename (self);
}

static void
draft_fork_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  ZopaDraft *fork;

  if (self == NULL || self->draft == NULL)
    return;
  fork = zopa_edit_fork_draft (zopa_draft_panel_get_history (self), self->draft, NULL, NULL);
  if (fork != NULL)
    zopa_session_set_selected_draft (self->session, zopa_draft_get_id (fork));
}

static void
draft_rename_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);

  if (self != NULL)
    zopa_draft_panel_start_rename (self);
}

static void
move_draft (ZopaDraftPanel *self,
            int             delta)
{
  guint position;

  if (self == NULL || self->draft == NULL)
    return;
  position = shifted_position (zopa_scenario_get_drafts (zopa_draft_panel_get_scenario (self)), self->draft, delta);
  if (position == G_MAXUINT)
    return;
  {
    /* A move takes the draft out and puts it back, and the session drops the selection
     * of a draft that is gone, even for a moment: select it again. */
    g_autofree char *id = g_strdup (zopa_draft_get_id (self->draft));

    zopa_history_move (zopa_draft_panel_get_history (self), zopa_draft_panel_get_scenario (self), self->draft, position);
    zopa_session_set_selected_draft (self->session, id);
  }
}

static void
draft_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_draft (panel_for_action (widget), action_direction (action_name));
}

static void
on_delete_draft_response (AdwMessageDialog *dialog,
                          const char       *response,
                          ZopaDraftPanel   *self)
{
  ZopaDraft *draft = g_object_get_data (G_OBJECT (dialog), "draft");

  if (g_strcmp0 (response, "delete") != 0 || self->session == NULL)
    return;
  if (zopa_edit_find_owner (zopa_draft_panel_get_scenario (self), draft) != NULL)
    zopa_edit_delete (zopa_draft_panel_get_history (self), draft);
}

static void
draft_delete_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  GtkRoot *root;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  guint n_clauses;

  if (self == NULL || self->draft == NULL)
    return;
  root = gtk_widget_get_root (widget);
  references = zopa_edit_describe_references (zopa_draft_panel_get_scenario (self), self->draft);
  n_clauses = g_list_model_get_n_items (zopa_draft_get_clauses (self->draft));

  /* Translators: %s is a draft's title. */
  heading = g_strdup_printf (_("Delete “%s”?"), zopa_draft_panel_draft_title (self->draft));
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                             "The draft and its %u clause will be deleted.",
                                             "The draft and its %u clauses will be deleted.",
                                             n_clauses),
                          n_clauses);
  if (references->len > 0)
    {
      g_string_append (body, " ");
      g_string_append (body, _("These references to it will be removed too:"));
      for (guint i = 0; i < references->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (references, i));
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "draft", g_object_ref (self->draft), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_draft_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Clause actions */

/* The next free plain number after the draft's highest one: "28" → "29". */
static char *
next_clause_number (ZopaDraft *draft)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  guint64 highest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      const char *number = zopa_clause_get_number (clause);

      if (number != NULL && g_ascii_isdigit (*number))
        highest = MAX (highest, g_ascii_strtoull (number, NULL, 10));
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT, highest + 1);
}

static void
clause_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  GListModel *clauses;
  g_autofree char *number = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ZopaClause) clause = NULL;
  guint position = G_MAXUINT;

  if (self == NULL || self->draft == NULL)
    return;
  clauses = zopa_draft_get_clauses (self->draft);
  number = next_clause_number (self->draft);
  base = g_strdup_printf ("%s/%s", zopa_draft_get_id (self->draft), number);
  id = zopa_edit_make_unique_id (zopa_draft_panel_get_scenario (self), ZOPA_TYPE_CLAUSE, NULL, base);
  clause = zopa_clause_new (id);
  zopa_clause_set_number (clause, number);
  zopa_clause_set_title (clause, _("New Clause"));
  if (self->clause != NULL && zopa_list_model_find (clauses, self->clause) != G_MAXUINT)
    position = zopa_list_model_find (clauses, self->clause) + 1;

  zopa_history_insert (zopa_draft_panel_get_history (self), self->draft, position, clause);
  zopa_draft_panel_show_clause (self, clause);
}

static void
clause_duplicate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  ZopaClause *copy;

  if (self == NULL || self->clause == NULL)
    return;
  copy = zopa_edit_duplicate_clause (zopa_draft_panel_get_history (self), self->clause);
  if (copy != NULL)
    zopa_draft_panel_show_clause (self, copy);
}

static void
on_undo_delete_clicked (AdwToast       *toast,
                        ZopaDraftPanel *self)
{
  ZopaHistory *history;

  if (self->session == NULL)
    return;
  history = zopa_draft_panel_get_history (self);
  /* Only while the deletion is still the last step. */
  if (zopa_history_get_n_undo_steps (history) == self->delete_undo_depth)
    zopa_history_undo (history);
}

static void
clause_delete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self == NULL || self->clause == NULL)
    return;
  name = zopa_clause_display_name (self->clause);
  if (!zopa_edit_delete (zopa_draft_panel_get_history (self), self->clause))
    return;
  self->delete_undo_depth = zopa_history_get_n_undo_steps (zopa_draft_panel_get_history (self));

  /* A toast's title is markup in libadwaita 1.2; the clause's title is user text. */
  shown = zopa_display_text (name, ZOPA_DISPLAY_TEXT_LINE);
  escaped = g_markup_escape_text (shown, -1);
  /* Translators: %s is a clause's number and title. */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
move_clause (ZopaDraftPanel *self,
             int             delta)
{
  guint position;

  if (self == NULL || self->draft == NULL || self->clause == NULL)
    return;
  position = shifted_position (zopa_draft_get_clauses (self->draft), self->clause, delta);
  if (position != G_MAXUINT)
    zopa_history_move (zopa_draft_panel_get_history (self), self->draft, self->clause, position);
}

static void
clause_move_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_clause (panel_for_action (widget), action_direction (action_name));
}

static void
step_clause (ZopaDraftPanel *self,
             int             delta)
{
  GListModel *clauses;
  guint position;
  g_autoptr(ZopaClause) next = NULL;

  if (self == NULL || self->draft == NULL || self->clause == NULL)
    return;
  clauses = zopa_draft_get_clauses (self->draft);
  position = shifted_position (clauses, self->clause, delta);
  if (position == G_MAXUINT)
    return;
  next = g_list_model_get_item (clauses, position);
  zopa_draft_panel_show_clause (self, next);
}

static void
clause_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_clause (panel_for_action (widget), action_direction (action_name));
}

void
zopa_draft_panel_update_actions (ZopaDraftPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_session = self->session != NULL;
  gboolean has_draft = has_session && self->draft != NULL;
  guint n_drafts = 0, draft_position = G_MAXUINT;
  guint n_clauses = 0, clause_position = G_MAXUINT;
  gboolean has_clause;

  if (has_draft)
    {
      GListModel *drafts = zopa_scenario_get_drafts (zopa_draft_panel_get_scenario (self));
      GListModel *clauses = zopa_draft_get_clauses (self->draft);

      n_drafts = g_list_model_get_n_items (drafts);
      draft_position = zopa_list_model_find (drafts, self->draft);
      n_clauses = g_list_model_get_n_items (clauses);
      if (self->clause != NULL)
        clause_position = zopa_list_model_find (clauses, self->clause);
    }
  has_clause = has_draft && zopa_draft_panel_editing_clause (self) && clause_position != G_MAXUINT;

  gtk_widget_action_set_enabled (widget, "draft.new", has_session);
  gtk_widget_action_set_enabled (widget, "draft.fork", has_draft);
  gtk_widget_action_set_enabled (widget, "draft.rename", has_draft);
  gtk_widget_action_set_enabled (widget, "draft.delete", has_draft);
  gtk_widget_action_set_enabled (widget, "draft.move-up", has_draft && draft_position != G_MAXUINT && draft_position > 0);
  gtk_widget_action_set_enabled (widget, "draft.move-down", has_draft && draft_position != G_MAXUINT
                                                            && draft_position + 1 < n_drafts);
  gtk_widget_action_set_enabled (widget, "clause.add", has_draft);
  gtk_widget_action_set_enabled (widget, "clause.duplicate", has_clause);
  gtk_widget_action_set_enabled (widget, "clause.delete", has_clause);
  gtk_widget_action_set_enabled (widget, "clause.move-up", has_clause && clause_position > 0);
  gtk_widget_action_set_enabled (widget, "clause.move-down", has_clause && clause_position + 1 < n_clauses);
  gtk_widget_action_set_enabled (widget, "clause.previous", has_clause && clause_position > 0);
  gtk_widget_action_set_enabled (widget, "clause.next", has_clause && clause_position + 1 < n_clauses);
}

/* The draft.* and clause.* actions and their keys, for class_init. */
void
zopa_draft_panel_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "draft.new", NULL, draft_new_action);
  gtk_widget_class_install_action (widget_class, "draft.fork", NULL, draft_fork_action);
  gtk_widget_class_install_action (widget_class, "draft.rename", NULL, draft_rename_action);
  gtk_widget_class_install_action (widget_class, "draft.delete", NULL, draft_delete_action);
  gtk_widget_class_install_action (widget_class, "draft.move-up", NULL, draft_move_action);
  gtk_widget_class_install_action (widget_class, "draft.move-down", NULL, draft_move_action);
  gtk_widget_class_install_action (widget_class, "clause.add", NULL, clause_add_action);
  gtk_widget_class_install_action (widget_class, "clause.duplicate", NULL, clause_duplicate_action);
  gtk_widget_class_install_action (widget_class, "clause.delete", NULL, clause_delete_action);
  gtk_widget_class_install_action (widget_class, "clause.move-up", NULL, clause_move_action);
  gtk_widget_class_install_action (widget_class, "clause.move-down", NULL, clause_move_action);
  gtk_widget_class_install_action (widget_class, "clause.previous", NULL, clause_step_action);
  gtk_widget_class_install_action (widget_class, "clause.next", NULL, clause_step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "draft.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "clause.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "clause.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "clause.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "clause.next", NULL);
}
