/* zopa-variant-editor.c: named what-ifs and the changes they make to actors' stances */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-variant-editor.h"

#define EDITOR_KIND "variants"

/* The widgets of one change row; borrowed, the row holds them. */
typedef struct {
  ZopaVariantChange *change;          /* owned */
  GtkWidget         *row;
  GtkWidget         *up;
  GtkWidget         *down;
  AdwComboRow       *actor_row;
  AdwComboRow       *target_row;
  GtkSpinButton     *reservation;     /* a change of the reservation */
  GtkSwitch         *weight_switch;   /* a change of a stance: the rest */
  GtkSpinButton     *weight;
  GtkSwitch         *acceptable_switch;
  GtkSwitch         *utility_switch;
  GPtrArray         *option_checks;   /* GtkCheckButton, data "option-id" */
  GPtrArray         *option_spins;    /* GtkSpinButton, data "option-id" */
} ChangeWidgets;

static void
change_widgets_free (ChangeWidgets *widgets)
{
  g_clear_object (&widgets->change);
  g_clear_pointer (&widgets->option_checks, g_ptr_array_unref);
  g_clear_pointer (&widgets->option_spins, g_ptr_array_unref);
  g_free (widgets);
}

struct _ZopaVariantEditor
{
  AdwWindow        parent_instance;

  ZopaSession     *session;
  ZopaHistory     *history;
  ZopaVariant     *variant;
  /* The pending change of what a variant change applies to (see on_target_selected). */
  guint            target_change_id;
  /* Set while the widgets follow the model, so they do not echo edits back. */
  gboolean         syncing;
  /* What the change rows were built for. */
  char            *changes_key;
  GPtrArray       *change_widgets;   /* ChangeWidgets, owned by their rows */

  AdwWindowTitle  *window_title;
  GtkListBox      *variant_list;
  GtkStack        *stack;
  AdwEntryRow     *title_row;
  AdwEntryRow     *id_row;
  AdwActionRow    *shown_row;
  GtkButton       *show_button;
  GtkTextView     *description_view;
  GtkListBox      *change_list;
};

G_DEFINE_FINAL_TYPE (ZopaVariantEditor, zopa_variant_editor, ADW_TYPE_WINDOW)

static void refresh (ZopaVariantEditor *self);

static ZopaScenario *
get_scenario (ZopaVariantEditor *self)
{
  return zopa_session_get_scenario (self->session);
}

static const char *
variant_display_name (ZopaVariant *variant)
{
  const char *title = zopa_variant_get_title (variant);

  return title != NULL && *title != '\0' ? title : zopa_variant_get_id (variant);
}

static gboolean
variant_is_shown (ZopaVariantEditor *self,
                  ZopaVariant       *variant)
{
  return g_strcmp0 (zopa_session_get_variant (self->session), zopa_variant_get_id (variant)) == 0;
}

/* The base stance a change starts from */

static ZopaActor *
change_actor (ZopaVariantEditor *self,
              ZopaVariantChange *change)
{
  return zopa_scenario_find_actor (get_scenario (self), zopa_variant_change_get_actor (change));
}

static ZopaIssue *
change_issue (ZopaVariantEditor *self,
              ZopaVariantChange *change)
{
  const char *issue_id = zopa_variant_change_get_issue (change);

  return issue_id != NULL ? zopa_scenario_find_issue (get_scenario (self), issue_id) : NULL;
}

static ZopaStance *
base_stance (ZopaVariantEditor *self,
             ZopaVariantChange *change)
{
  ZopaActor *actor = change_actor (self, change);
  const char *issue_id = zopa_variant_change_get_issue (change);

  return actor != NULL && issue_id != NULL ? zopa_actor_find_stance (actor, issue_id) : NULL;
}

static int
base_weight (ZopaVariantEditor *self,
             ZopaVariantChange *change)
{
  ZopaStance *stance = base_stance (self, change);

  return stance != NULL ? zopa_stance_get_weight (stance) : 0;
}

