/* zopa-editor-common.c: what the actor, issue and variant editors share */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-error-dialog.h"

/* How tall the list of references in a confirmation grows before it scrolls. */
#define MAX_LIST_HEIGHT 220

static char *
editor_key (const char *kind)
{
  return g_strconcat ("zopa-editor-", kind, NULL);
}

GtkWindow *
zopa_editor_find_open (ZopaSession *session,
                       const char  *kind)
{
  g_autofree char *key = editor_key (kind);

  return g_object_get_data (G_OBJECT (session), key);
}

typedef struct {
  ZopaSession *session;
  char        *key;
} Registration;

static void
registration_free (gpointer  data,
                   GClosure *closure)
{
  Registration *registration = data;

  g_object_unref (registration->session);
  g_free (registration->key);
  g_free (registration);
}

static void
on_editor_destroy (GtkWindow    *window,
                   Registration *registration)
{
  if (g_object_get_data (G_OBJECT (registration->session), registration->key) == window)
    g_object_set_data (G_OBJECT (registration->session), registration->key, NULL);
}

void
zopa_editor_register (ZopaSession *session,
                      const char  *kind,
                      GtkWindow   *window)
{
  Registration *registration = g_new0 (Registration, 1);

  registration->session = g_object_ref (session);
  registration->key = editor_key (kind);
  g_object_set_data (G_OBJECT (session), registration->key, window);
  g_signal_connect_data (window, "destroy", G_CALLBACK (on_editor_destroy), registration,
                         registration_free, 0);
}

/* Undo and redo */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaHistory *history = g_object_get_data (G_OBJECT (widget), "zopa-editor-history");

  if (history != NULL && !zopa_history_undo (history))
    gtk_widget_error_bell (widget);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaHistory *history = g_object_get_data (G_OBJECT (widget), "zopa-editor-history");

  if (history != NULL && !zopa_history_redo (history))
    gtk_widget_error_bell (widget);
}

void
zopa_editor_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
update_undo_actions (GtkWidget   *window,
                     GParamSpec  *pspec,
                     ZopaHistory *history)
{
  gtk_widget_action_set_enabled (window, "editor.undo", zopa_history_get_can_undo (history));
  gtk_widget_action_set_enabled (window, "editor.redo", zopa_history_get_can_redo (history));
}

void
zopa_editor_set_history (GtkWindow   *window,
                         ZopaHistory *history)
{
  g_object_set_data_full (G_OBJECT (window), "zopa-editor-history",
                          g_object_ref (history), g_object_unref);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           window, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           window, G_CONNECT_SWAPPED);
  update_undo_actions (GTK_WIDGET (window), NULL, history);
}

/* Typing */

static void
on_focus_leave (GtkEventControllerFocus *controller,
                ZopaHistory             *history)
{
  zopa_history_break_merge (history);
}

void
zopa_editor_follow_focus (GtkWidget   *widget,
                          ZopaHistory *history)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave), history, 0);
  gtk_widget_add_controller (widget, controller);

  /* The text's own undo would fight the document's: Ctrl+Z must reach the window. */
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), FALSE);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
}

void
zopa_editor_set_text (GtkEditable *editable,
                      const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

void
zopa_editor_set_spin_value (GtkSpinButton *spin,
                            double         value)
{
  if (gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

char *
zopa_editor_dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
zopa_editor_set_buffer_text (GtkTextBuffer *buffer,
                             const char    *text)
{
  g_autofree char *current = zopa_editor_dup_buffer_text (buffer);

  if (g_strcmp0 (current, text != NULL ? text : "") == 0)
    return FALSE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  return TRUE;
}

static gboolean
fit_text_view_tick (GtkWidget     *view,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  int ticks = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "fit-ticks"));
  int natural = 0;

  if (gtk_widget_get_width (view) > 0)
    {
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL, &natural, NULL, NULL);
      if (natural != gtk_widget_get_height (view))
        gtk_widget_queue_resize (view);
    }
  g_object_set_data (G_OBJECT (view), "fit-ticks", GINT_TO_POINTER (ticks + 1));
  if (ticks + 1 < 4)
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (view), "fit-tick-id", NULL);
  return G_SOURCE_REMOVE;
}

