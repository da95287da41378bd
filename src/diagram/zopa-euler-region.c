/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-euler-region.c: the outline of one region of a diagram (as cairo path and as
 * polygons), its pole of inaccessibility, and discs placed side by side inside it.
 *
 * A region's boundary is made of the arcs of the arrangement that have the region on one
 * side: taken forward where it is on their inner side, backward where on their outer side,
 * so that the region is always on the left. Chained end to start, they close into loops:
 * outer outlines counter-clockwise and holes clockwise, which both fill rules honour. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "diagram/zopa-euler-private.h"

typedef struct {
  guint8 shape;
  gboolean forward;
  double t0;            /* start and end parameters in drawing order */
  double t1;
  double x0, y0;        /* start and end points (arrangement coordinates + origin) */
  double x1, y1;
} RegionArc;

typedef struct {
  ZopaEulerArrangement arr;
  guint n_arcs;
  RegionArc arcs[ZOPA_EULER_MAX_ARCS];
  /* Loops as runs of arcs: loop i is arcs[loop_start[i] .. loop_start[i + 1] − 1]. */
  guint n_loops;
  guint loop_start[ZOPA_EULER_MAX_ARCS + 1];
} RegionOutline;

/* Collects and chains the arcs bounding region mask; FALSE when it has none. */
static gboolean
region_outline_init (RegionOutline     *ro,
                     const ZopaEllipse *shapes,
                     guint              n,
                     guint              mask)
{
  RegionArc pool[ZOPA_EULER_MAX_ARCS];
  gboolean used[ZOPA_EULER_MAX_ARCS] = { FALSE };
  guint n_pool = 0;

  ro->n_arcs = 0;
  ro->n_loops = 0;
  if (n < 1 || n > ZOPA_EULER_MAX_SETS || mask == 0 || mask >= (1u << n))
    return FALSE;
  zopa_euler_arrangement_init (&ro->arr, shapes, n);

  for (guint i = 0; i < ro->arr.n_arcs; i++)
    {
      const ZopaEulerArc *a = &ro->arr.arcs[i];
      RegionArc *r;

      if (a->inner != mask && a->outer != mask)
        continue;
      r = &pool[n_pool++];
      r->shape = a->shape;
      r->forward = a->inner == mask;
      r->t0 = r->forward ? a->t0 : a->t1;
      r->t1 = r->forward ? a->t1 : a->t0;
      zopa_euler_arrangement_point (&ro->arr, a->shape, r->t0, &r->x0, &r->y0);
      zopa_euler_arrangement_point (&ro->arr, a->shape, r->t1, &r->x1, &r->y1);
    }
  if (n_pool == 0)
    return FALSE;

  /* Chain: from the end of each arc go on with the unused arc whose start is nearest,
   * unless the start of the loop is nearer still. */
  for (guint first = 0; first < n_pool; first++)
    {
      guint cur;

      if (used[first])
        continue;
      ro->loop_start[ro->n_loops++] = ro->n_arcs;
      cur = first;
      for (;;)
        {
          const RegionArc *c = &pool[cur];
          double best, sx, sy;
          guint next = G_MAXUINT;

          used[cur] = TRUE;
          ro->arcs[ro->n_arcs++] = *c;
          sx = pool[first].x0;
          sy = pool[first].y0;
          best = hypot (c->x1 - sx, c->y1 - sy);
          for (guint j = 0; j < n_pool; j++)
            {
              double d;

              if (used[j])
                continue;
              d = hypot (c->x1 - pool[j].x0, c->y1 - pool[j].y0);
              if (d < best)
                {
                  best = d;
                  next = j;
                }
            }
          if (next == G_MAXUINT)
            break;
          cur = next;
        }
    }
  ro->loop_start[ro->n_loops] = ro->n_arcs;
  return TRUE;
}

