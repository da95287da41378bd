/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "model/zopa-scenario-file.h"

G_BEGIN_DECLS

/* Exit status of every command: success, invalid input (a file or an id), usage error. */
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
int zopa_cli_import_stances (int argc, char **argv);

/*
 * Text from files, made safe for a terminal (zopa-cli-text.c): control characters (C0, DEL,
 * C1) and bidirectional controls are written as "\u001B", invalid UTF-8 as "\xFF". escape()
 * is for one line and escapes line breaks too; print_report() writes a report of several
 * lines to stdout, its line breaks kept.
 */
char *zopa_cli_escape        (const char *text);
void  zopa_cli_print_report  (const char *report);

/*
 * Loads FILE, or the built-in scenario when path is NULL. On failure prints
 * "FILE: error: …" lines to stderr and returns NULL.
 */
ZopaScenario *zopa_cli_load_scenario (const char *path);

/* Prints one problem as "FILE:LINE:COL: error: …" or "FILE: error: PATH: …" to stderr. */
void          zopa_cli_print_problem (const char *path, const ZopaFileProblem *problem);

/* Shared by the commands (zopa-cli-options.c). */

/* Whether path is "-": standard input for a FILE, standard output for -o. */
gboolean        zopa_cli_is_standard_stream (const char *path);

/* Loads path, or standard input when it is "-", as zopa_scenario_load_from_file() does. */
ZopaScenario   *zopa_cli_read_scenario      (const char  *path,
                                             GPtrArray  **problems,
                                             GError     **error);

/*
 * The format of an export to output: --format when given (format_name), else the output's
 * extension; "-" (standard output) needs --format. FALSE with a usage message otherwise.
 */
gboolean        zopa_cli_output_format      (const char        *output,
                                             const char        *format_name,
                                             ZopaDiagramFormat *format,
                                             const char       **message);

/* Writes bytes to standard output and flushes it. */
gboolean        zopa_cli_write_bytes_to_stdout (GBytes  *bytes,
                                                GError **error);

/* A context for COMMAND's options, with "zopa-cli COMMAND" as the program name. */
GOptionContext *zopa_cli_option_context_new (const char         *command,
                                             const char         *parameter_string,
                                             const GOptionEntry *entries,
                                             const char         *summary);

/* Prints "zopa-cli COMMAND: MESSAGE" and where to find help; returns ZOPA_EXIT_USAGE. */
int             zopa_cli_usage_error        (const char *command,
                                             const char *message);

/* Splits "a,b,c" into ids; "" gives an empty list. */
char          **zopa_cli_split_ids          (const char *text);

/* Sets choice to 0 for first, 1 for second; NULL leaves it. FALSE for anything else. */
gboolean        zopa_cli_parse_choice       (const char *value,
                                             const char *first,
                                             const char *second,
                                             int        *choice);

/*
 * Loads FILE (the built-in scenario when path is NULL) and analyses it with --variant and
 * --actors ID,… for a diagram: at most ZOPA_MAX_ACTORS actors, the first ones (said on
 * stderr) when --actors is not given; on failure prints why and returns the exit status,
 * else ZOPA_EXIT_OK.
 */
int             zopa_cli_load_analysis      (const char     *command,
                                             const char     *path,
                                             const char     *variant,
                                             const char     *actors,
                                             ZopaScenario  **scenario,
                                             ZopaAnalysis  **analysis);

/* Sentences about readings (zopa-cli-readings.c): one per verdict, and a summary. */
void            zopa_cli_print_verdict_sentence (GString *out, ZopaAnalysis *analysis,
                                                 guint draft, guint actor);
void            zopa_cli_print_readings         (GString *out, ZopaAnalysis *analysis);

/* Prints root and a newline to stdout; pretty: indented by 2. Doubles are written as the
 * shortest text that reads back to the same value (zopa-cli-json.c). */
void            zopa_cli_print_json         (JsonNode   *root,
                                             gboolean    pretty);
/* The shortest decimal text of value that reads back to it ("null" when not finite). */
char           *zopa_cli_format_double      (double      value);

G_END_DECLS
