/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of ZopaAnalysis: edge cases, variants, errors, the JSON object. */

#include <string.h>

#include "analysis/zopa-analysis.h"
#include "analysis/zopa-readings.h"
#include "model/zopa-scenario-file.h"

/* A scenario with n_issues issues of the given option counts (ids i0, i1…, options
 * i0-o0…), and no actors. */
static ZopaScenario *
make_scenario (guint        n_issues,
               const guint *n_options)
{
  ZopaScenario *scenario = zopa_scenario_new ();

  zopa_scenario_set_title (scenario, "Edge");
  for (guint i = 0; i < n_issues; i++)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      g_autoptr(ZopaIssue) issue = zopa_issue_new (id);
      for (guint o = 0; o < n_options[i]; o++)
        {
          g_autofree char *oid = g_strdup_printf ("i%u-o%u", i, o);
          g_autoptr(ZopaOption) option = zopa_option_new (oid, oid);
          zopa_issue_insert_option (issue, o, option);
        }
      zopa_scenario_insert_issue (scenario, i, issue);
    }
  return scenario;
}

static ZopaActor *
add_actor (ZopaScenario *scenario,
           const char   *id,
           int           reservation)
{
  g_autoptr(ZopaActor) actor = zopa_actor_new (id);
  guint n = g_list_model_get_n_items (zopa_scenario_get_actors (scenario));

  zopa_actor_set_reservation (actor, reservation);
  zopa_scenario_insert_actor (scenario, n, actor);
  return actor;
}

/* utility: one per option; acceptable: NULL for all, else one flag per option. */
static void
add_stance (ZopaActor      *actor,
            guint           issue,
            int             weight,
            const int      *utility,
            guint           n_options,
            const gboolean *acceptable)
{
  g_autofree char *iid = g_strdup_printf ("i%u", issue);
  g_autoptr(ZopaStance) stance = zopa_stance_new (iid);
  guint n = g_list_model_get_n_items (zopa_actor_get_stances (actor));

  zopa_stance_set_weight (stance, weight);
  for (guint o = 0; o < n_options; o++)
    {
      g_autofree char *oid = g_strdup_printf ("i%u-o%u", issue, o);
      if (utility != NULL)
        zopa_stance_set_utility (stance, oid, utility[o]);
    }
  if (acceptable != NULL)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      for (guint o = 0; o < n_options; o++)
        if (acceptable[o])
          g_ptr_array_add (ids, g_strdup_printf ("i%u-o%u", issue, o));
      g_ptr_array_add (ids, NULL);
      zopa_stance_set_acceptable (stance, (const char * const *) ids->pdata);
    }
  zopa_actor_insert_stance (actor, n, stance);
}

static void
test_all_weights_zero (void)
{
  const guint n_options[] = { 3, 4 };
  g_autoptr(ZopaScenario) scenario = make_scenario (2, n_options);
  ZopaActor *actor = add_actor (scenario, "red-lines-only", 100);
  const gboolean acc0[] = { TRUE, FALSE, TRUE };
  const int low[] = { 0, 0, 0, 0 };
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  const ZopaRegion *r;
  guint deal[] = { 1, 0 };

  /* Weights 0: the reservation of 100 and the low utilities do not matter. */
  add_stance (actor, 0, 0, low, 3, acc0);
  add_stance (actor, 1, 0, low, 4, NULL);
  analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_assert_no_error (error);

  r = zopa_analysis_get_region (analysis, 1);
  g_assert_true (r->exact);
  g_assert_cmpfloat (r->inclusive, ==, 8);
  g_assert_cmpfloat (r->exclusive, ==, 8);
  g_assert_false (zopa_analysis_score_deal (analysis, 0, deal, NULL));
  g_assert_false (zopa_analysis_actor_accepts_deal (analysis, 0, deal));
  deal[0] = 2;
  g_assert_true (zopa_analysis_actor_accepts_deal (analysis, 0, deal));
  g_assert_nonnull (zopa_analysis_get_zopa_witness (analysis, 1));
  g_assert_false (zopa_analysis_get_zopa_min_surplus (analysis, 1, NULL));
}

