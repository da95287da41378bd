/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-variant-change-row.c: one change of a variant, edited through the history */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "model/zopa-list-model.h"
#include "zopa-acceptability-choice.h"
#include "zopa-editor-common.h"
#include "zopa-list-sync.h"
#include "zopa-range-control.h"
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
  GPtrArray         *option_choices;  /* ZopaAcceptabilityChoice, parallel to built_options */
  GPtrArray         *option_utilities; /* ZopaRangeControl, parallel to built_options */

  GtkWidget         *up_button;
  GtkWidget         *down_button;
  AdwComboRow       *actor_row;
  AdwComboRow       *target_row;
  GtkWidget         *reservation_row;
  ZopaRangeControl  *reservation;
  GtkWidget         *weight_row;
  GtkSwitch         *weight_switch;
  ZopaRangeControl  *weight;
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

static ZopaRange
base_weight (ZopaVariantChangeRow *self)
{
  ZopaStance *stance = base_stance (self);
  ZopaRange none = { 0, 0, FALSE };

  return stance != NULL ? zopa_stance_get_weight_range (stance) : none;
}

static ZopaAcceptability
base_acceptability (ZopaVariantChangeRow *self,
                    const char           *option_id)
{
  ZopaStance *stance = base_stance (self);

  return stance != NULL ? zopa_edit_get_acceptability (G_OBJECT (stance), option_id)
                        : ZOPA_ACCEPTABILITY_ACCEPTABLE;
}

static ZopaRange
base_utility (ZopaVariantChangeRow *self,
              const char           *option_id)
{
  ZopaStance *stance = base_stance (self);
  ZopaRange plain_default = { ZOPA_UTILITY_DEFAULT, ZOPA_UTILITY_DEFAULT, FALSE };

  return stance != NULL ? zopa_stance_get_utility_range (stance, option_id) : plain_default;
}

/* Where option_id stands with the change: by its own lists when it replaces them. */
static ZopaAcceptability
change_acceptability (ZopaVariantChangeRow *self,
                      const char           *option_id)
{
  if (zopa_edit_holder_lists_acceptability (G_OBJECT (self->item)))
    return zopa_edit_get_acceptability (G_OBJECT (self->item), option_id);
  return base_acceptability (self, option_id);
}

/* The change starts to replace the acceptable and maybe options with the actor's own. */
static void
copy_base_acceptability (ZopaVariantChangeRow *self,
                         ZopaIssue            *issue)
{
  g_autoptr(GStrvBuilder) acceptable_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) maybe_builder = g_strv_builder_new ();
  g_auto(GStrv) acceptable = NULL;
  g_auto(GStrv) maybe = NULL;

  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, i));
      ZopaAcceptability acceptability = base_acceptability (self, option_id);

      if (acceptability == ZOPA_ACCEPTABILITY_ACCEPTABLE)
        g_strv_builder_add (acceptable_builder, option_id);
      else if (acceptability == ZOPA_ACCEPTABILITY_MAYBE)
        g_strv_builder_add (maybe_builder, option_id);
    }
  acceptable = g_strv_builder_end (acceptable_builder);
  maybe = g_strv_builder_end (maybe_builder);
  zopa_history_set (self->history, self->item, "acceptable", acceptable,
                    "maybe", maybe[0] != NULL ? maybe : NULL, NULL);
}

