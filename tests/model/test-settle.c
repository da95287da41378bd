/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-settle.c: settling issues in a draft through its clauses (zopa_edit_settle_issues) */

#include <string.h>

#include "model/zopa-history.h"
#include "model/zopa-scenario-file.h"
#include "model/zopa-settle.h"

/* d1: two agreed clauses set issue a, a bracketed one sets b, and none sets c. */
static const char scenario_json[] =
  "{\"format\": \"zopa\", \"version\": 1, \"title\": \"Settling\", \"sources\": [],"
  " \"issues\": ["
  "  {\"id\": \"a\", \"title\": \"Issue A\", \"options\": [{\"id\": \"x\", \"label\": \"X\"}, {\"id\": \"y\", \"label\": \"Y\"}]},"
  "  {\"id\": \"b\", \"title\": \"Issue B\", \"options\": [{\"id\": \"p\", \"label\": \"P\"}, {\"id\": \"q\", \"label\": \"Q\"}]},"
  "  {\"id\": \"c\", \"title\": \"Issue C\", \"options\": [{\"id\": \"m\", \"label\": \"M\"}, {\"id\": \"n\", \"label\": \"N\"}]}],"
  " \"actors\": [],"
  " \"drafts\": [{\"id\": \"d1\", \"title\": \"Draft one\", \"clauses\": ["
  "  {\"id\": \"d1/1\", \"number\": \"1\", \"title\": \"A to X\", \"status\": \"agreed\", \"sets\": {\"a\": \"x\"}},"
  "  {\"id\": \"d1/2\", \"number\": \"2\", \"title\": \"Also A to X\", \"status\": \"agreed\", \"sets\": {\"a\": \"x\"}},"
  "  {\"id\": \"d1/3\", \"number\": \"3\", \"title\": \"B to P\", \"status\": \"bracketed\", \"sets\": {\"b\": \"p\"}},"
  "  {\"id\": \"d1/4\", \"number\": \"4\", \"title\": \"B to P again\", \"status\": \"bracketed\", \"sets\": {\"b\": \"p\"}}]}],"
  " \"variants\": []}";

static ZopaScenario *
load_scenario (void)
{
  g_autoptr(GError) error = NULL;
  ZopaScenario *scenario = zopa_scenario_load_from_data (scenario_json, strlen (scenario_json), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

static ZopaClause *
clause (ZopaDraft  *draft,
        const char *id)
{
  ZopaClause *found = zopa_draft_find_clause (draft, id);

  g_assert_nonnull (found);
  return found;
}

static void
test_settle_each_way (void)
{
  g_autoptr(ZopaScenario) scenario = load_scenario ();
  g_autoptr(ZopaHistory) history = zopa_history_new (scenario);
  ZopaDraft *draft = zopa_scenario_find_draft (scenario, "d1");
  g_autofree char *before = zopa_scenario_to_data (scenario, NULL);
  g_autofree char *after = NULL;
  g_autoptr(ZopaClause) added = NULL;
  const ZopaSettlement settlements[] = {
    { "a", "y", "Issue A" },
    { "b", "q", "Issue B" },
    { "c", "n", "Issue C" },
  };

  zopa_edit_settle_issues (history, scenario, draft, settlements, G_N_ELEMENTS (settlements),
                           "Apply Clause Changes");

  /* Both agreed clauses on a now say y, so that they do not conflict. */
  g_assert_cmpstr (zopa_clause_get_set_option (clause (draft, "d1/1"), "a"), ==, "y");
  g_assert_cmpstr (zopa_clause_get_set_option (clause (draft, "d1/2"), "a"), ==, "y");
  /* The first bracketed clause on b is settled to q and agreed; the second is left alone. */
  g_assert_cmpstr (zopa_clause_get_set_option (clause (draft, "d1/3"), "b"), ==, "q");
  g_assert_cmpint (zopa_clause_get_status (clause (draft, "d1/3")), ==, ZOPA_CLAUSE_AGREED);
  g_assert_cmpstr (zopa_clause_get_set_option (clause (draft, "d1/4"), "b"), ==, "p");
  g_assert_cmpint (zopa_clause_get_status (clause (draft, "d1/4")), ==, ZOPA_CLAUSE_BRACKETED);
  /* No clause set c: a new agreed one, numbered after the last, sets it. */
  g_assert_cmpuint (g_list_model_get_n_items (zopa_draft_get_clauses (draft)), ==, 5);
  added = g_list_model_get_item (zopa_draft_get_clauses (draft), 4);
  g_assert_cmpstr (zopa_clause_get_id (added), ==, "d1/5");
  g_assert_cmpstr (zopa_clause_get_number (added), ==, "5");
  g_assert_cmpstr (zopa_clause_get_title (added), ==, "Issue C");
  g_assert_cmpstr (zopa_clause_get_set_option (added, "c"), ==, "n");
  g_assert_cmpint (zopa_clause_get_status (added), ==, ZOPA_CLAUSE_AGREED);

  /* One step: a single undo takes all of it back, redo brings it again. */
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Apply Clause Changes");
  after = zopa_scenario_to_data (scenario, NULL);
  g_assert_true (zopa_history_undo (history));
  {
    g_autofree char *undone = zopa_scenario_to_data (scenario, NULL);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_false (zopa_history_get_can_undo (history));
  g_assert_true (zopa_history_redo (history));
  {
    g_autofree char *redone = zopa_scenario_to_data (scenario, NULL);

    g_assert_cmpstr (redone, ==, after);
  }
}

/* A settled issue is settled again through the clause the first time added. */
static void
test_settle_again (void)
{
  g_autoptr(ZopaScenario) scenario = load_scenario ();
  g_autoptr(ZopaHistory) history = zopa_history_new (scenario);
  ZopaDraft *draft = zopa_scenario_find_draft (scenario, "d1");
  const ZopaSettlement first[] = { { "c", "m", "Issue C" } };
  const ZopaSettlement none[] = { { "c", "n", "Issue C" } };
  g_autoptr(ZopaClause) added = NULL;

  zopa_edit_settle_issues (history, scenario, draft, first, 1, "Settle");
  zopa_edit_settle_issues (history, scenario, draft, none, 1, "Settle");
  g_assert_cmpuint (g_list_model_get_n_items (zopa_draft_get_clauses (draft)), ==, 5);
  added = g_list_model_get_item (zopa_draft_get_clauses (draft), 4);
  g_assert_cmpstr (zopa_clause_get_set_option (added, "c"), ==, "n");

  /* Nothing to settle is no step at all. */
  zopa_edit_settle_issues (history, scenario, draft, NULL, 0, "Nothing");
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Settle");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settle/each-way", test_settle_each_way);
  g_test_add_func ("/settle/repeat-and-nothing", test_settle_again);
  return g_test_run ();
}