static gboolean
base_accepts (ZopaVariantEditor *self,
              ZopaVariantChange *change,
              const char        *option_id)
{
  ZopaStance *stance = base_stance (self, change);

  return stance == NULL || zopa_stance_accepts_option (stance, option_id);
}

static int
base_utility (ZopaVariantEditor *self,
              ZopaVariantChange *change,
              const char        *option_id)
{
  ZopaStance *stance = base_stance (self, change);

  return stance != NULL ? zopa_stance_get_utility (stance, option_id) : ZOPA_UTILITY_DEFAULT;
}

/* The acceptable options of issue, in its order, by base stance or by the given checks. */
static GStrv
build_acceptable (ZopaVariantEditor *self,
                  ZopaVariantChange *change,
                  ZopaIssue         *issue,
                  GPtrArray         *checks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, i));
      gboolean accepted = checks != NULL && i < checks->len
                          ? gtk_check_button_get_active (g_ptr_array_index (checks, i))
                          : base_accepts (self, change, option_id);

      if (accepted)
        g_strv_builder_add (builder, option_id);
    }
  return g_strv_builder_end (builder);
}

/* The sidebar */

static void
update_variant_row (GtkWidget   *row,
                    ZopaVariant *variant)
{
  ZopaVariantEditor *self = g_object_get_data (G_OBJECT (row), "editor");
  guint n_changes = g_list_model_get_n_items (zopa_variant_get_changes (variant));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes),
                                            n_changes);
  g_autofree char *subtitle = NULL;

  if (variant_is_shown (self, variant))
    /* Translators: a count of changes, then that the variant is on the diagram */
    subtitle = g_strdup_printf (_("%s · shown"), count);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), variant_display_name (variant));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle != NULL ? subtitle : count);
}

static GtkWidget *
create_variant_row (gpointer item,
                    gpointer user_data)
{
  ZopaVariant *variant = ZOPA_VARIANT (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (variant), g_object_unref);
  g_object_set_data (G_OBJECT (row), "editor", user_data);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  update_variant_row (row, variant);
  g_signal_connect_object (variant, "changed", G_CALLBACK (update_variant_row), row, G_CONNECT_SWAPPED);
  return row;
}

static void
update_variant_rows (ZopaVariantEditor *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->variant_list, i)) != NULL; i++)
    update_variant_row (GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "item"));
}

static void
on_variant_row_selected (ZopaVariantEditor *self,
                         GtkListBoxRow     *row)
{
  ZopaVariant *variant;

  if (self->syncing || row == NULL)
    return;
  variant = g_object_get_data (G_OBJECT (row), "item");
  if (variant == self->variant)
    return;
  zopa_history_break_merge (self->history);
  g_set_object (&self->variant, variant);
  refresh (self);
}

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
  actor = g_list_model_get_item (zopa_scenario_get_actors (get_scenario (self)), selected);
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
  ZopaActor *actor = change_actor (self, change);

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
      g_auto(GStrv) acceptable = build_acceptable (self, change, issue, NULL);

      zopa_history_set (self->history, change, "acceptable", acceptable, NULL);
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
  if (zopa_edit_find_owner (get_scenario (target->self), target->change) != NULL)
    set_change_target (target->self, target->change, target->issue);
  return G_SOURCE_REMOVE;
}

static void
on_target_selected (AdwComboRow       *combo,
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
    issue = g_list_model_get_item (zopa_scenario_get_issues (get_scenario (self)), selected - 1);
  if (issue == change_issue (self, widgets->change)
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
    zopa_history_set (self->history, widgets->change, "weight", base_weight (self, widgets->change), NULL);
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
  ZopaIssue *issue = change_issue (self, widgets->change);
  g_auto(GStrv) acceptable = NULL;

  if (self->syncing || issue == NULL || refuse_last_replacement (self, which))
    return;
  if (gtk_switch_get_active (which))
    acceptable = build_acceptable (self, widgets->change, issue, NULL);
  zopa_history_set (self->history, widgets->change, "acceptable", acceptable, NULL);
}

static void
on_option_toggled (GtkCheckButton    *check,
                   ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (check));
  ZopaIssue *issue = change_issue (self, widgets->change);
  g_auto(GStrv) acceptable = NULL;

  if (self->syncing || issue == NULL || zopa_variant_change_get_acceptable (widgets->change) == NULL)
    return;
  acceptable = build_acceptable (self, widgets->change, issue, widgets->option_checks);
  zopa_history_set (self->history, widgets->change, "acceptable", acceptable, NULL);
}