static void
test_one_actor_reservations (void)
{
  const guint n_options[] = { 2, 3, 1 };
  const int u0[] = { 0, 100 }, u1[] = { 100, 40, 0 }, u2[] = { 70 };
  g_autoptr(ZopaScenario) scenario = make_scenario (3, n_options);
  ZopaActor *actor = add_actor (scenario, "solo", 100);
  guint n_sets;
  const ZopaChangeSet *sets;

  add_stance (actor, 0, 2, u0, 2, NULL);
  add_stance (actor, 1, 1, u1, 3, NULL);
  add_stance (actor, 2, 5, u2, 1, NULL);   /* an issue with a single option */

  /* Reservation 100: only the best option everywhere, and the single option is 70. */
  {
    g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
    const ZopaRegion *r = zopa_analysis_get_region (analysis, 1);
    g_assert_cmpfloat (zopa_analysis_get_deal_space (analysis), ==, 6);
    g_assert_true (r->inclusive_empty);
    g_assert_cmpfloat (r->inclusive, ==, 0);
    sets = zopa_analysis_get_what_must_change (analysis, 1, &n_sets, NULL);
    g_assert_cmpuint (n_sets, ==, 1);
    g_assert_cmpuint (sets[0].n_changes, ==, 1);
    g_assert_cmpint (sets[0].changes[0].kind, ==, ZOPA_STANCE_CHANGE_RESERVATION);
    /* Best deal: (200 + 100 + 350) / 8 = 81.25 → 81. */
    g_assert_cmpint (sets[0].changes[0].reservation, ==, 81);
  }

  /* Reservation 0: every deal. */
  zopa_actor_set_reservation (actor, 0);
  {
    g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
    const ZopaRegion *r = zopa_analysis_get_region (analysis, 1);
    double surplus;
    const guint *witness;

    g_assert_cmpfloat (r->inclusive, ==, 6);
    witness = zopa_analysis_get_zopa_witness (analysis, 1);
    g_assert_cmpuint (witness[0], ==, 1);
    g_assert_cmpuint (witness[1], ==, 0);
    g_assert_cmpuint (witness[2], ==, 0);
    g_assert_true (zopa_analysis_get_zopa_min_surplus (analysis, 1, &surplus));
    g_assert_cmpfloat_with_epsilon (surplus, 81.25, 1e-9);
    zopa_analysis_get_what_must_change (analysis, 1, &n_sets, NULL);
    g_assert_cmpuint (n_sets, ==, 0);
  }

  /* Reservation 60: sums ≥ 480 of 200|0 + 100|40|0 + 350. */
  zopa_actor_set_reservation (actor, 60);
  {
    g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
    g_assert_cmpfloat (zopa_analysis_get_region (analysis, 1)->inclusive, ==, 3);
  }
}

static void
test_errors (void)
{
  const guint n_options[] = { 2 };
  g_autoptr(ZopaScenario) scenario = make_scenario (1, n_options);
  g_autoptr(GError) error = NULL;
  const char *unknown[] = { "a0", "nobody", NULL };
  const char *twice[] = { "a0", "a0", NULL };
  const char *seven[] = { "a0", "a1", "a2", "a3", "a4", "a5", "a6", NULL };
  const char *none[] = { NULL };
  ZopaAnalysis *analysis;

  analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_assert_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_NO_ACTORS);
  g_assert_null (analysis);
  g_clear_error (&error);

  for (guint a = 0; a < 7; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a);
      add_actor (scenario, id, 50);
    }

  /* More actors than a diagram shows: the analysis takes them, listing 2n + 1 regions. */
  analysis = zopa_analysis_new (scenario, NULL, seven, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zopa_analysis_get_n_actors (analysis), ==, 7);
  {
    guint listed = 0;

    for (guint m = 1; m <= zopa_analysis_get_all_mask (analysis); m++)
      {
        listed += zopa_analysis_lists_region (analysis, m);
        g_assert_true ((zopa_analysis_get_region (analysis, m) != NULL) == zopa_analysis_lists_region (analysis, m));
        g_assert_true ((zopa_analysis_get_region_readings (analysis, m) != NULL) ==
                       zopa_analysis_lists_region (analysis, m));
      }
    g_assert_cmpuint (listed, ==, 2 * 7 + 1);
    g_assert_false (zopa_analysis_zopa_is_empty (analysis, 0x3));
  }
  g_assert_finalize_object (analysis);

  for (guint a = 7; a <= ZOPA_ANALYSIS_MAX_ACTORS; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a);
      add_actor (scenario, id, 50);
    }
  analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_assert_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_TOO_MANY_ACTORS);
  g_assert_null (analysis);
  g_clear_error (&error);
  analysis = zopa_analysis_new (scenario, NULL, unknown, &error);
  g_assert_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_UNKNOWN_ACTOR);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);
  analysis = zopa_analysis_new (scenario, NULL, twice, &error);
  g_assert_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_DUPLICATE_ACTOR);
  g_clear_error (&error);
  analysis = zopa_analysis_new (scenario, NULL, none, &error);
  g_assert_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_NO_ACTORS);
  g_clear_error (&error);
  analysis = zopa_analysis_new (scenario, "no-such-variant", unknown, &error);
  g_assert_error (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_UNKNOWN_VARIANT);
  g_clear_error (&error);

  /* Six of seven is fine. */
  seven[6] = NULL;
  analysis = zopa_analysis_new (scenario, NULL, seven, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zopa_analysis_get_n_actors (analysis), ==, 6);
  g_assert_cmpuint (zopa_analysis_get_all_mask (analysis), ==, 63);
  g_assert_finalize_object (analysis);
}

