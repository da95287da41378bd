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
#include "zopa-draft-panel.h"
#include "zopa-editor-common.h"

struct _ZopaDraftPanel
{
  GtkWidget         parent_instance;

  ZopaSession      *session;
  ZopaDraft        *draft;
  /* The clause open in the editor, or the one last opened: where new clauses go. */
  ZopaClause       *clause;
  /* Set while the widgets follow the model, so they do not echo edits back. */
  gboolean          syncing;
  guint             refresh_id;

  /* Verdict flips: the verdicts under the last analysis seen, and those the change to
   * the current one flipped (actor id → verdict + 1). They stay until the next change. */
  ZopaAnalysis     *seen_analysis;
  char             *seen_draft_id;
  GHashTable       *seen_verdicts;
  GHashTable       *flipped;
  /* What the verdict rows were built from: they are rebuilt only when it changes. */
  char             *verdicts_signature;
  /* Verdict rows the user opened, by actor id, kept open across rebuilds. */
  GHashTable       *expanded;

  /* "What would it take", for the Apply button. */
  ZopaClauseChange *changes;
  guint             n_changes;

  /* The draft ids behind the "Derived From" combo, "" first for none. */
  GPtrArray        *parent_ids;
  char             *parent_signature;

  /* The undo depth right after a clause was deleted, for the toast's Undo. */
  guint             delete_undo_depth;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *main_stack;
  GtkStack         *page_stack;
  GtkScrolledWindow *overview_scroller;
  GtkStack         *title_stack;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *parent_label;
  GtkEntry         *title_entry;
  AdwPreferencesGroup *verdicts_group;
  GtkListBox       *verdict_list;
  GtkButton        *apply_button;
  GtkListBox       *take_list;
  GtkSearchEntry   *clause_search;
  GtkListBox       *clause_list;
  /* The list box ignores filter functions once bound to a model: it shows this one. */
  GtkCustomFilter  *clause_filter;
  AdwEntryRow      *date_row;
  AdwEntryRow      *origin_row;
  AdwComboRow      *parent_row;
  AdwExpanderRow   *notes_row;
  GtkTextView      *notes_view;
  GtkLabel         *clause_heading;
  GtkLabel         *clause_subheading;
  GtkGrid          *verdict_strip;
  ZopaClauseEditor *clause_editor;
};

G_DEFINE_FINAL_TYPE (ZopaDraftPanel, zopa_draft_panel, GTK_TYPE_WIDGET)

static void schedule_refresh (ZopaDraftPanel *self);
static void open_clause (ZopaDraftPanel *self, ZopaClause *clause);
static void update_actions (ZopaDraftPanel *self);


static ZopaHistory *
get_history (ZopaDraftPanel *self)
{
  return zopa_document_get_history (zopa_session_get_document (self->session));
}

static ZopaScenario *
get_scenario (ZopaDraftPanel *self)
{
  return zopa_session_get_scenario (self->session);
}

static const char *
draft_title (ZopaDraft *draft)
{
  const char *title = zopa_draft_get_title (draft);

  return title != NULL && *title != '\0' ? title : zopa_draft_get_id (draft);
}

static char *
clause_name (ZopaClause *clause)
{
  const char *number = zopa_clause_get_number (clause);
  const char *title = zopa_clause_get_title (clause);
  gboolean has_number = number != NULL && *number != '\0';
  gboolean has_title = title != NULL && *title != '\0';

  if (has_number && has_title)
    return g_strdup_printf ("%s · %s", number, title);
  if (has_number)
    /* Translators: a clause without a title, by its number. */
    return g_strdup_printf (_("Clause %s"), number);
  if (has_title)
    return g_strdup (title);
  return g_strdup (_("Untitled Clause"));
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

static const char *
status_label (ZopaClauseStatus status)
{
  switch (status)
    {
    case ZOPA_CLAUSE_AGREED:
      return C_("clause status", "Agreed");
    case ZOPA_CLAUSE_BRACKETED:
      return C_("clause status", "Bracketed");
    case ZOPA_CLAUSE_DELETED:
    default:
      return C_("clause status", "Deleted");
    }
}

/* Analysis indices */

static int
analysis_draft_index (ZopaAnalysis *analysis,
                      ZopaDraft    *draft)
{
  if (analysis == NULL || draft == NULL)
    return -1;
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, d), zopa_draft_get_id (draft)) == 0)
      return d;
  return -1;
}

static int
analysis_issue_index (ZopaAnalysis *analysis,
                      const char   *issue_id)
{
  for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_issue_id (analysis, i), issue_id) == 0)
      return i;
  return -1;
}

static int
analysis_option_index (ZopaAnalysis *analysis,
                       guint         issue,
                       const char   *option_id)
{
  for (guint o = 0; o < zopa_analysis_get_n_options (analysis, issue); o++)
    if (g_strcmp0 (zopa_analysis_get_option_id (analysis, issue, o), option_id) == 0)
      return o;
  return -1;
}

static gboolean
actor_color (ZopaDraftPanel *self,
             ZopaAnalysis   *analysis,
             guint           actor,
             GdkRGBA        *color)
{
  ZopaActor *model_actor = zopa_scenario_find_actor (get_scenario (self), zopa_analysis_get_actor_id (analysis, actor));

  return model_actor != NULL && gdk_rgba_parse (color, zopa_actor_get_color (model_actor));
}

/* "Line of contact, Donbas ceded" — the options of an issue an actor accepts (or not). */
static char *
option_list (ZopaAnalysis *analysis,
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
static char *
clauses_setting (ZopaDraft  *draft,
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

static void
sync_parent_row (ZopaDraftPanel *self)
{
  ZopaScenario *scenario = get_scenario (self);
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  g_autoptr(GString) signature = g_string_new (zopa_draft_get_id (self->draft));
  const char *parent_id = zopa_draft_get_derived_from (self->draft);
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);

      g_string_append_printf (signature, "\x1e%s\x1f%s\x1f%s", zopa_draft_get_id (draft), draft_title (draft),
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
          gtk_string_list_append (titles, draft_title (draft));
        }
      adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (titles));
    }

  for (guint i = 1; i < self->parent_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->parent_ids, i), parent_id) == 0)
      selected = i;
  if (adw_combo_row_get_selected (self->parent_row) != selected)
    adw_combo_row_set_selected (self->parent_row, selected);
}