static void
on_utility_switch (GtkSwitch         *which,
                   GParamSpec        *pspec,
                   ZopaVariantEditor *self)
{
  ChangeWidgets *widgets = widgets_of (GTK_WIDGET (which));
  ZopaIssue *issue = change_issue (self, widgets->change);

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
                                       base_utility (self, widgets->change, option_id));
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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
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

      gtk_string_list_append (names, name != NULL && *name ? name : zopa_actor_get_id (actor));
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

      gtk_string_list_append (names, title != NULL && *title ? title : zopa_issue_get_id (issue));
    }
  return names;
}

static GtkWidget *
create_change_row (ZopaVariantEditor *self,
                   ZopaVariantChange *change)
{
  ZopaScenario *scenario = get_scenario (self);
  ChangeWidgets *widgets = g_new0 (ChangeWidgets, 1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *actor_row = adw_combo_row_new ();
  GtkWidget *target_row = adw_combo_row_new ();
  g_autoptr(GtkStringList) actors = actor_names (scenario);
  g_autoptr(GtkStringList) targets = target_names (scenario);
  ZopaIssue *issue = change_issue (self, change);

  widgets->change = g_object_ref (change);
  widgets->row = row;
  widgets->option_checks = g_ptr_array_new ();
  widgets->option_spins = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (row), "change-widgets", widgets, (GDestroyNotify) change_widgets_free);
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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (actor_row), _("Actor"));
  adw_combo_row_set_model (ADW_COMBO_ROW (actor_row), G_LIST_MODEL (actors));
  attach (actor_row, widgets);
  widgets->actor_row = ADW_COMBO_ROW (actor_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actor_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (target_row), _("Applies To"));
  adw_combo_row_set_model (ADW_COMBO_ROW (target_row), G_LIST_MODEL (targets));
  attach (target_row, widgets);
  widgets->target_row = ADW_COMBO_ROW (target_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), target_row);

  if (issue == NULL)
    {
      GtkWidget *reservation_row = adw_action_row_new ();
      GtkWidget *spin = create_spin (ZOPA_RESERVATION_MAX, _("Reservation"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reservation_row), _("Reservation"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (reservation_row), _("The lowest score of a deal it accepts"));
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
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (option_row), label);
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

  /* Connected last: the rows above are filled in by sync_change(), not by the user. */
  g_signal_connect (actor_row, "notify::selected", G_CALLBACK (on_actor_selected), self);
  g_signal_connect (target_row, "notify::selected", G_CALLBACK (on_target_selected), self);
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
  ZopaIssue *issue = change_issue (self, change);
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

static void
sync_change (ZopaVariantEditor *self,
             ChangeWidgets     *widgets)
{
  ZopaScenario *scenario = get_scenario (self);
  ZopaVariantChange *change = widgets->change;
  ZopaActor *actor = change_actor (self, change);
  ZopaIssue *issue = change_issue (self, change);
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
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widgets->row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (widgets->row), summary);
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
                                  has_weight ? zopa_variant_change_get_weight (change) : base_weight (self, change));
    }
  for (guint i = 0; i < widgets->option_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (widgets->option_checks, i);
      GtkSpinButton *spin = g_ptr_array_index (widgets->option_spins, i);
      const char *option_id = g_object_get_data (G_OBJECT (check), "option-id");
      gboolean accepted = acceptable != NULL ? g_strv_contains (acceptable, option_id)
                                             : base_accepts (self, change, option_id);

      gtk_widget_set_sensitive (GTK_WIDGET (check), acceptable != NULL);
      gtk_check_button_set_active (check, accepted);
      adw_action_row_set_subtitle (g_object_get_data (G_OBJECT (check), "row"), accepted ? NULL : _("Red line"));
      gtk_widget_set_sensitive (GTK_WIDGET (spin), has_utility);
      zopa_editor_set_spin_value (spin, has_utility ? zopa_variant_change_get_utility (change, option_id)
                                                    : base_utility (self, change, option_id));
    }
}

