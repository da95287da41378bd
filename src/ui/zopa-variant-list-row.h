#pragma once

#include <gtk/gtk.h>

#include "model/zopa-variant.h"

G_BEGIN_DECLS

/* A variant ("item") in the variant editor's sidebar: its title, how many changes it makes,
 * and whether the diagram shows it ("shown", set by the editor). */
#define ZOPA_TYPE_VARIANT_LIST_ROW (zopa_variant_list_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVariantListRow, zopa_variant_list_row, ZOPA, VARIANT_LIST_ROW, GtkListBoxRow)

GtkWidget   *zopa_variant_list_row_new       (ZopaVariant        *item);
ZopaVariant *zopa_variant_list_row_get_item  (ZopaVariantListRow *self);
void         zopa_variant_list_row_set_shown (ZopaVariantListRow *self,
                                              gboolean            shown);

G_END_DECLS