gboolean
zopa_euler_region_append_path (cairo_t           *cr,
                               const ZopaEllipse *shapes,
                               guint              n,
                               guint              mask)
{
  RegionOutline ro;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (!region_outline_init (&ro, shapes, n, mask))
    return FALSE;
  for (guint l = 0; l < ro.n_loops; l++)
    {
      cairo_new_sub_path (cr);
      for (guint i = ro.loop_start[l]; i < ro.loop_start[l + 1]; i++)
        {
          const RegionArc *a = &ro.arcs[i];
          const ZopaEllipse *e = &shapes[a->shape];

          /* An elliptical arc is a unit circle's arc under translate · rotate · scale; the
           * path keeps device coordinates, so restoring the matrix keeps the arc. */
          cairo_save (cr);
          cairo_translate (cr, e->x, e->y);
          cairo_rotate (cr, e->phi);
          cairo_scale (cr, e->a, e->b);
          if (a->forward)
            cairo_arc (cr, 0.0, 0.0, 1.0, a->t0, a->t1);
          else
            cairo_arc_negative (cr, 0.0, 0.0, 1.0, a->t0, a->t1);
          cairo_restore (cr);
        }
      cairo_close_path (cr);
    }
  return TRUE;
}

/* ---- Polygons --------------------------------------------------------------------------- */

typedef struct {
  GArray *x;            /* vertices of all rings, each ring closed implicitly */
  GArray *y;
  GArray *ring_start;   /* guint offsets, one more than rings */
  double x0, y0, x1, y1;
  /* How far a chord can stray from its arc: distances to the polygon are lowered by this,
   * so that discs said to fit do fit the true outline. */
  double slack;
} RegionPolygon;

static void
region_polygon_clear (RegionPolygon *rp)
{
  g_clear_pointer (&rp->x, g_array_unref);
  g_clear_pointer (&rp->y, g_array_unref);
  g_clear_pointer (&rp->ring_start, g_array_unref);
}

/* Samples the outline with steps of at most 2π / steps_per_turn in each arc's parameter. */
static gboolean
region_polygon_init (RegionPolygon     *rp,
                     const ZopaEllipse *shapes,
                     guint              n,
                     guint              mask,
                     guint              steps_per_turn)
{
  RegionOutline ro;
  guint zero = 0;

  memset (rp, 0, sizeof *rp);
  if (!region_outline_init (&ro, shapes, n, mask))
    return FALSE;
  rp->x = g_array_new (FALSE, FALSE, sizeof (double));
  rp->y = g_array_new (FALSE, FALSE, sizeof (double));
  rp->ring_start = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (rp->ring_start, zero);
  rp->x0 = rp->y0 = G_MAXDOUBLE;
  rp->x1 = rp->y1 = -G_MAXDOUBLE;
  /* An ellipse is the affine image of a circle, so a chord over a parameter step Δ strays
   * at most max (a, b) (1 − cos (Δ / 2)) from it. */
  for (guint i = 0; i < ro.n_arcs; i++)
    {
      const ZopaEllipse *e = &shapes[ro.arcs[i].shape];

      rp->slack = MAX (rp->slack, MAX (e->a, e->b) * (1.0 - cos (G_PI / steps_per_turn)));
    }

  for (guint l = 0; l < ro.n_loops; l++)
    {
      for (guint i = ro.loop_start[l]; i < ro.loop_start[l + 1]; i++)
        {
          const RegionArc *a = &ro.arcs[i];
          double span = a->t1 - a->t0;
          guint steps = (guint) ceil (fabs (span) / (2.0 * G_PI) * steps_per_turn);

          steps = MAX (steps, 1);
          /* Each arc contributes its start and inner points; the next arc starts where it
           * ends. */
          for (guint s = 0; s < steps; s++)
            {
              double px, py;

              zopa_euler_arrangement_point (&ro.arr, a->shape, a->t0 + span * s / steps,
                                            &px, &py);
              g_array_append_val (rp->x, px);
              g_array_append_val (rp->y, py);
              rp->x0 = MIN (rp->x0, px);
              rp->y0 = MIN (rp->y0, py);
              rp->x1 = MAX (rp->x1, px);
              rp->y1 = MAX (rp->y1, py);
            }
        }
      {
        guint end = rp->x->len;
        g_array_append_val (rp->ring_start, end);
      }
    }
  return rp->x->len >= 3;
}

