/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-cli-options.c: option parsing and output shared by the commands
 *
 * export and compare take the same [FILE] --variant --actors, report usage errors the same
 * way and print JSON the same way; the pieces live here once so the commands agree.
 */

#include "config.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zopa-cli.h"

gboolean
zopa_cli_is_standard_stream (const char *path)
{
  return path != NULL && strcmp (path, "-") == 0;
}

ZopaScenario *
zopa_cli_read_scenario (const char  *path,
                        GPtrArray  **problems,
                        GError     **error)
{
  if (zopa_cli_is_standard_stream (path))
    {
      g_autoptr(GInputStream) input = g_unix_input_stream_new (0, FALSE);

      return zopa_scenario_load_from_stream (input, problems, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      return zopa_scenario_load_from_file (file, problems, error);
    }
}

gboolean
zopa_cli_output_format (const char        *output,
                        const char        *format_name,
                        ZopaDiagramFormat *format,
                        const char       **message)
{
  static const char * const names[] = { "png", "svg", "pdf" };
  static const ZopaDiagramFormat formats[] = {
    ZOPA_DIAGRAM_FORMAT_PNG, ZOPA_DIAGRAM_FORMAT_SVG, ZOPA_DIAGRAM_FORMAT_PDF
  };

  if (format_name != NULL)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
        if (g_ascii_strcasecmp (format_name, names[i]) == 0)
          {
            *format = formats[i];
            return TRUE;
          }
      *message = _("--format takes png, svg or pdf");
      return FALSE;
    }
  if (zopa_cli_is_standard_stream (output))
    {
      *message = _("writing to standard output (-o -) needs --format png, svg or pdf");
      return FALSE;
    }
  if (!zopa_diagram_format_from_filename (output, format))
    {
      *message = _("the output must end in .png, .svg or .pdf, or --format must name the format");
      return FALSE;
    }
  return TRUE;
}

gboolean
zopa_cli_write_bytes_to_stdout (GBytes  *bytes,
                                GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot write to standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

GOptionContext *
zopa_cli_option_context_new (const char         *command,
                             const char         *parameter_string,
                             const GOptionEntry *entries,
                             const char         *summary)
{
  GOptionContext *context;

  /* The usage line reads "zopa-cli COMMAND [OPTION…] …". */
  if (g_get_prgname () == NULL)
    {
      g_autofree char *prgname = g_strdup_printf ("zopa-cli %s", command);

      g_set_prgname (prgname);
    }
  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  return context;
}

int
zopa_cli_usage_error (const char *command,
                      const char *message)
{
  fprintf (stderr, "zopa-cli %s: %s\n\n", command, message);
  fprintf (stderr, _("Run “zopa-cli %s --help” for the options."), command);
  fprintf (stderr, "\n");
  return ZOPA_EXIT_USAGE;
}

char **
zopa_cli_split_ids (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *id = g_strstrip (parts[i]);
      if (id[0] != '\0')
        g_ptr_array_add (ids, g_strdup (id));
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

gboolean
zopa_cli_parse_choice (const char *value,
                       const char *first,
                       const char *second,
                       int        *choice)
{
  if (value == NULL)
    return TRUE;
  if (strcmp (value, first) == 0)
    *choice = 0;
  else if (strcmp (value, second) == 0)
    *choice = 1;
  else
    return FALSE;
  return TRUE;
}

int
zopa_cli_load_analysis (const char     *command,
                        const char     *path,
                        const char     *variant,
                        const char     *actors,
                        ZopaScenario  **scenario_out,
                        ZopaAnalysis  **analysis_out)
{
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actor_ids = NULL;

  scenario = zopa_cli_load_scenario (path);
  if (scenario == NULL)
    return ZOPA_EXIT_INVALID;
  if (actors != NULL)
    {
      actor_ids = zopa_cli_split_ids (actors);
      if (actor_ids[0] == NULL)
        return zopa_cli_usage_error (command, _("--actors needs at least one actor id"));
    }
  else
    {
      /* A diagram shows at most ZOPA_MAX_ACTORS actors: the first ones, said on stderr. */
      GListModel *all = zopa_scenario_get_actors (scenario);
      guint n = g_list_model_get_n_items (all);

      if (n > ZOPA_MAX_ACTORS)
        {
          g_autoptr(GString) shown = g_string_new (NULL);

          actor_ids = g_new0 (char *, ZOPA_MAX_ACTORS + 1);
          for (guint a = 0; a < ZOPA_MAX_ACTORS; a++)
            {
              g_autoptr(ZopaActor) actor = g_list_model_get_item (all, a);
              actor_ids[a] = g_strdup (zopa_actor_get_id (actor));
              g_string_append_printf (shown, "%s%s", a > 0 ? ", " : "", actor_ids[a]);
            }
          fprintf (stderr, "zopa-cli %s: ", command);
          fprintf (stderr, _("the scenario has %u actors and a diagram shows at most %d: showing %s (choose others with --actors)"),
                   n, ZOPA_MAX_ACTORS, shown->str);
          fputc ('\n', stderr);
        }
    }
  if (actor_ids != NULL && g_strv_length (actor_ids) > ZOPA_MAX_ACTORS)
    {
      g_autofree char *message = g_strdup_printf (_("a diagram shows at most %d actors; --actors names %u"),
                                                  ZOPA_MAX_ACTORS, g_strv_length (actor_ids));
      return zopa_cli_usage_error (command, message);
    }
  analysis = zopa_analysis_new (scenario, variant, (const char * const *) actor_ids, &error);
  if (analysis == NULL)
    {
      g_autofree char *message = zopa_cli_escape (error->message);

      fprintf (stderr, "zopa-cli %s: %s\n", command, message);
      return ZOPA_EXIT_INVALID;
    }
  *scenario_out = g_steal_pointer (&scenario);
  *analysis_out = g_steal_pointer (&analysis);
  return ZOPA_EXIT_OK;
}
