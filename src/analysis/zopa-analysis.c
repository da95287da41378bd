/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-analysis.c: verdicts, regions, ZOPA and what must change for one view of a scenario */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zopa-analysis.h"
#include "zopa-problem.h"
#include "zopa-analysis-private.h"
#include "zopa-solve.h"

/* Work budget of one exact count (DP states × options), and the samples of an estimate. */
#define COUNT_BUDGET     ((guint64) 1 << 24)
/* All counts together get the budget of this many groups. */
#define TOTAL_BUDGET_GROUPS 2
#define ESTIMATE_SAMPLES 16384
/* Fewer for the largest problems, whose samples cost issues × options each. */
#define ESTIMATE_WORK    ((guint64) 1 << 23)
/* Random deals per listed group that may show regions non-empty before any search. */
#define SEEN_SAMPLES     256
#define MAX_CHANGE_SETS  10
#define CHANGE_BUDGET    ((guint64) 200000)
/* As zopa-change.c: how much larger than the smallest set a listed set may be. */
#define MAX_EXTRA_CHANGES 2
/* Doubles hold every integer up to 2^53 exactly. */
#define EXACT_LIMIT      ((guint64) 1 << 53)
/* Up to this many shown actors every group is a region; beyond, only some are listed. */
#define ALL_REGIONS_ACTORS 6

G_STATIC_ASSERT (ZOPA_ANALYSIS_MAX_ACTORS <= ZOPA_PROBLEM_MAX_ACTORS);
/* Shares of the time limit: deciding the regions, sampling the counts past the exact DP
 * (after every emptiness is decided), the ZOPA witness, what must change, and the fewest
 * clause changes of all drafts together. zopa_analysis_solve() as a whole stops within
 * SOLVE_SHARE of the limit (each part gets at most what is left of it), so that a hard
 * scenario answers, read, solved and written, in about half the limit even on a loaded
 * machine. */
#define SOLVE_SHARE      0.4
#define REGIONS_SHARE    0.2
#define ESTIMATES_SHARE  0.05
#define WITNESS_SHARE    0.1
#define CHANGES_SHARE    0.05
#define DRAFTS_SHARE     0.1
/* Deciding the regions over the readings of uncertain values. */
#define READINGS_SHARE   0.1

typedef struct {
  char              *id;
  char              *title;
  guint              number;
  int               *option;          /* [issue], -1 open */
  guint              n_open;
  guint             *open;
  GArray            *conflicts;       /* of ZopaDraftConflict, members owned here */
  ZopaDraftVerdict  *verdicts;        /* [actor], arrays owned here */
  guint              accepting;
  guint              possible;
} Draft;

typedef struct {
  gboolean       done;
  gboolean       complete;
  GPtrArray     *lists;               /* of ZopaChangeList */
  ZopaChangeSet *sets;
} WhatMustChange;

struct _ZopaAnalysis
{
  GObject         parent_instance;

  char           *scenario_title;
  char           *variant_id;
  char           *variant_title;

  guint           n_actors;
  char          **actor_ids;
  char          **actor_names;
  guint           n_issues;
  char          **issue_ids;
  char          **issue_titles;
  char         ***option_ids;
  char         ***option_labels;

  ZopaProblem    *problem;
  double          deal_space;

  ZopaRegion     *regions;          /* [mask], 1 << n_actors entries */
  guint64        *inclusive_exact;
  gboolean       *inclusive_known;

  gboolean       *zopa_done;
  guint         **witness;
  gboolean       *has_surplus;
  double         *surplus;

  guint           n_drafts;
  Draft          *drafts;

  WhatMustChange *changes;

  ZopaReadings   *readings;

  double          time_limit;
  GCancellable   *cancellable;        /* of the running zopa_analysis_solve(), or NULL */
  gint64          solve_deadline;     /* of the running zopa_analysis_solve(), or G_MAXINT64 */
  gboolean        solved;
  GMutex          lock;               /* the lazily computed answers */
  ZopaAnswerStatus *zopa_status;
  double         *surplus_bound;
};

G_DEFINE_FINAL_TYPE (ZopaAnalysis, zopa_analysis, G_TYPE_OBJECT)

static guint64 count_budget = COUNT_BUDGET;

void
zopa_analysis_set_count_budget (guint64 budget)
{
  count_budget = budget == 0 ? COUNT_BUDGET : budget;
}

