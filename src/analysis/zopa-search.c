/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-search.c: exact branch and bound over issues
 *
 * Used wherever an answer must be exact whatever the size of the deal space: whether a
 * region is empty, the ZOPA witness (max-min surplus), what must change.
 *
 * Before searching, each issue is reduced to the options that matter: options crossing a
 * red line are gone, options dominated by another option for every constrained actor are
 * gone (the other is at least as good for everyone), and an issue left with one option is
 * a constant. The rest are searched most important first, best options first, with two
 * bounds on the remaining issues: per actor the best it can still get, and for a few
 * weightings λ of the actors (all of them, each pair) the best weighted sum, which catches
 * actors who pull in opposite directions.
 */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "zopa-budget.h"
#include "zopa-problem.h"

#define MAX_ACT    ZOPA_PROBLEM_MAX_ACTORS
#define MAX_LAMBDA (1 + MAX_ACT * (MAX_ACT - 1) / 2)

typedef struct {
  const ZopaProblem *p;
  guint     n_act;
  guint     act[MAX_ACT];
  gboolean  hard[MAX_ACT];
  gboolean  obj[MAX_ACT];
  gint64    need[MAX_ACT];
  gint64    w[MAX_ACT];

  guint     depth;                 /* issues searched */
  guint    *issue;                 /* [depth] */
  guint    *n_opts;                /* [depth] */
  guint    *opts;                  /* [depth * stride] */
  gint64   *val;                   /* [(depth * stride + k) * MAX_ACT + a] */
  gint64   *sufmax;                /* [(depth + 1) * MAX_ACT + a] */
  guint     n_lambda;
  double    lambda[MAX_LAMBDA][MAX_ACT];
  double   *suflambda;             /* [(depth + 1) * MAX_LAMBDA + l] */

  guint    *fixed_option;          /* [n_issues]: the option of constant issues */
  gint64    base[MAX_ACT];

  gint64    s[MAX_ACT];
  guint    *cur;                   /* [depth] */
  guint    *best;                  /* [depth] */
  gboolean  found;
  gboolean  stop;
  gboolean  interrupted;           /* the budget ran out: not a proof */
  ZopaBudget *budget;
  gboolean  first_only;
  gboolean  has_floor;
  gint64    best_num, best_den;    /* best surplus found, or the floor */
} Search;

/* a/b < c/d with b, d > 0 */
static inline gboolean
rat_less (gint64 a, gint64 b, gint64 c, gint64 d)
{
  return (__int128) a * d < (__int128) c * b;
}

static void
leaf (Search *c)
{
  gint64 num = 0, den = 0;

  for (guint a = 0; a < c->n_act; a++)
    {
      gint64 x = c->s[a] - c->need[a];
      if (c->hard[a] && x < 0)
        return;
      if (c->obj[a] && (den == 0 || rat_less (x, c->w[a], num, den)))
        {
          num = x;
          den = c->w[a];
        }
    }

  if (den != 0)
    {
      if (c->found || c->has_floor)
        {
          /* Strictly better than the best, or at least the floor for the first. */
          if (c->found ? !rat_less (c->best_num, c->best_den, num, den)
                       : rat_less (num, den, c->best_num, c->best_den))
            return;
        }
      c->best_num = num;
      c->best_den = den;
    }
  else if (c->found)
    return;

  c->found = TRUE;
  memcpy (c->best, c->cur, sizeof (guint) * c->depth);
  if (c->first_only || den == 0)
    c->stop = TRUE;
}

