/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "analysis/zopa-hinges.h"
#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * One uncertain value of the shown scenario, as the Assumptions window lists it: whose it
 * is and what it is, its range, the sources of its actor, and the conclusions (verdicts,
 * regions, the ZOPA) that hinge on it, in words.
 */
#define ZOPA_TYPE_ASSUMPTION_ITEM (zopa_assumption_item_get_type ())
G_DECLARE_FINAL_TYPE (ZopaAssumptionItem, zopa_assumption_item, ZOPA, ASSUMPTION_ITEM, GObject)

/* A conclusion that hinges on the value: a verdict, a region or the ZOPA. */
typedef struct {
  const char *icon_name;
  char       *title;
  char       *subtitle;
} ZopaConclusion;

/* scenario: the one analysed, for the actor's colour and sources. */
ZopaAssumptionItem *zopa_assumption_item_new          (ZopaHinges         *hinges,
                                                       guint               index,
                                                       ZopaScenario       *scenario);
/* Stays the same for the same value across analyses (actor, kind, issue, option). */
const char         *zopa_assumption_item_get_key      (ZopaAssumptionItem *self);
const char         *zopa_assumption_item_get_title    (ZopaAssumptionItem *self);
/* "55–85", "maybe" */
const char         *zopa_assumption_item_get_range    (ZopaAssumptionItem *self);
/* How many conclusions hinge on it, in a line. */
const char         *zopa_assumption_item_get_summary  (ZopaAssumptionItem *self);
const char         *zopa_assumption_item_get_color    (ZopaAssumptionItem *self);
/* ZopaConclusion, in order: verdicts, regions, the ZOPA. */
GArray             *zopa_assumption_item_get_conclusions (ZopaAssumptionItem *self);
/* The actor's sources (ZopaSource). */
GListModel         *zopa_assumption_item_get_sources  (ZopaAssumptionItem *self);
/* What hinges on it, for highlighting in the diagram: region masks of shown actors and
 * draft indices (scenario order) of the verdicts. */
GArray             *zopa_assumption_item_get_region_masks (ZopaAssumptionItem *self);
GArray             *zopa_assumption_item_get_draft_indices (ZopaAssumptionItem *self);

G_END_DECLS
