/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zopa-cli compare [FILE] LEFT RIGHT [-o OUT.png|svg|pdf|-] [--format png|svg|pdf] [--json] [--variant ID]
 *                  [--actors ID,…] [--only-changes] [--width PX] [--scale N]
 *                  [--theme light|dark] [--title TEXT]
 *
 * Compares draft LEFT (the older one) with draft RIGHT clause by clause, and the verdicts
 * of the actors on both. Prints the comparison for people, or with --json as one object;
 * with -o it also draws the comparison page (PNG and SVG: one tall page; PDF: A4 landscape
 * pages), to standard output with "-o -" (then in place of the text).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis/zopa-comparison.h"
#include "diagram/zopa-comparison-render.h"
#include "zopa-cli.h"

typedef struct {
  char     *output;
  char     *format;
  gboolean  json;
  char     *variant;
  char     *actors;
  gboolean  only_changes;
  double    width;
  double    scale;
  char     *theme;
  char     *title;
  char    **positional;
} CompareArgs;

static void
compare_args_clear (CompareArgs *args)
{
  g_free (args->output);
  g_free (args->format);
  g_free (args->variant);
  g_free (args->actors);
  g_free (args->theme);
  g_free (args->title);
  g_strfreev (args->positional);
}

static void
print_indented (GString    *out,
                const char *text,
                const char *indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint k = 0; lines[k] != NULL; k++)
    g_string_append_printf (out, "%s%s\n", indent, lines[k]);
}

static char *
print_text (ZopaComparison *comparison)
{
  GString *out = g_string_new (NULL);
  g_autofree char *counts = zopa_comparison_format_counts (comparison);
  g_autofree char *sizes = zopa_comparison_format_sizes (comparison);
  guint width = 0;

  g_string_append_printf (out, "%s (%s) → %s (%s)\n",
                          zopa_comparison_get_left_title (comparison), zopa_comparison_get_left_id (comparison),
                          zopa_comparison_get_right_title (comparison), zopa_comparison_get_right_id (comparison));
  g_string_append_printf (out, _("%s (%u → %u clauses): %s"), sizes, zopa_comparison_get_n_left_clauses (comparison),
                          zopa_comparison_get_n_right_clauses (comparison), counts);
  g_string_append_c (out, '\n');

  if (zopa_comparison_get_n_actors (comparison) > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Verdicts:"));
      for (guint a = 0; a < zopa_comparison_get_n_actors (comparison); a++)
        width = MAX (width, (guint) g_utf8_strlen (zopa_comparison_get_actor (comparison, a)->name, -1));
      for (guint a = 0; a < zopa_comparison_get_n_actors (comparison); a++)
        {
          const ZopaComparisonActor *actor = zopa_comparison_get_actor (comparison, a);
          g_autofree char *change = zopa_comparison_format_actor (actor);

          g_string_append_printf (out, "  %s%*s  %s%s\n", actor->name,
                                  (int) (width - g_utf8_strlen (actor->name, -1)), "", change,
                                  actor->trend > 0 ? " ↑" : actor->trend < 0 ? " ↓" : "");
        }
      g_string_append_printf (out, "\n%s\n", _("Issues fixed differently:"));
      if (zopa_comparison_get_n_issues (comparison) == 0)
        g_string_append_printf (out, "  %s\n", _("none"));
      for (guint i = 0; i < zopa_comparison_get_n_issues (comparison); i++)
        {
          const ZopaComparisonIssue *issue = zopa_comparison_get_issue (comparison, i);
          g_string_append_printf (out, "  %s: %s → %s\n", issue->issue_title,
                                  issue->left_option_label ? issue->left_option_label : _("open"),
                                  issue->right_option_label ? issue->right_option_label : _("open"));
        }
    }

  g_string_append_printf (out, "\n%s\n", _("Clauses:"));
  for (guint k = 0; k < zopa_comparison_get_n_rows (comparison); k++)
    {
      const ZopaComparisonRow *row = zopa_comparison_get_row (comparison, k);
      g_autofree char *note = zopa_comparison_describe_row (comparison, row);
      g_autoptr(GString) left = g_string_new (NULL);
      const char *label = zopa_comparison_kind_to_label (row->kind);

      for (guint l = 0; l < row->n_left; l++)
        g_string_append_printf (left, "%s%s", l > 0 ? "+" : "", row->left[l]->number);
      if (left->len == 0)
        g_string_append (left, "–");
      g_string_append_printf (out, "  %s%*s  %6s → %-8s  %s\n", label,
                              (int) MAX (0, 10 - g_utf8_strlen (label, -1)), "", left->str,
                              row->right ? row->right->number : "–",
                              row->right ? row->right->title : row->left[0]->title);
      if (note != NULL)
        print_indented (out, note, "                                ");
    }
  return g_string_free (out, FALSE);
}

/* To the file output names, or to standard output for "-". */
static gboolean
write_render (ZopaComparisonRender *render,
              const char           *output,
              ZopaDiagramFormat     format,
              double                scale,
              GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!zopa_cli_is_standard_stream (output))
    {
      file = g_file_new_for_commandline_arg (output);
      return zopa_comparison_render_export_file (render, file, format, scale, NULL, error);
    }
  bytes = zopa_comparison_render_export_bytes (render, format, scale, error);
  return bytes != NULL && zopa_cli_write_bytes_to_stdout (bytes, error);
}

