/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-variant-change-row.c: one change of a variant, edited through the history */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "model/zopa-list-model.h"
#include "zopa-editor-common.h"
#include "zopa-list-sync.h"
#include "zopa-variant-change-row.h"
#include "zopa-user-text.h"

struct _ZopaVariantChangeRow
{
  AdwExpanderRow     parent_instance;

  ZopaVariantChange *item;
  ZopaScenario      *scenario;
  ZopaHistory       *history;

  /* What the option rows were built for: the issue and its options, in order. */
  ZopaIssue         *built_issue;
  GPtrArray         *built_options;   /* ZopaOption, owned */
  GPtrArray         *option_rows;     /* AdwActionRow, the expander holds them */
  GPtrArray         *option_checks;   /* GtkCheckButton, parallel to built_options */
  GPtrArray         *option_spins;    /* GtkSpinButton, parallel to built_options */

  GtkWidget         *up_button;
  GtkWidget         *down_button;
  AdwComboRow       *actor_row;
  AdwComboRow       *target_row;
  GtkWidget         *reservation_row;
  GtkSpinButton     *reservation_spin;
  GtkWidget         *weight_row;
  GtkSwitch         *weight_switch;
  GtkSpinButton     *weight_spin;
  GtkWidget         *acceptable_row;
  GtkSwitch         *acceptable_switch;
  GtkWidget         *utility_row;
  GtkSwitch         *utility_switch;
};

G_DEFINE_FINAL_TYPE (ZopaVariantChangeRow, zopa_variant_change_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SCENARIO,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The stance the change starts from: the actor's own */

static ZopaActor *
change_actor (ZopaVariantChangeRow *self)
{
  return zopa_scenario_find_actor (self->scenario, zopa_variant_change_get_actor (self->item));
}

static ZopaIssue *
change_issue (ZopaVariantChangeRow *self)
{
  const char *issue_id = zopa_variant_change_get_issue (self->item);

  return issue_id != NULL ? zopa_scenario_find_issue (self->scenario, issue_id) : NULL;
}

static ZopaStance *
base_stance (ZopaVariantChangeRow *self)
{
  ZopaActor *actor = change_actor (self);
  const char *issue_id = zopa_variant_change_get_issue (self->item);

  return actor != NULL && issue_id != NULL ? zopa_actor_find_stance (actor, issue_id) : NULL;
}

static int
base_weight (ZopaVariantChangeRow *self)
{
  ZopaStance *stance = base_stance (self);

  return stance != NULL ? zopa_stance_get_weight (stance) : 0;
}

static gboolean
base_accepts (ZopaVariantChangeRow *self,
              const char           *option_id)
{
  ZopaStance *stance = base_stance (self);

  return stance == NULL || zopa_stance_accepts_option (stance, option_id);
}

static int
base_utility (ZopaVariantChangeRow *self,
              const char           *option_id)
{
  ZopaStance *stance = base_stance (self);

  return stance != NULL ? zopa_stance_get_utility (stance, option_id) : ZOPA_UTILITY_DEFAULT;
}

/* Whether the change accepts option_id: by its own red lines when it replaces them. */
static gboolean
change_accepts (ZopaVariantChangeRow *self,
                const char           *option_id)
{
  const char * const *acceptable = zopa_variant_change_get_acceptable (self->item);

  return acceptable != NULL ? g_strv_contains (acceptable, option_id) : base_accepts (self, option_id);
}

/* The acceptable options of issue, in its order, as the change accepts them but with
 * toggled_id (if any) the other way round. */
static GStrv
build_acceptable (ZopaVariantChangeRow *self,
                  ZopaIssue            *issue,
                  const char           *toggled_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, i));
      gboolean accepted = change_accepts (self, option_id);

      if (g_strcmp0 (option_id, toggled_id) == 0)
        accepted = !accepted;
      if (accepted)
        g_strv_builder_add (builder, option_id);
    }
  return g_strv_builder_end (builder);
}

/* Editing the change. Each handler writes only what differs from the model, so the model
 * pushed into the widgets never comes back as an edit. */

