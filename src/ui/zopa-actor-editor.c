/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-actor-editor.c: an actor's name, colour, logic, reservation, sources and stances */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "model/zopa-edit.h"
#include "zopa-actor-editor.h"
#include "zopa-editor-common.h"
#include "zopa-editor-sidebar-row.h"
#include "zopa-error-dialog.h"
#include "zopa-history-binding.h"
#include "zopa-range-control.h"
#include "zopa-source-row.h"
#include "zopa-stance-group.h"
#include "zopa-user-text.h"

/* Colours for new actors, from the GNOME palette; the first one no actor uses is taken. */
static const char * const new_actor_colors[] = {
  "#1c71d8", "#2ec27e", "#e5a50a", "#c64600", "#813d9c", "#865e3c", "#c01c28", "#3d3846",
};

struct _ZopaActorEditor
{
  ZopaEditorWindow    parent_instance;

  ZopaActor          *actor;
  GPtrArray          *source_rows;    /* ZopaSourceRow, in the sources expander row */
  /* The actor's name and logic in their widgets, edited through the history. */
  ZopaActor          *bound_actor;    /* weak */
  ZopaHistoryBinding *name_binding;
  ZopaHistoryBinding *logic_binding;

  AdwWindowTitle     *window_title;
  GtkListBox         *actor_list;
  AdwLeaflet         *leaflet;
  GtkWidget          *back_button;
  GtkStack           *stack;
  AdwEntryRow        *name_row;
  AdwEntryRow        *id_row;
  GtkColorButton     *color_button;
  AdwActionRow       *reservation_row;
  ZopaRangeControl   *reservation;
  AdwExpanderRow     *sources_row;
  GtkTextView        *logic_view;
  GtkBox             *stances_box;
};

G_DEFINE_FINAL_TYPE (ZopaActorEditor, zopa_actor_editor, ZOPA_TYPE_EDITOR_WINDOW)

static void refresh (ZopaActorEditor *self);

static ZopaScenario *
get_scenario (ZopaActorEditor *self)
{
  return zopa_editor_window_get_scenario (ZOPA_EDITOR_WINDOW (self));
}

static ZopaHistory *
get_history (ZopaActorEditor *self)
{
  return zopa_editor_window_get_history (ZOPA_EDITOR_WINDOW (self));
}

static const char *
actor_display_name (ZopaActor *actor)
{
  const char *name = zopa_actor_get_name (actor);

  return name != NULL && *name != '\0' ? name : zopa_actor_get_id (actor);
}

/* The sidebar */

static GtkWidget *
create_actor_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = zopa_editor_sidebar_row_new (item);

  g_object_bind_property (item, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "id", row, "fallback-title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "color", row, "color", G_BINDING_SYNC_CREATE);
  return row;
}

static void
on_actor_row_selected (ZopaActorEditor *self,
                       GtkListBoxRow   *row)
{
  ZopaActor *actor;

  if (row == NULL)
    return;
  actor = zopa_editor_get_row_item (zopa_scenario_get_actors (get_scenario (self)), row);
  if (actor == NULL || actor == self->actor)
    return;
  zopa_history_break_merge (get_history (self));
  g_set_object (&self->actor, actor);
  refresh (self);
}

/* Stances: a group per issue, made again when the issues change. */

static void
rebuild_stances (ZopaActorEditor *self)
{
  GListModel *issues = zopa_scenario_get_issues (get_scenario (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stances_box))) != NULL)
    gtk_box_remove (self->stances_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
      GtkWidget *group = zopa_stance_group_new (get_history (self), issue);

      zopa_stance_group_set_actor (ZOPA_STANCE_GROUP (group), self->actor);
      gtk_box_append (self->stances_box, group);
    }
}

/* Sources: a row per source of the scenario, made again when the sources change. */

static void
rebuild_sources (ZopaActorEditor *self)
{
  GListModel *sources = zopa_scenario_get_sources (get_scenario (self));

  for (guint i = 0; i < self->source_rows->len; i++)
    adw_expander_row_remove (self->sources_row, g_ptr_array_index (self->source_rows, i));
  g_ptr_array_set_size (self->source_rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ZopaSource) source = g_list_model_get_item (sources, i);
      GtkWidget *row = zopa_source_row_new (get_history (self), source);

      zopa_source_row_set_actor (ZOPA_SOURCE_ROW (row), self->actor);
      adw_expander_row_add_row (self->sources_row, row);
      g_ptr_array_add (self->source_rows, row);
    }
}

