/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-estimate: accuracy of the estimated region counts (zopa-estimate.c).
 *
 * Generated scenarios whose exact counts overrun the default work budget are analysed
 * twice: with the default budget (estimates) and with a budget large enough for exact
 * counts (the long run). For every region the default run estimated and the long run
 * counted exactly: the relative error and whether the stated 95 % bound holds. Prints one
 * JSON line per scenario and a summary (median and 90th percentile relative error, share
 * of bounds that held). Exit status 1 when a long run is not exact.
 *
 *   bench-estimate [SEEDS]     (default 4 per shape; each long run takes 15–90 s)
 */

#include <math.h>
#include <stdio.h>

#include "analysis/zopa-analysis.h"
#include "analysis/zopa-problem.h"
#include "hard-scenarios.h"

static const HardShape shapes[] = {
  { "3x16x8-0.8",  3, 16,  8, 0.8,  0, 45, 65 },
  { "4x14x8-0.8",  4, 14,  8, 0.8,  0, 45, 65 },
  { "3x20x6-0.9",  3, 20,  6, 0.9,  0, 50, 70 },
  { "5x12x8-0.85", 5, 12,  8, 0.85, 0, 45, 65 },
  { NULL }
};

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  guint seeds = argc > 1 ? (guint) atoi (argv[1]) : 4;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (double));
  guint held = 0, total = 0;
  gboolean ok = TRUE;

  for (const HardShape *shape = shapes; shape->name != NULL; shape++)
    for (guint seed = 1; seed <= seeds; seed++)
      {
        g_autoptr(ZopaScenario) scenario = hard_scenario_generate (shape, seed);
        g_autoptr(ZopaAnalysis) estimated = NULL, exact = NULL;
        guint all, n = 0, n_held = 0;
        double start = g_get_monotonic_time (), est_ms, exact_ms;

        zopa_analysis_set_count_budget (0);
        estimated = zopa_analysis_new_unsolved (scenario, NULL, NULL, NULL);
        zopa_analysis_solve (estimated, 60.0, NULL);
        est_ms = (g_get_monotonic_time () - start) / 1000.0;
        start = g_get_monotonic_time ();
        zopa_analysis_set_count_budget ((guint64) 1 << 40);
        exact = zopa_analysis_new_unsolved (scenario, NULL, NULL, NULL);
        zopa_analysis_solve (exact, 600.0, NULL);
        exact_ms = (g_get_monotonic_time () - start) / 1000.0;
        zopa_analysis_set_count_budget (0);

        all = zopa_analysis_get_all_mask (exact);
        for (guint m = 1; m <= all; m++)
          {
            const ZopaRegion *e = zopa_analysis_get_region (estimated, m);
            const ZopaRegion *t = zopa_analysis_get_region (exact, m);

            if (!t->exact)
              {
                ok = FALSE;
                continue;
              }
            if (e->exact)
              continue;
            /* Both counts of the region. */
            for (guint which = 0; which < 2; which++)
              {
                double truth = which ? t->exclusive : t->inclusive;
                double guess = which ? e->exclusive : e->inclusive;
                double bound = which ? e->exclusive_error : e->inclusive_error;
                double rel;

                if (truth == 0.0)
                  continue;
                rel = fabs (guess - truth) / truth;
                g_array_append_val (errors, rel);
                n++;
                n_held += fabs (guess - truth) <= bound;
              }
          }
        held += n_held;
        total += n;
        printf ("{\"shape\": \"%s\", \"seed\": %u, \"estimated_counts\": %u, \"bounds_held\": %u, "
                "\"estimate_ms\": %.1f, \"exact_ms\": %.1f}\n", shape->name, seed, n, n_held, est_ms, exact_ms);
        fflush (stdout);
      }

  g_array_sort (errors, compare_double);
  printf ("{\"estimated_counts\": %u, \"median_relative_error\": %.4f, \"p90_relative_error\": %.4f, "
          "\"max_relative_error\": %.4f, \"bounds_held\": %.3f}\n", total,
          errors->len ? g_array_index (errors, double, errors->len / 2) : 0.0,
          errors->len ? g_array_index (errors, double, errors->len * 9 / 10) : 0.0,
          errors->len ? g_array_index (errors, double, errors->len - 1) : 0.0,
          total ? (double) held / total : 0.0);
  return ok ? 0 : 1;
}