static void
on_actor_selected (ZopaVariantChangeRow *self)
{
  guint selected = adw_combo_row_get_selected (self->actor_row);
  g_autoptr(ZopaActor) actor = g_list_model_get_item (zopa_scenario_get_actors (self->scenario), selected);

  if (actor != NULL && actor != change_actor (self))
    zopa_history_set (self->history, self->item, "actor", zopa_actor_get_id (actor), NULL);
}

/* The change turns from the reservation to an issue or back, or to another issue: what it
 * set no longer applies, and it starts again from the actor's own stance. One step. */
static void
set_change_target (ZopaVariantChangeRow *self,
                   ZopaIssue            *issue)
{
  ZopaActor *actor = change_actor (self);

  zopa_history_begin_group (self->history, _("Change Variant"));
  if (zopa_variant_change_has_reservation (self->item))
    zopa_history_unset_change_reservation (self->history, self->item);
  if (zopa_variant_change_get_acceptable (self->item) != NULL)
    zopa_history_set (self->history, self->item, "acceptable", NULL, NULL);
  if (zopa_variant_change_has_weight (self->item))
    zopa_history_unset_change_weight (self->history, self->item);
  if (zopa_variant_change_has_utility (self->item))
    zopa_history_clear_change_utility (self->history, self->item);
  zopa_history_set (self->history, self->item, "issue", issue != NULL ? zopa_issue_get_id (issue) : NULL, NULL);
  if (issue == NULL)
    zopa_history_set (self->history, self->item, "reservation",
                      actor != NULL ? zopa_actor_get_reservation (actor) : 50, NULL);
  else
    {
      g_auto(GStrv) acceptable = build_acceptable (self, issue, NULL);

      zopa_edit_set_acceptable (self->history, G_OBJECT (self->item), (const char * const *) acceptable);
    }
  zopa_history_end_group (self->history);
}

static void
on_target_selected (ZopaVariantChangeRow *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);
  g_autoptr(ZopaIssue) issue = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    issue = g_list_model_get_item (zopa_scenario_get_issues (self->scenario), selected - 1);
  if (issue == change_issue (self) && (issue != NULL || zopa_variant_change_has_reservation (self->item)))
    return;
  set_change_target (self, issue);
}

static void
on_reservation_changed (ZopaVariantChangeRow *self)
{
  int value = gtk_spin_button_get_value_as_int (self->reservation_spin);

  if (change_issue (self) == NULL && value != zopa_variant_change_get_reservation (self->item))
    zopa_history_set (self->history, self->item, "reservation", value, NULL);
}

/* A change of a stance must replace something: the last switch on cannot be turned off. */
static gboolean
refuse_last_replacement (ZopaVariantChangeRow *self,
                         GtkSwitch            *which)
{
  GtkSwitch *switches[] = { self->weight_switch, self->acceptable_switch, self->utility_switch };

  if (gtk_switch_get_active (which))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    if (switches[i] != which && gtk_switch_get_active (switches[i]))
      return FALSE;
  gtk_switch_set_active (which, TRUE);
  gtk_widget_error_bell (GTK_WIDGET (which));
  return TRUE;
}

static void
on_weight_switched (ZopaVariantChangeRow *self)
{
  gboolean active = gtk_switch_get_active (self->weight_switch);

  if (change_issue (self) == NULL || active == zopa_variant_change_has_weight (self->item)
      || refuse_last_replacement (self, self->weight_switch))
    return;
  if (active)
    zopa_history_set (self->history, self->item, "weight", base_weight (self), NULL);
  else
    zopa_history_unset_change_weight (self->history, self->item);
}

static void
on_weight_changed (ZopaVariantChangeRow *self)
{
  int value = gtk_spin_button_get_value_as_int (self->weight_spin);

  if (zopa_variant_change_has_weight (self->item) && value != zopa_variant_change_get_weight (self->item))
    zopa_history_set (self->history, self->item, "weight", value, NULL);
}

