/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-window-storyboard.c: the window's storyboard actions — editing it in the Storyboard
 * window (Shift+Ctrl+B), presenting it full screen (F5) and exporting it (Shift+Ctrl+E), the
 * last two enabled while the scenario has frames */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-presentation.h"
#include "zopa-storyboard-export.h"
#include "zopa-storyboard-window.h"
#include "zopa-window-private.h"

static ZopaScenario *
window_scenario (ZopaWindow *self)
{
  return zopa_document_get_scenario (self->document);
}

static void
append_item (GMenu      *section,
             const char *label,
             const char *action,
             const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

/* A disabled menu item cannot have a tooltip (GTK 4.8): without frames, the items' labels
 * say why they are off. */
static void
update_storyboard_actions (ZopaWindow *self)
{
  gboolean has_frames = self->document != NULL
                        && g_list_model_get_n_items (zopa_scenario_get_frames (window_scenario (self))) > 0;

  if (self->storyboard_menu_built && has_frames == self->storyboard_available)
    return;
  self->storyboard_menu_built = TRUE;
  self->storyboard_available = has_frames;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-storyboard", has_frames);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-storyboard", has_frames);
  g_menu_remove_all (self->storyboard_section);
  /* Every letter of "Storyboard" is another item's mnemonic already: Shift+Ctrl+B is the way. */
  append_item (self->storyboard_section, _("Storyboard…"), "win.storyboard", "<Control><Shift>b");
  append_item (self->storyboard_section,
               has_frames ? _("Present Storyboard") : _("Present Storyboard (the scenario has no frames)"),
               "win.present-storyboard", "F5");
  append_item (self->storyboard_section,
               has_frames ? _("E_xport Storyboard…") : _("Export Storyboard… (the scenario has no frames)"),
               "win.export-storyboard", "<Control><Shift>e");
}

static void
storyboard_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_storyboard_window_show (GTK_WINDOW (self), self->session);
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
  gtk_widget_class_install_action (widget_class, "win.storyboard", NULL, storyboard_action);
  gtk_widget_class_install_action (widget_class, "win.present-storyboard", NULL, present_storyboard_action);
  gtk_widget_class_install_action (widget_class, "win.export-storyboard", NULL, export_storyboard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.storyboard", NULL);
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