static void
sync_header (ZopaDraftPanel *self)
{
  const char *date, *origin, *parent_id;
  ZopaDraft *parent;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (self->draft == NULL || zopa_edit_find_owner (get_scenario (self), self->draft) == NULL)
    return;

  self->syncing = TRUE;
  gtk_label_set_text (self->title_label, draft_title (self->draft));

  date = zopa_draft_get_date (self->draft);
  origin = zopa_draft_get_origin (self->draft);
  if (date != NULL && *date != '\0')
    g_string_append (subtitle, date);
  if (origin != NULL && *origin != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", origin);
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);

  parent_id = zopa_draft_get_derived_from (self->draft);
  parent = parent_id != NULL ? zopa_scenario_find_draft (get_scenario (self), parent_id) : NULL;
  if (parent != NULL)
    {
      g_autofree char *escaped_id = g_markup_escape_text (parent_id, -1);
      g_autofree char *escaped_title = g_markup_escape_text (draft_title (parent), -1);
      g_autofree char *link = g_strdup_printf ("<a href=\"draft:%s\">%s</a>", escaped_id, escaped_title);
      /* Translators: %s is a link to the parent draft. */
      g_autofree char *markup = g_strdup_printf (_("Derived from %s"), link);

      gtk_label_set_markup (self->parent_label, markup);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->parent_label), parent != NULL);

  zopa_editor_set_text (GTK_EDITABLE (self->date_row), date);
  zopa_editor_set_text (GTK_EDITABLE (self->origin_row), origin);
  zopa_editor_set_view_text (self->notes_view, zopa_draft_get_notes (self->draft));
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
  self->syncing = FALSE;
}

static gboolean
can_edit_draft (ZopaDraftPanel *self)
{
  return !self->syncing && self->draft != NULL && self->session != NULL;
}

static void
on_date_changed (GtkEditable    *editable,
                 ZopaDraftPanel *self)
{
  if (can_edit_draft (self))
    zopa_history_set (get_history (self), self->draft, "date", gtk_editable_get_text (editable), NULL);
}

static void
on_origin_changed (GtkEditable    *editable,
                   ZopaDraftPanel *self)
{
  if (can_edit_draft (self))
    zopa_history_set (get_history (self), self->draft, "origin", gtk_editable_get_text (editable), NULL);
}

static void
on_notes_changed (GtkTextBuffer  *buffer,
                  ZopaDraftPanel *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!can_edit_draft (self))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  zopa_history_set (get_history (self), self->draft, "notes", *text != '\0' ? text : NULL, NULL);
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
  zopa_history_set (get_history (self), self->draft, "derived-from", *parent_id != '\0' ? parent_id : NULL, NULL);
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
    zopa_history_break_merge (get_history (self));
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
      zopa_history_set (get_history (self), self->draft, "title", title, NULL);
      zopa_history_break_merge (get_history (self));
    }
}

static void
start_rename (ZopaDraftPanel *self)
{
  if (self->draft == NULL)
    return;
  gtk_stack_set_visible_child_name (self->page_stack, "overview");
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), draft_title (self->draft));
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
    start_rename (self);
}

/* Verdicts */

static GtkWidget *
new_pill (const char *text,
          const char *style,
          const char *kind)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style);
  if (kind != NULL)
    gtk_widget_add_css_class (label, kind);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
new_verdict_pill (ZopaVerdict verdict)
{
  GtkWidget *pill = new_pill (zopa_format_verdict_title (verdict), "verdict-pill", zopa_verdict_to_string (verdict));

  gtk_widget_set_name (pill, "verdict-pill");
  return pill;
}

/* "was Rejects", or NULL when the last change did not flip the actor's verdict. */
static GtkWidget *
new_flip_badge (ZopaDraftPanel *self,
                const char     *actor_id)
{
  gpointer was;
  GtkWidget *badge;
  g_autofree char *text = NULL;

  if (!g_hash_table_lookup_extended (self->flipped, actor_id, NULL, &was))
    return NULL;
  /* Translators: a badge on a verdict the last edit changed; %s is the verdict before it. */
  text = g_strdup_printf (_("was %s"), zopa_format_verdict_title (GPOINTER_TO_INT (was) - 1));
  badge = new_pill (text, "flip-badge", NULL);
  gtk_widget_set_name (badge, "flip-badge");
  gtk_widget_set_tooltip_text (badge, _("The last change flipped this verdict"));
  return badge;
}

static GtkWidget *
new_actor_dot (ZopaDraftPanel *self,
               ZopaAnalysis   *analysis,
               guint           actor)
{
  ZopaActor *model_actor = zopa_scenario_find_actor (get_scenario (self), zopa_analysis_get_actor_id (analysis, actor));
  GtkWidget *swatch = zopa_actor_swatch_new (10);

  if (model_actor != NULL)
    zopa_actor_swatch_set_color (ZOPA_ACTOR_SWATCH (swatch), zopa_actor_get_color (model_actor));
  return swatch;
}

static GtkWidget *
new_reason_row (const char *icon_name,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static char *
score_summary (const ZopaDraftVerdict *verdict,
               guint                   n_open)
{
  g_autofree char *best = NULL;
  g_autofree char *worst = NULL;
  g_autofree char *score = NULL;

  if (!verdict->has_score)
    return g_strdup (_("No weights: only red lines count"));
  if (n_open == 0)
    {
      score = zopa_format_score (verdict->score);
      /* Translators: a score out of 100 and the reservation it must reach. */
      return g_strdup_printf (_("Score %s, needs %d"), score, verdict->reservation);
    }
  best = zopa_format_score (verdict->best_score);
  worst = zopa_format_score (verdict->worst_score);
  /* Translators: the lowest and highest score over a draft's open issues, and the reservation. */
  return g_strdup_printf (_("Score %s–%s, needs %d"), worst, best, verdict->reservation);
}

static void
on_verdict_expanded (AdwExpanderRow *row,
                     GParamSpec     *pspec,
                     ZopaDraftPanel *self)
{
  const char *actor_id = g_object_get_data (G_OBJECT (row), "actor-id");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (actor_id));
  else
    g_hash_table_remove (self->expanded, actor_id);
}

