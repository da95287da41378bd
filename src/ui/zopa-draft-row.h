/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/zopa-draft.h"
#include "zopa-shown-row.h"

G_BEGIN_DECLS

/* A draft in the sidebar: its title, date and number of clauses, and whether the diagram
 * shows it. */
#define ZOPA_TYPE_DRAFT_ROW (zopa_draft_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDraftRow, zopa_draft_row, ZOPA, DRAFT_ROW, ZopaShownRow)

GtkWidget *zopa_draft_row_new      (ZopaDraft    *item);
ZopaDraft *zopa_draft_row_get_item (ZopaDraftRow *self);

G_END_DECLS
