/* zopa-actor-editor.c: an actor's name, colour, logic, reservation, sources and stances */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "model/zopa-edit.h"
#include "zopa-actor-editor.h"
#include "zopa-actor-swatch.h"
#include "zopa-editor-common.h"
#include "zopa-history-binding.h"

#define EDITOR_KIND "actors"

/* Colours for new actors, from the GNOME palette; the first one no actor uses is taken. */
static const char * const new_actor_colors[] = {
  "#1c71d8", "#2ec27e", "#e5a50a", "#c64600", "#813d9c", "#865e3c", "#c01c28", "#3d3846",
};

struct _ZopaActorEditor
{
  AdwWindow        parent_instance;

  ZopaSession     *session;
  ZopaHistory     *history;
  ZopaActor       *actor;
  /* Set while the widgets follow the model, so they do not echo edits back. */
  gboolean         syncing;
  /* What the stance rows and source rows were built for. */
  char            *stances_key;
  char            *sources_key;
  GPtrArray       *weight_spins;    /* GtkSpinButton, data "issue-id" */
  GPtrArray       *option_checks;   /* GtkCheckButton, data "issue-id", "option-id", "spin", "red-line" */
  GPtrArray       *source_checks;   /* GtkCheckButton, data "source-id" */
  GPtrArray       *source_rows;
  /* The actor's name, reservation and logic in their widgets, edited through the history. */
  ZopaActor          *bound_actor;  /* weak */
  ZopaHistoryBinding *name_binding;
  ZopaHistoryBinding *reservation_binding;
  ZopaHistoryBinding *logic_binding;

  AdwWindowTitle  *window_title;
  GtkListBox      *actor_list;
  GtkStack        *stack;
  AdwEntryRow     *name_row;
  AdwEntryRow     *id_row;
  GtkColorButton  *color_button;
  AdwActionRow    *reservation_row;
  GtkScale        *reservation_scale;
  GtkSpinButton   *reservation_spin;
  AdwExpanderRow  *sources_row;
  GtkTextView     *logic_view;
  GtkBox          *stances_box;
};

G_DEFINE_FINAL_TYPE (ZopaActorEditor, zopa_actor_editor, ADW_TYPE_WINDOW)

static void refresh (ZopaActorEditor *self);

static ZopaScenario *
get_scenario (ZopaActorEditor *self)
{
  return zopa_session_get_scenario (self->session);
}

static const char *
actor_display_name (ZopaActor *actor)
{
  const char *name = zopa_actor_get_name (actor);

  return name != NULL && *name != '\0' ? name : zopa_actor_get_id (actor);
}

/* The sidebar */

static void
update_actor_row (GtkWidget *row,
                  ZopaActor *actor)
{
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "label"), actor_display_name (actor));
}

static GtkWidget *
create_actor_row (gpointer item,
                  gpointer user_data)
{
  ZopaActor *actor = ZOPA_ACTOR (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = zopa_actor_swatch_new_for_actor (G_OBJECT (actor), 12);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (actor), g_object_unref);
  g_object_set_data (G_OBJECT (row), "label", label);
  update_actor_row (row, actor);
  g_signal_connect_object (actor, "changed", G_CALLBACK (update_actor_row), row, G_CONNECT_SWAPPED);
  return row;
}

static void
on_actor_row_selected (ZopaActorEditor *self,
                       GtkListBoxRow   *row)
{
  ZopaActor *actor;

  if (self->syncing || row == NULL)
    return;
  actor = g_object_get_data (G_OBJECT (row), "item");
  if (actor == self->actor)
    return;
  zopa_history_break_merge (self->history);
  g_set_object (&self->actor, actor);
  refresh (self);
}

/* Stances */

static ZopaStance *
ensure_stance (ZopaActorEditor *self,
               const char      *issue_id)
{
  ZopaStance *stance = zopa_actor_find_stance (self->actor, issue_id);
  g_autoptr(ZopaStance) created = NULL;

  if (stance != NULL)
    return stance;

  /* Without a stance the actor's weight on the issue is 0; a new stance starts there so
   * that the first edit changes only what the user touched. */
  created = zopa_stance_new (issue_id);
  zopa_stance_set_weight (created, 0);
  zopa_history_insert (self->history, self->actor, G_MAXUINT, created);
  return created;
}

