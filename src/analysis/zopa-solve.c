/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* ---- fewest clause changes of a draft ---- */

/* The choices of one issue, as zopa-change.c makes them: keep the draft's clause (when
 * every member accepts all it allows), or fix an option every member accepts. */
typedef struct {
  guint  n;
  guint *first;     /* [issue]: index of its first choice */
  guint *count;     /* [issue] */
  int   *choice;    /* [k]: -1 keep, else the option */
  guint *issue;     /* [k] */
} ClauseChoices;

static gboolean
clause_choices_build (const ZopaProblem *p,
                      const int         *option,
                      guint              mask,
                      ClauseChoices     *c)
{
  guint n = p->n_issues, k = 0;

  c->n = 0;
  c->first = g_new0 (guint, MAX (n, 1));
  c->count = g_new0 (guint, MAX (n, 1));
  c->choice = g_new0 (int, MAX (n * (p->stride + 1), 1));
  c->issue = g_new0 (guint, MAX (n * (p->stride + 1), 1));
  for (guint i = 0; i < n; i++)
    {
      ZopaOptionMask agreed = p->all_options[i];
      gboolean keep_ok;

      for (guint a = 0; a < p->n_actors; a++)
        if ((mask >> a) & 1)
          agreed &= zopa_problem_acceptable (p, a, i);
      if (agreed == 0)
        return FALSE;
      keep_ok = option[i] >= 0 ? (agreed >> option[i]) & 1 : agreed == p->all_options[i];
      c->first[i] = k;
      if (keep_ok)
        {
          c->issue[k] = i;
          c->choice[k++] = -1;
        }
      for (guint o = 0; o < p->n_options[i]; o++)
        if (((agreed >> o) & 1) && (int) o != option[i])
          {
            c->issue[k] = i;
            c->choice[k++] = o;
          }
      c->count[i] = k - c->first[i];
    }
  c->n = k;
  return TRUE;
}

static void
clause_choices_clear (ClauseChoices *c)
{
  g_free (c->first);
  g_free (c->count);
  g_free (c->choice);
  g_free (c->issue);
}

/* What a member's score sum gains from a choice: the worst option left open, if kept. */
static gint64
choice_gain (const ZopaProblem *p,
             const int         *option,
             guint              actor,
             guint              issue,
             int                choice)
{
  gint64 v = G_MAXINT64;

  if (choice >= 0)
    return zopa_problem_value (p, actor, issue, choice);
  if (option[issue] >= 0)
    return zopa_problem_value (p, actor, issue, option[issue]);
  for (guint o = 0; o < p->n_options[issue]; o++)
    v = MIN (v, zopa_problem_value (p, actor, issue, o));
  return v;
}

/*
 * One binary per choice, one choice per issue, each scored member's worst-case sum at
 * least its need. Without max_changes: minimise the changes. With it (≥ 0): at most that
 * many changes, maximising the smallest worst-case surplus (column t_col).
 */
static ZopaMip *
clause_changes_mip (const ZopaProblem   *p,
                    const int           *option,
                    guint                mask,
                    const ClauseChoices *c,
                    int                  max_changes)
{
  ZopaMip *mip = zopa_mip_new ();
  g_autofree guint *cols = g_new (guint, c->n + 1);
  g_autofree double *vals = g_new (double, c->n + 1);

  for (guint k = 0; k < c->n; k++)
    zopa_mip_add_col (mip, 0.0, 1.0, max_changes < 0 && c->choice[k] >= 0 ? 1.0 : 0.0, TRUE);
  for (guint i = 0; i < p->n_issues; i++)
    {
      for (guint j = 0; j < c->count[i]; j++)
        {
          cols[j] = c->first[i] + j;
          vals[j] = 1.0;
        }
      zopa_mip_add_row (mip, 1.0, 1.0, c->count[i], cols, vals);
    }
  if (max_changes >= 0)
    {
      guint n = 0;

      mip->maximize = TRUE;
      mip->t_col = zopa_mip_add_col (mip, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0, FALSE);
      for (guint k = 0; k < c->n; k++)
        if (c->choice[k] >= 0)
          {
            cols[n] = k;
            vals[n++] = 1.0;
          }
      zopa_mip_add_row (mip, -G_MAXDOUBLE, max_changes, n, cols, vals);
    }
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 w = p->total_weight[a];

      if (!((mask >> a) & 1) || w == 0)
        continue;
      for (guint k = 0; k < c->n; k++)
        {
          cols[k] = k;
          vals[k] = (double) choice_gain (p, option, a, c->issue[k], c->choice[k]);
        }
      if (max_changes >= 0)
        {
          /* Σ gain − W·t ≥ need: t at most the member's surplus in score units. */
          cols[c->n] = mip->t_col;
          vals[c->n] = -(double) w;
          zopa_mip_add_row (mip, (double) zopa_problem_need (p, a), G_MAXDOUBLE, c->n + 1, cols, vals);
        }
      else
        zopa_mip_add_row (mip, (double) zopa_problem_need (p, a), G_MAXDOUBLE, c->n, cols, vals);
    }
  return mip;
}

