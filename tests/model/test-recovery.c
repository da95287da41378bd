/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the recovery store: autosave after edits, restore, discard, and a killed process. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "model/zopa-document.h"
#include "model/zopa-scenario-file.h"
#include "zopa-test-files.h"

#define CHILD_OPTION "--edit-and-wait"
#define KILLED_TITLE "Edited just before the kill"

typedef struct {
  char              *dir;
  char              *path;
  char              *original;
  GFile             *file;
  ZopaRecoveryStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();

  fixture->dir = zopa_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "work.zopa.json", NULL);
  fixture->original = zopa_scenario_to_data (scenario, NULL);
  zopa_test_write_file (fixture->path, fixture->original);
  fixture->file = g_file_new_for_path (fixture->path);
  /* The default place, inside the test's own XDG folders. */
  fixture->store = zopa_recovery_store_new (NULL);
  g_assert_true (g_str_has_prefix (zopa_recovery_store_get_folder (fixture->store), g_get_user_state_dir ()));
  g_assert_true (g_str_has_suffix (zopa_recovery_store_get_folder (fixture->store), "/zopa/recovery"));
  g_assert_true (g_str_has_prefix (g_get_user_state_dir (), g_get_tmp_dir ()));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Every test starts on an empty store. */
  zopa_test_remove_tree (zopa_recovery_store_get_folder (fixture->store));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->file);
  zopa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->original);
}

static ZopaDocument *
open_document (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ZopaDocument *document = zopa_document_new_from_file (fixture->file, &error);

  g_assert_no_error (error);
  zopa_document_set_recovery_store (document, fixture->store);
  return document;
}

static void
edit_title (ZopaDocument *document,
            const char   *title)
{
  ZopaScenario *scenario = zopa_document_get_scenario (document);

  g_assert_true (zopa_history_set (zopa_document_get_history (document), scenario, "title", title, NULL));
}

static guint
count_recoverable (ZopaRecoveryStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = zopa_recovery_store_list (store, &error);

  g_assert_no_error (error);
  return entries->len;
}

static ZopaRecoveryEntry *
take_single_entry (ZopaRecoveryStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = zopa_recovery_store_list (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  return g_ptr_array_steal_index (entries, 0);
}

/* Waits for the store to hold count entries, woken by the folder's monitor and timeouts. */
static void
wait_for_entries (ZopaRecoveryStore *store,
                  guint              count)
{
  while (count_recoverable (store) != count)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_autosave_after_edit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ZopaDocument) document = open_document (fixture);
  g_autoptr(ZopaRecoveryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  zopa_document_set_autosave_delay (document, 20);
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 0);
  edit_title (document, "Autosaved");
  wait_for_entries (fixture->store, 1);

  entry = take_single_entry (fixture->store);
  g_assert_cmpstr (entry->id, ==, zopa_document_get_recovery_id (document));
  g_assert_true (g_file_equal (entry->original, fixture->file));
  g_assert_cmpstr (entry->title, ==, "Autosaved");
  g_assert_nonnull (entry->written);
  /* The user's file is not touched by an autosave. */
  zopa_test_assert_contents (fixture->path, fixture->original);

  /* Saving removes the entry at once. */
  g_assert_true (zopa_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 0);
}

static void
test_undo_to_saved_state (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ZopaDocument) document = open_document (fixture);
  g_autoptr(GError) error = NULL;

  zopa_document_set_autosave_delay (document, 20);
  edit_title (document, "Soon undone");
  g_assert_true (zopa_document_autosave_now (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 1);

  /* Back at the saved state there is nothing to recover. */
  g_assert_true (zopa_history_undo (zopa_document_get_history (document)));
  g_assert_false (zopa_document_get_modified (document));
  wait_for_entries (fixture->store, 0);
}