static void
on_changed (gpointer  instance,
            gboolean *changed)
{
  *changed = TRUE;
}

static char *
small_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "analysis", "data", "small.zopa.json", NULL);
}

static ZopaScenario *
load_small (void)
{
  g_autofree char *path = small_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZopaScenario *scenario = zopa_scenario_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return scenario;
}

static void
test_variant_on_the_fly (void)
{
  g_autoptr(ZopaScenario) scenario = load_small ();
  g_autoptr(ZopaAnalysis) base = NULL;
  g_autoptr(ZopaAnalysis) soft = NULL;
  gboolean changed = FALSE;
  const guint *witness;

  g_signal_connect (scenario, "changed", G_CALLBACK (on_changed), &changed);
  base = zopa_analysis_new (scenario, NULL, NULL, NULL);
  soft = zopa_analysis_new (scenario, "soft", NULL, NULL);
  g_assert_false (changed);
  g_assert_cmpint (zopa_actor_get_reservation (zopa_scenario_find_actor (scenario, "one")), ==, 50);

  g_assert_null (zopa_analysis_get_variant_id (base));
  g_assert_cmpstr (zopa_analysis_get_variant_id (soft), ==, "soft");
  g_assert_cmpint (zopa_analysis_get_reservation (base, 0), ==, 50);
  g_assert_cmpint (zopa_analysis_get_reservation (soft, 0), ==, 25);

  g_assert_true (zopa_analysis_zopa_is_empty (base, 3));
  g_assert_false (zopa_analysis_zopa_is_empty (soft, 3));
  g_assert_cmpfloat (zopa_analysis_get_region (soft, 3)->inclusive, ==, 1);
  witness = zopa_analysis_get_zopa_witness (soft, 3);
  g_assert_cmpstr (zopa_analysis_get_option_id (soft, 0, witness[0]), ==, "y");
  g_assert_cmpstr (zopa_analysis_get_option_id (soft, 1, witness[1]), ==, "q");
}

