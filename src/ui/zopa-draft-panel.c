/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-draft-panel.c: the selected draft — details, verdicts, what it would take, clauses */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "model/zopa-edit.h"
#include "model/zopa-settle.h"
#include "zopa-actor-dots.h"
#include "zopa-actor-swatch.h"
#include "zopa-clause-editor.h"
#include "zopa-draft-panel-private.h"
#include "zopa-history-binding.h"
#include "zopa-editor-common.h"
#include "zopa-user-text.h"

G_DEFINE_FINAL_TYPE (ZopaDraftPanel, zopa_draft_panel, GTK_TYPE_WIDGET)

static void schedule_refresh (ZopaDraftPanel *self);


ZopaHistory *
zopa_draft_panel_get_history (ZopaDraftPanel *self)
{
  return zopa_document_get_history (zopa_session_get_document (self->session));
}

ZopaScenario *
zopa_draft_panel_get_scenario (ZopaDraftPanel *self)
{
  return zopa_session_get_scenario (self->session);
}

const char *
zopa_draft_panel_draft_title (ZopaDraft *draft)
{
  const char *title = zopa_draft_get_title (draft);

  return title != NULL && *title != '\0' ? title : zopa_draft_get_id (draft);
}

/* A short reference to a clause in a sentence: "clause 21". */
static char *
clause_reference (ZopaClause *clause)
{
  const char *number = zopa_clause_get_number (clause);

  if (number != NULL && *number != '\0')
    return g_strdup_printf (_("clause %s"), number);
  return g_strdup_printf ("“%s”", zopa_clause_get_title (clause) != NULL ? zopa_clause_get_title (clause) : "");
}

/* Analysis indices */

int
zopa_draft_panel_analysis_draft_index (ZopaAnalysis *analysis,
                                       ZopaDraft    *draft)
{
  if (analysis == NULL || draft == NULL)
    return -1;
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, d), zopa_draft_get_id (draft)) == 0)
      return d;
  return -1;
}

int
zopa_draft_panel_analysis_issue_index (ZopaAnalysis *analysis,
                                       const char   *issue_id)
{
  for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_issue_id (analysis, i), issue_id) == 0)
      return i;
  return -1;
}

int
zopa_draft_panel_analysis_option_index (ZopaAnalysis *analysis,
                                        guint         issue,
                                        const char   *option_id)
{
  for (guint o = 0; o < zopa_analysis_get_n_options (analysis, issue); o++)
    if (g_strcmp0 (zopa_analysis_get_option_id (analysis, issue, o), option_id) == 0)
      return o;
  return -1;
}

gboolean
zopa_draft_panel_actor_color (ZopaDraftPanel *self,
                              ZopaAnalysis   *analysis,
                              guint           actor,
                              GdkRGBA        *color)
{
  ZopaActor *model_actor = zopa_scenario_find_actor (zopa_draft_panel_get_scenario (self), zopa_analysis_get_actor_id (analysis, actor));

  return model_actor != NULL && gdk_rgba_parse (color, zopa_actor_get_color (model_actor));
}

/* "Line of contact, Donbas ceded" — the options of an issue an actor accepts (or not). */
char *
zopa_draft_panel_option_list (ZopaAnalysis *analysis,
                              guint         actor,
                              guint         issue,
                              gboolean      accepted)
{
  GString *text = g_string_new (NULL);

  for (guint o = 0; o < zopa_analysis_get_n_options (analysis, issue); o++)
    if (zopa_analysis_actor_accepts_option (analysis, actor, issue, o) == accepted)
      {
        /* Quoted: labels are phrases with commas of their own. */
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append_printf (text, "“%s”", zopa_analysis_get_option_label (analysis, issue, o));
      }
  if (text->len == 0)
    g_string_append (text, _("nothing"));
  return g_string_free (text, FALSE);
}

