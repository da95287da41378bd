/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-actor-swatch.c: a dot in an actor's colour */

#include "config.h"

#include "zopa-actor-swatch.h"

struct _ZopaActorSwatch
{
  GtkWidget  parent_instance;

  char      *color;
  GdkRGBA    rgba;
  gboolean   valid;
  int        diameter;
};

G_DEFINE_FINAL_TYPE (ZopaActorSwatch, zopa_actor_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_DIAMETER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_actor_swatch_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = *natural = ZOPA_ACTOR_SWATCH (widget)->diameter;
}

static void
zopa_actor_swatch_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ZopaActorSwatch *self = ZOPA_ACTOR_SWATCH (widget);
  float size = MIN (gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  float x = (gtk_widget_get_width (widget) - size) / 2.0f;
  float y = (gtk_widget_get_height (widget) - size) / 2.0f;
  GskRoundedRect circle;

  if (!self->valid || size <= 0)
    return;
  gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x, y, size, size), size / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &self->rgba, &circle.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
zopa_actor_swatch_finalize (GObject *object)
{
  g_free (ZOPA_ACTOR_SWATCH (object)->color);
  G_OBJECT_CLASS (zopa_actor_swatch_parent_class)->finalize (object);
}

static void
zopa_actor_swatch_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZopaActorSwatch *self = ZOPA_ACTOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_DIAMETER:
      g_value_set_int (value, self->diameter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_actor_swatch_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZopaActorSwatch *self = ZOPA_ACTOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      zopa_actor_swatch_set_color (self, g_value_get_string (value));
      break;
    case PROP_DIAMETER:
      if (self->diameter != g_value_get_int (value))
        {
          self->diameter = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_actor_swatch_class_init (ZopaActorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = zopa_actor_swatch_finalize;
  object_class->get_property = zopa_actor_swatch_get_property;
  object_class->set_property = zopa_actor_swatch_set_property;
  widget_class->measure = zopa_actor_swatch_measure;
  widget_class->snapshot = zopa_actor_swatch_snapshot;

  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_DIAMETER] = g_param_spec_int ("diameter", NULL, NULL, 1, 64, 12, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "actor-swatch");
}

static void
zopa_actor_swatch_init (ZopaActorSwatch *self)
{
  self->diameter = 12;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
zopa_actor_swatch_new (int diameter)
{
  return g_object_new (ZOPA_TYPE_ACTOR_SWATCH, "diameter", diameter, NULL);
}

GtkWidget *
zopa_actor_swatch_new_for_actor (GObject *actor,
                                 int      diameter)
{
  GtkWidget *swatch = zopa_actor_swatch_new (diameter);

  g_object_bind_property (actor, "color", swatch, "color", G_BINDING_SYNC_CREATE);
  return swatch;
}

const char *
zopa_actor_swatch_get_color (ZopaActorSwatch *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR_SWATCH (self), NULL);

  return self->color;
}

void
zopa_actor_swatch_set_color (ZopaActorSwatch *self,
                             const char      *color)
{
  g_return_if_fail (ZOPA_IS_ACTOR_SWATCH (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_strdup (color);
  self->valid = color != NULL && gdk_rgba_parse (&self->rgba, color);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
