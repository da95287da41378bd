/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The flat, immutable form of a scenario that every analysis runs on: option counts per
 * issue, and per actor per issue the acceptable options (a bit mask), the weighted
 * utilities and the weight, and the reservation. Private to src/analysis (and its tests).
 */

#include <glib.h>

#include "model/zopa-scenario.h"
#include "zopa-analysis.h"
#include "zopa-budget.h"

G_BEGIN_DECLS

#define ZOPA_PROBLEM_MAX_ACTORS  16
#define ZOPA_PROBLEM_MAX_OPTIONS 64

typedef guint64 ZopaOptionMask;

typedef struct {
  guint           n_actors;
  guint           n_issues;
  guint           stride;            /* the largest option count */
  guint          *n_options;         /* [issue] */
  ZopaOptionMask *all_options;       /* [issue]: every option of the issue */
  ZopaOptionMask *acceptable;        /* [actor * n_issues + issue] */
  int            *weight;            /* [actor * n_issues + issue] */
  int            *utility;           /* [(actor * n_issues + issue) * stride + option] */
  int            *value;             /* weight × utility, same layout */
  int             reservation[ZOPA_PROBLEM_MAX_ACTORS];
  gint64          total_weight[ZOPA_PROBLEM_MAX_ACTORS];
} ZopaProblem;

/* Allocates an empty problem; the arrays are zeroed, every option acceptable. */
ZopaProblem *zopa_problem_new   (guint n_actors, guint n_issues, const guint *n_options);
ZopaProblem *zopa_problem_copy  (const ZopaProblem *problem);
void         zopa_problem_free  (ZopaProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZopaProblem, zopa_problem_free)

/* Sets weight and utility of one stance entry, keeping value and total_weight in step. */
void         zopa_problem_set_weight  (ZopaProblem *problem, guint actor, guint issue, int weight);
void         zopa_problem_set_utility (ZopaProblem *problem, guint actor, guint issue, guint option, int utility);

static inline ZopaOptionMask
zopa_problem_acceptable (const ZopaProblem *p, guint actor, guint issue)
{
  return p->acceptable[actor * p->n_issues + issue];
}

static inline int
zopa_problem_value (const ZopaProblem *p, guint actor, guint issue, guint option)
{
  return p->value[(actor * p->n_issues + issue) * p->stride + option];
}

/* reservation × total weight: the integer threshold of the score sum. */
static inline gint64
zopa_problem_need (const ZopaProblem *p, guint actor)
{
  return (gint64) p->reservation[actor] * p->total_weight[actor];
}

gboolean     zopa_problem_accepts_deal (const ZopaProblem *p, guint actor, const guint *deal);
gint64       zopa_problem_score_sum    (const ZopaProblem *p, guint actor, const guint *deal);
/* The set of actors (bit mask) that accept the deal. */
guint        zopa_problem_accepting    (const ZopaProblem *p, const guint *deal);

/*
 * Compiles the shown actors of a scenario, with the variant (nullable) applied, into a
 * problem. actors holds the ZopaActor of each shown actor.
 */
ZopaProblem *zopa_problem_compile (ZopaScenario *scenario,
                                   ZopaVariant  *variant,
                                   ZopaActor   **actors,
                                   guint         n_actors,
                                   GError      **error);

/* ---- exact search (zopa-search.c) ---- */

/*
 * Maximises the smallest surplus (S_a − need_a) / W_a over the objective actors, among the
 * deals that cross no red line of the red actors and satisfy S_a ≥ need_a for the hard
 * actors, with the surplus required to be ≥ floor_num / floor_den (pass floor_den 0 for
 * no floor). Actors without weight are left out of hard and objective sets. need
 * (nullable) overrides reservation × total weight per actor.
 *
 * Returns TRUE and fills deal (n_issues entries) and the surplus as num/den (den > 0; den
 * 0 when the objective set is empty) when such a deal exists. Exact: no sampling, no
 * budget. Among equally good deals the one returned is fixed by the input (deterministic).
 */
typedef struct {
  const ZopaProblem    *problem;
  const ZopaOptionMask *acceptable;            /* nullable: problem->acceptable */
  const gint64         *need;                  /* nullable: reservation × total weight */
  guint                 red_mask;
  guint                 hard_mask;
  guint                 objective_mask;
  gint64                floor_num;
  gint64                floor_den;
  gboolean              first_only;            /* stop at the first feasible deal */
  ZopaBudget           *budget;                /* nullable: none (zopa_search_run_bounded) */
} ZopaSearch;

gboolean     zopa_search_run (const ZopaSearch *search,
                              guint            *deal,
                              gint64           *surplus_num,
                              gint64           *surplus_den);

