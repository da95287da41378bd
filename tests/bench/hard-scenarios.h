/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Seeded generator of the hard scenario shapes of the bounded-analysis benchmark: many
 * issues with many options, loose or tight red lines, drafts fixing part of the issues. */

#include "model/zopa-scenario.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  guint       n_actors;
  guint       n_issues;
  guint       n_options;
  double      acceptance;   /* probability that an actor accepts an option */
  guint       n_drafts;
  int         reservation_lo, reservation_hi;
} HardShape;

/* The shapes of the benchmark (NULL-name terminated). */
extern const HardShape hard_shapes[];

ZopaScenario *hard_scenario_generate (const HardShape *shape,
                                      guint32          seed);

G_END_DECLS