const char *
zopa_verdict_to_string (ZopaVerdict verdict)
{
  switch (verdict)
    {
    case ZOPA_VERDICT_ACCEPTS:
      return "accepts";
    case ZOPA_VERDICT_REJECTS:
      return "rejects";
    case ZOPA_VERDICT_DEPENDS:
      return "depends";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
draft_clear (Draft *d,
             guint  n_actors)
{
  g_free (d->id);
  g_free (d->title);
  g_free (d->option);
  g_free (d->open);
  if (d->conflicts != NULL)
    {
      for (guint k = 0; k < d->conflicts->len; k++)
        {
          ZopaDraftConflict *conflict = &g_array_index (d->conflicts, ZopaDraftConflict, k);
          g_strfreev ((char **) conflict->clause_ids);
          g_free ((guint *) conflict->options);
        }
      g_array_unref (d->conflicts);
    }
  if (d->verdicts != NULL)
    for (guint a = 0; a < n_actors; a++)
      {
        g_free ((ZopaViolation *) d->verdicts[a].violations);
        g_free ((guint *) d->verdicts[a].open_red_lines);
      }
  g_free (d->verdicts);
}

static void
zopa_analysis_finalize (GObject *object)
{
  ZopaAnalysis *self = ZOPA_ANALYSIS (object);

  g_free (self->scenario_title);
  g_free (self->variant_id);
  g_free (self->variant_title);
  g_strfreev (self->actor_ids);
  g_strfreev (self->actor_names);
  g_strfreev (self->issue_ids);
  g_strfreev (self->issue_titles);
  for (guint i = 0; i < self->n_issues; i++)
    {
      g_strfreev (self->option_ids[i]);
      g_strfreev (self->option_labels[i]);
    }
  g_free (self->option_ids);
  g_free (self->option_labels);
  for (guint m = 0; self->changes != NULL && m < (1u << self->n_actors); m++)
    {
      g_free (self->witness[m]);
      if (self->changes[m].lists != NULL)
        g_ptr_array_unref (self->changes[m].lists);
      g_free (self->changes[m].sets);
    }
  g_free (self->regions);
  g_free (self->inclusive_exact);
  g_free (self->inclusive_known);
  g_free (self->zopa_done);
  g_free (self->witness);
  g_free (self->has_surplus);
  g_free (self->surplus);
  g_free (self->changes);
  g_free (self->zopa_status);
  g_free (self->surplus_bound);
  g_mutex_clear (&self->lock);
  for (guint d = 0; d < self->n_drafts; d++)
    draft_clear (&self->drafts[d], self->n_actors);
  g_free (self->drafts);
  zopa_problem_free (self->problem);
  g_clear_pointer (&self->readings, zopa_readings_free);

  G_OBJECT_CLASS (zopa_analysis_parent_class)->finalize (object);
}

static void
zopa_analysis_class_init (ZopaAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zopa_analysis_finalize;
}

static void
zopa_analysis_init (ZopaAnalysis *self)
{
  g_mutex_init (&self->lock);
  self->time_limit = ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT;
  self->solve_deadline = G_MAXINT64;
}

/* A budget of share × the time limit from now, under the running solve's cancellable and
 * within its deadline. */
static void
share_budget (ZopaAnalysis *self,
              ZopaBudget   *budget,
              double        share)
{
  zopa_budget_init (budget, MIN (g_get_monotonic_time () + (gint64) (share * self->time_limit * G_USEC_PER_SEC),
                                 self->solve_deadline),
                    self->cancellable);
}

/* ---- regions ---- */

/* Whether a deal seen so far shows that the region of in_mask (exclusive: out_mask the
 * others) holds a deal: seen[t] records each set t of actors that accepted one. */
static gboolean
seen_in_region (const gboolean *seen,
                guint           all,
                guint           in_mask,
                guint           out_mask)
{
  if (out_mask != 0)
    return seen[in_mask];
  for (guint t = in_mask; t <= all; t = (t + 1) | in_mask)
    if (seen[t])
      return TRUE;
  return FALSE;
}

/*
 * A few random deals from the red-line space of each listed group: on loose red lines
 * they show most non-empty regions at once, for almost no work.
 */
static void
sample_seen_regions (ZopaAnalysis *self,
                     gboolean     *seen)
{
  const ZopaProblem *p = self->problem;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5eed);
  g_autofree guint *deal = g_new0 (guint, MAX (p->n_issues, 1));
  g_autofree guint *allowed = g_new0 (guint, MAX (p->n_issues * p->stride, 1));
  g_autofree guint *n_allowed = g_new0 (guint, MAX (p->n_issues, 1));

  for (guint m = 1; m <= zopa_analysis_get_all_mask (self); m++)
    {
      gboolean possible = TRUE;

      if (!zopa_analysis_lists_region (self, m))
        continue;
      for (guint i = 0; i < p->n_issues && possible; i++)
        {
          ZopaOptionMask common = p->all_options[i];

          for (guint a = 0; a < p->n_actors; a++)
            if ((m >> a) & 1)
              common &= zopa_problem_acceptable (p, a, i);
          n_allowed[i] = 0;
          for (guint o = 0; o < p->n_options[i]; o++)
            if ((common >> o) & 1)
              allowed[i * p->stride + n_allowed[i]++] = o;
          possible = n_allowed[i] > 0;
        }
      for (guint s = 0; possible && s < SEEN_SAMPLES; s++)
        {
          for (guint i = 0; i < p->n_issues; i++)
            deal[i] = allowed[i * p->stride + g_rand_int_range (rand, 0, n_allowed[i])];
          seen[zopa_problem_accepting (p, deal)] = TRUE;
        }
    }
}

/*
 * Decides one emptiness with a fair part of what is left of the regions' budget. Every
 * deal found also shows which actors accept it, and so that their exclusive region and
 * every inclusive region of their subsets hold a deal: those are not searched again.
 */
static ZopaSearchResult
decide_region (ZopaAnalysis *self,
               ZopaBudget   *regions,
               gboolean     *seen,
               guint         in_mask,
               guint         out_mask,
               guint         calls_left)
{
  ZopaBudget budget;
  g_autofree guint *deal = NULL;
  ZopaSearchResult found;

  if (seen_in_region (seen, zopa_analysis_get_all_mask (self), in_mask, out_mask))
    return ZOPA_SEARCH_OPTIMAL;
  deal = g_new0 (guint, MAX (self->n_issues, 1));
  zopa_budget_init_child (&budget, regions, zopa_budget_seconds_left (regions) / MAX (calls_left, 1));
  found = zopa_solve_feasible (self->problem, in_mask, out_mask, deal, &budget);
  if (found == ZOPA_SEARCH_OPTIMAL)
    seen[zopa_problem_accepting (self->problem, deal)] = TRUE;
  return found;
}

/* The counts of a region past the exact DP: estimated (within its part of the estimates'
 * budget), then made to agree with its emptiness, which is exact and wins: never 0 for a
 * region with deals. */
static void
finish_region_counts (ZopaAnalysis *self,
                      ZopaBudget   *estimates,
                      guint         m,
                      guint         n_samples,
                      guint         estimates_left)
{
  ZopaRegion *r = &self->regions[m];
  double est_in = 0.0, err_in = 0.0, est_ex = 0.0, err_ex = 0.0;
  gboolean wants_in = !self->inclusive_known[m] && !r->inclusive_empty;
  gboolean wants_ex = !r->exact && !r->exclusive_empty;

  if (r->inclusive_empty)
    {
      r->inclusive = r->exclusive = r->inclusive_error = r->exclusive_error = 0.0;
      return;
    }
  if (wants_in || wants_ex)
    {
      ZopaBudget budget;

      zopa_budget_init_child (&budget, estimates, zopa_budget_seconds_left (estimates) / MAX (estimates_left, 1));
      zopa_count_estimate (self->problem, m, n_samples, &budget, &est_in, &err_in, &est_ex, &err_ex);
    }
  if (wants_in)
    {
      r->inclusive = est_in;
      r->inclusive_error = err_in;
    }
  if (wants_ex)
    {
      r->exclusive = est_ex;
      r->exclusive_error = err_ex;
    }
  else if (!r->exact)
    r->exclusive = r->exclusive_error = 0.0;

  if (r->inclusive_decided && r->inclusive < 1.0)
    {
      r->inclusive_error = MAX (r->inclusive_error, 1.0);
      r->inclusive = 1.0;
    }
  if (r->exclusive_decided && !r->exclusive_empty && r->exclusive < 1.0)
    {
      r->exclusive_error = MAX (r->exclusive_error, 1.0);
      r->exclusive = 1.0;
    }
  if (r->exact)
    r->inclusive_error = r->exclusive_error = 0.0;
  else if (r->inclusive > 0.0)
    {
      /* Estimates are rounded to whole deals. */
      r->inclusive = round (r->inclusive);
      r->exclusive = round (r->exclusive);
    }
}

/*
 * Exact counts by the DP where its budget allows; then every region's emptiness, decided
 * within the regions' share of the time limit (a second pass gives what the first left
 * open the rest of it); then estimates of the counts the DP could not give, within their
 * own share, so that sampling never takes time from deciding emptiness.
 */
static void
compute_regions (ZopaAnalysis *self)
{
  ZopaBudget regions, estimates;
  guint calls_left, estimates_left = 0;
  const ZopaProblem *p = self->problem;
  guint all = (1u << self->n_actors) - 1;
  g_autofree gboolean *seen = g_new0 (gboolean, all + 1);
  guint n_samples = (guint) CLAMP (ESTIMATE_WORK / MAX ((guint64) p->n_issues * p->stride, 1), 4096, ESTIMATE_SAMPLES);

  /* Larger groups first: their red-line spaces are smaller, so they are cheap, and every
   * exclusive count needs the inclusive counts of all its supersets. The budget is shared
   * so that no scenario takes long; what it does not cover is estimated. */
  {
    guint64 left = count_budget * TOTAL_BUDGET_GROUPS;

    for (guint size = self->n_actors; size >= 1; size--)
      for (guint m = 1; m <= all; m++)
        {
          guint64 count = 0, work = 0;
          ZopaCountStatus status;

          if ((guint) __builtin_popcount (m) != size || !zopa_analysis_lists_region (self, m))
            continue;
          status = zopa_count_inclusive (p, m, MIN (count_budget, left), &count, &work);
          left -= MIN (work, left);
          self->inclusive_known[m] = status == ZOPA_COUNT_EXACT;
          self->inclusive_exact[m] = count;
        }
  }

  share_budget (self, &regions, REGIONS_SHARE);
  /* Only when some region will be searched: the DP's counts decide the others. */
  for (guint m = 1; m <= all; m++)
    if (zopa_analysis_lists_region (self, m) && (!self->inclusive_known[m] || self->n_actors > ALL_REGIONS_ACTORS))
      {
        sample_seen_regions (self, seen);
        break;
      }
  calls_left = 0;
  for (guint m = 1; m <= all; m++)
    calls_left += 2 * zopa_analysis_lists_region (self, m);
  for (guint m = 1; m <= all; m++)
    {
      ZopaRegion *r = &self->regions[m];
      gboolean supersets_known = TRUE;

      if (!zopa_analysis_lists_region (self, m))
        continue;

      for (guint t = m; t <= all; t = (t + 1) | m)
        supersets_known &= self->inclusive_known[t];

      r->inclusive_decided = r->exclusive_decided = TRUE;
      if (self->inclusive_known[m])
        {
          r->inclusive = (double) self->inclusive_exact[m];
          r->inclusive_empty = self->inclusive_exact[m] == 0;
        }
      else
        {
          ZopaSearchResult found = decide_region (self, &regions, seen, m, 0, calls_left);

          r->inclusive_empty = found == ZOPA_SEARCH_NONE;
          r->inclusive_decided = found != ZOPA_SEARCH_UNKNOWN;
        }

      if (supersets_known)
        {
          /* Inclusion–exclusion over the supersets, in exact integers. */
          __int128 sum = 0;
          for (guint t = m; t <= all; t = (t + 1) | m)
            {
              if (__builtin_popcount (t ^ m) & 1)
                sum -= self->inclusive_exact[t];
              else
                sum += self->inclusive_exact[t];
            }
          r->exclusive = (double) (guint64) sum;
          r->exclusive_empty = sum == 0;
          r->exact = self->inclusive_exact[m] <= EXACT_LIMIT;
        }
      else
        {
          ZopaSearchResult found = r->inclusive_empty ? ZOPA_SEARCH_NONE
                                 : m == all ? (r->inclusive_decided ? ZOPA_SEARCH_OPTIMAL : ZOPA_SEARCH_UNKNOWN)
                                 : decide_region (self, &regions, seen, m, all & ~m, calls_left);

          r->exclusive_empty = found == ZOPA_SEARCH_NONE;
          r->exclusive_decided = found != ZOPA_SEARCH_UNKNOWN;
          r->exact = FALSE;
        }
      calls_left -= MIN (calls_left, 2);
    }

  /* What the first pass left open gets the rest of the regions' time. */
  {
    guint undecided = 0;

    for (guint m = 1; m <= all; m++)
      if (zopa_analysis_lists_region (self, m))
        undecided += !self->regions[m].inclusive_decided + !self->regions[m].exclusive_decided;
    for (guint m = 1; m <= all && undecided > 0; m++)
      {
        ZopaRegion *r = &self->regions[m];

        if (!zopa_analysis_lists_region (self, m))
          continue;

        if (!r->inclusive_decided)
          {
            ZopaSearchResult found = decide_region (self, &regions, seen, m, 0, undecided--);
            r->inclusive_decided = found != ZOPA_SEARCH_UNKNOWN;
            r->inclusive_empty = found == ZOPA_SEARCH_NONE;
            if (r->inclusive_empty)
              {
                r->exclusive_decided = r->exclusive_empty = TRUE;
                undecided -= MIN (undecided, 1);
                continue;
              }
          }
        if (!r->exclusive_decided)
          {
            ZopaSearchResult found = decide_region (self, &regions, seen, m, all & ~m, undecided--);
            r->exclusive_decided = found != ZOPA_SEARCH_UNKNOWN;
            r->exclusive_empty = found == ZOPA_SEARCH_NONE;
          }
      }
  }

  share_budget (self, &estimates, ESTIMATES_SHARE);
  for (guint m = 1; m <= all; m++)
    estimates_left += zopa_analysis_lists_region (self, m) && !self->regions[m].exact;
  for (guint m = 1; m <= all; m++)
    if (zopa_analysis_lists_region (self, m))
      {
        gboolean estimated = !self->regions[m].exact;

        finish_region_counts (self, &estimates, m, n_samples, estimates_left);
        estimates_left -= MIN (estimates_left, (guint) estimated);
      }
}

/* ---- drafts ---- */

static int
find_index (char **ids,
            guint  n,
            const char *id)
{
  for (guint k = 0; k < n; k++)
    if (g_strcmp0 (ids[k], id) == 0)
      return k;
  return -1;
}

static int
find_option (ZopaAnalysis *self,
             guint         issue,
             const char   *id)
{
  return find_index (self->option_ids[issue], g_strv_length (self->option_ids[issue]), id);
}

static void
compute_verdict (ZopaAnalysis     *self,
                 Draft            *d,
                 guint             a,
                 ZopaDraftVerdict *v)
{
  const ZopaProblem *p = self->problem;
  g_autoptr(GArray) violations = g_array_new (FALSE, FALSE, sizeof (ZopaViolation));
  g_autoptr(GArray) open_red = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 best = 0, worst = 0, best_allowed = 0;
  gboolean some_ok = TRUE, all_ok = TRUE;
  gint64 w = p->total_weight[a], need = zopa_problem_need (p, a);

  for (guint i = 0; i < p->n_issues; i++)
    {
      ZopaOptionMask acc = zopa_problem_acceptable (p, a, i);

      if (d->option[i] >= 0)
        {
          int value = zopa_problem_value (p, a, i, d->option[i]);
          best += value;
          worst += value;
          best_allowed += value;
          if (!((acc >> d->option[i]) & 1))
            {
              ZopaViolation violation = { i, d->option[i] };
              g_array_append_val (violations, violation);
              some_ok = all_ok = FALSE;
            }
        }
      else
        {
          int hi = G_MININT, lo = G_MAXINT, hi_allowed = G_MININT;
          for (guint o = 0; o < p->n_options[i]; o++)
            {
              int value = zopa_problem_value (p, a, i, o);
              hi = MAX (hi, value);
              lo = MIN (lo, value);
              if ((acc >> o) & 1)
                hi_allowed = MAX (hi_allowed, value);
            }
          best += hi;
          worst += lo;
          if (acc != p->all_options[i])
            {
              g_array_append_val (open_red, i);
              all_ok = FALSE;
            }
          if (acc == 0)
            some_ok = FALSE;
          else
            best_allowed += hi_allowed;
        }
    }

  v->has_score = w > 0;
  v->reservation = p->reservation[a];
  if (v->has_score)
    {
      v->best_score = (double) best / (double) w;
      v->worst_score = (double) worst / (double) w;
      v->score = v->best_score;
      if (best_allowed < need)
        some_ok = FALSE;
      if (worst < need)
        all_ok = FALSE;
    }

  v->verdict = all_ok ? ZOPA_VERDICT_ACCEPTS : some_ok ? ZOPA_VERDICT_DEPENDS : ZOPA_VERDICT_REJECTS;
  v->n_violations = violations->len;
  v->violations = (const ZopaViolation *) (gpointer) g_array_free (g_steal_pointer (&violations), FALSE);
  v->n_open_red_lines = open_red->len;
  v->open_red_lines = (const guint *) (gpointer) g_array_free (g_steal_pointer (&open_red), FALSE);
}

static void
compile_draft (ZopaAnalysis *self,
               ZopaDraft    *draft,
               Draft        *d)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  guint n_clauses = g_list_model_get_n_items (clauses);
  g_autofree GPtrArray **setters = g_new0 (GPtrArray *, MAX (self->n_issues, 1));
  g_autofree gboolean *conflicting = g_new0 (gboolean, MAX (self->n_issues, 1));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  d->id = g_strdup (zopa_draft_get_id (draft));
  d->title = g_strdup (zopa_draft_get_title (draft));
  d->number = zopa_draft_get_number (draft);
  d->option = g_new (int, MAX (self->n_issues, 1));
  d->conflicts = g_array_new (FALSE, FALSE, sizeof (ZopaDraftConflict));
  for (guint i = 0; i < self->n_issues; i++)
    d->option[i] = -1;

  /* Who sets what: agreed clauses only. */
  for (guint k = 0; k < n_clauses; k++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, k);
      const char * const *issues = zopa_clause_get_set_issues (clause);

      if (zopa_clause_get_status (clause) != ZOPA_CLAUSE_AGREED || issues == NULL)
        continue;
      for (guint s = 0; issues[s] != NULL; s++)
        {
          int i = find_index (self->issue_ids, self->n_issues, issues[s]);
          int o;

          if (i < 0)
            continue;
          o = find_option (self, i, zopa_clause_get_set_option (clause, issues[s]));
          if (o < 0)
            continue;
          if (setters[i] == NULL)
            setters[i] = g_ptr_array_new ();
          g_ptr_array_add (setters[i], g_object_ref (clause));
          if (d->option[i] < 0 && setters[i]->len == 1)
            d->option[i] = o;
          else if (d->option[i] != o)
            conflicting[i] = TRUE;
        }
    }

  for (guint i = 0; i < self->n_issues; i++)
    {
      if (conflicting[i])
        {
          ZopaDraftConflict conflict = { i, NULL, NULL };
          char **ids = g_new0 (char *, setters[i]->len + 1);
          guint *options = g_new0 (guint, setters[i]->len);

          for (guint k = 0; k < setters[i]->len; k++)
            {
              ZopaClause *clause = g_ptr_array_index (setters[i], k);
              ids[k] = g_strdup (zopa_clause_get_id (clause));
              options[k] = find_option (self, i, zopa_clause_get_set_option (clause, self->issue_ids[i]));
            }
          conflict.clause_ids = (const char * const *) ids;
          conflict.options = options;
          g_array_append_val (d->conflicts, conflict);
          d->option[i] = -1;
        }
      if (d->option[i] < 0)
        g_array_append_val (open, i);
      if (setters[i] != NULL)
        {
          g_ptr_array_foreach (setters[i], (GFunc) (void (*) (void)) g_object_unref, NULL);
          g_ptr_array_unref (setters[i]);
        }
    }

  d->n_open = open->len;
  d->open = (guint *) (gpointer) g_array_free (g_steal_pointer (&open), FALSE);

  d->verdicts = g_new0 (ZopaDraftVerdict, MAX (self->n_actors, 1));
  for (guint a = 0; a < self->n_actors; a++)
    {
      compute_verdict (self, d, a, &d->verdicts[a]);
      if (d->verdicts[a].verdict == ZOPA_VERDICT_ACCEPTS)
        d->accepting |= 1u << a;
      if (d->verdicts[a].verdict != ZOPA_VERDICT_REJECTS)
        d->possible |= 1u << a;
    }
}

