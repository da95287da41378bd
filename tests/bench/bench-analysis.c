/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-analysis: timings of the analysis engine, one JSON line per benchmark.
 *
 *   builtin     the built-in scenario: everything (all regions, drafts, the ZOPA and what
 *               must change, as `zopa-cli analyze --json` computes it)
 *   generated   a seeded 5 actors × 20 issues × 5 options scenario, each actor accepting
 *               about 60 % of the options, integer utilities and weights
 *   enumeration 5 × 10 × 5 (9.8 million deals): the engine's region counts against
 *               exhaustive enumeration, which must agree exactly, and the time ratio
 *
 * Medians over repeated runs. Exit status 1 when counts disagree.
 */

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "analysis/zopa-analysis.h"
#include "model/zopa-scenario-file.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Everything the CLI prints: the analysis, the ZOPA witness, what must change, JSON. */
static double
time_full (ZopaScenario *scenario, ZopaAnalysis **keep)
{
  double start = now_ms (), elapsed;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
  JsonNode *json = zopa_analysis_to_json (analysis);

  elapsed = now_ms () - start;
  json_node_unref (json);
  if (keep != NULL)
    *keep = g_steal_pointer (&analysis);
  return elapsed;
}

static ZopaScenario *
generate (guint32 seed,
          guint   n_actors,
          guint   n_issues,
          guint   n_options)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ZopaScenario *scenario = zopa_scenario_new ();

  zopa_scenario_set_title (scenario, "Generated");
  for (guint i = 0; i < n_issues; i++)
    {
      g_autofree char *id = g_strdup_printf ("issue-%u", i);
      g_autoptr(ZopaIssue) issue = zopa_issue_new (id);
      for (guint o = 0; o < n_options; o++)
        {
          g_autofree char *oid = g_strdup_printf ("issue-%u-%u", i, o);
          g_autoptr(ZopaOption) option = zopa_option_new (oid, oid);
          zopa_issue_insert_option (issue, o, option);
        }
      zopa_scenario_insert_issue (scenario, i, issue);
    }

  for (guint a = 0; a < n_actors; a++)
    {
      g_autofree char *id = g_strdup_printf ("actor-%u", a);
      g_autoptr(ZopaActor) actor = zopa_actor_new (id);

      zopa_actor_set_reservation (actor, g_rand_int_range (rand, 40, 71));
      for (guint i = 0; i < n_issues; i++)
        {
          g_autofree char *iid = g_strdup_printf ("issue-%u", i);
          g_autoptr(ZopaStance) stance = zopa_stance_new (iid);
          g_autoptr(GPtrArray) acceptable = g_ptr_array_new_with_free_func (g_free);

          zopa_stance_set_weight (stance, g_rand_int_range (rand, 0, 11));
          for (guint o = 0; o < n_options; o++)
            {
              g_autofree char *oid = g_strdup_printf ("issue-%u-%u", i, o);
              zopa_stance_set_utility (stance, oid, g_rand_int_range (rand, 0, 101));
              if (g_rand_double (rand) < 0.6)
                g_ptr_array_add (acceptable, g_strdup (oid));
            }
          if (acceptable->len == 0)
            g_ptr_array_add (acceptable, g_strdup_printf ("issue-%u-%u", i, g_rand_int_range (rand, 0, n_options)));
          g_ptr_array_add (acceptable, NULL);
          zopa_stance_set_acceptable (stance, (const char * const *) acceptable->pdata);
          zopa_actor_insert_stance (actor, i, stance);
        }
      zopa_scenario_insert_actor (scenario, a, actor);
    }

  /* Three drafts fixing some issues, leaving the rest open. */
  for (guint d = 0; d < 3; d++)
    {
      g_autofree char *id = g_strdup_printf ("draft-%u", d);
      g_autoptr(ZopaDraft) draft = zopa_draft_new (id);
      for (guint i = 0; i < n_issues; i++)
        {
          g_autofree char *cid = NULL;
          g_autofree char *iid = NULL;
          g_autofree char *oid = NULL;
          g_autoptr(ZopaClause) clause = NULL;

          if (g_rand_int_range (rand, 0, 3) == 0)
            continue;
          cid = g_strdup_printf ("draft-%u/%u", d, i);
          iid = g_strdup_printf ("issue-%u", i);
          oid = g_strdup_printf ("issue-%u-%u", i, g_rand_int_range (rand, 0, n_options));
          clause = zopa_clause_new (cid);
          zopa_clause_set_option (clause, iid, oid);
          zopa_draft_insert_clause (draft, g_list_model_get_n_items (zopa_draft_get_clauses (draft)), clause);
        }
      zopa_scenario_insert_draft (scenario, d, draft);
    }
  return scenario;
}

