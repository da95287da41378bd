/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-draft-panel-verdicts.c: the draft panel's verdicts, their flips and the strip above
 * the clause editor; what it would take, and applying it */

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
#include "zopa-background.h"
#include "zopa-draft-panel-private.h"
#include "zopa-editor-common.h"
#include "zopa-flip-variant.h"
#include "zopa-reveal.h"
#include "zopa-user-text.h"

/* Verdicts */

GtkWidget *
zopa_draft_panel_new_pill (const char *text,
                           const char *style,
                           const char *kind)
{
  GtkWidget *label = gtk_label_new (NULL);

  zopa_user_text_set_label (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, style);
  if (kind != NULL)
    gtk_widget_add_css_class (label, kind);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
new_verdict_pill (ZopaVerdict verdict)
{
  GtkWidget *pill = zopa_draft_panel_new_pill (zopa_format_verdict_title (verdict), "verdict-pill", zopa_verdict_to_string (verdict));

  gtk_widget_set_name (pill, "verdict-pill");
  return pill;
}

/* "was Rejects", or NULL when the last change did not flip the actor's verdict. */
static GtkWidget *
new_flip_badge (ZopaDraftPanel *self,
                const char     *actor_id)
{
  int was = zopa_verdict_list_get_flip (self->verdict_list, actor_id);
  GtkWidget *badge;
  g_autofree char *text = NULL;

  if (was == ZOPA_VERDICT_ITEM_NONE)
    return NULL;
  /* Translators: a badge on a verdict the last edit changed; %s is the verdict before it. */
  text = g_strdup_printf (_("was %s"), zopa_format_verdict_title (was));
  badge = zopa_draft_panel_new_pill (text, "flip-badge", NULL);
  gtk_widget_set_name (badge, "flip-badge");
  gtk_widget_set_tooltip_text (badge, _("The last change flipped this verdict"));
  return badge;
}

static GtkWidget *
new_actor_dot (ZopaDraftPanel *self,
               ZopaAnalysis   *analysis,
               guint           actor)
{
  ZopaActor *model_actor = zopa_scenario_find_actor (zopa_draft_panel_get_scenario (self), zopa_analysis_get_actor_id (analysis, actor));
  GtkWidget *swatch = zopa_actor_swatch_new (10);

  if (model_actor != NULL)
    zopa_actor_swatch_set_color (ZOPA_ACTOR_SWATCH (swatch), zopa_actor_get_color (model_actor));
  return swatch;
}

/* Makes a reason a link to target, when there is one (the reason owns target). */
static void
link_reason (GtkWidget *row,
             char      *target)
{
  g_autofree char *owned = target;

  if (owned != NULL)
    zopa_reveal_set_row_link (GTK_LIST_BOX_ROW (row), owned);
}

/* Where an actor's stance on an issue (NULL: its reservation) is set under the analysis's
 * variant. */
static char *
stance_target (ZopaDraftPanel *self,
               ZopaAnalysis   *analysis,
               guint           actor,
               const char     *issue_id)
{
  return zopa_reveal_target_for_stance (zopa_draft_panel_get_scenario (self), zopa_analysis_get_variant_id (analysis),
                                        zopa_analysis_get_actor_id (analysis, actor), issue_id);
}

/* The clause that sets the issue, else the issue itself. */
static char *
clause_or_issue_target (ZopaDraftPanel *self,
                        const char     *issue_id,
                        gboolean        agreed_only)
{
  char *target = zopa_reveal_target_for_clause_setting (self->draft, issue_id, agreed_only);

  return target != NULL ? target : zopa_reveal_target_new (ZOPA_REVEAL_ISSUE, issue_id, NULL);
}

/* Why an actor decides as it does: the red lines crossed or left open, a low score. Each
 * links to what it names: the clause that crosses or leaves open a red line (else the
 * actor's stance, or the issue), the reservation. */
static void
add_verdict_reasons (ZopaDraftPanel *self,
                     ZopaVerdictRow *row,
                     ZopaAnalysis   *analysis,
                     guint           draft,
                     guint           actor)
{
  const ZopaDraftVerdict *verdict = zopa_analysis_get_verdict (analysis, draft, actor);
  guint n_open = 0;

  zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);

  /* The red lines the draft crosses, and the clauses that cross them. */
  for (guint v = 0; v < verdict->n_violations; v++)
    {
      const ZopaViolation *violation = &verdict->violations[v];
      const char *issue_id = zopa_analysis_get_issue_id (analysis, violation->issue);
      g_autofree char *title = g_strdup_printf ("%s: %s", zopa_analysis_get_issue_title (analysis, violation->issue),
                                                zopa_analysis_get_option_label (analysis, violation->issue, violation->option));
      g_autofree char *accepts = zopa_draft_panel_option_list (analysis, actor, violation->issue, TRUE);
      g_autofree char *clauses = zopa_draft_panel_clauses_setting (self->draft, issue_id, TRUE);
      /* A maybe is a red line only in some readings of the evidence: not "crossed". */
      gboolean maybe = zopa_analysis_option_is_maybe (analysis, actor, violation->issue, violation->option);
      g_autofree char *text = NULL;

      char *target = NULL;

      if (maybe && *clauses != '\0')
        /* Translators: "Set by clause 26 · a red line in some readings · surely accepts “…”". */
        text = g_strdup_printf (_("Set by %s · a red line in some readings · surely accepts %s"), clauses, accepts);
      else if (maybe)
        text = g_strdup_printf (_("A red line in some readings · surely accepts %s"), accepts);
      else if (*clauses != '\0')
        /* Translators: "Crossed by clause 21 · accepts only “Line of contact”". */
        text = g_strdup_printf (_("Crossed by %s · accepts only %s"), clauses, accepts);
      else
        text = g_strdup_printf (_("Accepts only %s"), accepts);
      target = zopa_reveal_target_for_clause_setting (self->draft, issue_id, TRUE);
      if (target == NULL)
        target = stance_target (self, analysis, actor, issue_id);
      link_reason (zopa_verdict_row_add_reason (row, maybe ? "dialog-question-symbolic" : "dialog-error-symbolic",
                                                title, text),
                   target);
    }

  /* Open issues where some completion crosses a red line. */
  for (guint r = 0; r < verdict->n_open_red_lines; r++)
    {
      guint issue = verdict->open_red_lines[r];
      const char *issue_id = zopa_analysis_get_issue_id (analysis, issue);
      /* Translators: an issue no agreed clause of the draft fixes. */
      g_autofree char *title = g_strdup_printf (_("Open: %s"), zopa_analysis_get_issue_title (analysis, issue));
      g_autofree char *accepts = zopa_draft_panel_option_list (analysis, actor, issue, TRUE);
      g_autofree char *clauses = zopa_draft_panel_clauses_setting (self->draft, issue_id, FALSE);
      g_autofree char *text = NULL;

      if (*clauses != '\0')
        /* Translators: "Left open by clause 21 · accepts only “Line of contact”". */
        text = g_strdup_printf (_("Left open by %s · accepts only %s"), clauses, accepts);
      else
        text = g_strdup_printf (_("Accepts only %s"), accepts);
      link_reason (zopa_verdict_row_add_reason (row, "dialog-question-symbolic", title, text),
                   clause_or_issue_target (self, issue_id, FALSE));
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
      link_reason (zopa_verdict_row_add_reason (row, "dialog-warning-symbolic", _("Below its reservation"), text),
                   stance_target (self, analysis, actor, NULL));
    }
}

