/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-files.c: one window per file, loading off the main thread, Open Recent,
 * dropped files, and unsaved changes kept when the session ends */

#include "config.h"

#include "model/zopa-scenario-file.h"
#include "ui/zopa-application.h"
#include "ui/zopa-recent-files.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

static GFile *
write_scenario (const char *basename,
                const char *title)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *data = NULL;
  gsize length;

  zopa_scenario_set_title (scenario, title);
  data = zopa_scenario_to_data (scenario, &length);
  return zopa_ui_test_write_temp_file (basename, data, length);
}

static gboolean
window_loaded (gpointer window)
{
  return !zopa_window_get_loading (window);
}

static const char *
window_title (GtkWindow *window)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));

  return adw_window_title_get_title (title);
}

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* A window destroyed with unsaved changes leaves its recovery entry, as after a crash; on a
 * slow machine its autosave may have run. Each test starts from an empty store. */
static void
forget_recovery_entries (void)
{
  ZopaRecoveryStore *store = zopa_application_get_recovery_store (app);
  g_autoptr(GPtrArray) entries = zopa_recovery_store_list (store, NULL);

  for (guint k = 0; entries != NULL && k < entries->len; k++)
    {
      const ZopaRecoveryEntry *entry = g_ptr_array_index (entries, k);

      g_assert_true (zopa_recovery_store_remove (store, entry->id, NULL));
    }
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  zopa_ui_test_drain_events ();
  forget_recovery_entries ();
}

static gboolean
match_label_text (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
match_css_class (GtkWidget     *widget,
                 gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_visible_label (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *label = zopa_ui_test_find_widget (root, match_label_text, text);

  return label != NULL && gtk_widget_is_visible (label) ? label : NULL;
}

static void
test_loading_shows_and_a_file_opens_once (void)
{
  g_autoptr(GFile) file = write_scenario ("geneva.zopa.json", "Talks in Geneva");
  g_autoptr(GFile) other = write_scenario ("oslo.zopa.json", "Talks in Oslo");
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) link = g_file_get_child (parent, "link-to-geneva.zopa.json");
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* The file is read off the main thread; the window says so until it is shown. */
  window = zopa_application_open_file (app, file, NULL);
  g_assert_true (ZOPA_IS_WINDOW (window));
  g_assert_true (zopa_window_get_loading (ZOPA_WINDOW (window)));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (window), "Opening “geneva.zopa.json”…"));
  zopa_ui_test_wait_for (window_loaded, window);
  g_assert_null (find_visible_label (GTK_WIDGET (window), "Opening “geneva.zopa.json”…"));
  g_assert_cmpstr (window_title (window), ==, "Talks in Geneva");
  g_assert_cmpuint (count_windows (), ==, 1);

  /* Opening it again, also while it loads, through a symbolic link, or as GApplication's
   * "open" (the command line, gio open, D-Bus activation), presents the same window. */
  g_assert_true (zopa_application_open_file (app, file, NULL) == window);
  g_assert_true (g_file_make_symbolic_link (link, g_file_peek_path (file), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zopa_application_open_file (app, link, NULL) == window);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (count_windows (), ==, 1);

  /* Another file from a window with nothing unsaved replaces what it shows... */
  g_assert_true (zopa_application_open_file (app, other, window) == window);
  g_assert_true (zopa_window_get_loading (ZOPA_WINDOW (window)));
  zopa_ui_test_wait_for (window_loaded, window);
  g_assert_cmpstr (window_title (window), ==, "Talks in Oslo");
  g_assert_null (zopa_application_find_window_for_file (app, file));

  /* ...and from one with changes, it opens a window of its own. */
  zopa_scenario_set_title (zopa_document_get_scenario (zopa_window_get_document (ZOPA_WINDOW (window))),
                           "Talks in Bergen");
  {
    GtkWindow *second = zopa_application_open_file (app, file, window);

    g_assert_true (second != window);
    zopa_ui_test_wait_for (window_loaded, second);
    g_assert_cmpstr (window_title (second), ==, "Talks in Geneva");
    g_assert_cmpuint (count_windows (), ==, 2);
    g_assert_true (zopa_application_find_window_for_file (app, link) == second);
  }

  close_all_windows ();
  g_file_delete (link, NULL, NULL);
  zopa_ui_test_remove_temp_file (file);
  zopa_ui_test_remove_temp_file (other);
}

static void
test_broken_file_loads_into_a_message (void)
{
  g_autoptr(GFile) broken = zopa_ui_test_write_temp_file ("broken.zopa.json", "{\n  \"format\": \"zopa\",\n", 22);
  GtkWindow *window = zopa_application_open_file (app, broken, NULL);
  AdwMessageDialog *dialog;

  zopa_ui_test_wait_for (window_loaded, window);
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.zopa.json”");
  g_assert_true (g_regex_match_simple ("^[0-9]+:[0-9]+: ", adw_message_dialog_get_body (dialog), 0, 0));
  /* The window keeps what it showed, and may be used again. */
  g_assert_null (zopa_document_get_file (zopa_window_get_document (ZOPA_WINDOW (window))));
  g_assert_true (gtk_widget_get_sensitive (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP)));
  g_assert_null (zopa_application_find_window_for_file (app, broken));
  zopa_ui_test_click_response (dialog, "_Close");

  close_all_windows ();
  zopa_ui_test_remove_temp_file (broken);
}

