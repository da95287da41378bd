/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zopa-cli import-stances FILE STANCES.csv [-o OUT]
 *
 * Updates actors' stances from a spreadsheet table (zopa_scenario_import_stances(), the
 * columns in docs/file-format.md) and writes the scenario: to OUT, or back to FILE, through
 * an atomic replace; to standard output with "-o -" or when FILE is "-". Any bad row leaves
 * every file as it was: each is reported as "STANCES.csv:LINE:COL: error: …".
 */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "model/zopa-stance-import.h"
#include "zopa-cli.h"

static GBytes *
read_table (const char  *path,
            GError     **error)
{
  if (zopa_cli_is_standard_stream (path))
    {
      g_autoptr(GInputStream) input = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (memory, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      return g_file_load_bytes (file, NULL, NULL, error);
    }
}

int
zopa_cli_import_stances (int    argc,
                         char **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the updated scenario to OUT (- for standard output) instead of back to FILE"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE STANCES.csv") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaScenario) updated = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) table = NULL;
  const char *path, *table_path, *target;
  const char *data;
  gsize length;
  guint n_rows = 0;

  context = zopa_cli_option_context_new ("import-stances", _("— update stances from a table"), entries,
                                         _("Reads a CSV table with one row per actor, issue and option, in the columns "
                                           "actor, issue, option, acceptable (yes, no or maybe) and utility (0 to 100, "
                                           "or a range such as 40–60), and sets those values in the actors' stances. "
                                           "An empty cell leaves a value as it is. The scenario is written back to FILE, "
                                           "or to OUT; nothing is written when a row is wrong. FILE or STANCES.csv “-” "
                                           "reads standard input, -o - writes to standard output.\n\n"
                                           "Exit status: 0 success, 1 invalid input (a bad row, a file that cannot be "
                                           "read or written), 2 usage error."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return zopa_cli_usage_error ("import-stances", error->message);
  if (files == NULL || g_strv_length (files) != 2)
    return zopa_cli_usage_error ("import-stances", _("a scenario FILE and a STANCES.csv table are needed"));
  path = files[0];
  table_path = files[1];
  if (zopa_cli_is_standard_stream (path) && zopa_cli_is_standard_stream (table_path))
    return zopa_cli_usage_error ("import-stances", _("only one of FILE and STANCES.csv can be standard input"));
  target = output != NULL ? output : path;

  scenario = zopa_cli_load_scenario (path);
  if (scenario == NULL)
    return ZOPA_EXIT_INVALID;
  table = read_table (table_path, &error);
  if (table == NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s: error: %s", table_path, error->message);
      g_autofree char *safe = zopa_cli_escape (line);

      fprintf (stderr, "%s\n", safe);
      return ZOPA_EXIT_INVALID;
    }

  data = g_bytes_get_data (table, &length);
  updated = zopa_scenario_import_stances (scenario, data, length, &n_rows, &problems, &error);
  if (updated == NULL)
    {
      for (guint k = 0; k < problems->len; k++)
        zopa_cli_print_problem (table_path, g_ptr_array_index (problems, k));
      return ZOPA_EXIT_INVALID;
    }

  if (zopa_cli_is_standard_stream (target))
    {
      g_autofree char *text = zopa_scenario_to_data (updated, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

      if (!zopa_cli_write_bytes_to_stdout (bytes, &error))
        {
          fprintf (stderr, "zopa-cli import-stances: error: %s\n", error->message);
          return ZOPA_EXIT_INVALID;
        }
    }
  else
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (target);

      if (!zopa_scenario_save_to_file (updated, out, NULL, &error))
        {
          g_autofree char *line = g_strdup_printf ("%s: error: %s", target, error->message);
          g_autofree char *safe = zopa_cli_escape (line);

          fprintf (stderr, "%s\n", safe);
          return ZOPA_EXIT_INVALID;
        }
    }
  fprintf (stderr, "zopa-cli import-stances: ");
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%u row applied", "%u rows applied", n_rows), n_rows);
  fprintf (stderr, "\n");
  return ZOPA_EXIT_OK;
}
