/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-pareto.c: the exact Pareto frontier of two actors' scores, the ZOPA corner and its
 * gap, and the deal density (see zopa-pareto.h). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "zopa-budget.h"
#include "zopa-pareto.h"

/* The density is counted exactly over distinct pairs of sums while there are at most this
 * many of them and the work (pairs × options, summed over issues) stays below the cap. */
#define DENSITY_MAX_STATES (1u << 18)
#define DENSITY_MAX_WORK   40000000.0
/* Meeting in the middle: each half of the issues at most this many deals, and at most this
 * many pairs of their distinct sums. */
#define HALF_MAX_DEALS     (1u << 16)
#define HALVES_MAX_PAIRS   16000000.0

/* One candidate pair while a layer is built: its sums and how it was reached. */
typedef struct {
  gint64 sum[2];
  guint  parent;   /* index in the previous layer */
  guint  option;
} Candidate;

/* How a frontier point of one layer was reached. */
typedef struct {
  guint parent;
  guint option;
} Link;

/* A layer: its points (by descending first sum) and their links. */
typedef struct {
  guint            n;
  ZopaParetoPoint *points;
  Link            *links;
} Layer;

static void
layer_free (gpointer data)
{
  Layer *layer = data;

  g_free (layer->points);
  g_free (layer->links);
  g_free (layer);
}

/* Values of the two actors' options of one issue: weight × utility. */
typedef struct {
  guint  n_issues;
  guint *n_options;
  int   *value[2];     /* [issue * stride + option] */
  guint  stride;
  /* Bit o of issue: the option crosses neither actor's red line. */
  guint64 *agreeable;
} Space;

static int
compare_candidates (const void *pa,
                    const void *pb)
{
  const Candidate *a = pa, *b = pb;

  /* Descending first sum, then descending second. */
  if (a->sum[0] != b->sum[0])
    return a->sum[0] < b->sum[0] ? 1 : -1;
  if (a->sum[1] != b->sum[1])
    return a->sum[1] < b->sum[1] ? 1 : -1;
  return 0;
}

/* The DP: the non-dominated pairs after each issue, the options restricted to the
 * agreeable ones when only_agreeable. FALSE when the budget ran out. */
static gboolean
frontier_layers (const Space *space,
                 gboolean     only_agreeable,
                 ZopaBudget  *budget,
                 GPtrArray   *layers)
{
  Layer *start = g_new0 (Layer, 1);
  g_autofree Candidate *cand = NULL;
  gsize cand_size = 0;

  start->n = 1;
  start->points = g_new0 (ZopaParetoPoint, 1);
  start->links = g_new0 (Link, 1);
  g_ptr_array_add (layers, start);

  for (guint i = 0; i < space->n_issues; i++)
    {
      const Layer *prev = g_ptr_array_index (layers, layers->len - 1);
      Layer *next = g_new0 (Layer, 1);
      gsize n = 0, needed = (gsize) prev->n * space->n_options[i];
      gint64 best_second = G_MININT64;

      if (needed > cand_size)
        {
          cand_size = MAX (needed, 2 * cand_size);
          cand = g_renew (Candidate, cand, cand_size);
        }
      for (guint p = 0; p < prev->n; p++)
        {
          if (zopa_budget_spent (budget))
            {
              layer_free (next);
              return FALSE;
            }
          for (guint o = 0; o < space->n_options[i]; o++)
            {
              if (only_agreeable && !(space->agreeable[i] & (G_GUINT64_CONSTANT (1) << o)))
                continue;
              cand[n].sum[0] = prev->points[p].sum[0] + space->value[0][i * space->stride + o];
              cand[n].sum[1] = prev->points[p].sum[1] + space->value[1][i * space->stride + o];
              cand[n].parent = p;
              cand[n].option = o;
              n++;
            }
        }
      qsort (cand, n, sizeof (Candidate), compare_candidates);
      next->points = g_new (ZopaParetoPoint, MAX (n, 1));
      next->links = g_new (Link, MAX (n, 1));
      /* Sorted by descending first sum: a pair is non-dominated when its second sum beats
       * every pair before it (equal pairs: the first one stays). */
      for (gsize c = 0; c < n; c++)
        if (cand[c].sum[1] > best_second)
          {
            best_second = cand[c].sum[1];
            next->points[next->n].sum[0] = cand[c].sum[0];
            next->points[next->n].sum[1] = cand[c].sum[1];
            next->links[next->n].parent = cand[c].parent;
            next->links[next->n].option = cand[c].option;
            next->n++;
          }
      g_ptr_array_add (layers, next);
      if (next->n == 0)
        break;
    }
  return TRUE;
}

