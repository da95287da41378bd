/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-accessible-parts.h: human names for the parts GTK and libadwaita build inside widgets */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * GTK 4.8 names a widget without a label after its class ("GtkScrollbar", "GtkListBox"),
 * and a button with a mnemonic after its label twice ("_Cancel Cancel", or "Open Open"
 * where its LABEL property is set to the clean label). From now on, each widget shown
 * anywhere in the process gets a human name where it is one of those parts: scroll bars,
 * buttons with a mnemonic (named by their label alone), check buttons with a mnemonic
 * (named without the underscore), the lists inside expander rows, combo rows and untitled
 * preferences groups, the buttons inside colour buttons, drop-downs and tree view headers,
 * the About window's icon and version, the file chooser's places, path, file type and
 * Create Folder, the print dialog's printers and page ranges, and the search of the
 * keyboard shortcuts window. Widgets that name themselves keep their names. Safe to call
 * more than once.
 */
void  zopa_accessible_parts_install  (void);
/* label without its mnemonic underscores ("_Save As…" → "Save As…", "a__b" → "a_b"). */
char *zopa_accessible_strip_mnemonic (const char *label);

G_END_DECLS
