/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zopa-file-problem.h"
#include "zopa-scenario.h"

G_BEGIN_DECLS

/* The rules that hold for a scenario however it was made; problems at marked paths are left out. */
void       zopa_scenario_check    (ZopaScenario *scenario,
                                   ZopaProblems *problems);

/* Checks a scenario built or edited in memory with the rules of a file (references, ranges). */
GPtrArray    *zopa_scenario_validate        (ZopaScenario *self);

G_END_DECLS
