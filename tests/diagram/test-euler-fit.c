/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of area-proportional fitting (src/diagram/zopa-euler-fit.c). */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-euler.h"

typedef struct {
  const char *name;
  guint n;
  /* Wanted disjoint sizes as (mask, size) pairs, ended by mask 0. */
  struct { guint mask; double size; } regions[20];
  /* Reference figures of bench/euler-cases.json: eulerr 7.0.2's ellipses and venn.js
   * 0.2.20's circles. */
  double eulerr_ellipse;
  double vennjs_circle;
} Case;

/* The cases of bench/euler-cases.json (sets numbered in order of first appearance). */
static const Case cases[] = {
  { "two-set", 2, { { 1, 30 }, { 2, 20 }, { 3, 10 } }, 1.644e-09, 1.286e-12 },
  { "three-set", 3, { { 1, 40 }, { 2, 30 }, { 4, 20 }, { 3, 10 }, { 5, 8 }, { 6, 6 }, { 7, 3 } },
    5.971e-09, 0.008184 },
  { "uniform 3-set", 3, { { 1, 10 }, { 2, 10 }, { 4, 10 }, { 3, 4 }, { 5, 4 }, { 6, 4 }, { 7, 2 } },
    4.045e-09, 0.02002 },
  { "eunoia 3-set", 3, { { 1, 20 }, { 2, 14 }, { 4, 18 }, { 3, 6 }, { 5, 5 }, { 6, 4 }, { 7, 2 } },
    1.853e-07, 0.009615 },
  { "fruits", 3, { { 1, 11 }, { 2, 5 }, { 4, 4 }, { 3, 28 }, { 5, 1 }, { 6, 1 }, { 7, 8 } },
    5.749e-07, 0.006311 },
  { "Junta 4-set", 4, { { 1, 13 }, { 2, 28 }, { 4, 101 }, { 8, 91 }, { 3, 1 }, { 9, 14 },
                        { 6, 6 }, { 13, 1 } },
    0.003922, 0.004166 },
  { "three inside fourth", 4, { { 1, 30 }, { 3, 3 }, { 5, 3 }, { 9, 3 }, { 7, 2 }, { 11, 2 },
                                { 13, 2 }, { 15, 1 } },
    4.639e-09, 0.0217 },
  { "Wilkinson 6-set", 6, { { 1, 4 }, { 2, 6 }, { 4, 3 }, { 8, 2 }, { 16, 7 }, { 32, 3 },
                            { 3, 2 }, { 33, 2 }, { 6, 2 }, { 10, 1 }, { 34, 2 }, { 12, 1 },
                            { 24, 1 }, { 48, 1 }, { 35, 1 }, { 14, 1 } },
    1.367e-07, 0.01014 },
};

static void
case_wanted (const Case *c,
             double     *wanted)
{
  memset (wanted, 0, sizeof (double) * ZOPA_EULER_MAX_REGIONS);
  for (guint i = 0; c->regions[i].mask != 0; i++)
    wanted[c->regions[i].mask] = c->regions[i].size;
}

static void
assert_fit_consistent (const double       *wanted,
                       const ZopaEulerFit *fit)
{
  double areas[ZOPA_EULER_MAX_REGIONS];

  g_assert_true (zopa_euler_region_areas (fit->shapes, fit->n, areas));
  for (guint r = 1; r < (1u << fit->n); r++)
    g_assert_cmpfloat (areas[r], ==, fit->areas[r]);
  g_assert_cmpfloat (zopa_euler_diag_error (wanted, areas, fit->n), ==, fit->diag_error);
  g_assert_cmpfloat (zopa_euler_stress (wanted, areas, fit->n), ==, fit->stress);
  for (guint k = 0; k < fit->n; k++)
    {
      g_assert_true (isfinite (fit->shapes[k].x) && isfinite (fit->shapes[k].y));
      g_assert_cmpfloat (fit->shapes[k].a, >=, fit->shapes[k].b);
    }
}

