/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-euler-geometry.c: crossings of ellipses, the arrangement of boundary arcs and exact
 * region areas.
 *
 * Every region's area comes from Green's theorem, A = ½ ∮ (x dy − y dx), taken over the
 * boundary arcs of that region: an arc of shape k lies between two consecutive crossings on
 * k, and the region on its inner side is (shapes containing its midpoint) ∪ {k}, the one on
 * its outer side the same without k. For an elliptical arc the integral has a closed form, so
 * the areas are exact up to rounding, and the same arcs give the exact derivatives of every
 * area with respect to every shape parameter (the normal speed of the boundary integrated
 * along the arc). */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-euler-private.h"

#define TWO_PI (2.0 * G_PI)

static gboolean
ellipse_is_empty (const ZopaEllipse *e)
{
  return !(isfinite (e->x) && isfinite (e->y) && isfinite (e->a) && isfinite (e->b)
           && isfinite (e->phi) && e->a > 0.0 && e->b > 0.0);
}

double
zopa_euler_conic_eval (const ZopaEulerConic *c,
                       double                x,
                       double                y)
{
  double dx = x - c->cx;
  double dy = y - c->cy;
  double u, v;

  /* Unrotated (every circle): the same value, without the rotation's products by 1 and 0. */
  if (c->sphi == 0.0 && c->cphi == 1.0)
    {
      u = dx / c->a;
      v = dy / c->b;
    }
  else
    {
      u = (c->cphi * dx + c->sphi * dy) / c->a;
      v = (-c->sphi * dx + c->cphi * dy) / c->b;
    }
  return u * u + v * v - 1.0;
}

/* Point of shape c at the parameter whose cosine and sine are (ct, st), relative to its
 * centre. */
static inline void
conic_offset_cs (const ZopaEulerConic *c,
                 double                ct,
                 double                st,
                 double               *ex,
                 double               *ey)
{
  double u = c->a * ct;
  double v = c->b * st;

  *ex = c->cphi * u - c->sphi * v;
  *ey = c->sphi * u + c->cphi * v;
}

/* Two shapes are the same when their centres, axes and (for non-circles) axis directions
 * agree to within rounding of their size; an ellipse with a < b is the same as one with the
 * axes swapped and turned by 90°. */
static gboolean
conics_identical (const ZopaEulerConic *p,
                  const ZopaEulerConic *q)
{
  double scale = MAX (MAX (p->a, p->b), MAX (q->a, q->b));
  double tol = 1e-12 * scale;
  double pa = MAX (p->a, p->b), pb = MIN (p->a, p->b);
  double qa = MAX (q->a, q->b), qb = MIN (q->a, q->b);
  double pux, puy, qux, quy, cross;

  if (fabs (p->cx - q->cx) > tol || fabs (p->cy - q->cy) > tol
      || fabs (pa - qa) > tol || fabs (pb - qb) > tol)
    return FALSE;
  if (pa - pb <= tol)
    return TRUE;
  /* Major-axis directions must be parallel (either sign). */
  pux = p->a >= p->b ? p->cphi : -p->sphi;
  puy = p->a >= p->b ? p->sphi : p->cphi;
  qux = q->a >= q->b ? q->cphi : -q->sphi;
  quy = q->a >= q->b ? q->sphi : q->cphi;
  cross = pux * quy - puy * qux;
  return fabs (cross) * pa <= tol;
}

/* ---- Polynomial roots ------------------------------------------------------------------- */

static inline double
poly_eval (const double *c,
           guint         deg,
           double        x)
{
  double r = c[deg];

  for (guint i = deg; i-- > 0;)
    r = r * x + c[i];
  return r;
}

static inline double
poly_deriv_eval (const double *c,
                 guint         deg,
                 double        x)
{
  double r = deg * c[deg];

  for (guint i = deg - 1; i >= 1; i--)
    r = r * x + i * c[i];
  return r;
}

/* The root of a polynomial that is monotone on [lo, hi] and changes sign there: Newton steps,
 * falling back to bisection whenever a step leaves the bracket. */
static double
poly_bracketed_root (const double *c,
                     guint         deg,
                     double        lo,
                     double        hi,
                     double        flo)
{
  double x = 0.5 * (lo + hi);

  for (guint iter = 0; iter < 200; iter++)
    {
      double fx = poly_eval (c, deg, x);
      double dfx, xn;

      if (fx == 0.0)
        return x;
      if ((fx < 0.0) == (flo < 0.0))
        {
          lo = x;
          flo = fx;
        }
      else
        hi = x;
      dfx = poly_deriv_eval (c, deg, x);
      xn = dfx != 0.0 ? x - fx / dfx : 0.5 * (lo + hi);
      if (!(xn > lo && xn < hi))
        xn = 0.5 * (lo + hi);
      /* Done when the bracket or the Newton step is down to rounding. */
      if (fabs (xn - x) <= 2.0 * DBL_EPSILON * MAX (fabs (x), 1.0)
          || hi - lo <= 4.0 * DBL_EPSILON * MAX (fabs (xn), 1.0))
        return xn;
      x = xn;
    }
  return x;
}

