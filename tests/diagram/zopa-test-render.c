/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-test-render.c: see zopa-test-render.h */

#include <glib.h>
#include <math.h>

#include "zopa-test-render.h"

ZopaDiagram *
zopa_test_diagram_new (ZopaScenario             *scenario,
                       const char               *variant,
                       const ZopaDiagramOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, variant, NULL, &error);
  ZopaDiagram *diagram;

  g_assert_no_error (error);
  diagram = zopa_diagram_new (scenario, analysis, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (diagram);
  return diagram;
}

cairo_surface_t *
zopa_test_render (ZopaDiagram *diagram)
{
  int w = (int) ceil (zopa_diagram_get_width (diagram));
  int h = (int) ceil (zopa_diagram_get_height (diagram));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  zopa_diagram_draw (diagram, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

Pixel
zopa_test_pixel_at (cairo_surface_t *surface,
                    int              x,
                    int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;
  Pixel p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  v = *(const guint32 *) (data + y * stride + x * 4);
  p.a = v >> 24;
  if (p.a == 0)
    {
      p.r = p.g = p.b = 0;
      return p;
    }
  p.r = (guint8) MIN (255, ((v >> 16) & 0xff) * 255 / p.a);
  p.g = (guint8) MIN (255, ((v >> 8) & 0xff) * 255 / p.a);
  p.b = (guint8) MIN (255, (v & 0xff) * 255 / p.a);
  return p;
}