void
zopa_editor_fit_text_view (GtkWidget *view)
{
  g_object_set_data (G_OBJECT (view), "fit-ticks", GINT_TO_POINTER (0));
  if (g_object_get_data (G_OBJECT (view), "fit-tick-id") == NULL)
    g_object_set_data (G_OBJECT (view), "fit-tick-id",
                       GUINT_TO_POINTER (gtk_widget_add_tick_callback (view, fit_text_view_tick, NULL, NULL)));
}

void
zopa_editor_set_view_text (GtkTextView *view,
                           const char  *text)
{
  if (zopa_editor_set_buffer_text (gtk_text_view_get_buffer (view), text))
    zopa_editor_fit_text_view (GTK_WIDGET (view));
}

void
zopa_editor_show_error (GtkWidget    *widget,
                        const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
}

/* Dialogs */

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ZopaHistory *history = g_object_get_data (G_OBJECT (dialog), "history");
  gpointer object = g_object_get_data (G_OBJECT (dialog), "object");

  if (g_strcmp0 (response, "delete") == 0)
    zopa_edit_delete (history, object);
}

/* The references as a left-aligned list that scrolls when long. */
static GtkWidget *
create_reference_list (GPtrArray *places)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < places->len; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (places, i));
  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_LIST_HEIGHT);
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

AdwMessageDialog *
zopa_editor_confirm_delete (GtkWindow   *parent,
                            ZopaHistory *history,
                            gpointer     object,
                            const char  *heading,
                            const char  *body,
                            const char  *delete_label)
{
  ZopaScenario *scenario = zopa_history_get_scenario (history);
  g_autoptr(GPtrArray) places = zopa_edit_describe_references (scenario, object);
  g_autoptr(GString) text = g_string_new (body);
  GtkWidget *dialog;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  if (places->len > 0)
    g_string_append (text, g_dngettext (GETTEXT_PACKAGE,
                                        "This reference to it is removed as well. You can undo this with Ctrl+Z.",
                                        "These references to it are removed as well. You can undo this with Ctrl+Z.",
                                        places->len));
  else
    g_string_append (text, _("You can undo this with Ctrl+Z."));

  dialog = adw_message_dialog_new (parent, heading, text->str);
  if (places->len > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), create_reference_list (places));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", delete_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "history", g_object_ref (history), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "object", g_object_ref (object), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

AdwMessageDialog *
zopa_editor_show_message (GtkWindow  *parent,
                          const char *heading,
                          const char *body)
{
  return zopa_error_dialog_present (parent, body, "%s", heading);
}

/* "Add Source…": a new source of the scenario, cited by a clause or an actor, as one step. */

typedef struct
{
  ZopaHistory *history;
  GObject     *citer;
  GtkEditable *title;
  GtkEditable *publisher;
  GtkEditable *date;
  GtkEditable *url;
} NewSource;

static void
new_source_free (gpointer  data,
                 GClosure *closure)
{
  NewSource *new_source = data;

  g_object_unref (new_source->history);
  g_object_unref (new_source->citer);
  g_free (new_source);
}

/* "Talks resume in Abu Dhabi" → "talks-resume-in-abu-dhabi": the base of the new id. */
static char *
slug_for (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, NULL);
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "source");
  return g_string_free (slug, FALSE);
}