static GtkWidget *
create_verdict_row (ZopaDraftPanel *self,
                    ZopaAnalysis   *analysis,
                    guint           draft,
                    guint           actor)
{
  const ZopaDraftVerdict *verdict = zopa_analysis_get_verdict (analysis, draft, actor);
  const char *actor_id = zopa_analysis_get_actor_id (analysis, actor);
  guint n_open = 0;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *name = g_strdup_printf ("verdict-%s", actor_id);
  g_autofree char *description = NULL;
  GtkWidget *row, *suffix, *badge;

  zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);

  /* The red lines the draft crosses, and the clauses that cross them. */
  for (guint v = 0; v < verdict->n_violations; v++)
    {
      const ZopaViolation *violation = &verdict->violations[v];
      const char *issue_id = zopa_analysis_get_issue_id (analysis, violation->issue);
      g_autofree char *title = g_strdup_printf ("%s: %s", zopa_analysis_get_issue_title (analysis, violation->issue),
                                                zopa_analysis_get_option_label (analysis, violation->issue, violation->option));
      g_autofree char *accepts = option_list (analysis, actor, violation->issue, TRUE);
      g_autofree char *clauses = clauses_setting (self->draft, issue_id, TRUE);
      g_autofree char *text = NULL;

      if (*clauses != '\0')
        /* Translators: "Crossed by clause 21 · accepts only “Line of contact”". */
        text = g_strdup_printf (_("Crossed by %s · accepts only %s"), clauses, accepts);
      else
        text = g_strdup_printf (_("Accepts only %s"), accepts);
      g_ptr_array_add (reasons, new_reason_row ("dialog-error-symbolic", title, text));
    }

  /* Open issues where some completion crosses a red line. */
  for (guint r = 0; r < verdict->n_open_red_lines; r++)
    {
      guint issue = verdict->open_red_lines[r];
      const char *issue_id = zopa_analysis_get_issue_id (analysis, issue);
      /* Translators: an issue no agreed clause of the draft fixes. */
      g_autofree char *title = g_strdup_printf (_("Open: %s"), zopa_analysis_get_issue_title (analysis, issue));
      g_autofree char *accepts = option_list (analysis, actor, issue, TRUE);
      g_autofree char *clauses = clauses_setting (self->draft, issue_id, FALSE);
      g_autofree char *text = NULL;

      if (*clauses != '\0')
        /* Translators: "Left open by clause 21 · accepts only “Line of contact”". */
        text = g_strdup_printf (_("Left open by %s · accepts only %s"), clauses, accepts);
      else
        text = g_strdup_printf (_("Accepts only %s"), accepts);
      g_ptr_array_add (reasons, new_reason_row ("dialog-question-symbolic", title, text));
    }

  /* A score that falls short: the reason when no red line is. */
  if (verdict->has_score && verdict->worst_score * 1.0 < verdict->reservation
      && verdict->n_violations == 0)
    {
      g_autofree char *worst = zopa_format_score (n_open > 0 ? verdict->worst_score : verdict->score);
      g_autofree char *text = NULL;

      if (verdict->best_score < verdict->reservation)
        text = g_strdup_printf (_("Even its best completion scores below %d"), verdict->reservation);
      else
        text = g_strdup_printf (_("Some completions score as low as %s"), worst);
      g_ptr_array_add (reasons, new_reason_row ("dialog-warning-symbolic", _("Below its reservation"), text));
    }

  subtitle = score_summary (verdict, n_open);
  if (reasons->len > 0)
    {
      row = adw_expander_row_new ();
      for (guint i = 0; i < reasons->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), g_ptr_array_index (reasons, i));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, actor_id));
      g_object_set_data_full (G_OBJECT (row), "actor-id", g_strdup (actor_id), g_free);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (on_verdict_expanded), self);
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zopa_analysis_get_actor_name (analysis, actor));

  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  badge = new_flip_badge (self, actor_id);
  if (badge != NULL)
    gtk_box_append (GTK_BOX (suffix), badge);
  gtk_box_append (GTK_BOX (suffix), new_verdict_pill (verdict->verdict));

  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), new_actor_dot (self, analysis, actor));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), suffix);
    }
  else
    {
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_actor_dot (self, analysis, actor));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
    }

  /* Translators: e.g. "Kyiv: Rejects. Score 48, needs 55". */
  description = g_strdup_printf (_("%s: %s. %s"), zopa_analysis_get_actor_name (analysis, actor),
                                 zopa_format_verdict_title (verdict->verdict), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

static GtkWidget *
create_open_issues_row (ZopaDraftPanel *self,
                        ZopaAnalysis   *analysis,
                        guint           draft)
{
  guint n_open = 0, n_conflicts = 0;
  const guint *open = zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);
  const ZopaDraftConflict *conflicts = zopa_analysis_get_draft_conflicts (analysis, draft, &n_conflicts);
  GtkWidget *row;
  g_autofree char *title = NULL;

  if (n_open == 0)
    return NULL;

  row = adw_expander_row_new ();
  gtk_widget_set_name (row, "open-issues");
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Open Issue", "%u Open Issues", n_open), n_open);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 _("No agreed clause fixes them: the draft stands for every way they could go"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("dialog-question-symbolic"));

  for (guint i = 0; i < n_open; i++)
    {
      const char *issue_id = zopa_analysis_get_issue_id (analysis, open[i]);
      g_autofree char *clauses = clauses_setting (self->draft, issue_id, FALSE);
      g_autofree char *text = NULL;
      GtkWidget *reason;

      for (guint c = 0; c < n_conflicts && text == NULL; c++)
        if (conflicts[c].issue == open[i])
          {
            g_autofree char *agreed = clauses_setting (self->draft, issue_id, TRUE);

            text = g_strdup_printf (_("Conflict: %s set it differently"), agreed);
          }
      if (text == NULL && *clauses != '\0')
        text = g_strdup_printf (_("Only set by %s, not agreed"), clauses);
      if (text == NULL)
        text = g_strdup (_("No clause sets it"));
      reason = new_reason_row ("dialog-question-symbolic", zopa_analysis_get_issue_title (analysis, open[i]), text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);
    }
  return row;
}

/* One line of the strip above the clause editor: dot, name, verdict, flip. */
static void
add_strip_line (ZopaDraftPanel *self,
                ZopaAnalysis   *analysis,
                guint           draft,
                guint           actor)
{
  const ZopaDraftVerdict *verdict = zopa_analysis_get_verdict (analysis, draft, actor);
  const char *actor_id = zopa_analysis_get_actor_id (analysis, actor);
  GtkWidget *name = gtk_label_new (zopa_analysis_get_actor_name (analysis, actor));
  GtkWidget *pill = new_verdict_pill (verdict->verdict);
  GtkWidget *badge = new_flip_badge (self, actor_id);
  g_autofree char *widget_name = g_strdup_printf ("chip-%s", actor_id);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_name (name, widget_name);
  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_grid_attach (self->verdict_strip, new_actor_dot (self, analysis, actor), 0, actor, 1, 1);
  gtk_grid_attach (self->verdict_strip, name, 1, actor, 1, 1);
  gtk_grid_attach (self->verdict_strip, pill, 2, actor, 1, 1);
  if (badge != NULL)
    {
      gtk_widget_set_halign (badge, GTK_ALIGN_START);
      gtk_grid_attach (self->verdict_strip, badge, 3, actor, 1, 1);
    }
}

/* Takes note of the verdicts under a new analysis, and of those it flipped. */
static void
track_flips (ZopaDraftPanel *self,
             ZopaAnalysis   *analysis,
             int             draft)
{
  g_autoptr(GHashTable) verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean same_draft = g_strcmp0 (self->seen_draft_id, zopa_draft_get_id (self->draft)) == 0;

  if (analysis == self->seen_analysis && same_draft)
    return;

  if (analysis != NULL && draft >= 0)
    for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
      g_hash_table_insert (verdicts, g_strdup (zopa_analysis_get_actor_id (analysis, a)),
                           GINT_TO_POINTER (zopa_analysis_get_verdict (analysis, draft, a)->verdict + 1));

  g_hash_table_remove_all (self->flipped);
  if (same_draft)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, verdicts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gpointer before = g_hash_table_lookup (self->seen_verdicts, key);

          if (before != NULL && before != value)
            g_hash_table_insert (self->flipped, g_strdup (key), before);
        }
    }

  g_set_object (&self->seen_analysis, analysis);
  g_free (self->seen_draft_id);
  self->seen_draft_id = g_strdup (zopa_draft_get_id (self->draft));
  g_hash_table_unref (self->seen_verdicts);
  self->seen_verdicts = g_hash_table_ref (verdicts);
}

