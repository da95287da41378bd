/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-test-render.h: what the renderer's tests share: a diagram drawn into an image and
 * the colours of its pixels. */
#pragma once

#include <cairo.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"

typedef struct {
  guint8 r, g, b, a;
} Pixel;

/* The diagram of every actor of scenario (variant NULL: the base scenario) with options;
 * any error fails the test. */
ZopaDiagram     *zopa_test_diagram_new (ZopaScenario             *scenario,
                                        const char               *variant,
                                        const ZopaDiagramOptions *options);
/* The whole page at one pixel per page unit. */
cairo_surface_t *zopa_test_render   (ZopaDiagram     *diagram);
/* Un-premultiplied colour of a pixel (all 0 where it is transparent). */
Pixel            zopa_test_pixel_at (cairo_surface_t *surface,
                                     int              x,
                                     int              y);