typedef struct {
  GMenuModel *menu;
  const char *label;
  gboolean    present;
} MenuWait;

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label)
          && g_str_equal (item_label, label))
        return TRUE;
    }
  return FALSE;
}

static gboolean
menu_label_is_as_wanted (gpointer data)
{
  MenuWait *wait = data;

  return menu_has_label (wait->menu, wait->label) == wait->present;
}

/* Whether the "Open Recent" submenu of window's main menu lists label, in a section. */
static gboolean
primary_menu_has_recent_label (GtkWindow  *window,
                               const char *label)
{
  GtkWidget *button = zopa_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = NULL;

  for (guint i = 0; button != NULL; button = zopa_ui_test_find_nth_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, ++i))
    if (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)))
      {
        menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
        break;
      }
  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (section, j, G_MENU_LINK_SUBMENU);
          g_autofree char *submenu_label = NULL;

          if (submenu == NULL
              || !g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &submenu_label)
              || !g_str_equal (submenu_label, "Open Recen_t"))
            continue;
          /* The window's section holds the application's list as a section of its own. */
          for (int k = 0; k < g_menu_model_get_n_items (submenu); k++)
            {
              g_autoptr(GMenuModel) outer = g_menu_model_get_item_link (submenu, k, G_MENU_LINK_SECTION);

              for (int l = 0; outer != NULL && l < g_menu_model_get_n_items (outer); l++)
                {
                  g_autoptr(GMenuModel) inner = g_menu_model_get_item_link (outer, l, G_MENU_LINK_SECTION);

                  if (inner != NULL && menu_has_label (inner, label))
                    return TRUE;
                }
            }
        }
    }
  return FALSE;
}

static void
test_open_recent_lists_files_and_refuses_missing_ones (void)
{
  g_autoptr(GFile) file = write_scenario ("round_two.zopa.json", "Round Two");
  GMenuModel *menu = zopa_recent_files_get_menu (zopa_application_get_recent_files (app));
  /* An underscore in a name is shown, not taken as a mnemonic. */
  MenuWait wait = { menu, "round__two.zopa.json", TRUE };
  g_autofree char *uri = g_file_get_uri (file);
  GtkWindow *window;
  AdwMessageDialog *dialog;
  g_autofree char *target = NULL;

  /* An empty list says so. */
  {
    g_autoptr(GFile) list = zopa_ui_test_temp_file ("recently-used.xbel");
    g_autoptr(GtkRecentManager) manager = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename",
                                                        g_file_peek_path (list), NULL);
    g_autoptr(ZopaRecentFiles) empty = zopa_recent_files_new (manager);

    g_assert_cmpint (g_menu_model_get_n_items (zopa_recent_files_get_menu (empty)), ==, 1);
    g_assert_true (menu_has_label (zopa_recent_files_get_menu (empty), "No Recent Scenarios"));
    zopa_ui_test_remove_temp_file (list);
  }

  /* Opened files enter the list (the desktop's, written in the background). */
  window = zopa_application_open_file (app, file, NULL);
  zopa_ui_test_wait_for (window_loaded, window);
  zopa_ui_test_wait_for (menu_label_is_as_wanted, &wait);
  g_assert_false (menu_has_label (menu, "No Recent Scenarios"));
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, uri);

  /* The window's main menu has it under Open Recent. */
  g_assert_true (primary_menu_has_recent_label (window, wait.label));

  /* Choosing it presents the window already on it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (uri));
  g_assert_cmpuint (count_windows (), ==, 1);
  close_all_windows ();

  /* Chosen again, it opens in a new window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (uri));
  g_assert_cmpuint (count_windows (), ==, 1);
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  zopa_ui_test_wait_for (window_loaded, window);
  g_assert_cmpstr (window_title (window), ==, "Round Two");
  close_all_windows ();

  /* A file gone since is said so, and leaves the list. */
  window = GTK_WINDOW (zopa_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
  zopa_ui_test_remove_temp_file (file);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (uri));
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “round_two.zopa.json”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "There is no file at "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "round_two.zopa.json"));
  zopa_ui_test_click_response (dialog, "_Close");
  wait.present = FALSE;
  zopa_ui_test_wait_for (menu_label_is_as_wanted, &wait);
  g_assert_cmpuint (count_windows (), ==, 1);
  close_all_windows ();
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop_files (GtkDropTarget *target,
            GFile         *first,
            GFile         *second)
{
  g_autoptr(GSList) files = g_slist_prepend (NULL, first);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  if (second != NULL)
    files = g_slist_append (files, second);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static void
test_dropped_files_open (void)
{
  g_autoptr(GFile) file = write_scenario ("dropped.zopa.json", "Dropped Talks");
  g_autoptr(GFile) notes = zopa_ui_test_write_temp_file ("notes.txt", "not a scenario\n", 15);
  GtkWindow *window = GTK_WINDOW (zopa_window_new (GTK_APPLICATION (app)));
  GtkDropTarget *target;
  GtkWidget *highlight;
  AdwMessageDialog *dialog;
  GdkDragAction action = 0;

  gtk_window_present (window);
  zopa_ui_test_drain_events ();
  target = find_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);
  g_assert_cmpint (gtk_drop_target_get_actions (target), ==, GDK_ACTION_COPY);
  g_assert_true (g_type_is_a (gtk_drop_target_get_gtypes (target, NULL)[0], GDK_TYPE_FILE_LIST));
  highlight = zopa_ui_test_find_widget (GTK_WIDGET (window), match_css_class, "drop-highlight");
  g_assert_nonnull (highlight);
  g_assert_false (gtk_widget_get_visible (highlight));

  /* Dragging over the window highlights it; leaving takes that away. */
  g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_get_visible (highlight));
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_get_visible (highlight));

  /* A scenario dropped on a window with nothing unsaved opens there; another file is refused
   * with its name. */
  g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
  g_assert_true (drop_files (target, file, notes));
  g_assert_false (gtk_widget_get_visible (highlight));
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“notes.txt” Is Not a Scenario");
  zopa_ui_test_click_response (dialog, "_Close");
  zopa_ui_test_wait_for (window_loaded, window);
  g_assert_cmpstr (window_title (window), ==, "Dropped Talks");
  g_assert_cmpuint (count_windows (), ==, 1);

  /* Dropped again, on a window with changes: the window already on it is that one. */
  zopa_scenario_set_title (zopa_document_get_scenario (zopa_window_get_document (ZOPA_WINDOW (window))),
                           "Dropped and Changed");
  g_assert_true (drop_files (target, file, NULL));
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_cmpstr (window_title (window), ==, "• Dropped and Changed");

  close_all_windows ();
  zopa_ui_test_remove_temp_file (file);
  zopa_ui_test_remove_temp_file (notes);
}