static void
on_weight_changed (GtkSpinButton   *spin,
                   ZopaActorEditor *self)
{
  const char *issue_id = g_object_get_data (G_OBJECT (spin), "issue-id");
  int weight = gtk_spin_button_get_value_as_int (spin);
  ZopaStance *stance;

  if (self->syncing || self->actor == NULL)
    return;
  stance = zopa_actor_find_stance (self->actor, issue_id);
  if (stance != NULL)
    {
      zopa_history_set (self->history, stance, "weight", weight, NULL);
      return;
    }
  zopa_history_begin_group (self->history, _("Change Weight"));
  stance = ensure_stance (self, issue_id);
  zopa_history_set (self->history, stance, "weight", weight, NULL);
  zopa_history_end_group (self->history);
}

static void
on_utility_changed (GtkSpinButton   *spin,
                    ZopaActorEditor *self)
{
  const char *issue_id = g_object_get_data (G_OBJECT (spin), "issue-id");
  const char *option_id = g_object_get_data (G_OBJECT (spin), "option-id");
  int utility = gtk_spin_button_get_value_as_int (spin);
  ZopaStance *stance;

  if (self->syncing || self->actor == NULL)
    return;
  stance = zopa_actor_find_stance (self->actor, issue_id);
  if (stance != NULL)
    {
      zopa_history_set_utility (self->history, stance, option_id, utility);
      return;
    }
  zopa_history_begin_group (self->history, _("Change Utility"));
  stance = ensure_stance (self, issue_id);
  zopa_history_set_utility (self->history, stance, option_id, utility);
  zopa_history_end_group (self->history);
}

static void
on_acceptable_toggled (GtkCheckButton  *check,
                       ZopaActorEditor *self)
{
  const char *issue_id = g_object_get_data (G_OBJECT (check), "issue-id");
  const char *toggled_id = g_object_get_data (G_OBJECT (check), "option-id");
  ZopaIssue *issue;
  ZopaStance *stance;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) acceptable = NULL;

  if (self->syncing || self->actor == NULL)
    return;
  issue = zopa_scenario_find_issue (get_scenario (self), issue_id);
  if (issue == NULL)
    return;

  zopa_history_begin_group (self->history,
                            gtk_check_button_get_active (check) ? _("Allow Option") : _("Add Red Line"));
  stance = ensure_stance (self, issue_id);
  /* Options stay in the issue's order, whatever order they were checked in. */
  builder = g_strv_builder_new ();
  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, i));
      gboolean accepted = g_strcmp0 (option_id, toggled_id) == 0
                          ? gtk_check_button_get_active (check)
                          : zopa_stance_accepts_option (stance, option_id);

      if (accepted)
        g_strv_builder_add (builder, option_id);
    }
  acceptable = g_strv_builder_end (builder);
  zopa_edit_set_acceptable (self->history, G_OBJECT (stance), (const char * const *) acceptable);
  zopa_history_end_group (self->history);
}

