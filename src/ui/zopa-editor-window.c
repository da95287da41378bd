/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-editor-window.c: what every editor window of a session's document does alike */

#include "config.h"

#include "zopa-editor-window.h"

typedef struct
{
  ZopaSession *session;
  ZopaHistory *history;
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

  gtk_widget_set_size_request (GTK_WIDGET (self), 600, 400);
  /* Inside a text field or spin button too, undo is the document's: GTK 4.8's text widget
   * claims Ctrl+Z for its own (switched off) undo before the window's bindings see it. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                        "editor.redo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_y, GDK_CONTROL_MASK, "editor.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
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
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  g_return_val_if_fail (g_type_is_a (type, ZOPA_TYPE_EDITOR_WINDOW), NULL);

  /* A destroyed window has left the list of toplevels already. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type)
        && zopa_editor_window_get_session (l->data) == session)
      return l->data;
  return NULL;
}
