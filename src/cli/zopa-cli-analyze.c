/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zopa-cli analyze [FILE] [--variant ID] [--actors ID,…] [--json] [--time-limit SECONDS]
 *
 * Prints the analysis of a scenario (the built-in one without FILE): for people, the
 * verdicts on every draft with their reasons, the regions, the ZOPA and what must change;
 * with --json, the object documented in docs/file-format.md; with --csv, the regions and
 * verdicts as the table documented there. A variant or actor the scenario does not have
 * is invalid input (exit 1); a malformed command line is a usage error (exit 2). Every
 * search runs within --time-limit (default 10 s); answers it cut short say so.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "analysis/zopa-analysis.h"
#include "analysis/zopa-analysis-csv.h"
#include "analysis/zopa-readings.h"
#include "analysis/zopa-format.h"
#include "zopa-cli.h"

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: zopa-cli analyze [FILE] [--variant ID] [--actors ID,…] [--json | --csv] [--time-limit SECONDS]"));
}

/* Pads to a width in characters (not bytes), for aligned columns with any script. */
static void
print_cell (GString    *out,
            const char *text,
            guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong k = length; k < (glong) width; k++)
    g_string_append_c (out, ' ');
}

static char *
format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

static char *
group_names (ZopaAnalysis *analysis,
             guint         mask)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    if ((mask >> a) & 1)
      {
        if (names->len > 0)
          g_string_append (names, " + ");
        g_string_append (names, zopa_analysis_get_actor_name (analysis, a));
      }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
acceptable_options (ZopaAnalysis *analysis,
                    guint         actor,
                    guint         issue)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint o = 0; o < zopa_analysis_get_n_options (analysis, issue); o++)
    if (zopa_analysis_actor_accepts_option (analysis, actor, issue, o))
      {
        if (list->len > 0)
          g_string_append (list, ", ");
        /* TRANSLATORS: an option's label in a list, in the language's quotation marks */
        g_string_append_printf (list, _("“%s”"), zopa_analysis_get_option_label (analysis, issue, o));
      }
  if (list->len == 0)
    return g_strdup (_("none of its options"));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static guint
name_width (ZopaAnalysis *analysis)
{
  guint width = 0;

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    width = MAX (width, (guint) g_utf8_strlen (zopa_analysis_get_actor_name (analysis, a), -1));
  return width;
}