/* The last layer's points by ascending first sum. */
static ZopaParetoPoint *
frontier_from_layers (GPtrArray *layers,
                      guint      n_issues,
                      guint     *n_points)
{
  const Layer *last = g_ptr_array_index (layers, layers->len - 1);
  ZopaParetoPoint *points;

  if (layers->len != n_issues + 1 || last->n == 0)
    {
      *n_points = 0;
      return NULL;
    }
  points = g_new (ZopaParetoPoint, last->n);
  for (guint j = 0; j < last->n; j++)
    points[j] = last->points[last->n - 1 - j];
  *n_points = last->n;
  return points;
}

/* Both sums in one pointer-sized key: each stays below 2^31 (at most 1000 per issue). */
G_STATIC_ASSERT (sizeof (gpointer) >= sizeof (guint64));

static inline gpointer
pack_pair (const gint64 *pair)
{
  return (gpointer) (guintptr) (((guint64) pair[0] << 32) | (guint64) pair[1]);
}

static guint
hash_pair (gconstpointer key)
{
  guint64 v = (guint64) (guintptr) key;

  v ^= v >> 29;
  v *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  v ^= v >> 32;
  return (guint) v;
}

/* Counts the deals per distinct pair of sums, then bins them. FALSE when it is not cheap. */
static gboolean
count_density (ZopaPareto  *pareto,
               const Space *space,
               ZopaBudget  *budget)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));
  double work = 0;
  guint bins = ZOPA_PARETO_DENSITY_BINS;
  gint64 start[2] = { 0, 0 };
  double one = 1;

  g_array_append_val (keys, start);
  g_array_append_val (counts, one);
  for (guint i = 0; i < space->n_issues; i++)
    {
      g_autoptr(GArray) next_keys = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
      g_autoptr(GArray) next_counts = g_array_new (FALSE, FALSE, sizeof (double));

      work += (double) keys->len * space->n_options[i];
      if (work > DENSITY_MAX_WORK)
        return FALSE;
      index = g_hash_table_new (hash_pair, NULL);
      for (guint s = 0; s < keys->len; s++)
        {
          const gint64 *key = &g_array_index (keys, gint64, 2 * s);
          double count = g_array_index (counts, double, s);

          if (zopa_budget_spent (budget))
            return FALSE;
          for (guint o = 0; o < space->n_options[i]; o++)
            {
              gint64 pair[2] = { key[0] + space->value[0][i * space->stride + o],
                                 key[1] + space->value[1][i * space->stride + o] };
              gpointer packed = pack_pair (pair);
              gpointer found;

              if (g_hash_table_lookup_extended (index, packed, NULL, &found))
                g_array_index (next_counts, double, GPOINTER_TO_UINT (found)) += count;
              else
                {
                  if (next_keys->len >= DENSITY_MAX_STATES)
                    return FALSE;
                  g_array_append_val (next_keys, pair);
                  g_array_append_val (next_counts, count);
                  g_hash_table_insert (index, packed, GUINT_TO_POINTER (next_keys->len - 1));
                }
            }
        }
      g_clear_pointer (&index, g_hash_table_unref);
      g_array_unref (keys);
      g_array_unref (counts);
      keys = g_steal_pointer (&next_keys);
      counts = g_steal_pointer (&next_counts);
    }

  pareto->density_bins = bins;
  pareto->density = g_new0 (double, bins * bins);
  for (guint s = 0; s < keys->len; s++)
    {
      const gint64 *key = &g_array_index (keys, gint64, 2 * s);
      guint col = (guint) MIN ((double) bins - 1, (double) key[0] * bins / (100.0 * pareto->weight[0]));
      guint row = (guint) MIN ((double) bins - 1, (double) key[1] * bins / (100.0 * pareto->weight[1]));

      pareto->density[row * bins + col] += g_array_index (counts, double, s);
    }
  for (guint c = 0; c < bins * bins; c++)
    pareto->density_max = MAX (pareto->density_max, pareto->density[c]);
  pareto->has_density = TRUE;
  return TRUE;
}

