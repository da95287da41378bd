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

G_END_DECLS
