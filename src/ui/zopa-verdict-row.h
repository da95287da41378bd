/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-verdict-item.h"

G_BEGIN_DECLS

/*
 * A row of the draft panel's verdict list: an actor's colour, name, score and verdict, and a
 * badge when the last change flipped the verdict, all bound to its ZopaVerdictItem ("item").
 * Its reasons are rows under it, asked for with "build-reasons" when it is first expanded
 * and again when the item's analysis changes while it is open.
 */
#define ZOPA_TYPE_VERDICT_ROW (zopa_verdict_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVerdictRow, zopa_verdict_row, ZOPA, VERDICT_ROW, AdwExpanderRow)

GtkWidget       *zopa_verdict_row_new        (ZopaVerdictItem *item);
ZopaVerdictItem *zopa_verdict_row_get_item   (ZopaVerdictRow  *self);
/* Returns the reason's row (borrowed), to make it a link. */
GtkWidget       *zopa_verdict_row_add_reason (ZopaVerdictRow  *self,
                                              const char      *icon_name,
                                              const char      *title,
                                              const char      *subtitle);
GtkWidget       *zopa_verdict_row_new_reason (const char      *icon_name,
                                              const char      *title,
                                              const char      *subtitle);

G_END_DECLS
