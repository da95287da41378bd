/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The uncertain values of the shown actors (ranges and maybe options, variant applied) and
 * the two deterministic problems they reduce to. Private to src/analysis (and its tests).
 *
 * An actor accepts a deal in a reading when the deal crosses none of its red lines in that
 * reading and Σ w_i·(u_i − r) ≥ 0 (the integer form of score ≥ reservation, which also
 * accepts when all weights are 0). For one deal, the smallest value of that sum over the
 * readings takes every utility at its low end and the reservation at its high end (the sum
 * falls as u falls and as r rises, since w ≥ 0), and then, issue by issue, the weight that
 * makes w·(u − r) smallest: the high end when u − r < 0, else the low end. The largest
 * value is the mirror image. So "surely accepts" (every reading) and "possibly accepts"
 * (some reading) are each one deterministic problem whose per-option terms are these
 * extremes: the worst case counts maybe options as red lines, the best case as acceptable.
 */

#include "zopa-budget.h"
#include "zopa-problem.h"
#include "zopa-analysis.h"

G_BEGIN_DECLS

typedef struct {
  guint           n_actors;
  guint           n_issues;
  guint           stride;
  guint          *n_options;     /* [issue] */
  ZopaOptionMask *all_options;   /* [issue] */
  ZopaOptionMask *sure;          /* [actor * n_issues + issue]: surely acceptable */
  ZopaOptionMask *maybe;         /* same layout: maybe options */
  int            *weight_low;    /* same layout */
  int            *weight_high;
  int            *utility_low;   /* [(actor * n_issues + issue) * stride + option] */
  int            *utility_high;
  int             reservation_low[ZOPA_PROBLEM_MAX_ACTORS];
  int             reservation_high[ZOPA_PROBLEM_MAX_ACTORS];
} ZopaBounds;

ZopaBounds  *zopa_bounds_compile (ZopaScenario *scenario,
                                  ZopaVariant  *variant,
                                  ZopaActor   **actors,
                                  guint         n_actors,
                                  const ZopaProblem *nominal);
ZopaBounds  *zopa_bounds_copy    (const ZopaBounds *bounds);
void         zopa_bounds_free    (ZopaBounds *bounds);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZopaBounds, zopa_bounds_free)

gboolean     zopa_bounds_actor_is_uncertain        (const ZopaBounds *b, guint actor);
gboolean     zopa_bounds_actor_has_weight_range    (const ZopaBounds *b, guint actor);

/* The options acceptable in the worst case (surely) or the best case (possibly). */
static inline ZopaOptionMask
zopa_bounds_allowed (const ZopaBounds *b, guint actor, guint issue, gboolean best)
{
  guint ai = actor * b->n_issues + issue;

  return best ? (b->sure[ai] | b->maybe[ai]) : b->sure[ai];
}

/* The smallest (best FALSE) or largest (best TRUE) w·(u − r) of one option over the
 * readings, for the threshold r. */
gint64       zopa_bounds_term (const ZopaBounds *b, guint actor, guint issue, guint option,
                               int reservation, gboolean best);

/* Every completion of a draft (option[i] ≥ 0 fixed, −1 open) judged in the worst case
 * (best FALSE: reservation the threshold used, maybe options red lines) or the best case:
 * whether every completion is accepted, and whether some completion is. */
void         zopa_bounds_judge_draft (const ZopaBounds *b, guint actor, const int *option,
                                      int reservation, gboolean best,
                                      gboolean *all_accepted, gboolean *some_accepted);
/* The verdict over all completions and all readings. */
ZopaVerdict  zopa_bounds_verdict (const ZopaBounds *b, guint actor, const int *option);

/*
 * A problem of the given rows: row k is actor rows[k] in its worst case (best[k] FALSE)
 * or its best case, so that a deal is accepted by row k exactly when the actor accepts it
 * surely, resp. possibly. The scores of such a problem are not the actors' scores.
 */
