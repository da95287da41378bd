/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bounded searches against exhaustive enumeration on small seeded problems: the
 * integer programs (zopa-mip.c) and the fast-path-then-solver questions (zopa-solve.c)
 * must give exactly what enumeration gives; a cancelled analysis must say that its
 * answers are bounded and never claim a region empty that is not. */

#include <string.h>

#include "analysis/zopa-mip.h"
#include "analysis/zopa-solve.h"
#include "../bench/hard-scenarios.h"

static ZopaProblem *
random_problem (GRand *rand)
{
  guint n_actors = g_rand_int_range (rand, 2, 5), n_issues = g_rand_int_range (rand, 1, 6);
  guint n_options[6];
  ZopaProblem *p;

  for (guint i = 0; i < n_issues; i++)
    n_options[i] = g_rand_int_range (rand, 1, 5);
  p = zopa_problem_new (n_actors, n_issues, n_options);
  for (guint a = 0; a < n_actors; a++)
    {
      p->reservation[a] = g_rand_int_range (rand, 0, 90);
      for (guint i = 0; i < n_issues; i++)
        {
          zopa_problem_set_weight (p, a, i, g_rand_int_range (rand, 0, 6));
          for (guint o = 0; o < n_options[i]; o++)
            {
              zopa_problem_set_utility (p, a, i, o, g_rand_int_range (rand, 0, 101));
              if (g_rand_double (rand) < 0.25)
                p->acceptable[a * n_issues + i] &= ~((ZopaOptionMask) 1 << o);
            }
        }
    }
  return p;
}

/* Every deal: whether one fits (in accept, out reject), and the best smallest surplus. */
static gboolean
enumerate (const ZopaProblem *p, guint in, guint out, double *best_surplus)
{
  guint deal[8] = { 0 };
  gboolean any = FALSE;

  *best_surplus = -G_MAXDOUBLE;
  for (;;)
    {
      guint accepting = zopa_problem_accepting (p, deal);
      guint i;

      if ((accepting & in) == in && (accepting & out) == 0)
        {
          double smallest = G_MAXDOUBLE;
          any = TRUE;
          for (guint a = 0; a < p->n_actors; a++)
            if (((in >> a) & 1) && p->total_weight[a] > 0)
              smallest = MIN (smallest, (double) (zopa_problem_score_sum (p, a, deal) - zopa_problem_need (p, a)) /
                                        (double) p->total_weight[a]);
          *best_surplus = MAX (*best_surplus, smallest);
        }
      for (i = 0; i < p->n_issues; i++)
        {
          if (++deal[i] < p->n_options[i])
            break;
          deal[i] = 0;
        }
      if (i == p->n_issues)
        return any;
    }
}

static void
test_mip_against_enumeration (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(ZopaProblem) p = random_problem (rand);
      guint all = (1u << p->n_actors) - 1;

      for (guint in = 1; in <= all; in++)
        {
          double best;
          gboolean feasible = enumerate (p, in, all & ~in, &best);
          g_autoptr(ZopaMip) mip = zopa_mip_new_group (p, NULL, NULL, in, in, all & ~in, FALSE);
          g_autofree guint *deal = g_new0 (guint, p->n_issues);
          ZopaMipStatus status = mip == NULL ? ZOPA_MIP_INFEASIBLE : zopa_mip_solve (mip, NULL, NULL, NULL, NULL);

          g_assert_cmpint (status == ZOPA_MIP_OPTIMAL, ==, feasible);
          g_assert_cmpint (status == ZOPA_MIP_INFEASIBLE, ==, !feasible);
          g_assert_cmpint (zopa_solve_feasible (p, in, all & ~in, deal, NULL), ==,
                           feasible ? ZOPA_SEARCH_OPTIMAL : ZOPA_SEARCH_NONE);

          /* The ZOPA of the group: emptiness and the max-min surplus, exactly. */
          {
            gint64 num = 0, den = 0;
            double bound;
            gboolean zopa = enumerate (p, in, 0, &best);
            ZopaSearchResult result = zopa_solve_witness (p, in, deal, &num, &den, &bound, NULL);

            g_assert_cmpint (result, ==, zopa ? ZOPA_SEARCH_OPTIMAL : ZOPA_SEARCH_NONE);
            if (zopa && den > 0)
              g_assert_cmpfloat_with_epsilon ((double) num / den, best, 1e-9);
          }
        }
    }
}

