/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-history.h"
#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * A source a clause cites, by id ("source-id"), in the clause editor: its title, publisher
 * and date, "Missing source" when the scenario has none by that id, and a button that stops
 * citing it (an undoable step of history). The row follows the scenario's edits of it.
 */
#define ZOPA_TYPE_CLAUSE_SOURCE_ROW (zopa_clause_source_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaClauseSourceRow, zopa_clause_source_row, ZOPA, CLAUSE_SOURCE_ROW, AdwActionRow)

GtkWidget  *zopa_clause_source_row_new           (const char          *source_id,
                                                  ZopaClause          *clause,
                                                  ZopaScenario        *scenario,
                                                  ZopaHistory         *history);
const char *zopa_clause_source_row_get_source_id (ZopaClauseSourceRow *self);
/* The source's web address when it has one (http or https), else NULL: only those open. */
const char *zopa_clause_source_row_get_web_address (ZopaClauseSourceRow *self);

/* "Publisher · date", either alone, or "". */
char       *zopa_source_describe                 (ZopaSource          *source);
/* Its title, or its id when it has none. */
const char *zopa_source_display_title            (ZopaSource          *source);

G_END_DECLS