/* Everything the verdict rows show. Typing in a clause changes none of it, and building
 * the rows is the costly part of following an edit. */
static char *
verdicts_signature (ZopaDraftPanel *self,
                    ZopaAnalysis   *analysis,
                    int             draft)
{
  GString *signature = g_string_new (NULL);
  GListModel *clauses;
  guint n_open = 0, n_conflicts = 0;
  const guint *open;
  const ZopaDraftConflict *conflicts;

  if (analysis == NULL || draft < 0)
    return g_string_free (signature, FALSE);

  g_string_append_printf (signature, "%s\x1e", zopa_analysis_get_variant_id (analysis));
  for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
    {
      g_string_append_printf (signature, "%s\x1f", zopa_analysis_get_issue_title (analysis, i));
      for (guint o = 0; o < zopa_analysis_get_n_options (analysis, i); o++)
        g_string_append_printf (signature, "%s\x1f", zopa_analysis_get_option_label (analysis, i, o));
    }
  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    {
      const ZopaDraftVerdict *verdict = zopa_analysis_get_verdict (analysis, draft, a);
      const char *actor_id = zopa_analysis_get_actor_id (analysis, a);
      ZopaActor *actor = zopa_scenario_find_actor (get_scenario (self), actor_id);

      g_string_append_printf (signature, "\x1e%s\x1f%s\x1f%s\x1f%d\x1f%d\x1f%.3f\x1f%.3f\x1f%.3f\x1f%d\x1f%d",
                              actor_id, zopa_analysis_get_actor_name (analysis, a),
                              actor != NULL ? zopa_actor_get_color (actor) : "",
                              verdict->verdict, verdict->has_score, verdict->score, verdict->best_score,
                              verdict->worst_score, verdict->reservation,
                              GPOINTER_TO_INT (g_hash_table_lookup (self->flipped, actor_id)));
      for (guint v = 0; v < verdict->n_violations; v++)
        g_string_append_printf (signature, "\x1fv%u.%u", verdict->violations[v].issue, verdict->violations[v].option);
      for (guint r = 0; r < verdict->n_open_red_lines; r++)
        g_string_append_printf (signature, "\x1fr%u", verdict->open_red_lines[r]);
      for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
        for (guint o = 0; o < zopa_analysis_get_n_options (analysis, i); o++)
          g_string_append_c (signature, zopa_analysis_actor_accepts_option (analysis, a, i, o) ? '1' : '0');
    }
  open = zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);
  for (guint i = 0; i < n_open; i++)
    g_string_append_printf (signature, "\x1eo%u", open[i]);
  conflicts = zopa_analysis_get_draft_conflicts (analysis, draft, &n_conflicts);
  for (guint c = 0; c < n_conflicts; c++)
    g_string_append_printf (signature, "\x1e" "c%u", conflicts[c].issue);

  /* The reasons name the clauses that set each issue. */
  clauses = zopa_draft_get_clauses (self->draft);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      const char * const *issues = zopa_clause_get_set_issues (clause);

      g_string_append_printf (signature, "\x1e%s\x1f%s\x1f%d", zopa_clause_get_number (clause),
                              zopa_clause_get_title (clause), zopa_clause_get_status (clause));
      for (guint j = 0; issues != NULL && issues[j] != NULL; j++)
        g_string_append_printf (signature, "\x1f%s", issues[j]);
    }
  return g_string_free (signature, FALSE);
}

static void
refresh_verdicts (ZopaDraftPanel *self,
                  ZopaAnalysis   *analysis,
                  int             draft)
{
  GtkWidget *child;
  const char *variant = analysis != NULL ? zopa_analysis_get_variant_title (analysis) : NULL;
  g_autofree char *signature = verdicts_signature (self, analysis, draft);

  if (g_strcmp0 (signature, self->verdicts_signature) == 0)
    return;
  g_free (self->verdicts_signature);
  self->verdicts_signature = g_steal_pointer (&signature);

  zopa_editor_remove_all_rows (self->verdict_list);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->verdict_strip))) != NULL)
    gtk_grid_remove (self->verdict_strip, child);

  if (variant != NULL && analysis != NULL && zopa_analysis_get_variant_id (analysis) != NULL)
    {
      /* Translators: %s is the title of the variant the analysis applies. */
      g_autofree char *description = g_strdup_printf (_("Under the variant “%s”"), variant);
      adw_preferences_group_set_description (self->verdicts_group, description);
    }
  else
    adw_preferences_group_set_description (self->verdicts_group, NULL);

  if (analysis == NULL || draft < 0)
    return;

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    {
      gtk_list_box_append (self->verdict_list, create_verdict_row (self, analysis, draft, a));
      add_strip_line (self, analysis, draft, a);
    }
  child = create_open_issues_row (self, analysis, draft);
  if (child != NULL)
    gtk_list_box_append (self->verdict_list, child);
}

/* What would it take */

static char *
describe_current (ZopaDraftPanel *self,
                  ZopaAnalysis   *analysis,
                  guint           draft,
                  guint           issue)
{
  int option = zopa_analysis_get_draft_option (analysis, draft, issue);
  g_autofree char *clauses = NULL;

  if (option >= 0)
    /* Translators: the option the draft fixes an issue to now. */
    return g_strdup_printf (_("Now: %s"), zopa_analysis_get_option_label (analysis, issue, option));
  clauses = clauses_setting (self->draft, zopa_analysis_get_issue_id (analysis, issue), FALSE);
  if (*clauses != '\0')
    /* Translators: %s is a list of clauses, "clause 21". */
    return g_strdup_printf (_("Now open: %s sets it, not agreed"), clauses);
  return g_strdup (_("Now open: no clause sets it"));
}

static void
refresh_take (ZopaDraftPanel *self,
              ZopaAnalysis   *analysis,
              int             draft)
{
  GtkWidget *row;
  gboolean possible;

  zopa_editor_remove_all_rows (self->take_list);
  g_clear_pointer (&self->changes, g_free);
  self->n_changes = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  if (analysis == NULL || draft < 0)
    return;

  possible = zopa_analysis_get_draft_fewest_changes (analysis, draft, zopa_analysis_get_all_mask (analysis),
                                                     &self->changes, &self->n_changes);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), possible && self->n_changes > 0);
  if (!possible)
    {
      row = new_reason_row ("action-unavailable-symbolic",
                            _("No set of clause changes makes every shown actor accept it"),
                            _("The shown actors’ ZOPA is empty: no deal is acceptable to all of them"));
      gtk_widget_set_name (row, "take-impossible");
      gtk_list_box_append (self->take_list, row);
      return;
    }
  if (self->n_changes == 0)
    {
      row = new_reason_row ("emblem-ok-symbolic", _("Nothing: every shown actor accepts it"), NULL);
      gtk_widget_set_name (row, "take-nothing");
      gtk_list_box_append (self->take_list, row);
      return;
    }

  for (guint i = 0; i < self->n_changes; i++)
    {
      const ZopaClauseChange *change = &self->changes[i];
      /* Translators: a clause change, "Territory → Line of contact". */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), zopa_analysis_get_issue_title (analysis, change->issue),
                                                zopa_analysis_get_option_label (analysis, change->issue, change->option));
      g_autofree char *now = describe_current (self, analysis, draft, change->issue);

      row = new_reason_row ("document-edit-symbolic", title, now);
      gtk_list_box_append (self->take_list, row);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), TRUE);
}

