/* zopa-window.c: the main window — one scenario document, its file actions and views */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-actor-editor.h"
#include "zopa-compare-window.h"
#include "zopa-diagram-area.h"
#include "zopa-draft-panel.h"
#include "zopa-export.h"
#include "zopa-issue-editor.h"
#include "zopa-sidebar.h"
#include "zopa-variant-editor.h"
#include "zopa-window.h"
#include "zopa-user-text.h"

struct _ZopaWindow
{
  AdwApplicationWindow  parent_instance;

  ZopaDocument         *document;
  ZopaSession          *session;
  GSettings            *settings;
  GSimpleActionGroup   *diagram_actions;
  GBinding             *mode_binding;    /* the session's view to the mode buttons */
  /* Set once the user has answered the unsaved-changes dialog with Discard, or saved. */
  gboolean              close_confirmed;
  /* The unsaved-changes dialog while it is up, so a second close does not ask twice. */
  GtkWindow            *close_dialog;

  AdwToastOverlay      *toast_overlay;
  GtkInfoBar           *disk_banner;
  GtkLabel             *disk_banner_label;
  GtkWidget            *disk_save_as_button;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  AdwFlap              *draft_flap;
  ZopaSidebar          *sidebar;
  ZopaDraftPanel       *draft_panel;
  ZopaDiagramArea      *diagram_area;
  GtkMenuButton        *variant_button;
  GtkWidget            *mode_box;
  GMenu                *variant_section;
};

G_DEFINE_FINAL_TYPE (ZopaWindow, zopa_window, ADW_TYPE_APPLICATION_WINDOW)

typedef void (*ZopaWindowSavedFunc) (ZopaWindow *self);

static void save_as_then (ZopaWindow *self, ZopaWindowSavedFunc then);
static void set_document (ZopaWindow *self, ZopaDocument *document);
static ZopaDocument *load_document (ZopaWindow *self, GFile *file);

/* The responses of the banner and the dialog about changes on disk. */
enum {
  DISK_RESPONSE_RELOAD = 1,
  DISK_RESPONSE_KEEP_MINE = 2,
  DISK_RESPONSE_SAVE_AS = 3,
};

