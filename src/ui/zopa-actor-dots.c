/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-actor-dots.c: a row of dots in actors' colours */

#include "config.h"

#include <string.h>

#include "zopa-actor-dots.h"
#include "zopa-user-text.h"

#define DOT_SIZE    10
#define DOT_SPACING 3

struct _ZopaActorDots
{
  GtkWidget  parent_instance;

  GArray    *dots;
};

G_DEFINE_FINAL_TYPE (ZopaActorDots, zopa_actor_dots, GTK_TYPE_WIDGET)

static void
zopa_actor_dots_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ZopaActorDots *self = ZOPA_ACTOR_DOTS (widget);
  guint n = self->dots->len;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = n == 0 ? 0 : (int) (n * DOT_SIZE + (n - 1) * DOT_SPACING);
  else
    *minimum = *natural = n == 0 ? 0 : DOT_SIZE;
}

static void
zopa_actor_dots_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ZopaActorDots *self = ZOPA_ACTOR_DOTS (widget);
  float y = (gtk_widget_get_height (widget) - DOT_SIZE) / 2.0f;

  for (guint i = 0; i < self->dots->len; i++)
    {
      const ZopaActorDot *dot = &g_array_index (self->dots, ZopaActorDot, i);
      GskRoundedRect circle;
      float x = i * (DOT_SIZE + DOT_SPACING);

      gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x, y, DOT_SIZE, DOT_SIZE), DOT_SIZE / 2.0f);
      if (dot->filled)
        {
          gtk_snapshot_push_rounded_clip (snapshot, &circle);
          gtk_snapshot_append_color (snapshot, &dot->color, &circle.bounds);
          gtk_snapshot_pop (snapshot);
        }
      else
        {
          const float widths[4] = { 2, 2, 2, 2 };
          const GdkRGBA colors[4] = { dot->color, dot->color, dot->color, dot->color };

          gtk_snapshot_append_border (snapshot, &circle, widths, colors);
        }
    }
}

static void
zopa_actor_dots_finalize (GObject *object)
{
  ZopaActorDots *self = ZOPA_ACTOR_DOTS (object);

  g_array_unref (self->dots);

  G_OBJECT_CLASS (zopa_actor_dots_parent_class)->finalize (object);
}

static void
zopa_actor_dots_class_init (ZopaActorDotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = zopa_actor_dots_finalize;
  widget_class->measure = zopa_actor_dots_measure;
  widget_class->snapshot = zopa_actor_dots_snapshot;
  gtk_widget_class_set_css_name (widget_class, "actordots");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zopa_actor_dots_init (ZopaActorDots *self)
{
  self->dots = g_array_new (FALSE, FALSE, sizeof (ZopaActorDot));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
zopa_actor_dots_new (void)
{
  return g_object_new (ZOPA_TYPE_ACTOR_DOTS, NULL);
}

void
zopa_actor_dots_set (ZopaActorDots      *self,
                     const ZopaActorDot *dots,
                     guint               n_dots)
{
  g_return_if_fail (ZOPA_IS_ACTOR_DOTS (self));

  /* Rows are refreshed after every edit; most of the time nothing changes. */
  if (n_dots == self->dots->len
      && (n_dots == 0 || memcmp (dots, self->dots->data, n_dots * sizeof (ZopaActorDot)) == 0))
    return;
  g_array_set_size (self->dots, 0);
  g_array_append_vals (self->dots, dots, n_dots);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
zopa_actor_dots_add (ZopaActorDots *self,
                     const GdkRGBA *color,
                     gboolean       filled)
{
  ZopaActorDot dot = { { 0, 0, 0, 0 }, FALSE };

  g_return_if_fail (ZOPA_IS_ACTOR_DOTS (self));

  dot.color = *color;
  dot.filled = filled;
  g_array_append_val (self->dots, dot);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
zopa_actor_dots_get_n_dots (ZopaActorDots *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR_DOTS (self), 0);
  return self->dots->len;
}

void
zopa_actor_dots_set_description (ZopaActorDots *self,
                                 const char    *description)
{
  g_return_if_fail (ZOPA_IS_ACTOR_DOTS (self));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self)), description) == 0)
    return;
  zopa_user_text_set_tooltip (GTK_WIDGET (self), description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