/* FALSE when no leaf under this node can satisfy the hard actors and beat the best. */
static gboolean
promising (Search *c,
           guint   d)
{
  const gint64 *suf = c->sufmax + d * MAX_ACT;
  gboolean have_target = c->found || c->has_floor;
  double target[MAX_ACT];
  gboolean finite[MAX_ACT];
  double best = have_target ? (double) c->best_num / (double) c->best_den : 0.0;

  for (guint a = 0; a < c->n_act; a++)
    {
      gint64 x = c->s[a] + suf[a] - c->need[a];

      finite[a] = FALSE;
      target[a] = 0.0;
      if (c->hard[a])
        {
          if (x < 0)
            return FALSE;
          finite[a] = TRUE;
        }
      if (c->obj[a] && have_target)
        {
          /* An improving leaf has this actor's surplus above the best. */
          if (c->found ? !rat_less (c->best_num, c->best_den, x, c->w[a])
                       : rat_less (x, c->w[a], c->best_num, c->best_den))
            return FALSE;
          target[a] = c->hard[a] ? MAX (best, 0.0) : best;
          finite[a] = TRUE;
        }
    }

  for (guint l = 0; l < c->n_lambda; l++)
    {
      double bound = c->suflambda[d * MAX_LAMBDA + l];
      double goal = 0.0;
      gboolean usable = TRUE;

      for (guint a = 0; a < c->n_act; a++)
        if (c->lambda[l][a] > 0.0)
          {
            if (!finite[a])
              {
                usable = FALSE;
                break;
              }
            bound += c->lambda[l][a] * (double) (c->s[a] - c->need[a]) / (double) c->w[a];
            goal += c->lambda[l][a] * target[a];
          }
      /* A conservative margin: doubles only prune, exact integers decide. */
      if (usable && bound < goal - 1e-7)
        return FALSE;
    }
  return TRUE;
}

static void
dfs (Search *c,
     guint   d)
{
  guint stride = c->p->stride;

  if (d == c->depth)
    {
      leaf (c);
      return;
    }
  if (zopa_budget_spent (c->budget))
    {
      c->interrupted = c->stop = TRUE;
      return;
    }

  for (guint k = 0; k < c->n_opts[d]; k++)
    {
      const gint64 *v = c->val + (d * stride + k) * MAX_ACT;

      c->cur[d] = c->opts[d * stride + k];
      for (guint a = 0; a < c->n_act; a++)
        c->s[a] += v[a];
      if (promising (c, d + 1))
        dfs (c, d + 1);
      for (guint a = 0; a < c->n_act; a++)
        c->s[a] -= v[a];
      if (c->stop)
        return;
    }
}

typedef struct {
  guint  issue;
  double importance;
} IssueRank;

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const IssueRank *x = a, *y = b;

  if (x->importance != y->importance)
    return x->importance > y->importance ? -1 : 1;
  return x->issue < y->issue ? -1 : (x->issue > y->issue);
}

