/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-points.h: counting a draft in its own numbered points, as its readers do */

#pragma once

#include "model/zopa-draft.h"

G_BEGIN_DECLS

/*
 * The point a clause number belongs to: its leading digits, without leading zeros ("13" for
 * "13(a)", "6" for "6 (new)", "7" for "07"); a number that starts with no digit ("Preamble",
 * "A.2") is a point of its own, the whole number with its spaces trimmed. Returns a newly
 * allocated string, NULL for a number that is empty or only spaces.
 */
char  *zopa_points_key_for_number (const char *number);
/*
 * How many points draft has: the distinct points of its clauses that are not deleted (a
 * deleted clause is kept for comparison only). A clause without a number is a point of its
 * own. n_agreed, when not NULL, gets how many of those points hold an agreed clause.
 */
guint  zopa_points_count          (ZopaDraft  *draft,
                                   guint      *n_agreed);

G_END_DECLS
