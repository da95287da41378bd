/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-storyboard-export.c: "Export Storyboard…" — solving on a worker, laying out on the
 * main thread, writing on a worker again */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-storyboard.h"
#include "zopa-background.h"
#include "zopa-error-dialog.h"
#include "zopa-storyboard-export.h"

/* The values of the Export dialog's background setting (its enum's nicks, in order). */
enum {
  EXPORT_BACKGROUND_LIGHT,
  EXPORT_BACKGROUND_DARK,
  EXPORT_BACKGROUND_TRANSPARENT,
  EXPORT_BACKGROUND_TRANSPARENT_DARK,
};

/* One export from start to end, shared by the main thread and the worker in turn (a
 * reference each: whichever drops the last frees it). */
typedef struct {
  GtkWindow                *parent;        /* not owned: the cancellable goes before it */
  ZopaScenario             *scenario;
  ZopaStoryboard           *storyboard;
  GFile                    *file;
  ZopaDiagramFormat         format;
  double                    scale;
  GCancellable             *cancellable;
  ZopaStoryboardExportDone  done;
  gpointer                  user_data;
  GPtrArray                *diagrams;      /* laid out on the main thread, drawn on the worker */
  GPtrArray                *written;       /* GFile, set by the worker */
  GError                   *error;         /* set by the worker */
} Export;

static void
export_clear (Export *export)
{
  g_clear_object (&export->scenario);
  g_clear_object (&export->storyboard);
  g_clear_object (&export->file);
  g_clear_object (&export->cancellable);
  g_clear_pointer (&export->diagrams, g_ptr_array_unref);
  g_clear_pointer (&export->written, g_ptr_array_unref);
  g_clear_error (&export->error);
}

static void
export_release (gpointer export)
{
  g_rc_box_release_full (export, (GDestroyNotify) export_clear);
}

static void
present_failure (Export       *export,
                 const GError *error)
{
  g_autofree char *name = export->file != NULL ? g_file_get_basename (export->file) : NULL;

  /* The error dialog's advice is about files being opened; the message says enough here. */
  if (name != NULL)
    zopa_error_dialog_present (export->parent, error->message, _("Could Not Export the Storyboard to “%s”"), name);
  else
    zopa_error_dialog_present (export->parent, error->message, _("Could Not Export the Storyboard"));
}

/* The page the Export dialog last chose: size, theme and background. */
static void
fill_export_options (ZopaDiagramOptions *options,
                     double             *scale)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int background = g_settings_get_enum (settings, "export-background");

  zopa_diagram_options_init (options);
  options->width = g_settings_get_int (settings, "export-width");
  options->height = g_settings_get_int (settings, "export-height");
  options->theme = background == EXPORT_BACKGROUND_DARK || background == EXPORT_BACKGROUND_TRANSPARENT_DARK
                   ? ZOPA_DIAGRAM_THEME_DARK : ZOPA_DIAGRAM_THEME_LIGHT;
  options->background = background == EXPORT_BACKGROUND_TRANSPARENT || background == EXPORT_BACKGROUND_TRANSPARENT_DARK
                        ? ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT : ZOPA_DIAGRAM_BACKGROUND_OPAQUE;
  *scale = g_settings_get_int (settings, "export-scale");
}

/* On the worker: the pages written to the file or files. */
static gpointer
write_pages (gpointer      data,
             GCancellable *cancellable)
{
  Export *export = data;

  if (export->format == ZOPA_DIAGRAM_FORMAT_PDF)
    {
      if (zopa_storyboard_export_pdf (export->diagrams, export->file, cancellable, &export->error))
        {
          export->written = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (export->written, g_object_ref (export->file));
        }
    }
  else
    export->written = zopa_storyboard_export_series (export->diagrams, export->file, export->format,
                                                     export->scale, cancellable, &export->error);
  return g_rc_box_acquire (export);
}

static void
pages_written (gpointer result,
               gpointer user_data)
{
  Export *export = result;

  if (export->written == NULL)
    present_failure (export, export->error);
  else if (export->done != NULL && export->written->len > 0)
    export->done (g_ptr_array_index (export->written, 0), export->written->len, export->user_data);
  export_release (export);
}

/* On the worker: every frame's analysis. */
static gpointer
solve_frames (gpointer      data,
              GCancellable *cancellable)
{
  Export *export = data;

  if (!zopa_storyboard_solve (export->storyboard, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, cancellable))
    return NULL;
  return g_rc_box_acquire (export);
}

