/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-problem.c: the scenario compiled into flat arrays, variant applied */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-analysis.h"
#include "zopa-problem.h"

ZopaProblem *
zopa_problem_new (guint        n_actors,
                  guint        n_issues,
                  const guint *n_options)
{
  ZopaProblem *p = g_new0 (ZopaProblem, 1);
  guint stride = 1;

  g_return_val_if_fail (n_actors <= ZOPA_PROBLEM_MAX_ACTORS, NULL);

  for (guint i = 0; i < n_issues; i++)
    {
      g_return_val_if_fail (n_options[i] >= 1 && n_options[i] <= ZOPA_PROBLEM_MAX_OPTIONS, NULL);
      stride = MAX (stride, n_options[i]);
    }

  p->n_actors = n_actors;
  p->n_issues = n_issues;
  p->stride = stride;
  p->n_options = g_new (guint, MAX (n_issues, 1));
  p->all_options = g_new (ZopaOptionMask, MAX (n_issues, 1));
  p->acceptable = g_new (ZopaOptionMask, MAX (n_actors * n_issues, 1));
  p->weight = g_new0 (int, MAX (n_actors * n_issues, 1));
  p->utility = g_new0 (int, MAX (n_actors * n_issues * stride, 1));
  p->value = g_new0 (int, MAX (n_actors * n_issues * stride, 1));

  for (guint i = 0; i < n_issues; i++)
    {
      p->n_options[i] = n_options[i];
      p->all_options[i] = n_options[i] == 64 ? G_MAXUINT64 : (((guint64) 1 << n_options[i]) - 1);
    }
  for (guint a = 0; a < n_actors; a++)
    for (guint i = 0; i < n_issues; i++)
      p->acceptable[a * n_issues + i] = p->all_options[i];

  return p;
}

ZopaProblem *
zopa_problem_copy (const ZopaProblem *src)
{
  ZopaProblem *p = g_memdup2 (src, sizeof *src);
  guint ai = MAX (src->n_actors * src->n_issues, 1);
  guint aio = MAX (src->n_actors * src->n_issues * src->stride, 1);

  p->n_options = g_memdup2 (src->n_options, sizeof (guint) * MAX (src->n_issues, 1));
  p->all_options = g_memdup2 (src->all_options, sizeof (ZopaOptionMask) * MAX (src->n_issues, 1));
  p->acceptable = g_memdup2 (src->acceptable, sizeof (ZopaOptionMask) * ai);
  p->weight = g_memdup2 (src->weight, sizeof (int) * ai);
  p->utility = g_memdup2 (src->utility, sizeof (int) * aio);
  p->value = g_memdup2 (src->value, sizeof (int) * aio);
  return p;
}

void
zopa_problem_free (ZopaProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->n_options);
  g_free (p->all_options);
  g_free (p->acceptable);
  g_free (p->weight);
  g_free (p->utility);
  g_free (p->value);
  g_free (p);
}

void
zopa_problem_set_weight (ZopaProblem *p,
                         guint        actor,
                         guint        issue,
                         int          weight)
{
  guint ai = actor * p->n_issues + issue;

  p->total_weight[actor] += weight - p->weight[ai];
  p->weight[ai] = weight;
  for (guint o = 0; o < p->n_options[issue]; o++)
    p->value[ai * p->stride + o] = weight * p->utility[ai * p->stride + o];
}

void
zopa_problem_set_utility (ZopaProblem *p,
                          guint        actor,
                          guint        issue,
                          guint        option,
                          int          utility)
{
  guint ai = actor * p->n_issues + issue;

  p->utility[ai * p->stride + option] = utility;
  p->value[ai * p->stride + option] = p->weight[ai] * utility;
}

gint64
zopa_problem_score_sum (const ZopaProblem *p,
                        guint              actor,
                        const guint       *deal)
{
  gint64 sum = 0;

  for (guint i = 0; i < p->n_issues; i++)
    sum += zopa_problem_value (p, actor, i, deal[i]);
  return sum;
}

