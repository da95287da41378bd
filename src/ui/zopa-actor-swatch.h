/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The dot in an actor's colour beside its name, in the sidebar, the editors, the draft panel
 * and the comparison window. Bind an actor's "color" to "color" and the dot follows it.
 */
#define ZOPA_TYPE_ACTOR_SWATCH (zopa_actor_swatch_get_type ())
G_DECLARE_FINAL_TYPE (ZopaActorSwatch, zopa_actor_swatch, ZOPA, ACTOR_SWATCH, GtkWidget)

GtkWidget  *zopa_actor_swatch_new          (int              diameter);
/* A swatch that follows the actor's colour for as long as both live. */
GtkWidget  *zopa_actor_swatch_new_for_actor (GObject         *actor,
                                             int              diameter);
const char *zopa_actor_swatch_get_color    (ZopaActorSwatch *self);
/* "#rrggbb" or any colour GdkRGBA parses; nothing is drawn for NULL or a bad colour. */
void        zopa_actor_swatch_set_color    (ZopaActorSwatch *self,
                                            const char      *color);

G_END_DECLS