static void
print_draft (GString      *out,
             ZopaAnalysis *analysis,
             guint         d)
{
  guint n_actors = zopa_analysis_get_n_actors (analysis);
  guint all = zopa_analysis_get_all_mask (analysis);
  guint n_open, n_conflicts, n_changes = 0;
  const guint *open = zopa_analysis_get_draft_open_issues (analysis, d, &n_open);
  const ZopaDraftConflict *conflicts = zopa_analysis_get_draft_conflicts (analysis, d, &n_conflicts);
  g_autofree ZopaClauseChange *changes = NULL;
  guint width = MAX (name_width (analysis), (guint) g_utf8_strlen (_("Actor"), -1)) + 2;
  const char *h_verdict = _("Verdict"), *h_score = _("Score"), *h_reservation = _("Reservation");
  guint w_verdict = MAX ((guint) g_utf8_strlen (h_verdict, -1), 8) + 2;
  guint w_score = MAX ((guint) g_utf8_strlen (h_score, -1), 11) + 2;

  g_string_append_printf (out, "\n%s (%s)\n", zopa_analysis_get_draft_title (analysis, d),
                          zopa_analysis_get_draft_id (analysis, d));

  g_string_append_printf (out, "  %s ", _("Open issues:"));
  if (n_open == 0)
    g_string_append (out, _("none"));
  for (guint k = 0; k < n_open; k++)
    g_string_append_printf (out, "%s%s", k > 0 ? ", " : "", zopa_analysis_get_issue_title (analysis, open[k]));
  g_string_append_c (out, '\n');

  for (guint k = 0; k < n_conflicts; k++)
    {
      const ZopaDraftConflict *c = &conflicts[k];
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint j = 0; c->clause_ids[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (list, ", ");
          /* TRANSLATORS: a clause (or an issue) and the option it sets, in quotation marks */
          g_string_append_printf (list, _("%s → “%s”"), c->clause_ids[j],
                                  zopa_analysis_get_option_label (analysis, c->issue, c->options[j]));
        }
      g_string_append (out, "  ");
      /* TRANSLATORS: agreed clauses that disagree; the issue, then "clause → option, …" */
      g_string_append_printf (out, _("Conflict on %s: %s (counts as open)"),
                              zopa_analysis_get_issue_title (analysis, c->issue), list->str);
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "  ");
  print_cell (out, _("Actor"), width);
  print_cell (out, h_verdict, w_verdict);
  print_cell (out, h_score, w_score);
  g_string_append_printf (out, "%s\n", h_reservation);

  for (guint a = 0; a < n_actors; a++)
    {
      const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, d, a);
      g_autofree char *score = NULL;
      const char *verdict;

      switch (v->verdict)
        {
        case ZOPA_VERDICT_ACCEPTS:
          verdict = _("accepts");
          break;
        case ZOPA_VERDICT_REJECTS:
          verdict = _("rejects");
          break;
        case ZOPA_VERDICT_DEPENDS:
        default:
          verdict = _("depends");
          break;
        }
      if (!v->has_score)
        score = g_strdup ("—");
      else if (n_open == 0)
        score = format_score (v->score);
      else
        {
          g_autofree char *lo = format_score (v->worst_score);
          g_autofree char *hi = format_score (v->best_score);
          score = g_strdup_printf ("%s–%s", lo, hi);
        }

      g_string_append (out, "  ");
      print_cell (out, zopa_analysis_get_actor_name (analysis, a), width);
      print_cell (out, verdict, w_verdict);
      print_cell (out, score, w_score);
      {
        int low, high;

        zopa_analysis_get_reservation_range (analysis, a, &low, &high);
        if (low != high)
          g_string_append_printf (out, "%d–%d\n", low, high);
        else
          g_string_append_printf (out, "%d\n", v->reservation);
      }

      for (guint k = 0; k < v->n_violations; k++)
        {
          guint i = v->violations[k].issue;
          g_autofree char *acceptable = acceptable_options (analysis, a, i);
          g_string_append (out, "    ");
          if (zopa_analysis_option_is_maybe (analysis, a, i, v->violations[k].option))
            /* TRANSLATORS: issue, the draft's option, what the actor surely accepts */
            g_string_append_printf (out, _("? %s: “%s” is a maybe: a red line in some readings (surely accepts: %s)"),
                                    zopa_analysis_get_issue_title (analysis, i),
                                    zopa_analysis_get_option_label (analysis, i, v->violations[k].option),
                                    acceptable);
          else
            /* TRANSLATORS: a red line crossed: issue, the draft's option, what the actor accepts */
            g_string_append_printf (out, _("✗ %s: “%s” crosses a red line (accepts: %s)"),
                                    zopa_analysis_get_issue_title (analysis, i),
                                    zopa_analysis_get_option_label (analysis, i, v->violations[k].option),
                                    acceptable);
          g_string_append_c (out, '\n');
        }
      for (guint k = 0; k < v->n_open_red_lines; k++)
        {
          guint i = v->open_red_lines[k];
          g_autofree char *acceptable = acceptable_options (analysis, a, i);
          g_string_append (out, "    ");
          g_string_append_printf (out, _("? %s is open and has red lines (accepts: %s)"),
                                  zopa_analysis_get_issue_title (analysis, i), acceptable);
          g_string_append_c (out, '\n');
        }
      /* The score lines are for one reading; with uncertain values the sentence below says it. */
      if (v->has_score && !zopa_analysis_actor_is_uncertain (analysis, a))
        {
          const char *line = NULL;
          if (v->worst_score >= v->reservation)
            line = n_open == 0 ? _("score meets the reservation") : _("every completion meets the reservation");
          else if (v->best_score < v->reservation)
            line = n_open == 0 ? _("score below the reservation") : _("every completion scores below the reservation");
          else
            line = _("some completions score below the reservation");
          g_string_append_printf (out, "    %s %s\n", v->best_score >= v->reservation ? "·" : "✗", line);
        }
      zopa_cli_print_verdict_sentence (out, analysis, d, a);
    }

  if (n_actors > 1)
    {
      g_autofree char *names = group_names (analysis, all);
      ZopaAnswerStatus status = ZOPA_ANSWER_EXACT;

      g_string_append (out, "  ");
      if (!zopa_analysis_get_draft_fewest_changes_bounded (analysis, d, all, NULL, &changes, &n_changes, &status))
        g_string_append (out, _("No clause changes make every actor accept it: their ZOPA is empty."));
      else if (n_changes == 0)
        g_string_append (out, _("Every actor accepts it."));
      else
        {
          g_autoptr(GString) list = g_string_new (NULL);
          for (guint k = 0; k < n_changes; k++)
            {
              if (k > 0)
                g_string_append (list, "; ");
              g_string_append_printf (list, _("%s → “%s”"),
                                      zopa_analysis_get_issue_title (analysis, changes[k].issue),
                                      zopa_analysis_get_option_label (analysis, changes[k].issue, changes[k].option));
            }
          g_string_append_printf (out,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "For %s to accept it, change %u clause: %s",
                                               "For %s to accept it, change %u clauses: %s",
                                               n_changes),
                                  names, n_changes, list->str);
          if (status == ZOPA_ANSWER_BOUNDED)
            g_string_append_printf (out, " %s", _("(the fewest found within the time limit; fewer may exist)"));
        }
      g_string_append_c (out, '\n');
    }
}

