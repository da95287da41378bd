/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "diagram/zopa-comparison-render.h"

G_BEGIN_DECLS

/*
 * One row of the comparison window: a clause of each draft side by side with what became
 * of it, drawn by the comparison renderer (the same drawing as the export) for its item, a
 * ZopaComparisonRender, and its row index in it. Screen readers get the row as one
 * sentence, its accessible label.
 */
#define ZOPA_TYPE_COMPARE_CARD (zopa_compare_card_get_type ())
G_DECLARE_FINAL_TYPE (ZopaCompareCard, zopa_compare_card, ZOPA, COMPARE_CARD, GtkListBoxRow)

GtkWidget            *zopa_compare_card_new         (ZopaComparisonRender *item,
                                                     guint                 index);
ZopaComparisonRender *zopa_compare_card_get_item    (ZopaCompareCard      *self);
guint                 zopa_compare_card_get_index   (ZopaCompareCard      *self);
/* Shows row index of item (a new layout, a theme change, another row). */
void                  zopa_compare_card_set_item    (ZopaCompareCard      *self,
                                                     ZopaComparisonRender *item,
                                                     guint                 index);
/* The sentence read out for the row. */
const char           *zopa_compare_card_get_description (ZopaCompareCard *self);

/* The sentence for row index of render: kind, the two clauses, what changed. */
char                 *zopa_compare_card_describe_row (ZopaComparisonRender *render,
                                                      guint                 index);

G_END_DECLS
