/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "analysis/zopa-analysis.h"

G_BEGIN_DECLS

/*
 * What one row of the draft panel's verdict list shows: an actor's verdict on the draft
 * (or, with no actor id, the draft's open issues) with its wording over the readings
 * ("wording") and the change of its stance that would flip it ("flip", "can-try"), the
 * verdict the last change flipped it from, and the analysis its reasons are read from when the row is expanded. The list
 * updates items in place, so their rows persist while the actors do.
 */
#define ZOPA_TYPE_VERDICT_ITEM (zopa_verdict_item_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVerdictItem, zopa_verdict_item, ZOPA, VERDICT_ITEM, GObject)

/* "verdict" and "was-verdict" hold a ZopaVerdict, or this for none. */
#define ZOPA_VERDICT_ITEM_NONE (-1)

ZopaVerdictItem *zopa_verdict_item_new            (const char      *actor_id);
const char      *zopa_verdict_item_get_actor_id   (ZopaVerdictItem *self);
int              zopa_verdict_item_get_verdict    (ZopaVerdictItem *self);
int              zopa_verdict_item_get_was_verdict (ZopaVerdictItem *self);
ZopaAnalysis    *zopa_verdict_item_get_analysis   (ZopaVerdictItem *self);
int              zopa_verdict_item_get_draft      (ZopaVerdictItem *self);
int              zopa_verdict_item_get_actor      (ZopaVerdictItem *self);
gboolean         zopa_verdict_item_get_has_reasons (ZopaVerdictItem *self);
void             zopa_verdict_item_set_source     (ZopaVerdictItem *self,
                                                   ZopaAnalysis    *analysis,
                                                   int              draft,
                                                   int              actor);

G_END_DECLS
