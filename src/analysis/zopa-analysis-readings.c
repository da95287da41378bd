/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-analysis-readings.c: regions, verdicts and the ZOPA judged over every reading of the
 * uncertain values, exactly */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <math.h>

#include "zopa-analysis-private.h"
#include "zopa-solve.h"

/* Work budget of each exact count, and of all counts of one analysis together. */
#define READINGS_COUNT_BUDGET ((guint64) 1 << 22)
#define READINGS_TOTAL_BUDGET ((guint64) 1 << 26)
/* Readings of the weights tried to decide whether a region is empty in some reading. */
#define WEIGHT_READINGS_BUDGET 4096
#define EXACT_LIMIT ((guint64) 1 << 53)
#define ESTIMATE_SAMPLES 16384
/* What opens an empty region: as many sets, and as much work, as for the shown group. */
#define EMPTY_REGION_SETS 3
#define EMPTY_REGION_BUDGET ((guint64) 50000)
/* The solver's opening sets: none more than this many changes above the fewest. */
#define OPENING_EXTRA_CHANGES 2
/* The share of the time limit the opening changes of the empty regions take together, as
 * they are asked for. */
#define EMPTY_REGIONS_SHARE    0.05
/* Inclusion–exclusion over at most this many outsiders (2^n counts); beyond, the
 * exclusive counts are estimated. */
#define MAX_OUTSIDERS_COUNTED 6

/* Whether a region holds a deal: decided within a budget, or not decided. */
typedef enum {
  FILLED_NO,
  FILLED_YES,
  FILLED_UNKNOWN,
} Filled;

/* The regions listed by the analysis, in every and in some reading. */
typedef struct {
  ZopaRegion         every;
  ZopaRegionReadings readings;
} RegionEntry;

typedef struct {
  guint64  count;
  gboolean exact;
} CountEntry;

struct _ZopaReadings
{
  ZopaAnalysis        *analysis;            /* not owned: it owns this */
  ZopaBounds          *bounds;
  gboolean             uncertain;
  guint                n_actors;
  guint                n_drafts;
  double               deal_space;
  int                **draft_options;       /* [draft][issue] */
  ZopaProblem         *sure;

  GHashTable          *regions;             /* mask → RegionEntry, listed regions only */
  GHashTable          *empty;               /* mask → ZopaEmptyRegion, built on request */

  ZopaVerdict         *verdicts;            /* [draft * n_actors + actor] */
  ZopaVerdictReadings *extras;
  GPtrArray           *owned;

  /* counts of rows: key sure_mask | possible_mask << ZOPA_PROBLEM_MAX_ACTORS → CountEntry */
  GHashTable          *counts;
  guint64              budget_left;

  double               time_limit;
  ZopaBudget          *budget;              /* of the running compute_regions(), or NULL */
  double               empty_seconds_left;  /* the opening changes' share, not yet spent */
};

G_STATIC_ASSERT (2 * ZOPA_PROBLEM_MAX_ACTORS <= 64);

const char *
zopa_holds_to_string (ZopaHolds holds)
{
  switch (holds)
    {
    case ZOPA_HOLDS_IN_EVERY_READING:
      return "every";
    case ZOPA_HOLDS_IN_SOME_READING:
      return "some";
    case ZOPA_HOLDS_IN_NO_READING:
      return "none";
    default:
      g_return_val_if_reached ("none");
    }
}

/* ---- counts ---- */

/* Deals that every actor of sure_mask surely accepts and every actor of possible_mask
 * possibly accepts (disjoint masks); FALSE when over budget. */
static gboolean
count_rows (ZopaReadings *self,
            guint         sure_mask,
            guint         possible_mask,
            guint64      *count)
{
  guint64 key = sure_mask | ((guint64) possible_mask << ZOPA_PROBLEM_MAX_ACTORS);
  CountEntry *entry = g_hash_table_lookup (self->counts, &key);

  if (entry == NULL)
    {
      guint rows[ZOPA_PROBLEM_MAX_ACTORS];
      gboolean best[ZOPA_PROBLEM_MAX_ACTORS];
      guint n = 0;
      g_autoptr(ZopaProblem) p = NULL;
      guint64 work = 0;
      ZopaCountStatus status;

      for (guint a = 0; a < self->n_actors; a++)
        if (((sure_mask | possible_mask) >> a) & 1)
          {
            rows[n] = a;
            best[n++] = (possible_mask >> a) & 1;
          }
      p = zopa_bounds_problem (self->bounds, rows, best, n);
      entry = g_new0 (CountEntry, 1);
      status = zopa_count_inclusive (p, (1u << n) - 1, MIN (READINGS_COUNT_BUDGET, self->budget_left),
                                     &entry->count, &work);
      self->budget_left -= MIN (work, self->budget_left);
      entry->exact = status == ZOPA_COUNT_EXACT;
      g_hash_table_insert (self->counts, g_memdup2 (&key, sizeof key), entry);
    }
  *count = entry->count;
  return entry->exact;
}

