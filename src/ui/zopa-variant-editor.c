/* zopa-variant-editor.c: named what-ifs and the changes they make to actors' stances */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-variant-editor-private.h"

void
zopa_variant_editor_change_widgets_free (ChangeWidgets *widgets)
{
  g_clear_object (&widgets->change);
  g_clear_pointer (&widgets->option_checks, g_ptr_array_unref);
  g_clear_pointer (&widgets->option_spins, g_ptr_array_unref);
  g_free (widgets);
}

G_DEFINE_FINAL_TYPE (ZopaVariantEditor, zopa_variant_editor, ZOPA_TYPE_EDITOR_WINDOW)

static void refresh (ZopaVariantEditor *self);

ZopaScenario *
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

/* The base stance a change starts from */

ZopaActor *
zopa_variant_editor_change_actor (ZopaVariantEditor *self,
                                  ZopaVariantChange *change)
{
  return zopa_scenario_find_actor (zopa_variant_editor_get_scenario (self), zopa_variant_change_get_actor (change));
}

ZopaIssue *
zopa_variant_editor_change_issue (ZopaVariantEditor *self,
                                  ZopaVariantChange *change)
{
  const char *issue_id = zopa_variant_change_get_issue (change);

  return issue_id != NULL ? zopa_scenario_find_issue (zopa_variant_editor_get_scenario (self), issue_id) : NULL;
}

static ZopaStance *
base_stance (ZopaVariantEditor *self,
             ZopaVariantChange *change)
{
  ZopaActor *actor = zopa_variant_editor_change_actor (self, change);
  const char *issue_id = zopa_variant_change_get_issue (change);

  return actor != NULL && issue_id != NULL ? zopa_actor_find_stance (actor, issue_id) : NULL;
}

int
zopa_variant_editor_base_weight (ZopaVariantEditor *self,
                                 ZopaVariantChange *change)
{
  ZopaStance *stance = base_stance (self, change);

  return stance != NULL ? zopa_stance_get_weight (stance) : 0;
}

gboolean
zopa_variant_editor_base_accepts (ZopaVariantEditor *self,
                                  ZopaVariantChange *change,
                                  const char        *option_id)
{
  ZopaStance *stance = base_stance (self, change);

  return stance == NULL || zopa_stance_accepts_option (stance, option_id);
}

int
zopa_variant_editor_base_utility (ZopaVariantEditor *self,
                                  ZopaVariantChange *change,
                                  const char        *option_id)
{
  ZopaStance *stance = base_stance (self, change);

  return stance != NULL ? zopa_stance_get_utility (stance, option_id) : ZOPA_UTILITY_DEFAULT;
}

/* The acceptable options of issue, in its order, by base stance or by the given checks. */
GStrv
zopa_variant_editor_build_acceptable (ZopaVariantEditor *self,
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
                          : zopa_variant_editor_base_accepts (self, change, option_id);

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

  /* A variant deleted, or undone away, hands over to the first one left. */
  if (self->variant != NULL && !zopa_list_model_contains (zopa_scenario_get_variants (scenario), self->variant))
    g_clear_object (&self->variant);
  if (self->variant == NULL && g_list_model_get_n_items (variants) > 0)
    self->variant = g_list_model_get_item (variants, 0);

  self->syncing = TRUE;
  row = zopa_editor_find_row (self->variant_list, variants, self->variant);
  if (row != gtk_list_box_get_selected_row (self->variant_list))
    gtk_list_box_select_row (self->variant_list, row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "variant-editor.delete", self->variant != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "variant-editor.add-change",
                                 self->variant != NULL
                                 && g_list_model_get_n_items (zopa_scenario_get_actors (scenario)) > 0);
  if (self->variant == NULL)
    {
      g_clear_pointer (&self->zopa_variant_editor_changes_key, g_free);
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
  zopa_variant_editor_rebuild_changes (self);
  for (guint i = 0; i < self->change_widgets->len; i++)
    {
      ChangeWidgets *widgets = g_ptr_array_index (self->change_widgets, i);

      zopa_variant_editor_sync_change (self, widgets);
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

  g_return_val_if_fail (ZOPA_IS_VARIANT_EDITOR (self), NULL);

  if (self->variant == NULL)
    return NULL;
  actor = g_list_model_get_item (zopa_scenario_get_actors (zopa_variant_editor_get_scenario (self)), 0);
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

  self = (ZopaVariantEditor *) zopa_editor_window_find (session, ZOPA_TYPE_VARIANT_EDITOR);
  if (self == NULL)
    self = zopa_variant_editor_new (parent, session);
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
  g_clear_pointer (&self->zopa_variant_editor_changes_key, g_free);
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
}

static void
zopa_variant_editor_init (ZopaVariantEditor *self)
{
  /* The rows own their widgets' records; this only lists them. */
  self->change_widgets = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
