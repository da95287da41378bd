/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stance-import.c: stances from a CSV table, all rows or none */

#include "config.h"

#include <string.h>

#include "model/zopa-scenario-file.h"
#include "model/zopa-stance-import.h"

static char *
scenario_text (ZopaScenario *scenario)
{
  gsize length;

  return zopa_scenario_to_data (scenario, &length);
}

static ZopaStance *
stance_of (ZopaScenario *scenario,
           const char   *actor,
           const char   *issue)
{
  return zopa_actor_find_stance (zopa_scenario_find_actor (scenario, actor), issue);
}

static void
test_rows_applied (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *before = scenario_text (scenario);
  g_autofree char *after = NULL;
  g_autoptr(ZopaScenario) updated = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  /* A spreadsheet's export: byte order mark, CRLF, capitalised header, quoted cells, a
   * blank row, and columns in another order. */
  const char *table =
    "\xef\xbb\xbfUtility,Actor,Issue,Option,Acceptable,,\r\n"
    "10–30,kyiv,territory,de-facto-donbas,maybe\r\n"
    "5,kyiv,territory,four-oblasts,no\r\n"
    ",,,,\r\n"
    "\"70\",\"kyiv\",\"territory\",\"line-of-contact\",YES\r\n";
  ZopaStance *stance;
  ZopaRange range;
  guint n_rows = 0;

  updated = zopa_scenario_import_stances (scenario, table, strlen (table), &n_rows, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);
  g_assert_cmpuint (n_rows, ==, 3);

  stance = stance_of (updated, "kyiv", "territory");
  g_assert_true (zopa_stance_is_maybe (stance, "de-facto-donbas"));
  g_assert_false (zopa_stance_accepts_option (stance, "de-facto-donbas"));
  g_assert_false (zopa_stance_accepts_option (stance, "four-oblasts"));
  g_assert_false (zopa_stance_is_maybe (stance, "four-oblasts"));
  g_assert_true (zopa_stance_accepts_option (stance, "line-of-contact"));
  range = zopa_stance_get_utility_range (stance, "de-facto-donbas");
  g_assert_cmpint (range.low, ==, 10);
  g_assert_cmpint (range.high, ==, 30);
  g_assert_cmpint (zopa_stance_get_utility (stance, "four-oblasts"), ==, 5);
  g_assert_cmpint (zopa_stance_get_utility (stance, "line-of-contact"), ==, 70);
  /* Another actor's stance is as it was. */
  g_assert_cmpint (zopa_stance_get_weight (stance_of (updated, "moscow", "territory")), ==,
                   zopa_stance_get_weight (stance_of (scenario, "moscow", "territory")));

  /* The scenario given is never changed. */
  after = scenario_text (scenario);
  g_assert_cmpstr (before, ==, after);
}

static void
test_new_stance_and_semicolons (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaScenario) updated = NULL;
  g_autoptr(GError) error = NULL;
  ZopaActor *actor = zopa_scenario_find_actor (scenario, "washington");
  g_autoptr(ZopaStance) removed = g_list_model_get_item (zopa_actor_get_stances (actor), 0);
  const char *issue = zopa_stance_get_issue (removed);
  g_autofree char *table = NULL;
  ZopaStance *stance;

  /* Washington without a stance on its first issue: the table gives it one. */
  zopa_actor_remove_stance (actor, 0);
  table = g_strdup_printf ("actor;issue;option;acceptable\nwashington;%s;%s;no\n", issue,
                           zopa_option_get_id (zopa_issue_get_option (zopa_scenario_find_issue (scenario, issue), 0)));

  updated = zopa_scenario_import_stances (scenario, table, strlen (table), NULL, NULL, &error);
  g_assert_no_error (error);
  stance = stance_of (updated, "washington", issue);
  g_assert_nonnull (stance);
  /* A new stance keeps the issue out of the score, as no stance did. */
  g_assert_cmpint (zopa_stance_get_weight (stance), ==, 0);
  g_assert_false (zopa_stance_accepts_option (stance,
                                              zopa_option_get_id (zopa_issue_get_option (zopa_scenario_find_issue (scenario, issue), 0))));
  g_assert_true (zopa_stance_accepts_option (stance,
                                             zopa_option_get_id (zopa_issue_get_option (zopa_scenario_find_issue (scenario, issue), 1))));
}

typedef struct {
  int         line;
  const char *words;
} Expected;

static void
assert_problems (const char     *table,
                 const Expected *expected,
                 guint           n_expected)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *before = scenario_text (scenario);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ZopaScenario *updated;

  updated = zopa_scenario_import_stances (scenario, table, strlen (table), NULL, &problems, &error);
  g_assert_null (updated);
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_INVALID);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, n_expected);
  for (guint k = 0; k < n_expected; k++)
    {
      const ZopaFileProblem *problem = g_ptr_array_index (problems, k);

      g_assert_cmpint (problem->line, ==, expected[k].line);
      g_assert_cmpint (problem->column, >, 0);
      if (strstr (problem->message, expected[k].words) == NULL)
        g_error ("problem %u: “%s” does not say “%s”", k, problem->message, expected[k].words);
    }
  after = scenario_text (scenario);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_rows (void)
{
  static const Expected rows[] = {
    { 2, "no option “nope”" },
    { 3, "no actor “nobody”" },
    { 4, "yes, no or maybe" },
    { 5, "integer from 0 to 100" },
    { 6, "integer from 0 to 100" },
    { 8, "given already on line 7" },
    { 9, "actor cell is empty" },
    { 10, "a column the header does not name" },
  };
  static const Expected header[] = { { 1, "unknown column “acceptible”" } };
  static const Expected missing[] = { { 1, "no column “option”" } };
  static const Expected nothing[] = { { 1, "neither “acceptable” nor “utility”" } };
  static const Expected quote[] = { { 2, "not closed" } };
  static const Expected after_quote[] = { { 2, "after a closing" } };
  static const Expected empty[] = { { 1, "empty" } };

  assert_problems ("actor,issue,option,acceptable,utility\n"
                   "kyiv,territory,nope,yes,\n"
                   "nobody,territory,four-oblasts,yes,\n"
                   "kyiv,territory,four-oblasts,perhaps,\n"
                   "moscow,territory,four-oblasts,,101\n"
                   "europe,territory,four-oblasts,,60-40\n"
                   "washington,territory,four-oblasts,no,\n"
                   "washington,territory,four-oblasts,no,\n"
                   ",territory,four-oblasts,no,\n"
                   "kyiv,territory,line-of-contact,yes,50,extra\n",
                   rows, G_N_ELEMENTS (rows));
  assert_problems ("actor,issue,option,acceptible\nkyiv,territory,four-oblasts,yes\n", header, 1);
  assert_problems ("actor,issue,acceptable\n", missing, 1);
  assert_problems ("actor,issue,option\nkyiv,territory,four-oblasts\n", nothing, 1);
  assert_problems ("actor,issue,option,acceptable\n\"kyiv,territory,four-oblasts,yes\n", quote, 1);
  assert_problems ("actor,issue,option,acceptable\n\"kyiv\"x,territory,four-oblasts,yes\n", after_quote, 1);
  assert_problems ("", empty, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stance-import/rows-applied", test_rows_applied);
  g_test_add_func ("/stance-import/new-stance-and-semicolons", test_new_stance_and_semicolons);
  g_test_add_func ("/stance-import/bad-rows", test_bad_rows);
  return g_test_run ();
}
