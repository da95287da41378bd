/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-mip.c: the analysis questions as small integer programs, solved by GLPK
 *
 * Variables: x[i,o] ∈ {0,1} for every option o of issue i that crosses no red line of
 * the members, with Σ_o x[i,o] = 1 per issue. A member a accepts when
 * Σ v[a,i,o]·x[i,o] ≥ need_a (v = weight × utility, all integers). An outsider b rejects
 * either by a red line (z_b = 1: some chosen option is outside its acceptable set) or by
 * its score (z_b = 0: Σ v[b,i,o]·x[i,o] ≤ need_b − 1, relaxed by a big M when z_b = 1).
 * The max-min surplus adds t with Σ v·x − W_a·t ≥ need_a for each scored member.
 *
 * GLPK was chosen over CBC on the benchmark's hard cases (tests/bench/bench-solvers.c,
 * figures and reasons in its header). A solution is only trusted after the caller has
 * checked it in exact integers; GLPK's own time limit and a callback that polls the
 * budget (deadline, cancellation) stop it.
 */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <glpk.h>
#include <math.h>

#include "zopa-mip.h"

ZopaMip *
zopa_mip_new (void)
{
  ZopaMip *mip = g_new0 (ZopaMip, 1);

  mip->col_lb = g_array_new (FALSE, FALSE, sizeof (double));
  mip->col_ub = g_array_new (FALSE, FALSE, sizeof (double));
  mip->col_obj = g_array_new (FALSE, FALSE, sizeof (double));
  mip->col_int = g_array_new (FALSE, FALSE, sizeof (gboolean));
  mip->row_lb = g_array_new (FALSE, FALSE, sizeof (double));
  mip->row_ub = g_array_new (FALSE, FALSE, sizeof (double));
  mip->ent_row = g_array_new (FALSE, FALSE, sizeof (int));
  mip->ent_col = g_array_new (FALSE, FALSE, sizeof (int));
  mip->ent_val = g_array_new (FALSE, FALSE, sizeof (double));
  mip->x_issue = g_array_new (FALSE, FALSE, sizeof (guint));
  mip->x_option = g_array_new (FALSE, FALSE, sizeof (guint));
  mip->t_col = G_MAXUINT;
  return mip;
}

void
zopa_mip_free (ZopaMip *mip)
{
  if (mip == NULL)
    return;
  g_array_unref (mip->col_lb);
  g_array_unref (mip->col_ub);
  g_array_unref (mip->col_obj);
  g_array_unref (mip->col_int);
  g_array_unref (mip->row_lb);
  g_array_unref (mip->row_ub);
  g_array_unref (mip->ent_row);
  g_array_unref (mip->ent_col);
  g_array_unref (mip->ent_val);
  g_array_unref (mip->x_issue);
  g_array_unref (mip->x_option);
  g_free (mip);
}

guint
zopa_mip_add_col (ZopaMip  *mip,
                  double    lb,
                  double    ub,
                  double    obj,
                  gboolean  integer)
{
  g_array_append_val (mip->col_lb, lb);
  g_array_append_val (mip->col_ub, ub);
  g_array_append_val (mip->col_obj, obj);
  g_array_append_val (mip->col_int, integer);
  return mip->n_cols++;
}

void
zopa_mip_add_row (ZopaMip      *mip,
                  double        lb,
                  double        ub,
                  guint         n,
                  const guint  *cols,
                  const double *vals)
{
  int row = mip->n_rows++;

  g_array_append_val (mip->row_lb, lb);
  g_array_append_val (mip->row_ub, ub);
  for (guint k = 0; k < n; k++)
    {
      int col = cols[k];
      if (vals[k] == 0.0)
        continue;
      g_array_append_val (mip->ent_row, row);
      g_array_append_val (mip->ent_col, col);
      g_array_append_val (mip->ent_val, vals[k]);
    }
}

