/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/zopa-actor.h"
#include "zopa-shown-row.h"

G_BEGIN_DECLS

/* An actor in the sidebar: its colour, name and reservation, whether the diagram shows it,
 * and the way to its editor (win.edit-actor with its id). */
#define ZOPA_TYPE_ACTOR_ROW (zopa_actor_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaActorRow, zopa_actor_row, ZOPA, ACTOR_ROW, ZopaShownRow)

GtkWidget *zopa_actor_row_new      (ZopaActor    *item);
ZopaActor *zopa_actor_row_get_item (ZopaActorRow *self);

G_END_DECLS
