/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-window.c: the main window — one scenario document, its file actions and views */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-actor-editor.h"
#include "zopa-assumptions-window.h"
#include "zopa-compare-window.h"
#include "zopa-error-dialog.h"
#include "zopa-export.h"
#include "zopa-issue-editor.h"
#include "zopa-recent-files.h"
#include "zopa-user-text.h"
#include "zopa-variant-editor.h"
#include "zopa-window-private.h"

G_DEFINE_FINAL_TYPE (ZopaWindow, zopa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_RECENT_FILES,
  PROP_RECOVERY_STORE,
  PROP_DRAFT_PANEL_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Title */

static void
update_title (ZopaWindow *self)
{
  ZopaScenario *scenario = zopa_document_get_scenario (self->document);
  g_autofree char *display_name = zopa_document_dup_display_name (self->document);
  g_autofree char *title = NULL;
  g_autofree char *shown_title = NULL;
  g_autofree char *shown_name = NULL;
  const char *scenario_title = zopa_scenario_get_title (scenario);

  if (scenario_title == NULL || *scenario_title == '\0')
    scenario_title = _("Untitled Scenario");

  /* The dot marks unsaved changes, as in GNOME Text Editor. */
  if (zopa_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", scenario_title);
  else
    title = g_strdup (scenario_title);

  shown_title = zopa_display_text (title, ZOPA_DISPLAY_TEXT_LINE);
  shown_name = zopa_display_text (display_name, ZOPA_DISPLAY_TEXT_LINE);
  adw_window_title_set_title (self->window_title, shown_title);
  adw_window_title_set_subtitle (self->window_title, shown_name);
  gtk_window_set_title (GTK_WINDOW (self), shown_title);
}


/* The diagram's choices: view and mode are the session's properties as actions; the variant,
 * whose base scenario is NULL in the session and '' in the menu, a stateful action. */

/* The base scenario is the empty string. */
static void
change_variant_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  ZopaWindow *self = ZOPA_WINDOW (user_data);
  const char *id = g_variant_get_string (value, NULL);

  zopa_session_set_variant (self->session, *id ? id : NULL);
}

static const GActionEntry diagram_action_entries[] = {
  { "variant", NULL, "s", "''", change_variant_state },
};

/* Property actions of the session in view, replaced with the session. */
static void
add_session_actions (ZopaWindow *self)
{
  g_autoptr(GPropertyAction) view = g_property_action_new ("view", self->session, "view");
  g_autoptr(GPropertyAction) mode = g_property_action_new ("mode", self->session, "mode");
  g_autoptr(GPropertyAction) first = g_property_action_new ("pair-first", self->session, "pair-first");
  g_autoptr(GPropertyAction) second = g_property_action_new ("pair-second", self->session, "pair-second");

  g_action_map_add_action (G_ACTION_MAP (self->diagram_actions), G_ACTION (view));
  g_action_map_add_action (G_ACTION_MAP (self->diagram_actions), G_ACTION (mode));
  g_action_map_add_action (G_ACTION_MAP (self->diagram_actions), G_ACTION (first));
  g_action_map_add_action (G_ACTION_MAP (self->diagram_actions), G_ACTION (second));
}

/* The issue map has no modes. */
static gboolean
view_has_modes (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == ZOPA_DIAGRAM_VIEW_VENN);
  return TRUE;
}

/* The pair chooser belongs to the bargaining view. */
static gboolean
view_has_pair (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == ZOPA_DIAGRAM_VIEW_BARGAINING);
  return TRUE;
}

static void
sync_diagram_actions (ZopaWindow *self)
{
  GActionMap *map = G_ACTION_MAP (self->diagram_actions);
  const char *variant_id = zopa_session_get_variant (self->session);
  ZopaVariant *variant = NULL;
  g_autofree char *accessible = NULL;

  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "variant")),
                             g_variant_new_string (variant_id ? variant_id : ""));

  if (variant_id != NULL)
    variant = zopa_scenario_find_variant (zopa_session_get_scenario (self->session), variant_id);
  gtk_label_set_label (self->variant_label, variant ? zopa_variant_get_title (variant) : _("Base Scenario"));
  /* Translators: %s is the title of a variant, or "Base Scenario". */
  accessible = g_strdup_printf (_("Variant: %s"),
                                variant ? zopa_variant_get_title (variant) : _("Base Scenario"));
  zopa_user_text_set_accessible_label (GTK_WIDGET (self->variant_button), accessible);
}

