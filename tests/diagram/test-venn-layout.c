/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the schematic Venn layouts (src/diagram/zopa-venn-layout.c). */

#include "config.h"

#include <math.h>

#include "diagram/zopa-euler.h"

/* The union fits [−1, 1]², touching it; figures without rotational symmetry have their
 * bounding box centred, the others their centre of rotation at the origin. */
static void
assert_normalised (const ZopaEllipse *shapes,
                   guint              n)
{
  double x0, y0, x1, y1;

  g_assert_true (zopa_euler_bounds (shapes, n, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat (x0, >=, -1.0 - 1e-12);
  g_assert_cmpfloat (y0, >=, -1.0 - 1e-12);
  g_assert_cmpfloat (x1, <=, 1.0 + 1e-12);
  g_assert_cmpfloat (y1, <=, 1.0 + 1e-12);
  g_assert_cmpfloat_with_epsilon (MAX (MAX (-x0, x1), MAX (-y0, y1)), 1.0, 1e-12);
  if (n != 5)
    {
      g_assert_cmpfloat_with_epsilon (x0 + x1, 0.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (y0 + y1, 0.0, 1e-12);
    }
}

/* For 1 to 5 sets every one of the 2^n − 1 regions exists, and none is a sliver: each has
 * room for a label (its inscribed disc) of a given share of the picture. */
static void
test_all_regions (void)
{
  static const double min_room[] = { 0, 0.4, 0.15, 0.09, 0.07, 0.02 };

  for (guint n = 1; n <= 5; n++)
    {
      ZopaEllipse shapes[ZOPA_EULER_MAX_SETS];
      double areas[ZOPA_EULER_MAX_REGIONS], total = 0.0;
      guint64 present = zopa_venn_layout_schematic (n, shapes);
      guint64 all = ((G_GUINT64_CONSTANT (1) << (1u << n)) - 1) & ~G_GUINT64_CONSTANT (1);

      g_assert_cmpuint (present, ==, all);
      assert_normalised (shapes, n);
      g_assert_true (zopa_euler_region_areas (shapes, n, areas));
      for (guint r = 1; r < (1u << n); r++)
        total += areas[r];
      for (guint r = 1; r < (1u << n); r++)
        {
          double x, y, radius;

          g_assert_cmpfloat (areas[r], >, 1e-3 * total);
          g_assert_true (zopa_euler_region_label_point (shapes, n, r, &x, &y, &radius));
          g_assert_cmpuint (zopa_euler_point_mask (shapes, n, x, y), ==, r);
          g_assert_cmpfloat (radius, >=, min_room[n]);
        }
    }
}

static void
test_symmetry (void)
{
  ZopaEllipse shapes[ZOPA_EULER_MAX_SETS];
  double areas[ZOPA_EULER_MAX_REGIONS];

  /* Two and three equal circles. */
  zopa_venn_layout_schematic (2, shapes);
  g_assert_cmpfloat (shapes[0].a, ==, shapes[1].a);
  g_assert_cmpfloat_with_epsilon (shapes[0].x, -shapes[1].x, 1e-12);
  /* Centres one radius apart: the classic two-set picture. */
  g_assert_cmpfloat_with_epsilon (shapes[1].x - shapes[0].x, shapes[0].a, 1e-9);
  zopa_venn_layout_schematic (3, shapes);
  for (guint k = 0; k < 3; k++)
    {
      g_assert_cmpfloat_with_epsilon (shapes[k].a, shapes[0].a, 1e-12);
      g_assert_cmpfloat (shapes[k].a, ==, shapes[k].b);
    }
  g_assert_cmpfloat_with_epsilon (hypot (shapes[0].x - shapes[1].x, shapes[0].y - shapes[1].y),
                                  hypot (shapes[1].x - shapes[2].x, shapes[1].y - shapes[2].y),
                                  1e-12);

  /* Four ellipses mirrored across the vertical axis. */
  zopa_venn_layout_schematic (4, shapes);
  g_assert_cmpfloat_with_epsilon (shapes[0].x, -shapes[3].x, 1e-12);
  g_assert_cmpfloat_with_epsilon (shapes[1].x, -shapes[2].x, 1e-12);
  g_assert_cmpfloat_with_epsilon (shapes[0].y, shapes[3].y, 1e-12);
  g_assert_cmpfloat_with_epsilon (shapes[0].phi + shapes[3].phi, G_PI, 1e-12);

  /* Five ellipses, each the previous one turned by 72° about the centre; so regions of the
   * same number of sets come in groups of five equal areas. */
  zopa_venn_layout_schematic (5, shapes);
  for (guint k = 0; k < 5; k++)
    {
      const ZopaEllipse *p = &shapes[k], *q = &shapes[(k + 1) % 5];
      double turn = 2.0 * G_PI / 5.0;
      double dphi = fmod (q->phi - p->phi - turn + 4.0 * G_PI, G_PI);

      g_assert_cmpfloat_with_epsilon (q->x, p->x * cos (turn) - p->y * sin (turn), 1e-12);
      g_assert_cmpfloat_with_epsilon (q->y, p->x * sin (turn) + p->y * cos (turn), 1e-12);
      g_assert_cmpfloat_with_epsilon (q->a, p->a, 1e-12);
      g_assert_cmpfloat (MIN (dphi, G_PI - dphi), <, 1e-9);
    }
  zopa_euler_region_areas (shapes, 5, areas);
  for (guint r = 1; r < 32; r++)
    {
      guint rot = ((r << 1) | (r >> 4)) & 31;
      g_assert_cmpfloat_with_epsilon (areas[r], areas[rot], 1e-9);
    }
}

/* Six sets: no Venn diagram of six ellipses exists (they cross in at most 60 points, a
 * simple Venn diagram of six curves needs 62), so some regions are missing; the returned
 * mask says which, and matches the areas. */
static void
test_six (void)
{
  ZopaEllipse shapes[ZOPA_EULER_MAX_SETS];
  double areas[ZOPA_EULER_MAX_REGIONS], total = 0.0;
  guint64 present = zopa_venn_layout_schematic (6, shapes);
  guint count = 0;

  assert_normalised (shapes, 6);
  zopa_euler_region_areas (shapes, 6, areas);
  for (guint r = 1; r < 64; r++)
    total += areas[r];
  for (guint r = 1; r < 64; r++)
    {
      gboolean there = (present >> r) & 1;

      g_assert_cmpint (there, ==, areas[r] > 1e-6 * total);
      count += there;
    }
  g_assert_false (present & 1);
  g_test_message ("six sets: %u of 63 regions", count);
  g_assert_cmpuint (count, >=, 52);
  g_assert_cmpuint (count, <=, 61);
}

static void
test_out_of_range (void)
{
  ZopaEllipse shapes[8];

  g_assert_cmpuint (zopa_venn_layout_schematic (0, shapes), ==, 0);
  g_assert_cmpuint (zopa_venn_layout_schematic (7, shapes), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venn/layout/all-regions", test_all_regions);
  g_test_add_func ("/venn/layout/symmetry", test_symmetry);
  g_test_add_func ("/venn/layout/six", test_six);
  g_test_add_func ("/venn/layout/out-of-range", test_out_of_range);

  return g_test_run ();
}
