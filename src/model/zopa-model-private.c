/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-model-private.h"

G_DEFINE_INTERFACE (ZopaModelNode, zopa_model_node, G_TYPE_OBJECT)

static guint changed_signal;

static void
zopa_model_node_default_init (ZopaModelNodeInterface *iface)
{
  changed_signal = g_signal_new ("changed",
                                 G_TYPE_FROM_INTERFACE (iface),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
}

void
zopa_model_node_emit_changed (gpointer node)
{
  g_return_if_fail (ZOPA_IS_MODEL_NODE (node));

  g_signal_emit (node, changed_signal, 0);
}

static void
zopa_model_node_dispatch_properties_changed (GObject     *object,
                                             guint        n_pspecs,
                                             GParamSpec **pspecs)
{
  /* Every model class derives directly from GObject. */
  GObjectClass *object_class = g_type_class_peek (G_TYPE_OBJECT);

  object_class->dispatch_properties_changed (object, n_pspecs, pspecs);
  zopa_model_node_emit_changed (object);
}

void
zopa_model_node_class_forward_notify (GObjectClass *object_class)
{
  g_assert (g_type_parent (G_TYPE_FROM_CLASS (object_class)) == G_TYPE_OBJECT);

  object_class->dispatch_properties_changed = zopa_model_node_dispatch_properties_changed;
}

gboolean
zopa_model_set_string (char       **field,
                       const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

gboolean
zopa_model_set_strv (char               ***field,
                     const char * const   *value)
{
  char **copy;

  /* NULL and an empty array mean different things (e.g. all vs. no acceptable options). */
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  copy = g_strdupv ((char **) value);
  g_strfreev (*field);
  *field = copy;
  return TRUE;
}

gboolean
zopa_model_set_json_object (JsonObject **field,
                            JsonObject  *value)
{
  if (*field == value)
    return FALSE;

  if (value != NULL)
    json_object_ref (value);
  g_clear_pointer (field, json_object_unref);
  *field = value;
  return TRUE;
}

/* ZopaModelList */

struct _ZopaModelList
{
  GObject    *owner;     /* not referenced: the list lives inside its owner */
  GType       item_type;
  GListStore *store;
  GPtrArray  *items;     /* borrowed, parallel to store, for lookups without refs */
  GArray     *handlers;  /* gulong "changed" handler ids, parallel to store */
};

ZopaModelList *
zopa_model_list_new (gpointer owner,
                     GType    item_type)
{
  ZopaModelList *self;

  g_return_val_if_fail (ZOPA_IS_MODEL_NODE (owner), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, ZOPA_TYPE_MODEL_NODE), NULL);

  self = g_new0 (ZopaModelList, 1);
  self->owner = owner;
  self->item_type = item_type;
  self->store = g_list_store_new (item_type);
  self->items = g_ptr_array_new ();
  self->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  return self;
}

void
zopa_model_list_free (ZopaModelList *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->items->len; i++)
    g_signal_handler_disconnect (g_ptr_array_index (self->items, i),
                                 g_array_index (self->handlers, gulong, i));

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->handlers, g_array_unref);
  g_free (self);
}

GListModel *
zopa_model_list_get_model (ZopaModelList *self)
{
  return G_LIST_MODEL (self->store);
}

guint
zopa_model_list_get_n_items (ZopaModelList *self)
{
  return self->items->len;
}

gpointer
zopa_model_list_get_item (ZopaModelList *self,
                          guint          position)
{
  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

static void
on_child_changed (gpointer child,
                  gpointer owner)
{
  zopa_model_node_emit_changed (owner);
}

gboolean
zopa_model_list_insert (ZopaModelList *self,
                        guint          position,
                        gpointer       item)
{
  gulong handler;

  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type), FALSE);
  g_return_val_if_fail (position <= self->items->len, FALSE);

  handler = g_signal_connect (item, "changed", G_CALLBACK (on_child_changed), self->owner);
  g_ptr_array_insert (self->items, position, item);
  g_array_insert_val (self->handlers, position, handler);
  g_list_store_insert (self->store, position, item);

  zopa_model_node_emit_changed (self->owner);
  return TRUE;
}

