/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pareto.c: the utility space of two actors (zopa-pareto.c) against brute-force
 * enumeration of every deal of the built-in scenario: the frontiers hold exactly the
 * non-dominated score pairs, the corner and its gap, the density, the witnesses. */

#include <math.h>
#include <string.h>

#include "analysis/zopa-pareto.h"
#include "model/zopa-scenario-file.h"

/* Every deal's pair of score sums, and whether it crosses neither red line. */
typedef struct {
  GArray *all;         /* ZopaParetoPoint */
  GArray *agreeable;   /* ZopaParetoPoint */
  double  best_shortfall;
  double  best_agreeable_shortfall;
  gboolean corner;     /* some deal both accept */
  double *density;
} Enumeration;

static int
compare_points (const void *pa,
                const void *pb)
{
  const ZopaParetoPoint *a = pa, *b = pb;

  if (a->sum[0] != b->sum[0])
    return a->sum[0] < b->sum[0] ? 1 : -1;
  if (a->sum[1] != b->sum[1])
    return a->sum[1] < b->sum[1] ? 1 : -1;
  return 0;
}

/* The non-dominated pairs, by ascending first sum: the straightforward way, by sorting. */
static GArray *
non_dominated (GArray *points)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (ZopaParetoPoint));
  gint64 best = G_MININT64;

  g_array_sort (points, compare_points);
  for (guint i = 0; i < points->len; i++)
    {
      ZopaParetoPoint *p = &g_array_index (points, ZopaParetoPoint, i);

      if (p->sum[1] > best)
        {
          best = p->sum[1];
          g_array_prepend_val (out, *p);
        }
    }
  return out;
}

static guint
hash_key (gconstpointer key)
{
  guint64 v = GPOINTER_TO_SIZE (key);

  return (guint) (v ^ (v >> 32) * 40503u);
}

static void
enumerate (ZopaAnalysis *analysis,
           guint         a,
           guint         b,
           Enumeration  *e)
{
  guint n_issues = zopa_analysis_get_n_issues (analysis);
  g_autofree guint *deal = g_new0 (guint, n_issues);
  guint actors[2] = { a, b };
  gint64 weight[2] = { 0, 0 };
  int reservation[2];
  guint bins = ZOPA_PARETO_DENSITY_BINS;
  /* Per issue and option: each actor's weighted utility, and whether both accept it. */
  g_autofree gint64 *value = g_new0 (gint64, 2 * n_issues * 64);
  g_autofree gboolean *agreeable = g_new0 (gboolean, n_issues * 64);
  g_autoptr(GHashTable) seen = g_hash_table_new (hash_key, g_direct_equal);
  g_autoptr(GHashTable) seen_ok = g_hash_table_new (hash_key, g_direct_equal);

  e->all = g_array_new (FALSE, FALSE, sizeof (ZopaParetoPoint));
  e->agreeable = g_array_new (FALSE, FALSE, sizeof (ZopaParetoPoint));
  e->best_shortfall = INFINITY;
  e->best_agreeable_shortfall = INFINITY;
  e->corner = FALSE;
  e->density = g_new0 (double, bins * bins);
  for (guint k = 0; k < 2; k++)
    {
      reservation[k] = zopa_analysis_get_reservation (analysis, actors[k]);
      for (guint i = 0; i < n_issues; i++)
        {
          int w = zopa_analysis_get_weight (analysis, actors[k], i);

          weight[k] += w;
          g_assert_cmpuint (zopa_analysis_get_n_options (analysis, i), <=, 64);
          for (guint o = 0; o < zopa_analysis_get_n_options (analysis, i); o++)
            value[(k * n_issues + i) * 64 + o] = (gint64) w * zopa_analysis_get_utility (analysis, actors[k], i, o);
        }
    }
  for (guint i = 0; i < n_issues; i++)
    for (guint o = 0; o < zopa_analysis_get_n_options (analysis, i); o++)
      agreeable[i * 64 + o] = zopa_analysis_actor_accepts_option (analysis, a, i, o) &&
                              zopa_analysis_actor_accepts_option (analysis, b, i, o);

  while (TRUE)
    {
      ZopaParetoPoint p = { { 0, 0 } };
      gboolean ok = TRUE;
      gpointer key;
      double s0, s1;
      guint i;

      for (i = 0; i < n_issues; i++)
        {
          p.sum[0] += value[i * 64 + deal[i]];
          p.sum[1] += value[(n_issues + i) * 64 + deal[i]];
          ok = ok && agreeable[i * 64 + deal[i]];
        }
      key = GSIZE_TO_POINTER (((gsize) p.sum[0] << 32) | (gsize) p.sum[1]);
      if (g_hash_table_add (seen, key))
        g_array_append_val (e->all, p);
      s0 = reservation[0] - (double) p.sum[0] / weight[0];
      s1 = reservation[1] - (double) p.sum[1] / weight[1];
      e->best_shortfall = MIN (e->best_shortfall, MAX (s0, s1));
      if (ok)
        {
          gboolean both = p.sum[0] >= reservation[0] * weight[0] && p.sum[1] >= reservation[1] * weight[1];

          e->best_agreeable_shortfall = MIN (e->best_agreeable_shortfall, MAX (s0, s1));
          if (both && !e->corner)
            {
              /* The first deal in the corner: the analysis's own acceptance agrees. */
              g_assert_true (zopa_analysis_actor_accepts_deal (analysis, a, deal));
              g_assert_true (zopa_analysis_actor_accepts_deal (analysis, b, deal));
            }
          e->corner |= both;
          if (g_hash_table_add (seen_ok, key))
            g_array_append_val (e->agreeable, p);
        }
      {
        guint col = (guint) MIN ((double) bins - 1, (double) p.sum[0] * bins / (100.0 * weight[0]));
        guint row = (guint) MIN ((double) bins - 1, (double) p.sum[1] * bins / (100.0 * weight[1]));

        e->density[row * bins + col] += 1;
      }

      for (i = 0; i < n_issues; i++)
        {
          if (++deal[i] < zopa_analysis_get_n_options (analysis, i))
            break;
          deal[i] = 0;
        }
      if (i == n_issues)
        break;
    }
}