/* ---- construction ---- */

/* With uncertain values, regions and verdicts are those that hold in every reading. */
static void
apply_readings (ZopaAnalysis *self)
{
  /* The readings decide emptiness with their own searches, within their budget. */
  for (guint m = 1; m < (1u << self->n_actors); m++)
    if (zopa_analysis_lists_region (self, m))
      zopa_readings_override_region (self->readings, m, &self->regions[m]);
  for (guint d = 0; d < self->n_drafts; d++)
    {
      Draft *draft = &self->drafts[d];

      draft->accepting = draft->possible = 0;
      for (guint a = 0; a < self->n_actors; a++)
        {
          draft->verdicts[a].verdict = zopa_readings_get_verdict (self->readings, d, a);
          if (draft->verdicts[a].verdict == ZOPA_VERDICT_ACCEPTS)
            draft->accepting |= 1u << a;
          if (draft->verdicts[a].verdict != ZOPA_VERDICT_REJECTS)
            draft->possible |= 1u << a;
        }
    }
}

static char **
strv_from_list (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_free (array, FALSE);
}

ZopaAnalysis *
zopa_analysis_new (ZopaScenario       *scenario,
                   const char         *variant_id,
                   const char * const *actor_ids,
                   GError            **error)
{
  ZopaAnalysis *self = zopa_analysis_new_unsolved (scenario, variant_id, actor_ids, error);

  if (self != NULL)
    zopa_analysis_solve (self, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, NULL);
  return self;
}