/* A distinct pair of sums of one half of the issues and how many of its deals have it. */
typedef struct {
  gint64 sum[2];
  double count;
} HalfPair;

static int
compare_half_pairs (const void *pa,
                    const void *pb)
{
  const HalfPair *a = pa, *b = pb;

  if (a->sum[0] != b->sum[0])
    return a->sum[0] < b->sum[0] ? -1 : 1;
  if (a->sum[1] != b->sum[1])
    return a->sum[1] < b->sum[1] ? -1 : 1;
  return 0;
}

/* Every deal of issues [first, last): its pairs of sums, duplicates merged. */
static GArray *
half_pairs (const Space *space,
            guint        first,
            guint        last)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (HalfPair));
  g_autofree guint *deal = g_new0 (guint, MAX (1u, last - first));
  guint n = 0;

  while (TRUE)
    {
      HalfPair p = { { 0, 0 }, 1 };
      guint i;

      for (i = first; i < last; i++)
        {
          p.sum[0] += space->value[0][i * space->stride + deal[i - first]];
          p.sum[1] += space->value[1][i * space->stride + deal[i - first]];
        }
      g_array_append_val (pairs, p);
      for (i = first; i < last; i++)
        {
          if (++deal[i - first] < space->n_options[i])
            break;
          deal[i - first] = 0;
        }
      if (i == last)
        break;
    }
  g_array_sort (pairs, compare_half_pairs);
  for (guint j = 0; j < pairs->len; j++)
    {
      HalfPair *p = &g_array_index (pairs, HalfPair, j);

      if (n > 0 && compare_half_pairs (&g_array_index (pairs, HalfPair, n - 1), p) == 0)
        g_array_index (pairs, HalfPair, n - 1).count += p->count;
      else
        g_array_index (pairs, HalfPair, n++) = *p;
    }
  g_array_set_size (pairs, n);
  return pairs;
}

/* The density by meeting in the middle: the distinct pairs of sums of each half of the
 * issues, every left pair with every right one. FALSE when the halves are too large. */
static gboolean
count_density_halves (ZopaPareto  *pareto,
                      const Space *space,
                      ZopaBudget  *budget)
{
  guint bins = ZOPA_PARETO_DENSITY_BINS, split = 0;
  double left = 1, right = 1;
  g_autoptr(GArray) lp = NULL;
  g_autoptr(GArray) rp = NULL;
  double scale[2];

  /* The split that balances the two halves' deal counts. */
  for (guint i = 0; i < space->n_issues; i++)
    right *= space->n_options[i];
  while (split < space->n_issues && left * space->n_options[split] <= right / space->n_options[split])
    {
      left *= space->n_options[split];
      right /= space->n_options[split];
      split++;
    }
  if (left > HALF_MAX_DEALS || right > HALF_MAX_DEALS)
    return FALSE;
  lp = half_pairs (space, 0, split);
  rp = half_pairs (space, split, space->n_issues);
  if ((double) lp->len * rp->len > HALVES_MAX_PAIRS)
    return FALSE;

  for (guint k = 0; k < 2; k++)
    scale[k] = bins / (100.0 * pareto->weight[k]);
  pareto->density_bins = bins;
  pareto->density = g_new0 (double, bins * bins);
  for (guint l = 0; l < lp->len; l++)
    {
      const HalfPair *a = &g_array_index (lp, HalfPair, l);

      if (zopa_budget_spent (budget))
        {
          g_clear_pointer (&pareto->density, g_free);
          return FALSE;
        }
      for (guint r = 0; r < rp->len; r++)
        {
          const HalfPair *b = &g_array_index (rp, HalfPair, r);
          guint col = (guint) MIN ((double) bins - 1, (double) (a->sum[0] + b->sum[0]) * scale[0]);
          guint row = (guint) MIN ((double) bins - 1, (double) (a->sum[1] + b->sum[1]) * scale[1]);

          pareto->density[row * bins + col] += a->count * b->count;
        }
    }
  for (guint c = 0; c < bins * bins; c++)
    pareto->density_max = MAX (pareto->density_max, pareto->density[c]);
  pareto->has_density = TRUE;
  return TRUE;
}