/* Ellipses as good as eulerr's on every case, and exact (< 1e-6) wherever eulerr's are. */
static void
test_ellipse_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      double wanted[ZOPA_EULER_MAX_REGIONS];
      ZopaEulerFit fit;
      g_autoptr(GError) error = NULL;

      case_wanted (c, wanted);
      g_assert_true (zopa_euler_fit (wanted, c->n, ZOPA_EULER_SHAPE_ELLIPSE, &fit, &error));
      g_assert_no_error (error);
      assert_fit_consistent (wanted, &fit);
      g_test_message ("%s: ellipses diagError %.3g (eulerr %.3g)", c->name, fit.diag_error,
                      c->eulerr_ellipse);
      g_assert_cmpfloat (fit.diag_error, <=, c->eulerr_ellipse);
      if (c->eulerr_ellipse < 1e-6)
        {
          g_assert_cmpfloat (fit.diag_error, <, 1e-6);
          g_assert_cmpuint (fit.missing_regions, ==, 0);
          g_assert_cmpuint (fit.extra_regions, ==, 0);
        }
    }
}

static void
test_circle_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      double wanted[ZOPA_EULER_MAX_REGIONS];
      ZopaEulerFit fit;

      case_wanted (c, wanted);
      g_assert_true (zopa_euler_fit (wanted, c->n, ZOPA_EULER_SHAPE_CIRCLE, &fit, NULL));
      assert_fit_consistent (wanted, &fit);
      for (guint k = 0; k < c->n; k++)
        g_assert_cmpfloat (fit.shapes[k].a, ==, fit.shapes[k].b);
      g_test_message ("%s: circles diagError %.3g (venn.js %.3g)", c->name, fit.diag_error,
                      c->vennjs_circle);
      g_assert_cmpfloat (fit.diag_error, <=, MAX (c->vennjs_circle, 1e-9));
    }
}

/* The same input gives the same shapes, bit for bit. */
static void
test_deterministic (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint shape = 0; shape < 2; shape++)
      {
        double wanted[ZOPA_EULER_MAX_REGIONS];
        ZopaEulerFit a, b;

        case_wanted (&cases[i], wanted);
        g_assert_true (zopa_euler_fit (wanted, cases[i].n, shape, &a, NULL));
        g_assert_true (zopa_euler_fit (wanted, cases[i].n, shape, &b, NULL));
        g_assert_cmpmem (a.shapes, sizeof a.shapes, b.shapes, sizeof b.shapes);
        g_assert_cmpmem (a.areas, sizeof a.areas, b.areas, sizeof b.areas);
      }
}

/* Region sizes scaled by a constant give the same diagram, scaled. */
static void
test_scale (void)
{
  double wanted[ZOPA_EULER_MAX_REGIONS], big[ZOPA_EULER_MAX_REGIONS];
  ZopaEulerFit a, b;
  double total = 0.0, fitted = 0.0;

  case_wanted (&cases[1], wanted);
  for (guint r = 0; r < 8; r++)
    big[r] = 1e6 * wanted[r];
  g_assert_true (zopa_euler_fit (wanted, 3, ZOPA_EULER_SHAPE_ELLIPSE, &a, NULL));
  g_assert_true (zopa_euler_fit (big, 3, ZOPA_EULER_SHAPE_ELLIPSE, &b, NULL));
  g_assert_cmpfloat_with_epsilon (a.diag_error, b.diag_error, 1e-9);
  for (guint r = 1; r < 8; r++)
    {
      total += wanted[r];
      fitted += a.areas[r];
    }
  g_assert_cmpfloat_with_epsilon (fitted, total, 1e-6 * total);
}

/* Shapes allow these exactly: disjoint sets stay apart, a subset lies inside, equal sets
 * coincide, an empty set gets an empty shape. */
