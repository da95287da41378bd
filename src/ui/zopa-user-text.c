/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-user-text.c: user text in labels, tooltips and accessible names, literal and cut */

#include "config.h"

#include "zopa-user-text.h"

void
zopa_user_text_set_label (GtkLabel   *label,
                          const char *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  shown = zopa_display_text (text, gtk_label_get_wrap (label) ? ZOPA_DISPLAY_TEXT_PARAGRAPH
                                                              : ZOPA_DISPLAY_TEXT_LINE);
  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_use_underline (label, FALSE);
  gtk_label_set_text (label, shown);
}

/* The tooltip is kept by the widget and given when GTK asks for it. Setting GTK's own tooltip
 * text asks the display server where the pointer is, once per widget, which made long lists
 * of rows slow to fill and tied each frame to the X server's response. */
static GQuark
tooltip_quark (void)
{
  return g_quark_from_static_string ("zopa-user-text-tooltip");
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
zopa_user_text_set_tooltip (GtkWidget  *widget,
                            const char *text)
{
  gboolean connected;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  connected = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ()) != NULL;
  if (text == NULL || *text == '\0')
    {
      g_object_set_qdata (G_OBJECT (widget), tooltip_quark (), NULL);
      if (connected)
        g_signal_handlers_disconnect_by_func (widget, on_query_tooltip, NULL);
      gtk_widget_set_has_tooltip (widget, gtk_widget_get_tooltip_markup (widget) != NULL);
      return;
    }
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (),
                           zopa_display_text (text, ZOPA_DISPLAY_TEXT_PARAGRAPH), g_free);
  if (!connected)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_has_tooltip (widget, TRUE);
}

const char *
zopa_user_text_get_tooltip (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}

void
zopa_user_text_set_accessible_label (GtkWidget  *widget,
                                     const char *text)
{
  g_autofree char *shown = zopa_display_text (text, ZOPA_DISPLAY_TEXT_PARAGRAPH);

  g_return_if_fail (GTK_IS_ACCESSIBLE (widget));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

GtkWidget *
zopa_user_text_message_dialog_new (GtkWindow  *parent,
                                   const char *heading,
                                   const char *body)
{
  g_autofree char *shown = body != NULL ? zopa_display_text (body, ZOPA_DISPLAY_TEXT_PARAGRAPH) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, shown);

  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  return dialog;
}

/* The row's own subtitle label. */
static gboolean
is_subtitle_label (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "subtitle");
}

static GtkWidget *
find_subtitle_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = is_subtitle_label (child) ? child : find_subtitle_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
zopa_user_text_set_row_subtitle (AdwPreferencesRow *row,
                                 const char        *text)
{
  g_autofree char *shown = zopa_display_text (text, ZOPA_DISPLAY_TEXT_LINE);
  GtkWidget *label;

  g_return_if_fail (ADW_IS_ACTION_ROW (row) || ADW_IS_EXPANDER_ROW (row));

  /* libadwaita 1.2 parses an action row's subtitle as markup whatever "use-markup" says:
   * its label is told directly. */
  adw_preferences_row_set_use_markup (row, FALSE);
  label = find_subtitle_label (GTK_WIDGET (row));
  if (label != NULL)
    gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), shown);
}

void
zopa_user_text_set_row_title (AdwPreferencesRow *row,
                              const char        *text)
{
  g_autofree char *shown = zopa_display_text (text, ZOPA_DISPLAY_TEXT_LINE);

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  adw_preferences_row_set_use_markup (row, FALSE);
  adw_preferences_row_set_title (row, shown);
}
