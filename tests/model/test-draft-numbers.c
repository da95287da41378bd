/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stable draft numbers: the file member "number" and its default, the checks on it, and the
 * edits that add, fork, delete and undo drafts without renumbering the others. */

#include "config.h"

#include <string.h>

#include "model/zopa-edit.h"
#include "model/zopa-history.h"
#include "model/zopa-scenario-file.h"

/* A scenario whose drafts are written as given: each element of members is the text after
 * a draft's "id" and before its "title" (e.g. "\"number\": 4,"), NULL-terminated. */
static char *
file_with_drafts (const char * const *members)
{
  g_autoptr(GString) text = g_string_new ("{\n  \"format\": \"zopa\",\n  \"version\": 1,\n"
                                          "  \"title\": \"Numbers\",\n  \"drafts\": [\n");

  for (guint i = 0; members[i] != NULL; i++)
    g_string_append_printf (text, "    {\n      \"id\": \"d%u\",\n%s%s      \"title\": \"Draft %u\"\n    }%s\n",
                            i + 1, members[i], members[i][0] != '\0' ? "\n" : "", i + 1,
                            members[i + 1] != NULL ? "," : "");
  g_string_append (text, "  ]\n}\n");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static ZopaScenario *
load_clean (const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ZopaScenario *scenario = zopa_scenario_load_from_data (data, strlen (data), &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

static guint
number_at (ZopaScenario *scenario,
           guint         position)
{
  g_autoptr(ZopaDraft) draft = g_list_model_get_item (zopa_scenario_get_drafts (scenario), position);

  g_assert_nonnull (draft);
  return zopa_draft_get_number (draft);
}

static void
assert_numbers (ZopaScenario *scenario,
                const guint  *expected,
                guint         n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_drafts (scenario)), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (number_at (scenario, i), ==, expected[i]);
}

/* Files without numbers: 1, 2, 3 in file order, and nothing new is written. */
static void
test_without_numbers (void)
{
  const char *members[] = { "", "", "", NULL };
  g_autofree char *data = file_with_drafts (members);
  g_autoptr(ZopaScenario) scenario = load_clean (data);
  g_autofree char *written = NULL;
  const guint expected[] = { 1, 2, 3 };

  assert_numbers (scenario, expected, G_N_ELEMENTS (expected));
  written = zopa_scenario_to_data (scenario, NULL);
  g_assert_cmpstr (written, ==, data);
  g_assert_null (strstr (written, "\"number\""));
}

/* A draft without a number follows the largest number before it; the writer keeps exactly
 * the numbers that differ from that rule, so the file reads back as the same bytes. */
static void
test_default_rule (void)
{
  const char *members[] = {
    "      \"number\": 5,", "", "      \"number\": 2,", "", "      \"number\": 9,", "", NULL
  };
  g_autofree char *data = file_with_drafts (members);
  g_autoptr(ZopaScenario) scenario = load_clean (data);
  g_autoptr(ZopaScenario) again = NULL;
  g_autofree char *written = NULL;
  const guint expected[] = { 5, 6, 2, 7, 9, 10 };

  assert_numbers (scenario, expected, G_N_ELEMENTS (expected));
  written = zopa_scenario_to_data (scenario, NULL);
  g_assert_cmpstr (written, ==, data);

  again = load_clean (written);
  assert_numbers (again, expected, G_N_ELEMENTS (expected));

  /* A number changed in memory: every draft still reads back with the number it has, the
   * later ones now written out as they no longer follow the largest before them. */
  {
    g_autoptr(ZopaDraft) second = g_list_model_get_item (zopa_scenario_get_drafts (again), 1);
    g_autofree char *rewritten = NULL;
    g_autoptr(ZopaScenario) third = NULL;
    const guint renumbered[] = { 5, 11, 2, 7, 9, 10 };

    zopa_draft_set_number (second, 11);
    rewritten = zopa_scenario_to_data (again, NULL);
    g_assert_nonnull (strstr (rewritten, "\"id\": \"d2\",\n      \"number\": 11,\n"));
    g_assert_nonnull (strstr (rewritten, "\"id\": \"d4\",\n      \"number\": 7,\n"));
    g_assert_nonnull (strstr (rewritten, "\"id\": \"d6\",\n      \"number\": 10,\n"));
    third = load_clean (rewritten);
    assert_numbers (third, renumbered, G_N_ELEMENTS (renumbered));
  }
}

/* The file kept in tests/data/valid (also checked against the schema and read back byte for
 * byte there): a fork numbered 3 between drafts 1 and 2, and a draft without a number after
 * them, which follows the largest. */
static void
test_valid_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "valid",
                                                                   "draft-numbers.zopa.json", NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_file (file, NULL, &error);
  const guint expected[] = { 1, 3, 2, 4 };

  g_assert_no_error (error);
  assert_numbers (scenario, expected, G_N_ELEMENTS (expected));
}

static void
assert_refused (const char * const *members,
                const char         *expected)
{
  g_autofree char *data = file_with_drafts (members);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_data (data, strlen (data), &problems, &error);
  gboolean found = FALSE;

  g_assert_null (scenario);
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_INVALID);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = zopa_file_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", text);
      found |= g_str_equal (text, expected);
    }
  g_assert_true (found);
}