guint
zopa_euler_poly_roots (const double *c,
                       guint         deg,
                       double        lo,
                       double        hi,
                       double       *roots)
{
  double d[4];
  double pts[6];
  guint n_pts = 0, n_roots = 0;
  double f_prev;

  while (deg > 0 && c[deg] == 0.0)
    deg--;
  if (deg == 0)
    return 0;
  if (deg == 1)
    {
      double r = -c[0] / c[1];
      if (r > lo && r < hi)
        roots[n_roots++] = r;
      return n_roots;
    }

  for (guint i = 1; i <= deg; i++)
    d[i - 1] = i * c[i];
  pts[n_pts++] = lo;
  n_pts += zopa_euler_poly_roots (d, deg - 1, lo, hi, pts + 1);
  pts[n_pts++] = hi;

  f_prev = poly_eval (c, deg, pts[0]);
  for (guint i = 0; i + 1 < n_pts; i++)
    {
      double f_next = poly_eval (c, deg, pts[i + 1]);

      if (f_next == 0.0)
        {
          /* An exact zero at a critical point (a touching root) counts once. */
          if (i + 1 < n_pts - 1)
            roots[n_roots++] = pts[i + 1];
        }
      else if (f_prev != 0.0 && (f_prev < 0.0) != (f_next < 0.0))
        roots[n_roots++] = poly_bracketed_root (c, deg, pts[i], pts[i + 1], f_prev);
      f_prev = f_next;
    }
  return n_roots;
}

/* ---- Crossings of two shapes ------------------------------------------------------------ */

/* A crossing as seen from one shape: its parameter and the parameter's cosine and sine. */
typedef struct {
  double t;
  double c;
  double s;
} Crossing;

static inline void
crossing_set (Crossing *x,
              double    c,
              double    s)
{
  x->c = c;
  x->s = s;
  x->t = atan2 (s, c);
  if (x->t < 0.0)
    x->t += TWO_PI;
}

/* Crossings of two circles. Tiny overlaps keep their precision because the half chord comes
 * from a product of the three gaps (Heron's form). */
static guint
circle_crossings (const ZopaEulerConic *p,
                  const ZopaEulerConic *q,
                  Crossing             *xp,
                  Crossing             *xq)
{
  double dx = q->cx - p->cx, dy = q->cy - p->cy;
  double r1 = p->a, r2 = q->a;
  double d = hypot (dx, dy);
  double g1, g2, g3, h, x, ex, ey;

  g1 = r1 + r2 - d;
  g2 = d + r2 - r1;
  g3 = d + r1 - r2;
  if (d == 0.0 || g1 <= 0.0 || g2 <= 0.0 || g3 <= 0.0)
    return 0;
  h = sqrt (g1 * g2 * g3 * (d + r1 + r2)) / (2.0 * d);
  x = (d * d + r1 * r1 - r2 * r2) / (2.0 * d);
  ex = dx / d;
  ey = dy / d;
  for (guint i = 0; i < 2; i++)
    {
      double sh = i == 0 ? h : -h;
      /* The crossing relative to each centre, in the frame, then in the circle's own
       * parameter (measured from its phi direction). */
      double ux = (x * ex - sh * ey) / r1, uy = (x * ey + sh * ex) / r1;
      double vx = ((x - d) * ex - sh * ey) / r2, vy = ((x - d) * ey + sh * ex) / r2;

      crossing_set (&xp[i], p->cphi * ux + p->sphi * uy, -p->sphi * ux + p->cphi * uy);
      crossing_set (&xq[i], q->cphi * vx + q->sphi * vy, -q->sphi * vx + q->cphi * vy);
    }
  return 2;
}

/* Crossings of two ellipses. In the frame where p is the unit circle, q's quadratic form
 * restricted to p's boundary is f(θ) = uᵀ S u + 2 gᵀ u + h with u = (cos θ, sin θ), a
 * trigonometric polynomial of degree 2; with t = tan ((θ − θ₀) / 2) it becomes a quartic.
 * θ₀ + π, the point sent to t = ∞, is the one of eight where |f| is largest, so that no root
 * lies near it. */