/* The references to the draft's clauses that set issue, agreed ones only or all. */
char *
zopa_draft_panel_clauses_setting (ZopaDraft  *draft,
                                  const char *issue_id,
                                  gboolean    agreed_only)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      ZopaClauseStatus status = zopa_clause_get_status (clause);
      g_autofree char *reference = NULL;

      if (zopa_clause_get_set_option (clause, issue_id) == NULL || status == ZOPA_CLAUSE_DELETED
          || (agreed_only && status != ZOPA_CLAUSE_AGREED))
        continue;
      reference = clause_reference (clause);
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, reference);
    }
  return g_string_free (text, FALSE);
}

/* Header: title, date, origin, parent, notes */

static gboolean
derives_from (ZopaScenario *scenario,
              ZopaDraft    *draft,
              ZopaDraft    *ancestor)
{
  /* Bounded, so a cycle in a hand-written file cannot hang the panel. */
  for (guint depth = 0; draft != NULL && depth < 1000; depth++)
    {
      const char *parent_id;

      if (draft == ancestor)
        return TRUE;
      parent_id = zopa_draft_get_derived_from (draft);
      draft = parent_id != NULL ? zopa_scenario_find_draft (scenario, parent_id) : NULL;
    }
  return FALSE;
}

static gboolean
can_edit_draft (ZopaDraftPanel *self)
{
  return self->draft != NULL && self->session != NULL;
}

static void
on_parent_selected (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    ZopaDraftPanel *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *parent_id;

  if (!can_edit_draft (self) || selected >= self->parent_ids->len)
    return;
  parent_id = g_ptr_array_index (self->parent_ids, selected);
  zopa_history_set (zopa_draft_panel_get_history (self), self->draft, "derived-from", *parent_id != '\0' ? parent_id : NULL, NULL);
}

static void
sync_parent_row (ZopaDraftPanel *self)
{
  ZopaScenario *scenario = zopa_draft_panel_get_scenario (self);
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  g_autoptr(GString) signature = g_string_new (zopa_draft_get_id (self->draft));
  const char *parent_id = zopa_draft_get_derived_from (self->draft);
  guint selected = 0;

  /* Filling the combo in is no choice of the user's. */
  g_signal_handlers_block_by_func (self->parent_row, on_parent_selected, self);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);

      g_string_append_printf (signature, "\x1e%s\x1f%s\x1f%s", zopa_draft_get_id (draft), zopa_draft_panel_draft_title (draft),
                              zopa_draft_get_derived_from (draft));
    }

  if (g_strcmp0 (signature->str, self->parent_signature) != 0)
    {
      g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

      g_free (self->parent_signature);
      self->parent_signature = g_strdup (signature->str);
      g_ptr_array_set_size (self->parent_ids, 0);
      g_ptr_array_add (self->parent_ids, g_strdup (""));
      gtk_string_list_append (titles, C_("parent draft", "None"));
      for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
        {
          g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);

          /* A draft cannot derive from itself or from its own descendants. */
          if (derives_from (scenario, draft, self->draft))
            continue;
          g_ptr_array_add (self->parent_ids, g_strdup (zopa_draft_get_id (draft)));
          gtk_string_list_append (titles, zopa_draft_panel_draft_title (draft));
        }
      adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (titles));
    }

  for (guint i = 1; i < self->parent_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->parent_ids, i), parent_id) == 0)
      selected = i;
  if (adw_combo_row_get_selected (self->parent_row) != selected)
    adw_combo_row_set_selected (self->parent_row, selected);
  g_signal_handlers_unblock_by_func (self->parent_row, on_parent_selected, self);
}