typedef enum {
  ZOPA_SEARCH_OPTIMAL,   /* found, and the best (first_only: found) — exact */
  ZOPA_SEARCH_NONE,      /* proven: no such deal */
  ZOPA_SEARCH_FOUND,     /* found, but the budget ran out before optimality was proven */
  ZOPA_SEARCH_UNKNOWN,   /* the budget ran out before anything was found or proven */
} ZopaSearchResult;

/* zopa_search_run() within search->budget: the deal found so far when it runs out. */
ZopaSearchResult zopa_search_run_bounded (const ZopaSearch *search,
                                          guint            *deal,
                                          gint64           *surplus_num,
                                          gint64           *surplus_den);

/* Is there a deal that every actor of in_mask accepts and no actor of out_mask accepts? */
gboolean     zopa_search_exclusive (const ZopaProblem *problem,
                                    guint              in_mask,
                                    guint              out_mask,
                                    guint             *deal);
ZopaSearchResult zopa_search_exclusive_bounded (const ZopaProblem *problem,
                                                guint              in_mask,
                                                guint              out_mask,
                                                guint             *deal,
                                                ZopaBudget        *budget);

/* ---- counting (zopa-count.c) ---- */

typedef enum {
  ZOPA_COUNT_EXACT,
  ZOPA_COUNT_OVER_BUDGET,   /* the exact count needs more work than the budget allows */
  ZOPA_COUNT_OVERFLOW,      /* the count does not fit 64 bits */
} ZopaCountStatus;

/* The number of deals every actor of mask accepts, exactly, within budget (DP states ×
 * options); work (nullable) receives the work spent. */
ZopaCountStatus zopa_count_inclusive (const ZopaProblem *problem,
                                      guint              mask,
                                      guint64            budget,
                                      guint64           *count,
                                      guint64           *work);

/*
 * Estimates (zopa-estimate.c), by sampling a superset of the region counted exactly (the
 * deals that cross no red line of mask and pass a coarsened score test of its most
 * selective member), the number of deals all of mask accept and the number exactly mask
 * accepts (among all actors), with 95 % error bounds. Fixed seed: deterministic unless
 * budget (nullable) runs out first, which ends the sampling early (after at least a few
 * hundred samples; the bounds widen to match).
 */
void         zopa_count_estimate (const ZopaProblem *problem,
                                  guint              mask,
                                  guint              n_samples,
                                  ZopaBudget        *budget,
                                  double            *inclusive,
                                  double            *inclusive_error,
                                  double            *exclusive,
                                  double            *exclusive_error);

/* Number of deals in the product of the options allowed by every actor of mask
 * (their red lines only), as a double. */
double       zopa_count_red_line_space (const ZopaProblem *problem, guint mask);

/* For tests and benchmarks: the work budget of each exact count; 0 restores the default. */
void         zopa_analysis_set_count_budget (guint64 budget);

/* ---- what must change (zopa-change.c) ---- */

typedef struct {
  guint             n_changes;
  ZopaStanceChange *changes;
} ZopaChangeList;

/*
 * Minimal sets of stance changes of the members of mask that make their ZOPA non-empty,
 * fewest first, at most max_sets. budget bounds the sets tried; *complete tells whether
 * the search finished. Returns a GPtrArray of ZopaChangeList (empty when the ZOPA is not
 * empty).
 */
GPtrArray   *zopa_change_what_must_change (const ZopaProblem *problem,
                                           guint              mask,
                                           guint              max_sets,
                                           guint64            budget,
                                           gboolean          *complete);
/* The same within a time budget (nullable): *complete is FALSE when it ran out. */
GPtrArray   *zopa_change_what_must_change_bounded (const ZopaProblem *problem,
                                                   guint              mask,
                                                   guint              max_sets,
                                                   guint64            budget,
                                                   ZopaBudget        *time_budget,
                                                   gboolean          *complete);
void         zopa_change_list_free        (ZopaChangeList *list);

/*
 * The fewest issue → option changes to a draft (option[i] the fixed option, or -1 when
 * open) after which every member of mask accepts every completion; ties broken by the
 * largest smallest worst-case surplus. Returns FALSE when none exists; else changes is a
 * new array of n_changes (issue, option) pairs in issue order.
 */
gboolean     zopa_change_fewest_clause_changes (const ZopaProblem *problem,
                                                const int         *option,
                                                guint              mask,
                                                guint            **changes,
                                                guint             *n_changes);
/* The same within a budget (nullable): the best changes found so far, *exact FALSE when
 * the budget ran out before they were proven fewest (or before any were found). */
gboolean     zopa_change_fewest_clause_changes_bounded (const ZopaProblem *problem,
                                                        const int         *option,
                                                        guint              mask,
                                                        ZopaBudget        *budget,
                                                        guint            **changes,
                                                        guint             *n_changes,
                                                        gboolean          *exact);

G_END_DECLS
