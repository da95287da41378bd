/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of region outlines, label points and markers (src/diagram/zopa-euler-region.c). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "diagram/zopa-euler.h"

/* Distance from (x, y) to the boundary of shape e, from a dense sampling of it. */
static double
boundary_distance (const ZopaEllipse *e,
                   double             x,
                   double             y)
{
  double best = G_MAXDOUBLE, c = cos (e->phi), s = sin (e->phi);

  for (guint i = 0; i < 4096; i++)
    {
      double t = 2.0 * G_PI * i / 4096;
      double px = e->x + c * e->a * cos (t) - s * e->b * sin (t);
      double py = e->y + s * e->a * cos (t) + c * e->b * sin (t);

      best = MIN (best, hypot (px - x, py - y));
    }
  return best;
}

/* Distance from (x, y) to the nearest edge of any shape: a lower bound of the distance to
 * the region's own edges, and equal to it when (x, y) is inside the region. */
static double
edge_distance (const ZopaEllipse *shapes,
               guint              n,
               double             x,
               double             y)
{
  double best = G_MAXDOUBLE;

  for (guint k = 0; k < n; k++)
    best = MIN (best, boundary_distance (&shapes[k], x, y));
  return best;
}

static void
fitted_diagram (ZopaEllipse *shapes)
{
  /* eulerr's three-set benchmark, fitted with ellipses. */
  double wanted[8] = { 0, 40, 30, 10, 20, 8, 6, 3 };
  ZopaEulerFit fit;

  g_assert_true (zopa_euler_fit (wanted, 3, ZOPA_EULER_SHAPE_ELLIPSE, &fit, NULL));
  memcpy (shapes, fit.shapes, 3 * sizeof (ZopaEllipse));
}

/* The label point is inside its region and as far from the edges as it says; no grid point
 * of the region is much farther from them. */
static void
test_label_point (void)
{
  ZopaEllipse shapes[ZOPA_EULER_MAX_SETS];

  for (guint which = 0; which < 3; which++)
    {
      guint n = which == 0 ? 3 : which == 1 ? 4 : 3;

      if (which == 2)
        fitted_diagram (shapes);
      else
        zopa_venn_layout_schematic (n, shapes);

      for (guint r = 1; r < (1u << n); r++)
        {
          double x, y, radius, x0, y0, x1, y1, best = 0.0;

          g_assert_true (zopa_euler_region_label_point (shapes, n, r, &x, &y, &radius));
          g_assert_cmpuint (zopa_euler_point_mask (shapes, n, x, y), ==, r);
          g_assert_cmpfloat (radius, >, 0.0);
          g_assert_cmpfloat_with_epsilon (radius, edge_distance (shapes, n, x, y), 2e-3 * radius);

          zopa_euler_bounds (shapes, n, &x0, &y0, &x1, &y1);
          for (guint i = 0; i < 24; i++)
            for (guint j = 0; j < 24; j++)
              {
                double px = x0 + (x1 - x0) * (i + 0.5) / 24, py = y0 + (y1 - y0) * (j + 0.5) / 24;

                if (zopa_euler_point_mask (shapes, n, px, py) == r)
                  best = MAX (best, edge_distance (shapes, n, px, py));
              }
          g_assert_cmpfloat (radius, >=, 0.999 * best);
        }
    }
}

/* k markers: each disc inside the region (its centre there, the edges at least the radius
 * away), no two overlapping. */
static void
test_markers (void)
{
  ZopaEllipse shapes[ZOPA_EULER_MAX_SETS];

  for (guint which = 0; which < 3; which++)
    {
      guint n = which == 0 ? 3 : which == 1 ? 5 : 3;

      if (which == 2)
        fitted_diagram (shapes);
      else
        zopa_venn_layout_schematic (n, shapes);

      for (guint r = 1; r < (1u << n); r += (n == 5 ? 3 : 1))
        for (guint k = 1; k <= 7; k += 2)
          {
            double xy[14], radius = 0.0, pole_radius, px, py;

            g_assert_true (zopa_euler_region_place_markers (shapes, n, r, k, xy, &radius));
            g_assert_true (zopa_euler_region_label_point (shapes, n, r, &px, &py, &pole_radius));
            g_assert_cmpfloat (radius, >, 0.0);
            g_assert_cmpfloat (radius, <=, pole_radius * (1.0 + 1e-9));
            if (k == 1)
              g_assert_cmpfloat (radius, ==, pole_radius);
            /* Several markers still get a fair share of the room. */
            g_assert_cmpfloat (radius, >=, pole_radius / (k + 1.0));
            for (guint i = 0; i < k; i++)
              {
                g_assert_cmpuint (zopa_euler_point_mask (shapes, n, xy[2 * i], xy[2 * i + 1]), ==, r);
                g_assert_cmpfloat (edge_distance (shapes, n, xy[2 * i], xy[2 * i + 1]), >=,
                                   radius * (1.0 - 2e-3));
                for (guint j = 0; j < i; j++)
                  g_assert_cmpfloat (hypot (xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]),
                                     >=, 2.0 * radius * (1.0 - 1e-9));
              }
          }
    }
}

