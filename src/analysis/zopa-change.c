/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-change.c: what must change
 *
 * Stance changes. A set of changes opens the ZOPA when some deal then satisfies every
 * member, and a minimal set is exactly what one deal needs: for each issue, the members
 * that do not accept the deal's option must allow it, and the members whose score stays
 * below their reservation must lower it. So a minimal set takes, per issue, either an
 * option every member accepts already (no change) or one "opening" — option o allowed by
 * every member that does not accept it yet, one change per such member — plus some
 * reservation changes.
 *
 * The search runs over the issues, choosing that per issue, by increasing total size:
 * the cheapest opening of every issue no member agrees on bounds the size from below, as
 * do the members that cannot reach their reservation whatever follows. At the last issue
 * the openings are fixed and the reservation changes are tried by subsets of the members
 * of the remaining size, each decided by the exact search (zopa-search.c) with those
 * members' score constraints dropped. A set containing one already found is skipped, so
 * every set found is minimal. The new reservations come from the deal that maximises the
 * smallest surplus of the members that lower theirs: each gets the highest integer
 * reservation that deal still meets.
 *
 * Clause changes of a draft: a branch and bound over issues (keep, or fix to an option
 * every member accepts), fewest changes first, then the largest smallest worst-case
 * surplus.
 */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <string.h>

#include "zopa-problem.h"

#define MAX_ACT ZOPA_PROBLEM_MAX_ACTORS
/* How much larger than the smallest set a listed set may be. */
#define MAX_EXTRA_SIZE 2
/* A test of a set costs about this many search nodes of work. */
#define TEST_WORK 16

typedef struct {
  guint issue;
  guint option;
  guint actors;    /* members that must allow it */
  guint cost;
} Opening;

typedef struct {
  const ZopaProblem *p;
  guint           mask;
  guint           scored;           /* members whose reservation can bind */
  guint           n;                /* issues */
  ZopaOptionMask *agreed;           /* [issue] */
  Opening        *openings;         /* by issue, then cost, then option */
  guint           n_openings;
  guint          *first_opening;    /* [issue + 1]: openings of issue i are [first[i], first[i+1]) */
  guint          *floor_cost;       /* [issue + 1]: Σ over issues ≥ i of their cheapest class */
  gint64         *sufmax;           /* [(issue + 1) * MAX_ACT + a] */
  gint64          need[MAX_ACT];

  int            *choice;           /* [issue]: -1 agreed options, else opening index */
  gint64          s[MAX_ACT];       /* best partial score under the choices */
  ZopaOptionMask *acceptable;       /* [actor * n + issue], the choices as red lines */
  guint           target;
  guint          *chosen;           /* ids of the current set: openings, then n_openings + a */
  guint           n_chosen;
  GPtrArray      *found;            /* of GArray of guint ids */
  GPtrArray      *result;           /* of ZopaChangeList */
  guint           max_sets;
  guint64         work_budget;
  guint64         work;
  gboolean        out_of_budget;
  ZopaBudget     *budget;           /* nullable: time and cancellation */
  guint          *deal;
} Ctx;

void
zopa_change_list_free (ZopaChangeList *list)
{
  if (list == NULL)
    return;
  g_free (list->changes);
  g_free (list);
}

static gboolean
contains_found (Ctx *c)
{
  for (guint f = 0; f < c->found->len; f++)
    {
      GArray *set = g_ptr_array_index (c->found, f);
      guint k = 0;
      gboolean inside = TRUE;

      for (guint j = 0; j < set->len && inside; j++)
        {
          guint want = g_array_index (set, guint, j);
          while (k < c->n_chosen && c->chosen[k] < want)
            k++;
          inside = k < c->n_chosen && c->chosen[k] == want;
        }
      if (inside)
        return TRUE;
    }
  return FALSE;
}

static gboolean
spend (Ctx    *c,
       guint64 work)
{
  c->work += work;
  if (c->work > c->work_budget || zopa_budget_spent (c->budget))
    c->out_of_budget = TRUE;
  return !c->out_of_budget;
}