static guint
ellipse_crossings (const ZopaEulerConic *p,
                   const ZopaEulerConic *q,
                   Crossing             *xp,
                   Crossing             *xq)
{
  static const double c8[8] = { 1.0, G_SQRT2 / 2.0, 0.0, -G_SQRT2 / 2.0,
                                -1.0, -G_SQRT2 / 2.0, 0.0, G_SQRT2 / 2.0 };
  double m11, m12, m21, m22, w0x, w0y;
  double s11, s12, s22, g1, g2, h;
  double cr, sr, dx, dy, best = -1.0, c0 = 1.0, s0 = 0.0;
  double s11r, s12r, s22r, g1r, g2r, coef[5], roots[4], bound;
  guint n_roots, n = 0;

  /* M = D_q⁻¹ R(φp − φq) D_p and w0 = D_q⁻¹ R(−φq) (c_p − c_q). */
  cr = q->cphi * p->cphi + q->sphi * p->sphi;
  sr = p->sphi * q->cphi - p->cphi * q->sphi;
  m11 = cr * p->a / q->a;
  m12 = -sr * p->b / q->a;
  m21 = sr * p->a / q->b;
  m22 = cr * p->b / q->b;
  dx = p->cx - q->cx;
  dy = p->cy - q->cy;
  w0x = (q->cphi * dx + q->sphi * dy) / q->a;
  w0y = (-q->sphi * dx + q->cphi * dy) / q->b;

  s11 = m11 * m11 + m21 * m21;
  s12 = m11 * m12 + m21 * m22;
  s22 = m12 * m12 + m22 * m22;
  g1 = m11 * w0x + m21 * w0y;
  g2 = m12 * w0x + m22 * w0y;
  h = w0x * w0x + w0y * w0y - 1.0;

  for (guint k = 0; k < 8; k++)
    {
      double c = c8[k], s = c8[(k + 6) % 8];
      double f = s11 * c * c + 2.0 * s12 * c * s + s22 * s * s + 2.0 * (g1 * c + g2 * s) + h;

      if (fabs (f) > best)
        {
          best = fabs (f);
          /* θ₀ = θ_k − π */
          c0 = -c;
          s0 = -s;
        }
    }

  /* Rotate the parameter so that θ = θ₀ + φ: S' = Rᵀ S R, g' = Rᵀ g. */
  s11r = c0 * c0 * s11 + 2.0 * c0 * s0 * s12 + s0 * s0 * s22;
  s22r = s0 * s0 * s11 - 2.0 * c0 * s0 * s12 + c0 * c0 * s22;
  s12r = (c0 * c0 - s0 * s0) * s12 + c0 * s0 * (s22 - s11);
  g1r = c0 * g1 + s0 * g2;
  g2r = -s0 * g1 + c0 * g2;

  coef[4] = s11r - 2.0 * g1r + h;
  coef[3] = 4.0 * (g2r - s12r);
  coef[2] = -2.0 * s11r + 4.0 * s22r + 2.0 * h;
  coef[1] = 4.0 * (s12r + g2r);
  coef[0] = s11r + 2.0 * g1r + h;

  bound = 0.0;
  for (guint i = 0; i < 4; i++)
    bound = MAX (bound, fabs (coef[i] / coef[4]));
  bound = 1.0 + bound;
  n_roots = zopa_euler_poly_roots (coef, 4, -bound, bound, roots);

  for (guint i = 0; i < n_roots; i++)
    {
      double t = roots[i], t2 = t * t;
      double cf = (1.0 - t2) / (1.0 + t2), sf = 2.0 * t / (1.0 + t2);
      double c = c0 * cf - s0 * sf, s = s0 * cf + c0 * sf;
      double f, df, wx, wy, wn;

      /* One Newton step on f(θ) itself sharpens the root found through t; the rotation by
       * a step below 1e-6 is exact to double precision with its second-order expansion. */
      f = s11 * c * c + 2.0 * s12 * c * s + s22 * s * s + 2.0 * (g1 * c + g2 * s) + h;
      df = 2.0 * (s22 - s11) * c * s + 2.0 * s12 * (c * c - s * s) + 2.0 * (g2 * c - g1 * s);
      if (df != 0.0 && fabs (f / df) < 1e-6)
        {
          double d = -f / df, cd = 1.0 - 0.5 * d * d;
          double cn = c * cd - s * d, sn = s * cd + c * d;

          c = cn;
          s = sn;
        }
      wx = w0x + m11 * c + m12 * s;
      wy = w0y + m21 * c + m22 * s;
      wn = hypot (wx, wy);
      crossing_set (&xp[n], c, s);
      crossing_set (&xq[n], wx / wn, wy / wn);
      n++;
    }
  return n;
}

/* ---- The arrangement -------------------------------------------------------------------- */

static void
sort_crossings (Crossing *v,
                guint     len)
{
  for (guint i = 1; i < len; i++)
    {
      Crossing x = v[i];
      guint j = i;

      while (j > 0 && v[j - 1].t > x.t)
        {
          v[j] = v[j - 1];
          j--;
        }
      v[j] = x;
    }
}

/* Which shapes other than k's duplicates contain the point (x, y) of shape k's boundary. */
static guint
containing_mask (const ZopaEulerArrangement *arr,
                 guint                       k,
                 double                      x,
                 double                      y)
{
  guint mask = 0;

  for (guint j = 0; j < arr->n; j++)
    {
      const ZopaEulerConic *c = &arr->c[j];

      if (!c->is_rep || (arr->c[k].dup_mask & (1u << j)))
        continue;
      if (zopa_euler_conic_eval (c, x, y) < 0.0)
        mask |= c->dup_mask;
    }
  return mask;
}

