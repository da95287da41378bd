/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Property tests: the analysis engine against exhaustive enumeration on seeded random
 * scenarios built directly as model objects. */

#include <string.h>

#include <math.h>

#include "analysis/zopa-analysis.h"
#include "analysis/zopa-problem.h"
#include "model/zopa-scenario.h"

#define MAXA 5
#define MAXI 8
#define MAXO 5
#define MAXD 3
#define MAXC 6

typedef struct {
  gboolean agreed;
  int      n_sets;
  int      issue[2];
  int      option[2];
} SpecClause;

/* The scenario as plain numbers: what the brute force reads. */
typedef struct {
  int        n_actors, n_issues, n_options[MAXI];
  /* the stored stance (before the variant) */
  gboolean   has_stance[MAXA][MAXI];
  gboolean   acceptable_all[MAXA][MAXI];
  gboolean   acceptable[MAXA][MAXI][MAXO];
  gboolean   has_utility[MAXA][MAXI][MAXO];
  int        utility[MAXA][MAXI][MAXO];
  int        weight[MAXA][MAXI];
  int        reservation[MAXA];
  int        n_drafts;
  int        n_clauses[MAXD];
  SpecClause clauses[MAXD][MAXC];
  /* effective values, variant applied */
  gboolean   acc[MAXA][MAXI][MAXO];
  int        u[MAXA][MAXI][MAXO];
  int        w[MAXA][MAXI];
  int        r[MAXA];
} Spec;

/* The shown actors: analysis index k is spec actor shown[k]. */
typedef struct {
  int n;
  int actor[MAXA];
} Shown;

static char *
issue_id (int i)
{
  return g_strdup_printf ("issue-%d", i);
}

static char *
option_id (int i, int o)
{
  return g_strdup_printf ("opt-%d-%d", i, o);
}

static char *
actor_id (int a)
{
  return g_strdup_printf ("actor-%d", a);
}

static void
spec_effective_from_stances (Spec *s)
{
  for (int a = 0; a < s->n_actors; a++)
    {
      s->r[a] = s->reservation[a];
      for (int i = 0; i < s->n_issues; i++)
        {
          s->w[a][i] = s->has_stance[a][i] ? s->weight[a][i] : 0;
          for (int o = 0; o < s->n_options[i]; o++)
            {
              s->acc[a][i][o] = !s->has_stance[a][i] || s->acceptable_all[a][i] || s->acceptable[a][i][o];
              s->u[a][i][o] = s->has_stance[a][i] && s->has_utility[a][i][o] ? s->utility[a][i][o] : 50;
            }
        }
    }
}

static int
pick (GRand *rand, int lo, int hi)
{
  return g_rand_int_range (rand, lo, hi + 1);
}

static void
spec_random (Spec  *s,
             GRand *rand,
             int    n_actors)
{
  double product;

  memset (s, 0, sizeof *s);
  s->n_actors = n_actors;
  do
    {
      s->n_issues = pick (rand, 2, MAXI);
      product = 1;
      for (int i = 0; i < s->n_issues; i++)
        {
          s->n_options[i] = pick (rand, 2, MAXO);
          /* Issues with a single option now and then. */
          if (g_rand_int_range (rand, 0, 12) == 0)
            s->n_options[i] = 1;
          product *= s->n_options[i];
        }
    }
  while (product > 30000);

  for (int a = 0; a < n_actors; a++)
    {
      double p_accept = g_rand_double_range (rand, 0.45, 0.95);
      gboolean round_tens = g_rand_int_range (rand, 0, 3) == 0;
      gboolean no_weights = g_rand_int_range (rand, 0, 10) == 0;
      int style = g_rand_int_range (rand, 0, 10);

      /* Reservations: mostly mid-range, sometimes the extremes. */
      s->reservation[a] = style == 0 ? 0 : style == 1 ? 100 : pick (rand, 20, 85);
      for (int i = 0; i < s->n_issues; i++)
        {
          s->has_stance[a][i] = g_rand_int_range (rand, 0, 8) != 0;
          s->acceptable_all[a][i] = g_rand_int_range (rand, 0, 4) == 0;
          s->weight[a][i] = no_weights ? 0 : pick (rand, 0, 10);
          for (int o = 0; o < s->n_options[i]; o++)
            {
              s->acceptable[a][i][o] = g_rand_double (rand) < p_accept;
              s->has_utility[a][i][o] = g_rand_int_range (rand, 0, 10) != 0;
              s->utility[a][i][o] = round_tens ? 10 * pick (rand, 0, 10) : pick (rand, 0, 100);
            }
        }
    }

  s->n_drafts = pick (rand, 0, MAXD);
  for (int d = 0; d < s->n_drafts; d++)
    {
      s->n_clauses[d] = pick (rand, 0, MAXC);
      for (int c = 0; c < s->n_clauses[d]; c++)
        {
          SpecClause *clause = &s->clauses[d][c];
          clause->agreed = g_rand_int_range (rand, 0, 5) != 0;
          clause->n_sets = pick (rand, 1, 2);
          for (int k = 0; k < clause->n_sets; k++)
            {
              clause->issue[k] = pick (rand, 0, s->n_issues - 1);
              clause->option[k] = pick (rand, 0, s->n_options[clause->issue[k]] - 1);
            }
          if (clause->n_sets == 2 && clause->issue[0] == clause->issue[1])
            clause->n_sets = 1;
        }
    }
  spec_effective_from_stances (s);
}