/* The choice per issue of a solution, checked in exact integers: every member's worst
 * case meets its need. Returns the number of changes, or -1 when the check fails. */
static int
clause_solution (const ZopaProblem   *p,
                 const int           *option,
                 guint                mask,
                 const ClauseChoices *c,
                 const double        *x,
                 int                 *picked)
{
  int changes = 0;

  for (guint i = 0; i < p->n_issues; i++)
    {
      guint best = c->first[i];

      for (guint j = 1; j < c->count[i]; j++)
        if (x[c->first[i] + j] > x[best])
          best = c->first[i] + j;
      picked[i] = c->choice[best];
      changes += picked[i] >= 0;
    }
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 sum = 0;

      if (!((mask >> a) & 1) || p->total_weight[a] == 0)
        continue;
      for (guint i = 0; i < p->n_issues; i++)
        sum += choice_gain (p, option, a, i, picked[i]);
      if (sum < zopa_problem_need (p, a))
        return -1;
    }
  return changes;
}

gboolean
zopa_solve_fewest_clause_changes_mip (const ZopaProblem *p,
                                      const int         *option,
                                      guint              mask,
                                      ZopaBudget        *budget,
                                      guint            **changes,
                                      guint             *n_changes,
                                      gboolean          *exact)
{
  ClauseChoices c = { 0 };
  g_autoptr(ZopaMip) fewest = NULL;
  g_autofree double *x = NULL;
  g_autofree int *picked = NULL;
  ZopaMipStatus status;
  int n_best;

  *changes = NULL;
  *n_changes = 0;
  *exact = TRUE;
  if (!clause_choices_build (p, option, mask, &c))
    {
      /* An issue where the members share no option: none exists. */
      clause_choices_clear (&c);
      return FALSE;
    }
  picked = g_new (int, MAX (p->n_issues, 1));
  fewest = clause_changes_mip (p, option, mask, &c, -1);
  x = g_new0 (double, fewest->n_cols);
  status = zopa_mip_solve (fewest, budget, x, NULL, NULL);
  n_best = status == ZOPA_MIP_OPTIMAL || status == ZOPA_MIP_FEASIBLE
           ? clause_solution (p, option, mask, &c, x, picked) : -1;
  *exact = status == ZOPA_MIP_INFEASIBLE;
  if (n_best >= 0 && status == ZOPA_MIP_OPTIMAL)
    {
      /* The fewest are proven: the largest smallest surplus among them breaks the tie. */
      g_autoptr(ZopaMip) tie = clause_changes_mip (p, option, mask, &c, n_best);
      g_autofree double *y = g_new0 (double, tie->n_cols);

      status = zopa_mip_solve (tie, budget, y, NULL, NULL);
      if ((status == ZOPA_MIP_OPTIMAL || status == ZOPA_MIP_FEASIBLE) &&
          clause_solution (p, option, mask, &c, y, picked) == n_best)
        *exact = status == ZOPA_MIP_OPTIMAL;
      else
        clause_solution (p, option, mask, &c, x, picked);
    }
  if (n_best >= 0)
    {
      *changes = g_new (guint, 2 * MAX (n_best, 1));
      for (guint i = 0; i < p->n_issues; i++)
        if (picked[i] >= 0)
          {
            (*changes)[2 * *n_changes] = i;
            (*changes)[2 * *n_changes + 1] = picked[i];
            (*n_changes)++;
          }
    }
  clause_choices_clear (&c);
  return n_best >= 0;
}

gboolean
zopa_solve_fewest_clause_changes (const ZopaProblem *p,
                                  const int         *option,
                                  guint              mask,
                                  ZopaBudget        *budget,
                                  guint            **changes,
                                  guint             *n_changes,
                                  gboolean          *exact)
{
  ZopaBudget fast;
  g_autofree guint *solver = NULL;
  guint n_solver = 0;
  gboolean found, found_solver, solver_exact;

  zopa_budget_init_child (&fast, budget, MIN (ZOPA_SOLVE_FAST_SECONDS, 0.5 * zopa_budget_seconds_left (budget)));
  found = zopa_change_fewest_clause_changes_bounded (p, option, mask, &fast, changes, n_changes, exact);
  if (*exact || zopa_budget_check (budget))
    return found;

  found_solver = zopa_solve_fewest_clause_changes_mip (p, option, mask, budget, &solver, &n_solver, &solver_exact);
  if (solver_exact || (found_solver && (!found || n_solver < *n_changes)))
    {
      g_free (*changes);
      *changes = g_steal_pointer (&solver);
      *n_changes = n_solver;
      *exact = solver_exact;
      return found_solver;
    }
  return found;
}
