/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-window-files.c: the window's file work — opening (off the main thread), saving,
 * changes on disk and files dropped on it */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-document-loader.h"
#include "zopa-error-dialog.h"
#include "zopa-recent-files.h"
#include "zopa-user-text.h"
#include "zopa-window-private.h"

static gboolean save_to_full (ZopaWindow *self, GFile *file, ZopaSaveFlags flags);

/* The responses of the banner and the dialog about changes on disk. */
enum {
  DISK_RESPONSE_RELOAD = 1,
  DISK_RESPONSE_KEEP_MINE = 2,
  DISK_RESPONSE_SAVE_AS = 3,
};

/* The name error dialogs give a file. */
static char *
dup_file_name (GFile *file)
{
  char *name = g_file_get_basename (file);

  return name ? name : g_file_get_uri (file);
}

/* Opened and saved files go to the desktop's list of recent files and the Open Recent menu. */
static void
note_recent_file (ZopaWindow *self,
                  GFile      *file)
{
  if (self->recent_files != NULL)
    zopa_recent_files_add (self->recent_files, file);
}

/* Changes on disk: another program changed or deleted the document's file. */

void
zopa_window_update_disk_banner (ZopaWindow *self)
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

/* Loads file; when that fails, a dialog on this window says why. */
static ZopaDocument *
load_document (ZopaWindow *self,
               GFile      *file)
{
  g_autoptr(GError) error = NULL;
  ZopaDocument *document = zopa_document_new_from_file (file, &error);

  if (document == NULL)
    {
      g_autofree char *name = dup_file_name (file);

      zopa_error_dialog_present_error (GTK_WINDOW (self), error, _("Could Not Open “%s”"), name);
    }
  return document;
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
  zopa_window_set_document (self, document);
}

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
      zopa_window_save_as_then (self, NULL);
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

/* Opening */

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
  zopa_window_set_document (self, document);
  note_recent_file (self, file);
  return TRUE;
}

static void
show_loading (ZopaWindow *self,
              GFile      *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (file != NULL)
    {
      name = g_file_get_basename (file);
      text = g_strdup_printf (_("Opening “%s”…"), name);
      gtk_label_set_text (self->loading_label, text);
    }
  /* Nothing is edited meanwhile: the document in view is about to be replaced. */
  gtk_widget_set_sensitive (self->main_box, file == NULL);
  gtk_widget_set_visible (self->loading_box, file != NULL);
}

static void
on_document_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ZopaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaDocument) document = zopa_document_load_finish (result, &error);
  g_autoptr(GFile) file = NULL;

  /* The window closed, or another load took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  g_clear_object (&self->loading_cancellable);
  show_loading (self, NULL);
  if (document == NULL)
    {
      g_autofree char *name = dup_file_name (file);

      zopa_error_dialog_present_error (GTK_WINDOW (self), error, _("Could Not Open “%s”"), name);
    }
  else
    {
      zopa_window_set_document (self, document);
      note_recent_file (self, file);
    }
  g_object_notify (G_OBJECT (self), "loading");
}

void
zopa_window_load_file (ZopaWindow *self,
                       GFile      *file)
{
  g_return_if_fail (ZOPA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->loading_cancellable != NULL)
    g_cancellable_cancel (self->loading_cancellable);
  g_set_object (&self->loading_cancellable, g_cancellable_new ());
  g_set_object (&self->loading_file, file);
  show_loading (self, file);
  zopa_document_load_async (file, self->loading_cancellable, on_document_loaded, g_object_ref (self));
  g_object_notify (G_OBJECT (self), "loading");
}

void
zopa_window_show_document (ZopaWindow   *self,
                           ZopaDocument *document)
{
  g_return_if_fail (ZOPA_IS_WINDOW (self));
  g_return_if_fail (ZOPA_IS_DOCUMENT (document));

  if (self->loading_file != NULL)
    {
      g_cancellable_cancel (self->loading_cancellable);
      g_clear_object (&self->loading_cancellable);
      g_clear_object (&self->loading_file);
      show_loading (self, NULL);
      g_object_notify (G_OBJECT (self), "loading");
    }
  zopa_window_set_document (self, document);
}

gboolean
zopa_window_get_loading (ZopaWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_WINDOW (self), FALSE);
  return self->loading_file != NULL;
}

GFile *
zopa_window_get_file (ZopaWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_WINDOW (self), NULL);
  if (self->loading_file != NULL)
    return self->loading_file;
  return self->document ? zopa_document_get_file (self->document) : NULL;
}

/* Whether a file opened from this window may replace what it shows: nothing would be lost. */
gboolean
zopa_window_can_replace_document (ZopaWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_WINDOW (self), FALSE);
  return self->document != NULL && self->loading_file == NULL
         && !zopa_document_get_modified (self->document);
}

