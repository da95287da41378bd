#pragma once

#include <glib.h>

#include "model/zopa-scenario-file.h"

G_BEGIN_DECLS

/* Exit status of every command (DESIGN.md §4). */
enum {
  ZOPA_EXIT_OK      = 0,
  ZOPA_EXIT_INVALID = 1,
  ZOPA_EXIT_USAGE   = 2,
};

/*
 * Each command gets its own argv, starting with the command's name, and returns an exit
 * status. Usage errors are printed to stderr by the command.
 */
int zopa_cli_validate  (int argc, char **argv);
int zopa_cli_builtin   (int argc, char **argv);
int zopa_cli_analyze   (int argc, char **argv);
int zopa_cli_export    (int argc, char **argv);
int zopa_cli_euler_fit (int argc, char **argv);
int zopa_cli_compare   (int argc, char **argv);

/*
 * Loads FILE, or the built-in scenario when path is NULL. On failure prints
 * "FILE: error: …" lines to stderr and returns NULL.
 */
ZopaScenario *zopa_cli_load_scenario (const char *path);

/* Prints one problem as "FILE:LINE:COL: error: …" or "FILE: error: PATH: …" to stderr. */
void          zopa_cli_print_problem (const char *path, const ZopaFileProblem *problem);

G_END_DECLS
