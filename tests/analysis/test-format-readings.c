/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format-readings.c: verdicts over readings in words — every reading, some reading,
 * depending on open issues or on assumptions, and the flip in one sentence */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "analysis/zopa-format.h"
#include "model/zopa-scenario-file.h"

/* One actor, Moscow, on two issues; the draft "Plan" agrees the options in sets. */
static ZopaAnalysis *
analysis_for (const char *reservation,
              const char *territory_stance,
              const char *sets)
{
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"zopa\", \"version\": 1, \"title\": \"Test\","
    " \"issues\": ["
    "  {\"id\": \"territory\", \"title\": \"Territory\", \"options\": ["
    "    {\"id\": \"line\", \"label\": \"Line of contact\"}, {\"id\": \"all\", \"label\": \"All of Donbas\"}]},"
    "  {\"id\": \"nato\", \"title\": \"NATO\", \"options\": ["
    "    {\"id\": \"open\", \"label\": \"Door open\"}, {\"id\": \"barred\", \"label\": \"Barred\"}]}],"
    " \"actors\": [{\"id\": \"moscow\", \"name\": \"Moscow\", \"color\": \"#c01c28\", \"reservation\": %s,"
    "   \"stances\": {\"territory\": %s}}],"
    " \"drafts\": [{\"id\": \"plan\", \"title\": \"Plan\", \"clauses\": ["
    "   {\"id\": \"plan/1\", \"number\": \"1\", \"title\": \"Settlement\", \"status\": \"agreed\", \"sets\": %s}]}]}",
    reservation, territory_stance, sets);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_data (text, strlen (text), NULL, &error);
  ZopaAnalysis *analysis;

  g_assert_no_error (error);
  analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static void
assert_wording (ZopaAnalysis *analysis,
                const char   *wording,
                const char   *flip)
{
  g_autofree char *shown = zopa_format_verdict_over_readings (analysis, 0, 0);
  g_autofree char *shown_flip = zopa_format_verdict_flip (analysis, 0, 0, ZOPA_FLIP_ALONE);

  g_assert_cmpstr (shown, ==, wording);
  g_assert_cmpstr (shown_flip, ==, flip);
}

/* A red line crossed, nothing uncertain: the plain verdict. */
static void
test_rejects (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("50", "{\"acceptable\": [\"all\"], \"utility\": {\"line\": 60, \"all\": 90}}",
                                                   "{\"territory\": \"line\", \"nato\": \"barred\"}");
  g_autofree char *title = zopa_format_flip_variant_title (analysis, 0, 0);

  g_assert_cmpint (zopa_analysis_get_verdict (analysis, 0, 0)->verdict, ==, ZOPA_VERDICT_REJECTS);
  assert_wording (analysis, "Rejects", "Would accept if it allowed “Line of contact” on Territory");
  g_assert_cmpstr (title, ==, "Moscow accepts Plan");
}

/* The same red line with an uncertain reservation: it rejects in every reading. */
static void
test_rejects_in_every_reading (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("[40, 55]", "{\"acceptable\": [\"all\"], \"utility\": {\"line\": 60, \"all\": 90}}",
                                                   "{\"territory\": \"line\", \"nato\": \"barred\"}");

  g_assert_true (zopa_analysis_actor_is_uncertain (analysis, 0));
  assert_wording (analysis, "Rejects in every reading", "Would accept if it allowed “Line of contact” on Territory");
}

/* The score 70 against a reservation read anywhere in 60–85: it hinges on the reservation. */
static void
test_depends_on_reservation (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("[60, 85]", "{\"utility\": {\"line\": 70, \"all\": 90}}",
                                                   "{\"territory\": \"line\", \"nato\": \"barred\"}");
  const ZopaVerdictReadings *readings = zopa_analysis_get_verdict_readings (analysis, 0, 0);
  g_autofree char *title = zopa_format_flip_variant_title (analysis, 0, 0);

  g_assert_cmpint (zopa_analysis_get_verdict (analysis, 0, 0)->verdict, ==, ZOPA_VERDICT_DEPENDS);
  g_assert_true (readings->on_assumptions);
  g_assert_false (readings->on_open_issues);
  assert_wording (analysis, "Depends on how Moscow’s reservation is read (60–85)",
                  "Would accept if its reservation were at most 70");
  g_assert_cmpstr (title, ==, "Moscow accepts Plan");
}

/* A maybe option agreed: it hinges on whether Moscow can live with it. */
static void
test_depends_on_maybe (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("50", "{\"weight\": 0, \"acceptable\": [\"all\"], \"maybe\": [\"line\"]}",
                                                   "{\"territory\": \"line\", \"nato\": \"barred\"}");

  assert_wording (analysis, "Depends on whether Moscow can live with “Line of contact” on Territory",
                  "Would accept if it allowed “Line of contact” on Territory");
}

