/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety.c: unsaved changes offered back after a crash, and files changed on disk */

#include "config.h"

#include "model/zopa-scenario-file.h"
#include "ui/zopa-application.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

static GFile *
write_scenario_file (const char *title)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *data = NULL;
  gsize length;

  zopa_scenario_set_title (scenario, title);
  data = zopa_scenario_to_data (scenario, &length);
  return zopa_ui_test_write_temp_file ("peace-talks.zopa.json", data, length);
}

/* Another program writes the file: a new file renamed over the old one, as editors do. */
static void
rewrite_scenario_file (GFile      *file,
                       const char *title)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  zopa_scenario_set_title (scenario, title);
  data = zopa_scenario_to_data (scenario, &length);
  g_file_set_contents (g_file_peek_path (file), data, length, &error);
  g_assert_no_error (error);
}

static char *
title_on_disk (GFile *file)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_file (file, NULL, NULL);

  g_assert_nonnull (scenario);
  return g_strdup (zopa_scenario_get_title (scenario));
}

static AdwMessageDialog *
find_dialog_saying (const char *text)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && strstr (adw_message_dialog_get_body (l->data), text) != NULL)
      return l->data;
  return NULL;
}

static ZopaWindow *
find_window_titled (const char *title)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ZOPA_IS_WINDOW (l->data)
        && g_strcmp0 (zopa_scenario_get_title (zopa_document_get_scenario (zopa_window_get_document (l->data))), title) == 0)
      return l->data;
  return NULL;
}

static gboolean
store_has_entry (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = zopa_recovery_store_list (zopa_application_get_recovery_store (app), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((ZopaRecoveryEntry *) g_ptr_array_index (entries, i))->id, id))
      return TRUE;
  return FALSE;
}

static void
destroy_all_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  zopa_ui_test_drain_events ();
}

/* Entries a previous run left are offered at start: Restore opens the changes, marked
 * unsaved, on their file; Discard removes the entry. */
