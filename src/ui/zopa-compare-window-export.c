/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-compare-window-export.c: exporting the comparison window's page (zopa-comparison-render.c draws it) */

#include "config.h"

#include <glib/gi18n.h>

#include "diagram/zopa-comparison-render.h"
#include "zopa-compare-window-private.h"
#include "zopa-error-dialog.h"

/* ---- Export ------------------------------------------------------------------------------------ */

gboolean
zopa_compare_window_export_to (ZopaCompareWindow *self,
                               GFile             *file,
                               ZopaDiagramFormat  format,
                               GError           **error)
{
  ZopaComparisonRenderOptions options;
  g_autoptr(ZopaComparisonRender) render = NULL;
  double scale = 1;

  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->comparison == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("There are no drafts to compare."));
      return FALSE;
    }
  zopa_comparison_render_options_init (&options);
  options.only_changes = gtk_toggle_button_get_active (self->only_changes_button);
  render = zopa_comparison_render_new (self->comparison, &options, error);
  if (render == NULL)
    return FALSE;
  /* Twice the pixels for sharp text, while the tall image stays within PNG's limits. */
  if (format == ZOPA_DIAGRAM_FORMAT_PNG && zopa_comparison_render_get_height (render) * 2 <= 32767)
    scale = 2;
  return zopa_comparison_render_export_file (render, file, format, scale, NULL, error);
}

static void
on_export_response (GtkNativeDialog   *native,
                    int                response,
                    ZopaCompareWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));  /* transfer none */
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) target = NULL;
      g_autoptr(GError) error = NULL;
      ZopaDiagramFormat format;

      /* The name's extension decides; without one, the chosen filter does. */
      if (zopa_diagram_format_from_filename (name, &format))
        target = g_object_ref (file);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          gboolean png = filter != NULL && filter == self->png_filter;
          g_autofree char *with_extension = g_strconcat (name, png ? ".png" : ".pdf", NULL);

          format = png ? ZOPA_DIAGRAM_FORMAT_PNG : ZOPA_DIAGRAM_FORMAT_PDF;
          target = g_file_get_child (parent, with_extension);
        }
      if (!zopa_compare_window_export_to (self, target, format, &error))
        zopa_error_dialog_present (GTK_WINDOW (self), error->message, _("Could Not Export the Comparison"));
    }
  g_clear_object (&self->png_filter);
  g_object_unref (native);
  g_object_unref (self);
}

void
zopa_compare_window_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *pdf = gtk_file_filter_new ();
  GtkFileFilter *png = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->comparison == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Comparison"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (pdf, _("PDF Document (A4 pages)"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (png, _("PNG Image (one tall page)"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), png);
  g_object_unref (pdf);
  g_set_object (&self->png_filter, png);
  g_object_unref (png);

  /* Translators: the file name of an exported comparison, "us-28 to geneva-19.pdf" */
  name = g_strdup_printf (_("%s to %s.pdf"), zopa_comparison_get_left_id (self->comparison),
                          zopa_comparison_get_right_id (self->comparison));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
zopa_compare_window_swap_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (widget);
  g_autofree char *left = g_strdup (self->right_id);
  g_autofree char *right = g_strdup (self->left_id);

  zopa_compare_window_set_drafts (self, left, right);
}
