/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/*
 * What must change for the group's ZOPA to open, by the integer program: minimal sets of
 * stance changes, fewest first, at most max_sets, none larger than the smallest plus
 * max_extra (a ZopaChangeList each). A reservation change lowers it to the highest value
 * that the deal found meets (not always the highest that some deal meets). *complete is
 * TRUE when every set up to that size was found within the budget; when the budget ran
 * out before even the fewest were proven, the one set found (which may not be minimal)
 * is returned with *complete FALSE.
 */
GPtrArray       *zopa_solve_what_must_change (const ZopaProblem *problem,
                                              guint              mask,
                                              guint              max_sets,
                                              guint              max_extra,
                                              ZopaBudget        *budget,
                                              gboolean          *complete);

/*
 * The fewest clause changes of a draft (see zopa_change_fewest_clause_changes()): the
 * engine's own search for a short time, then the integer program (fewest changes, then
 * the largest smallest worst-case surplus among them). *exact FALSE: the changes returned
 * (when TRUE is returned) work but were not proven fewest, or the tie not proven broken,
 * or (FALSE returned) the budget ran out before any were found.
 */
gboolean         zopa_solve_fewest_clause_changes (const ZopaProblem *problem,
                                                   const int         *option,
                                                   guint              mask,
                                                   ZopaBudget        *budget,
                                                   guint            **changes,
                                                   guint             *n_changes,
                                                   gboolean          *exact);
/* The integer programs alone (for tests and benchmarks). */
gboolean         zopa_solve_fewest_clause_changes_mip (const ZopaProblem *problem,
                                                       const int         *option,
                                                       guint              mask,
                                                       ZopaBudget        *budget,
                                                       guint            **changes,
                                                       guint             *n_changes,
                                                       gboolean          *exact);

G_END_DECLS
