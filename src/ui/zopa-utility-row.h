/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-actor.h"
#include "model/zopa-history.h"
#include "model/zopa-issue.h"
#include "zopa-acceptability-choice.h"
#include "zopa-range-control.h"

G_BEGIN_DECLS

/*
 * One option ("item") of an issue in the actor editor: whether the actor ("actor") accepts
 * it, maybe accepts it or holds it a red line, and how much the actor likes it, from 0 to
 * 100 or a range. Edits go through the history; the row follows the actor's stance on the
 * issue whatever changes it.
 */
#define ZOPA_TYPE_UTILITY_ROW (zopa_utility_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaUtilityRow, zopa_utility_row, ZOPA, UTILITY_ROW, GtkListBoxRow)

GtkWidget  *zopa_utility_row_new        (ZopaHistory    *history,
                                         ZopaIssue      *issue,
                                         ZopaOption     *item);
ZopaOption *zopa_utility_row_get_item   (ZopaUtilityRow *self);
ZopaIssue  *zopa_utility_row_get_issue  (ZopaUtilityRow *self);
void        zopa_utility_row_set_actor  (ZopaUtilityRow *self,
                                         ZopaActor      *actor);
/* The acceptability and the utility, for tests. */
ZopaAcceptabilityChoice *zopa_utility_row_get_choice  (ZopaUtilityRow *self);
ZopaRangeControl        *zopa_utility_row_get_utility (ZopaUtilityRow *self);

G_END_DECLS