gboolean
zopa_model_list_remove (ZopaModelList *self,
                        guint          position)
{
  g_return_val_if_fail (position < self->items->len, FALSE);

  g_signal_handler_disconnect (g_ptr_array_index (self->items, position),
                               g_array_index (self->handlers, gulong, position));
  g_ptr_array_remove_index (self->items, position);
  g_array_remove_index (self->handlers, position);
  /* May drop the last reference to the item; its handler is gone already. */
  g_list_store_remove (self->store, position);

  zopa_model_node_emit_changed (self->owner);
  return TRUE;
}

gpointer
zopa_model_list_find (ZopaModelList   *self,
                      ZopaModelIdFunc  id_func,
                      const char      *id,
                      guint           *position)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (id_func (item), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}

/* ZopaOrderedMap */

struct _ZopaOrderedMap
{
  GPtrArray      *keys;    /* owned strings, kept NULL-terminated */
  GPtrArray      *values;
  GDestroyNotify  value_free;
  GEqualFunc      value_equal;
};

ZopaOrderedMap *
zopa_ordered_map_new (GDestroyNotify value_free,
                      GEqualFunc     value_equal)
{
  ZopaOrderedMap *self = g_new0 (ZopaOrderedMap, 1);

  self->keys = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->values = g_ptr_array_new_with_free_func (value_free);
  self->value_free = value_free;
  self->value_equal = value_equal;
  return self;
}

void
zopa_ordered_map_free (ZopaOrderedMap *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self);
}

guint
zopa_ordered_map_get_size (ZopaOrderedMap *self)
{
  return self->keys->len;
}

const char * const *
zopa_ordered_map_get_keys (ZopaOrderedMap *self)
{
  return (const char * const *) self->keys->pdata;
}

int
zopa_ordered_map_index_of (ZopaOrderedMap *self,
                           const char     *key)
{
  if (key == NULL)
    return -1;

  for (guint i = 0; i < self->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->keys, i), key))
      return (int) i;

  return -1;
}

gboolean
zopa_ordered_map_lookup (ZopaOrderedMap *self,
                         const char     *key,
                         gpointer       *value)
{
  int i = zopa_ordered_map_index_of (self, key);

  if (i < 0)
    return FALSE;

  if (value != NULL)
    *value = g_ptr_array_index (self->values, i);
  return TRUE;
}

static gboolean
values_equal (ZopaOrderedMap *self,
              gpointer        a,
              gpointer        b)
{
  if (self->value_equal == NULL)
    return a == b;

  return self->value_equal (a, b);
}

gboolean
zopa_ordered_map_set (ZopaOrderedMap *self,
                      const char     *key,
                      gpointer        value)
{
  int i;

  g_return_val_if_fail (key != NULL, FALSE);

  i = zopa_ordered_map_index_of (self, key);
  if (i < 0)
    {
      g_ptr_array_add (self->keys, g_strdup (key));
      g_ptr_array_add (self->values, value);
      return TRUE;
    }

  if (values_equal (self, g_ptr_array_index (self->values, i), value))
    {
      if (self->value_free != NULL)
        self->value_free (value);
      return FALSE;
    }

  if (self->value_free != NULL)
    self->value_free (g_ptr_array_index (self->values, i));
  g_ptr_array_index (self->values, i) = value;
  return TRUE;
}

void
zopa_ordered_map_insert (ZopaOrderedMap *self,
                         guint           position,
                         const char     *key,
                         gpointer        value)
{
  g_return_if_fail (key != NULL);
  g_return_if_fail (zopa_ordered_map_index_of (self, key) < 0);

  position = MIN (position, self->keys->len);
  g_ptr_array_insert (self->keys, position, g_strdup (key));
  g_ptr_array_insert (self->values, position, value);
}

gboolean
zopa_ordered_map_remove (ZopaOrderedMap *self,
                         const char     *key)
{
  int i = zopa_ordered_map_index_of (self, key);

  if (i < 0)
    return FALSE;

  g_ptr_array_remove_index (self->keys, i);
  g_ptr_array_remove_index (self->values, i);
  return TRUE;
}

gboolean
zopa_ordered_map_clear (ZopaOrderedMap *self)
{
  if (self->keys->len == 0)
    return FALSE;

  g_ptr_array_set_size (self->keys, 0);
  g_ptr_array_set_size (self->values, 0);
  return TRUE;
}