/* What leaves each open issue open: a conflict, a clause not agreed, or none. */
static void
add_open_issue_reasons (ZopaDraftPanel *self,
                        ZopaVerdictRow *row,
                        ZopaAnalysis   *analysis,
                        guint           draft)
{
  guint n_open = 0, n_conflicts = 0;
  const guint *open = zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);
  const ZopaDraftConflict *conflicts = zopa_analysis_get_draft_conflicts (analysis, draft, &n_conflicts);

  for (guint i = 0; i < n_open; i++)
    {
      const char *issue_id = zopa_analysis_get_issue_id (analysis, open[i]);
      g_autofree char *clauses = zopa_draft_panel_clauses_setting (self->draft, issue_id, FALSE);
      g_autofree char *text = NULL;

      for (guint c = 0; c < n_conflicts && text == NULL; c++)
        if (conflicts[c].issue == open[i])
          {
            g_autofree char *agreed = zopa_draft_panel_clauses_setting (self->draft, issue_id, TRUE);

            text = g_strdup_printf (_("Conflict: %s set it differently"), agreed);
          }
      if (text == NULL && *clauses != '\0')
        text = g_strdup_printf (_("Only set by %s, not agreed"), clauses);
      if (text == NULL)
        text = g_strdup (_("No clause sets it"));
      link_reason (zopa_verdict_row_add_reason (row, "dialog-question-symbolic",
                                                zopa_analysis_get_issue_title (analysis, open[i]), text),
                   clause_or_issue_target (self, issue_id, FALSE));
    }
}