/* Clause rows */

static void
update_clause_marks (ZopaDraftPanel *self,
                     GtkWidget      *row,
                     ZopaAnalysis   *analysis,
                     int             draft)
{
  ZopaClause *clause = g_object_get_data (G_OBJECT (row), "clause");
  ZopaActorDots *dots = g_object_get_data (G_OBJECT (row), "dots");
  GtkWidget *conflict_icon = g_object_get_data (G_OBJECT (row), "conflict");
  const char * const *issues = zopa_clause_get_set_issues (clause);
  ZopaClauseStatus status = zopa_clause_get_status (clause);
  g_autoptr(GString) crossed = g_string_new (NULL);
  g_autoptr(GString) would_cross = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean in_conflict = FALSE;
  ZopaActorDot marks[ZOPA_MAX_ACTORS];
  guint n_marks = 0;

  if (analysis == NULL || draft < 0 || status == ZOPA_CLAUSE_DELETED || issues == NULL)
    {
      zopa_actor_dots_set (dots, NULL, 0);
      zopa_actor_dots_set_description (dots, NULL);
      gtk_widget_set_visible (conflict_icon, FALSE);
      return;
    }

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    {
      gboolean decides = FALSE;
      GdkRGBA color;

      for (guint i = 0; issues[i] != NULL && !decides; i++)
        {
          int issue = analysis_issue_index (analysis, issues[i]);
          int option = issue >= 0 ? analysis_option_index (analysis, issue, zopa_clause_get_set_option (clause, issues[i])) : -1;

          decides = option >= 0 && !zopa_analysis_actor_accepts_option (analysis, a, issue, option);
        }
      if (!decides || !actor_color (self, analysis, a, &color) || n_marks >= ZOPA_MAX_ACTORS)
        continue;
      marks[n_marks].color = color;
      marks[n_marks].filled = status == ZOPA_CLAUSE_AGREED;
      n_marks++;
      {
        GString *names = status == ZOPA_CLAUSE_AGREED ? crossed : would_cross;

        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, zopa_analysis_get_actor_name (analysis, a));
      }
    }

  zopa_actor_dots_set (dots, marks, n_marks);

  if (status == ZOPA_CLAUSE_AGREED)
    {
      guint n_conflicts = 0;
      const ZopaDraftConflict *conflicts = zopa_analysis_get_draft_conflicts (analysis, draft, &n_conflicts);

      for (guint c = 0; c < n_conflicts && !in_conflict; c++)
        in_conflict = g_strv_contains (conflicts[c].clause_ids, zopa_clause_get_id (clause));
    }
  gtk_widget_set_visible (conflict_icon, in_conflict);

  if (crossed->len > 0)
    /* Translators: %s is a list of actor names. */
    g_string_append_printf (description, _("Crosses a red line of %s"), crossed->str);
  if (would_cross->len > 0)
    {
      if (description->len > 0)
        g_string_append (description, "\n");
      /* Translators: %s is a list of actor names. */
      g_string_append_printf (description, _("Would cross a red line of %s if agreed"), would_cross->str);
    }
  zopa_actor_dots_set_description (dots, description->len > 0 ? description->str : NULL);
}

static char *
describe_sets (ZopaDraftPanel *self,
               ZopaClause     *clause)
{
  const char * const *issues = zopa_clause_get_set_issues (clause);
  GString *text = g_string_new (NULL);

  for (guint i = 0; issues != NULL && issues[i] != NULL; i++)
    {
      ZopaIssue *issue = zopa_scenario_find_issue (get_scenario (self), issues[i]);
      const char *option_id = zopa_clause_get_set_option (clause, issues[i]);
      int option = issue != NULL ? zopa_issue_find_option (issue, option_id) : -1;

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s → %s",
                              issue != NULL ? zopa_issue_get_title (issue) : issues[i],
                              option >= 0 ? zopa_option_get_label (zopa_issue_get_option (issue, option)) : option_id);
    }
  return g_string_free (text, FALSE);
}

static void
update_clause_row (AdwActionRow   *row,
                   ZopaDraftPanel *self)
{
  ZopaClause *clause = g_object_get_data (G_OBJECT (row), "clause");
  GtkLabel *status = g_object_get_data (G_OBJECT (row), "status");
  ZopaClauseStatus value = zopa_clause_get_status (clause);
  g_autofree char *title = clause_name (clause);
  g_autofree char *name = g_strdup_printf ("clause-%s", zopa_clause_get_id (clause));
  g_autofree char *sets = NULL;

  if (self->session == NULL)
    return;
  sets = describe_sets (self, clause);
  /* Named after the id, which the clause editor can change. */
  if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) != 0)
    gtk_widget_set_name (GTK_WIDGET (row), name);
  /* Refreshed after every edit: only what changed is set, so the rest is not laid out again. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (g_strcmp0 (adw_action_row_get_subtitle (row), sets) != 0)
    adw_action_row_set_subtitle (row, sets);
  if (g_strcmp0 (gtk_label_get_text (status), status_label (value)) == 0)
    return;

  gtk_label_set_text (status, status_label (value));
  gtk_widget_remove_css_class (GTK_WIDGET (status), "agreed");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "bracketed");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "deleted");
  gtk_widget_add_css_class (GTK_WIDGET (status), zopa_clause_status_to_string (value));
  if (value == ZOPA_CLAUSE_DELETED)
    gtk_widget_add_css_class (GTK_WIDGET (row), "clause-deleted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "clause-deleted");
}

static void
on_clause_changed (ZopaClause *clause,
                   GtkWidget  *row)
{
  update_clause_row (ADW_ACTION_ROW (row), g_object_get_data (G_OBJECT (row), "panel"));
}

static void
refilter_if_searching (ZopaDraftPanel *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->clause_search));

  /* A changed clause may match the search now, or no longer. */
  if (query != NULL && *query != '\0')
    gtk_filter_changed (GTK_FILTER (self->clause_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Dragging a clause row onto another to reorder */

static GdkContentProvider *
on_clause_drag_prepare (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  ZopaClause *clause = g_object_get_data (G_OBJECT (row), "clause");

  g_object_set_data (G_OBJECT (source), "hot-x", GINT_TO_POINTER ((int) x));
  g_object_set_data (G_OBJECT (source), "hot-y", GINT_TO_POINTER ((int) y));
  return gdk_content_provider_new_typed (ZOPA_TYPE_CLAUSE, clause);
}

static void
on_clause_drag_begin (GtkDragSource *source,
                      GdkDrag       *drag,
                      GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable,
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "hot-x")),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "hot-y")));
}

