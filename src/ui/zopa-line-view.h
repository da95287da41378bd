/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * One line of text, edited in place and shown whole: it wraps at word boundaries (within a
 * word only when a word is wider than the view) instead of scrolling out of sight as an entry
 * does. Enter inserts nothing and line breaks pasted in become spaces, so the text stays a
 * single line; a title, say, that a narrow window would otherwise cut mid-word.
 */
#define ZOPA_TYPE_LINE_VIEW (zopa_line_view_get_type ())
G_DECLARE_FINAL_TYPE (ZopaLineView, zopa_line_view, ZOPA, LINE_VIEW, GtkTextView)

GtkWidget *zopa_line_view_new (void);

G_END_DECLS
