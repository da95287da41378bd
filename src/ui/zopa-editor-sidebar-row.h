/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * A row of an editor window's sidebar list of model objects ("item"): its title (or, when
 * that is empty, "fallback-title", such as the object's id), an optional subtitle line and
 * an optional colour dot ("color"). The editor binds these to the item's properties.
 */
#define ZOPA_TYPE_EDITOR_SIDEBAR_ROW (zopa_editor_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaEditorSidebarRow, zopa_editor_sidebar_row, ZOPA, EDITOR_SIDEBAR_ROW, GtkListBoxRow)

GtkWidget  *zopa_editor_sidebar_row_new       (gpointer              item);
gpointer    zopa_editor_sidebar_row_get_item  (ZopaEditorSidebarRow *self);
/* What the row shows as its title: the title, or the fallback when the title is empty. */
const char *zopa_editor_sidebar_row_get_shown_title (ZopaEditorSidebarRow *self);

G_END_DECLS