static void
sync_header (ZopaDraftPanel *self)
{
  const char *date, *origin, *parent_id;
  ZopaDraft *parent;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (self->draft == NULL || zopa_edit_find_owner (zopa_draft_panel_get_scenario (self), self->draft) == NULL)
    return;

  zopa_user_text_set_label (self->title_label, zopa_draft_panel_draft_title (self->draft));

  date = zopa_draft_get_date (self->draft);
  origin = zopa_draft_get_origin (self->draft);
  if (date != NULL && *date != '\0')
    g_string_append (subtitle, date);
  if (origin != NULL && *origin != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", origin);
  zopa_user_text_set_label (self->subtitle_label, subtitle->str);
  zopa_user_text_set_tooltip (GTK_WIDGET (self->subtitle_label), subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);

  parent_id = zopa_draft_get_derived_from (self->draft);
  parent = parent_id != NULL ? zopa_scenario_find_draft (zopa_draft_panel_get_scenario (self), parent_id) : NULL;
  if (parent != NULL)
    {
      g_autofree char *escaped_id = g_markup_escape_text (parent_id, -1);
      g_autofree char *escaped_title = g_markup_escape_text (zopa_draft_panel_draft_title (parent), -1);
      g_autofree char *link = g_strdup_printf ("<a href=\"draft:%s\">%s</a>", escaped_id, escaped_title);
      /* Translators: %s is a link to the parent draft. */
      g_autofree char *markup = g_strdup_printf (_("Derived from %s"), link);

      gtk_label_set_markup (self->parent_label, markup);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->parent_label), parent != NULL);

  {
    const char *notes = zopa_draft_get_notes (self->draft);
    g_autofree char *first_line = NULL;

    if (notes != NULL && *notes != '\0')
      {
        const char *newline = strchr (notes, '\n');

        first_line = newline != NULL ? g_strndup (notes, newline - notes) : g_strdup (notes);
      }
    adw_expander_row_set_subtitle (self->notes_row, first_line != NULL ? first_line : _("None"));
  }
  sync_parent_row (self);
}

static gboolean
on_parent_link_activated (GtkLabel       *label,
                          const char     *uri,
                          ZopaDraftPanel *self)
{
  if (self->session != NULL && g_str_has_prefix (uri, "draft:"))
    zopa_session_set_selected_draft (self->session, uri + strlen ("draft:"));
  return TRUE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                ZopaDraftPanel          *self)
{
  if (self->session != NULL)
    zopa_history_break_merge (zopa_draft_panel_get_history (self));
}

static void
watch_focus (ZopaDraftPanel *self,
             GtkWidget      *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, controller);
}

/* Renaming inline, in the header */

static void
finish_rename (ZopaDraftPanel *self,
               gboolean        commit)
{
  g_autofree char *title = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->title_stack), "edit") != 0)
    return;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  gtk_stack_set_visible_child_name (self->title_stack, "show");
  if (commit && *title != '\0' && can_edit_draft (self))
    {
      zopa_history_set (zopa_draft_panel_get_history (self), self->draft, "title", title, NULL);
      zopa_history_break_merge (zopa_draft_panel_get_history (self));
    }
}

void
zopa_draft_panel_start_rename (ZopaDraftPanel *self)
{
  if (self->draft == NULL)
    return;
  gtk_stack_set_visible_child_name (self->page_stack, "overview");
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), zopa_draft_panel_draft_title (self->draft));
  gtk_stack_set_visible_child_name (self->title_stack, "edit");
  /* Focusing an entry selects its text, ready to be typed over. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
on_title_entry_activate (GtkEntry       *entry,
                         ZopaDraftPanel *self)
{
  finish_rename (self, TRUE);
}

static void
on_title_entry_leave (GtkEventControllerFocus *controller,
                      ZopaDraftPanel          *self)
{
  finish_rename (self, TRUE);
}

static gboolean
on_title_entry_key (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    ZopaDraftPanel        *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  finish_rename (self, FALSE);
  return TRUE;
}

static void
on_title_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  ZopaDraftPanel  *self)
{
  if (n_press == 2)
    zopa_draft_panel_start_rename (self);
}

/* The clause page */

