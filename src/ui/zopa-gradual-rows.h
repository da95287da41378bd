/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Binds a list box to a model so that a long list is built over several frames: the first
 * rows at once, then a few more on each frame the list box is drawn, until all are there
 * ("complete" turns TRUE); from then on the list follows the model at once. A list box
 * that is not shown grows when it is. GTK 4.8 measures every row of a list
 * box, so a draft with a hundred clauses would otherwise hold the main loop for as long as
 * it takes to lay out all of them. Dropping the object stops the growth; the list box stays
 * bound to what it has.
 */
#define ZOPA_TYPE_GRADUAL_ROWS (zopa_gradual_rows_get_type ())
G_DECLARE_FINAL_TYPE (ZopaGradualRows, zopa_gradual_rows, ZOPA, GRADUAL_ROWS, GObject)

ZopaGradualRows *zopa_gradual_rows_bind      (GtkListBox                 *box,
                                              GListModel                 *model,
                                              GtkListBoxCreateWidgetFunc  create_row,
                                              gpointer                    user_data);
gboolean         zopa_gradual_rows_complete  (ZopaGradualRows            *self);

G_END_DECLS
