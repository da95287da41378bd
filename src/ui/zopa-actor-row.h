#pragma once

#include <adwaita.h>

#include "model/zopa-actor.h"

G_BEGIN_DECLS

/* An actor in the sidebar: its colour, name and reservation, a check for whether the diagram
 * shows it ("shown"; the sidebar keeps it in step with the session), and the way to its
 * editor (win.edit-actor with its id). */
#define ZOPA_TYPE_ACTOR_ROW (zopa_actor_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaActorRow, zopa_actor_row, ZOPA, ACTOR_ROW, AdwActionRow)

GtkWidget *zopa_actor_row_new       (ZopaActor    *item);
ZopaActor *zopa_actor_row_get_item  (ZopaActorRow *self);
gboolean   zopa_actor_row_get_shown (ZopaActorRow *self);
void       zopa_actor_row_set_shown (ZopaActorRow *self,
                                     gboolean      shown);

G_END_DECLS