static ZopaScenario *
spec_build (const Spec *s)
{
  ZopaScenario *scenario = zopa_scenario_new ();

  zopa_scenario_set_title (scenario, "Random");
  for (int i = 0; i < s->n_issues; i++)
    {
      g_autofree char *id = issue_id (i);
      g_autoptr(ZopaIssue) issue = zopa_issue_new (id);
      for (int o = 0; o < s->n_options[i]; o++)
        {
          g_autofree char *oid = option_id (i, o);
          g_autoptr(ZopaOption) option = zopa_option_new (oid, oid);
          zopa_issue_insert_option (issue, o, option);
        }
      zopa_scenario_insert_issue (scenario, i, issue);
    }

  for (int a = 0; a < s->n_actors; a++)
    {
      g_autofree char *id = actor_id (a);
      g_autoptr(ZopaActor) actor = zopa_actor_new (id);
      guint position = 0;

      zopa_actor_set_name (actor, id);
      zopa_actor_set_reservation (actor, s->reservation[a]);
      for (int i = 0; i < s->n_issues; i++)
        {
          g_autofree char *iid = issue_id (i);
          g_autoptr(ZopaStance) stance = NULL;
          g_autoptr(GPtrArray) acceptable = g_ptr_array_new_with_free_func (g_free);

          if (!s->has_stance[a][i])
            continue;
          stance = zopa_stance_new (iid);
          zopa_stance_set_weight (stance, s->weight[a][i]);
          for (int o = 0; o < s->n_options[i]; o++)
            {
              g_autofree char *oid = option_id (i, o);
              if (s->acceptable[a][i][o])
                g_ptr_array_add (acceptable, g_strdup (oid));
              if (s->has_utility[a][i][o])
                zopa_stance_set_utility (stance, oid, s->utility[a][i][o]);
            }
          g_ptr_array_add (acceptable, NULL);
          if (!s->acceptable_all[a][i])
            zopa_stance_set_acceptable (stance, (const char * const *) acceptable->pdata);
          zopa_actor_insert_stance (actor, position++, stance);
        }
      zopa_scenario_insert_actor (scenario, a, actor);
    }

  for (int d = 0; d < s->n_drafts; d++)
    {
      g_autofree char *id = g_strdup_printf ("draft-%d", d);
      g_autoptr(ZopaDraft) draft = zopa_draft_new (id);

      for (int c = 0; c < s->n_clauses[d]; c++)
        {
          const SpecClause *sc = &s->clauses[d][c];
          g_autofree char *cid = g_strdup_printf ("draft-%d/%d", d, c);
          g_autoptr(ZopaClause) clause = zopa_clause_new (cid);

          zopa_clause_set_status (clause, sc->agreed ? ZOPA_CLAUSE_AGREED : ZOPA_CLAUSE_BRACKETED);
          for (int k = 0; k < sc->n_sets; k++)
            {
              g_autofree char *iid = issue_id (sc->issue[k]);
              g_autofree char *oid = option_id (sc->issue[k], sc->option[k]);
              zopa_clause_set_option (clause, iid, oid);
            }
          zopa_draft_insert_clause (draft, c, clause);
        }
      zopa_scenario_insert_draft (scenario, d, draft);
    }
  return scenario;
}