static void
test_topology (void)
{
  ZopaEulerFit fit;
  double disjoint[8] = { 0, 5, 3, 0, 2, 0, 0, 0 };
  double subset[8] = { 0, 4, 0, 2, 0, 0, 0, 0 };
  double equal[4] = { 0, 0, 0, 7 };
  double unused[8] = { 0, 3, 0, 1, 0, 0, 0, 0 };

  for (guint shape = 0; shape < 2; shape++)
    {
      g_assert_true (zopa_euler_fit (disjoint, 3, shape, &fit, NULL));
      g_assert_cmpfloat (fit.diag_error, <, 1e-9);
      g_assert_cmpuint (fit.missing_regions, ==, 0);
      g_assert_cmpuint (fit.extra_regions, ==, 0);

      g_assert_true (zopa_euler_fit (subset, 2, shape, &fit, NULL));
      g_assert_cmpfloat (fit.diag_error, <, 1e-9);
      g_assert_cmpfloat (fit.areas[2], ==, 0.0);

      g_assert_true (zopa_euler_fit (equal, 2, shape, &fit, NULL));
      g_assert_cmpfloat (fit.diag_error, <, 1e-9);
      g_assert_cmpfloat_with_epsilon (fit.areas[3], 7.0, 1e-9);

      g_assert_true (zopa_euler_fit (unused, 3, shape, &fit, NULL));
      g_assert_cmpfloat (fit.diag_error, <, 1e-9);
      g_assert_cmpfloat (fit.shapes[2].a, ==, 0.0);
      g_assert_cmpfloat (fit.shapes[2].b, ==, 0.0);
    }
}

/* A wanted region that every least-squares start loses (the Junta case's triple, whose
 * pairs are wanted empty) is brought back with ellipses. */
static void
test_missing_region_restored (void)
{
  double wanted[ZOPA_EULER_MAX_REGIONS];
  ZopaEulerFit fit;

  case_wanted (&cases[5], wanted);
  g_assert_true (zopa_euler_fit (wanted, 4, ZOPA_EULER_SHAPE_ELLIPSE, &fit, NULL));
  g_assert_cmpuint (fit.missing_regions, ==, 0);
  g_assert_cmpfloat (fit.areas[13], >, 0.0);
  g_assert_cmpfloat (fit.diag_error, <, 1e-3);
}

/* Random inputs: every fit is finite, consistent and deterministic, and ellipses never do
 * worse than circles. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);

  for (guint trial = 0; trial < 60; trial++)
    {
      guint n = 2 + trial % 5;
      double wanted[ZOPA_EULER_MAX_REGIONS] = { 0 };
      ZopaEulerFit circles, ellipses, again;

      for (guint r = 1; r < (1u << n); r++)
        if (g_rand_double (rand) < 0.5)
          wanted[r] = floor (g_rand_double_range (rand, 1, 100));
      wanted[1] += 1.0;
      g_assert_true (zopa_euler_fit (wanted, n, ZOPA_EULER_SHAPE_CIRCLE, &circles, NULL));
      g_assert_true (zopa_euler_fit (wanted, n, ZOPA_EULER_SHAPE_ELLIPSE, &ellipses, NULL));
      g_assert_true (zopa_euler_fit (wanted, n, ZOPA_EULER_SHAPE_ELLIPSE, &again, NULL));
      assert_fit_consistent (wanted, &circles);
      assert_fit_consistent (wanted, &ellipses);
      g_assert_cmpmem (ellipses.shapes, sizeof ellipses.shapes, again.shapes, sizeof again.shapes);
      g_assert_cmpfloat (circles.diag_error, <, 0.5);
      g_assert_cmpfloat (ellipses.diag_error, <=, circles.diag_error * (1.0 + 1e-9) + 1e-12);
      /* An ellipse may end on the bound itself, where its ratio saturates. */
      g_assert_cmpfloat (ellipses.axis_ratio, <=,
                         ZOPA_EULER_DEFAULT_MAX_AXIS_RATIO * (1.0 + 1e-12));
    }
}

/* Random cases that fits from a single start lost to venn.js 0.2.20 (from
 * tests/bench/euler-losses-12.json, sets numbered in order of first appearance): the global
 * stage brings circles to within 5 % of venn.js's diagError, keeping every wanted region
 * (dense-3set-01 used to drop A&C and stand at 1.9 times venn.js's error; struct-5set-13 at
 * 8.4 times). */
typedef struct {
  const char *name;
  guint n;
  struct { guint mask; double size; } regions[16];
  double vennjs_circle;
} LostCase;