static void
enumeration_clear (Enumeration *e)
{
  g_array_unref (e->all);
  g_array_unref (e->agreeable);
  g_free (e->density);
}

static void
assert_same_frontier (const ZopaParetoPoint *frontier,
                      guint                  n,
                      GArray                *expected)
{
  g_assert_cmpuint (n, ==, expected->len);
  for (guint j = 0; j < n; j++)
    {
      const ZopaParetoPoint *want = &g_array_index (expected, ZopaParetoPoint, j);

      g_assert_cmpint (frontier[j].sum[0], ==, want->sum[0]);
      g_assert_cmpint (frontier[j].sum[1], ==, want->sum[1]);
    }
}

static void
assert_witnesses (ZopaAnalysis *analysis,
                  ZopaPareto   *pareto,
                  gboolean      agreeable)
{
  guint n_issues = zopa_analysis_get_n_issues (analysis);
  g_autofree guint *deal = g_new0 (guint, n_issues);
  guint n = agreeable ? pareto->n_agreeable : pareto->n_frontier;
  const ZopaParetoPoint *points = agreeable ? pareto->agreeable : pareto->frontier;

  for (guint j = 0; j < n; j++)
    {
      zopa_pareto_witness (pareto, agreeable, j, deal);
      for (guint k = 0; k < 2; k++)
        {
          gint64 sum = 0;

          for (guint i = 0; i < n_issues; i++)
            {
              sum += (gint64) zopa_analysis_get_weight (analysis, pareto->actor[k], i) *
                     zopa_analysis_get_utility (analysis, pareto->actor[k], i, deal[i]);
              if (agreeable)
                g_assert_true (zopa_analysis_actor_accepts_option (analysis, pareto->actor[k], i, deal[i]));
            }
          g_assert_cmpint (sum, ==, points[j].sum[k]);
        }
    }
}

/* The whole check of one pair against enumeration; returns whether the corner is empty. */
static gboolean
check_pair (ZopaAnalysis *analysis,
            guint         a,
            guint         b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaPareto) pareto = zopa_pareto_new (analysis, a, b, 0, NULL, &error);
  g_autoptr(GArray) frontier = NULL;
  g_autoptr(GArray) agreeable = NULL;
  Enumeration e;
  double total = 0;

  g_assert_no_error (error);
  g_assert_cmpint (pareto->status, ==, ZOPA_ANSWER_EXACT);
  enumerate (analysis, a, b, &e);
  frontier = non_dominated (e.all);
  agreeable = non_dominated (e.agreeable);

  assert_same_frontier (pareto->frontier, pareto->n_frontier, frontier);
  assert_same_frontier (pareto->agreeable, pareto->n_agreeable, agreeable);
  assert_witnesses (analysis, pareto, FALSE);
  assert_witnesses (analysis, pareto, TRUE);

  g_assert_cmpint (pareto->any_agreeable, ==, e.agreeable->len > 0);
  g_assert_cmpint (pareto->corner_empty, ==, !e.corner);
  g_assert_cmpfloat_with_epsilon (pareto->gap, e.best_shortfall, 1e-9);
  if (pareto->any_agreeable)
    g_assert_cmpfloat_with_epsilon (pareto->agreeable_gap, e.best_agreeable_shortfall, 1e-9);

  g_assert_true (pareto->has_density);
  for (guint c = 0; c < pareto->density_bins * pareto->density_bins; c++)
    {
      g_assert_cmpfloat (pareto->density[c], ==, e.density[c]);
      total += pareto->density[c];
    }
  g_assert_cmpfloat (total, ==, zopa_analysis_get_deal_space (analysis));

  /* The corner agrees with the analysis's own ZOPA of the pair. */
  g_assert_cmpint (pareto->corner_empty, ==,
                   zopa_analysis_zopa_is_empty (analysis, (1u << a) | (1u << b)));
  enumeration_clear (&e);
  return pareto->corner_empty;
}

