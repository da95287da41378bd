/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "zopa-file-problem.h"
#include "zopa-scenario.h"

G_BEGIN_DECLS

/* The scenario a parsed file describes, or NULL when its format or version is not ours;
 * wrong types, missing members and numbers out of range go into problems, their paths marked. */
ZopaScenario *zopa_scenario_from_json (JsonNode     *root,
                                       ZopaProblems *problems);

G_END_DECLS
