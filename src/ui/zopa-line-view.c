/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-line-view.c: a single line of editable text that wraps instead of scrolling */

#include "config.h"

#include <string.h>

#include "zopa-line-view.h"

struct _ZopaLineView
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (ZopaLineView, zopa_line_view, GTK_TYPE_TEXT_VIEW)

/* Enter would start a second line: there is none. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ZopaLineView          *self)
{
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
}

/* Text with line breaks (a paste, a drop) goes in with spaces in their place. */
static void
on_insert_text (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            length,
                ZopaLineView  *self)
{
  g_autofree char *flat = NULL;

  if (length < 0)
    length = (int) strlen (text);
  if (memchr (text, '\n', length) == NULL && memchr (text, '\r', length) == NULL)
    return;
  flat = g_strndup (text, length);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_text_buffer_insert (buffer, location, flat, length);
}

static void
zopa_line_view_class_init (ZopaLineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
zopa_line_view_init (ZopaLineView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "insert-text",
                           G_CALLBACK (on_insert_text), self, 0);
}

GtkWidget *
zopa_line_view_new (void)
{
  return g_object_new (ZOPA_TYPE_LINE_VIEW, NULL);
}