static void
show_error (ZopaWindow *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (zopa_user_text_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Title */

static void
update_title (ZopaWindow *self)
{
  ZopaScenario *scenario = zopa_document_get_scenario (self->document);
  g_autofree char *display_name = zopa_document_dup_display_name (self->document);
  g_autofree char *title = NULL;
  g_autofree char *shown_title = NULL;
  g_autofree char *shown_name = NULL;
  const char *scenario_title = zopa_scenario_get_title (scenario);

  if (scenario_title == NULL || *scenario_title == '\0')
    scenario_title = _("Untitled Scenario");

  /* The dot marks unsaved changes, as in GNOME Text Editor. */
  if (zopa_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", scenario_title);
  else
    title = g_strdup (scenario_title);

  shown_title = zopa_display_text (title, ZOPA_DISPLAY_TEXT_LINE);
  shown_name = zopa_display_text (display_name, ZOPA_DISPLAY_TEXT_LINE);
  adw_window_title_set_title (self->window_title, shown_title);
  adw_window_title_set_subtitle (self->window_title, shown_name);
  gtk_window_set_title (GTK_WINDOW (self), shown_title);
}

/* Changes on disk: another program changed or deleted the document's file. */

static void
update_disk_banner (ZopaWindow *self)
{
  ZopaDiskState state = zopa_document_get_disk_state (self->document);
  g_autofree char *name = zopa_document_dup_display_name (self->document);
  g_autofree char *text = NULL;

  if (state == ZOPA_DISK_STATE_DELETED)
    text = g_strdup_printf (_("The file “%s” was deleted on disk"), name);
  else if (state == ZOPA_DISK_STATE_CHANGED)
    text = g_strdup_printf (_("The file “%s” changed on disk"), name);
  /* A name is shown as it is, never as markup. */
  zopa_user_text_set_label (self->disk_banner_label, text);
  gtk_widget_set_visible (self->disk_save_as_button, state == ZOPA_DISK_STATE_DELETED);
  gtk_info_bar_set_response_sensitive (self->disk_banner, DISK_RESPONSE_RELOAD,
                                       state == ZOPA_DISK_STATE_CHANGED);
  gtk_info_bar_set_revealed (self->disk_banner, state != ZOPA_DISK_STATE_UNCHANGED);
}

/* Reload: the other program's version replaces the window's, unsaved changes included. */
static void
reload_from_disk (ZopaWindow *self)
{
  g_autoptr(ZopaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = zopa_document_get_file (self->document);

  if (file == NULL)
    return;
  document = load_document (self, file);
  if (document == NULL)
    return;
  if (!zopa_document_discard_recovery (self->document, &error))
    g_warning ("The recovery copy of the replaced changes stays: %s", error->message);
  set_document (self, document);
}

static gboolean save_to_full (ZopaWindow *self, GFile *file, ZopaSaveFlags flags);

static void
answer_disk_change (ZopaWindow *self,
                    int         response)
{
  switch (response)
    {
    case DISK_RESPONSE_RELOAD:
      reload_from_disk (self);
      break;
    case DISK_RESPONSE_KEEP_MINE:
      save_to_full (self, NULL, ZOPA_SAVE_OVERWRITE_DISK_CHANGES);
      break;
    case DISK_RESPONSE_SAVE_AS:
      save_as_then (self, NULL);
      break;
    default:
      break;
    }
}

static void
on_disk_banner_response (GtkInfoBar *banner,
                         int         response,
                         ZopaWindow *self)
{
  answer_disk_change (self, response);
}

static void
on_disk_dialog_response (AdwMessageDialog *dialog,
                         const char       *response,
                         ZopaWindow       *self)
{
  if (g_str_equal (response, "reload"))
    answer_disk_change (self, DISK_RESPONSE_RELOAD);
  else if (g_str_equal (response, "keep"))
    answer_disk_change (self, DISK_RESPONSE_KEEP_MINE);
  else if (g_str_equal (response, "save-as"))
    answer_disk_change (self, DISK_RESPONSE_SAVE_AS);
}

/* A save refused because the file changed on disk: the same choices as the banner. */
static void
ask_about_disk_change (ZopaWindow *self)
{
  g_autofree char *name = zopa_document_dup_display_name (self->document);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"), NULL));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_format_body (dialog,
                                  _("Another program changed “%s” since it was opened or saved here. "
                                    "Saving now would overwrite those changes."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "save-as", _("Save _As…"),
                                    "keep", _("_Keep Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_disk_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The diagram's choices: view and mode are the session's properties as actions; the variant,
 * whose base scenario is NULL in the session and '' in the menu, a stateful action. */

/* The base scenario is the empty string. */
static void
change_variant_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  ZopaWindow *self = ZOPA_WINDOW (user_data);
  const char *id = g_variant_get_string (value, NULL);

  zopa_session_set_variant (self->session, *id ? id : NULL);
}

static const GActionEntry diagram_action_entries[] = {
  { "variant", NULL, "s", "''", change_variant_state },
};

/* Property actions of the session in view, replaced with the session. */
static void
add_session_actions (ZopaWindow *self)
{
  g_autoptr(GPropertyAction) view = g_property_action_new ("view", self->session, "view");
  g_autoptr(GPropertyAction) mode = g_property_action_new ("mode", self->session, "mode");

  g_action_map_add_action (G_ACTION_MAP (self->diagram_actions), G_ACTION (view));
  g_action_map_add_action (G_ACTION_MAP (self->diagram_actions), G_ACTION (mode));
}

/* The issue map has no modes. */
static gboolean
view_has_modes (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == ZOPA_DIAGRAM_VIEW_VENN);
  return TRUE;
}

static void
sync_diagram_actions (ZopaWindow *self)
{
  GActionMap *map = G_ACTION_MAP (self->diagram_actions);
  const char *variant_id = zopa_session_get_variant (self->session);
  ZopaVariant *variant = NULL;

  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "variant")),
                             g_variant_new_string (variant_id ? variant_id : ""));

  if (variant_id != NULL)
    variant = zopa_scenario_find_variant (zopa_session_get_scenario (self->session), variant_id);
  gtk_menu_button_set_label (self->variant_button,
                             variant ? zopa_variant_get_title (variant) : _("Base Scenario"));
}

static void
rebuild_variant_menu (ZopaWindow *self)
{
  GListModel *variants = zopa_scenario_get_variants (zopa_session_get_scenario (self->session));
  g_autoptr(GMenuItem) base = g_menu_item_new (_("Base Scenario"), NULL);

  g_menu_remove_all (self->variant_section);
  g_menu_item_set_action_and_target_value (base, "diagram.variant", g_variant_new_string (""));
  g_menu_append_item (self->variant_section, base);
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ZopaVariant) variant = g_list_model_get_item (variants, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (zopa_variant_get_title (variant), NULL);

      g_menu_item_set_action_and_target_value (item, "diagram.variant",
                                               g_variant_new_string (zopa_variant_get_id (variant)));
      g_menu_append_item (self->variant_section, item);
    }
  sync_diagram_actions (self);
}

/* The document */

static void
update_undo_actions (ZopaWindow *self)
{
  ZopaHistory *history = zopa_document_get_history (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", zopa_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", zopa_history_get_can_redo (history));
}

/* Editors and comparison windows work on this window's session: they belong to the
 * application (so its shortcuts work there), and go with the window or its document. */
static void
adopt_child_windows (ZopaWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self)
        && !ADW_IS_MESSAGE_DIALOG (l->data)
        && gtk_window_get_application (l->data) == NULL)
      {
        gtk_window_set_application (l->data, gtk_window_get_application (GTK_WINDOW (self)));
        gtk_window_set_destroy_with_parent (l->data, TRUE);
      }
}

