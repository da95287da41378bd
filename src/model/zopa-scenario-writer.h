/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zopa-scenario.h"

G_BEGIN_DECLS

/* The file's text: stable member order, two-space indentation, final newline. */
char *zopa_scenario_write_json (ZopaScenario *scenario,
                                gsize        *length);

/* The shortest text that reads back as the same double. */
char *zopa_format_double       (double        value);

G_END_DECLS