static void
on_option_row_activated (GtkListBox    *list,
                         GtkListBoxRow *row,
                         gpointer       user_data)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

  if (check != NULL)
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static char *
stances_key (ZopaScenario *scenario)
{
  GListModel *issues = zopa_scenario_get_issues (scenario);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);

      g_string_append_printf (key, "%s\x1f%s\x1e", zopa_issue_get_id (issue), zopa_issue_get_title (issue));
      for (guint j = 0; j < zopa_issue_get_n_options (issue); j++)
        {
          ZopaOption *option = zopa_issue_get_option (issue, j);

          g_string_append_printf (key, "%s\x1f%s\x1e", zopa_option_get_id (option), zopa_option_get_label (option));
        }
      g_string_append_c (key, '\x1d');
    }
  return g_string_free (key, FALSE);
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
create_issue_group (ZopaActorEditor *self,
                    ZopaIssue       *issue)
{
  const char *issue_id = zopa_issue_get_id (issue);
  const char *title = zopa_issue_get_title (issue);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *weight_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *weight_label = gtk_label_new (_("Weight"));
  g_autofree char *weight_a11y = g_strdup_printf (_("Weight of “%s”"), title);
  GtkWidget *weight = create_spin (ZOPA_WEIGHT_MAX, weight_a11y);
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title != NULL && *title ? title : issue_id);
  gtk_widget_add_css_class (weight_label, "dim-label");
  gtk_box_append (GTK_BOX (weight_box), weight_label);
  gtk_box_append (GTK_BOX (weight_box), weight);
  gtk_widget_set_valign (weight_box, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), weight_box);
  g_object_set_data_full (G_OBJECT (weight), "issue-id", g_strdup (issue_id), g_free);
  zopa_editor_follow_focus (weight, self->history);
  g_signal_connect (weight, "value-changed", G_CALLBACK (on_weight_changed), self);
  g_ptr_array_add (self->weight_spins, weight);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_option_row_activated), NULL);

  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      ZopaOption *option = zopa_issue_get_option (issue, i);
      const char *label = zopa_option_get_label (option);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *text = gtk_label_new (label != NULL && *label ? label : zopa_option_get_id (option));
      GtkWidget *red_line = gtk_label_new (_("Red line"));
      g_autofree char *utility_a11y = g_strdup_printf (_("Utility of “%s”"), gtk_label_get_text (GTK_LABEL (text)));
      GtkWidget *utility = create_spin (ZOPA_UTILITY_MAX, utility_a11y);

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_tooltip_text (check, _("Acceptable; unchecked, the option is a red line"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (text)), -1);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_add_css_class (red_line, "caption");
      gtk_widget_add_css_class (red_line, "error");
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), red_line);
      gtk_box_append (GTK_BOX (box), utility);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);

      g_object_set_data_full (G_OBJECT (check), "issue-id", g_strdup (issue_id), g_free);
      g_object_set_data_full (G_OBJECT (check), "option-id", g_strdup (zopa_option_get_id (option)), g_free);
      g_object_set_data (G_OBJECT (check), "spin", utility);
      g_object_set_data (G_OBJECT (check), "red-line", red_line);
      g_object_set_data_full (G_OBJECT (utility), "issue-id", g_strdup (issue_id), g_free);
      g_object_set_data_full (G_OBJECT (utility), "option-id", g_strdup (zopa_option_get_id (option)), g_free);
      zopa_editor_follow_focus (utility, self->history);
      g_signal_connect (check, "toggled", G_CALLBACK (on_acceptable_toggled), self);
      g_signal_connect (utility, "value-changed", G_CALLBACK (on_utility_changed), self);
      g_ptr_array_add (self->option_checks, check);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return group;
}

static void
rebuild_stances (ZopaActorEditor *self)
{
  ZopaScenario *scenario = get_scenario (self);
  g_autofree char *key = stances_key (scenario);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  GtkWidget *child;

  if (g_strcmp0 (key, self->stances_key) == 0)
    return;
  g_free (self->stances_key);
  self->stances_key = g_steal_pointer (&key);

  g_ptr_array_set_size (self->weight_spins, 0);
  g_ptr_array_set_size (self->option_checks, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stances_box))) != NULL)
    gtk_box_remove (self->stances_box, child);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);

      gtk_box_append (self->stances_box, create_issue_group (self, issue));
    }
}