/* Filling each region's path paints exactly the pixels whose centres are in the region
 * (but for anti-aliased edge pixels), and the painted share matches the exact area. */
static void
test_paths (void)
{
  ZopaEllipse shapes[ZOPA_EULER_MAX_SETS];
  const int size = 400;

  for (guint which = 0; which < 3; which++)
    {
      guint n = which == 0 ? 4 : which == 1 ? 5 : 3;
      double areas[ZOPA_EULER_MAX_REGIONS], x0, y0, x1, y1, scale;

      if (which == 2)
        fitted_diagram (shapes);
      else
        zopa_venn_layout_schematic (n, shapes);
      zopa_euler_region_areas (shapes, n, areas);
      zopa_euler_bounds (shapes, n, &x0, &y0, &x1, &y1);
      scale = (size - 2) / MAX (x1 - x0, y1 - y0);

      for (guint r = 1; r < (1u << n); r++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, size, size);
          cairo_t *cr = cairo_create (surface);
          const guchar *data;
          int stride;
          double painted = 0.0;
          guint wrong = 0, edge = 0;

          cairo_translate (cr, 1.0, 1.0);
          cairo_scale (cr, scale, scale);
          cairo_translate (cr, -x0, -y0);
          cairo_set_fill_rule (cr, which == 1 ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
          g_assert_true (zopa_euler_region_append_path (cr, shapes, n, r));
          cairo_fill (cr);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          data = cairo_image_surface_get_data (surface);
          stride = cairo_image_surface_get_stride (surface);

          for (int j = 0; j < size; j++)
            for (int i = 0; i < size; i++)
              {
                guint v = data[j * stride + i];
                double ux = (i + 0.5 - 1.0) / scale + x0, uy = (j + 0.5 - 1.0) / scale + y0;
                gboolean inside = zopa_euler_point_mask (shapes, n, ux, uy) == r;

                painted += v / 255.0;
                if (v != 0 && v != 255)
                  edge++;
                else if ((v == 255) != inside)
                  wrong++;
              }
          cairo_surface_destroy (surface);

          g_assert_cmpuint (wrong, <=, 2);
          g_assert_cmpfloat_with_epsilon (painted / (scale * scale), areas[r],
                                          MAX (0.02 * areas[r], 2.0 * edge / (scale * scale) * 0.1));
        }
    }
}

static void
test_empty_region (void)
{
  ZopaEllipse shapes[2] = { { 0, 0, 1, 1, 0 }, { 5, 0, 1, 1, 0 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 10, 10);
  cairo_t *cr = cairo_create (surface);
  double x = 0, y = 0, radius = 0, xy[4];

  g_assert_false (zopa_euler_region_append_path (cr, shapes, 2, 3));
  g_assert_false (cairo_has_current_point (cr));
  g_assert_false (zopa_euler_region_label_point (shapes, 2, 3, &x, &y, &radius));
  g_assert_false (zopa_euler_region_place_markers (shapes, 2, 3, 2, xy, &radius));
  g_assert_false (zopa_euler_region_place_markers (shapes, 2, 1, 0, xy, &radius));
  g_assert_false (zopa_euler_region_append_path (cr, shapes, 2, 0));
  g_assert_false (zopa_euler_region_append_path (cr, shapes, 2, 4));
  g_assert_true (zopa_euler_region_append_path (cr, shapes, 2, 1));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A region with a hole: the annulus of a circle around a smaller one. */
static void
test_hole (void)
{
  ZopaEllipse shapes[2] = { { 0, 0, 2, 2, 0 }, { 0.3, 0, 0.8, 0.8, 0 } };
  double x, y, radius;

  g_assert_true (zopa_euler_region_label_point (shapes, 2, 1, &x, &y, &radius));
  g_assert_cmpuint (zopa_euler_point_mask (shapes, 2, x, y), ==, 1);
  /* The widest part of the ring is on the far side: 2 − 0.5 = 1.5 wide. */
  g_assert_cmpfloat_with_epsilon (radius, 0.75, 2e-3);
  g_assert_cmpfloat (x, <, 0.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/euler/region/label-point", test_label_point);
  g_test_add_func ("/euler/region/markers", test_markers);
  g_test_add_func ("/euler/region/paths", test_paths);
  g_test_add_func ("/euler/region/empty", test_empty_region);
  g_test_add_func ("/euler/region/hole", test_hole);

  return g_test_run ();
}
