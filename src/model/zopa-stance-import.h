/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zopa-scenario-file.h"

G_BEGIN_DECLS

/*
 * Stances from a spreadsheet: a CSV table with one row per actor × issue × option, in the
 * columns `actor`, `issue`, `option` and at least one of `acceptable` (yes, no or maybe)
 * and `utility` (an integer 0–100 or a range "low–high"), documented in
 * docs/file-format.md. An empty cell leaves that value as it is.
 *
 * Returns a new scenario: a copy of scenario with the rows applied, checked like a loaded
 * file; scenario itself is never changed. On any problem returns NULL, error (ZOPA_FILE_ERROR)
 * set to the first, and problems (nullable) receives every problem found: a bad row has
 * the line and column of the table where it is wrong (line 1 is the header); a result that
 * is not a valid scenario has the path in the scenario. n_rows (nullable) receives the
 * number of rows applied.
 */
ZopaScenario *zopa_scenario_import_stances (ZopaScenario *scenario,
                                            const char   *table,
                                            gsize         length,
                                            guint        *n_rows,
                                            GPtrArray   **problems,
                                            GError      **error);

G_END_DECLS
