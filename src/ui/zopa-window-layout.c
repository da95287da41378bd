/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-window-layout.c: the window's adaptive layout — the draft panel beside the diagram
 * when the window is wide, in its place (with a way back) when the leaflet folds */

#include "config.h"

#include "zopa-tab-stop.h"
#include "zopa-window-private.h"

/* The property action asks before the template is built and after it is gone. */
static gboolean
has_layout (ZopaWindow *self)
{
  return self->detail_leaflet != NULL && self->draft_panel != NULL;
}

static gboolean
detail_folded (ZopaWindow *self)
{
  return has_layout (self) && adw_leaflet_get_folded (self->detail_leaflet);
}

gboolean
zopa_window_get_draft_panel_shown (ZopaWindow *self)
{
  if (detail_folded (self))
    return adw_leaflet_get_visible_child (self->detail_leaflet) == GTK_WIDGET (self->draft_panel);
  return self->draft_panel_wanted;
}

/* Folded, the panel is a page to go to (so always there); unfolded, it is there when wanted. */
static void
sync_draft_panel (ZopaWindow *self)
{
  gboolean folded = detail_folded (self);

  if (!has_layout (self))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->draft_panel), folded || self->draft_panel_wanted);
  zopa_draft_panel_set_back_visible (self->draft_panel, folded);
  g_object_notify (G_OBJECT (self), "draft-panel-shown");
}

void
zopa_window_set_draft_panel_shown (ZopaWindow *self,
                                   gboolean    shown)
{
  if (detail_folded (self))
    {
      GtkWidget *page = shown ? GTK_WIDGET (self->draft_panel) : self->diagram_page;

      /* The page in view keeps the keyboard focus in the window. */
      adw_leaflet_set_visible_child (self->detail_leaflet, page);
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
  else
    self->draft_panel_wanted = shown;
  sync_draft_panel (self);
}

static void
on_folded_changed (ZopaWindow *self)
{
  /* Unfolding from the panel's page keeps the panel in view beside the diagram. */
  if (!detail_folded (self)
      && adw_leaflet_get_visible_child (self->detail_leaflet) == GTK_WIDGET (self->draft_panel))
    self->draft_panel_wanted = TRUE;
  sync_draft_panel (self);
}

/* A draft chosen (in the list or on the diagram) is what the user wants to read next: in a
 * narrow window its panel takes the diagram's place, and the sidebar over it goes away. */
static void
on_selected_draft_changed (ZopaWindow *self)
{
  if (self->session == NULL || zopa_session_get_selected_draft (self->session) == NULL
      || !detail_folded (self))
    return;
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  zopa_window_set_draft_panel_shown (self, TRUE);
}

static void
show_diagram_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  zopa_window_set_draft_panel_shown (ZOPA_WINDOW (widget), FALSE);
}

void
zopa_window_layout_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.draft-panel-shown", "draft-panel-shown");
  gtk_widget_class_install_action (widget_class, "win.show-diagram", NULL, show_diagram_action);
}

/* AdwSqueezer 1.2 measures its height by the layout it shows and chooses that layout while
 * it is being allocated, so the stacked toolbar kept the height of the single row (its
 * first row hidden under the header bar) until something else resized the window. */
static gboolean
resize_toolbar (GtkWidget     *squeezer,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  gtk_widget_queue_resize (squeezer);
  return G_SOURCE_REMOVE;
}

static void
on_toolbar_layout_changed (GtkWidget *squeezer)
{
  gtk_widget_add_tick_callback (squeezer, resize_toolbar, NULL, NULL);
}

/* The keyboard starts in the drafts list, so that the diagram is two Tabs away (after the
 * actors list) rather than behind every button of the header bar. Before the window is
 * shown, since showing it gives the focus to its first widget when none has it. */
static void
focus_drafts_first (ZopaWindow *self)
{
  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->sidebar), GTK_DIR_TAB_FORWARD);
}

void
zopa_window_layout_init (ZopaWindow *self)
{
  self->draft_panel_wanted = TRUE;
  g_signal_connect_object (self->detail_leaflet, "notify::folded", G_CALLBACK (on_folded_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail_leaflet, "notify::visible-child", G_CALLBACK (sync_draft_panel),
                           self, G_CONNECT_SWAPPED);
  g_signal_group_connect_swapped (self->session_signals, "notify::selected-draft",
                                  G_CALLBACK (on_selected_draft_changed), self);
  zopa_tab_stop_make_single (self->diagram_controls);
  g_signal_connect (self->toolbar_squeezer, "notify::visible-child", G_CALLBACK (on_toolbar_layout_changed), NULL);
  g_signal_connect (self, "map", G_CALLBACK (focus_drafts_first), NULL);
  sync_draft_panel (self);
}