gboolean
zopa_analysis_solve (ZopaAnalysis *self,
                     double        time_limit,
                     GCancellable *cancellable)
{
  guint all;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (!self->solved, FALSE);
  g_return_val_if_fail (time_limit > 0.0, FALSE);

  all = zopa_analysis_get_all_mask (self);
  g_mutex_lock (&self->lock);
  self->time_limit = time_limit;
  self->cancellable = cancellable;
  self->solve_deadline = g_get_monotonic_time () + (gint64) (SOLVE_SHARE * time_limit * G_USEC_PER_SEC);
  compute_regions (self);
  {
    ZopaBudget readings;

    share_budget (self, &readings, READINGS_SHARE);
    zopa_readings_compute_regions (self->readings, &readings, time_limit);
  }
  /* With uncertain values the regions are those that hold in every reading. */
  if (zopa_readings_is_uncertain (self->readings))
    apply_readings (self);
  g_mutex_unlock (&self->lock);
  /* The shown group's ZOPA and what must change, so that the caller's thread has them. */
  zopa_analysis_get_zopa_witness (self, all);
  zopa_analysis_get_what_must_change (self, all, NULL, NULL);
  g_mutex_lock (&self->lock);
  self->cancellable = NULL;
  self->solve_deadline = G_MAXINT64;
  self->solved = TRUE;
  g_mutex_unlock (&self->lock);
  return !g_cancellable_is_cancelled (cancellable);
}