ZopaMip *
zopa_mip_new_group (const ZopaProblem    *p,
                    const ZopaOptionMask *acceptable,
                    const gint64         *need,
                    guint                 in_mask,
                    guint                 hard_mask,
                    guint                 out_mask,
                    gboolean              maximin)
{
  g_autoptr(ZopaMip) mip = zopa_mip_new ();
  guint n = p->n_issues;
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *cols = NULL;
  g_autofree double *vals = NULL;
  guint t_rows = 0;

  if (acceptable == NULL)
    acceptable = p->acceptable;

  for (guint i = 0; i < n; i++)
    {
      ZopaOptionMask allowed = p->all_options[i];

      for (guint a = 0; a < p->n_actors; a++)
        if ((in_mask >> a) & 1)
          allowed &= acceptable[a * n + i];
      if (allowed == 0)
        return NULL;
      first[i] = mip->n_cols;
      for (guint o = 0; o < p->n_options[i]; o++)
        if ((allowed >> o) & 1)
          {
            zopa_mip_add_col (mip, 0.0, 1.0, 0.0, TRUE);
            g_array_append_val (mip->x_issue, i);
            g_array_append_val (mip->x_option, o);
          }
    }
  first[n] = mip->n_x = mip->n_cols;
  cols = g_new (guint, mip->n_x + 2);
  vals = g_new (double, mip->n_x + 2);

  if (maximin)
    {
      mip->t_col = zopa_mip_add_col (mip, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0, FALSE);
      mip->maximize = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      guint m = 0;
      for (guint k = first[i]; k < first[i + 1]; k++)
        {
          cols[m] = k;
          vals[m++] = 1.0;
        }
      zopa_mip_add_row (mip, 1.0, 1.0, m, cols, vals);
    }

  for (guint a = 0; a < p->n_actors; a++)
    {
      gboolean member = (in_mask >> a) & 1, outsider = (out_mask >> a) & 1;
      gint64 need_a = need != NULL ? need[a] : zopa_problem_need (p, a);
      gint64 lo = 0, hi = 0;
      guint m = 0;

      if ((!member && !outsider) || (member && p->total_weight[a] == 0))
        continue;
      for (guint i = 0; i < n; i++)
        {
          gint64 vlo = G_MAXINT64, vhi = G_MININT64;
          for (guint k = first[i]; k < first[i + 1]; k++)
            {
              gint64 v = zopa_problem_value (p, a, i, g_array_index (mip->x_option, guint, k));
              cols[m] = k;
              vals[m++] = (double) v;
              vlo = MIN (vlo, v);
              vhi = MAX (vhi, v);
            }
          lo += vlo;
          hi += vhi;
        }

      if (member)
        {
          if (maximin)
            {
              cols[m] = mip->t_col;
              vals[m++] = -(double) p->total_weight[a];
              zopa_mip_add_row (mip, (double) need_a, G_MAXDOUBLE, m, cols, vals);
              t_rows++;
            }
          else if (((hard_mask >> a) & 1) && lo < need_a)
            zopa_mip_add_row (mip, (double) need_a, G_MAXDOUBLE, m, cols, vals);
          if (maximin && ((hard_mask >> a) & 1))
            {
              /* The surplus of a hard member is also ≥ 0 on its own. */
              m--;
              zopa_mip_add_row (mip, (double) need_a, G_MAXDOUBLE, m, cols, vals);
            }
          continue;
        }

      /* An outsider: rejects by a red line (z = 1) or by its score (z = 0). */
      {
        gboolean can_cross = FALSE, can_score_low = p->total_weight[a] > 0 && lo < need_a;
        guint z;

        for (guint k = 0; k < mip->n_x && !can_cross; k++)
          can_cross = !((acceptable[a * n + g_array_index (mip->x_issue, guint, k)] >>
                         g_array_index (mip->x_option, guint, k)) & 1);
        if (!can_cross && !can_score_low)
          {
            /* It accepts every deal left: there is none. */
            return NULL;
          }
        z = zopa_mip_add_col (mip, 0.0, can_cross ? 1.0 : 0.0, 0.0, TRUE);
        if (!can_score_low)
          {
            g_array_index (mip->col_lb, double, z) = 1.0;
          }
        else
          {
            /* Σ v·x − M·z ≤ need − 1, M = hi − need + 1. */
            cols[m] = z;
            vals[m++] = -(double) (hi - need_a + 1);
            zopa_mip_add_row (mip, -G_MAXDOUBLE, (double) (need_a - 1), m, cols, vals);
          }
        if (can_cross)
          {
            /* Σ over options it rejects of x ≥ z. */
            m = 0;
            for (guint k = 0; k < mip->n_x; k++)
              if (!((acceptable[a * n + g_array_index (mip->x_issue, guint, k)] >>
                     g_array_index (mip->x_option, guint, k)) & 1))
                {
                  cols[m] = k;
                  vals[m++] = 1.0;
                }
            cols[m] = z;
            vals[m++] = -1.0;
            zopa_mip_add_row (mip, 0.0, G_MAXDOUBLE, m, cols, vals);
          }
      }
    }
  if (maximin && t_rows == 0)
    {
      /* No member has a score: nothing to maximise. */
      g_array_index (mip->col_lb, double, mip->t_col) = 0.0;
      g_array_index (mip->col_ub, double, mip->t_col) = 0.0;
    }
  return g_steal_pointer (&mip);
}

