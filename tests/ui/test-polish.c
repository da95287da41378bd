/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-polish.c: New Scenario, session restore, the style choice, error advice, mnemonic names */

#include "config.h"

#include <string.h>

#include "model/zopa-file-problem.h"
#include "model/zopa-scenario-file.h"
#include "model/zopa-scenario-validator.h"
#include "ui/zopa-accessible-parts.h"
#include "ui/zopa-application.h"
#include "ui/zopa-error-dialog.h"
#include "ui/zopa-new-scenario.h"
#include "ui/zopa-session-restore.h"
#include "ui/zopa-style-choice.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

/* The blank scenario passes the file rules, and a window shows it as an untitled one. */
static void
test_blank_scenario_is_valid_and_untitled (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_new_scenario_blank ();
  g_autoptr(GPtrArray) problems = zopa_scenario_validate (scenario);
  g_autoptr(ZopaDocument) document = zopa_document_new_untitled (scenario);
  g_autofree char *name = zopa_document_dup_display_name (document);
  ZopaWindow *window;
  AdwWindowTitle *title;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_actors (scenario)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_issues (scenario)), ==, 1);
  g_assert_cmpstr (name, ==, "Untitled Scenario");

  window = zopa_window_new_for_document (GTK_APPLICATION (app), document);
  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  title = ADW_WINDOW_TITLE (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Untitled Scenario");
  g_assert_null (zopa_window_get_file (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_new_window (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) > GPOINTER_TO_UINT (data);
}

/* New Scenario asks, and Blank opens a window of its own on the blank scenario. */
static void
test_new_scenario_blank_opens_window (void)
{
  ZopaWindow *origin = zopa_window_new (GTK_APPLICATION (app));
  guint before;
  AdwMessageDialog *dialog;
  ZopaWindow *opened;
  g_autofree char *name = NULL;

  gtk_window_present (GTK_WINDOW (origin));
  zopa_ui_test_drain_events ();
  before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  dialog = zopa_new_scenario_choose (GTK_APPLICATION (app), GTK_WINDOW (origin));
  g_assert_nonnull (dialog);
  /* The dialog goes when it answers; the pointer with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, "blank");
  zopa_ui_test_wait_for (has_new_window, GUINT_TO_POINTER (before));

  opened = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ZOPA_IS_WINDOW (l->data) && l->data != (gpointer) origin)
      opened = l->data;
  g_assert_nonnull (opened);
  name = zopa_document_dup_display_name (zopa_window_get_document (opened));
  g_assert_cmpstr (name, ==, "Untitled Scenario");
  gtk_window_destroy (GTK_WINDOW (opened));
  gtk_window_destroy (GTK_WINDOW (origin));
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The files of the windows are kept in order, without repeats; a file gone since is named
 * and dropped when they are read back. */
static void
test_session_restore_keeps_and_skips (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ZopaScenario) builtin = zopa_scenario_load_builtin ();
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GFile) gone = NULL;
  ZopaWindow *first, *second, *repeat, *unsaved;
  g_autoptr(GList) windows = NULL;
  g_auto(GStrv) uris = NULL;
  g_auto(GStrv) vanished = NULL;
  g_autoptr(GPtrArray) files = NULL;

  data = zopa_scenario_to_data (builtin, &length);
  kept = zopa_ui_test_write_temp_file ("kept.zopa.json", data, length);
  gone = zopa_ui_test_write_temp_file ("gone.zopa.json", data, length);

  first = ZOPA_WINDOW (zopa_application_open_file (app, kept, NULL));
  second = ZOPA_WINDOW (zopa_application_open_file (app, gone, NULL));
  repeat = ZOPA_WINDOW (zopa_application_open_file (app, kept, NULL));
  unsaved = zopa_window_new (GTK_APPLICATION (app));
  g_assert_true (repeat == first);

  windows = g_list_append (windows, first);
  windows = g_list_append (windows, unsaved);
  windows = g_list_append (windows, second);
  windows = g_list_append (windows, repeat);
  zopa_session_restore_keep (settings, windows);
  uris = g_settings_get_strv (settings, "session-files");
  g_assert_cmpuint (g_strv_length (uris), ==, 2);
  g_assert_true (g_str_has_suffix (uris[0], "/kept.zopa.json"));
  g_assert_true (g_str_has_suffix (uris[1], "/gone.zopa.json"));

  zopa_ui_test_remove_temp_file (gone);
  files = zopa_session_restore_files (settings, &vanished);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (files, 0), kept));
  g_assert_nonnull (vanished);
  g_assert_cmpstr (vanished[0], ==, "gone.zopa.json");
  g_assert_null (vanished[1]);
  g_strfreev (uris);
  uris = g_settings_get_strv (settings, "session-files");
  g_assert_cmpuint (g_strv_length (uris), ==, 1);

  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (unsaved));
  zopa_ui_test_remove_temp_file (kept);
  g_settings_reset (settings, "session-files");
}

