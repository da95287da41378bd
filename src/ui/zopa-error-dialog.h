/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-error-dialog.h: telling the user what could not be done, where, and why */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Presents a dialog on parent with one "Close" response. The heading, from heading_format
 * and its arguments, says what could not be done and on what ("Could Not Save
 * “talks.zopa.json”"); the body, usually a GError's message, says why and names the place
 * (a path, line:column, a field). Neither is parsed as markup.
 */
AdwMessageDialog *zopa_error_dialog_present (GtkWindow  *parent,
                                             const char *body,
                                             const char *heading_format,
                                             ...) G_GNUC_PRINTF (3, 4);

/*
 * The same, with error's message as the body followed by what to try (correct the file at
 * the named place, check permissions, choose another place...).
 */
AdwMessageDialog *zopa_error_dialog_present_error (GtkWindow    *parent,
                                                   const GError *error,
                                                   const char   *heading_format,
                                                   ...) G_GNUC_PRINTF (3, 4);
/* What to try after error, as one sentence. */
const char       *zopa_error_dialog_advice        (const GError *error);

G_END_DECLS