static const LostCase former_losses[] = {
  { "dense-3set-01", 3, { { 1, 2 }, { 2, 79 }, { 3, 82 }, { 4, 99 }, { 5, 78 }, { 6, 81 },
                          { 7, 94 } }, 0.07857 },
  { "dense-3set-06", 3, { { 1, 4 }, { 2, 99 }, { 3, 80 }, { 4, 79 }, { 5, 25 }, { 6, 47 },
                          { 7, 1 } }, 0.07104 },
  { "dense-3set-11", 3, { { 1, 62 }, { 2, 58 }, { 3, 17 }, { 4, 13 }, { 5, 80 }, { 6, 42 },
                          { 7, 40 } }, 0.04556 },
  { "universe-3set-21", 3, { { 1, 13 }, { 2, 71 }, { 3, 14 }, { 4, 39 }, { 5, 26 }, { 6, 61 },
                             { 7, 15 } }, 0.04694 },
  { "struct-6set-09", 6, { { 1, 15 }, { 2, 8 }, { 3, 6 }, { 4, 10 }, { 8, 4 }, { 9, 6 },
                           { 10, 5 }, { 12, 3 }, { 16, 1 }, { 48, 10 }, { 50, 8 }, { 56, 6 },
                           { 58, 3 } }, 0.05249 },
  { "struct-5set-13", 5, { { 1, 419 }, { 2, 277 }, { 4, 239 }, { 8, 97 }, { 9, 107 },
                           { 24, 388 }, { 10, 63 }, { 12, 56 } }, 0.0002935 },
  { "ellipse-5set-18", 5, { { 1, 37.2 }, { 2, 245 }, { 3, 27.3 }, { 4, 197.3 }, { 5, 40 },
                            { 7, 4.6 }, { 8, 183.3 }, { 10, 50.1 }, { 18, 147.9 },
                            { 24, 10.5 }, { 26, 56.3 } }, 0.008847 },
};

static void
test_former_losses (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (former_losses); i++)
    {
      const LostCase *c = &former_losses[i];
      double wanted[ZOPA_EULER_MAX_REGIONS] = { 0 };
      ZopaEulerFit circles, ellipses;

      for (guint j = 0; j < G_N_ELEMENTS (c->regions) && c->regions[j].mask != 0; j++)
        wanted[c->regions[j].mask] = c->regions[j].size;
      g_assert_true (zopa_euler_fit (wanted, c->n, ZOPA_EULER_SHAPE_CIRCLE, &circles, NULL));
      g_assert_true (zopa_euler_fit (wanted, c->n, ZOPA_EULER_SHAPE_ELLIPSE, &ellipses, NULL));
      g_test_message ("%s: circles diagError %.4g (venn.js %.4g), ellipses %.4g", c->name,
                      circles.diag_error, c->vennjs_circle, ellipses.diag_error);
      assert_fit_consistent (wanted, &circles);
      g_assert_cmpfloat (circles.diag_error, <=, 1.05 * c->vennjs_circle);
      g_assert_cmpuint (circles.missing_regions, ==, 0);
      g_assert_cmpfloat (ellipses.diag_error, <=, circles.diag_error);
      g_assert_cmpfloat (ellipses.axis_ratio, <, ZOPA_EULER_DEFAULT_MAX_AXIS_RATIO);
    }
}

/* universe-4set-02 of tests/bench/euler-random-250.json: circles cannot show every region, and
 * every start placed by the distances ends missing A&B&D at 1.07 times venn.js 0.2.20's
 * diagError (0.03158). A start that places each set by the intersections on one side or the
 * other of those placed finds the arrangement venn.js finds, and fits it closer. */
static void
test_side_by_areas (void)
{
  static const struct { guint mask; double size; } regions[] = {
    { 1, 47 }, { 2, 9 }, { 3, 6 }, { 4, 19 }, { 5, 9 }, { 6, 5 }, { 8, 55 }, { 9, 30 },
    { 10, 8 }, { 11, 8 }, { 12, 12 }, { 13, 20 }, { 14, 1 },
  };
  double wanted[ZOPA_EULER_MAX_REGIONS] = { 0 };
  ZopaEulerFit fit;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    wanted[regions[i].mask] = regions[i].size;
  g_assert_true (zopa_euler_fit (wanted, 4, ZOPA_EULER_SHAPE_CIRCLE, &fit, NULL));
  g_test_message ("universe-4set-02: circles diagError %.4g (venn.js 0.03158)", fit.diag_error);
  assert_fit_consistent (wanted, &fit);
  g_assert_cmpfloat (fit.diag_error, <=, 0.03158);
  g_assert_false (fit.missing_regions & (1u << 11));
  /* venn.js misses two regions here too. */
  g_assert_cmpuint (__builtin_popcountll (fit.missing_regions), <=, 2);
}

