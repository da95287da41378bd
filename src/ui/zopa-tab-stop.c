/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-tab-stop.c: a group of controls (a list, a toolbar) as one Tab stop. GtkListBox
 * moves Tab from row to row, a box from button to button: a list of many drafts would
 * stand between the keyboard and everything after it. In a group the arrows move within,
 * and Tab (or Shift+Tab) leaves it. */

#include "config.h"

#include "zopa-tab-stop.h"

static gboolean
tab_direction (guint             keyval,
               GdkModifierType   state,
               GtkDirectionType *direction)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_ISO_Left_Tab)
    *direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    *direction = (state & GDK_SHIFT_MASK) != 0 ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else
    return FALSE;
  return TRUE;
}

/* The window moves the focus on as usual, but finds the group closed to it for that one
 * move, so it goes on to the widget after (or before) the group. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  GtkWidget *group = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;
  GtkRoot *root = gtk_widget_get_root (group);

  if (root == NULL || !tab_direction (keyval, state, &direction))
    return GDK_EVENT_PROPAGATE;
  gtk_widget_set_can_focus (group, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (group, TRUE);
  return GDK_EVENT_STOP;
}

void
zopa_tab_stop_make_single (GtkWidget *group)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (group));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), NULL);
  gtk_widget_add_controller (group, keys);
}
