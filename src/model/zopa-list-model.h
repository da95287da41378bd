/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The model's lists hand out items by position; views and edits often need the reverse. */

/* The position of item in model, or G_MAXUINT (GTK_INVALID_LIST_POSITION) when it is not
 * there (or item is NULL). */
guint    zopa_list_model_find     (GListModel *model,
                                   gpointer    item);
gboolean zopa_list_model_contains (GListModel *model,
                                   gpointer    item);

G_END_DECLS