static void
rebuild_variant_menu (ZopaWindow *self)
{
  GListModel *variants = zopa_scenario_get_variants (zopa_session_get_scenario (self->session));
  g_autoptr(GMenuItem) base = g_menu_item_new (_("Base Scenario"), NULL);

  g_menu_remove_all (self->variant_section);
  g_menu_item_set_action_and_target_value (base, "diagram.variant", g_variant_new_string (""));
  g_menu_append_item (self->variant_section, base);
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ZopaVariant) variant = g_list_model_get_item (variants, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (zopa_variant_get_title (variant), NULL);

      g_menu_item_set_action_and_target_value (item, "diagram.variant",
                                               g_variant_new_string (zopa_variant_get_id (variant)));
      g_menu_append_item (self->variant_section, item);
    }
  sync_diagram_actions (self);
}

/* The document */

static void
update_undo_actions (ZopaWindow *self)
{
  ZopaHistory *history = zopa_document_get_history (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", zopa_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", zopa_history_get_can_redo (history));
}

/* Editors and comparison windows work on this window's session: they belong to the
 * application (so its shortcuts work there), and go with the window or its document. */
static void
adopt_child_windows (ZopaWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self)
        && !ADW_IS_MESSAGE_DIALOG (l->data)
        && gtk_window_get_application (l->data) == NULL)
      {
        gtk_window_set_application (l->data, gtk_window_get_application (GTK_WINDOW (self)));
        gtk_window_set_destroy_with_parent (l->data, TRUE);
      }
}

static void
close_child_windows (ZopaWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self) && !ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

/* The recovery store keeps this window's unsaved changes a few seconds after each edit. */
static void
attach_recovery_store (ZopaWindow *self)
{
  if (self->document != NULL && self->recovery_store != NULL)
    zopa_document_set_recovery_store (self->document, self->recovery_store);
}

void
zopa_window_set_document (ZopaWindow   *self,
                          ZopaDocument *document)
{
  if (self->document != NULL)
    close_child_windows (self);
  g_set_object (&self->document, document);
  attach_recovery_store (self);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->scenario_signals, zopa_document_get_scenario (document));
  g_signal_group_set_target (self->history_signals, zopa_document_get_history (document));
  update_undo_actions (self);

  g_clear_pointer (&self->mode_binding, g_binding_unbind);
  g_clear_pointer (&self->pair_binding, g_binding_unbind);
  g_clear_object (&self->session);
  self->session = zopa_session_new (document);
  add_session_actions (self);
  self->mode_binding = g_object_bind_property_full (self->session, "view", self->mode_box, "sensitive",
                                                    G_BINDING_SYNC_CREATE, view_has_modes, NULL, NULL, NULL);
  self->pair_binding = g_object_bind_property_full (self->session, "view", self->pair_chooser, "visible",
                                                    G_BINDING_SYNC_CREATE, view_has_pair, NULL, NULL, NULL);
  zopa_pair_chooser_set_session (self->pair_chooser, self->session);
  g_signal_group_set_target (self->session_signals, self->session);

  zopa_sidebar_set_session (self->sidebar, self->session);
  zopa_draft_panel_set_session (self->draft_panel, self->session);
  zopa_diagram_area_set_session (self->diagram_area, self->session);
  rebuild_variant_menu (self);
  update_title (self);
  zopa_window_update_disk_banner (self);
}

/* The handlers follow the document in view from one to the next. */
static void
connect_document_signals (ZopaWindow *self)
{
  self->document_signals = g_signal_group_new (ZOPA_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::file", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::disk-state",
                                  G_CALLBACK (zopa_window_update_disk_banner), self);

  self->scenario_signals = g_signal_group_new (ZOPA_TYPE_SCENARIO);
  g_signal_group_connect_swapped (self->scenario_signals, "changed", G_CALLBACK (update_title), self);

  self->history_signals = g_signal_group_new (ZOPA_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo", G_CALLBACK (update_undo_actions), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo", G_CALLBACK (update_undo_actions), self);

  self->session_signals = g_signal_group_new (ZOPA_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::variant", G_CALLBACK (sync_diagram_actions), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::analysis", G_CALLBACK (rebuild_variant_menu), self);
}

ZopaDocument *
zopa_window_get_document (ZopaWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_WINDOW (self), NULL);
  return self->document;
}


static void
close_confirmed (ZopaWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ZopaWindow       *self)
{
  if (g_str_equal (response, "discard"))
    {
      g_autoptr(GError) error = NULL;

      if (!zopa_document_discard_recovery (self->document, &error))
        g_warning ("The recovery copy of the discarded changes stays: %s", error->message);
      self->close_confirmed = TRUE;
    }
  else if (g_str_equal (response, "save") && zopa_document_get_file (self->document) != NULL)
    self->close_confirmed = zopa_window_save_to (self, NULL);
  else if (g_str_equal (response, "save"))
    zopa_window_save_as_then (self, close_confirmed);
}

