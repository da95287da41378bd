/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-storyboard-window.c: the storyboard of a window's scenario, beside it */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-session-window.h"
#include "zopa-storyboard-panel.h"
#include "zopa-storyboard-window.h"
#include "zopa-user-text.h"

struct _ZopaStoryboardWindow
{
  AdwWindow            parent_instance;

  ZopaSession         *session;

  AdwWindowTitle      *window_title;
  ZopaStoryboardPanel *panel;
};

G_DEFINE_FINAL_TYPE (ZopaStoryboardWindow, zopa_storyboard_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  zopa_storyboard_panel_add_current_view (ZOPA_STORYBOARD_WINDOW (widget)->panel);
}

/* Presenting belongs to the scenario's window, which knows the screen to fill. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.present-storyboard", NULL);
}

static void
update_title (ZopaStoryboardWindow *self)
{
  g_autofree char *title = zopa_display_text (zopa_scenario_get_title (zopa_session_get_scenario (self->session)),
                                              ZOPA_DISPLAY_TEXT_LINE);

  adw_window_title_set_subtitle (self->window_title, title);
}

/* Presenting needs a frame. */
static void
update_actions (ZopaStoryboardWindow *self)
{
  GListModel *frames = zopa_scenario_get_frames (zopa_session_get_scenario (self->session));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "storyboard.present", g_list_model_get_n_items (frames) > 0);
}

static void
zopa_storyboard_window_constructed (GObject *object)
{
  ZopaStoryboardWindow *self = ZOPA_STORYBOARD_WINDOW (object);
  ZopaScenario *scenario;

  G_OBJECT_CLASS (zopa_storyboard_window_parent_class)->constructed (object);

  scenario = zopa_session_get_scenario (self->session);
  zopa_storyboard_panel_set_session (self->panel, self->session);
  g_signal_connect_object (scenario, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zopa_scenario_get_frames (scenario), "items-changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
  update_actions (self);
}

static void
zopa_storyboard_window_dispose (GObject *object)
{
  ZopaStoryboardWindow *self = ZOPA_STORYBOARD_WINDOW (object);

  if (self->panel != NULL)
    zopa_storyboard_panel_set_session (self->panel, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_STORYBOARD_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (zopa_storyboard_window_parent_class)->dispose (object);
}

static void
zopa_storyboard_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ZopaStoryboardWindow *self = ZOPA_STORYBOARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_storyboard_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ZopaStoryboardWindow *self = ZOPA_STORYBOARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_storyboard_window_class_init (ZopaStoryboardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_storyboard_window_constructed;
  object_class->dispose = zopa_storyboard_window_dispose;
  object_class->set_property = zopa_storyboard_window_set_property;
  object_class->get_property = zopa_storyboard_window_get_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, ZOPA_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZOPA_TYPE_STORYBOARD_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-storyboard-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaStoryboardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaStoryboardWindow, panel);
  gtk_widget_class_install_action (widget_class, "storyboard.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "storyboard.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "storyboard.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "storyboard.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zopa_storyboard_window_init (ZopaStoryboardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZopaStoryboardWindow *
zopa_storyboard_window_new (GtkWindow   *parent,
                            ZopaSession *session)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  return g_object_new (ZOPA_TYPE_STORYBOARD_WINDOW,
                       "session", session,
                       "transient-for", parent,
                       NULL);
}

ZopaStoryboardWindow *
zopa_storyboard_window_show (GtkWindow   *parent,
                             ZopaSession *session)
{
  ZopaStoryboardWindow *window =
    ZOPA_STORYBOARD_WINDOW (zopa_session_window_find (ZOPA_TYPE_STORYBOARD_WINDOW, session));

  if (window == NULL)
    window = zopa_storyboard_window_new (parent, session);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