static void
sync_stances (ZopaActorEditor *self)
{
  for (guint i = 0; i < self->weight_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->weight_spins, i);
      ZopaStance *stance = zopa_actor_find_stance (self->actor, g_object_get_data (G_OBJECT (spin), "issue-id"));

      zopa_editor_set_spin_value (spin, stance != NULL ? zopa_stance_get_weight (stance) : 0);
    }
  for (guint i = 0; i < self->option_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->option_checks, i);
      const char *option_id = g_object_get_data (G_OBJECT (check), "option-id");
      ZopaStance *stance = zopa_actor_find_stance (self->actor, g_object_get_data (G_OBJECT (check), "issue-id"));
      gboolean accepted = stance == NULL || zopa_stance_accepts_option (stance, option_id);
      int utility = stance != NULL ? zopa_stance_get_utility (stance, option_id) : ZOPA_UTILITY_DEFAULT;

      gtk_check_button_set_active (check, accepted);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (check), "red-line"), !accepted);
      zopa_editor_set_spin_value (g_object_get_data (G_OBJECT (check), "spin"), utility);
    }
}

/* Sources */

static void
on_source_toggled (GtkCheckButton  *check,
                   ZopaActorEditor *self)
{
  const char *source_id = g_object_get_data (G_OBJECT (check), "source-id");
  const char * const *sources;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) new_sources = NULL;

  if (self->syncing || self->actor == NULL)
    return;
  /* Kept in the order they were added: removing one leaves the others where they are. */
  builder = g_strv_builder_new ();
  sources = zopa_actor_get_sources (self->actor);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (g_strcmp0 (sources[i], source_id) != 0)
      g_strv_builder_add (builder, sources[i]);
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (builder, source_id);
  new_sources = g_strv_builder_end (builder);
  zopa_history_set (self->history, self->actor, "sources", new_sources, NULL);
}

static char *
sources_key (ZopaScenario *scenario)
{
  GListModel *sources = zopa_scenario_get_sources (scenario);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ZopaSource) source = g_list_model_get_item (sources, i);

      g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f%s\x1e", zopa_source_get_id (source),
                              zopa_source_get_title (source), zopa_source_get_publisher (source),
                              zopa_source_get_date (source));
    }
  return g_string_free (key, FALSE);
}

static void
rebuild_sources (ZopaActorEditor *self)
{
  ZopaScenario *scenario = get_scenario (self);
  g_autofree char *key = sources_key (scenario);
  GListModel *sources = zopa_scenario_get_sources (scenario);

  if (g_strcmp0 (key, self->sources_key) == 0)
    return;
  g_free (self->sources_key);
  self->sources_key = g_steal_pointer (&key);

  g_ptr_array_set_size (self->source_checks, 0);
  for (guint i = 0; i < self->source_rows->len; i++)
    adw_expander_row_remove (self->sources_row, g_ptr_array_index (self->source_rows, i));
  g_ptr_array_set_size (self->source_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ZopaSource) source = g_list_model_get_item (sources, i);
      const char *title = zopa_source_get_title (source);
      const char *publisher = zopa_source_get_publisher (source);
      const char *date = zopa_source_get_date (source);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (publisher != NULL && *publisher && date != NULL && *date)
        subtitle = g_strdup_printf ("%s · %s", publisher, date);
      else
        subtitle = g_strdup (publisher != NULL && *publisher ? publisher : date);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     title != NULL && *title ? title : zopa_source_get_id (source));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "source-id", g_strdup (zopa_source_get_id (source)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_source_toggled), self);
      adw_expander_row_add_row (self->sources_row, row);
      g_ptr_array_add (self->source_checks, check);
      g_ptr_array_add (self->source_rows, row);
    }
}

static void
sync_sources (ZopaActorEditor *self)
{
  const char * const *sources = zopa_actor_get_sources (self->actor);
  guint n_sources = sources != NULL ? g_strv_length ((char **) sources) : 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->source_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->source_checks, i);
      const char *source_id = g_object_get_data (G_OBJECT (check), "source-id");

      gtk_check_button_set_active (check, sources != NULL && g_strv_contains (sources, source_id));
    }
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u source", "%u of %u sources",
                                           self->source_checks->len),
                              n_sources, self->source_checks->len);
  adw_expander_row_set_subtitle (self->sources_row, subtitle);
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaActorEditor *self = ZOPA_ACTOR_EDITOR (widget);

  if (self->actor == NULL)
    return;
  zopa_history_break_merge (self->history);
  zopa_editor_add_source (GTK_WINDOW (self), self->history, self->actor,
                          _("The actor will cite the new source."));
}