/* The larger shortfall at a point, as num / den (den > 0), for reservations r. */
static void
shortfall (const ZopaPareto      *pareto,
           const int             *r,
           const ZopaParetoPoint *p,
           gint64                *num,
           gint64                *den)
{
  gint64 n0 = (gint64) r[0] * pareto->weight[0] - p->sum[0];
  gint64 n1 = (gint64) r[1] * pareto->weight[1] - p->sum[1];

  /* n0 / w0 against n1 / w1, exactly. */
  if (n0 * pareto->weight[1] >= n1 * pareto->weight[0])
    {
      *num = n0;
      *den = pareto->weight[0];
    }
  else
    {
      *num = n1;
      *den = pareto->weight[1];
    }
}

/* The smallest larger shortfall over a frontier (enough: it is attained on it). */
static double
smallest_shortfall (const ZopaPareto      *pareto,
                    const int             *r,
                    const ZopaParetoPoint *points,
                    guint                  n,
                    guint                 *at)
{
  gint64 best_num = 0, best_den = 0;

  for (guint j = 0; j < n; j++)
    {
      gint64 num, den;

      shortfall (pareto, r, &points[j], &num, &den);
      if (best_den == 0 || num * best_den < best_num * den)
        {
          best_num = num;
          best_den = den;
          if (at != NULL)
            *at = j;
        }
    }
  return best_den > 0 ? (double) best_num / (double) best_den : 0;
}

static void
space_clear (Space *space)
{
  g_free (space->n_options);
  g_free (space->value[0]);
  g_free (space->value[1]);
  g_free (space->agreeable);
}

