/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zopa-range.h"

G_BEGIN_DECLS

#define ZOPA_WEIGHT_MAX      10
#define ZOPA_UTILITY_MAX     100
#define ZOPA_UTILITY_DEFAULT 50
#define ZOPA_RESERVATION_MAX 100
#define ZOPA_MAX_ACTORS      6

/* An actor's stance on one issue. */
#define ZOPA_TYPE_STANCE (zopa_stance_get_type ())
G_DECLARE_FINAL_TYPE (ZopaStance, zopa_stance, ZOPA, STANCE, GObject)

ZopaStance         *zopa_stance_new                 (const char *issue_id);
const char         *zopa_stance_get_issue           (ZopaStance *self);
void                zopa_stance_set_issue           (ZopaStance *self, const char *issue_id);
/* 0..10, 1 when the file does not say; the low end of a range. Setting it makes the
 * weight one value again. */
int                 zopa_stance_get_weight          (ZopaStance *self);
void                zopa_stance_set_weight          (ZopaStance *self, int weight);
ZopaRange           zopa_stance_get_weight_range    (ZopaStance *self);
/* Written as a range, even when low == high. */
void                zopa_stance_set_weight_range    (ZopaStance *self, int low, int high);
/* The acceptable option ids; NULL means every option is acceptable. */
const char * const *zopa_stance_get_acceptable      (ZopaStance *self);
void                zopa_stance_set_acceptable      (ZopaStance *self, const char * const *option_ids);
/* Surely acceptable: listed in acceptable (or acceptable is NULL) and not a maybe. */
gboolean            zopa_stance_accepts_option      (ZopaStance *self, const char *option_id);
/* Options whose acceptability the evidence leaves open; NULL or empty when none. */
const char * const *zopa_stance_get_maybe           (ZopaStance *self);
void                zopa_stance_set_maybe           (ZopaStance *self, const char * const *option_ids);
gboolean            zopa_stance_is_maybe            (ZopaStance *self, const char *option_id);
/* Utilities given explicitly, in stored order; others are ZOPA_UTILITY_DEFAULT. */
const char * const *zopa_stance_get_utility_options (ZopaStance *self);
/* The low end of a range; setting a utility makes it one value again. */
int                 zopa_stance_get_utility         (ZopaStance *self, const char *option_id);
ZopaRange           zopa_stance_get_utility_range   (ZopaStance *self, const char *option_id);
void                zopa_stance_set_utility_range   (ZopaStance *self, const char *option_id,
                                                     int low, int high);
gboolean            zopa_stance_has_utility         (ZopaStance *self, const char *option_id);
void                zopa_stance_set_utility         (ZopaStance *self, const char *option_id, int utility);
void                zopa_stance_unset_utility       (ZopaStance *self, const char *option_id);
/* Inverse of unset_utility for undo: option_id must have no utility yet; position is
 * clamped to the number of utilities. */
void                zopa_stance_insert_utility      (ZopaStance *self, guint position,
                                                     const char *option_id, int utility);
JsonObject         *zopa_stance_get_extra           (ZopaStance *self);
void                zopa_stance_set_extra           (ZopaStance *self, JsonObject *extra);

/* A party to the negotiation. */
#define ZOPA_TYPE_ACTOR (zopa_actor_get_type ())
G_DECLARE_FINAL_TYPE (ZopaActor, zopa_actor, ZOPA, ACTOR, GObject)

ZopaActor          *zopa_actor_new             (const char *id);
const char         *zopa_actor_get_id          (ZopaActor *self);
void                zopa_actor_set_id          (ZopaActor *self, const char *id);
const char         *zopa_actor_get_name        (ZopaActor *self);
void                zopa_actor_set_name        (ZopaActor *self, const char *name);
/* "#rrggbb" */
const char         *zopa_actor_get_color       (ZopaActor *self);
void                zopa_actor_set_color       (ZopaActor *self, const char *color);
const char         *zopa_actor_get_logic       (ZopaActor *self);
void                zopa_actor_set_logic       (ZopaActor *self, const char *logic);
/* The low end of a range; setting it makes the reservation one value again. */
int                 zopa_actor_get_reservation (ZopaActor *self);
void                zopa_actor_set_reservation (ZopaActor *self, int reservation);
ZopaRange           zopa_actor_get_reservation_range (ZopaActor *self);
void                zopa_actor_set_reservation_range (ZopaActor *self, int low, int high);
const char * const *zopa_actor_get_sources     (ZopaActor *self);
void                zopa_actor_set_sources     (ZopaActor *self, const char * const *source_ids);

/* A GListModel of ZopaStance, in stored order, at most one per issue. */
GListModel         *zopa_actor_get_stances     (ZopaActor *self);
/* NULL when the actor has no stance on the issue (it accepts everything, weight 0). */
ZopaStance         *zopa_actor_find_stance     (ZopaActor *self, const char *issue_id);
void                zopa_actor_insert_stance   (ZopaActor *self, guint position, ZopaStance *stance);
void                zopa_actor_remove_stance   (ZopaActor *self, guint position);

JsonObject         *zopa_actor_get_extra       (ZopaActor *self);
void                zopa_actor_set_extra       (ZopaActor *self, JsonObject *extra);

G_END_DECLS