ZopaAnalysis *
zopa_analysis_new_unsolved (ZopaScenario       *scenario,
                            const char         *variant_id,
                            const char * const *actor_ids,
                            GError            **error)
{
  g_autoptr(ZopaAnalysis) self = NULL;
  GListModel *issues, *drafts, *all_actors;
  ZopaVariant *variant = NULL;
  ZopaActor *actors[ZOPA_PROBLEM_MAX_ACTORS];
  guint n_actors = 0;
  GPtrArray *ids, *names;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (variant_id != NULL)
    {
      variant = zopa_scenario_find_variant (scenario, variant_id);
      if (variant == NULL)
        {
          g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_UNKNOWN_VARIANT,
                       _("No variant “%s” in this scenario"), variant_id);
          return NULL;
        }
    }

  all_actors = zopa_scenario_get_actors (scenario);
  if (actor_ids == NULL)
    {
      guint n = g_list_model_get_n_items (all_actors);
      if (n > ZOPA_ANALYSIS_MAX_ACTORS)
        {
          g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_TOO_MANY_ACTORS,
                       _("The scenario has %u actors; choose at most %u to analyse"),
                       n, ZOPA_ANALYSIS_MAX_ACTORS);
          return NULL;
        }
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(ZopaActor) actor = g_list_model_get_item (all_actors, k);
          actors[n_actors++] = actor;   /* the scenario keeps it alive */
        }
    }
  else
    {
      for (guint k = 0; actor_ids[k] != NULL; k++)
        {
          ZopaActor *actor = zopa_scenario_find_actor (scenario, actor_ids[k]);

          if (actor == NULL)
            {
              g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_UNKNOWN_ACTOR,
                           _("No actor “%s” in this scenario"), actor_ids[k]);
              return NULL;
            }
          for (guint j = 0; j < n_actors; j++)
            if (actors[j] == actor)
              {
                g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_DUPLICATE_ACTOR,
                             _("Actor “%s” is named twice"), actor_ids[k]);
                return NULL;
              }
          if (n_actors == ZOPA_ANALYSIS_MAX_ACTORS)
            {
              g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_TOO_MANY_ACTORS,
                           _("At most %u actors can be analysed together"), ZOPA_ANALYSIS_MAX_ACTORS);
              return NULL;
            }
          actors[n_actors++] = actor;
        }
    }
  if (n_actors == 0)
    {
      g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_NO_ACTORS,
                   _("There are no actors to analyse"));
      return NULL;
    }

  self = g_object_new (ZOPA_TYPE_ANALYSIS, NULL);
  self->problem = zopa_problem_compile (scenario, variant, actors, n_actors, error);
  if (self->problem == NULL)
    return NULL;

  self->scenario_title = g_strdup (zopa_scenario_get_title (scenario));
  if (variant != NULL)
    {
      self->variant_id = g_strdup (zopa_variant_get_id (variant));
      self->variant_title = g_strdup (zopa_variant_get_title (variant));
    }

  self->n_actors = n_actors;
  {
    gsize n_masks = (gsize) 1 << n_actors;
    self->regions = g_new0 (ZopaRegion, n_masks);
    self->inclusive_exact = g_new0 (guint64, n_masks);
    self->inclusive_known = g_new0 (gboolean, n_masks);
    self->zopa_done = g_new0 (gboolean, n_masks);
    self->witness = g_new0 (guint *, n_masks);
    self->has_surplus = g_new0 (gboolean, n_masks);
    self->surplus = g_new0 (double, n_masks);
    self->changes = g_new0 (WhatMustChange, n_masks);
    self->zopa_status = g_new0 (ZopaAnswerStatus, n_masks);
    self->surplus_bound = g_new0 (double, n_masks);
  }
  ids = g_ptr_array_new ();
  names = g_ptr_array_new ();
  for (guint a = 0; a < n_actors; a++)
    {
      const char *name = zopa_actor_get_name (actors[a]);
      g_ptr_array_add (ids, g_strdup (zopa_actor_get_id (actors[a])));
      g_ptr_array_add (names, g_strdup (name != NULL && *name != '\0' ? name : zopa_actor_get_id (actors[a])));
    }
  self->actor_ids = strv_from_list (ids);
  self->actor_names = strv_from_list (names);

  issues = zopa_scenario_get_issues (scenario);
  self->n_issues = g_list_model_get_n_items (issues);
  ids = g_ptr_array_new ();
  names = g_ptr_array_new ();
  self->option_ids = g_new0 (char **, MAX (self->n_issues, 1));
  self->option_labels = g_new0 (char **, MAX (self->n_issues, 1));
  self->deal_space = 1.0;
  for (guint i = 0; i < self->n_issues; i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
      const char *title = zopa_issue_get_title (issue);
      GPtrArray *option_ids = g_ptr_array_new ();
      GPtrArray *option_labels = g_ptr_array_new ();

      g_ptr_array_add (ids, g_strdup (zopa_issue_get_id (issue)));
      g_ptr_array_add (names, g_strdup (title != NULL && *title != '\0' ? title : zopa_issue_get_id (issue)));
      for (guint o = 0; o < zopa_issue_get_n_options (issue); o++)
        {
          ZopaOption *option = zopa_issue_get_option (issue, o);
          const char *label = zopa_option_get_label (option);
          g_ptr_array_add (option_ids, g_strdup (zopa_option_get_id (option)));
          g_ptr_array_add (option_labels, g_strdup (label != NULL && *label != '\0' ? label : zopa_option_get_id (option)));
        }
      self->option_ids[i] = strv_from_list (option_ids);
      self->option_labels[i] = strv_from_list (option_labels);
      self->deal_space *= zopa_issue_get_n_options (issue);
    }
  self->issue_ids = strv_from_list (ids);
  self->issue_titles = strv_from_list (names);

  drafts = zopa_scenario_get_drafts (scenario);
  self->n_drafts = g_list_model_get_n_items (drafts);
  self->drafts = g_new0 (Draft, MAX (self->n_drafts, 1));
  for (guint d = 0; d < self->n_drafts; d++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, d);
      compile_draft (self, draft, &self->drafts[d]);
    }

  self->readings = zopa_readings_new (self, scenario, variant, actors, n_actors, self->problem);
  if (zopa_readings_is_uncertain (self->readings))
    apply_readings (self);

  return g_steal_pointer (&self);
}

ZopaReadings *
zopa_analysis_peek_readings (ZopaAnalysis *self)
{
  return self->readings;
}

/* ---- accessors ---- */

const char *
zopa_analysis_get_scenario_title (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  return self->scenario_title;
}

const char *
zopa_analysis_get_variant_id (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  return self->variant_id;
}

const char *
zopa_analysis_get_variant_title (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  return self->variant_title;
}

guint
zopa_analysis_get_n_actors (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  return self->n_actors;
}

const char *
zopa_analysis_get_actor_id (ZopaAnalysis *self,
                            guint         actor)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (actor < self->n_actors, NULL);
  return self->actor_ids[actor];
}

const char *
zopa_analysis_get_actor_name (ZopaAnalysis *self,
                              guint         actor)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (actor < self->n_actors, NULL);
  return self->actor_names[actor];
}

guint
zopa_analysis_get_all_mask (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  return (1u << self->n_actors) - 1;
}

guint
zopa_analysis_get_n_issues (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  return self->n_issues;
}

const char *
zopa_analysis_get_issue_id (ZopaAnalysis *self,
                            guint         issue)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (issue < self->n_issues, NULL);
  return self->issue_ids[issue];
}

const char *
zopa_analysis_get_issue_title (ZopaAnalysis *self,
                               guint         issue)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (issue < self->n_issues, NULL);
  return self->issue_titles[issue];
}

guint
zopa_analysis_get_n_options (ZopaAnalysis *self,
                             guint         issue)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (issue < self->n_issues, 0);
  return self->problem->n_options[issue];
}

const char *
zopa_analysis_get_option_id (ZopaAnalysis *self,
                             guint         issue,
                             guint         option)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (issue < self->n_issues, NULL);
  g_return_val_if_fail (option < self->problem->n_options[issue], NULL);
  return self->option_ids[issue][option];
}

const char *
zopa_analysis_get_option_label (ZopaAnalysis *self,
                                guint         issue,
                                guint         option)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (issue < self->n_issues, NULL);
  g_return_val_if_fail (option < self->problem->n_options[issue], NULL);
  return self->option_labels[issue][option];
}

gboolean
zopa_analysis_actor_accepts_option (ZopaAnalysis *self,
                                    guint         actor,
                                    guint         issue,
                                    guint         option)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (actor < self->n_actors && issue < self->n_issues, FALSE);
  g_return_val_if_fail (option < self->problem->n_options[issue], FALSE);
  return (zopa_problem_acceptable (self->problem, actor, issue) >> option) & 1;
}

int
zopa_analysis_get_utility (ZopaAnalysis *self,
                           guint         actor,
                           guint         issue,
                           guint         option)
{
  const ZopaProblem *p;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (actor < self->n_actors && issue < self->n_issues, 0);
  g_return_val_if_fail (option < self->problem->n_options[issue], 0);
  p = self->problem;
  return p->utility[(actor * p->n_issues + issue) * p->stride + option];
}

int
zopa_analysis_get_weight (ZopaAnalysis *self,
                          guint         actor,
                          guint         issue)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (actor < self->n_actors && issue < self->n_issues, 0);
  return self->problem->weight[actor * self->n_issues + issue];
}

int
zopa_analysis_get_reservation (ZopaAnalysis *self,
                               guint         actor)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (actor < self->n_actors, 0);
  return self->problem->reservation[actor];
}

gboolean
zopa_analysis_actor_accepts_deal (ZopaAnalysis *self,
                                  guint         actor,
                                  const guint  *deal)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (actor < self->n_actors && deal != NULL, FALSE);
  for (guint i = 0; i < self->n_issues; i++)
    g_return_val_if_fail (deal[i] < self->problem->n_options[i], FALSE);
  return zopa_problem_accepts_deal (self->problem, actor, deal);
}

gboolean
zopa_analysis_score_deal (ZopaAnalysis *self,
                          guint         actor,
                          const guint  *deal,
                          double       *score)
{
  const ZopaProblem *p;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (actor < self->n_actors && deal != NULL, FALSE);
  for (guint i = 0; i < self->n_issues; i++)
    g_return_val_if_fail (deal[i] < self->problem->n_options[i], FALSE);
  p = self->problem;
  if (p->total_weight[actor] == 0)
    return FALSE;
  if (score != NULL)
    *score = (double) zopa_problem_score_sum (p, actor, deal) / (double) p->total_weight[actor];
  return TRUE;
}

double
zopa_analysis_get_deal_space (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0.0);
  return self->deal_space;
}

gboolean
zopa_analysis_lists_region (ZopaAnalysis *self,
                            guint         mask)
{
  guint size;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), FALSE);
  size = __builtin_popcount (mask);
  return self->n_actors <= ALL_REGIONS_ACTORS || size == 1 || size + 1 >= self->n_actors;
}

