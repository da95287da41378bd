#pragma once

#include <gio/gio.h>

#include "zopa-scenario.h"

G_BEGIN_DECLS

#define ZOPA_FILE_MAX_SIZE  (32 * 1024 * 1024)
#define ZOPA_FILE_MAX_DEPTH 64

#define ZOPA_FILE_ERROR (zopa_file_error_quark ())
GQuark zopa_file_error_quark (void);

typedef enum {
  ZOPA_FILE_ERROR_SYNTAX,     /* malformed JSON; message begins "LINE:COL: " */
  ZOPA_FILE_ERROR_INVALID,    /* content; message begins with a path like "drafts[2].clauses[5]: " */
  ZOPA_FILE_ERROR_VERSION,    /* a newer format version */
  ZOPA_FILE_ERROR_TOO_LARGE,  /* over ZOPA_FILE_MAX_SIZE */
  ZOPA_FILE_ERROR_TOO_DEEP,   /* nesting over ZOPA_FILE_MAX_DEPTH */
  ZOPA_FILE_ERROR_ENCODING,   /* not UTF-8 */
  ZOPA_FILE_ERROR_IO,         /* missing, unreadable, a directory, a failed write */
} ZopaFileError;

/*
 * One problem found while loading. Warnings do not stop a load. Malformed JSON has a line
 * and column (1-based); content problems have a path such as "drafts[2].clauses[5].sets.territory"
 * ("" for the top level); I/O and limit problems have neither.
 */
typedef struct {
  ZopaFileError code;
  gboolean      is_warning;
  int           line;      /* 0 when none */
  int           column;
  char         *path;      /* NULL when none */
  char         *message;   /* what is wrong and what was expected, without the place */
} ZopaFileProblem;

void  zopa_file_problem_free      (ZopaFileProblem *problem);
/* "LINE:COL: message", "PATH: message" or "message": the place, then what. */
char *zopa_file_problem_to_string (const ZopaFileProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZopaFileProblem, zopa_file_problem_free)

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

/* Checks a scenario built or edited in memory with the rules of a file (references, ranges). */
GPtrArray    *zopa_scenario_validate        (ZopaScenario *self);

G_END_DECLS
