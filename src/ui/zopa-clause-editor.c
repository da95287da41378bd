/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-clause-editor.c: number, title, text, status, options set, sources and lineage of a clause */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-clause-editor-private.h"
#include "zopa-clause-set-row.h"
#include "zopa-clause-source-row.h"
#include "zopa-editor-common.h"
#include "zopa-list-sync.h"
#include "zopa-user-text.h"

G_DEFINE_FINAL_TYPE (ZopaClauseEditor, zopa_clause_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLAUSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_all (ZopaClauseEditor *self);

ZopaHistory *
zopa_clause_editor_get_history (ZopaClauseEditor *self)
{
  return zopa_document_get_history (zopa_session_get_document (self->session));
}

ZopaScenario *
zopa_clause_editor_get_scenario (ZopaClauseEditor *self)
{
  return zopa_session_get_scenario (self->session);
}

/* The draft that holds the clause, or NULL when it is no longer in the scenario. */
ZopaDraft *
zopa_clause_editor_get_draft (ZopaClauseEditor *self)
{
  GObject *owner;

  if (self->session == NULL || self->clause == NULL)
    return NULL;
  owner = zopa_edit_find_owner (zopa_clause_editor_get_scenario (self), self->clause);
  return ZOPA_IS_DRAFT (owner) ? ZOPA_DRAFT (owner) : NULL;
}

gboolean
zopa_clause_editor_can_edit (ZopaClauseEditor *self)
{
  return zopa_clause_editor_get_draft (self) != NULL;
}

/* Number, title, text and status */

/* The id: checked while typed, renamed on apply with every reference to it (lineage). */
static void
on_id_changed (GtkEditable      *editable,
               ZopaClauseEditor *self)
{
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_editor_check_id_row (GTK_WIDGET (editable), zopa_clause_editor_get_scenario (self), self->clause,
                            zopa_clause_get_id (self->clause));
}

static void
on_id_apply (AdwEntryRow      *row,
             ZopaClauseEditor *self)
{
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_editor_apply_id_row (GTK_WIDGET (row), zopa_clause_editor_get_history (self), self->clause,
                            zopa_clause_get_id (self->clause));
}

static void
on_status_selected (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    ZopaClauseEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  /* Not an edit when it is the clause's status already (the row following the model). */
  if (!zopa_clause_editor_can_edit (self) || selected > ZOPA_CLAUSE_DELETED
      || selected == (guint) zopa_clause_get_status (self->clause))
    return;
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "status", (ZopaClauseStatus) selected, NULL);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                ZopaClauseEditor        *self)
{
  /* Typing after leaving a field and coming back is a new step. */
  if (self->session != NULL)
    zopa_history_break_merge (zopa_clause_editor_get_history (self));
}

static void
watch_focus (ZopaClauseEditor *self,
             GtkWidget        *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, controller);
}

/* Number, title and text follow through their bindings. */
static void
sync_fields (ZopaClauseEditor *self)
{
  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_clause_get_id (self->clause));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);

  if (adw_combo_row_get_selected (self->status_row) != (guint) zopa_clause_get_status (self->clause))
    adw_combo_row_set_selected (self->status_row, zopa_clause_get_status (self->clause));
}

/* Options set */

static GtkWidget *
create_set_row (gpointer item,
                gpointer user_data)
{
  ZopaClauseEditor *self = user_data;

  return zopa_clause_set_row_new (ZOPA_ISSUE (item), self->clause, zopa_clause_editor_get_history (self));
}

static void
show_red_lines (ZopaClauseEditor *self)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (self->session);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sets_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ZOPA_IS_CLAUSE_SET_ROW (child))
      zopa_clause_set_row_show_red_lines (ZOPA_CLAUSE_SET_ROW (child), analysis, zopa_clause_editor_get_scenario (self));
}

