/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the exact region areas of src/diagram/zopa-euler-geometry.c. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "diagram/zopa-euler.h"
#include "diagram/zopa-euler-private.h"

/* Midpoint-rule integration on a grid of g × g cells over the shapes' bounding box. */
static void
grid_areas (const ZopaEllipse *shapes,
            guint              n,
            guint              g,
            double            *areas)
{
  double x0, y0, x1, y1, hx, hy;

  for (guint r = 0; r < (1u << n); r++)
    areas[r] = 0.0;
  g_assert_true (zopa_euler_bounds (shapes, n, &x0, &y0, &x1, &y1));
  hx = (x1 - x0) / g;
  hy = (y1 - y0) / g;
  for (guint i = 0; i < g; i++)
    for (guint j = 0; j < g; j++)
      areas[zopa_euler_point_mask (shapes, n, x0 + (i + 0.5) * hx, y0 + (j + 0.5) * hy)]
        += hx * hy;
  areas[0] = 0.0;
}

static void
random_shapes (GRand       *rand,
               guint        n,
               gboolean     circles,
               ZopaEllipse *shapes)
{
  for (guint k = 0; k < n; k++)
    {
      ZopaEllipse *e = &shapes[k];

      e->x = g_rand_double_range (rand, -1.5, 1.5);
      e->y = g_rand_double_range (rand, -1.5, 1.5);
      e->a = g_rand_double_range (rand, 0.3, 2.0);
      e->b = circles ? e->a : g_rand_double_range (rand, 0.2, 2.0);
      e->phi = circles ? 0.0 : g_rand_double_range (rand, -G_PI, G_PI);
    }
}

/* Every shape's area is the sum of the disjoint regions inside it: an exact identity that
 * any wrong crossing, arc or side assignment breaks. */
static void
assert_partition (const ZopaEllipse *shapes,
                  guint              n,
                  const double      *areas,
                  double             tol)
{
  for (guint k = 0; k < n; k++)
    {
      double sum = 0.0, want = G_PI * shapes[k].a * shapes[k].b;

      for (guint r = 1; r < (1u << n); r++)
        if (r & (1u << k))
          sum += areas[r];
      g_assert_cmpfloat_with_epsilon (sum, want, tol * want);
    }
}

