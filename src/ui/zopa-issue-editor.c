/* zopa-issue-editor.c: an issue's title, description and options */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-issue-editor.h"

#define EDITOR_KIND "issues"

struct _ZopaIssueEditor
{
  AdwWindow        parent_instance;

  ZopaSession     *session;
  ZopaHistory     *history;
  ZopaIssue       *issue;
  /* The issue shown before it left the list: a move takes it out and puts it back, and
   * undoing its deletion brings it back; either way the editor returns to it. */
  ZopaIssue       *lost_issue;
  /* Set while the widgets follow the model, so they do not echo edits back. */
  gboolean         syncing;
  /* Set while the sidebar rebuilds its rows: a moved issue's row is taken out and put back,
   * and the list box selects some other row meanwhile. */
  gboolean         rows_changing;
  /* What the option rows were built for; the options in order (borrowed: the rows hold them). */
  GPtrArray       *built_options;
  ZopaIssue       *built_issue;
  GPtrArray       *option_rows;   /* AdwEntryRow, data "option", "id-button", "up", "down", "delete" */

  AdwWindowTitle  *window_title;
  GtkListBox      *issue_list;
  GtkStack        *stack;
  AdwEntryRow     *title_row;
  AdwEntryRow     *id_row;
  GtkTextView     *description_view;
  GtkListBox      *option_list;
};

G_DEFINE_FINAL_TYPE (ZopaIssueEditor, zopa_issue_editor, ADW_TYPE_WINDOW)

static void refresh (ZopaIssueEditor *self);

static ZopaScenario *
get_scenario (ZopaIssueEditor *self)
{
  return zopa_session_get_scenario (self->session);
}

static const char *
issue_display_name (ZopaIssue *issue)
{
  const char *title = zopa_issue_get_title (issue);

  return title != NULL && *title != '\0' ? title : zopa_issue_get_id (issue);
}

static const char *
option_display_name (ZopaOption *option)
{
  const char *label = zopa_option_get_label (option);

  return label != NULL && *label != '\0' ? label : zopa_option_get_id (option);
}

/* The sidebar */

static void
update_issue_row (GtkWidget *row,
                  ZopaIssue *issue)
{
  guint n_options = zopa_issue_get_n_options (issue);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u option", "%u options", n_options),
                                            n_options);

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), issue_display_name (issue));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), count);
}

static GtkWidget *
create_issue_row (gpointer item,
                  gpointer user_data)
{
  ZopaIssue *issue = ZOPA_ISSUE (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (issue), g_object_unref);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  update_issue_row (row, issue);
  g_signal_connect_object (issue, "changed", G_CALLBACK (update_issue_row), row, G_CONNECT_SWAPPED);
  return row;
}

static void
on_issue_row_selected (ZopaIssueEditor *self,
                       GtkListBoxRow   *row)
{
  ZopaIssue *issue;

  if (self->syncing || self->rows_changing || row == NULL)
    return;
  issue = g_object_get_data (G_OBJECT (row), "item");
  if (issue == self->issue)
    return;
  zopa_history_break_merge (self->history);
  g_clear_object (&self->lost_issue);
  g_set_object (&self->issue, issue);
  refresh (self);
}

/* Options */

static int
option_position (ZopaIssueEditor *self,
                 ZopaOption      *option)
{
  for (guint i = 0; i < zopa_issue_get_n_options (self->issue); i++)
    if (zopa_issue_get_option (self->issue, i) == option)
      return i;
  return -1;
}

static void
on_option_label_changed (AdwEntryRow     *row,
                         ZopaIssueEditor *self)
{
  ZopaOption *option = g_object_get_data (G_OBJECT (row), "option");

  if (self->syncing)
    return;
  zopa_history_set (self->history, option, "label", gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
}

/* The identifier popover: an entry, the reason a new id cannot be taken, and Rename. */

static gboolean
check_option_id (ZopaIssueEditor *self,
                 GtkWidget       *popover)
{
  ZopaOption *option = g_object_get_data (G_OBJECT (popover), "option");
  GtkEditable *entry = g_object_get_data (G_OBJECT (popover), "entry");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (popover), "error-label");
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, zopa_option_get_id (option)) != 0)
    zopa_edit_check_id (get_scenario (self), option, text, &error);
  zopa_editor_show_error (GTK_WIDGET (entry), error);
  gtk_label_set_text (error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), error != NULL);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (popover), "rename"), error == NULL);
  return error == NULL;
}

