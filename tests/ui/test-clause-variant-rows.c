/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-clause-variant-rows.c: the rows of the clause and variant editors: an edit through a row is
 * one undoable step, and the row follows the model through undo and redo */

#include "config.h"

#include <adwaita.h>

#include "model/zopa-document.h"
#include "model/zopa-list-model.h"
#include "ui/zopa-clause-editor.h"
#include "ui/zopa-clause-set-row.h"
#include "ui/zopa-clause-source-row.h"
#include "ui/zopa-acceptability-choice.h"
#include "ui/zopa-variant-change-row.h"

#include "zopa-ui-test.h"

typedef struct {
  ZopaDocument *document;
  ZopaScenario *scenario;
  ZopaHistory  *history;
  GtkWidget    *window;
  GtkWidget    *list;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = zopa_document_new_builtin ();
  fixture->scenario = zopa_document_get_scenario (fixture->document);
  fixture->history = zopa_document_get_history (fixture->document);
  fixture->window = gtk_window_new ();
  fixture->list = gtk_list_box_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->list);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  zopa_ui_test_drain_events ();
  g_clear_object (&fixture->document);
}

/* Puts row in the fixture's window. */
static GtkWidget *
show_row (Fixture   *fixture,
          GtkWidget *row)
{
  gtk_list_box_append (GTK_LIST_BOX (fixture->list), row);
  zopa_ui_test_drain_events ();
  return row;
}

static void
undo (Fixture *fixture)
{
  g_assert_true (zopa_history_undo (fixture->history));
  zopa_ui_test_drain_events ();
}

static void
redo (Fixture *fixture)
{
  g_assert_true (zopa_history_redo (fixture->history));
  zopa_ui_test_drain_events ();
}

static gboolean
match_title (GtkWidget     *widget,
             gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The first widget of type in the row titled title inside root. */
static gpointer
find_in_row (GtkWidget  *root,
             const char *title,
             GType       type)
{
  GtkWidget *row = zopa_ui_test_find_widget (root, match_title, title);
  GtkWidget *widget;

  g_assert_nonnull (row);
  widget = zopa_ui_test_find_type (row, type);
  g_assert_nonnull (widget);
  return widget;
}

static ZopaVariantChange *
nth_change (Fixture    *fixture,
            const char *variant_id,
            guint       n)
{
  GListModel *changes = zopa_variant_get_changes (zopa_scenario_find_variant (fixture->scenario, variant_id));
  g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, n);

  g_assert_nonnull (change);
  return change;
}

/* A row, in the fixture's window, for the first change of "post-putin": Moscow's reservation. */
static GtkWidget *
show_first_change (Fixture            *fixture,
                   ZopaVariantChange **change)
{
  *change = nth_change (fixture, "post-putin", 0);
  return show_row (fixture, zopa_variant_change_row_new (*change, fixture->scenario, fixture->history));
}

static void
test_variant_change_row_reservation (Fixture       *fixture,
                                     gconstpointer  data)
{
  ZopaVariantChange *change;
  GtkWidget *row = show_first_change (fixture, &change);
  GtkSpinButton *spin = find_in_row (row, "Reservation", GTK_TYPE_SPIN_BUTTON);
  guint undo_steps = zopa_history_get_n_undo_steps (fixture->history);

  g_assert_true (zopa_variant_change_row_get_item (ZOPA_VARIANT_CHANGE_ROW (row)) == change);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Moscow · Reservation");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 45);
  /* Built and shown without a single edit. */
  g_assert_cmpuint (zopa_history_get_n_undo_steps (fixture->history), ==, undo_steps);

  gtk_spin_button_set_value (spin, 30);
  zopa_ui_test_drain_events ();
  g_assert_cmpint (zopa_variant_change_get_reservation (change), ==, 30);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Reservation 30");
  g_assert_cmpuint (zopa_history_get_n_undo_steps (fixture->history), ==, undo_steps + 1);

  undo (fixture);
  g_assert_cmpint (zopa_variant_change_get_reservation (change), ==, 45);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 45);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Reservation 45");
  redo (fixture);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);

  /* Another actor: one step, and the row follows its undo. */
  adw_combo_row_set_selected (find_in_row (row, "Actor", ADW_TYPE_COMBO_ROW), 0);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "washington");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Washington · Reservation");
  undo (fixture);
  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "moscow");
  g_assert_cmpuint (adw_combo_row_get_selected (find_in_row (row, "Actor", ADW_TYPE_COMBO_ROW)), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Moscow · Reservation");
}