/* The issues the clause sets, and those it could set (which have options) to pick from. */
static void
sync_sets (ZopaClauseEditor *self)
{
  ZopaScenario *scenario = zopa_clause_editor_get_scenario (self);
  const char * const *set = zopa_clause_get_set_issues (self->clause);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  g_autoptr(GPtrArray) set_issues = g_ptr_array_new ();
  g_autoptr(GPtrArray) addable = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; set != NULL && set[i] != NULL; i++)
    {
      ZopaIssue *issue = zopa_scenario_find_issue (scenario, set[i]);

      if (issue != NULL)
        g_ptr_array_add (set_issues, issue);
    }
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);

      if (zopa_clause_get_set_option (self->clause, zopa_issue_get_id (issue)) == NULL
          && zopa_issue_get_n_options (issue) > 0)
        g_ptr_array_add (addable, g_steal_pointer (&issue));
    }
  if (zopa_list_store_show_items (self->set_issues, set_issues))
    zopa_list_box_keep_placeholder_first (self->sets_list, self->sets_placeholder);
  zopa_list_store_show_items (self->addable_issues, addable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_issue_button), addable->len > 0);
  show_red_lines (self);
}

static GtkWidget *
create_addable_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  g_object_bind_property_full (item, "title", label, "label", G_BINDING_SYNC_CREATE,
                               zopa_display_text_line_transform, NULL, NULL, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static void
on_add_issue_activated (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        ZopaClauseEditor *self)
{
  g_autoptr(ZopaIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->addable_issues),
                                                      gtk_list_box_row_get_index (row));

  gtk_popover_popdown (self->add_issue_popover);
  if (!zopa_clause_editor_can_edit (self) || issue == NULL || zopa_issue_get_n_options (issue) == 0)
    return;
  zopa_history_set_clause_option (zopa_clause_editor_get_history (self), self->clause, zopa_issue_get_id (issue),
                                  zopa_option_get_id (zopa_issue_get_option (issue, 0)));
}

/* Sources */

static void
set_clause_sources (ZopaClauseEditor   *self,
                    const char * const *source_ids)
{
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "sources", source_ids, NULL);
}

static void
on_source_row_activated (GtkListBox       *list,
                         GtkListBoxRow    *row,
                         ZopaClauseEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *url = ZOPA_IS_CLAUSE_SOURCE_ROW (row) ? zopa_clause_source_row_get_web_address (ZOPA_CLAUSE_SOURCE_ROW (row)) : NULL;

  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static GtkWidget *
create_source_row (gpointer item,
                   gpointer user_data)
{
  ZopaClauseEditor *self = user_data;

  return zopa_clause_source_row_new (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), self->clause,
                                     zopa_clause_editor_get_scenario (self), zopa_clause_editor_get_history (self));
}

static void
sync_sources (ZopaClauseEditor *self)
{
  if (zopa_string_list_show_strings (self->cited_sources, zopa_clause_get_sources (self->clause)))
    zopa_list_box_keep_placeholder_first (self->sources_list, self->sources_placeholder);
}

static void
on_source_check_toggled (GtkCheckButton   *check,
                         ZopaClauseEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(ZopaSource) source = NULL;
  const char * const *sources = zopa_clause_get_sources (self->clause);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  gboolean active = gtk_check_button_get_active (check);
  const char *source_id;

  if (!zopa_clause_editor_can_edit (self) || row == NULL)
    return;
  /* The pick list has a row per source of the scenario, in order. */
  source = g_list_model_get_item (zopa_scenario_get_sources (zopa_clause_editor_get_scenario (self)),
                                  gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  if (source == NULL)
    return;
  source_id = zopa_source_get_id (source);
  if (active == (sources != NULL && g_strv_contains (sources, source_id)))
    return;
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (g_strcmp0 (sources[i], source_id) != 0)
      g_strv_builder_add (builder, sources[i]);
  if (active)
    g_strv_builder_add (builder, source_id);
  chosen = g_strv_builder_end (builder);
  set_clause_sources (self, (const char * const *) chosen);
}

/* Filled when the popover opens: the scenario's sources, checked where the clause cites them. */
static void
on_sources_popover_show (GtkPopover       *popover,
                         ZopaClauseEditor *self)
{
  GListModel *sources;
  const char * const *cited;

  zopa_editor_remove_all_rows (self->source_pick_list);
  if (self->clause == NULL || self->session == NULL)
    return;
  sources = zopa_scenario_get_sources (zopa_clause_editor_get_scenario (self));
  cited = zopa_clause_get_sources (self->clause);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ZopaSource) source = g_list_model_get_item (sources, i);
      g_autofree char *subtitle = zopa_source_describe (source);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), zopa_source_display_title (source));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   cited != NULL && g_strv_contains (cited, zopa_source_get_id (source)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect (check, "toggled", G_CALLBACK (on_source_check_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->source_pick_list, row);
    }
}

