/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-stance-group.c: an actor's stance on one issue, in the actor editor */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-editor-common.h"
#include "zopa-range-control.h"
#include "zopa-stance-group.h"
#include "zopa-utility-row.h"
#include "zopa-user-text.h"

struct _ZopaStanceGroup
{
  AdwPreferencesGroup  parent_instance;

  ZopaHistory         *history;
  ZopaIssue           *item;
  /* The actor, and its "changed" signal while it is shown. */
  GSignalGroup        *actor_signals;

  ZopaRangeControl    *weight;
  GtkListBox          *option_list;
};

G_DEFINE_FINAL_TYPE (ZopaStanceGroup, zopa_stance_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ZopaActor *
get_actor (ZopaStanceGroup *self)
{
  g_autoptr(GObject) actor = g_signal_group_dup_target (self->actor_signals);

  /* The editor holds the actor it shows. */
  return ZOPA_ACTOR (actor);
}

static void
update_title (ZopaStanceGroup *self)
{
  const char *title = zopa_issue_get_title (self->item);
  g_autofree char *shown = zopa_display_text (title != NULL && *title != '\0' ? title : zopa_issue_get_id (self->item),
                                              ZOPA_DISPLAY_TEXT_LINE);
  /* The group's title is markup: the issue's title is shown as it is. */
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), escaped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->option_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

static char *
dup_issue_text (ZopaStanceGroup *self)
{
  const char *title = zopa_issue_get_title (self->item);

  return zopa_display_text (title != NULL && *title != '\0' ? title : zopa_issue_get_id (self->item),
                            ZOPA_DISPLAY_TEXT_LINE);
}

static void
update_weight (ZopaStanceGroup *self)
{
  ZopaActor *actor = get_actor (self);
  ZopaStance *stance = actor != NULL ? zopa_actor_find_stance (actor, zopa_issue_get_id (self->item)) : NULL;
  ZopaRange none = { 0, 0, FALSE };
  g_autofree char *issue = dup_issue_text (self);
  g_autofree char *subject = NULL;

  zopa_range_control_set_range (self->weight, stance != NULL ? zopa_stance_get_weight_range (stance) : none);
  zopa_range_control_set_sources (self->weight, zopa_history_get_scenario (self->history), actor);
  if (actor != NULL)
    {
      g_autofree char *name = zopa_editor_dup_actor_name (actor);

      /* Translators: an actor, then an issue */
      subject = g_strdup_printf (_("%s's weight on “%s”"), name, issue);
    }
  else
    subject = g_strdup_printf (_("Weight of “%s”"), issue);
  zopa_range_control_set_subject (self->weight, subject);
}

static void
on_weight_edited (ZopaStanceGroup *self)
{
  ZopaActor *actor = get_actor (self);
  const char *issue_id = zopa_issue_get_id (self->item);
  ZopaRange weight = zopa_range_control_get_range (self->weight);
  ZopaStance *stance;

  if (actor == NULL)
    return;
  stance = zopa_actor_find_stance (actor, issue_id);
  if (stance != NULL)
    {
      ZopaRange before = zopa_stance_get_weight_range (stance);

      zopa_editor_separate_form_change (self->history, before, weight);
      zopa_history_set_weight_range (self->history, stance, weight);
      zopa_editor_separate_form_change (self->history, before, weight);
      return;
    }
  zopa_history_begin_group (self->history, _("Change Weight"));
  stance = zopa_editor_ensure_stance (self->history, actor, issue_id);
  zopa_history_set_weight_range (self->history, stance, weight);
  zopa_history_end_group (self->history);
}

static GtkWidget *
create_utility_row (gpointer item,
                    gpointer user_data)
{
  ZopaStanceGroup *self = user_data;
  GtkWidget *row = zopa_utility_row_new (self->history, self->item, item);
  ZopaActor *actor = get_actor (self);

  zopa_utility_row_set_actor (ZOPA_UTILITY_ROW (row), actor);
  return row;
}

void
zopa_stance_group_set_actor (ZopaStanceGroup *self,
                             ZopaActor       *actor)
{
  GtkListBoxRow *row;

  g_return_if_fail (ZOPA_IS_STANCE_GROUP (self));

  g_signal_group_set_target (self->actor_signals, actor);
  update_weight (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->option_list, i)) != NULL; i++)
    zopa_utility_row_set_actor (ZOPA_UTILITY_ROW (row), actor);
}

/* The object */

static void
zopa_stance_group_constructed (GObject *object)
{
  ZopaStanceGroup *self = ZOPA_STANCE_GROUP (object);

  G_OBJECT_CLASS (zopa_stance_group_parent_class)->constructed (object);

  zopa_range_control_set_upper (self->weight, ZOPA_WEIGHT_MAX);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_from_spin (self->weight)), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_to_spin (self->weight)), self->history);
  g_signal_connect_object (self->item, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::id", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::title", G_CALLBACK (update_weight), self, G_CONNECT_SWAPPED);
  update_title (self);
  gtk_list_box_bind_model (self->option_list, zopa_issue_get_options (self->item), create_utility_row, self, NULL);
}

static void
zopa_stance_group_dispose (GObject *object)
{
  ZopaStanceGroup *self = ZOPA_STANCE_GROUP (object);

  if (self->option_list != NULL)
    gtk_list_box_bind_model (self->option_list, NULL, NULL, NULL, NULL);
  g_signal_group_set_target (self->actor_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_STANCE_GROUP);
  g_clear_object (&self->item);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (zopa_stance_group_parent_class)->dispose (object);
}

static void
zopa_stance_group_finalize (GObject *object)
{
  ZopaStanceGroup *self = ZOPA_STANCE_GROUP (object);

  g_clear_object (&self->actor_signals);
  G_OBJECT_CLASS (zopa_stance_group_parent_class)->finalize (object);
}

static void
zopa_stance_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZopaStanceGroup *self = ZOPA_STANCE_GROUP (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_stance_group_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZopaStanceGroup *self = ZOPA_STANCE_GROUP (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_stance_group_class_init (ZopaStanceGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_stance_group_constructed;
  object_class->dispose = zopa_stance_group_dispose;
  object_class->finalize = zopa_stance_group_finalize;
  object_class->get_property = zopa_stance_group_get_property;
  object_class->set_property = zopa_stance_group_set_property;

  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, ZOPA_TYPE_HISTORY, flags);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_ISSUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-stance-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaStanceGroup, weight);
  gtk_widget_class_bind_template_child (widget_class, ZopaStanceGroup, option_list);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_edited);
}

static void
zopa_stance_group_init (ZopaStanceGroup *self)
{
  g_type_ensure (ZOPA_TYPE_RANGE_CONTROL);
  self->actor_signals = g_signal_group_new (ZOPA_TYPE_ACTOR);
  g_signal_group_connect_object (self->actor_signals, "changed", G_CALLBACK (update_weight),
                                 self, G_CONNECT_SWAPPED);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_stance_group_new (ZopaHistory *history,
                       ZopaIssue   *item)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ZOPA_IS_ISSUE (item), NULL);

  return g_object_new (ZOPA_TYPE_STANCE_GROUP, "history", history, "item", item, NULL);
}

ZopaIssue *
zopa_stance_group_get_item (ZopaStanceGroup *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE_GROUP (self), NULL);

  return self->item;
}

ZopaRangeControl *
zopa_stance_group_get_weight (ZopaStanceGroup *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE_GROUP (self), NULL);

  return self->weight;
}