/* The menu's choice is stored in the settings and sets the colour scheme. */
static void
test_style_choice_follows_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  zopa_style_choice_install (G_ACTION_MAP (group), settings, manager);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_action_group_activate_action (G_ACTION_GROUP (group), "style", g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (g_settings_get_enum (settings, "style"), ==, 2);

  g_settings_set_string (settings, "style", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_settings_reset (settings, "style");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* An error dialog says what to try after the message, and its heading gets no hyphens. */
static void
test_error_dialog_says_what_to_try (void)
{
  g_autoptr(GError) syntax = g_error_new (ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_SYNTAX, "5:3: expected “,”");
  g_autoptr(GError) missing = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such file");
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_cmpstr (zopa_error_dialog_advice (syntax), !=, zopa_error_dialog_advice (missing));
  dialog = zopa_error_dialog_present_error (NULL, syntax, "Could Not Open “%s”",
                                            "a-very-long-hyphenated-scenario-file-name.zopa.json");
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "5:3: expected “,”\n\n"));
  g_assert_nonnull (strstr (body, zopa_error_dialog_advice (syntax)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_mnemonics_leave_names (void)
{
  static const struct { const char *label; const char *name; } cases[] = {
    { "_Open", "Open" }, { "Save _As…", "Save As…" }, { "a__b", "a_b" }, { "trailing_", "trailing" },
    { "plain", "plain" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = zopa_accessible_strip_mnemonic (cases[i].label);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A button with a mnemonic is named by the label it shows alone, not by GTK's LABEL
 * property as well ("_Open Open"), and a check button's name has no underscore ("_Reverse"),
 * also after their labels change while they are shown. */
static void
test_mnemonic_buttons_named_once (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic ("_Open");
  GtkWidget *plain = gtk_button_new_with_label ("Venn");
  GtkWidget *check = gtk_check_button_new_with_mnemonic ("_Reverse");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  zopa_accessible_parts_install ();
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), check);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_wait_for (is_mapped, button);

  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_button_get_child (GTK_BUTTON (button)), NULL);

  gtk_button_set_label (GTK_BUTTON (button), "Save _As…");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_button_get_child (GTK_BUTTON (button))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Save As…");

  /* Without a mnemonic GTK names the button by its LABEL property only: it stays. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plain), GTK_ACCESSIBLE_PROPERTY_LABEL, "Venn");

  /* A check button has no relation to its label: its LABEL property loses the underscore. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, "Reverse");
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), "_All Pages");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, "All Pages");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The mnemonic letters of one menu, sections included (they show as one list); submenus
 * are menus of their own. Fails on a letter used twice. */
static void
assert_mnemonics_unique (GMenuModel *menu,
                         GHashTable *seen)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      const char *mark;

      if (section != NULL)
        assert_mnemonics_unique (section, seen);
      if (submenu != NULL)
        {
          g_autoptr(GHashTable) own = g_hash_table_new (NULL, NULL);

          assert_mnemonics_unique (submenu, own);
        }
      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        continue;
      mark = strchr (label, '_');
      if (mark == NULL || mark[1] == '\0')
        continue;
      g_test_message ("%s", label);
      g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (g_unichar_tolower (g_utf8_get_char (mark + 1)))));
      g_hash_table_add (seen, GUINT_TO_POINTER (g_unichar_tolower (g_utf8_get_char (mark + 1))));
    }
}

/* Alt and a letter in the main menu reaches one item only. */
static void
test_main_menu_mnemonics_unique (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  ZopaWindow *window = zopa_window_new_for_document (GTK_APPLICATION (app), document);
  GtkWidget *button = zopa_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GMenuModel *menu;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  assert_mnemonics_unique (menu, seen);
  g_assert_cmpuint (g_hash_table_size (seen), >=, 15);
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add_func ("/polish/blank-scenario", test_blank_scenario_is_valid_and_untitled);
  g_test_add_func ("/polish/new-scenario-blank", test_new_scenario_blank_opens_window);
  g_test_add_func ("/polish/session-restore", test_session_restore_keeps_and_skips);
  g_test_add_func ("/polish/style-choice", test_style_choice_follows_setting);
  g_test_add_func ("/polish/error-advice", test_error_dialog_says_what_to_try);
  g_test_add_func ("/polish/mnemonics", test_mnemonics_leave_names);
  g_test_add_func ("/polish/mnemonic-buttons", test_mnemonic_buttons_named_once);
  g_test_add_func ("/polish/main-menu-mnemonics", test_main_menu_mnemonics_unique);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
