/* zopa-variant-editor-changes.c: the variant editor's change rows: building them, and editing a change through them */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-variant-editor-private.h"
#include "zopa-user-text.h"

/* Editing a change */

static ChangeWidgets *
widgets_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "change-widgets");
}

static void
on_actor_selected (AdwComboRow       *combo,
                   GParamSpec        *pspec,
                   ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (combo));
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(ZopaActor) actor = NULL;

  if (self->syncing)
    return;
  actor = g_list_model_get_item (zopa_scenario_get_actors (zopa_variant_editor_get_scenario (self)), selected);
  if (actor != NULL)
    zopa_history_set (self->history, widgets->change, "actor", zopa_actor_get_id (actor), NULL);
}

/* A change turns from the reservation to an issue or back, or to another issue: what it
 * set no longer applies, and it starts again from the actor's own stance. One step. */
static void
set_change_target (ZopaVariantEditor *self,
                   ZopaVariantChange *change,
                   ZopaIssue         *issue)
{
  ZopaActor *actor = zopa_variant_editor_change_actor (self, change);

  zopa_history_begin_group (self->history, _("Change Variant"));
  if (zopa_variant_change_has_reservation (change))
    zopa_history_unset_change_reservation (self->history, change);
  if (zopa_variant_change_get_acceptable (change) != NULL)
    zopa_history_set (self->history, change, "acceptable", NULL, NULL);
  if (zopa_variant_change_has_weight (change))
    zopa_history_unset_change_weight (self->history, change);
  if (zopa_variant_change_has_utility (change))
    zopa_history_clear_change_utility (self->history, change);
  zopa_history_set (self->history, change, "issue", issue != NULL ? zopa_issue_get_id (issue) : NULL, NULL);
  if (issue == NULL)
    zopa_history_set (self->history, change, "reservation",
                      actor != NULL ? zopa_actor_get_reservation (actor) : 50, NULL);
  else
    {
      g_auto(GStrv) acceptable = zopa_variant_editor_build_acceptable (self, change, issue, NULL);

      zopa_edit_set_acceptable (self->history, G_OBJECT (change), (const char * const *) acceptable);
    }
  zopa_history_end_group (self->history);
}

typedef struct {
  ZopaVariantEditor *self;
  ZopaVariantChange *change;
  ZopaIssue         *issue;
} TargetChange;

static void
target_change_free (TargetChange *target)
{
  g_clear_object (&target->self);
  g_clear_object (&target->change);
  g_clear_object (&target->issue);
  g_free (target);
}

static gboolean
apply_target_change (gpointer data)
{
  TargetChange *target = data;

  target->self->target_change_id = 0;
  /* An undo in between may have taken the change away. */
  if (zopa_edit_find_owner (zopa_variant_editor_get_scenario (target->self), target->change) != NULL)
    set_change_target (target->self, target->change, target->issue);
  return G_SOURCE_REMOVE;
}

void
zopa_variant_editor_on_target_selected (AdwComboRow       *combo,
                                        GParamSpec        *pspec,
                                        ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (combo));
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(ZopaIssue) issue = NULL;
  TargetChange *target;

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    issue = g_list_model_get_item (zopa_scenario_get_issues (zopa_variant_editor_get_scenario (self)), selected - 1);
  if (issue == zopa_variant_editor_change_issue (self, widgets->change)
      && (issue != NULL || zopa_variant_change_has_reservation (widgets->change)))
    return;

  /* The change gets rows of another kind, and this combo row is rebuilt: not while it is
   * still telling its own handlers about the selection. */
  target = g_new0 (TargetChange, 1);
  target->self = g_object_ref (self);
  target->change = g_object_ref (widgets->change);
  target->issue = issue != NULL ? g_object_ref (issue) : NULL;
  g_clear_handle_id (&self->target_change_id, g_source_remove);
  self->target_change_id = g_idle_add_full (G_PRIORITY_DEFAULT, apply_target_change, target,
                                            (GDestroyNotify) target_change_free);
}

