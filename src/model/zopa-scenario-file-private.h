#pragma once

#include <json-glib/json-glib.h>

#include "zopa-scenario-file.h"

G_BEGIN_DECLS

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

/* The shortest text that reads back as the same double. */
char     *zopa_format_double         (double         value);

/* zopa-scenario-reader.c: byte checks, strict JSON syntax, and JSON to model. */
JsonNode     *zopa_json_parse_checked (const char   *data,
                                       gsize         length,
                                       ZopaProblems *problems);
ZopaScenario *zopa_scenario_from_json (JsonNode     *root,
                                       ZopaProblems *problems);

/* zopa-scenario-file.c: the rules that hold for a scenario however it was made. */
void          zopa_scenario_check     (ZopaScenario *scenario,
                                       ZopaProblems *problems);

/* zopa-scenario-writer.c */
char         *zopa_scenario_write_json (ZopaScenario *scenario,
                                        gsize        *length);

/* Member names of each object, in the order they are written. */
extern const char * const zopa_scenario_members[];
extern const char * const zopa_source_members[];
extern const char * const zopa_issue_members[];
extern const char * const zopa_option_members[];
extern const char * const zopa_actor_members[];
extern const char * const zopa_stance_members[];
extern const char * const zopa_draft_members[];
extern const char * const zopa_clause_members[];
extern const char * const zopa_variant_members[];
extern const char * const zopa_change_members[];

G_END_DECLS
