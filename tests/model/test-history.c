/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "model/zopa-edit.h"
#include "model/zopa-history.h"
#include "model/zopa-scenario-file.h"

/*
 * Every edit is checked the same way: the scenario serialises to other bytes after it,
 * to the very bytes of before after undo, and to the bytes of after again after redo.
 */

typedef struct {
  ZopaScenario *scenario;
  ZopaHistory  *history;
  gint64        now;          /* the history's clock, in microseconds */
  guint         n_changed;    /* scenario "changed" emissions */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
count_cb (gpointer  object,
          guint    *counter)
{
  (*counter)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->scenario = zopa_scenario_load_builtin ();
  g_assert_nonnull (f->scenario);
  f->history = zopa_history_new (f->scenario);
  f->now = 1000 * G_TIME_SPAN_SECOND;
  zopa_history_set_clock (f->history, fake_clock, f);
  g_signal_connect (f->scenario, "changed", G_CALLBACK (count_cb), &f->n_changed);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->scenario, &f->n_changed);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->scenario);
}

static char *
serialise (Fixture *f)
{
  return zopa_scenario_to_data (f->scenario, NULL);
}

static void
assert_file_equals (Fixture    *f,
                    const char *expected)
{
  g_autofree char *data = serialise (f);

  g_assert_cmpstr (data, ==, expected);
}

/* The last step changed the file; undo, redo, undo and redo again, leaving it applied. */
static void
assert_undo_redo (Fixture    *f,
                  const char *before)
{
  g_autofree char *after = serialise (f);
  guint n_changed;

  g_assert_cmpstr (after, !=, before);

  for (guint round = 0; round < 2; round++)
    {
      n_changed = f->n_changed;
      g_assert_true (zopa_history_undo (f->history));
      g_assert_cmpuint (f->n_changed, >, n_changed);
      assert_file_equals (f, before);

      n_changed = f->n_changed;
      g_assert_true (zopa_history_redo (f->history));
      g_assert_cmpuint (f->n_changed, >, n_changed);
      assert_file_equals (f, after);
    }
}

static void
assert_valid (ZopaScenario *scenario)
{
  g_autoptr(GPtrArray) problems = zopa_scenario_validate (scenario);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      ZopaFileProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->is_warning)
        {
          g_autofree char *text = zopa_file_problem_to_string (problem);

          g_error ("unexpected problem: %s", text);
        }
    }
}

static ZopaClause *
find_clause (Fixture    *f,
             const char *id)
{
  ZopaClause *clause = zopa_scenario_find_clause (f->scenario, id, NULL);

  g_assert_nonnull (clause);
  return clause;
}

static ZopaStance *
find_stance (Fixture    *f,
             const char *actor_id,
             const char *issue_id)
{
  ZopaActor *actor = zopa_scenario_find_actor (f->scenario, actor_id);
  ZopaStance *stance;

  g_assert_nonnull (actor);
  stance = zopa_actor_find_stance (actor, issue_id);
  g_assert_nonnull (stance);
  return stance;
}

static ZopaVariantChange *
find_change (Fixture    *f,
             const char *variant_id,
             const char *actor_id,
             const char *issue_id)
{
  ZopaVariant *variant = zopa_scenario_find_variant (f->scenario, variant_id);
  GListModel *changes;

  g_assert_nonnull (variant);
  changes = zopa_variant_get_changes (variant);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, i);

      if (g_strcmp0 (zopa_variant_change_get_actor (change), actor_id) == 0
          && g_strcmp0 (zopa_variant_change_get_issue (change), issue_id) == 0)
        return change;
    }

  g_assert_not_reached ();
}

static guint
strv_index (const char * const *strv,
            const char         *id)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], id) == 0)
      return i;
  return G_MAXUINT;
}

/* Properties */

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  ZopaClause *clause = find_clause (f, "geneva/3");
  ZopaStance *stance = find_stance (f, "kyiv", "territory");
  ZopaActor *moscow = zopa_scenario_find_actor (f->scenario, "moscow");
  g_autofree char *before = NULL;
  const char *sources[] = { "essay", NULL };
  const char *none[] = { NULL };
  GValue value = G_VALUE_INIT;

  g_assert_false (zopa_history_get_can_undo (f->history));
  g_assert_null (zopa_history_get_undo_label (f->history));

  /* a string */
  before = serialise (f);
  g_assert_true (zopa_history_set (f->history, clause, "title", "Neutrality", NULL));
  g_assert_cmpstr (zopa_clause_get_title (clause), ==, "Neutrality");
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Clause Title");
  assert_undo_redo (f, before);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);

  /* the same value again is no edit */
  g_assert_false (zopa_history_set (f->history, clause, "title", "Neutrality", NULL));
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);

  /* an enum */
  g_free (before);
  before = serialise (f);
  g_assert_cmpint (zopa_clause_get_status (clause), ==, ZOPA_CLAUSE_BRACKETED);
  g_assert_true (zopa_history_set (f->history, clause, "status", ZOPA_CLAUSE_AGREED, NULL));
  g_assert_cmpint (zopa_clause_get_status (clause), ==, ZOPA_CLAUSE_AGREED);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Clause Status");
  assert_undo_redo (f, before);

  /* an int, through a GValue */
  g_free (before);
  before = serialise (f);
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 3);
  g_assert_true (zopa_history_set_value (f->history, stance, "weight", &value));
  g_value_unset (&value);
  g_assert_cmpint (zopa_stance_get_weight (stance), ==, 3);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Weight");
  assert_undo_redo (f, before);

  /* string arrays: a list, NULL (every option) and an empty list (none) all differ */
  g_free (before);
  before = serialise (f);
  g_assert_true (zopa_history_set (f->history, moscow, "sources", sources, NULL));
  g_assert_cmpstrv (zopa_actor_get_sources (moscow), sources);
  assert_undo_redo (f, before);

  g_free (before);
  before = serialise (f);
  g_assert_true (zopa_history_set (f->history, stance, "acceptable", NULL, NULL));
  g_assert_null (zopa_stance_get_acceptable (stance));
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_set (f->history, stance, "acceptable", none, NULL));
  g_assert_nonnull (zopa_stance_get_acceptable (stance));
  g_assert_cmpuint (g_strv_length ((char **) zopa_stance_get_acceptable (stance)), ==, 0);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_null (zopa_stance_get_acceptable (stance));

  /* the scenario itself */
  g_free (before);
  before = serialise (f);
  g_assert_true (zopa_history_set (f->history, f->scenario, "title", "What if", NULL));
  assert_undo_redo (f, before);
}

static void
test_properties_several (Fixture       *f,
                         gconstpointer  data)
{
  ZopaDraft *draft = zopa_scenario_find_draft (f->scenario, "eu");
  g_autofree char *before = serialise (f);
  guint n_steps = zopa_history_get_n_undo_steps (f->history);

  g_assert_true (zopa_history_set (f->history, draft,
                                   "title", "European plan",
                                   "date", "2025-11-24",
                                   "notes", "Counter-proposal",
                                   NULL));
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, n_steps + 1);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Draft Title");
  assert_undo_redo (f, before);
}