static void
on_reservation_changed (GtkSpinButton     *spin,
                        ZopaVariantEditor *self)
{
  if (self->syncing)
    return;
  zopa_history_set (self->history, widgets_of (GTK_WIDGET (spin))->change, "reservation",
                    gtk_spin_button_get_value_as_int (spin), NULL);
}

/* A change of a stance must replace something: the last switch on cannot be turned off. */
static gboolean
is_last_replacement (ChangeWidgets *widgets,
                     GtkSwitch     *which)
{
  GtkSwitch *switches[] = { widgets->weight_switch, widgets->acceptable_switch, widgets->utility_switch };

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    if (switches[i] != which && gtk_switch_get_active (switches[i]))
      return FALSE;
  return TRUE;
}

static gboolean
refuse_last_replacement (ZopaVariantEditor *self,
                         GtkSwitch         *which)
{
  if (gtk_switch_get_active (which) || !is_last_replacement (widgets_of (GTK_WIDGET (which)), which))
    return FALSE;
  self->syncing = TRUE;
  gtk_switch_set_active (which, TRUE);
  self->syncing = FALSE;
  gtk_widget_error_bell (GTK_WIDGET (which));
  return TRUE;
}

static void
on_weight_switch (GtkSwitch         *which,
                  GParamSpec        *pspec,
                  ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (which));

  if (self->syncing || refuse_last_replacement (self, which))
    return;
  if (gtk_switch_get_active (which))
    zopa_history_set (self->history, widgets->change, "weight", zopa_variant_editor_base_weight (self, widgets->change), NULL);
  else
    zopa_history_unset_change_weight (self->history, widgets->change);
}

static void
on_weight_changed (GtkSpinButton     *spin,
                   ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (spin));

  if (self->syncing || !zopa_variant_change_has_weight (widgets->change))
    return;
  zopa_history_set (self->history, widgets->change, "weight", gtk_spin_button_get_value_as_int (spin), NULL);
}

static void
on_acceptable_switch (GtkSwitch         *which,
                      GParamSpec        *pspec,
                      ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (which));
  ZopaIssue *issue = zopa_variant_editor_change_issue (self, widgets->change);
  g_auto(GStrv) acceptable = NULL;

  if (self->syncing || issue == NULL || refuse_last_replacement (self, which))
    return;
  if (gtk_switch_get_active (which))
    acceptable = zopa_variant_editor_build_acceptable (self, widgets->change, issue, NULL);
  zopa_edit_set_acceptable (self->history, G_OBJECT (widgets->change), (const char * const *) acceptable);
}

static void
on_option_toggled (GtkCheckButton    *check,
                   ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (check));
  ZopaIssue *issue = zopa_variant_editor_change_issue (self, widgets->change);
  g_auto(GStrv) acceptable = NULL;

  if (self->syncing || issue == NULL || zopa_variant_change_get_acceptable (widgets->change) == NULL)
    return;
  acceptable = zopa_variant_editor_build_acceptable (self, widgets->change, issue, widgets->option_checks);
  zopa_edit_set_acceptable (self->history, G_OBJECT (widgets->change), (const char * const *) acceptable);
}

static void
on_utility_switch (GtkSwitch         *which,
                   GParamSpec        *pspec,
                   ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (which));
  ZopaIssue *issue = zopa_variant_editor_change_issue (self, widgets->change);

  if (self->syncing || issue == NULL || refuse_last_replacement (self, which))
    return;
  if (!gtk_switch_get_active (which))
    {
      zopa_history_clear_change_utility (self->history, widgets->change);
      return;
    }
  /* The whole map is replaced: it starts as the actor's own utilities. */
  zopa_history_begin_group (self->history, _("Replace Utilities"));
  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, i));

      zopa_history_set_change_utility (self->history, widgets->change, option_id,
                                       zopa_variant_editor_base_utility (self, widgets->change, option_id));
    }
  zopa_history_end_group (self->history);
}