static void
record (Ctx  *c,
        guint relaxed)
{
  const ZopaProblem *p = c->p;
  ZopaChangeList *list = g_new0 (ZopaChangeList, 1);
  guint k = 0;

  if (relaxed != 0)
    {
      /* The deal that serves the relaxed members best, all others still satisfied. */
      ZopaSearch search = { 0 };

      search.problem = p;
      search.acceptable = c->acceptable;
      search.need = c->need;
      search.red_mask = c->mask;
      search.hard_mask = c->mask & ~relaxed;
      search.objective_mask = relaxed;
      search.budget = c->budget;
      /* Out of time, the deal found so far still opens the ZOPA, maybe with less room. */
      if (zopa_search_run_bounded (&search, c->deal, NULL, NULL) != ZOPA_SEARCH_OPTIMAL)
        c->out_of_budget = TRUE;
    }

  for (guint i = 0; i < c->n; i++)
    if (c->choice[i] >= 0)
      list->n_changes += c->openings[c->choice[i]].cost;
  list->n_changes += __builtin_popcount (relaxed);
  list->changes = g_new0 (ZopaStanceChange, list->n_changes);

  for (guint i = 0; i < c->n; i++)
    if (c->choice[i] >= 0)
      {
        const Opening *opening = &c->openings[c->choice[i]];
        for (guint a = 0; a < p->n_actors; a++)
          if ((opening->actors >> a) & 1)
            {
              ZopaStanceChange *change = &list->changes[k++];
              change->kind = ZOPA_STANCE_CHANGE_ALLOW;
              change->actor = a;
              change->issue = opening->issue;
              change->option = opening->option;
            }
      }
  for (guint a = 0; a < p->n_actors; a++)
    if ((relaxed >> a) & 1)
      {
        ZopaStanceChange *change = &list->changes[k++];
        gint64 sum = zopa_problem_score_sum (p, a, c->deal);
        change->kind = ZOPA_STANCE_CHANGE_RESERVATION;
        change->actor = a;
        change->reservation = (int) MIN (sum / p->total_weight[a], (gint64) p->reservation[a] - 1);
      }
  g_ptr_array_add (c->result, list);

  {
    GArray *set = g_array_sized_new (FALSE, FALSE, sizeof (guint), c->n_chosen);
    g_array_append_vals (set, c->chosen, c->n_chosen);
    g_ptr_array_add (c->found, set);
  }
}

/* Reservation changes for the openings chosen: subsets of size left that hold the
 * members that cannot make it otherwise, smallest actor indices first. */
static void
try_reservations (Ctx   *c,
                  guint  certain,
                  guint  left,
                  guint  from,
                  guint  relaxed)
{
  const ZopaProblem *p = c->p;

  if (c->result->len >= c->max_sets || c->out_of_budget)
    return;

  if (left == 0)
    {
      ZopaSearch search = { 0 };
      guint saved = c->n_chosen;

      if ((certain & ~relaxed) != 0)
        return;
      for (guint a = 0; a < p->n_actors; a++)
        if ((relaxed >> a) & 1)
          c->chosen[c->n_chosen++] = c->n_openings + a;
      if (!contains_found (c) && spend (c, TEST_WORK))
        {
          search.problem = p;
          search.acceptable = c->acceptable;
          search.need = c->need;
          search.red_mask = c->mask;
          search.hard_mask = c->mask & ~relaxed;
          search.first_only = TRUE;
          search.budget = c->budget;
          switch (zopa_search_run_bounded (&search, c->deal, NULL, NULL))
            {
            case ZOPA_SEARCH_OPTIMAL:
            case ZOPA_SEARCH_FOUND:
              record (c, relaxed);
              break;
            case ZOPA_SEARCH_UNKNOWN:
              c->out_of_budget = TRUE;
              break;
            case ZOPA_SEARCH_NONE:
            default:
              break;
            }
        }
      c->n_chosen = saved;
      return;
    }

  for (guint a = from; a < p->n_actors; a++)
    if ((c->scored >> a) & 1)
      try_reservations (c, certain, left - 1, a + 1, relaxed | (1u << a));
}

