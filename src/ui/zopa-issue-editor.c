/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-issue-editor.c: an issue's title, description and options */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-editor-sidebar-row.h"
#include "zopa-history-binding.h"
#include "zopa-issue-editor.h"
#include "zopa-option-row.h"
#include "zopa-user-text.h"

struct _ZopaIssueEditor
{
  ZopaEditorWindow    parent_instance;

  ZopaIssue          *issue;
  /* The issue shown before it left the list: a move takes it out and puts it back, and
   * undoing its deletion brings it back; either way the editor returns to it. */
  ZopaIssue          *lost_issue;
  /* Set while the sidebar rebuilds its rows: a moved issue's row is taken out and put back,
   * and the list box selects some other row meanwhile. */
  gboolean            rows_changing;
  /* The issue whose title, description and options the widgets show. */
  ZopaIssue          *bound_issue;
  ZopaHistoryBinding *title_binding;
  ZopaHistoryBinding *description_binding;

  AdwWindowTitle     *window_title;
  GtkListBox         *issue_list;
  AdwLeaflet         *leaflet;
  GtkWidget          *back_button;
  GtkStack           *stack;
  AdwEntryRow        *title_row;
  AdwEntryRow        *id_row;
  GtkTextView        *description_view;
  GtkListBox         *option_list;
};

G_DEFINE_FINAL_TYPE (ZopaIssueEditor, zopa_issue_editor, ZOPA_TYPE_EDITOR_WINDOW)

static void refresh (ZopaIssueEditor *self);

static ZopaScenario *
get_scenario (ZopaIssueEditor *self)
{
  return zopa_editor_window_get_scenario (ZOPA_EDITOR_WINDOW (self));
}

static ZopaHistory *
get_history (ZopaIssueEditor *self)
{
  return zopa_editor_window_get_history (ZOPA_EDITOR_WINDOW (self));
}

static const char *
issue_display_name (ZopaIssue *issue)
{
  const char *title = zopa_issue_get_title (issue);

  return title != NULL && *title != '\0' ? title : zopa_issue_get_id (issue);
}

/* The sidebar */

static gboolean
transform_option_count (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  guint n_options = g_value_get_uint (from);

  g_value_take_string (to, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u option", "%u options", n_options),
                                            n_options));
  return TRUE;
}

static GtkWidget *
create_issue_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = zopa_editor_sidebar_row_new (item);

  g_object_bind_property (item, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "id", row, "fallback-title", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (zopa_issue_get_options (item), "n-items", row, "subtitle", G_BINDING_SYNC_CREATE,
                               transform_option_count, NULL, NULL, NULL);
  return row;
}

static void
on_issue_row_selected (ZopaIssueEditor *self,
                       GtkListBoxRow   *row)
{
  ZopaIssue *issue;

  if (self->rows_changing || row == NULL)
    return;
  issue = zopa_editor_get_row_item (zopa_scenario_get_issues (get_scenario (self)), row);
  if (issue == NULL || issue == self->issue)
    return;
  zopa_history_break_merge (get_history (self));
  g_clear_object (&self->lost_issue);
  g_set_object (&self->issue, issue);
  refresh (self);
}

/* Options */

static GtkWidget *
create_option_row (gpointer item,
                   gpointer user_data)
{
  ZopaIssueEditor *self = user_data;

  return zopa_option_row_new (get_history (self), item);
}

/* The rows' titles and buttons follow their places. */
static void
update_option_places (ZopaIssueEditor *self)
{
  guint n_options = self->issue != NULL ? zopa_issue_get_n_options (self->issue) : 0;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->option_list, i)) != NULL; i++)
    zopa_option_row_set_place (ZOPA_OPTION_ROW (row), i, n_options);
}

static ZopaOption *
add_option (ZopaIssueEditor *self)
{
  g_autofree char *id = NULL;
  g_autoptr(ZopaOption) option = NULL;

  if (self->issue == NULL)
    return NULL;
  id = zopa_edit_make_unique_id (get_scenario (self), ZOPA_TYPE_OPTION, self->issue, "option");
  option = zopa_option_new (id, _("New option"));
  zopa_history_break_merge (get_history (self));
  zopa_history_insert (get_history (self), self->issue, G_MAXUINT, option);
  return option;
}

static void
add_option_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaIssueEditor *self = ZOPA_ISSUE_EDITOR (widget);
  ZopaOption *option = add_option (self);
  GtkListBoxRow *row = option != NULL
                       ? zopa_editor_find_row (self->option_list, zopa_issue_get_options (self->issue), option)
                       : NULL;

  if (row != NULL)
    zopa_option_row_focus_title (ZOPA_OPTION_ROW (row));
}

