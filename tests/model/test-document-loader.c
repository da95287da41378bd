/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document-loader.c: opening a scenario file in a worker thread */

#include "config.h"

#include "model/zopa-document-loader.h"
#include "model/zopa-scenario-file.h"
#include "zopa-test-files.h"

typedef struct {
  ZopaDocument *document;
  GError       *error;
  gboolean      done;
} LoadResult;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadResult *load = user_data;

  load->document = zopa_document_load_finish (result, &load->error);
  load->done = TRUE;
}

static void
load_and_wait (const char *path,
               LoadResult *load)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  zopa_document_load_async (file, NULL, on_loaded, load);
  /* Nothing is handed back before the main loop runs. */
  g_assert_false (load->done);
  while (!load->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_loader_opens_a_scenario (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "talks.zopa.json", NULL);
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autofree char *data = NULL;
  LoadResult load = { 0 };
  gsize length;

  zopa_scenario_set_title (scenario, "Loaded Elsewhere");
  data = zopa_scenario_to_data (scenario, &length);
  g_assert_true (g_file_set_contents (path, data, length, NULL));

  load_and_wait (path, &load);
  g_assert_no_error (load.error);
  g_assert_true (ZOPA_IS_DOCUMENT (load.document));
  g_assert_cmpstr (zopa_scenario_get_title (zopa_document_get_scenario (load.document)), ==, "Loaded Elsewhere");
  g_assert_cmpstr (g_file_peek_path (zopa_document_get_file (load.document)), ==, path);
  g_assert_false (zopa_document_get_modified (load.document));
  /* The document knows the bytes it was read from: the file is unchanged on disk. */
  g_assert_cmpint (zopa_document_check_disk (load.document), ==, ZOPA_DISK_STATE_UNCHANGED);

  g_clear_object (&load.document);
  zopa_test_remove_tree (dir);
}

static void
test_loader_reports_broken_and_missing_files (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *broken = g_build_filename (dir, "broken.zopa.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.zopa.json", NULL);
  LoadResult load = { 0 };

  zopa_test_write_file (broken, "{\n  \"format\": \"zopa\",\n");
  load_and_wait (broken, &load);
  g_assert_null (load.document);
  g_assert_nonnull (load.error);
  g_assert_true (g_regex_match_simple ("^[0-9]+:[0-9]+: ", load.error->message, 0, 0));
  g_clear_error (&load.error);

  load = (LoadResult) { 0 };
  load_and_wait (missing, &load);
  g_assert_null (load.document);
  g_assert_error (load.error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_clear_error (&load.error);

  zopa_test_remove_tree (dir);
}

static void
test_loader_can_be_cancelled (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "talks.zopa.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) builtin = zopa_scenario_get_builtin_data ();
  LoadResult load = { 0 };

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (builtin, NULL), g_bytes_get_size (builtin), NULL));
  zopa_document_load_async (file, cancellable, on_loaded, &load);
  g_cancellable_cancel (cancellable);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (load.document);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&load.error);

  zopa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-loader/opens-a-scenario", test_loader_opens_a_scenario);
  g_test_add_func ("/document-loader/broken-and-missing", test_loader_reports_broken_and_missing_files);
  g_test_add_func ("/document-loader/cancelled", test_loader_can_be_cancelled);
  return g_test_run ();
}