static void
test_recovery_offered_at_start (void)
{
  ZopaRecoveryStore *store = zopa_application_get_recovery_store (app);
  g_autoptr(GFile) file = write_scenario_file ("As Saved");
  g_autoptr(ZopaScenario) edited = zopa_scenario_load_builtin ();
  g_autoptr(ZopaScenario) unsaved = zopa_scenario_load_builtin ();
  g_autofree char *file_id = zopa_recovery_id_for_file (file);
  g_autofree char *new_id = zopa_recovery_id_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  gsize length;
  AdwMessageDialog *dialog;
  ZopaWindow *restored;
  ZopaDocument *document;

  g_assert_nonnull (store);
  zopa_scenario_set_title (edited, "Kept After the Crash");
  zopa_scenario_set_title (unsaved, "Never Saved, Thrown Away");
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, &length, NULL));
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_true (zopa_recovery_store_write (store, file_id, edited, file, checksum, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (zopa_recovery_store_write (store, new_id, unsaved, NULL, NULL, FALSE, &error));
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  zopa_ui_test_drain_events ();

  dialog = find_dialog_saying ("Unsaved changes to “peace-talks.zopa.json” from ");
  g_assert_nonnull (dialog);
  zopa_ui_test_click_response (dialog, "_Restore");
  restored = find_window_titled ("Kept After the Crash");
  g_assert_nonnull (restored);
  document = zopa_window_get_document (restored);
  g_assert_true (zopa_document_get_modified (document));
  g_assert_true (g_file_equal (zopa_document_get_file (document), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (restored)), ==, "• Kept After the Crash");
  /* The file is as it was when the changes were written: no warning about it. */
  g_assert_cmpint (zopa_document_get_disk_state (document), ==, ZOPA_DISK_STATE_UNCHANGED);
  /* Nothing is written to the file until the user saves. */
  {
    g_autofree char *on_disk = title_on_disk (file);
    g_assert_cmpstr (on_disk, ==, "As Saved");
  }
  g_assert_true (store_has_entry (file_id));

  dialog = find_dialog_saying ("Unsaved changes to “Never Saved, Thrown Away” from ");
  g_assert_nonnull (dialog);
  zopa_ui_test_click_response (dialog, "_Discard");
  g_assert_false (store_has_entry (new_id));
  g_assert_null (find_window_titled ("Never Saved, Thrown Away"));

  /* Closing with Discard lets the restored changes go for good. */
  gtk_window_close (GTK_WINDOW (restored));
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  zopa_ui_test_click_response (dialog, "_Discard");
  g_assert_false (store_has_entry (file_id));

  destroy_all_windows ();
  zopa_ui_test_remove_temp_file (file);
}

/* An edit reaches the recovery store without saving, a few moments after it is made. */
static gboolean
entry_written (gpointer id)
{
  return store_has_entry (id);
}

static void
test_edit_autosaved_for_recovery (void)
{
  g_autoptr(GFile) file = write_scenario_file ("Before the Edit");
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  ZopaDocument *document;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zopa_window_open_file (window, file));
  document = zopa_window_get_document (window);
  zopa_document_set_autosave_delay (document, 50);
  zopa_scenario_set_title (zopa_document_get_scenario (document), "Edited, Not Saved");
  zopa_ui_test_wait_for (entry_written, (gpointer) zopa_document_get_recovery_id (document));
  {
    g_autoptr(GPtrArray) entries = zopa_recovery_store_list (zopa_application_get_recovery_store (app), &error);
    g_autoptr(ZopaScenario) kept = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    kept = zopa_recovery_store_load (zopa_application_get_recovery_store (app), g_ptr_array_index (entries, 0), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (zopa_scenario_get_title (kept), ==, "Edited, Not Saved");
  }

  /* Saving removes the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  zopa_ui_test_drain_events ();
  g_assert_false (store_has_entry (zopa_document_get_recovery_id (document)));

  destroy_all_windows ();
  zopa_ui_test_remove_temp_file (file);
}

static gboolean
banner_revealed (gpointer window)
{
  GtkInfoBar *banner = GTK_INFO_BAR (zopa_ui_test_find_type (window, GTK_TYPE_INFO_BAR));

  return gtk_info_bar_get_revealed (banner);
}

static gboolean
banner_hidden (gpointer window)
{
  return !banner_revealed (window);
}

static void
click_banner_button (ZopaWindow *window,
                     const char *label)
{
  GtkWidget *banner = zopa_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_INFO_BAR);
  GtkWidget *button = zopa_ui_test_find_button (banner, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  zopa_ui_test_drain_events ();
}

/* Another program changes the file: a banner says so, Ctrl+S does not overwrite the change,
 * Keep Mine does, Reload takes the other program's version. */
static void
test_change_on_disk_is_never_overwritten_silently (void)
{
  g_autoptr(GFile) file = write_scenario_file ("Ours Before");
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  AdwMessageDialog *dialog;
  GtkWidget *banner;
  GtkWidget *label;
  g_autofree char *on_disk = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zopa_window_open_file (window, file));
  zopa_ui_test_drain_events ();
  g_assert_true (banner_hidden (window));

  zopa_scenario_set_title (zopa_document_get_scenario (zopa_window_get_document (window)), "Ours");
  rewrite_scenario_file (file, "Theirs");
  zopa_ui_test_wait_for (banner_revealed, window);
  banner = zopa_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_INFO_BAR);
  label = zopa_ui_test_find_type (banner, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "The file “peace-talks.zopa.json” changed on disk");

  /* Ctrl+S asks instead of overwriting. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Changed on Disk");
  g_assert_nonnull (zopa_ui_test_find_button (GTK_WIDGET (dialog), "_Reload"));
  g_assert_nonnull (zopa_ui_test_find_button (GTK_WIDGET (dialog), "Save _As…"));
  zopa_ui_test_click_response (dialog, "_Cancel");
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Theirs");
  g_clear_pointer (&on_disk, g_free);
  g_assert_true (zopa_document_get_modified (zopa_window_get_document (window)));

  /* Keep Mine writes ours over theirs. */
  click_banner_button (window, "_Keep Mine");
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Ours");
  g_clear_pointer (&on_disk, g_free);
  zopa_ui_test_wait_for (banner_hidden, window);
  g_assert_false (zopa_document_get_modified (zopa_window_get_document (window)));

  /* Reload takes theirs. */
  zopa_scenario_set_title (zopa_document_get_scenario (zopa_window_get_document (window)), "Ours Again");
  rewrite_scenario_file (file, "Theirs Again");
  zopa_ui_test_wait_for (banner_revealed, window);
  click_banner_button (window, "_Reload");
  g_assert_cmpstr (zopa_scenario_get_title (zopa_document_get_scenario (zopa_window_get_document (window))),
                   ==, "Theirs Again");
  g_assert_false (zopa_document_get_modified (zopa_window_get_document (window)));
  zopa_ui_test_wait_for (banner_hidden, window);

  destroy_all_windows ();
  zopa_ui_test_remove_temp_file (file);
}

static gboolean
banner_offers_save_as (gpointer window)
{
  GtkWidget *banner = zopa_ui_test_find_type (window, GTK_TYPE_INFO_BAR);
  GtkWidget *button = zopa_ui_test_find_button (banner, "Save _As…");

  return banner_revealed (window) && gtk_widget_get_visible (button);
}

/* A deleted file: the banner says so and offers Save As; Keep Mine writes it back. */
static void
test_deleted_file_offers_save_as (void)
{
  g_autoptr(GFile) file = write_scenario_file ("Still Here");
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  GtkWidget *banner;
  GtkWidget *label;
  g_autofree char *on_disk = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (zopa_window_open_file (window, file));
  zopa_ui_test_drain_events ();
  g_assert_true (g_file_delete (file, NULL, NULL));
  zopa_ui_test_wait_for (banner_offers_save_as, window);
  banner = zopa_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_INFO_BAR);
  label = zopa_ui_test_find_type (banner, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "The file “peace-talks.zopa.json” was deleted on disk");
  g_assert_false (gtk_widget_is_sensitive (zopa_ui_test_find_button (banner, "_Reload")));

  click_banner_button (window, "_Keep Mine");
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Still Here");
  zopa_ui_test_wait_for (banner_hidden, window);

  destroy_all_windows ();
  zopa_ui_test_remove_temp_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add_func ("/safety/recovery-offered-at-start", test_recovery_offered_at_start);
  g_test_add_func ("/safety/edit-autosaved-for-recovery", test_edit_autosaved_for_recovery);
  g_test_add_func ("/safety/change-on-disk", test_change_on_disk_is_never_overwritten_silently);
  g_test_add_func ("/safety/deleted-file", test_deleted_file_offers_save_as);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