static void
sync_clause_heading (ZopaDraftPanel *self)
{
  g_autofree char *name = NULL;
  g_autofree char *where = NULL;
  GListModel *clauses;
  guint position;

  if (self->clause == NULL || self->draft == NULL)
    return;
  clauses = zopa_draft_get_clauses (self->draft);
  position = zopa_list_model_find (clauses, self->clause);
  if (position == G_MAXUINT)
    return;
  name = zopa_clause_display_name (self->clause);
  zopa_user_text_set_label (self->clause_heading, name);
  /* Translators: "Clause 3 of 30 · Geneva 19-point framework". */
  where = g_strdup_printf (_("Clause %u of %u · %s"), position + 1, g_list_model_get_n_items (clauses),
                           zopa_draft_panel_draft_title (self->draft));
  zopa_user_text_set_label (self->clause_subheading, where);
}

void
zopa_draft_panel_show_clause (ZopaDraftPanel *self,
                              ZopaClause     *clause)
{
  g_set_object (&self->clause, clause);
  zopa_clause_editor_set_clause (self->clause_editor, clause);
  zopa_draft_panel_sync_clause_selection (self);
  if (clause != NULL)
    {
      sync_clause_heading (self);
      gtk_stack_set_visible_child_name (self->page_stack, "clause");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                  GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->clause_editor),
                                                                                GTK_TYPE_SCROLLED_WINDOW))), 0);
    }
  else
    gtk_stack_set_visible_child_name (self->page_stack, "overview");
  zopa_draft_panel_update_actions (self);
}

static void
on_clause_row_activated (GtkListBox     *list,
                         GtkListBoxRow  *row,
                         ZopaDraftPanel *self)
{
  zopa_draft_panel_show_clause (self, zopa_clause_row_get_item (ZOPA_CLAUSE_ROW (row)));
}

static void
on_back_clicked (GtkButton      *button,
                 ZopaDraftPanel *self)
{
  GtkListBoxRow *row;

  zopa_clause_editor_set_clause (self->clause_editor, NULL);
  gtk_stack_set_visible_child_name (self->page_stack, "overview");
  row = gtk_list_box_get_selected_row (self->clause_list);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  zopa_draft_panel_update_actions (self);
}

gboolean
zopa_draft_panel_editing_clause (ZopaDraftPanel *self)
{
  return self->clause != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "clause") == 0;
}

/* Following the model and the session */

static gboolean
refresh_now (gpointer user_data)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (user_data);
  ZopaAnalysis *analysis;
  int draft;

  self->refresh_id = 0;
  if (self->session == NULL || self->draft == NULL)
    return G_SOURCE_REMOVE;

  /* The clause being edited went away (deleted, or its addition undone). */
  if (self->clause != NULL && zopa_list_model_find (zopa_draft_get_clauses (self->draft), self->clause) == G_MAXUINT)
    {
      g_clear_object (&self->clause);
      zopa_clause_editor_set_clause (self->clause_editor, NULL);
      gtk_stack_set_visible_child_name (self->page_stack, "overview");
    }
  zopa_draft_panel_sync_clause_selection (self);

  analysis = zopa_session_get_analysis (self->session);
  draft = zopa_draft_panel_analysis_draft_index (analysis, self->draft);
  zopa_draft_panel_refresh_verdicts (self, analysis, draft);
  zopa_draft_panel_refresh_take (self, analysis, draft);
  zopa_draft_panel_refresh_clause_rows (self, analysis, draft);
  zopa_draft_panel_refilter_if_searching (self);
  sync_clause_heading (self);
  zopa_draft_panel_update_actions (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in groups (a fork, "Apply"): the panel shows their result once. */
static void
schedule_refresh (ZopaDraftPanel *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_now, self, NULL);
}

static void
on_clauses_changed (GListModel     *clauses,
                    guint           position,
                    guint           removed,
                    guint           added,
                    ZopaDraftPanel *self)
{
  /* Checked later: a move takes the clause out and puts it back at once. */
  schedule_refresh (self);
}

