/* zopa-change.c: what must change
 *
 * Stance changes. Allowing one more option for one actor only helps when, after the set
 * of changes, every member allows it: otherwise no deal the members all accept uses it,
 * and the set without that change works as well, so it would not be minimal. Minimal sets
 * are therefore unions of "openings" — option o of issue i allowed for every member that
 * does not accept it yet, costing one change per such member — and reservation changes of
 * single members. Sets are tried by increasing total cost, openings in issue order, so
 * the search can stop as soon as an issue that no member agrees on has been passed
 * without an opening; the cheapest openings of the issues still blocked bound the cost
 * from below. A set containing a set already found is skipped, so every set found is
 * minimal. Each remaining set is decided by the exact search (zopa-search.c), with the
 * score constraints of the members whose reservation changes dropped; their new
 * reservations come from the deal that maximises the smallest of their surpluses: each
 * gets the highest integer reservation that deal still meets.
 *
 * Clause changes of a draft: a branch and bound over issues (keep, or fix to an option
 * every member accepts), fewest changes first, then the largest smallest worst-case
 * surplus.
 */

#include "config.h"

#include <string.h>

#include "zopa-problem.h"

#define MAX_ACT ZOPA_PROBLEM_MAX_ACTORS
/* How much larger than the smallest set a listed set may be. */
#define MAX_EXTRA_SIZE 2

typedef struct {
  gboolean reservation;
  guint    issue;
  guint    option;
  guint    actors;    /* members changed */
  guint    cost;
} Candidate;

typedef struct {
  const ZopaProblem *p;
  guint           mask;
  guint           n_members;
  Candidate      *cand;
  guint           n_cand;
  guint           target;           /* total cost of this round */
  ZopaOptionMask *agreed;           /* [issue]: options every member allows now */
  ZopaOptionMask *acceptable;       /* modified copy, [actor * n_issues + issue] */
  guint          *chosen;
  guint           n_chosen;
  GPtrArray      *found;            /* of GArray of guint candidate indices */
  GPtrArray      *result;           /* of ZopaChangeList */
  guint           max_sets;
  guint64         budget;
  guint64         work;
  gboolean        out_of_budget;
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

      for (guint j = 0; j < set->len; j++)
        {
          guint want = g_array_index (set, guint, j);
          while (k < c->n_chosen && c->chosen[k] < want)
            k++;
          if (k == c->n_chosen || c->chosen[k] != want)
            goto next;
        }
      return TRUE;
    next:
      ;
    }
  return FALSE;
}

/* Applies the chosen set and, when the ZOPA opens, records it. */
static void
test_set (Ctx *c)
{
  const ZopaProblem *p = c->p;
  gint64 need[MAX_ACT];
  guint relaxed = 0;
  ZopaSearch search = { 0 };
  ZopaChangeList *list;
  gint64 num, den;
  guint k = 0;

  c->work++;
  for (guint a = 0; a < p->n_actors; a++)
    need[a] = zopa_problem_need (p, a);
  for (guint j = 0; j < c->n_chosen; j++)
    if (c->cand[c->chosen[j]].reservation)
      relaxed |= c->cand[c->chosen[j]].actors;

  /* Quick necessary test: each constrained member can still reach its threshold. */
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 best = 0;
      if (!((c->mask >> a) & 1) || ((relaxed >> a) & 1) || p->total_weight[a] == 0)
        continue;
      for (guint i = 0; i < p->n_issues; i++)
        {
          int hi = G_MININT;
          for (guint o = 0; o < p->n_options[i]; o++)
            if ((c->agreed[i] >> o) & 1)
              hi = MAX (hi, zopa_problem_value (p, a, i, o));
          best += hi;
        }
      if (best < need[a])
        return;
    }

  search.problem = p;
  search.acceptable = c->acceptable;
  search.need = need;
  search.red_mask = c->mask;
  search.hard_mask = c->mask & ~relaxed;
  search.first_only = TRUE;
  if (!zopa_search_run (&search, c->deal, NULL, NULL))
    return;

  list = g_new0 (ZopaChangeList, 1);
  for (guint j = 0; j < c->n_chosen; j++)
    list->n_changes += c->cand[c->chosen[j]].cost;
  list->changes = g_new0 (ZopaStanceChange, list->n_changes);

  if (relaxed != 0)
    {
      /* The deal that serves the relaxed members best, all others still satisfied. */
      search.objective_mask = relaxed;
      search.first_only = FALSE;
      zopa_search_run (&search, c->deal, &num, &den);
    }

  for (guint j = 0; j < c->n_chosen; j++)
    {
      const Candidate *cand = &c->cand[c->chosen[j]];
      for (guint a = 0; a < p->n_actors; a++)
        if ((cand->actors >> a) & 1)
          {
            ZopaStanceChange *change = &list->changes[k++];
            change->actor = a;
            if (cand->reservation)
              {
                gint64 sum = zopa_problem_score_sum (p, a, c->deal);
                change->kind = ZOPA_STANCE_CHANGE_RESERVATION;
                change->reservation = (int) MIN (sum / p->total_weight[a], (gint64) p->reservation[a] - 1);
                change->issue = change->option = 0;
              }
            else
              {
                change->kind = ZOPA_STANCE_CHANGE_ALLOW;
                change->issue = cand->issue;
                change->option = cand->option;
              }
          }
    }
  g_ptr_array_add (c->result, list);

  {
    GArray *set = g_array_sized_new (FALSE, FALSE, sizeof (guint), c->n_chosen);
    g_array_append_vals (set, c->chosen, c->n_chosen);
    g_ptr_array_add (c->found, set);
  }
}