static double
segment_distance2 (double px,
                   double py,
                   double ax,
                   double ay,
                   double bx,
                   double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0.0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
  double qx, qy;

  t = CLAMP (t, 0.0, 1.0);
  qx = ax + t * dx - px;
  qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

/* Distance from (px, py) to the nearest edge of the polygon. */
static double
region_polygon_distance (const RegionPolygon *rp,
                         double               px,
                         double               py)
{
  const double *xs = (const double *) rp->x->data;
  const double *ys = (const double *) rp->y->data;
  const guint *rs = (const guint *) rp->ring_start->data;
  double best = G_MAXDOUBLE;

  for (guint r = 0; r + 1 < rp->ring_start->len; r++)
    {
      guint s = rs[r], e = rs[r + 1];

      for (guint i = s; i < e; i++)
        {
          guint j = i + 1 < e ? i + 1 : s;
          double d = segment_distance2 (px, py, xs[i], ys[i], xs[j], ys[j]);

          if (d < best)
            best = d;
        }
    }
  return sqrt (best);
}

/* Distance to the edge, positive inside region mask (decided exactly from the shapes),
 * negative outside. */
static double
signed_distance (const RegionPolygon *rp,
                 const ZopaEllipse   *shapes,
                 guint                n,
                 guint                mask,
                 double               px,
                 double               py)
{
  double d = region_polygon_distance (rp, px, py);

  return zopa_euler_point_mask (shapes, n, px, py) == mask ? d - rp->slack : -d;
}

/* ---- Pole of inaccessibility ------------------------------------------------------------ */

/* Polygon steps per full turn of an ellipse: the chords stray from the arcs by at most
 * a (π / 256)² / 2 ≈ 8e-5 a, far below a pixel at 4K for any sensible label. */
#define LABEL_STEPS_PER_TURN 256

typedef struct {
  double x;
  double y;
  double h;     /* half the cell's side */
  double d;     /* signed distance at the centre */
  double max;   /* best distance any point of the cell can have */
} Cell;

static void
heap_push (GArray *heap,
           Cell    cell)
{
  Cell *c;
  guint i;

  g_array_append_val (heap, cell);
  c = (Cell *) heap->data;
  i = heap->len - 1;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      Cell t;

      if (c[parent].max >= c[i].max)
        break;
      t = c[parent];
      c[parent] = c[i];
      c[i] = t;
      i = parent;
    }
}

static Cell
heap_pop (GArray *heap)
{
  Cell *c = (Cell *) heap->data;
  Cell top = c[0];
  guint i = 0, len;

  c[0] = c[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  c = (Cell *) heap->data;
  len = heap->len;
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      Cell t;

      if (l < len && c[l].max > c[m].max)
        m = l;
      if (r < len && c[r].max > c[m].max)
        m = r;
      if (m == i)
        break;
      t = c[m];
      c[m] = c[i];
      c[i] = t;
      i = m;
    }
  return top;
}

static Cell
make_cell (const RegionPolygon *rp,
           const ZopaEllipse   *shapes,
           guint                n,
           guint                mask,
           double               x,
           double               y,
           double               h)
{
  Cell c = { x, y, h, 0.0, 0.0 };

  c.d = signed_distance (rp, shapes, n, mask, x, y);
  c.max = c.d + h * G_SQRT2;
  return c;
}

/* Best-first search over square cells (the "polylabel" method): a cell is split only while
 * its centre's distance plus its half diagonal could still beat the best point found. */