/* Closes the window once the dialog is gone, so the dialog never outlives its parent. */
static void
on_unsaved_dialog_destroyed (ZopaWindow *self)
{
  if (self->close_confirmed)
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
zopa_window_close_request (GtkWindow *window)
{
  ZopaWindow *self = ZOPA_WINDOW (window);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->document == NULL || !zopa_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (zopa_window_parent_class)->close_request (window);

  if (self->close_dialog != NULL)
    {
      gtk_window_present (self->close_dialog);
      return TRUE;
    }

  name = zopa_document_dup_display_name (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
  self->close_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_dialog);
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_unsaved_dialog_destroyed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_export_show_dialog (GTK_WINDOW (self), self->session);
}

static void
copy_diagram_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!zopa_export_copy_to_clipboard (self->session, gtk_widget_get_clipboard (widget), &error))
    zopa_error_dialog_present (GTK_WINDOW (self), error->message, _("Could Not Copy the Diagram"));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Diagram copied")));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_export_print (GTK_WINDOW (self), self->session);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_history_undo (zopa_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_history_redo (zopa_document_get_history (self->document));
}

/* The editors: a parameter names the object, an empty one means "the first" or "a new one". */
static const char *
parameter_id (GVariant *parameter)
{
  const char *id = parameter ? g_variant_get_string (parameter, NULL) : "";

  return *id ? id : NULL;
}

static void
edit_actor_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  const char *id = parameter_id (parameter);
  GListModel *actors = zopa_scenario_get_actors (zopa_session_get_scenario (self->session));
  g_autoptr(ZopaActor) first = NULL;

  /* Without a name, the editor opens on the first actor rather than adding one. */
  if (id == NULL && g_list_model_get_n_items (actors) > 0)
    {
      first = g_list_model_get_item (actors, 0);
      id = zopa_actor_get_id (first);
    }
  zopa_actor_editor_show (GTK_WINDOW (self), self->session, id);
  adopt_child_windows (self);
}

static void
add_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_actor_editor_show (GTK_WINDOW (self), self->session, NULL);
  adopt_child_windows (self);
}

static void
edit_issue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_issue_editor_show (GTK_WINDOW (self), self->session, parameter_id (parameter));
  adopt_child_windows (self);
}

static void
edit_variant_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_variant_editor_show (GTK_WINDOW (self), self->session, parameter_id (parameter));
  adopt_child_windows (self);
}

/* Draft operations live in the draft panel; the window's menu reaches them through it. */
static void
draft_operation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  const char *operation = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strconcat ("draft.", operation, NULL);

  zopa_window_set_draft_panel_shown (self, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->draft_panel), name, NULL);
}

static void
toggle_draft_panel_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_window_set_draft_panel_shown (self, !zopa_window_get_draft_panel_shown (self));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  zopa_compare_window_show (GTK_WINDOW (self), self->session, NULL, NULL);
  adopt_child_windows (self);
}

/* What hinges on the value selected in the Assumptions window, picked out in the diagram. */
static void
on_assumption_highlight (ZopaWindow            *self,
                         GParamSpec            *pspec,
                         ZopaAssumptionsWindow *assumptions)
{
  const guint *masks, *drafts;
  guint n_masks, n_drafts;

  zopa_assumptions_window_get_highlight (assumptions, &masks, &n_masks, &drafts, &n_drafts);
  zopa_diagram_area_set_highlight (self->diagram_area, masks, n_masks, drafts, n_drafts);
}

static void
assumptions_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  ZopaAssumptionsWindow *assumptions = zopa_assumptions_window_show (GTK_WINDOW (self), self->session);

  g_signal_handlers_disconnect_by_func (assumptions, on_assumption_highlight, self);
  g_signal_connect_object (assumptions, "notify::highlight", G_CALLBACK (on_assumption_highlight), self,
                           G_CONNECT_SWAPPED);
  adopt_child_windows (self);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
zopa_window_dispose (GObject *object)
{
  ZopaWindow *self = ZOPA_WINDOW (object);

  close_child_windows (self);
  if (self->close_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->close_dialog), (gpointer *) &self->close_dialog);
  self->close_dialog = NULL;
  g_clear_pointer (&self->mode_binding, g_binding_unbind);
  g_clear_pointer (&self->pair_binding, g_binding_unbind);
  zopa_window_files_dispose (self);
  zopa_window_storyboard_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_WINDOW);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->scenario_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->diagram_actions);
  g_clear_object (&self->recovery_store);
  g_clear_object (&self->recent_files);

  G_OBJECT_CLASS (zopa_window_parent_class)->dispose (object);
}