ZopaSearchResult
zopa_search_run_bounded (const ZopaSearch *q,
                         guint            *deal,
                         gint64           *surplus_num,
                         gint64           *surplus_den)
{
  const ZopaProblem *p = q->problem;
  const ZopaOptionMask *acceptable = q->acceptable != NULL ? q->acceptable : p->acceptable;
  guint n = p->n_issues, stride = p->stride;
  Search c = { 0 };
  g_autofree IssueRank *rank = NULL;
  g_autofree guint *opts_all = NULL;
  g_autofree guint *n_opts_all = NULL;
  guint searched = 0;
  gboolean result;

  c.p = p;
  c.budget = q->budget;
  for (guint a = 0; a < p->n_actors; a++)
    {
      gboolean hard = (q->hard_mask >> a) & 1, obj = (q->objective_mask >> a) & 1;

      if ((!hard && !obj) || p->total_weight[a] == 0)
        continue;
      c.act[c.n_act] = a;
      c.hard[c.n_act] = hard;
      c.obj[c.n_act] = obj;
      c.w[c.n_act] = p->total_weight[a];
      c.need[c.n_act] = q->need != NULL ? q->need[a] : zopa_problem_need (p, a);
      c.n_act++;
    }

  c.first_only = q->first_only;
  c.has_floor = q->floor_den > 0;
  c.best_num = q->floor_num;
  c.best_den = c.has_floor ? q->floor_den : 1;

  rank = g_new (IssueRank, MAX (n, 1));
  opts_all = g_new (guint, MAX (n * stride, 1));
  n_opts_all = g_new0 (guint, MAX (n, 1));
  c.fixed_option = g_new0 (guint, MAX (n, 1));

  /* Reduce every issue to its undominated allowed options. */
  for (guint i = 0; i < n; i++)
    {
      ZopaOptionMask allowed = p->all_options[i];
      double lo[MAX_ACT], hi[MAX_ACT];
      guint *list = opts_all + i * stride;
      guint m = 0;

      for (guint a = 0; a < p->n_actors; a++)
        if ((q->red_mask >> a) & 1)
          allowed &= acceptable[a * n + i];
      if (allowed == 0)
        {
          g_free (c.fixed_option);
          return ZOPA_SEARCH_NONE;
        }

      for (guint o = 0; o < p->n_options[i]; o++)
        {
          gboolean dominated = FALSE;

          if (!((allowed >> o) & 1))
            continue;
          for (guint o2 = 0; o2 < p->n_options[i] && !dominated; o2++)
            {
              gboolean ge = TRUE, gt = FALSE;

              if (o2 == o || !((allowed >> o2) & 1))
                continue;
              for (guint a = 0; a < c.n_act; a++)
                {
                  int v = zopa_problem_value (p, c.act[a], i, o);
                  int v2 = zopa_problem_value (p, c.act[a], i, o2);
                  if (v2 < v)
                    ge = FALSE;
                  else if (v2 > v)
                    gt = TRUE;
                }
              dominated = ge && (gt || o2 < o);
            }
          if (!dominated)
            list[m++] = o;
        }
      n_opts_all[i] = m;

      for (guint a = 0; a < c.n_act; a++)
        {
          lo[a] = G_MAXDOUBLE;
          hi[a] = -G_MAXDOUBLE;
          for (guint k = 0; k < m; k++)
            {
              double v = zopa_problem_value (p, c.act[a], i, list[k]) / (double) c.w[a];
              lo[a] = MIN (lo[a], v);
              hi[a] = MAX (hi[a], v);
            }
        }
      rank[i].issue = i;
      rank[i].importance = 0.0;
      for (guint a = 0; a < c.n_act; a++)
        rank[i].importance += hi[a] - lo[a];
      if (m == 1)
        {
          c.fixed_option[i] = list[0];
          for (guint a = 0; a < c.n_act; a++)
            c.base[a] += zopa_problem_value (p, c.act[a], i, list[0]);
        }
      else
        searched++;
    }

  qsort (rank, n, sizeof *rank, compare_rank);

  c.depth = searched;
  c.issue = g_new (guint, MAX (searched, 1));
  c.n_opts = g_new (guint, MAX (searched, 1));
  c.opts = g_new (guint, MAX (searched * stride, 1));
  c.val = g_new0 (gint64, MAX (searched * stride * MAX_ACT, 1));
  c.sufmax = g_new0 (gint64, (searched + 1) * MAX_ACT);
  c.suflambda = g_new0 (double, (searched + 1) * MAX_LAMBDA);
  c.cur = g_new0 (guint, MAX (searched, 1));
  c.best = g_new0 (guint, MAX (searched, 1));

  /* λ: all constrained actors equally, then each pair. */
  if (c.n_act >= 2)
    {
      for (guint a = 0; a < c.n_act; a++)
        c.lambda[c.n_lambda][a] = 1.0 / c.n_act;
      c.n_lambda++;
      if (c.n_act >= 3)
        for (guint a = 0; a < c.n_act; a++)
          for (guint b = a + 1; b < c.n_act; b++)
            {
              c.lambda[c.n_lambda][a] = 0.5;
              c.lambda[c.n_lambda][b] = 0.5;
              c.n_lambda++;
            }
    }

  {
    guint d = 0;
    for (guint r = 0; r < n; r++)
      {
        guint i = rank[r].issue;
        guint m = n_opts_all[i];
        double key[ZOPA_PROBLEM_MAX_OPTIONS];
        guint *list = c.opts + d * stride;

        if (m <= 1)
          continue;
        c.issue[d] = i;
        c.n_opts[d] = m;
        memcpy (list, opts_all + i * stride, sizeof (guint) * m);
        /* Best options first: by the sum of the constrained actors' scores. */
        for (guint k = 0; k < m; k++)
          {
            key[k] = 0.0;
            for (guint a = 0; a < c.n_act; a++)
              key[k] += zopa_problem_value (p, c.act[a], i, list[k]) / (double) c.w[a];
          }
        for (guint k = 1; k < m; k++)
          for (guint j = k; j > 0 && key[j] > key[j - 1]; j--)
            {
              double tk = key[j];
              guint to = list[j];
              key[j] = key[j - 1];
              key[j - 1] = tk;
              list[j] = list[j - 1];
              list[j - 1] = to;
            }
        for (guint k = 0; k < m; k++)
          for (guint a = 0; a < c.n_act; a++)
            c.val[(d * stride + k) * MAX_ACT + a] = zopa_problem_value (p, c.act[a], i, list[k]);
        d++;
      }
  }

  for (guint d = searched; d-- > 0;)
    {
      for (guint a = 0; a < c.n_act; a++)
        {
          gint64 hi = G_MININT64;
          for (guint k = 0; k < c.n_opts[d]; k++)
            hi = MAX (hi, c.val[(d * stride + k) * MAX_ACT + a]);
          c.sufmax[d * MAX_ACT + a] = c.sufmax[(d + 1) * MAX_ACT + a] + hi;
        }
      for (guint l = 0; l < c.n_lambda; l++)
        {
          double hi = -G_MAXDOUBLE;
          for (guint k = 0; k < c.n_opts[d]; k++)
            {
              double sum = 0.0;
              for (guint a = 0; a < c.n_act; a++)
                sum += c.lambda[l][a] * c.val[(d * stride + k) * MAX_ACT + a] / (double) c.w[a];
              hi = MAX (hi, sum);
            }
          c.suflambda[d * MAX_LAMBDA + l] = c.suflambda[(d + 1) * MAX_LAMBDA + l] + hi;
        }
    }

  memcpy (c.s, c.base, sizeof c.s);
  if (promising (&c, 0))
    dfs (&c, 0);

  result = c.found;
  if (result)
    {
      if (deal != NULL)
        {
          for (guint i = 0; i < n; i++)
            deal[i] = c.fixed_option[i];
          for (guint d = 0; d < searched; d++)
            deal[c.issue[d]] = c.best[d];
        }
      if (surplus_num != NULL)
        *surplus_num = c.best_num;
      if (surplus_den != NULL)
        {
          gboolean has_objective = FALSE;
          for (guint a = 0; a < c.n_act; a++)
            has_objective |= c.obj[a];
          *surplus_den = has_objective ? c.best_den : 0;
        }
    }

  g_free (c.fixed_option);
  g_free (c.issue);
  g_free (c.n_opts);
  g_free (c.opts);
  g_free (c.val);
  g_free (c.sufmax);
  g_free (c.suflambda);
  g_free (c.cur);
  g_free (c.best);
  if (c.interrupted && !(result && q->first_only))
    return result ? ZOPA_SEARCH_FOUND : ZOPA_SEARCH_UNKNOWN;
  return result ? ZOPA_SEARCH_OPTIMAL : ZOPA_SEARCH_NONE;
}