static void
test_restore_and_discard (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaRecoveryEntry) entry = NULL;
  g_autoptr(ZopaDocument) restored = NULL;
  g_autofree char *expected = NULL;

  {
    g_autoptr(ZopaDocument) document = open_document (fixture);

    edit_title (document, "Restore me");
    g_assert_true (zopa_document_autosave_now (document, &error));
    g_assert_no_error (error);
  }

  entry = take_single_entry (fixture->store);
  restored = zopa_document_new_from_recovery (fixture->store, entry, &error);
  g_assert_no_error (error);
  g_assert_true (zopa_document_get_modified (restored));
  g_assert_true (g_file_equal (zopa_document_get_file (restored), fixture->file));
  g_assert_cmpstr (zopa_scenario_get_title (zopa_document_get_scenario (restored)), ==, "Restore me");
  g_assert_cmpint (zopa_document_get_disk_state (restored), ==, ZOPA_DISK_STATE_UNCHANGED);
  g_assert_cmpstr (zopa_document_get_recovery_id (restored), ==, entry->id);

  /* Discarding removes the entry and leaves the file as saved. */
  g_assert_true (zopa_document_discard_recovery (restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 0);
  zopa_test_assert_contents (fixture->path, fixture->original);

  /* Restored changes are saved like any others. */
  edit_title (restored, "Restored and saved");
  g_assert_true (zopa_document_autosave_now (restored, &error));
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 1);
  g_assert_true (zopa_document_save (restored, NULL, &error));
  g_assert_no_error (error);
  expected = zopa_scenario_to_data (zopa_document_get_scenario (restored), NULL);
  zopa_test_assert_contents (fixture->path, expected);
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 0);
}

static void
test_file_changed_since (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaRecoveryEntry) entry = NULL;
  g_autoptr(ZopaDocument) restored = NULL;

  {
    g_autoptr(ZopaDocument) document = open_document (fixture);

    edit_title (document, "Mine");
    g_assert_true (zopa_document_autosave_now (document, &error));
    g_assert_no_error (error);
  }
  /* After the crash, another program changed the file: restoring must not hide that. */
  zopa_test_write_file (fixture->path, "changed meanwhile\n");

  entry = take_single_entry (fixture->store);
  restored = zopa_document_new_from_recovery (fixture->store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zopa_document_get_disk_state (restored), ==, ZOPA_DISK_STATE_CHANGED);
  g_assert_false (zopa_document_save (restored, NULL, &error));
  g_assert_error (error, ZOPA_DOCUMENT_ERROR, ZOPA_DOCUMENT_ERROR_CHANGED_ON_DISK);
  zopa_test_assert_contents (fixture->path, "changed meanwhile\n");
}

static void
test_new_scenario (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaRecoveryEntry) entry = NULL;
  g_autoptr(ZopaDocument) restored = NULL;
  g_autofree char *saved_path = g_build_filename (fixture->dir, "saved-new.zopa.json", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);

  {
    g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();

    zopa_document_set_recovery_store (document, fixture->store);
    edit_title (document, "Never saved");
    g_assert_true (zopa_document_autosave_now (document, &error));
    g_assert_no_error (error);
  }

  entry = take_single_entry (fixture->store);
  g_assert_null (entry->original);
  g_assert_true (g_str_has_prefix (entry->id, "new-"));
  restored = zopa_document_new_from_recovery (fixture->store, entry, &error);
  g_assert_no_error (error);
  g_assert_null (zopa_document_get_file (restored));
  g_assert_true (zopa_document_get_modified (restored));
  g_assert_cmpstr (zopa_scenario_get_title (zopa_document_get_scenario (restored)), ==, "Never saved");
  {
    g_autofree char *name = zopa_document_dup_display_name (restored);

    g_assert_cmpstr (name, ==, "Built-in Scenario");
  }

  /* Save As: the entry of the unsaved scenario goes; the file's own id takes over. */
  g_assert_true (zopa_document_save (restored, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 0);
  g_assert_false (g_str_has_prefix (zopa_document_get_recovery_id (restored), "new-"));
}

/* A new scenario that was never saved comes back as an untitled one, not as the built-in. */
static void
test_untitled_comes_back_untitled (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaRecoveryEntry) entry = NULL;
  g_autoptr(ZopaDocument) restored = NULL;
  g_autofree char *name = NULL;

  {
    g_autoptr(ZopaScenario) blank = zopa_scenario_new ();
    g_autoptr(ZopaDocument) document = zopa_document_new_untitled (blank);

    zopa_document_set_recovery_store (document, fixture->store);
    edit_title (document, "Sketch");
    g_assert_true (zopa_document_autosave_now (document, &error));
    g_assert_no_error (error);
  }

  entry = take_single_entry (fixture->store);
  g_assert_true (entry->untitled);
  restored = zopa_document_new_from_recovery (fixture->store, entry, &error);
  g_assert_no_error (error);
  name = zopa_document_dup_display_name (restored);
  g_assert_cmpstr (name, ==, "Untitled Scenario");
}

