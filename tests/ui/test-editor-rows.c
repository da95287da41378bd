/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editor-rows.c: the rows of the issue and actor editors, and the editor window */

#include "config.h"

#include <adwaita.h>

#include "model/zopa-edit.h"
#include "model/zopa-scenario-file.h"
#include "ui/zopa-editor-sidebar-row.h"
#include "ui/zopa-issue-editor.h"
#include "ui/zopa-option-row.h"
#include "ui/zopa-source-row.h"
#include "ui/zopa-stance-group.h"
#include "ui/zopa-range-control.h"
#include "ui/zopa-utility-row.h"

#include "zopa-ui-test.h"

typedef struct {
  ZopaScenario *scenario;
  ZopaHistory  *history;
  ZopaIssue    *army_cap;
  ZopaOption   *no_cap;
  ZopaActor    *newcomer;   /* an actor without any stance yet */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->scenario = zopa_scenario_load_builtin ();
  f->army_cap = g_object_ref (zopa_scenario_find_issue (f->scenario, "army-cap"));
  f->no_cap = g_object_ref (zopa_issue_get_option (f->army_cap, zopa_issue_find_option (f->army_cap, "no-cap")));
  f->newcomer = zopa_actor_new ("newcomer");
  zopa_scenario_insert_actor (f->scenario, g_list_model_get_n_items (zopa_scenario_get_actors (f->scenario)), f->newcomer);
  f->history = zopa_history_new (f->scenario);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->newcomer);
  g_clear_object (&f->no_cap);
  g_clear_object (&f->army_cap);
  g_clear_object (&f->scenario);
}

static GtkWidget *
part (GtkWidget  *row,
      const char *name)
{
  GtkWidget *widget = zopa_ui_test_find_named (row, name);

  g_assert_nonnull (widget);
  return widget;
}

/* The text of an option row's title. */
static char *
dup_option_title (GtkWidget *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (part (row, "option-title")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_option_title (GtkWidget  *row,
                     const char *expected)
{
  g_autofree char *title = dup_option_title (row);

  g_assert_cmpstr (title, ==, expected);
}

/* An option row: typing its label is an undoable step, the row follows undo and edits made
 * elsewhere, and its place decides what it may do. */
static void
test_option_row (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (zopa_option_row_new (f->history, f->no_cap));
  GtkMenuButton *id_button = GTK_MENU_BUTTON (part (row, "option-id-button"));

  assert_option_title (row, "No limit");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (id_button))), ==, "no-cap");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (part (row, "option-title"))), "No ceiling", -1);
  g_assert_cmpstr (zopa_option_get_label (f->no_cap), ==, "No ceiling");
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpstr (zopa_option_get_label (f->no_cap), ==, "No limit");
  assert_option_title (row, "No limit");

  zopa_history_set (f->history, f->no_cap, "label", "Unlimited", NULL);
  assert_option_title (row, "Unlimited");
  g_assert_true (zopa_edit_rename (f->history, f->no_cap, "unlimited", NULL));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (id_button))), ==, "unlimited");
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (id_button))), ==, "no-cap");

  zopa_option_row_set_place (ZOPA_OPTION_ROW (row), 0, 4);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Option 1");
  g_assert_false (gtk_widget_get_sensitive (part (row, "option-up")));
  g_assert_true (gtk_widget_get_sensitive (part (row, "option-down")));
  g_assert_true (gtk_widget_get_sensitive (part (row, "option-delete")));

  /* Moving goes through the history too. */
  g_signal_emit_by_name (part (row, "option-down"), "clicked");
  g_assert_cmpint (zopa_issue_find_option (f->army_cap, "no-cap"), ==, 1);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpint (zopa_issue_find_option (f->army_cap, "no-cap"), ==, 0);

  zopa_option_row_set_place (ZOPA_OPTION_ROW (row), 0, 1);
  g_assert_false (gtk_widget_get_sensitive (part (row, "option-down")));
  g_assert_false (gtk_widget_get_sensitive (part (row, "option-delete")));
  g_object_unref (row);
}

/* A utility row of an actor without a stance on the issue: the first edit makes the stance
 * and sets the value in one step; undo takes both away and the row shows the defaults. */