void
zopa_euler_arrangement_init (ZopaEulerArrangement *arr,
                             const ZopaEllipse    *shapes,
                             guint                 n)
{
  Crossing crossings[ZOPA_EULER_MAX_SETS][4 * (ZOPA_EULER_MAX_SETS - 1)];
  guint n_crossings[ZOPA_EULER_MAX_SETS] = { 0 };
  double sx = 0.0, sy = 0.0;
  guint n_real = 0;

  g_assert (n <= ZOPA_EULER_MAX_SETS);
  arr->n = n;
  arr->n_arcs = 0;

  /* Work around the mean centre so that Green's sums do not lose digits far from 0. */
  for (guint k = 0; k < n; k++)
    if (!ellipse_is_empty (&shapes[k]))
      {
        sx += shapes[k].x;
        sy += shapes[k].y;
        n_real++;
      }
  arr->ox = n_real > 0 ? sx / n_real : 0.0;
  arr->oy = n_real > 0 ? sy / n_real : 0.0;

  for (guint k = 0; k < n; k++)
    {
      ZopaEulerConic *c = &arr->c[k];

      c->empty = ellipse_is_empty (&shapes[k]);
      c->cx = shapes[k].x - arr->ox;
      c->cy = shapes[k].y - arr->oy;
      c->a = shapes[k].a;
      c->b = shapes[k].b;
      if (shapes[k].phi == 0.0)
        {
          c->cphi = 1.0;
          c->sphi = 0.0;
        }
      else
        {
          c->cphi = cos (shapes[k].phi);
          c->sphi = sin (shapes[k].phi);
        }
      c->dup_mask = 1u << k;
    }

  /* Groups of identical shapes; "identical" within a tolerance is not transitive, so the
   * groups are closed under it (each member's mask is the whole group). */
  for (guint k = 0; k < n; k++)
    {
      if (arr->c[k].empty)
        continue;
      for (guint j = k + 1; j < n; j++)
        if (!arr->c[j].empty && conics_identical (&arr->c[k], &arr->c[j]))
          {
            guint group = arr->c[k].dup_mask | arr->c[j].dup_mask;

            for (guint i = 0; i < n; i++)
              if (group & (1u << i))
                arr->c[i].dup_mask = group;
          }
    }
  /* The representative of a group of duplicates is its lowest index. */
  for (guint k = 0; k < n; k++)
    arr->c[k].is_rep = !arr->c[k].empty && (arr->c[k].dup_mask & ((1u << k) - 1)) == 0;

  for (guint k = 0; k < n; k++)
    {
      if (!arr->c[k].is_rep)
        continue;
      for (guint j = k + 1; j < n; j++)
        {
          Crossing *xk = crossings[k] + n_crossings[k];
          Crossing *xj = crossings[j] + n_crossings[j];
          guint m;

          if (!arr->c[j].is_rep)
            continue;
          if (arr->c[k].a == arr->c[k].b && arr->c[j].a == arr->c[j].b)
            m = circle_crossings (&arr->c[k], &arr->c[j], xk, xj);
          else
            m = ellipse_crossings (&arr->c[k], &arr->c[j], xk, xj);
          n_crossings[k] += m;
          n_crossings[j] += m;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      const ZopaEulerConic *c = &arr->c[k];
      Crossing *x = crossings[k];
      guint m = n_crossings[k];

      if (!c->is_rep)
        continue;

      if (m == 0)
        {
          /* A closed boundary with no crossings lies wholly inside or outside each other
           * shape; test the one of four points that is farthest from the other boundary. */
          static const double c4[4] = { 1.0, 0.0, -1.0, 0.0 };
          guint inside = 0;

          for (guint j = 0; j < n; j++)
            {
              double best = 0.0;

              if (!arr->c[j].is_rep || (c->dup_mask & (1u << j)))
                continue;
              for (guint q = 0; q < 4; q++)
                {
                  double ex, ey, f;

                  conic_offset_cs (c, c4[q], c4[(q + 3) % 4], &ex, &ey);
                  f = zopa_euler_conic_eval (&arr->c[j], c->cx + ex, c->cy + ey);
                  if (fabs (f) > fabs (best))
                    best = f;
                }
              if (best < 0.0)
                inside |= arr->c[j].dup_mask;
            }
          arr->arcs[arr->n_arcs++] = (ZopaEulerArc) {
            .shape = k, .inner = inside | c->dup_mask, .outer = inside,
            .t0 = 0.0, .t1 = TWO_PI, .c0 = 1.0, .s0 = 0.0, .c1 = 1.0, .s1 = 0.0,
          };
          continue;
        }

      sort_crossings (x, m);
      for (guint i = 0; i < m; i++)
        {
          const Crossing *a = &x[i];
          const Crossing *b = &x[i + 1 < m ? i + 1 : 0];
          double t1 = i + 1 < m ? b->t : b->t + TWO_PI;
          double mx, my, mn, ex, ey;
          guint inside;

          if (t1 - a->t <= 0.0)
            continue;
          /* Any point well inside the arc tells which shapes it runs through: the middle,
           * from the end points' directions, or a quarter turn on for half circles. */
          mx = a->c + b->c;
          my = a->s + b->s;
          mn = hypot (mx, my);
          if (mn < 1e-3)
            {
              mx = -a->s;
              my = a->c;
            }
          else
            {
              double sign = t1 - a->t > G_PI ? -1.0 : 1.0;

              mx *= sign / mn;
              my *= sign / mn;
            }
          conic_offset_cs (c, mx, my, &ex, &ey);
          inside = containing_mask (arr, k, c->cx + ex, c->cy + ey);
          arr->arcs[arr->n_arcs++] = (ZopaEulerArc) {
            .shape = k, .inner = inside | c->dup_mask, .outer = inside,
            .t0 = a->t, .t1 = t1, .c0 = a->c, .s0 = a->s, .c1 = b->c, .s1 = b->s,
          };
        }
    }
}

void
zopa_euler_arrangement_point (const ZopaEulerArrangement *arr,
                              guint                       k,
                              double                      t,
                              double                     *x,
                              double                     *y)
{
  double ex, ey;

  conic_offset_cs (&arr->c[k], cos (t), sin (t), &ex, &ey);
  *x = arr->c[k].cx + ex + arr->ox;
  *y = arr->c[k].cy + ey + arr->oy;
}

/* Green's theorem per region, split as "polygon plus elliptical segments": each arc
 * contributes the segment between it and its chord, ½ a b (Δt − sin Δt), and its chord
 * contributes ½ (P0 − O) × (P1 − O) to the region's polygon, O being a vertex of that region.
 * Measuring every region from its own vertex and every segment on its own keeps the
 * precision of small regions (a tiny lens is two tiny segments, not the difference of two
 * large sums). */
typedef struct {
  gboolean has_origin[ZOPA_EULER_MAX_REGIONS];
  double ox[ZOPA_EULER_MAX_REGIONS];
  double oy[ZOPA_EULER_MAX_REGIONS];
} RegionOrigins;

static inline double
arc_span (const ZopaEulerArc *arc)
{
  double dt = arc->t1 - arc->t0;

  /* Short arcs get their angle from the end points' directions, exact to the last bit. */
  if (dt < 1.0)
    dt = atan2 (arc->c0 * arc->s1 - arc->s0 * arc->c1, arc->c0 * arc->c1 + arc->s0 * arc->s1);
  return dt;
}

static inline double
segment_area (double ab,
              double dt)
{
  double d2 = dt * dt;

  if (dt < 1e-2)
    return 0.5 * ab * dt * d2 * (1.0 / 6.0 - d2 * (1.0 / 120.0 - d2 / 5040.0));
  return 0.5 * ab * (dt - sin (dt));
}

static inline double
chord_area (RegionOrigins *ro,
            guint          region,
            double         x0,
            double         y0,
            double         x1,
            double         y1)
{
  if (!ro->has_origin[region])
    {
      ro->has_origin[region] = TRUE;
      ro->ox[region] = x0;
      ro->oy[region] = y0;
      return 0.0;
    }
  x0 -= ro->ox[region];
  y0 -= ro->oy[region];
  x1 -= ro->ox[region];
  y1 -= ro->oy[region];
  return 0.5 * (x0 * y1 - y0 * x1);
}

/* The arc's contributions to the areas of its inner and outer regions. */
static inline void
arc_areas (const ZopaEulerConic *c,
           const ZopaEulerArc   *arc,
           RegionOrigins        *ro,
           double               *inner,
           double               *outer)
{
  double e0x, e0y, e1x, e1y, seg, p0x, p0y, p1x, p1y;

  conic_offset_cs (c, arc->c0, arc->s0, &e0x, &e0y);
  conic_offset_cs (c, arc->c1, arc->s1, &e1x, &e1y);
  p0x = c->cx + e0x;
  p0y = c->cy + e0y;
  p1x = c->cx + e1x;
  p1y = c->cy + e1y;
  seg = segment_area (c->a * c->b, arc_span (arc));
  *inner = seg + chord_area (ro, arc->inner, p0x, p0y, p1x, p1y);
  *outer = arc->outer != 0 ? seg + chord_area (ro, arc->outer, p0x, p0y, p1x, p1y) : 0.0;
}

void
zopa_euler_arrangement_areas (const ZopaEulerArrangement *arr,
                              double                     *areas)
{
  guint n_regions = 1u << arr->n;
  RegionOrigins ro;

  memset (ro.has_origin, 0, sizeof ro.has_origin);
  memset (areas, 0, n_regions * sizeof (double));
  for (guint i = 0; i < arr->n_arcs; i++)
    {
      const ZopaEulerArc *arc = &arr->arcs[i];
      double gi, go;

      arc_areas (&arr->c[arc->shape], arc, &ro, &gi, &go);
      areas[arc->inner] += gi;
      if (arc->outer != 0)
        areas[arc->outer] -= go;
    }
  areas[0] = 0.0;
  for (guint r = 1; r < n_regions; r++)
    if (areas[r] < 0.0)
      areas[r] = 0.0;
}

void
zopa_euler_arrangement_gradient (const ZopaEulerArrangement *arr,
                                 double                     *areas,
                                 double                     *grad)
{
  guint n_regions = 1u << arr->n;
  guint n_params = 5 * arr->n;
  RegionOrigins ro;

  memset (ro.has_origin, 0, sizeof ro.has_origin);
  if (areas != NULL)
    memset (areas, 0, n_regions * sizeof (double));
  memset (grad, 0, (gsize) n_regions * n_params * sizeof (double));
  for (guint i = 0; i < arr->n_arcs; i++)
    {
      const ZopaEulerArc *arc = &arr->arcs[i];
      const ZopaEulerConic *c = &arr->c[arc->shape];
      double e0x, e0y, e1x, e1y, gi, go, d[5];
      double dt = arc->t1 - arc->t0;
      double s2 = 2.0 * (arc->s1 * arc->c1 - arc->s0 * arc->c0);
      double icc, iss, ics, k11, k12, k22, kxx, kxy, kyy;
      double cp = c->cphi, sp = c->sphi, ab = c->a * c->b;
      double *gi_row, *go_row;

      conic_offset_cs (c, arc->c0, arc->s0, &e0x, &e0y);
      conic_offset_cs (c, arc->c1, arc->s1, &e1x, &e1y);

      /* Moving the centre moves the boundary along the normal by the tangent's cross
       * product; changing Q moves it by −Eᵀ dQ E / |∇|, and |E'| / |Q E| = a b. */
      icc = 0.5 * dt + 0.25 * s2;
      iss = 0.5 * dt - 0.25 * s2;
      ics = 0.5 * (arc->s1 * arc->s1 - arc->s0 * arc->s0);
      /* K = ∫ E Eᵀ dt = R [[a² Icc, ab Ics], [ab Ics, b² Iss]] Rᵀ */
      k11 = c->a * c->a * icc;
      k12 = ab * ics;
      k22 = c->b * c->b * iss;
      kxx = cp * cp * k11 - 2.0 * cp * sp * k12 + sp * sp * k22;
      kyy = sp * sp * k11 + 2.0 * cp * sp * k12 + cp * cp * k22;
      kxy = cp * sp * (k11 - k22) + (cp * cp - sp * sp) * k12;
      d[0] = e1y - e0y;
      d[1] = -(e1x - e0x);
      d[2] = -0.5 * ab * kxx;
      d[3] = -ab * kxy;
      d[4] = -0.5 * ab * kyy;

      if (areas != NULL)
        {
          arc_areas (c, arc, &ro, &gi, &go);
          areas[arc->inner] += gi;
          if (arc->outer != 0)
            areas[arc->outer] -= go;
        }
      gi_row = grad + arc->inner * n_params + arc->shape * 5;
      for (guint p = 0; p < 5; p++)
        gi_row[p] += d[p];
      if (arc->outer != 0)
        {
          go_row = grad + arc->outer * n_params + arc->shape * 5;
          for (guint p = 0; p < 5; p++)
            go_row[p] -= d[p];
        }
    }
  if (areas == NULL)
    return;
  areas[0] = 0.0;
  for (guint r = 1; r < n_regions; r++)
    if (areas[r] < 0.0)
      areas[r] = 0.0;
}

/* ---- Circles only ----------------------------------------------------------------------- */

/* A crossing on a circle: its direction from the centre and a key that orders directions by
 * angle from (1, 0), counter-clockwise, in [0, 4) (the "diamond angle": a division instead
 * of an arctangent, and as fine as the angle everywhere). */
typedef struct {
  double key;
  double c;
  double s;
} CircleCrossing;

static inline void
circle_crossing_set (CircleCrossing *x,
                     double          c,
                     double          s)
{
  x->c = c;
  x->s = s;
  if (s >= 0.0)
    x->key = c >= 0.0 ? s / (c + s) : 1.0 - c / (s - c);
  else
    x->key = c < 0.0 ? 2.0 - s / (-c - s) : 3.0 + c / (c - s);
}

void
zopa_euler_circles_init (ZopaEulerCircles *arr,
                         const double     *x,
                         const double     *y,
                         const double     *r,
                         guint             n)
{
  CircleCrossing crossings[ZOPA_EULER_MAX_SETS][2 * (ZOPA_EULER_MAX_SETS - 1)];
  guint n_crossings[ZOPA_EULER_MAX_SETS] = { 0 };
  gboolean empty[ZOPA_EULER_MAX_SETS];
  double sx = 0.0, sy = 0.0;
  guint n_real = 0;

  g_assert (n <= ZOPA_EULER_MAX_SETS);
  arr->n = n;
  arr->n_arcs = 0;
  for (guint k = 0; k < n; k++)
    {
      empty[k] = !(isfinite (x[k]) && isfinite (y[k]) && isfinite (r[k]) && r[k] > 0.0);
      if (!empty[k])
        {
          sx += x[k];
          sy += y[k];
          n_real++;
        }
    }
  /* Around the mean centre, as for ellipses. */
  arr->ox = n_real > 0 ? sx / n_real : 0.0;
  arr->oy = n_real > 0 ? sy / n_real : 0.0;
  for (guint k = 0; k < n; k++)
    {
      arr->cx[k] = x[k] - arr->ox;
      arr->cy[k] = y[k] - arr->oy;
      arr->r[k] = r[k];
      arr->dup_mask[k] = 1u << k;
    }

  /* Groups of identical circles, closed as for ellipses; the lowest index represents. */
  for (guint k = 0; k < n; k++)
    for (guint j = k + 1; j < n && !empty[k]; j++)
      {
        double tol = 1e-12 * MAX (r[k], r[j]);

        if (!empty[j] && fabs (arr->cx[k] - arr->cx[j]) <= tol
            && fabs (arr->cy[k] - arr->cy[j]) <= tol && fabs (r[k] - r[j]) <= tol)
          {
            guint group = arr->dup_mask[k] | arr->dup_mask[j];

            for (guint i = 0; i < n; i++)
              if (group & (1u << i))
                arr->dup_mask[i] = group;
          }
      }
  for (guint k = 0; k < n; k++)
    arr->is_rep[k] = !empty[k] && (arr->dup_mask[k] & ((1u << k) - 1)) == 0;

  /* Crossings of each pair, the half chord from the product of the three gaps (Heron's
   * form) so that tiny overlaps keep their precision. */
  for (guint k = 0; k < n; k++)
    for (guint j = k + 1; j < n && arr->is_rep[k]; j++)
      {
        double dx, dy, d, r1 = r[k], r2 = r[j], g1, g2, g3, h, along, ex, ey;

        if (!arr->is_rep[j])
          continue;
        dx = arr->cx[j] - arr->cx[k];
        dy = arr->cy[j] - arr->cy[k];
        d = sqrt (dx * dx + dy * dy);
        g1 = r1 + r2 - d;
        g2 = d + r2 - r1;
        g3 = d + r1 - r2;
        if (d == 0.0 || g1 <= 0.0 || g2 <= 0.0 || g3 <= 0.0)
          continue;
        h = sqrt (g1 * g2 * g3 * (d + r1 + r2)) / (2.0 * d);
        along = (d * d + r1 * r1 - r2 * r2) / (2.0 * d);
        ex = dx / d;
        ey = dy / d;
        for (int side = -1; side <= 1; side += 2)
          {
            double px = along * ex - side * h * ey, py = along * ey + side * h * ex;

            circle_crossing_set (&crossings[k][n_crossings[k]++], px / r1, py / r1);
            circle_crossing_set (&crossings[j][n_crossings[j]++],
                                 ((along - d) * ex - side * h * ey) / r2,
                                 ((along - d) * ey + side * h * ex) / r2);
          }
      }

  for (guint k = 0; k < n; k++)
    {
      CircleCrossing *xs = crossings[k];
      guint m = n_crossings[k];
      guint mask = arr->dup_mask[k];

      if (!arr->is_rep[k])
        continue;

      if (m == 0)
        {
          /* Without crossings a circle lies inside another exactly when it is not larger
           * and its centre is inside the other. */
          guint inside = 0;

          for (guint j = 0; j < n; j++)
            {
              double dx = arr->cx[k] - arr->cx[j], dy = arr->cy[k] - arr->cy[j];

              if (arr->is_rep[j] && !(mask & (1u << j)) && r[k] <= r[j]
                  && dx * dx + dy * dy < r[j] * r[j])
                inside |= arr->dup_mask[j];
            }
          arr->arcs[arr->n_arcs++] = (ZopaEulerCircleArc) {
            .shape = k, .inner = inside | mask, .outer = inside, .span = 2.0 * G_PI,
            .c0 = 1.0, .s0 = 0.0, .c1 = 1.0, .s1 = 0.0,
          };
          continue;
        }

      for (guint i = 1; i < m; i++)
        {
          CircleCrossing c = xs[i];
          guint j = i;

          while (j > 0 && xs[j - 1].key > c.key)
            {
              xs[j] = xs[j - 1];
              j--;
            }
          xs[j] = c;
        }

      for (guint i = 0; i < m; i++)
        {
          const CircleCrossing *a = &xs[i];
          const CircleCrossing *b = &xs[i + 1 < m ? i + 1 : 0];
          /* The arc runs counter-clockwise from a to b: the keys tell whether it is longer
           * than a half turn, the arctangent gives its exact span. */
          double turn = i + 1 < m ? b->key - a->key : b->key + 4.0 - a->key;
          double cross = a->c * b->s - a->s * b->c, dot = a->c * b->c + a->s * b->s;
          double span = atan2 (cross, dot), mx, my, mn, px, py;
          guint inside = 0;

          if (turn <= 0.0)
            continue;
          if (turn > 2.0 && span <= 0.0)
            span += 2.0 * G_PI;
          else if (span < 0.0)
            span = 0.0;

          /* A point well inside the arc tells which circles it runs through: the middle,
           * from the end points' directions, or a quarter turn on for half circles. */
          mx = a->c + b->c;
          my = a->s + b->s;
          mn = sqrt (mx * mx + my * my);
          if (mn < 1e-3)
            {
              mx = -a->s;
              my = a->c;
            }
          else
            {
              double sign = span > G_PI ? -1.0 : 1.0;

              mx *= sign / mn;
              my *= sign / mn;
            }
          px = arr->cx[k] + r[k] * mx;
          py = arr->cy[k] + r[k] * my;
          for (guint j = 0; j < n; j++)
            {
              double dx = px - arr->cx[j], dy = py - arr->cy[j];

              if (arr->is_rep[j] && !(mask & (1u << j)) && dx * dx + dy * dy < r[j] * r[j])
                inside |= arr->dup_mask[j];
            }
          arr->arcs[arr->n_arcs++] = (ZopaEulerCircleArc) {
            .shape = k, .inner = inside | mask, .outer = inside, .span = span,
            .c0 = a->c, .s0 = a->s, .c1 = b->c, .s1 = b->s,
          };
        }
    }
}

void
zopa_euler_circles_areas (const ZopaEulerCircles *arr,
                          double                 *areas,
                          double                 *jac)
{
  guint n_regions = 1u << arr->n;
  guint np = 3 * arr->n;
  RegionOrigins ro;

  memset (ro.has_origin, 0, sizeof ro.has_origin);
  if (areas != NULL)
    memset (areas, 0, n_regions * sizeof (double));
  if (jac != NULL)
    memset (jac, 0, (gsize) (n_regions - 1) * np * sizeof (double));
  for (guint i = 0; i < arr->n_arcs; i++)
    {
      const ZopaEulerCircleArc *arc = &arr->arcs[i];
      guint k = arc->shape;
      double r = arr->r[k], r2 = r * r, dt = arc->span, seg;
      double e0x = r * arc->c0, e0y = r * arc->s0, e1x = r * arc->c1, e1y = r * arc->s1;
      double p0x = arr->cx[k] + e0x, p0y = arr->cy[k] + e0y;
      double p1x = arr->cx[k] + e1x, p1y = arr->cy[k] + e1y;

      /* The segment between the arc and its chord, ½ r² (Δt − sin Δt), its sine the cross
       * product of the end directions; a short one from the series. */
      if (areas != NULL)
        {
          if (dt < 1e-2)
            {
              double d2 = dt * dt;

              seg = 0.5 * r2 * dt * d2 * (1.0 / 6.0 - d2 * (1.0 / 120.0 - d2 / 5040.0));
            }
          else
            seg = 0.5 * r2 * (dt - (arc->c0 * arc->s1 - arc->s0 * arc->c1));
          areas[arc->inner] += seg + chord_area (&ro, arc->inner, p0x, p0y, p1x, p1y);
          if (arc->outer != 0)
            areas[arc->outer] -= seg + chord_area (&ro, arc->outer, p0x, p0y, p1x, p1y);
        }

      /* Moving the centre moves the arc along its normal; growing log r by one moves every
       * point out by r, so the region gains r² Δt. */
      if (jac != NULL)
        {
          double d0 = e1y - e0y, d1 = e0x - e1x, d2 = r2 * dt;
          double *row = jac + (gsize) (arc->inner - 1) * np + 3 * k;

          row[0] += d0;
          row[1] += d1;
          row[2] += d2;
          if (arc->outer != 0)
            {
              row = jac + (gsize) (arc->outer - 1) * np + 3 * k;
              row[0] -= d0;
              row[1] -= d1;
              row[2] -= d2;
            }
        }
    }
  if (areas == NULL)
    return;
  areas[0] = 0.0;
  for (guint r = 1; r < n_regions; r++)
    if (areas[r] < 0.0)
      areas[r] = 0.0;
}

/* ---- Public helpers --------------------------------------------------------------------- */

gboolean
zopa_euler_region_areas (const ZopaEllipse *shapes,
                         guint              n,
                         double            *areas)
{
  ZopaEulerArrangement arr;
  gboolean circles = TRUE;

  if (n < 1 || n > ZOPA_EULER_MAX_SETS)
    return FALSE;
  for (guint k = 0; k < n && circles; k++)
    circles = shapes[k].a == shapes[k].b || ellipse_is_empty (&shapes[k]);
  if (circles)
    {
      ZopaEulerCircles c;
      double x[ZOPA_EULER_MAX_SETS], y[ZOPA_EULER_MAX_SETS], r[ZOPA_EULER_MAX_SETS];

      for (guint k = 0; k < n; k++)
        {
          gboolean empty = ellipse_is_empty (&shapes[k]);

          x[k] = shapes[k].x;
          y[k] = shapes[k].y;
          r[k] = empty ? 0.0 : shapes[k].a;
        }
      zopa_euler_circles_init (&c, x, y, r, n);
      zopa_euler_circles_areas (&c, areas, NULL);
      return TRUE;
    }
  zopa_euler_arrangement_init (&arr, shapes, n);
  zopa_euler_arrangement_areas (&arr, areas);
  return TRUE;
}

guint
zopa_euler_point_mask (const ZopaEllipse *shapes,
                       guint              n,
                       double             x,
                       double             y)
{
  guint mask = 0;

  for (guint k = 0; k < n && k < ZOPA_EULER_MAX_SETS; k++)
    {
      const ZopaEllipse *e = &shapes[k];
      double dx, dy, c, s, u, v;

      if (ellipse_is_empty (e))
        continue;
      dx = x - e->x;
      dy = y - e->y;
      c = cos (e->phi);
      s = sin (e->phi);
      u = (c * dx + s * dy) / e->a;
      v = (-s * dx + c * dy) / e->b;
      if (u * u + v * v < 1.0)
        mask |= 1u << k;
    }
  return mask;
}

gboolean
zopa_euler_bounds (const ZopaEllipse *shapes,
                   guint              n,
                   double            *x0,
                   double            *y0,
                   double            *x1,
                   double            *y1)
{
  gboolean any = FALSE;
  double bx0 = 0.0, by0 = 0.0, bx1 = 0.0, by1 = 0.0;

  for (guint k = 0; k < n && k < ZOPA_EULER_MAX_SETS; k++)
    {
      const ZopaEllipse *e = &shapes[k];
      double c, s, hw, hh;

      if (ellipse_is_empty (e))
        continue;
      c = cos (e->phi);
      s = sin (e->phi);
      hw = sqrt (e->a * e->a * c * c + e->b * e->b * s * s);
      hh = sqrt (e->a * e->a * s * s + e->b * e->b * c * c);
      if (!any)
        {
          bx0 = e->x - hw;
          bx1 = e->x + hw;
          by0 = e->y - hh;
          by1 = e->y + hh;
          any = TRUE;
        }
      else
        {
          bx0 = MIN (bx0, e->x - hw);
          bx1 = MAX (bx1, e->x + hw);
          by0 = MIN (by0, e->y - hh);
          by1 = MAX (by1, e->y + hh);
        }
    }
  if (x0)
    *x0 = bx0;
  if (y0)
    *y0 = by0;
  if (x1)
    *x1 = bx1;
  if (y1)
    *y1 = by1;
  return any;
}

double
zopa_euler_lens_area (double r1,
                      double r2,
                      double d)
{
  double rs = MIN (r1, r2), rl = MAX (r1, r2);
  double x, h2, a1, a2;

  if (d >= r1 + r2)
    return 0.0;
  if (d <= rl - rs)
    return G_PI * rs * rs;
  x = (d * d + r1 * r1 - r2 * r2) / (2.0 * d);
  h2 = (r1 + r2 - d) * (d + r2 - r1) * (d + r1 - r2) * (d + r1 + r2) / (4.0 * d * d);
  /* Each circle's segment beyond the common chord: r² acos (x / r) − x h. */
  a1 = r1 * r1 * atan2 (sqrt (h2), x) - x * sqrt (h2);
  a2 = r2 * r2 * atan2 (sqrt (h2), d - x) - (d - x) * sqrt (h2);
  return a1 + a2;
}

double
zopa_euler_stress (const double *wanted,
                   const double *fitted,
                   guint         n)
{
  guint n_regions = 1u << n;
  double sww = 0.0, saw = 0.0, saa = 0.0, beta, s = 0.0;

  for (guint r = 1; r < n_regions; r++)
    {
      sww += wanted[r] * wanted[r];
      saw += wanted[r] * fitted[r];
      saa += fitted[r] * fitted[r];
    }
  if (sww == 0.0 || saa == 0.0)
    return 1.0;
  beta = saw / sww;
  for (guint r = 1; r < n_regions; r++)
    {
      double e = fitted[r] - beta * wanted[r];
      s += e * e;
    }
  return s / saa;
}

double
zopa_euler_diag_error (const double *wanted,
                       const double *fitted,
                       guint         n)
{
  guint n_regions = 1u << n;
  double sw = 0.0, sa = 0.0, worst = 0.0;

  for (guint r = 1; r < n_regions; r++)
    {
      sw += wanted[r];
      sa += fitted[r];
    }
  if (sw == 0.0 || sa == 0.0)
    return 1.0;
  for (guint r = 1; r < n_regions; r++)
    worst = MAX (worst, fabs (fitted[r] / sa - wanted[r] / sw));
  return worst;
}
