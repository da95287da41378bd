/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analysis/zopa-analysis.h"
#include "model/zopa-history.h"
#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * An issue ("item") that a clause sets, in the clause editor: the option it sets there, as
 * a choice of the issue's options, and the actors for whom that option is a red line. The
 * choice and the remove button are undoable steps of history; the row follows the clause
 * and the issue whatever changes them.
 */
#define ZOPA_TYPE_CLAUSE_SET_ROW (zopa_clause_set_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaClauseSetRow, zopa_clause_set_row, ZOPA, CLAUSE_SET_ROW, AdwComboRow)

GtkWidget *zopa_clause_set_row_new            (ZopaIssue        *item,
                                               ZopaClause       *clause,
                                               ZopaHistory      *history);
ZopaIssue *zopa_clause_set_row_get_item       (ZopaClauseSetRow *self);
/* The dots of the actors for whom the option set is a red line, by analysis; scenario
 * gives their colours. */
void       zopa_clause_set_row_show_red_lines (ZopaClauseSetRow *self,
                                               ZopaAnalysis     *analysis,
                                               ZopaScenario     *scenario);

G_END_DECLS