/* The widgets show the issue's title, description and options, and edit them. */
static void
bind_issue (ZopaIssueEditor *self)
{
  ZopaHistory *history = get_history (self);

  if (self->bound_issue == self->issue)
    return;
  zopa_history_binding_clear (&self->title_binding);
  zopa_history_binding_clear (&self->description_binding);
  g_set_object (&self->bound_issue, self->issue);
  gtk_list_box_bind_model (self->option_list, self->issue != NULL ? zopa_issue_get_options (self->issue) : NULL,
                           create_option_row, self, NULL);
  if (self->issue == NULL)
    return;
  zopa_history_binding_keep (&self->title_binding,
                             zopa_history_bind (history, self->issue, "title", self->title_row,
                                                ZOPA_HISTORY_BIND_DEFAULT));
  zopa_history_binding_keep (&self->description_binding,
                             zopa_history_bind (history, self->issue, "description", self->description_view,
                                                ZOPA_HISTORY_BIND_DEFAULT));
}

/* Reordering issues */

static int
issue_position (ZopaIssueEditor *self,
                ZopaIssue       *issue)
{
  GListModel *issues = zopa_scenario_get_issues (get_scenario (self));

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) item = g_list_model_get_item (issues, i);

      if (item == issue)
        return i;
    }
  return -1;
}

static void
move_issue (ZopaIssueEditor *self,
            int              delta)
{
  ZopaScenario *scenario = get_scenario (self);
  int position = self->issue != NULL ? issue_position (self, self->issue) : -1;
  int target = position + delta;

  if (position < 0 || target < 0 || target >= (int) g_list_model_get_n_items (zopa_scenario_get_issues (scenario)))
    return;
  zopa_history_break_merge (get_history (self));
  zopa_history_move (get_history (self), scenario, self->issue, target);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_issue (ZOPA_ISSUE_EDITOR (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_issue (ZOPA_ISSUE_EDITOR (widget), +1);
}

/* Following the model */

static void
on_issues_changing (ZopaIssueEditor *self)
{
  self->rows_changing = TRUE;
}

static void
on_issues_changed (ZopaIssueEditor *self)
{
  self->rows_changing = FALSE;
  refresh (self);
}

static void
refresh (ZopaIssueEditor *self)
{
  ZopaScenario *scenario = get_scenario (self);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  GtkListBoxRow *row;
  int position;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  /* An issue deleted, or undone away, hands over to the first one left. */
  if (self->lost_issue != NULL && zopa_list_model_contains (issues, self->lost_issue))
    {
      g_set_object (&self->issue, self->lost_issue);
      g_clear_object (&self->lost_issue);
    }
  if (self->issue != NULL && !zopa_list_model_contains (issues, self->issue))
    {
      g_set_object (&self->lost_issue, self->issue);
      g_clear_object (&self->issue);
    }
  if (self->issue == NULL && g_list_model_get_n_items (issues) > 0)
    self->issue = g_list_model_get_item (issues, 0);

  /* Selecting the issue's row selects the issue itself: nothing more happens. */
  row = zopa_editor_find_row (self->issue_list, issues, self->issue);
  if (row != gtk_list_box_get_selected_row (self->issue_list))
    gtk_list_box_select_row (self->issue_list, row);
  bind_issue (self);

  position = self->issue != NULL ? issue_position (self, self->issue) : -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.delete", self->issue != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.move-down",
                                 position >= 0 && position + 1 < (int) g_list_model_get_n_items (issues));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.add-option", self->issue != NULL);
  if (self->issue == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Issues"));
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "editor");
  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_issue_get_id (self->issue));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
  update_option_places (self);

  name = zopa_display_text (issue_display_name (self->issue), ZOPA_DISPLAY_TEXT_LINE);
  adw_window_title_set_subtitle (self->window_title, name);
  title = g_strdup_printf (_("Issue “%s”"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Editing the issue's id */

static void
on_id_changed (ZopaIssueEditor *self)
{
  if (self->issue == NULL)
    return;
  zopa_editor_check_id_row (GTK_WIDGET (self->id_row), get_scenario (self), self->issue, zopa_issue_get_id (self->issue));
}

static void
on_id_apply (ZopaIssueEditor *self)
{
  if (self->issue == NULL)
    return;
  zopa_editor_apply_id_row (GTK_WIDGET (self->id_row), get_history (self), self->issue, zopa_issue_get_id (self->issue));
}

/* Adding and deleting issues */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ZopaIssueEditor *self = ZOPA_ISSUE_EDITOR (widget);
  ZopaScenario *scenario = get_scenario (self);
  g_autofree char *id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_ISSUE, NULL, "issue");
  g_autoptr(ZopaIssue) issue = zopa_issue_new (id);
  g_autoptr(ZopaOption) first = zopa_option_new ("option-1", _("First option"));
  g_autoptr(ZopaOption) second = zopa_option_new ("option-2", _("Second option"));

  /* Set up before it joins the scenario, so adding it is one step. */
  zopa_issue_set_title (issue, _("New Issue"));
  zopa_issue_insert_option (issue, 0, first);
  zopa_issue_insert_option (issue, 1, second);
  zopa_history_break_merge (get_history (self));
  zopa_history_insert (get_history (self), scenario, G_MAXUINT, issue);
  g_clear_object (&self->lost_issue);
  g_set_object (&self->issue, issue);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZopaIssueEditor *self = ZOPA_ISSUE_EDITOR (widget);
  g_autofree char *heading = NULL;

  if (self->issue == NULL)
    return;
  zopa_history_break_merge (get_history (self));
  heading = g_strdup_printf (_("Delete Issue “%s”?"), issue_display_name (self->issue));
  zopa_editor_confirm_delete (GTK_WINDOW (self), get_history (self), self->issue, heading,
                              _("Deals will no longer be decided on it."), _("_Delete"));
}

/* The window */

ZopaIssue *
zopa_issue_editor_get_issue (ZopaIssueEditor *self)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE_EDITOR (self), NULL);

  return self->issue;
}