/* Exhaustive enumeration with running sums: the deals each group exactly accepts. */
static void
enumerate (ZopaAnalysis *analysis, guint64 *exclusive)
{
  guint n_actors = zopa_analysis_get_n_actors (analysis);
  guint n = zopa_analysis_get_n_issues (analysis);
  guint n_opt[32], deal[32] = { 0 };
  gint64 value[6][32][8], sum[6] = { 0 }, need[6];
  int crossed[6] = { 0 };
  gboolean bad[6][32][8];
  gboolean scored[6];

  for (guint a = 0; a < n_actors; a++)
    {
      gint64 w = 0;
      for (guint i = 0; i < n; i++)
        {
          n_opt[i] = zopa_analysis_get_n_options (analysis, i);
          w += zopa_analysis_get_weight (analysis, a, i);
          for (guint o = 0; o < n_opt[i]; o++)
            {
              value[a][i][o] = (gint64) zopa_analysis_get_weight (analysis, a, i) * zopa_analysis_get_utility (analysis, a, i, o);
              bad[a][i][o] = !zopa_analysis_actor_accepts_option (analysis, a, i, o);
            }
          sum[a] += value[a][i][0];
          crossed[a] += bad[a][i][0];
        }
      need[a] = w * zopa_analysis_get_reservation (analysis, a);
      scored[a] = w > 0;
    }

  memset (exclusive, 0, sizeof (guint64) * 64);
  for (;;)
    {
      guint mask = 0;
      guint i;

      for (guint a = 0; a < n_actors; a++)
        if (crossed[a] == 0 && (!scored[a] || sum[a] >= need[a]))
          mask |= 1u << a;
      exclusive[mask]++;

      for (i = 0; i < n; i++)
        {
          guint old = deal[i], next = old + 1 == n_opt[i] ? 0 : old + 1;
          deal[i] = next;
          for (guint a = 0; a < n_actors; a++)
            {
              sum[a] += value[a][i][next] - value[a][i][old];
              crossed[a] += bad[a][i][next] - bad[a][i][old];
            }
          if (next != 0)
            break;
        }
      if (i == n)
        break;
    }
}

int
main (int argc, char **argv)
{
  gboolean ok = TRUE;

  /* (a) the built-in scenario */
  {
    g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
    g_autoptr(ZopaAnalysis) analysis = NULL;
    guint runs = 300;
    double times[300], core[300];

    for (guint k = 0; k < runs; k++)
      {
        double start = now_ms ();
        g_autoptr(ZopaAnalysis) a = zopa_analysis_new (scenario, NULL, NULL, NULL);
        zopa_analysis_get_zopa_witness (a, zopa_analysis_get_all_mask (a));
        core[k] = now_ms () - start;
      }
    for (guint k = 0; k < runs; k++)
      times[k] = time_full (scenario, NULL);
    time_full (scenario, &analysis);
    printf ("{\"bench\": \"builtin\", \"actors\": %u, \"issues\": %u, \"deal_space\": %.0f, "
            "\"median_ms\": %.4f, \"median_ms_without_what_must_change\": %.4f, \"runs\": %u, \"target_ms\": 2}\n",
            zopa_analysis_get_n_actors (analysis), zopa_analysis_get_n_issues (analysis),
            zopa_analysis_get_deal_space (analysis), median (times, runs), median (core, runs), runs);
    fflush (stdout);
  }

  /* (b) generated 5 × 20 × 5 */
  {
    /* Another seed may be given on the command line to try more scenarios. */
    guint32 seed = argc > 1 ? (guint32) g_ascii_strtoull (argv[1], NULL, 10) : 20251120;
    g_autoptr(ZopaScenario) scenario = generate (seed, 5, 20, 5);
    g_autoptr(ZopaAnalysis) analysis = NULL;
    guint runs = 9, exact = 0, empty = 0, all;
    double times[9];

    for (guint k = 0; k < runs; k++)
      times[k] = time_full (scenario, NULL);
    time_full (scenario, &analysis);
    all = zopa_analysis_get_all_mask (analysis);
    for (guint m = 1; m <= all; m++)
      {
        const ZopaRegion *r = zopa_analysis_get_region (analysis, m);
        exact += r->exact;
        empty += r->exclusive_empty;
      }
    printf ("{\"bench\": \"generated-5x20x5\", \"deal_space\": %.0f, \"median_ms\": %.3f, \"runs\": %u, "
            "\"regions\": %u, \"exact_regions\": %u, \"empty_exclusive_regions\": %u, "
            "\"emptiness_exact\": true, \"target_ms\": 250}\n",
            zopa_analysis_get_deal_space (analysis), median (times, runs), runs, all, exact, empty);
    fflush (stdout);
  }

  /* (c) 5 × 10 × 5 against enumeration */
  {
    g_autoptr(ZopaScenario) scenario = generate (10052025, 5, 10, 5);
    g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
    guint engine_runs = 51, enum_runs = 3, all = zopa_analysis_get_all_mask (analysis);
    double engine[51], enumeration[3];
    guint64 exclusive[64];
    gboolean identical = TRUE;
    double engine_ms, enum_ms;

    for (guint k = 0; k < engine_runs; k++)
      {
        double start = now_ms ();
        ZopaAnalysis *a = zopa_analysis_new (scenario, NULL, NULL, NULL);

        engine[k] = now_ms () - start;
        g_object_unref (a);
      }
    for (guint k = 0; k < enum_runs; k++)
      {
        double start = now_ms ();
        enumerate (analysis, exclusive);
        enumeration[k] = now_ms () - start;
      }
    for (guint m = 1; m <= all; m++)
      {
        const ZopaRegion *r = zopa_analysis_get_region (analysis, m);
        guint64 inclusive = 0;
        for (guint t = m; t <= all; t = (t + 1) | m)
          inclusive += exclusive[t];
        if (!r->exact || r->exclusive != (double) exclusive[m] || r->inclusive != (double) inclusive)
          identical = FALSE;
      }
    engine_ms = median (engine, engine_runs);
    enum_ms = median (enumeration, enum_runs);
    printf ("{\"bench\": \"enumeration-5x10x5\", \"deal_space\": %.0f, \"engine_median_ms\": %.4f, "
            "\"engine_runs\": %u, \"enumeration_median_ms\": %.2f, \"enumeration_runs\": %u, "
            "\"identical_counts\": %s, \"speedup\": %.1f, \"target_speedup\": 100}\n",
            zopa_analysis_get_deal_space (analysis), engine_ms, engine_runs, enum_ms, enum_runs,
            identical ? "true" : "false", enum_ms / engine_ms);
    ok &= identical;
  }

  return ok ? 0 : 1;
}