/* The reservation hint: what the actor accepts on its own, when the diagram shows it. */

static void
update_reservation_hint (ZopaActorEditor *self)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (self->session);
  g_autofree char *hint = NULL;
  int index = -1;

  if (self->actor == NULL)
    return;
  for (guint i = 0; analysis != NULL && i < zopa_analysis_get_n_actors (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, i), zopa_actor_get_id (self->actor)) == 0)
      index = i;

  if (index < 0)
    hint = g_strdup (_("The lowest score of a deal it accepts"));
  else
    {
      const ZopaRegion *region = zopa_analysis_get_region (analysis, 1u << index);
      double deal_space = zopa_analysis_get_deal_space (analysis);
      g_autofree char *count = zopa_format_count (region->inclusive, TRUE);
      g_autofree char *share = zopa_format_share (region->inclusive, deal_space);
      const char *variant = zopa_analysis_get_variant_title (analysis);

      if (region->inclusive_empty)
        hint = g_strdup (_("On its own it accepts no deal at all"));
      else if (region->exact)
        /* Translators: a count of deals, then a share such as "0.24 %" */
        hint = g_strdup_printf (_("On its own it accepts %s deals, %s of all"), count, share);
      else
        /* Translators: an estimated count of deals, then a share such as "0.24 %" */
        hint = g_strdup_printf (_("On its own it accepts about %s deals, %s of all"), count, share);
      if (zopa_analysis_get_variant_id (analysis) != NULL)
        {
          /* Translators: a hint, then a variant title */
          g_autofree char *with_variant = g_strdup_printf (_("%s, in “%s”"), hint, variant);
          g_free (hint);
          hint = g_steal_pointer (&with_variant);
        }
    }
  adw_action_row_set_subtitle (self->reservation_row, hint);
}

/* Following the model */

static void
bind_actor (ZopaActorEditor *self)
{
  if (self->bound_actor == self->actor)
    return;
  zopa_history_binding_clear (&self->name_binding);
  zopa_history_binding_clear (&self->reservation_binding);
  zopa_history_binding_clear (&self->logic_binding);
  g_set_weak_pointer (&self->bound_actor, self->actor);
  if (self->actor == NULL)
    return;
  zopa_history_binding_keep (&self->name_binding,
                             zopa_history_bind (self->history, self->actor, "name", self->name_row,
                                                ZOPA_HISTORY_BIND_DEFAULT));
  zopa_history_binding_keep (&self->reservation_binding,
                             zopa_history_bind (self->history, self->actor, "reservation",
                                                gtk_spin_button_get_adjustment (self->reservation_spin),
                                                ZOPA_HISTORY_BIND_DEFAULT));
  zopa_history_binding_keep (&self->logic_binding,
                             zopa_history_bind (self->history, self->actor, "logic", self->logic_view,
                                                ZOPA_HISTORY_BIND_DEFAULT));
}

static void
sync_actor (ZopaActorEditor *self)
{
  g_autofree char *title = NULL;
  GdkRGBA color, current;

  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_actor_get_id (self->actor));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
  if (gdk_rgba_parse (&color, zopa_actor_get_color (self->actor)))
    {
      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &current);
      if (!gdk_rgba_equal (&color, &current))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &color);
    }
  sync_sources (self);
  sync_stances (self);

  adw_window_title_set_subtitle (self->window_title, actor_display_name (self->actor));
  title = g_strdup_printf (_("Actor “%s”"), actor_display_name (self->actor));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