static void
clear_acceptability (ZopaVariantChangeRow *self)
{
  zopa_history_set (self->history, self->item, "acceptable", NULL, "maybe", NULL, NULL);
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
  if (zopa_edit_holder_lists_acceptability (G_OBJECT (self->item)))
    clear_acceptability (self);
  if (zopa_variant_change_has_weight (self->item))
    zopa_history_unset_change_weight (self->history, self->item);
  if (zopa_variant_change_has_utility (self->item))
    zopa_history_clear_change_utility (self->history, self->item);
  zopa_history_set (self->history, self->item, "issue", issue != NULL ? zopa_issue_get_id (issue) : NULL, NULL);
  if (issue == NULL)
    {
      ZopaRange middle = { 50, 50, FALSE };

      zopa_history_set_reservation_range (self->history, self->item,
                                          actor != NULL ? zopa_actor_get_reservation_range (actor) : middle);
    }
  else
    copy_base_acceptability (self, issue);
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
on_reservation_edited (ZopaVariantChangeRow *self)
{
  ZopaRange before = zopa_variant_change_get_reservation_range (self->item);
  ZopaRange after = zopa_range_control_get_range (self->reservation);

  if (change_issue (self) != NULL)
    return;
  zopa_editor_separate_form_change (self->history, before, after);
  zopa_history_set_reservation_range (self->history, self->item, after);
  zopa_editor_separate_form_change (self->history, before, after);
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
    zopa_history_set_weight_range (self->history, self->item, base_weight (self));
  else
    zopa_history_unset_change_weight (self->history, self->item);
}

static void
on_weight_edited (ZopaVariantChangeRow *self)
{
  ZopaRange before = zopa_variant_change_get_weight_range (self->item);
  ZopaRange after = zopa_range_control_get_range (self->weight);

  if (!zopa_variant_change_has_weight (self->item))
    return;
  zopa_editor_separate_form_change (self->history, before, after);
  zopa_history_set_weight_range (self->history, self->item, after);
  zopa_editor_separate_form_change (self->history, before, after);
}

static void
on_acceptable_switched (ZopaVariantChangeRow *self)
{
  ZopaIssue *issue = change_issue (self);
  gboolean active = gtk_switch_get_active (self->acceptable_switch);

  if (issue == NULL || active == zopa_edit_holder_lists_acceptability (G_OBJECT (self->item))
      || refuse_last_replacement (self, self->acceptable_switch))
    return;
  if (active)
    copy_base_acceptability (self, issue);
  else
    clear_acceptability (self);
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

      zopa_history_set_utility_range (self->history, self->item, option_id, base_utility (self, option_id));
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
on_option_chosen (ZopaAcceptabilityChoice *choice,
                  ZopaVariantChangeRow    *self)
{
  ZopaOption *option = option_of (self, self->option_choices, choice);
  ZopaIssue *issue = change_issue (self);

  if (option == NULL || issue == NULL || !zopa_edit_holder_lists_acceptability (G_OBJECT (self->item)))
    return;
  zopa_history_break_merge (self->history);
  zopa_edit_set_acceptability (self->history, G_OBJECT (self->item), issue, zopa_option_get_id (option),
                               zopa_acceptability_choice_get_acceptability (choice));
}

static void
on_option_utility_edited (ZopaRangeControl     *control,
                          ZopaVariantChangeRow *self)
{
  ZopaOption *option = option_of (self, self->option_utilities, control);
  ZopaRange after = zopa_range_control_get_range (control);
  ZopaRange before;

  if (option == NULL || !zopa_variant_change_has_utility (self->item))
    return;
  before = zopa_variant_change_get_utility_range (self->item, zopa_option_get_id (option));
  zopa_editor_separate_form_change (self->history, before, after);
  zopa_history_set_utility_range (self->history, self->item, zopa_option_get_id (option), after);
  zopa_editor_separate_form_change (self->history, before, after);
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
  g_ptr_array_set_size (self->option_choices, 0);
  g_ptr_array_set_size (self->option_utilities, 0);
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
  GtkWidget *choice = zopa_acceptability_choice_new ();
  GtkWidget *utility = zopa_range_control_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  zopa_range_control_set_upper (ZOPA_RANGE_CONTROL (utility), ZOPA_UTILITY_MAX);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), choice);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), utility);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_from_spin (ZOPA_RANGE_CONTROL (utility))), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_to_spin (ZOPA_RANGE_CONTROL (utility))), self->history);
  g_signal_connect (choice, "chosen", G_CALLBACK (on_option_chosen), self);
  g_signal_connect (utility, "edited", G_CALLBACK (on_option_utility_edited), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  g_ptr_array_add (self->built_options, g_object_ref (option));
  g_ptr_array_add (self->option_rows, row);
  g_ptr_array_add (self->option_choices, choice);
  g_ptr_array_add (self->option_utilities, utility);
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
    {
      g_autofree char *reservation = zopa_editor_format_range (zopa_variant_change_get_reservation_range (self->item));

      /* Translators: a value such as "45", or a range such as "30–45" */
      return g_strdup_printf (_("Reservation %s"), reservation);
    }

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
    {
      g_autofree char *weight = zopa_editor_format_range (zopa_variant_change_get_weight_range (self->item));

      /* Translators: a value such as "6", or a range such as "4–7" */
      g_ptr_array_add (parts, g_strdup_printf (_("weight %s"), weight));
    }
  if (zopa_variant_change_has_utility (self->item))
    g_ptr_array_add (parts, g_strdup (_("utilities")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_option_rows (ZopaVariantChangeRow *self,
                  const char           *actor_name)
{
  gboolean lists_acceptability = zopa_edit_holder_lists_acceptability (G_OBJECT (self->item));
  gboolean has_utility = zopa_variant_change_has_utility (self->item);

  for (guint i = 0; i < self->built_options->len; i++)
    {
      ZopaOption *option = g_ptr_array_index (self->built_options, i);
      const char *option_id = zopa_option_get_id (option);
      GtkWidget *choice = g_ptr_array_index (self->option_choices, i);
      ZopaRangeControl *utility = g_ptr_array_index (self->option_utilities, i);
      ZopaAcceptability acceptability = change_acceptability (self, option_id);
      g_autofree char *shown = zopa_display_text (option_label (option), ZOPA_DISPLAY_TEXT_LINE);
      /* Translators: an actor, then an option */
      g_autofree char *subject = g_strdup_printf (_("%s's utility of “%s”"), actor_name, shown);

      zopa_user_text_set_row_title (g_ptr_array_index (self->option_rows, i), option_label (option));
      adw_action_row_set_subtitle (g_ptr_array_index (self->option_rows, i),
                                   acceptability != ZOPA_ACCEPTABILITY_ACCEPTABLE
                                   ? zopa_editor_acceptability_name (acceptability) : NULL);
      zopa_acceptability_choice_set_subject (ZOPA_ACCEPTABILITY_CHOICE (choice), shown);
      zopa_acceptability_choice_set_acceptability (ZOPA_ACCEPTABILITY_CHOICE (choice), acceptability);
      gtk_widget_set_sensitive (choice, lists_acceptability);
      zopa_range_control_set_subject (utility, subject);
      zopa_range_control_set_range (utility, has_utility ? zopa_variant_change_get_utility_range (self->item, option_id)
                                                         : base_utility (self, option_id));
      zopa_range_control_set_sources (utility, self->scenario, change_actor (self));
      gtk_widget_set_sensitive (GTK_WIDGET (utility), has_utility);
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
  g_autofree char *actor_shown = NULL;
  g_autofree char *reservation_subject = NULL;
  g_autofree char *weight_subject = NULL;
  g_autofree char *issue_shown = NULL;
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

  actor_shown = zopa_display_text (actor_name != NULL && *actor_name ? actor_name : zopa_variant_change_get_actor (self->item),
                                   ZOPA_DISPLAY_TEXT_LINE);
  /* Translators: an actor's name */
  reservation_subject = g_strdup_printf (_("%s's reservation"), actor_shown);
  /* Translators: an actor, then an issue */
  issue_shown = zopa_display_text (issue != NULL ? zopa_issue_get_title (issue) : "", ZOPA_DISPLAY_TEXT_LINE);
  weight_subject = g_strdup_printf (_("%s's weight on “%s”"), actor_shown, issue_shown);
  gtk_widget_set_visible (self->reservation_row, issue == NULL);
  gtk_widget_set_visible (self->weight_row, issue != NULL);
  gtk_widget_set_visible (self->acceptable_row, issue != NULL);
  gtk_widget_set_visible (self->utility_row, issue != NULL);
  zopa_range_control_set_subject (self->reservation, reservation_subject);
  zopa_range_control_set_range (self->reservation, zopa_variant_change_get_reservation_range (self->item));
  zopa_range_control_set_sources (self->reservation, self->scenario, actor);
  gtk_switch_set_active (self->weight_switch, has_weight);
  gtk_switch_set_active (self->acceptable_switch, zopa_edit_holder_lists_acceptability (G_OBJECT (self->item)));
  gtk_switch_set_active (self->utility_switch, zopa_variant_change_has_utility (self->item));
  gtk_widget_set_sensitive (GTK_WIDGET (self->weight), has_weight);
  zopa_range_control_set_subject (self->weight, weight_subject);
  zopa_range_control_set_range (self->weight, has_weight ? zopa_variant_change_get_weight_range (self->item) : base_weight (self));
  zopa_range_control_set_sources (self->weight, self->scenario, actor);

  build_option_rows (self, issue);
  show_option_rows (self, actor_shown);

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

  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_from_spin (self->reservation)), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_to_spin (self->reservation)), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_from_spin (self->weight)), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_to_spin (self->weight)), self->history);
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
  g_ptr_array_unref (self->option_choices);
  g_ptr_array_unref (self->option_utilities);

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
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, reservation);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, weight_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, weight_switch);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, weight);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, acceptable_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, acceptable_switch);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, utility_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantChangeRow, utility_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_actor_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_target_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reservation_edited);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_switched);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_edited);
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
  self->option_choices = g_ptr_array_new ();
  self->option_utilities = g_ptr_array_new ();
  g_type_ensure (ZOPA_TYPE_RANGE_CONTROL);
  gtk_widget_init_template (GTK_WIDGET (self));
  zopa_range_control_set_upper (self->reservation, ZOPA_RESERVATION_MAX);
  zopa_range_control_set_upper (self->weight, ZOPA_WEIGHT_MAX);
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