int
zopa_cli_compare (int    argc,
                  char **argv)
{
  CompareArgs args = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Also draw the comparison to OUT (.png, .svg or .pdf; - for standard output)"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format, N_("The file format of the drawing, whatever OUT ends in (needed with -o -)"), "png|svg|pdf" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, N_("Print one JSON object"), NULL },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &args.variant, N_("Apply a variant of the scenario"), N_("ID") },
    { "actors", 0, 0, G_OPTION_ARG_STRING, &args.actors, N_("The actors whose verdicts to show (default: all)"), N_("ID,…") },
    { "only-changes", 0, 0, G_OPTION_ARG_NONE, &args.only_changes, N_("Drawing: leave out the kept clauses"), NULL },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &args.width, N_("Drawing: page width in pixels (default 1280)"), N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &args.scale, N_("PNG only: pixels per page pixel (default 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &args.theme, N_("Drawing: light or dark colours (default: light)"), "light|dark" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, N_("Drawing: the title (default: “LEFT → RIGHT”)"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.positional, NULL, N_("[FILE] LEFT RIGHT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(ZopaComparison) comparison = NULL;
  const char *file = NULL, *left, *right;
  ZopaDiagramFormat format = ZOPA_DIAGRAM_FORMAT_PNG;
  const char *message = NULL;
  guint n_positional;
  int theme = 0;
  int status = ZOPA_EXIT_OK;

  args.width = 1280;
  args.scale = 1;

  context = zopa_cli_option_context_new ("compare", _("— compare two drafts clause by clause"), entries,
                                         _("Compares draft LEFT (the older one) with draft RIGHT of a scenario (the built-in one "
                                           "when no FILE is given): which clauses were kept, changed, bracketed, deleted, dropped "
                                           "or added, following “derived from”, and how each actor's verdict moved. FILE “-” reads "
                                           "standard input; -o - writes the drawing to standard output.\n\n"
                                           "Exit status: 0 success, 1 invalid input (an unknown id, a file that cannot be "
                                           "read or written), 2 usage error."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = zopa_cli_usage_error ("compare", error->message);
      goto out;
    }
  n_positional = args.positional != NULL ? g_strv_length (args.positional) : 0;
  if (n_positional < 2 || n_positional > 3)
    {
      status = zopa_cli_usage_error ("compare", _("give two draft ids, LEFT and RIGHT, after an optional FILE"));
      goto out;
    }
  if (n_positional == 3)
    file = args.positional[0];
  left = args.positional[n_positional - 2];
  right = args.positional[n_positional - 1];
  if (args.output != NULL && !zopa_cli_output_format (args.output, args.format, &format, &message))
    {
      status = zopa_cli_usage_error ("compare", message);
      goto out;
    }
  if (args.json && zopa_cli_is_standard_stream (args.output))
    {
      status = zopa_cli_usage_error ("compare", _("--json and -o - would both write to standard output; choose one"));
      goto out;
    }
  if (!zopa_cli_parse_choice (args.theme, "light", "dark", &theme))
    {
      status = zopa_cli_usage_error ("compare", _("--theme takes light or dark"));
      goto out;
    }
  if (!isfinite (args.width) || args.width < 320 || args.width > 16384)
    {
      status = zopa_cli_usage_error ("compare", _("--width must be between 320 and 16384"));
      goto out;
    }
  if (!isfinite (args.scale) || args.scale <= 0 || args.scale > 8)
    {
      status = zopa_cli_usage_error ("compare", _("--scale must be above 0 and at most 8"));
      goto out;
    }

  status = zopa_cli_load_analysis ("compare", file, args.variant, args.actors, &scenario, &analysis);
  if (status != ZOPA_EXIT_OK)
    goto out;
  comparison = zopa_comparison_new (scenario, analysis, left, right, &error);
  if (comparison == NULL)
    {
      fprintf (stderr, "zopa-cli compare: %s\n", error->message);
      status = ZOPA_EXIT_INVALID;
      goto out;
    }

  if (args.output != NULL)
    {
      ZopaComparisonRenderOptions options;
      g_autoptr(ZopaComparisonRender) render = NULL;
      zopa_comparison_render_options_init (&options);
      options.theme = theme == 0 ? ZOPA_DIAGRAM_THEME_LIGHT : ZOPA_DIAGRAM_THEME_DARK;
      options.width = args.width;
      options.only_changes = args.only_changes;
      options.title = args.title;
      render = zopa_comparison_render_new (comparison, &options, &error);
      if (render == NULL || !write_render (render, args.output, format, args.scale, &error))
        {
          fprintf (stderr, "%s: error: %s\n",
                   zopa_cli_is_standard_stream (args.output) ? "zopa-cli compare" : args.output,
                   error->message);
          status = ZOPA_EXIT_INVALID;
          goto out;
        }
    }

  if (args.json)
    {
      g_autoptr(JsonNode) root = zopa_comparison_to_json (comparison);

      zopa_cli_print_json (root, TRUE);
    }
  else if (args.output == NULL)
    {
      g_autofree char *text = print_text (comparison);
      zopa_cli_print_report (text);
    }

out:
  compare_args_clear (&args);
  return status;
}