gboolean
zopa_search_run (const ZopaSearch *search,
                 guint            *deal,
                 gint64           *surplus_num,
                 gint64           *surplus_den)
{
  ZopaSearch unbounded = *search;

  unbounded.budget = NULL;
  return zopa_search_run_bounded (&unbounded, deal, surplus_num, surplus_den) == ZOPA_SEARCH_OPTIMAL;
}

/*
 * Exclusive regions: every actor of in_mask accepts, every actor of out_mask rejects
 * (crosses a red line or scores below its reservation). Same scheme; a node is cut when
 * a member can no longer reach its reservation or an outsider can no longer be made to
 * reject.
 */
typedef struct {
  const ZopaProblem *p;
  guint     n_in, n_out;
  guint     in[MAX_ACT], out[MAX_ACT];
  guint     depth;
  guint    *issue;
  guint    *n_opts;
  guint    *opts;                 /* [depth * stride] */
  gint64   *sufmax_in;            /* [(depth + 1) * MAX_ACT + k] */
  gint64   *sufmin_out;           /* [(depth + 1) * MAX_ACT + k] */
  gboolean *can_cross;            /* [(depth + 1) * MAX_ACT + k]: a later option crosses */
  gint64    s_in[MAX_ACT], s_out[MAX_ACT];
  guint     crossed[MAX_ACT];     /* red lines crossed so far, per outsider */
  guint    *cur;
  gboolean  found;
  gboolean  interrupted;
  ZopaBudget *budget;
} Exclusive;

