/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The utility space of two actors (the bargaining view): every deal as the pair of their
 * scores, the exact Pareto frontier of those pairs, each actor's reservation, whether the
 * ZOPA corner (both at or above their reservations, neither red line crossed) holds a
 * deal, how far the frontier stays from it, and the density of deals over the plane.
 *
 * Exact: scores are kept as integer sums Σ weight × utility over the actor's total weight
 * (the score is sum / weight), so the frontier is computed without rounding, by dynamic
 * programming over the issues on the pairs of sums: the non-dominated pairs of a sum of
 * independent choices are sums of non-dominated pairs of each part, so each step keeps
 * only the non-dominated pairs. Its size is at most 100 × weight + 1 pairs, whatever the
 * number of deals.
 *
 * Two frontiers: over all deals, and over the deals that cross no red line of either actor
 * (the only ones that can be agreed). A point of the first that is not on or below the
 * second exists only through a deal one of them rules out.
 */

#include <gio/gio.h>

#include "zopa-analysis.h"

G_BEGIN_DECLS

/* One pair of score sums: the score of actor k is sum[k] / weight[k]. */
typedef struct {
  gint64 sum[2];
} ZopaParetoPoint;

typedef struct {
  guint            actor[2];          /* shown actor indices in the analysis */
  gint64           weight[2];         /* total weight: the denominator of the scores */
  int              reservation[2];
  int              reservation_low[2];   /* the reservation's range; equal to it when certain */
  int              reservation_high[2];
  double           deal_space;

  /* EXACT, or BOUNDED when the time limit ran out before the frontiers were complete:
   * then both frontiers are empty and nothing about the corner is known. */
  ZopaAnswerStatus status;

  /* Non-dominated pairs, by ascending score of the first actor (descending of the
   * second); no two equal. */
  guint            n_frontier;
  ZopaParetoPoint *frontier;          /* over every deal */
  guint            n_agreeable;
  ZopaParetoPoint *agreeable;         /* over the deals crossing neither's red lines */

  /* Whether some deal crosses neither's red lines, and whether one of those also meets
   * both reservations (the corner holds a deal): exact. */
  gboolean         any_agreeable;
  gboolean         corner_empty;
  /* The issues on which no option crosses neither red line (why no deal is agreeable),
   * in issue order. */
  guint            n_split_issues;
  guint           *split_issues;
  /* How far the scores stay from the corner: the smallest, over every deal, of the larger
   * shortfall max(reservation_A − score_A, reservation_B − score_B), in score points
   * (attained at gap_point on the frontier). > 0: even counting the deals a red line
   * rules out, none reaches the corner, and this is the gap; ≤ 0: its negation is the
   * best smallest surplus over the reservations. agreeable_gap is the same over the
   * deals crossing neither red line (meaningless when !any_agreeable): the corner is
   * empty exactly when it is > 0 (or no deal is agreeable). The _low values take the low
   * ends of uncertain reservations (≤ the others). */
  double           gap;
  double           gap_low;
  ZopaParetoPoint  gap_point;
  double           agreeable_gap;
  double           agreeable_gap_low;
  ZopaParetoPoint  agreeable_gap_point;

  /* How many deals fall into each cell of a density_bins × density_bins grid of the
   * score square [0, 100]² (row-major, rows by the second actor's score from 0 up); only
   * when cheap (has_density FALSE otherwise). */
  gboolean         has_density;
  guint            density_bins;
  double          *density;
  double           density_max;

  /* private: witnesses of the frontier points */
  GPtrArray       *layers;
  GPtrArray       *agreeable_layers;
  guint            n_issues;
} ZopaPareto;

#define ZOPA_PARETO_DENSITY_BINS 48

/*
 * Computes the utility space of shown actors a and b (distinct) of an analysis within
 * time_limit seconds (≤ 0: none) and cancellable (nullable). Returns NULL with error set
 * when an actor has no score (every weight 0), the actors are not distinct, or
 * cancellable fired.
 */
ZopaPareto *zopa_pareto_new   (ZopaAnalysis *analysis,
                               guint         a,
                               guint         b,
                               double        time_limit,
                               GCancellable *cancellable,
                               GError      **error);
void        zopa_pareto_free  (ZopaPareto   *pareto);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZopaPareto, zopa_pareto_free)

/* The score (0..100) of side k (0 or 1) at a point. */
double      zopa_pareto_score (const ZopaPareto      *pareto,
                               guint                  k,
                               const ZopaParetoPoint *point);

/* A deal (one option per issue, n_issues entries) whose score pair is point i of the
 * frontier (agreeable FALSE) or of the agreeable frontier. */
void        zopa_pareto_witness (const ZopaPareto *pareto,
                                 gboolean          agreeable,
                                 guint             i,
                                 guint            *deal);

G_END_DECLS
