/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-bounds.c: the uncertain values of the shown actors, and the worst and best cases
 * they reduce to (see zopa-readings-private.h for why these are exact) */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include "zopa-readings-private.h"

static ZopaBounds *
bounds_new_like (const ZopaProblem *nominal)
{
  ZopaBounds *b = g_new0 (ZopaBounds, 1);
  guint ai = MAX (nominal->n_actors * nominal->n_issues, 1);
  guint aio = MAX (ai * nominal->stride, 1);

  b->n_actors = nominal->n_actors;
  b->n_issues = nominal->n_issues;
  b->stride = nominal->stride;
  b->n_options = g_memdup2 (nominal->n_options, sizeof (guint) * MAX (nominal->n_issues, 1));
  b->all_options = g_memdup2 (nominal->all_options, sizeof (ZopaOptionMask) * MAX (nominal->n_issues, 1));
  b->sure = g_memdup2 (nominal->acceptable, sizeof (ZopaOptionMask) * ai);
  b->maybe = g_new0 (ZopaOptionMask, ai);
  b->weight_low = g_new0 (int, ai);
  b->weight_high = g_new0 (int, ai);
  b->utility_low = g_new0 (int, aio);
  b->utility_high = g_new0 (int, aio);
  return b;
}

ZopaBounds *
zopa_bounds_copy (const ZopaBounds *src)
{
  ZopaBounds *b = g_memdup2 (src, sizeof *src);
  guint ai = MAX (src->n_actors * src->n_issues, 1);
  guint aio = MAX (ai * src->stride, 1);

  b->n_options = g_memdup2 (src->n_options, sizeof (guint) * MAX (src->n_issues, 1));
  b->all_options = g_memdup2 (src->all_options, sizeof (ZopaOptionMask) * MAX (src->n_issues, 1));
  b->sure = g_memdup2 (src->sure, sizeof (ZopaOptionMask) * ai);
  b->maybe = g_memdup2 (src->maybe, sizeof (ZopaOptionMask) * ai);
  b->weight_low = g_memdup2 (src->weight_low, sizeof (int) * ai);
  b->weight_high = g_memdup2 (src->weight_high, sizeof (int) * ai);
  b->utility_low = g_memdup2 (src->utility_low, sizeof (int) * aio);
  b->utility_high = g_memdup2 (src->utility_high, sizeof (int) * aio);
  return b;
}

void
zopa_bounds_free (ZopaBounds *b)
{
  if (b == NULL)
    return;
  g_free (b->n_options);
  g_free (b->all_options);
  g_free (b->sure);
  g_free (b->maybe);
  g_free (b->weight_low);
  g_free (b->weight_high);
  g_free (b->utility_low);
  g_free (b->utility_high);
  g_free (b);
}

static ZopaOptionMask
mask_of_options (ZopaIssue          *issue,
                 const char * const *ids)
{
  ZopaOptionMask mask = 0;

  for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
    {
      int o = zopa_issue_find_option (issue, ids[k]);
      if (o >= 0)
        mask |= (ZopaOptionMask) 1 << o;
    }
  return mask;
}

/* A range from the model into [0, max], low ≤ high. */
static void
clamp_range (ZopaRange  range,
             int        max,
             int       *low,
             int       *high)
{
  *low = CLAMP (range.low, 0, max);
  *high = CLAMP (MAX (range.high, range.low), 0, max);
}

/* The stance as stored; without a stance: every option, utility 50, weight 0. */
static void
compile_stance (ZopaBounds *b,
                guint       a,
                guint       i,
                ZopaIssue  *issue,
                ZopaStance *stance)
{
  guint ai = a * b->n_issues + i;
  ZopaRange none = { 0, 0, FALSE };

  clamp_range (stance != NULL ? zopa_stance_get_weight_range (stance) : none, ZOPA_WEIGHT_MAX,
               &b->weight_low[ai], &b->weight_high[ai]);
  for (guint o = 0; o < b->n_options[i]; o++)
    {
      const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, o));
      ZopaRange plain = { ZOPA_UTILITY_DEFAULT, ZOPA_UTILITY_DEFAULT, FALSE };

      clamp_range (stance != NULL ? zopa_stance_get_utility_range (stance, option_id) : plain, ZOPA_UTILITY_MAX,
                   &b->utility_low[ai * b->stride + o], &b->utility_high[ai * b->stride + o]);
    }
  if (stance != NULL)
    b->maybe[ai] = mask_of_options (issue, zopa_stance_get_maybe (stance));
}