/* Adds a random variant to the scenario and applies it to the effective values. */
static void
spec_add_variant (Spec         *s,
                  ZopaScenario *scenario,
                  GRand        *rand)
{
  g_autoptr(ZopaVariant) variant = zopa_variant_new ("what-if");
  int n_changes = pick (rand, 1, 3);

  zopa_variant_set_title (variant, "What if");
  for (int k = 0; k < n_changes; k++)
    {
      int a = pick (rand, 0, s->n_actors - 1);
      g_autofree char *aid = actor_id (a);
      g_autoptr(ZopaVariantChange) change = NULL;

      if (g_rand_boolean (rand))
        {
          change = zopa_variant_change_new (aid, NULL);
          s->r[a] = pick (rand, 0, 100);
          zopa_variant_change_set_reservation (change, s->r[a]);
        }
      else
        {
          int i = pick (rand, 0, s->n_issues - 1);
          g_autofree char *iid = issue_id (i);
          int what = pick (rand, 0, 2);

          change = zopa_variant_change_new (aid, iid);
          if (what == 0)
            {
              g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
              for (int o = 0; o < s->n_options[i]; o++)
                {
                  s->acc[a][i][o] = g_rand_int_range (rand, 0, 3) != 0;
                  if (s->acc[a][i][o])
                    g_ptr_array_add (ids, option_id (i, o));
                }
              g_ptr_array_add (ids, NULL);
              zopa_variant_change_set_acceptable (change, (const char * const *) ids->pdata);
            }
          else if (what == 1)
            {
              for (int o = 0; o < s->n_options[i]; o++)
                {
                  s->u[a][i][o] = 50;
                  if (g_rand_boolean (rand))
                    {
                      g_autofree char *oid = option_id (i, o);
                      s->u[a][i][o] = pick (rand, 0, 100);
                      zopa_variant_change_set_utility (change, oid, s->u[a][i][o]);
                    }
                }
              if (!zopa_variant_change_has_utility (change))
                {
                  /* An empty map still replaces the whole map: every option 50. */
                  g_autofree char *oid = option_id (i, 0);
                  s->u[a][i][0] = 0;
                  zopa_variant_change_set_utility (change, oid, 0);
                }
            }
          else
            {
              s->w[a][i] = pick (rand, 0, 10);
              zopa_variant_change_set_weight (change, s->w[a][i]);
            }
        }
      zopa_variant_insert_change (variant, k, change);
    }
  zopa_scenario_insert_variant (scenario, 0, variant);
}

/* ---- brute force ---- */

static gint64
spec_sum (const Spec *s, int a, const int *deal)
{
  gint64 sum = 0;
  for (int i = 0; i < s->n_issues; i++)
    sum += (gint64) s->w[a][i] * s->u[a][i][deal[i]];
  return sum;
}

static gint64
spec_total_weight (const Spec *s, int a)
{
  gint64 sum = 0;
  for (int i = 0; i < s->n_issues; i++)
    sum += s->w[a][i];
  return sum;
}

static gboolean
spec_accepts (const Spec *s, int a, const int *deal)
{
  gint64 w = spec_total_weight (s, a);

  for (int i = 0; i < s->n_issues; i++)
    if (!s->acc[a][i][deal[i]])
      return FALSE;
  return w == 0 || spec_sum (s, a, deal) >= (gint64) s->r[a] * w;
}

static gboolean
next_deal (const Spec *s, int *deal)
{
  for (int i = 0; i < s->n_issues; i++)
    {
      if (++deal[i] < s->n_options[i])
        return TRUE;
      deal[i] = 0;
    }
  return FALSE;
}

static guint
shown_accepting (const Spec *s, const Shown *shown, const int *deal)
{
  guint mask = 0;
  for (int k = 0; k < shown->n; k++)
    if (spec_accepts (s, shown->actor[k], deal))
      mask |= 1u << k;
  return mask;
}

static gboolean
group_has_deal (const Spec *s, const Shown *shown, guint mask)
{
  int deal[MAXI] = { 0 };
  do
    if ((shown_accepting (s, shown, deal) & mask) == mask)
      return TRUE;
  while (next_deal (s, deal));
  return FALSE;
}

