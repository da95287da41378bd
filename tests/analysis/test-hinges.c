/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of ZopaHinges against small cases checked by hand: which verdicts, regions
 * and ZOPAs hinge on which uncertain value. */

#include <string.h>

#include "analysis/zopa-hinges.h"
#include "model/zopa-scenario-file.h"

/* One issue x with options a, b, c; actors A and B (stance members given); one draft
 * "fix-b" that sets x to b. */
static ZopaHinges *
hinges_of (const char *stance_a,
           const char *stance_b)
{
  g_autofree char *data = g_strdup_printf (
    "{\"format\": \"zopa\", \"version\": 1, \"title\": \"Hinges\","
    " \"issues\": [{\"id\": \"x\", \"title\": \"X\", \"options\": ["
    "   {\"id\": \"a\", \"label\": \"A\"}, {\"id\": \"b\", \"label\": \"B\"}, {\"id\": \"c\", \"label\": \"C\"}]}],"
    " \"actors\": ["
    "   {\"id\": \"A\", \"name\": \"A\", \"color\": \"#112233\", %s},"
    "   {\"id\": \"B\", \"name\": \"B\", \"color\": \"#445566\", %s}],"
    " \"drafts\": [{\"id\": \"fix-b\", \"title\": \"Fix b\", \"clauses\": ["
    "   {\"id\": \"fix-b/1\", \"number\": \"1\", \"title\": \"b\", \"status\": \"agreed\", \"sets\": {\"x\": \"b\"}}]}]}",
    stance_a, stance_b);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_data (data, strlen (data), NULL, &error);
  g_autoptr(ZopaAnalysis) analysis = NULL;

  g_assert_no_error (error);
  analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_assert_no_error (error);
  return zopa_hinges_compute (analysis, 10.0, NULL);
}

static void
assert_regions (ZopaHinges  *hinges,
                guint        index,
                const guint *expected,
                guint        n_expected)
{
  guint n = 0;
  const guint *masks = zopa_hinges_get_regions (hinges, index, &n);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint k = 0; k < n; k++)
    g_assert_cmpuint (masks[k], ==, expected[k]);
}

/*
 * A's reservation is 40–80; A likes a (100), b (60), not c (0); B (reservation 50) likes
 * b (70) and c (100), not a (0), and a is a maybe of B. Deal b is in the ZOPA exactly when
 * A's reservation is at most 60: at 40 the ZOPA is empty in no reading, at 80 in every
 * one, so it hinges on A's reservation. A alone always holds a, B alone always holds c:
 * neither hinges. B's maybe on a never matters: B's score of a (0) is below 50 anyway.
 * A's verdict on "fix b" depends on its reservation; B accepts b in every reading.
 */