void
zopa_draft_panel_on_build_reasons (ZopaVerdictList *list,
                                   ZopaVerdictRow  *row,
                                   ZopaDraftPanel  *self)
{
  ZopaVerdictItem *item = zopa_verdict_row_get_item (row);
  ZopaAnalysis *analysis = zopa_verdict_item_get_analysis (item);
  int draft = zopa_verdict_item_get_draft (item);
  int actor = zopa_verdict_item_get_actor (item);

  if (self->draft == NULL || analysis == NULL || draft < 0)
    return;
  if (actor >= 0)
    add_verdict_reasons (self, row, analysis, draft, actor);
  else
    add_open_issue_reasons (self, row, analysis, draft);
}

/* "Try This as a Variant" on a verdict row. */
void
zopa_draft_panel_on_try_flip (ZopaVerdictList *list,
                              ZopaVerdictItem *item,
                              ZopaDraftPanel  *self)
{
  ZopaAnalysis *analysis = zopa_verdict_item_get_analysis (item);
  int draft = zopa_verdict_item_get_draft (item);
  int actor = zopa_verdict_item_get_actor (item);

  if (self->session == NULL || analysis == NULL || draft < 0 || actor < 0)
    return;
  zopa_flip_variant_try (self->session, zopa_draft_panel_get_history (self), analysis, draft, actor);
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
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *pill = new_verdict_pill (verdict->verdict);
  GtkWidget *badge = new_flip_badge (self, actor_id);
  g_autofree char *widget_name = g_strdup_printf ("chip-%s", actor_id);

  zopa_user_text_set_label (GTK_LABEL (name), zopa_analysis_get_actor_name (analysis, actor));
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

void
zopa_draft_panel_refresh_verdicts (ZopaDraftPanel *self,
                                   ZopaAnalysis   *analysis,
                                   int             draft)
{
  GtkWidget *child;
  const char *variant = analysis != NULL ? zopa_analysis_get_variant_title (analysis) : NULL;

  zopa_verdict_list_update (self->verdict_list, zopa_draft_panel_get_scenario (self), analysis, draft,
                            self->draft != NULL ? zopa_draft_get_id (self->draft) : NULL);
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
    add_strip_line (self, analysis, draft, a);
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
  clauses = zopa_draft_panel_clauses_setting (self->draft, zopa_analysis_get_issue_id (analysis, issue), FALSE);
  if (*clauses != '\0')
    /* Translators: %s is a list of clauses, "clause 21". */
    return g_strdup_printf (_("Now open: %s sets it, not agreed"), clauses);
  return g_strdup (_("Now open: no clause sets it"));
}

/* The take list's rows are made up front and shown a few per frame when there are many. */
static GtkWidget *
pass_take_row (gpointer item,
               gpointer user_data)
{
  return g_object_ref (item);
}

static void
add_take_row (GListStore *rows,
              GtkWidget  *row)
{
  g_object_ref_sink (row);
  g_list_store_append (rows, row);
  g_object_unref (row);
}

static void
show_take_rows (ZopaDraftPanel *self,
                GListStore     *rows)
{
  g_clear_object (&self->take_rows);
  if (rows == NULL)
    gtk_list_box_bind_model (self->take_list, NULL, NULL, NULL, NULL);
  else
    self->take_rows = zopa_gradual_rows_bind (self->take_list, G_LIST_MODEL (rows), pass_take_row, NULL);
}

static void
show_take_working (ZopaDraftPanel *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_WIDGET);
  GtkWidget *row = zopa_verdict_row_new_reason ("content-loading-symbolic", _("Working…"),
                                   _("Searching for the fewest clause changes"));

  gtk_widget_set_name (row, "take-working");
  add_take_row (rows, row);
  show_take_rows (self, rows);
}

static gboolean
on_take_working_timeout (gpointer user_data)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (user_data);

  self->take_working_id = 0;
  show_take_working (self);
  return G_SOURCE_REMOVE;
}

void
zopa_draft_panel_cancel_take (ZopaDraftPanel *self)
{
  if (self->take_search != NULL)
    g_cancellable_cancel (self->take_search);
  g_clear_object (&self->take_search);
  g_clear_handle_id (&self->take_working_id, g_source_remove);
}

