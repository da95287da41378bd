/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-editor-common.c: what the actor, issue and variant editors share */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-user-text.h"

/* How tall the list of references in a confirmation grows before it scrolls. */
#define MAX_LIST_HEIGHT 220

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

/* How many frames a text view is checked after its text changed; kept on the view. */
typedef struct
{
  guint tick_id;
  int   ticks_left;
} FitState;

#define FIT_TICKS 4

static gboolean
fit_text_view_tick (GtkWidget     *view,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  FitState *state = user_data;
  int natural = 0;

  if (gtk_widget_get_width (view) > 0)
    {
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL, &natural, NULL, NULL);
      if (natural != gtk_widget_get_height (view))
        gtk_widget_queue_resize (view);
    }
  return --state->ticks_left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Also when GTK drops the callback itself, as it does when the view is unrealized. */
static void
fit_text_view_ended (gpointer data)
{
  FitState *state = data;

  state->tick_id = 0;
}

void
zopa_editor_fit_text_view (GtkWidget *view)
{
  FitState *state = g_object_get_data (G_OBJECT (view), "zopa-fit-state");

  if (state == NULL)
    {
      state = g_new0 (FitState, 1);
      g_object_set_data_full (G_OBJECT (view), "zopa-fit-state", state, g_free);
    }
  state->ticks_left = FIT_TICKS;
  if (state->tick_id == 0)
    state->tick_id = gtk_widget_add_tick_callback (view, fit_text_view_tick, state, fit_text_view_ended);
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

/* What a confirmed deletion deletes, and through which history. */
typedef struct
{
  ZopaHistory *history;
  GObject     *object;
} Deletion;

static void
deletion_free (gpointer  data,
               GClosure *closure)
{
  Deletion *deletion = data;

  g_object_unref (deletion->history);
  g_object_unref (deletion->object);
  g_free (deletion);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Deletion         *deletion)
{
  if (g_strcmp0 (response, "delete") == 0)
    zopa_edit_delete (deletion->history, deletion->object);
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
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  zopa_user_text_set_label (GTK_LABEL (label), text->str);
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
  Deletion *deletion;

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
  deletion = g_new0 (Deletion, 1);
  deletion->history = g_object_ref (history);
  deletion->object = g_object_ref (object);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), deletion,
                         deletion_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
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

ZopaStance *
zopa_editor_ensure_stance (ZopaHistory *history,
                           ZopaActor   *actor,
                           const char  *issue_id)
{
  ZopaStance *stance = zopa_actor_find_stance (actor, issue_id);
  g_autoptr(ZopaStance) created = NULL;

  if (stance != NULL)
    return stance;

  /* Without a stance the actor's weight on the issue is 0; a new stance starts there so
   * that the first edit changes only what the user touched. */
  created = zopa_stance_new (issue_id);
  zopa_stance_set_weight (created, 0);
  zopa_history_insert (history, actor, G_MAXUINT, created);
  return created;
}

char *
zopa_editor_dup_actor_name (ZopaActor *actor)
{
  const char *name = zopa_actor_get_name (actor);

  return zopa_display_text (name != NULL && *name != '\0' ? name : zopa_actor_get_id (actor),
                            ZOPA_DISPLAY_TEXT_LINE);
}

void
zopa_editor_separate_form_change (ZopaHistory *history,
                                  ZopaRange    before,
                                  ZopaRange    after)
{
  if (before.ranged != after.ranged)
    zopa_history_break_merge (history);
}

char *
zopa_editor_format_range (ZopaRange range)
{
  if (!range.ranged)
    return g_strdup_printf ("%d", range.low);
  /* Translators: a range of values, from the first to the second */
  return g_strdup_printf (_("%d–%d"), range.low, range.high);
}

const char *
zopa_editor_acceptability_name (ZopaAcceptability acceptability)
{
  switch (acceptability)
    {
    case ZOPA_ACCEPTABILITY_ACCEPTABLE:
      return _("Acceptable");
    case ZOPA_ACCEPTABILITY_MAYBE:
      return _("Maybe");
    case ZOPA_ACCEPTABILITY_RED_LINE:
    default:
      return _("Red line");
    }
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
                      GListModel *model,
                      gpointer    item)
{
  for (guint i = 0; item != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        return gtk_list_box_get_row_at_index (list_box, i);
    }
  return NULL;
}

gpointer
zopa_editor_get_row_item (GListModel    *model,
                          GtkListBoxRow *row)
{
  g_autoptr(GObject) item = NULL;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0)
    return NULL;
  /* The model holds it: a borrowed pointer. */
  item = g_list_model_get_item (model, index);
  return item;
}