static void
test_variant_change_optional (Fixture       *f,
                              gconstpointer  data)
{
  ZopaVariantChange *territory = find_change (f, "post-putin", "moscow", "territory");
  ZopaVariantChange *nato = find_change (f, "post-putin", "moscow", "nato");
  ZopaVariantChange *reservation = find_change (f, "post-putin", "moscow", NULL);
  g_autofree char *before = serialise (f);

  /* setting a weight the change did not have: undo takes it away, not just back to 1 */
  g_assert_false (zopa_variant_change_has_weight (nato));
  g_assert_true (zopa_history_set (f->history, nato, "weight", 2, NULL));
  g_assert_true (zopa_variant_change_has_weight (nato));
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_variant_change_has_weight (nato));

  /* unsetting */
  g_assert_true (zopa_history_unset_change_weight (f->history, territory));
  g_assert_false (zopa_variant_change_has_weight (territory));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Remove Variant Weight");
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpint (zopa_variant_change_get_weight (territory), ==, 6);

  g_assert_true (zopa_history_unset_change_reservation (f->history, reservation));
  assert_undo_redo (f, before);
  g_assert_false (zopa_history_unset_change_reservation (f->history, reservation));
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_history_set (f->history, reservation, "reservation", 30, NULL));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Variant Reservation");
  assert_undo_redo (f, before);
}

/* Lists */

static void
check_list (Fixture    *f,
            gpointer    owner,
            GListModel *list,
            gpointer    new_item)
{
  g_autofree char *before = NULL;
  g_autoptr(GObject) second = g_list_model_get_item (list, 1);
  g_autoptr(GObject) first = g_list_model_get_item (list, 0);
  guint n_items = g_list_model_get_n_items (list);

  g_assert_cmpuint (n_items, >=, 2);

  /* remove from the middle: undo puts the same object back at its place */
  before = serialise (f);
  g_assert_true (zopa_history_remove (f->history, owner, second));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_items - 1);
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  {
    g_autoptr(GObject) back = g_list_model_get_item (list, 1);

    g_assert_true (back == second);
  }

  /* move the first to the end, and back through undo */
  g_assert_true (zopa_history_move (f->history, owner, first, G_MAXUINT));
  {
    g_autoptr(GObject) last = g_list_model_get_item (list, n_items - 1);

    g_assert_true (last == first);
  }
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_history_move (f->history, owner, first, 0));

  /* insert */
  if (new_item != NULL)
    {
      g_assert_true (zopa_history_insert (f->history, owner, 1, new_item));
      {
        g_autoptr(GObject) inserted = g_list_model_get_item (list, 1);

        g_assert_true (inserted == new_item);
      }
      assert_undo_redo (f, before);
      g_assert_true (zopa_history_undo (f->history));
    }

  assert_file_equals (f, before);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  ZopaScenario *s = f->scenario;
  ZopaIssue *issue = zopa_scenario_find_issue (s, "army-cap");
  ZopaActor *actor = zopa_scenario_find_actor (s, "kyiv");
  ZopaDraft *draft = zopa_scenario_find_draft (s, "geneva-19");
  ZopaVariant *variant = zopa_scenario_find_variant (s, "post-putin");
  g_autoptr(ZopaSource) source = zopa_source_new ("new-source");
  g_autoptr(ZopaIssue) new_issue = zopa_issue_new ("new-issue");
  g_autoptr(ZopaActor) new_actor = zopa_actor_new ("new-actor");
  g_autoptr(ZopaDraft) new_draft = zopa_draft_new ("new-draft");
  g_autoptr(ZopaVariant) new_variant = zopa_variant_new ("new-variant");
  g_autoptr(ZopaOption) option = zopa_option_new ("cap-400k", "Capped at 400,000");
  g_autoptr(ZopaStance) stance = zopa_stance_new ("new-issue");
  g_autoptr(ZopaClause) clause = zopa_clause_new ("geneva/new");
  g_autoptr(ZopaVariantChange) change = zopa_variant_change_new ("kyiv", NULL);
  g_autofree char *before = NULL;

  check_list (f, s, zopa_scenario_get_sources (s), source);
  g_assert_null (zopa_history_get_undo_label (f->history));
  g_assert_cmpstr (zopa_history_get_redo_label (f->history), ==, "Add Source");
  check_list (f, s, zopa_scenario_get_issues (s), new_issue);
  check_list (f, s, zopa_scenario_get_actors (s), new_actor);
  check_list (f, s, zopa_scenario_get_drafts (s), new_draft);
  check_list (f, s, zopa_scenario_get_variants (s), new_variant);
  check_list (f, issue, zopa_issue_get_options (issue), option);
  check_list (f, actor, zopa_actor_get_stances (actor), stance);
  check_list (f, draft, zopa_draft_get_clauses (draft), clause);
  check_list (f, variant, zopa_variant_get_changes (variant), change);

  /* labels */
  before = serialise (f);
  g_assert_true (zopa_history_insert (f->history, draft, G_MAXUINT, clause));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Add Clause");
  g_assert_true (zopa_history_move (f->history, draft, clause, 0));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Move Clause");
  g_assert_true (zopa_history_remove (f->history, draft, clause));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Delete Clause");
  assert_file_equals (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_history_undo (f->history));
  assert_file_equals (f, before);
}

/* Ordered maps */

static void
test_stance_utility (Fixture       *f,
                     gconstpointer  data)
{
  ZopaStance *stance = find_stance (f, "moscow", "territory");
  g_autofree char *before = serialise (f);
  g_autofree char *without = NULL;

  /* in place */
  g_assert_true (zopa_history_set_utility (f->history, stance, "de-facto-donbas", 65));
  g_assert_cmpint (zopa_stance_get_utility (stance, "de-facto-donbas"), ==, 65);
  g_assert_cmpuint (strv_index (zopa_stance_get_utility_options (stance), "de-facto-donbas"), ==, 1);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Utility");
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_history_set_utility (f->history, stance, "de-facto-donbas", 55));

  /* unset from the middle: undo restores the order */
  g_assert_true (zopa_history_unset_utility (f->history, stance, "de-facto-donbas"));
  g_assert_false (zopa_stance_has_utility (stance, "de-facto-donbas"));
  assert_undo_redo (f, before);
  g_assert_cmpuint (strv_index (zopa_stance_get_utility_options (stance), "four-oblasts"), ==, 1);

  /* a new key goes last */
  without = serialise (f);
  g_assert_true (zopa_history_set_utility (f->history, stance, "de-facto-donbas", 10));
  g_assert_cmpuint (strv_index (zopa_stance_get_utility_options (stance), "de-facto-donbas"), ==, 2);
  assert_undo_redo (f, without);
  g_assert_true (zopa_history_undo (f->history));

  /* or where it is asked to */
  g_assert_true (zopa_history_insert_utility (f->history, stance, 0, "de-facto-donbas", 10));
  g_assert_cmpuint (strv_index (zopa_stance_get_utility_options (stance), "de-facto-donbas"), ==, 0);
  assert_undo_redo (f, without);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_history_undo (f->history));
  assert_file_equals (f, before);
}

