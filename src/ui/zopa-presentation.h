/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-presentation.h: the scenario's storyboard shown full screen, a frame at a time */

#pragma once

#include <adwaita.h>

#include "model/zopa-scenario.h"

G_BEGIN_DECLS

#define ZOPA_TYPE_PRESENTATION (zopa_presentation_get_type ())
G_DECLARE_FINAL_TYPE (ZopaPresentation, zopa_presentation, ZOPA, PRESENTATION, AdwWindow)

/*
 * A full-screen window over parent that prepares the storyboard of scenario (solving on a
 * worker thread; closing the window stops that) and then shows its frames one by one,
 * stepped by the keyboard: Right, Down, Page Down, Space or Return for the next, Left, Up,
 * Page Up or BackSpace for the previous, Home and End for the first and last, Escape or F5
 * to leave. A storyboard that cannot be drawn shows why in the window.
 */
ZopaPresentation *zopa_presentation_new          (GtkWindow        *parent,
                                                  ZopaScenario     *scenario);

/* The frame shown, from 0; and how many there are (0 until the storyboard is ready). */
guint             zopa_presentation_get_position (ZopaPresentation *self);
guint             zopa_presentation_get_n_frames (ZopaPresentation *self);
/* Shows another frame, crossfading to it when animations are on; clamped to the frames. */
void              zopa_presentation_show_frame   (ZopaPresentation *self,
                                                  guint             position);

G_END_DECLS