void
zopa_issue_editor_select_issue (ZopaIssueEditor *self,
                                const char      *issue_id)
{
  ZopaIssue *issue;

  g_return_if_fail (ZOPA_IS_ISSUE_EDITOR (self));

  issue = zopa_scenario_find_issue (get_scenario (self), issue_id);
  if (issue == NULL)
    return;
  g_clear_object (&self->lost_issue);
  g_set_object (&self->issue, issue);
  refresh (self);
}

ZopaIssueEditor *
zopa_issue_editor_new (GtkWindow   *parent,
                       ZopaSession *session)
{
  ZopaIssueEditor *self;
  ZopaScenario *scenario;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = g_object_new (ZOPA_TYPE_ISSUE_EDITOR, "transient-for", parent, "session", session, NULL);
  scenario = zopa_session_get_scenario (session);
  zopa_editor_follow_focus (GTK_WIDGET (self->title_row), get_history (self));
  zopa_editor_follow_focus (GTK_WIDGET (self->description_view), get_history (self));

  /* Around the list box's own handler, which bind_model() connects. */
  g_signal_connect_object (zopa_scenario_get_issues (scenario), "items-changed",
                           G_CALLBACK (on_issues_changing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zopa_scenario_get_issues (scenario), "items-changed",
                           G_CALLBACK (on_issues_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_list_box_bind_model (self->issue_list, zopa_scenario_get_issues (scenario),
                           create_issue_row, self, NULL);
  g_signal_connect_object (scenario, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

ZopaIssueEditor *
zopa_issue_editor_show (GtkWindow   *parent,
                        ZopaSession *session,
                        const char  *issue_id)
{
  ZopaIssueEditor *self;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = (ZopaIssueEditor *) zopa_editor_window_find (session, ZOPA_TYPE_ISSUE_EDITOR);
  if (self == NULL)
    self = zopa_issue_editor_new (parent, session);
  if (issue_id != NULL)
    {
      zopa_issue_editor_select_issue (self, issue_id);
      zopa_editor_window_show_item (ZOPA_EDITOR_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
zopa_issue_editor_dispose (GObject *object)
{
  ZopaIssueEditor *self = ZOPA_ISSUE_EDITOR (object);

  if (self->issue_list != NULL)
    gtk_list_box_bind_model (self->issue_list, NULL, NULL, NULL, NULL);
  if (self->option_list != NULL)
    gtk_list_box_bind_model (self->option_list, NULL, NULL, NULL, NULL);
  zopa_history_binding_clear (&self->title_binding);
  zopa_history_binding_clear (&self->description_binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_ISSUE_EDITOR);
  g_clear_object (&self->issue);
  g_clear_object (&self->lost_issue);
  g_clear_object (&self->bound_issue);

  G_OBJECT_CLASS (zopa_issue_editor_parent_class)->dispose (object);
}

static void
zopa_issue_editor_class_init (ZopaIssueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_issue_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-issue-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, issue_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, option_list);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);

  gtk_widget_class_install_action (widget_class, "issue-editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "issue-editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "issue-editor.add-option", NULL, add_option_action);
  gtk_widget_class_install_action (widget_class, "issue-editor.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "issue-editor.move-down", NULL, move_down_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "issue-editor.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "issue-editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "issue-editor.move-down", NULL);
}

static void
zopa_issue_editor_init (ZopaIssueEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  zopa_editor_window_fold_list (ZOPA_EDITOR_WINDOW (self), self->leaflet, self->issue_list, self->back_button);
}