static void
on_id_popover_show (GtkWidget       *popover,
                    ZopaIssueEditor *self)
{
  ZopaOption *option = g_object_get_data (G_OBJECT (popover), "option");
  GtkEditable *entry = g_object_get_data (G_OBJECT (popover), "entry");

  gtk_editable_set_text (entry, zopa_option_get_id (option));
  gtk_editable_select_region (entry, 0, -1);
  check_option_id (self, popover);
}

static void
on_id_entry_changed (GtkEditable     *entry,
                     ZopaIssueEditor *self)
{
  check_option_id (self, g_object_get_data (G_OBJECT (entry), "popover"));
}

static void
rename_option (ZopaIssueEditor *self,
               GtkWidget       *popover)
{
  ZopaOption *option = g_object_get_data (G_OBJECT (popover), "option");
  GtkEditable *entry = g_object_get_data (G_OBJECT (popover), "entry");
  g_autofree char *text = g_strdup (gtk_editable_get_text (entry));

  if (!check_option_id (self, popover))
    {
      gtk_widget_error_bell (popover);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  if (g_strcmp0 (text, zopa_option_get_id (option)) != 0)
    zopa_edit_rename (self->history, option, text, NULL);
}

static void
on_id_entry_activate (GtkEntry        *entry,
                      ZopaIssueEditor *self)
{
  rename_option (self, g_object_get_data (G_OBJECT (entry), "popover"));
}

static void
on_rename_clicked (GtkButton       *button,
                   ZopaIssueEditor *self)
{
  rename_option (self, g_object_get_data (G_OBJECT (button), "popover"));
}

static GtkWidget *
create_id_button (ZopaIssueEditor *self,
                  ZopaOption      *option)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Identifier"));
  GtkWidget *hint = gtk_label_new (_("Clauses, stances and variants that use it follow the new one."));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkWidget *rename = gtk_button_new_with_mnemonic (_("_Rename"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Change Identifier"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 32);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 28);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Identifier"), -1);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error_label), 32);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_add_css_class (error_label, "caption");
  gtk_widget_set_halign (rename, GTK_ALIGN_END);
  gtk_widget_add_css_class (rename, "suggested-action");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  gtk_box_append (GTK_BOX (box), rename);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  g_object_set_data_full (G_OBJECT (popover), "option", g_object_ref (option), g_object_unref);
  g_object_set_data (G_OBJECT (popover), "entry", entry);
  g_object_set_data (G_OBJECT (popover), "error-label", error_label);
  g_object_set_data (G_OBJECT (popover), "rename", rename);
  g_object_set_data (G_OBJECT (entry), "popover", popover);
  g_object_set_data (G_OBJECT (rename), "popover", popover);
  g_object_set_data (G_OBJECT (button), "popover", popover);
  g_object_set_data (G_OBJECT (button), "entry", entry);
  g_signal_connect (popover, "show", G_CALLBACK (on_id_popover_show), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_id_entry_changed), self);
  g_signal_connect (entry, "activate", G_CALLBACK (on_id_entry_activate), self);
  g_signal_connect (rename, "clicked", G_CALLBACK (on_rename_clicked), self);
  return button;
}

static void
move_option (ZopaIssueEditor *self,
             ZopaOption      *option,
             int              delta)
{
  int position = option_position (self, option);
  int target = position + delta;

  if (position < 0 || target < 0 || target >= (int) zopa_issue_get_n_options (self->issue))
    return;
  zopa_history_break_merge (self->history);
  zopa_history_move (self->history, self->issue, option, target);
}

static void
on_option_up_clicked (GtkButton       *button,
                      ZopaIssueEditor *self)
{
  move_option (self, g_object_get_data (G_OBJECT (button), "option"), -1);
}

static void
on_option_down_clicked (GtkButton       *button,
                        ZopaIssueEditor *self)
{
  move_option (self, g_object_get_data (G_OBJECT (button), "option"), +1);
}

static void
on_option_delete_clicked (GtkButton       *button,
                          ZopaIssueEditor *self)
{
  ZopaOption *option = g_object_get_data (G_OBJECT (button), "option");
  g_autofree char *heading = g_strdup_printf (_("Delete Option “%s”?"), option_display_name (option));
  g_autofree char *body = g_strdup_printf (_("Deals will no longer be able to take this position on “%s”."),
                                           issue_display_name (self->issue));

  zopa_history_break_merge (self->history);
  zopa_editor_confirm_delete (GTK_WINDOW (self), self->history, option, heading, body, _("_Delete"));
}

