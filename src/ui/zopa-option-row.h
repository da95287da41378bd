/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-history.h"
#include "model/zopa-issue.h"

G_BEGIN_DECLS

/*
 * One option of an issue in the issue editor: its label edited in place through the
 * history ("history") and shown whole, wrapped at word boundaries, its identifier behind a button that opens a rename popover, and
 * buttons that move it up or down and delete it (after a confirmation). The row follows
 * the option ("item") whatever changes it; the editor tells it its place in the list.
 */
#define ZOPA_TYPE_OPTION_ROW (zopa_option_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaOptionRow, zopa_option_row, ZOPA, OPTION_ROW, AdwPreferencesRow)

GtkWidget  *zopa_option_row_new       (ZopaHistory   *history,
                                       ZopaOption    *item);
ZopaOption *zopa_option_row_get_item  (ZopaOptionRow *self);
/* The row is the index-th (from 0) of n_options: its title, and what it may do. */
void        zopa_option_row_set_place (ZopaOptionRow *self,
                                       guint          index,
                                       guint          n_options);
/* Puts the keyboard focus in the title, for typing it. */
void        zopa_option_row_focus_title (ZopaOptionRow *self);

G_END_DECLS
