#pragma once

#include <adwaita.h>

#include "model/zopa-draft.h"

G_BEGIN_DECLS

/* A draft in the sidebar: its title, date and number of clauses, and a check for whether the
 * diagram shows it ("shown"; the sidebar keeps it in step with the session). */
#define ZOPA_TYPE_DRAFT_ROW (zopa_draft_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDraftRow, zopa_draft_row, ZOPA, DRAFT_ROW, AdwActionRow)

GtkWidget *zopa_draft_row_new       (ZopaDraft    *item);
ZopaDraft *zopa_draft_row_get_item  (ZopaDraftRow *self);
gboolean   zopa_draft_row_get_shown (ZopaDraftRow *self);
void       zopa_draft_row_set_shown (ZopaDraftRow *self,
                                     gboolean      shown);

G_END_DECLS