static void
on_acceptable_switched (ZopaVariantChangeRow *self)
{
  ZopaIssue *issue = change_issue (self);
  gboolean active = gtk_switch_get_active (self->acceptable_switch);
  g_auto(GStrv) acceptable = NULL;

  if (issue == NULL || active == (zopa_variant_change_get_acceptable (self->item) != NULL)
      || refuse_last_replacement (self, self->acceptable_switch))
    return;
  if (active)
    acceptable = build_acceptable (self, issue, NULL);
  zopa_edit_set_acceptable (self->history, G_OBJECT (self->item), (const char * const *) acceptable);
}

static void
on_utility_switched (ZopaVariantChangeRow *self)
{
  ZopaIssue *issue = change_issue (self);
  gboolean active = gtk_switch_get_active (self->utility_switch);

  if (issue == NULL || active == zopa_variant_change_has_utility (self->item)
      || refuse_last_replacement (self, self->utility_switch))
    return;
  if (!active)
    {
      zopa_history_clear_change_utility (self->history, self->item);
      return;
    }
  /* The whole map is replaced: it starts as the actor's own utilities. */
  zopa_history_begin_group (self->history, _("Replace Utilities"));
  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, i));

      zopa_history_set_change_utility (self->history, self->item, option_id, base_utility (self, option_id));
    }
  zopa_history_end_group (self->history);
}

/* The option of an option row's check or spin button. */
static ZopaOption *
option_of (ZopaVariantChangeRow *self,
           GPtrArray            *widgets,
           gpointer              widget)
{
  guint index;

  return g_ptr_array_find (widgets, widget, &index) ? g_ptr_array_index (self->built_options, index) : NULL;
}

static void
on_option_toggled (GtkCheckButton       *check,
                   ZopaVariantChangeRow *self)
{
  ZopaOption *option = option_of (self, self->option_checks, check);
  ZopaIssue *issue = change_issue (self);
  const char *option_id;
  g_auto(GStrv) acceptable = NULL;

  if (option == NULL || issue == NULL || zopa_variant_change_get_acceptable (self->item) == NULL)
    return;
  option_id = zopa_option_get_id (option);
  if (gtk_check_button_get_active (check) == change_accepts (self, option_id))
    return;
  acceptable = build_acceptable (self, issue, option_id);
  zopa_edit_set_acceptable (self->history, G_OBJECT (self->item), (const char * const *) acceptable);
}

static void
on_option_utility_changed (GtkSpinButton        *spin,
                           ZopaVariantChangeRow *self)
{
  ZopaOption *option = option_of (self, self->option_spins, spin);
  int value = gtk_spin_button_get_value_as_int (spin);

  if (option == NULL || !zopa_variant_change_has_utility (self->item)
      || value == zopa_variant_change_get_utility (self->item, zopa_option_get_id (option)))
    return;
  zopa_history_set_change_utility (self->history, self->item, zopa_option_get_id (option), value);
}

/* Changes apply in order, so a later change of the same stance wins. */
static void
move_change (ZopaVariantChangeRow *self,
             int                   delta)
{
  GObject *variant = zopa_edit_find_owner (self->scenario, self->item);
  GListModel *changes;
  guint position;

  if (!ZOPA_IS_VARIANT (variant))
    return;
  changes = zopa_variant_get_changes (ZOPA_VARIANT (variant));
  position = zopa_list_model_find (changes, self->item);
  if (position == GTK_INVALID_LIST_POSITION || (delta < 0 && position == 0)
      || (delta > 0 && position + 1 >= g_list_model_get_n_items (changes)))
    return;
  zopa_history_break_merge (self->history);
  zopa_history_move (self->history, variant, self->item, position + delta);
}

static void
on_up_clicked (ZopaVariantChangeRow *self)
{
  move_change (self, -1);
}

static void
on_down_clicked (ZopaVariantChangeRow *self)
{
  move_change (self, +1);
}

static void
on_delete_clicked (ZopaVariantChangeRow *self)
{
  GObject *variant = zopa_edit_find_owner (self->scenario, self->item);

  if (!ZOPA_IS_VARIANT (variant))
    return;
  zopa_history_break_merge (self->history);
  zopa_history_remove (self->history, variant, self->item);
}