/*
 * Deals in the region of mask in every reading (members surely accept, the others surely
 * reject, i.e. do not possibly accept) or in some reading (members possibly accept, the
 * others possibly reject), by inclusion–exclusion over the others.
 */
static gboolean
count_exclusive (ZopaReadings *self,
                 guint         mask,
                 gboolean      some,
                 guint64      *count)
{
  guint all = (1u << self->n_actors) - 1, rest = all & ~mask;
  __int128 sum = 0;

  if (__builtin_popcount (rest) > MAX_OUTSIDERS_COUNTED)
    return FALSE;
  for (guint t = 0;; t = (t - rest) & rest)
    {
      guint64 c = 0;

      if (!count_rows (self, some ? t : mask, some ? mask : t, &c))
        return FALSE;
      if (__builtin_popcount (t) & 1)
        sum -= c;
      else
        sum += c;
      if (t == rest)
        break;
    }
  *count = (guint64) sum;
  return TRUE;
}

/* ---- emptiness in some reading ---- */

/*
 * Whether, in some reading, no deal is accepted by every actor of in_mask and rejected by
 * every actor of out_mask. Low utilities, high reservations and maybe options as red lines
 * are the worst for the members in every deal at once (the mirror for the others), so one
 * reading of those values decides; the weights do not work that way (which weight is
 * worst depends on the deal), so every integer reading of the uncertain weights is tried.
 */
/*
 * One reading as a plain problem: the actors of worst_mask at their worst (low utilities,
 * high reservation, maybe options as red lines), those of best_mask at their best, every
 * weight at its low end. slots (nullable) receives the uncertain weights of both, and the
 * number of their readings is returned.
 */
static ZopaProblem *
reading_problem (ZopaReadings *self,
                 guint         worst_mask,
                 guint         best_mask,
                 GArray       *slots,
                 double       *n_readings)
{
  const ZopaBounds *b = self->bounds;
  ZopaProblem *p = zopa_problem_new (self->n_actors, b->n_issues, b->n_options);

  if (n_readings != NULL)
    *n_readings = 1.0;
  for (guint a = 0; a < self->n_actors; a++)
    {
      gboolean worst = (worst_mask >> a) & 1;

      if (!(((worst_mask | best_mask) >> a) & 1))
        continue;
      p->reservation[a] = worst ? b->reservation_high[a] : b->reservation_low[a];
      for (guint i = 0; i < b->n_issues; i++)
        {
          guint ai = a * b->n_issues + i;

          p->acceptable[ai] = zopa_bounds_allowed (b, a, i, !worst);
          for (guint o = 0; o < b->n_options[i]; o++)
            zopa_problem_set_utility (p, a, i, o, worst ? b->utility_low[ai * b->stride + o]
                                                         : b->utility_high[ai * b->stride + o]);
          zopa_problem_set_weight (p, a, i, b->weight_low[ai]);
          if (b->weight_low[ai] != b->weight_high[ai] && slots != NULL)
            {
              g_array_append_val (slots, ai);
              *n_readings *= b->weight_high[ai] - b->weight_low[ai] + 1;
            }
        }
    }
  return p;
}

/*
 * Whether, in some reading, no deal is accepted by every actor of in_mask and rejected by
 * every actor of out_mask. Low utilities, high reservations and maybe options as red lines
 * are the worst for the members in every deal at once (the mirror for the others), so one
 * reading of those values decides; the weights do not work that way (which weight is
 * worst depends on the deal), so every integer reading of the uncertain weights is tried.
 */
static ZopaHolds
empty_in_some_reading (ZopaReadings *self,
                       guint         in_mask,
                       guint         out_mask,
                       gboolean     *exact)
{
  const ZopaBounds *b = self->bounds;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));
  double n_readings = 1.0;
  g_autoptr(ZopaProblem) p = reading_problem (self, in_mask, out_mask, slots, &n_readings);
  ZopaBudget budget;

  /* Up to a quarter of what is left, so that the other regions keep their part. */
  zopa_budget_init_child (&budget, self->budget, zopa_budget_seconds_left (self->budget) / 4);
  if (n_readings > WEIGHT_READINGS_BUDGET)
    {
      *exact = FALSE;
      return ZOPA_HOLDS_IN_SOME_READING;
    }

  for (;;)
    {
      guint k;

      switch (zopa_solve_feasible (p, in_mask, out_mask, NULL, &budget))
        {
        case ZOPA_SEARCH_NONE:
          return ZOPA_HOLDS_IN_SOME_READING;
        case ZOPA_SEARCH_UNKNOWN:
          *exact = FALSE;
          return ZOPA_HOLDS_IN_SOME_READING;
        default:
          break;
        }
      /* The next reading of the weights, as an odometer. */
      for (k = 0; k < slots->len; k++)
        {
          guint ai = g_array_index (slots, guint, k);
          guint a = ai / b->n_issues, i = ai % b->n_issues;

          if (p->weight[ai] < b->weight_high[ai])
            {
              zopa_problem_set_weight (p, a, i, p->weight[ai] + 1);
              break;
            }
          zopa_problem_set_weight (p, a, i, b->weight_low[ai]);
        }
      if (k == slots->len)
        return ZOPA_HOLDS_IN_NO_READING;
    }
}