ZopaPareto *
zopa_pareto_new (ZopaAnalysis *analysis,
                 guint         a,
                 guint         b,
                 double        time_limit,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr(ZopaPareto) pareto = NULL;
  Space space = { 0 };
  ZopaBudget budget;
  guint actors[2] = { a, b };
  gboolean complete;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (a == b || a >= zopa_analysis_get_n_actors (analysis) || b >= zopa_analysis_get_n_actors (analysis))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The bargaining view needs two different shown actors"));
      return NULL;
    }

  pareto = g_new0 (ZopaPareto, 1);
  pareto->n_issues = zopa_analysis_get_n_issues (analysis);
  pareto->deal_space = zopa_analysis_get_deal_space (analysis);
  space.n_issues = pareto->n_issues;
  space.n_options = g_new0 (guint, MAX (1u, space.n_issues));
  space.agreeable = g_new0 (guint64, MAX (1u, space.n_issues));
  for (guint i = 0; i < space.n_issues; i++)
    {
      space.n_options[i] = zopa_analysis_get_n_options (analysis, i);
      space.stride = MAX (space.stride, space.n_options[i]);
    }
  for (guint k = 0; k < 2; k++)
    {
      guint actor = actors[k];

      pareto->actor[k] = actor;
      pareto->reservation[k] = zopa_analysis_get_reservation (analysis, actor);
      zopa_analysis_get_reservation_range (analysis, actor, &pareto->reservation_low[k],
                                           &pareto->reservation_high[k]);
      space.value[k] = g_new0 (int, MAX (1u, space.n_issues * space.stride));
      for (guint i = 0; i < space.n_issues; i++)
        {
          int w = zopa_analysis_get_weight (analysis, actor, i);

          pareto->weight[k] += w;
          for (guint o = 0; o < space.n_options[i]; o++)
            space.value[k][i * space.stride + o] = w * zopa_analysis_get_utility (analysis, actor, i, o);
        }
      if (pareto->weight[k] == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is an actor's name */
                       _("%s has no score (every weight is 0), so it has no place in the bargaining view"),
                       zopa_analysis_get_actor_name (analysis, actor));
          space_clear (&space);
          return NULL;
        }
    }
  pareto->split_issues = g_new0 (guint, MAX (1u, space.n_issues));
  for (guint i = 0; i < space.n_issues; i++)
    {
      for (guint o = 0; o < space.n_options[i]; o++)
        if (zopa_analysis_actor_accepts_option (analysis, a, i, o) &&
            zopa_analysis_actor_accepts_option (analysis, b, i, o))
          space.agreeable[i] |= G_GUINT64_CONSTANT (1) << o;
      if (space.agreeable[i] == 0)
        pareto->split_issues[pareto->n_split_issues++] = i;
    }

  zopa_budget_init (&budget, time_limit > 0 ? g_get_monotonic_time () + (gint64) (time_limit * G_USEC_PER_SEC) : G_MAXINT64,
                    cancellable);
  pareto->layers = g_ptr_array_new_with_free_func (layer_free);
  pareto->agreeable_layers = g_ptr_array_new_with_free_func (layer_free);
  complete = frontier_layers (&space, FALSE, &budget, pareto->layers) &&
             frontier_layers (&space, TRUE, &budget, pareto->agreeable_layers);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      space_clear (&space);
      return NULL;
    }

  if (complete)
    {
      guint at = 0;

      pareto->status = ZOPA_ANSWER_EXACT;
      pareto->frontier = frontier_from_layers (pareto->layers, space.n_issues, &pareto->n_frontier);
      pareto->agreeable = frontier_from_layers (pareto->agreeable_layers, space.n_issues, &pareto->n_agreeable);
      pareto->any_agreeable = pareto->n_agreeable > 0;
      pareto->gap = smallest_shortfall (pareto, pareto->reservation, pareto->frontier, pareto->n_frontier, &at);
      if (pareto->n_frontier > 0)
        pareto->gap_point = pareto->frontier[at];
      pareto->gap_low = smallest_shortfall (pareto, pareto->reservation_low, pareto->frontier, pareto->n_frontier, NULL);
      at = 0;
      pareto->agreeable_gap = smallest_shortfall (pareto, pareto->reservation, pareto->agreeable, pareto->n_agreeable, &at);
      pareto->agreeable_gap_low = smallest_shortfall (pareto, pareto->reservation_low, pareto->agreeable,
                                                      pareto->n_agreeable, NULL);
      if (pareto->any_agreeable)
        pareto->agreeable_gap_point = pareto->agreeable[at];
      /* Meeting both reservations is a larger shortfall of at most 0. */
      pareto->corner_empty = !pareto->any_agreeable || pareto->agreeable_gap > 0;
      if (!count_density_halves (pareto, &space, &budget))
        count_density (pareto, &space, &budget);
    }
  else
    {
      pareto->status = ZOPA_ANSWER_BOUNDED;
      pareto->corner_empty = FALSE;
    }
  space_clear (&space);
  return g_steal_pointer (&pareto);
}

void
zopa_pareto_free (ZopaPareto *pareto)
{
  if (pareto == NULL)
    return;
  g_free (pareto->frontier);
  g_free (pareto->agreeable);
  g_free (pareto->density);
  g_free (pareto->split_issues);
  g_clear_pointer (&pareto->layers, g_ptr_array_unref);
  g_clear_pointer (&pareto->agreeable_layers, g_ptr_array_unref);
  g_free (pareto);
}

double
zopa_pareto_score (const ZopaPareto      *pareto,
                   guint                  k,
                   const ZopaParetoPoint *point)
{
  g_return_val_if_fail (pareto != NULL && k < 2 && point != NULL, 0);
  return (double) point->sum[k] / (double) pareto->weight[k];
}

void
zopa_pareto_witness (const ZopaPareto *pareto,
                     gboolean          agreeable,
                     guint             i,
                     guint            *deal)
{
  GPtrArray *layers;
  guint n, at;

  g_return_if_fail (pareto != NULL && deal != NULL);
  layers = agreeable ? pareto->agreeable_layers : pareto->layers;
  n = agreeable ? pareto->n_agreeable : pareto->n_frontier;
  g_return_if_fail (i < n);

  /* The frontier is the last layer reversed. */
  at = n - 1 - i;
  for (guint issue = pareto->n_issues; issue > 0; issue--)
    {
      const Layer *layer = g_ptr_array_index (layers, issue);

      deal[issue - 1] = layer->links[at].option;
      at = layer->links[at].parent;
    }
}