/* The integer program alone (no fast path) finds the same best smallest surplus. */
static void
test_mip_maximin (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(ZopaProblem) p = random_problem (rand);
      guint all = (1u << p->n_actors) - 1;
      double best, objective = 0.0, bound = 0.0;
      gboolean zopa = enumerate (p, all, 0, &best);
      g_autoptr(ZopaMip) mip = zopa_mip_new_group (p, NULL, NULL, all, all, 0, TRUE);
      g_autofree double *x = NULL;
      ZopaMipStatus status;

      if (mip == NULL)
        {
          g_assert_false (zopa);
          continue;
        }
      x = g_new0 (double, mip->n_cols);
      status = zopa_mip_solve (mip, NULL, x, &objective, &bound);
      g_assert_cmpint (status, ==, zopa ? ZOPA_MIP_OPTIMAL : ZOPA_MIP_INFEASIBLE);
      if (zopa && best > -G_MAXDOUBLE && best < G_MAXDOUBLE)
        g_assert_cmpfloat_with_epsilon (objective, best, 1e-6);
    }
}

/* The integer program's smallest set of stance changes is as small as the engine's. */
static void
test_what_must_change (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  guint compared = 0;

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(ZopaProblem) p = random_problem (rand);
      guint all = (1u << p->n_actors) - 1;
      double best;
      gboolean complete_engine = FALSE, complete_mip = FALSE;
      g_autoptr(GPtrArray) engine = NULL;
      g_autoptr(GPtrArray) mip = NULL;

      if (enumerate (p, all, 0, &best))
        continue;
      engine = zopa_change_what_must_change (p, all, 10, (guint64) 1 << 30, &complete_engine);
      mip = zopa_solve_what_must_change (p, all, 10, 2, NULL, &complete_mip);
      g_assert_true (complete_engine && complete_mip);
      g_assert_cmpuint (engine->len > 0, ==, mip->len > 0);
      if (engine->len > 0)
        {
          ZopaChangeList *a = g_ptr_array_index (engine, 0), *b = g_ptr_array_index (mip, 0);
          g_assert_cmpuint (a->n_changes, ==, b->n_changes);
          compared++;
        }
    }
  g_assert_cmpuint (compared, >, 10);
}

/* The smallest worst-case surplus of the members once the clause changes are made. */
static double
changed_draft_surplus (const ZopaProblem *p, const int *option, guint mask, const guint *changes, guint n)
{
  int changed[8];
  double smallest = G_MAXDOUBLE;

  memcpy (changed, option, sizeof (int) * p->n_issues);
  for (guint k = 0; k < n; k++)
    changed[changes[2 * k]] = changes[2 * k + 1];
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 sum = 0;

      if (!((mask >> a) & 1) || p->total_weight[a] == 0)
        continue;
      for (guint i = 0; i < p->n_issues; i++)
        {
          gint64 v = G_MAXINT64;
          for (guint o = 0; o < p->n_options[i]; o++)
            if (changed[i] < 0 || changed[i] == (int) o)
              {
                /* Every completion must cross no red line of a member. */
                g_assert_true ((zopa_problem_acceptable (p, a, i) >> o) & 1);
                v = MIN (v, zopa_problem_value (p, a, i, o));
              }
          sum += v;
        }
      g_assert_cmpint (sum, >=, zopa_problem_need (p, a));
      smallest = MIN (smallest, (double) (sum - zopa_problem_need (p, a)) / (double) p->total_weight[a]);
    }
  return smallest;
}

/* The integer programs of the fewest clause changes agree with the engine's exact search:
 * as few changes, the same smallest worst-case surplus, every change set checked. */