static void
test_small_by_hand (void)
{
  g_autoptr(ZopaScenario) scenario = load_small ();
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
  const ZopaDraftVerdict *v;
  const ZopaDraftConflict *conflicts;
  const ZopaChangeSet *sets;
  g_autofree ZopaClauseChange *changes = NULL;
  guint n, n_sets;
  gboolean complete;

  g_assert_cmpfloat (zopa_analysis_get_region (analysis, 1)->inclusive, ==, 3);
  g_assert_cmpfloat (zopa_analysis_get_region (analysis, 2)->exclusive, ==, 3);
  g_assert_true (zopa_analysis_get_region (analysis, 3)->inclusive_empty);

  /* d1: clauses 1 and 2 disagree on a; b is only bracketed. */
  zopa_analysis_get_draft_open_issues (analysis, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  conflicts = zopa_analysis_get_draft_conflicts (analysis, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (conflicts[0].issue, ==, 0);
  g_assert_cmpstr (conflicts[0].clause_ids[0], ==, "d1/1");
  g_assert_cmpstr (conflicts[0].clause_ids[1], ==, "d1/2");
  g_assert_null (conflicts[0].clause_ids[2]);
  g_assert_cmpuint (conflicts[0].options[1], ==, 1);
  v = zopa_analysis_get_verdict (analysis, 0, 0);
  g_assert_cmpint (v->verdict, ==, ZOPA_VERDICT_DEPENDS);
  g_assert_cmpuint (v->n_open_red_lines, ==, 1);

  /* d2: One accepts (100), Two crosses its red line on a. */
  v = zopa_analysis_get_verdict (analysis, 1, 0);
  g_assert_cmpint (v->verdict, ==, ZOPA_VERDICT_ACCEPTS);
  g_assert_cmpfloat (v->score, ==, 100);
  v = zopa_analysis_get_verdict (analysis, 1, 1);
  g_assert_cmpint (v->verdict, ==, ZOPA_VERDICT_REJECTS);
  g_assert_cmpuint (v->n_violations, ==, 1);
  g_assert_cmpuint (v->violations[0].issue, ==, 0);
  g_assert_cmpuint (v->violations[0].option, ==, 0);
  g_assert_cmpuint (zopa_analysis_get_draft_accepting (analysis, 1), ==, 1);
  g_assert_cmpuint (zopa_analysis_get_draft_possible (analysis, 1), ==, 1);

  /* For Two alone, d2 needs one change: a → z (scores (100 + 0) / 2 = 50). */
  g_assert_true (zopa_analysis_get_draft_fewest_changes (analysis, 1, 2, &changes, &n));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (changes[0].issue, ==, 0);
  g_assert_cmpuint (changes[0].option, ==, 2);
  g_clear_pointer (&changes, g_free);
  /* For both, nothing helps: their ZOPA is empty. */
  g_assert_false (zopa_analysis_get_draft_fewest_changes (analysis, 1, 3, &changes, &n));
  g_assert_null (changes);

  /* Four single changes open the ZOPA: Two allows X, One allows Z, or either lowers its
   * reservation to 25. */
  sets = zopa_analysis_get_what_must_change (analysis, 3, &n_sets, &complete);
  g_assert_true (complete);
  g_assert_cmpuint (n_sets, ==, 4);
  {
    guint seen = 0;
    for (guint k = 0; k < n_sets; k++)
      {
        const ZopaStanceChange *c = &sets[k].changes[0];
        g_assert_cmpuint (sets[k].n_changes, ==, 1);
        if (c->kind == ZOPA_STANCE_CHANGE_ALLOW)
          {
            g_assert_cmpuint (c->issue, ==, 0);
            g_assert_cmpuint (c->option, ==, c->actor == 1 ? 0 : 2);
            seen |= 1u << c->actor;
          }
        else
          {
            g_assert_cmpint (c->reservation, ==, 25);
            seen |= 4u << c->actor;
          }
      }
    g_assert_cmpuint (seen, ==, 15);
  }
}

static JsonObject *
member_object (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
test_json (void)
{
  g_autoptr(ZopaScenario) scenario = load_small ();
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, "soft", NULL, NULL);
  g_autoptr(JsonNode) root = zopa_analysis_to_json (analysis);
  JsonObject *object, *region, *zopa, *draft, *verdict;
  JsonArray *regions;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "scenario"), ==, "Two parties, two issues");
  g_assert_cmpstr (json_object_get_string_member (object, "variant"), ==, "soft");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "actors")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "deal_space"), ==, 6);

  regions = json_object_get_array_member (object, "regions");
  g_assert_cmpuint (json_array_get_length (regions), ==, 3);
  region = json_array_get_object_element (regions, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (region, "actors")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (region, "inclusive"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (region, "exclusive"), ==, 1);
  g_assert_true (json_object_get_boolean_member (region, "exact"));

  draft = json_array_get_object_element (json_object_get_array_member (object, "drafts"), 0);
  g_assert_cmpstr (json_object_get_string_member (draft, "id"), ==, "d1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (draft, "open_issues")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (draft, "conflicts")), ==, 1);
  verdict = member_object (member_object (draft, "verdicts"), "one");
  g_assert_cmpstr (json_object_get_string_member (verdict, "verdict"), ==, "depends");
  g_assert_false (json_object_has_member (verdict, "score"));
  g_assert_cmpfloat (json_object_get_double_member (verdict, "best_score"), ==, 100);
  g_assert_cmpfloat (json_object_get_double_member (verdict, "worst_score"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (verdict, "reservation"), ==, 25);

  draft = json_array_get_object_element (json_object_get_array_member (object, "drafts"), 1);
  verdict = member_object (member_object (draft, "verdicts"), "two");
  g_assert_cmpstr (json_object_get_string_member (verdict, "verdict"), ==, "rejects");
  g_assert_cmpfloat (json_object_get_double_member (verdict, "score"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (verdict, "violations")), ==, 1);

  zopa = member_object (object, "zopa");
  g_assert_cmpint (json_object_get_int_member (zopa, "deals"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (member_object (zopa, "witness"), "a"), ==, "y");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "what_must_change")), ==, 0);

  /* The base scenario: an empty ZOPA, a null witness and four sets. */
  {
    g_autoptr(ZopaAnalysis) base = zopa_analysis_new (scenario, NULL, NULL, NULL);
    g_autoptr(JsonNode) base_root = zopa_analysis_to_json (base);
    JsonObject *o = json_node_get_object (base_root);
    JsonArray *sets = json_object_get_array_member (o, "what_must_change");
    JsonObject *change;

    g_assert_true (json_object_get_null_member (o, "variant"));
    g_assert_true (json_object_get_null_member (member_object (o, "zopa"), "witness"));
    g_assert_cmpuint (json_array_get_length (sets), ==, 4);
    for (guint k = 0; k < 4; k++)
      {
        JsonArray *changes = json_object_get_array_member (json_array_get_object_element (sets, k), "changes");
        g_assert_cmpuint (json_array_get_length (changes), ==, 1);
        change = json_array_get_object_element (changes, 0);
        g_assert_nonnull (json_object_get_string_member (change, "actor"));
        if (json_object_has_member (change, "allow"))
          g_assert_cmpstr (json_object_get_string_member (change, "issue"), ==, "a");
        else
          g_assert_cmpint (json_object_get_int_member (change, "reservation"), ==, 25);
      }
  }
}

