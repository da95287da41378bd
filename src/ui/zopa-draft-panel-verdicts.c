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
  gpointer was;
  GtkWidget *badge;
  g_autofree char *text = NULL;

  if (!g_hash_table_lookup_extended (self->flipped, actor_id, NULL, &was))
    return NULL;
  /* Translators: a badge on a verdict the last edit changed; %s is the verdict before it. */
  text = g_strdup_printf (_("was %s"), zopa_format_verdict_title (GPOINTER_TO_INT (was) - 1));
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

static GtkWidget *
new_reason_row (const char *icon_name,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), title);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
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

/* The reasons under a verdict or the open issues are built when the row is first expanded:
 * with many issues there are hundreds of them, and GTK measures a collapsed row's children
 * too, which froze the window for seconds on every draft selected. */
typedef struct {
  ZopaDraftPanel *panel;
  ZopaAnalysis   *analysis;
  guint           draft;
  /* The actor whose verdict the row explains, or -1 for the open issues row. */
  int             actor;
  char           *actor_id;
} Reasons;

static void
reasons_free (gpointer data,
              GClosure *closure)
{
  Reasons *reasons = data;

  g_clear_object (&reasons->analysis);
  g_free (reasons->actor_id);
  g_free (reasons);
}

static void
add_verdict_reasons (AdwExpanderRow *row,
                     Reasons        *reasons)
{
  ZopaDraftPanel *self = reasons->panel;
  ZopaAnalysis *analysis = reasons->analysis;
  guint draft = reasons->draft, actor = reasons->actor;
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
      g_autofree char *text = NULL;

      if (*clauses != '\0')
        /* Translators: "Crossed by clause 21 · accepts only “Line of contact”". */
        text = g_strdup_printf (_("Crossed by %s · accepts only %s"), clauses, accepts);
      else
        text = g_strdup_printf (_("Accepts only %s"), accepts);
      adw_expander_row_add_row (row, new_reason_row ("dialog-error-symbolic", title, text));
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
      adw_expander_row_add_row (row, new_reason_row ("dialog-question-symbolic", title, text));
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
      adw_expander_row_add_row (row, new_reason_row ("dialog-warning-symbolic", _("Below its reservation"), text));
    }
}

static gboolean
verdict_has_reasons (const ZopaDraftVerdict *verdict)
{
  return verdict->n_violations > 0 || verdict->n_open_red_lines > 0
         || (verdict->has_score && verdict->worst_score * 1.0 < verdict->reservation);
}

static void
add_open_issue_reasons (AdwExpanderRow *row,
                        Reasons        *reasons)
{
  ZopaDraftPanel *self = reasons->panel;
  ZopaAnalysis *analysis = reasons->analysis;
  guint n_open = 0, n_conflicts = 0;
  const guint *open = zopa_analysis_get_draft_open_issues (analysis, reasons->draft, &n_open);
  const ZopaDraftConflict *conflicts = zopa_analysis_get_draft_conflicts (analysis, reasons->draft, &n_conflicts);

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
      adw_expander_row_add_row (row, new_reason_row ("dialog-question-symbolic",
                                                     zopa_analysis_get_issue_title (analysis, open[i]), text));
    }
}

static void
on_reasons_expanded (AdwExpanderRow *row,
                     GParamSpec     *pspec,
                     Reasons        *reasons)
{
  gboolean expanded = adw_expander_row_get_expanded (row);

  if (reasons->actor_id != NULL && expanded)
    g_hash_table_add (reasons->panel->expanded, g_strdup (reasons->actor_id));
  else if (reasons->actor_id != NULL)
    g_hash_table_remove (reasons->panel->expanded, reasons->actor_id);

  if (!expanded || reasons->analysis == NULL)
    return;
  if (reasons->actor >= 0)
    add_verdict_reasons (row, reasons);
  else
    add_open_issue_reasons (row, reasons);
  /* Built once: the row is replaced when what it shows changes. */
  g_clear_object (&reasons->analysis);
}

static GtkWidget *
new_reasons_row (ZopaDraftPanel *self,
                 ZopaAnalysis   *analysis,
                 guint           draft,
                 int             actor,
                 gboolean        expanded)
{
  GtkWidget *row = adw_expander_row_new ();
  Reasons *reasons = g_new0 (Reasons, 1);

  reasons->panel = self;
  reasons->analysis = g_object_ref (analysis);
  reasons->draft = draft;
  reasons->actor = actor;
  if (actor >= 0)
    reasons->actor_id = g_strdup (zopa_analysis_get_actor_id (analysis, actor));
  g_signal_connect_data (row, "notify::expanded", G_CALLBACK (on_reasons_expanded), reasons, reasons_free, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), expanded);
  return row;
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
  g_autofree char *subtitle = NULL;
  g_autofree char *name = g_strdup_printf ("verdict-%s", actor_id);
  g_autofree char *description = NULL;
  GtkWidget *row, *suffix, *badge;

  zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);
  subtitle = score_summary (verdict, n_open);
  if (verdict_has_reasons (verdict))
    {
      row = new_reasons_row (self, analysis, draft, actor, g_hash_table_contains (self->expanded, actor_id));
      zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
    }
  else
    {
      row = adw_action_row_new ();
      zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
    }
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), zopa_analysis_get_actor_name (analysis, actor));

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
  guint n_open = 0;
  GtkWidget *row;
  g_autofree char *title = NULL;

  zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);
  if (n_open == 0)
    return NULL;

  row = new_reasons_row (self, analysis, draft, -1, FALSE);
  gtk_widget_set_name (row, "open-issues");
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Open Issue", "%u Open Issues", n_open), n_open);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 _("No agreed clause fixes them: the draft stands for every way they could go"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("dialog-question-symbolic"));
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

/* Takes note of the verdicts under a new analysis, and of those it flipped. */
void
zopa_draft_panel_track_flips (ZopaDraftPanel *self,
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
char *
zopa_draft_panel_verdicts_signature (ZopaDraftPanel *self,
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
      ZopaActor *actor = zopa_scenario_find_actor (zopa_draft_panel_get_scenario (self), actor_id);

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

void
zopa_draft_panel_refresh_verdicts (ZopaDraftPanel *self,
                                   ZopaAnalysis   *analysis,
                                   int             draft)
{
  GtkWidget *child;
  const char *variant = analysis != NULL ? zopa_analysis_get_variant_title (analysis) : NULL;
  g_autofree char *signature = zopa_draft_panel_verdicts_signature (self, analysis, draft);

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
  GtkWidget *row = new_reason_row ("content-loading-symbolic", _("Working…"),
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
      row = new_reason_row ("action-unavailable-symbolic",
                            _("No set of clause changes makes every shown actor accept it"),
                            _("The shown actors’ ZOPA is empty: no deal is acceptable to all of them"));
      gtk_widget_set_name (row, "take-impossible");
      add_take_row (rows, row);
      show_take_rows (self, rows);
      return;
    }
  if (self->n_changes == 0)
    {
      row = new_reason_row ("emblem-ok-symbolic", _("Nothing: every shown actor accepts it"), NULL);
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

      add_take_row (rows, new_reason_row ("document-edit-symbolic", title, now));
    }
  if (status == ZOPA_ANSWER_BOUNDED)
    {
      row = new_reason_row ("dialog-information-symbolic", _("Perhaps not the fewest"),
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