/* Option rows: one per option of the issue the change applies to */

static void
remove_option_rows (ZopaVariantChangeRow *self)
{
  for (guint i = 0; i < self->option_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->option_rows, i));
  g_ptr_array_set_size (self->option_rows, 0);
  g_ptr_array_set_size (self->option_checks, 0);
  g_ptr_array_set_size (self->option_spins, 0);
  g_ptr_array_set_size (self->built_options, 0);
  g_clear_object (&self->built_issue);
}

static const char *
option_label (ZopaOption *option)
{
  const char *label = zopa_option_get_label (option);

  return label != NULL && *label ? label : zopa_option_get_id (option);
}

static void
add_option_row (ZopaVariantChangeRow *self,
                ZopaOption           *option)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, ZOPA_UTILITY_MAX, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Acceptable; unchecked, the option is a red line"));
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  zopa_editor_follow_focus (spin, self->history);
  g_signal_connect (check, "toggled", G_CALLBACK (on_option_toggled), self);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_option_utility_changed), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  g_ptr_array_add (self->built_options, g_object_ref (option));
  g_ptr_array_add (self->option_rows, row);
  g_ptr_array_add (self->option_checks, check);
  g_ptr_array_add (self->option_spins, spin);
}

static gboolean
options_are_built (ZopaVariantChangeRow *self,
                   ZopaIssue            *issue)
{
  GListModel *options;

  if (issue != self->built_issue)
    return FALSE;
  if (issue == NULL)
    return TRUE;
  options = zopa_issue_get_options (issue);
  if (g_list_model_get_n_items (options) != self->built_options->len)
    return FALSE;
  for (guint i = 0; i < self->built_options->len; i++)
    {
      g_autoptr(ZopaOption) option = g_list_model_get_item (options, i);

      if (option != g_ptr_array_index (self->built_options, i))
        return FALSE;
    }
  return TRUE;
}

static void
build_option_rows (ZopaVariantChangeRow *self,
                   ZopaIssue            *issue)
{
  if (options_are_built (self, issue))
    return;
  remove_option_rows (self);
  g_set_object (&self->built_issue, issue);
  for (guint i = 0; issue != NULL && i < zopa_issue_get_n_options (issue); i++)
    add_option_row (self, zopa_issue_get_option (issue, i));
}

/* Following the model */

static GStrv
actor_labels (ZopaVariantChangeRow *self)
{
  GListModel *actors = zopa_scenario_get_actors (self->scenario);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);
      const char *name = zopa_actor_get_name (actor);
      g_autofree char *shown = zopa_display_text (name != NULL && *name ? name : zopa_actor_get_id (actor),
                                                  ZOPA_DISPLAY_TEXT_LINE);

      g_strv_builder_add (builder, shown);
    }
  return g_strv_builder_end (builder);
}

static GStrv
target_labels (ZopaVariantChangeRow *self)
{
  GListModel *issues = zopa_scenario_get_issues (self->scenario);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, _("Reservation"));
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
      const char *title = zopa_issue_get_title (issue);
      g_autofree char *shown = zopa_display_text (title != NULL && *title ? title : zopa_issue_get_id (issue),
                                                  ZOPA_DISPLAY_TEXT_LINE);

      g_strv_builder_add (builder, shown);
    }
  return g_strv_builder_end (builder);
}