static void
test_reservation_hinges_zopa (void)
{
  g_autoptr(ZopaHinges) hinges = hinges_of (
    "\"reservation\": [40, 80], \"stances\": {\"x\": {\"weight\": 1, \"utility\": {\"a\": 100, \"b\": 60, \"c\": 0}}}",
    "\"reservation\": 50, \"stances\": {\"x\": {\"weight\": 1, \"acceptable\": [\"b\", \"c\"], \"maybe\": [\"a\"],"
    " \"utility\": {\"a\": 0, \"b\": 70, \"c\": 100}}}");
  const ZopaAssumption *reservation, *maybe;
  const ZopaVerdictRef *verdicts;
  const guint zopa_only[] = { 3 };
  guint n = 0;

  g_assert_true (zopa_hinges_is_complete (hinges));
  g_assert_cmpuint (zopa_hinges_get_n_assumptions (hinges), ==, 2);
  reservation = zopa_hinges_get_assumption (hinges, 0);
  g_assert_cmpuint (reservation->actor, ==, 0);
  g_assert_cmpint (reservation->kind, ==, ZOPA_HINGE_RESERVATION);
  g_assert_cmpint (reservation->low, ==, 40);
  g_assert_cmpint (reservation->high, ==, 80);
  maybe = zopa_hinges_get_assumption (hinges, 1);
  g_assert_cmpuint (maybe->actor, ==, 1);
  g_assert_cmpint (maybe->kind, ==, ZOPA_HINGE_MAYBE);
  g_assert_cmpuint (maybe->option, ==, 0);

  assert_regions (hinges, 0, zopa_only, 1);
  g_assert_true (zopa_hinges_get_zopa (hinges, 0));
  verdicts = zopa_hinges_get_verdicts (hinges, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (verdicts[0].draft, ==, 0);
  g_assert_cmpuint (verdicts[0].actor, ==, 0);

  assert_regions (hinges, 1, NULL, 0);
  g_assert_false (zopa_hinges_get_zopa (hinges, 1));
  zopa_hinges_get_verdicts (hinges, 1, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (zopa_hinges_get_n_unexplained_regions (hinges), ==, 0);
}

/*
 * Red lines only (weights 0). A accepts a surely and b maybe; B accepts b and c. The ZOPA
 * is {b} when A accepts b and empty otherwise; "only B" is {c} or {b, c}, never empty;
 * "only A" is {a} in every reading. So the ZOPA alone hinges on A's maybe, and so does
 * A's verdict on "fix b".
 */
static void
test_maybe_hinges_zopa (void)
{
  g_autoptr(ZopaHinges) hinges = hinges_of (
    "\"reservation\": 50, \"stances\": {\"x\": {\"weight\": 0, \"acceptable\": [\"a\"], \"maybe\": [\"b\"]}}",
    "\"reservation\": 50, \"stances\": {\"x\": {\"weight\": 0, \"acceptable\": [\"b\", \"c\"]}}");
  const guint zopa_only[] = { 3 };
  const ZopaVerdictRef *verdicts;
  guint n = 0;

  g_assert_cmpuint (zopa_hinges_get_n_assumptions (hinges), ==, 1);
  g_assert_cmpint (zopa_hinges_get_assumption (hinges, 0)->kind, ==, ZOPA_HINGE_MAYBE);
  g_assert_cmpuint (zopa_hinges_get_assumption (hinges, 0)->option, ==, 1);
  assert_regions (hinges, 0, zopa_only, 1);
  g_assert_true (zopa_hinges_get_zopa (hinges, 0));
  verdicts = zopa_hinges_get_verdicts (hinges, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (verdicts[0].actor, ==, 0);
}

/*
 * Both reservations are ranges. A scores a 100, b 60, c 0; B scores a 0, b 60, c 100.
 * A's reservation 50–70, B's 30–70. The ZOPA is {b} when both reservations are at most 60,
 * else empty: empty in some readings. Fixing A's at 50 leaves it to B (some), at 70 empties
 * it (every): it hinges on each. "Only A" holds a, and b when A accepts b but B does not
 * (A ≤ 60 < B): a is always there, so it never empties; likewise "only B" with c. Both
 * verdicts on "fix b" hinge on their own reservation.
 */
static void
test_two_reservations (void)
{
  g_autoptr(ZopaHinges) hinges = hinges_of (
    "\"reservation\": [50, 70], \"stances\": {\"x\": {\"weight\": 1, \"utility\": {\"a\": 100, \"b\": 60, \"c\": 0}}}",
    "\"reservation\": [30, 70], \"stances\": {\"x\": {\"weight\": 1, \"utility\": {\"a\": 0, \"b\": 60, \"c\": 100}}}");
  const guint zopa_only[] = { 3 };
  const ZopaVerdictRef *verdicts;
  guint n = 0;

  g_assert_cmpuint (zopa_hinges_get_n_assumptions (hinges), ==, 2);
  for (guint k = 0; k < 2; k++)
    {
      g_assert_cmpuint (zopa_hinges_get_assumption (hinges, k)->actor, ==, k);
      assert_regions (hinges, k, zopa_only, 1);
      verdicts = zopa_hinges_get_verdicts (hinges, k, &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpuint (verdicts[0].actor, ==, k);
    }
}

/*
 * A weight range: A weighs x 0–2 with a red line on c; scores a 100, b 40, c 0,
 * reservation 50. With weight 0 A accepts a and b (no score), with 1 or 2 only a. B
 * accepts b and c (weight 0). The ZOPA is {b} at weight 0 and empty at 1 and 2: it
 * hinges on the weight, which only trying each value shows (the ends 0 and 2 differ here
 * too). "Only A" always holds a.
 */
static void
test_weight_hinges_zopa (void)
{
  g_autoptr(ZopaHinges) hinges = hinges_of (
    "\"reservation\": 50, \"stances\": {\"x\": {\"weight\": [0, 2], \"acceptable\": [\"a\", \"b\"],"
    " \"utility\": {\"a\": 100, \"b\": 40, \"c\": 0}}}",
    "\"reservation\": 50, \"stances\": {\"x\": {\"weight\": 0, \"acceptable\": [\"b\", \"c\"]}}");
  const guint zopa_only[] = { 3 };

  g_assert_cmpuint (zopa_hinges_get_n_assumptions (hinges), ==, 1);
  g_assert_cmpint (zopa_hinges_get_assumption (hinges, 0)->kind, ==, ZOPA_HINGE_WEIGHT);
  g_assert_true (zopa_hinges_is_complete (hinges));
  assert_regions (hinges, 0, zopa_only, 1);
}

/* Nothing uncertain: no assumptions, nothing hinges. */
static void
test_certain_scenario (void)
{
  g_autoptr(ZopaHinges) hinges = hinges_of (
    "\"reservation\": 50, \"stances\": {\"x\": {\"weight\": 1, \"utility\": {\"a\": 100, \"b\": 60, \"c\": 0}}}",
    "\"reservation\": 50, \"stances\": {\"x\": {\"weight\": 1, \"utility\": {\"a\": 0, \"b\": 60, \"c\": 100}}}");

  g_assert_cmpuint (zopa_hinges_get_n_assumptions (hinges), ==, 0);
  g_assert_true (zopa_hinges_is_complete (hinges));
  g_assert_cmpuint (zopa_hinges_get_n_unexplained_regions (hinges), ==, 0);
}

/* A cancelled computation returns nothing. */
static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);

  g_cancellable_cancel (cancellable);
  g_assert_null (zopa_hinges_compute (analysis, 10.0, cancellable));
}

/* The built-in scenario: Moscow's reservation (55–85) is an assumption, and its verdict on
 * some draft hinges on it, as the analysis's own verdict readings say. */
static void
test_builtin_moscow_reservation (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
  g_autoptr(ZopaHinges) hinges = zopa_hinges_compute (analysis, 10.0, NULL);
  gboolean found = FALSE;

  for (guint k = 0; k < zopa_hinges_get_n_assumptions (hinges); k++)
    {
      const ZopaAssumption *x = zopa_hinges_get_assumption (hinges, k);
      const ZopaVerdictRef *verdicts;
      guint n = 0;

      if (x->kind != ZOPA_HINGE_RESERVATION ||
          g_strcmp0 (zopa_analysis_get_actor_id (analysis, x->actor), "moscow") != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (x->low, ==, 55);
      g_assert_cmpint (x->high, ==, 85);
      verdicts = zopa_hinges_get_verdicts (hinges, k, &n);
      for (guint j = 0; j < n; j++)
        {
          const ZopaVerdictReadings *v = zopa_analysis_get_verdict_readings (analysis, verdicts[j].draft, verdicts[j].actor);

          g_assert_cmpuint (verdicts[j].actor, ==, x->actor);
          g_assert_true (v->on_assumptions);
        }
    }
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hinges/reservation-hinges-zopa", test_reservation_hinges_zopa);
  g_test_add_func ("/hinges/maybe-hinges-zopa", test_maybe_hinges_zopa);
  g_test_add_func ("/hinges/two-reservations", test_two_reservations);
  g_test_add_func ("/hinges/weight-hinges-zopa", test_weight_hinges_zopa);
  g_test_add_func ("/hinges/certain-scenario", test_certain_scenario);
  g_test_add_func ("/hinges/cancelled", test_cancelled);
  g_test_add_func ("/hinges/builtin-moscow-reservation", test_builtin_moscow_reservation);
  return g_test_run ();
}
