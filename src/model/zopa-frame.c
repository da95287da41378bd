/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-frame.h"
#include "zopa-model-private.h"

struct _ZopaFrame
{
  GObject     parent_instance;

  char       *caption;
  char       *view;
  char       *mode;
  char       *variant;
  char      **actors;
  char      **drafts;
  char       *selected;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaFrame, zopa_frame, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  PROP_0,
  PROP_CAPTION,
  PROP_VIEW,
  PROP_MODE,
  PROP_VARIANT,
  PROP_ACTORS,
  PROP_DRAFTS,
  PROP_SELECTED,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_frame_finalize (GObject *object)
{
  ZopaFrame *self = ZOPA_FRAME (object);

  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->variant, g_free);
  g_clear_pointer (&self->actors, g_strfreev);
  g_clear_pointer (&self->drafts, g_strfreev);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_frame_parent_class)->finalize (object);
}

static void
zopa_frame_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZopaFrame *self = ZOPA_FRAME (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    case PROP_VIEW:
      g_value_set_string (value, zopa_frame_get_view (self));
      break;
    case PROP_MODE:
      g_value_set_string (value, zopa_frame_get_mode (self));
      break;
    case PROP_VARIANT:
      g_value_set_string (value, self->variant);
      break;
    case PROP_ACTORS:
      g_value_set_boxed (value, self->actors);
      break;
    case PROP_DRAFTS:
      g_value_set_boxed (value, self->drafts);
      break;
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;
    case PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_frame_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZopaFrame *self = ZOPA_FRAME (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
      zopa_frame_set_caption (self, g_value_get_string (value));
      break;
    case PROP_VIEW:
      zopa_frame_set_view (self, g_value_get_string (value));
      break;
    case PROP_MODE:
      zopa_frame_set_mode (self, g_value_get_string (value));
      break;
    case PROP_VARIANT:
      zopa_frame_set_variant (self, g_value_get_string (value));
      break;
    case PROP_ACTORS:
      zopa_frame_set_actors (self, g_value_get_boxed (value));
      break;
    case PROP_DRAFTS:
      zopa_frame_set_drafts (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      zopa_frame_set_selected (self, g_value_get_string (value));
      break;
    case PROP_EXTRA:
      zopa_frame_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_frame_class_init (ZopaFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zopa_frame_finalize;
  object_class->get_property = zopa_frame_get_property;
  object_class->set_property = zopa_frame_set_property;
  zopa_model_node_class_forward_notify (object_class);

  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, flags);
  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, "venn", flags);
  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, "schematic", flags);
  properties[PROP_VARIANT] = g_param_spec_string ("variant", NULL, NULL, NULL, flags);
  properties[PROP_ACTORS] = g_param_spec_boxed ("actors", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DRAFTS] = g_param_spec_boxed ("drafts", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SELECTED] = g_param_spec_string ("selected", NULL, NULL, NULL, flags);
  properties[PROP_EXTRA] = g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_frame_init (ZopaFrame *self)
{
}

ZopaFrame *
zopa_frame_new (void)
{
  return g_object_new (ZOPA_TYPE_FRAME, NULL);
}

ZopaFrame *
zopa_frame_copy (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return g_object_new (ZOPA_TYPE_FRAME,
                       "caption", self->caption,
                       "view", self->view,
                       "mode", self->mode,
                       "variant", self->variant,
                       "actors", self->actors,
                       "drafts", self->drafts,
                       "selected", self->selected,
                       "extra", self->extra,
                       NULL);
}

const char *
zopa_frame_get_caption (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return self->caption;
}

void
zopa_frame_set_caption (ZopaFrame  *self,
                        const char *caption)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_string (&self->caption, caption))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

const char *
zopa_frame_get_view (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return self->view != NULL ? self->view : "venn";
}

void
zopa_frame_set_view (ZopaFrame  *self,
                     const char *view)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_string (&self->view, view))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
zopa_frame_get_mode (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return self->mode != NULL ? self->mode : "schematic";
}

void
zopa_frame_set_mode (ZopaFrame  *self,
                     const char *mode)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_string (&self->mode, mode))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

const char *
zopa_frame_get_variant (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return self->variant;
}

void
zopa_frame_set_variant (ZopaFrame  *self,
                        const char *variant_id)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_string (&self->variant, variant_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT]);
}

const char * const *
zopa_frame_get_actors (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return (const char * const *) self->actors;
}

void
zopa_frame_set_actors (ZopaFrame          *self,
                       const char * const *actor_ids)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_strv (&self->actors, actor_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTORS]);
}

const char * const *
zopa_frame_get_drafts (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return (const char * const *) self->drafts;
}

void
zopa_frame_set_drafts (ZopaFrame          *self,
                       const char * const *draft_ids)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_strv (&self->drafts, draft_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFTS]);
}

const char *
zopa_frame_get_selected (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return self->selected;
}

void
zopa_frame_set_selected (ZopaFrame  *self,
                         const char *draft_id)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_string (&self->selected, draft_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

JsonObject *
zopa_frame_get_extra (ZopaFrame *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (self), NULL);
  return self->extra;
}

void
zopa_frame_set_extra (ZopaFrame  *self,
                      JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_FRAME (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