/* A value that is a range: an edit makes it one number, undo restores the whole range. */
static void
test_ranges (Fixture       *f,
             gconstpointer  data)
{
  ZopaActor *moscow = zopa_scenario_find_actor (f->scenario, "moscow");
  ZopaStance *stance = find_stance (f, "moscow", "territory");
  g_autoptr(ZopaVariantChange) change = zopa_variant_change_new ("moscow", NULL);
  ZopaVariant *variant = zopa_variant_new ("ranges");
  g_autofree char *before = NULL;

  zopa_variant_set_title (variant, "Ranges");
  zopa_variant_change_set_reservation_range (change, 40, 50);
  zopa_variant_insert_change (variant, 0, change);
  zopa_scenario_insert_variant (f->scenario, 0, variant);
  g_object_unref (variant);
  zopa_actor_set_reservation_range (moscow, 60, 85);
  zopa_stance_set_weight_range (stance, 2, 5);
  zopa_stance_set_utility_range (stance, "de-facto-donbas", 40, 70);
  before = serialise (f);

  g_assert_true (zopa_history_set (f->history, moscow, "reservation", 70, NULL));
  g_assert_false (zopa_actor_get_reservation_range (moscow).ranged);
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));

  g_assert_true (zopa_history_set (f->history, stance, "weight", 3, NULL));
  g_assert_cmpint (zopa_stance_get_weight_range (stance).high, ==, 3);
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));

  g_assert_true (zopa_history_set_utility (f->history, stance, "de-facto-donbas", 40));
  g_assert_false (zopa_stance_get_utility_range (stance, "de-facto-donbas").ranged);
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));

  g_assert_true (zopa_history_set (f->history, change, "reservation", 45, NULL));
  g_assert_false (zopa_variant_change_get_reservation_range (change).ranged);
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  assert_file_equals (f, before);
}

static void
test_clause_option (Fixture       *f,
                    gconstpointer  data)
{
  ZopaClause *plain = find_clause (f, "geneva/1");
  ZopaClause *nato = find_clause (f, "geneva/3");
  g_autofree char *before = serialise (f);

  g_assert_null (zopa_clause_get_set_option (plain, "territory"));
  g_assert_true (zopa_history_set_clause_option (f->history, plain, "territory", "line-of-contact"));
  g_assert_cmpstr (zopa_clause_get_set_option (plain, "territory"), ==, "line-of-contact");
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Clause Option");
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));

  g_assert_true (zopa_history_set_clause_option (f->history, nato, "nato", "renounce"));
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));

  /* two issues, then the first removed and put back in front */
  g_assert_true (zopa_history_set_clause_option (f->history, nato, "army-cap", "cap-800k"));
  g_free (before);
  before = serialise (f);
  g_assert_true (zopa_history_set_clause_option (f->history, nato, "nato", NULL));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Remove Clause Option");
  g_assert_null (zopa_clause_get_set_option (nato, "nato"));
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpuint (strv_index (zopa_clause_get_set_issues (nato), "nato"), ==, 0);
  g_assert_false (zopa_history_set_clause_option (f->history, nato, "territory", NULL));
}

static void
test_change_utility (Fixture       *f,
                     gconstpointer  data)
{
  ZopaVariantChange *plain = find_change (f, "post-putin", "moscow", "nato");
  ZopaVariantChange *full = find_change (f, "security-architecture", "moscow", "army-cap");
  g_autofree char *before = serialise (f);

  /* the first utility of a change that had none: undo drops the map itself */
  g_assert_false (zopa_variant_change_has_utility (plain));
  g_assert_true (zopa_history_set_change_utility (f->history, plain, "renounce", 80));
  g_assert_true (zopa_variant_change_has_utility (plain));
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_variant_change_has_utility (plain));

  /* in place, removed from the middle, inserted */
  g_assert_true (zopa_history_set_change_utility (f->history, full, "cap-800k", 45));
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_history_unset_change_utility (f->history, full, "cap-800k"));
  assert_undo_redo (f, before);
  g_assert_cmpuint (strv_index (zopa_variant_change_get_utility_options (full), "cap-600k"), ==, 1);
  g_assert_true (zopa_history_insert_change_utility (f->history, full, 3, "cap-800k", 45));
  g_assert_cmpuint (strv_index (zopa_variant_change_get_utility_options (full), "cap-800k"), ==, 3);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_history_undo (f->history));
  assert_file_equals (f, before);

  /* clearing the whole map is one step */
  g_assert_true (zopa_history_clear_change_utility (f->history, full));
  g_assert_false (zopa_variant_change_has_utility (full));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Clear Variant Utilities");
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_history_clear_change_utility (f->history, plain));

  /* an empty map that is there ("utility": {}) survives clear and undo */
  g_assert_true (zopa_history_set_change_utility (f->history, plain, "renounce", 80));
  g_assert_true (zopa_history_unset_change_utility (f->history, plain, "renounce"));
  g_assert_true (zopa_variant_change_has_utility (plain));
  g_free (before);
  before = serialise (f);
  g_assert_true (zopa_history_clear_change_utility (f->history, plain));
  g_assert_false (zopa_variant_change_has_utility (plain));
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_variant_change_has_utility (plain));
}

/* Typing */

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  ZopaClause *clause = find_clause (f, "geneva/3");
  ZopaStance *stance = find_stance (f, "moscow", "territory");
  g_autofree char *before = serialise (f);
  const char *keys[] = { "N", "Ne", "Neu", "Neut" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      zopa_history_set (f->history, clause, "title", keys[i], NULL);
      f->now += 300 * G_TIME_SPAN_MILLISECOND;
    }
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  assert_undo_redo (f, before);

  /* undo broke the run: the next key is a step of its own */
  zopa_history_set (f->history, clause, "title", "Neutr", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 2);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "title", "Neutra", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 2);

  /* a pause */
  f->now += 1500 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "title", "Neutral", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 3);

  /* another property, then back */
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "text", "Ukraine stays neutral.", NULL);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "title", "Neutrality", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 5);

  /* another object */
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, find_clause (f, "geneva/4"), "title", "X", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 6);

  /* break_merge (an entry losing focus) and a save */
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_break_merge (f->history);
  zopa_history_set (f->history, find_clause (f, "geneva/4"), "title", "XY", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 7);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_mark_saved (f->history);
  zopa_history_set (f->history, find_clause (f, "geneva/4"), "title", "XYZ", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 8);
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  g_assert_true (zopa_history_undo (f->history));
  g_assert_true (zopa_history_get_at_saved_point (f->history));

  /* numbers merge too (a spin button), choices do not */
  f->now += 5 * G_TIME_SPAN_SECOND;
  zopa_history_set_utility (f->history, stance, "four-oblasts", 90);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set_utility (f->history, stance, "four-oblasts", 80);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 8);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "status", ZOPA_CLAUSE_AGREED, NULL);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "status", ZOPA_CLAUSE_DELETED, NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 10);

  /* a zero timeout merges nothing */
  zopa_history_set_merge_timeout (f->history, 0);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "title", "A", NULL);
  f->now += 100 * G_TIME_SPAN_MILLISECOND;
  zopa_history_set (f->history, clause, "title", "AB", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 12);

  while (zopa_history_undo (f->history))
    ;
  assert_file_equals (f, before);
  while (zopa_history_redo (f->history))
    ;
  g_assert_cmpstr (zopa_clause_get_title (clause), ==, "AB");
}

/* Groups */

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  ZopaClause *clause = find_clause (f, "geneva/21");
  g_autofree char *before = serialise (f);
  guint n_steps;

  zopa_history_begin_group (f->history, "Settle Territory");
  zopa_history_set (f->history, clause, "status", ZOPA_CLAUSE_AGREED, NULL);
  zopa_history_begin_group (f->history, "Inner");
  zopa_history_set_clause_option (f->history, clause, "territory", "line-of-contact");
  zopa_history_set (f->history, clause, "title", "Territory settled", NULL);
  zopa_history_end_group (f->history);
  /* no undo while the group is open */
  g_assert_false (zopa_history_get_can_undo (f->history));
  g_assert_false (zopa_history_undo (f->history));
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  zopa_history_end_group (f->history);

  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Settle Territory");
  assert_undo_redo (f, before);

  /* an empty group leaves no step; a group without a label takes its first edit's */
  n_steps = zopa_history_get_n_undo_steps (f->history);
  zopa_history_begin_group (f->history, "Nothing");
  zopa_history_set (f->history, clause, "title", "Territory settled", NULL);
  zopa_history_end_group (f->history);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, n_steps);

  zopa_history_begin_group (f->history, NULL);
  zopa_history_set (f->history, clause, "number", "21*", NULL);
  zopa_history_set (f->history, clause, "text", "…", NULL);
  zopa_history_end_group (f->history);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Clause Number");

  /* a group does not merge with typing before or after it */
  zopa_history_set (f->history, clause, "title", "T", NULL);
  zopa_history_begin_group (f->history, NULL);
  zopa_history_set (f->history, clause, "title", "Ti", NULL);
  zopa_history_end_group (f->history);
  zopa_history_set (f->history, clause, "title", "Tit", NULL);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, n_steps + 4);

  while (zopa_history_undo (f->history))
    ;
  assert_file_equals (f, before);
}

