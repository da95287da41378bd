/* zopa-solve.c: fast paths first, then the integer program, within a budget */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <string.h>

#include "zopa-mip.h"
#include "zopa-solve.h"

static gboolean
deal_fits (const ZopaProblem *p,
           guint              in_mask,
           guint              out_mask,
           const guint       *deal)
{
  guint accepting = zopa_problem_accepting (p, deal);

  return (accepting & in_mask) == in_mask && (accepting & out_mask) == 0;
}

ZopaSearchResult
zopa_solve_feasible (const ZopaProblem *p,
                     guint              in_mask,
                     guint              out_mask,
                     guint             *deal,
                     ZopaBudget        *budget)
{
  ZopaBudget fast;
  ZopaSearchResult result;
  g_autofree guint *found = g_new0 (guint, MAX (p->n_issues, 1));
  g_autofree double *x = NULL;
  g_autoptr(ZopaMip) mip = NULL;
  ZopaMipStatus status;

  zopa_budget_init_child (&fast, budget, ZOPA_SOLVE_FAST_SECONDS);
  if (out_mask == 0)
    {
      ZopaSearch search = { 0 };

      search.problem = p;
      search.red_mask = in_mask;
      search.hard_mask = in_mask;
      search.first_only = TRUE;
      search.budget = &fast;
      result = zopa_search_run_bounded (&search, found, NULL, NULL);
    }
  else
    result = zopa_search_exclusive_bounded (p, in_mask, out_mask, found, &fast);

  if (result == ZOPA_SEARCH_UNKNOWN)
    {
      mip = zopa_mip_new_group (p, NULL, NULL, in_mask, in_mask, out_mask, FALSE);
      if (mip == NULL)
        result = ZOPA_SEARCH_NONE;
      else
        {
          x = g_new0 (double, mip->n_cols);
          status = zopa_mip_solve (mip, budget, x, NULL, NULL);
          if (status == ZOPA_MIP_INFEASIBLE)
            result = ZOPA_SEARCH_NONE;
          else if (status == ZOPA_MIP_OPTIMAL || status == ZOPA_MIP_FEASIBLE)
            {
              zopa_mip_deal (mip, x, found);
              if (deal_fits (p, in_mask, out_mask, found))
                result = ZOPA_SEARCH_OPTIMAL;
              else
                g_debug ("solver deal for %u/%u fails the exact check", in_mask, out_mask);
            }
        }
    }
  if (result == ZOPA_SEARCH_FOUND)
    result = ZOPA_SEARCH_OPTIMAL;   /* first_only: found is all that was asked */
  if (result == ZOPA_SEARCH_OPTIMAL && deal != NULL)
    memcpy (deal, found, sizeof (guint) * p->n_issues);
  return result;
}

/* The smallest surplus of the scored members on a deal, as num/den (den 0: none). */
static void
min_surplus (const ZopaProblem *p,
             guint              mask,
             const guint       *deal,
             gint64            *num,
             gint64            *den)
{
  *num = 0;
  *den = 0;
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 x, w = p->total_weight[a];

      if (!((mask >> a) & 1) || w == 0)
        continue;
      x = zopa_problem_score_sum (p, a, deal) - zopa_problem_need (p, a);
      if (*den == 0 || (__int128) x * *den < (__int128) *num * w)
        {
          *num = x;
          *den = w;
        }
    }
}

/* Each member's best surplus on its own: the optimum of the group is at most the least. */
static double
separate_bound (const ZopaProblem *p,
                guint              mask)
{
  double bound = G_MAXDOUBLE;

  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 best = 0;

      if (!((mask >> a) & 1) || p->total_weight[a] == 0)
        continue;
      for (guint i = 0; i < p->n_issues; i++)
        {
          ZopaOptionMask allowed = p->all_options[i];
          int hi = G_MININT;

          for (guint b = 0; b < p->n_actors; b++)
            if ((mask >> b) & 1)
              allowed &= zopa_problem_acceptable (p, b, i);
          for (guint o = 0; o < p->n_options[i]; o++)
            if ((allowed >> o) & 1)
              hi = MAX (hi, zopa_problem_value (p, a, i, o));
          best += hi == G_MININT ? 0 : hi;
        }
      bound = MIN (bound, (double) (best - zopa_problem_need (p, a)) / (double) p->total_weight[a]);
    }
  return bound;
}

ZopaSearchResult
zopa_solve_witness (const ZopaProblem *p,
                    guint              mask,
                    guint             *deal,
                    gint64            *surplus_num,
                    gint64            *surplus_den,
                    double            *bound,
                    ZopaBudget        *budget)
{
  ZopaSearch search = { 0 };
  ZopaBudget fast;
  ZopaSearchResult result;
  gint64 num = 0, den = 0;
  g_autoptr(ZopaMip) mip = NULL;

  *bound = G_MAXDOUBLE;
  zopa_budget_init_child (&fast, budget, ZOPA_SOLVE_FAST_SECONDS * 5);
  search.problem = p;
  search.red_mask = mask;
  search.hard_mask = mask;
  search.objective_mask = mask;
  search.floor_num = 0;
  search.floor_den = 1;
  search.budget = &fast;
  result = zopa_search_run_bounded (&search, deal, &num, &den);

  if (result == ZOPA_SEARCH_FOUND || result == ZOPA_SEARCH_UNKNOWN)
    {
      mip = zopa_mip_new_group (p, NULL, NULL, mask, mask, 0, TRUE);
      if (mip == NULL)
        result = ZOPA_SEARCH_NONE;
      else
        {
          g_autofree double *x = g_new0 (double, mip->n_cols);
          g_autofree guint *candidate = g_new0 (guint, MAX (p->n_issues, 1));
          double objective = 0.0, mip_bound = G_MAXDOUBLE;
          ZopaMipStatus status = mip->t_col == G_MAXUINT ? ZOPA_MIP_UNKNOWN
                                                         : zopa_mip_solve (mip, budget, x, &objective, &mip_bound);

          if (status == ZOPA_MIP_INFEASIBLE)
            result = ZOPA_SEARCH_NONE;
          else if (status == ZOPA_MIP_OPTIMAL || status == ZOPA_MIP_FEASIBLE)
            {
              gint64 cnum, cden;

              zopa_mip_deal (mip, x, candidate);
              if (deal_fits (p, mask, 0, candidate))
                {
                  min_surplus (p, mask, candidate, &cnum, &cden);
                  if (result == ZOPA_SEARCH_UNKNOWN || (cden > 0 && (__int128) num * cden < (__int128) cnum * den))
                    {
                      memcpy (deal, candidate, sizeof (guint) * p->n_issues);
                      num = cnum;
                      den = cden;
                    }
                  /* Integer data: a better deal would beat this one by at least
                   * 1/(W_a·W_b), far above the solver's tolerances. */
                  result = status == ZOPA_MIP_OPTIMAL ? ZOPA_SEARCH_OPTIMAL : ZOPA_SEARCH_FOUND;
                }
            }
          if (result == ZOPA_SEARCH_FOUND)
            *bound = mip_bound;
        }
      if (result == ZOPA_SEARCH_FOUND)
        {
          double found = den > 0 ? (double) num / (double) den : 0.0;
          *bound = MAX (MIN (*bound, separate_bound (p, mask)), found);
        }
    }
  if (surplus_num != NULL)
    *surplus_num = num;
  if (surplus_den != NULL)
    *surplus_den = den;
  return result;
}