static void
dfs (Ctx  *c,
     guint i,
     guint cost)
{
  const ZopaProblem *p = c->p;
  guint certain = 0;

  if (c->result->len >= c->max_sets || !spend (c, 1))
    return;

  for (guint a = 0; a < p->n_actors; a++)
    if (((c->scored >> a) & 1) && c->s[a] + c->sufmax[i * MAX_ACT + a] < c->need[a])
      certain |= 1u << a;
  if (cost + c->floor_cost[i] + __builtin_popcount (certain) > c->target)
    return;
  if (contains_found (c))
    return;

  if (i == c->n)
    {
      try_reservations (c, certain, c->target - cost, 0, 0);
      return;
    }

  /* Keep to options every member accepts: no change. */
  if (c->agreed[i] != 0)
    {
      gint64 best[MAX_ACT];

      for (guint a = 0; a < p->n_actors; a++)
        {
          best[a] = G_MININT64;
          c->acceptable[a * c->n + i] = c->agreed[i];
          for (guint o = 0; o < p->n_options[i]; o++)
            if ((c->agreed[i] >> o) & 1)
              best[a] = MAX (best[a], zopa_problem_value (p, a, i, o));
          c->s[a] += best[a];
        }
      c->choice[i] = -1;
      dfs (c, i + 1, cost);
      for (guint a = 0; a < p->n_actors; a++)
        c->s[a] -= best[a];
    }

  for (guint k = c->first_opening[i]; k < c->first_opening[i + 1]; k++)
    {
      const Opening *opening = &c->openings[k];

      if (cost + opening->cost + c->floor_cost[i + 1] > c->target)
        continue;
      for (guint a = 0; a < p->n_actors; a++)
        {
          c->acceptable[a * c->n + i] = (ZopaOptionMask) 1 << opening->option;
          c->s[a] += zopa_problem_value (p, a, i, opening->option);
        }
      c->choice[i] = k;
      c->chosen[c->n_chosen++] = k;
      dfs (c, i + 1, cost + opening->cost);
      c->n_chosen--;
      for (guint a = 0; a < p->n_actors; a++)
        c->s[a] -= zopa_problem_value (p, a, i, opening->option);
      if (c->result->len >= c->max_sets || c->out_of_budget)
        return;
    }
}

GPtrArray *
zopa_change_what_must_change (const ZopaProblem *p,
                              guint              mask,
                              guint              max_sets,
                              guint64            budget,
                              gboolean          *complete)
{
  return zopa_change_what_must_change_bounded (p, mask, max_sets, budget, NULL, complete);
}

