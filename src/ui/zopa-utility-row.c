/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-utility-row.c: an actor's view of one option, in the actor editor */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-acceptability-choice.h"
#include "zopa-editor-common.h"
#include "zopa-range-control.h"
#include "zopa-utility-row.h"
#include "zopa-user-text.h"
#include "zopa-wrap-box.h"

struct _ZopaUtilityRow
{
  GtkListBoxRow            parent_instance;

  ZopaHistory             *history;
  ZopaIssue               *issue;
  ZopaOption              *item;
  /* The actor, and its "changed" signal while it is shown. */
  GSignalGroup            *actor_signals;

  ZopaAcceptabilityChoice *choice;
  GtkLabel                *label;
  GtkLabel                *state_label;
  ZopaRangeControl        *utility;
};

G_DEFINE_FINAL_TYPE (ZopaUtilityRow, zopa_utility_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_ISSUE,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ZopaActor *
get_actor (ZopaUtilityRow *self)
{
  g_autoptr(GObject) actor = g_signal_group_dup_target (self->actor_signals);

  /* The editor holds the actor it shows. */
  return ZOPA_ACTOR (actor);
}

static char *
dup_option_text (ZopaUtilityRow *self)
{
  const char *label = zopa_option_get_label (self->item);

  return zopa_display_text (label != NULL && *label != '\0' ? label : zopa_option_get_id (self->item),
                            ZOPA_DISPLAY_TEXT_LINE);
}

static void
update_label (ZopaUtilityRow *self)
{
  g_autofree char *text = dup_option_text (self);

  zopa_user_text_set_label (self->label, text);
  zopa_acceptability_choice_set_subject (self->choice, text);
}

/* The choice, the state's name and the utility follow the actor's stance. */
static void
update_from_actor (ZopaUtilityRow *self)
{
  ZopaActor *actor = get_actor (self);
  const char *option_id = zopa_option_get_id (self->item);
  ZopaStance *stance = actor != NULL ? zopa_actor_find_stance (actor, zopa_issue_get_id (self->issue)) : NULL;
  ZopaAcceptability acceptability = stance != NULL ? zopa_edit_get_acceptability (G_OBJECT (stance), option_id)
                                                   : ZOPA_ACCEPTABILITY_ACCEPTABLE;
  ZopaRange plain_default = { ZOPA_UTILITY_DEFAULT, ZOPA_UTILITY_DEFAULT, FALSE };
  g_autofree char *option = dup_option_text (self);
  g_autofree char *subject = NULL;

  zopa_acceptability_choice_set_acceptability (self->choice, acceptability);
  gtk_label_set_label (self->state_label, zopa_editor_acceptability_name (acceptability));
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), acceptability != ZOPA_ACCEPTABILITY_ACCEPTABLE);
  zopa_range_control_set_range (self->utility,
                                stance != NULL ? zopa_stance_get_utility_range (stance, option_id) : plain_default);
  zopa_range_control_set_sources (self->utility, zopa_history_get_scenario (self->history), actor);
  if (actor != NULL)
    {
      g_autofree char *name = zopa_editor_dup_actor_name (actor);

      /* Translators: an actor, then an option */
      subject = g_strdup_printf (_("%s's utility of “%s”"), name, option);
    }
  else
    subject = g_strdup_printf (_("Utility of “%s”"), option);
  zopa_range_control_set_subject (self->utility, subject);
}

static void
on_acceptability_chosen (ZopaUtilityRow *self)
{
  ZopaActor *actor = get_actor (self);
  ZopaAcceptability acceptability = zopa_acceptability_choice_get_acceptability (self->choice);
  ZopaStance *stance;

  if (actor == NULL)
    return;
  zopa_history_break_merge (self->history);
  zopa_history_begin_group (self->history, NULL);
  stance = zopa_editor_ensure_stance (self->history, actor, zopa_issue_get_id (self->issue));
  zopa_edit_set_acceptability (self->history, G_OBJECT (stance), self->issue,
                               zopa_option_get_id (self->item), acceptability);
  zopa_history_end_group (self->history);
}

static void
on_utility_edited (ZopaUtilityRow *self)
{
  ZopaActor *actor = get_actor (self);
  const char *issue_id = zopa_issue_get_id (self->issue);
  ZopaRange utility = zopa_range_control_get_range (self->utility);
  ZopaStance *stance;

  if (actor == NULL)
    return;
  stance = zopa_actor_find_stance (actor, issue_id);
  if (stance != NULL)
    {
      ZopaRange before = zopa_stance_get_utility_range (stance, zopa_option_get_id (self->item));

      zopa_editor_separate_form_change (self->history, before, utility);
      zopa_history_set_utility_range (self->history, stance, zopa_option_get_id (self->item), utility);
      zopa_editor_separate_form_change (self->history, before, utility);
      return;
    }
  zopa_history_begin_group (self->history, _("Change Utility"));
  stance = zopa_editor_ensure_stance (self->history, actor, issue_id);
  zopa_history_set_utility_range (self->history, stance, zopa_option_get_id (self->item), utility);
  zopa_history_end_group (self->history);
}