gboolean
zopa_problem_accepts_deal (const ZopaProblem *p,
                           guint              actor,
                           const guint       *deal)
{
  for (guint i = 0; i < p->n_issues; i++)
    if ((zopa_problem_acceptable (p, actor, i) & ((ZopaOptionMask) 1 << deal[i])) == 0)
      return FALSE;
  if (p->total_weight[actor] == 0)
    return TRUE;
  return zopa_problem_score_sum (p, actor, deal) >= zopa_problem_need (p, actor);
}

guint
zopa_problem_accepting (const ZopaProblem *p,
                        const guint       *deal)
{
  guint mask = 0;

  for (guint a = 0; a < p->n_actors; a++)
    if (zopa_problem_accepts_deal (p, a, deal))
      mask |= 1u << a;
  return mask;
}

/* Options given by id (unknown ids are ignored: the file validator reports them). */
static ZopaOptionMask
option_mask_from_ids (ZopaIssue          *issue,
                      const char * const *ids)
{
  ZopaOptionMask mask = 0;

  for (guint k = 0; ids[k] != NULL; k++)
    {
      int o = zopa_issue_find_option (issue, ids[k]);
      if (o >= 0)
        mask |= (ZopaOptionMask) 1 << o;
    }
  return mask;
}

static void
apply_stance (ZopaProblem *p,
              guint        a,
              guint        i,
              ZopaIssue   *issue,
              ZopaStance  *stance)
{
  const char * const *acceptable = zopa_stance_get_acceptable (stance);
  const char * const *maybe = zopa_stance_get_maybe (stance);

  /* Maybe options are not surely acceptable (zopa-readings.c judges them both ways). */
  p->acceptable[a * p->n_issues + i] =
    acceptable != NULL ? option_mask_from_ids (issue, acceptable) : p->all_options[i];
  if (maybe != NULL)
    p->acceptable[a * p->n_issues + i] &= ~option_mask_from_ids (issue, maybe);
  for (guint o = 0; o < p->n_options[i]; o++)
    {
      ZopaOption *option = zopa_issue_get_option (issue, o);
      zopa_problem_set_utility (p, a, i, o, zopa_stance_get_utility (stance, zopa_option_get_id (option)));
    }
  zopa_problem_set_weight (p, a, i, zopa_stance_get_weight (stance));
}

/*
 * A variant change on an issue where the actor has no stance starts from the defaults of
 * a missing stance (every option acceptable, utility 50, weight 0): the change sets only
 * what it names.
 */
static void
apply_variant_change (ZopaProblem       *p,
                      ZopaScenario      *scenario,
                      guint              a,
                      ZopaVariantChange *change)
{
  const char *issue_id = zopa_variant_change_get_issue (change);
  ZopaIssue *issue;
  GListModel *issues;
  int i = -1;

  if (issue_id == NULL)
    {
      if (zopa_variant_change_has_reservation (change))
        p->reservation[a] = CLAMP (zopa_variant_change_get_reservation (change), 0, ZOPA_RESERVATION_MAX);
      return;
    }

  issues = zopa_scenario_get_issues (scenario);
  for (guint k = 0; k < p->n_issues; k++)
    {
      g_autoptr(ZopaIssue) candidate = g_list_model_get_item (issues, k);
      if (g_strcmp0 (zopa_issue_get_id (candidate), issue_id) == 0)
        {
          i = k;
          break;
        }
    }
  if (i < 0)
    return;
  issue = zopa_scenario_find_issue (scenario, issue_id);

  if (zopa_variant_change_get_acceptable (change) != NULL)
    p->acceptable[a * p->n_issues + i] =
      option_mask_from_ids (issue, zopa_variant_change_get_acceptable (change));
  if (zopa_variant_change_get_maybe (change) != NULL)
    p->acceptable[a * p->n_issues + i] &=
      ~option_mask_from_ids (issue, zopa_variant_change_get_maybe (change));
  if (zopa_variant_change_has_utility (change))
    for (guint o = 0; o < p->n_options[i]; o++)
      {
        ZopaOption *option = zopa_issue_get_option (issue, o);
        const char *option_id = zopa_option_get_id (option);
        const char * const *given = zopa_variant_change_get_utility_options (change);
        int utility = ZOPA_UTILITY_DEFAULT;

        if (given != NULL && g_strv_contains (given, option_id))
          utility = zopa_variant_change_get_utility (change, option_id);
        zopa_problem_set_utility (p, a, i, o, CLAMP (utility, 0, ZOPA_UTILITY_MAX));
      }
  if (zopa_variant_change_has_weight (change))
    zopa_problem_set_weight (p, a, i, CLAMP (zopa_variant_change_get_weight (change), 0, ZOPA_WEIGHT_MAX));
}

