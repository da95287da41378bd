/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Work that runs on a worker thread so the window never waits for it, its result
 * delivered on the main thread unless the work was superseded (its cancellable
 * cancelled) in the meantime: results of superseded work are dropped, never shown.
 */

/* Runs on the worker; returns the result (owned by the caller) or NULL. */
typedef gpointer (*ZopaBackgroundFunc) (gpointer      data,
                                        GCancellable *cancellable);
/* Runs on the main thread with the result (transfer full) of work not cancelled. */
typedef void     (*ZopaBackgroundDone) (gpointer      result,
                                        gpointer      user_data);

/*
 * Starts func (data, cancellable) on a worker thread; data_free frees data there when
 * the work is over, result_free frees a result that is dropped. cancellable is required:
 * cancel it to supersede the work (done is then never called, so user_data need not
 * outlive it).
 */
void zopa_background_run (ZopaBackgroundFunc  func,
                          gpointer            data,
                          GDestroyNotify      data_free,
                          GDestroyNotify      result_free,
                          GCancellable       *cancellable,
                          ZopaBackgroundDone  done,
                          gpointer            user_data);

G_END_DECLS