/* As zopa_problem_compile() applies a change; a change that sets "acceptable" or "maybe"
 * replaces both lists, so its maybe options are the only ones left. */
static void
compile_change (ZopaBounds        *b,
                ZopaScenario      *scenario,
                guint              a,
                ZopaVariantChange *change)
{
  const char *issue_id = zopa_variant_change_get_issue (change);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  ZopaIssue *issue = NULL;
  guint i = 0, ai;

  if (issue_id == NULL)
    {
      if (zopa_variant_change_has_reservation (change))
        clamp_range (zopa_variant_change_get_reservation_range (change), ZOPA_RESERVATION_MAX,
                     &b->reservation_low[a], &b->reservation_high[a]);
      return;
    }

  for (i = 0; i < b->n_issues; i++)
    {
      g_autoptr(ZopaIssue) candidate = g_list_model_get_item (issues, i);
      if (g_strcmp0 (zopa_issue_get_id (candidate), issue_id) == 0)
        {
          issue = candidate;
          break;
        }
    }
  if (issue == NULL)
    return;

  ai = a * b->n_issues + i;
  if (zopa_variant_change_get_acceptable (change) != NULL || zopa_variant_change_get_maybe (change) != NULL)
    b->maybe[ai] = mask_of_options (issue, zopa_variant_change_get_maybe (change));
  if (zopa_variant_change_has_utility (change))
    for (guint o = 0; o < b->n_options[i]; o++)
      {
        const char *option_id = zopa_option_get_id (zopa_issue_get_option (issue, o));
        clamp_range (zopa_variant_change_get_utility_range (change, option_id), ZOPA_UTILITY_MAX,
                     &b->utility_low[ai * b->stride + o], &b->utility_high[ai * b->stride + o]);
      }
  if (zopa_variant_change_has_weight (change))
    clamp_range (zopa_variant_change_get_weight_range (change), ZOPA_WEIGHT_MAX,
                 &b->weight_low[ai], &b->weight_high[ai]);
}

ZopaBounds *
zopa_bounds_compile (ZopaScenario      *scenario,
                     ZopaVariant       *variant,
                     ZopaActor        **actors,
                     guint              n_actors,
                     const ZopaProblem *nominal)
{
  GListModel *issues = zopa_scenario_get_issues (scenario);
  ZopaBounds *b = bounds_new_like (nominal);

  for (guint a = 0; a < n_actors; a++)
    {
      clamp_range (zopa_actor_get_reservation_range (actors[a]), ZOPA_RESERVATION_MAX,
                   &b->reservation_low[a], &b->reservation_high[a]);
      for (guint i = 0; i < b->n_issues; i++)
        {
          g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
          compile_stance (b, a, i, issue, zopa_actor_find_stance (actors[a], zopa_issue_get_id (issue)));
        }
    }

  if (variant != NULL)
    {
      GListModel *changes = zopa_variant_get_changes (variant);

      for (guint c = 0; c < g_list_model_get_n_items (changes); c++)
        {
          g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, c);
          for (guint a = 0; a < n_actors; a++)
            if (g_strcmp0 (zopa_actor_get_id (actors[a]), zopa_variant_change_get_actor (change)) == 0)
              compile_change (b, scenario, a, change);
        }
    }

  /* The nominal problem already left maybe options out of the sure ones. */
  for (guint k = 0; k < n_actors * b->n_issues; k++)
    b->maybe[k] &= ~b->sure[k] & b->all_options[k % MAX (b->n_issues, 1)];

  return b;
}

gboolean
zopa_bounds_actor_has_weight_range (const ZopaBounds *b,
                                    guint             a)
{
  for (guint i = 0; i < b->n_issues; i++)
    if (b->weight_low[a * b->n_issues + i] != b->weight_high[a * b->n_issues + i])
      return TRUE;
  return FALSE;
}

gboolean
zopa_bounds_actor_is_uncertain (const ZopaBounds *b,
                                guint             a)
{
  if (b->reservation_low[a] != b->reservation_high[a] || zopa_bounds_actor_has_weight_range (b, a))
    return TRUE;
  for (guint i = 0; i < b->n_issues; i++)
    {
      guint ai = a * b->n_issues + i;

      if (b->maybe[ai] != 0)
        return TRUE;
      for (guint o = 0; o < b->n_options[i]; o++)
        if (b->utility_low[ai * b->stride + o] != b->utility_high[ai * b->stride + o])
          return TRUE;
    }
  return FALSE;
}