GPtrArray *
zopa_change_what_must_change_bounded (const ZopaProblem *p,
                                      guint              mask,
                                      guint              max_sets,
                                      guint64            budget,
                                      ZopaBudget        *time_budget,
                                      gboolean          *complete)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) zopa_change_list_free);
  ZopaSearch search = { 0 };
  g_autoptr(GArray) openings = g_array_new (FALSE, FALSE, sizeof (Opening));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n = p->n_issues;
  g_autofree guint *deal = g_new0 (guint, MAX (n, 1));
  g_autofree ZopaOptionMask *agreed = g_new (ZopaOptionMask, MAX (n, 1));
  g_autofree ZopaOptionMask *acceptable = g_new0 (ZopaOptionMask, MAX (p->n_actors * n, 1));
  g_autofree guint *first_opening = g_new0 (guint, n + 1);
  g_autofree guint *floor_cost = g_new0 (guint, n + 1);
  g_autofree gint64 *sufmax = g_new0 (gint64, (n + 1) * MAX_ACT);
  g_autofree int *choice = g_new0 (int, MAX (n, 1));
  g_autofree guint *chosen = g_new0 (guint, n + MAX_ACT + 1);
  guint smallest = 0, max_cost = 0;
  Ctx c = { 0 };

  if (complete != NULL)
    *complete = TRUE;

  search.problem = p;
  search.red_mask = mask;
  search.hard_mask = mask;
  search.first_only = TRUE;
  search.budget = time_budget;
  switch (mask == 0 ? ZOPA_SEARCH_OPTIMAL : zopa_search_run_bounded (&search, NULL, NULL, NULL))
    {
    case ZOPA_SEARCH_NONE:
      break;
    case ZOPA_SEARCH_UNKNOWN:
      if (complete != NULL)
        *complete = FALSE;
      return result;
    default:
      return result;
    }

  c.p = p;
  c.mask = mask;
  c.n = n;
  for (guint a = 0; a < p->n_actors; a++)
    {
      c.need[a] = zopa_problem_need (p, a);
      if (((mask >> a) & 1) && p->total_weight[a] > 0 && p->reservation[a] > 0)
        c.scored |= 1u << a;
    }

  for (guint i = 0; i < n; i++)
    {
      guint cheapest = G_MAXUINT, most = 0;

      agreed[i] = p->all_options[i];
      for (guint a = 0; a < p->n_actors; a++)
        if ((mask >> a) & 1)
          agreed[i] &= zopa_problem_acceptable (p, a, i);
      first_opening[i] = openings->len;
      /* Cheaper openings first: the sets they make are smaller. */
      for (guint cost = 1; cost <= (guint) __builtin_popcount (mask); cost++)
        for (guint o = 0; o < p->n_options[i]; o++)
          {
            Opening opening = { i, o, 0, 0 };

            if ((agreed[i] >> o) & 1)
              continue;
            for (guint a = 0; a < p->n_actors; a++)
              if (((mask >> a) & 1) && !((zopa_problem_acceptable (p, a, i) >> o) & 1))
                opening.actors |= 1u << a;
            opening.cost = __builtin_popcount (opening.actors);
            if (opening.cost != cost)
              continue;
            g_array_append_val (openings, opening);
            cheapest = MIN (cheapest, cost);
            most = MAX (most, cost);
          }
      floor_cost[i] = agreed[i] != 0 ? 0 : cheapest;
      max_cost += most;
    }
  first_opening[n] = openings->len;
  for (guint i = n; i-- > 0;)
    floor_cost[i] += floor_cost[i + 1];
  max_cost += __builtin_popcount (c.scored);

  /* Per member, the best value any choice on an issue can give. */
  for (guint i = n; i-- > 0;)
    for (guint a = 0; a < p->n_actors; a++)
      {
        gint64 best = G_MININT64;
        for (guint o = 0; o < p->n_options[i]; o++)
          best = MAX (best, zopa_problem_value (p, a, i, o));
        sufmax[i * MAX_ACT + a] = sufmax[(i + 1) * MAX_ACT + a] + best;
      }

  c.agreed = agreed;
  c.openings = (Opening *) (gpointer) openings->data;
  c.n_openings = openings->len;
  c.first_opening = first_opening;
  c.floor_cost = floor_cost;
  c.sufmax = sufmax;
  c.choice = choice;
  c.acceptable = acceptable;
  c.chosen = chosen;
  c.found = found;
  c.result = result;
  c.max_sets = max_sets;
  c.work_budget = budget;
  c.budget = time_budget;
  c.deal = deal;

  /* Sets a little larger than the smallest still tell something; far larger ones only
   * pile up changes, and there can be exponentially many. */
  for (c.target = MAX (floor_cost[0], 1); c.target <= max_cost; c.target++)
    {
      if (result->len >= max_sets || c.out_of_budget)
        break;
      if (result->len > 0 && c.target > smallest + MAX_EXTRA_SIZE)
        break;
      dfs (&c, 0, 0);
      if (result->len > 0 && smallest == 0)
        smallest = c.target;
    }

  if (complete != NULL)
    *complete = !c.out_of_budget;
  g_debug ("what must change for group %u: %u sets, %u openings, sizes up to %u, work %" G_GUINT64_FORMAT "%s",
           mask, result->len, c.n_openings, c.target, c.work, c.out_of_budget ? " (budget spent)" : "");
  return result;
}

