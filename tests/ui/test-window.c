/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window on a file, a broken file, and closing with changes */

#include "config.h"

#include "model/zopa-scenario-file.h"
#include "ui/zopa-actor-editor.h"
#include "ui/zopa-application.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

static GFile *
write_valid_file (const char *title)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *data = NULL;
  gsize length;

  zopa_scenario_set_title (scenario, title);
  data = zopa_scenario_to_data (scenario, &length);
  return zopa_ui_test_write_temp_file ("peace-talks.zopa.json", data, length);
}

static void
test_window_opens_file_and_keeps_it_on_broken_file (void)
{
  g_autoptr(GFile) valid = write_valid_file ("Talks in Geneva");
  g_autoptr(GFile) broken = zopa_ui_test_write_temp_file ("broken.zopa.json", "{\n  \"format\": \"zopa\",\n  \"version\": 1,\n", 36);
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  AdwWindowTitle *title;
  AdwMessageDialog *dialog;
  ZopaDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  title = ADW_WINDOW_TITLE (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_nonnull (title);

  /* Without a file, the window shows the built-in scenario. */
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Built-in Scenario");
  g_assert_null (zopa_document_get_file (zopa_window_get_document (window)));

  g_assert_true (zopa_window_open_file (window, valid));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Talks in Geneva");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "peace-talks.zopa.json");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Talks in Geneva");
  document = zopa_window_get_document (window);

  /* A broken file is refused with the validator's message; the document stays. */
  g_assert_false (zopa_window_open_file (window, broken));
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.zopa.json”");
  g_assert_true (g_regex_match_simple ("^[0-9]+:[0-9]+: ", adw_message_dialog_get_body (dialog), 0, 0));
  g_assert_true (zopa_window_get_document (window) == document);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Talks in Geneva");
  zopa_ui_test_click_response (dialog, "_Close");
  g_assert_null (zopa_ui_test_find_message_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  zopa_ui_test_remove_temp_file (valid);
  zopa_ui_test_remove_temp_file (broken);
}

static void
test_window_asks_before_closing_with_changes (void)
{
  g_autoptr(GFile) valid = write_valid_file ("Before the Summit");
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  AdwWindowTitle *title;
  AdwMessageDialog *dialog;
  ZopaScenario *scenario;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zopa_window_open_file (window, valid));
  zopa_ui_test_drain_events ();
  title = ADW_WINDOW_TITLE (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));

  scenario = zopa_document_get_scenario (zopa_window_get_document (window));
  zopa_scenario_set_title (scenario, "After the Summit");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "• After the Summit");

  /* Closing asks; Cancel keeps the window and its changes. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  zopa_ui_test_click_response (dialog, "_Cancel");
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Save writes the file and closes; reopening finds the edit. */
  gtk_window_close (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  zopa_ui_test_click_response (dialog, "_Save");
  g_assert_null (window);

  {
    g_autoptr(ZopaScenario) reloaded = zopa_scenario_load_from_file (valid, NULL, NULL);
    g_assert_nonnull (reloaded);
    g_assert_cmpstr (zopa_scenario_get_title (reloaded), ==, "After the Summit");
  }
  zopa_ui_test_remove_temp_file (valid);
}

static gboolean
actor_editor_is_open (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ZOPA_IS_ACTOR_EDITOR (l->data))
      return TRUE;
  return FALSE;
}

/* An editor works on its window's document: it belongs to the application, and it goes
 * when another document replaces that one, or when the window closes. */
static void
test_editors_follow_their_window (void)
{
  g_autoptr(GFile) valid = write_valid_file ("Another Round");
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-actor", "s", "moscow");
  zopa_ui_test_drain_events ();
  g_assert_true (actor_editor_is_open ());
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ZOPA_IS_ACTOR_EDITOR (l->data))
        g_assert_true (gtk_window_get_application (l->data) == GTK_APPLICATION (app));
  }

  g_assert_true (zopa_window_open_file (window, valid));
  zopa_ui_test_drain_events ();
  g_assert_false (actor_editor_is_open ());

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-actor", "s", "kyiv");
  zopa_ui_test_drain_events ();
  g_assert_true (actor_editor_is_open ());
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  g_assert_false (actor_editor_is_open ());
  zopa_ui_test_remove_temp_file (valid);
}

/* Save, open again, and the clause edit is there. */
static void
test_clause_edit_survives_save_and_reopen (void)
{
  g_autoptr(GFile) file = write_valid_file ("Geneva, Settled");
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  ZopaWindow *reopened;
  ZopaDocument *document;
  ZopaClause *clause;
  ZopaHistory *history;
  const char *issue;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zopa_window_open_file (window, file));
  document = zopa_window_get_document (window);
  history = zopa_document_get_history (document);

  /* Settle the Geneva framework's first bracketed clause that sets an issue. */
  clause = NULL;
  {
    ZopaDraft *draft = zopa_scenario_find_draft (zopa_document_get_scenario (document), "geneva-19");
    GListModel *clauses = zopa_draft_get_clauses (draft);

    for (guint i = 0; i < g_list_model_get_n_items (clauses) && clause == NULL; i++)
      {
        g_autoptr(ZopaClause) candidate = g_list_model_get_item (clauses, i);
        if (zopa_clause_get_status (candidate) == ZOPA_CLAUSE_BRACKETED
            && zopa_clause_get_set_issues (candidate)[0] != NULL)
          clause = candidate;
      }
  }
  g_assert_nonnull (clause);
  issue = zopa_clause_get_set_issues (clause)[0];
  g_assert_true (zopa_history_set (history, clause, "status", ZOPA_CLAUSE_AGREED, NULL));
  g_assert_true (zopa_document_get_modified (document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  zopa_ui_test_drain_events ();
  g_assert_false (zopa_document_get_modified (document));

  reopened = zopa_window_new (GTK_APPLICATION (app));
  g_assert_true (zopa_window_open_file (reopened, file));
  {
    ZopaScenario *scenario = zopa_document_get_scenario (zopa_window_get_document (reopened));
    ZopaClause *saved = zopa_scenario_find_clause (scenario, zopa_clause_get_id (clause), NULL);

    g_assert_nonnull (saved);
    g_assert_cmpint (zopa_clause_get_status (saved), ==, ZOPA_CLAUSE_AGREED);
    g_assert_cmpstr (zopa_clause_get_set_option (saved, issue), ==, zopa_clause_get_set_option (clause, issue));
  }

  /* Undo goes back to the saved file's state as it was loaded: unsaved again. */
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_document_get_modified (document));
  g_assert_true (zopa_history_redo (history));
  g_assert_false (zopa_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (reopened));
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  zopa_ui_test_remove_temp_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add_func ("/window/open-file-and-broken-file", test_window_opens_file_and_keeps_it_on_broken_file);
  g_test_add_func ("/window/close-with-changes", test_window_asks_before_closing_with_changes);
  g_test_add_func ("/window/editors-follow-their-window", test_editors_follow_their_window);
  g_test_add_func ("/window/clause-edit-survives-save-and-reopen", test_clause_edit_survives_save_and_reopen);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
