/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "model/zopa-scenario.h"

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

static guint
strv_len (const char * const *strv)
{
  return strv == NULL ? 0 : g_strv_length ((char **) strv);
}

static void
test_defaults (void)
{
  ZopaSource *source = zopa_source_new ("reuters-28");
  ZopaOption *option = zopa_option_new ("no-cap", "No limit");
  ZopaIssue *issue = zopa_issue_new ("army-cap");
  ZopaStance *stance = zopa_stance_new ("army-cap");
  ZopaActor *actor = zopa_actor_new ("moscow");
  ZopaClause *clause = zopa_clause_new ("us-28/6");
  ZopaDraft *draft = zopa_draft_new ("us-28");
  ZopaVariantChange *change = zopa_variant_change_new ("moscow", NULL);
  ZopaVariant *variant = zopa_variant_new ("post-putin");
  ZopaScenario *scenario = zopa_scenario_new ();
  g_autofree char *title = NULL;
  int weight = -1;
  ZopaClauseStatus status = ZOPA_CLAUSE_DELETED;

  g_assert_cmpstr (zopa_source_get_id (source), ==, "reuters-28");
  g_assert_null (zopa_source_get_title (source));
  g_assert_null (zopa_source_get_publisher (source));
  g_assert_null (zopa_source_get_date (source));
  g_assert_null (zopa_source_get_url (source));
  g_assert_null (zopa_source_get_extra (source));

  g_assert_cmpstr (zopa_option_get_id (option), ==, "no-cap");
  g_assert_cmpstr (zopa_option_get_label (option), ==, "No limit");

  g_assert_cmpstr (zopa_issue_get_id (issue), ==, "army-cap");
  g_assert_null (zopa_issue_get_title (issue));
  g_assert_null (zopa_issue_get_description (issue));
  g_assert_cmpuint (zopa_issue_get_n_options (issue), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_issue_get_options (issue)), ==, 0);
  g_assert_true (g_list_model_get_item_type (zopa_issue_get_options (issue)) == ZOPA_TYPE_OPTION);

  g_assert_cmpstr (zopa_stance_get_issue (stance), ==, "army-cap");
  g_assert_cmpint (zopa_stance_get_weight (stance), ==, 1);
  g_object_get (stance, "weight", &weight, NULL);
  g_assert_cmpint (weight, ==, 1);
  g_assert_null (zopa_stance_get_acceptable (stance));
  g_assert_true (zopa_stance_accepts_option (stance, "anything"));
  g_assert_cmpint (zopa_stance_get_utility (stance, "no-cap"), ==, ZOPA_UTILITY_DEFAULT);
  g_assert_false (zopa_stance_has_utility (stance, "no-cap"));
  g_assert_nonnull (zopa_stance_get_utility_options (stance));
  g_assert_null (zopa_stance_get_utility_options (stance)[0]);

  g_assert_cmpstr (zopa_actor_get_id (actor), ==, "moscow");
  g_assert_null (zopa_actor_get_name (actor));
  g_assert_null (zopa_actor_get_color (actor));
  g_assert_null (zopa_actor_get_logic (actor));
  g_assert_cmpint (zopa_actor_get_reservation (actor), ==, 0);
  g_assert_null (zopa_actor_get_sources (actor));
  g_assert_null (zopa_actor_find_stance (actor, "army-cap"));

  g_assert_cmpstr (zopa_clause_get_id (clause), ==, "us-28/6");
  g_assert_null (zopa_clause_get_number (clause));
  g_assert_null (zopa_clause_get_text (clause));
  g_assert_cmpint (zopa_clause_get_status (clause), ==, ZOPA_CLAUSE_AGREED);
  g_object_get (clause, "status", &status, NULL);
  g_assert_cmpint (status, ==, ZOPA_CLAUSE_AGREED);
  g_assert_null (zopa_clause_get_sources (clause));
  g_assert_null (zopa_clause_get_derived_from (clause));
  g_assert_null (zopa_clause_get_set_issues (clause)[0]);
  g_assert_null (zopa_clause_get_set_option (clause, "army-cap"));

  g_assert_cmpstr (zopa_draft_get_id (draft), ==, "us-28");
  g_assert_null (zopa_draft_get_derived_from (draft));
  g_assert_null (zopa_draft_get_notes (draft));
  g_assert_null (zopa_draft_find_clause (draft, "us-28/6"));

  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "moscow");
  g_assert_null (zopa_variant_change_get_issue (change));
  g_assert_false (zopa_variant_change_has_reservation (change));
  g_assert_false (zopa_variant_change_has_weight (change));
  g_assert_false (zopa_variant_change_has_utility (change));
  g_assert_null (zopa_variant_change_get_acceptable (change));
  g_assert_cmpint (zopa_variant_change_get_weight (change), ==, 1);

  g_assert_cmpstr (zopa_variant_get_id (variant), ==, "post-putin");
  g_assert_cmpuint (g_list_model_get_n_items (zopa_variant_get_changes (variant)), ==, 0);

  g_assert_null (zopa_scenario_get_title (scenario));
  g_object_set (scenario, "title", "Peace plans", NULL);
  g_object_get (scenario, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Peace plans");
  g_assert_cmpstr (zopa_scenario_get_title (scenario), ==, "Peace plans");
  g_assert_null (zopa_scenario_get_extra (scenario));

  g_assert_finalize_object (source);
  g_assert_finalize_object (option);
  g_assert_finalize_object (issue);
  g_assert_finalize_object (stance);
  g_assert_finalize_object (actor);
  g_assert_finalize_object (clause);
  g_assert_finalize_object (draft);
  g_assert_finalize_object (change);
  g_assert_finalize_object (variant);
  g_assert_finalize_object (scenario);
}

