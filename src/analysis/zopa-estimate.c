/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-estimate.c: counts past the exact DP's budget, by importance sampling
 *
 * Uniform samples of the red-line space miss a region that holds a tiny fraction of it
 * (a region of 10^14 deals in a space of 10^40 gets no hit at all). Instead the samples
 * are drawn uniformly from a superset U of the region that is counted exactly: the deals
 * that cross no red line of the group and satisfy a coarsened score constraint of its
 * most selective member. Coarsening rounds each option's gain up to a multiple of q, so
 * every deal the member accepts is in U, and U is counted (and sampled from) by a small
 * backward DP over the remaining shortfall. The region's count is then |U| times the
 * fraction of samples in it, and the 95 % Wilson interval of that fraction, times |U|,
 * bounds the error. Sampling stops early once both bounds are within 1 % of the counts. The tighter U fits the region, the larger the fraction and the
 * smaller the relative error.
 */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <math.h>

#include "zopa-problem.h"

/* The coarsened shortfall has at most this many levels, and the DP at most this much
 * work (levels × options × issues). */
#define MAX_LEVELS 2048
#define MAX_WORK   ((double) (1 << 22))
/* Samples drawn whatever the budget says. */
#define MIN_SAMPLES 512

static double
wilson_half_width (guint64 hits,
                   guint64 n)
{
  const double z = 1.959964;
  double ph = (double) hits / (double) n;
  double denom = 1.0 + z * z / n;
  double centre = (ph + z * z / (2.0 * n)) / denom;
  double half = z * sqrt (ph * (1.0 - ph) / n + z * z / (4.0 * n * n)) / denom;

  return MAX (fabs (centre + half - ph), fabs (ph - (centre - half)));
}

static inline guint64
next_random (guint64 *state)
{
  guint64 z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static inline double
next_uniform (guint64 *state)
{
  return (double) (next_random (state) >> 11) / 9007199254740992.0;
}

typedef struct {
  guint    n;
  guint   *n_choices;      /* [issue] */
  guint   *choices;        /* [issue * stride + k] */
  int     *gain;           /* [issue * stride + k]: coarsened gain of the chosen member */
  guint    levels;         /* start shortfall + 1; 0: no member constraint */
  double  *ways;           /* [(issue + 1) * levels + r]: completions from issue on */
} Superset;

/* The member whose acceptance is least likely under uniform options (normal
 * approximation), and its acceptance threshold; -1 when none can bind. */
static int
most_selective (const ZopaProblem *p,
                guint              mask,
                const Superset    *u)
{
  int best = -1;
  double best_z = -G_MAXDOUBLE;

  for (guint a = 0; a < p->n_actors; a++)
    {
      double mean = 0.0, var = 0.0, lo = 0.0;

      if (!((mask >> a) & 1) || p->total_weight[a] == 0)
        continue;
      for (guint i = 0; i < u->n; i++)
        {
          double m1 = 0.0, m2 = 0.0, vlo = G_MAXDOUBLE;
          guint c = u->n_choices[i];
          for (guint k = 0; k < c; k++)
            {
              double v = zopa_problem_value (p, a, i, u->choices[i * p->stride + k]);
              m1 += v / c;
              m2 += v * v / c;
              vlo = MIN (vlo, v);
            }
          mean += m1;
          var += MAX (0.0, m2 - m1 * m1);
          lo += vlo;
        }
      if (lo >= (double) zopa_problem_need (p, a))
        continue;   /* accepts every deal of the red-line space */
      {
        double z = ((double) zopa_problem_need (p, a) - mean) / sqrt (MAX (var, 1e-9));
        if (z > best_z)
          {
            best_z = z;
            best = a;
          }
      }
    }
  return best;
}

/* Builds U for member a: coarsened gains and the backward DP. */
static void
superset_build (const ZopaProblem *p,
                Superset          *u,
                guint              a)
{
  guint n = u->n, stride = p->stride;
  gint64 lo = 0, start, q = 1, total_options = 0;

  for (guint i = 0; i < n; i++)
    {
      int vlo = G_MAXINT;
      for (guint k = 0; k < u->n_choices[i]; k++)
        vlo = MIN (vlo, zopa_problem_value (p, a, i, u->choices[i * stride + k]));
      lo += vlo;
      total_options += u->n_choices[i];
      for (guint k = 0; k < u->n_choices[i]; k++)
        u->gain[i * stride + k] = zopa_problem_value (p, a, i, u->choices[i * stride + k]) - vlo;
    }
  start = zopa_problem_need (p, a) - lo;   /* > 0: the member can bind */

  /* The coarsest q that keeps the DP small; 1 (exact) when it fits. */
  while ((start + q - 1) / q + 1 > MAX_LEVELS ||
         (double) ((start + q - 1) / q + 1) * total_options > MAX_WORK)
    q++;
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < u->n_choices[i]; k++)
      u->gain[i * stride + k] = (u->gain[i * stride + k] + q - 1) / q;
  u->levels = (guint) ((start + q - 1) / q) + 1;

  u->ways = g_new0 (double, (gsize) (n + 1) * u->levels);
  u->ways[(gsize) n * u->levels + 0] = 1.0;
  for (guint i = n; i-- > 0;)
    {
      const double *next = u->ways + (gsize) (i + 1) * u->levels;
      double *here = u->ways + (gsize) i * u->levels;
      for (guint r = 0; r < u->levels; r++)
        {
          double sum = 0.0;
          for (guint k = 0; k < u->n_choices[i]; k++)
            {
              int g = u->gain[i * stride + k];
              sum += next[(guint) g >= r ? 0 : r - g];
            }
          here[r] = sum;
        }
    }
}