static void
clear_drop_marks (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "clause-drop-before");
  gtk_widget_remove_css_class (row, "clause-drop-after");
}

static GdkDragAction
on_clause_drop_motion (GtkDropTarget *target,
                       double         x,
                       double         y,
                       GtkWidget     *row)
{
  gboolean after = y > gtk_widget_get_height (row) / 2.0;

  clear_drop_marks (row);
  gtk_widget_add_css_class (row, after ? "clause-drop-after" : "clause-drop-before");
  return GDK_ACTION_MOVE;
}

static void
on_clause_drop_leave (GtkDropTarget *target,
                      GtkWidget     *row)
{
  clear_drop_marks (row);
}

static gboolean
on_clause_drop (GtkDropTarget  *target,
                const GValue   *value,
                double          x,
                double          y,
                ZopaDraftPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  ZopaClause *dropped = g_value_get_object (value);
  ZopaClause *onto = g_object_get_data (G_OBJECT (row), "clause");
  GListModel *clauses;
  guint from, to, position;
  gboolean after = y > gtk_widget_get_height (row) / 2.0;

  clear_drop_marks (row);
  if (self->draft == NULL || dropped == NULL || dropped == onto)
    return FALSE;
  clauses = zopa_draft_get_clauses (self->draft);
  from = zopa_list_model_find (clauses, dropped);
  to = zopa_list_model_find (clauses, onto);
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;

  /* Positions count after the dragged clause has left its place. */
  position = after ? to + 1 : to;
  if (from < position)
    position--;
  if (position == from)
    return FALSE;
  return zopa_history_move (get_history (self), self->draft, dropped, position);
}

static GtkWidget *
create_clause_row (gpointer item,
                   gpointer user_data)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (user_data);
  ZopaClause *clause = ZOPA_CLAUSE (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dots = zopa_actor_dots_new ();
  GtkWidget *conflict = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *status = new_pill ("", "status-pill", NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (ZOPA_TYPE_CLAUSE, GDK_ACTION_MOVE);
  ZopaAnalysis *analysis = zopa_session_get_analysis (self->session);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* In the suffix, so the clause titles stay aligned. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dots);
  gtk_widget_set_tooltip_text (conflict, _("Conflicts with another agreed clause: the issue counts as open"));
  gtk_widget_add_css_class (conflict, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), conflict);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "clause", g_object_ref (clause), g_object_unref);
  g_object_set_data (G_OBJECT (row), "dots", dots);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "conflict", conflict);
  update_clause_row (ADW_ACTION_ROW (row), self);
  update_clause_marks (self, row, analysis, analysis_draft_index (analysis, self->draft));
  g_object_set_data (G_OBJECT (row), "panel", self);
  g_signal_connect_object (clause, "changed", G_CALLBACK (on_clause_changed), row, 0);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_clause_drag_prepare), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_clause_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "motion", G_CALLBACK (on_clause_drop_motion), row);
  g_signal_connect (drop, "leave", G_CALLBACK (on_clause_drop_leave), row);
  g_signal_connect (drop, "drop", G_CALLBACK (on_clause_drop), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  return row;
}

static void
refresh_clause_rows (ZopaDraftPanel *self,
                     ZopaAnalysis   *analysis,
                     int             draft)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->clause_list, i)) != NULL; i++)
    {
      update_clause_row (ADW_ACTION_ROW (row), self);
      update_clause_marks (self, GTK_WIDGET (row), analysis, draft);
    }
}

static void
sync_clause_selection (ZopaDraftPanel *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->clause_list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "clause") == self->clause)
      {
        gtk_list_box_select_row (self->clause_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->clause_list);
}

static gboolean
clause_matches (gpointer item,
                gpointer user_data)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (user_data);
  ZopaClause *clause = ZOPA_CLAUSE (item);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->clause_search));
  g_autofree char *needle = NULL;
  const char *fields[3];

  if (query == NULL || *query == '\0' || clause == NULL)
    return TRUE;
  needle = g_utf8_casefold (query, -1);
  fields[0] = zopa_clause_get_number (clause);
  fields[1] = zopa_clause_get_title (clause);
  fields[2] = zopa_clause_get_text (clause);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *haystack = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (haystack != NULL && strstr (haystack, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   ZopaDraftPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->clause_filter), GTK_FILTER_CHANGE_DIFFERENT);
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
  name = clause_name (self->clause);
  gtk_label_set_text (self->clause_heading, name);
  /* Translators: "Clause 3 of 30 · Geneva 19-point framework". */
  where = g_strdup_printf (_("Clause %u of %u · %s"), position + 1, g_list_model_get_n_items (clauses),
                           draft_title (self->draft));
  gtk_label_set_text (self->clause_subheading, where);
}

static void
open_clause (ZopaDraftPanel *self,
             ZopaClause     *clause)
{
  g_set_object (&self->clause, clause);
  zopa_clause_editor_set_clause (self->clause_editor, clause);
  sync_clause_selection (self);
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
  update_actions (self);
}

static void
on_clause_row_activated (GtkListBox     *list,
                         GtkListBoxRow  *row,
                         ZopaDraftPanel *self)
{
  open_clause (self, g_object_get_data (G_OBJECT (row), "clause"));
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
  update_actions (self);
}

static gboolean
editing_clause (ZopaDraftPanel *self)
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
  sync_clause_selection (self);

  analysis = zopa_session_get_analysis (self->session);
  draft = analysis_draft_index (analysis, self->draft);
  track_flips (self, analysis, draft);
  refresh_verdicts (self, analysis, draft);
  refresh_take (self, analysis, draft);
  refresh_clause_rows (self, analysis, draft);
  refilter_if_searching (self);
  sync_clause_heading (self);
  update_actions (self);
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
  g_clear_pointer (&self->parent_signature, g_free);
  g_clear_pointer (&self->verdicts_signature, g_free);
  g_hash_table_remove_all (self->flipped);
  gtk_editable_set_text (GTK_EDITABLE (self->clause_search), "");

  if (draft == NULL)
    {
      gtk_list_box_bind_model (self->clause_list, NULL, NULL, NULL, NULL);
      refresh_verdicts (self, NULL, -1);
      refresh_take (self, NULL, -1);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_actions (self);
      return;
    }

  {
    g_autoptr(GtkFilterListModel) shown = gtk_filter_list_model_new (g_object_ref (zopa_draft_get_clauses (draft)),
                                                                     g_object_ref (GTK_FILTER (self->clause_filter)));

    gtk_list_box_bind_model (self->clause_list, G_LIST_MODEL (shown), create_clause_row, self, NULL);
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

  set_draft (self, id != NULL ? zopa_scenario_find_draft (get_scenario (self), id) : NULL);
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
  g_clear_object (&self->seen_analysis);
  g_clear_pointer (&self->seen_draft_id, g_free);
  g_hash_table_remove_all (self->seen_verdicts);
  g_hash_table_remove_all (self->expanded);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      zopa_clause_editor_set_session (self->clause_editor, session);
      g_signal_connect_swapped (session, "notify::selected-draft", G_CALLBACK (on_selected_draft_changed), self);
      g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (schedule_refresh), self);
      g_signal_connect_swapped (zopa_session_get_scenario (session), "changed", G_CALLBACK (on_scenario_changed), self);
      on_selected_draft_changed (self);
    }
  update_actions (self);
}