/* The saved point and the redo steps */

static void
test_saved_point (Fixture       *f,
                  gconstpointer  data)
{
  ZopaActor *actor = zopa_scenario_find_actor (f->scenario, "europe");
  guint n_notify = 0;

  g_signal_connect (f->history, "notify::at-saved-point", G_CALLBACK (count_notify_cb), &n_notify);

  g_assert_true (zopa_history_get_at_saved_point (f->history));
  zopa_history_set (f->history, actor, "reservation", 40, NULL);
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  g_assert_cmpuint (n_notify, ==, 1);

  /* undo back to the loaded state clears the mark */
  zopa_history_undo (f->history);
  g_assert_true (zopa_history_get_at_saved_point (f->history));
  zopa_history_redo (f->history);
  g_assert_false (zopa_history_get_at_saved_point (f->history));

  zopa_history_mark_saved (f->history);
  g_assert_true (zopa_history_get_at_saved_point (f->history));
  zopa_history_undo (f->history);
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  zopa_history_redo (f->history);
  g_assert_true (zopa_history_get_at_saved_point (f->history));
  g_assert_cmpuint (n_notify, ==, 6);

  /* the saved state is a redo step; a new edit drops it, and it cannot come back */
  zopa_history_undo (f->history);
  g_assert_true (zopa_history_get_can_redo (f->history));
  zopa_history_set (f->history, actor, "reservation", 35, NULL);
  g_assert_false (zopa_history_get_can_redo (f->history));
  g_assert_null (zopa_history_get_redo_label (f->history));
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  zopa_history_undo (f->history);
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  zopa_history_redo (f->history);
  g_assert_false (zopa_history_get_at_saved_point (f->history));

  /* until the next save */
  zopa_history_mark_saved (f->history);
  g_assert_true (zopa_history_get_at_saved_point (f->history));

  g_signal_handlers_disconnect_by_data (f->history, &n_notify);
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  ZopaActor *actor = zopa_scenario_find_actor (f->scenario, "europe");

  zopa_history_set_limit (f->history, 3);
  for (int i = 1; i <= 5; i++)
    {
      zopa_history_break_merge (f->history);
      zopa_history_set (f->history, actor, "reservation", i, NULL);
    }
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 3);

  /* the loaded state fell off: undoing all that is kept does not reach it */
  while (zopa_history_undo (f->history))
    ;
  g_assert_cmpint (zopa_actor_get_reservation (actor), ==, 2);
  g_assert_false (zopa_history_get_at_saved_point (f->history));

  /* a saved point still in the history survives the oldest steps going */
  while (zopa_history_redo (f->history))
    ;
  zopa_history_mark_saved (f->history);
  zopa_history_undo (f->history);
  zopa_history_set (f->history, f->scenario, "title", "Other", NULL);
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  zopa_history_undo (f->history);
  zopa_history_redo (f->history);
  g_assert_false (zopa_history_get_at_saved_point (f->history));

  zopa_history_set_limit (f->history, 1);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  zopa_history_mark_saved (f->history);
  zopa_history_break_merge (f->history);
  zopa_history_set (f->history, actor, "reservation", 50, NULL);
  zopa_history_undo (f->history);
  g_assert_true (zopa_history_get_at_saved_point (f->history));
}

static void
test_outside_edit (Fixture       *f,
                   gconstpointer  data)
{
  ZopaClause *clause = find_clause (f, "geneva/3");

  zopa_history_set (f->history, clause, "title", "A", NULL);
  g_assert_true (zopa_history_get_can_undo (f->history));

  /* an edit behind the history's back: nothing recorded can be trusted any more */
  zopa_clause_set_text (clause, "changed directly");
  g_assert_false (zopa_history_get_can_undo (f->history));
  g_assert_false (zopa_history_get_at_saved_point (f->history));
  g_assert_false (zopa_history_undo (f->history));

  /* objects not in the scenario may be set up directly */
  {
    g_autoptr(ZopaClause) fresh = zopa_clause_new ("geneva/fresh");

    zopa_history_mark_saved (f->history);
    zopa_clause_set_title (fresh, "Fresh");
    g_assert_true (zopa_history_get_at_saved_point (f->history));
  }
}

static void
edit_back_cb (ZopaScenario *scenario,
              Fixture      *f)
{
  zopa_history_set (f->history, find_clause (f, "geneva/4"), "title", "Meddling", NULL);
}

static void
test_edit_while_undoing (Fixture       *f,
                         gconstpointer  data)
{
  ZopaClause *clause = find_clause (f, "geneva/3");

  if (g_test_subprocess ())
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      zopa_history_set (f->history, clause, "title", "A", NULL);
      g_signal_connect (f->scenario, "changed", G_CALLBACK (edit_back_cb), f);
      zopa_history_undo (f->history);
      return;
    }

  /* A view that edits from a change notification is a bug the history reports. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*while the history was undoing*");
}

/* References */