static void
test_incomplete_entries_are_not_listed (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *folder = zopa_recovery_store_get_folder (fixture->store);
  g_autofree char *data_only = g_build_filename (folder, "abc.zopa.json", NULL);
  g_autofree char *bad_name = g_build_filename (folder, "..ini", NULL);
  g_autofree char *no_time = g_build_filename (folder, "def.ini", NULL);
  g_autofree char *no_time_data = g_build_filename (folder, "def.zopa.json", NULL);

  g_assert_cmpuint (count_recoverable (fixture->store), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* A crash between the two writes leaves data without its description. */
  zopa_test_write_file (data_only, fixture->original);
  zopa_test_write_file (bad_name, "[Recovery]\nWritten=2026-01-01T00:00:00Z\n");
  zopa_test_write_file (no_time, "[Recovery]\nTitle=x\n");
  zopa_test_write_file (no_time_data, fixture->original);
  g_assert_cmpuint (count_recoverable (fixture->store), ==, 0);
}

/* The child: open the file, edit it, and wait to be killed. */
static int
run_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZopaRecoveryStore) store = zopa_recovery_store_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaDocument) document = zopa_document_new_from_file (file, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  if (document == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  zopa_document_set_recovery_store (document, store);
  zopa_document_set_autosave_delay (document, 100);
  edit_title (document, KILLED_TITLE);
  g_main_loop_run (loop);
  return 0;
}

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer user_data)
{
  int *exit_status = user_data;

  *exit_status = status;
  g_spawn_close_pid (pid);
}

static void
test_killed_process (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_path, CHILD_OPTION, fixture->path, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (zopa_recovery_store_get_folder (fixture->store));
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(ZopaRecoveryEntry) entry = NULL;
  g_autoptr(ZopaDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = -1;
  GPid pid;

  g_assert_nonnull (self_path);
  g_assert_cmpint (g_mkdir_with_parents (zopa_recovery_store_get_folder (fixture->store), 0700), ==, 0);
  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, NULL, &error);
  g_assert_no_error (error);

  g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &exit_status);

  /* The entry appears once the autosave delay has passed after the edit. */
  while (count_recoverable (fixture->store) == 0)
    {
      g_assert_cmpint (exit_status, ==, -1);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  while (exit_status == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (WIFSIGNALED (exit_status));
  g_assert_cmpint (WTERMSIG (exit_status), ==, SIGKILL);

  /* On the next start the edit is offered and restores into a document of that file. */
  entry = take_single_entry (fixture->store);
  g_assert_true (g_file_equal (entry->original, fixture->file));
  g_assert_cmpstr (entry->title, ==, KILLED_TITLE);
  restored = zopa_document_new_from_recovery (fixture->store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zopa_scenario_get_title (zopa_document_get_scenario (restored)), ==, KILLED_TITLE);
  g_assert_true (zopa_document_get_modified (restored));
  zopa_test_assert_contents (fixture->path, fixture->original);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state_dir = NULL;
  int status;

  if (argc == 3 && g_str_equal (argv[1], CHILD_OPTION))
    return run_child (argv[2]);

  /* XDG folders of this test's own, set before GLib reads them. (GLib 2.74's
   * G_TEST_OPTION_ISOLATE_DIRS leaks the folder names of every test.) */
  state_dir = zopa_test_make_temp_dir ();
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/recovery/autosave-after-edit", test_autosave_after_edit);
  ADD ("/recovery/undo-to-saved-state", test_undo_to_saved_state);
  ADD ("/recovery/restore-and-discard", test_restore_and_discard);
  ADD ("/recovery/file-changed-since", test_file_changed_since);
  ADD ("/recovery/new-scenario", test_new_scenario);
  ADD ("/recovery/untitled-comes-back-untitled", test_untitled_comes_back_untitled);
  ADD ("/recovery/incomplete-entries", test_incomplete_entries_are_not_listed);
  ADD ("/recovery/killed-process", test_killed_process);
#undef ADD

  status = g_test_run ();
  zopa_test_remove_tree (state_dir);
  return status;
}