refresh (ZopaActorEditor *self)
{
  ZopaScenario *scenario = get_scenario (self);
  GListModel *actors = zopa_scenario_get_actors (scenario);
  GtkListBoxRow *row;

  /* An actor deleted, or undone away, hands over to the first one left. */
  if (self->actor != NULL && !zopa_list_model_contains (zopa_scenario_get_actors (scenario), self->actor))
    g_clear_object (&self->actor);
  if (self->actor == NULL && g_list_model_get_n_items (actors) > 0)
    self->actor = g_list_model_get_item (actors, 0);

  bind_actor (self);
  self->syncing = TRUE;
  row = self->actor != NULL ? zopa_editor_find_row (self->actor_list, self->actor) : NULL;
  if (row != gtk_list_box_get_selected_row (self->actor_list))
    gtk_list_box_select_row (self->actor_list, row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actor-editor.remove", self->actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actor-editor.add-source", self->actor != NULL);
  if (self->actor == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Actors"));
      self->syncing = FALSE;
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "editor");
  rebuild_sources (self);
  rebuild_stances (self);
  sync_actor (self);
  update_reservation_hint (self);
  self->syncing = FALSE;
}

/* Editing the actor */

static void
on_id_changed (ZopaActorEditor *self)
{
  if (self->syncing || self->actor == NULL)
    return;
  zopa_editor_check_id_row (GTK_WIDGET (self->id_row), get_scenario (self), self->actor, zopa_actor_get_id (self->actor));
}

static void
on_id_apply (ZopaActorEditor *self)
{
  if (self->actor == NULL)
    return;
  zopa_editor_apply_id_row (GTK_WIDGET (self->id_row), self->history, self->actor, zopa_actor_get_id (self->actor));
}

static void
on_color_set (ZopaActorEditor *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  if (self->syncing || self->actor == NULL)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int) (CLAMP (rgba.red, 0, 1) * 255 + 0.5),
                           (int) (CLAMP (rgba.green, 0, 1) * 255 + 0.5),
                           (int) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5));
  zopa_history_set (self->history, self->actor, "color", color, NULL);
}

/* Adding and removing actors */

static const char *
unused_color (ZopaScenario *scenario)
{
  GListModel *actors = zopa_scenario_get_actors (scenario);

  for (guint c = 0; c < G_N_ELEMENTS (new_actor_colors); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (actors) && !used; i++)
        {
          g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);

          used = g_ascii_strcasecmp (zopa_actor_get_color (actor), new_actor_colors[c]) == 0;
        }
      if (!used)
        return new_actor_colors[c];
    }
  return new_actor_colors[0];
}

gboolean
zopa_actor_editor_add_actor (ZopaActorEditor *self)
{
  ZopaScenario *scenario;
  g_autofree char *id = NULL;
  g_autoptr(ZopaActor) actor = NULL;

  g_return_val_if_fail (ZOPA_IS_ACTOR_EDITOR (self), FALSE);

  scenario = get_scenario (self);
  if (g_list_model_get_n_items (zopa_scenario_get_actors (scenario)) >= ZOPA_MAX_ACTORS)
    {
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "A scenario has at most %d actor, so that every overlap of their acceptable deals can be drawn. Remove an actor before adding another.",
                                                            "A scenario has at most %d actors, so that every overlap of their acceptable deals can be drawn. Remove an actor before adding another.",
                                                            ZOPA_MAX_ACTORS),
                                               ZOPA_MAX_ACTORS);

      zopa_editor_show_message (GTK_WINDOW (self), _("Too Many Actors"), body);
      return FALSE;
    }

  id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_ACTOR, NULL, "actor");
  actor = zopa_actor_new (id);
  zopa_actor_set_name (actor, _("New Actor"));
  zopa_actor_set_color (actor, unused_color (scenario));
  zopa_actor_set_reservation (actor, 50);
  zopa_history_break_merge (self->history);
  zopa_history_insert (self->history, scenario, G_MAXUINT, actor);
  g_set_object (&self->actor, actor);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  zopa_actor_editor_add_actor (ZOPA_ACTOR_EDITOR (widget));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZopaActorEditor *self = ZOPA_ACTOR_EDITOR (widget);
  g_autofree char *heading = NULL;

  if (self->actor == NULL)
    return;
  zopa_history_break_merge (self->history);
  heading = g_strdup_printf (_("Remove “%s”?"), actor_display_name (self->actor));
  zopa_editor_confirm_delete (GTK_WINDOW (self), self->history, self->actor, heading,
                              _("Its stances on every issue are removed with it. Drafts do not refer to actors."),
                              _("_Remove"));
}

