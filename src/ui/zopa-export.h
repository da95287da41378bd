/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/* Export, copy and print all draw with the diagram renderer, in the last export choices. */

#define ZOPA_TYPE_EXPORT_DIALOG (zopa_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZopaExportDialog, zopa_export_dialog, ZOPA, EXPORT_DIALOG, AdwWindow)

ZopaExportDialog *zopa_export_dialog_new        (GtkWindow    *parent,
                                                 ZopaSession  *session);
/* Writes the diagram with the dialog's choices to file, in the format its extension names
 * (.png, .svg, .pdf; .csv writes the analysis), else in the format chosen in the menu. */
gboolean          zopa_export_dialog_export_to  (ZopaExportDialog *self,
                                                 GFile            *file,
                                                 GError          **error);
/* Writes the regions and verdicts of the analysis shown as a CSV table to file. */
gboolean          zopa_export_dialog_export_analysis_to (ZopaExportDialog *self,
                                                         GFile            *file,
                                                         GError          **error);

void              zopa_export_show_dialog       (GtkWindow    *parent,
                                                 ZopaSession  *session);
gboolean          zopa_export_copy_to_clipboard (ZopaSession  *session,
                                                 GdkClipboard *clipboard,
                                                 GError      **error);
void              zopa_export_print             (GtkWindow    *parent,
                                                 ZopaSession  *session);

G_END_DECLS