/* The axis ratio bound holds, by default and when tightened, and the fit makes the best of
 * it: the Junta case's ellipses reach a ratio near 4 when free to, and stay under 1.5 when
 * bounded there, while still beating circles. */
static void
test_axis_ratio_bound (void)
{
  double wanted[ZOPA_EULER_MAX_REGIONS];
  ZopaEulerFitOptions tight = { 1.5 }, bad = { 1.0 }, nan_ratio = { NAN };
  ZopaEulerFit free_fit, bounded, circles;
  GError *error = NULL;

  case_wanted (&cases[5], wanted);
  g_assert_true (zopa_euler_fit (wanted, 4, ZOPA_EULER_SHAPE_ELLIPSE, &free_fit, NULL));
  g_assert_true (zopa_euler_fit_with_options (wanted, 4, ZOPA_EULER_SHAPE_ELLIPSE, &tight,
                                              &bounded, NULL));
  g_assert_true (zopa_euler_fit (wanted, 4, ZOPA_EULER_SHAPE_CIRCLE, &circles, NULL));
  g_assert_cmpfloat (free_fit.axis_ratio, >, 2.0);
  g_assert_cmpfloat (free_fit.axis_ratio, <, ZOPA_EULER_DEFAULT_MAX_AXIS_RATIO);
  g_assert_cmpfloat (bounded.axis_ratio, <, 1.5);
  g_assert_cmpfloat (circles.axis_ratio, ==, 1.0);
  for (guint k = 0; k < 4; k++)
    g_assert_cmpfloat (bounded.shapes[k].a, <, 1.5 * bounded.shapes[k].b);
  g_assert_cmpfloat (bounded.diag_error, <=, circles.diag_error);

  g_assert_false (zopa_euler_fit_with_options (wanted, 4, ZOPA_EULER_SHAPE_ELLIPSE, &bad,
                                               &bounded, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (zopa_euler_fit_with_options (wanted, 4, ZOPA_EULER_SHAPE_ELLIPSE, &nan_ratio,
                                               &bounded, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
}

static void
test_invalid (void)
{
  double wanted[8] = { 0, 1, 2, 3, 0, 0, 0, 0 };
  ZopaEulerFit fit;
  GError *error = NULL;

  g_assert_false (zopa_euler_fit (wanted, 0, ZOPA_EULER_SHAPE_CIRCLE, &fit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (zopa_euler_fit (wanted, 7, ZOPA_EULER_SHAPE_CIRCLE, &fit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  wanted[2] = -1.0;
  g_assert_false (zopa_euler_fit (wanted, 2, ZOPA_EULER_SHAPE_CIRCLE, &fit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  wanted[2] = NAN;
  g_assert_false (zopa_euler_fit (wanted, 2, ZOPA_EULER_SHAPE_ELLIPSE, &fit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  memset (wanted, 0, sizeof wanted);
  g_assert_false (zopa_euler_fit (wanted, 3, ZOPA_EULER_SHAPE_ELLIPSE, &fit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* One set alone is a circle of the right size. */
  wanted[1] = 5.0;
  g_assert_true (zopa_euler_fit (wanted, 1, ZOPA_EULER_SHAPE_ELLIPSE, &fit, NULL));
  g_assert_cmpfloat_with_epsilon (fit.areas[1], 5.0, 1e-12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/euler/fit/ellipse-cases", test_ellipse_cases);
  g_test_add_func ("/euler/fit/circle-cases", test_circle_cases);
  g_test_add_func ("/euler/fit/deterministic", test_deterministic);
  g_test_add_func ("/euler/fit/scale", test_scale);
  g_test_add_func ("/euler/fit/topology", test_topology);
  g_test_add_func ("/euler/fit/missing-region-restored", test_missing_region_restored);
  g_test_add_func ("/euler/fit/random", test_random);
  g_test_add_func ("/euler/fit/former-losses", test_former_losses);
  g_test_add_func ("/euler/fit/side-by-areas", test_side_by_areas);
  g_test_add_func ("/euler/fit/axis-ratio-bound", test_axis_ratio_bound);
  g_test_add_func ("/euler/fit/invalid", test_invalid);

  return g_test_run ();
}
