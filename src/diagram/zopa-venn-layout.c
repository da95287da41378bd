/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-venn-layout.c: schematic Venn diagrams, in which every region exists.
 *
 * The shapes come from symmetric families whose few free parameters were chosen to make the
 * smallest region as roomy as possible: the largest disc that fits in the smallest region
 * (its pole of inaccessibility), relative to the diagram's size, was maximised with this
 * library's own region code (a Nelder–Mead search, done once; the results are below).
 * That criterion gives back the classic pictures: for two circles it puts the centres one
 * radius apart. */

#include "config.h"

#include <math.h>

#include "diagram/zopa-euler-private.h"

/* Three unit circles with centres on a circle of this radius, 120° apart. */
#define THREE_CIRCLES_SPREAD 0.5980540243

/* Four congruent ellipses (a = 1), mirror images across the vertical axis: the inner pair
 * at (∓x, y) and the outer pair at (∓x, y), turned by ±angle. */
#define FOUR_B        0.4408951854
#define FOUR_INNER_X  0.0140335996
#define FOUR_INNER_Y  0.0260444793
#define FOUR_OUTER_X  0.2458152815
#define FOUR_OUTER_Y  0.2575154413
#define FOUR_ANGLE    0.9103686417

/* Five congruent ellipses (a = 1): one with centre (0, distance) turned by angle, and its
 * images under turns of 72°. */
#define FIVE_DISTANCE 0.2505894194
#define FIVE_ANGLE    1.9137658698
#define FIVE_B        0.5546412267

/* Six ellipses: the best six-fold symmetric family has 52 regions, some of them slivers;
 * a search that let each ellipse move on its own (hill climbing from that family, most
 * regions first, then the largest smallest region) kept 52 regions and made the smallest
 * one 30 times larger. */
static const ZopaEllipse six_ellipses[6] = {
  { 0.0589013289, 0.1415112338, 0.9721538661, 0.5215421756, 2.2527387099 },
  { -0.1427909354, 0.0346183788, 0.8240756250, 0.5976024505, 3.3321098505 },
  { -0.1242146307, -0.0607649303, 0.9107848673, 0.5694737989, 4.2194360222 },
  { -0.0850191141, -0.0156911148, 0.7168474792, 0.6215125127, 5.2992082803 },
  { 0.0604992266, -0.1499703603, 0.8941381173, 0.5144177556, 6.3330040958 },
  { 0.1455394288, 0.1475053648, 0.9853542287, 0.5245002175, 7.2734743924 },
};

static void
rotational_family (guint        n,
                   double       distance,
                   double       angle,
                   double       b,
                   ZopaEllipse *shapes)
{
  for (guint k = 0; k < n; k++)
    {
      double turn = 2.0 * G_PI * k / n;

      shapes[k] = (ZopaEllipse) {
        -distance * sin (turn), distance * cos (turn), 1.0, b, angle + turn,
      };
    }
}

/* Centres the union's bounding box on the origin (or, for a figure with rotational symmetry,
 * keeps its centre there) and scales it to fit [−1, 1] × [−1, 1] exactly. */
static void
normalise (ZopaEllipse *shapes,
           guint        n,
           gboolean     keep_centre)
{
  double x0, y0, x1, y1, cx = 0.0, cy = 0.0, s;

  zopa_euler_bounds (shapes, n, &x0, &y0, &x1, &y1);
  if (keep_centre)
    s = 1.0 / MAX (MAX (-x0, x1), MAX (-y0, y1));
  else
    {
      cx = 0.5 * (x0 + x1);
      cy = 0.5 * (y0 + y1);
      s = 2.0 / MAX (x1 - x0, y1 - y0);
    }
  for (guint k = 0; k < n; k++)
    {
      ZopaEllipse *e = &shapes[k];

      e->x = (e->x - cx) * s;
      e->y = (e->y - cy) * s;
      e->a *= s;
      e->b *= s;
      /* Keep phi in [0, π): an ellipse turned by π is the same ellipse. */
      e->phi = fmod (e->phi, G_PI);
      if (e->phi < 0.0)
        e->phi += G_PI;
    }
}

guint64
zopa_venn_layout_schematic (guint        n,
                            ZopaEllipse *shapes)
{
  double areas[ZOPA_EULER_MAX_REGIONS], total = 0.0;
  guint64 present = 0;

  g_return_val_if_fail (shapes != NULL, 0);

  switch (n)
    {
    case 1:
      shapes[0] = (ZopaEllipse) { 0.0, 0.0, 1.0, 1.0, 0.0 };
      break;

    case 2:
      shapes[0] = (ZopaEllipse) { -0.5, 0.0, 1.0, 1.0, 0.0 };
      shapes[1] = (ZopaEllipse) { 0.5, 0.0, 1.0, 1.0, 0.0 };
      break;

    case 3:
      /* Set 0 on top, 1 bottom left, 2 bottom right. */
      for (guint k = 0; k < 3; k++)
        {
          double turn = G_PI / 2.0 + 2.0 * G_PI * k / 3.0;

          shapes[k] = (ZopaEllipse) {
            THREE_CIRCLES_SPREAD * cos (turn), THREE_CIRCLES_SPREAD * sin (turn), 1.0, 1.0, 0.0,
          };
        }
      break;

    case 4:
      shapes[0] = (ZopaEllipse) { -FOUR_OUTER_X, FOUR_OUTER_Y, 1.0, FOUR_B, FOUR_ANGLE };
      shapes[1] = (ZopaEllipse) { FOUR_INNER_X, FOUR_INNER_Y, 1.0, FOUR_B, FOUR_ANGLE };
      shapes[2] = (ZopaEllipse) { -FOUR_INNER_X, FOUR_INNER_Y, 1.0, FOUR_B, -FOUR_ANGLE };
      shapes[3] = (ZopaEllipse) { FOUR_OUTER_X, FOUR_OUTER_Y, 1.0, FOUR_B, -FOUR_ANGLE };
      break;

    case 5:
      rotational_family (5, FIVE_DISTANCE, FIVE_ANGLE, FIVE_B, shapes);
      break;

    case 6:
      for (guint k = 0; k < 6; k++)
        shapes[k] = six_ellipses[k];
      break;

    default:
      return 0;
    }

  normalise (shapes, n, n == 5);

  zopa_euler_region_areas (shapes, n, areas);
  for (guint r = 1; r < (1u << n); r++)
    total += areas[r];
  for (guint r = 1; r < (1u << n); r++)
    if (areas[r] > 1e-6 * total)
      present |= G_GUINT64_CONSTANT (1) << r;
  return present;
}
