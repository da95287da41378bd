/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analysis/zopa-analysis.h"
#include "model/zopa-scenario.h"
#include "zopa-verdict-row.h"

G_BEGIN_DECLS

/*
 * The draft panel's verdicts: a boxed list of ZopaVerdictRow, one per actor and one for the
 * open issues, over a list model of ZopaVerdictItem that each analysis updates in place, so
 * the rows (and whether they are open) persist while the actors do. It also keeps the
 * verdicts of the last analysis seen, to badge those the change to the next one flipped.
 */
#define ZOPA_TYPE_VERDICT_LIST (zopa_verdict_list_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVerdictList, zopa_verdict_list, ZOPA, VERDICT_LIST, GtkWidget)

GtkWidget  *zopa_verdict_list_new       (void);
GListModel *zopa_verdict_list_get_items (ZopaVerdictList *self);
void        zopa_verdict_list_update    (ZopaVerdictList *self,
                                         ZopaScenario    *scenario,
                                         ZopaAnalysis    *analysis,
                                         int              draft,
                                         const char      *draft_id);
int         zopa_verdict_list_get_flip  (ZopaVerdictList *self,
                                         const char      *actor_id);
void        zopa_verdict_list_forget    (ZopaVerdictList *self);

G_END_DECLS