static void
test_notify_on_change_only (void)
{
  ZopaSource *source = zopa_source_new ("s");
  ZopaActor *actor = zopa_actor_new ("a");
  ZopaClause *clause = zopa_clause_new ("c");
  JsonObject *extra = json_object_new ();
  guint notified = 0, changed = 0, actor_notified = 0, clause_notified = 0;

  g_signal_connect (source, "notify::title", G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect (source, "changed", G_CALLBACK (count_cb), &changed);

  zopa_source_set_title (source, "Reuters");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  zopa_source_set_title (source, "Reuters");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  /* "" is a value distinct from NULL */
  zopa_source_set_title (source, "");
  g_assert_cmpstr (zopa_source_get_title (source), ==, "");
  g_assert_cmpuint (notified, ==, 2);
  zopa_source_set_title (source, NULL);
  g_assert_null (zopa_source_get_title (source));
  g_assert_cmpuint (notified, ==, 3);
  zopa_source_set_title (source, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_object_set (source, "title", "Via property", NULL);
  g_assert_cmpuint (notified, ==, 4);
  g_object_set (source, "title", "Via property", NULL);
  g_assert_cmpuint (notified, ==, 4);
  g_assert_cmpuint (changed, ==, 4);

  /* extra holds a reference; setting the same object again is not a change */
  zopa_source_set_extra (source, extra);
  g_assert_cmpuint (changed, ==, 5);
  zopa_source_set_extra (source, extra);
  g_assert_cmpuint (changed, ==, 5);
  json_object_set_int_member (extra, "future", 2);
  json_object_unref (extra);
  g_assert_cmpint (json_object_get_int_member (zopa_source_get_extra (source), "future"), ==, 2);
  zopa_source_set_extra (source, NULL);
  g_assert_null (zopa_source_get_extra (source));
  g_assert_cmpuint (changed, ==, 6);

  g_signal_connect (actor, "notify", G_CALLBACK (count_notify_cb), &actor_notified);
  zopa_actor_set_reservation (actor, 80);
  zopa_actor_set_reservation (actor, 80);
  g_assert_cmpuint (actor_notified, ==, 1);
  zopa_actor_set_color (actor, "#c01c28");
  zopa_actor_set_color (actor, "#c01c28");
  g_assert_cmpuint (actor_notified, ==, 2);
  {
    const char *ids[] = { "putin-2024-06-14", NULL };
    const char *same[] = { "putin-2024-06-14", NULL };

    zopa_actor_set_sources (actor, ids);
    zopa_actor_set_sources (actor, same);
    g_assert_cmpuint (actor_notified, ==, 3);
    g_assert_cmpstrv (zopa_actor_get_sources (actor), ids);
    g_assert_true (zopa_actor_get_sources (actor) != ids);
  }

  g_signal_connect (clause, "notify", G_CALLBACK (count_notify_cb), &clause_notified);
  zopa_clause_set_status (clause, ZOPA_CLAUSE_BRACKETED);
  zopa_clause_set_status (clause, ZOPA_CLAUSE_BRACKETED);
  g_assert_cmpuint (clause_notified, ==, 1);
  g_object_set (clause, "status", ZOPA_CLAUSE_DELETED, NULL);
  g_assert_cmpint (zopa_clause_get_status (clause), ==, ZOPA_CLAUSE_DELETED);
  g_assert_cmpuint (clause_notified, ==, 2);

  g_assert_finalize_object (source);
  g_assert_finalize_object (actor);
  g_assert_finalize_object (clause);
}

static ZopaIssue *
make_issue (const char *id,
            guint       n_options)
{
  ZopaIssue *issue = zopa_issue_new (id);

  for (guint i = 0; i < n_options; i++)
    {
      g_autofree char *option_id = g_strdup_printf ("%s-%u", id, i);
      g_autoptr(ZopaOption) option = zopa_option_new (option_id, option_id);

      zopa_issue_insert_option (issue, i, option);
    }

  return issue;
}

/* A small scenario with one of everything; returns borrowed pointers to its parts. */
static ZopaScenario *
make_scenario (ZopaIssue         **issue_out,
               ZopaActor         **actor_out,
               ZopaStance        **stance_out,
               ZopaDraft         **draft_out,
               ZopaClause        **clause_out,
               ZopaVariant       **variant_out,
               ZopaVariantChange **change_out)
{
  ZopaScenario *scenario = zopa_scenario_new ();
  g_autoptr(ZopaSource) source = zopa_source_new ("reuters-28");
  g_autoptr(ZopaIssue) issue = make_issue ("army-cap", 4);
  g_autoptr(ZopaIssue) other = make_issue ("nato", 2);
  g_autoptr(ZopaActor) actor = zopa_actor_new ("moscow");
  g_autoptr(ZopaStance) stance = zopa_stance_new ("army-cap");
  g_autoptr(ZopaDraft) draft = zopa_draft_new ("us-28");
  g_autoptr(ZopaDraft) draft2 = zopa_draft_new ("eu");
  g_autoptr(ZopaClause) clause = zopa_clause_new ("us-28/6");
  g_autoptr(ZopaClause) clause2 = zopa_clause_new ("eu/6");
  g_autoptr(ZopaVariant) variant = zopa_variant_new ("post-putin");
  g_autoptr(ZopaVariantChange) change = zopa_variant_change_new ("moscow", NULL);

  zopa_scenario_insert_source (scenario, 0, source);
  zopa_scenario_insert_issue (scenario, 0, issue);
  zopa_scenario_insert_issue (scenario, 1, other);
  zopa_actor_insert_stance (actor, 0, stance);
  zopa_scenario_insert_actor (scenario, 0, actor);
  zopa_clause_set_option (clause, "army-cap", "army-cap-2");
  zopa_draft_insert_clause (draft, 0, clause);
  zopa_draft_insert_clause (draft2, 0, clause2);
  zopa_scenario_insert_draft (scenario, 0, draft);
  zopa_scenario_insert_draft (scenario, 1, draft2);
  zopa_variant_change_set_reservation (change, 45);
  zopa_variant_insert_change (variant, 0, change);
  zopa_scenario_insert_variant (scenario, 0, variant);

  *issue_out = issue;
  *actor_out = actor;
  *stance_out = stance;
  *draft_out = draft;
  *clause_out = clause;
  *variant_out = variant;
  *change_out = change;
  return scenario;
}

static void
test_lists_and_lookups (void)
{
  ZopaIssue *issue;
  ZopaActor *actor;
  ZopaStance *stance;
  ZopaDraft *draft, *found_draft = NULL;
  ZopaClause *clause;
  ZopaVariant *variant;
  ZopaVariantChange *change;
  ZopaScenario *scenario = make_scenario (&issue, &actor, &stance, &draft, &clause,
                                          &variant, &change);
  g_autoptr(ZopaOption) first = zopa_option_new ("first", "First");
  g_autoptr(ZopaOption) item = NULL;
  GListModel *issues = zopa_scenario_get_issues (scenario);

  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 2);
  item = g_list_model_get_item (zopa_issue_get_options (issue), 2);
  g_assert_true (item == zopa_issue_get_option (issue, 2));
  g_clear_object (&item);
  g_assert_null (zopa_issue_get_option (issue, 4));

  g_assert_true (zopa_scenario_find_issue (scenario, "army-cap") == issue);
  g_assert_null (zopa_scenario_find_issue (scenario, "territory"));
  g_assert_null (zopa_scenario_find_issue (scenario, NULL));
  g_assert_nonnull (zopa_scenario_find_source (scenario, "reuters-28"));
  g_assert_true (zopa_scenario_find_actor (scenario, "moscow") == actor);
  g_assert_true (zopa_scenario_find_draft (scenario, "us-28") == draft);
  g_assert_nonnull (zopa_scenario_find_draft (scenario, "eu"));
  g_assert_true (zopa_scenario_find_variant (scenario, "post-putin") == variant);
  g_assert_null (zopa_scenario_find_variant (scenario, "collapse"));

  g_assert_cmpint (zopa_issue_find_option (issue, "army-cap-0"), ==, 0);
  g_assert_cmpint (zopa_issue_find_option (issue, "army-cap-3"), ==, 3);
  g_assert_cmpint (zopa_issue_find_option (issue, "nato-0"), ==, -1);
  zopa_issue_insert_option (issue, 0, first);
  g_assert_cmpuint (zopa_issue_get_n_options (issue), ==, 5);
  g_assert_cmpint (zopa_issue_find_option (issue, "first"), ==, 0);
  g_assert_cmpint (zopa_issue_find_option (issue, "army-cap-3"), ==, 4);
  zopa_issue_remove_option (issue, 0);
  g_assert_cmpint (zopa_issue_find_option (issue, "first"), ==, -1);
  g_assert_cmpint (zopa_issue_find_option (issue, "army-cap-3"), ==, 3);

  g_assert_true (zopa_actor_find_stance (actor, "army-cap") == stance);
  g_assert_null (zopa_actor_find_stance (actor, "nato"));

  g_assert_true (zopa_draft_find_clause (draft, "us-28/6") == clause);
  g_assert_null (zopa_draft_find_clause (draft, "eu/6"));
  g_assert_true (zopa_scenario_find_clause (scenario, "us-28/6", &found_draft) == clause);
  g_assert_true (found_draft == draft);
  g_assert_nonnull (zopa_scenario_find_clause (scenario, "eu/6", &found_draft));
  g_assert_cmpstr (zopa_draft_get_id (found_draft), ==, "eu");
  g_assert_nonnull (zopa_scenario_find_clause (scenario, "eu/6", NULL));
  g_assert_null (zopa_scenario_find_clause (scenario, "nope", &found_draft));
  g_assert_null (found_draft);

  /* A lookup follows an id that changed. */
  zopa_issue_set_id (issue, "army-size");
  g_assert_null (zopa_scenario_find_issue (scenario, "army-cap"));
  g_assert_true (zopa_scenario_find_issue (scenario, "army-size") == issue);

  zopa_scenario_remove_issue (scenario, 0);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  g_assert_null (zopa_scenario_find_issue (scenario, "army-size"));
  zopa_scenario_remove_draft (scenario, 0);
  g_assert_null (zopa_scenario_find_clause (scenario, "us-28/6", NULL));

  g_assert_finalize_object (scenario);
}

static void
test_changed_once_per_edit (void)
{
  ZopaIssue *issue;
  ZopaActor *actor;
  ZopaStance *stance;
  ZopaDraft *draft;
  ZopaClause *clause;
  ZopaVariant *variant;
  ZopaVariantChange *change;
  ZopaScenario *scenario = make_scenario (&issue, &actor, &stance, &draft, &clause,
                                          &variant, &change);
  guint changed = 0;
  guint before;

  g_signal_connect (scenario, "changed", G_CALLBACK (count_cb), &changed);

#define ASSERT_ONE_CHANGE(edit) G_STMT_START { \
    before = changed; \
    edit; \
    g_assert_cmpuint (changed, ==, before + 1); \
  } G_STMT_END
#define ASSERT_NO_CHANGE(edit) G_STMT_START { \
    before = changed; \
    edit; \
    g_assert_cmpuint (changed, ==, before); \
  } G_STMT_END

  ASSERT_ONE_CHANGE (zopa_scenario_set_title (scenario, "T"));
  ASSERT_NO_CHANGE (zopa_scenario_set_title (scenario, "T"));

  ASSERT_ONE_CHANGE (zopa_clause_set_status (clause, ZOPA_CLAUSE_BRACKETED));
  ASSERT_NO_CHANGE (zopa_clause_set_status (clause, ZOPA_CLAUSE_BRACKETED));
  ASSERT_ONE_CHANGE (zopa_clause_set_option (clause, "nato", "nato-1"));
  ASSERT_NO_CHANGE (zopa_clause_set_option (clause, "nato", "nato-1"));
  ASSERT_ONE_CHANGE (zopa_clause_set_option (clause, "nato", NULL));
  ASSERT_NO_CHANGE (zopa_clause_set_option (clause, "nato", NULL));
  {
    const char *ids[] = { "reuters-28", NULL };
    ASSERT_ONE_CHANGE (zopa_clause_set_sources (clause, ids));
    ASSERT_NO_CHANGE (zopa_clause_set_sources (clause, ids));
    ASSERT_ONE_CHANGE (zopa_clause_set_derived_from (clause, ids));
  }

  ASSERT_ONE_CHANGE (zopa_stance_set_utility (stance, "army-cap-0", 10));
  ASSERT_NO_CHANGE (zopa_stance_set_utility (stance, "army-cap-0", 10));
  ASSERT_ONE_CHANGE (zopa_stance_set_utility (stance, "army-cap-0", 20));
  ASSERT_ONE_CHANGE (zopa_stance_unset_utility (stance, "army-cap-0"));
  ASSERT_NO_CHANGE (zopa_stance_unset_utility (stance, "army-cap-0"));
  ASSERT_ONE_CHANGE (zopa_stance_insert_utility (stance, 0, "army-cap-0", 20));
  ASSERT_ONE_CHANGE (zopa_stance_set_weight (stance, 4));
  {
    const char *ids[] = { "army-cap-2", NULL };
    ASSERT_ONE_CHANGE (zopa_stance_set_acceptable (stance, ids));
    ASSERT_NO_CHANGE (zopa_stance_set_acceptable (stance, ids));
  }

  ASSERT_ONE_CHANGE (zopa_option_set_label (zopa_issue_get_option (issue, 1), "Capped"));
  ASSERT_NO_CHANGE (zopa_option_set_label (zopa_issue_get_option (issue, 1), "Capped"));

  /* has-reservation and reservation both change, still one edit */
  ASSERT_ONE_CHANGE (zopa_variant_change_unset_reservation (change));
  ASSERT_NO_CHANGE (zopa_variant_change_unset_reservation (change));
  ASSERT_ONE_CHANGE (zopa_variant_change_set_reservation (change, 45));
  ASSERT_ONE_CHANGE (zopa_variant_change_set_reservation (change, 50));
  ASSERT_NO_CHANGE (zopa_variant_change_set_reservation (change, 50));
  ASSERT_ONE_CHANGE (zopa_variant_change_set_weight (change, 1));
  ASSERT_ONE_CHANGE (zopa_variant_change_set_utility (change, "army-cap-1", 70));
  ASSERT_NO_CHANGE (zopa_variant_change_set_utility (change, "army-cap-1", 70));
  ASSERT_ONE_CHANGE (zopa_variant_change_clear_utility (change));
  ASSERT_NO_CHANGE (zopa_variant_change_clear_utility (change));
  ASSERT_ONE_CHANGE (zopa_variant_change_set_issue (change, "army-cap"));

  /* g_object_set of several properties is one dispatch */
  ASSERT_ONE_CHANGE (g_object_set (actor, "name", "Moscow", "reservation", 80, NULL));

  /* insert and remove at each level */
  {
    g_autoptr(ZopaSource) source = zopa_source_new ("new-source");
    g_autoptr(ZopaIssue) new_issue = zopa_issue_new ("new-issue");
    g_autoptr(ZopaOption) option = zopa_option_new ("new-option", NULL);
    g_autoptr(ZopaActor) new_actor = zopa_actor_new ("kyiv");
    g_autoptr(ZopaStance) new_stance = zopa_stance_new ("nato");
    g_autoptr(ZopaDraft) new_draft = zopa_draft_new ("geneva");
    g_autoptr(ZopaClause) new_clause = zopa_clause_new ("us-28/7");
    g_autoptr(ZopaVariant) new_variant = zopa_variant_new ("collapse");
    g_autoptr(ZopaVariantChange) new_change = zopa_variant_change_new ("moscow", "nato");

    ASSERT_ONE_CHANGE (zopa_scenario_insert_source (scenario, 1, source));
    ASSERT_ONE_CHANGE (zopa_scenario_remove_source (scenario, 1));
    ASSERT_ONE_CHANGE (zopa_scenario_insert_issue (scenario, 2, new_issue));
    ASSERT_ONE_CHANGE (zopa_issue_insert_option (new_issue, 0, option));
    ASSERT_ONE_CHANGE (zopa_issue_remove_option (new_issue, 0));
    ASSERT_ONE_CHANGE (zopa_scenario_remove_issue (scenario, 2));
    ASSERT_ONE_CHANGE (zopa_scenario_insert_actor (scenario, 0, new_actor));
    ASSERT_ONE_CHANGE (zopa_scenario_remove_actor (scenario, 0));
    ASSERT_ONE_CHANGE (zopa_actor_insert_stance (actor, 1, new_stance));
    ASSERT_ONE_CHANGE (zopa_actor_remove_stance (actor, 1));
    ASSERT_ONE_CHANGE (zopa_scenario_insert_draft (scenario, 2, new_draft));
    ASSERT_ONE_CHANGE (zopa_scenario_remove_draft (scenario, 2));
    ASSERT_ONE_CHANGE (zopa_draft_insert_clause (draft, 1, new_clause));
    ASSERT_ONE_CHANGE (zopa_draft_remove_clause (draft, 1));
    ASSERT_ONE_CHANGE (zopa_scenario_insert_variant (scenario, 1, new_variant));
    ASSERT_ONE_CHANGE (zopa_scenario_remove_variant (scenario, 1));
    ASSERT_ONE_CHANGE (zopa_variant_insert_change (variant, 1, new_change));
    ASSERT_ONE_CHANGE (zopa_variant_remove_change (variant, 1));

    /* Removed objects no longer reach the scenario. */
    ASSERT_NO_CHANGE (zopa_source_set_title (source, "gone"));
    ASSERT_NO_CHANGE (zopa_issue_set_title (new_issue, "gone"));
    ASSERT_NO_CHANGE (zopa_option_set_label (option, "gone"));
    ASSERT_NO_CHANGE (zopa_actor_set_name (new_actor, "gone"));
    ASSERT_NO_CHANGE (zopa_stance_set_utility (new_stance, "nato-0", 3));
    ASSERT_NO_CHANGE (zopa_draft_set_notes (new_draft, "gone"));
    ASSERT_NO_CHANGE (zopa_clause_set_status (new_clause, ZOPA_CLAUSE_DELETED));
    ASSERT_NO_CHANGE (zopa_variant_set_title (new_variant, "gone"));
    ASSERT_NO_CHANGE (zopa_variant_change_set_reservation (new_change, 10));

    /* A child moved between parents reports to its new parent only. */
    ASSERT_ONE_CHANGE (zopa_scenario_insert_issue (scenario, 0, new_issue));
    ASSERT_ONE_CHANGE (zopa_issue_set_title (new_issue, "back"));
    ASSERT_ONE_CHANGE (zopa_scenario_remove_issue (scenario, 0));

    g_assert_finalize_object (g_steal_pointer (&source));
    g_assert_finalize_object (g_steal_pointer (&new_issue));
    g_assert_finalize_object (g_steal_pointer (&option));
    g_assert_finalize_object (g_steal_pointer (&new_actor));
    g_assert_finalize_object (g_steal_pointer (&new_stance));
    g_assert_finalize_object (g_steal_pointer (&new_draft));
    g_assert_finalize_object (g_steal_pointer (&new_clause));
    g_assert_finalize_object (g_steal_pointer (&new_variant));
    g_assert_finalize_object (g_steal_pointer (&new_change));
  }

  /* A removed subtree that is still alive is silent too. */
  {
    ZopaClause *kept = g_object_ref (clause);

    ASSERT_ONE_CHANGE (zopa_scenario_remove_draft (scenario, 0));
    ASSERT_NO_CHANGE (zopa_clause_set_text (kept, "after removal"));
    g_assert_finalize_object (kept);
  }