/* "Add Source…": a new source of the scenario, cited by the clause, as one step. */

static void
on_add_source_clicked (GtkButton        *button,
                       ZopaClauseEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (self->sources_popover);
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_editor_add_source (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, zopa_clause_editor_get_history (self), self->clause,
                          _("The clause will cite the new source."));
}

/* Following the model */

static void
sync_all (ZopaClauseEditor *self)
{
  if (self->clause == NULL || self->session == NULL || zopa_clause_editor_get_draft (self) == NULL)
    return;

  sync_fields (self);
  sync_sets (self);
  sync_sources (self);
  zopa_clause_editor_sync_lineage (self);
}

static void
on_analysis_changed (ZopaClauseEditor *self)
{
  if (self->clause == NULL || zopa_clause_editor_get_draft (self) == NULL)
    return;
  show_red_lines (self);
}

/* Rows are made for one clause: another one gets rows of its own. */
static void
forget_rows (ZopaClauseEditor *self)
{
  g_list_store_remove_all (self->set_issues);
  g_list_store_remove_all (self->addable_issues);
  zopa_string_list_show_strings (self->cited_sources, NULL);
  zopa_clause_editor_forget_lineage (self);
}

void
zopa_clause_editor_set_session (ZopaClauseEditor *self,
                                ZopaSession      *session)
{
  g_return_if_fail (ZOPA_IS_CLAUSE_EDITOR (self));
  g_return_if_fail (session == NULL || ZOPA_IS_SESSION (session));

  if (self->session == session)
    return;
  zopa_clause_editor_set_clause (self, NULL);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (zopa_session_get_scenario (self->session), self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (zopa_session_get_scenario (session), "changed", G_CALLBACK (sync_all), self);
      g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (on_analysis_changed), self);
    }
}

void
zopa_clause_editor_set_clause (ZopaClauseEditor *self,
                               ZopaClause       *clause)
{
  g_return_if_fail (ZOPA_IS_CLAUSE_EDITOR (self));
  g_return_if_fail (clause == NULL || ZOPA_IS_CLAUSE (clause));
  g_return_if_fail (clause == NULL || self->session != NULL);

  if (self->clause == clause)
    return;
  /* Typing in the next clause is never merged with typing in this one. */
  if (self->session != NULL)
    zopa_history_break_merge (zopa_clause_editor_get_history (self));
  g_set_object (&self->clause, clause);
  forget_rows (self);
  zopa_history_binding_clear (&self->number_binding);
  zopa_history_binding_clear (&self->title_binding);
  zopa_history_binding_clear (&self->text_binding);

  if (clause == NULL)
    {
      zopa_editor_set_text (GTK_EDITABLE (self->number_row), NULL);
      zopa_editor_set_text (GTK_EDITABLE (self->title_row), NULL);
      zopa_editor_set_text (GTK_EDITABLE (self->id_row), NULL);
      zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
    }
  else
    {
      ZopaHistory *history = zopa_clause_editor_get_history (self);

      zopa_history_binding_keep (&self->number_binding,
                                 zopa_history_bind (history, clause, "number", self->number_row, ZOPA_HISTORY_BIND_DEFAULT));
      zopa_history_binding_keep (&self->title_binding,
                                 zopa_history_bind (history, clause, "title", self->title_row, ZOPA_HISTORY_BIND_DEFAULT));
      /* The history merges consecutive keystrokes into one step per pause. */
      zopa_history_binding_keep (&self->text_binding,
                                 zopa_history_bind (history, clause, "text", self->text_view, ZOPA_HISTORY_BIND_DEFAULT));
    }

  sync_all (self);
  on_analysis_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAUSE]);
}

