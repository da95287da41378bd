/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-storyboard-panel.c: the frames of the storyboard as a list */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-frame-row.h"
#include "zopa-storyboard-panel.h"

struct _ZopaStoryboardPanel
{
  GtkWidget    parent_instance;

  ZopaSession *session;
  GListModel  *frames;

  GtkListBox  *frame_list;
};

G_DEFINE_FINAL_TYPE (ZopaStoryboardPanel, zopa_storyboard_panel, GTK_TYPE_WIDGET)

static GtkWidget *
create_frame_row (gpointer item,
                  gpointer user_data)
{
  ZopaStoryboardPanel *self = ZOPA_STORYBOARD_PANEL (user_data);

  return zopa_frame_row_new (ZOPA_FRAME (item), self->session);
}

/* Rows are made for the changed range only: the others learn their new numbers here. */
static void
number_rows (ZopaStoryboardPanel *self)
{
  guint n_frames = g_list_model_get_n_items (self->frames);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->frame_list, i)) != NULL; i++)
    zopa_frame_row_set_position (ZOPA_FRAME_ROW (row), i, n_frames);
}

void
zopa_storyboard_panel_add_current_view (ZopaStoryboardPanel *self)
{
  g_autoptr(ZopaFrame) frame = NULL;
  ZopaHistory *history;
  GtkListBoxRow *row;
  guint n_frames;

  g_return_if_fail (ZOPA_IS_STORYBOARD_PANEL (self));

  if (self->session == NULL)
    return;
  frame = zopa_session_new_frame (self->session);
  history = zopa_document_get_history (zopa_session_get_document (self->session));
  n_frames = g_list_model_get_n_items (self->frames);
  zopa_history_insert (history, zopa_session_get_scenario (self->session), n_frames, frame);
  row = gtk_list_box_get_row_at_index (self->frame_list, n_frames);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
zopa_storyboard_panel_set_session (ZopaStoryboardPanel *self,
                                   ZopaSession         *session)
{
  g_return_if_fail (ZOPA_IS_STORYBOARD_PANEL (self));

  if (self->frames != NULL)
    g_signal_handlers_disconnect_by_data (self->frames, self);
  gtk_list_box_bind_model (self->frame_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->frames);
  g_set_object (&self->session, session);
  if (session == NULL)
    return;

  self->frames = g_object_ref (zopa_scenario_get_frames (zopa_session_get_scenario (session)));
  gtk_list_box_bind_model (self->frame_list, self->frames, create_frame_row, self, NULL);
  /* After the list box has made its rows for the change. */
  g_signal_connect_object (self->frames, "items-changed", G_CALLBACK (number_rows), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  number_rows (self);
}

static void
zopa_storyboard_panel_dispose (GObject *object)
{
  ZopaStoryboardPanel *self = ZOPA_STORYBOARD_PANEL (object);
  GtkWidget *child;

  zopa_storyboard_panel_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_STORYBOARD_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zopa_storyboard_panel_parent_class)->dispose (object);
}

static void
zopa_storyboard_panel_class_init (ZopaStoryboardPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_storyboard_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-storyboard-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaStoryboardPanel, frame_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zopa_storyboard_panel_init (ZopaStoryboardPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