#undef ASSERT_ONE_CHANGE
#undef ASSERT_NO_CHANGE

  g_assert_finalize_object (scenario);
}

static void
test_children_outlive_parent (void)
{
  ZopaIssue *issue;
  ZopaActor *actor;
  ZopaStance *stance;
  ZopaDraft *draft;
  ZopaClause *clause;
  ZopaVariant *variant;
  ZopaVariantChange *change;
  ZopaScenario *scenario = make_scenario (&issue, &actor, &stance, &draft, &clause,
                                          &variant, &change);
  GListModel *drafts = g_object_ref (zopa_scenario_get_drafts (scenario));
  guint changed = 0;

  g_object_ref (clause);
  g_object_ref (issue);
  g_signal_connect (clause, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_finalize_object (scenario);

  /* The former parents are gone and must not be reached any more. */
  zopa_clause_set_status (clause, ZOPA_CLAUSE_DELETED);
  g_assert_cmpuint (changed, ==, 1);
  zopa_issue_set_title (issue, "still alive");

  /* A view may keep a list model alive past its owner. */
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 2);
  g_assert_finalize_object (drafts);
  g_assert_finalize_object (clause);
  g_assert_finalize_object (issue);
}

static void
test_ordered_maps (void)
{
  ZopaStance *stance = zopa_stance_new ("army-cap");
  ZopaClause *clause = zopa_clause_new ("c");
  ZopaVariantChange *change = zopa_variant_change_new ("moscow", "army-cap");
  const char *order_abc[] = { "c", "a", "b", NULL };
  const char *order_ab[] = { "c", "b", NULL };
  const char * const *keys;

  zopa_stance_set_utility (stance, "c", 0);
  zopa_stance_set_utility (stance, "a", 60);
  zopa_stance_set_utility (stance, "b", 100);
  g_assert_cmpstrv (zopa_stance_get_utility_options (stance), order_abc);
  zopa_stance_set_utility (stance, "a", 20);
  g_assert_cmpstrv (zopa_stance_get_utility_options (stance), order_abc);
  g_assert_cmpint (zopa_stance_get_utility (stance, "a"), ==, 20);
  g_assert_cmpint (zopa_stance_get_utility (stance, "c"), ==, 0);
  g_assert_true (zopa_stance_has_utility (stance, "c"));
  g_assert_false (zopa_stance_has_utility (stance, "d"));
  zopa_stance_unset_utility (stance, "a");
  g_assert_cmpstrv (zopa_stance_get_utility_options (stance), order_ab);
  g_assert_cmpint (zopa_stance_get_utility (stance, "a"), ==, ZOPA_UTILITY_DEFAULT);
  /* the inverse of unset puts the key back where it was */
  zopa_stance_insert_utility (stance, 1, "a", 20);
  g_assert_cmpstrv (zopa_stance_get_utility_options (stance), order_abc);
  zopa_stance_insert_utility (stance, 99, "z", 1);
  keys = zopa_stance_get_utility_options (stance);
  g_assert_cmpuint (strv_len (keys), ==, 4);
  g_assert_cmpstr (keys[3], ==, "z");
  g_assert_null (keys[4]);

  zopa_clause_set_option (clause, "territory", "freeze");
  zopa_clause_set_option (clause, "army-cap", "cap-600k");
  zopa_clause_set_option (clause, "nato", "no-nato");
  zopa_clause_set_option (clause, "territory", "recognise");
  keys = zopa_clause_get_set_issues (clause);
  g_assert_cmpuint (strv_len (keys), ==, 3);
  g_assert_cmpstr (keys[0], ==, "territory");
  g_assert_cmpstr (keys[1], ==, "army-cap");
  g_assert_cmpstr (keys[2], ==, "nato");
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "territory"), ==, "recognise");
  zopa_clause_set_option (clause, "army-cap", NULL);
  g_assert_null (zopa_clause_get_set_option (clause, "army-cap"));
  keys = zopa_clause_get_set_issues (clause);
  g_assert_cmpuint (strv_len (keys), ==, 2);
  g_assert_cmpstr (keys[1], ==, "nato");
  zopa_clause_insert_option (clause, 1, "army-cap", "cap-600k");
  keys = zopa_clause_get_set_issues (clause);
  g_assert_cmpstr (keys[1], ==, "army-cap");
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "army-cap"), ==, "cap-600k");

  zopa_variant_change_set_utility (change, "c", 5);
  zopa_variant_change_set_utility (change, "a", 6);
  zopa_variant_change_set_utility (change, "b", 7);
  zopa_variant_change_set_utility (change, "c", 8);
  g_assert_true (zopa_variant_change_has_utility (change));
  g_assert_cmpstrv (zopa_variant_change_get_utility_options (change), order_abc);
  g_assert_cmpint (zopa_variant_change_get_utility (change, "c"), ==, 8);
  g_assert_cmpint (zopa_variant_change_get_utility (change, "x"), ==, ZOPA_UTILITY_DEFAULT);
  zopa_variant_change_unset_utility (change, "a");
  g_assert_cmpstrv (zopa_variant_change_get_utility_options (change), order_ab);
  zopa_variant_change_insert_utility (change, 1, "a", 6);
  g_assert_cmpstrv (zopa_variant_change_get_utility_options (change), order_abc);
  zopa_variant_change_clear_utility (change);
  g_assert_false (zopa_variant_change_has_utility (change));
  g_assert_null (zopa_variant_change_get_utility_options (change)[0]);

  g_assert_finalize_object (stance);
  g_assert_finalize_object (clause);
  g_assert_finalize_object (change);
}

