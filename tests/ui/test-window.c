/* test-window.c: the main window on a file, a broken file, and closing with changes */

#include "config.h"

#include <glib/gstdio.h>

#include "model/zopa-scenario-file.h"
#include "ui/zopa-application.h"
#include "ui/zopa-window.h"

static ZopaApplication *app;

static void
drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Answers a dialog the way a person does: by clicking one of its buttons. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  drain_events ();
}

static GFile *
write_temp_file (const char *basename,
                 const char *contents,
                 gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zopa-ui-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, basename, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
remove_temp_file (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (parent, NULL, NULL);
}

static GFile *
write_valid_file (const char *title)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *data = NULL;
  gsize length;

  zopa_scenario_set_title (scenario, title);
  data = zopa_scenario_to_data (scenario, &length);
  return write_temp_file ("peace-talks.zopa.json", data, length);
}

static void
test_window_opens_file_and_keeps_it_on_broken_file (void)
{
  g_autoptr(GFile) valid = write_valid_file ("Talks in Geneva");
  g_autoptr(GFile) broken = write_temp_file ("broken.zopa.json", "{\n  \"format\": \"zopa\",\n  \"version\": 1,\n", 36);
  ZopaWindow *window = zopa_window_new (app);
  AdwWindowTitle *title;
  AdwMessageDialog *dialog;
  ZopaDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  drain_events ();
  title = ADW_WINDOW_TITLE (find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_nonnull (title);

  /* Without a file, the window shows the built-in scenario. */
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Built-in Scenario");
  g_assert_null (zopa_document_get_file (zopa_window_get_document (window)));

  g_assert_true (zopa_window_open_file (window, valid));
  drain_events ();
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Talks in Geneva");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "peace-talks.zopa.json");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Talks in Geneva");
  document = zopa_window_get_document (window);

  /* A broken file is refused with the validator's message; the document stays. */
  g_assert_false (zopa_window_open_file (window, broken));
  drain_events ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.zopa.json”");
  g_assert_true (g_regex_match_simple ("^[0-9]+:[0-9]+: ", adw_message_dialog_get_body (dialog), 0, 0));
  g_assert_true (zopa_window_get_document (window) == document);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Talks in Geneva");
  click_response (dialog, "_Close");
  g_assert_null (find_message_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
  drain_events ();
  remove_temp_file (valid);
  remove_temp_file (broken);
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
  drain_events ();
  title = ADW_WINDOW_TITLE (find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));

  scenario = zopa_document_get_scenario (zopa_window_get_document (window));
  zopa_scenario_set_title (scenario, "After the Summit");
  drain_events ();
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "• After the Summit");

  /* Closing asks; Cancel keeps the window and its changes. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  drain_events ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  click_response (dialog, "_Cancel");
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Save writes the file and closes; reopening finds the edit. */
  gtk_window_close (GTK_WINDOW (window));
  drain_events ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  click_response (dialog, "_Save");
  g_assert_null (window);

  {
    g_autoptr(ZopaScenario) reloaded = zopa_scenario_load_from_file (valid, NULL, NULL);
    g_assert_nonnull (reloaded);
    g_assert_cmpstr (zopa_scenario_get_title (reloaded), ==, "After the Summit");
  }
  remove_temp_file (valid);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = zopa_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/open-file-and-broken-file", test_window_opens_file_and_keeps_it_on_broken_file);
  g_test_add_func ("/window/close-with-changes", test_window_asks_before_closing_with_changes);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