void
zopa_count_estimate (const ZopaProblem *p,
                     guint              mask,
                     guint              n_samples,
                     ZopaBudget        *budget,
                     double            *inclusive,
                     double            *inclusive_error,
                     double            *exclusive,
                     double            *exclusive_error)
{
  guint n = p->n_issues, stride = p->stride;
  g_autofree guint *n_choices = g_new0 (guint, MAX (n, 1));
  g_autofree guint *choices = g_new0 (guint, MAX (n * stride, 1));
  g_autofree int *gain = g_new0 (int, MAX (n * stride, 1));
  g_autofree guint *deal = g_new0 (guint, MAX (n, 1));
  guint64 state = 0x5a0fa5a0fa000000ULL + mask;
  guint64 hits_in = 0, hits_ex = 0;
  Superset u = { n, n_choices, choices, gain, 0, NULL };
  double size = 1.0;
  int member;

  *inclusive = *inclusive_error = *exclusive = *exclusive_error = 0.0;
  for (guint i = 0; i < n; i++)
    {
      ZopaOptionMask allowed = p->all_options[i];
      for (guint a = 0; a < p->n_actors; a++)
        if ((mask >> a) & 1)
          allowed &= zopa_problem_acceptable (p, a, i);
      for (guint o = 0; o < p->n_options[i]; o++)
        if ((allowed >> o) & 1)
          choices[i * stride + n_choices[i]++] = o;
      if (n_choices[i] == 0 || n_samples == 0)
        return;
      size *= n_choices[i];
    }

  member = most_selective (p, mask, &u);
  if (member >= 0)
    {
      superset_build (p, &u, member);
      size = u.ways[u.levels - 1];
    }
  if (size == 0.0)
    {
      g_free (u.ways);
      return;
    }

  for (guint s = 0; s < n_samples; s++)
    {
      guint r = u.levels > 0 ? u.levels - 1 : 0;
      guint accepting;

      /* Enough once both 95 % bounds are within 1 % of their estimates. */
      if (s > 0 && s % 2048 == 0 && hits_ex > 0 &&
          wilson_half_width (hits_in, s) <= 0.01 * hits_in / s &&
          wilson_half_width (hits_ex, s) <= 0.01 * hits_ex / s)
        {
          n_samples = s;
          break;
        }
      /* Out of time: the samples so far, with bounds as wide as they are. */
      if (s >= MIN_SAMPLES && s % 256 == 0 && zopa_budget_check (budget))
        {
          n_samples = s;
          break;
        }

      for (guint i = 0; i < n; i++)
        {
          guint k = 0;

          /* Without a constraint, or with it met, every option weighs the same. */
          if (member < 0 || r == 0)
            k = (guint) (((unsigned __int128) next_random (&state) * n_choices[i]) >> 64);
          else
            {
              /* Option k with probability ways(next state) / ways(this state). */
              const double *next = u.ways + (gsize) (i + 1) * u.levels;
              double pick = next_uniform (&state) * u.ways[(gsize) i * u.levels + r];
              for (k = 0; k + 1 < n_choices[i]; k++)
                {
                  int g = gain[i * stride + k];
                  pick -= next[(guint) g >= r ? 0 : r - g];
                  if (pick < 0.0)
                    break;
                }
              r = (guint) gain[i * stride + k] >= r ? 0 : r - gain[i * stride + k];
            }
          deal[i] = choices[i * stride + k];
        }
      accepting = zopa_problem_accepting (p, deal);
      if ((accepting & mask) == mask)
        {
          hits_in++;
          hits_ex += (accepting & ~mask) == 0;
        }
    }
  g_free (u.ways);

  *inclusive = size * hits_in / n_samples;
  *inclusive_error = size * wilson_half_width (hits_in, n_samples);
  *exclusive = size * hits_ex / n_samples;
  *exclusive_error = size * wilson_half_width (hits_ex, n_samples);
}
