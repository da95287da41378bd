/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-variant-editor.c: named what-ifs and the changes they make to actors' stances */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-editor-sidebar-row.h"
#include "zopa-variant-change-row.h"
#include "zopa-variant-editor-private.h"
#include "zopa-user-text.h"

G_DEFINE_FINAL_TYPE (ZopaVariantEditor, zopa_variant_editor, ZOPA_TYPE_EDITOR_WINDOW)

static void refresh (ZopaVariantEditor *self);

static ZopaScenario *
zopa_variant_editor_get_scenario (ZopaVariantEditor *self)
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

/* The sidebar */

/* "3 changes · shown": the count changes without a notify of the variant. */
static void
update_variant_row (ZopaVariantEditor    *self,
                    ZopaEditorSidebarRow *row)
{
  ZopaVariant *variant = zopa_editor_sidebar_row_get_item (row);
  guint n_changes = g_list_model_get_n_items (zopa_variant_get_changes (variant));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes),
                                            n_changes);
  g_autofree char *subtitle = NULL;

  if (variant_is_shown (self, variant))
    /* Translators: a count of changes, then that the variant is on the diagram */
    subtitle = g_strdup_printf (_("%s · shown"), count);
  g_object_set (row, "subtitle", subtitle != NULL ? subtitle : count, NULL);
}

static GtkWidget *
create_variant_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = zopa_editor_sidebar_row_new (item);

  g_object_bind_property (item, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "id", row, "fallback-title", G_BINDING_SYNC_CREATE);
  update_variant_row (user_data, ZOPA_EDITOR_SIDEBAR_ROW (row));
  return row;
}

/* Called on every change of the scenario (through refresh) and of the variant shown. */
static void
update_variant_rows (ZopaVariantEditor *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->variant_list, i)) != NULL; i++)
    update_variant_row (self, ZOPA_EDITOR_SIDEBAR_ROW (row));
}

static void
on_variant_row_selected (ZopaVariantEditor *self,
                         GtkListBoxRow     *row)
{
  ZopaVariant *variant;

  /* The selection following the editor's variant is no choice of the user's. */
  if (row == NULL)
    return;
  variant = zopa_editor_get_row_item (zopa_scenario_get_variants (zopa_variant_editor_get_scenario (self)), row);
  if (variant == NULL || variant == self->variant)
    return;
  zopa_history_break_merge (self->history);
  g_set_object (&self->variant, variant);
  refresh (self);
}

/* The changes */

static void
on_change_row_expanded (AdwExpanderRow    *row,
                        GParamSpec        *pspec,
                        ZopaVariantEditor *self)
{
  ZopaVariantChange *change = zopa_variant_change_row_get_item (ZOPA_VARIANT_CHANGE_ROW (row));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded_changes, g_object_ref (change));
  else
    g_hash_table_remove (self->expanded_changes, change);
}