static void
test_session_end_keeps_unsaved_changes (void)
{
  g_autoptr(GFile) file = write_scenario ("logout.zopa.json", "Before Logout");
  ZopaRecoveryStore *store = zopa_application_get_recovery_store (app);
  GtkWindow *window = zopa_application_open_file (app, file, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *builtin_window;
  ZopaDocument *document;
  ZopaDocument *builtin;

  zopa_ui_test_wait_for (window_loaded, window);
  document = zopa_window_get_document (ZOPA_WINDOW (window));
  /* Long enough that only the session's end can have written the entry. */
  zopa_document_set_autosave_delay (document, 3600 * 1000);
  zopa_scenario_set_title (zopa_document_get_scenario (document), "After Logout");
  /* A window made the way "New Window" does, on the built-in scenario, is kept as well. */
  builtin_window = GTK_WINDOW (zopa_window_new (GTK_APPLICATION (app)));
  gtk_window_present (builtin_window);
  builtin = zopa_window_get_document (ZOPA_WINDOW (builtin_window));
  zopa_document_set_autosave_delay (builtin, 3600 * 1000);
  zopa_scenario_set_title (zopa_document_get_scenario (builtin), "Untitled After Logout");
  entries = zopa_recovery_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The application asks the session manager to tell it when the session ends. */
  {
    gboolean registered = FALSE;

    g_object_get (app, "register-session", &registered, NULL);
    g_assert_true (registered);
  }
  g_signal_emit_by_name (app, "query-end");
  entries = zopa_recovery_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      const ZopaRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(ZopaScenario) kept = zopa_recovery_store_load (store, entry, &error);

      g_assert_no_error (error);
      if (entry->original != NULL)
        {
          g_assert_true (g_file_equal (entry->original, file));
          g_assert_cmpstr (zopa_scenario_get_title (kept), ==, "After Logout");
        }
      else
        g_assert_cmpstr (zopa_scenario_get_title (kept), ==, "Untitled After Logout");
    }

  g_assert_true (zopa_document_discard_recovery (document, &error));
  g_assert_no_error (error);
  g_assert_true (zopa_document_discard_recovery (builtin, &error));
  g_assert_no_error (error);
  close_all_windows ();
  zopa_ui_test_remove_temp_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add_func ("/window-files/loading-and-one-window-per-file", test_loading_shows_and_a_file_opens_once);
  g_test_add_func ("/window-files/broken-file", test_broken_file_loads_into_a_message);
  g_test_add_func ("/window-files/open-recent", test_open_recent_lists_files_and_refuses_missing_ones);
  g_test_add_func ("/window-files/drop", test_dropped_files_open);
  g_test_add_func ("/window-files/session-end", test_session_end_keeps_unsaved_changes);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
