/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * User text (names, titles, labels, notes) as the window, the diagram and the exports show
 * it: the text itself, never parsed as markup, but cut to a length that any widget or
 * layout measures in a moment. A 100,000-character name shaped and wrapped in full stalls
 * GTK for minutes; nobody reads past the first lines anyway. Editing widgets keep the whole
 * text: only what is shown for reading goes through here.
 */

/* For one-line things: names, titles, labels, ids. */
#define ZOPA_DISPLAY_TEXT_LINE      200
/* For running text: notes, clause texts. */
#define ZOPA_DISPLAY_TEXT_PARAGRAPH 4000

/* The first max_chars characters of text, with "…" in place of the rest when it is
 * longer. NULL gives "". Invalid UTF-8 is shown with replacement characters. */
char     *zopa_display_text               (const char *text,
                                           guint       max_chars);
/* Whether zopa_display_text() would cut text. */
gboolean  zopa_display_text_is_cut        (const char *text,
                                           guint       max_chars);

/* A GBindingTransformFunc for g_object_bind_property_full(): a string property shown
 * through zopa_display_text (text, ZOPA_DISPLAY_TEXT_LINE). */
gboolean  zopa_display_text_line_transform (GBinding     *binding,
                                            const GValue *from,
                                            GValue       *to,
                                            gpointer      user_data);

G_END_DECLS