static char *
changes_key (ZopaVariantEditor *self)
{
  ZopaScenario *scenario = get_scenario (self);
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

static void
rebuild_changes (ZopaVariantEditor *self)
{
  g_autofree char *key = changes_key (self);
  GListModel *changes = zopa_variant_get_changes (self->variant);
  g_autoptr(GHashTable) expanded = NULL;
  GtkWidget *child;

  if (g_strcmp0 (key, self->changes_key) == 0)
    return;
  g_free (self->changes_key);
  self->changes_key = g_steal_pointer (&key);

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

/* Following the model and the session */

static void
sync_shown (ZopaVariantEditor *self)
{
  const char *shown_id = zopa_session_get_variant (self->session);
  ZopaVariant *shown;

  update_variant_rows (self);
  if (self->variant == NULL)
    return;

  shown = shown_id != NULL ? zopa_scenario_find_variant (get_scenario (self), shown_id) : NULL;
  if (shown == self->variant)
    {
      adw_action_row_set_subtitle (self->shown_row, _("The diagram shows this variant"));
      gtk_button_set_label (self->show_button, _("Show _Base Scenario"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->show_button), "suggested-action");
    }
  else
    {
      g_autofree char *subtitle = NULL;

      if (shown != NULL)
        subtitle = g_strdup_printf (_("The diagram shows “%s”"), variant_display_name (shown));
      adw_action_row_set_subtitle (self->shown_row,
                                   subtitle != NULL ? subtitle : _("The diagram shows the base scenario"));
      gtk_button_set_label (self->show_button, _("_Show This Variant"));
      gtk_widget_add_css_class (GTK_WIDGET (self->show_button), "suggested-action");
    }
}

static void
refresh (ZopaVariantEditor *self)
{
  ZopaScenario *scenario = get_scenario (self);
  GListModel *variants = zopa_scenario_get_variants (scenario);
  GtkListBoxRow *row;
  g_autofree char *title = NULL;

  /* A variant deleted, or undone away, hands over to the first one left. */
  if (self->variant != NULL && !zopa_list_model_contains (zopa_scenario_get_variants (scenario), self->variant))
    g_clear_object (&self->variant);
  if (self->variant == NULL && g_list_model_get_n_items (variants) > 0)
    self->variant = g_list_model_get_item (variants, 0);

  self->syncing = TRUE;
  row = self->variant != NULL ? zopa_editor_find_row (self->variant_list, self->variant) : NULL;
  if (row != gtk_list_box_get_selected_row (self->variant_list))
    gtk_list_box_select_row (self->variant_list, row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "variant-editor.delete", self->variant != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "variant-editor.add-change",
                                 self->variant != NULL
                                 && g_list_model_get_n_items (zopa_scenario_get_actors (scenario)) > 0);
  if (self->variant == NULL)
    {
      g_clear_pointer (&self->changes_key, g_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Variants"));
      self->syncing = FALSE;
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "editor");
  zopa_editor_set_text (GTK_EDITABLE (self->title_row), zopa_variant_get_title (self->variant));
  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_variant_get_id (self->variant));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
  zopa_editor_set_buffer_text (gtk_text_view_get_buffer (self->description_view),
                               zopa_variant_get_description (self->variant));
  rebuild_changes (self);
  for (guint i = 0; i < self->change_widgets->len; i++)
    {
      ChangeWidgets *widgets = g_ptr_array_index (self->change_widgets, i);

      sync_change (self, widgets);
      gtk_widget_set_sensitive (widgets->up, i > 0);
      gtk_widget_set_sensitive (widgets->down, i + 1 < self->change_widgets->len);
    }
  sync_shown (self);

  adw_window_title_set_subtitle (self->window_title, variant_display_name (self->variant));
  title = g_strdup_printf (_("Variant “%s”"), variant_display_name (self->variant));
  gtk_window_set_title (GTK_WINDOW (self), title);
  self->syncing = FALSE;
}

/* Editing the variant */

static void
on_title_changed (ZopaVariantEditor *self)
{
  if (self->syncing || self->variant == NULL)
    return;
  zopa_history_set (self->history, self->variant, "title",
                    gtk_editable_get_text (GTK_EDITABLE (self->title_row)), NULL);
}

static void
on_id_changed (ZopaVariantEditor *self)
{
  if (self->syncing || self->variant == NULL)
    return;
  zopa_editor_check_id_row (GTK_WIDGET (self->id_row), get_scenario (self), self->variant, zopa_variant_get_id (self->variant));
}

static void
on_id_apply (ZopaVariantEditor *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_row)));
  gboolean shown;

  if (self->variant == NULL)
    return;
  /* The session names the variant it shows by id: it follows the new one. */
  shown = variant_is_shown (self, self->variant);
  if (zopa_editor_apply_id_row (GTK_WIDGET (self->id_row), self->history, self->variant,
                                zopa_variant_get_id (self->variant)) && shown)
    zopa_session_set_variant (self->session, text);
}

