/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zopa-actor.h"

G_BEGIN_DECLS

/* One change of a variant: an actor's reservation, or parts of its stance on an issue. */
#define ZOPA_TYPE_VARIANT_CHANGE (zopa_variant_change_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVariantChange, zopa_variant_change, ZOPA, VARIANT_CHANGE, GObject)

ZopaVariantChange  *zopa_variant_change_new                 (const char *actor_id, const char *issue_id);
const char         *zopa_variant_change_get_actor           (ZopaVariantChange *self);
void                zopa_variant_change_set_actor           (ZopaVariantChange *self, const char *actor_id);
/* NULL for a change of the reservation. */
const char         *zopa_variant_change_get_issue           (ZopaVariantChange *self);
void                zopa_variant_change_set_issue           (ZopaVariantChange *self, const char *issue_id);

gboolean            zopa_variant_change_has_reservation     (ZopaVariantChange *self);
int                 zopa_variant_change_get_reservation     (ZopaVariantChange *self);
void                zopa_variant_change_set_reservation     (ZopaVariantChange *self, int reservation);
void                zopa_variant_change_unset_reservation   (ZopaVariantChange *self);
ZopaRange           zopa_variant_change_get_reservation_range (ZopaVariantChange *self);
void                zopa_variant_change_set_reservation_range (ZopaVariantChange *self, int low, int high);

gboolean            zopa_variant_change_has_weight          (ZopaVariantChange *self);
int                 zopa_variant_change_get_weight          (ZopaVariantChange *self);
void                zopa_variant_change_set_weight          (ZopaVariantChange *self, int weight);
void                zopa_variant_change_unset_weight        (ZopaVariantChange *self);
ZopaRange           zopa_variant_change_get_weight_range    (ZopaVariantChange *self);
void                zopa_variant_change_set_weight_range    (ZopaVariantChange *self, int low, int high);

/* NULL when the change leaves the acceptable options as they are. */
const char * const *zopa_variant_change_get_acceptable      (ZopaVariantChange *self);
void                zopa_variant_change_set_acceptable      (ZopaVariantChange *self, const char * const *option_ids);
/* NULL when the change does not list maybe options. A change that sets "acceptable" or
 * "maybe" replaces both lists of the stance (a missing one is empty). */
const char * const *zopa_variant_change_get_maybe           (ZopaVariantChange *self);
void                zopa_variant_change_set_maybe           (ZopaVariantChange *self, const char * const *option_ids);

/* The utility map replaces the stance's whole utility map when has_utility. */
gboolean            zopa_variant_change_has_utility         (ZopaVariantChange *self);
const char * const *zopa_variant_change_get_utility_options (ZopaVariantChange *self);
int                 zopa_variant_change_get_utility         (ZopaVariantChange *self, const char *option_id);
void                zopa_variant_change_set_utility         (ZopaVariantChange *self, const char *option_id, int utility);
ZopaRange           zopa_variant_change_get_utility_range   (ZopaVariantChange *self, const char *option_id);
void                zopa_variant_change_set_utility_range   (ZopaVariantChange *self, const char *option_id,
                                                             int low, int high);
/* Drops the utility map entirely (has_utility becomes FALSE). */
void                zopa_variant_change_clear_utility       (ZopaVariantChange *self);
/* For undo: remove one entry (has_utility stays TRUE), and its inverse, which inserts an
 * absent option at position (clamped) and makes has_utility TRUE. */
void                zopa_variant_change_unset_utility       (ZopaVariantChange *self, const char *option_id);
void                zopa_variant_change_insert_utility      (ZopaVariantChange *self, guint position,
                                                             const char *option_id, int utility);

JsonObject         *zopa_variant_change_get_extra           (ZopaVariantChange *self);
void                zopa_variant_change_set_extra           (ZopaVariantChange *self, JsonObject *extra);

/* A named what-if that overrides parts of actors' stances. */
#define ZOPA_TYPE_VARIANT (zopa_variant_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVariant, zopa_variant, ZOPA, VARIANT, GObject)

ZopaVariant *zopa_variant_new             (const char *id);
const char  *zopa_variant_get_id          (ZopaVariant *self);
void         zopa_variant_set_id          (ZopaVariant *self, const char *id);
const char  *zopa_variant_get_title       (ZopaVariant *self);
void         zopa_variant_set_title       (ZopaVariant *self, const char *title);
const char  *zopa_variant_get_description (ZopaVariant *self);
void         zopa_variant_set_description (ZopaVariant *self, const char *description);
/* A GListModel of ZopaVariantChange, applied in order. */
GListModel  *zopa_variant_get_changes     (ZopaVariant *self);
void         zopa_variant_insert_change   (ZopaVariant *self, guint position, ZopaVariantChange *change);
void         zopa_variant_remove_change   (ZopaVariant *self, guint position);
JsonObject  *zopa_variant_get_extra       (ZopaVariant *self);
void         zopa_variant_set_extra       (ZopaVariant *self, JsonObject *extra);

G_END_DECLS