gboolean
zopa_draft_panel_open_clause (ZopaDraftPanel *self,
                              const char     *clause_id)
{
  ZopaClause *clause;

  g_return_val_if_fail (ZOPA_IS_DRAFT_PANEL (self), FALSE);

  if (clause_id == NULL)
    {
      open_clause (self, NULL);
      return TRUE;
    }
  clause = self->draft != NULL ? zopa_draft_find_clause (self->draft, clause_id) : NULL;
  if (clause == NULL)
    return FALSE;
  open_clause (self, clause);
  return TRUE;
}

/* Applying "what would it take" */

static void
on_apply_clicked (GtkButton      *button,
                  ZopaDraftPanel *self)
{
  ZopaAnalysis *shown = zopa_session_get_analysis (self->session);
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autofree ZopaSettlement *settlements = NULL;
  guint n_changes = self->n_changes;

  if (self->draft == NULL || shown == NULL || n_changes == 0)
    return;
  /* The settlements borrow the analysis's strings; it is held while the edits replace it. */
  analysis = g_object_ref (shown);
  settlements = g_new0 (ZopaSettlement, n_changes);
  for (guint i = 0; i < n_changes; i++)
    {
      guint issue = self->changes[i].issue;

      settlements[i].issue_id = zopa_analysis_get_issue_id (analysis, issue);
      settlements[i].option_id = zopa_analysis_get_option_id (analysis, issue, self->changes[i].option);
      settlements[i].clause_title = zopa_analysis_get_issue_title (analysis, issue);
    }
  zopa_edit_settle_issues (get_history (self), get_scenario (self), self->draft,
                           settlements, n_changes, _("Apply Clause Changes"));
}

/* Draft actions */

static ZopaDraftPanel *
panel_for_action (GtkWidget *widget)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (widget);

  return self->session != NULL ? self : NULL;
}

static void
draft_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  ZopaScenario *scenario;
  ZopaHistory *history;
  g_autofree char *id = NULL;
  g_autoptr(ZopaDraft) draft = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  guint position = G_MAXUINT;

  if (self == NULL)
    return;
  scenario = get_scenario (self);
  history = get_history (self);
  id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_DRAFT, NULL, "draft");
  draft = zopa_draft_new (id);
  zopa_draft_set_title (draft, _("New Draft"));
  zopa_draft_set_date (draft, date);
  if (self->draft != NULL)
    position = zopa_list_model_find (zopa_scenario_get_drafts (scenario), self->draft) + 1;

  zopa_history_begin_group (history, _("New Draft"));
  zopa_history_insert (history, scenario, position, draft);
  zopa_history_end_group (history);
  zopa_session_set_selected_draft (self->session, id);
  start_rename (self);
}

static void
draft_fork_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  ZopaDraft *fork;

  if (self == NULL || self->draft == NULL)
    return;
  fork = zopa_edit_fork_draft (get_history (self), self->draft, NULL, NULL);
  if (fork != NULL)
    zopa_session_set_selected_draft (self->session, zopa_draft_get_id (fork));
}

static void
draft_rename_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);

  if (self != NULL)
    start_rename (self);
}

static void
move_draft (ZopaDraftPanel *self,
            int             delta)
{
  GListModel *drafts;
  guint position;

  if (self == NULL || self->draft == NULL)
    return;
  drafts = zopa_scenario_get_drafts (get_scenario (self));
  position = zopa_list_model_find (drafts, self->draft);
  if (position == G_MAXUINT || (delta < 0 && position == 0)
      || (delta > 0 && position + 1 >= g_list_model_get_n_items (drafts)))
    return;
  {
    /* A move takes the draft out and puts it back, and the session drops the selection
     * of a draft that is gone, even for a moment: select it again. */
    g_autofree char *id = g_strdup (zopa_draft_get_id (self->draft));

    zopa_history_move (get_history (self), get_scenario (self), self->draft, position + delta);
    zopa_session_set_selected_draft (self->session, id);
  }
}

static void
draft_move_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_draft (panel_for_action (widget), -1);
}

static void
draft_move_down_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_draft (panel_for_action (widget), 1);
}

static void
on_delete_draft_response (AdwMessageDialog *dialog,
                          const char       *response,
                          ZopaDraftPanel   *self)
{
  ZopaDraft *draft = g_object_get_data (G_OBJECT (dialog), "draft");

  if (g_strcmp0 (response, "delete") != 0 || self->session == NULL)
    return;
  if (zopa_edit_find_owner (get_scenario (self), draft) != NULL)
    zopa_edit_delete (get_history (self), draft);
}

static void
draft_delete_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  GtkRoot *root;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  guint n_clauses;

  if (self == NULL || self->draft == NULL)
    return;
  root = gtk_widget_get_root (widget);
  references = zopa_edit_describe_references (get_scenario (self), self->draft);
  n_clauses = g_list_model_get_n_items (zopa_draft_get_clauses (self->draft));

  /* Translators: %s is a draft's title. */
  heading = g_strdup_printf (_("Delete “%s”?"), draft_title (self->draft));
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                             "The draft and its %u clause will be deleted.",
                                             "The draft and its %u clauses will be deleted.",
                                             n_clauses),
                          n_clauses);
  if (references->len > 0)
    {
      g_string_append (body, " ");
      g_string_append (body, _("These references to it will be removed too:"));
      for (guint i = 0; i < references->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (references, i));
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "draft", g_object_ref (self->draft), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_draft_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Clause actions */

/* The next free plain number after the draft's highest one: "28" → "29". */
static char *
next_clause_number (ZopaDraft *draft)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  guint64 highest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      const char *number = zopa_clause_get_number (clause);

      if (number != NULL && g_ascii_isdigit (*number))
        highest = MAX (highest, g_ascii_strtoull (number, NULL, 10));
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT, highest + 1);
}

static void
clause_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  GListModel *clauses;
  g_autofree char *number = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ZopaClause) clause = NULL;
  guint position = G_MAXUINT;

  if (self == NULL || self->draft == NULL)
    return;
  clauses = zopa_draft_get_clauses (self->draft);
  number = next_clause_number (self->draft);
  base = g_strdup_printf ("%s/%s", zopa_draft_get_id (self->draft), number);
  id = zopa_edit_make_unique_id (get_scenario (self), ZOPA_TYPE_CLAUSE, NULL, base);
  clause = zopa_clause_new (id);
  zopa_clause_set_number (clause, number);
  zopa_clause_set_title (clause, _("New Clause"));
  if (self->clause != NULL && zopa_list_model_find (clauses, self->clause) != G_MAXUINT)
    position = zopa_list_model_find (clauses, self->clause) + 1;

  zopa_history_insert (get_history (self), self->draft, position, clause);
  open_clause (self, clause);
}