static void
test_rename_issue (Fixture       *f,
                   gconstpointer  data)
{
  ZopaIssue *issue = zopa_scenario_find_issue (f->scenario, "territory");
  ZopaClause *clause = find_clause (f, "moscow/1");
  ZopaVariantChange *change = find_change (f, "post-putin", "moscow", "territory");
  g_autofree char *before = serialise (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (zopa_edit_rename (f->history, issue, "land", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Rename Issue");
  g_assert_cmpstr (zopa_issue_get_id (issue), ==, "land");
  g_assert_nonnull (zopa_actor_find_stance (zopa_scenario_find_actor (f->scenario, "moscow"), "land"));
  g_assert_null (zopa_actor_find_stance (zopa_scenario_find_actor (f->scenario, "moscow"), "territory"));
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "land"), ==, "four-oblasts");
  g_assert_cmpstr (zopa_variant_change_get_issue (change), ==, "land");
  assert_valid (f->scenario);
  assert_undo_redo (f, before);

  /* refused: taken, empty, too long; nothing recorded */
  g_assert_false (zopa_edit_rename (f->history, issue, "nato", &error));
  g_assert_error (error, ZOPA_EDIT_ERROR, ZOPA_EDIT_ERROR_ID_TAKEN);
  g_clear_error (&error);
  g_assert_false (zopa_edit_rename (f->history, issue, "", &error));
  g_assert_error (error, ZOPA_EDIT_ERROR, ZOPA_EDIT_ERROR_INVALID_ID);
  g_clear_error (&error);
  {
    g_autofree char *long_id = g_strnfill (65, 'x');

    g_assert_false (zopa_edit_rename (f->history, issue, long_id, &error));
    g_assert_error (error, ZOPA_EDIT_ERROR, ZOPA_EDIT_ERROR_INVALID_ID);
    g_clear_error (&error);
  }
  g_assert_true (zopa_edit_check_id (f->scenario, issue, "land", NULL));
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
}

static void
test_rename_option (Fixture       *f,
                    gconstpointer  data)
{
  ZopaIssue *issue = zopa_scenario_find_issue (f->scenario, "territory");
  ZopaOption *option = zopa_issue_get_option (issue, zopa_issue_find_option (issue, "de-facto-donbas"));
  ZopaStance *moscow = find_stance (f, "moscow", "territory");
  ZopaVariantChange *change = find_change (f, "security-architecture", "moscow", "territory");
  g_autofree char *before = serialise (f);
  g_autoptr(GError) error = NULL;
  guint n_sets = 0;
  GListModel *drafts = zopa_scenario_get_drafts (f->scenario);

  /* option ids are unique within their issue only */
  g_assert_false (zopa_edit_rename (f->history, option, "four-oblasts", &error));
  g_assert_error (error, ZOPA_EDIT_ERROR, ZOPA_EDIT_ERROR_ID_TAKEN);
  g_clear_error (&error);
  g_assert_true (zopa_edit_check_id (f->scenario, option, "barred", NULL));

  g_assert_true (zopa_edit_rename (f->history, option, "donbas", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Rename Option");
  g_assert_cmpuint (strv_index (zopa_stance_get_maybe (moscow), "donbas"), ==, 0);
  g_assert_cmpuint (strv_index (zopa_stance_get_utility_options (moscow), "donbas"), ==, 1);
  g_assert_cmpint (zopa_stance_get_utility (moscow, "donbas"), ==, 55);
  g_assert_cmpuint (strv_index (zopa_variant_change_get_acceptable (change), "donbas"), ==, 1);
  g_assert_cmpuint (strv_index (zopa_variant_change_get_utility_options (change), "donbas"), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);
      GListModel *clauses = zopa_draft_get_clauses (draft);

      for (guint j = 0; j < g_list_model_get_n_items (clauses); j++)
        {
          g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, j);

          g_assert_cmpstr (zopa_clause_get_set_option (clause, "territory"), !=, "de-facto-donbas");
          if (g_strcmp0 (zopa_clause_get_set_option (clause, "territory"), "donbas") == 0)
            n_sets++;
        }
    }
  g_assert_cmpuint (n_sets, >, 0);
  assert_valid (f->scenario);
  assert_undo_redo (f, before);
}

static void
test_rename_others (Fixture       *f,
                    gconstpointer  data)
{
  ZopaScenario *s = f->scenario;
  g_autofree char *before = serialise (f);
  ZopaVariantChange *change = find_change (f, "post-putin", "moscow", NULL);
  ZopaClause *eu3 = find_clause (f, "eu/3");
  ZopaActor *kyiv = zopa_scenario_find_actor (s, "kyiv");

  g_assert_true (zopa_edit_rename (f->history, zopa_scenario_find_actor (s, "moscow"), "kremlin", NULL));
  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "kremlin");
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Rename Actor");

  g_assert_true (zopa_edit_rename (f->history, zopa_scenario_find_draft (s, "us-28"), "us-plan", NULL));
  g_assert_cmpstr (zopa_draft_get_derived_from (zopa_scenario_find_draft (s, "eu")), ==, "us-plan");

  g_assert_true (zopa_edit_rename (f->history, find_clause (f, "us-28/3"), "us-28/three", NULL));
  g_assert_cmpuint (strv_index (zopa_clause_get_derived_from (eu3), "us-28/three"), ==, 0);
  g_assert_false (zopa_edit_rename (f->history, find_clause (f, "us-28/4"), "eu/4", NULL));

  g_assert_true (zopa_edit_rename (f->history, zopa_scenario_find_source (s, "essay"), "the-essay", NULL));
  g_assert_cmpuint (strv_index (zopa_actor_get_sources (kyiv), "the-essay"), !=, G_MAXUINT);
  g_assert_cmpuint (strv_index (zopa_actor_get_sources (kyiv), "essay"), ==, G_MAXUINT);

  g_assert_true (zopa_edit_rename (f->history, zopa_scenario_find_variant (s, "post-putin"), "after-putin", NULL));
  assert_valid (s);

  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 5);
  while (zopa_history_undo (f->history))
    ;
  assert_file_equals (f, before);
  while (zopa_history_redo (f->history))
    ;
  assert_valid (s);
  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "kremlin");
}

static gboolean
places_contain (GPtrArray  *places,
                const char *place)
{
  for (guint i = 0; i < places->len; i++)
    if (g_strcmp0 (g_ptr_array_index (places, i), place) == 0)
      return TRUE;
  return FALSE;
}

/* Maybe options and utility ranges follow an option's rename, and go with its deletion. */
static void
test_rename_delete_maybe (Fixture       *f,
                          gconstpointer  data)
{
  ZopaIssue *issue = zopa_scenario_find_issue (f->scenario, "territory");
  ZopaOption *option = zopa_issue_get_option (issue, zopa_issue_find_option (issue, "de-facto-donbas"));
  ZopaStance *kyiv = find_stance (f, "kyiv", "territory");
  const char *maybe[] = { "de-facto-donbas", NULL };
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *before = NULL;
  ZopaRange range;

  zopa_stance_set_maybe (kyiv, maybe);
  zopa_stance_set_utility_range (kyiv, "de-facto-donbas", 20, 40);
  before = serialise (f);
  places = zopa_edit_describe_references (f->scenario, option);
  g_assert_true (places_contain (places, "The maybe options of Kyiv"));

  g_assert_true (zopa_edit_rename (f->history, option, "donbas", NULL));
  g_assert_cmpuint (strv_index (zopa_stance_get_maybe (kyiv), "donbas"), ==, 0);
  range = zopa_stance_get_utility_range (kyiv, "donbas");
  g_assert_true (range.ranged);
  g_assert_cmpint (range.low, ==, 20);
  g_assert_cmpint (range.high, ==, 40);
  assert_valid (f->scenario);
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));

  g_assert_true (zopa_edit_delete (f->history, option));
  g_assert_cmpuint (strv_index (zopa_stance_get_maybe (kyiv), "de-facto-donbas"), ==, G_MAXUINT);
  assert_valid (f->scenario);
  assert_undo_redo (f, before);
}

/* Allowing a maybe option makes it acceptable and no longer maybe, in one undoable step:
 * an option in both lists is an invalid file. */
static void
test_allow_maybe_option (Fixture       *f,
                         gconstpointer  data)
{
  ZopaStance *moscow = find_stance (f, "moscow", "territory");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) acceptable = NULL;
  g_autofree char *before = serialise (f);
  g_autofree char *maybe_option = NULL;
  guint n_maybe;

  g_assert_nonnull (zopa_stance_get_maybe (moscow));
  n_maybe = g_strv_length ((char **) zopa_stance_get_maybe (moscow));
  g_assert_cmpuint (n_maybe, >, 0);
  maybe_option = g_strdup (zopa_stance_get_maybe (moscow)[0]);
  g_strv_builder_addv (builder, (const char **) zopa_stance_get_acceptable (moscow));
  g_strv_builder_add (builder, maybe_option);
  acceptable = g_strv_builder_end (builder);

  zopa_edit_set_acceptable (f->history, G_OBJECT (moscow), (const char * const *) acceptable);
  g_assert_cmpuint (strv_index (zopa_stance_get_acceptable (moscow), maybe_option), !=, G_MAXUINT);
  g_assert_cmpuint (strv_index (zopa_stance_get_maybe (moscow), maybe_option), ==, G_MAXUINT);
  g_assert_cmpuint (g_strv_length ((char **) zopa_stance_get_maybe (moscow)), ==, n_maybe - 1);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  assert_valid (f->scenario);
  assert_undo_redo (f, before);
}