/* Territory left open, one of its options a red line: it depends on how it is settled. */
static void
test_depends_on_open_issues (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("50", "{\"weight\": 0, \"acceptable\": [\"all\"]}",
                                                   "{\"nato\": \"barred\"}");
  const ZopaVerdictReadings *readings = zopa_analysis_get_verdict_readings (analysis, 0, 0);

  g_assert_true (readings->on_open_issues);
  g_assert_false (readings->on_assumptions);
  assert_wording (analysis, "Depends on how the open issues are settled",
                  "Would accept if it allowed “Line of contact” on Territory");
}

/* Both open issues and an uncertain reservation. */
static void
test_depends_on_both (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("[60, 85]", "{\"utility\": {\"line\": 70, \"all\": 90}}",
                                                   "{\"nato\": \"barred\"}");
  const ZopaVerdictReadings *readings = zopa_analysis_get_verdict_readings (analysis, 0, 0);
  g_autofree char *shown = zopa_format_verdict_over_readings (analysis, 0, 0);

  g_assert_true (readings->on_open_issues && readings->on_assumptions);
  g_assert_cmpstr (shown, ==, "Depends on the open issues and on how Moscow’s reservation is read (60–85)");
}

/* A red line and a score short of the reservation: both in one sentence, and the CLI's form
 * within its own sentence. */
static void
test_flip_with_reservation (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("50", "{\"acceptable\": [\"all\"], \"utility\": {\"line\": 40, \"all\": 90}}",
                                                   "{\"territory\": \"line\", \"nato\": \"barred\"}");
  g_autofree char *in_sentence = zopa_format_verdict_flip (analysis, 0, 0, ZOPA_FLIP_AFTER_RED_LINES);

  assert_wording (analysis, "Rejects",
                  "Would accept if it allowed “Line of contact” on Territory, and its reservation were at most 40");
  g_assert_cmpstr (in_sentence, ==,
                   "it would accept if it allowed “Line of contact” on Territory, and its reservation were at most 40");
}

/* Many options to allow (Moscow on the Geneva framework, built in): standing alone, the
 * flip names the issues they are on; within the CLI's sentence, every option. */
static void
test_flip_summed_up (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, NULL);
  guint draft = G_MAXUINT, actor = G_MAXUINT, n_allow = 0;
  const ZopaVerdictReadings *readings;
  g_autofree char *alone = NULL, *in_sentence = NULL, *expected = NULL;

  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, d), "geneva-19") == 0)
      draft = d;
  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, a), "moscow") == 0)
      actor = a;
  g_assert_cmpuint (draft, !=, G_MAXUINT);
  g_assert_cmpuint (actor, !=, G_MAXUINT);
  readings = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  for (guint k = 0; k < readings->n_flip; k++)
    n_allow += readings->flip[k].kind == ZOPA_STANCE_CHANGE_ALLOW;
  g_assert_cmpuint (n_allow, >, 3);

  alone = zopa_format_verdict_flip (analysis, draft, actor, ZOPA_FLIP_ALONE);
  in_sentence = zopa_format_verdict_flip (analysis, draft, actor, ZOPA_FLIP_AFTER_RED_LINES);
  expected = g_strdup_printf ("Would accept if it allowed %u more options on Territory, ", n_allow);
  g_assert_true (g_str_has_prefix (alone, expected));
  g_assert_null (strstr (alone, "“"));
  g_assert_true (g_str_has_prefix (in_sentence, "it would accept if it allowed "));
  g_assert_nonnull (strstr (in_sentence, "“"));
}

/* Accepting: what would make it stop. */
static void
test_accepts (void)
{
  g_autoptr(ZopaAnalysis) analysis = analysis_for ("50", "{\"utility\": {\"line\": 70, \"all\": 90}}",
                                                   "{\"territory\": \"line\", \"nato\": \"barred\"}");
  g_autofree char *title = zopa_format_flip_variant_title (analysis, 0, 0);

  assert_wording (analysis, "Accepts", "Would stop accepting if its reservation were at least 71");
  g_assert_cmpstr (title, ==, "Moscow stops accepting Plan");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-readings/rejects", test_rejects);
  g_test_add_func ("/format-readings/rejects-in-every-reading", test_rejects_in_every_reading);
  g_test_add_func ("/format-readings/depends-on-reservation", test_depends_on_reservation);
  g_test_add_func ("/format-readings/depends-on-maybe", test_depends_on_maybe);
  g_test_add_func ("/format-readings/depends-on-open-issues", test_depends_on_open_issues);
  g_test_add_func ("/format-readings/depends-on-both", test_depends_on_both);
  g_test_add_func ("/format-readings/flip-with-reservation", test_flip_with_reservation);
  g_test_add_func ("/format-readings/flip-summed-up", test_flip_summed_up);
  g_test_add_func ("/format-readings/accepts", test_accepts);
  return g_test_run ();
}