static int
compare_masks (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  int px = __builtin_popcount (x), py = __builtin_popcount (y);

  if (px != py)
    return px - py;
  if (x == y)
    return 0;
  /* Within a size, in the order of the shown actors: the group holding the first actor
   * where they differ comes first. */
  return ((x >> __builtin_ctz (x ^ y)) & 1) ? -1 : 1;
}

GArray *
zopa_analysis_dup_listed_groups (ZopaAnalysis *self)
{
  guint all;
  GArray *masks;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);

  all = zopa_analysis_get_all_mask (self);
  masks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint m = 1; m <= all; m++)
    if (zopa_analysis_lists_region (self, m))
      g_array_append_val (masks, m);
  g_array_sort (masks, compare_masks);
  return masks;
}

const ZopaRegion *
zopa_analysis_get_region (ZopaAnalysis *self,
                          guint         mask)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), NULL);
  if (!zopa_analysis_lists_region (self, mask))
    return NULL;
  return &self->regions[mask];
}

/* A group that is not a listed region: whether its ZOPA is empty, decided on request. */
static void
ensure_inclusive_decided (ZopaAnalysis *self,
                          guint         mask)
{
  ZopaRegion *r = &self->regions[mask];

  if (zopa_analysis_lists_region (self, mask))
    return;
  g_mutex_lock (&self->lock);
  if (!r->inclusive_decided)
    {
      ZopaBudget budget;
      ZopaSearchResult found;

      share_budget (self, &budget, WITNESS_SHARE);
      found = zopa_solve_feasible (self->problem, mask, 0, NULL, &budget);
      r->inclusive_decided = found != ZOPA_SEARCH_UNKNOWN;
      r->inclusive_empty = found == ZOPA_SEARCH_NONE;
    }
  g_mutex_unlock (&self->lock);
}

static void
ensure_zopa (ZopaAnalysis *self,
             guint         mask)
{
  g_autofree guint *deal = NULL;
  ZopaBudget budget;
  ZopaSearchResult result;
  gint64 num = 0, den = 0;
  double bound = G_MAXDOUBLE;
  const ZopaProblem *witness_problem;

  ensure_inclusive_decided (self, mask);
  g_mutex_lock (&self->lock);
  if (self->zopa_done[mask])
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->zopa_done[mask] = TRUE;
  self->zopa_status[mask] = ZOPA_ANSWER_EXACT;
  if (self->regions[mask].inclusive_empty)
    {
      g_mutex_unlock (&self->lock);
      return;
    }

  deal = g_new0 (guint, MAX (self->n_issues, 1));
  share_budget (self, &budget, WITNESS_SHARE);
  /* A witness must be in the ZOPA in every reading; its surplus is then not in score units. */
  witness_problem = zopa_readings_is_uncertain (self->readings)
                    ? zopa_readings_get_sure_problem (self->readings) : self->problem;
  result = zopa_solve_witness (witness_problem, mask, deal, &num, &den, &bound, &budget);
  if (result == ZOPA_SEARCH_UNKNOWN &&
      zopa_solve_feasible (witness_problem, mask, 0, deal, NULL) == ZOPA_SEARCH_OPTIMAL)
    {
      /* Out of time before any deal: one that the group accepts, with the bound of its
       * members' separate best. */
      num = den = 0;
      for (guint a = 0; a < self->n_actors; a++)
        if (((mask >> a) & 1) && self->problem->total_weight[a] > 0)
          {
            gint64 x = zopa_problem_score_sum (self->problem, a, deal) - zopa_problem_need (self->problem, a);
            gint64 w = self->problem->total_weight[a];
            if (den == 0 || (__int128) x * den < (__int128) num * w)
              {
                num = x;
                den = w;
              }
          }
      result = ZOPA_SEARCH_FOUND;
    }
  if (!self->solved && !self->regions[mask].inclusive_decided && result != ZOPA_SEARCH_UNKNOWN)
    {
      /* Still solving: what the witness search proved decides the region too. */
      ZopaRegion *r = &self->regions[mask];
      r->inclusive_decided = TRUE;
      r->inclusive_empty = result == ZOPA_SEARCH_NONE;
      if (mask == zopa_analysis_get_all_mask (self))
        {
          r->exclusive_decided = TRUE;
          r->exclusive_empty = r->inclusive_empty;
        }
      if (r->inclusive_empty)
        {
          r->inclusive = r->exclusive = 0.0;
          g_mutex_unlock (&self->lock);
          return;
        }
    }
  switch (result)
    {
    case ZOPA_SEARCH_OPTIMAL:
    case ZOPA_SEARCH_FOUND:
      self->witness[mask] = g_steal_pointer (&deal);
      self->has_surplus[mask] = den > 0 && !zopa_readings_is_uncertain (self->readings);
      self->surplus[mask] = den > 0 ? (double) num / (double) den : 0.0;
      if (result == ZOPA_SEARCH_FOUND)
        {
          self->zopa_status[mask] = ZOPA_ANSWER_BOUNDED;
          self->surplus_bound[mask] = MAX (bound, self->surplus[mask]);
        }
      break;
    case ZOPA_SEARCH_UNKNOWN:
      self->zopa_status[mask] = ZOPA_ANSWER_BOUNDED;
      self->surplus_bound[mask] = bound;
      break;
    case ZOPA_SEARCH_NONE:
    default:
      g_critical ("ZOPA search disagrees with the region count for group %u", mask);
      break;
    }
  g_mutex_unlock (&self->lock);
}

ZopaAnswerStatus
zopa_analysis_get_zopa_status (ZopaAnalysis *self,
                               guint         mask,
                               double       *surplus_bound)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), ZOPA_ANSWER_BOUNDED);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), ZOPA_ANSWER_BOUNDED);
  ensure_zopa (self, mask);
  if (!self->regions[mask].inclusive_decided)
    return ZOPA_ANSWER_BOUNDED;
  if (surplus_bound != NULL)
    *surplus_bound = self->surplus_bound[mask];
  return self->zopa_status[mask];
}

gboolean
zopa_analysis_zopa_is_empty (ZopaAnalysis *self,
                             guint         mask)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), TRUE);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), TRUE);
  ensure_inclusive_decided (self, mask);
  return self->regions[mask].inclusive_empty;
}

const guint *
zopa_analysis_get_zopa_witness (ZopaAnalysis *self,
                                guint         mask)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), NULL);
  ensure_zopa (self, mask);
  return self->witness[mask];
}

gboolean
zopa_analysis_get_zopa_min_surplus (ZopaAnalysis *self,
                                    guint         mask,
                                    double       *surplus)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), FALSE);
  ensure_zopa (self, mask);
  if (!self->has_surplus[mask])
    return FALSE;
  if (surplus != NULL)
    *surplus = self->surplus[mask];
  return TRUE;
}

guint
zopa_analysis_get_n_drafts (ZopaAnalysis *self)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  return self->n_drafts;
}

const char *
zopa_analysis_get_draft_id (ZopaAnalysis *self,
                            guint         draft)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (draft < self->n_drafts, NULL);
  return self->drafts[draft].id;
}

const char *
zopa_analysis_get_draft_title (ZopaAnalysis *self,
                               guint         draft)
{
  const Draft *d;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (draft < self->n_drafts, NULL);
  d = &self->drafts[draft];
  return d->title != NULL && *d->title != '\0' ? d->title : d->id;
}

guint
zopa_analysis_get_draft_number (ZopaAnalysis *self,
                                guint         draft)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (draft < self->n_drafts, 0);
  return self->drafts[draft].number;
}

const guint *
zopa_analysis_get_draft_open_issues (ZopaAnalysis *self,
                                     guint         draft,
                                     guint        *n_open)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (draft < self->n_drafts, NULL);
  if (n_open != NULL)
    *n_open = self->drafts[draft].n_open;
  return self->drafts[draft].open;
}