static guint open_file_signal;

/* Asks whoever handles "open-file" (the application: one window per file) to open file;
 * unhandled, the file loads here when that loses nothing. */
static void
open_from_here (ZopaWindow *self,
                GFile      *file)
{
  gboolean handled = FALSE;

  g_signal_emit (self, open_file_signal, 0, file, &handled);
  if (!handled && zopa_window_can_replace_document (self))
    zopa_window_load_file (self, file);
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

      open_from_here (self, file);
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

/* Dropped files: scenarios open (each in one window), anything else is named and refused. */

static gboolean
looks_like_scenario (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".json");
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ZopaWindow    *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = list ? gdk_file_list_get_files (list) : NULL;

  gtk_widget_set_visible (self->drop_highlight, FALSE);
  if (files == NULL)
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    if (looks_like_scenario (l->data))
      open_from_here (self, l->data);
    else
      {
        g_autofree char *name = dup_file_name (l->data);

        zopa_error_dialog_present (GTK_WINDOW (self),
                                   _("Zopa opens scenario files, whose names end in .zopa.json."),
                                   _("“%s” Is Not a Scenario"), name);
      }
  return TRUE;
}

static GdkDragAction
on_drop_enter (GtkDropTarget *target,
               double         x,
               double         y,
               ZopaWindow    *self)
{
  gtk_widget_set_visible (self->drop_highlight, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               ZopaWindow    *self)
{
  gtk_widget_set_visible (self->drop_highlight, FALSE);
}

/* Saving */

static gboolean
save_to_full (ZopaWindow    *self,
              GFile         *file,
              ZopaSaveFlags  flags)
{
  g_autoptr(GError) error = NULL;

  if (zopa_document_save_full (self->document, file, flags, &error))
    {
      note_recent_file (self, zopa_document_get_file (self->document));
      return TRUE;
    }

  if (g_error_matches (error, ZOPA_DOCUMENT_ERROR, ZOPA_DOCUMENT_ERROR_CHANGED_ON_DISK))
    ask_about_disk_change (self);
  else
    {
      g_autofree char *name = dup_file_name (file ? file : zopa_document_get_file (self->document));

      zopa_error_dialog_present_error (GTK_WINDOW (self), error, _("Could Not Save “%s”"), name);
    }
  return FALSE;
}

gboolean
zopa_window_save_to (ZopaWindow *self,
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

      if (zopa_window_save_to (data->window, file) && data->then != NULL)
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

void
zopa_window_save_as_then (ZopaWindow          *self,
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

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  /* The built-in scenario has no file of its own yet: ask where. */
  if (zopa_document_get_file (self->document) == NULL)
    zopa_window_save_as_then (self, NULL);
  else
    zopa_window_save_to (self, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zopa_window_save_as_then (ZOPA_WINDOW (widget), NULL);
}

void
zopa_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_disk_banner_response);
  /* The user chose or dropped a file to open from this window; TRUE when it was taken care of. */
  open_file_signal = g_signal_new ("open-file", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                                   0, g_signal_accumulator_true_handled, NULL, NULL,
                                   G_TYPE_BOOLEAN, 1, G_TYPE_FILE);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}

void
zopa_window_files_init (ZopaWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
zopa_window_files_dispose (ZopaWindow *self)
{
  if (self->loading_cancellable != NULL)
    g_cancellable_cancel (self->loading_cancellable);
  g_clear_object (&self->loading_cancellable);
  g_clear_object (&self->loading_file);
}
