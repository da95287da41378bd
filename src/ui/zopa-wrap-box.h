/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Children in one row while they fit at their minimum widths, else one under another at the
 * full width: a toolbar that stays whole in a narrow window. In a row, each child gets its
 * natural width as far as there is room and the horizontally expanding ones share the rest.
 */
#define ZOPA_TYPE_WRAP_BOX (zopa_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (ZopaWrapBox, zopa_wrap_box, ZOPA, WRAP_BOX, GtkWidget)

GtkWidget *zopa_wrap_box_new         (void);
int        zopa_wrap_box_get_spacing (ZopaWrapBox *self);
void       zopa_wrap_box_set_spacing (ZopaWrapBox *self,
                                      int          spacing);

G_END_DECLS
