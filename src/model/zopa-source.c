/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-source.h"
#include "zopa-model-private.h"

struct _ZopaSource
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *publisher;
  char       *date;
  char       *url;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaSource, zopa_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_DATE,
  PROP_URL,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_source_finalize (GObject *object)
{
  ZopaSource *self = ZOPA_SOURCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_source_parent_class)->finalize (object);
}

static void
zopa_source_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZopaSource *self = ZOPA_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_source_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZopaSource *self = ZOPA_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      zopa_source_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      zopa_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHER:
      zopa_source_set_publisher (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      zopa_source_set_date (self, g_value_get_string (value));
      break;
    case PROP_URL:
      zopa_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_EXTRA:
      zopa_source_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_source_class_init (ZopaSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zopa_source_finalize;
  object_class->get_property = zopa_source_get_property;
  object_class->set_property = zopa_source_set_property;
  zopa_model_node_class_forward_notify (object_class);

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_EXTRA] = g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_source_init (ZopaSource *self)
{
}

ZopaSource *
zopa_source_new (const char *id)
{
  return g_object_new (ZOPA_TYPE_SOURCE, "id", id, NULL);
}

const char *
zopa_source_get_id (ZopaSource *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE (self), NULL);
  return self->id;
}

void
zopa_source_set_id (ZopaSource *self,
                    const char *id)
{
  g_return_if_fail (ZOPA_IS_SOURCE (self));
  if (zopa_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
zopa_source_get_title (ZopaSource *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE (self), NULL);
  return self->title;
}

void
zopa_source_set_title (ZopaSource *self,
                       const char *title)
{
  g_return_if_fail (ZOPA_IS_SOURCE (self));
  if (zopa_model_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
zopa_source_get_publisher (ZopaSource *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE (self), NULL);
  return self->publisher;
}

void
zopa_source_set_publisher (ZopaSource *self,
                           const char *publisher)
{
  g_return_if_fail (ZOPA_IS_SOURCE (self));
  if (zopa_model_set_string (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

const char *
zopa_source_get_date (ZopaSource *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE (self), NULL);
  return self->date;
}

void
zopa_source_set_date (ZopaSource *self,
                      const char *date)
{
  g_return_if_fail (ZOPA_IS_SOURCE (self));
  if (zopa_model_set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
zopa_source_get_url (ZopaSource *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE (self), NULL);
  return self->url;
}

void
zopa_source_set_url (ZopaSource *self,
                     const char *url)
{
  g_return_if_fail (ZOPA_IS_SOURCE (self));
  if (zopa_model_set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

JsonObject *
zopa_source_get_extra (ZopaSource *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE (self), NULL);
  return self->extra;
}

void
zopa_source_set_extra (ZopaSource *self,
                       JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_SOURCE (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