static gboolean
has_weight_range (ZopaReadings *self,
                  guint         mask)
{
  for (guint a = 0; a < self->n_actors; a++)
    if (((mask >> a) & 1) && zopa_bounds_actor_has_weight_range (self->bounds, a))
      return TRUE;
  return FALSE;
}

/* Empty in every reading when no deal is in it in some reading; in no reading when some
 * deal is in it in every reading; else it depends on the reading. What the budget left
 * undecided is reported as "some", not exact. */
static ZopaHolds
region_emptiness (ZopaReadings *self,
                  Filled        filled_every,
                  Filled        filled_some,
                  guint         in_mask,
                  guint         out_mask,
                  gboolean     *exact)
{
  if (filled_every == FILLED_YES)
    return ZOPA_HOLDS_IN_NO_READING;
  if (filled_some == FILLED_NO)
    return ZOPA_HOLDS_IN_EVERY_READING;
  if (filled_every == FILLED_UNKNOWN || filled_some == FILLED_UNKNOWN)
    {
      *exact = FALSE;
      return ZOPA_HOLDS_IN_SOME_READING;
    }
  if (!has_weight_range (self, in_mask | out_mask))
    return ZOPA_HOLDS_IN_SOME_READING;
  return empty_in_some_reading (self, in_mask, out_mask, exact);
}

/* The problem of a region's rows: the members accept (surely, or possibly when some), the
 * others reject (the mirror) when exclusive. Returns the masks of both kinds of rows. */
static ZopaProblem *
region_problem (ZopaReadings *self,
                guint         mask,
                gboolean      some,
                gboolean      exclusive,
                guint        *in_rows,
                guint        *out_rows)
{
  guint rows[ZOPA_PROBLEM_MAX_ACTORS];
  gboolean best[ZOPA_PROBLEM_MAX_ACTORS];
  guint n = 0;

  *in_rows = *out_rows = 0;
  for (guint a = 0; a < self->n_actors; a++)
    {
      gboolean member = (mask >> a) & 1;

      if (!member && !exclusive)
        continue;
      /* Rejecting surely is not possibly accepting, and the other way round. */
      best[n] = member ? some : !some;
      if (member)
        *in_rows |= 1u << n;
      else
        *out_rows |= 1u << n;
      rows[n++] = a;
    }
  return zopa_bounds_problem (self->bounds, rows, best, n);
}

/* Whether a deal is in the region in every reading (or some), decided within a fair part
 * of what is left of the readings' budget. */
static Filled
region_filled (ZopaReadings *self,
               guint         mask,
               gboolean      some,
               gboolean      exclusive,
               guint         calls_left)
{
  guint in_rows, out_rows;
  g_autoptr(ZopaProblem) p = region_problem (self, mask, some, exclusive, &in_rows, &out_rows);
  ZopaBudget budget;

  zopa_budget_init_child (&budget, self->budget, zopa_budget_seconds_left (self->budget) / MAX (calls_left, 1));
  switch (zopa_solve_feasible (p, in_rows, out_rows, NULL, &budget))
    {
    case ZOPA_SEARCH_NONE:
      return FILLED_NO;
    case ZOPA_SEARCH_UNKNOWN:
      return FILLED_UNKNOWN;
    default:
      return FILLED_YES;
    }
}

/* A count known exactly decides whether the region holds a deal; else a search does. */
static Filled
filled_from_count (ZopaReadings *self,
                   gboolean      known,
                   guint64       count,
                   guint         mask,
                   gboolean      some,
                   gboolean      exclusive,
                   guint         calls_left)
{
  if (known)
    return count > 0 ? FILLED_YES : FILLED_NO;
  return region_filled (self, mask, some, exclusive, calls_left);
}

/*
 * Beyond the budget, a count is estimated by uniform sampling of the deals that cross no
 * red line of the members, with a 95 % bound (normal approximation plus one sample's
 * worth); deterministic. A region that is not empty never counts below one deal.
 */
