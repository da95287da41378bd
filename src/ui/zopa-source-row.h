/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-actor.h"
#include "model/zopa-history.h"
#include "model/zopa-source.h"

G_BEGIN_DECLS

/*
 * A source of the scenario ("item") in the actor editor: its title, publisher and date, and
 * a check for whether the actor cites it. Toggling it edits the actor's sources through
 * the history; the row follows the source and the actor whatever changes them.
 */
#define ZOPA_TYPE_SOURCE_ROW (zopa_source_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaSourceRow, zopa_source_row, ZOPA, SOURCE_ROW, AdwActionRow)

GtkWidget      *zopa_source_row_new       (ZopaHistory   *history,
                                           ZopaSource    *item);
ZopaSource     *zopa_source_row_get_item  (ZopaSourceRow *self);
void            zopa_source_row_set_actor (ZopaSourceRow *self,
                                           ZopaActor     *actor);
GtkCheckButton *zopa_source_row_get_check (ZopaSourceRow *self);

G_END_DECLS
