/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * A sidebar row of a model object ("item") that the diagram may show or not: a check whose
 * state is "shown". The check follows "shown" and reports the user's toggles to it, so a
 * handler of notify::shown that refuses a change can set it back and the check follows.
 * ZopaDraftRow and ZopaActorRow derive from it.
 */
#define ZOPA_TYPE_SHOWN_ROW (zopa_shown_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (ZopaShownRow, zopa_shown_row, ZOPA, SHOWN_ROW, AdwActionRow)

struct _ZopaShownRowClass
{
  AdwActionRowClass parent_class;
};

gpointer zopa_shown_row_get_item  (ZopaShownRow *self);
gboolean zopa_shown_row_get_shown (ZopaShownRow *self);
void     zopa_shown_row_set_shown (ZopaShownRow *self,
                                   gboolean      shown);

G_END_DECLS