static char *
summarize_change (ZopaVariantChangeRow *self,
                  ZopaIssue            *issue)
{
  const char * const *acceptable = zopa_variant_change_get_acceptable (self->item);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (issue == NULL)
    return g_strdup_printf (_("Reservation %d"), zopa_variant_change_get_reservation (self->item));

  if (acceptable != NULL)
    {
      guint n_acceptable = g_strv_length ((char **) acceptable);

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u of %u option acceptable",
                                                            "%u of %u options acceptable",
                                                            zopa_issue_get_n_options (issue)),
                                               n_acceptable, zopa_issue_get_n_options (issue)));
    }
  if (zopa_variant_change_has_weight (self->item))
    g_ptr_array_add (parts, g_strdup_printf (_("weight %d"), zopa_variant_change_get_weight (self->item)));
  if (zopa_variant_change_has_utility (self->item))
    g_ptr_array_add (parts, g_strdup (_("utilities")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_option_rows (ZopaVariantChangeRow *self)
{
  gboolean replaces_acceptable = zopa_variant_change_get_acceptable (self->item) != NULL;
  gboolean has_utility = zopa_variant_change_has_utility (self->item);

  for (guint i = 0; i < self->built_options->len; i++)
    {
      ZopaOption *option = g_ptr_array_index (self->built_options, i);
      const char *option_id = zopa_option_get_id (option);
      GtkWidget *check = g_ptr_array_index (self->option_checks, i);
      GtkWidget *spin = g_ptr_array_index (self->option_spins, i);
      gboolean accepted = change_accepts (self, option_id);
      g_autofree char *utility_label = g_strdup_printf (_("Utility of “%s”"), option_label (option));

      zopa_user_text_set_row_title (g_ptr_array_index (self->option_rows, i), option_label (option));
      adw_action_row_set_subtitle (g_ptr_array_index (self->option_rows, i), accepted ? NULL : _("Red line"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, option_label (option), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, utility_label, -1);
      gtk_widget_set_sensitive (check, replaces_acceptable);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), accepted);
      gtk_widget_set_sensitive (spin, has_utility);
      zopa_editor_set_spin_value (GTK_SPIN_BUTTON (spin),
                                  has_utility ? zopa_variant_change_get_utility (self->item, option_id)
                                              : base_utility (self, option_id));
    }
}

static void
show_change (ZopaVariantChangeRow *self)
{
  GObject *variant = zopa_edit_find_owner (self->scenario, self->item);
  ZopaActor *actor = change_actor (self);
  ZopaIssue *issue = change_issue (self);
  gboolean has_weight = zopa_variant_change_has_weight (self->item);
  const char *actor_name = actor != NULL ? zopa_actor_get_name (actor) : zopa_variant_change_get_actor (self->item);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) actors = NULL;
  g_auto(GStrv) targets = NULL;
  GListModel *changes;
  guint position;

  /* Deleted, or undone away: the editor drops the row. */
  if (!ZOPA_IS_VARIANT (variant))
    return;

  /* Translators: an actor, then what its change is about (an issue, or "Reservation") */
  title = g_strdup_printf (_("%s · %s"), actor_name, issue != NULL ? zopa_issue_get_title (issue) : _("Reservation"));
  summary = summarize_change (self, issue);
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self), title);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), summary);

  actors = actor_labels (self);
  targets = target_labels (self);
  zopa_combo_row_show_choices (self->actor_row, (const char * const *) actors,
                               zopa_list_model_find (zopa_scenario_get_actors (self->scenario), actor),
                               G_CALLBACK (on_actor_selected), self);
  zopa_combo_row_show_choices (self->target_row, (const char * const *) targets,
                               issue == NULL ? 0 : zopa_list_model_find (zopa_scenario_get_issues (self->scenario), issue) + 1,
                               G_CALLBACK (on_target_selected), self);

  gtk_widget_set_visible (self->reservation_row, issue == NULL);
  gtk_widget_set_visible (self->weight_row, issue != NULL);
  gtk_widget_set_visible (self->acceptable_row, issue != NULL);
  gtk_widget_set_visible (self->utility_row, issue != NULL);
  zopa_editor_set_spin_value (self->reservation_spin, zopa_variant_change_get_reservation (self->item));
  gtk_switch_set_active (self->weight_switch, has_weight);
  gtk_switch_set_active (self->acceptable_switch, zopa_variant_change_get_acceptable (self->item) != NULL);
  gtk_switch_set_active (self->utility_switch, zopa_variant_change_has_utility (self->item));
  gtk_widget_set_sensitive (GTK_WIDGET (self->weight_spin), has_weight);
  zopa_editor_set_spin_value (self->weight_spin, has_weight ? zopa_variant_change_get_weight (self->item) : base_weight (self));

  build_option_rows (self, issue);
  show_option_rows (self);

  changes = zopa_variant_get_changes (ZOPA_VARIANT (variant));
  position = zopa_list_model_find (changes, self->item);
  gtk_widget_set_sensitive (self->up_button, position > 0);
  gtk_widget_set_sensitive (self->down_button, position + 1 < g_list_model_get_n_items (changes));
}