static void
test_delete_option (Fixture       *f,
                    gconstpointer  data)
{
  ZopaIssue *issue = zopa_scenario_find_issue (f->scenario, "territory");
  ZopaOption *option = zopa_issue_get_option (issue, zopa_issue_find_option (issue, "de-facto-donbas"));
  ZopaStance *moscow = find_stance (f, "moscow", "territory");
  g_autoptr(GPtrArray) places = zopa_edit_describe_references (f->scenario, option);
  g_autofree char *before = serialise (f);

  /* the built-in scenario leaves it open whether Moscow could live with this option */
  g_assert_true (places_contain (places, "The maybe options of Moscow"));
  g_assert_true (places_contain (places, "The utilities of Moscow"));
  g_assert_true (places_contain (places, "The acceptable options of Moscow in variant “Post-Putin leadership”"));

  g_assert_true (zopa_edit_delete (f->history, option));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Delete Option");
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  g_assert_cmpint (zopa_issue_find_option (issue, "de-facto-donbas"), ==, -1);
  g_assert_cmpuint (strv_index (zopa_stance_get_maybe (moscow), "de-facto-donbas"), ==, G_MAXUINT);
  g_assert_false (zopa_stance_has_utility (moscow, "de-facto-donbas"));
  assert_valid (f->scenario);
  assert_undo_redo (f, before);

  /* nothing refers to it any more */
  g_assert_true (zopa_history_undo (f->history));
  g_ptr_array_unref (places);
  places = zopa_edit_describe_references (f->scenario, zopa_scenario_find_issue (f->scenario, "language"));
  g_assert_cmpuint (places->len, >, 0);
}

static void
test_delete_others (Fixture       *f,
                    gconstpointer  data)
{
  ZopaScenario *s = f->scenario;
  g_autofree char *before = serialise (f);
  gpointer objects[] = {
    zopa_scenario_find_issue (s, "territory"),
    zopa_scenario_find_actor (s, "moscow"),
    zopa_scenario_find_source (s, "essay"),
    zopa_scenario_find_draft (s, "us-28"),
    find_clause (f, "geneva/3"),
    zopa_scenario_find_variant (s, "post-putin"),
    find_stance (f, "kyiv", "nato"),
    find_change (f, "post-putin", "moscow", "nato"),
  };
  const char *labels[] = {
    "Delete Issue", "Delete Actor", "Delete Source", "Delete Draft", "Delete Clause",
    "Delete Variant", "Delete Stance", "Delete Variant Change",
  };
  g_autoptr(GPtrArray) places = NULL;

  places = zopa_edit_describe_references (s, objects[0]);
  g_assert_true (places_contain (places, "The stance of Kyiv on this issue"));
  g_clear_pointer (&places, g_ptr_array_unref);
  places = zopa_edit_describe_references (s, objects[1]);
  g_assert_true (places_contain (places, "A change in variant “Post-Putin leadership”"));
  g_clear_pointer (&places, g_ptr_array_unref);
  places = zopa_edit_describe_references (s, objects[3]);
  g_assert_cmpuint (places->len, >, 2);
  g_clear_pointer (&places, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_assert_nonnull (objects[i]);
      g_assert_nonnull (zopa_edit_find_owner (s, objects[i]));
      g_assert_true (zopa_edit_delete (f->history, objects[i]));
      g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, labels[i]);
      g_assert_null (zopa_edit_find_owner (s, objects[i]));
      assert_valid (s);
      assert_undo_redo (f, before);
      g_assert_true (zopa_history_undo (f->history));
      g_assert_nonnull (zopa_edit_find_owner (s, objects[i]));
    }
  g_assert_false (zopa_history_get_can_undo (f->history));

  /* all of them, one after the other, then all undone */
  for (guint i = 0; i < 5; i++)
    g_assert_true (zopa_edit_delete (f->history, objects[i]));
  assert_valid (s);
  while (zopa_history_undo (f->history))
    ;
  assert_file_equals (f, before);
}

static void
test_fork_draft (Fixture       *f,
                 gconstpointer  data)
{
  ZopaScenario *s = f->scenario;
  ZopaDraft *geneva = zopa_scenario_find_draft (s, "geneva-19");
  GListModel *drafts = zopa_scenario_get_drafts (s);
  g_autofree char *before = serialise (f);
  ZopaDraft *fork;
  ZopaClause *clause;
  guint n_drafts = g_list_model_get_n_items (drafts);

  fork = zopa_edit_fork_draft (f->history, geneva, NULL, NULL);
  g_assert_nonnull (fork);
  g_assert_cmpstr (zopa_draft_get_id (fork), ==, "geneva-19-fork");
  g_assert_cmpstr (zopa_draft_get_derived_from (fork), ==, "geneva-19");
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, n_drafts + 1);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_draft_get_clauses (fork)), ==,
                    g_list_model_get_n_items (zopa_draft_get_clauses (geneva)));
  clause = zopa_scenario_find_clause (s, "geneva-19-fork/3", NULL);
  g_assert_nonnull (clause);
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "nato"), ==, "barred");
  g_assert_cmpuint (strv_index (zopa_clause_get_derived_from (clause), "geneva/3"), ==, 0);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Fork Draft");
  assert_valid (s);
  assert_undo_redo (f, before);

  /* settle the fork's territory clause one way, then the other */
  clause = zopa_scenario_find_clause (s, "geneva-19-fork/21", NULL);
  g_assert_nonnull (clause);
  zopa_history_set (f->history, clause, "status", ZOPA_CLAUSE_AGREED, NULL);
  zopa_history_set_clause_option (f->history, clause, "territory", "line-of-contact");
  zopa_history_set_clause_option (f->history, clause, "territory", "de-facto-donbas");
  assert_valid (s);

  /* a second fork gets another id */
  g_assert_cmpstr (zopa_draft_get_id (zopa_edit_fork_draft (f->history, geneva, NULL, "Mine")),
                   ==, "geneva-19-fork-2");
  assert_valid (s);

  while (zopa_history_undo (f->history))
    ;
  assert_file_equals (f, before);
}

static void
test_duplicate_clause (Fixture       *f,
                       gconstpointer  data)
{
  ZopaClause *clause = find_clause (f, "geneva/3");
  g_autofree char *before = serialise (f);
  ZopaClause *copy = zopa_edit_duplicate_clause (f->history, clause);
  g_autofree char *id = NULL;

  g_assert_nonnull (copy);
  g_assert_cmpstr (zopa_clause_get_id (copy), ==, "geneva/3-2");
  g_assert_cmpstrv (zopa_clause_get_derived_from (copy), zopa_clause_get_derived_from (clause));
  g_assert_cmpstr (zopa_clause_get_set_option (copy, "nato"), ==, "barred");
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Duplicate Clause");
  assert_valid (f->scenario);
  assert_undo_redo (f, before);

  id = zopa_edit_make_unique_id (f->scenario, ZOPA_TYPE_ISSUE, NULL, "nato");
  g_assert_cmpstr (id, ==, "nato-2");
  g_clear_pointer (&id, g_free);
  id = zopa_edit_make_unique_id (f->scenario, ZOPA_TYPE_OPTION,
                                 zopa_scenario_find_issue (f->scenario, "nato"), "barred");
  g_assert_cmpstr (id, ==, "barred-2");
}

