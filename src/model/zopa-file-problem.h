/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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
 * The problems found in one file, in the order found. The reader marks the paths of values
 * it could not take (a wrong type, a missing member, a number out of range); the checks of
 * the model stay silent at a marked path and below it, so each problem is reported once.
 */
typedef struct {
  GPtrArray  *list;
  GHashTable *marked;
} ZopaProblems;

void      zopa_problems_init         (ZopaProblems  *self);
void      zopa_problems_clear        (ZopaProblems  *self);
/* Takes the list out of self; self must not be used afterwards except to clear it. */
GPtrArray *zopa_problems_steal       (ZopaProblems  *self);
guint     zopa_problems_count_errors (ZopaProblems  *self);
/* Sets error (ZOPA_FILE_ERROR) to the first error of the list, formatted by
 * zopa_file_problem_to_string(); FALSE when the list has none. */
gboolean  zopa_problems_set_error    (ZopaProblems  *self,
                                      GError       **error);
void      zopa_problems_mark         (ZopaProblems  *self,
                                      const char    *path);
gboolean  zopa_problems_is_marked    (ZopaProblems  *self,
                                      const char    *path);

/* A problem at a place in the text (line and column from 1). */
void      zopa_problems_add_at       (ZopaProblems  *self,
                                      ZopaFileError  code,
                                      int            line,
                                      int            column,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (5, 6);
/* A content problem at path; dropped when path is marked. */
void      zopa_problems_add_path     (ZopaProblems  *self,
                                      gboolean       is_warning,
                                      const char    *path,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (4, 5);
/* A problem of the whole file (I/O, limits, version). */
void      zopa_problems_add_file     (ZopaProblems  *self,
                                      ZopaFileError  code,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (3, 4);

/* "actors[1].stances.army-cap"; names that are not plain are written ["like this"]. */
char     *zopa_path_member           (const char    *parent,
                                      const char    *name);
char     *zopa_path_index            (const char    *parent,
                                      guint          index);

G_END_DECLS
