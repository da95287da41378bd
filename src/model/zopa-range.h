/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A value the evidence pins down only to [low, high] (low == high for a plain value).
 * ranged tells whether it is written as a range "[low, high]" in a file, so that a file
 * keeps its form through a load and a save.
 */
typedef struct {
  int      low;
  int      high;
  gboolean ranged;
} ZopaRange;

/* Whether the range holds more than one value. */
static inline gboolean
zopa_range_is_uncertain (ZopaRange range)
{
  return range.low != range.high;
}

G_END_DECLS