const ZopaDraftConflict *
zopa_analysis_get_draft_conflicts (ZopaAnalysis *self,
                                   guint         draft,
                                   guint        *n_conflicts)
{
  GArray *conflicts;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (draft < self->n_drafts, NULL);
  conflicts = self->drafts[draft].conflicts;
  if (n_conflicts != NULL)
    *n_conflicts = conflicts->len;
  return (const ZopaDraftConflict *) (gpointer) conflicts->data;
}

int
zopa_analysis_get_draft_option (ZopaAnalysis *self,
                                guint         draft,
                                guint         issue)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), -1);
  g_return_val_if_fail (draft < self->n_drafts && issue < self->n_issues, -1);
  return self->drafts[draft].option[issue];
}

const ZopaDraftVerdict *
zopa_analysis_get_verdict (ZopaAnalysis *self,
                           guint         draft,
                           guint         actor)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (draft < self->n_drafts && actor < self->n_actors, NULL);
  return &self->drafts[draft].verdicts[actor];
}

guint
zopa_analysis_get_draft_accepting (ZopaAnalysis *self,
                                   guint         draft)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (draft < self->n_drafts, 0);
  return self->drafts[draft].accepting;
}

guint
zopa_analysis_get_draft_possible (ZopaAnalysis *self,
                                  guint         draft)
{
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (draft < self->n_drafts, 0);
  return self->drafts[draft].possible;
}

const ZopaChangeSet *
zopa_analysis_get_what_must_change (ZopaAnalysis *self,
                                    guint         mask,
                                    guint        *n_sets,
                                    gboolean     *complete)
{
  WhatMustChange *w;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), NULL);

  ensure_inclusive_decided (self, mask);
  g_mutex_lock (&self->lock);
  w = &self->changes[mask];
  if (!w->done)
    {
      ZopaBudget budget;

      share_budget (self, &budget, CHANGES_SHARE);
      w->done = TRUE;
      w->complete = TRUE;
      if (self->regions[mask].inclusive_empty && zopa_readings_is_uncertain (self->readings))
        w->lists = zopa_readings_what_must_change (self->readings, mask, TRUE, MAX_CHANGE_SETS,
                                                   CHANGE_BUDGET, &budget, &w->complete);
      else if (self->regions[mask].inclusive_empty)
        {
          ZopaBudget own;

          /* The engine's search first; when it finds nothing in time, the solver. */
          zopa_budget_init_child (&own, &budget, 0.4 * CHANGES_SHARE * self->time_limit);
          w->lists = zopa_change_what_must_change_bounded (self->problem, mask, MAX_CHANGE_SETS,
                                                           CHANGE_BUDGET, &own, &w->complete);
          if (!w->complete && w->lists->len == 0)
            {
              g_ptr_array_unref (w->lists);
              w->lists = zopa_solve_what_must_change (self->problem, mask, MAX_CHANGE_SETS,
                                                      MAX_EXTRA_CHANGES, &budget, &w->complete);
            }
        }
      else
        {
          w->lists = g_ptr_array_new ();
          /* Nothing must change only when the ZOPA is known to be open. */
          w->complete = self->regions[mask].inclusive_decided;
        }
      if (w->lists == NULL)
        w->lists = g_ptr_array_new ();
      w->sets = g_new0 (ZopaChangeSet, MAX (w->lists->len, 1));
      for (guint k = 0; k < w->lists->len; k++)
        {
          ZopaChangeList *list = g_ptr_array_index (w->lists, k);
          w->sets[k].n_changes = list->n_changes;
          w->sets[k].changes = list->changes;
        }
    }
  g_mutex_unlock (&self->lock);
  if (n_sets != NULL)
    *n_sets = w->lists->len;
  if (complete != NULL)
    *complete = w->complete;
  return w->sets;
}

gboolean
zopa_analysis_get_draft_fewest_changes (ZopaAnalysis      *self,
                                        guint              draft,
                                        guint              mask,
                                        ZopaClauseChange **changes,
                                        guint             *n_changes)
{
  return zopa_analysis_get_draft_fewest_changes_bounded (self, draft, mask, NULL, changes, n_changes, NULL);
}

gboolean
zopa_analysis_get_draft_fewest_changes_bounded (ZopaAnalysis      *self,
                                                guint              draft,
                                                guint              mask,
                                                GCancellable      *cancellable,
                                                ZopaClauseChange **changes,
                                                guint             *n_changes,
                                                ZopaAnswerStatus  *status)
{
  g_autofree guint *pairs = NULL;
  guint n = 0;
  gboolean exact = TRUE, found;
  ZopaBudget budget;
  const guint *witness;
  const int *option;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (draft < self->n_drafts, FALSE);
  g_return_val_if_fail (mask >= 1 && mask <= zopa_analysis_get_all_mask (self), FALSE);
  g_return_val_if_fail (changes != NULL && n_changes != NULL, FALSE);

  *changes = NULL;
  *n_changes = 0;
  ensure_inclusive_decided (self, mask);
  if (status != NULL)
    *status = self->regions[mask].inclusive_decided ? ZOPA_ANSWER_EXACT : ZOPA_ANSWER_BOUNDED;
  if (self->regions[mask].inclusive_empty)
    return FALSE;
  witness = zopa_analysis_get_zopa_witness (self, mask);
  if (witness == NULL)
    return FALSE;

  /* Each draft gets its part of the drafts' share of the time limit. */
  zopa_budget_init (&budget, g_get_monotonic_time () +
                    (gint64) (DRAFTS_SHARE * self->time_limit / MAX (self->n_drafts, 1) * G_USEC_PER_SEC),
                    cancellable);
  option = self->drafts[draft].option;
  found = zopa_solve_fewest_clause_changes (self->problem, option, mask, &budget, &pairs, &n, &exact);
  if (!found && !exact)
    {
      /* Out of time before any: fixing every issue to the witness always works. */
      pairs = g_new (guint, 2 * MAX (self->n_issues, 1));
      for (guint i = 0; i < self->n_issues; i++)
        if (option[i] != (int) witness[i])
          {
            pairs[2 * n] = i;
            pairs[2 * n + 1] = witness[i];
            n++;
          }
      found = TRUE;
    }
  if (!found)
    return FALSE;
  if (status != NULL && !exact)
    *status = ZOPA_ANSWER_BOUNDED;
  *changes = g_new0 (ZopaClauseChange, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      (*changes)[k].issue = pairs[2 * k];
      (*changes)[k].option = pairs[2 * k + 1];
    }
  *n_changes = n;
  return TRUE;
}

/* ---- JSON ---- */

static void
add_count (JsonBuilder *builder,
           const char  *member,
           double       value)
{
  json_builder_set_member_name (builder, member);
  if (value <= 9007199254740992.0)
    json_builder_add_int_value (builder, (gint64) value);
  else
    {
      /* Beyond 2^53: the integer as an exact decimal string of the double. */
      g_autofree char *text = g_strdup_printf ("%.0f", value);
      json_builder_add_string_value (builder, text);
    }
}

/* The product of the option counts, exactly, in decimal digits. */
static char *
exact_deal_space (ZopaAnalysis *self)
{
  g_autoptr(GString) digits = g_string_new ("1");   /* least significant digit first */

  for (guint i = 0; i < self->n_issues; i++)
    {
      guint carry = 0;
      for (gsize k = 0; k < digits->len; k++)
        {
          guint d = (guint) (digits->str[k] - '0') * self->problem->n_options[i] + carry;
          digits->str[k] = '0' + d % 10;
          carry = d / 10;
        }
      for (; carry > 0; carry /= 10)
        g_string_append_c (digits, '0' + carry % 10);
    }
  g_strreverse (digits->str);
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static void
add_emptiness (JsonBuilder *builder,
               const char  *member,
               gboolean     decided,
               gboolean     empty)
{
  json_builder_set_member_name (builder, member);
  if (decided)
    json_builder_add_boolean_value (builder, empty);
  else
    json_builder_add_null_value (builder);
}

static void
add_actor_list (JsonBuilder  *builder,
                ZopaAnalysis *self,
                guint         mask)
{
  json_builder_begin_array (builder);
  for (guint a = 0; a < self->n_actors; a++)
    if ((mask >> a) & 1)
      json_builder_add_string_value (builder, self->actor_ids[a]);
  json_builder_end_array (builder);
}

/* A score with the precision people read: two decimals are exact enough (w ≤ 10·issues). */
static void
add_score (JsonBuilder *builder,
           const char  *member,
           double       score)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, round (score * 100.0) / 100.0);
}