static void
on_option_utility_changed (GtkSpinButton     *spin,
                           ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (spin));

  if (self->syncing || !zopa_variant_change_has_utility (widgets->change))
    return;
  zopa_history_set_change_utility (self->history, widgets->change,
                                   g_object_get_data (G_OBJECT (spin), "option-id"),
                                   gtk_spin_button_get_value_as_int (spin));
}

static void
on_delete_change_clicked (GtkButton         *button,
                          ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (button));

  if (self->variant == NULL)
    return;
  zopa_history_break_merge (self->history);
  zopa_history_remove (self->history, self->variant, widgets->change);
}

/* Changes apply in order, so a later change of the same stance wins. */
static void
move_change (ZopaVariantEditor *self,
             GtkWidget         *button,
             int                delta)
{
  ChangeWidgets *widgets = widgets_of (button);
  GListModel *changes;
  guint position;

  if (self->variant == NULL)
    return;
  changes = zopa_variant_get_changes (self->variant);
  position = zopa_list_model_find (changes, widgets->change);
  if (position == GTK_INVALID_LIST_POSITION || (delta < 0 && position == 0)
      || (delta > 0 && position + 1 >= g_list_model_get_n_items (changes)))
    return;
  zopa_history_break_merge (self->history);
  zopa_history_move (self->history, self->variant, widgets->change, position + delta);
}

static void
on_change_up_clicked (GtkButton         *button,
                      ZopaVariantEditor *self)
{
  move_change (self, GTK_WIDGET (button), -1);
}

static void
on_change_down_clicked (GtkButton         *button,
                        ZopaVariantEditor *self)
{
  move_change (self, GTK_WIDGET (button), +1);
}

/* Change rows */

static void
attach (GtkWidget     *widget,
        ChangeWidgets *widgets)
{
  g_object_set_data (G_OBJECT (widget), "change-widgets", widgets);
}

static GtkWidget *
create_spin (int         upper,
             const char *accessible_label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return spin;
}

static GtkWidget *
create_switch_row (ZopaVariantEditor *self,
                   ChangeWidgets     *widgets,
                   const char        *title,
                   const char        *subtitle,
                   GtkSwitch        **switch_out,
                   GCallback          callback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), title);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  attach (toggle, widgets);
  g_signal_connect (toggle, "notify::active", callback, self);
  *switch_out = GTK_SWITCH (toggle);
  return row;
}

static GtkStringList *
actor_names (ZopaScenario *scenario)
{
  GListModel *actors = zopa_scenario_get_actors (scenario);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);
      const char *name = zopa_actor_get_name (actor);
      g_autofree char *shown = zopa_display_text (name != NULL && *name ? name : zopa_actor_get_id (actor),
                                                  ZOPA_DISPLAY_TEXT_LINE);

      gtk_string_list_append (names, shown);
    }
  return names;
}

static GtkStringList *
target_names (ZopaScenario *scenario)
{
  GListModel *issues = zopa_scenario_get_issues (scenario);
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Reservation"));
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
      const char *title = zopa_issue_get_title (issue);
      g_autofree char *shown = zopa_display_text (title != NULL && *title ? title : zopa_issue_get_id (issue),
                                                  ZOPA_DISPLAY_TEXT_LINE);

      gtk_string_list_append (names, shown);
    }
  return names;
}

