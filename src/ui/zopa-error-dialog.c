/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-error-dialog.c: telling the user what could not be done, where, and why */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-error-dialog.h"
#include "zopa-user-text.h"

AdwMessageDialog *
zopa_error_dialog_present (GtkWindow  *parent,
                           const char *body,
                           const char *heading_format,
                           ...)
{
  g_autofree char *heading = NULL;
  g_autofree char *shown_heading = NULL;
  AdwMessageDialog *dialog;
  va_list args;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading_format != NULL, NULL);

  va_start (args, heading_format);
  heading = g_strdup_vprintf (heading_format, args);
  va_end (args);

  /* Headings and bodies carry file names and file contents: shown as they are, cut short. */
  shown_heading = zopa_display_text (heading, ZOPA_DISPLAY_TEXT_LINE);
  dialog = ADW_MESSAGE_DIALOG (zopa_user_text_message_dialog_new (parent, NULL, body ? body : ""));
  adw_message_dialog_set_heading_use_markup (dialog, FALSE);
  adw_message_dialog_set_heading (dialog, shown_heading);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
