/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diagram/zopa-euler.h"

G_BEGIN_DECLS

/*
 * The proportional fits made last, by their wanted region sizes. A fit is a deterministic
 * function of its wanted sizes, so a fit made on a worker thread serves the diagram that
 * the main thread builds from the same analysis afterwards, and a diagram built again (a
 * new page size, a draft selected) does not fit again. Safe from any thread.
 */

/* Ellipses fitted to wanted[0 .. (1 << n) − 1], from the memo when they were fitted lately;
 * fails as zopa_euler_fit() does. */
gboolean zopa_fit_cache_fit    (const double *wanted,
                                guint         n,
                                ZopaEulerFit *fit,
                                GError      **error);

/* Whether the memo holds the fit of these wanted sizes. */
gboolean zopa_fit_cache_holds  (const double *wanted,
                                guint         n);

G_END_DECLS