static void
print_regions (GString      *out,
               ZopaAnalysis *analysis)
{
  guint all = zopa_analysis_get_all_mask (analysis);
  const char *h_group = _("Group"), *h_incl = _("All of them accept"), *h_excl = _("Only they accept");
  guint w_group = g_utf8_strlen (h_group, -1), w_incl = g_utf8_strlen (h_incl, -1);
  gboolean any_estimate = FALSE;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint size = 1; size <= zopa_analysis_get_n_actors (analysis); size++)
    for (guint m = 1; m <= all; m++)
      {
        const ZopaRegion *r = zopa_analysis_get_region (analysis, m);
        g_autofree char *incl = NULL;
        g_autofree char *excl = NULL;

        if ((guint) __builtin_popcount (m) != size || r == NULL)
          continue;
        incl = zopa_format_integer (r->inclusive);
        excl = zopa_format_integer (r->exclusive);
        g_ptr_array_add (cells, group_names (analysis, m));
        if (r->exact)
          {
            g_ptr_array_add (cells, g_strdup (incl));
            g_ptr_array_add (cells, g_strdup (excl));
          }
        else
          {
            g_autofree char *ie = zopa_format_integer (r->inclusive_error);
            g_autofree char *ee = zopa_format_integer (r->exclusive_error);
            any_estimate = TRUE;
            g_ptr_array_add (cells, r->inclusive_empty ? g_strdup ("0")
                                    : !r->inclusive_decided ? g_strdup_printf ("≈%s ±%s %s", incl, ie, _("(maybe empty)"))
                                    : g_strdup_printf ("≈%s ±%s", incl, ie));
            g_ptr_array_add (cells, r->exclusive_empty ? g_strdup ("0")
                                    : !r->exclusive_decided ? g_strdup_printf ("≈%s ±%s %s", excl, ee, _("(maybe empty)"))
                                    : g_strdup_printf ("≈%s ±%s", excl, ee));
          }
      }
  for (guint k = 0; k < cells->len; k += 3)
    {
      w_group = MAX (w_group, (guint) g_utf8_strlen (g_ptr_array_index (cells, k), -1));
      w_incl = MAX (w_incl, (guint) g_utf8_strlen (g_ptr_array_index (cells, k + 1), -1));
    }

  g_string_append_printf (out, "\n%s\n", _("Regions"));
  g_string_append (out, "  ");
  print_cell (out, h_group, w_group + 2);
  print_cell (out, h_incl, w_incl + 2);
  g_string_append_printf (out, "%s\n", h_excl);
  for (guint k = 0; k < cells->len; k += 3)
    {
      g_string_append (out, "  ");
      print_cell (out, g_ptr_array_index (cells, k), w_group + 2);
      print_cell (out, g_ptr_array_index (cells, k + 1), w_incl + 2);
      g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (cells, k + 2));
    }
  if (any_estimate)
    /* xgettext:no-c-format */
    g_string_append_printf (out, "  %s\n", _("≈ estimated by sampling, ± the 95 % error bound; whether a region is empty is exact unless marked “maybe empty” (the time limit ran out first)."));
}

