/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-scenario.h"
#include "zopa-actor-dots.h"

G_BEGIN_DECLS

/*
 * A clause in the draft panel's list ("item"): its number and title, the issues it sets
 * (named through "scenario"), its status pill, the actor dots of the red lines it decides
 * and a mark when it conflicts with another agreed clause. It follows the clause's changes
 * itself. It can be dragged onto another clause row, which emits "clause-dropped" with the
 * dragged clause and whether it goes after the row's clause.
 */
#define ZOPA_TYPE_CLAUSE_ROW (zopa_clause_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaClauseRow, zopa_clause_row, ZOPA, CLAUSE_ROW, AdwActionRow)

GtkWidget     *zopa_clause_row_new          (ZopaClause    *item,
                                             ZopaScenario  *scenario);
ZopaClause    *zopa_clause_row_get_item     (ZopaClauseRow *self);
/* Shows what the row's clause and the scenario say now (issue titles may have changed). */
void           zopa_clause_row_refresh      (ZopaClauseRow *self);
ZopaActorDots *zopa_clause_row_get_dots     (ZopaClauseRow *self);
void           zopa_clause_row_set_conflict (ZopaClauseRow *self,
                                             gboolean       in_conflict);

/* "21 · Territory", "Clause 21", the title alone, or "Untitled Clause". */
char          *zopa_clause_display_name     (ZopaClause    *clause);
const char    *zopa_clause_status_label     (ZopaClauseStatus status);

G_END_DECLS
