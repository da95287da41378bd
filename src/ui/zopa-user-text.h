/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analysis/zopa-display-text.h"

G_BEGIN_DECLS

/*
 * Where user text (names, titles, labels, notes) meets a label, a row title or a tooltip:
 * shown literally (never as markup) and cut with zopa_display_text(), so that hostile or
 * huge text neither changes the look nor stalls GTK's measuring.
 */

/* A wrapping label may show a paragraph; any other a line. */
void zopa_user_text_set_label   (GtkLabel   *label,
                                 const char *text);
/* Given when asked, with no round trip to the display server; read it back with
 * zopa_user_text_get_tooltip(), which also returns GTK's own tooltip text. */
void        zopa_user_text_set_tooltip (GtkWidget  *widget,
                                        const char *text);
const char *zopa_user_text_get_tooltip (GtkWidget  *widget);
/* The accessible label of a widget that shows user text. */
void zopa_user_text_set_accessible_label (GtkWidget  *widget,
                                          const char *text);

/* A row's title that holds user text. */
void zopa_user_text_set_row_title (AdwPreferencesRow *row,
                                   const char        *text);
/* The subtitle of an action or expander row that holds user text (a date, a name). */
void zopa_user_text_set_row_subtitle (AdwPreferencesRow *row,
                                      const char        *text);
/* A message dialog whose body may quote user text (an id, a file name, a title). */
GtkWidget *zopa_user_text_message_dialog_new (GtkWindow  *parent,
                                              const char *heading,
                                              const char *body);

G_END_DECLS