static void
zopa_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZopaWindow *self = ZOPA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, zopa_window_get_loading (self));
      break;
    case PROP_RECENT_FILES:
      g_value_set_object (value, self->recent_files);
      break;
    case PROP_RECOVERY_STORE:
      g_value_set_object (value, self->recovery_store);
      break;
    case PROP_DRAFT_PANEL_SHOWN:
      g_value_set_boolean (value, zopa_window_get_draft_panel_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The Open Recent menu shows the recent files' menu, or nothing without them. */
static void
set_recent_files (ZopaWindow      *self,
                  ZopaRecentFiles *recent_files)
{
  if (!g_set_object (&self->recent_files, recent_files))
    return;
  g_menu_remove_all (self->recent_section);
  if (recent_files != NULL)
    g_menu_append_section (self->recent_section, NULL, zopa_recent_files_get_menu (recent_files));
}

static void
zopa_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZopaWindow *self = ZOPA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RECENT_FILES:
      set_recent_files (self, g_value_get_object (value));
      break;
    case PROP_RECOVERY_STORE:
      if (g_set_object (&self->recovery_store, g_value_get_object (value)))
        attach_recovery_store (self);
      break;
    case PROP_DRAFT_PANEL_SHOWN:
      zopa_window_set_draft_panel_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_window_class_init (ZopaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zopa_window_dispose;
  object_class->get_property = zopa_window_get_property;
  object_class->set_property = zopa_window_set_property;
  window_class->close_request = zopa_window_close_request;

  /* Whether a file is being read for the window, which shows that meanwhile. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Where opened and saved files are noted; its menu is the window's Open Recent. */
  properties[PROP_RECENT_FILES] =
    g_param_spec_object ("recent-files", NULL, NULL, ZOPA_TYPE_RECENT_FILES,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Where the window's unsaved changes are kept for recovery. */
  properties[PROP_RECOVERY_STORE] =
    g_param_spec_object ("recovery-store", NULL, NULL, ZOPA_TYPE_RECOVERY_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Whether the selected draft's panel is in view: beside the diagram, or in its place when
   * the window is narrow. */
  properties[PROP_DRAFT_PANEL_SHOWN] =
    g_param_spec_boolean ("draft-panel-shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, loading_box);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, drop_highlight);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, disk_banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, disk_save_as_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, detail_leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, diagram_page);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, diagram_controls);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, toolbar_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, draft_panel);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, diagram_area);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, variant_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, variant_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, mode_box);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, pair_chooser);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, variant_section);
  gtk_widget_class_bind_template_child (widget_class, ZopaWindow, recent_section);
  zopa_window_files_class_init (widget_class);
  zopa_window_layout_class_init (widget_class);
  zopa_window_reveal_class_init (widget_class);
  zopa_window_storyboard_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-diagram", NULL, copy_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-draft-panel", NULL, toggle_draft_panel_action);
  gtk_widget_class_install_action (widget_class, "win.draft", "s", draft_operation_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.assumptions", NULL, assumptions_action);
  gtk_widget_class_install_action (widget_class, "win.edit-actor", "s", edit_actor_action);
  gtk_widget_class_install_action (widget_class, "win.add-actor", NULL, add_actor_action);
  gtk_widget_class_install_action (widget_class, "win.edit-issue", "s", edit_issue_action);
  gtk_widget_class_install_action (widget_class, "win.edit-variant", "s", edit_variant_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-diagram", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.assumptions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_CONTROL_MASK, "win.toggle-draft-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.draft", "s", "new");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.draft", "s", "fork");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "diagram.view", "s", "venn");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "diagram.view", "s", "issue-map");

  g_type_ensure (ZOPA_TYPE_SIDEBAR);
  g_type_ensure (ZOPA_TYPE_DRAFT_PANEL);
  g_type_ensure (ZOPA_TYPE_DIAGRAM_AREA);
  g_type_ensure (ZOPA_TYPE_PAIR_CHOOSER);
}

static void
zopa_window_init (ZopaWindow *self)
{
  g_autoptr(ZopaDocument) document = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  connect_document_signals (self);
  zopa_window_files_init (self);
  zopa_window_layout_init (self);
  zopa_window_storyboard_init (self);

  self->diagram_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->diagram_actions), diagram_action_entries,
                                   G_N_ELEMENTS (diagram_action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "diagram", G_ACTION_GROUP (self->diagram_actions));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  document = zopa_document_new_builtin ();
  zopa_window_set_document (self, document);
}

ZopaWindow *
zopa_window_new (GtkApplication *application)
{
  return g_object_new (ZOPA_TYPE_WINDOW, "application", application, NULL);
}

void
zopa_window_add_toast (ZopaWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (ZOPA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

ZopaWindow *
zopa_window_new_for_document (GtkApplication *application,
                              ZopaDocument   *document)
{
  ZopaWindow *self = zopa_window_new (application);

  g_return_val_if_fail (ZOPA_IS_DOCUMENT (document), self);
  zopa_window_set_document (self, document);
  return self;
}