static gboolean
region_polygon_pole (const RegionPolygon *rp,
                     const ZopaEllipse   *shapes,
                     guint                n,
                     guint                mask,
                     double              *x,
                     double              *y,
                     double              *radius)
{
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (Cell));
  double w = rp->x1 - rp->x0, h = rp->y1 - rp->y0;
  double size = MIN (w, h), precision = 1e-4 * MAX (w, h);
  Cell best;
  guint evaluations = 0;

  if (!(size > 0.0))
    return FALSE;

  /* Start from the centroid of the vertices, then cover the box with cells. */
  {
    double sx = 0.0, sy = 0.0;

    for (guint i = 0; i < rp->x->len; i++)
      {
        sx += g_array_index (rp->x, double, i);
        sy += g_array_index (rp->y, double, i);
      }
    best = make_cell (rp, shapes, n, mask, sx / rp->x->len, sy / rp->x->len, 0.0);
  }
  {
    Cell box = make_cell (rp, shapes, n, mask, rp->x0 + 0.5 * w, rp->y0 + 0.5 * h, 0.0);

    if (box.d > best.d)
      best = box;
  }
  for (double cx = rp->x0; cx < rp->x1; cx += size)
    for (double cy = rp->y0; cy < rp->y1; cy += size)
      heap_push (heap, make_cell (rp, shapes, n, mask, cx + 0.5 * size, cy + 0.5 * size,
                                  0.5 * size));

  while (heap->len > 0 && evaluations < 20000)
    {
      Cell c = heap_pop (heap);
      double hh;

      if (c.d > best.d)
        best = c;
      if (c.max - best.d <= precision)
        continue;
      hh = 0.5 * c.h;
      heap_push (heap, make_cell (rp, shapes, n, mask, c.x - hh, c.y - hh, hh));
      heap_push (heap, make_cell (rp, shapes, n, mask, c.x + hh, c.y - hh, hh));
      heap_push (heap, make_cell (rp, shapes, n, mask, c.x - hh, c.y + hh, hh));
      heap_push (heap, make_cell (rp, shapes, n, mask, c.x + hh, c.y + hh, hh));
      evaluations += 4;
    }
  if (!(best.d > 0.0))
    return FALSE;
  *x = best.x;
  *y = best.y;
  *radius = best.d;
  return TRUE;
}

gboolean
zopa_euler_region_label_point (const ZopaEllipse *shapes,
                               guint              n,
                               guint              mask,
                               double            *x,
                               double            *y,
                               double            *radius)
{
  RegionPolygon rp;
  double px = 0.0, py = 0.0, pr = 0.0;
  gboolean ok;

  if (!region_polygon_init (&rp, shapes, n, mask, LABEL_STEPS_PER_TURN))
    {
      region_polygon_clear (&rp);
      return FALSE;
    }
  ok = region_polygon_pole (&rp, shapes, n, mask, &px, &py, &pr);
  region_polygon_clear (&rp);
  if (!ok)
    return FALSE;
  if (x)
    *x = px;
  if (y)
    *y = py;
  if (radius)
    *radius = pr;
  return TRUE;
}

/* ---- Markers ---------------------------------------------------------------------------- */

typedef struct {
  double x;
  double y;
  double d;      /* distance to the edge */
  double key;    /* order of the greedy pass */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *p = a, *q = b;

  if (p->key != q->key)
    return p->key < q->key ? -1 : 1;
  /* Ties broken by position keep the order (and the result) the same everywhere. */
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return (p->y > q->y) - (p->y < q->y);
}

/* Takes candidates in order, keeping each that is at least r from the edge and 2 r from
 * every one kept; TRUE when k were kept (written to xy). */
static gboolean
greedy_place (const Candidate *cands,
              guint            n_cands,
              double           r,
              guint            k,
              double          *xy)
{
  guint placed = 0;
  double min2 = 4.0 * r * r;

  for (guint i = 0; i < n_cands && placed < k; i++)
    {
      gboolean ok = cands[i].d >= r;

      for (guint j = 0; j < placed && ok; j++)
        {
          double dx = cands[i].x - xy[2 * j], dy = cands[i].y - xy[2 * j + 1];

          ok = dx * dx + dy * dy >= min2;
        }
      if (ok)
        {
          xy[2 * placed] = cands[i].x;
          xy[2 * placed + 1] = cands[i].y;
          placed++;
        }
    }
  return placed == k;
}