static void
test_utility_row (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (zopa_utility_row_new (f->history, f->army_cap, f->no_cap));
  ZopaAcceptabilityChoice *choice = zopa_utility_row_get_choice (ZOPA_UTILITY_ROW (row));
  GtkSpinButton *spin = zopa_range_control_get_from_spin (zopa_utility_row_get_utility (ZOPA_UTILITY_ROW (row)));
  ZopaStance *stance;

  zopa_utility_row_set_actor (ZOPA_UTILITY_ROW (row), f->newcomer);
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_ACCEPTABLE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, ZOPA_UTILITY_DEFAULT);

  gtk_spin_button_set_value (spin, 70);
  stance = zopa_actor_find_stance (f->newcomer, "army-cap");
  g_assert_nonnull (stance);
  g_assert_cmpint (zopa_stance_get_utility (stance, "no-cap"), ==, 70);
  g_assert_cmpint (zopa_stance_get_weight (stance), ==, 0);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_null (zopa_actor_find_stance (f->newcomer, "army-cap"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, ZOPA_UTILITY_DEFAULT);

  /* A red line, kept in the issue's order with the other options, in one step with the new
   * stance; then a maybe. */
  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_RED_LINE), TRUE);
  stance = zopa_actor_find_stance (f->newcomer, "army-cap");
  g_assert_nonnull (stance);
  g_assert_false (zopa_stance_accepts_option (stance, "no-cap"));
  g_assert_true (zopa_stance_accepts_option (stance, "cap-800k"));
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 1);
  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_MAYBE), TRUE);
  g_assert_true (zopa_stance_is_maybe (stance, "no-cap"));
  g_assert_cmpuint (zopa_history_get_n_undo_steps (f->history), ==, 2);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_RED_LINE);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_ACCEPTABLE);

  /* Another actor: the row shows its stance, and follows edits of it made elsewhere. */
  {
    ZopaActor *moscow = zopa_scenario_find_actor (f->scenario, "moscow");
    ZopaStance *moscow_cap = zopa_actor_find_stance (moscow, "army-cap");

    zopa_utility_row_set_actor (ZOPA_UTILITY_ROW (row), moscow);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, zopa_stance_get_utility (moscow_cap, "no-cap"));
    zopa_history_set_utility (f->history, moscow_cap, "no-cap", 33);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 33);
    g_assert_true (zopa_history_undo (f->history));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, zopa_stance_get_utility (moscow_cap, "no-cap"));
  }
  g_assert_false (zopa_history_get_can_undo (f->history));
  g_object_unref (row);
}

static guint
count_utility_rows (GtkWidget *group)
{
  guint n = 0;

  while (zopa_ui_test_find_nth_type (group, ZOPA_TYPE_UTILITY_ROW, n) != NULL)
    n++;
  return n;
}

/* A stance group: the weight is an undoable edit, and the group follows the issue's options. */
static void
test_stance_group (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *group = g_object_ref_sink (zopa_stance_group_new (f->history, f->army_cap));
  GtkSpinButton *weight = zopa_range_control_get_from_spin (zopa_stance_group_get_weight (ZOPA_STANCE_GROUP (group)));
  g_autoptr(ZopaOption) added = zopa_option_new ("cap-400k", "Capped at 400,000");

  zopa_stance_group_set_actor (ZOPA_STANCE_GROUP (group), f->newcomer);
  g_assert_cmpuint (count_utility_rows (group), ==, zopa_issue_get_n_options (f->army_cap));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (weight), ==, 0);

  gtk_spin_button_set_value (weight, 4);
  g_assert_cmpint (zopa_stance_get_weight (zopa_actor_find_stance (f->newcomer, "army-cap")), ==, 4);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_null (zopa_actor_find_stance (f->newcomer, "army-cap"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (weight), ==, 0);

  zopa_history_insert (f->history, f->army_cap, G_MAXUINT, added);
  g_assert_cmpuint (count_utility_rows (group), ==, 5);
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpuint (count_utility_rows (group), ==, 4);

  /* The title is shown as typed, never read as markup. */
  zopa_history_set (f->history, f->army_cap, "title", "Armed forces & <b>caps</b>", NULL);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Armed forces & <b>caps</b>");
  g_object_unref (group);
}