static void
close_child_windows (ZopaWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self) && !ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

/* The application's store keeps this window's unsaved changes a few seconds after each edit. */
static void
attach_recovery_store (ZopaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  ZopaRecoveryStore *store;

  if (self->document == NULL || !ZOPA_IS_APPLICATION (app))
    return;
  store = zopa_application_get_recovery_store (ZOPA_APPLICATION (app));
  if (store != NULL)
    zopa_document_set_recovery_store (self->document, store);
}

static void
set_document (ZopaWindow   *self,
              ZopaDocument *document)
{
  ZopaScenario *scenario;

  if (self->document != NULL)
    {
      close_child_windows (self);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (zopa_document_get_scenario (self->document), self);
      g_signal_handlers_disconnect_by_data (zopa_document_get_history (self->document), self);
    }
  g_set_object (&self->document, document);
  attach_recovery_store (self);

  scenario = zopa_document_get_scenario (document);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::disk-state", G_CALLBACK (update_disk_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scenario, "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zopa_document_get_history (document), "notify::can-undo",
                           G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zopa_document_get_history (document), "notify::can-redo",
                           G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_pointer (&self->mode_binding, g_binding_unbind);
  g_clear_object (&self->session);
  self->session = zopa_session_new (document);
  add_session_actions (self);
  self->mode_binding = g_object_bind_property_full (self->session, "view", self->mode_box, "sensitive",
                                                    G_BINDING_SYNC_CREATE, view_has_modes, NULL, NULL, NULL);
  g_signal_connect_object (self->session, "notify::variant", G_CALLBACK (sync_diagram_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::analysis", G_CALLBACK (rebuild_variant_menu), self, G_CONNECT_SWAPPED);

  zopa_sidebar_set_session (self->sidebar, self->session);
  zopa_draft_panel_set_session (self->draft_panel, self->session);
  zopa_diagram_area_set_session (self->diagram_area, self->session);
  rebuild_variant_menu (self);
  update_title (self);
  update_disk_banner (self);
}

ZopaDocument *
zopa_window_get_document (ZopaWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_WINDOW (self), NULL);
  return self->document;
}

/* Loads file; when that fails, a dialog on this window says why. */
static ZopaDocument *
load_document (ZopaWindow *self,
               GFile      *file)
{
  g_autoptr(GError) error = NULL;
  ZopaDocument *document = zopa_document_new_from_file (file, &error);

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error (self, heading, error->message);
    }
  return document;
}