static void
print_zopa (GString      *out,
            ZopaAnalysis *analysis)
{
  guint all = zopa_analysis_get_all_mask (analysis);
  const ZopaRegion *r = zopa_analysis_get_region (analysis, all);
  const guint *witness = zopa_analysis_get_zopa_witness (analysis, all);
  g_autofree char *names = group_names (analysis, all);
  double surplus, bound = 0.0;

  g_string_append_printf (out, "\n%s\n  ", _("ZOPA"));
  if (witness == NULL && !r->inclusive_decided)
    {
      g_string_append_printf (out, _("Undecided: the time limit ran out before it was known whether any deal is acceptable to all of %s."), names);
      g_string_append_c (out, '\n');
      return;
    }
  if (witness == NULL)
    {
      g_string_append_printf (out, _("No deal is acceptable to all of %s."), names);
      g_string_append_c (out, '\n');
      return;
    }
  {
    g_autofree char *count = zopa_format_integer (r->inclusive);
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s%s deal is acceptable to all of %s.",
                                         "%s%s deals are acceptable to all of %s.",
                                         (gulong) MIN (r->inclusive, 1000000.0)),
                            r->exact ? "" : "≈", count, names);
    g_string_append_c (out, '\n');
  }
  if (zopa_analysis_get_zopa_min_surplus (analysis, all, &surplus) &&
      zopa_analysis_get_zopa_status (analysis, all, &bound) == ZOPA_ANSWER_BOUNDED)
    g_string_append_printf (out, _("  The best deal for the least satisfied actor found within the time limit (smallest surplus %+.1f; the best possible is at most %+.1f):"),
                            surplus, bound);
  else if (zopa_analysis_get_zopa_min_surplus (analysis, all, &surplus))
    g_string_append_printf (out, _("  The deal that leaves the least satisfied actor best off (smallest surplus %+.1f):"), surplus);
  else
    g_string_append (out, _("  One such deal:"));
  g_string_append_c (out, '\n');

  {
    guint width = 0;
    for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
      width = MAX (width, (guint) g_utf8_strlen (zopa_analysis_get_issue_title (analysis, i), -1));
    for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
      {
        g_string_append (out, "    ");
        print_cell (out, zopa_analysis_get_issue_title (analysis, i), width + 2);
        g_string_append_printf (out, "%s\n", zopa_analysis_get_option_label (analysis, i, witness[i]));
      }
  }
}

static void
print_what_must_change (GString      *out,
                        ZopaAnalysis *analysis)
{
  guint all = zopa_analysis_get_all_mask (analysis);
  guint n_sets;
  gboolean complete;
  const ZopaChangeSet *sets = zopa_analysis_get_what_must_change (analysis, all, &n_sets, &complete);

  if (!zopa_analysis_zopa_is_empty (analysis, all))
    return;
  /* With weight ranges there is no one reading to search; the readings section says so. */
  if (n_sets == 0 && zopa_analysis_is_uncertain (analysis))
    return;

  g_string_append_printf (out, "\n%s\n", _("What must change"));
  for (guint k = 0; k < n_sets; k++)
    {
      g_string_append_printf (out, "  %2u. ", k + 1);
      for (guint j = 0; j < sets[k].n_changes; j++)
        {
          const ZopaStanceChange *c = &sets[k].changes[j];
          const char *actor = zopa_analysis_get_actor_name (analysis, c->actor);

          if (j > 0)
            g_string_append (out, "\n      ");
          if (c->kind == ZOPA_STANCE_CHANGE_ALLOW)
            /* TRANSLATORS: actor, option, issue */
            g_string_append_printf (out, _("%s accepts “%s” on %s"), actor,
                                    zopa_analysis_get_option_label (analysis, c->issue, c->option),
                                    zopa_analysis_get_issue_title (analysis, c->issue));
          else
            g_string_append_printf (out, _("%s lowers its reservation from %d to %d"), actor,
                                    zopa_analysis_get_reservation (analysis, c->actor), c->reservation);
        }
      g_string_append_c (out, '\n');
    }
  if (!complete)
    g_string_append_printf (out, "  %s\n", _("(The search stopped at its work or time limit; other sets may exist.)"));
}

