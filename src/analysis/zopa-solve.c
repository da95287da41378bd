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

/* ---- what must change, as an integer program ---- */

/*
 * x[i,o] over every option, one per issue; r_a = 1 when member a lowers its reservation,
 * which drops its score row (Σ v·x + M·r ≥ need). The cost of x[i,o] is the number of
 * members that must allow o, of r_a one: minimised, the optimum is a smallest set of
 * changes. A set found is then cut off together with every set containing it
 * (Σ of its parts ≤ size − 1), so each later optimum is a minimal set too.
 */
static ZopaMip *
changes_program (const ZopaProblem *p,
                 guint              mask,
                 guint             *r_col)
{
  ZopaMip *mip = zopa_mip_new ();
  guint n = p->n_issues;
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *cols = NULL;
  g_autofree double *vals = NULL;

  for (guint i = 0; i < n; i++)
    {
      first[i] = mip->n_cols;
      for (guint o = 0; o < p->n_options[i]; o++)
        {
          guint cost = 0;
          for (guint a = 0; a < p->n_actors; a++)
            cost += ((mask >> a) & 1) && !((zopa_problem_acceptable (p, a, i) >> o) & 1);
          zopa_mip_add_col (mip, 0.0, 1.0, cost, TRUE);
          g_array_append_val (mip->x_issue, i);
          g_array_append_val (mip->x_option, o);
        }
    }
  first[n] = mip->n_x = mip->n_cols;
  cols = g_new (guint, mip->n_x + 1);
  vals = g_new (double, mip->n_x + 1);
  for (guint i = 0; i < n; i++)
    {
      guint m = 0;
      for (guint k = first[i]; k < first[i + 1]; k++)
        {
          cols[m] = k;
          vals[m++] = 1.0;
        }
      zopa_mip_add_row (mip, 1.0, 1.0, m, cols, vals);
    }
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 lo = 0, need = zopa_problem_need (p, a);
      guint m = 0;

      r_col[a] = G_MAXUINT;
      if (!((mask >> a) & 1) || p->total_weight[a] == 0 || p->reservation[a] <= 0)
        continue;
      for (guint i = 0; i < n; i++)
        {
          gint64 vlo = G_MAXINT64;
          for (guint k = first[i]; k < first[i + 1]; k++)
            {
              gint64 v = zopa_problem_value (p, a, i, k - first[i]);
              cols[m] = k;
              vals[m++] = (double) v;
              vlo = MIN (vlo, v);
            }
          lo += vlo;
        }
      if (lo >= need)
        continue;
      r_col[a] = zopa_mip_add_col (mip, 0.0, 1.0, 1.0, TRUE);
      cols[m] = r_col[a];
      vals[m++] = (double) (need - lo);
      zopa_mip_add_row (mip, (double) need, G_MAXDOUBLE, m, cols, vals);
    }
  return mip;
}

/* The set of a solution as a change list, checked in exact integers; NULL if it fails. */
static ZopaChangeList *
changes_from_solution (const ZopaProblem *p,
                       guint              mask,
                       const ZopaMip     *mip,
                       const guint       *r_col,
                       const double      *x,
                       guint             *deal,
                       guint             *relaxed)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (ZopaStanceChange));
  ZopaChangeList *list;

  zopa_mip_deal (mip, x, deal);
  *relaxed = 0;
  for (guint a = 0; a < p->n_actors; a++)
    if (r_col[a] != G_MAXUINT && x[r_col[a]] > 0.5)
      *relaxed |= 1u << a;
  for (guint i = 0; i < p->n_issues; i++)
    for (guint a = 0; a < p->n_actors; a++)
      if (((mask >> a) & 1) && !((zopa_problem_acceptable (p, a, i) >> deal[i]) & 1))
        {
          ZopaStanceChange change = { ZOPA_STANCE_CHANGE_ALLOW, a, i, deal[i], 0 };
          g_array_append_val (changes, change);
        }
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 sum;

      if (!((mask >> a) & 1) || p->total_weight[a] == 0)
        continue;
      sum = zopa_problem_score_sum (p, a, deal);
      if (sum >= zopa_problem_need (p, a))
        continue;
      if (!((*relaxed >> a) & 1))
        return NULL;   /* the solver's deal fails the exact check */
      {
        /* The highest whole reservation this deal meets. */
        ZopaStanceChange change = { ZOPA_STANCE_CHANGE_RESERVATION, a, 0, 0,
                                    (int) MIN (sum / p->total_weight[a], (gint64) p->reservation[a] - 1) };
        g_array_append_val (changes, change);
      }
    }
  list = g_new0 (ZopaChangeList, 1);
  list->n_changes = changes->len;
  list->changes = (ZopaStanceChange *) (gpointer) g_array_free (g_steal_pointer (&changes), FALSE);
  return list;
}

GPtrArray *
zopa_solve_what_must_change (const ZopaProblem *p,
                             guint              mask,
                             guint              max_sets,
                             guint              max_extra,
                             ZopaBudget        *budget,
                             gboolean          *complete)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) zopa_change_list_free);
  guint r_col[ZOPA_PROBLEM_MAX_ACTORS];
  g_autoptr(ZopaMip) mip = changes_program (p, mask, r_col);
  g_autofree double *x = NULL;
  g_autofree guint *deal = g_new0 (guint, MAX (p->n_issues, 1));
  g_autofree guint *cols = g_new (guint, p->n_issues + p->n_actors);
  g_autofree double *vals = g_new (double, p->n_issues + p->n_actors);
  double smallest = -1.0;

  *complete = FALSE;
  while (result->len < max_sets)
    {
      double objective = 0.0;
      ZopaMipStatus status;
      ZopaChangeList *list;
      guint relaxed, m = 0;

      g_free (x);
      x = g_new0 (double, mip->n_cols);
      status = zopa_mip_solve (mip, budget, x, &objective, NULL);
      if (status == ZOPA_MIP_INFEASIBLE)
        {
          *complete = TRUE;
          break;
        }
      if (status == ZOPA_MIP_FEASIBLE && result->len == 0)
        {
          /* Out of time before the fewest were proven: the set found still opens the
           * ZOPA, said as incomplete (it may not be minimal). */
          list = changes_from_solution (p, mask, mip, r_col, x, deal, &relaxed);
          if (list != NULL)
            g_ptr_array_add (result, list);
          break;
        }
      if (status != ZOPA_MIP_OPTIMAL)
        break;
      if (smallest >= 0.0 && objective > smallest + max_extra + 0.5)
        {
          *complete = TRUE;
          break;
        }
      list = changes_from_solution (p, mask, mip, r_col, x, deal, &relaxed);
      if (list == NULL)
        break;
      if (smallest < 0.0)
        smallest = list->n_changes;
      g_ptr_array_add (result, list);

      /* Cut off this set and every set containing it. */
      for (guint i = 0; i < p->n_issues; i++)
        for (guint k = 0; k < mip->n_x; k++)
          if (g_array_index (mip->x_issue, guint, k) == i && g_array_index (mip->x_option, guint, k) == deal[i] &&
              g_array_index (mip->col_obj, double, k) > 0.0)
            {
              cols[m] = k;
              vals[m++] = 1.0;
            }
      for (guint a = 0; a < p->n_actors; a++)
        if ((relaxed >> a) & 1)
          {
            cols[m] = r_col[a];
            vals[m++] = 1.0;
          }
      if (m == 0)
        break;   /* nothing to change: the ZOPA was open */
      zopa_mip_add_row (mip, -G_MAXDOUBLE, m - 1.0, m, cols, vals);
    }
  if (result->len >= max_sets)
    *complete = TRUE;
  return result;
}