gboolean
zopa_window_open_file (ZopaWindow *self,
                       GFile      *file)
{
  g_autoptr(ZopaDocument) document = NULL;

  g_return_val_if_fail (ZOPA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = load_document (self, file);
  if (document == NULL)
    return FALSE;
  set_document (self, document);
  return TRUE;
}

/* File chooser filters: Zopa scenarios first, then any JSON file. */
static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) zopa_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json_filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (zopa_filter, _("Zopa Scenarios"));
  gtk_file_filter_add_pattern (zopa_filter, "*.zopa.json");
  gtk_file_filter_add_mime_type (zopa_filter, "application/x-zopa+json");
  gtk_file_chooser_add_filter (chooser, zopa_filter);

  gtk_file_filter_set_name (json_filter, _("All JSON Files"));
  gtk_file_filter_add_pattern (json_filter, "*.json");
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  gtk_file_chooser_add_filter (chooser, json_filter);
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  ZopaWindow      *self)
{
  /* The window may have closed while the dialog was up. */
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      /* Unsaved changes are never replaced: the file opens in a window of its own. */
      if (zopa_document_get_modified (self->document))
        {
          g_autoptr(ZopaDocument) document = load_document (self, file);

          if (document != NULL)
            {
              GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
              ZopaWindow *window = zopa_window_new (ZOPA_APPLICATION (app));

              set_document (window, document);
              gtk_window_present (GTK_WINDOW (window));
            }
        }
      else
        zopa_window_open_file (self, file);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
save_to_full (ZopaWindow    *self,
              GFile         *file,
              ZopaSaveFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  if (zopa_document_save_full (self->document, file, flags, &error))
    return TRUE;

  if (g_error_matches (error, ZOPA_DOCUMENT_ERROR, ZOPA_DOCUMENT_ERROR_CHANGED_ON_DISK))
    ask_about_disk_change (self);
  else
    {
      name = g_file_get_basename (file ? file : zopa_document_get_file (self->document));
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      show_error (self, heading, error->message);
    }
  return FALSE;
}

static gboolean
save_to (ZopaWindow *self,
         GFile      *file)
{
  return save_to_full (self, file, ZOPA_SAVE_NONE);
}

typedef struct {
  ZopaWindow          *window;
  ZopaWindowSavedFunc  then;
} SaveAsData;

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     SaveAsData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (save_to (data->window, file) && data->then != NULL)
        data->then (data->window);
    }
  g_object_unref (data->window);
  g_free (data);
  g_object_unref (native);
}

static char *
suggest_file_name (ZopaWindow *self)
{
  const char *title = zopa_scenario_get_title (zopa_document_get_scenario (self->document));
  g_autofree char *safe = NULL;

  if (title == NULL || *title == '\0')
    title = _("Scenario");
  safe = g_strdelimit (g_strdup (title), "/\\:", '-');
  return g_strconcat (safe, ".zopa.json", NULL);
}

/* Asks where to save, saves, and then calls then (for example, to close the window). */
static void
save_as_then (ZopaWindow          *self,
              ZopaWindowSavedFunc  then)
{
  GtkFileChooserNative *native;
  SaveAsData *data = g_new0 (SaveAsData, 1);
  GFile *file = zopa_document_get_file (self->document);

  data->window = g_object_ref (self);
  data->then = then;

  native = gtk_file_chooser_native_new (_("Save Scenario"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), file, NULL);
  else
    {
      g_autofree char *name = suggest_file_name (self);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Saves to the document's file, or asks where when it has none (the built-in scenario). */
static void
save_then (ZopaWindow          *self,
           ZopaWindowSavedFunc  then)
{
  if (zopa_document_get_file (self->document) == NULL)
    save_as_then (self, then);
  else if (save_to (self, NULL) && then != NULL)
    then (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_then (ZOPA_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as_then (ZOPA_WINDOW (widget), NULL);
}

static void
close_confirmed (ZopaWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ZopaWindow       *self)
{
  if (g_str_equal (response, "discard"))
    {
      g_autoptr(GError) error = NULL;

      if (!zopa_document_discard_recovery (self->document, &error))
        g_warning ("The recovery copy of the discarded changes stays: %s", error->message);
      self->close_confirmed = TRUE;
    }
  else if (g_str_equal (response, "save") && zopa_document_get_file (self->document) != NULL)
    self->close_confirmed = save_to (self, NULL);
  else if (g_str_equal (response, "save"))
    save_as_then (self, close_confirmed);
}

/* Closes the window once the dialog is gone, so the dialog never outlives its parent. */
static void
on_unsaved_dialog_destroyed (ZopaWindow *self)
{
  if (self->close_confirmed)
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
zopa_window_close_request (GtkWindow *window)
{
  ZopaWindow *self = ZOPA_WINDOW (window);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->document == NULL || !zopa_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (zopa_window_parent_class)->close_request (window);

  if (self->close_dialog != NULL)
    {
      gtk_window_present (self->close_dialog);
      return TRUE;
    }

  name = zopa_document_dup_display_name (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
  self->close_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_dialog);
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_unsaved_dialog_destroyed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_export_show_dialog (GTK_WINDOW (self), self->session);
}

static void
copy_diagram_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!zopa_export_copy_to_clipboard (self->session, gtk_widget_get_clipboard (widget), &error))
    show_error (self, _("Could Not Copy the Diagram"), error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Diagram copied")));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_export_print (GTK_WINDOW (self), self->session);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_history_undo (zopa_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_history_redo (zopa_document_get_history (self->document));
}

/* The editors: a parameter names the object, an empty one means "the first" or "a new one". */
static const char *
parameter_id (GVariant *parameter)
{
  const char *id = parameter ? g_variant_get_string (parameter, NULL) : "";

  return *id ? id : NULL;
}

static void
edit_actor_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  const char *id = parameter_id (parameter);
  GListModel *actors = zopa_scenario_get_actors (zopa_session_get_scenario (self->session));
  g_autoptr(ZopaActor) first = NULL;

  /* Without a name, the editor opens on the first actor rather than adding one. */
  if (id == NULL && g_list_model_get_n_items (actors) > 0)
    {
      first = g_list_model_get_item (actors, 0);
      id = zopa_actor_get_id (first);
    }
  zopa_actor_editor_show (GTK_WINDOW (self), self->session, id);
  adopt_child_windows (self);
}

static void
add_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_actor_editor_show (GTK_WINDOW (self), self->session, NULL);
  adopt_child_windows (self);
}

static void
edit_issue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_issue_editor_show (GTK_WINDOW (self), self->session, parameter_id (parameter));
  adopt_child_windows (self);
}

static void
edit_variant_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_variant_editor_show (GTK_WINDOW (self), self->session, parameter_id (parameter));
  adopt_child_windows (self);
}

