/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-cli: the Zopa engine without a display. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "zopa-cli.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *arguments;
  const char *summary;
} ZopaCliCommand;

static const ZopaCliCommand commands[] = {
  { "validate", zopa_cli_validate, "FILE…",
    N_("Check scenario files, one line per problem") },
  { "builtin", zopa_cli_builtin, "",
    N_("Print the built-in scenario as a file") },
  { "analyze", zopa_cli_analyze, "[FILE] [--variant ID] [--actors ID,…] [--json | --csv]",
    N_("Verdicts, regions, the ZOPA and what must change") },
  { "export", zopa_cli_export, "[FILE] -o OUT.png|svg|pdf|- [--format png|svg|pdf] [--view venn|issue-map|bargaining] …",
    N_("Draw a diagram into a PNG, SVG or PDF file") },
  { "compare", zopa_cli_compare, "[FILE] LEFT RIGHT [-o OUT.png|svg|pdf|-] [--json] …",
    N_("Compare two drafts clause by clause") },
  { "import-stances", zopa_cli_import_stances, "FILE STANCES.csv [-o OUT|-]",
    N_("Update actors’ stances from a CSV table") },
  { "euler-fit", zopa_cli_euler_fit, "CASES.json [--shape circle|ellipse] [--runs N] [--max-axis-ratio R]",
    N_("Fit area-proportional Euler diagrams") },
};

/* Each command on its own line, its summary indented below: no columns to keep aligned. */
static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: zopa-cli COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %s%s%s\n      %s\n", commands[i].name, *commands[i].arguments ? " " : "",
             commands[i].arguments, _(commands[i].summary));
  fprintf (stream, "  help [COMMAND]\n      %s\n", _("Show this help, or a command’s options"));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  --help\n      %s\n", _("Show this help; COMMAND --help shows a command’s options"));
  fprintf (stream, "  --version\n      %s\n", _("Show the version"));
  fprintf (stream, "\n%s\n", _("A FILE of “-” reads standard input; “-o -” writes to standard output."));
  fprintf (stream, "%s\n", _("Exit status: 0 success, 1 invalid input, 2 usage error."));
}

static const ZopaCliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (name, commands[i].name) == 0)
      return &commands[i];
  return NULL;
}

/* "help COMMAND" is "COMMAND --help". */
static int
print_command_help (int    argc,
                    char **argv)
{
  const ZopaCliCommand *command = find_command (argv[0]);
  char *help_argv[] = { argv[0], (char *) "--help", NULL };

  if (argc > 1)
    {
      fprintf (stderr, "%s\n", _("Usage: zopa-cli help [COMMAND]"));
      return ZOPA_EXIT_USAGE;
    }
  if (command == NULL)
    {
      fprintf (stderr, _("zopa-cli: unknown command “%s”"), argv[0]);
      fprintf (stderr, "\n\n");
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }
  return command->run (2, help_argv);
}

ZopaScenario *
zopa_cli_load_scenario (const char *path)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ZopaScenario *scenario;

  if (path == NULL)
    return zopa_scenario_load_builtin ();

  scenario = zopa_cli_read_scenario (path, &problems, &error);
  if (scenario == NULL)
    {
      if (problems != NULL && problems->len > 0)
        {
          for (guint i = 0; i < problems->len; i++)
            {
              ZopaFileProblem *problem = g_ptr_array_index (problems, i);
              if (!problem->is_warning)
                zopa_cli_print_problem (path, problem);
            }
        }
      else
        {
          g_autofree char *line = g_strdup_printf ("%s: error: %s", path, error->message);
          g_autofree char *safe = zopa_cli_escape (line);

          fprintf (stderr, "%s\n", safe);
        }
    }
  return scenario;
}

int
zopa_cli_builtin (int argc, char **argv)
{
  g_autoptr(GBytes) data = NULL;
  gsize length;
  const char *bytes;

  if (argc == 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      printf ("%s\n\n%s\n", _("Usage: zopa-cli builtin"), _("Print the built-in scenario as a file"));
      return ZOPA_EXIT_OK;
    }
  if (argc > 1)
    {
      fprintf (stderr, "%s\n", _("Usage: zopa-cli builtin"));
      return ZOPA_EXIT_USAGE;
    }
  data = zopa_scenario_get_builtin_data ();
  bytes = g_bytes_get_data (data, &length);
  fwrite (bytes, 1, length, stdout);
  return ZOPA_EXIT_OK;
}

int
main (int argc, char **argv)
{
  const ZopaCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }
  if (strcmp (argv[1], "help") == 0 && argc > 2)
    return print_command_help (argc - 2, argv + 2);
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return ZOPA_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("zopa-cli %s\n", PACKAGE_VERSION);
      return ZOPA_EXIT_OK;
    }
  command = find_command (argv[1]);
  if (command != NULL)
    return command->run (argc - 1, argv + 1);

  fprintf (stderr, _("zopa-cli: unknown command “%s”"), argv[1]);
  fprintf (stderr, "\n\n");
  print_usage (stderr);
  return ZOPA_EXIT_USAGE;
}
