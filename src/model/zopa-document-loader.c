/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-document-loader.c: opening a scenario file without blocking the main loop */

#include "config.h"

#include "zopa-document-loader.h"
#include "zopa-scenario-file.h"

/* What the worker thread hands back: nothing in it is shared with the main loop yet. */
typedef struct {
  ZopaScenario *scenario;
  GBytes       *data;
} Loaded;

static void
loaded_free (gpointer pointer)
{
  Loaded *loaded = pointer;

  g_clear_object (&loaded->scenario);
  g_clear_pointer (&loaded->data, g_bytes_unref);
  g_free (loaded);
}

static void
read_and_parse_in_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->scenario = zopa_scenario_load_from_file_full (file, &loaded->data, NULL, &error);
  if (loaded->scenario == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, loaded, loaded_free);
}

void
zopa_document_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zopa_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_and_parse_in_thread);
}

ZopaDocument *
zopa_document_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  GTask *task = G_TASK (result);
  Loaded *loaded;
  ZopaDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == zopa_document_load_async, NULL);

  loaded = g_task_propagate_pointer (task, error);
  if (loaded == NULL)
    return NULL;
  document = zopa_document_new_from_loaded (loaded->scenario, g_task_get_task_data (task), loaded->data);
  loaded_free (loaded);
  return document;
}
