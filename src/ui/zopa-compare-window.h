/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "analysis/zopa-comparison.h"
#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * Two drafts side by side, clause by clause, with the verdict changes per actor on top;
 * it follows the session (every edit, the variant and the shown actors) and exports the
 * comparison page as PDF or PNG with the comparison renderer.
 */
#define ZOPA_TYPE_COMPARE_WINDOW (zopa_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (ZopaCompareWindow, zopa_compare_window, ZOPA, COMPARE_WINDOW, AdwWindow)

/* left_id, right_id: NULL for the default pair (zopa_comparison_default_pair() for the
 * session's selected draft; with only right_id given, its parent on the left). */
ZopaCompareWindow *zopa_compare_window_new            (GtkWindow         *parent,
                                                       ZopaSession       *session,
                                                       const char        *left_id,
                                                       const char        *right_id);
void               zopa_compare_window_show           (GtkWindow         *parent,
                                                       ZopaSession       *session,
                                                       const char        *left_id,
                                                       const char        *right_id);

const char        *zopa_compare_window_get_left_draft  (ZopaCompareWindow *self);
const char        *zopa_compare_window_get_right_draft (ZopaCompareWindow *self);
/* Unknown ids are ignored. */
void               zopa_compare_window_set_drafts      (ZopaCompareWindow *self,
                                                        const char        *left_id,
                                                        const char        *right_id);
gboolean           zopa_compare_window_get_only_changes (ZopaCompareWindow *self);
void               zopa_compare_window_set_only_changes (ZopaCompareWindow *self,
                                                         gboolean           only_changes);
/* The comparison shown; NULL when the scenario has no drafts. */
ZopaComparison    *zopa_compare_window_get_comparison  (ZopaCompareWindow *self);
/* The number of clause rows in the list (after the filter). */
guint              zopa_compare_window_get_n_rows      (ZopaCompareWindow *self);

/* Writes the comparison page, as the Export button does. */
gboolean           zopa_compare_window_export_to       (ZopaCompareWindow *self,
                                                        GFile             *file,
                                                        ZopaDiagramFormat  format,
                                                        GError           **error);

G_END_DECLS