static void
test_validation (void)
{
  const char *zero[] = { "", "      \"number\": 0,", NULL };
  const char *negative[] = { "      \"number\": -3,", NULL };
  const char *fraction[] = { "      \"number\": 2.5,", NULL };
  const char *text[] = { "", "", "", "      \"number\": \"4\",", NULL };
  const char *too_large[] = { "      \"number\": 1000000,", NULL };
  const char *twice[] = { "      \"number\": 3,", "", "", "      \"number\": 3,", NULL };
  const char *after_default[] = { "", "", "      \"number\": 2,", NULL };

  assert_refused (zero, "drafts[1].number: expected an integer from 1 to 999999, got 0");
  assert_refused (negative, "drafts[0].number: expected an integer from 1 to 999999, got -3");
  assert_refused (fraction, "drafts[0].number: expected an integer from 1 to 999999, got 2.5");
  assert_refused (text, "drafts[3].number: expected an integer from 1 to 999999, got \"4\"");
  assert_refused (too_large, "drafts[0].number: expected an integer from 1 to 999999, got 1000000");
  assert_refused (twice, "drafts[3].number: duplicate number 3 of draft \"d4\" (first used by draft \"d1\" at drafts[0])");
  /* d2 has 2 by default, and d3 says 2 as well. */
  assert_refused (after_default, "drafts[2].number: duplicate number 2 of draft \"d3\" (first used by draft \"d2\" at drafts[1])");
}

/* Forking the second of five drafts gives the fork 6 and leaves 1–5; moving, deleting,
 * undoing and redoing never renumber; a new draft follows the largest number, also after a deletion. */
static void
test_edits_keep_numbers (void)
{
  const char *members[] = { "", "", "", "", "", NULL };
  g_autofree char *data = file_with_drafts (members);
  g_autoptr(ZopaScenario) scenario = load_clean (data);
  g_autoptr(ZopaHistory) history = zopa_history_new (scenario);
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  g_autoptr(ZopaDraft) second = g_list_model_get_item (drafts, 1);
  g_autoptr(ZopaDraft) third = g_list_model_get_item (drafts, 2);
  g_autoptr(ZopaDraft) added = zopa_draft_new ("added");
  g_autofree char *written = NULL;
  ZopaDraft *fork;
  const guint forked[] = { 1, 2, 6, 3, 4, 5 };
  const guint original[] = { 1, 2, 3, 4, 5 };
  const guint without_third[] = { 1, 2, 6, 4, 5 };
  const guint with_added[] = { 1, 2, 6, 4, 5, 7 };

  fork = zopa_edit_fork_draft (history, second, NULL, NULL);
  g_assert_nonnull (fork);
  g_assert_cmpuint (zopa_draft_get_number (fork), ==, 6);
  assert_numbers (scenario, forked, G_N_ELEMENTS (forked));

  /* Saved and read again: the fork sits third but keeps 6, and 3, 4, 5 stay. */
  written = zopa_scenario_to_data (scenario, NULL);
  {
    g_autoptr(ZopaScenario) reread = load_clean (written);

    assert_numbers (reread, forked, G_N_ELEMENTS (forked));
  }

  g_assert_true (zopa_history_undo (history));
  assert_numbers (scenario, original, G_N_ELEMENTS (original));
  g_assert_true (zopa_history_redo (history));
  assert_numbers (scenario, forked, G_N_ELEMENTS (forked));
  g_assert_cmpuint (zopa_draft_get_number (fork), ==, 6);

  /* Moving a draft moves its number with it. */
  {
    const guint moved[] = { 1, 6, 2, 3, 4, 5 };

    g_assert_true (zopa_history_move (history, scenario, second, 2));
    assert_numbers (scenario, moved, G_N_ELEMENTS (moved));
    g_assert_true (zopa_history_undo (history));
    assert_numbers (scenario, forked, G_N_ELEMENTS (forked));
  }

  g_assert_true (zopa_edit_delete (history, third));
  assert_numbers (scenario, without_third, G_N_ELEMENTS (without_third));
  g_assert_true (zopa_history_undo (history));
  assert_numbers (scenario, forked, G_N_ELEMENTS (forked));
  g_assert_true (zopa_history_redo (history));
  assert_numbers (scenario, without_third, G_N_ELEMENTS (without_third));

  /* A draft made outside (numbered 0) gets the next number when it is inserted. */
  g_assert_cmpuint (zopa_draft_get_number (added), ==, 0);
  zopa_draft_set_title (added, "Added");
  g_assert_true (zopa_history_insert (history, scenario, G_MAXUINT, added));
  assert_numbers (scenario, with_added, G_N_ELEMENTS (with_added));
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_redo (history));
  assert_numbers (scenario, with_added, G_N_ELEMENTS (with_added));

  /* Undone back to the fork: the next new draft gets 7, as the added one is gone. */
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_undo (history));
  assert_numbers (scenario, forked, G_N_ELEMENTS (forked));
  g_assert_cmpuint (zopa_scenario_next_draft_number (scenario), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/draft-numbers/without-numbers", test_without_numbers);
  g_test_add_func ("/draft-numbers/default-rule", test_default_rule);
  g_test_add_func ("/draft-numbers/valid-file", test_valid_file);
  g_test_add_func ("/draft-numbers/validation", test_validation);
  g_test_add_func ("/draft-numbers/edits-keep-numbers", test_edits_keep_numbers);
  return g_test_run ();
}