static void
set_draft (ZopaDraftPanel *self,
           ZopaDraft      *draft)
{
  if (self->draft == draft)
    return;

  finish_rename (self, FALSE);
  if (self->draft != NULL)
    {
      g_signal_handlers_disconnect_by_data (zopa_draft_get_clauses (self->draft), self);
      g_signal_handlers_disconnect_by_data (self->draft, self);
    }
  g_clear_object (&self->clause);
  zopa_clause_editor_set_clause (self->clause_editor, NULL);
  g_set_object (&self->draft, draft);
  zopa_history_binding_clear (&self->date_binding);
  zopa_history_binding_clear (&self->origin_binding);
  zopa_history_binding_clear (&self->notes_binding);
  if (draft != NULL)
    {
      ZopaHistory *history = zopa_draft_panel_get_history (self);

      zopa_history_binding_keep (&self->date_binding,
                                 zopa_history_bind (history, draft, "date", self->date_row, ZOPA_HISTORY_BIND_DEFAULT));
      zopa_history_binding_keep (&self->origin_binding,
                                 zopa_history_bind (history, draft, "origin", self->origin_row, ZOPA_HISTORY_BIND_DEFAULT));
      zopa_history_binding_keep (&self->notes_binding,
                                 zopa_history_bind (history, draft, "notes", self->notes_view,
                                                    ZOPA_HISTORY_BIND_EMPTY_IS_NULL));
    }
  g_clear_pointer (&self->parent_signature, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->clause_search), "");

  if (draft == NULL)
    {
      g_clear_object (&self->clause_rows);
      gtk_list_box_bind_model (self->clause_list, NULL, NULL, NULL, NULL);
      zopa_draft_panel_refresh_verdicts (self, NULL, -1);
      zopa_draft_panel_refresh_take (self, NULL, -1);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      zopa_draft_panel_update_actions (self);
      return;
    }

  {
    g_autoptr(GtkFilterListModel) shown = gtk_filter_list_model_new (g_object_ref (zopa_draft_get_clauses (draft)),
                                                                     g_object_ref (GTK_FILTER (self->clause_filter)));

    g_clear_object (&self->clause_rows);
    self->clause_rows = zopa_gradual_rows_bind (self->clause_list, G_LIST_MODEL (shown),
                                                zopa_draft_panel_create_clause_row, self);
    /* The open clause's row may come in a later frame. */
    g_signal_connect_object (self->clause_rows, "notify::complete",
                             G_CALLBACK (zopa_draft_panel_sync_clause_selection), self, G_CONNECT_SWAPPED);
  }
  g_signal_connect (zopa_draft_get_clauses (draft), "items-changed", G_CALLBACK (on_clauses_changed), self);
  sync_header (self);
  gtk_stack_set_visible_child_name (self->page_stack, "overview");
  gtk_stack_set_visible_child_name (self->main_stack, "draft");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->overview_scroller), 0);
  /* At once, so the panel never shows the previous draft's verdicts. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_now (self);
}

static void
on_selected_draft_changed (ZopaDraftPanel *self)
{
  const char *id = zopa_session_get_selected_draft (self->session);

  set_draft (self, id != NULL ? zopa_scenario_find_draft (zopa_draft_panel_get_scenario (self), id) : NULL);
}

static void
on_scenario_changed (ZopaDraftPanel *self)
{
  sync_header (self);
  schedule_refresh (self);
}

void
zopa_draft_panel_set_session (ZopaDraftPanel *self,
                              ZopaSession    *session)
{
  g_return_if_fail (ZOPA_IS_DRAFT_PANEL (self));
  g_return_if_fail (session == NULL || ZOPA_IS_SESSION (session));

  if (self->session == session)
    return;

  set_draft (self, NULL);
  zopa_clause_editor_set_session (self->clause_editor, NULL);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (zopa_session_get_scenario (self->session), self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  zopa_verdict_list_forget (self->verdict_list);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      zopa_clause_editor_set_session (self->clause_editor, session);
      g_signal_connect_swapped (session, "notify::selected-draft", G_CALLBACK (on_selected_draft_changed), self);
      g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (schedule_refresh), self);
      g_signal_connect_swapped (session, "notify::working", G_CALLBACK (schedule_refresh), self);
      g_signal_connect_swapped (zopa_session_get_scenario (session), "changed", G_CALLBACK (on_scenario_changed), self);
      on_selected_draft_changed (self);
    }
  zopa_draft_panel_update_actions (self);
}

gboolean
zopa_draft_panel_open_clause (ZopaDraftPanel *self,
                              const char     *clause_id)
{
  ZopaClause *clause;

  g_return_val_if_fail (ZOPA_IS_DRAFT_PANEL (self), FALSE);

  if (clause_id == NULL)
    {
      zopa_draft_panel_show_clause (self, NULL);
      return TRUE;
    }
  clause = self->draft != NULL ? zopa_draft_find_clause (self->draft, clause_id) : NULL;
  if (clause == NULL)
    return FALSE;
  zopa_draft_panel_show_clause (self, clause);
  return TRUE;
}

/* The widget */

