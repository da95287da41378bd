/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zopa-cli validate FILE...    (FILE "-" reads standard input)
 *
 * The report goes to standard output, one line per problem, in the order found:
 *   FILE:LINE:COL: error: MESSAGE      malformed JSON, bad bytes, nesting too deep
 *   FILE: error: PATH: MESSAGE         content, PATH like drafts[2].clauses[5].sets.territory
 *   FILE: error: MESSAGE               the whole file: missing, too large, newer version
 *   FILE: warning: PATH: MESSAGE       does not make the file invalid
 *   FILE: ok                           after the warnings of a valid file
 * "error", "warning" and "ok" are not translated, so scripts can read the report.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zopa-cli.h"

static char *
format_problem (const char            *path,
                const ZopaFileProblem *problem)
{
  const char *kind = problem->is_warning ? "warning" : "error";

  if (problem->line > 0)
    return g_strdup_printf ("%s:%d:%d: %s: %s", path, problem->line, problem->column, kind,
                            problem->message);
  if (problem->path != NULL && problem->path[0] != '\0')
    return g_strdup_printf ("%s: %s: %s: %s", path, kind, problem->path, problem->message);
  return g_strdup_printf ("%s: %s: %s", path, kind, problem->message);
}

void
zopa_cli_print_problem (const char            *path,
                        const ZopaFileProblem *problem)
{
  g_autofree char *line = format_problem (path, problem);
  g_autofree char *safe = zopa_cli_escape (line);

  fprintf (stderr, "%s\n", safe);
}

static void
print_validate_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: zopa-cli validate FILE…"));
  fprintf (stream, "%s\n\n", _("Checks scenario files and prints, on standard output, “FILE: ok” for each valid file, or one line per problem: “FILE:LINE:COL: error: …” for malformed JSON, “FILE: error: PATH: …” for content. Warnings are printed as “FILE: warning: …” and do not make a file invalid."));
  fprintf (stream, "%s\n\n", _("A FILE of “-” reads standard input."));
  fprintf (stream, "%s\n", _("Exit status: 0 when every file is valid, 1 when a file is not, 2 for a usage error."));
}

/* Prints the report on one file; returns TRUE when it is valid. */
static gboolean
validate_one (const char *path)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autofree char *safe_path = NULL;

  scenario = zopa_cli_read_scenario (path, &problems, &error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = format_problem (path, g_ptr_array_index (problems, i));
      g_autofree char *safe = zopa_cli_escape (line);

      printf ("%s\n", safe);
    }

  safe_path = zopa_cli_escape (path);
  if (scenario == NULL)
    {
      /* Every failure comes with its problems; this is only a safety net. */
      if (problems == NULL || problems->len == 0)
        {
          g_autofree char *message = zopa_cli_escape (error != NULL ? error->message : "");

          printf ("%s: error: %s\n", safe_path, message);
        }
      return FALSE;
    }

  printf ("%s: ok\n", safe_path);
  return TRUE;
}

int
zopa_cli_validate (int    argc,
                   char **argv)
{
  gboolean all_valid = TRUE;
  gboolean options_done = FALSE;
  int n_files = 0;

  for (int i = 1; i < argc; i++)
    {
      if (!options_done && strcmp (argv[i], "--") == 0)
        options_done = TRUE;
      else if (!options_done && (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0))
        {
          print_validate_usage (stdout);
          return ZOPA_EXIT_OK;
        }
      else if (!options_done && argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, _("zopa-cli validate: unknown option “%s”"), argv[i]);
          fprintf (stderr, "\n\n");
          print_validate_usage (stderr);
          return ZOPA_EXIT_USAGE;
        }
    }

  options_done = FALSE;
  for (int i = 1; i < argc; i++)
    {
      if (!options_done && strcmp (argv[i], "--") == 0)
        {
          options_done = TRUE;
          continue;
        }
      n_files++;
      if (!validate_one (argv[i]))
        all_valid = FALSE;
      fflush (stdout);
    }

  if (n_files == 0)
    {
      fprintf (stderr, "%s\n\n", _("zopa-cli validate: no FILE given"));
      print_validate_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }

  return all_valid ? ZOPA_EXIT_OK : ZOPA_EXIT_INVALID;
}