static void
test_lens (void)
{
  ZopaEllipse s[2] = { { 0.0, 0.0, 1.0, 1.0, 0.0 }, { 1.2, 0.0, 0.7, 0.7, 0.0 } };
  double areas[4], d = 1.2, r1 = 1.0, r2 = 0.7;
  /* The lens as the sum of two circular segments. */
  double a1 = r1 * r1 * acos ((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
  double a2 = r2 * r2 * acos ((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
  double tri = 0.5 * sqrt ((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2));
  double lens = a1 + a2 - tri;

  g_assert_true (zopa_euler_region_areas (s, 2, areas));
  g_assert_cmpfloat (areas[0], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (areas[3], lens, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[1], G_PI - lens, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[2], G_PI * 0.49 - lens, 1e-12);
  g_assert_cmpfloat_with_epsilon (zopa_euler_lens_area (r1, r2, d), lens, 1e-12);

  /* The same pair drawn as ellipses with a == b but turned goes through the quartic. */
  s[0].phi = 0.3;
  s[1].phi = -1.1;
  g_assert_true (zopa_euler_region_areas (s, 2, areas));
  g_assert_cmpfloat_with_epsilon (areas[3], lens, 1e-12);
  s[0].b = 1.0 + 1e-13;
  g_assert_true (zopa_euler_region_areas (s, 2, areas));
  g_assert_cmpfloat_with_epsilon (areas[3], lens, 1e-9);
}

static void
test_single_and_empty (void)
{
  ZopaEllipse s[3] = {
    { 1.0, 2.0, 3.0, 0.5, 0.7 },
    { 0.0, 0.0, 0.0, 1.0, 0.0 },         /* empty: a = 0 */
    { 0.0, 0.0, NAN, 1.0, 0.0 },         /* empty: not finite */
  };
  double areas[8];

  g_assert_true (zopa_euler_region_areas (s, 3, areas));
  g_assert_cmpfloat_with_epsilon (areas[1], G_PI * 1.5, 1e-12);
  for (guint r = 2; r < 8; r++)
    g_assert_cmpfloat (areas[r], ==, 0.0);
  g_assert_false (zopa_euler_region_areas (s, 0, areas));
  g_assert_false (zopa_euler_region_areas (s, 7, areas));
  g_assert_cmpuint (zopa_euler_point_mask (s, 3, 1.0, 2.0), ==, 1);
}

/* Random circles and ellipses against a fine grid (2000 × 2000 cells: the error of the
 * midpoint rule at the edges is below 1e-3 of the box). */
static void
test_against_grid (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251125);

  for (guint trial = 0; trial < 12; trial++)
    {
      guint n = 2 + trial % 5;
      ZopaEllipse s[ZOPA_EULER_MAX_SETS];
      double exact[ZOPA_EULER_MAX_REGIONS], grid[ZOPA_EULER_MAX_REGIONS];
      double x0, y0, x1, y1, box;

      random_shapes (rand, n, trial % 3 == 0, s);
      g_assert_true (zopa_euler_region_areas (s, n, exact));
      grid_areas (s, n, 2000, grid);
      zopa_euler_bounds (s, n, &x0, &y0, &x1, &y1);
      box = (x1 - x0) * (y1 - y0);
      for (guint r = 1; r < (1u << n); r++)
        g_assert_cmpfloat_with_epsilon (exact[r], grid[r], 1e-4 * box);
      assert_partition (s, n, exact, 1e-10);
    }
}

/* Thousands of random diagrams, every one partitioned exactly. */
static void
test_partition_identity (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint trial = 0; trial < 3000; trial++)
    {
      guint n = 1 + trial % 6;
      ZopaEllipse s[ZOPA_EULER_MAX_SETS];
      double areas[ZOPA_EULER_MAX_REGIONS];

      random_shapes (rand, n, trial % 4 == 0, s);
      g_assert_true (zopa_euler_region_areas (s, n, areas));
      for (guint r = 1; r < (1u << n); r++)
        g_assert_cmpfloat (areas[r], >=, 0.0);
      assert_partition (s, n, areas, 1e-9);
    }
}

static void
test_tangency (void)
{
  double areas[8];
  /* Circles touching from outside and from inside. */
  ZopaEllipse outside[2] = { { 0, 0, 1, 1, 0 }, { 2.5, 0, 1.5, 1.5, 0 } };
  ZopaEllipse inside[2] = { { 0, 0, 2, 2, 0 }, { 1, 0, 1, 1, 0 } };
  /* An ellipse touching a circle at its vertex (2, 0), from outside and from inside, and
   * two ellipses touching at two points. */
  ZopaEllipse e_out[2] = { { 0, 0, 2, 1, 0 }, { 3, 0, 1, 1, 0 } };
  ZopaEllipse e_in[2] = { { 0, 0, 2, 1, 0 }, { 1.5, 0, 0.5, 0.5, 0 } };
  ZopaEllipse e_two[2] = { { 0, 0, 2, 1, 0 }, { 0, 0, 1, 2, 0.0 } };

  g_assert_true (zopa_euler_region_areas (outside, 2, areas));
  g_assert_cmpfloat_with_epsilon (areas[3], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[1], G_PI, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[2], G_PI * 2.25, 1e-12);

  g_assert_true (zopa_euler_region_areas (inside, 2, areas));
  g_assert_cmpfloat_with_epsilon (areas[3], G_PI, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[1], 3 * G_PI, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[2], 0.0, 1e-12);

  g_assert_true (zopa_euler_region_areas (e_out, 2, areas));
  g_assert_cmpfloat_with_epsilon (areas[3], 0.0, 1e-9);
  assert_partition (e_out, 2, areas, 1e-9);

  /* The circle of radius 0.5 at (1.5, 0) touches x²/4 + y² = 1 only at (2, 0): the
   * ellipse's curvature radius there is b²/a = 0.5. */
  g_assert_true (zopa_euler_region_areas (e_in, 2, areas));
  g_assert_cmpfloat_with_epsilon (areas[3], G_PI * 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (areas[2], 0.0, 1e-9);

  /* Crossed ellipses (a 90° turn of each other): four crossings, the lens area is
   * 4 ab atan (b/a) for a > b. */
  g_assert_true (zopa_euler_region_areas (e_two, 2, areas));
  g_assert_cmpfloat_with_epsilon (areas[3], 4.0 * 2.0 * atan (0.5), 1e-12);
}

static void
test_containment (void)
{
  ZopaEllipse s[3] = {
    { 0, 0, 4, 2, 0.3 },
    { 0.5, 0.2, 1, 0.5, 1.0 },
    { -0.5, -0.2, 0.6, 0.6, 0 },
  };
  double areas[8];

  g_assert_true (zopa_euler_region_areas (s, 3, areas));
  g_assert_cmpfloat_with_epsilon (areas[2], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[4], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[1] + areas[3] + areas[5] + areas[7], 8 * G_PI, 1e-12);
  assert_partition (s, 3, areas, 1e-12);
}

static void
test_coincident (void)
{
  /* Two identical ellipses, one of them written with its axes swapped and turned by 90°,
   * and a third crossing both. */
  ZopaEllipse s[3] = {
    { 0, 0, 2, 1, 0.4 },
    { 0, 0, 1, 2, 0.4 + G_PI / 2 },
    { 1.5, 0, 1, 1, 0 },
  };
  ZopaEllipse two[2] = { { 0, 0, 2, 1, 0.4 }, { 1.5, 0, 1, 1, 0 } };
  double areas[8], ref[4];

  g_assert_true (zopa_euler_region_areas (s, 3, areas));
  g_assert_true (zopa_euler_region_areas (two, 2, ref));
  g_assert_cmpfloat_with_epsilon (areas[1], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[2], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[5], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[6], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[3], ref[1], 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[7], ref[3], 1e-12);
  g_assert_cmpfloat_with_epsilon (areas[4], ref[2], 1e-12);

  /* Three circles that agree to rounding pairwise, but not all pairs within the tolerance
   * (1 ~ 3 and 2 ~ 3, yet 1 and 2 differ by a little more): one group all the same. */
  {
    ZopaEllipse near[4] = {
      { 4.654564064268989, 0, 5.077706251929806, 5.077706251929806, 0 },
      { -1.5515213547563298, 1.0384052414648329e-12, 1.128379167094495, 1.128379167094495, 0 },
      { -1.5515213547563296, -1.6930407610058726e-13, 1.128379167094495, 1.128379167094495, 0 },
      { -1.5515213547563296, -8.154015421179705e-14, 1.1283791670955126, 1.1283791670955126, 0 },
    };
    double a4[16], r = near[1].a;

    g_assert_true (zopa_euler_region_areas (near, 4, a4));
    g_assert_cmpfloat_with_epsilon (a4[1], G_PI * near[0].a * near[0].a, 1e-9);
    g_assert_cmpfloat_with_epsilon (a4[14], G_PI * r * r, 1e-9);
    for (guint m = 2; m < 16; m++)
      if (m != 14)
        g_assert_cmpfloat (a4[m], <, 1e-9);
  }

  /* Identical circles. */
  s[0] = s[1] = (ZopaEllipse) { 1, 1, 1, 1, 0 };
  g_assert_true (zopa_euler_region_areas (s, 3, areas));
  g_assert_cmpfloat_with_epsilon (areas[3] + areas[7], G_PI, 1e-12);
  g_assert_cmpfloat (areas[1], ==, 0.0);
  g_assert_cmpfloat (areas[2], ==, 0.0);
}

static void
test_tiny_overlap (void)
{
  double areas[4];

  for (double eps = 1e-3; eps > 1e-13; eps *= 0.01)
    {
      ZopaEllipse c[2] = { { 0, 0, 1, 1, 0 }, { 2 - eps, 0, 1, 1, 0 } };
      ZopaEllipse e[2] = { { 0, 0, 1, 0.5, 0 }, { 2 - eps, 0, 1, 0.7, 0.0 } };
      double lens = zopa_euler_lens_area (1, 1, 2 - eps);

      g_assert_true (zopa_euler_region_areas (c, 2, areas));
      g_assert_cmpfloat (areas[3], >, 0.0);
      g_assert_cmpfloat_with_epsilon (areas[3], lens, 1e-6 * lens + 1e-15);
      assert_partition (c, 2, areas, 1e-12);

      g_assert_true (zopa_euler_region_areas (e, 2, areas));
      g_assert_cmpfloat (areas[3], >=, 0.0);
      /* Two ellipses with the same a touching at x = 1 overlap by less than the circles. */
      g_assert_cmpfloat (areas[3], <=, lens * 1.0001 + 1e-15);
      assert_partition (e, 2, areas, 1e-12);
    }
}

/* The analytic derivatives of the areas against central differences. */
static void
test_gradient (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint trial = 0; trial < 40; trial++)
    {
      guint n = 2 + trial % 4;
      ZopaEllipse s[ZOPA_EULER_MAX_SETS];
      ZopaEulerArrangement arr;
      double areas[ZOPA_EULER_MAX_REGIONS];
      double grad[ZOPA_EULER_MAX_REGIONS * 5 * ZOPA_EULER_MAX_SETS];

      random_shapes (rand, n, FALSE, s);
      zopa_euler_arrangement_init (&arr, s, n);
      zopa_euler_arrangement_gradient (&arr, areas, grad);

      /* Centre coordinates: compare directly. */
      for (guint k = 0; k < n; k++)
        for (guint p = 0; p < 2; p++)
          {
            const double h = 1e-6;
            ZopaEllipse plus[ZOPA_EULER_MAX_SETS], minus[ZOPA_EULER_MAX_SETS];
            double ap[ZOPA_EULER_MAX_REGIONS], am[ZOPA_EULER_MAX_REGIONS];

            memcpy (plus, s, sizeof plus);
            memcpy (minus, s, sizeof minus);
            if (p == 0)
              {
                plus[k].x += h;
                minus[k].x -= h;
              }
            else
              {
                plus[k].y += h;
                minus[k].y -= h;
              }
            zopa_euler_region_areas (plus, n, ap);
            zopa_euler_region_areas (minus, n, am);
            for (guint r = 1; r < (1u << n); r++)
              {
                double fd = (ap[r] - am[r]) / (2 * h);
                g_assert_cmpfloat_with_epsilon (grad[r * 5 * n + 5 * k + p], fd, 1e-5);
              }
          }

      /* Scaling shape k by (1 + h) multiplies Q by (1 + h)⁻²: dA = −2 Q : ∂A/∂Q · h. */
      for (guint k = 0; k < n; k++)
        {
          const double h = 1e-6;
          ZopaEllipse plus[ZOPA_EULER_MAX_SETS], minus[ZOPA_EULER_MAX_SETS];
          double ap[ZOPA_EULER_MAX_REGIONS], am[ZOPA_EULER_MAX_REGIONS];
          double c = cos (s[k].phi), sn = sin (s[k].phi);
          double ia = 1 / (s[k].a * s[k].a), ib = 1 / (s[k].b * s[k].b);
          double qxx = c * c * ia + sn * sn * ib, qxy = c * sn * (ia - ib), qyy = sn * sn * ia + c * c * ib;

          memcpy (plus, s, sizeof plus);
          memcpy (minus, s, sizeof minus);
          plus[k].a *= 1 + h;
          plus[k].b *= 1 + h;
          minus[k].a *= 1 - h;
          minus[k].b *= 1 - h;
          zopa_euler_region_areas (plus, n, ap);
          zopa_euler_region_areas (minus, n, am);
          for (guint r = 1; r < (1u << n); r++)
            {
              const double *g = grad + r * 5 * n + 5 * k;
              double analytic = -2.0 * (qxx * g[2] + qxy * g[3] + qyy * g[4]);
              double fd = (ap[r] - am[r]) / (2 * h);

              g_assert_cmpfloat_with_epsilon (analytic, fd, 1e-5);
            }
        }
    }
}

/* The circles' own arrangement gives the areas of the general one, and its derivatives in
 * (x, y, log r) match central differences. */
static void
test_circles_path (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint trial = 0; trial < 2000; trial++)
    {
      guint n = 1 + trial % 6, np = 3 * n;
      ZopaEllipse s[ZOPA_EULER_MAX_SETS];
      ZopaEulerArrangement arr;
      ZopaEulerCircles circ;
      double x[ZOPA_EULER_MAX_SETS], y[ZOPA_EULER_MAX_SETS], r[ZOPA_EULER_MAX_SETS];
      double ref[ZOPA_EULER_MAX_REGIONS], areas[ZOPA_EULER_MAX_REGIONS], scale = 0.0;
      double jac[ZOPA_EULER_MAX_REGIONS * 3 * ZOPA_EULER_MAX_SETS];

      random_shapes (rand, n, TRUE, s);
      /* Now and then a circle repeated, or nested in another one by construction. */
      if (n > 2 && trial % 7 == 0)
        s[2] = s[0];
      if (n > 1 && trial % 5 == 0)
        s[1] = (ZopaEllipse) { s[0].x + 0.1 * s[0].a, s[0].y, 0.5 * s[0].a, 0.5 * s[0].a, 0 };
      for (guint k = 0; k < n; k++)
        {
          x[k] = s[k].x;
          y[k] = s[k].y;
          r[k] = s[k].a;
          scale += G_PI * r[k] * r[k];
        }
      zopa_euler_arrangement_init (&arr, s, n);
      zopa_euler_arrangement_areas (&arr, ref);
      zopa_euler_circles_init (&circ, x, y, r, n);
      zopa_euler_circles_areas (&circ, areas, jac);
      for (guint m = 1; m < (1u << n); m++)
        g_assert_cmpfloat_with_epsilon (areas[m], ref[m], 1e-12 * scale);
      assert_partition (s, n, areas, 1e-9);

      if (trial % 20 != 0)
        continue;
      for (guint k = 0; k < n; k++)
        for (guint p = 0; p < 3; p++)
          {
            const double h = 1e-6;
            double xp[ZOPA_EULER_MAX_SETS], yp[ZOPA_EULER_MAX_SETS], rp[ZOPA_EULER_MAX_SETS];
            double xm[ZOPA_EULER_MAX_SETS], ym[ZOPA_EULER_MAX_SETS], rm[ZOPA_EULER_MAX_SETS];
            double ap[ZOPA_EULER_MAX_REGIONS], am[ZOPA_EULER_MAX_REGIONS];

            memcpy (xp, x, sizeof x);
            memcpy (yp, y, sizeof y);
            memcpy (rp, r, sizeof r);
            memcpy (xm, x, sizeof x);
            memcpy (ym, y, sizeof y);
            memcpy (rm, r, sizeof r);
            if (p == 0)
              {
                xp[k] += h;
                xm[k] -= h;
              }
            else if (p == 1)
              {
                yp[k] += h;
                ym[k] -= h;
              }
            else
              {
                rp[k] *= exp (h);
                rm[k] *= exp (-h);
              }
            zopa_euler_circles_init (&circ, xp, yp, rp, n);
            zopa_euler_circles_areas (&circ, ap, NULL);
            zopa_euler_circles_init (&circ, xm, ym, rm, n);
            zopa_euler_circles_areas (&circ, am, NULL);
            for (guint m = 1; m < (1u << n); m++)
              {
                /* Identical circles have one-sided derivatives. */
                if (n > 2 && trial % 7 == 0 && (k == 0 || k == 2))
                  continue;
                g_assert_cmpfloat_with_epsilon (jac[(m - 1) * np + 3 * k + p],
                                                (ap[m] - am[m]) / (2 * h), 1e-5);
              }
          }
    }
}

static void
test_fit_measures (void)
{
  double wanted[4] = { 0, 30, 20, 10 };
  double same[4] = { 0, 3, 2, 1 };
  double off[4] = { 0, 30, 30, 0 };

  g_assert_cmpfloat_with_epsilon (zopa_euler_stress (wanted, same, 2), 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (zopa_euler_diag_error (wanted, same, 2), 0.0, 1e-15);
  /* 0.5 − 1/3 for A, 0.5 − 1/3 for B, 1/6 for A&B */
  g_assert_cmpfloat_with_epsilon (zopa_euler_diag_error (wanted, off, 2), 1.0 / 6.0, 1e-15);
  g_assert_cmpfloat (zopa_euler_stress (wanted, off, 2), >, 0.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/euler/areas/lens", test_lens);
  g_test_add_func ("/euler/areas/single-and-empty", test_single_and_empty);
  g_test_add_func ("/euler/areas/against-grid", test_against_grid);
  g_test_add_func ("/euler/areas/partition-identity", test_partition_identity);
  g_test_add_func ("/euler/areas/tangency", test_tangency);
  g_test_add_func ("/euler/areas/containment", test_containment);
  g_test_add_func ("/euler/areas/coincident", test_coincident);
  g_test_add_func ("/euler/areas/tiny-overlap", test_tiny_overlap);
  g_test_add_func ("/euler/areas/gradient", test_gradient);
  g_test_add_func ("/euler/areas/circles", test_circles_path);
  g_test_add_func ("/euler/fit-measures", test_fit_measures);

  return g_test_run ();
}
