/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-count.c: counting the deals a group accepts, without walking them one by one
 *
 * Red lines factor per issue: the deals that cross no member's red line are the product of
 * the options every member allows. Within that product, the score constraints
 * Σ_i w_i·u_i(d_i) ≥ reservation·Σ w_i are counted by dynamic programming over the issues
 * on the members' partial sums. Each member's sum is kept as the part of its threshold
 * still missing, over what the worst remaining options give anyway: it starts at
 * need − (sum of the worst allowed options), every option lowers it by how much it beats
 * the worst option of its issue, it is clamped at 0 (satisfied whatever follows) and a
 * state whose remaining issues cannot cover it is dropped. Equal states merge, so the work
 * is bounded by the number of distinct shortfalls, not the number of deals. Issues that do
 * not move any member's score only multiply the count, and each member's numbers are
 * divided by their greatest common divisor.
 *
 * One member: a plain array over the shortfall. Several: a hash table of packed shortfall
 * vectors. Beyond the budget (states × options) the caller falls back to an estimate.
 */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "zopa-problem.h"

#define MAX_ACT   ZOPA_PROBLEM_MAX_ACTORS
#define HASH_WORK 16

static inline gboolean
mul_u64 (guint64 a, guint64 b, guint64 *out)
{
  return !__builtin_mul_overflow (a, b, out);
}

double
zopa_count_red_line_space (const ZopaProblem *p,
                           guint              mask)
{
  double product = 1.0;

  for (guint i = 0; i < p->n_issues; i++)
    {
      ZopaOptionMask allowed = p->all_options[i];
      for (guint a = 0; a < p->n_actors; a++)
        if ((mask >> a) & 1)
          allowed &= zopa_problem_acceptable (p, a, i);
      product *= __builtin_popcountll (allowed);
    }
  return product;
}

typedef struct {
  guint    n_act;
  guint    depth;
  guint   *n_opts;           /* [depth] */
  gint64  *delta;            /* [(d * stride + k) * MAX_ACT + a], reduced */
  gint64  *spread_after;     /* [d * MAX_ACT + a]: Σ max delta over issues after d */
  gint64   start[MAX_ACT];
  guint    stride;
} Dp;

static gint64
gcd64 (gint64 a, gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

static ZopaCountStatus
dp_one (const Dp *dp,
        guint64   budget,
        guint64  *count,
        guint64  *work_used)
{
  gint64 size = dp->start[0] + 1;
  g_autofree guint64 *cur = g_new0 (guint64, size);
  g_autofree guint64 *next = g_new0 (guint64, size);
  gint64 hi = dp->start[0];   /* largest live shortfall */
  guint64 work = 0;

  cur[hi] = 1;
  for (guint d = 0; d < dp->depth; d++)
    {
      gint64 limit = MIN (hi, dp->spread_after[d * MAX_ACT]);
      guint64 *swap;

      work += (guint64) (hi + 1) * dp->n_opts[d];
      *work_used = work;
      if (work > budget)
        return ZOPA_COUNT_OVER_BUDGET;

      memset (next, 0, sizeof (guint64) * (limit + 1));
      for (guint k = 0; k < dp->n_opts[d]; k++)
        {
          gint64 delta = dp->delta[(d * dp->stride + k) * MAX_ACT];

          /* shortfalls at or below delta all become 0 */
          {
            guint64 sum = 0;
            for (gint64 x = 0; x <= MIN (delta, hi); x++)
              sum += cur[x];
            next[0] += sum;
          }
          for (gint64 e = delta + 1; e <= hi; e++)
            if (e - delta <= limit)
              next[e - delta] += cur[e];
        }
      swap = cur;
      cur = next;
      next = swap;
      hi = limit;
    }
  *count = cur[0];
  return ZOPA_COUNT_EXACT;
}

/* Open addressing on packed shortfall vectors. */
typedef struct {
  guint64 *keys;
  guint64 *vals;
  guint64  mask;
  guint64  used;
} Table;

#define EMPTY_KEY G_MAXUINT64

static void
table_init (Table  *t,
            guint64 capacity)
{
  guint64 size = 64;

  while (size < capacity * 2)
    size <<= 1;
  t->keys = g_new (guint64, size);
  t->vals = g_new (guint64, size);
  memset (t->keys, 0xff, sizeof (guint64) * size);
  t->mask = size - 1;
  t->used = 0;
}

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->keys, g_free);
  g_clear_pointer (&t->vals, g_free);
}

static inline guint64
hash_key (guint64 key)
{
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return key;
}

static void table_add (Table *t, guint64 key, guint64 val);

static void
table_grow (Table *t)
{
  Table bigger;

  table_init (&bigger, (t->mask + 1));
  for (guint64 s = 0; s <= t->mask; s++)
    if (t->keys[s] != EMPTY_KEY)
      table_add (&bigger, t->keys[s], t->vals[s]);
  table_clear (t);
  *t = bigger;
}

