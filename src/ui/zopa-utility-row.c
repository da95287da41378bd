/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-utility-row.c: an actor's view of one option, in the actor editor */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-utility-row.h"
#include "zopa-user-text.h"

struct _ZopaUtilityRow
{
  GtkListBoxRow   parent_instance;

  ZopaHistory    *history;
  ZopaIssue      *issue;
  ZopaOption     *item;
  /* The actor, and its "changed" signal while it is shown. */
  GSignalGroup   *actor_signals;

  GtkCheckButton *check;
  GtkLabel       *label;
  GtkWidget      *red_line;
  GtkSpinButton  *spin;
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

static void on_acceptable_toggled (ZopaUtilityRow *self);
static void on_utility_changed    (ZopaUtilityRow *self);

static ZopaActor *
get_actor (ZopaUtilityRow *self)
{
  g_autoptr(GObject) actor = g_signal_group_dup_target (self->actor_signals);

  /* The editor holds the actor it shows. */
  return ZOPA_ACTOR (actor);
}

static void
update_label (ZopaUtilityRow *self)
{
  const char *label = zopa_option_get_label (self->item);
  g_autofree char *text = zopa_display_text (label != NULL && *label != '\0' ? label : zopa_option_get_id (self->item),
                                             ZOPA_DISPLAY_TEXT_LINE);
  g_autofree char *utility_a11y = g_strdup_printf (_("Utility of “%s”"), text);

  zopa_user_text_set_label (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, utility_a11y, -1);
}

/* The check and the spin button follow the actor's stance; their handlers are held meanwhile. */
static void
update_from_actor (ZopaUtilityRow *self)
{
  ZopaActor *actor = get_actor (self);
  const char *option_id = zopa_option_get_id (self->item);
  ZopaStance *stance = actor != NULL ? zopa_actor_find_stance (actor, zopa_issue_get_id (self->issue)) : NULL;
  gboolean accepted = stance == NULL || zopa_stance_accepts_option (stance, option_id);
  int utility = stance != NULL ? zopa_stance_get_utility (stance, option_id) : ZOPA_UTILITY_DEFAULT;

  g_signal_handlers_block_by_func (self->check, on_acceptable_toggled, self);
  g_signal_handlers_block_by_func (self->spin, on_utility_changed, self);
  gtk_check_button_set_active (self->check, accepted);
  gtk_widget_set_visible (self->red_line, !accepted);
  zopa_editor_set_spin_value (self->spin, utility);
  g_signal_handlers_unblock_by_func (self->spin, on_utility_changed, self);
  g_signal_handlers_unblock_by_func (self->check, on_acceptable_toggled, self);
}

static void
on_acceptable_toggled (ZopaUtilityRow *self)
{
  ZopaActor *actor = get_actor (self);
  const char *toggled_id = zopa_option_get_id (self->item);
  gboolean active = gtk_check_button_get_active (self->check);
  ZopaStance *stance;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) acceptable = NULL;

  if (actor == NULL)
    return;
  zopa_history_begin_group (self->history, active ? _("Allow Option") : _("Add Red Line"));
  stance = zopa_editor_ensure_stance (self->history, actor, zopa_issue_get_id (self->issue));
  /* Options stay in the issue's order, whatever order they were checked in. */
  builder = g_strv_builder_new ();
  for (guint i = 0; i < zopa_issue_get_n_options (self->issue); i++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (self->issue, i));
      gboolean accepted = g_strcmp0 (option_id, toggled_id) == 0
                          ? active
                          : zopa_stance_accepts_option (stance, option_id);

      if (accepted)
        g_strv_builder_add (builder, option_id);
    }
  acceptable = g_strv_builder_end (builder);
  zopa_edit_set_acceptable (self->history, G_OBJECT (stance), (const char * const *) acceptable);
  zopa_history_end_group (self->history);
}

static void
on_utility_changed (ZopaUtilityRow *self)
{
  ZopaActor *actor = get_actor (self);
  const char *issue_id = zopa_issue_get_id (self->issue);
  const char *option_id = zopa_option_get_id (self->item);
  int utility = gtk_spin_button_get_value_as_int (self->spin);
  ZopaStance *stance;

  if (actor == NULL)
    return;
  stance = zopa_actor_find_stance (actor, issue_id);
  if (stance != NULL)
    {
      zopa_history_set_utility (self->history, stance, option_id, utility);
      return;
    }
  zopa_history_begin_group (self->history, _("Change Utility"));
  stance = zopa_editor_ensure_stance (self->history, actor, issue_id);
  zopa_history_set_utility (self->history, stance, option_id, utility);
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

  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->spin), ZOPA_UTILITY_MAX);
  zopa_editor_follow_focus (GTK_WIDGET (self->spin), self->history);
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
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, check);
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, label);
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, red_line);
  gtk_widget_class_bind_template_child (widget_class, ZopaUtilityRow, spin);
  gtk_widget_class_bind_template_callback (widget_class, on_acceptable_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_utility_changed);
}

static void
zopa_utility_row_init (ZopaUtilityRow *self)
{
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

GtkCheckButton *
zopa_utility_row_get_check (ZopaUtilityRow *self)
{
  g_return_val_if_fail (ZOPA_IS_UTILITY_ROW (self), NULL);

  return self->check;
}

GtkSpinButton *
zopa_utility_row_get_spin (ZopaUtilityRow *self)
{
  g_return_val_if_fail (ZOPA_IS_UTILITY_ROW (self), NULL);

  return self->spin;
}
