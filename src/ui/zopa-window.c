/* zopa-window.c: the main window — one scenario document, its file actions and views */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-window.h"

struct _ZopaWindow
{
  AdwApplicationWindow  parent_instance;

  ZopaDocument         *document;
  GSettings            *settings;
  /* Set once the user has answered the unsaved-changes dialog with Discard, or saved. */
  gboolean              close_confirmed;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkLabel             *description_label;
  GtkListBox           *draft_list;
  GtkListBox           *actor_list;
};

G_DEFINE_FINAL_TYPE (ZopaWindow, zopa_window, ADW_TYPE_APPLICATION_WINDOW)

typedef void (*ZopaWindowSavedFunc) (ZopaWindow *self);

static void save_as_then (ZopaWindow *self, ZopaWindowSavedFunc then);

static void
show_error (ZopaWindow *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
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
  const char *scenario_title = zopa_scenario_get_title (scenario);
  const char *description = zopa_scenario_get_description (scenario);

  if (scenario_title == NULL || *scenario_title == '\0')
    scenario_title = _("Untitled Scenario");

  /* The dot marks unsaved changes, as in GNOME Text Editor. */
  if (zopa_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", scenario_title);
  else
    title = g_strdup (scenario_title);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, display_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_label_set_text (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
}

/* Lists of drafts and actors */

static void
update_draft_row (AdwActionRow *row,
                  ZopaDraft    *draft)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  guint n_clauses = g_list_model_get_n_items (clauses);
  const char *date = zopa_draft_get_date (draft);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause", "%u clauses", n_clauses),
                                            n_clauses);
  g_autofree char *subtitle = NULL;

  if (date != NULL && *date != '\0')
    subtitle = g_strdup_printf ("%s · %s", date, count);
  else
    subtitle = g_strdup (count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zopa_draft_get_title (draft));
  adw_action_row_set_subtitle (row, subtitle);
}

static GtkWidget *
create_draft_row (gpointer item,
                  gpointer user_data)
{
  ZopaDraft *draft = ZOPA_DRAFT (item);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_draft_row (ADW_ACTION_ROW (row), draft);
  g_signal_connect_object (draft, "changed", G_CALLBACK (update_draft_row), row, G_CONNECT_SWAPPED);
  return row;
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  ZopaActor *actor = ZOPA_ACTOR (user_data);
  GdkRGBA color;

  if (!gdk_rgba_parse (&color, zopa_actor_get_color (actor)))
    return;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
update_actor_row (AdwActionRow *row,
                  ZopaActor    *actor)
{
  g_autofree char *subtitle = g_strdup_printf (_("Reservation %d of 100"),
                                               zopa_actor_get_reservation (actor));
  GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "swatch");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zopa_actor_get_name (actor));
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_queue_draw (swatch);
}

static GtkWidget *
create_actor_row (gpointer item,
                  gpointer user_data)
{
  ZopaActor *actor = ZOPA_ACTOR (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *swatch = gtk_drawing_area_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  g_object_ref (actor), g_object_unref);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
  g_object_set_data (G_OBJECT (row), "swatch", swatch);

  update_actor_row (ADW_ACTION_ROW (row), actor);
  g_signal_connect_object (actor, "changed", G_CALLBACK (update_actor_row), row, G_CONNECT_SWAPPED);
  return row;
}

/* The document */

static void
set_document (ZopaWindow   *self,
              ZopaDocument *document)
{
  ZopaScenario *scenario;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (zopa_document_get_scenario (self->document), self);
    }
  g_set_object (&self->document, document);

  scenario = zopa_document_get_scenario (document);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scenario, "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->draft_list, zopa_scenario_get_drafts (scenario),
                           create_draft_row, NULL, NULL);
  gtk_list_box_bind_model (self->actor_list, zopa_scenario_get_actors (scenario),
                           create_actor_row, NULL, NULL);
  update_title (self);
}

ZopaDocument *
zopa_window_get_document (ZopaWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_WINDOW (self), NULL);
  return self->document;
}

gboolean
zopa_window_open_file (ZopaWindow *self,
                       GFile      *file)
{
  g_autoptr(ZopaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZOPA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = zopa_document_new_from_file (file, &error);
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error (self, heading, error->message);
      return FALSE;
    }
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
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      /* Unsaved changes are never replaced: the file opens in a window of its own. */
      if (zopa_document_get_modified (self->document))
        {
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
          ZopaWindow *window = zopa_window_new (ZOPA_APPLICATION (app));

          if (zopa_window_open_file (window, file))
            gtk_window_present (GTK_WINDOW (window));
          else
            gtk_window_destroy (GTK_WINDOW (window));
        }
      else
        zopa_window_open_file (self, file);
    }
  g_object_unref (native);
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
  add_filters (GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
save_to (ZopaWindow *self,
         GFile      *file)
{
  g_autoptr(GError) error = NULL;

  if (!zopa_document_save (self->document, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file ? file : zopa_document_get_file (self->document));
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      show_error (self, heading, error->message);
      return FALSE;
    }
  return TRUE;
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
    self->close_confirmed = TRUE;
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

  name = zopa_document_dup_display_name (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
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
zopa_window_dispose (GObject *object)
{
  ZopaWindow *self = ZOPA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zopa_window_parent_class)->dispose (object);
}

static void
zopa_window_class_init (ZopaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zopa_window_dispose;
  window_class->close_request = zopa_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, draft_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, actor_list);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
}

static void
zopa_window_init (ZopaWindow *self)
{
  g_autoptr(ZopaDocument) document = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

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