/* An actor renamed elsewhere: the actor choice shows the new name, the change keeps its actor. */
static void
test_variant_change_row_follows_names (Fixture       *fixture,
                                       gconstpointer  data)
{
  ZopaVariantChange *change;
  GtkWidget *row = show_first_change (fixture, &change);
  AdwComboRow *actor_row = find_in_row (row, "Actor", ADW_TYPE_COMBO_ROW);
  ZopaActor *moscow = zopa_scenario_find_actor (fixture->scenario, "moscow");
  guint undo_steps;

  zopa_history_set (fixture->history, moscow, "name", "Kremlin", NULL);
  zopa_ui_test_drain_events ();
  undo_steps = zopa_history_get_n_undo_steps (fixture->history);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (actor_row)), 2), ==, "Kremlin");
  g_assert_cmpuint (adw_combo_row_get_selected (actor_row), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Kremlin · Reservation");
  /* The new list of names is no edit of the change. */
  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "moscow");
  g_assert_cmpuint (zopa_history_get_n_undo_steps (fixture->history), ==, undo_steps);
}

static void
test_variant_change_row_stance (Fixture       *fixture,
                                gconstpointer  data)
{
  ZopaVariantChange *change;
  GtkWidget *row = show_first_change (fixture, &change);
  ZopaAcceptabilityChoice *choice;
  const char * const *acceptable;

  /* To the NATO issue: one step, which brings the option rows; its undo takes them away. */
  adw_combo_row_set_selected (find_in_row (row, "Applies To", ADW_TYPE_COMBO_ROW),
                              zopa_list_model_find (zopa_scenario_get_issues (fixture->scenario),
                                                    zopa_scenario_find_issue (fixture->scenario, "nato")) + 1);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_variant_change_get_issue (change), ==, "nato");
  g_assert_false (zopa_variant_change_has_reservation (change));
  g_assert_nonnull (zopa_variant_change_get_acceptable (change));
  g_assert_true (gtk_switch_get_active (find_in_row (row, "Red Lines", GTK_TYPE_SWITCH)));
  choice = find_in_row (row, "Free choice of alliances; the door stays open", ZOPA_TYPE_ACCEPTABILITY_CHOICE);
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_RED_LINE);

  /* An option made acceptable through its choice, then undone. */
  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_ACCEPTABLE), TRUE);
  zopa_ui_test_drain_events ();
  acceptable = zopa_variant_change_get_acceptable (change);
  g_assert_true (g_strv_contains (acceptable, "open-door"));
  undo (fixture);
  g_assert_false (g_strv_contains (zopa_variant_change_get_acceptable (change), "open-door"));
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_RED_LINE);

  /* A maybe: the change lists it as such, in one step. */
  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_MAYBE), TRUE);
  zopa_ui_test_drain_events ();
  g_assert_true (g_strv_contains (zopa_variant_change_get_maybe (change), "open-door"));
  g_assert_false (g_strv_contains (zopa_variant_change_get_acceptable (change), "open-door"));
  undo (fixture);
  g_assert_null (zopa_variant_change_get_maybe (change));
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_RED_LINE);

  /* The last replacement left cannot be switched off: no step. */
  {
    guint undo_steps = zopa_history_get_n_undo_steps (fixture->history);

    gtk_switch_set_active (find_in_row (row, "Red Lines", GTK_TYPE_SWITCH), FALSE);
    zopa_ui_test_drain_events ();
    g_assert_true (gtk_switch_get_active (find_in_row (row, "Red Lines", GTK_TYPE_SWITCH)));
    g_assert_nonnull (zopa_variant_change_get_acceptable (change));
    g_assert_cmpuint (zopa_history_get_n_undo_steps (fixture->history), ==, undo_steps);
  }

  undo (fixture);
  g_assert_null (zopa_variant_change_get_issue (change));
  g_assert_true (zopa_variant_change_has_reservation (change));
  g_assert_cmpint (zopa_variant_change_get_reservation (change), ==, 45);
  g_assert_null (zopa_ui_test_find_widget (row, match_title, "Free choice of alliances; the door stays open"));
  g_assert_true (gtk_widget_get_visible (zopa_ui_test_find_widget (row, match_title, "Reservation")));
  g_assert_false (gtk_widget_get_visible (zopa_ui_test_find_widget (row, match_title, "Red Lines")));
}

