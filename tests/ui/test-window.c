/* test-window.c: the main window on a file, a broken file, and closing with changes */

#include "config.h"

#include "model/zopa-scenario-file.h"
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
  ZopaWindow *window = zopa_window_new (app);
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
  ZopaWindow *window = zopa_window_new (app);
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

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add_func ("/window/open-file-and-broken-file", test_window_opens_file_and_keeps_it_on_broken_file);
  g_test_add_func ("/window/close-with-changes", test_window_asks_before_closing_with_changes);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
