/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-euler-private.h: the arrangement of boundary arcs shared by the area, fitting and
 * drawing code of src/diagram. Not a public API. */
#pragma once

#include "diagram/zopa-euler.h"

G_BEGIN_DECLS

/* A shape prepared for geometry: centre relative to the arrangement origin, axes and the
 * rotation as cosine/sine. */
typedef struct {
  double cx;
  double cy;
  double a;
  double b;
  double cphi;
  double sphi;
  gboolean empty;
  /* Shapes identical to this one (itself included): only the lowest index draws boundary. */
  guint dup_mask;
  gboolean is_rep;
} ZopaEulerConic;

/* One piece of a shape's boundary between two consecutive crossings, t0 < t1 in the shape's
 * parameter (P(t) = c + R(phi) (a cos t, b sin t)). inner is the region on its inner side,
 * outer the one on its outer side (0 = outside every shape). */
typedef struct {
  guint8 shape;
  guint8 inner;
  guint8 outer;
  double t0;
  double t1;
  /* (cos t, sin t) at both ends, kept exact rather than recomputed from t0, t1. */
  double c0, s0, c1, s1;
} ZopaEulerArc;

/* Each shape meets each other one in at most 4 points, so at most 4 (n − 1) arcs, or one
 * closed arc without crossings. */
#define ZOPA_EULER_MAX_ARCS (ZOPA_EULER_MAX_SETS * 4 * (ZOPA_EULER_MAX_SETS - 1))

typedef struct {
  guint n;
  double ox;
  double oy;
  ZopaEulerConic c[ZOPA_EULER_MAX_SETS];
  guint n_arcs;
  ZopaEulerArc arcs[ZOPA_EULER_MAX_ARCS];
} ZopaEulerArrangement;

void   zopa_euler_arrangement_init   (ZopaEulerArrangement *arr,
                                      const ZopaEllipse    *shapes,
                                      guint                 n);

/* Exact disjoint areas from the arcs (areas has 1 << n entries). */
void   zopa_euler_arrangement_areas  (const ZopaEulerArrangement *arr,
                                      double                     *areas);

/* The areas (unless areas is NULL) and their derivatives. grad[r * n_params + k * 5 + p] is
 * ∂ areas[r] / ∂ q_p of shape k, with q = (x, y, Qxx, Qxy, Qyy): centre and the matrix of the
 * shape's quadratic form (x − c)ᵀ Q (x − c) ≤ 1, n_params = 5 n. */
void   zopa_euler_arrangement_gradient (const ZopaEulerArrangement *arr,
                                        double                     *areas,
                                        double                     *grad);

/* Point on the boundary of shape k of the arrangement, in the shapes' own coordinates (the
 * arrangement origin added back). */
void   zopa_euler_arrangement_point  (const ZopaEulerArrangement *arr,
                                      guint                       k,
                                      double                      t,
                                      double                     *x,
                                      double                     *y);

/* Sign test of the quadratic form: < 0 inside, > 0 outside (arrangement coordinates). */
double zopa_euler_conic_eval         (const ZopaEulerConic *c,
                                      double                x,
                                      double                y);

/* Real roots of the polynomial c[0] + c[1] x + … + c[deg] x^deg (deg ≤ 4) inside (lo, hi),
 * found by isolating monotone pieces between the roots of the derivative; sorted. */
guint  zopa_euler_poly_roots         (const double *c,
                                      guint         deg,
                                      double        lo,
                                      double        hi,
                                      double       *roots);

/* The same arrangement for circles only, which the fit evaluates most: crossings need no
 * polynomial, arcs are ordered without angles, and each arc has one arctangent (its span)
 * and no sine (the chord's cross product is the sine of the span). */
typedef struct {
  guint8 shape;
  guint8 inner;
  guint8 outer;
  double span;                  /* in (0, 2π] */
  double c0, s0, c1, s1;        /* directions of the end points from the centre */
} ZopaEulerCircleArc;

/* Each circle meets each other one in at most 2 points. */
#define ZOPA_EULER_MAX_CIRCLE_ARCS (ZOPA_EULER_MAX_SETS * 2 * (ZOPA_EULER_MAX_SETS - 1))

typedef struct {
  guint n;
  double ox;
  double oy;
  double cx[ZOPA_EULER_MAX_SETS];
  double cy[ZOPA_EULER_MAX_SETS];
  double r[ZOPA_EULER_MAX_SETS];
  guint dup_mask[ZOPA_EULER_MAX_SETS];
  gboolean is_rep[ZOPA_EULER_MAX_SETS];
  guint n_arcs;
  ZopaEulerCircleArc arcs[ZOPA_EULER_MAX_CIRCLE_ARCS];
} ZopaEulerCircles;

/* Circle k is centred at (x[k], y[k]) with radius r[k]; one with r[k] ≤ 0 or a coordinate
 * not finite is empty. */
void   zopa_euler_circles_init       (ZopaEulerCircles *arr,
                                      const double     *x,
                                      const double     *y,
                                      const double     *r,
                                      guint             n);

/* Exact disjoint areas (1 << n entries, unless areas is NULL) and, unless jac is NULL, their
 * derivatives with respect to each circle's (x, y, log r): jac[(r − 1) * 3 n + 3 k + p] for
 * regions r = 1 .. 2^n − 1. */
void   zopa_euler_circles_areas      (const ZopaEulerCircles *arr,
                                      double                 *areas,
                                      double                 *jac);

/* Area of the lens of two circles of radii r1, r2 whose centres are d apart. */
double zopa_euler_lens_area          (double r1,
                                      double r2,
                                      double d);

G_END_DECLS