/* a/b < c/d, b, d > 0 */
static gboolean
rat_less (gint64 a, gint64 b, gint64 c, gint64 d)
{
  return a * d < c * b;
}

/* The smallest surplus of the members with weight; FALSE when none has. */
static gboolean
min_surplus (const Spec *s, const Shown *shown, guint mask, const int *deal, gint64 *num, gint64 *den)
{
  gboolean any = FALSE;
  for (int k = 0; k < shown->n; k++)
    {
      int a = shown->actor[k];
      gint64 w = spec_total_weight (s, a), x;
      if (!((mask >> k) & 1) || w == 0)
        continue;
      x = spec_sum (s, a, deal) - (gint64) s->r[a] * w;
      if (!any || rat_less (x, w, *num, *den))
        {
          *num = x;
          *den = w;
        }
      any = TRUE;
    }
  return any;
}

/* The draft as the spec says: fixed option per issue or -1, and conflicts. */
static void
spec_draft (const Spec *s, int d, int *fixed, gboolean *conflict)
{
  for (int i = 0; i < s->n_issues; i++)
    {
      fixed[i] = -1;
      conflict[i] = FALSE;
    }
  for (int c = 0; c < s->n_clauses[d]; c++)
    {
      const SpecClause *sc = &s->clauses[d][c];
      if (!sc->agreed)
        continue;
      for (int k = 0; k < sc->n_sets; k++)
        {
          int i = sc->issue[k];
          if (fixed[i] == -1 && !conflict[i])
            fixed[i] = sc->option[k];
          else if (fixed[i] != sc->option[k])
            conflict[i] = TRUE;
        }
    }
  for (int i = 0; i < s->n_issues; i++)
    if (conflict[i])
      fixed[i] = -1;
}

/* Over all completions of a draft: how many an actor accepts, and the score range. */
static void
completions (const Spec *s, int a, const int *fixed, guint64 *total, guint64 *accepted,
             gint64 *best, gint64 *worst)
{
  int deal[MAXI];
  int open[MAXI], n_open = 0;

  for (int i = 0; i < s->n_issues; i++)
    {
      deal[i] = fixed[i] >= 0 ? fixed[i] : 0;
      if (fixed[i] < 0)
        open[n_open++] = i;
    }
  *total = *accepted = 0;
  *best = G_MININT64;
  *worst = G_MAXINT64;
  for (;;)
    {
      gint64 sum = spec_sum (s, a, deal);
      int k;

      (*total)++;
      *accepted += spec_accepts (s, a, deal);
      *best = MAX (*best, sum);
      *worst = MIN (*worst, sum);
      for (k = 0; k < n_open; k++)
        {
          if (++deal[open[k]] < s->n_options[open[k]])
            break;
          deal[open[k]] = 0;
        }
      if (k == n_open)
        break;
    }
}

static gboolean
group_accepts_draft (const Spec *s, const Shown *shown, guint mask, const int *fixed)
{
  for (int k = 0; k < shown->n; k++)
    if ((mask >> k) & 1)
      {
        guint64 total, accepted;
        gint64 best, worst;
        completions (s, shown->actor[k], fixed, &total, &accepted, &best, &worst);
        if (accepted != total)
          return FALSE;
      }
  return TRUE;
}

/* ---- checks ---- */

static void
check_regions (ZopaAnalysis *analysis, const Spec *s, const Shown *shown)
{
  guint all = (1u << shown->n) - 1;
  guint64 excl[64] = { 0 }, incl[64] = { 0 };
  int deal[MAXI] = { 0 };

  do
    {
      guint acc = shown_accepting (s, shown, deal);
      excl[acc]++;
    }
  while (next_deal (s, deal));
  for (guint m = 1; m <= all; m++)
    for (guint t = 0; t <= all; t++)
      if ((t & m) == m)
        incl[m] += excl[t];

  for (guint m = 1; m <= all; m++)
    {
      const ZopaRegion *r = zopa_analysis_get_region (analysis, m);
      g_assert_true (r->exact);
      g_assert_cmpfloat (r->inclusive, ==, (double) incl[m]);
      g_assert_cmpfloat (r->exclusive, ==, (double) excl[m]);
      g_assert_cmpint (r->inclusive_empty, ==, incl[m] == 0);
      g_assert_cmpint (r->exclusive_empty, ==, excl[m] == 0);
      g_assert_cmpint (zopa_analysis_zopa_is_empty (analysis, m), ==, incl[m] == 0);
    }
}

