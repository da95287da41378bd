/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-error-dialog.c: telling the user what could not be done, where, and why */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-file-problem.h"
#include "zopa-error-dialog.h"
#include "zopa-user-text.h"

const char *
zopa_error_dialog_advice (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == ZOPA_FILE_ERROR)
    switch ((ZopaFileError) error->code)
      {
      case ZOPA_FILE_ERROR_SYNTAX:
      case ZOPA_FILE_ERROR_INVALID:
        return _("Correct the file at the place named above in a text editor, "
                 "or check it with “zopa-cli validate”; then open it again.");
      case ZOPA_FILE_ERROR_VERSION:
        return _("Open it with a newer version of Zopa.");
      case ZOPA_FILE_ERROR_TOO_LARGE:
      case ZOPA_FILE_ERROR_TOO_DEEP:
        return _("Check that this is the scenario you meant to open: Zopa’s own files are far smaller.");
      case ZOPA_FILE_ERROR_ENCODING:
        return _("Save the file as UTF-8 in a text editor, then open it again.");
      case ZOPA_FILE_ERROR_IO:
        break;
      }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("Check that the file is still there; choose it again with Open if it was moved.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return _("Check the permissions of the file and its folder, or use Save As to choose another place.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return _("Free some space on the disk, or use Save As to choose another place.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("Choose a scenario file (*.zopa.json) rather than a folder.");
  return _("Try again; if it keeps failing, choose another file or place.");
}

/* A file name in a heading breaks between words where it can, and never gets a hyphen that
 * is not in the name. */
static void
keep_heading_unhyphenated (GtkWidget  *widget,
                           const char *heading)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), heading) == 0)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
      gtk_label_set_attributes (GTK_LABEL (widget), attributes);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    keep_heading_unhyphenated (child, heading);
}

static AdwMessageDialog *
present_dialog (GtkWindow  *parent,
                const char *body,
                const char *heading)
{
  /* Headings and bodies carry file names and file contents: shown as they are, cut short. */
  g_autofree char *shown_heading = zopa_display_text (heading, ZOPA_DISPLAY_TEXT_LINE);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (zopa_user_text_message_dialog_new (parent, NULL, body ? body : ""));
  adw_message_dialog_set_heading_use_markup (dialog, FALSE);
  adw_message_dialog_set_heading (dialog, shown_heading);
  keep_heading_unhyphenated (GTK_WIDGET (dialog), shown_heading);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

AdwMessageDialog *
zopa_error_dialog_present (GtkWindow  *parent,
                           const char *body,
                           const char *heading_format,
                           ...)
{
  g_autofree char *heading = NULL;
  va_list args;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading_format != NULL, NULL);

  va_start (args, heading_format);
  heading = g_strdup_vprintf (heading_format, args);
  va_end (args);
  return present_dialog (parent, body, heading);
}

AdwMessageDialog *
zopa_error_dialog_present_error (GtkWindow    *parent,
                                 const GError *error,
                                 const char   *heading_format,
                                 ...)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  va_list args;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (heading_format != NULL, NULL);

  va_start (args, heading_format);
  heading = g_strdup_vprintf (heading_format, args);
  va_end (args);
  body = g_strdup_printf ("%s\n\n%s", error->message, zopa_error_dialog_advice (error));
  return present_dialog (parent, body, heading);
}