static void
test_acceptable (void)
{
  ZopaStance *stance = zopa_stance_new ("army-cap");
  ZopaVariantChange *change = zopa_variant_change_new ("moscow", "army-cap");
  const char *none[] = { NULL };
  const char *some[] = { "cap-600k", "demilitarised", NULL };
  char **from_property = NULL;
  guint notified = 0;

  g_signal_connect (stance, "notify::acceptable", G_CALLBACK (count_notify_cb), &notified);

  g_assert_null (zopa_stance_get_acceptable (stance));
  g_assert_true (zopa_stance_accepts_option (stance, "no-cap"));

  zopa_stance_set_acceptable (stance, none);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (zopa_stance_get_acceptable (stance));
  g_assert_null (zopa_stance_get_acceptable (stance)[0]);
  g_assert_false (zopa_stance_accepts_option (stance, "no-cap"));
  zopa_stance_set_acceptable (stance, none);
  g_assert_cmpuint (notified, ==, 1);

  zopa_stance_set_acceptable (stance, some);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (zopa_stance_accepts_option (stance, "cap-600k"));
  g_assert_false (zopa_stance_accepts_option (stance, "no-cap"));
  g_object_get (stance, "acceptable", &from_property, NULL);
  g_assert_cmpstrv (from_property, some);
  g_strfreev (from_property);

  zopa_stance_set_acceptable (stance, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_null (zopa_stance_get_acceptable (stance));
  g_assert_true (zopa_stance_accepts_option (stance, "no-cap"));

  zopa_variant_change_set_acceptable (change, none);
  g_assert_nonnull (zopa_variant_change_get_acceptable (change));
  zopa_variant_change_set_acceptable (change, NULL);
  g_assert_null (zopa_variant_change_get_acceptable (change));

  g_assert_finalize_object (stance);
  g_assert_finalize_object (change);
}

static void
test_variant_change_optional_members (void)
{
  ZopaVariantChange *change = zopa_variant_change_new ("moscow", NULL);
  guint notified = 0, changed = 0;
  gboolean has = FALSE;

  g_signal_connect (change, "notify", G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect (change, "changed", G_CALLBACK (count_cb), &changed);

  zopa_variant_change_set_reservation (change, 45);
  g_assert_true (zopa_variant_change_has_reservation (change));
  g_assert_cmpint (zopa_variant_change_get_reservation (change), ==, 45);
  g_object_get (change, "has-reservation", &has, NULL);
  g_assert_true (has);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (changed, ==, 1);

  /* setting the default value still makes it present */
  zopa_variant_change_set_weight (change, 1);
  g_assert_true (zopa_variant_change_has_weight (change));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (changed, ==, 2);
  zopa_variant_change_unset_weight (change);
  g_assert_false (zopa_variant_change_has_weight (change));
  g_assert_cmpuint (changed, ==, 3);

  zopa_variant_change_unset_reservation (change);
  g_assert_false (zopa_variant_change_has_reservation (change));
  g_assert_cmpuint (changed, ==, 4);

  g_assert_finalize_object (change);
}

static void
test_clause_status (void)
{
  ZopaClauseStatus status = ZOPA_CLAUSE_AGREED;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (ZOPA_TYPE_CLAUSE_STATUS);
  GEnumValue *value;

  g_assert_true (G_TYPE_IS_ENUM (ZOPA_TYPE_CLAUSE_STATUS));
  value = g_enum_get_value (enum_class, ZOPA_CLAUSE_BRACKETED);
  g_assert_nonnull (value);
  g_assert_cmpstr (value->value_nick, ==, "bracketed");

  g_assert_cmpstr (zopa_clause_status_to_string (ZOPA_CLAUSE_AGREED), ==, "agreed");
  g_assert_cmpstr (zopa_clause_status_to_string (ZOPA_CLAUSE_BRACKETED), ==, "bracketed");
  g_assert_cmpstr (zopa_clause_status_to_string (ZOPA_CLAUSE_DELETED), ==, "deleted");

  g_assert_true (zopa_clause_status_from_string ("deleted", &status));
  g_assert_cmpint (status, ==, ZOPA_CLAUSE_DELETED);
  g_assert_true (zopa_clause_status_from_string ("bracketed", &status));
  g_assert_cmpint (status, ==, ZOPA_CLAUSE_BRACKETED);
  g_assert_false (zopa_clause_status_from_string ("Agreed", &status));
  g_assert_false (zopa_clause_status_from_string ("", &status));
  g_assert_false (zopa_clause_status_from_string (NULL, &status));
  g_assert_cmpint (status, ==, ZOPA_CLAUSE_BRACKETED);
}

static void
test_out_of_range_rejected (void)
{
  if (g_test_subprocess ())
    {
      ZopaStance *stance = zopa_stance_new ("army-cap");

      zopa_stance_set_weight (stance, ZOPA_WEIGHT_MAX + 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*weight*");
}

static void
test_out_of_range_keeps_value (void)
{
  ZopaActor *actor = zopa_actor_new ("a");
  ZopaStance *stance = zopa_stance_new ("i");

  zopa_actor_set_reservation (actor, 30);
  g_test_expect_message ("zopa-model", G_LOG_LEVEL_CRITICAL, "*reservation*");
  zopa_actor_set_reservation (actor, 101);
  g_test_assert_expected_messages ();
  g_assert_cmpint (zopa_actor_get_reservation (actor), ==, 30);

  g_test_expect_message ("zopa-model", G_LOG_LEVEL_CRITICAL, "*utility*");
  zopa_stance_set_utility (stance, "x", -1);
  g_test_assert_expected_messages ();
  g_assert_false (zopa_stance_has_utility (stance, "x"));

  g_assert_finalize_object (actor);
  g_assert_finalize_object (stance);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/defaults", test_defaults);
  g_test_add_func ("/model/notify-on-change-only", test_notify_on_change_only);
  g_test_add_func ("/model/lists-and-lookups", test_lists_and_lookups);
  g_test_add_func ("/model/changed-once-per-edit", test_changed_once_per_edit);
  g_test_add_func ("/model/children-outlive-parent", test_children_outlive_parent);
  g_test_add_func ("/model/ordered-maps", test_ordered_maps);
  g_test_add_func ("/model/acceptable", test_acceptable);
  g_test_add_func ("/model/variant-change-optional-members", test_variant_change_optional_members);
  g_test_add_func ("/model/clause-status", test_clause_status);
  g_test_add_func ("/model/out-of-range-rejected", test_out_of_range_rejected);
  g_test_add_func ("/model/out-of-range-keeps-value", test_out_of_range_keeps_value);

  return g_test_run ();
}