/* With no budget for exact counts: estimates within their bounds, emptiness still exact. */
static void
check_estimated_regions (ZopaAnalysis *analysis, const Spec *s, const Shown *shown, guint *n_inexact)
{
  guint all = (1u << shown->n) - 1;
  guint64 excl[64] = { 0 }, incl[64] = { 0 };
  int deal[MAXI] = { 0 };

  do
    excl[shown_accepting (s, shown, deal)]++;
  while (next_deal (s, deal));
  for (guint m = 1; m <= all; m++)
    for (guint t = 0; t <= all; t++)
      if ((t & m) == m)
        incl[m] += excl[t];

  for (guint m = 1; m <= all; m++)
    {
      const ZopaRegion *r = zopa_analysis_get_region (analysis, m);

      g_assert_cmpint (r->inclusive_empty, ==, incl[m] == 0);
      g_assert_cmpint (r->exclusive_empty, ==, excl[m] == 0);
      g_assert_cmpint (r->inclusive == 0, ==, incl[m] == 0);
      g_assert_cmpint (r->exclusive == 0, ==, excl[m] == 0);
      if (r->exact)
        {
          g_assert_cmpfloat (r->inclusive, ==, (double) incl[m]);
          g_assert_cmpfloat (r->exclusive, ==, (double) excl[m]);
          continue;
        }
      (*n_inexact)++;
      /* 95 % bounds; four times the bound is never exceeded in practice. */
      g_assert_cmpfloat (fabs (r->inclusive - (double) incl[m]), <=, 4 * r->inclusive_error + 1);
      g_assert_cmpfloat (fabs (r->exclusive - (double) excl[m]), <=, 4 * r->exclusive_error + 1);
    }
}

static void
check_zopa (ZopaAnalysis *analysis, const Spec *s, const Shown *shown, guint mask)
{
  const guint *witness = zopa_analysis_get_zopa_witness (analysis, mask);
  int deal[MAXI] = { 0 }, w[MAXI];
  gboolean any = FALSE, scored = FALSE;
  gint64 best_num = 0, best_den = 1;
  double surplus;

  do
    if ((shown_accepting (s, shown, deal) & mask) == mask)
      {
        gint64 num, den;
        if (min_surplus (s, shown, mask, deal, &num, &den))
          {
            if (!scored || rat_less (best_num, best_den, num, den))
              {
                best_num = num;
                best_den = den;
              }
            scored = TRUE;
          }
        any = TRUE;
      }
  while (next_deal (s, deal));

  g_assert_cmpint (witness != NULL, ==, any);
  if (!any)
    return;
  for (int i = 0; i < s->n_issues; i++)
    {
      g_assert_cmpuint (witness[i], <, (guint) s->n_options[i]);
      w[i] = witness[i];
    }
  g_assert_cmpuint (shown_accepting (s, shown, w) & mask, ==, mask);
  g_assert_cmpint (zopa_analysis_get_zopa_min_surplus (analysis, mask, &surplus), ==, scored);
  if (scored)
    {
      gint64 num, den;
      g_assert_true (min_surplus (s, shown, mask, w, &num, &den));
      /* The witness is optimal: its smallest surplus equals the best over all deals. */
      g_assert_cmpint (num * best_den, ==, best_num * den);
      g_assert_cmpfloat_with_epsilon (surplus, (double) best_num / best_den, 1e-9);
    }
}