static void
assert_range (ZopaRange range,
              int       low,
              int       high,
              gboolean  ranged)
{
  g_assert_cmpint (range.low, ==, low);
  g_assert_cmpint (range.high, ==, high);
  g_assert_cmpint (range.ranged, ==, ranged);
}

/* Each range setter: a range, a range of one value and one value again, each one step that
 * undo takes back to the very bytes before. */
static void
test_set_ranges (Fixture       *f,
                 gconstpointer  data)
{
  ZopaActor *moscow = zopa_scenario_find_actor (f->scenario, "moscow");
  ZopaStance *stance = find_stance (f, "moscow", "territory");
  ZopaRange range_70_85 = { 70, 85, TRUE };
  ZopaRange range_60_60 = { 60, 60, TRUE };
  ZopaRange plain_60 = { 60, 60, FALSE };
  ZopaRange weight_3_7 = { 3, 7, TRUE };
  ZopaRange weight_4 = { 4, 4, FALSE };
  g_autofree char *start = serialise (f);
  char *before;

  assert_range (zopa_actor_get_reservation_range (moscow), 55, 85, TRUE);
  g_assert_true (zopa_history_set_reservation_range (f->history, moscow, range_70_85));
  assert_range (zopa_actor_get_reservation_range (moscow), 70, 85, TRUE);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Reservation");
  assert_undo_redo (f, start);
  /* The same range again is no step. */
  g_assert_false (zopa_history_set_reservation_range (f->history, moscow, range_70_85));

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_reservation_range (f->history, moscow, plain_60));
  assert_range (zopa_actor_get_reservation_range (moscow), 60, 60, FALSE);
  assert_undo_redo (f, before);
  g_free (before);

  /* [60, 60] differs from 60 in the file, and undo tells them apart. */
  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_reservation_range (f->history, moscow, range_60_60));
  assert_range (zopa_actor_get_reservation_range (moscow), 60, 60, TRUE);
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_weight_range (f->history, stance, weight_3_7));
  assert_range (zopa_stance_get_weight_range (stance), 3, 7, TRUE);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Change Weight");
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_weight_range (f->history, stance, weight_4));
  assert_range (zopa_stance_get_weight_range (stance), 4, 4, FALSE);
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_utility_range (f->history, stance, "line-of-contact", range_70_85));
  assert_range (zopa_stance_get_utility_range (stance, "line-of-contact"), 70, 85, TRUE);
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_utility_range (f->history, stance, "line-of-contact", plain_60));
  assert_range (zopa_stance_get_utility_range (stance, "line-of-contact"), 60, 60, FALSE);
  assert_undo_redo (f, before);
  g_free (before);

  /* Back to the start, step by step. */
  while (zopa_history_undo (f->history))
    ;
  assert_file_equals (f, start);
}

/* A variant change: setting a range it did not have adds the member, and undo removes it. */
static void
test_set_change_ranges (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ZopaVariantChange) reservation_change = zopa_variant_change_new ("moscow", NULL);
  g_autoptr(ZopaVariantChange) stance_change = zopa_variant_change_new ("moscow", "territory");
  ZopaVariant *variant = zopa_variant_new ("ranges");
  ZopaRange range_30_45 = { 30, 45, TRUE };
  ZopaRange plain_30 = { 30, 30, FALSE };
  ZopaRange weight_2_6 = { 2, 6, TRUE };
  ZopaRange utility_10_90 = { 10, 90, TRUE };
  char *before;

  zopa_variant_set_title (variant, "Ranges");
  zopa_variant_change_set_reservation (reservation_change, 40);
  zopa_variant_insert_change (variant, 0, reservation_change);
  zopa_variant_change_set_weight (stance_change, 5);
  zopa_variant_insert_change (variant, 1, stance_change);
  zopa_scenario_insert_variant (f->scenario, 0, variant);
  g_object_unref (variant);

  before = serialise (f);
  g_assert_true (zopa_history_set_reservation_range (f->history, reservation_change, range_30_45));
  assert_range (zopa_variant_change_get_reservation_range (reservation_change), 30, 45, TRUE);
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_reservation_range (f->history, reservation_change, plain_30));
  assert_range (zopa_variant_change_get_reservation_range (reservation_change), 30, 30, FALSE);
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_true (zopa_history_set_weight_range (f->history, stance_change, weight_2_6));
  assert_range (zopa_variant_change_get_weight_range (stance_change), 2, 6, TRUE);
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  zopa_history_break_merge (f->history);
  g_assert_false (zopa_variant_change_has_utility (stance_change));
  g_assert_true (zopa_history_set_utility_range (f->history, stance_change, "four-oblasts", utility_10_90));
  g_assert_true (zopa_variant_change_has_utility (stance_change));
  assert_range (zopa_variant_change_get_utility_range (stance_change, "four-oblasts"), 10, 90, TRUE);
  assert_undo_redo (f, before);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_variant_change_has_utility (stance_change));
  assert_file_equals (f, before);
  g_free (before);
}

/* Three states per option, each one step, lists kept in the issue's order. */
static void
test_set_acceptability (Fixture       *f,
                        gconstpointer  data)
{
  ZopaStance *stance = find_stance (f, "moscow", "territory");
  ZopaIssue *territory = zopa_scenario_find_issue (f->scenario, "territory");
  g_autoptr(ZopaVariantChange) change = zopa_variant_change_new ("moscow", "territory");
  ZopaVariant *variant = zopa_variant_new ("maybes");
  const char *change_acceptable[] = { "four-oblasts", NULL };
  g_autofree char *start = serialise (f);
  char *before;

  g_assert_cmpint (zopa_edit_get_acceptability (G_OBJECT (stance), "four-oblasts"), ==, ZOPA_ACCEPTABILITY_ACCEPTABLE);
  g_assert_cmpint (zopa_edit_get_acceptability (G_OBJECT (stance), "de-facto-donbas"), ==, ZOPA_ACCEPTABILITY_MAYBE);
  g_assert_cmpint (zopa_edit_get_acceptability (G_OBJECT (stance), "line-of-contact"), ==, ZOPA_ACCEPTABILITY_RED_LINE);

  g_assert_false (zopa_edit_set_acceptability (f->history, G_OBJECT (stance), territory, "four-oblasts",
                                               ZOPA_ACCEPTABILITY_ACCEPTABLE));
  g_assert_true (zopa_edit_set_acceptability (f->history, G_OBJECT (stance), territory, "line-of-contact",
                                              ZOPA_ACCEPTABILITY_MAYBE));
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Mark Option as Maybe");
  g_assert_cmpstr (zopa_stance_get_maybe (stance)[0], ==, "line-of-contact");
  g_assert_cmpstr (zopa_stance_get_maybe (stance)[1], ==, "de-facto-donbas");
  g_assert_null (zopa_stance_get_maybe (stance)[2]);
  assert_valid (f->scenario);
  assert_undo_redo (f, start);

  before = serialise (f);
  g_assert_true (zopa_edit_set_acceptability (f->history, G_OBJECT (stance), territory, "de-facto-donbas",
                                              ZOPA_ACCEPTABILITY_ACCEPTABLE));
  g_assert_true (zopa_stance_accepts_option (stance, "de-facto-donbas"));
  g_assert_false (zopa_stance_is_maybe (stance, "de-facto-donbas"));
  assert_valid (f->scenario);
  assert_undo_redo (f, before);
  g_free (before);

  before = serialise (f);
  g_assert_true (zopa_edit_set_acceptability (f->history, G_OBJECT (stance), territory, "four-oblasts",
                                              ZOPA_ACCEPTABILITY_RED_LINE));
  g_assert_cmpint (zopa_edit_get_acceptability (G_OBJECT (stance), "four-oblasts"), ==, ZOPA_ACCEPTABILITY_RED_LINE);
  assert_valid (f->scenario);
  assert_undo_redo (f, before);
  g_free (before);

  while (zopa_history_undo (f->history))
    ;
  assert_file_equals (f, start);

  /* A change that replaces the lists; one that does not cannot be given a state. */
  zopa_variant_set_title (variant, "Maybes");
  zopa_variant_insert_change (variant, 0, change);
  zopa_scenario_insert_variant (f->scenario, 0, variant);
  g_object_unref (variant);
  g_assert_false (zopa_edit_holder_lists_acceptability (G_OBJECT (change)));
  zopa_variant_change_set_acceptable (change, change_acceptable);
  g_assert_true (zopa_edit_holder_lists_acceptability (G_OBJECT (change)));
  before = serialise (f);
  g_assert_true (zopa_edit_set_acceptability (f->history, G_OBJECT (change), territory, "de-facto-donbas",
                                              ZOPA_ACCEPTABILITY_MAYBE));
  g_assert_cmpint (zopa_edit_get_acceptability (G_OBJECT (change), "de-facto-donbas"), ==, ZOPA_ACCEPTABILITY_MAYBE);
  g_assert_cmpint (zopa_edit_get_acceptability (G_OBJECT (change), "four-oblasts"), ==, ZOPA_ACCEPTABILITY_ACCEPTABLE);
  g_assert_cmpint (zopa_edit_get_acceptability (G_OBJECT (change), "line-of-contact"), ==, ZOPA_ACCEPTABILITY_RED_LINE);
  assert_valid (f->scenario);
  assert_undo_redo (f, before);
  g_free (before);
}

