/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zopa-cli export [FILE] -o OUT.png|svg|pdf|- [--format png|svg|pdf] [--view venn|issue-map|bargaining]
 *                 [--mode schematic|proportional] [--variant ID] [--actors ID,…]
 *                 [--drafts ID,…] [--width PX] [--height PX] [--scale N]
 *                 [--theme light|dark] [--background opaque|transparent] [--title TEXT]
 *                 [--headline TEXT]
 * zopa-cli export [FILE] --storyboard -o OUT.pdf|OUT.png|OUT.svg [--width PX] [--height PX]
 *                 [--scale N] [--theme light|dark] [--background opaque|transparent]
 *
 * Draws a diagram with the same renderer as the window and writes it, in the format the
 * output's extension (or --format) names, through an atomic replace; "-o -" writes to
 * standard output and "-" as FILE reads standard input. PNG is width × scale by height ×
 * scale pixels; SVG and PDF are width × height points. With --storyboard it draws every frame
 * of the scenario's storyboard, each frame choosing its own view, variant, actors, drafts
 * and title, as one PDF with a page per frame or as OUT-01.png, OUT-02.png, …
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "diagram/zopa-storyboard.h"
#include "zopa-cli.h"

typedef struct {
  char   *output;
  char   *format;
  char   *view;
  char   *mode;
  char   *variant;
  char   *actors;
  char   *drafts;
  double  width;
  double  height;
  double  scale;
  char   *theme;
  char   *background;
  char   *title;
  char   *headline;
  gboolean storyboard;
  char  **files;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->output);
  g_free (args->format);
  g_free (args->view);
  g_free (args->mode);
  g_free (args->variant);
  g_free (args->actors);
  g_free (args->drafts);
  g_free (args->theme);
  g_free (args->background);
  g_free (args->title);
  g_free (args->headline);
  g_strfreev (args->files);
}

/* The first option that --storyboard excludes, as written on the command line; NULL for none. */
static const char *
storyboard_clash (const ExportArgs *args)
{
  if (args->view != NULL)
    return "--view";
  if (args->mode != NULL)
    return "--mode";
  if (args->variant != NULL)
    return "--variant";
  if (args->actors != NULL)
    return "--actors";
  if (args->drafts != NULL)
    return "--drafts";
  if (args->title != NULL)
    return "--title";
  if (args->headline != NULL)
    return "--headline";
  return NULL;
}

static int
export_storyboard (const ExportArgs  *args,
                   ZopaDiagramFormat  format,
                   int                theme,
                   int                background)
{
  const char *path = args->files != NULL ? args->files[0] : NULL;
  g_autoptr(ZopaScenario) scenario = zopa_cli_load_scenario (path);
  g_autoptr(ZopaStoryboard) storyboard = NULL;
  g_autoptr(GPtrArray) diagrams = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  ZopaDiagramOptions options;

  if (scenario == NULL)
    return ZOPA_EXIT_INVALID;
  if (g_list_model_get_n_items (zopa_scenario_get_frames (scenario)) == 0)
    {
      /* Translators: %s is the scenario file named on the command line */
      fprintf (stderr, _("%s has no storyboard"), path != NULL ? path : _("The built-in scenario"));
      fputc ('\n', stderr);
      return ZOPA_EXIT_INVALID;
    }
  storyboard = zopa_storyboard_new_unsolved (scenario, &error);
  if (storyboard == NULL)
    {
      g_autofree char *message = zopa_cli_escape (error->message);

      fprintf (stderr, "%s: %s\n", path != NULL ? path : "zopa-cli export", message);
      return ZOPA_EXIT_INVALID;
    }
  zopa_storyboard_solve (storyboard, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, NULL);

  zopa_diagram_options_init (&options);
  options.theme = theme == 0 ? ZOPA_DIAGRAM_THEME_LIGHT : ZOPA_DIAGRAM_THEME_DARK;
  options.background = background == 0 ? ZOPA_DIAGRAM_BACKGROUND_OPAQUE : ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT;
  options.width = args->width;
  options.height = args->height;
  diagrams = zopa_storyboard_layout (storyboard, scenario, &options, &error);
  if (diagrams == NULL)
    {
      g_autofree char *message = zopa_cli_escape (error->message);

      fprintf (stderr, "%s: %s\n", path != NULL ? path : "zopa-cli export", message);
      return ZOPA_EXIT_INVALID;
    }

  out = g_file_new_for_commandline_arg (args->output);
  if (format == ZOPA_DIAGRAM_FORMAT_PDF)
    {
      if (!zopa_storyboard_export_pdf (diagrams, out, NULL, &error))
        {
          fprintf (stderr, "%s: error: %s\n", args->output, error->message);
          return ZOPA_EXIT_INVALID;
        }
    }
  else
    {
      g_autoptr(GPtrArray) written = zopa_storyboard_export_series (diagrams, out, format, args->scale, NULL, &error);

      if (written == NULL)
        {
          fprintf (stderr, "%s: error: %s\n", args->output, error->message);
          return ZOPA_EXIT_INVALID;
        }
    }
  return ZOPA_EXIT_OK;
}