/* The window */

ZopaActor *
zopa_actor_editor_get_actor (ZopaActorEditor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR_EDITOR (self), NULL);

  return self->actor;
}

void
zopa_actor_editor_select_actor (ZopaActorEditor *self,
                                const char      *actor_id)
{
  ZopaActor *actor;

  g_return_if_fail (ZOPA_IS_ACTOR_EDITOR (self));

  actor = zopa_scenario_find_actor (get_scenario (self), actor_id);
  if (actor == NULL)
    return;
  g_set_object (&self->actor, actor);
  refresh (self);
}

ZopaActorEditor *
zopa_actor_editor_new (GtkWindow   *parent,
                       ZopaSession *session)
{
  ZopaActorEditor *self;
  ZopaScenario *scenario;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = g_object_new (ZOPA_TYPE_ACTOR_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->history = g_object_ref (zopa_document_get_history (zopa_session_get_document (session)));
  scenario = zopa_session_get_scenario (session);
  zopa_editor_set_history (GTK_WINDOW (self), self->history);

  zopa_editor_follow_focus (GTK_WIDGET (self->name_row), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (self->reservation_spin), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (self->reservation_scale), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (self->logic_view), self->history);

  gtk_list_box_bind_model (self->actor_list, zopa_scenario_get_actors (scenario),
                           create_actor_row, self, NULL);
  g_signal_connect_object (scenario, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::analysis", G_CALLBACK (update_reservation_hint),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

ZopaActorEditor *
zopa_actor_editor_show (GtkWindow   *parent,
                        ZopaSession *session,
                        const char  *actor_id)
{
  ZopaActorEditor *self;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = (ZopaActorEditor *) zopa_editor_find_open (session, EDITOR_KIND);
  if (self == NULL)
    {
      self = zopa_actor_editor_new (parent, session);
      zopa_editor_register (session, EDITOR_KIND, GTK_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (self));
  if (actor_id != NULL)
    zopa_actor_editor_select_actor (self, actor_id);
  else
    zopa_actor_editor_add_actor (self);
  return self;
}

static void
zopa_actor_editor_dispose (GObject *object)
{
  ZopaActorEditor *self = ZOPA_ACTOR_EDITOR (object);

  if (self->actor_list != NULL)
    gtk_list_box_bind_model (self->actor_list, NULL, NULL, NULL, NULL);
  zopa_history_binding_clear (&self->name_binding);
  zopa_history_binding_clear (&self->reservation_binding);
  zopa_history_binding_clear (&self->logic_binding);
  g_clear_weak_pointer (&self->bound_actor);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_ACTOR_EDITOR);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (zopa_actor_editor_parent_class)->dispose (object);
}

static void
zopa_actor_editor_finalize (GObject *object)
{
  ZopaActorEditor *self = ZOPA_ACTOR_EDITOR (object);

  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_pointer (&self->stances_key, g_free);
  g_clear_pointer (&self->sources_key, g_free);
  g_clear_pointer (&self->weight_spins, g_ptr_array_unref);
  g_clear_pointer (&self->option_checks, g_ptr_array_unref);
  g_clear_pointer (&self->source_checks, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (zopa_actor_editor_parent_class)->finalize (object);
}

static void
zopa_actor_editor_class_init (ZopaActorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_actor_editor_dispose;
  object_class->finalize = zopa_actor_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-actor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, actor_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, reservation_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, reservation_scale);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, reservation_spin);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, sources_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, logic_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, stances_box);
  gtk_widget_class_bind_template_callback (widget_class, on_actor_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set);

  gtk_widget_class_install_action (widget_class, "actor-editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "actor-editor.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "actor-editor.add-source", NULL, add_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "actor-editor.add", NULL);
  zopa_editor_class_install_actions (widget_class);
}

static void
zopa_actor_editor_init (ZopaActorEditor *self)
{
  self->weight_spins = g_ptr_array_new ();
  self->option_checks = g_ptr_array_new ();
  self->source_checks = g_ptr_array_new ();
  self->source_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