GtkWidget *
zopa_draft_panel_new (void)
{
  return g_object_new (ZOPA_TYPE_DRAFT_PANEL, NULL);
}

static void
zopa_draft_panel_dispose (GObject *object)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (object);
  GtkWidget *child;

  zopa_draft_panel_set_session (self, NULL);
  zopa_draft_panel_cancel_take (self);
  zopa_history_binding_clear (&self->date_binding);
  zopa_history_binding_clear (&self->origin_binding);
  zopa_history_binding_clear (&self->notes_binding);
  g_clear_object (&self->take_rows);
  g_clear_object (&self->clause_rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_DRAFT_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zopa_draft_panel_parent_class)->dispose (object);
}

static void
zopa_draft_panel_finalize (GObject *object)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (object);

  g_free (self->changes);
  g_free (self->parent_signature);
  g_ptr_array_unref (self->parent_ids);
  g_object_unref (self->clause_filter);

  G_OBJECT_CLASS (zopa_draft_panel_parent_class)->finalize (object);
}

static void
zopa_draft_panel_class_init (ZopaDraftPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_draft_panel_dispose;
  object_class->finalize = zopa_draft_panel_finalize;

  g_type_ensure (ZOPA_TYPE_CLAUSE_EDITOR);
  g_type_ensure (ZOPA_TYPE_VERDICT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-draft-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, page_stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, overview_scroller);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, title_stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, parent_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, title_entry);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, verdicts_group);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, verdict_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, apply_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, take_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, clause_search);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, clause_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, origin_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, parent_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, notes_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, clause_heading);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, clause_subheading);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, verdict_strip);
  gtk_widget_class_bind_template_child (widget_class, ZopaDraftPanel, clause_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_parent_link_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_title_entry_activate);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_apply_clicked", G_CALLBACK (zopa_draft_panel_on_apply_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed", G_CALLBACK (zopa_draft_panel_on_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "zopa_draft_panel_on_build_reasons",
                                                G_CALLBACK (zopa_draft_panel_on_build_reasons));
  gtk_widget_class_bind_template_callback_full (widget_class, "zopa_draft_panel_on_try_flip",
                                                G_CALLBACK (zopa_draft_panel_on_try_flip));
  gtk_widget_class_bind_template_callback (widget_class, on_clause_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_parent_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  zopa_draft_panel_class_init_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "draftpanel");
}

static void
zopa_draft_panel_init (ZopaDraftPanel *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->parent_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->clause_filter = gtk_custom_filter_new (zopa_draft_panel_clause_matches, self, NULL);
  {
    GtkWidget *placeholder = gtk_label_new (_("No clauses"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->clause_list, placeholder);
  }

  /* Ctrl+Z belongs to the document's history, not to each field's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->date_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->origin_row), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->notes_view), FALSE);
  watch_focus (self, GTK_WIDGET (self->date_row));
  watch_focus (self, GTK_WIDGET (self->origin_row));
  watch_focus (self, GTK_WIDGET (self->notes_view));
  g_signal_connect (self->notes_view, "map", G_CALLBACK (zopa_editor_fit_text_view), NULL);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_title_entry_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), controller);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_title_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_title_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_label), GTK_EVENT_CONTROLLER (gesture));

  zopa_draft_panel_update_actions (self);
}
