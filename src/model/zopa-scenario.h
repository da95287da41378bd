/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zopa-source.h"
#include "zopa-issue.h"
#include "zopa-actor.h"
#include "zopa-draft.h"
#include "zopa-variant.h"
#include "zopa-frame.h"

G_BEGIN_DECLS

#define ZOPA_FORMAT_VERSION 1

/*
 * The whole document. Every edit anywhere below it — a property of a clause, an option
 * added to an issue, a stance removed — emits the scenario's "changed" signal once, so a
 * view only has to listen here.
 */
#define ZOPA_TYPE_SCENARIO (zopa_scenario_get_type ())
G_DECLARE_FINAL_TYPE (ZopaScenario, zopa_scenario, ZOPA, SCENARIO, GObject)

ZopaScenario *zopa_scenario_new             (void);

const char   *zopa_scenario_get_title       (ZopaScenario *self);
void          zopa_scenario_set_title       (ZopaScenario *self, const char *title);
const char   *zopa_scenario_get_description (ZopaScenario *self);
void          zopa_scenario_set_description (ZopaScenario *self, const char *description);

/* GListModels of ZopaSource, ZopaIssue, ZopaActor, ZopaDraft and ZopaVariant, and the
 * storyboard: a GListModel of ZopaFrame, in the order a talk shows them. */
GListModel   *zopa_scenario_get_sources     (ZopaScenario *self);
GListModel   *zopa_scenario_get_issues      (ZopaScenario *self);
GListModel   *zopa_scenario_get_actors      (ZopaScenario *self);
GListModel   *zopa_scenario_get_drafts      (ZopaScenario *self);
GListModel   *zopa_scenario_get_variants    (ZopaScenario *self);
GListModel   *zopa_scenario_get_frames      (ZopaScenario *self);

/* Lookup by id; NULL when there is none. */
ZopaSource   *zopa_scenario_find_source     (ZopaScenario *self, const char *id);
ZopaIssue    *zopa_scenario_find_issue      (ZopaScenario *self, const char *id);
ZopaActor    *zopa_scenario_find_actor      (ZopaScenario *self, const char *id);
ZopaDraft    *zopa_scenario_find_draft      (ZopaScenario *self, const char *id);
ZopaVariant  *zopa_scenario_find_variant    (ZopaScenario *self, const char *id);
/* Clause ids are unique across the file. */
ZopaClause   *zopa_scenario_find_clause     (ZopaScenario *self, const char *id, ZopaDraft **draft);

/* Structural edits; each is the inverse of the other, for undo. */
void          zopa_scenario_insert_source   (ZopaScenario *self, guint position, ZopaSource *source);
void          zopa_scenario_remove_source   (ZopaScenario *self, guint position);
void          zopa_scenario_insert_issue    (ZopaScenario *self, guint position, ZopaIssue *issue);
void          zopa_scenario_remove_issue    (ZopaScenario *self, guint position);
void          zopa_scenario_insert_actor    (ZopaScenario *self, guint position, ZopaActor *actor);
void          zopa_scenario_remove_actor    (ZopaScenario *self, guint position);
/* A draft numbered 0 gets zopa_scenario_next_draft_number() on insertion. */
void          zopa_scenario_insert_draft    (ZopaScenario *self, guint position, ZopaDraft *draft);
void          zopa_scenario_remove_draft    (ZopaScenario *self, guint position);
void          zopa_scenario_insert_variant  (ZopaScenario *self, guint position, ZopaVariant *variant);
void          zopa_scenario_remove_variant  (ZopaScenario *self, guint position);
void          zopa_scenario_insert_frame    (ZopaScenario *self, guint position, ZopaFrame *frame);
void          zopa_scenario_remove_frame    (ZopaScenario *self, guint position);

/* One more than the largest draft number (1 without drafts), at most ZOPA_DRAFT_NUMBER_MAX. */
guint         zopa_scenario_next_draft_number (ZopaScenario *self);

/* Members of the top-level object the program does not know. May be NULL. */
JsonObject   *zopa_scenario_get_extra       (ZopaScenario *self);
void          zopa_scenario_set_extra       (ZopaScenario *self, JsonObject *extra);

G_END_DECLS