static void
on_description_changed (GtkTextBuffer     *buffer,
                        ZopaVariantEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->variant == NULL)
    return;
  text = zopa_editor_dup_buffer_text (buffer);
  zopa_history_set (self->history, self->variant, "description", text, NULL);
}

static void
on_show_clicked (ZopaVariantEditor *self)
{
  if (self->variant == NULL)
    return;
  zopa_session_set_variant (self->session,
                            variant_is_shown (self, self->variant) ? NULL : zopa_variant_get_id (self->variant));
}

/* Adding and deleting */

ZopaVariant *
zopa_variant_editor_add_variant (ZopaVariantEditor *self)
{
  ZopaScenario *scenario;
  g_autofree char *id = NULL;
  g_autoptr(ZopaVariant) variant = NULL;

  g_return_val_if_fail (ZOPA_IS_VARIANT_EDITOR (self), NULL);

  scenario = get_scenario (self);
  id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_VARIANT, NULL, "variant");
  variant = zopa_variant_new (id);
  zopa_variant_set_title (variant, _("New Variant"));
  zopa_history_break_merge (self->history);
  zopa_history_insert (self->history, scenario, G_MAXUINT, variant);
  g_set_object (&self->variant, variant);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return variant;
}

ZopaVariantChange *
zopa_variant_editor_add_change (ZopaVariantEditor *self)
{
  g_autoptr(ZopaActor) actor = NULL;
  g_autoptr(ZopaVariantChange) change = NULL;

  g_return_val_if_fail (ZOPA_IS_VARIANT_EDITOR (self), NULL);

  if (self->variant == NULL)
    return NULL;
  actor = g_list_model_get_item (zopa_scenario_get_actors (get_scenario (self)), 0);
  if (actor == NULL)
    return NULL;
  /* It starts as the actor's own reservation: a change that changes nothing yet. */
  change = zopa_variant_change_new (zopa_actor_get_id (actor), NULL);
  zopa_variant_change_set_reservation (change, zopa_actor_get_reservation (actor));
  zopa_history_break_merge (self->history);
  zopa_history_insert (self->history, self->variant, G_MAXUINT, change);
  for (guint i = 0; i < self->change_widgets->len; i++)
    {
      ChangeWidgets *widgets = g_ptr_array_index (self->change_widgets, i);

      if (widgets->change == change)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widgets->row), TRUE);
    }
  return change;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  zopa_variant_editor_add_variant (ZOPA_VARIANT_EDITOR (widget));
}

static void
add_change_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  zopa_variant_editor_add_change (ZOPA_VARIANT_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZopaVariantEditor *self = ZOPA_VARIANT_EDITOR (widget);
  g_autofree char *heading = NULL;

  if (self->variant == NULL)
    return;
  zopa_history_break_merge (self->history);
  heading = g_strdup_printf (_("Delete Variant “%s”?"), variant_display_name (self->variant));
  zopa_editor_confirm_delete (GTK_WINDOW (self), self->history, self->variant, heading,
                              variant_is_shown (self, self->variant)
                              ? _("Its changes are deleted with it, and the diagram goes back to the base scenario.")
                              : _("Its changes are deleted with it."),
                              _("_Delete"));
}