static void
frames_solved (gpointer result,
               gpointer user_data)
{
  Export *export = result;
  g_autoptr(GError) error = NULL;
  ZopaDiagramOptions options;

  fill_export_options (&options, &export->scale);
  export->diagrams = zopa_storyboard_layout (export->storyboard, export->scenario, &options, &error);
  if (export->diagrams == NULL)
    present_failure (export, error);
  else
    zopa_background_run (write_pages, g_rc_box_acquire (export), export_release, export_release,
                         export->cancellable, pages_written, NULL);
  export_release (export);
}

void
zopa_storyboard_export_start (GtkWindow                *parent,
                              ZopaScenario             *scenario,
                              GFile                    *file,
                              ZopaDiagramFormat         format,
                              GCancellable             *cancellable,
                              ZopaStoryboardExportDone  done,
                              gpointer                  user_data)
{
  g_autoptr(GError) error = NULL;
  Export *export;

  g_return_if_fail (ZOPA_IS_SCENARIO (scenario));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  export = g_rc_box_new0 (Export);
  export->parent = parent;
  export->scenario = g_object_ref (scenario);
  export->file = g_object_ref (file);
  export->format = format;
  export->cancellable = g_object_ref (cancellable);
  export->done = done;
  export->user_data = user_data;
  export->storyboard = zopa_storyboard_new_unsolved (scenario, &error);
  if (export->storyboard == NULL)
    {
      present_failure (export, error);
      export_release (export);
      return;
    }
  zopa_background_run (solve_frames, export, export_release, export_release,
                       cancellable, frames_solved, NULL);
}

/* The save dialog */

typedef struct {
  GtkWindow                *parent;
  ZopaScenario             *scenario;
  GCancellable             *cancellable;
  ZopaStoryboardExportDone  done;
  gpointer                  user_data;
  GtkFileFilter            *filters[3];   /* by ZopaDiagramFormat */
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->scenario);
  g_clear_object (&choice->cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (choice->filters); i++)
    g_clear_object (&choice->filters[i]);
  g_free (choice);
}

static const char *const format_extensions[] = {
  [ZOPA_DIAGRAM_FORMAT_PNG] = "png",
  [ZOPA_DIAGRAM_FORMAT_SVG] = "svg",
  [ZOPA_DIAGRAM_FORMAT_PDF] = "pdf",
};

static void
on_choice_response (GtkNativeDialog *native,
                    int              response,
                    Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT && !g_cancellable_is_cancelled (choice->cancellable))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));  /* transfer none */
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) target = NULL;
      ZopaDiagramFormat format = ZOPA_DIAGRAM_FORMAT_PDF;

      /* The name's extension decides; without one, the chosen filter does. */
      if (zopa_diagram_format_from_filename (name, &format))
        target = g_object_ref (file);
      else
        {
          g_autoptr(GFile) folder = g_file_get_parent (file);
          g_autofree char *with_extension = NULL;

          for (guint i = 0; i < G_N_ELEMENTS (choice->filters); i++)
            if (filter != NULL && filter == choice->filters[i])
              format = i;
          with_extension = g_strconcat (name, ".", format_extensions[format], NULL);
          target = g_file_get_child (folder, with_extension);
        }
      zopa_storyboard_export_start (choice->parent, choice->scenario, target, format,
                                    choice->cancellable, choice->done, choice->user_data);
    }
  choice_free (choice);
  g_object_unref (native);
}

static GtkFileFilter *
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
  return filter;
}

void
zopa_storyboard_export_choose (GtkWindow                *parent,
                               ZopaScenario             *scenario,
                               GCancellable             *cancellable,
                               ZopaStoryboardExportDone  done,
                               gpointer                  user_data)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  Choice *choice;
  g_autofree char *name = NULL;

  g_return_if_fail (ZOPA_IS_SCENARIO (scenario));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  native = gtk_file_chooser_native_new (_("Export Storyboard"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  chooser = GTK_FILE_CHOOSER (native);

  choice = g_new0 (Choice, 1);
  choice->parent = parent;
  choice->scenario = g_object_ref (scenario);
  choice->cancellable = g_object_ref (cancellable);
  choice->done = done;
  choice->user_data = user_data;
  choice->filters[ZOPA_DIAGRAM_FORMAT_PDF] = add_filter (chooser, _("PDF Document (a page per frame)"),
                                                         "application/pdf", "pdf");
  choice->filters[ZOPA_DIAGRAM_FORMAT_PNG] = add_filter (chooser, _("PNG Series (a numbered image per frame)"),
                                                         "image/png", "png");
  choice->filters[ZOPA_DIAGRAM_FORMAT_SVG] = add_filter (chooser, _("SVG Series (a numbered image per frame)"),
                                                         "image/svg+xml", "svg");

  /* Translators: the file name an exported storyboard is offered, after the scenario's title */
  name = g_strdup_printf (_("%s storyboard.pdf"), zopa_scenario_get_title (scenario));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (native, "response", G_CALLBACK (on_choice_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