static GtkWidget *
create_change_row (ZopaVariantEditor *self,
                   ZopaVariantChange *change)
{
  ZopaScenario *scenario = zopa_variant_editor_get_scenario (self);
  ChangeWidgets *widgets = g_new0 (ChangeWidgets, 1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *actor_row = adw_combo_row_new ();
  GtkWidget *target_row = adw_combo_row_new ();
  g_autoptr(GtkStringList) actors = actor_names (scenario);
  g_autoptr(GtkStringList) targets = target_names (scenario);
  ZopaIssue *issue = zopa_variant_editor_change_issue (self, change);

  widgets->change = g_object_ref (change);
  widgets->row = row;
  widgets->option_checks = g_ptr_array_new ();
  widgets->option_spins = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (row), "change-widgets", widgets, (GDestroyNotify) zopa_variant_editor_change_widgets_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* Each action goes before the ones added earlier: delete, then down, then up. */
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete Change"));
  gtk_widget_add_css_class (delete, "flat");
  attach (delete, widgets);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_change_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);
  gtk_widget_set_valign (down, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (down, _("Move Down"));
  gtk_widget_add_css_class (down, "flat");
  attach (down, widgets);
  g_signal_connect (down, "clicked", G_CALLBACK (on_change_down_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
  widgets->down = down;
  gtk_widget_set_valign (up, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (up, _("Move Up"));
  gtk_widget_add_css_class (up, "flat");
  attach (up, widgets);
  g_signal_connect (up, "clicked", G_CALLBACK (on_change_up_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);
  widgets->up = up;

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (actor_row), _("Actor"));
  adw_combo_row_set_model (ADW_COMBO_ROW (actor_row), G_LIST_MODEL (actors));
  attach (actor_row, widgets);
  widgets->actor_row = ADW_COMBO_ROW (actor_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actor_row);

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (target_row), _("Applies To"));
  adw_combo_row_set_model (ADW_COMBO_ROW (target_row), G_LIST_MODEL (targets));
  attach (target_row, widgets);
  widgets->target_row = ADW_COMBO_ROW (target_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), target_row);

  if (issue == NULL)
    {
      GtkWidget *reservation_row = adw_action_row_new ();
      GtkWidget *spin = create_spin (ZOPA_RESERVATION_MAX, _("Reservation"));

      zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (reservation_row), _("Reservation"));
      zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (reservation_row), _("The lowest score of a deal it accepts"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (reservation_row), spin);
      attach (spin, widgets);
      zopa_editor_follow_focus (spin, self->history);
      widgets->reservation = GTK_SPIN_BUTTON (spin);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reservation_row);
    }
  else
    {
      GtkWidget *weight_row = create_switch_row (self, widgets, _("Weight"), _("How much the issue matters, 0 to 10"),
                                                 &widgets->weight_switch, G_CALLBACK (on_weight_switch));
      GtkWidget *weight = create_spin (ZOPA_WEIGHT_MAX, _("Weight"));

      adw_action_row_add_suffix (ADW_ACTION_ROW (weight_row), weight);
      attach (weight, widgets);
      zopa_editor_follow_focus (weight, self->history);
      widgets->weight = GTK_SPIN_BUTTON (weight);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), weight_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                create_switch_row (self, widgets, _("Red Lines"),
                                                   _("Replace which options are acceptable"),
                                                   &widgets->acceptable_switch, G_CALLBACK (on_acceptable_switch)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                create_switch_row (self, widgets, _("Utilities"),
                                                   _("Replace how much it likes each option"),
                                                   &widgets->utility_switch, G_CALLBACK (on_utility_switch)));

      for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
        {
          ZopaOption *option = zopa_issue_get_option (issue, i);
          const char *label = zopa_option_get_label (option);
          GtkWidget *option_row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          g_autofree char *utility_a11y = NULL;
          GtkWidget *spin;

          label = label != NULL && *label ? label : zopa_option_get_id (option);
          utility_a11y = g_strdup_printf (_("Utility of “%s”"), label);
          spin = create_spin (ZOPA_UTILITY_MAX, utility_a11y);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (option_row), FALSE);
          zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (option_row), label);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (check, _("Acceptable; unchecked, the option is a red line"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (option_row), check);
          adw_action_row_add_suffix (ADW_ACTION_ROW (option_row), spin);
          g_object_set_data_full (G_OBJECT (check), "option-id", g_strdup (zopa_option_get_id (option)), g_free);
          g_object_set_data (G_OBJECT (check), "row", option_row);
          g_object_set_data_full (G_OBJECT (spin), "option-id", g_strdup (zopa_option_get_id (option)), g_free);
          attach (check, widgets);
          attach (spin, widgets);
          zopa_editor_follow_focus (spin, self->history);
          g_signal_connect (check, "toggled", G_CALLBACK (on_option_toggled), self);
          g_signal_connect (spin, "value-changed", G_CALLBACK (on_option_utility_changed), self);
          g_ptr_array_add (widgets->option_checks, check);
          g_ptr_array_add (widgets->option_spins, spin);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), option_row);
        }
    }

  /* Connected last: the rows above are filled in by zopa_variant_editor_sync_change(), not by the user. */
  g_signal_connect (actor_row, "notify::selected", G_CALLBACK (on_actor_selected), self);
  g_signal_connect (target_row, "notify::selected", G_CALLBACK (zopa_variant_editor_on_target_selected), self);
  if (widgets->reservation != NULL)
    g_signal_connect (widgets->reservation, "value-changed", G_CALLBACK (on_reservation_changed), self);
  if (widgets->weight != NULL)
    g_signal_connect (widgets->weight, "value-changed", G_CALLBACK (on_weight_changed), self);
  return row;
}