gint64
zopa_bounds_term (const ZopaBounds *b,
                  guint             a,
                  guint             i,
                  guint             o,
                  int               reservation,
                  gboolean          best)
{
  guint ai = a * b->n_issues + i;
  guint aio = ai * b->stride + o;
  gint64 gap = (gint64) (best ? b->utility_high[aio] : b->utility_low[aio]) - reservation;
  gboolean heavy = best ? gap > 0 : gap < 0;

  return (heavy ? b->weight_high[ai] : b->weight_low[ai]) * gap;
}

void
zopa_bounds_judge_draft (const ZopaBounds *b,
                         guint             a,
                         const int        *option,
                         int               reservation,
                         gboolean          best,
                         gboolean         *all_accepted,
                         gboolean         *some_accepted)
{
  gboolean all_ok = TRUE, some_ok = TRUE;
  gint64 low_sum = 0, high_sum = 0;

  for (guint i = 0; i < b->n_issues; i++)
    {
      ZopaOptionMask allowed = zopa_bounds_allowed (b, a, i, best);

      if (option[i] >= 0)
        {
          gint64 term = zopa_bounds_term (b, a, i, option[i], reservation, best);

          if (!((allowed >> option[i]) & 1))
            all_ok = some_ok = FALSE;
          low_sum += term;
          high_sum += term;
        }
      else
        {
          gint64 lo = G_MAXINT64, hi = G_MININT64;

          for (guint o = 0; o < b->n_options[i]; o++)
            {
              gint64 term = zopa_bounds_term (b, a, i, o, reservation, best);

              lo = MIN (lo, term);
              if ((allowed >> o) & 1)
                hi = MAX (hi, term);
            }
          if (allowed != b->all_options[i])
            all_ok = FALSE;
          if (allowed == 0)
            some_ok = FALSE;
          else
            high_sum += hi;
          low_sum += lo;
        }
    }

  if (low_sum < 0)
    all_ok = FALSE;
  if (high_sum < 0)
    some_ok = FALSE;
  if (all_accepted != NULL)
    *all_accepted = all_ok;
  if (some_accepted != NULL)
    *some_accepted = some_ok;
}

ZopaVerdict
zopa_bounds_verdict (const ZopaBounds *b,
                     guint             a,
                     const int        *option)
{
  gboolean all_surely, some_possibly;

  zopa_bounds_judge_draft (b, a, option, b->reservation_high[a], FALSE, &all_surely, NULL);
  if (all_surely)
    return ZOPA_VERDICT_ACCEPTS;
  zopa_bounds_judge_draft (b, a, option, b->reservation_low[a], TRUE, NULL, &some_possibly);
  return some_possibly ? ZOPA_VERDICT_DEPENDS : ZOPA_VERDICT_REJECTS;
}

/* Scores of such a row: w·(u − r) + 10·r per option, against 10·r per issue, so that the
 * engine's test Σ value ≥ reservation × total weight is Σ w·(u − r) ≥ 0, with values ≥ 0. */
ZopaProblem *
zopa_bounds_problem (const ZopaBounds *b,
                     const guint      *rows,
                     const gboolean   *best,
                     guint             n_rows)
{
  ZopaProblem *p = zopa_problem_new (n_rows, b->n_issues, b->n_options);

  for (guint k = 0; k < n_rows; k++)
    {
      guint a = rows[k];
      int r = best[k] ? b->reservation_low[a] : b->reservation_high[a];

      p->reservation[k] = r;
      p->total_weight[k] = (gint64) ZOPA_WEIGHT_MAX * b->n_issues;
      for (guint i = 0; i < b->n_issues; i++)
        {
          guint ki = k * b->n_issues + i;

          p->acceptable[ki] = zopa_bounds_allowed (b, a, i, best[k]);
          p->weight[ki] = ZOPA_WEIGHT_MAX;
          for (guint o = 0; o < b->n_options[i]; o++)
            p->value[ki * p->stride + o] =
              (int) (zopa_bounds_term (b, a, i, o, r, best[k]) + (gint64) ZOPA_WEIGHT_MAX * r);
        }
    }
  return p;
}
