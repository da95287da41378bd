/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-new-scenario.h: New Scenario, blank or the example, in a window of its own */

#pragma once

#include <adwaita.h>

#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * A valid scenario to start from: one actor, one issue with two options, no drafts or
 * variants, titled "Untitled Scenario". Everything in it can be renamed and edited.
 */
ZopaScenario     *zopa_new_scenario_blank  (void);
/*
 * Asks on parent whether to start from a blank scenario or from the example (the built-in
 * scenario) and opens the choice in a new window of application.
 */
AdwMessageDialog *zopa_new_scenario_choose (GtkApplication *application,
                                            GtkWindow      *parent);

G_END_DECLS