static void
estimate_region (ZopaReadings *self,
                 guint         mask,
                 gboolean      some,
                 gboolean      exclusive,
                 Filled        filled,
                 double       *count,
                 double       *error)
{
  guint in_rows, out_rows;
  g_autoptr(ZopaProblem) p = region_problem (self, mask, some, exclusive, &in_rows, &out_rows);
  g_autoptr(GRand) rand = g_rand_new_with_seed (mask * 2 + some);
  g_autofree guint *deal = g_new0 (guint, MAX (p->n_issues, 1));
  g_autofree guint *allowed = g_new0 (guint, MAX (p->n_issues * p->stride, 1));
  g_autofree guint *n_allowed = g_new0 (guint, MAX (p->n_issues, 1));
  double space = 1.0, hits = 0.0, share;

  *count = *error = 0.0;
  if (filled == FILLED_NO)
    return;
  for (guint i = 0; i < p->n_issues; i++)
    {
      ZopaOptionMask common = p->all_options[i];

      for (guint k = 0; k < p->n_actors; k++)
        if ((in_rows >> k) & 1)
          common &= zopa_problem_acceptable (p, k, i);
      for (guint o = 0; o < p->n_options[i]; o++)
        if ((common >> o) & 1)
          allowed[i * p->stride + n_allowed[i]++] = o;
      space *= n_allowed[i];
    }
  for (guint sample = 0; sample < ESTIMATE_SAMPLES; sample++)
    {
      guint accepting;

      for (guint i = 0; i < p->n_issues; i++)
        deal[i] = allowed[i * p->stride + g_rand_int_range (rand, 0, n_allowed[i])];
      accepting = zopa_problem_accepting (p, deal);
      if ((accepting & in_rows) == in_rows && (accepting & out_rows) == 0)
        hits += 1.0;
    }
  share = hits / ESTIMATE_SAMPLES;
  /* A region known to hold a deal never counts 0; one not decided may. */
  *count = round (filled == FILLED_YES ? MAX (space * share, 1.0) : space * share);
  *error = ceil (1.96 * space * sqrt (share * (1.0 - share) / ESTIMATE_SAMPLES) + space / ESTIMATE_SAMPLES);
}

static void
compute_region (ZopaReadings *self,
                ZopaAnalysis *analysis,
                guint         m,
                guint         calls_left)
{
  guint all = (1u << self->n_actors) - 1;
  const ZopaRegion *plain = zopa_analysis_get_region (analysis, m);
  RegionEntry *entry = g_new0 (RegionEntry, 1);
  ZopaRegion *every = &entry->every;
  ZopaRegionReadings *r = &entry->readings;
  guint64 in_every = 0, in_some = 0, ex_every = 0, ex_some = 0;
  gboolean known_in_every, known_in_some, known_ex_every, known_ex_some;
  Filled filled_in_every, filled_in_some, filled_ex_every, filled_ex_some;
  double unused_error;

  g_hash_table_insert (self->regions, GUINT_TO_POINTER (m), entry);
  *every = *plain;
  r->emptiness_exact = TRUE;
  if (!self->uncertain)
    {
      r->inclusive_max = plain->inclusive;
      r->exclusive_max = plain->exclusive;
      r->exact = plain->exact;
      r->empty_inclusive = plain->inclusive_empty ? ZOPA_HOLDS_IN_EVERY_READING : ZOPA_HOLDS_IN_NO_READING;
      r->empty_exclusive = plain->exclusive_empty ? ZOPA_HOLDS_IN_EVERY_READING : ZOPA_HOLDS_IN_NO_READING;
      r->emptiness_exact = plain->inclusive_decided && plain->exclusive_decided;
      return;
    }

  known_in_every = count_rows (self, m, 0, &in_every);
  known_in_some = count_rows (self, 0, m, &in_some);
  known_ex_every = count_exclusive (self, m, FALSE, &ex_every);
  known_ex_some = count_exclusive (self, m, TRUE, &ex_some);

  filled_in_every = filled_from_count (self, known_in_every, in_every, m, FALSE, FALSE, calls_left);
  filled_in_some = filled_in_every == FILLED_YES ? FILLED_YES
                 : filled_from_count (self, known_in_some, in_some, m, TRUE, FALSE, calls_left);
  filled_ex_every = filled_in_every == FILLED_NO ? FILLED_NO
                  : filled_from_count (self, known_ex_every, ex_every, m, FALSE, TRUE, calls_left);
  filled_ex_some = filled_ex_every == FILLED_YES ? FILLED_YES
                 : filled_in_some == FILLED_NO ? FILLED_NO
                 : filled_from_count (self, known_ex_some, ex_some, m, TRUE, TRUE, calls_left);

  every->inclusive = in_every;
  every->exclusive = ex_every;
  every->inclusive_error = every->exclusive_error = 0.0;
  r->inclusive_max = in_some;
  r->exclusive_max = ex_some;
  if (!known_in_every)
    estimate_region (self, m, FALSE, FALSE, filled_in_every, &every->inclusive, &every->inclusive_error);
  if (!known_ex_every)
    estimate_region (self, m, FALSE, TRUE, filled_ex_every, &every->exclusive, &every->exclusive_error);
  if (!known_in_some)
    estimate_region (self, m, TRUE, FALSE, filled_in_some, &r->inclusive_max, &unused_error);
  if (!known_ex_some)
    estimate_region (self, m, TRUE, TRUE, filled_ex_some, &r->exclusive_max, &unused_error);
  every->exact = known_in_every && known_ex_every && in_every <= EXACT_LIMIT && ex_every <= EXACT_LIMIT;
  r->exact = known_in_some && known_ex_some && in_some <= EXACT_LIMIT && ex_some <= EXACT_LIMIT;
  every->inclusive_empty = filled_in_every == FILLED_NO;
  every->exclusive_empty = filled_ex_every == FILLED_NO;
  every->inclusive_decided = filled_in_every != FILLED_UNKNOWN;
  every->exclusive_decided = filled_ex_every != FILLED_UNKNOWN;

  r->empty_inclusive = region_emptiness (self, filled_in_every, filled_in_some, m, 0, &r->emptiness_exact);
  r->empty_exclusive = region_emptiness (self, filled_ex_every, filled_ex_some, m, all & ~m,
                                         &r->emptiness_exact);
}