void
zopa_mip_deal (const ZopaMip *mip,
               const double  *x,
               guint         *deal)
{
  for (guint k = 0; k < mip->n_x; k++)
    if (x[k] > 0.5)
      deal[g_array_index (mip->x_issue, guint, k)] = g_array_index (mip->x_option, guint, k);
}

/* ---- GLPK ---- */

typedef struct {
  ZopaBudget *budget;
  double      bound;
  gboolean    has_bound;
} Callback;

/* Stops GLPK when the budget is spent, and keeps the best bound of the open nodes. */
static void
on_branch_event (glp_tree *tree,
                 void     *data)
{
  Callback *cb = data;
  int node = glp_ios_best_node (tree);

  if (node != 0)
    {
      cb->bound = glp_ios_node_bound (tree, node);
      cb->has_bound = TRUE;
    }
  if (zopa_budget_check (cb->budget))
    glp_ios_terminate (tree);
}

static int
bound_type (double lb,
            double ub)
{
  gboolean has_lb = lb > -G_MAXDOUBLE, has_ub = ub < G_MAXDOUBLE;

  if (has_lb && has_ub)
    return lb == ub ? GLP_FX : GLP_DB;
  return has_lb ? GLP_LO : has_ub ? GLP_UP : GLP_FR;
}

