/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/zopa-range.h"
#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * A value the evidence may leave open, compact and keyboard friendly: one spin button by
 * default; the "±" toggle turns it into a range "from – to" (starting as [v, v]) and back
 * into one value (the low end). "from" is never above "to": raising "from" past "to" (or
 * lowering "to" below "from") moves the other end along, in sight.
 *
 * The control shows what it is given (set_range() emits nothing) and emits "edited" when
 * the user changes it; get_range() then says the new value, for the owner to write through
 * the history. With an actor, a button beside a range pops over the actor's sources.
 *
 * Accessible names, from the subject ("Moscow's reservation"): one value "Moscow's
 * reservation"; a range "Moscow's reservation, from" and "Moscow's reservation, to"; the
 * toggle "Moscow's reservation, as a range"; the sources button "Sources for Moscow's
 * reservation".
 */
#define ZOPA_TYPE_RANGE_CONTROL (zopa_range_control_get_type ())
G_DECLARE_FINAL_TYPE (ZopaRangeControl, zopa_range_control, ZOPA, RANGE_CONTROL, GtkWidget)

GtkWidget       *zopa_range_control_new           (void);
/* The highest value allowed (the lowest is 0). */
int              zopa_range_control_get_upper     (ZopaRangeControl *self);
void             zopa_range_control_set_upper     (ZopaRangeControl *self,
                                                   int               upper);
const char      *zopa_range_control_get_subject   (ZopaRangeControl *self);
void             zopa_range_control_set_subject   (ZopaRangeControl *self,
                                                   const char       *subject);
ZopaRange        zopa_range_control_get_range     (ZopaRangeControl *self);
void             zopa_range_control_set_range     (ZopaRangeControl *self,
                                                   ZopaRange         range);
/* Whose sources the sources button shows; NULL (or an actor citing none) hides it. */
void             zopa_range_control_set_sources   (ZopaRangeControl *self,
                                                   ZopaScenario     *scenario,
                                                   ZopaActor        *actor);

/* The parts, for tests. */
GtkSpinButton   *zopa_range_control_get_from_spin (ZopaRangeControl *self);
GtkSpinButton   *zopa_range_control_get_to_spin   (ZopaRangeControl *self);
GtkToggleButton *zopa_range_control_get_toggle    (ZopaRangeControl *self);
GtkMenuButton   *zopa_range_control_get_sources_button (ZopaRangeControl *self);

G_END_DECLS