static void
zopa_variant_change_row_constructed (GObject *object)
{
  ZopaVariantChangeRow *self = ZOPA_VARIANT_CHANGE_ROW (object);

  G_OBJECT_CLASS (zopa_variant_change_row_parent_class)->constructed (object);

  zopa_editor_follow_focus (GTK_WIDGET (self->reservation_spin), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (self->weight_spin), self->history);
  /* The scenario's "changed" covers this change, the actors and issues it names, and the
   * order of the variant's changes. */
  g_signal_connect_object (self->scenario, "changed", G_CALLBACK (show_change), self, G_CONNECT_SWAPPED);
  show_change (self);
}

static void
zopa_variant_change_row_dispose (GObject *object)
{
  ZopaVariantChangeRow *self = ZOPA_VARIANT_CHANGE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_VARIANT_CHANGE_ROW);
  g_clear_object (&self->built_issue);
  g_clear_object (&self->item);
  g_clear_object (&self->scenario);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (zopa_variant_change_row_parent_class)->dispose (object);
}

static void
zopa_variant_change_row_finalize (GObject *object)
{
  ZopaVariantChangeRow *self = ZOPA_VARIANT_CHANGE_ROW (object);

  g_ptr_array_unref (self->built_options);
  g_ptr_array_unref (self->option_rows);
  g_ptr_array_unref (self->option_checks);
  g_ptr_array_unref (self->option_spins);

  G_OBJECT_CLASS (zopa_variant_change_row_parent_class)->finalize (object);
}

static void
zopa_variant_change_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ZopaVariantChangeRow *self = ZOPA_VARIANT_CHANGE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_variant_change_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ZopaVariantChangeRow *self = ZOPA_VARIANT_CHANGE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_variant_change_row_class_init (ZopaVariantChangeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_variant_change_row_constructed;
  object_class->dispose = zopa_variant_change_row_dispose;
  object_class->finalize = zopa_variant_change_row_finalize;
  object_class->get_property = zopa_variant_change_row_get_property;
  object_class->set_property = zopa_variant_change_row_set_property;

  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_VARIANT_CHANGE, flags);
  properties[PROP_SCENARIO] = g_param_spec_object ("scenario", NULL, NULL, ZOPA_TYPE_SCENARIO, flags);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, ZOPA_TYPE_HISTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-variant-change-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, actor_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, target_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, reservation_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, reservation_spin);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, weight_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, weight_switch);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, acceptable_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, acceptable_switch);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, utility_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, utility_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_actor_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_target_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reservation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_switched);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_acceptable_switched);
  gtk_widget_class_bind_template_callback (widget_class, on_utility_switched);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
zopa_variant_change_row_init (ZopaVariantChangeRow *self)
{
  self->built_options = g_ptr_array_new_with_free_func (g_object_unref);
  self->option_rows = g_ptr_array_new ();
  self->option_checks = g_ptr_array_new ();
  self->option_spins = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->reservation_spin, 0, ZOPA_RESERVATION_MAX);
  gtk_spin_button_set_range (self->weight_spin, 0, ZOPA_WEIGHT_MAX);
}

GtkWidget *
zopa_variant_change_row_new (ZopaVariantChange *item,
                             ZopaScenario      *scenario,
                             ZopaHistory       *history)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (item), NULL);
  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);

  return g_object_new (ZOPA_TYPE_VARIANT_CHANGE_ROW, "item", item, "scenario", scenario, "history", history, NULL);
}

ZopaVariantChange *
zopa_variant_change_row_get_item (ZopaVariantChangeRow *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE_ROW (self), NULL);

  return self->item;
}