static gboolean
exclusive_promising (Exclusive *c,
                     guint      d)
{
  const ZopaProblem *p = c->p;

  for (guint k = 0; k < c->n_in; k++)
    {
      guint a = c->in[k];
      if (p->total_weight[a] > 0 &&
          c->s_in[k] + c->sufmax_in[d * MAX_ACT + k] < zopa_problem_need (p, a))
        return FALSE;
    }
  for (guint k = 0; k < c->n_out; k++)
    {
      guint b = c->out[k];
      if (c->crossed[k] > 0 || c->can_cross[d * MAX_ACT + k])
        continue;
      if (p->total_weight[b] == 0 ||
          c->s_out[k] + c->sufmin_out[d * MAX_ACT + k] >= zopa_problem_need (p, b))
        return FALSE;   /* b accepts whatever comes next */
    }
  return TRUE;
}

static void
exclusive_dfs (Exclusive *c,
               guint      d)
{
  const ZopaProblem *p = c->p;

  if (d == c->depth)
    {
      c->found = TRUE;   /* promising() at the leaf is the exact test */
      return;
    }
  if (zopa_budget_spent (c->budget))
    {
      c->interrupted = TRUE;
      return;
    }
  for (guint k = 0; k < c->n_opts[d]; k++)
    {
      guint i = c->issue[d], o = c->opts[d * p->stride + k];

      c->cur[d] = o;
      for (guint m = 0; m < c->n_in; m++)
        c->s_in[m] += zopa_problem_value (p, c->in[m], i, o);
      for (guint m = 0; m < c->n_out; m++)
        {
          c->s_out[m] += zopa_problem_value (p, c->out[m], i, o);
          c->crossed[m] += !((zopa_problem_acceptable (p, c->out[m], i) >> o) & 1);
        }
      if (exclusive_promising (c, d + 1))
        exclusive_dfs (c, d + 1);
      for (guint m = 0; m < c->n_in; m++)
        c->s_in[m] -= zopa_problem_value (p, c->in[m], i, o);
      for (guint m = 0; m < c->n_out; m++)
        {
          c->s_out[m] -= zopa_problem_value (p, c->out[m], i, o);
          c->crossed[m] -= !((zopa_problem_acceptable (p, c->out[m], i) >> o) & 1);
        }
      if (c->found || c->interrupted)
        return;
    }
}

/* o2 is at least as good as o for every purpose of the exclusive search. */
static gboolean
exclusive_dominates (const Exclusive *c,
                     guint            i,
                     guint            o2,
                     guint            o)
{
  const ZopaProblem *p = c->p;
  gboolean strict = FALSE;

  for (guint m = 0; m < c->n_in; m++)
    {
      int v = zopa_problem_value (p, c->in[m], i, o), v2 = zopa_problem_value (p, c->in[m], i, o2);
      if (v2 < v)
        return FALSE;
      strict |= v2 > v;
    }
  for (guint m = 0; m < c->n_out; m++)
    {
      ZopaOptionMask acc = zopa_problem_acceptable (p, c->out[m], i);
      gboolean rejects = !((acc >> o) & 1), rejects2 = !((acc >> o2) & 1);
      int v = zopa_problem_value (p, c->out[m], i, o), v2 = zopa_problem_value (p, c->out[m], i, o2);

      if (v2 > v || (rejects && !rejects2))
        return FALSE;
      strict |= v2 < v || (rejects2 && !rejects);
    }
  return strict || o2 < o;
}

