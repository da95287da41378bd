/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zopa-range.h"

G_BEGIN_DECLS

/*
 * Every model class implements this private interface. It carries the one "changed"
 * signal (G_SIGNAL_RUN_LAST, no arguments) that travels up from a clause to its draft
 * to the scenario, so every class shares one signal and one way of emitting it.
 */
#define ZOPA_TYPE_MODEL_NODE (zopa_model_node_get_type ())
G_DECLARE_INTERFACE (ZopaModelNode, zopa_model_node, ZOPA, MODEL_NODE, GObject)

struct _ZopaModelNodeInterface
{
  GTypeInterface parent_iface;
};

void zopa_model_node_emit_changed (gpointer node);

/*
 * Call from class_init: each dispatch of property notifications then emits "changed"
 * once, so a setter that notifies several properties inside g_object_freeze_notify()
 * still counts as one edit.
 */
void zopa_model_node_class_forward_notify (GObjectClass *object_class);

/* Setters' helpers: store a copy and return TRUE when the value really changed. */
gboolean zopa_model_set_string      (char **field, const char *value);
gboolean zopa_model_set_strv        (char ***field, const char * const *value);
gboolean zopa_model_set_json_object (JsonObject **field, JsonObject *value);

/*
 * A list of child nodes: a GListStore for views, plus the "changed" handlers it holds on
 * its items, connected on insert and disconnected on remove and when freed, so a removed
 * child no longer reaches its former parent.
 */
typedef struct _ZopaModelList ZopaModelList;
typedef const char *(*ZopaModelIdFunc) (gpointer item);

ZopaModelList *zopa_model_list_new         (gpointer owner, GType item_type);
void           zopa_model_list_free        (ZopaModelList *self);
GListModel    *zopa_model_list_get_model   (ZopaModelList *self);
guint          zopa_model_list_get_n_items (ZopaModelList *self);
/* Borrowed pointer; NULL when out of range. */
gpointer       zopa_model_list_get_item    (ZopaModelList *self, guint position);
gboolean       zopa_model_list_insert      (ZopaModelList *self, guint position, gpointer item);
gboolean       zopa_model_list_remove      (ZopaModelList *self, guint position);
/* Linear scan; returns a borrowed pointer and its position, or NULL. */
gpointer       zopa_model_list_find        (ZopaModelList   *self,
                                            ZopaModelIdFunc  id_func,
                                            const char      *id,
                                            guint           *position);

/*
 * A small map from string keys to values that keeps insertion order; setting an existing
 * key replaces its value in place. Values are owned (value_free) unless it is NULL, in
 * which case they are plain integers stored with GINT_TO_POINTER.
 */
typedef struct _ZopaOrderedMap ZopaOrderedMap;

ZopaOrderedMap     *zopa_ordered_map_new      (GDestroyNotify value_free, GEqualFunc value_equal);
void                zopa_ordered_map_free     (ZopaOrderedMap *self);
guint               zopa_ordered_map_get_size (ZopaOrderedMap *self);
/* NULL-terminated, valid until the next change of the map. */
const char * const *zopa_ordered_map_get_keys (ZopaOrderedMap *self);
int                 zopa_ordered_map_index_of (ZopaOrderedMap *self, const char *key);
gboolean            zopa_ordered_map_lookup   (ZopaOrderedMap *self, const char *key, gpointer *value);
/* Takes ownership of value. Returns TRUE when the map changed. */
gboolean            zopa_ordered_map_set      (ZopaOrderedMap *self, const char *key, gpointer value);
/* key must be absent; position is clamped to the size. Takes ownership of value. */
void                zopa_ordered_map_insert   (ZopaOrderedMap *self, guint position, const char *key, gpointer value);
gboolean            zopa_ordered_map_remove   (ZopaOrderedMap *self, const char *key);
gboolean            zopa_ordered_map_clear    (ZopaOrderedMap *self);

/* A utility (value or range) as one integer map value, and back. */
static inline gpointer
zopa_range_pack (int      low,
                 int      high,
                 gboolean ranged)
{
  return GINT_TO_POINTER ((low & 0xff) | ((high & 0xff) << 8) | ((ranged ? 1 : 0) << 16));
}

static inline ZopaRange
zopa_range_unpack (gpointer packed)
{
  int bits = GPOINTER_TO_INT (packed);
  ZopaRange range = { bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 1 };

  return range;
}

G_END_DECLS