static void
check_drafts (ZopaAnalysis *analysis, const Spec *s, const Shown *shown)
{
  g_assert_cmpuint (zopa_analysis_get_n_drafts (analysis), ==, s->n_drafts);
  for (int d = 0; d < s->n_drafts; d++)
    {
      int fixed[MAXI];
      gboolean conflict[MAXI];
      guint n_open, n_conflicts, k = 0, accepting = 0, possible = 0;
      const guint *open = zopa_analysis_get_draft_open_issues (analysis, d, &n_open);
      const ZopaDraftConflict *conflicts = zopa_analysis_get_draft_conflicts (analysis, d, &n_conflicts);

      spec_draft (s, d, fixed, conflict);
      for (int i = 0; i < s->n_issues; i++)
        {
          g_assert_cmpint (zopa_analysis_get_draft_option (analysis, d, i), ==, fixed[i]);
          if (fixed[i] < 0)
            {
              g_assert_cmpuint (k, <, n_open);
              g_assert_cmpuint (open[k++], ==, i);
            }
        }
      g_assert_cmpuint (k, ==, n_open);
      k = 0;
      for (int i = 0; i < s->n_issues; i++)
        if (conflict[i])
          {
            g_assert_cmpuint (k, <, n_conflicts);
            g_assert_cmpuint (conflicts[k].issue, ==, i);
            g_assert_cmpuint (g_strv_length ((char **) conflicts[k].clause_ids), >=, 2);
            k++;
          }
      g_assert_cmpuint (k, ==, n_conflicts);

      for (int j = 0; j < shown->n; j++)
        {
          int a = shown->actor[j];
          const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, d, j);
          guint64 total, accepted;
          gint64 best, worst, w = spec_total_weight (s, a);
          ZopaVerdict expected;
          guint n_viol = 0;

          completions (s, a, fixed, &total, &accepted, &best, &worst);
          expected = accepted == total ? ZOPA_VERDICT_ACCEPTS
                   : accepted == 0 ? ZOPA_VERDICT_REJECTS : ZOPA_VERDICT_DEPENDS;
          g_assert_cmpstr (zopa_verdict_to_string (v->verdict), ==, zopa_verdict_to_string (expected));
          if (expected == ZOPA_VERDICT_ACCEPTS)
            accepting |= 1u << j;
          if (expected != ZOPA_VERDICT_REJECTS)
            possible |= 1u << j;
          g_assert_cmpint (v->has_score, ==, w > 0);
          g_assert_cmpint (v->reservation, ==, s->r[a]);
          if (w > 0)
            {
              g_assert_cmpfloat_with_epsilon (v->best_score, (double) best / w, 1e-9);
              g_assert_cmpfloat_with_epsilon (v->worst_score, (double) worst / w, 1e-9);
              if (n_open == 0)
                g_assert_cmpfloat_with_epsilon (v->score, (double) best / w, 1e-9);
            }
          for (int i = 0; i < s->n_issues; i++)
            if (fixed[i] >= 0 && !s->acc[a][i][fixed[i]])
              {
                g_assert_cmpuint (n_viol, <, v->n_violations);
                g_assert_cmpuint (v->violations[n_viol].issue, ==, i);
                g_assert_cmpuint (v->violations[n_viol].option, ==, fixed[i]);
                n_viol++;
              }
          g_assert_cmpuint (n_viol, ==, v->n_violations);
        }
      g_assert_cmpuint (zopa_analysis_get_draft_accepting (analysis, d), ==, accepting);
      g_assert_cmpuint (zopa_analysis_get_draft_possible (analysis, d), ==, possible);
    }
}

static void
apply_changes (Spec *s, const Shown *shown, const ZopaChangeSet *set, guint keep_mask)
{
  for (guint j = 0; j < set->n_changes; j++)
    {
      const ZopaStanceChange *c = &set->changes[j];
      int a = shown->actor[c->actor];
      if (!((keep_mask >> j) & 1))
        continue;
      if (c->kind == ZOPA_STANCE_CHANGE_ALLOW)
        {
          g_assert_false (s->acc[a][c->issue][c->option]);
          s->acc[a][c->issue][c->option] = TRUE;
        }
      else
        {
          g_assert_cmpint (c->reservation, <, s->r[a]);
          g_assert_cmpint (c->reservation, >=, 0);
          s->r[a] = c->reservation;
        }
    }
}

