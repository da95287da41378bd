/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of a document and its file on disk: the check before saving and the file monitor. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/zopa-document.h"
#include "model/zopa-scenario-file.h"
#include "zopa-test-files.h"

typedef struct {
  char         *dir;
  char         *path;
  char         *original;   /* the bytes the file was opened with */
  GFile        *file;
  ZopaDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;

  fixture->dir = zopa_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "open.zopa.json", NULL);
  fixture->original = zopa_scenario_to_data (scenario, NULL);
  zopa_test_write_file (fixture->path, fixture->original);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->document = zopa_document_new_from_file (fixture->file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zopa_document_get_disk_state (fixture->document), ==, ZOPA_DISK_STATE_UNCHANGED);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->file);
  zopa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->original);
}

static void
edit_title (ZopaDocument *document,
            const char   *title)
{
  ZopaScenario *scenario = zopa_document_get_scenario (document);

  g_assert_true (zopa_history_set (zopa_document_get_history (document), scenario, "title", title, NULL));
  g_assert_true (zopa_document_get_modified (document));
}

static void
test_save_refuses_changed_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;

  edit_title (fixture->document, "Mine");
  /* Another program writes the file in place, same length or not. */
  zopa_test_write_file (fixture->path, "{\"changed\": \"by someone else\"}\n");
  g_assert_cmpint (zopa_document_check_disk (fixture->document), ==, ZOPA_DISK_STATE_CHANGED);

  g_assert_false (zopa_document_save (fixture->document, NULL, &error));
  g_assert_error (error, ZOPA_DOCUMENT_ERROR, ZOPA_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "changed by another program"));
  g_clear_error (&error);
  zopa_test_assert_contents (fixture->path, "{\"changed\": \"by someone else\"}\n");
  g_assert_true (zopa_document_get_modified (fixture->document));
  g_assert_cmpint (zopa_document_get_disk_state (fixture->document), ==, ZOPA_DISK_STATE_CHANGED);

  /* "Keep mine" overwrites on purpose; after that the file is the document's again. */
  g_assert_true (zopa_document_save_full (fixture->document, NULL, ZOPA_SAVE_OVERWRITE_DISK_CHANGES, &error));
  g_assert_no_error (error);
  mine = zopa_scenario_to_data (zopa_document_get_scenario (fixture->document), NULL);
  zopa_test_assert_contents (fixture->path, mine);
  g_assert_false (zopa_document_get_modified (fixture->document));
  g_assert_cmpint (zopa_document_get_disk_state (fixture->document), ==, ZOPA_DISK_STATE_UNCHANGED);

  edit_title (fixture->document, "Mine again");
  g_assert_true (zopa_document_save (fixture->document, NULL, &error));
  g_assert_no_error (error);
}

static void
test_same_bytes_are_no_change (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Rewritten with the same bytes (a new file by rename): nothing of anyone's is lost. */
  zopa_test_write_file (fixture->path, fixture->original);
  g_assert_cmpint (zopa_document_check_disk (fixture->document), ==, ZOPA_DISK_STATE_UNCHANGED);
  edit_title (fixture->document, "Mine");
  g_assert_true (zopa_document_save (fixture->document, NULL, &error));
  g_assert_no_error (error);
}

static void
test_deleted_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_cmpint (zopa_document_check_disk (fixture->document), ==, ZOPA_DISK_STATE_DELETED);
  /* Saving writes it again. */
  g_assert_true (zopa_document_save (fixture->document, NULL, &error));
  g_assert_no_error (error);
  zopa_test_assert_contents (fixture->path, fixture->original);
  g_assert_cmpint (zopa_document_get_disk_state (fixture->document), ==, ZOPA_DISK_STATE_UNCHANGED);
}

static void
test_save_as_is_not_blocked (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "copy.zopa.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;

  edit_title (fixture->document, "Mine");
  zopa_test_write_file (fixture->path, "changed\n");
  g_assert_true (zopa_document_save (fixture->document, other, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (zopa_document_get_file (fixture->document), other));
  g_assert_cmpint (zopa_document_get_disk_state (fixture->document), ==, ZOPA_DISK_STATE_UNCHANGED);
  zopa_test_assert_contents (fixture->path, "changed\n");
}

static void
wait_for_disk_state (ZopaDocument  *document,
                     ZopaDiskState  state)
{
  while (zopa_document_get_disk_state (document) != state)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_monitor (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The monitor sees another program's write, then the old bytes back, then a delete. */
  zopa_test_write_file (fixture->path, "changed\n");
  wait_for_disk_state (fixture->document, ZOPA_DISK_STATE_CHANGED);
  zopa_test_write_file (fixture->path, fixture->original);
  wait_for_disk_state (fixture->document, ZOPA_DISK_STATE_UNCHANGED);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  wait_for_disk_state (fixture->document, ZOPA_DISK_STATE_DELETED);

  /* The document's own save is no change on disk. */
  edit_title (fixture->document, "Mine");
  g_assert_true (zopa_document_save (fixture->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zopa_document_check_disk (fixture->document), ==, ZOPA_DISK_STATE_UNCHANGED);
}

static void
test_monitor_through_link (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "target.zopa.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.zopa.json", NULL);
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *data = zopa_scenario_to_data (scenario, NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(ZopaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  zopa_test_write_file (target, data);
  g_assert_cmpint (symlink ("real/target.zopa.json", link_path), ==, 0);
  document = zopa_document_new_from_file (link_file, &error);
  g_assert_no_error (error);

  /* A change of the target, in another folder than the link, is seen. */
  zopa_test_write_file (target, "changed\n");
  wait_for_disk_state (document, ZOPA_DISK_STATE_CHANGED);

  g_clear_object (&document);
  zopa_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/document-disk/save-refuses-changed-file", Fixture, NULL,
              fixture_set_up, test_save_refuses_changed_file, fixture_tear_down);
  g_test_add ("/document-disk/same-bytes-are-no-change", Fixture, NULL,
              fixture_set_up, test_same_bytes_are_no_change, fixture_tear_down);
  g_test_add ("/document-disk/deleted-file", Fixture, NULL,
              fixture_set_up, test_deleted_file, fixture_tear_down);
  g_test_add ("/document-disk/save-as-is-not-blocked", Fixture, NULL,
              fixture_set_up, test_save_as_is_not_blocked, fixture_tear_down);
  g_test_add ("/document-disk/monitor", Fixture, NULL,
              fixture_set_up, test_monitor, fixture_tear_down);
  g_test_add_func ("/document-disk/monitor-through-link", test_monitor_through_link);

  return g_test_run ();
}