ZopaSearchResult
zopa_search_exclusive_bounded (const ZopaProblem *p,
                               guint              in_mask,
                               guint              out_mask,
                               guint             *deal,
                               ZopaBudget        *budget)
{
  guint n = p->n_issues, stride = p->stride;
  Exclusive c = { 0 };
  gboolean result;

  c.p = p;
  c.budget = budget;
  for (guint a = 0; a < p->n_actors; a++)
    {
      if ((in_mask >> a) & 1)
        c.in[c.n_in++] = a;
      else if ((out_mask >> a) & 1)
        c.out[c.n_out++] = a;
    }

  c.depth = n;
  c.issue = g_new (guint, MAX (n, 1));
  c.n_opts = g_new0 (guint, MAX (n, 1));
  c.opts = g_new (guint, MAX (n * stride, 1));
  c.sufmax_in = g_new0 (gint64, (n + 1) * MAX_ACT);
  c.sufmin_out = g_new0 (gint64, (n + 1) * MAX_ACT);
  c.can_cross = g_new0 (gboolean, (n + 1) * MAX_ACT);
  c.cur = g_new0 (guint, MAX (n, 1));

  result = TRUE;
  for (guint i = 0; i < n && result; i++)
    {
      ZopaOptionMask allowed = p->all_options[i];
      guint m = 0;

      c.issue[i] = i;
      for (guint k = 0; k < c.n_in; k++)
        allowed &= zopa_problem_acceptable (p, c.in[k], i);
      if (allowed == 0)
        result = FALSE;
      for (guint o = 0; o < p->n_options[i]; o++)
        {
          gboolean dominated = FALSE;
          if (!((allowed >> o) & 1))
            continue;
          for (guint o2 = 0; o2 < p->n_options[i] && !dominated; o2++)
            if (o2 != o && ((allowed >> o2) & 1))
              dominated = exclusive_dominates (&c, i, o2, o);
          if (!dominated)
            c.opts[i * stride + m++] = o;
        }
      c.n_opts[i] = m;
    }

  if (result)
    {
      for (guint d = n; d-- > 0;)
        {
          guint i = c.issue[d];
          for (guint k = 0; k < c.n_in; k++)
            {
              gint64 hi = G_MININT64;
              for (guint j = 0; j < c.n_opts[d]; j++)
                hi = MAX (hi, zopa_problem_value (p, c.in[k], i, c.opts[d * stride + j]));
              c.sufmax_in[d * MAX_ACT + k] = c.sufmax_in[(d + 1) * MAX_ACT + k] + hi;
            }
          for (guint k = 0; k < c.n_out; k++)
            {
              gint64 lo = G_MAXINT64;
              gboolean cross = c.can_cross[(d + 1) * MAX_ACT + k];
              for (guint j = 0; j < c.n_opts[d]; j++)
                {
                  guint o = c.opts[d * stride + j];
                  lo = MIN (lo, zopa_problem_value (p, c.out[k], i, o));
                  cross |= !((zopa_problem_acceptable (p, c.out[k], i) >> o) & 1);
                }
              c.sufmin_out[d * MAX_ACT + k] = c.sufmin_out[(d + 1) * MAX_ACT + k] + lo;
              c.can_cross[d * MAX_ACT + k] = cross;
            }
        }

      if (exclusive_promising (&c, 0))
        exclusive_dfs (&c, 0);
      result = c.found;
      if (result && deal != NULL)
        memcpy (deal, c.cur, sizeof (guint) * n);
    }

  g_free (c.issue);
  g_free (c.n_opts);
  g_free (c.opts);
  g_free (c.sufmax_in);
  g_free (c.sufmin_out);
  g_free (c.can_cross);
  g_free (c.cur);
  if (result)
    return ZOPA_SEARCH_OPTIMAL;
  return c.interrupted ? ZOPA_SEARCH_UNKNOWN : ZOPA_SEARCH_NONE;
}

gboolean
zopa_search_exclusive (const ZopaProblem *p,
                       guint              in_mask,
                       guint              out_mask,
                       guint             *deal)
{
  return zopa_search_exclusive_bounded (p, in_mask, out_mask, deal, NULL) == ZOPA_SEARCH_OPTIMAL;
}
