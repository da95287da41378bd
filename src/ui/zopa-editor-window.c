/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-editor-window.c: what every editor window of a session's document does alike */

#include "config.h"

#include "zopa-editor-window.h"
#include "zopa-session-window.h"

typedef struct
{
  ZopaSession *session;
  ZopaHistory *history;
  /* The list and item page, side by side or folded into one column; not owned. */
  AdwLeaflet  *leaflet;
  GtkWidget   *back_button;
  guint        sync_back_id;
} ZopaEditorWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ZopaEditorWindow, zopa_editor_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (ZOPA_EDITOR_WINDOW (widget));

  if (!zopa_history_undo (priv->history))
    gtk_widget_error_bell (widget);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (ZOPA_EDITOR_WINDOW (widget));

  if (!zopa_history_redo (priv->history))
    gtk_widget_error_bell (widget);
}

static void
update_undo_actions (ZopaEditorWindow *self)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", zopa_history_get_can_undo (priv->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", zopa_history_get_can_redo (priv->history));
}

static void
zopa_editor_window_constructed (GObject *object)
{
  ZopaEditorWindow *self = ZOPA_EDITOR_WINDOW (object);
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);

  G_OBJECT_CLASS (zopa_editor_window_parent_class)->constructed (object);

  g_assert (ZOPA_IS_SESSION (priv->session));
  priv->history = g_object_ref (zopa_document_get_history (zopa_session_get_document (priv->session)));
  g_signal_connect_object (priv->history, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->history, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
}

static void
zopa_editor_window_dispose (GObject *object)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (ZOPA_EDITOR_WINDOW (object));

  g_clear_handle_id (&priv->sync_back_id, g_source_remove);
  G_OBJECT_CLASS (zopa_editor_window_parent_class)->dispose (object);
}

static void
zopa_editor_window_finalize (GObject *object)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (ZOPA_EDITOR_WINDOW (object));

  g_clear_object (&priv->history);
  g_clear_object (&priv->session);
  G_OBJECT_CLASS (zopa_editor_window_parent_class)->finalize (object);
}

static void
zopa_editor_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (ZOPA_EDITOR_WINDOW (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_editor_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (ZOPA_EDITOR_WINDOW (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_editor_window_class_init (ZopaEditorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_editor_window_constructed;
  object_class->dispose = zopa_editor_window_dispose;
  object_class->finalize = zopa_editor_window_finalize;
  object_class->get_property = zopa_editor_window_get_property;
  object_class->set_property = zopa_editor_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ZOPA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
add_capture_shortcut (GtkShortcutController *controller,
                      guint                  keyval,
                      GdkModifierType        modifiers,
                      const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

static void
zopa_editor_window_init (ZopaEditorWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 400);
  /* Inside a text field or spin button too, undo is the document's: GTK 4.8's text widget
   * claims Ctrl+Z for its own (switched off) undo before the window's bindings see it. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                        "editor.redo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_y, GDK_CONTROL_MASK, "editor.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The leaflet's first page is the list, its last the item's page. */
static GtkWidget *
leaflet_page (AdwLeaflet *leaflet,
              gboolean    last)
{
  g_autoptr(GtkSelectionModel) pages = adw_leaflet_get_pages (leaflet);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  g_autoptr(AdwLeafletPage) page = g_list_model_get_item (G_LIST_MODEL (pages), last ? n - 1 : 0);

  return adw_leaflet_page_get_child (page);
}

static gboolean
sync_back_button (gpointer user_data)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (ZOPA_EDITOR_WINDOW (user_data));
  GtkWidget *list_page = leaflet_page (priv->leaflet, FALSE);

  priv->sync_back_id = 0;
  gtk_widget_set_visible (priv->back_button,
                          adw_leaflet_get_folded (priv->leaflet)
                          && adw_leaflet_get_visible_child (priv->leaflet) != list_page);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated, after the header bar was: the back button
 * changes in the next main loop turn, so the header bar is laid out again before it is drawn. */
static void
queue_sync_back_button (ZopaEditorWindow *self)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);

  if (priv->sync_back_id == 0)
    priv->sync_back_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_back_button, self, NULL);
}

static void
on_back_clicked (ZopaEditorWindow *self)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);

  /* The focus moves to the list first: a text field that kept it while its page goes away
   * would go on blinking its cursor. */
  gtk_widget_child_focus (leaflet_page (priv->leaflet, FALSE), GTK_DIR_TAB_FORWARD);
  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
zopa_editor_window_show_item (ZopaEditorWindow *self)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);
  GtkWidget *item_page;

  g_return_if_fail (ZOPA_IS_EDITOR_WINDOW (self));

  item_page = leaflet_page (priv->leaflet, TRUE);
  adw_leaflet_set_visible_child (priv->leaflet, item_page);
}

void
zopa_editor_window_fold_list (ZopaEditorWindow *self,
                              AdwLeaflet       *leaflet,
                              GtkListBox       *list,
                              GtkWidget        *back_button)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);
  g_autoptr(GtkSelectionModel) pages = adw_leaflet_get_pages (leaflet);

  g_return_if_fail (ZOPA_IS_EDITOR_WINDOW (self));

  priv->leaflet = leaflet;
  priv->back_button = back_button;
  /* Separators between the pages are never a page of their own. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwLeafletPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (GTK_IS_SEPARATOR (adw_leaflet_page_get_child (page)))
        adw_leaflet_page_set_navigatable (page, FALSE);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (zopa_editor_window_show_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (back_button, "clicked", G_CALLBACK (on_back_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (leaflet, "notify::folded", G_CALLBACK (queue_sync_back_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (leaflet, "notify::visible-child", G_CALLBACK (queue_sync_back_button), self,
                           G_CONNECT_SWAPPED);
  sync_back_button (self);
}

ZopaSession *
zopa_editor_window_get_session (ZopaEditorWindow *self)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);

  g_return_val_if_fail (ZOPA_IS_EDITOR_WINDOW (self), NULL);

  return priv->session;
}

ZopaHistory *
zopa_editor_window_get_history (ZopaEditorWindow *self)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);

  g_return_val_if_fail (ZOPA_IS_EDITOR_WINDOW (self), NULL);

  return priv->history;
}

ZopaScenario *
zopa_editor_window_get_scenario (ZopaEditorWindow *self)
{
  ZopaEditorWindowPrivate *priv = zopa_editor_window_get_instance_private (self);

  g_return_val_if_fail (ZOPA_IS_EDITOR_WINDOW (self), NULL);

  return zopa_session_get_scenario (priv->session);
}

ZopaEditorWindow *
zopa_editor_window_find (ZopaSession *session,
                         GType        type)
{
  g_return_val_if_fail (g_type_is_a (type, ZOPA_TYPE_EDITOR_WINDOW), NULL);

  return (ZopaEditorWindow *) zopa_session_window_find (type, session);
}