static ZopaClause *
find_clause (Fixture    *fixture,
             const char *draft_id,
             const char *clause_id)
{
  ZopaClause *clause = zopa_draft_find_clause (zopa_scenario_find_draft (fixture->scenario, draft_id), clause_id);

  g_assert_nonnull (clause);
  return clause;
}

static void
test_clause_set_row (Fixture       *fixture,
                     gconstpointer  data)
{
  ZopaClause *clause = find_clause (fixture, "geneva-19", "geneva/6");
  ZopaIssue *issue = zopa_scenario_find_issue (fixture->scenario, "army-cap");
  GtkWidget *row = show_row (fixture, zopa_clause_set_row_new (issue, clause, fixture->history));
  g_autofree char *original = g_strdup (zopa_clause_get_set_option (clause, "army-cap"));
  int position = zopa_issue_find_option (issue, original);
  guint other = position == 0 ? 1 : 0;
  const char *other_id = zopa_option_get_id (zopa_issue_get_option (issue, other));

  g_assert_true (zopa_clause_set_row_get_item (ZOPA_CLAUSE_SET_ROW (row)) == issue);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "set-army-cap");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, (guint) position);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), other);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "army-cap"), ==, other_id);
  undo (fixture);
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "army-cap"), ==, original);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, (guint) position);
  redo (fixture);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, other);
  undo (fixture);

  /* An option relabelled elsewhere: the choice shows it, the clause keeps its option. */
  zopa_history_set (fixture->history, zopa_issue_get_option (issue, position), "label", "Relabelled", NULL);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Relabelled");
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "army-cap"), ==, original);
  undo (fixture);

  /* The remove button stops setting the issue, as one step. */
  g_signal_emit_by_name (zopa_ui_test_find_type (row, GTK_TYPE_BUTTON), "clicked");
  zopa_ui_test_drain_events ();
  g_assert_null (zopa_clause_get_set_option (clause, "army-cap"));
  undo (fixture);
  g_assert_cmpstr (zopa_clause_get_set_option (clause, "army-cap"), ==, original);
}

static void
test_clause_source_row (Fixture       *fixture,
                        gconstpointer  data)
{
  ZopaClause *clause = find_clause (fixture, "geneva-19", "geneva/6");
  g_autofree char *source_id = g_strdup (zopa_clause_get_sources (clause)[0]);
  ZopaSource *source = zopa_scenario_find_source (fixture->scenario, source_id);
  guint n_cited = g_strv_length ((char **) zopa_clause_get_sources (clause));
  GtkWidget *row = show_row (fixture, zopa_clause_source_row_new (source_id, clause, fixture->scenario, fixture->history));
  GtkWidget *missing = show_row (fixture, zopa_clause_source_row_new ("no-such-source", clause, fixture->scenario,
                                                                      fixture->history));

  g_assert_cmpstr (zopa_clause_source_row_get_source_id (ZOPA_CLAUSE_SOURCE_ROW (row)), ==, source_id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, zopa_source_get_title (source));
  g_assert_cmpstr (zopa_clause_source_row_get_web_address (ZOPA_CLAUSE_SOURCE_ROW (row)), ==, zopa_source_get_url (source));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (missing)), ==, "no-such-source");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (missing)), ==, "Missing source");
  g_assert_null (zopa_clause_source_row_get_web_address (ZOPA_CLAUSE_SOURCE_ROW (missing)));

  /* The source edited elsewhere: the row follows, and its undo. A file's address never opens. */
  zopa_history_set (fixture->history, source, "title", "Renamed", "url", "file:///etc/passwd", NULL);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Renamed");
  g_assert_null (zopa_clause_source_row_get_web_address (ZOPA_CLAUSE_SOURCE_ROW (row)));
  undo (fixture);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, zopa_source_get_title (source));

  g_signal_emit_by_name (zopa_ui_test_find_type (row, GTK_TYPE_BUTTON), "clicked");
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_strv_length ((char **) zopa_clause_get_sources (clause)), ==, n_cited - 1);
  g_assert_false (g_strv_contains (zopa_clause_get_sources (clause), source_id));
  undo (fixture);
  g_assert_cmpstr (zopa_clause_get_sources (clause)[0], ==, source_id);
}