static void
dfs (Ctx  *c,
     guint start,
     guint cost)
{
  const ZopaProblem *p = c->p;
  guint first_blocked = G_MAXUINT;
  guint lower = 0;

  if (c->result->len >= c->max_sets || c->out_of_budget)
    return;
  if (++c->work > c->budget)
    {
      c->out_of_budget = TRUE;
      return;
    }

  /* Blocked issues: each needs an opening still to come. */
  for (guint i = 0; i < p->n_issues; i++)
    {
      guint cheapest = G_MAXUINT;

      if (c->agreed[i] != 0)
        continue;
      if (first_blocked == G_MAXUINT)
        first_blocked = i;
      for (guint j = start; j < c->n_cand; j++)
        if (!c->cand[j].reservation && c->cand[j].issue == i)
          cheapest = MIN (cheapest, c->cand[j].cost);
      if (cheapest == G_MAXUINT)
        return;
      lower += cheapest;
    }
  if (cost + lower > c->target)
    return;

  if (cost == c->target)
    {
      test_set (c);
      return;
    }

  for (guint j = start; j < c->n_cand; j++)
    {
      Candidate *cand = &c->cand[j];
      ZopaOptionMask saved_agreed = 0;

      if (first_blocked != G_MAXUINT && (cand->reservation || cand->issue > first_blocked))
        break;
      if (cost + cand->cost > c->target)
        continue;

      c->chosen[c->n_chosen++] = j;
      if (!cand->reservation)
        {
          saved_agreed = c->agreed[cand->issue];
          c->agreed[cand->issue] |= (ZopaOptionMask) 1 << cand->option;
          for (guint a = 0; a < p->n_actors; a++)
            if ((cand->actors >> a) & 1)
              c->acceptable[a * p->n_issues + cand->issue] |= (ZopaOptionMask) 1 << cand->option;
        }

      if (!contains_found (c))
        dfs (c, j + 1, cost + cand->cost);

      if (!cand->reservation)
        {
          c->agreed[cand->issue] = saved_agreed;
          for (guint a = 0; a < p->n_actors; a++)
            if ((cand->actors >> a) & 1)
              c->acceptable[a * p->n_issues + cand->issue] &= ~((ZopaOptionMask) 1 << cand->option);
        }
      c->n_chosen--;

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
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) zopa_change_list_free);
  ZopaSearch search = { 0 };
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint *deal = g_new0 (guint, MAX (p->n_issues, 1));
  g_autofree ZopaOptionMask *agreed = g_new (ZopaOptionMask, MAX (p->n_issues, 1));
  g_autofree ZopaOptionMask *acceptable = g_memdup2 (p->acceptable, sizeof (ZopaOptionMask) * MAX (p->n_actors * p->n_issues, 1));
  g_autofree guint *chosen = NULL;
  guint total_cost = 0, smallest = 0;
  Ctx c = { 0 };

  if (complete != NULL)
    *complete = TRUE;

  search.problem = p;
  search.red_mask = mask;
  search.hard_mask = mask;
  search.first_only = TRUE;
  if (mask == 0 || zopa_search_run (&search, NULL, NULL, NULL))
    return result;

  for (guint i = 0; i < p->n_issues; i++)
    {
      agreed[i] = p->all_options[i];
      for (guint a = 0; a < p->n_actors; a++)
        if ((mask >> a) & 1)
          agreed[i] &= zopa_problem_acceptable (p, a, i);
      for (guint o = 0; o < p->n_options[i]; o++)
        {
          Candidate cand = { FALSE, i, o, 0, 0 };

          if ((agreed[i] >> o) & 1)
            continue;
          for (guint a = 0; a < p->n_actors; a++)
            if (((mask >> a) & 1) && !((zopa_problem_acceptable (p, a, i) >> o) & 1))
              cand.actors |= 1u << a;
          cand.cost = __builtin_popcount (cand.actors);
          g_array_append_val (cands, cand);
          total_cost += cand.cost;
        }
    }
  for (guint a = 0; a < p->n_actors; a++)
    if (((mask >> a) & 1) && p->total_weight[a] > 0 && p->reservation[a] > 0)
      {
        Candidate cand = { TRUE, 0, 0, 1u << a, 1 };
        g_array_append_val (cands, cand);
        total_cost += 1;
      }

  chosen = g_new0 (guint, MAX (cands->len, 1));
  c.p = p;
  c.mask = mask;
  c.cand = (Candidate *) (gpointer) cands->data;
  c.n_cand = cands->len;
  c.agreed = agreed;
  c.acceptable = acceptable;
  c.chosen = chosen;
  c.found = found;
  c.result = result;
  c.max_sets = max_sets;
  c.budget = budget;
  c.deal = deal;

  /* Sets a little larger than the smallest still tell something; far larger ones only
   * pile up changes, and there can be exponentially many. */
  for (c.target = 1; c.target <= total_cost && result->len < max_sets && !c.out_of_budget; c.target++)
    {
      if (result->len > 0 && c.target > smallest + MAX_EXTRA_SIZE)
        break;
      dfs (&c, 0, 0);
      if (result->len > 0 && smallest == 0)
        smallest = c.target;
    }

  if (complete != NULL)
    *complete = !c.out_of_budget;
  if (g_getenv ("ZOPA_DEBUG_CHANGE"))
    g_printerr ("wmc: mask %u cands %u total %u target %u found %u work %" G_GUINT64_FORMAT "\n", mask, c.n_cand, total_cost, c.target, result->len, c.work);
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
    }
}

gboolean
zopa_change_fewest_clause_changes (const ZopaProblem *p,
                                   const int         *option,
                                   guint              mask,
                                   guint            **changes,
                                   guint             *n_changes)
{
  guint n = p->n_issues, stride1 = p->stride + 1;
  Fewest c = { 0 };
  gboolean result;

  c.p = p;
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
  return result;
}