static void
test_fewest_clause_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint compared = 0, none = 0;

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(ZopaProblem) p = random_problem (rand);
      /* Two members: with all of them most drafts have no clause changes that work. */
      guint all = 0x3;
      int option[8];
      g_autofree guint *engine = NULL;
      g_autofree guint *mip = NULL;
      guint n_engine = 0, n_mip = 0;
      gboolean exact_engine, exact_mip, found_engine, found_mip;

      for (guint i = 0; i < p->n_issues; i++)
        option[i] = g_rand_double (rand) < 0.6 ? g_rand_int_range (rand, 0, p->n_options[i]) : -1;
      found_engine = zopa_change_fewest_clause_changes_bounded (p, option, all, NULL, &engine, &n_engine, &exact_engine);
      found_mip = zopa_solve_fewest_clause_changes_mip (p, option, all, NULL, &mip, &n_mip, &exact_mip);
      g_assert_true (exact_engine && exact_mip);
      g_assert_cmpint (found_engine, ==, found_mip);
      if (!found_engine)
        {
          none++;
          continue;
        }
      g_assert_cmpuint (n_engine, ==, n_mip);
      g_assert_cmpfloat_with_epsilon (changed_draft_surplus (p, option, all, engine, n_engine),
                                      changed_draft_surplus (p, option, all, mip, n_mip), 1e-9);
      compared++;
    }
  g_test_message ("%u drafts compared, %u with no clause changes that work", compared, none);
  g_assert_cmpuint (compared, >, 50);
  g_assert_cmpuint (none, >, 10);
}

/* Cancelled at once: the solve says so, and what it did decide is right. */
static void
test_cancelled_analysis (void)
{
  g_autoptr(ZopaScenario) scenario = hard_scenario_generate (&hard_shapes[5], 7);
  g_autoptr(ZopaScenario) again = hard_scenario_generate (&hard_shapes[5], 7);
  g_autoptr(ZopaAnalysis) cancelled = zopa_analysis_new_unsolved (scenario, NULL, NULL, NULL);
  g_autoptr(ZopaAnalysis) full = zopa_analysis_new_unsolved (again, NULL, NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint all;

  g_assert_nonnull (cancelled);
  g_cancellable_cancel (cancellable);
  g_assert_false (zopa_analysis_solve (cancelled, 10.0, cancellable));
  g_assert_true (zopa_analysis_solve (full, 60.0, NULL));

  all = zopa_analysis_get_all_mask (full);
  for (guint m = 1; m <= all; m++)
    {
      const ZopaRegion *r = zopa_analysis_get_region (cancelled, m);
      const ZopaRegion *f = zopa_analysis_get_region (full, m);

      g_assert_true (f->inclusive_decided && f->exclusive_decided);
      if (r->inclusive_decided)
        g_assert_cmpint (r->inclusive_empty, ==, f->inclusive_empty);
      else
        g_assert_false (r->inclusive_empty);
      if (r->exclusive_decided)
        g_assert_cmpint (r->exclusive_empty, ==, f->exclusive_empty);
      else
        g_assert_false (r->exclusive_empty);
    }
}

static gpointer
solve_in_worker (gpointer data)
{
  gpointer *args = data;

  return GINT_TO_POINTER (zopa_analysis_solve (args[0], 600.0, args[1]));
}

/* Built on this thread, solved on a worker with a long limit, cancelled from here: the
 * worker returns FALSE (promptly; the test would time out otherwise), and the answers of
 * the lazily computed getters stay usable from this thread. */
static void
test_worker_thread (void)
{
  g_autoptr(ZopaScenario) scenario = hard_scenario_generate (&hard_shapes[3], 3);
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new_unsolved (scenario, NULL, NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gpointer args[2] = { analysis, cancellable };
  GThread *worker;
  double surplus_bound;

  g_assert_nonnull (analysis);
  worker = g_thread_new ("solve", solve_in_worker, args);
  g_cancellable_cancel (cancellable);
  g_assert_false (GPOINTER_TO_INT (g_thread_join (worker)));
  /* Whatever was decided is said with its status. */
  if (zopa_analysis_get_zopa_status (analysis, zopa_analysis_get_all_mask (analysis), &surplus_bound) == ZOPA_ANSWER_EXACT)
    g_assert_true (zopa_analysis_get_region (analysis, zopa_analysis_get_all_mask (analysis))->inclusive_decided);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bounded/mip-against-enumeration", test_mip_against_enumeration);
  g_test_add_func ("/bounded/mip-maximin", test_mip_maximin);
  g_test_add_func ("/bounded/what-must-change", test_what_must_change);
  g_test_add_func ("/bounded/fewest-clause-changes", test_fewest_clause_changes);
  g_test_add_func ("/bounded/cancelled-analysis", test_cancelled_analysis);
  g_test_add_func ("/bounded/worker-thread", test_worker_thread);
  return g_test_run ();
}
