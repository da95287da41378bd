/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A row of small dots in actors' colours: the mark on a clause that decides verdicts.
 * A filled dot is a red line the clause crosses now; a ring is one it would cross if it
 * were agreed. The tooltip and accessible description say it in words.
 */
typedef struct
{
  GdkRGBA  color;
  gboolean filled;
} ZopaActorDot;

#define ZOPA_TYPE_ACTOR_DOTS (zopa_actor_dots_get_type ())
G_DECLARE_FINAL_TYPE (ZopaActorDots, zopa_actor_dots, ZOPA, ACTOR_DOTS, GtkWidget)

GtkWidget *zopa_actor_dots_new   (void);
/* Replaces the dots; nothing is redrawn when they are the same. */
void       zopa_actor_dots_set   (ZopaActorDots      *self,
                                  const ZopaActorDot *dots,
                                  guint               n_dots);
void       zopa_actor_dots_add   (ZopaActorDots *self,
                                  const GdkRGBA *color,
                                  gboolean       filled);
guint      zopa_actor_dots_get_n_dots (ZopaActorDots *self);
/* Sets the tooltip and accessible description; NULL clears them. */
void       zopa_actor_dots_set_description (ZopaActorDots *self,
                                            const char    *description);

G_END_DECLS