static void
table_add (Table  *t,
           guint64 key,
           guint64 val)
{
  guint64 slot;

  if ((t->used + 1) * 4 > (t->mask + 1) * 3)
    table_grow (t);
  slot = hash_key (key) & t->mask;
  while (t->keys[slot] != EMPTY_KEY)
    {
      if (t->keys[slot] == key)
        {
          t->vals[slot] += val;
          return;
        }
      slot = (slot + 1) & t->mask;
    }
  t->keys[slot] = key;
  t->vals[slot] = val;
  t->used++;
}

static ZopaCountStatus
dp_many (const Dp *dp,
         guint64   budget,
         guint64  *count,
         guint64  *work_used)
{
  guint shift[MAX_ACT];
  guint64 field[MAX_ACT];
  guint bits = 0;
  Table cur, next;
  guint64 work = 0;
  ZopaCountStatus status = ZOPA_COUNT_EXACT;

  for (guint a = 0; a < dp->n_act; a++)
    {
      guint b = 1;
      while (((gint64) 1 << b) <= dp->start[a])
        b++;
      shift[a] = bits;
      field[a] = ((guint64) 1 << b) - 1;
      bits += b;
    }
  if (bits > 63)
    return ZOPA_COUNT_OVER_BUDGET;

  table_init (&cur, 64);
  {
    guint64 key = 0;
    for (guint a = 0; a < dp->n_act; a++)
      key |= (guint64) dp->start[a] << shift[a];
    table_add (&cur, key, 1);
  }

  for (guint d = 0; d < dp->depth && status == ZOPA_COUNT_EXACT; d++)
    {
      const gint64 *after = dp->spread_after + d * MAX_ACT;

      /* A hash table step costs about as much as HASH_WORK array cells. */
      work += cur.used * dp->n_opts[d] * HASH_WORK;
      *work_used = work;
      if (work > budget)
        {
          status = ZOPA_COUNT_OVER_BUDGET;
          break;
        }
      table_init (&next, cur.used * 2);
      for (guint64 s = 0; s <= cur.mask; s++)
        {
          guint64 key = cur.keys[s];
          if (key == EMPTY_KEY)
            continue;
          for (guint k = 0; k < dp->n_opts[d]; k++)
            {
              const gint64 *delta = dp->delta + (d * dp->stride + k) * MAX_ACT;
              guint64 out = 0;
              gboolean alive = TRUE;

              for (guint a = 0; a < dp->n_act; a++)
                {
                  gint64 e = (gint64) ((key >> shift[a]) & field[a]) - delta[a];
                  if (e < 0)
                    e = 0;
                  if (e > after[a])
                    {
                      alive = FALSE;
                      break;
                    }
                  out |= (guint64) e << shift[a];
                }
              if (alive)
                table_add (&next, out, cur.vals[s]);
            }
        }
      table_clear (&cur);
      cur = next;
    }

  if (status == ZOPA_COUNT_EXACT)
    {
      guint64 total = 0;
      /* After the last issue only the all-satisfied state (key 0) survives. */
      for (guint64 s = 0; s <= cur.mask; s++)
        if (cur.keys[s] == 0)
          total += cur.vals[s];
      *count = total;
    }
  table_clear (&cur);
  return status;
}

typedef struct {
  guint  issue;
  double spread;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->spread != y->spread)
    return x->spread > y->spread ? -1 : 1;
  return x->issue < y->issue ? -1 : (x->issue > y->issue);
}