static GtkWidget *
create_action_button (ZopaOption      *option,
                      const char      *icon_name,
                      const char      *tooltip,
                      GCallback        callback,
                      ZopaIssueEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "option", g_object_ref (option), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* One option: its label in place, its identifier behind a button, and moving and deleting. */
static GtkWidget *
create_option_row (ZopaIssueEditor *self,
                   ZopaOption      *option)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *id_button = create_id_button (self, option);
  GtkWidget *up = create_action_button (option, "go-up-symbolic", _("Move Up"),
                                        G_CALLBACK (on_option_up_clicked), self);
  GtkWidget *down = create_action_button (option, "go-down-symbolic", _("Move Down"),
                                          G_CALLBACK (on_option_down_clicked), self);
  GtkWidget *delete = create_action_button (option, "user-trash-symbolic", _("Delete Option"),
                                            G_CALLBACK (on_option_delete_clicked), self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), id_button);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), delete);
  zopa_editor_follow_focus (row, self->history);
  g_signal_connect (row, "changed", G_CALLBACK (on_option_label_changed), self);

  g_object_set_data_full (G_OBJECT (row), "option", g_object_ref (option), g_object_unref);
  g_object_set_data (G_OBJECT (row), "id-button", id_button);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);
  g_object_set_data (G_OBJECT (row), "delete", delete);
  return row;
}

static gboolean
options_changed (ZopaIssueEditor *self)
{
  guint n_options = zopa_issue_get_n_options (self->issue);

  if (self->built_issue != self->issue || self->built_options->len != n_options)
    return TRUE;
  for (guint i = 0; i < n_options; i++)
    if (g_ptr_array_index (self->built_options, i) != zopa_issue_get_option (self->issue, i))
      return TRUE;
  return FALSE;
}

static void
rebuild_options (ZopaIssueEditor *self)
{
  GtkWidget *child;

  if (!options_changed (self))
    return;

  g_ptr_array_set_size (self->option_rows, 0);
  g_ptr_array_set_size (self->built_options, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->option_list))) != NULL)
    gtk_list_box_remove (self->option_list, child);

  g_set_object (&self->built_issue, self->issue);
  for (guint i = 0; i < zopa_issue_get_n_options (self->issue); i++)
    {
      ZopaOption *option = zopa_issue_get_option (self->issue, i);
      GtkWidget *row = create_option_row (self, option);

      gtk_list_box_append (self->option_list, row);
      g_ptr_array_add (self->option_rows, row);
      g_ptr_array_add (self->built_options, option);
    }
}