static void
clause_duplicate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  ZopaClause *copy;

  if (self == NULL || self->clause == NULL)
    return;
  copy = zopa_edit_duplicate_clause (get_history (self), self->clause);
  if (copy != NULL)
    open_clause (self, copy);
}

static void
on_undo_delete_clicked (AdwToast       *toast,
                        ZopaDraftPanel *self)
{
  ZopaHistory *history;

  if (self->session == NULL)
    return;
  history = get_history (self);
  /* Only while the deletion is still the last step. */
  if (zopa_history_get_n_undo_steps (history) == self->delete_undo_depth)
    zopa_history_undo (history);
}

static void
clause_delete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZopaDraftPanel *self = panel_for_action (widget);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self == NULL || self->clause == NULL)
    return;
  name = clause_name (self->clause);
  if (!zopa_edit_delete (get_history (self), self->clause))
    return;
  self->delete_undo_depth = zopa_history_get_n_undo_steps (get_history (self));

  /* Translators: %s is a clause's number and title. */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
move_clause (ZopaDraftPanel *self,
             int             delta)
{
  GListModel *clauses;
  guint position;

  if (self == NULL || self->draft == NULL || self->clause == NULL)
    return;
  clauses = zopa_draft_get_clauses (self->draft);
  position = zopa_list_model_find (clauses, self->clause);
  if (position == G_MAXUINT || (delta < 0 && position == 0)
      || (delta > 0 && position + 1 >= g_list_model_get_n_items (clauses)))
    return;
  zopa_history_move (get_history (self), self->draft, self->clause, position + delta);
}

static void
clause_move_up_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_clause (panel_for_action (widget), -1);
}

static void
clause_move_down_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_clause (panel_for_action (widget), 1);
}

static void
step_clause (ZopaDraftPanel *self,
             int             delta)
{
  GListModel *clauses;
  guint position;
  g_autoptr(ZopaClause) next = NULL;

  if (self == NULL || self->draft == NULL || self->clause == NULL)
    return;
  clauses = zopa_draft_get_clauses (self->draft);
  position = zopa_list_model_find (clauses, self->clause);
  if (position == G_MAXUINT || (delta < 0 && position == 0))
    return;
  next = g_list_model_get_item (clauses, position + delta);
  if (next != NULL)
    open_clause (self, next);
}

static void
clause_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  step_clause (panel_for_action (widget), -1);
}

static void
clause_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_clause (panel_for_action (widget), 1);
}

static void
update_actions (ZopaDraftPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_session = self->session != NULL;
  gboolean has_draft = has_session && self->draft != NULL;
  guint n_drafts = 0, draft_position = G_MAXUINT;
  guint n_clauses = 0, clause_position = G_MAXUINT;
  gboolean has_clause;

  if (has_draft)
    {
      GListModel *drafts = zopa_scenario_get_drafts (get_scenario (self));
      GListModel *clauses = zopa_draft_get_clauses (self->draft);

      n_drafts = g_list_model_get_n_items (drafts);
      draft_position = zopa_list_model_find (drafts, self->draft);
      n_clauses = g_list_model_get_n_items (clauses);
      if (self->clause != NULL)
        clause_position = zopa_list_model_find (clauses, self->clause);
    }
  has_clause = has_draft && editing_clause (self) && clause_position != G_MAXUINT;

  gtk_widget_action_set_enabled (widget, "draft.new", has_session);
  gtk_widget_action_set_enabled (widget, "draft.fork", has_draft);
  gtk_widget_action_set_enabled (widget, "draft.rename", has_draft);
  gtk_widget_action_set_enabled (widget, "draft.delete", has_draft);
  gtk_widget_action_set_enabled (widget, "draft.move-up", has_draft && draft_position != G_MAXUINT && draft_position > 0);
  gtk_widget_action_set_enabled (widget, "draft.move-down", has_draft && draft_position != G_MAXUINT
                                                            && draft_position + 1 < n_drafts);
  gtk_widget_action_set_enabled (widget, "clause.add", has_draft);
  gtk_widget_action_set_enabled (widget, "clause.duplicate", has_clause);
  gtk_widget_action_set_enabled (widget, "clause.delete", has_clause);
  gtk_widget_action_set_enabled (widget, "clause.move-up", has_clause && clause_position > 0);
  gtk_widget_action_set_enabled (widget, "clause.move-down", has_clause && clause_position + 1 < n_clauses);
  gtk_widget_action_set_enabled (widget, "clause.previous", has_clause && clause_position > 0);
  gtk_widget_action_set_enabled (widget, "clause.next", has_clause && clause_position + 1 < n_clauses);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_DRAFT_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zopa_draft_panel_parent_class)->dispose (object);
}

static void
zopa_draft_panel_finalize (GObject *object)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (object);

  g_free (self->seen_draft_id);
  g_free (self->changes);
  g_free (self->parent_signature);
  g_free (self->verdicts_signature);
  g_hash_table_unref (self->seen_verdicts);
  g_hash_table_unref (self->flipped);
  g_hash_table_unref (self->expanded);
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
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clause_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_origin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_parent_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "draft.new", NULL, draft_new_action);
  gtk_widget_class_install_action (widget_class, "draft.fork", NULL, draft_fork_action);
  gtk_widget_class_install_action (widget_class, "draft.rename", NULL, draft_rename_action);
  gtk_widget_class_install_action (widget_class, "draft.delete", NULL, draft_delete_action);
  gtk_widget_class_install_action (widget_class, "draft.move-up", NULL, draft_move_up_action);
  gtk_widget_class_install_action (widget_class, "draft.move-down", NULL, draft_move_down_action);
  gtk_widget_class_install_action (widget_class, "clause.add", NULL, clause_add_action);
  gtk_widget_class_install_action (widget_class, "clause.duplicate", NULL, clause_duplicate_action);
  gtk_widget_class_install_action (widget_class, "clause.delete", NULL, clause_delete_action);
  gtk_widget_class_install_action (widget_class, "clause.move-up", NULL, clause_move_up_action);
  gtk_widget_class_install_action (widget_class, "clause.move-down", NULL, clause_move_down_action);
  gtk_widget_class_install_action (widget_class, "clause.previous", NULL, clause_previous_action);
  gtk_widget_class_install_action (widget_class, "clause.next", NULL, clause_next_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "draft.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "clause.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "clause.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "clause.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "clause.next", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "draftpanel");
}

static void
zopa_draft_panel_init (ZopaDraftPanel *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->seen_verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->flipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->parent_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->clause_filter = gtk_custom_filter_new (clause_matches, self, NULL);
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
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (on_notes_changed), self);
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

  update_actions (self);
}
