/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-ui-test.h: helpers shared by the UI test programs */

#pragma once

#include <adwaita.h>

#include "ui/zopa-application.h"

G_BEGIN_DECLS

typedef gboolean (*ZopaUiTestMatch) (GtkWidget     *widget,
                                     gconstpointer  data);

ZopaApplication  *zopa_ui_test_init_app            (int              *argc,
                                                    char           ***argv);
void              zopa_ui_test_drain_events        (void);
/* Iterates the main loop (blocking on it, never sleeping) until condition (data) holds. */
void              zopa_ui_test_wait_for            (GSourceFunc       condition,
                                                    gpointer          data);

GtkWidget        *zopa_ui_test_find_widget         (GtkWidget        *root,
                                                    ZopaUiTestMatch   match,
                                                    gconstpointer     data);
GtkWidget        *zopa_ui_test_find_nth_type       (GtkWidget        *root,
                                                    GType             type,
                                                    guint             nth);
GtkWidget        *zopa_ui_test_find_type           (GtkWidget        *root,
                                                    GType             type);
GtkWidget        *zopa_ui_test_find_named          (GtkWidget        *root,
                                                    const char       *name);
GtkWidget        *zopa_ui_test_find_button         (GtkWidget        *root,
                                                    const char       *label);

AdwMessageDialog *zopa_ui_test_find_message_dialog (void);
void              zopa_ui_test_click_response      (AdwMessageDialog *dialog,
                                                    const char       *label);

GFile            *zopa_ui_test_temp_file           (const char       *basename);
GFile            *zopa_ui_test_write_temp_file     (const char       *basename,
                                                    const char       *contents,
                                                    gsize             length);
void              zopa_ui_test_remove_temp_file    (GFile            *file);

G_END_DECLS