/* A source row: the check is whether the actor cites the source, edited through the history. */
static void
test_source_row (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ZopaSource) source = g_list_model_get_item (zopa_scenario_get_sources (f->scenario), 0);
  GtkWidget *row = g_object_ref_sink (zopa_source_row_new (f->history, source));
  GtkCheckButton *check = zopa_source_row_get_check (ZOPA_SOURCE_ROW (row));
  const char * const *sources;

  zopa_source_row_set_actor (ZOPA_SOURCE_ROW (row), f->newcomer);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  sources = zopa_actor_get_sources (f->newcomer);
  g_assert_true (sources != NULL && g_strv_contains (sources, zopa_source_get_id (source)));
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (zopa_history_redo (f->history));
  g_assert_true (gtk_check_button_get_active (check));

  zopa_history_set (f->history, source, "title", "A new title", NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "A new title");
  g_object_unref (row);
}

/* A sidebar row shows its fallback while the title is empty. */
static void
test_sidebar_row (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (zopa_editor_sidebar_row_new (f->army_cap));

  g_object_bind_property (f->army_cap, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (f->army_cap, "id", row, "fallback-title", G_BINDING_SYNC_CREATE);
  g_assert_true (zopa_editor_sidebar_row_get_item (ZOPA_EDITOR_SIDEBAR_ROW (row)) == (gpointer) f->army_cap);
  g_assert_cmpstr (zopa_editor_sidebar_row_get_shown_title (ZOPA_EDITOR_SIDEBAR_ROW (row)), ==,
                   zopa_issue_get_title (f->army_cap));
  zopa_history_set (f->history, f->army_cap, "title", "", NULL);
  g_assert_cmpstr (zopa_editor_sidebar_row_get_shown_title (ZOPA_EDITOR_SIDEBAR_ROW (row)), ==, "army-cap");
  g_assert_true (zopa_history_undo (f->history));
  g_assert_cmpstr (zopa_editor_sidebar_row_get_shown_title (ZOPA_EDITOR_SIDEBAR_ROW (row)), ==,
                   zopa_issue_get_title (f->army_cap));
  g_object_unref (row);
}

/* The editor window: one of a kind per session, undo and redo enabled as the history allows. */
static void
test_editor_window (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  g_autoptr(ZopaDocument) other_document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) other_session = zopa_session_new (other_document);
  ZopaHistory *history = zopa_document_get_history (document);
  ZopaIssueEditor *editor = zopa_issue_editor_show (NULL, session, NULL);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  GtkWidget *undo_button;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (zopa_editor_window_find (session, ZOPA_TYPE_ISSUE_EDITOR) == (gpointer) editor);
  g_assert_true (zopa_issue_editor_show (NULL, session, NULL) == editor);
  g_assert_null (zopa_editor_window_find (other_session, ZOPA_TYPE_ISSUE_EDITOR));
  g_assert_true (zopa_editor_window_get_history (ZOPA_EDITOR_WINDOW (editor)) == history);

  /* A button for undo placed in the window shows whether the action is enabled. */
  undo_button = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (undo_button), "editor.undo");
  gtk_box_append (GTK_BOX (zopa_ui_test_find_type (GTK_WIDGET (editor), GTK_TYPE_BOX)), undo_button);
  zopa_ui_test_drain_events ();
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  zopa_history_set (history, zopa_scenario_find_issue (scenario, "army-cap"), "title", "Army", NULL);
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpstr (zopa_issue_get_title (zopa_scenario_find_issue (scenario, "army-cap")), !=, "Army");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));
  g_assert_cmpstr (zopa_issue_get_title (zopa_scenario_find_issue (scenario, "army-cap")), ==, "Army");

  gtk_window_destroy (GTK_WINDOW (editor));
  zopa_ui_test_drain_events ();
  g_assert_null (editor);
  g_assert_null (zopa_editor_window_find (session, ZOPA_TYPE_ISSUE_EDITOR));
}

int
main (int argc, char **argv)
{
  ZopaApplication *app = zopa_ui_test_init_app (&argc, &argv);
  int status;

  g_test_add ("/editor-rows/option-row", Fixture, NULL, fixture_set_up, test_option_row, fixture_tear_down);
  g_test_add ("/editor-rows/utility-row", Fixture, NULL, fixture_set_up, test_utility_row, fixture_tear_down);
  g_test_add ("/editor-rows/stance-group", Fixture, NULL, fixture_set_up, test_stance_group, fixture_tear_down);
  g_test_add ("/editor-rows/source-row", Fixture, NULL, fixture_set_up, test_source_row, fixture_tear_down);
  g_test_add ("/editor-rows/sidebar-row", Fixture, NULL, fixture_set_up, test_sidebar_row, fixture_tear_down);
  g_test_add_func ("/editor-rows/editor-window", test_editor_window);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