static void
update_sources_subtitle (ZopaActorEditor *self)
{
  const char * const *sources = zopa_actor_get_sources (self->actor);
  guint n_cited = sources != NULL ? g_strv_length ((char **) sources) : 0;
  guint n_sources = self->source_rows->len;
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u source", "%u of %u sources",
                                                            n_sources),
                                               n_cited, n_sources);

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
  zopa_history_break_merge (get_history (self));
  zopa_editor_add_source (GTK_WINDOW (self), get_history (self), self->actor,
                          _("The actor will cite the new source."));
}

/* The reservation hint: what the actor accepts on its own, when the diagram shows it. */

static void
update_reservation_hint (ZopaActorEditor *self)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (zopa_editor_window_get_session (ZOPA_EDITOR_WINDOW (self)));
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

/* The widgets show the actor and edit it. */
static void
bind_actor (ZopaActorEditor *self)
{
  ZopaHistory *history = get_history (self);
  GtkWidget *group;

  if (self->bound_actor == self->actor)
    return;
  zopa_history_binding_clear (&self->name_binding);
  zopa_history_binding_clear (&self->logic_binding);
  g_set_weak_pointer (&self->bound_actor, self->actor);
  for (group = gtk_widget_get_first_child (GTK_WIDGET (self->stances_box)); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    zopa_stance_group_set_actor (ZOPA_STANCE_GROUP (group), self->actor);
  for (guint i = 0; i < self->source_rows->len; i++)
    zopa_source_row_set_actor (g_ptr_array_index (self->source_rows, i), self->actor);
  if (self->actor == NULL)
    return;
  zopa_history_binding_keep (&self->name_binding,
                             zopa_history_bind (history, self->actor, "name", self->name_row,
                                                ZOPA_HISTORY_BIND_DEFAULT));
  zopa_history_binding_keep (&self->logic_binding,
                             zopa_history_bind (history, self->actor, "logic", self->logic_view,
                                                ZOPA_HISTORY_BIND_DEFAULT));
}

static void
show_reservation (ZopaActorEditor *self,
                  const char      *name)
{
  /* Translators: an actor's name */
  g_autofree char *subject = g_strdup_printf (_("%s's reservation"), name);

  zopa_range_control_set_range (self->reservation, zopa_actor_get_reservation_range (self->actor));
  zopa_range_control_set_subject (self->reservation, subject);
  zopa_range_control_set_sources (self->reservation, get_scenario (self), self->actor);
}

static void
on_reservation_edited (ZopaActorEditor *self)
{
  ZopaRange before, after;

  if (self->actor == NULL)
    return;
  before = zopa_actor_get_reservation_range (self->actor);
  after = zopa_range_control_get_range (self->reservation);
  zopa_editor_separate_form_change (get_history (self), before, after);
  zopa_history_set_reservation_range (get_history (self), self->actor, after);
  zopa_editor_separate_form_change (get_history (self), before, after);
}

static void
sync_actor (ZopaActorEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GdkRGBA color, current;

  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_actor_get_id (self->actor));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
  if (gdk_rgba_parse (&color, zopa_actor_get_color (self->actor)))
    {
      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &current);
      if (!gdk_rgba_equal (&color, &current))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &color);
    }
  update_sources_subtitle (self);

  name = zopa_display_text (actor_display_name (self->actor), ZOPA_DISPLAY_TEXT_LINE);
  show_reservation (self, name);
  adw_window_title_set_subtitle (self->window_title, name);
  title = g_strdup_printf (_("Actor “%s”"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
refresh (ZopaActorEditor *self)
{
  GListModel *actors = zopa_scenario_get_actors (get_scenario (self));
  GtkListBoxRow *row;

  /* An actor deleted, or undone away, hands over to the first one left. */
  if (self->actor != NULL && !zopa_list_model_contains (actors, self->actor))
    g_clear_object (&self->actor);
  if (self->actor == NULL && g_list_model_get_n_items (actors) > 0)
    self->actor = g_list_model_get_item (actors, 0);

  bind_actor (self);
  /* Selecting the actor's row selects the actor itself: nothing more happens. */
  row = zopa_editor_find_row (self->actor_list, actors, self->actor);
  if (row != gtk_list_box_get_selected_row (self->actor_list))
    gtk_list_box_select_row (self->actor_list, row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actor-editor.remove", self->actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actor-editor.add-source", self->actor != NULL);
  if (self->actor == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Actors"));
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "editor");
  sync_actor (self);
  update_reservation_hint (self);
}

/* Editing the actor */

static void
on_id_changed (ZopaActorEditor *self)
{
  if (self->actor == NULL)
    return;
  zopa_editor_check_id_row (GTK_WIDGET (self->id_row), get_scenario (self), self->actor, zopa_actor_get_id (self->actor));
}

static void
on_id_apply (ZopaActorEditor *self)
{
  if (self->actor == NULL)
    return;
  zopa_editor_apply_id_row (GTK_WIDGET (self->id_row), get_history (self), self->actor, zopa_actor_get_id (self->actor));
}

static void
on_color_set (ZopaActorEditor *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  if (self->actor == NULL)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int) (CLAMP (rgba.red, 0, 1) * 255 + 0.5),
                           (int) (CLAMP (rgba.green, 0, 1) * 255 + 0.5),
                           (int) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5));
  zopa_history_set (get_history (self), self->actor, "color", color, NULL);
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

      zopa_error_dialog_present (GTK_WINDOW (self), body, _("Too Many Actors"));
      return FALSE;
    }

  id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_ACTOR, NULL, "actor");
  actor = zopa_actor_new (id);
  zopa_actor_set_name (actor, _("New Actor"));
  zopa_actor_set_color (actor, unused_color (scenario));
  zopa_actor_set_reservation (actor, 50);
  zopa_history_break_merge (get_history (self));
  zopa_history_insert (get_history (self), scenario, G_MAXUINT, actor);
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
  zopa_history_break_merge (get_history (self));
  heading = g_strdup_printf (_("Remove “%s”?"), actor_display_name (self->actor));
  zopa_editor_confirm_delete (GTK_WINDOW (self), get_history (self), self->actor, heading,
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
  ZopaHistory *history;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = g_object_new (ZOPA_TYPE_ACTOR_EDITOR, "transient-for", parent, "session", session, NULL);
  scenario = zopa_session_get_scenario (session);
  history = get_history (self);
  zopa_editor_follow_focus (GTK_WIDGET (self->name_row), history);
  zopa_range_control_set_upper (self->reservation, ZOPA_RESERVATION_MAX);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_from_spin (self->reservation)), history);
  zopa_editor_follow_focus (GTK_WIDGET (zopa_range_control_get_to_spin (self->reservation)), history);
  zopa_editor_follow_focus (GTK_WIDGET (self->logic_view), history);

  gtk_list_box_bind_model (self->actor_list, zopa_scenario_get_actors (scenario),
                           create_actor_row, self, NULL);
  rebuild_stances (self);
  rebuild_sources (self);
  g_signal_connect_object (zopa_scenario_get_issues (scenario), "items-changed",
                           G_CALLBACK (rebuild_stances), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zopa_scenario_get_sources (scenario), "items-changed",
                           G_CALLBACK (rebuild_sources), self, G_CONNECT_SWAPPED);
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

  self = (ZopaActorEditor *) zopa_editor_window_find (session, ZOPA_TYPE_ACTOR_EDITOR);
  if (self == NULL)
    self = zopa_actor_editor_new (parent, session);
  gtk_window_present (GTK_WINDOW (self));
  if (actor_id != NULL)
    zopa_actor_editor_select_actor (self, actor_id);
  else
    zopa_actor_editor_add_actor (self);
  zopa_editor_window_show_item (ZOPA_EDITOR_WINDOW (self));
  return self;
}

static void
zopa_actor_editor_dispose (GObject *object)
{
  ZopaActorEditor *self = ZOPA_ACTOR_EDITOR (object);

  if (self->actor_list != NULL)
    gtk_list_box_bind_model (self->actor_list, NULL, NULL, NULL, NULL);
  zopa_history_binding_clear (&self->name_binding);
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
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, reservation_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, reservation);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, sources_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, logic_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorEditor, stances_box);
  gtk_widget_class_bind_template_callback (widget_class, on_actor_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set);
  gtk_widget_class_bind_template_callback (widget_class, on_reservation_edited);

  gtk_widget_class_install_action (widget_class, "actor-editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "actor-editor.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "actor-editor.add-source", NULL, add_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "actor-editor.add", NULL);
}

static void
zopa_actor_editor_init (ZopaActorEditor *self)
{
  self->source_rows = g_ptr_array_new ();
  g_type_ensure (ZOPA_TYPE_RANGE_CONTROL);
  gtk_widget_init_template (GTK_WIDGET (self));
  zopa_editor_window_fold_list (ZOPA_EDITOR_WINDOW (self), self->leaflet, self->actor_list, self->back_button);
}
