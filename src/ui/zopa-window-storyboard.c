/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-window-storyboard.c: the window's storyboard actions — presenting it full screen
 * (F5) and exporting it (Shift+Ctrl+E), enabled while the scenario has frames */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-presentation.h"
#include "zopa-storyboard-export.h"
#include "zopa-window-private.h"

static ZopaScenario *
window_scenario (ZopaWindow *self)
{
  return zopa_document_get_scenario (self->document);
}

/* The menu cannot show a tooltip on a disabled item: a line under the two says why. */
static void
update_storyboard_actions (ZopaWindow *self)
{
  gboolean has_frames = self->document != NULL
                        && g_list_model_get_n_items (zopa_scenario_get_frames (window_scenario (self))) > 0;
  gboolean explained = g_menu_model_get_n_items (G_MENU_MODEL (self->storyboard_section)) > 2;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-storyboard", has_frames);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-storyboard", has_frames);
  if (has_frames && explained)
    g_menu_remove (self->storyboard_section, 2);
  else if (!has_frames && !explained)
    g_menu_append (self->storyboard_section, _("This scenario has no storyboard frames"), NULL);
}

static void
present_storyboard_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (zopa_presentation_new (GTK_WINDOW (self), window_scenario (self))));
}

static void
storyboard_exported (GFile    *first_file,
                     guint     n_files,
                     gpointer  user_data)
{
  ZopaWindow *self = ZOPA_WINDOW (user_data);
  g_autofree char *message = NULL;

  if (n_files == 1)
    message = g_strdup (_("Storyboard exported"));
  else
    message = g_strdup_printf (ngettext ("Storyboard exported as %u file", "Storyboard exported as %u files", n_files),
                               n_files);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
export_storyboard_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_storyboard_export_choose (GTK_WINDOW (self), window_scenario (self), self->storyboard_cancellable,
                                 storyboard_exported, self);
}

void
zopa_window_storyboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, storyboard_section);
  gtk_widget_class_install_action (widget_class, "win.present-storyboard", NULL, present_storyboard_action);
  gtk_widget_class_install_action (widget_class, "win.export-storyboard", NULL, export_storyboard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present-storyboard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-storyboard", NULL);
}

void
zopa_window_storyboard_init (ZopaWindow *self)
{
  self->storyboard_cancellable = g_cancellable_new ();
  g_signal_group_connect_swapped (self->scenario_signals, "changed", G_CALLBACK (update_storyboard_actions), self);
  g_signal_connect_object (self->scenario_signals, "bind", G_CALLBACK (update_storyboard_actions), self,
                           G_CONNECT_SWAPPED);
  update_storyboard_actions (self);
}

/* Stops an export under way: its result would have no window to report to. */
void
zopa_window_storyboard_dispose (ZopaWindow *self)
{
  g_cancellable_cancel (self->storyboard_cancellable);
  g_clear_object (&self->storyboard_cancellable);
}
