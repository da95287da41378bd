#pragma once

/*
 * The bounded questions of the analysis: the engine's own exact searches (zopa-search.c)
 * first, for a short time, and the integer programs of zopa-mip.c as the exact backstop
 * for what they leave open, all within a budget. Every deal a solver returns is checked
 * in exact integers before it is believed. Private to src/analysis.
 */

#include "zopa-budget.h"
#include "zopa-problem.h"

G_BEGIN_DECLS

/* How long the engine's own search may try before the solver takes over. */
#define ZOPA_SOLVE_FAST_SECONDS 0.02

/*
 * Is there a deal every actor of in_mask accepts and (out_mask ≠ 0) every actor of
 * out_mask rejects? OPTIMAL (yes, deal filled when not NULL), NONE (proven no) or
 * UNKNOWN (the budget ran out first).
 */
ZopaSearchResult zopa_solve_feasible (const ZopaProblem *problem,
                                      guint              in_mask,
                                      guint              out_mask,
                                      guint             *deal,
                                      ZopaBudget        *budget);

/*
 * The deal of the group (mask) that maximises the smallest surplus (see ZopaSearch).
 * OPTIMAL: exact; FOUND: the best deal found, *bound (in score units) bounds the optimum
 * from above; NONE: the group's ZOPA is empty; UNKNOWN: nothing found in time. den is 0
 * when no member has a score.
 */
ZopaSearchResult zopa_solve_witness (const ZopaProblem *problem,
                                     guint              mask,
                                     guint             *deal,
                                     gint64            *surplus_num,
                                     gint64            *surplus_den,
                                     double            *bound,
                                     ZopaBudget        *budget);

G_END_DECLS