ZopaCountStatus
zopa_count_inclusive (const ZopaProblem *p,
                      guint              mask,
                      guint64            budget,
                      guint64           *count,
                      guint64           *work)
{
  guint n = p->n_issues, stride = p->stride;
  g_autofree ZopaOptionMask *allowed = g_new (ZopaOptionMask, MAX (n, 1));
  g_autofree Ranked *ranked = g_new (Ranked, MAX (n, 1));
  guint act[MAX_ACT], n_act = 0;
  gint64 lo_sum[MAX_ACT] = { 0 }, hi_sum[MAX_ACT] = { 0 };
  guint64 multiplier = 1, product = 1;
  guint n_ranked = 0;
  Dp dp = { 0 };
  ZopaCountStatus status;
  guint64 inner = 0, spent = 0;

  if (work != NULL)
    *work = 0;

  for (guint i = 0; i < n; i++)
    {
      allowed[i] = p->all_options[i];
      for (guint a = 0; a < p->n_actors; a++)
        if ((mask >> a) & 1)
          allowed[i] &= zopa_problem_acceptable (p, a, i);
      if (allowed[i] == 0)
        {
          *count = 0;
          return ZOPA_COUNT_EXACT;
        }
    }

  /* Members whose score constraint can bind. */
  for (guint a = 0; a < p->n_actors; a++)
    {
      gint64 lo = 0, hi = 0;

      if (!((mask >> a) & 1) || p->total_weight[a] == 0)
        continue;
      for (guint i = 0; i < n; i++)
        {
          int vlo = G_MAXINT, vhi = G_MININT;
          for (guint o = 0; o < p->n_options[i]; o++)
            if ((allowed[i] >> o) & 1)
              {
                int v = zopa_problem_value (p, a, i, o);
                vlo = MIN (vlo, v);
                vhi = MAX (vhi, v);
              }
          lo += vlo;
          hi += vhi;
        }
      if (hi < zopa_problem_need (p, a))
        {
          *count = 0;
          return ZOPA_COUNT_EXACT;
        }
      if (lo >= zopa_problem_need (p, a))
        continue;
      lo_sum[n_act] = lo;
      hi_sum[n_act] = hi;
      act[n_act++] = a;
    }

  for (guint i = 0; i < n; i++)
    {
      guint c = __builtin_popcountll (allowed[i]);
      double spread = 0.0;

      for (guint k = 0; k < n_act; k++)
        {
          int vlo = G_MAXINT, vhi = G_MININT;
          for (guint o = 0; o < p->n_options[i]; o++)
            if ((allowed[i] >> o) & 1)
              {
                int v = zopa_problem_value (p, act[k], i, o);
                vlo = MIN (vlo, v);
                vhi = MAX (vhi, v);
              }
          spread += (double) (vhi - vlo) / (double) (hi_sum[k] - lo_sum[k]);
        }
      if (spread == 0.0)
        {
          if (!mul_u64 (multiplier, c, &multiplier))
            return ZOPA_COUNT_OVERFLOW;
        }
      else
        {
          ranked[n_ranked].issue = i;
          ranked[n_ranked].spread = spread;
          n_ranked++;
          if (!mul_u64 (product, c, &product))
            return ZOPA_COUNT_OVERFLOW;
        }
    }
  if (!mul_u64 (product, multiplier, &product))
    return ZOPA_COUNT_OVERFLOW;

  if (n_act == 0)
    {
      *count = multiplier;
      return ZOPA_COUNT_EXACT;
    }

  /* Largest spreads first: shortfalls settle (0 or dead) sooner. */
  qsort (ranked, n_ranked, sizeof *ranked, compare_ranked);

  dp.n_act = n_act;
  dp.depth = n_ranked;
  dp.stride = stride;
  dp.n_opts = g_new0 (guint, MAX (n_ranked, 1));
  dp.delta = g_new0 (gint64, MAX (n_ranked * stride * MAX_ACT, 1));
  dp.spread_after = g_new0 (gint64, (n_ranked + 1) * MAX_ACT);

  for (guint k = 0; k < n_act; k++)
    {
      gint64 g = 0;
      guint a = act[k];

      dp.start[k] = zopa_problem_need (p, a) - lo_sum[k];
      for (guint d = 0; d < n_ranked; d++)
        {
          guint i = ranked[d].issue, m = 0;
          int vlo = G_MAXINT;

          for (guint o = 0; o < p->n_options[i]; o++)
            if ((allowed[i] >> o) & 1)
              vlo = MIN (vlo, zopa_problem_value (p, a, i, o));
          for (guint o = 0; o < p->n_options[i]; o++)
            if ((allowed[i] >> o) & 1)
              {
                gint64 delta = zopa_problem_value (p, a, i, o) - vlo;
                dp.delta[(d * stride + m) * MAX_ACT + k] = delta;
                g = gcd64 (g, delta);
                m++;
              }
          dp.n_opts[d] = m;
        }
      if (g > 1)
        {
          dp.start[k] = (dp.start[k] + g - 1) / g;
          for (guint d = 0; d < n_ranked; d++)
            for (guint m = 0; m < dp.n_opts[d]; m++)
              dp.delta[(d * stride + m) * MAX_ACT + k] /= g;
        }
      /* spread_after[d]: the most the issues after d can still lower the shortfall. */
      for (guint d = n_ranked; d-- > 1;)
        {
          gint64 hi = 0;
          for (guint m = 0; m < dp.n_opts[d]; m++)
            hi = MAX (hi, dp.delta[(d * stride + m) * MAX_ACT + k]);
          dp.spread_after[(d - 1) * MAX_ACT + k] = dp.spread_after[d * MAX_ACT + k] + hi;
        }
    }

  if (n_act == 1)
    status = dp_one (&dp, budget, &inner, &spent);
  else
    status = dp_many (&dp, budget, &inner, &spent);
  if (work != NULL)
    *work = spent;

  g_free (dp.n_opts);
  g_free (dp.delta);
  g_free (dp.spread_after);

  if (status != ZOPA_COUNT_EXACT)
    return status;
  *count = inner * multiplier;   /* ≤ product, which fits */
  return ZOPA_COUNT_EXACT;
}