/* The storyboard follows renames and deletions of what its frames show, and stays valid. */
static ZopaFrame *
add_frame (Fixture            *f,
           const char         *view,
           const char * const *actors,
           const char * const *drafts,
           const char         *selected,
           const char         *variant)
{
  g_autoptr(ZopaFrame) frame = zopa_frame_new ();
  GListModel *frames = zopa_scenario_get_frames (f->scenario);

  zopa_frame_set_view (frame, view);
  zopa_frame_set_actors (frame, actors);
  zopa_frame_set_drafts (frame, drafts);
  zopa_frame_set_selected (frame, selected);
  zopa_frame_set_variant (frame, variant);
  g_assert_true (zopa_history_insert (f->history, f->scenario, g_list_model_get_n_items (frames), frame));
  return frame;
}

static void
test_storyboard_references (Fixture       *f,
                            gconstpointer  data)
{
  const char * const pair[] = { "kyiv", "moscow", NULL };
  const char * const three[] = { "washington", "kyiv", "moscow", NULL };
  const char * const drafts[] = { "us-28", "geneva-19", NULL };
  ZopaFrame *venn, *bargaining;
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  ZopaDraft *geneva = zopa_scenario_find_draft (f->scenario, "geneva-19");

  /* Frames of this test only, numbered from 1. */
  while (g_list_model_get_n_items (zopa_scenario_get_frames (f->scenario)) > 0)
    zopa_scenario_remove_frame (f->scenario, 0);
  venn = add_frame (f, "venn", three, drafts, "geneva-19", "post-putin");
  bargaining = add_frame (f, "bargaining", pair, NULL, "us-28", NULL);

  assert_valid (f->scenario);
  before = serialise (f);

  places = zopa_edit_describe_references (f->scenario, zopa_scenario_find_actor (f->scenario, "kyiv"));
  g_assert_true (g_ptr_array_find_with_equal_func (places, "Frame 1 of the storyboard shows it", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (places, "Frame 2 of the storyboard shows it", g_str_equal, NULL));

  /* Renames reach every frame, in one step. */
  g_assert_true (zopa_edit_rename (f->history, zopa_scenario_find_actor (f->scenario, "kyiv"), "ukraine", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zopa_frame_get_actors (venn)[1], ==, "ukraine");
  g_assert_cmpstr (zopa_frame_get_actors (bargaining)[0], ==, "ukraine");
  g_assert_true (zopa_edit_rename (f->history, geneva, "geneva", &error));
  g_assert_cmpstr (zopa_frame_get_drafts (venn)[1], ==, "geneva");
  g_assert_cmpstr (zopa_frame_get_selected (venn), ==, "geneva");
  g_assert_true (zopa_edit_rename (f->history, zopa_scenario_find_variant (f->scenario, "post-putin"), "successor", &error));
  g_assert_cmpstr (zopa_frame_get_variant (venn), ==, "successor");
  assert_valid (f->scenario);

  /* Deleting an actor takes it out of the frames; a bargaining frame left with one actor
   * shows the first two of the scenario instead. */
  g_assert_true (zopa_edit_delete (f->history, zopa_scenario_find_actor (f->scenario, "moscow")));
  g_assert_cmpuint (g_strv_length ((char **) zopa_frame_get_actors (venn)), ==, 2);
  g_assert_null (zopa_frame_get_actors (bargaining));
  g_assert_true (zopa_edit_delete (f->history, zopa_scenario_find_draft (f->scenario, "geneva")));
  g_assert_cmpstrv (zopa_frame_get_drafts (venn), ((const char * const[]) { "us-28", NULL }));
  g_assert_null (zopa_frame_get_selected (venn));
  g_assert_true (zopa_edit_delete (f->history, zopa_scenario_find_variant (f->scenario, "successor")));
  g_assert_null (zopa_frame_get_variant (venn));
  assert_valid (f->scenario);

  /* Deleting a frame is one undoable step too. */
  g_assert_true (zopa_edit_delete (f->history, bargaining));
  g_assert_cmpstr (zopa_history_get_undo_label (f->history), ==, "Delete Frame");
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_frames (f->scenario)), ==, 1);

  for (int i = 0; i < 7; i++)
    g_assert_true (zopa_history_undo (f->history));
  assert_file_equals (f, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/history/properties", test_properties);
  ADD ("/history/properties-several", test_properties_several);
  ADD ("/history/variant-change-optional", test_variant_change_optional);
  ADD ("/history/lists", test_lists);
  ADD ("/history/stance-utility", test_stance_utility);
  ADD ("/history/ranges", test_ranges);
  ADD ("/history/set-ranges", test_set_ranges);
  ADD ("/history/set-change-ranges", test_set_change_ranges);
  ADD ("/history/set-acceptability", test_set_acceptability);
  ADD ("/history/rename-delete-maybe", test_rename_delete_maybe);
  ADD ("/history/clause-option", test_clause_option);
  ADD ("/history/change-utility", test_change_utility);
  ADD ("/history/merge", test_merge);
  ADD ("/history/groups", test_groups);
  ADD ("/history/saved-point", test_saved_point);
  ADD ("/history/limit", test_limit);
  ADD ("/history/outside-edit", test_outside_edit);
  ADD ("/history/edit-while-undoing", test_edit_while_undoing);
  ADD ("/history/rename-issue", test_rename_issue);
  ADD ("/history/rename-option", test_rename_option);
  ADD ("/history/rename-others", test_rename_others);
  ADD ("/history/delete-option", test_delete_option);
  ADD ("/history/allow-maybe-option", test_allow_maybe_option);
  ADD ("/history/delete-others", test_delete_others);
  ADD ("/history/fork-draft", test_fork_draft);
  ADD ("/history/duplicate-clause", test_duplicate_clause);
  ADD ("/history/storyboard-references", test_storyboard_references);

#undef ADD

  return g_test_run ();
}