/* Draft operations live in the draft panel; the window's menu reaches them through it. */
static void
draft_operation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  const char *operation = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strconcat ("draft.", operation, NULL);

  adw_flap_set_reveal_flap (self->draft_flap, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->draft_panel), name, NULL);
}

static void
toggle_draft_panel_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  adw_flap_set_reveal_flap (self->draft_flap, !adw_flap_get_reveal_flap (self->draft_flap));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_compare_window_show (GTK_WINDOW (self), self->session, NULL, NULL);
  adopt_child_windows (self);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
zopa_window_dispose (GObject *object)
{
  ZopaWindow *self = ZOPA_WINDOW (object);

  close_child_windows (self);
  if (self->close_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->close_dialog), (gpointer *) &self->close_dialog);
  self->close_dialog = NULL;
  g_clear_pointer (&self->mode_binding, g_binding_unbind);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->diagram_actions);

  G_OBJECT_CLASS (zopa_window_parent_class)->dispose (object);
}

/* The application is known only once the construction properties are set. */
static void
zopa_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (zopa_window_parent_class)->constructed (object);
  attach_recovery_store (ZOPA_WINDOW (object));
}

static void
zopa_window_class_init (ZopaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = zopa_window_constructed;
  object_class->dispose = zopa_window_dispose;
  window_class->close_request = zopa_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, disk_banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, disk_save_as_button);
  gtk_widget_class_bind_template_callback (widget_class, on_disk_banner_response);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, draft_flap);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, draft_panel);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, diagram_area);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, variant_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, mode_box);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, variant_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-diagram", NULL, copy_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-draft-panel", NULL, toggle_draft_panel_action);
  gtk_widget_class_install_action (widget_class, "win.draft", "s", draft_operation_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.edit-actor", "s", edit_actor_action);
  gtk_widget_class_install_action (widget_class, "win.add-actor", NULL, add_actor_action);
  gtk_widget_class_install_action (widget_class, "win.edit-issue", "s", edit_issue_action);
  gtk_widget_class_install_action (widget_class, "win.edit-variant", "s", edit_variant_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-diagram", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_CONTROL_MASK, "win.toggle-draft-panel", NULL);

  g_type_ensure (ZOPA_TYPE_SIDEBAR);
  g_type_ensure (ZOPA_TYPE_DRAFT_PANEL);
  g_type_ensure (ZOPA_TYPE_DIAGRAM_AREA);
}

static void
zopa_window_init (ZopaWindow *self)
{
  g_autoptr(ZopaDocument) document = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->diagram_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->diagram_actions), diagram_action_entries,
                                   G_N_ELEMENTS (diagram_action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "diagram", G_ACTION_GROUP (self->diagram_actions));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  document = zopa_document_new_builtin ();
  set_document (self, document);
}

ZopaWindow *
zopa_window_new (ZopaApplication *application)
{
  return g_object_new (ZOPA_TYPE_WINDOW, "application", application, NULL);
}

ZopaWindow *
zopa_window_new_for_document (ZopaApplication *application,
                              ZopaDocument    *document)
{
  ZopaWindow *self = zopa_window_new (application);

  g_return_val_if_fail (ZOPA_IS_DOCUMENT (document), self);
  set_document (self, document);
  return self;
}