/* The listed regions of the analysis, within budget. */
static void
compute_regions (ZopaReadings *self,
                 ZopaAnalysis *analysis,
                 ZopaBudget   *budget)
{
  guint all = (1u << self->n_actors) - 1, calls_left = 0;

  self->budget = budget;
  for (guint m = 1; m <= all; m++)
    calls_left += 4 * zopa_analysis_lists_region (analysis, m);
  for (guint m = 1; m <= all; m++)
    if (zopa_analysis_lists_region (analysis, m))
      {
        compute_region (self, analysis, m, calls_left);
        calls_left -= MIN (calls_left, 4);
      }
  self->budget = NULL;
}

/* The emptiness of one region judged over the readings of bounds alone (not those of an
 * analysis): the same decision as compute_region() makes, through a view of the readings
 * that holds only the bounds and the time budget. */
ZopaHolds
zopa_bounds_region_emptiness (const ZopaBounds *bounds,
                              guint             mask,
                              gboolean          exclusive,
                              ZopaBudget       *budget,
                              gboolean         *exact)
{
  ZopaReadings view = { 0 };
  guint all = (1u << bounds->n_actors) - 1;
  Filled every, some;

  view.bounds = (ZopaBounds *) bounds;
  view.n_actors = bounds->n_actors;
  view.budget = budget;
  *exact = TRUE;
  every = region_filled (&view, mask, FALSE, exclusive, 2);
  some = every == FILLED_YES ? FILLED_YES : region_filled (&view, mask, TRUE, exclusive, 1);
  return region_emptiness (&view, every, some, mask, exclusive ? all & ~mask : 0, exact);
}

/* ---- what opens an empty ZOPA ---- */

GPtrArray *
zopa_readings_what_must_change (ZopaReadings *self,
                                guint         mask,
                                gboolean      in_every_reading,
                                guint         max_sets,
                                guint64       budget,
                                ZopaBudget   *time_budget,
                                gboolean     *complete)
{
  g_autoptr(ZopaProblem) p = NULL;
  GPtrArray *lists;
  ZopaBudget own;

  /* With weight ranges no one reading is the worst (or best) for every deal. */
  if (has_weight_range (self, mask))
    {
      *complete = FALSE;
      return NULL;
    }
  p = in_every_reading ? reading_problem (self, mask, 0, NULL, NULL)
                       : reading_problem (self, 0, mask, NULL, NULL);
  /* The engine's own search for part of the time; when it finds nothing, the solver. */
  zopa_budget_init_child (&own, time_budget, 0.4 * zopa_budget_seconds_left (time_budget));
  lists = zopa_change_what_must_change_bounded (p, mask, max_sets, budget, &own, complete);
  if (!*complete && lists->len == 0)
    {
      g_ptr_array_unref (lists);
      lists = zopa_solve_what_must_change (p, mask, max_sets, OPENING_EXTRA_CHANGES, time_budget, complete);
    }
  return lists;
}

static void
empty_region_clear (ZopaEmptyRegion *e)
{
  g_free ((gpointer) e->red_line_issues);
  g_free ((gpointer) e->sets);
  g_clear_pointer (&e->lists, g_ptr_array_unref);
}

/* Built on first request: the analysis asks for it only when it is shown. */
static void
empty_region_free (gpointer data)
{
  empty_region_clear (data);
  g_free (data);
}