ZopaProblem *zopa_bounds_problem (const ZopaBounds *b, const guint *rows, const gboolean *best,
                                  guint n_rows);

/* ---- the readings of one analysis (zopa-analysis-readings.c) ---- */

typedef struct _ZopaReadings ZopaReadings;

ZopaReadings *zopa_readings_new  (ZopaAnalysis *analysis,
                                  ZopaScenario *scenario,
                                  ZopaVariant  *variant,
                                  ZopaActor   **actors,
                                  guint         n_actors,
                                  const ZopaProblem *nominal);
/* The regions in every and in some reading, from the analysis's own regions (those it
 * lists): call once they are computed (zopa_analysis_solve()). Emptiness is decided
 * within budget; what it leaves open is marked not decided / not exact. The time limit
 * sets the part the opening changes of empty regions share. */
void          zopa_readings_compute_regions (ZopaReadings *readings,
                                             ZopaBudget   *budget,
                                             double        time_limit);
void          zopa_readings_free (ZopaReadings *readings);

gboolean      zopa_readings_is_uncertain (ZopaReadings *readings);
/* When uncertain: the region's counts in every reading, written over the plain ones
 * (listed regions only). */
void          zopa_readings_override_region (ZopaReadings *readings, guint mask, ZopaRegion *region);
ZopaVerdict   zopa_readings_get_verdict     (ZopaReadings *readings, guint draft, guint actor);
/* The problem of surely accepting (worst cases of all shown actors): a ZOPA witness must
 * be accepted in every reading. */
const ZopaProblem *zopa_readings_get_sure_problem (ZopaReadings *readings);
const ZopaBounds  *zopa_readings_get_bounds       (ZopaReadings *readings);

/* What must change for the ZOPA of mask to open in every reading (in_every_reading) or in
 * some: as zopa_change_what_must_change_bounded() (then the solver when that finds nothing
 * in time), in the one reading that decides it, within time_budget (nullable); NULL when
 * a member has a weight range (no such reading). */
GPtrArray    *zopa_readings_what_must_change (ZopaReadings *readings, guint mask, gboolean in_every_reading,
                                              guint max_sets, guint64 budget, ZopaBudget *time_budget,
                                              gboolean *complete);

/* Whether the region of mask (exclusive: exactly that group; else all of it) is empty in
 * every, some or no reading of bounds, decided within budget (exact FALSE when not). */
ZopaHolds     zopa_bounds_region_emptiness (const ZopaBounds *bounds, guint mask, gboolean exclusive,
                                            ZopaBudget *budget, gboolean *exact);

/* Adds the members of readings to the `analyze --json` object of the analysis. */
void          zopa_readings_add_json (ZopaAnalysis *analysis, JsonObject *root);

/* zopa-analysis.c: the readings of an analysis. */
ZopaReadings *zopa_analysis_peek_readings (ZopaAnalysis *self);

/* For tests and benchmarks: the work budget of each exact count of zopa-analysis.c; 0
 * restores the default. */
void          zopa_analysis_set_count_budget (guint64 budget);

/* ---- what flips a verdict, and what it hinges on (zopa-analysis-flip.c) ---- */

/* The smallest set of changes of the actor's own stance that moves the verdict of the
 * draft (see ZopaVerdictReadings); FALSE when there is none. *changes is new. */
gboolean      zopa_flip_find   (const ZopaBounds *b, guint actor, const int *option,
                                ZopaStanceChange **changes, guint *n_changes);
/* Applies changes (of one actor) to a copy of b, as a variant's changes would be. */
ZopaBounds   *zopa_flip_apply  (const ZopaBounds *b, const ZopaStanceChange *changes, guint n_changes);
/* The uncertain values of the actor the verdict hinges on, in a fixed order; new array. */
GArray       *zopa_flip_hinges (const ZopaBounds *b, guint actor, const int *option);

G_END_DECLS