ZopaMipStatus
zopa_mip_solve (const ZopaMip *mip,
                ZopaBudget    *budget,
                double        *x,
                double        *objective,
                double        *bound)
{
  glp_prob *lp;
  glp_iocp parm;
  glp_smcp sparm;
  Callback cb = { 0 };
  int n_ent = mip->ent_val->len, rc, status;
  g_autofree int *ia = g_new (int, n_ent + 1);
  g_autofree int *ja = g_new (int, n_ent + 1);
  g_autofree double *ar = g_new (double, n_ent + 1);
  ZopaMipStatus result;
  double seconds;

  if (zopa_budget_check (budget))
    return ZOPA_MIP_UNKNOWN;

  glp_term_out (GLP_OFF);
  lp = glp_create_prob ();
  glp_set_obj_dir (lp, mip->maximize ? GLP_MAX : GLP_MIN);
  if (mip->n_rows > 0)
    glp_add_rows (lp, mip->n_rows);
  if (mip->n_cols > 0)
    glp_add_cols (lp, mip->n_cols);
  for (guint r = 0; r < mip->n_rows; r++)
    {
      double lb = g_array_index (mip->row_lb, double, r), ub = g_array_index (mip->row_ub, double, r);
      glp_set_row_bnds (lp, r + 1, bound_type (lb, ub), lb > -G_MAXDOUBLE ? lb : 0.0, ub < G_MAXDOUBLE ? ub : 0.0);
    }
  for (guint c = 0; c < mip->n_cols; c++)
    {
      double lb = g_array_index (mip->col_lb, double, c), ub = g_array_index (mip->col_ub, double, c);
      /* Integer kind first: GLP_BV would reset the bounds to 0..1. */
      if (g_array_index (mip->col_int, gboolean, c))
        glp_set_col_kind (lp, c + 1, GLP_IV);
      glp_set_col_bnds (lp, c + 1, bound_type (lb, ub), lb > -G_MAXDOUBLE ? lb : 0.0, ub < G_MAXDOUBLE ? ub : 0.0);
      glp_set_obj_coef (lp, c + 1, g_array_index (mip->col_obj, double, c));
    }
  for (int k = 0; k < n_ent; k++)
    {
      ia[k + 1] = g_array_index (mip->ent_row, int, k) + 1;
      ja[k + 1] = g_array_index (mip->ent_col, int, k) + 1;
      ar[k + 1] = g_array_index (mip->ent_val, double, k);
    }
  glp_load_matrix (lp, n_ent, ia, ja, ar);

  /* The LP relaxation first: it bounds every integer solution, and an infeasible
   * relaxation proves there is none. */
  glp_init_smcp (&sparm);
  sparm.msg_lev = GLP_MSG_OFF;
  sparm.presolve = GLP_OFF;
  seconds = zopa_budget_seconds_left (budget);
  sparm.tm_lim = seconds >= 1e6 ? G_MAXINT : MAX (1, (int) (seconds * 1000.0));
  rc = glp_simplex (lp, &sparm);
  if (rc != 0 || glp_get_status (lp) != GLP_OPT)
    {
      result = rc == 0 && glp_get_status (lp) == GLP_NOFEAS ? ZOPA_MIP_INFEASIBLE : ZOPA_MIP_UNKNOWN;
      if (bound != NULL)
        *bound = mip->maximize ? G_MAXDOUBLE : -G_MAXDOUBLE;
      glp_delete_prob (lp);
      glp_free_env ();
      return result;
    }
  cb.budget = budget;
  cb.bound = glp_get_obj_val (lp);
  cb.has_bound = TRUE;

  glp_init_iocp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  /* Max-min programs: hybrid pseudo-cost branching and best-projection backtracking
   * prove optimality several times sooner than the defaults; feasibility programs are
   * quicker with the defaults (figures in tests/bench/bench-solvers.c). */
  if (mip->t_col != G_MAXUINT)
    {
      parm.br_tech = GLP_BR_PCH;
      parm.bt_tech = GLP_BT_BPH;
    }
  parm.cb_func = on_branch_event;
  parm.cb_info = &cb;
  seconds = zopa_budget_seconds_left (budget);
  parm.tm_lim = seconds >= 1e6 ? G_MAXINT : MAX (1, (int) (seconds * 1000.0));

  rc = glp_intopt (lp, &parm);
  status = glp_mip_status (lp);
  if (rc == 0 && status == GLP_OPT)
    result = ZOPA_MIP_OPTIMAL;
  else if (rc == 0 && status == GLP_NOFEAS)
    result = ZOPA_MIP_INFEASIBLE;
  else if (status == GLP_FEAS || status == GLP_OPT)
    result = ZOPA_MIP_FEASIBLE;
  else
    result = ZOPA_MIP_UNKNOWN;

  if (result == ZOPA_MIP_OPTIMAL || result == ZOPA_MIP_FEASIBLE)
    {
      if (x != NULL)
        for (guint c = 0; c < mip->n_cols; c++)
          x[c] = glp_mip_col_val (lp, c + 1);
      if (objective != NULL)
        *objective = glp_mip_obj_val (lp);
    }
  if (bound != NULL)
    *bound = result == ZOPA_MIP_OPTIMAL ? glp_mip_obj_val (lp) : cb.bound;
  glp_delete_prob (lp);
  /* GLPK (Debian's is built with thread-local storage) keeps an environment per thread,
   * so solves may run in several threads at once; free it so that a thread leaves none. */
  glp_free_env ();
  return result;
}