/* The clause editor's rows are made again only when the set of their items changes: a row
 * the user works with is never replaced by an edit of what it shows. */
static void
test_clause_editor_keeps_rows (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ZopaSession) session = zopa_session_new (fixture->document);
  ZopaClause *clause = find_clause (fixture, "geneva-19", "geneva/6");
  ZopaIssue *issue = zopa_scenario_find_issue (fixture->scenario, "army-cap");
  GtkWidget *editor = zopa_clause_editor_new ();
  GtkWidget *set_row, *source_row;

  gtk_list_box_append (GTK_LIST_BOX (fixture->list), editor);
  zopa_clause_editor_set_session (ZOPA_CLAUSE_EDITOR (editor), session);
  zopa_clause_editor_set_clause (ZOPA_CLAUSE_EDITOR (editor), clause);
  zopa_ui_test_drain_events ();
  set_row = zopa_ui_test_find_type (editor, ZOPA_TYPE_CLAUSE_SET_ROW);
  source_row = zopa_ui_test_find_type (editor, ZOPA_TYPE_CLAUSE_SOURCE_ROW);
  g_assert_nonnull (set_row);
  g_assert_nonnull (source_row);

  /* Edits of the clause, of the issue and of a source keep the rows. */
  zopa_history_set (fixture->history, clause, "text", "Changed", NULL);
  zopa_history_set_clause_option (fixture->history, clause, "army-cap",
                                  zopa_option_get_id (zopa_issue_get_option (issue, 1)));
  zopa_history_set (fixture->history, issue, "title", "Army size", NULL);
  zopa_history_set (fixture->history,
                    zopa_scenario_find_source (fixture->scenario, zopa_clause_source_row_get_source_id (ZOPA_CLAUSE_SOURCE_ROW (source_row))),
                    "title", "Retitled", NULL);
  zopa_ui_test_drain_events ();
  g_assert_true (zopa_ui_test_find_type (editor, ZOPA_TYPE_CLAUSE_SET_ROW) == set_row);
  g_assert_true (zopa_ui_test_find_type (editor, ZOPA_TYPE_CLAUSE_SOURCE_ROW) == source_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (set_row)), ==, "Army size");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (source_row)), ==, "Retitled");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (set_row)), ==, 1);

  /* Another issue set: a row for it, the first one kept; undone, the new row goes. */
  zopa_history_set_clause_option (fixture->history, clause, "nato", "barred");
  zopa_ui_test_drain_events ();
  g_assert_nonnull (zopa_ui_test_find_named (editor, "set-nato"));
  g_assert_true (zopa_ui_test_find_named (editor, "set-army-cap") == set_row);
  undo (fixture);
  g_assert_null (zopa_ui_test_find_named (editor, "set-nato"));
  g_assert_true (zopa_ui_test_find_named (editor, "set-army-cap") == set_row);

  zopa_clause_editor_set_clause (ZOPA_CLAUSE_EDITOR (editor), NULL);
  g_assert_null (zopa_ui_test_find_type (editor, ZOPA_TYPE_CLAUSE_SET_ROW));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/clause-variant-rows/variant-change/reservation", Fixture, NULL,
              fixture_set_up, test_variant_change_row_reservation, fixture_tear_down);
  g_test_add ("/clause-variant-rows/variant-change/follows-names", Fixture, NULL,
              fixture_set_up, test_variant_change_row_follows_names, fixture_tear_down);
  g_test_add ("/clause-variant-rows/variant-change/stance", Fixture, NULL,
              fixture_set_up, test_variant_change_row_stance, fixture_tear_down);
  g_test_add ("/clause-variant-rows/clause-set", Fixture, NULL,
              fixture_set_up, test_clause_set_row, fixture_tear_down);
  g_test_add ("/clause-variant-rows/clause-source", Fixture, NULL,
              fixture_set_up, test_clause_source_row, fixture_tear_down);
  g_test_add ("/clause-variant-rows/clause-editor-keeps-rows", Fixture, NULL,
              fixture_set_up, test_clause_editor_keeps_rows, fixture_tear_down);
  return g_test_run ();
}
