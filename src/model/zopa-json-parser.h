/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "zopa-file-problem.h"

G_BEGIN_DECLS

/*
 * Reads one JSON value filling the whole text (a byte order mark and whitespace around it
 * allowed), strictly: the size limit, UTF-8, the nesting limit, no trailing text (a second
 * top-level value included). Stops at the first malformed place ("LINE:COL" in problems) and
 * returns NULL. A member named twice in one object is an error in problems too, but the
 * tree, with the first value, is still returned: check problems for errors.
 */
JsonNode *zopa_json_parse_checked (const char   *data,
                                   gsize         length,
                                   ZopaProblems *problems);

G_END_DECLS