static char *
human_report (ZopaAnalysis *analysis)
{
  GString *out = g_string_new (NULL);
  g_autofree char *names = group_names (analysis, zopa_analysis_get_all_mask (analysis));
  g_autofree char *space = zopa_format_integer (zopa_analysis_get_deal_space (analysis));
  const char *title = zopa_analysis_get_scenario_title (analysis);

  g_string_append_printf (out, "%s\n", title != NULL && *title != '\0' ? title : _("Untitled scenario"));
  if (zopa_analysis_get_variant_id (analysis) != NULL)
    {
      const char *vtitle = zopa_analysis_get_variant_title (analysis);
      g_string_append_printf (out, _("Variant: %s (%s)"),
                              vtitle != NULL && *vtitle != '\0' ? vtitle : zopa_analysis_get_variant_id (analysis),
                              zopa_analysis_get_variant_id (analysis));
    }
  else
    g_string_append (out, _("Variant: none (the base scenario)"));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Actors: %s"), names);
  g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "Deal space: %s deal", "Deal space: %s deals",
                                       (gulong) MIN (zopa_analysis_get_deal_space (analysis), 1e9)),
                          space);
  g_string_append_c (out, '\n');

  if (zopa_analysis_get_n_drafts (analysis) > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Drafts"));
      for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
        print_draft (out, analysis, d);
    }
  print_regions (out, analysis);
  print_zopa (out, analysis);
  zopa_cli_print_readings (out, analysis);
  print_what_must_change (out, analysis);
  return g_string_free (out, FALSE);
}

int
zopa_cli_analyze (int argc, char **argv)
{
  g_autofree char *variant = NULL;
  g_autofree char *actors = NULL;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  double time_limit = ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT;
  GOptionEntry entries[] = {
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant, N_("Analyse this variant"), N_("ID") },
    { "actors", 0, 0, G_OPTION_ARG_STRING, &actors, N_("Analyse these actors (at most 16), in this order"), N_("ID,…") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the analysis as JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print the regions and verdicts as a CSV table"), NULL },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &time_limit,
      N_("Stop the searches after about this many seconds (default 10); answers cut short say so"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE]"));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actor_ids = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_auto(GStrv) args = NULL;
  const char *path = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Prints verdicts on the drafts, the regions, the ZOPA and what must change."));

  args = g_new0 (char *, argc + 1);
  for (int k = 0; k < argc; k++)
    args[k] = g_strdup (argv[k]);
  g_free (args[0]);
  args[0] = g_strdup ("zopa-cli analyze");

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      fprintf (stderr, "zopa-cli analyze: %s\n", error->message);
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }
  if (json && csv)
    {
      fprintf (stderr, "zopa-cli analyze: %s\n", _("--json and --csv cannot be combined"));
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }
  if (g_strv_length (args) > 2)
    {
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }
  if (g_strv_length (args) == 2)
    path = args[1];

  if (actors != NULL)
    {
      actor_ids = g_strsplit (actors, ",", -1);
      for (guint k = 0; actor_ids[k] != NULL; k++)
        {
          g_strstrip (actor_ids[k]);
          if (actor_ids[k][0] == '\0')
            {
              fprintf (stderr, "zopa-cli analyze: %s\n", _("--actors expects a comma-separated list of actor ids"));
              print_usage (stderr);
              return ZOPA_EXIT_USAGE;
            }
        }
    }
  if (!(time_limit > 0.0 && time_limit <= 86400.0))
    {
      fprintf (stderr, "zopa-cli analyze: %s\n", _("--time-limit expects a number of seconds above 0 and at most 86400"));
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }
  if (variant != NULL && variant[0] == '\0')
    {
      fprintf (stderr, "zopa-cli analyze: %s\n", _("--variant expects a variant id"));
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }

  scenario = zopa_cli_load_scenario (path);
  if (scenario == NULL)
    return ZOPA_EXIT_INVALID;

  analysis = zopa_analysis_new_unsolved (scenario, variant, (const char * const *) actor_ids, &error);
  if (analysis == NULL)
    {
      fprintf (stderr, "%s: error: %s\n", path != NULL ? path : "zopa-cli analyze", error->message);
      return ZOPA_EXIT_INVALID;
    }
  zopa_analysis_solve (analysis, time_limit, NULL);

  if (json)
    {
      g_autoptr(JsonNode) root = zopa_analysis_to_json (analysis);

      zopa_cli_print_json (root, TRUE);
    }
  else if (csv)
    {
      g_autofree char *table = zopa_analysis_to_csv (analysis);

      fputs (table, stdout);
    }
  else
    {
      g_autofree char *report = human_report (analysis);
      zopa_cli_print_report (report);
    }
  return ZOPA_EXIT_OK;
}