/* How many listed regions may still ask for their opening changes. */
static guint
empty_regions_pending (ZopaReadings *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint pending = 0;

  g_hash_table_iter_init (&iter, self->regions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    pending += ((RegionEntry *) value)->readings.empty_inclusive != ZOPA_HOLDS_IN_NO_READING &&
               !g_hash_table_contains (self->empty, key);
  return pending;
}

/* Built on first request (NULL for a region the analysis does not list): the analysis
 * asks for it only when it is shown. All such requests share one part of the time limit. */
static ZopaEmptyRegion *
ensure_empty_region (ZopaReadings *self,
                     guint         mask)
{
  ZopaEmptyRegion *e = g_hash_table_lookup (self->empty, GUINT_TO_POINTER (mask));
  RegionEntry *entry = g_hash_table_lookup (self->regions, GUINT_TO_POINTER (mask));
  const ZopaRegionReadings *r;
  g_autoptr(GArray) issues = NULL;
  gboolean best;
  ZopaBudget budget;
  gint64 start;

  if (e != NULL || entry == NULL)
    return e;
  r = &entry->readings;
  best = r->empty_inclusive == ZOPA_HOLDS_IN_EVERY_READING;
  e = g_new0 (ZopaEmptyRegion, 1);
  e->mask = mask;
  e->empty = r->empty_inclusive;
  if (e->empty == ZOPA_HOLDS_IN_NO_READING)
    {
      g_hash_table_insert (self->empty, GUINT_TO_POINTER (mask), e);
      return e;
    }
  issues = g_array_new (FALSE, FALSE, sizeof (guint));
  zopa_budget_init (&budget, g_get_monotonic_time () +
                    (gint64) (self->empty_seconds_left / MAX (empty_regions_pending (self), 1) * G_USEC_PER_SEC),
                    NULL);
  g_hash_table_insert (self->empty, GUINT_TO_POINTER (mask), e);

  /* Issues on which the members' acceptable options share none, in the reading to open. */
  for (guint i = 0; i < self->bounds->n_issues; i++)
    {
      ZopaOptionMask common = self->bounds->all_options[i];

      for (guint a = 0; a < self->n_actors; a++)
        if ((mask >> a) & 1)
          common &= zopa_bounds_allowed (self->bounds, a, i, best);
      if (common == 0)
        g_array_append_val (issues, i);
    }
  e->by_scores = issues->len == 0;
  e->n_red_line_issues = issues->len;
  e->red_line_issues = (const guint *) (gpointer) g_array_free (g_steal_pointer (&issues), FALSE);

  /* Without uncertainty the shown group's sets are the analysis's own: not searched twice. */
  if (!self->uncertain && mask == (1u << self->n_actors) - 1)
    {
      const ZopaChangeSet *sets = zopa_analysis_get_what_must_change (self->analysis, mask, &e->n_sets, &e->complete);

      e->computed = TRUE;
      e->sets = g_memdup2 (sets, sizeof (ZopaChangeSet) * MAX (e->n_sets, 1));
      return e;
    }

  start = g_get_monotonic_time ();
  e->lists = zopa_readings_what_must_change (self, mask, !best, EMPTY_REGION_SETS,
                                             EMPTY_REGION_BUDGET, &budget, &e->complete);
  self->empty_seconds_left -= MIN (self->empty_seconds_left,
                                   (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  e->computed = e->lists != NULL;
  if (e->lists == NULL)
    e->lists = g_ptr_array_new ();
  e->n_sets = e->lists->len;
  e->sets = g_new0 (ZopaChangeSet, MAX (e->lists->len, 1));
  for (guint k = 0; k < e->lists->len; k++)
    {
      ZopaChangeList *list = g_ptr_array_index (e->lists, k);
      ((ZopaChangeSet *) e->sets)[k].n_changes = list->n_changes;
      ((ZopaChangeSet *) e->sets)[k].changes = list->changes;
    }
  return e;
}

/* ---- verdicts ---- */

/* Is there a completion the actor possibly accepts but not surely? */
static gboolean
some_completion_uncertain (ZopaReadings *self,
                           guint         a,
                           const int    *option)
{
  const ZopaBounds *b = self->bounds;
  guint rows[2] = { a, a };
  gboolean best[2] = { TRUE, FALSE };
  g_autoptr(ZopaProblem) p = zopa_bounds_problem (b, rows, best, 2);

  /* Only the completions: the first row allows nothing else on fixed issues. */
  for (guint i = 0; i < b->n_issues; i++)
    if (option[i] >= 0)
      p->acceptable[i] &= (ZopaOptionMask) 1 << option[i];
  return zopa_search_exclusive (p, 1, 2, NULL);
}

/*
 * Does some reading accept every completion (accepts), or reject every one? For accepting:
 * best utilities, lowest reservation, maybe options acceptable, and in each issue the
 * completions' worst option; for rejecting the mirror image, over the surely acceptable
 * options (a completion that crosses a red line is rejected anyway). Then per issue the
 * weight by the sign of its term.
 */
static gboolean
holds_in_some_reading (const ZopaBounds *b,
                       guint             a,
                       const int        *option,
                       gboolean          accepts)
{
  int r = accepts ? b->reservation_low[a] : b->reservation_high[a];
  gint64 sum = 0;

  for (guint i = 0; i < b->n_issues; i++)
    {
      guint ai = a * b->n_issues + i;
      ZopaOptionMask allowed = zopa_bounds_allowed (b, a, i, accepts);
      int extreme = accepts ? ZOPA_UTILITY_MAX : -1;
      gint64 gap;

      for (guint o = 0; o < b->n_options[i]; o++)
        {
          if (option[i] >= 0 && option[i] != (int) o)
            continue;
          if (!((allowed >> o) & 1))
            {
              if (accepts)
                return FALSE;
              continue;
            }
          extreme = accepts ? MIN (extreme, b->utility_high[ai * b->stride + o])
                            : MAX (extreme, b->utility_low[ai * b->stride + o]);
        }
      if (extreme < 0)
        return TRUE;
      gap = extreme - r;
      sum += ((accepts ? gap > 0 : gap < 0) ? b->weight_high[ai] : b->weight_low[ai]) * gap;
    }
  return accepts ? sum >= 0 : sum < 0;
}

static void
compute_verdict (ZopaReadings        *self,
                 guint                a,
                 const int           *option,
                 ZopaVerdict         *verdict,
                 ZopaVerdictReadings *x)
{
  const ZopaBounds *b = self->bounds;
  gboolean all_surely, some_surely, all_possibly, some_possibly;
  ZopaStanceChange *flip = NULL;

  zopa_bounds_judge_draft (b, a, option, b->reservation_high[a], FALSE, &all_surely, &some_surely);
  zopa_bounds_judge_draft (b, a, option, b->reservation_low[a], TRUE, &all_possibly, &some_possibly);
  *verdict = all_surely ? ZOPA_VERDICT_ACCEPTS : some_possibly ? ZOPA_VERDICT_DEPENDS : ZOPA_VERDICT_REJECTS;

  if (*verdict == ZOPA_VERDICT_DEPENDS)
    {
      x->on_open_issues = (some_possibly && !all_possibly) || (some_surely && !all_surely);
      x->on_assumptions = zopa_bounds_actor_is_uncertain (b, a) &&
                          some_completion_uncertain (self, a, option);
    }

  if (zopa_bounds_actor_is_uncertain (b, a))
    {
      GArray *hinges = zopa_flip_hinges (b, a, option);

      x->n_hinges = hinges->len;
      x->hinges = (const ZopaHinge *) (gpointer) g_array_free (hinges, FALSE);
      g_ptr_array_add (self->owned, (gpointer) x->hinges);
    }

  x->has_flip = zopa_flip_find (b, a, option, &flip, &x->n_flip);
  x->flip = flip;
  if (flip != NULL)
    {
      g_autoptr(ZopaBounds) flipped = zopa_flip_apply (b, flip, x->n_flip);

      x->flipped = zopa_bounds_verdict (flipped, a, option);
      g_ptr_array_add (self->owned, flip);
    }

  x->accepts = *verdict == ZOPA_VERDICT_ACCEPTS ? ZOPA_HOLDS_IN_EVERY_READING
             : holds_in_some_reading (b, a, option, TRUE) ? ZOPA_HOLDS_IN_SOME_READING
             : ZOPA_HOLDS_IN_NO_READING;
  x->rejects = *verdict == ZOPA_VERDICT_REJECTS ? ZOPA_HOLDS_IN_EVERY_READING
             : holds_in_some_reading (b, a, option, FALSE) ? ZOPA_HOLDS_IN_SOME_READING
             : ZOPA_HOLDS_IN_NO_READING;
}

/* ---- construction ---- */

ZopaReadings *
zopa_readings_new (ZopaAnalysis      *analysis,
                   ZopaScenario      *scenario,
                   ZopaVariant       *variant,
                   ZopaActor        **actors,
                   guint              n_actors,
                   const ZopaProblem *nominal)
{
  ZopaReadings *self = g_new0 (ZopaReadings, 1);
  guint n_issues = nominal->n_issues;

  self->analysis = analysis;
  self->bounds = zopa_bounds_compile (scenario, variant, actors, n_actors, nominal);
  self->n_actors = n_actors;
  self->deal_space = zopa_analysis_get_deal_space (analysis);
  self->owned = g_ptr_array_new_with_free_func (g_free);
  for (guint a = 0; a < n_actors; a++)
    self->uncertain |= zopa_bounds_actor_is_uncertain (self->bounds, a);

  if (self->uncertain)
    {
      guint rows[ZOPA_PROBLEM_MAX_ACTORS];
      gboolean best[ZOPA_PROBLEM_MAX_ACTORS] = { FALSE };

      for (guint a = 0; a < n_actors; a++)
        rows[a] = a;
      self->sure = zopa_bounds_problem (self->bounds, rows, best, n_actors);
      self->budget_left = READINGS_TOTAL_BUDGET;
    }
  self->counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->regions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->empty = g_hash_table_new_full (NULL, NULL, NULL, empty_region_free);
  self->time_limit = ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT;
  self->empty_seconds_left = EMPTY_REGIONS_SHARE * self->time_limit;

  self->n_drafts = zopa_analysis_get_n_drafts (analysis);
  self->draft_options = g_new0 (int *, MAX (self->n_drafts, 1));
  self->verdicts = g_new0 (ZopaVerdict, MAX (self->n_drafts * n_actors, 1));
  self->extras = g_new0 (ZopaVerdictReadings, MAX (self->n_drafts * n_actors, 1));
  for (guint d = 0; d < self->n_drafts; d++)
    {
      self->draft_options[d] = g_new (int, MAX (n_issues, 1));
      for (guint i = 0; i < n_issues; i++)
        self->draft_options[d][i] = zopa_analysis_get_draft_option (analysis, d, i);
      for (guint a = 0; a < n_actors; a++)
        compute_verdict (self, a, self->draft_options[d],
                         &self->verdicts[d * n_actors + a], &self->extras[d * n_actors + a]);
    }

  return self;
}

void
zopa_readings_compute_regions (ZopaReadings *self,
                               ZopaBudget   *budget,
                               double        time_limit)
{
  self->time_limit = time_limit;
  self->empty_seconds_left = EMPTY_REGIONS_SHARE * time_limit;
  compute_regions (self, self->analysis, budget);
}

void
zopa_readings_free (ZopaReadings *self)
{
  if (self == NULL)
    return;
  for (guint d = 0; d < self->n_drafts; d++)
    g_free (self->draft_options[d]);
  g_free (self->draft_options);
  g_free (self->verdicts);
  g_free (self->extras);
  g_ptr_array_unref (self->owned);
  g_hash_table_unref (self->empty);
  g_hash_table_unref (self->regions);
  g_hash_table_unref (self->counts);
  g_clear_pointer (&self->sure, zopa_problem_free);
  zopa_bounds_free (self->bounds);
  g_free (self);
}

gboolean
zopa_readings_is_uncertain (ZopaReadings *self)
{
  return self->uncertain;
}

void
zopa_readings_override_region (ZopaReadings *self,
                               guint         mask,
                               ZopaRegion   *region)
{
  RegionEntry *entry = g_hash_table_lookup (self->regions, GUINT_TO_POINTER (mask));

  if (entry != NULL)
    *region = entry->every;
}

ZopaVerdict
zopa_readings_get_verdict (ZopaReadings *self,
                           guint         draft,
                           guint         actor)
{
  return self->verdicts[draft * self->n_actors + actor];
}

const ZopaProblem *
zopa_readings_get_sure_problem (ZopaReadings *self)
{
  return self->sure;
}

const ZopaBounds *
zopa_readings_get_bounds (ZopaReadings *self)
{
  return self->bounds;
}

/* ---- the public accessors of an analysis ---- */

gboolean
zopa_analysis_is_uncertain (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  return zopa_analysis_peek_readings (self)->uncertain;
}

const ZopaRegionReadings *
zopa_analysis_get_region_readings (ZopaAnalysis *self,
                                   guint         mask)
{
  RegionEntry *entry;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), NULL);
  entry = g_hash_table_lookup (zopa_analysis_peek_readings (self)->regions, GUINT_TO_POINTER (mask));
  return entry != NULL ? &entry->readings : NULL;
}

const ZopaVerdictReadings *
zopa_analysis_get_verdict_readings (ZopaAnalysis *self,
                                    guint         draft,
                                    guint         actor)
{
  ZopaReadings *readings;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  readings = zopa_analysis_peek_readings (self);
  g_return_val_if_fail (draft < readings->n_drafts && actor < readings->n_actors, NULL);
  return &readings->extras[draft * readings->n_actors + actor];
}

void
zopa_analysis_get_reservation_range (ZopaAnalysis *self,
                                     guint         actor,
                                     int          *low,
                                     int          *high)
{
  ZopaReadings *readings;

  g_return_if_fail (ZOPA_IS_ANALYSIS (self));
  readings = zopa_analysis_peek_readings (self);
  g_return_if_fail (actor < readings->n_actors);
  *low = readings->bounds->reservation_low[actor];
  *high = readings->bounds->reservation_high[actor];
}

const ZopaEmptyRegion *
zopa_analysis_get_empty_region (ZopaAnalysis *self,
                                guint         mask)
{
  ZopaEmptyRegion *e;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), NULL);
  e = ensure_empty_region (zopa_analysis_peek_readings (self), mask);
  return e == NULL || e->empty == ZOPA_HOLDS_IN_NO_READING ? NULL : e;
}

gboolean
zopa_analysis_actor_is_uncertain (ZopaAnalysis *self,
                                  guint         actor)
{
  ZopaReadings *readings;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  readings = zopa_analysis_peek_readings (self);
  g_return_val_if_fail (actor < readings->n_actors, FALSE);
  return zopa_bounds_actor_is_uncertain (readings->bounds, actor);
}

gboolean
zopa_analysis_option_is_maybe (ZopaAnalysis *self,
                               guint         actor,
                               guint         issue,
                               guint         option)
{
  ZopaReadings *readings;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  readings = zopa_analysis_peek_readings (self);
  g_return_val_if_fail (actor < readings->n_actors && issue < readings->bounds->n_issues, FALSE);
  return (readings->bounds->maybe[actor * readings->bounds->n_issues + issue] >> option) & 1;
}