static void
check_what_must_change (ZopaAnalysis *analysis, const Spec *s, const Shown *shown, guint mask)
{
  guint n_sets;
  gboolean complete;
  const ZopaChangeSet *sets = zopa_analysis_get_what_must_change (analysis, mask, &n_sets, &complete);

  g_assert_true (complete);
  if (!zopa_analysis_zopa_is_empty (analysis, mask))
    {
      g_assert_cmpuint (n_sets, ==, 0);
      return;
    }
  g_assert_cmpuint (n_sets, >=, 1);
  g_assert_cmpuint (n_sets, <=, 10);

  for (guint k = 0; k < n_sets; k++)
    {
      const ZopaChangeSet *set = &sets[k];
      guint full = (1u << set->n_changes) - 1;
      Spec t = *s;

      g_assert_cmpuint (set->n_changes, >=, 1);
      g_assert_cmpuint (set->n_changes, <=, 16);
      if (k > 0)
        g_assert_cmpuint (sets[k - 1].n_changes, <=, set->n_changes);
      for (guint j = 0; j < set->n_changes; j++)
        g_assert_true ((mask >> set->changes[j].actor) & 1);

      apply_changes (&t, shown, set, full);
      g_assert_true (group_has_deal (&t, shown, mask));

      /* Every proper subset leaves the ZOPA empty; monotonicity makes the subsets
       * missing one change enough once sets grow large. */
      for (guint keep = 0; keep < full; keep++)
        {
          if (set->n_changes > 4 && __builtin_popcount (keep) != (int) set->n_changes - 1)
            continue;
          t = *s;
          apply_changes (&t, shown, set, keep);
          g_assert_false (group_has_deal (&t, shown, mask));
        }

      /* A lone reservation change: one more point would not do. */
      for (guint j = 0; j < set->n_changes; j++)
        {
          const ZopaStanceChange *c = &set->changes[j];
          guint n_res = 0;
          for (guint x = 0; x < set->n_changes; x++)
            n_res += set->changes[x].kind == ZOPA_STANCE_CHANGE_RESERVATION;
          if (c->kind == ZOPA_STANCE_CHANGE_RESERVATION && n_res == 1 &&
              c->reservation + 1 < s->r[shown->actor[c->actor]])
            {
              t = *s;
              apply_changes (&t, shown, set, full);
              t.r[shown->actor[c->actor]] = c->reservation + 1;
              g_assert_false (group_has_deal (&t, shown, mask));
            }
        }

      /* No set contains another. */
      for (guint m = 0; m < n_sets; m++)
        {
          guint inside = 0;
          if (m == k || sets[m].n_changes > set->n_changes)
            continue;
          for (guint x = 0; x < sets[m].n_changes; x++)
            for (guint y = 0; y < set->n_changes; y++)
              if (memcmp (&sets[m].changes[x], &set->changes[y], sizeof (ZopaStanceChange)) == 0 ||
                  (sets[m].changes[x].kind == ZOPA_STANCE_CHANGE_RESERVATION &&
                   set->changes[y].kind == ZOPA_STANCE_CHANGE_RESERVATION &&
                   sets[m].changes[x].actor == set->changes[y].actor))
                {
                  inside++;
                  break;
                }
          g_assert_cmpuint (inside, <, sets[m].n_changes);
        }
    }

  /* Fewest first: when the smallest set has two or more changes, no single change opens
   * the ZOPA. */
  if (sets[0].n_changes >= 2)
    for (int k = 0; k < shown->n; k++)
      {
        int a = shown->actor[k];
        if (!((mask >> k) & 1))
          continue;
        for (int i = 0; i < s->n_issues; i++)
          for (int o = 0; o < s->n_options[i]; o++)
            if (!s->acc[a][i][o])
              {
                Spec t = *s;
                t.acc[a][i][o] = TRUE;
                g_assert_false (group_has_deal (&t, shown, mask));
              }
        {
          Spec t = *s;
          t.r[a] = 0;
          g_assert_false (group_has_deal (&t, shown, mask));
        }
      }
}

static void
check_fewest_changes (ZopaAnalysis *analysis, const Spec *s, const Shown *shown, guint mask)
{
  for (int d = 0; d < s->n_drafts; d++)
    {
      g_autofree ZopaClauseChange *changes = NULL;
      guint n = 0;
      int fixed[MAXI];
      gboolean conflict[MAXI];
      gboolean ok = zopa_analysis_get_draft_fewest_changes (analysis, d, mask, &changes, &n);

      spec_draft (s, d, fixed, conflict);
      g_assert_cmpint (ok, ==, group_has_deal (s, shown, mask));
      if (!ok)
        continue;
      {
        int changed[MAXI];
        memcpy (changed, fixed, sizeof changed);
        for (guint k = 0; k < n; k++)
          {
            g_assert_cmpint ((int) changes[k].option, !=, fixed[changes[k].issue]);
            changed[changes[k].issue] = changes[k].option;
          }
        g_assert_true (group_accepts_draft (s, shown, mask, changed));
      }
      /* Fewest: no set of one change less works (checked for up to one change). */
      if (n == 1)
        g_assert_false (group_accepts_draft (s, shown, mask, fixed));
      else if (n == 2)
        for (int i = 0; i < s->n_issues; i++)
          for (int o = 0; o < s->n_options[i]; o++)
            {
              int changed[MAXI];
              if (o == fixed[i])
                continue;
              memcpy (changed, fixed, sizeof changed);
              changed[i] = o;
              g_assert_false (group_accepts_draft (s, shown, mask, changed));
            }
    }
}

