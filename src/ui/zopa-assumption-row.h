/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-assumption-item.h"

G_BEGIN_DECLS

/* A row of the Assumptions window: the value, its range and summary; expanded, the
 * conclusions that hinge on it and its actor's sources (a link each). */
#define ZOPA_TYPE_ASSUMPTION_ROW (zopa_assumption_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaAssumptionRow, zopa_assumption_row, ZOPA, ASSUMPTION_ROW, AdwExpanderRow)

GtkWidget          *zopa_assumption_row_new      (ZopaAssumptionItem *item);
ZopaAssumptionItem *zopa_assumption_row_get_item (ZopaAssumptionRow  *self);

G_END_DECLS