/* A scenario where counting by enumeration would take ages: 40 issues of 6 options. */
static void
test_large_space (void)
{
  guint n_options[40];
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const ZopaRegion *r;

  for (guint i = 0; i < 40; i++)
    n_options[i] = 6;
  scenario = make_scenario (40, n_options);
  for (guint a = 0; a < 2; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a);
      ZopaActor *actor = add_actor (scenario, id, 60);
      for (guint i = 0; i < 40; i++)
        {
          int u[6];
          for (guint o = 0; o < 6; o++)
            u[o] = g_rand_int_range (rand, 0, 101);
          add_stance (actor, i, g_rand_int_range (rand, 0, 11), u, 6, NULL);
        }
    }
  analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
  /* 6^40 does not fit 64 bits: estimates, but emptiness is still decided. */
  g_assert_cmpfloat (zopa_analysis_get_deal_space (analysis), >, 1e31);
  r = zopa_analysis_get_region (analysis, 1);
  g_assert_false (r->exact);
  g_assert_false (r->inclusive_empty);
  g_assert_cmpfloat (r->inclusive, >, 0);
  g_assert_cmpfloat (r->inclusive, <=, zopa_analysis_get_deal_space (analysis));
  g_assert_nonnull (zopa_analysis_get_zopa_witness (analysis, 3));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/edge/all-weights-zero", test_all_weights_zero);
  g_test_add_func ("/analysis/edge/one-actor-reservations", test_one_actor_reservations);
  g_test_add_func ("/analysis/edge/large-space", test_large_space);
  g_test_add_func ("/analysis/errors", test_errors);
  g_test_add_func ("/analysis/variant", test_variant_on_the_fly);
  g_test_add_func ("/analysis/small", test_small_by_hand);
  g_test_add_func ("/analysis/json", test_json);
  return g_test_run ();
}