/* ---- clause changes of a draft ---- */

typedef struct {
  const ZopaProblem *p;
  guint     n_act;
  guint     act[MAX_ACT];             /* members with a score */
  gint64    need[MAX_ACT];
  guint     n;
  guint    *n_choices;                /* [issue] */
  int      *choice;                   /* [issue * (stride + 1) + k]: -1 keep, else option */
  gint64   *gain;                     /* [(issue * (stride + 1) + k) * MAX_ACT + a] */
  gint64   *sufmax;                   /* [(issue + 1) * MAX_ACT + a] */
  guint    *forced_after;             /* [issue + 1]: issues from here that must change */
  gint64    s[MAX_ACT];
  int      *cur;
  int      *best;
  guint     best_cost;
  gint64    best_num, best_den;       /* den 0: no score among members */
  gboolean  found;
  gboolean  interrupted;
  ZopaBudget *budget;
} Fewest;

static inline gboolean
rat_lt (gint64 a, gint64 b, gint64 x, gint64 y)
{
  return (__int128) a * y < (__int128) x * b;
}

static void
fewest_dfs (Fewest *c,
            guint   i,
            guint   cost)
{
  guint stride1 = c->p->stride + 1;

  if (cost + c->forced_after[i] > c->best_cost)
    return;
  if (zopa_budget_spent (c->budget))
    {
      c->interrupted = TRUE;
      return;
    }

  {
    /* Bound on the smallest surplus still reachable. */
    gint64 num = 0, den = 0;
    for (guint a = 0; a < c->n_act; a++)
      {
        gint64 x = c->s[a] + c->sufmax[i * MAX_ACT + a] - c->need[a];
        gint64 w = c->p->total_weight[c->act[a]];
        if (x < 0)
          return;
        if (den == 0 || rat_lt (x, w, num, den))
          {
            num = x;
            den = w;
          }
      }
    if (c->found && cost + c->forced_after[i] == c->best_cost &&
        (den == 0 || !rat_lt (c->best_num, c->best_den, num, den)))
      return;
  }

  if (i == c->n)
    {
      gint64 num = 0, den = 0;
      for (guint a = 0; a < c->n_act; a++)
        {
          gint64 x = c->s[a] - c->need[a];
          gint64 w = c->p->total_weight[c->act[a]];
          if (den == 0 || rat_lt (x, w, num, den))
            {
              num = x;
              den = w;
            }
        }
      c->found = TRUE;
      c->best_cost = cost;
      c->best_num = num;
      c->best_den = den;
      memcpy (c->best, c->cur, sizeof (int) * c->n);
      return;
    }

  for (guint k = 0; k < c->n_choices[i]; k++)
    {
      int choice = c->choice[i * stride1 + k];
      const gint64 *g = c->gain + (i * stride1 + k) * MAX_ACT;

      c->cur[i] = choice;
      for (guint a = 0; a < c->n_act; a++)
        c->s[a] += g[a];
      fewest_dfs (c, i + 1, cost + (choice >= 0));
      for (guint a = 0; a < c->n_act; a++)
        c->s[a] -= g[a];
      if (c->interrupted)
        return;
    }
}

gboolean
zopa_change_fewest_clause_changes (const ZopaProblem *p,
                                   const int         *option,
                                   guint              mask,
                                   guint            **changes,
                                   guint             *n_changes)
{
  return zopa_change_fewest_clause_changes_bounded (p, option, mask, NULL, changes, n_changes, NULL);
}