static void
show_take (ZopaDraftPanel         *self,
           ZopaAnalysis           *analysis,
           int                     draft,
           gboolean                possible,
           ZopaAnswerStatus        status)
{
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_WIDGET);
  GtkWidget *row;

  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), possible && self->n_changes > 0);
  if (!possible)
    {
      row = zopa_verdict_row_new_reason ("action-unavailable-symbolic",
                            _("No set of clause changes makes every shown actor accept it"),
                            _("The shown actors’ ZOPA is empty: no deal is acceptable to all of them"));
      gtk_widget_set_name (row, "take-impossible");
      add_take_row (rows, row);
      show_take_rows (self, rows);
      return;
    }
  if (self->n_changes == 0)
    {
      row = zopa_verdict_row_new_reason ("emblem-ok-symbolic", _("Nothing: every shown actor accepts it"), NULL);
      gtk_widget_set_name (row, "take-nothing");
      add_take_row (rows, row);
      show_take_rows (self, rows);
      return;
    }

  for (guint i = 0; i < self->n_changes; i++)
    {
      const ZopaClauseChange *change = &self->changes[i];
      /* Translators: a clause change, "Territory → Line of contact". */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), zopa_analysis_get_issue_title (analysis, change->issue),
                                                zopa_analysis_get_option_label (analysis, change->issue, change->option));
      g_autofree char *now = describe_current (self, analysis, draft, change->issue);

      row = zopa_verdict_row_new_reason ("document-edit-symbolic", title, now);
      link_reason (row, clause_or_issue_target (self, zopa_analysis_get_issue_id (analysis, change->issue), FALSE));
      add_take_row (rows, row);
    }
  if (status == ZOPA_ANSWER_BOUNDED)
    {
      row = zopa_verdict_row_new_reason ("dialog-information-symbolic", _("Perhaps not the fewest"),
                            _("The search ran out of time before it proved that fewer changes do not suffice"));
      gtk_widget_set_name (row, "take-bounded");
      add_take_row (rows, row);
    }
  show_take_rows (self, rows);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), TRUE);
}

/* The search on the worker: what it reads, and what it found. */
typedef struct {
  ZopaAnalysis     *analysis;
  guint             draft;
} TakeQuery;

typedef struct {
  ZopaAnalysis     *analysis;
  guint             draft;
  gboolean          possible;
  ZopaClauseChange *changes;
  guint             n_changes;
  ZopaAnswerStatus  status;
} TakeAnswer;

static void
take_query_free (gpointer pointer)
{
  TakeQuery *query = pointer;

  g_object_unref (query->analysis);
  g_free (query);
}

static void
take_answer_free (gpointer pointer)
{
  TakeAnswer *answer = pointer;

  g_object_unref (answer->analysis);
  g_free (answer->changes);
  g_free (answer);
}

static gpointer
search_take (gpointer      data,
             GCancellable *cancellable)
{
  TakeQuery *query = data;
  TakeAnswer *answer = g_new0 (TakeAnswer, 1);

  answer->analysis = g_object_ref (query->analysis);
  answer->draft = query->draft;
  answer->possible = zopa_analysis_get_draft_fewest_changes_bounded (query->analysis, query->draft,
                                                                     zopa_analysis_get_all_mask (query->analysis),
                                                                     cancellable, &answer->changes,
                                                                     &answer->n_changes, &answer->status);
  return answer;
}

static void
on_take_found (gpointer result,
               gpointer user_data)
{
  ZopaDraftPanel *self = ZOPA_DRAFT_PANEL (user_data);
  TakeAnswer *answer = result;

  g_clear_object (&self->take_search);
  g_clear_handle_id (&self->take_working_id, g_source_remove);
  self->changes = g_steal_pointer (&answer->changes);
  self->n_changes = answer->n_changes;
  show_take (self, answer->analysis, answer->draft, answer->possible, answer->status);
  take_answer_free (answer);
}

void
zopa_draft_panel_refresh_take (ZopaDraftPanel *self,
                               ZopaAnalysis   *analysis,
                               int             draft)
{
  gboolean possible;
  TakeQuery *query;

  zopa_draft_panel_cancel_take (self);
  show_take_rows (self, NULL);
  g_clear_pointer (&self->changes, g_free);
  self->n_changes = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  if (analysis == NULL && self->session != NULL && zopa_session_get_working (self->session) && self->draft != NULL)
    show_take_working (self);
  if (analysis == NULL || draft < 0)
    return;

  if (zopa_session_analysis_is_small (analysis))
    {
      possible = zopa_analysis_get_draft_fewest_changes (analysis, draft, zopa_analysis_get_all_mask (analysis),
                                                         &self->changes, &self->n_changes);
      show_take (self, analysis, draft, possible, ZOPA_ANSWER_EXACT);
      return;
    }

  query = g_new0 (TakeQuery, 1);
  query->analysis = g_object_ref (analysis);
  query->draft = draft;
  self->take_search = g_cancellable_new ();
  zopa_background_run (search_take, query, take_query_free, take_answer_free, self->take_search,
                       on_take_found, self);
  self->take_working_id = g_timeout_add (100, on_take_working_timeout, self);
}

/* Applying "what would it take" */

void
zopa_draft_panel_on_apply_clicked (GtkButton      *button,
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
  zopa_edit_settle_issues (zopa_draft_panel_get_history (self), zopa_draft_panel_get_scenario (self), self->draft,
                           settlements, n_changes, _("Apply Clause Changes"));
}