int
zopa_cli_export (int    argc,
                 char **argv)
{
  ExportArgs args = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the diagram to OUT (.png, .svg or .pdf; - for standard output)"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format, N_("The file format, whatever OUT ends in (needed with -o -)"), "png|svg|pdf" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &args.view, N_("The Venn diagram, the issue map or the bargaining view of two actors (default: venn)"), "venn|issue-map|bargaining" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &args.mode, N_("Venn: every region, or areas to scale (default: schematic)"), "schematic|proportional" },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &args.variant, N_("Apply a variant of the scenario"), N_("ID") },
    { "actors", 0, 0, G_OPTION_ARG_STRING, &args.actors, N_("The actors to show (default: all); the bargaining view takes two, A,B: A across, B up"), N_("ID,…") },
    { "drafts", 0, 0, G_OPTION_ARG_STRING, &args.drafts, N_("The drafts to show (default: all; \"\" for none)"), N_("ID,…") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &args.width, N_("Page width in pixels (points for SVG and PDF; default 1920)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &args.height, N_("Page height in pixels (points for SVG and PDF; default 1080)"), N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &args.scale, N_("PNG only: pixels per page pixel (default 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &args.theme, N_("Light or dark colours (default: light)"), "light|dark" },
    { "background", 0, 0, G_OPTION_ARG_STRING, &args.background, N_("Paint the background, or leave it transparent (default: opaque)"), "opaque|transparent" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, N_("The title (default: the scenario's title)"), N_("TEXT") },
    { "headline", 0, 0, G_OPTION_ARG_STRING, &args.headline,
      N_("The line under the title (default: the finding, such as “No deal is acceptable to all four”; \"\" for none)"), N_("TEXT") },
    { "storyboard", 0, 0, G_OPTION_ARG_NONE, &args.storyboard,
      N_("Draw every frame of the scenario's storyboard: one PDF page each, or OUT-01.png, OUT-02.png, … (each frame sets its own view, variant, actors, drafts and title)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args.files, NULL, N_("[FILE]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(ZopaDiagram) diagram = NULL;
  g_autoptr(GFile) out = NULL;
  g_auto(GStrv) draft_ids = NULL;
  ZopaDiagramOptions options;
  ZopaDiagramFormat format;
  const char *message = NULL;
  int view = 0, mode = 0, theme = 0, background = 0;
  int status = ZOPA_EXIT_OK;

  args.width = 1920;
  args.height = 1080;
  args.scale = 1;

  context = zopa_cli_option_context_new ("export", _("— draw a diagram to PNG, SVG or PDF"), entries,
                                         _("Draws the Venn diagram, the issue map or the bargaining view of a scenario (the built-in one when no FILE is given) "
                                           "and writes it in the format of OUT's extension or --format. FILE “-” reads standard input, "
                                           "-o - writes to standard output. The background is painted unless "
                                           "--background transparent is given. --storyboard draws the frames of the scenario's "
                                           "storyboard instead, as one PDF or a numbered series of PNG or SVG files.\n\n"
                                           "Exit status: 0 success, 1 invalid input (an unknown id, a file that cannot be "
                                           "read or written), 2 usage error."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = zopa_cli_usage_error ("export", error->message);
      goto out;
    }
  if (args.files != NULL && g_strv_length (args.files) > 1)
    {
      status = zopa_cli_usage_error ("export", _("at most one FILE"));
      goto out;
    }
  if (args.output == NULL)
    {
      status = zopa_cli_usage_error ("export", _("an output file is needed: -o OUT.png, OUT.svg or OUT.pdf"));
      goto out;
    }
  if (args.storyboard && (message = storyboard_clash (&args)) != NULL)
    {
      g_autofree char *clash = g_strdup_printf (_("--storyboard and %s exclude each other: each frame sets its own"), message);

      status = zopa_cli_usage_error ("export", clash);
      goto out;
    }
  if (args.storyboard && zopa_cli_is_standard_stream (args.output))
    {
      status = zopa_cli_usage_error ("export", _("--storyboard writes files: -o OUT.pdf, OUT.png or OUT.svg"));
      goto out;
    }
  if (!zopa_cli_output_format (args.output, args.format, &format, &message))
    {
      status = zopa_cli_usage_error ("export", message);
      goto out;
    }
  if (g_strcmp0 (args.view, "bargaining") == 0)
    {
      g_auto(GStrv) pair = args.actors != NULL ? zopa_cli_split_ids (args.actors) : NULL;

      view = 2;
      if (pair != NULL && g_strv_length (pair) != 2)
        {
          status = zopa_cli_usage_error ("export", _("--view bargaining takes two actors: --actors A,B"));
          goto out;
        }
    }
  else if (!zopa_cli_parse_choice (args.view, "venn", "issue-map", &view))
    {
      status = zopa_cli_usage_error ("export", _("--view takes venn, issue-map or bargaining"));
      goto out;
    }
  if (!zopa_cli_parse_choice (args.mode, "schematic", "proportional", &mode))
    {
      status = zopa_cli_usage_error ("export", _("--mode takes schematic or proportional"));
      goto out;
    }
  if (!zopa_cli_parse_choice (args.theme, "light", "dark", &theme))
    {
      status = zopa_cli_usage_error ("export", _("--theme takes light or dark"));
      goto out;
    }
  if (!zopa_cli_parse_choice (args.background, "opaque", "transparent", &background))
    {
      status = zopa_cli_usage_error ("export", _("--background takes opaque or transparent"));
      goto out;
    }
  if (!isfinite (args.width) || !isfinite (args.height) || args.width < 16 || args.height < 16 ||
      args.width > 16384 || args.height > 16384)
    {
      status = zopa_cli_usage_error ("export", _("--width and --height must be between 16 and 16384"));
      goto out;
    }
  if (!isfinite (args.scale) || args.scale <= 0 || args.scale > 8 ||
      args.width * args.scale > 32767 || args.height * args.scale > 32767)
    {
      status = zopa_cli_usage_error ("export", _("--scale must be above 0 and at most 8, and the image at most 32767 pixels a side"));
      goto out;
    }

  if (args.storyboard)
    {
      status = export_storyboard (&args, format, theme, background);
      goto out;
    }

  status = zopa_cli_load_analysis ("export", args.files != NULL ? args.files[0] : NULL, args.variant, args.actors,
                                   &scenario, &analysis);
  if (status != ZOPA_EXIT_OK)
    goto out;

  zopa_diagram_options_init (&options);
  options.view = view == 0 ? ZOPA_DIAGRAM_VIEW_VENN
               : view == 1 ? ZOPA_DIAGRAM_VIEW_ISSUE_MAP : ZOPA_DIAGRAM_VIEW_BARGAINING;
  options.mode = mode == 0 ? ZOPA_DIAGRAM_MODE_SCHEMATIC : ZOPA_DIAGRAM_MODE_PROPORTIONAL;
  options.theme = theme == 0 ? ZOPA_DIAGRAM_THEME_LIGHT : ZOPA_DIAGRAM_THEME_DARK;
  options.background = background == 0 ? ZOPA_DIAGRAM_BACKGROUND_OPAQUE : ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT;
  options.width = args.width;
  options.height = args.height;
  options.title = args.title;
  options.headline = args.headline;
  if (args.drafts != NULL)
    {
      draft_ids = zopa_cli_split_ids (args.drafts);
      options.draft_ids = (const char * const *) draft_ids;
    }
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  if (diagram == NULL)
    {
      fprintf (stderr, "zopa-cli export: %s\n", error->message);
      status = ZOPA_EXIT_INVALID;
      goto out;
    }

  if (zopa_cli_is_standard_stream (args.output))
    {
      g_autoptr(GBytes) bytes = zopa_diagram_export_bytes (diagram, format, args.scale, &error);

      if (bytes == NULL || !zopa_cli_write_bytes_to_stdout (bytes, &error))
        {
          fprintf (stderr, "zopa-cli export: error: %s\n", error->message);
          status = ZOPA_EXIT_INVALID;
        }
      goto out;
    }
  out = g_file_new_for_commandline_arg (args.output);
  if (!zopa_diagram_export_file (diagram, out, format, args.scale, NULL, &error))
    {
      fprintf (stderr, "%s: error: %s\n", args.output, error->message);
      status = ZOPA_EXIT_INVALID;
      goto out;
    }

out:
  export_args_clear (&args);
  return status;
}