gboolean
zopa_euler_region_place_markers (const ZopaEllipse *shapes,
                                 guint              n,
                                 guint              mask,
                                 guint              k,
                                 double            *xy,
                                 double            *radius)
{
  RegionPolygon rp;
  double px, py, pr, spacing, mx = 0.0, my = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0, ux, uy;
  g_autoptr(GArray) by_pole = NULL;
  g_autoptr(GArray) by_axis = NULL;
  double lo, hi;
  g_autofree double *trial = NULL;
  gboolean found = FALSE;

  if (k == 0 || xy == NULL)
    return FALSE;
  if (!region_polygon_init (&rp, shapes, n, mask, LABEL_STEPS_PER_TURN)
      || !region_polygon_pole (&rp, shapes, n, mask, &px, &py, &pr))
    {
      region_polygon_clear (&rp);
      return FALSE;
    }
  if (k == 1)
    {
      xy[0] = px;
      xy[1] = py;
      if (radius)
        *radius = pr;
      region_polygon_clear (&rp);
      return TRUE;
    }

  /* Candidate centres on a grid fine enough for discs a few times smaller than the largest
   * inscribed one, at most a few thousand of them. */
  {
    double w = rp.x1 - rp.x0, h = rp.y1 - rp.y0;

    spacing = MAX (pr / (2.0 * sqrt (k)), sqrt (w * h / 4000.0));
    by_pole = g_array_new (FALSE, FALSE, sizeof (Candidate));
    for (double x = rp.x0 + 0.5 * spacing; x < rp.x1; x += spacing)
      for (double y = rp.y0 + 0.5 * spacing; y < rp.y1; y += spacing)
        {
          Candidate c = { x, y, 0.0, 0.0 };

          if (zopa_euler_point_mask (shapes, n, x, y) != mask)
            continue;
          c.d = region_polygon_distance (&rp, x, y) - rp.slack;
          g_array_append_val (by_pole, c);
        }
  }
  {
    Candidate pole = { px, py, pr, 0.0 };

    g_array_append_val (by_pole, pole);
  }

  /* Two orders: outwards from the pole (a compact group) and along the region's long axis
   * (a row, which fits more into long thin regions). */
  for (guint i = 0; i < by_pole->len; i++)
    {
      Candidate *c = &g_array_index (by_pole, Candidate, i);
      mx += c->x / by_pole->len;
      my += c->y / by_pole->len;
    }
  for (guint i = 0; i < by_pole->len; i++)
    {
      Candidate *c = &g_array_index (by_pole, Candidate, i);
      sxx += (c->x - mx) * (c->x - mx);
      sxy += (c->x - mx) * (c->y - my);
      syy += (c->y - my) * (c->y - my);
    }
  {
    double angle = 0.5 * atan2 (2.0 * sxy, sxx - syy);

    ux = cos (angle);
    uy = sin (angle);
  }
  by_axis = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), by_pole->len);
  g_array_append_vals (by_axis, by_pole->data, by_pole->len);
  for (guint i = 0; i < by_pole->len; i++)
    {
      Candidate *c = &g_array_index (by_pole, Candidate, i);
      Candidate *a = &g_array_index (by_axis, Candidate, i);

      c->key = hypot (c->x - px, c->y - py);
      a->key = a->x * ux + a->y * uy;
    }
  g_array_sort (by_pole, compare_candidates);
  g_array_sort (by_axis, compare_candidates);

  /* The largest radius at which either greedy pass still fits k discs. */
  trial = g_new (double, 2 * k);
  lo = 0.0;
  hi = pr;
  for (guint iter = 0; iter < 40; iter++)
    {
      double mid = 0.5 * (lo + hi);

      if (greedy_place ((Candidate *) by_pole->data, by_pole->len, mid, k, trial)
          || greedy_place ((Candidate *) by_axis->data, by_axis->len, mid, k, trial))
        {
          lo = mid;
          found = TRUE;
        }
      else
        hi = mid;
    }
  if (found)
    {
      if (!greedy_place ((Candidate *) by_pole->data, by_pole->len, lo, k, xy))
        greedy_place ((Candidate *) by_axis->data, by_axis->len, lo, k, xy);
      if (radius)
        *radius = lo;
    }
  region_polygon_clear (&rp);
  return found;
}
