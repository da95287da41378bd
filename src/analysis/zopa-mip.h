/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Small integer programs over a problem (zopa-problem.h): one binary per option of each
 * issue, one choice per issue, one linear constraint per actor. The model is kept in a
 * solver-neutral form (rows of triplets) so that the solver behind it can be swapped;
 * zopa_mip_solve() runs GLPK. Private to src/analysis (and its tests and benchmarks).
 */

#include <gio/gio.h>

#include "zopa-budget.h"
#include "zopa-problem.h"

G_BEGIN_DECLS

typedef struct {
  guint    n_cols;
  GArray  *col_lb, *col_ub, *col_obj;      /* of double */
  GArray  *col_int;                        /* of gboolean */
  guint    n_rows;
  GArray  *row_lb, *row_ub;                /* of double; ±G_MAXDOUBLE for none */
  GArray  *ent_row, *ent_col;              /* of int, 0-based */
  GArray  *ent_val;                        /* of double */
  gboolean maximize;
  /* The option binaries: column k < n_x is option x_option[k] of issue x_issue[k]. */
  guint    n_x;
  GArray  *x_issue, *x_option;             /* of guint */
  guint    t_col;                          /* the objective column of max-min, or G_MAXUINT */
} ZopaMip;

ZopaMip *zopa_mip_new    (void);
void     zopa_mip_free   (ZopaMip *mip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZopaMip, zopa_mip_free)

guint    zopa_mip_add_col (ZopaMip *mip, double lb, double ub, double obj, gboolean integer);
/* A row lb ≤ Σ vals[k]·x[cols[k]] ≤ ub. */
void     zopa_mip_add_row (ZopaMip *mip, double lb, double ub, guint n, const guint *cols, const double *vals);

/*
 * The deals every actor of in_mask accepts (red lines and reservation) and, when
 * out_mask is not 0, that every actor of out_mask rejects. With maximin, the objective
 * is the smallest surplus (S_a − need_a) / W_a of the scored members (column t_col).
 * acceptable and need are nullable overrides as in ZopaSearch; hard_mask (⊆ in_mask)
 * are the members whose reservation binds. Returns NULL when there is no such deal for a
 * plain reason: an issue without options left, or an outsider that accepts them all.
 */
ZopaMip *zopa_mip_new_group (const ZopaProblem    *problem,
                             const ZopaOptionMask *acceptable,
                             const gint64         *need,
                             guint                 in_mask,
                             guint                 hard_mask,
                             guint                 out_mask,
                             gboolean              maximin);

typedef enum {
  ZOPA_MIP_OPTIMAL,        /* solved: an optimal solution (or feasible, no objective) */
  ZOPA_MIP_INFEASIBLE,     /* proven: no solution */
  ZOPA_MIP_FEASIBLE,       /* a solution, optimality not proven (limit reached) */
  ZOPA_MIP_UNKNOWN,        /* limit reached before any solution or proof */
} ZopaMipStatus;

/*
 * Solves within the budget (its deadline and cancellable). x (n_cols entries, nullable)
 * receives the best solution; objective the objective value and bound the best proven
 * bound on it (the objective itself when optimal).
 */
ZopaMipStatus zopa_mip_solve (const ZopaMip *mip,
                              ZopaBudget    *budget,
                              double        *x,
                              double        *objective,
                              double        *bound);

/* The deal (option per issue) of a solution x; issues without columns are left alone. */
void          zopa_mip_deal  (const ZopaMip *mip, const double *x, guint *deal);

G_END_DECLS