JsonNode *
zopa_analysis_to_json (ZopaAnalysis *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint all, n_sets = 0;
  g_autoptr(GArray) masks = NULL;
  const ZopaChangeSet *sets;
  const guint *witness;
  ZopaAnswerStatus zopa_status;
  double surplus_bound = 0.0;
  gboolean changes_complete = TRUE;
  JsonNode *root;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);
  all = zopa_analysis_get_all_mask (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, self->scenario_title != NULL ? self->scenario_title : "");
  json_builder_set_member_name (builder, "variant");
  if (self->variant_id != NULL)
    json_builder_add_string_value (builder, self->variant_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "actors");
  add_actor_list (builder, self, all);
  if (self->deal_space <= 9007199254740992.0)
    add_count (builder, "deal_space", self->deal_space);
  else
    {
      g_autofree char *space = exact_deal_space (self);
      json_builder_set_member_name (builder, "deal_space");
      json_builder_add_string_value (builder, space);
    }

  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  masks = zopa_analysis_dup_listed_groups (self);
  for (guint k = 0; k < masks->len; k++)
    {
      guint mask = g_array_index (masks, guint, k);
      const ZopaRegion *r = &self->regions[mask];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "actors");
      add_actor_list (builder, self, mask);
      add_count (builder, "inclusive", r->inclusive);
      add_count (builder, "exclusive", r->exclusive);
      json_builder_set_member_name (builder, "exact");
      json_builder_add_boolean_value (builder, r->exact);
      if (!r->exact)
        {
          add_count (builder, "inclusive_error", ceil (r->inclusive_error));
          add_count (builder, "exclusive_error", ceil (r->exclusive_error));
        }
      add_emptiness (builder, "inclusive_empty", r->inclusive_decided, r->inclusive_empty);
      add_emptiness (builder, "exclusive_empty", r->exclusive_decided, r->exclusive_empty);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "drafts");
  json_builder_begin_array (builder);
  for (guint d = 0; d < self->n_drafts; d++)
    {
      const Draft *draft = &self->drafts[d];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, draft->id);
      json_builder_set_member_name (builder, "open_issues");
      json_builder_begin_array (builder);
      for (guint k = 0; k < draft->n_open; k++)
        json_builder_add_string_value (builder, self->issue_ids[draft->open[k]]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_begin_array (builder);
      for (guint k = 0; k < draft->conflicts->len; k++)
        {
          const ZopaDraftConflict *c = &g_array_index (draft->conflicts, ZopaDraftConflict, k);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "issue");
          json_builder_add_string_value (builder, self->issue_ids[c->issue]);
          json_builder_set_member_name (builder, "clauses");
          json_builder_begin_array (builder);
          for (guint j = 0; c->clause_ids[j] != NULL; j++)
            json_builder_add_string_value (builder, c->clause_ids[j]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "options");
          json_builder_begin_array (builder);
          for (guint j = 0; c->clause_ids[j] != NULL; j++)
            json_builder_add_string_value (builder, self->option_ids[c->issue][c->options[j]]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "verdicts");
      json_builder_begin_object (builder);
      for (guint a = 0; a < self->n_actors; a++)
        {
          const ZopaDraftVerdict *v = &draft->verdicts[a];

          json_builder_set_member_name (builder, self->actor_ids[a]);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "verdict");
          json_builder_add_string_value (builder, zopa_verdict_to_string (v->verdict));
          if (draft->n_open == 0)
            {
              if (v->has_score)
                add_score (builder, "score", v->score);
              else
                {
                  json_builder_set_member_name (builder, "score");
                  json_builder_add_null_value (builder);
                }
            }
          else if (v->has_score)
            {
              add_score (builder, "best_score", v->best_score);
              add_score (builder, "worst_score", v->worst_score);
            }
          else
            {
              json_builder_set_member_name (builder, "best_score");
              json_builder_add_null_value (builder);
              json_builder_set_member_name (builder, "worst_score");
              json_builder_add_null_value (builder);
            }
          json_builder_set_member_name (builder, "reservation");
          json_builder_add_int_value (builder, v->reservation);
          json_builder_set_member_name (builder, "violations");
          json_builder_begin_array (builder);
          for (guint k = 0; k < v->n_violations; k++)
            {
              guint i = v->violations[k].issue;
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "issue");
              json_builder_add_string_value (builder, self->issue_ids[i]);
              json_builder_set_member_name (builder, "option");
              json_builder_add_string_value (builder, self->option_ids[i][v->violations[k].option]);
              json_builder_set_member_name (builder, "acceptable");
              json_builder_begin_array (builder);
              for (guint o = 0; o < self->problem->n_options[i]; o++)
                if ((zopa_problem_acceptable (self->problem, a, i) >> o) & 1)
                  json_builder_add_string_value (builder, self->option_ids[i][o]);
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "zopa");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actors");
  add_actor_list (builder, self, all);
  add_count (builder, "deals", self->regions[all].inclusive);
  json_builder_set_member_name (builder, "exact");
  json_builder_add_boolean_value (builder, self->inclusive_known[all]);
  witness = zopa_analysis_get_zopa_witness (self, all);
  zopa_status = zopa_analysis_get_zopa_status (self, all, &surplus_bound);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, !self->regions[all].inclusive_decided ? "undecided"
                                          : zopa_status == ZOPA_ANSWER_EXACT ? "exact" : "bounded");
  json_builder_set_member_name (builder, "min_surplus");
  if (witness != NULL && self->has_surplus[all])
    json_builder_add_double_value (builder, self->surplus[all]);
  else
    json_builder_add_null_value (builder);
  if (zopa_status == ZOPA_ANSWER_BOUNDED && witness != NULL && self->has_surplus[all])
    {
      /* Optimality not proven: the best smallest surplus lies at most this high. */
      json_builder_set_member_name (builder, "min_surplus_bound");
      json_builder_add_double_value (builder, surplus_bound);
    }
  json_builder_set_member_name (builder, "witness");
  if (witness != NULL)
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->n_issues; i++)
        {
          json_builder_set_member_name (builder, self->issue_ids[i]);
          json_builder_add_string_value (builder, self->option_ids[i][witness[i]]);
        }
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "what_must_change");
  json_builder_begin_array (builder);
  sets = zopa_analysis_get_what_must_change (self, all, &n_sets, &changes_complete);
  for (guint k = 0; k < n_sets; k++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint j = 0; j < sets[k].n_changes; j++)
        {
          const ZopaStanceChange *change = &sets[k].changes[j];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "actor");
          json_builder_add_string_value (builder, self->actor_ids[change->actor]);
          if (change->kind == ZOPA_STANCE_CHANGE_ALLOW)
            {
              json_builder_set_member_name (builder, "issue");
              json_builder_add_string_value (builder, self->issue_ids[change->issue]);
              json_builder_set_member_name (builder, "allow");
              json_builder_add_string_value (builder, self->option_ids[change->issue][change->option]);
            }
          else
            {
              json_builder_set_member_name (builder, "reservation");
              json_builder_add_int_value (builder, change->reservation);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "what_must_change_status");
  json_builder_add_string_value (builder, changes_complete ? "exact" : "bounded");

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  zopa_readings_add_json (self, json_node_get_object (root));
  return root;
}