/* The window */

ZopaVariant *
zopa_variant_editor_get_variant (ZopaVariantEditor *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_EDITOR (self), NULL);

  return self->variant;
}

void
zopa_variant_editor_select_variant (ZopaVariantEditor *self,
                                    const char        *variant_id)
{
  ZopaVariant *variant;

  g_return_if_fail (ZOPA_IS_VARIANT_EDITOR (self));

  variant = zopa_scenario_find_variant (get_scenario (self), variant_id);
  if (variant == NULL)
    return;
  g_set_object (&self->variant, variant);
  refresh (self);
}

ZopaVariantEditor *
zopa_variant_editor_new (GtkWindow   *parent,
                         ZopaSession *session)
{
  ZopaVariantEditor *self;
  ZopaScenario *scenario;
  ZopaVariant *shown;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = g_object_new (ZOPA_TYPE_VARIANT_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->history = g_object_ref (zopa_document_get_history (zopa_session_get_document (session)));
  scenario = zopa_session_get_scenario (session);
  zopa_editor_set_history (GTK_WINDOW (self), self->history);

  zopa_editor_follow_focus (GTK_WIDGET (self->title_row), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (self->description_view), self->history);
  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (on_description_changed), self);

  gtk_list_box_bind_model (self->variant_list, zopa_scenario_get_variants (scenario),
                           create_variant_row, self, NULL);
  g_signal_connect_object (scenario, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::variant", G_CALLBACK (sync_shown), self, G_CONNECT_SWAPPED);
  /* It opens on the variant the diagram shows, if any. */
  shown = zopa_scenario_find_variant (scenario, zopa_session_get_variant (session));
  if (shown != NULL)
    self->variant = g_object_ref (shown);
  refresh (self);
  return self;
}

ZopaVariantEditor *
zopa_variant_editor_show (GtkWindow   *parent,
                          ZopaSession *session,
                          const char  *variant_id)
{
  ZopaVariantEditor *self;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = (ZopaVariantEditor *) zopa_editor_find_open (session, EDITOR_KIND);
  if (self == NULL)
    {
      self = zopa_variant_editor_new (parent, session);
      zopa_editor_register (session, EDITOR_KIND, GTK_WINDOW (self));
    }
  if (variant_id != NULL)
    zopa_variant_editor_select_variant (self, variant_id);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
zopa_variant_editor_dispose (GObject *object)
{
  ZopaVariantEditor *self = ZOPA_VARIANT_EDITOR (object);

  g_clear_handle_id (&self->target_change_id, g_source_remove);
  if (self->variant_list != NULL)
    gtk_list_box_bind_model (self->variant_list, NULL, NULL, NULL, NULL);
  if (self->change_widgets != NULL)
    g_ptr_array_set_size (self->change_widgets, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_VARIANT_EDITOR);
  g_clear_object (&self->variant);

  G_OBJECT_CLASS (zopa_variant_editor_parent_class)->dispose (object);
}

static void
zopa_variant_editor_finalize (GObject *object)
{
  ZopaVariantEditor *self = ZOPA_VARIANT_EDITOR (object);

  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_pointer (&self->changes_key, g_free);
  g_clear_pointer (&self->change_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (zopa_variant_editor_parent_class)->finalize (object);
}

static void
zopa_variant_editor_class_init (ZopaVariantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_variant_editor_dispose;
  object_class->finalize = zopa_variant_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-variant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, variant_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, shown_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, show_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, change_list);
  gtk_widget_class_bind_template_callback (widget_class, on_variant_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clicked);

  gtk_widget_class_install_action (widget_class, "variant-editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "variant-editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "variant-editor.add-change", NULL, add_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "variant-editor.add", NULL);
  zopa_editor_class_install_actions (widget_class);
}

static void
zopa_variant_editor_init (ZopaVariantEditor *self)
{
  /* The rows own their widgets' records; this only lists them. */
  self->change_widgets = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