static void
on_new_source_response (AdwMessageDialog *dialog,
                        const char       *response,
                        NewSource        *new_source)
{
  ZopaHistory *history = new_source->history;
  ZopaScenario *scenario = zopa_history_get_scenario (history);
  const char *title = gtk_editable_get_text (new_source->title);
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ZopaSource) source = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) cited = NULL;
  g_auto(GStrv) sources = NULL;

  /* The clause or actor may have been deleted, or undone away, meanwhile. */
  if (g_strcmp0 (response, "add") != 0 || zopa_edit_find_owner (scenario, new_source->citer) == NULL)
    return;

  slug = slug_for (title);
  id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_SOURCE, NULL, slug);
  source = zopa_source_new (id);
  /* Not in the scenario yet, so it is set up directly. */
  zopa_source_set_title (source, title);
  zopa_source_set_publisher (source, gtk_editable_get_text (new_source->publisher));
  zopa_source_set_date (source, gtk_editable_get_text (new_source->date));
  zopa_source_set_url (source, gtk_editable_get_text (new_source->url));

  builder = g_strv_builder_new ();
  g_object_get (new_source->citer, "sources", &cited, NULL);
  if (cited != NULL)
    g_strv_builder_addv (builder, (const char **) cited);
  g_strv_builder_add (builder, id);
  sources = g_strv_builder_end (builder);

  zopa_history_break_merge (history);
  zopa_history_begin_group (history, _("Add Source"));
  zopa_history_insert (history, scenario, G_MAXUINT, source);
  zopa_history_set (history, new_source->citer, "sources", sources, NULL);
  zopa_history_end_group (history);
}

static void
on_new_source_title_changed (GtkEditable      *title,
                             AdwMessageDialog *dialog)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (title)));

  adw_message_dialog_set_response_enabled (dialog, "add", *stripped != '\0');
}

static GtkEditable *
add_source_entry_row (GtkListBox *list,
                      const char *title,
                      const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

AdwMessageDialog *
zopa_editor_add_source (GtkWindow   *parent,
                        ZopaHistory *history,
                        gpointer     citer,
                        const char  *body)
{
  GtkWidget *dialog;
  GtkWidget *list;
  NewSource *new_source;

  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ZOPA_IS_CLAUSE (citer) || ZOPA_IS_ACTOR (citer), NULL);

  dialog = adw_message_dialog_new (parent, _("Add Source"), body);
  list = gtk_list_box_new ();
  new_source = g_new0 (NewSource, 1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  new_source->history = g_object_ref (history);
  new_source->citer = g_object_ref (citer);
  new_source->title = add_source_entry_row (GTK_LIST_BOX (list), _("Title"), "source-title");
  new_source->publisher = add_source_entry_row (GTK_LIST_BOX (list), _("Publisher"), "source-publisher");
  new_source->date = add_source_entry_row (GTK_LIST_BOX (list), _("Date"), "source-date");
  new_source->url = add_source_entry_row (GTK_LIST_BOX (list), _("Web Address"), "source-url");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (new_source->title, "changed", G_CALLBACK (on_new_source_title_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_new_source_response),
                         new_source, new_source_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Lists */

void
zopa_editor_check_id_row (GtkWidget    *id_row,
                          ZopaScenario *scenario,
                          gpointer      object,
                          const char   *current_id)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (id_row));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, current_id) != 0)
    zopa_edit_check_id (scenario, object, text, &error);
  zopa_editor_show_error (id_row, error);
}

gboolean
zopa_editor_apply_id_row (GtkWidget   *id_row,
                          ZopaHistory *history,
                          gpointer     object,
                          const char  *current_id)
{
  /* A copy: the rename's first edits make the editor show the id it still has. */
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (id_row)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, current_id) == 0)
    return FALSE;
  if (!zopa_edit_rename (history, object, text, &error))
    {
      zopa_editor_show_error (id_row, error);
      gtk_widget_error_bell (GTK_WIDGET (gtk_widget_get_root (id_row)));
      return FALSE;
    }
  return TRUE;
}

void
zopa_editor_remove_all_rows (GtkListBox *list_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

GtkListBoxRow *
zopa_editor_find_row (GtkListBox *list_box,
                      gpointer    item)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "item") == item)
      return row;
  return NULL;
}