static GtkWidget *
create_change_row (gpointer item,
                   gpointer user_data)
{
  ZopaVariantEditor *self = user_data;
  GtkWidget *row = zopa_variant_change_row_new (ZOPA_VARIANT_CHANGE (item), zopa_variant_editor_get_scenario (self),
                                                self->history);

  /* Rows stay open across a move, an undo or a redo. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded_changes, item));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_change_row_expanded), self, 0);
  return row;
}

/* The change list shows the changes of the editor's variant: rows come and go with them. */
static void
show_changes (ZopaVariantEditor *self)
{
  GListModel *changes = self->variant != NULL ? zopa_variant_get_changes (self->variant) : NULL;

  if (changes == self->shown_changes)
    return;
  g_set_object (&self->shown_changes, changes);
  gtk_list_box_bind_model (self->change_list, changes, changes != NULL ? create_change_row : NULL, self, NULL);
}

/* The editor's variant in the fields: title and description follow through bindings. */
static void
bind_variant_fields (ZopaVariantEditor *self)
{
  /* The old bindings go first, or they would take the new variant's text for an edit. */
  zopa_history_binding_clear (&self->title_binding);
  zopa_history_binding_clear (&self->description_binding);
  self->bound_variant = self->variant;
  if (self->variant == NULL)
    return;
  zopa_history_binding_keep (&self->title_binding,
                             zopa_history_bind (self->history, self->variant, "title", self->title_row,
                                                ZOPA_HISTORY_BIND_DEFAULT));
  zopa_history_binding_keep (&self->description_binding,
                             zopa_history_bind (self->history, self->variant, "description", self->description_view,
                                                ZOPA_HISTORY_BIND_DEFAULT));
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

  shown = shown_id != NULL ? zopa_scenario_find_variant (zopa_variant_editor_get_scenario (self), shown_id) : NULL;
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
  ZopaScenario *scenario = zopa_variant_editor_get_scenario (self);
  GListModel *variants = zopa_scenario_get_variants (scenario);
  GtkListBoxRow *row;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  /* A variant deleted, or undone away, hands over to the first one left. */
  if (self->variant != NULL && !zopa_list_model_contains (variants, self->variant))
    g_clear_object (&self->variant);
  if (self->variant == NULL && g_list_model_get_n_items (variants) > 0)
    self->variant = g_list_model_get_item (variants, 0);

  row = zopa_editor_find_row (self->variant_list, variants, self->variant);
  if (row != gtk_list_box_get_selected_row (self->variant_list))
    gtk_list_box_select_row (self->variant_list, row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "variant-editor.delete", self->variant != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "variant-editor.add-change",
                                 self->variant != NULL
                                 && g_list_model_get_n_items (zopa_scenario_get_actors (scenario)) > 0);
  /* A binding ends with its variant, so a new variant at an old address is never missed. */
  if (self->variant != self->bound_variant || self->title_binding == NULL)
    bind_variant_fields (self);
  show_changes (self);
  if (self->variant == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Variants"));
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "editor");
  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_variant_get_id (self->variant));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
  sync_shown (self);

  name = zopa_display_text (variant_display_name (self->variant), ZOPA_DISPLAY_TEXT_LINE);
  adw_window_title_set_subtitle (self->window_title, name);
  title = g_strdup_printf (_("Variant “%s”"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Editing the variant */

static void
on_id_changed (ZopaVariantEditor *self)
{
  if (self->variant == NULL)
    return;
  zopa_editor_check_id_row (GTK_WIDGET (self->id_row), zopa_variant_editor_get_scenario (self), self->variant, zopa_variant_get_id (self->variant));
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

  scenario = zopa_variant_editor_get_scenario (self);
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
  ZopaRange reservation;

  g_return_val_if_fail (ZOPA_IS_VARIANT_EDITOR (self), NULL);

  if (self->variant == NULL)
    return NULL;
  actor = g_list_model_get_item (zopa_scenario_get_actors (zopa_variant_editor_get_scenario (self)), 0);
  if (actor == NULL)
    return NULL;
  /* It starts as the actor's own reservation: a change that changes nothing yet. */
  change = zopa_variant_change_new (zopa_actor_get_id (actor), NULL);
  reservation = zopa_actor_get_reservation_range (actor);
  if (reservation.ranged)
    zopa_variant_change_set_reservation_range (change, reservation.low, reservation.high);
  else
    zopa_variant_change_set_reservation (change, reservation.low);
  zopa_history_break_merge (self->history);
  /* Its row opens. */
  g_hash_table_add (self->expanded_changes, g_object_ref (change));
  zopa_history_insert (self->history, self->variant, G_MAXUINT, change);
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

  variant = zopa_scenario_find_variant (zopa_variant_editor_get_scenario (self), variant_id);
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

  self = g_object_new (ZOPA_TYPE_VARIANT_EDITOR, "transient-for", parent, "session", session, NULL);
  self->session = g_object_ref (session);
  self->history = g_object_ref (zopa_editor_window_get_history (ZOPA_EDITOR_WINDOW (self)));
  scenario = zopa_session_get_scenario (session);

  zopa_editor_follow_focus (GTK_WIDGET (self->title_row), self->history);
  zopa_editor_follow_focus (GTK_WIDGET (self->description_view), self->history);

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

  self = (ZopaVariantEditor *) zopa_editor_window_find (session, ZOPA_TYPE_VARIANT_EDITOR);
  if (self == NULL)
    self = zopa_variant_editor_new (parent, session);
  if (variant_id != NULL)
    {
      zopa_variant_editor_select_variant (self, variant_id);
      zopa_editor_window_show_item (ZOPA_EDITOR_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
zopa_variant_editor_dispose (GObject *object)
{
  ZopaVariantEditor *self = ZOPA_VARIANT_EDITOR (object);

  zopa_history_binding_clear (&self->title_binding);
  zopa_history_binding_clear (&self->description_binding);
  if (self->variant_list != NULL)
    gtk_list_box_bind_model (self->variant_list, NULL, NULL, NULL, NULL);
  if (self->change_list != NULL)
    gtk_list_box_bind_model (self->change_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown_changes);
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
  g_clear_pointer (&self->expanded_changes, g_hash_table_unref);

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
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, shown_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, show_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantEditor, change_list);
  gtk_widget_class_bind_template_callback (widget_class, on_variant_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clicked);

  gtk_widget_class_install_action (widget_class, "variant-editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "variant-editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "variant-editor.add-change", NULL, add_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "variant-editor.add", NULL);
}

static void
zopa_variant_editor_init (ZopaVariantEditor *self)
{
  self->expanded_changes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  zopa_editor_window_fold_list (ZOPA_EDITOR_WINDOW (self), self->leaflet, self->variant_list, self->back_button);
}