gboolean
zopa_change_fewest_clause_changes_bounded (const ZopaProblem *p,
                                           const int         *option,
                                           guint              mask,
                                           ZopaBudget        *budget,
                                           guint            **changes,
                                           guint             *n_changes,
                                           gboolean          *exact)
{
  guint n = p->n_issues, stride1 = p->stride + 1;
  Fewest c = { 0 };
  gboolean result;

  c.p = p;
  c.budget = budget;
  c.n = n;
  for (guint a = 0; a < p->n_actors; a++)
    if (((mask >> a) & 1) && p->total_weight[a] > 0)
      {
        c.need[c.n_act] = zopa_problem_need (p, a);
        c.act[c.n_act++] = a;
      }

  c.n_choices = g_new0 (guint, MAX (n, 1));
  c.choice = g_new0 (int, MAX (n * stride1, 1));
  c.gain = g_new0 (gint64, MAX (n * stride1 * MAX_ACT, 1));
  c.sufmax = g_new0 (gint64, (n + 1) * MAX_ACT);
  c.forced_after = g_new0 (guint, n + 1);
  c.cur = g_new0 (int, MAX (n, 1));
  c.best = g_new0 (int, MAX (n, 1));
  c.best_cost = G_MAXUINT;

  result = TRUE;
  for (guint i = 0; i < n; i++)
    {
      ZopaOptionMask agreed = p->all_options[i];
      gboolean keep_ok = TRUE;

      for (guint a = 0; a < p->n_actors; a++)
        if ((mask >> a) & 1)
          agreed &= zopa_problem_acceptable (p, a, i);
      if (agreed == 0)
        result = FALSE;

      /* Keeping the issue as the draft has it: a fixed option every member accepts, or
       * an open issue where every option is acceptable to every member. */
      if (option[i] >= 0)
        keep_ok = (agreed >> option[i]) & 1;
      else
        keep_ok = agreed == p->all_options[i];

      if (keep_ok)
        {
          guint k = c.n_choices[i]++;
          c.choice[i * stride1 + k] = -1;
          for (guint a = 0; a < c.n_act; a++)
            {
              gint64 v = G_MAXINT64;
              if (option[i] >= 0)
                v = zopa_problem_value (p, c.act[a], i, option[i]);
              else
                for (guint o = 0; o < p->n_options[i]; o++)
                  v = MIN (v, zopa_problem_value (p, c.act[a], i, o));
              c.gain[(i * stride1 + k) * MAX_ACT + a] = v;
            }
        }
      for (guint o = 0; o < p->n_options[i]; o++)
        {
          guint k;
          if (!((agreed >> o) & 1) || (int) o == option[i])
            continue;
          k = c.n_choices[i]++;
          c.choice[i * stride1 + k] = o;
          for (guint a = 0; a < c.n_act; a++)
            c.gain[(i * stride1 + k) * MAX_ACT + a] = zopa_problem_value (p, c.act[a], i, o);
        }
      c.forced_after[i] = !keep_ok;
    }

  if (result)
    {
      for (guint i = n; i-- > 0;)
        {
          c.forced_after[i] += c.forced_after[i + 1];
          for (guint a = 0; a < c.n_act; a++)
            {
              gint64 hi = G_MININT64;
              for (guint k = 0; k < c.n_choices[i]; k++)
                hi = MAX (hi, c.gain[(i * stride1 + k) * MAX_ACT + a]);
              c.sufmax[i * MAX_ACT + a] = c.sufmax[(i + 1) * MAX_ACT + a] + hi;
            }
        }
      fewest_dfs (&c, 0, 0);
      result = c.found;
    }

  if (result)
    {
      guint m = 0;
      *changes = g_new (guint, 2 * MAX (c.best_cost, 1));
      for (guint i = 0; i < n; i++)
        if (c.best[i] >= 0)
          {
            (*changes)[2 * m] = i;
            (*changes)[2 * m + 1] = c.best[i];
            m++;
          }
      *n_changes = m;
    }

  g_free (c.n_choices);
  g_free (c.choice);
  g_free (c.gain);
  g_free (c.sufmax);
  g_free (c.forced_after);
  g_free (c.cur);
  g_free (c.best);
  if (exact != NULL)
    *exact = !c.interrupted;
  return result;
}