static char *
summarize_change (ZopaVariantEditor *self,
                  ZopaVariantChange *change)
{
  ZopaIssue *issue = zopa_variant_editor_change_issue (self, change);
  const char * const *acceptable = zopa_variant_change_get_acceptable (change);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (issue == NULL)
    return g_strdup_printf (_("Reservation %d"), zopa_variant_change_get_reservation (change));

  if (acceptable != NULL)
    {
      guint n_acceptable = g_strv_length ((char **) acceptable);

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u of %u option acceptable",
                                                            "%u of %u options acceptable",
                                                            zopa_issue_get_n_options (issue)),
                                               n_acceptable, zopa_issue_get_n_options (issue)));
    }
  if (zopa_variant_change_has_weight (change))
    g_ptr_array_add (parts, g_strdup_printf (_("weight %d"), zopa_variant_change_get_weight (change)));
  if (zopa_variant_change_has_utility (change))
    g_ptr_array_add (parts, g_strdup (_("utilities")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

void
zopa_variant_editor_sync_change (ZopaVariantEditor *self,
                                 ChangeWidgets     *widgets)
{
  ZopaScenario *scenario = zopa_variant_editor_get_scenario (self);
  ZopaVariantChange *change = widgets->change;
  ZopaActor *actor = zopa_variant_editor_change_actor (self, change);
  ZopaIssue *issue = zopa_variant_editor_change_issue (self, change);
  const char * const *acceptable = zopa_variant_change_get_acceptable (change);
  gboolean has_weight = zopa_variant_change_has_weight (change);
  gboolean has_utility = zopa_variant_change_has_utility (change);
  const char *actor_name = actor != NULL ? zopa_actor_get_name (actor) : zopa_variant_change_get_actor (change);
  g_autofree char *title = NULL;
  g_autofree char *summary = summarize_change (self, change);
  guint issue_position = zopa_list_model_find (zopa_scenario_get_issues (scenario), issue);

  /* Translators: an actor, then what its change is about (an issue, or "Reservation") */
  title = g_strdup_printf (_("%s · %s"), actor_name,
                           issue != NULL ? zopa_issue_get_title (issue) : _("Reservation"));
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (widgets->row), title);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (widgets->row), summary);
  adw_combo_row_set_selected (widgets->actor_row, zopa_list_model_find (zopa_scenario_get_actors (scenario), actor));
  adw_combo_row_set_selected (widgets->target_row, issue == NULL ? 0 : issue_position + 1);

  if (widgets->reservation != NULL)
    zopa_editor_set_spin_value (widgets->reservation, zopa_variant_change_get_reservation (change));
  if (widgets->weight != NULL)
    {
      gtk_switch_set_active (widgets->weight_switch, has_weight);
      gtk_switch_set_active (widgets->acceptable_switch, acceptable != NULL);
      gtk_switch_set_active (widgets->utility_switch, has_utility);
      gtk_widget_set_sensitive (GTK_WIDGET (widgets->weight), has_weight);
      zopa_editor_set_spin_value (widgets->weight,
                                  has_weight ? zopa_variant_change_get_weight (change) : zopa_variant_editor_base_weight (self, change));
    }
  for (guint i = 0; i < widgets->option_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (widgets->option_checks, i);
      GtkSpinButton *spin = g_ptr_array_index (widgets->option_spins, i);
      const char *option_id = g_object_get_data (G_OBJECT (check), "option-id");
      gboolean accepted = acceptable != NULL ? g_strv_contains (acceptable, option_id)
                                             : zopa_variant_editor_base_accepts (self, change, option_id);

      gtk_widget_set_sensitive (GTK_WIDGET (check), acceptable != NULL);
      gtk_check_button_set_active (check, accepted);
      adw_action_row_set_subtitle (g_object_get_data (G_OBJECT (check), "row"), accepted ? NULL : _("Red line"));
      gtk_widget_set_sensitive (GTK_WIDGET (spin), has_utility);
      zopa_editor_set_spin_value (spin, has_utility ? zopa_variant_change_get_utility (change, option_id)
                                                    : zopa_variant_editor_base_utility (self, change, option_id));
    }
}