void
zopa_utility_row_set_actor (ZopaUtilityRow *self,
                            ZopaActor      *actor)
{
  g_return_if_fail (ZOPA_IS_UTILITY_ROW (self));

  g_signal_group_set_target (self->actor_signals, actor);
  update_from_actor (self);
}

/* The object */

static void
zopa_utility_row_constructed (GObject *object)
{
  ZopaUtilityRow *self = ZOPA_UTILITY_ROW (object);

  G_OBJECT_CLASS (zopa_utility_row_parent_class)->constructed (object);

  zopa_range_control_set_upper (self->utility, ZOPA_UTILITY_MAX);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_from_spin (self->utility)), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_to_spin (self->utility)), self->history);
  g_signal_connect_object (self->item, "notify::label", G_CALLBACK (update_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::id", G_CALLBACK (update_label), self, G_CONNECT_SWAPPED);
  update_label (self);
  update_from_actor (self);
}

static void
zopa_utility_row_dispose (GObject *object)
{
  ZopaUtilityRow *self = ZOPA_UTILITY_ROW (object);

  g_signal_group_set_target (self->actor_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_UTILITY_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->issue);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (zopa_utility_row_parent_class)->dispose (object);
}

static void
zopa_utility_row_finalize (GObject *object)
{
  ZopaUtilityRow *self = ZOPA_UTILITY_ROW (object);

  g_clear_object (&self->actor_signals);
  G_OBJECT_CLASS (zopa_utility_row_parent_class)->finalize (object);
}

static void
zopa_utility_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZopaUtilityRow *self = ZOPA_UTILITY_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_ISSUE:
      g_value_set_object (value, self->issue);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_utility_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZopaUtilityRow *self = ZOPA_UTILITY_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_ISSUE:
      self->issue = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_utility_row_class_init (ZopaUtilityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_utility_row_constructed;
  object_class->dispose = zopa_utility_row_dispose;
  object_class->finalize = zopa_utility_row_finalize;
  object_class->get_property = zopa_utility_row_get_property;
  object_class->set_property = zopa_utility_row_set_property;

  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, ZOPA_TYPE_HISTORY, flags);
  properties[PROP_ISSUE] = g_param_spec_object ("issue", NULL, NULL, ZOPA_TYPE_ISSUE, flags);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_OPTION, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-utility-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, choice);
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, label);
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, utility);
  gtk_widget_class_bind_template_callback (widget_class, on_acceptability_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_utility_edited);
}

static void
zopa_utility_row_init (ZopaUtilityRow *self)
{
  g_type_ensure (ZOPA_TYPE_ACCEPTABILITY_CHOICE);
  g_type_ensure (ZOPA_TYPE_RANGE_CONTROL);
  g_type_ensure (ZOPA_TYPE_WRAP_BOX);
  self->actor_signals = g_signal_group_new (ZOPA_TYPE_ACTOR);
  g_signal_group_connect_object (self->actor_signals, "changed", G_CALLBACK (update_from_actor),
                                 self, G_CONNECT_SWAPPED);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_utility_row_new (ZopaHistory *history,
                      ZopaIssue   *issue,
                      ZopaOption  *item)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ZOPA_IS_ISSUE (issue), NULL);
  g_return_val_if_fail (ZOPA_IS_OPTION (item), NULL);

  return g_object_new (ZOPA_TYPE_UTILITY_ROW, "history", history, "issue", issue, "item", item, NULL);
}

ZopaOption *
zopa_utility_row_get_item (ZopaUtilityRow *self)
{
  g_return_val_if_fail (ZOPA_IS_UTILITY_ROW (self), NULL);

  return self->item;
}

ZopaIssue *
zopa_utility_row_get_issue (ZopaUtilityRow *self)
{
  g_return_val_if_fail (ZOPA_IS_UTILITY_ROW (self), NULL);

  return self->issue;
}

ZopaAcceptabilityChoice *
zopa_utility_row_get_choice (ZopaUtilityRow *self)
{
  g_return_val_if_fail (ZOPA_IS_UTILITY_ROW (self), NULL);

  return self->choice;
}

ZopaRangeControl *
zopa_utility_row_get_utility (ZopaUtilityRow *self)
{
  g_return_val_if_fail (ZOPA_IS_UTILITY_ROW (self), NULL);

  return self->utility;
}
