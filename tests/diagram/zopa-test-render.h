/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-test-render.h: what the renderer's tests share: a diagram drawn into an image and
 * the colours of its pixels. */
#pragma once

#include <cairo.h>

#include "diagram/zopa-diagram.h"

typedef struct {
  guint8 r, g, b, a;
} Pixel;

/* The whole page at one pixel per page unit. */
cairo_surface_t *zopa_test_render   (ZopaDiagram     *diagram);
/* Un-premultiplied colour of a pixel (all 0 where it is transparent). */
Pixel            zopa_test_pixel_at (cairo_surface_t *surface,
                                     int              x,
                                     int              y);
