/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zopa-file-problem.h"
#include "zopa-scenario.h"
#include "zopa-scenario-validator.h"

G_BEGIN_DECLS

/*
 * Parses and validates a whole file. On success returns the scenario; problems (if not
 * NULL) receives the warnings. On failure returns NULL, sets error (ZOPA_FILE_ERROR) to the
 * first problem, its message formatted by zopa_file_problem_to_string(), and problems
 * receives every error and warning found, one ZopaFileProblem per problem.
 */
ZopaScenario *zopa_scenario_load_from_data  (const char   *data,
                                             gsize         length,
                                             GPtrArray   **problems,
                                             GError      **error);
ZopaScenario *zopa_scenario_load_from_file  (GFile        *file,
                                             GPtrArray   **problems,
                                             GError      **error);
/* The same, and data (if not NULL) receives the bytes read, on success only. */
ZopaScenario *zopa_scenario_load_from_file_full (GFile      *file,
                                                 GBytes    **data,
                                                 GPtrArray **problems,
                                                 GError    **error);
/* The same from a stream read to its end, such as standard input. */
ZopaScenario *zopa_scenario_load_from_stream (GInputStream *stream,
                                              GPtrArray   **problems,
                                              GError      **error);
/* The scenario shipped inside the program. */
ZopaScenario *zopa_scenario_load_builtin    (void);
GBytes       *zopa_scenario_get_builtin_data (void);

/* Stable member order, two-space indentation, final newline. */
char         *zopa_scenario_to_data         (ZopaScenario *self, gsize *length);
/* A failed save leaves the previous file intact; owner, group, mode, symbolic and hard links
 * are kept (zopa-file-replace.c). */
gboolean      zopa_scenario_save_to_file    (ZopaScenario *self,
                                             GFile        *file,
                                             GCancellable *cancellable,
                                             GError      **error);

G_END_DECLS