static void
sync_options (ZopaIssueEditor *self)
{
  guint n_rows = self->option_rows->len;

  for (guint i = 0; i < n_rows; i++)
    {
      GObject *row = g_ptr_array_index (self->option_rows, i);
      ZopaOption *option = g_object_get_data (row, "option");
      g_autofree char *title = g_strdup_printf (_("Option %u"), i + 1);
      g_autofree char *a11y = g_strdup_printf (_("Identifier “%s”"), zopa_option_get_id (option));
      GtkWidget *id_button = g_object_get_data (row, "id-button");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      zopa_editor_set_text (GTK_EDITABLE (row), zopa_option_get_label (option));
      gtk_menu_button_set_label (GTK_MENU_BUTTON (id_button), zopa_option_get_id (option));
      gtk_accessible_update_property (GTK_ACCESSIBLE (id_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_widget_set_sensitive (g_object_get_data (row, "up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (row, "down"), i + 1 < n_rows);
      /* An issue without options has no deals at all. */
      gtk_widget_set_sensitive (g_object_get_data (row, "delete"), n_rows > 1);
      gtk_widget_set_tooltip_text (g_object_get_data (row, "delete"),
                                   n_rows > 1 ? _("Delete Option") : _("An issue needs at least one option"));
    }
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
  zopa_history_break_merge (self->history);
  zopa_history_insert (self->history, self->issue, G_MAXUINT, option);
  return option;
}

static void
add_option_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaIssueEditor *self = ZOPA_ISSUE_EDITOR (widget);
  ZopaOption *option = add_option (self);

  for (guint i = 0; option != NULL && i < self->option_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->option_rows, i);

      if (g_object_get_data (row, "option") == option)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
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
  zopa_history_break_merge (self->history);
  zopa_history_move (self->history, scenario, self->issue, target);
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

  self->syncing = TRUE;
  row = self->issue != NULL ? zopa_editor_find_row (self->issue_list, self->issue) : NULL;
  if (row != gtk_list_box_get_selected_row (self->issue_list))
    gtk_list_box_select_row (self->issue_list, row);

  position = self->issue != NULL ? issue_position (self, self->issue) : -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.delete", self->issue != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.move-down",
                                 position >= 0 && position + 1 < (int) g_list_model_get_n_items (issues));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issue-editor.add-option", self->issue != NULL);
  if (self->issue == NULL)
    {
      g_clear_object (&self->built_issue);
      g_ptr_array_set_size (self->built_options, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Issues"));
      self->syncing = FALSE;
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "editor");
  zopa_editor_set_text (GTK_EDITABLE (self->title_row), zopa_issue_get_title (self->issue));
  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_issue_get_id (self->issue));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
  zopa_editor_set_buffer_text (gtk_text_view_get_buffer (self->description_view),
                               zopa_issue_get_description (self->issue));
  rebuild_options (self);
  sync_options (self);

  adw_window_title_set_subtitle (self->window_title, issue_display_name (self->issue));
  title = g_strdup_printf (_("Issue “%s”"), issue_display_name (self->issue));
  gtk_window_set_title (GTK_WINDOW (self), title);
  self->syncing = FALSE;
}

/* Editing the issue */

static void
on_title_changed (ZopaIssueEditor *self)
{
  if (self->syncing || self->issue == NULL)
    return;
  zopa_history_set (self->history, self->issue, "title",
                    gtk_editable_get_text (GTK_EDITABLE (self->title_row)), NULL);
}

static void
on_id_changed (ZopaIssueEditor *self)
{
  if (self->syncing || self->issue == NULL)
    return;
  zopa_editor_check_id_row (GTK_WIDGET (self->id_row), get_scenario (self), self->issue, zopa_issue_get_id (self->issue));
}

static void
on_id_apply (ZopaIssueEditor *self)
{
  if (self->issue == NULL)
    return;
  zopa_editor_apply_id_row (GTK_WIDGET (self->id_row), self->history, self->issue, zopa_issue_get_id (self->issue));
}

static void
on_description_changed (GtkTextBuffer   *buffer,
                        ZopaIssueEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->issue == NULL)
    return;
  text = zopa_editor_dup_buffer_text (buffer);
  zopa_history_set (self->history, self->issue, "description", text, NULL);
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
  zopa_history_break_merge (self->history);
  zopa_history_insert (self->history, scenario, G_MAXUINT, issue);
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
  zopa_history_break_merge (self->history);
  heading = g_strdup_printf (_("Delete Issue “%s”?"), issue_display_name (self->issue));
  zopa_editor_confirm_delete (GTK_WINDOW (self), self->history, self->issue, heading,
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

  self = g_object_new (ZOPA_TYPE_ISSUE_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->history = g_object_ref (zopa_document_get_history (zopa_session_get_document (session)));
  scenario = zopa_session_get_scenario (session);
  zopa_editor_set_history (GTK_WINDOW (self), self->history);

  zopa_editor_follow_focus (GTK_WIDGET (self->title_row), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (self->description_view), self->history);
  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (on_description_changed), self);

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

  self = (ZopaIssueEditor *) zopa_editor_find_open (session, EDITOR_KIND);
  if (self == NULL)
    {
      self = zopa_issue_editor_new (parent, session);
      zopa_editor_register (session, EDITOR_KIND, GTK_WINDOW (self));
    }
  if (issue_id != NULL)
    zopa_issue_editor_select_issue (self, issue_id);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
zopa_issue_editor_dispose (GObject *object)
{
  ZopaIssueEditor *self = ZOPA_ISSUE_EDITOR (object);

  if (self->issue_list != NULL)
    gtk_list_box_bind_model (self->issue_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_ISSUE_EDITOR);
  g_clear_object (&self->issue);
  g_clear_object (&self->lost_issue);
  g_clear_object (&self->built_issue);

  G_OBJECT_CLASS (zopa_issue_editor_parent_class)->dispose (object);
}

static void
zopa_issue_editor_finalize (GObject *object)
{
  ZopaIssueEditor *self = ZOPA_ISSUE_EDITOR (object);

  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_pointer (&self->built_options, g_ptr_array_unref);
  g_clear_pointer (&self->option_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (zopa_issue_editor_parent_class)->finalize (object);
}

static void
zopa_issue_editor_class_init (ZopaIssueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_issue_editor_dispose;
  object_class->finalize = zopa_issue_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-issue-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, issue_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaIssueEditor, option_list);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
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
  zopa_editor_class_install_actions (widget_class);
}

static void
zopa_issue_editor_init (ZopaIssueEditor *self)
{
  self->built_options = g_ptr_array_new ();
  self->option_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