static guint
actor_index (ZopaAnalysis *analysis,
             const char   *id)
{
  for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
    if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, k), id) == 0)
      return k;
  g_assert_not_reached ();
}

static void
test_builtin_pairs (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);

  g_assert_no_error (error);
  /* Every deal of the scenario is enumerated (14 issues since the oversight, elections,
   * nuclear plant and language issues joined: 2,985,984 deals). */
  g_assert_cmpfloat (zopa_analysis_get_deal_space (analysis), ==, 2985984);
  /* The essay's claim: Kyiv's and Moscow's sets never meet; Washington and Kyiv share a corner. */
  g_assert_true (check_pair (analysis, actor_index (analysis, "kyiv"), actor_index (analysis, "moscow")));
  g_assert_false (check_pair (analysis, actor_index (analysis, "washington"), actor_index (analysis, "kyiv")));
}

/* Every ordered pair of every variant, against enumeration. */
static void
test_builtin_every_pair_and_variant (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  GListModel *variants = zopa_scenario_get_variants (scenario);

  for (guint v = 0; v <= g_list_model_get_n_items (variants); v++)
    {
      g_autoptr(ZopaVariant) variant = v > 0 ? g_list_model_get_item (variants, v - 1) : NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ZopaAnalysis) analysis =
        zopa_analysis_new (scenario, variant ? zopa_variant_get_id (variant) : NULL, NULL, &error);
      guint n;

      g_assert_no_error (error);
      n = zopa_analysis_get_n_actors (analysis);
      /* One order of each pair: swapping the axes swaps the sums. */
      for (guint a = 0; a < n; a++)
        for (guint b = a + 1; b < n; b++)
          check_pair (analysis, a, b);
    }
}

static void
test_kyiv_moscow_gap (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_autoptr(ZopaPareto) pareto = NULL;
  guint k = actor_index (analysis, "kyiv"), m = actor_index (analysis, "moscow");

  pareto = zopa_pareto_new (analysis, k, m, 10, NULL, &error);
  g_assert_no_error (error);
  /* Their red lines never meet: on territory their acceptable options share none. */
  g_assert_true (pareto->corner_empty);
  g_assert_false (pareto->any_agreeable);
  g_assert_cmpuint (pareto->n_agreeable, ==, 0);
  g_assert_cmpuint (pareto->n_split_issues, >=, 1);
  g_assert_cmpstr (zopa_analysis_get_issue_id (analysis, pareto->split_issues[0]), ==, "territory");
  /* The gap point lies on the frontier and falls short by exactly the gap. */
  g_assert_cmpfloat_with_epsilon (MAX (pareto->reservation[0] - zopa_pareto_score (pareto, 0, &pareto->gap_point),
                                       pareto->reservation[1] - zopa_pareto_score (pareto, 1, &pareto->gap_point)),
                                  pareto->gap, 1e-9);
  g_assert_cmpfloat (pareto->gap_low, <=, pareto->gap);
}

static void
test_refused (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  ZopaPareto *pareto;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  pareto = zopa_pareto_new (analysis, 1, 1, 0, NULL, &error);
  g_assert_null (pareto);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  pareto = zopa_pareto_new (analysis, 0, 1, 0, cancellable, &error);
  g_assert_null (pareto);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pareto/builtin-pairs", test_builtin_pairs);
  g_test_add_func ("/pareto/builtin-every-pair-and-variant", test_builtin_every_pair_and_variant);
  g_test_add_func ("/pareto/kyiv-moscow-gap", test_kyiv_moscow_gap);
  g_test_add_func ("/pareto/refused", test_refused);
  return g_test_run ();
}