char *
zopa_variant_editor_changes_key (ZopaVariantEditor *self)
{
  ZopaScenario *scenario = zopa_variant_editor_get_scenario (self);
  GListModel *actors = zopa_scenario_get_actors (scenario);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  GListModel *changes = zopa_variant_get_changes (self->variant);
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%p\x1d", self->variant);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);

      g_string_append_printf (key, "%s\x1f%s\x1e", zopa_actor_get_id (actor), zopa_actor_get_name (actor));
    }
  g_string_append_c (key, '\x1d');
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);

      g_string_append_printf (key, "%s\x1f%s\x1e", zopa_issue_get_id (issue), zopa_issue_get_title (issue));
      for (guint j = 0; j < zopa_issue_get_n_options (issue); j++)
        {
          ZopaOption *option = zopa_issue_get_option (issue, j);

          g_string_append_printf (key, "%s\x1f%s\x1e", zopa_option_get_id (option), zopa_option_get_label (option));
        }
    }
  g_string_append_c (key, '\x1d');
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, i);

      g_string_append_printf (key, "%p\x1f%s\x1e", change, zopa_variant_change_get_issue (change));
    }
  return g_string_free (key, FALSE);
}

void
zopa_variant_editor_rebuild_changes (ZopaVariantEditor *self)
{
  g_autofree char *key = zopa_variant_editor_changes_key (self);
  GListModel *changes = zopa_variant_get_changes (self->variant);
  g_autoptr(GHashTable) expanded = NULL;
  GtkWidget *child;

  if (g_strcmp0 (key, self->zopa_variant_editor_changes_key) == 0)
    return;
  g_free (self->zopa_variant_editor_changes_key);
  self->zopa_variant_editor_changes_key = g_steal_pointer (&key);

  /* Rows stay open across an edit that rebuilds them, an undo or a redo. */
  expanded = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->change_widgets->len; i++)
    {
      ChangeWidgets *widgets = g_ptr_array_index (self->change_widgets, i);

      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (widgets->row)))
        g_hash_table_add (expanded, widgets->change);
    }

  g_ptr_array_set_size (self->change_widgets, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->change_list))) != NULL)
    gtk_list_box_remove (self->change_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, i);
      GtkWidget *row = create_change_row (self, change);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (expanded, change));
      gtk_list_box_append (self->change_list, row);
      g_ptr_array_add (self->change_widgets, widgets_of (row));
    }
}
