/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * Every uncertain value of the shown scenario (variant applied) and what hinges on each,
 * computed off the main thread through the session. Selecting a value makes what hinges
 * on it the highlight (notify::highlight), for the diagram of the parent window.
 */
#define ZOPA_TYPE_ASSUMPTIONS_WINDOW (zopa_assumptions_window_get_type ())
G_DECLARE_FINAL_TYPE (ZopaAssumptionsWindow, zopa_assumptions_window, ZOPA, ASSUMPTIONS_WINDOW, AdwWindow)

ZopaAssumptionsWindow *zopa_assumptions_window_new   (GtkWindow             *parent,
                                                      ZopaSession           *session);
/* Presents the window of parent's session, making one when there is none; returns it. */
ZopaAssumptionsWindow *zopa_assumptions_window_show  (GtkWindow             *parent,
                                                      ZopaSession           *session);
ZopaSession           *zopa_assumptions_window_get_session (ZopaAssumptionsWindow *self);
/* The number of values listed (0 while pending). */
guint                  zopa_assumptions_window_get_n_assumptions (ZopaAssumptionsWindow *self);
/* What hinges on the selected value: region masks of the shown actors and draft indices
 * (scenario order); FALSE, and nothing, when no value is selected. The arrays belong to
 * the window until the next notify::highlight. */
gboolean               zopa_assumptions_window_get_highlight (ZopaAssumptionsWindow *self,
                                                              const guint          **region_masks,
                                                              guint                 *n_regions,
                                                              const guint          **draft_indices,
                                                              guint                 *n_drafts);
/* Selects the value with the item key (zopa_assumption_item_get_key()); FALSE if absent. */
gboolean               zopa_assumptions_window_select (ZopaAssumptionsWindow *self,
                                                       const char            *key);

G_END_DECLS