ZopaClause *
zopa_clause_editor_get_clause (ZopaClauseEditor *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE_EDITOR (self), NULL);
  return self->clause;
}

GtkWidget *
zopa_clause_editor_new (void)
{
  return g_object_new (ZOPA_TYPE_CLAUSE_EDITOR, NULL);
}

static void
zopa_clause_editor_dispose (GObject *object)
{
  ZopaClauseEditor *self = ZOPA_CLAUSE_EDITOR (object);
  GtkWidget *child;

  zopa_clause_editor_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_CLAUSE_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zopa_clause_editor_parent_class)->dispose (object);
}

static void
zopa_clause_editor_finalize (GObject *object)
{
  ZopaClauseEditor *self = ZOPA_CLAUSE_EDITOR (object);

  g_clear_object (&self->set_issues);
  g_clear_object (&self->addable_issues);
  g_clear_object (&self->cited_sources);
  g_ptr_array_unref (self->lineage_clauses);
  g_ptr_array_unref (self->lineage_rows);
  g_ptr_array_unref (self->lineage_checks);

  G_OBJECT_CLASS (zopa_clause_editor_parent_class)->finalize (object);
}

static void
zopa_clause_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZopaClauseEditor *self = ZOPA_CLAUSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLAUSE:
      g_value_set_object (value, self->clause);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_editor_class_init (ZopaClauseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_clause_editor_dispose;
  object_class->finalize = zopa_clause_editor_finalize;
  object_class->get_property = zopa_clause_editor_get_property;

  properties[PROP_CLAUSE] =
    g_param_spec_object ("clause", NULL, NULL, ZOPA_TYPE_CLAUSE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-clause-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, sets_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, add_issue_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, add_issue_popover);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, add_issue_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, sources_popover);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, source_pick_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, lineage_group);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, lineage_row);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_issue_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_source_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sources_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_add_source_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clauseeditor");
}

static void
zopa_clause_editor_init (ZopaClauseEditor *self)
{
  GtkWidget *placeholder;

  self->lineage_clauses = g_ptr_array_new_with_free_func (g_object_unref);
  self->lineage_rows = g_ptr_array_new ();
  self->lineage_checks = g_ptr_array_new ();
  self->set_issues = g_list_store_new (ZOPA_TYPE_ISSUE);
  self->addable_issues = g_list_store_new (ZOPA_TYPE_ISSUE);
  self->cited_sources = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->sets_list, G_LIST_MODEL (self->set_issues), create_set_row, self, NULL);
  gtk_list_box_bind_model (self->add_issue_list, G_LIST_MODEL (self->addable_issues), create_addable_row, self, NULL);
  gtk_list_box_bind_model (self->sources_list, G_LIST_MODEL (self->cited_sources), create_source_row, self, NULL);

  placeholder = gtk_label_new (_("Sets no issue: the clause does not change the deal"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->sets_list, placeholder);
  self->sets_placeholder = placeholder;

  placeholder = gtk_label_new (_("No sources cited"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->sources_list, placeholder);
  self->sources_placeholder = placeholder;

  /* Ctrl+Z belongs to the document's history, not to each field's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->number_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->id_row), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  watch_focus (self, GTK_WIDGET (self->number_row));
  watch_focus (self, GTK_WIDGET (self->title_row));
  watch_focus (self, GTK_WIDGET (self->id_row));
  watch_focus (self, GTK_WIDGET (self->text_view));
  g_signal_connect (self->text_view, "map", G_CALLBACK (zopa_editor_fit_text_view), NULL);
}