ZopaProblem *
zopa_problem_compile (ZopaScenario  *scenario,
                      ZopaVariant   *variant,
                      ZopaActor    **actors,
                      guint          n_actors,
                      GError       **error)
{
  GListModel *issues = zopa_scenario_get_issues (scenario);
  guint n_issues = g_list_model_get_n_items (issues);
  g_autofree guint *n_options = g_new0 (guint, MAX (n_issues, 1));
  g_autoptr(ZopaProblem) p = NULL;

  for (guint i = 0; i < n_issues; i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
      n_options[i] = zopa_issue_get_n_options (issue);
      if (n_options[i] == 0)
        {
          g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_INVALID,
                       _("Issue “%s” has no options"), zopa_issue_get_id (issue));
          return NULL;
        }
      if (n_options[i] > ZOPA_PROBLEM_MAX_OPTIONS)
        {
          g_set_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_INVALID,
                       _("Issue “%s” has %u options; the analysis handles at most %u"),
                       zopa_issue_get_id (issue), n_options[i], ZOPA_PROBLEM_MAX_OPTIONS);
          return NULL;
        }
    }

  p = zopa_problem_new (n_actors, n_issues, n_options);

  for (guint a = 0; a < n_actors; a++)
    {
      p->reservation[a] = CLAMP (zopa_actor_get_reservation (actors[a]), 0, ZOPA_RESERVATION_MAX);
      for (guint i = 0; i < n_issues; i++)
        {
          g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
          ZopaStance *stance = zopa_actor_find_stance (actors[a], zopa_issue_get_id (issue));

          for (guint o = 0; o < n_options[i]; o++)
            zopa_problem_set_utility (p, a, i, o, ZOPA_UTILITY_DEFAULT);
          if (stance != NULL)
            apply_stance (p, a, i, issue, stance);
        }
    }

  if (variant != NULL)
    {
      GListModel *changes = zopa_variant_get_changes (variant);
      guint n_changes = g_list_model_get_n_items (changes);

      for (guint c = 0; c < n_changes; c++)
        {
          g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, c);
          for (guint a = 0; a < n_actors; a++)
            if (g_strcmp0 (zopa_actor_get_id (actors[a]), zopa_variant_change_get_actor (change)) == 0)
              apply_variant_change (p, scenario, a, change);
        }
    }

  /* Out-of-range numbers from an in-memory scenario: clamp rather than overflow. */
  for (guint a = 0; a < n_actors; a++)
    for (guint i = 0; i < n_issues; i++)
      {
        guint ai = a * n_issues + i;
        if (p->weight[ai] < 0 || p->weight[ai] > ZOPA_WEIGHT_MAX)
          zopa_problem_set_weight (p, a, i, CLAMP (p->weight[ai], 0, ZOPA_WEIGHT_MAX));
        for (guint o = 0; o < n_options[i]; o++)
          {
            int u = p->utility[ai * p->stride + o];
            if (u < 0 || u > ZOPA_UTILITY_MAX)
              zopa_problem_set_utility (p, a, i, o, CLAMP (u, 0, ZOPA_UTILITY_MAX));
          }
      }

  return g_steal_pointer (&p);
}
