/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Lists that show the model: each is changed only where it differs from what it should
 * show, so rows bound to it are rebuilt only when the set of items changes, and a combo
 * row the user is working with is not replaced under the pointer.
 */

/* Makes store hold items (objects, in order), replacing only what lies between the items
 * that stay at the start and at the end; TRUE when it changed. */
gboolean zopa_list_store_show_items   (GListStore          *store,
                                       GPtrArray           *items);
/* The same for list and strings (NULL-terminated, may be NULL). */
gboolean zopa_string_list_show_strings (GtkStringList      *list,
                                        const char * const *strings);
/* Shows labels in combo and selects selected. A new list moves the selection on its way:
 * on_selected, the combo's notify::selected handler with data, is held meanwhile so that
 * it does not take that for the user's choice. */
void     zopa_combo_row_show_choices  (AdwComboRow         *combo,
                                       const char * const  *labels,
                                       guint                selected,
                                       GCallback            on_selected,
                                       gpointer             data);

/* A list box bound to a model inserts new rows before its placeholder, which is hidden
 * while there are rows but still counts as the last child: the last row then draws the
 * separator of a row with one below. Moves placeholder (the list's) to the front. */
void     zopa_list_box_keep_placeholder_first (GtkListBox *list_box,
                                              GtkWidget  *placeholder);

G_END_DECLS
