#pragma once

#include <json-glib/json-glib.h>

#include "zopa-file-problem.h"

G_BEGIN_DECLS

/*
 * Reads one JSON value filling the whole text (a byte order mark and whitespace around it
 * allowed), strictly: the size limit, UTF-8, the nesting limit, no duplicate member names,
 * no trailing text. The first problem found goes into problems ("LINE:COL" for a malformed
 * place) and NULL is returned.
 */
JsonNode *zopa_json_parse_checked (const char   *data,
                                   gsize         length,
                                   ZopaProblems *problems);

/* The same for text that is not a scenario file: the first problem goes into error
 * (ZOPA_FILE_ERROR, "LINE:COL: message" for a malformed place). */
JsonNode *zopa_json_parse_strict  (const char   *data,
                                   gsize         length,
                                   GError      **error);

G_END_DECLS
