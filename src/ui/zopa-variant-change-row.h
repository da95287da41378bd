/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-history.h"
#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * One change of a variant ("item") in the variant editor: which actor, what it applies to
 * (the reservation or one issue), and what it replaces there, each edit one undoable step
 * of history. The row follows the scenario, whatever changes it (an edit elsewhere, undo,
 * redo); its option rows are rebuilt only when the issue or the options change.
 */
#define ZOPA_TYPE_VARIANT_CHANGE_ROW (zopa_variant_change_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVariantChangeRow, zopa_variant_change_row, ZOPA, VARIANT_CHANGE_ROW, AdwExpanderRow)

GtkWidget         *zopa_variant_change_row_new      (ZopaVariantChange    *item,
                                                     ZopaScenario         *scenario,
                                                     ZopaHistory          *history);
ZopaVariantChange *zopa_variant_change_row_get_item (ZopaVariantChangeRow *self);

G_END_DECLS
