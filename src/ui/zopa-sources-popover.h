/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * The sources an actor cites, beside one of its values: each with its title, publisher and
 * date, and a button that opens its link. Shows the sources as they were when it was made.
 */
#define ZOPA_TYPE_SOURCES_POPOVER (zopa_sources_popover_get_type ())
G_DECLARE_FINAL_TYPE (ZopaSourcesPopover, zopa_sources_popover, ZOPA, SOURCES_POPOVER, GtkPopover)

GtkWidget *zopa_sources_popover_new (ZopaScenario *scenario,
                                     ZopaActor    *actor);

G_END_DECLS