static void
run_case (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Spec s;
  Shown shown = { 0 };
  gboolean with_variant;
  gboolean subset;
  guint all;

  spec_random (&s, rand, pick (rand, 2, MAXA));
  scenario = spec_build (&s);
  with_variant = g_rand_int_range (rand, 0, 4) == 0;
  if (with_variant)
    spec_add_variant (&s, scenario, rand);

  /* Sometimes a chosen subset of actors, in a shuffled order. */
  subset = g_rand_int_range (rand, 0, 3) == 0;
  if (subset)
    {
      int order[MAXA];
      for (int a = 0; a < s.n_actors; a++)
        order[a] = a;
      for (int a = s.n_actors - 1; a > 0; a--)
        {
          int b = pick (rand, 0, a), t = order[a];
          order[a] = order[b];
          order[b] = t;
        }
      shown.n = pick (rand, 1, s.n_actors);
      for (int k = 0; k < shown.n; k++)
        {
          shown.actor[k] = order[k];
          g_ptr_array_add (ids, actor_id (order[k]));
        }
      g_ptr_array_add (ids, NULL);
    }
  else
    {
      shown.n = s.n_actors;
      for (int k = 0; k < shown.n; k++)
        shown.actor[k] = k;
    }

  analysis = zopa_analysis_new (scenario, with_variant ? "what-if" : NULL,
                                subset ? (const char * const *) ids->pdata : NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  g_assert_cmpuint (zopa_analysis_get_n_actors (analysis), ==, shown.n);
  all = zopa_analysis_get_all_mask (analysis);

  {
    double space = 1;
    for (int i = 0; i < s.n_issues; i++)
      space *= s.n_options[i];
    g_assert_cmpfloat (zopa_analysis_get_deal_space (analysis), ==, space);
  }

  check_regions (analysis, &s, &shown);
  for (guint m = 1; m <= all; m++)
    check_zopa (analysis, &s, &shown, m);
  check_drafts (analysis, &s, &shown);
  check_what_must_change (analysis, &s, &shown, all);
  if (shown.n >= 2)
    check_what_must_change (analysis, &s, &shown, 1u | (1u << pick (rand, 1, shown.n - 1)));
  check_fewest_changes (analysis, &s, &shown, all);
  check_fewest_changes (analysis, &s, &shown, 1u << pick (rand, 0, shown.n - 1));

  g_assert_finalize_object (g_steal_pointer (&analysis));
}

static void
test_random_estimates (void)
{
  guint n_inexact = 0;

  zopa_analysis_set_count_budget (1);
  for (guint k = 0; k < 150; k++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (50000 + k);
      g_autoptr(ZopaScenario) scenario = NULL;
      g_autoptr(ZopaAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;
      Spec s;
      Shown shown = { 0 };

      spec_random (&s, rand, pick (rand, 2, MAXA));
      scenario = spec_build (&s);
      shown.n = s.n_actors;
      for (int a = 0; a < s.n_actors; a++)
        shown.actor[a] = a;
      analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
      g_assert_no_error (error);
      check_estimated_regions (analysis, &s, &shown, &n_inexact);
      for (guint m = 1; m <= zopa_analysis_get_all_mask (analysis); m++)
        check_zopa (analysis, &s, &shown, m);
    }
  zopa_analysis_set_count_budget (0);
  /* The budget really forced estimates. */
  g_assert_cmpuint (n_inexact, >, 300);
}

static void
test_random_scenarios (void)
{
  guint n = g_test_slow () ? 2000 : 400;

  for (guint k = 0; k < n; k++)
    {
      g_test_message ("case %u", k);
      run_case (1000 + k);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/random/against-enumeration", test_random_scenarios);
  g_test_add_func ("/analysis/random/estimates", test_random_estimates);
  return g_test_run ();
}
