/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-pair-chooser.c: the two actors of the bargaining view */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-display-text.h"
#include "zopa-pair-chooser.h"

/* A name on the toolbar's button: short enough to leave room for the other tools. */
#define BUTTON_NAME_CHARS 32

struct _ZopaPairChooser
{
  GtkWidget      parent_instance;

  GtkMenuButton *first_button;
  GtkMenuButton *second_button;
  GSignalGroup  *session_signals;
};

G_DEFINE_FINAL_TYPE (ZopaPairChooser, zopa_pair_chooser, GTK_TYPE_WIDGET)

/* The actor's name (its id when it has none), cut to max_chars: names are user text. */
static char *
actor_name (ZopaScenario *scenario,
            const char   *id,
            guint         max_chars)
{
  ZopaActor *actor = id != NULL ? zopa_scenario_find_actor (scenario, id) : NULL;
  const char *name = actor != NULL ? zopa_actor_get_name (actor) : NULL;

  return zopa_display_text (name != NULL && name[0] != '\0' ? name : id, max_chars);
}

/* A radio menu of the shown actors on one side's action. */
static GMenuModel *
side_menu (ZopaSession *session,
           const char  *action)
{
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  g_auto(GStrv) shown = zopa_session_dup_shown_actors (session);
  GMenu *menu = g_menu_new ();

  for (guint j = 0; shown[j] != NULL; j++)
    {
      g_autofree char *name = actor_name (scenario, shown[j], ZOPA_DISPLAY_TEXT_LINE);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (shown[j]));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
update (ZopaPairChooser *self)
{
  g_autoptr(ZopaSession) session = g_signal_group_dup_target (self->session_signals);
  g_autoptr(GMenuModel) first_menu = NULL;
  g_autoptr(GMenuModel) second_menu = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  ZopaScenario *scenario;

  if (session == NULL)
    return;
  scenario = zopa_session_get_scenario (session);
  zopa_session_dup_actor_pair (session, &first, &second);
  first_menu = side_menu (session, "diagram.pair-first");
  second_menu = side_menu (session, "diagram.pair-second");
  gtk_menu_button_set_menu_model (self->first_button, first_menu);
  gtk_menu_button_set_menu_model (self->second_button, second_menu);
  first_name = first != NULL ? actor_name (scenario, first, BUTTON_NAME_CHARS) : g_strdup (_("None"));
  second_name = second != NULL ? actor_name (scenario, second, BUTTON_NAME_CHARS) : g_strdup (_("None"));
  gtk_menu_button_set_label (self->first_button, first_name);
  gtk_menu_button_set_label (self->second_button, second_name);
  gtk_widget_set_sensitive (GTK_WIDGET (self), first != NULL && second != NULL);
}

void
zopa_pair_chooser_set_session (ZopaPairChooser *self,
                               ZopaSession     *session)
{
  g_return_if_fail (ZOPA_IS_PAIR_CHOOSER (self));
  g_return_if_fail (session == NULL || ZOPA_IS_SESSION (session));

  g_signal_group_set_target (self->session_signals, session);
  update (self);
}

static void
zopa_pair_chooser_dispose (GObject *object)
{
  ZopaPairChooser *self = ZOPA_PAIR_CHOOSER (object);
  GtkWidget *child;

  g_clear_object (&self->session_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_PAIR_CHOOSER);
  /* The separating label is no template child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (zopa_pair_chooser_parent_class)->dispose (object);
}

static void
zopa_pair_chooser_class_init (ZopaPairChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_pair_chooser_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-pair-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaPairChooser, first_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaPairChooser, second_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
zopa_pair_chooser_init (ZopaPairChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  /* The names and the list of shown actors change with edits and the sidebar's choices. */
  self->session_signals = g_signal_group_new (ZOPA_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::pair-first", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::pair-second", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "shown-changed", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::analysis", G_CALLBACK (update), self);
}
