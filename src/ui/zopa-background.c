/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-background.c: work off the main thread, superseded by newer work */

#include "config.h"

#include "zopa-background.h"

typedef struct {
  ZopaBackgroundFunc  func;
  gpointer            data;
  GDestroyNotify      data_free;
  GDestroyNotify      result_free;
  ZopaBackgroundDone  done;
  gpointer            user_data;
} Job;

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;

  g_task_return_pointer (task, job->func (job->data, cancellable), job->result_free);
}

static void
deliver_result (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gpointer value;

  /* Checked here, on the main thread, where the work is superseded: a result that
   * arrives after a newer edit never reaches the views. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  value = g_task_propagate_pointer (task, NULL);
  job->done (value, job->user_data);
}

void
zopa_background_run (ZopaBackgroundFunc  func,
                     gpointer            data,
                     GDestroyNotify      data_free,
                     GDestroyNotify      result_free,
                     GCancellable       *cancellable,
                     ZopaBackgroundDone  done,
                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (func != NULL && done != NULL);
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->done = done;
  job->user_data = user_data;

  task = g_task_new (NULL, cancellable, deliver_result, NULL);
  g_task_set_source_tag (task, zopa_background_run);
  /* The result is wanted even when the work finished just as it was cancelled: the
   * check that matters is deliver_result()'s. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_job);
}
