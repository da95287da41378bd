/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-venn.c: the Venn/Euler view's fit and layout — the shown actors'
 * acceptable-deal sets as shapes, every region's count, drafts as markers in the region of
 * the actors that accept them, and their labels. zopa-diagram-venn-draw.c draws it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"
#include "diagram/zopa-fit-cache.h"

/* Markers need a region at least this wide, relative to the whole diagram, to be seen. */
#define MARKABLE_FRACTION 0.018
/* A larger inset must leave the overview at least this share of its scale. */
#define MIN_GROWN_SCALE 0.8

/* ---- Region geometry cache -------------------------------------------------------------
 *
 * Label points and marker places depend only on the shapes, and finding them is the costly
 * part of a layout. Every edit builds a new diagram, and in schematic mode its shapes are
 * always the same; resizing keeps them too. So the results are kept per set of shapes (in
 * the shapes' own units; the page is a scaled copy), for the last few sets. */

#define GEOMETRY_CACHE_SIZE 8

typedef struct {
  guint        n;
  ZopaEllipse  shapes[ZOPA_EULER_MAX_SETS];
  guint64      have_label;
  guint64      label_ok;
  double       label[ZOPA_EULER_MAX_REGIONS][3];
  GHashTable  *markers;   /* mask << 8 | k → double[2k + 1] (centres, then radius), or empty */
} GeometryEntry;

G_LOCK_DEFINE_STATIC (geometry_cache);
static GQueue geometry_cache = G_QUEUE_INIT;

static void
geometry_entry_free (gpointer data)
{
  GeometryEntry *entry = data;

  g_hash_table_unref (entry->markers);
  g_free (entry);
}

/* The entry of these shapes, most recently used first; call with the lock held. */
static GeometryEntry *
geometry_entry (const ZopaEllipse *shapes,
                guint              n)
{
  GeometryEntry *entry;

  for (GList *l = geometry_cache.head; l != NULL; l = l->next)
    {
      entry = l->data;
      if (entry->n == n && memcmp (entry->shapes, shapes, n * sizeof (ZopaEllipse)) == 0)
        {
          g_queue_unlink (&geometry_cache, l);
          g_queue_push_head_link (&geometry_cache, l);
          return entry;
        }
    }
  entry = g_new0 (GeometryEntry, 1);
  entry->n = n;
  memcpy (entry->shapes, shapes, n * sizeof (ZopaEllipse));
  entry->markers = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_queue_push_head (&geometry_cache, entry);
  while (geometry_cache.length > GEOMETRY_CACHE_SIZE)
    geometry_entry_free (g_queue_pop_tail (&geometry_cache));
  return entry;
}

static gboolean
cached_label_point (const ZopaEllipse *shapes,
                    guint              n,
                    guint              mask,
                    double            *x,
                    double            *y,
                    double            *radius)
{
  GeometryEntry *entry;
  guint64 bit = G_GUINT64_CONSTANT (1) << mask;
  gboolean ok;

  G_LOCK (geometry_cache);
  entry = geometry_entry (shapes, n);
  if (!(entry->have_label & bit))
    {
      double *l = entry->label[mask];

      if (zopa_euler_region_label_point (shapes, n, mask, &l[0], &l[1], &l[2]))
        entry->label_ok |= bit;
      entry->have_label |= bit;
    }
  ok = (entry->label_ok & bit) != 0;
  if (ok)
    {
      *x = entry->label[mask][0];
      *y = entry->label[mask][1];
      *radius = entry->label[mask][2];
    }
  G_UNLOCK (geometry_cache);
  return ok;
}

static gboolean
cached_place_markers (const ZopaEllipse *shapes,
                      guint              n,
                      guint              mask,
                      guint              k,
                      double            *xy,
                      double            *radius)
{
  GeometryEntry *entry;
  gpointer key = GUINT_TO_POINTER (mask << 8 | k);
  double *found;
  gboolean ok;

  G_LOCK (geometry_cache);
  entry = geometry_entry (shapes, n);
  if (!g_hash_table_lookup_extended (entry->markers, key, NULL, (gpointer *) &found))
    {
      found = g_new (double, 2 * k + 1);
      if (!zopa_euler_region_place_markers (shapes, n, mask, k, found, &found[2 * k]))
        g_clear_pointer (&found, g_free);
      g_hash_table_insert (entry->markers, key, found);
    }
  ok = found != NULL;
  if (ok)
    {
      memcpy (xy, found, 2 * k * sizeof (double));
      *radius = found[2 * k];
    }
  G_UNLOCK (geometry_cache);
  return ok;
}

/* The same on the page: the page shapes are the base shapes scaled and moved, by the
 * overview's mapping or, for a region shown in the inset, by the inset's. */
static gboolean
page_place_markers (ZopaDiagram *self,
                    guint        mask,
                    guint        k,
                    double      *xy,
                    double      *radius)
{
  double s, tx, ty;

  if (!cached_place_markers (self->base_shapes, self->n_actors, mask, k, xy, radius))
    return FALSE;
  zopa_venn_inset_region_map (self, mask, &s, &tx, &ty);
  for (guint j = 0; j < k; j++)
    {
      xy[2 * j] = xy[2 * j] * s + tx;
      xy[2 * j + 1] = xy[2 * j + 1] * s + ty;
    }
  *radius *= s;
  return TRUE;
}

static void
base_bounds (const ZopaEllipse *shapes,
             guint              n,
             double            *x0,
             double            *y0,
             double            *x1,
             double            *y1)
{
  if (!zopa_euler_bounds (shapes, n, x0, y0, x1, y1))
    {
      *x0 = *y0 = -1;
      *x1 = *y1 = 1;
    }
}

/* ---- Gaps between sets that share nothing ----------------------------------------------
 *
 * An area-proportional fit leaves two sets with no deal in common exactly touching, and
 * on a page touching reads as meeting. So, for drawing only, such shapes are moved apart
 * until a small gap shows, as long as no region appears or a present one is lost. */

/* The gap: a fraction of the smaller shape's diameter (of an equal-area circle), but at
 * least a fraction of the whole diagram's extent, since a small shape is drawn small and its
 * outline is as thick as any other. */
#define SEPARATION_FRACTION        0.08
#define SEPARATION_EXTENT_FRACTION 0.02
#define SEPARATION_ROUNDS   12
#define OUTLINE_SAMPLES     96

/* The distance from (px, py) to the outline of an ellipse with semi-axes e0 ≥ e1 centred on
 * the origin and aligned with the axes, for px, py ≥ 0; the nearest outline point goes to
 * (qx, qy). The nearest point solves (e0² qx / (t + e0²), e1² qy / (t + e1²)) = (px, py) on
 * the outline; bisection on t is slow but cannot fail. */
static double
quadrant_distance (double  e0,
                   double  e1,
                   double  px,
                   double  py,
                   double *qx,
                   double *qy)
{
  if (py > 0 && px > 0)
    {
      double z0 = px / e0, z1 = py / e1, r = (e0 / e1) * (e0 / e1);
      double g = z0 * z0 + z1 * z1 - 1, lo, hi, s = 0;

      if (g == 0)
        {
          *qx = px;
          *qy = py;
          return 0;
        }
      /* In units of e1²: f(s) = (r z0 / (s + r))² + (z1 / (s + 1))² − 1 falls from g. */
      lo = z1 - 1;
      hi = g < 0 ? 0 : hypot (r * z0, z1) - 1;
      for (int i = 0; i < 200; i++)
        {
          double f0, f1, f;

          s = (lo + hi) / 2;
          if (s == lo || s == hi)
            break;
          f0 = r * z0 / (s + r);
          f1 = z1 / (s + 1);
          f = f0 * f0 + f1 * f1 - 1;
          if (f > 0)
            lo = s;
          else if (f < 0)
            hi = s;
          else
            break;
        }
      *qx = r * px / (s + r);
      *qy = py / (s + 1);
      return hypot (*qx - px, *qy - py);
    }
  if (px <= 0)
    {
      *qx = 0;
      *qy = e1;
      return fabs (py - e1);
    }
  /* On the major axis: inside near the tip the nearest point is off the axis. */
  if (e0 * px < e0 * e0 - e1 * e1)
    {
      double t = e0 * px / (e0 * e0 - e1 * e1);

      *qx = e0 * t;
      *qy = e1 * sqrt (MAX (0, 1 - t * t));
      return hypot (*qx - px, *qy);
    }
  *qx = e0;
  *qy = 0;
  return fabs (px - e0);
}

/* Signed distance from (px, py) to the outline of e (negative inside); the nearest outline
 * point goes to (qx, qy). */
static double
ellipse_outline_distance (const ZopaEllipse *e,
                          double             px,
                          double             py,
                          double            *qx,
                          double            *qy)
{
  double c = cos (e->phi), s = sin (e->phi);
  double dx = px - e->x, dy = py - e->y;
  double u = c * dx + s * dy, v = -s * dx + c * dy;
  double au = fabs (u), av = fabs (v), nu, nv, d;
  gboolean swap = e->a < e->b;

  if (swap)
    d = quadrant_distance (e->b, e->a, av, au, &nv, &nu);
  else
    d = quadrant_distance (e->a, e->b, au, av, &nu, &nv);
  nu = copysign (nu, u);
  nv = copysign (nv, v);
  *qx = e->x + c * nu - s * nv;
  *qy = e->y + s * nu + c * nv;
  if ((u / e->a) * (u / e->a) + (v / e->b) * (v / e->b) < 1)
    d = -d;
  return d;
}

static void
ellipse_outline_point (const ZopaEllipse *e,
                       double             th,
                       double            *x,
                       double            *y)
{
  double c = cos (e->phi), s = sin (e->phi);
  double u = e->a * cos (th), v = e->b * sin (th);

  *x = e->x + c * u - s * v;
  *y = e->y + s * u + c * v;
}

static double
outline_gap_at (const ZopaEllipse *e,
                const ZopaEllipse *f,
                double             th,
                double            *px,
                double            *py,
                double            *qx,
                double            *qy)
{
  ellipse_outline_point (e, th, px, py);
  return ellipse_outline_distance (f, *px, *py, qx, qy);
}

/* The least distance between the outlines of two shapes that do not overlap (negative when
 * they do), and the unit direction from e's nearest point to f's. Samples e's outline, then
 * narrows down around the best sample. */
static double
outline_gap (const ZopaEllipse *e,
             const ZopaEllipse *f,
             double            *ux,
             double            *uy)
{
  double step = 2 * G_PI / OUTLINE_SAMPLES, best = G_MAXDOUBLE, best_th = 0;
  double px, py, qx, qy, lo, hi, len;

  for (int i = 0; i < OUTLINE_SAMPLES; i++)
    {
      double d = outline_gap_at (e, f, i * step, &px, &py, &qx, &qy);

      if (d < best)
        {
          best = d;
          best_th = i * step;
        }
    }
  /* Golden-section search between the neighbouring samples. */
  lo = best_th - step;
  hi = best_th + step;
  for (int i = 0; i < 40; i++)
    {
      double m1 = hi - (hi - lo) * 0.6180339887498949;
      double m2 = lo + (hi - lo) * 0.6180339887498949;

      if (outline_gap_at (e, f, m1, &px, &py, &qx, &qy) < outline_gap_at (e, f, m2, &px, &py, &qx, &qy))
        hi = m2;
      else
        lo = m1;
    }
  best = MIN (best, outline_gap_at (e, f, (lo + hi) / 2, &px, &py, &qx, &qy));
  len = hypot (qx - px, qy - py);
  if (best > 0 && len > 0)
    {
      *ux = (qx - px) / len;
      *uy = (qy - py) / len;
    }
  else
    {
      /* Touching or overlapping: apart along the line of the centres. */
      len = hypot (f->x - e->x, f->y - e->y);
      *ux = len > 0 ? (f->x - e->x) / len : 1;
      *uy = len > 0 ? (f->y - e->y) / len : 0;
    }
  return best;
}

/* The regions with an area, by the rule of the fit: more than 1e-9 of the total. */
static guint64
present_regions (const ZopaEllipse *shapes,
                 guint              n)
{
  double areas[ZOPA_EULER_MAX_REGIONS], total = 0;
  guint64 present = 0;

  zopa_euler_region_areas (shapes, n, areas);
  for (guint m = 1; m < (1u << n); m++)
    total += areas[m];
  for (guint m = 1; m < (1u << n); m++)
    if (areas[m] > 1e-9 * total)
      present |= G_GUINT64_CONSTANT (1) << m;
  return present;
}

typedef struct {
  guint  i, j;
  double gap;        /* the least distance wanted */
  gboolean stuck;    /* no move keeps the regions */
} SeparatedPair;

/* Moves shapes apart, in place, so that every two shapes whose common regions are all
 * wanted empty and absent are at least a gap apart, keeping the set of present regions
 * except that none of the wanted-empty ones may appear. Returns the present regions. */
static guint64
separate_shapes (ZopaEllipse  *shapes,
                 guint         n,
                 const double *wanted,
                 guint64       present)
{
  SeparatedPair pairs[ZOPA_EULER_MAX_SETS * (ZOPA_EULER_MAX_SETS - 1) / 2];
  guint n_pairs = 0;
  double size[ZOPA_EULER_MAX_SETS];
  guint64 keep = 0;
  double x0, y0, x1, y1, least;

  if (!zopa_euler_bounds (shapes, n, &x0, &y0, &x1, &y1))
    return present;
  least = SEPARATION_EXTENT_FRACTION * MAX (x1 - x0, y1 - y0);

  for (guint k = 0; k < n; k++)
    size[k] = shapes[k].a > 0 && shapes[k].b > 0 ? 2 * sqrt (shapes[k].a * shapes[k].b) : 0;
  for (guint m = 1; m < (1u << n); m++)
    if (wanted[m] > 0)
      keep |= present & (G_GUINT64_CONSTANT (1) << m);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        gboolean apart = size[i] > 0 && size[j] > 0;

        for (guint m = 1; apart && m < (1u << n); m++)
          if ((m & (1u << i)) && (m & (1u << j)))
            apart = wanted[m] == 0 && !(present & (G_GUINT64_CONSTANT (1) << m));
        if (apart)
          pairs[n_pairs++] = (SeparatedPair) { i, j, MAX (least, SEPARATION_FRACTION * MIN (size[i], size[j])), FALSE };
      }
  if (n_pairs == 0)
    return present;

  for (int round = 0; round < SEPARATION_ROUNDS; round++)
    {
      gboolean moved = FALSE;

      for (guint p = 0; p < n_pairs; p++)
        {
          SeparatedPair *pair = &pairs[p];
          gboolean pair_moved = FALSE;
          double ux, uy, d, push;
          guint small, large;
          /* Move the smaller shape, else the larger, else both half-way. */
          double share[3][2];

          if (pair->stuck)
            continue;
          d = outline_gap (&shapes[pair->i], &shapes[pair->j], &ux, &uy);
          if (d >= pair->gap * (1 - 1e-6))
            continue;
          /* A little more than needed, so that a few rounds settle it. */
          push = pair->gap * 1.02 - MAX (d, 0);
          small = size[pair->i] <= size[pair->j] ? pair->i : pair->j;
          large = small == pair->i ? pair->j : pair->i;
          share[0][0] = small == pair->i ? 1 : 0;
          share[0][1] = 1 - share[0][0];
          share[1][0] = large == pair->i ? 1 : 0;
          share[1][1] = 1 - share[1][0];
          share[2][0] = share[2][1] = 0.5;

          for (guint c = 0; c < 3; c++)
            {
              ZopaEllipse trial[ZOPA_EULER_MAX_SETS];
              gboolean ok;
              guint64 now;

              memcpy (trial, shapes, n * sizeof (ZopaEllipse));
              trial[pair->i].x -= ux * push * share[c][0];
              trial[pair->i].y -= uy * push * share[c][0];
              trial[pair->j].x += ux * push * share[c][1];
              trial[pair->j].y += uy * push * share[c][1];
              now = present_regions (trial, n);
              ok = (now & keep) == keep && (now & ~present) == 0;
              /* Nor may it bring two other separated shapes closer than their gap. */
              for (guint q = 0; ok && q < n_pairs; q++)
                {
                  double vx, vy, before, after;

                  if (q == p || (pairs[q].i != pair->i && pairs[q].i != pair->j &&
                                 pairs[q].j != pair->i && pairs[q].j != pair->j))
                    continue;
                  before = outline_gap (&shapes[pairs[q].i], &shapes[pairs[q].j], &vx, &vy);
                  after = outline_gap (&trial[pairs[q].i], &trial[pairs[q].j], &vx, &vy);
                  ok = after >= MIN (before, pairs[q].gap);
                }
              if (ok)
                {
                  memcpy (shapes, trial, n * sizeof (ZopaEllipse));
                  present = now;
                  pair_moved = moved = TRUE;
                  break;
                }
            }
          if (!pair_moved)
            pair->stuck = TRUE;
        }
      if (!moved)
        break;
    }
  return present;
}

/* The region a draft's one marker stands in. A settled draft: the region of exactly those
 * who accept it. A draft with open issues: among the regions that hold deals, hold every
 * actor who accepts it whatever the issues settle to and no actor who could never accept it,
 * the one of the most actors (the most deals on a tie); its spread ring says that they may,
 * not must, accept. Where no such region holds a deal, those who accept it for certain. */
static guint
draft_home (ZopaDiagram            *self,
            const ZopaDiagramDraft *d)
{
  guint home = d->accepting;
  int best_n = -1;
  double best_count = -1;

  if (!d->open)
    return d->accepting;
  for (guint m = 1; m < (1u << self->n_actors); m++)
    {
      const ZopaDiagramRegion *reg = &self->regions[m];
      int n_members = __builtin_popcount (m);

      if ((m & d->accepting) != d->accepting || (m & ~d->possible) != 0 || !reg->drawn || reg->empty)
        continue;
      if (n_members > best_n || (n_members == best_n && reg->count_high > best_count))
        {
          home = m;
          best_n = n_members;
          best_count = reg->count_high;
        }
    }
  return home;
}

/* A marker whose region is too small for it goes outside from the start, unless the region
 * is one the inset magnifies (if the inset finds no room, the layout sends it out then). */
static gboolean
draft_starts_outside (ZopaDiagram            *self,
                      const ZopaDiagramDraft *d)
{
  return d->mask != 0 && !self->regions[d->mask].markable &&
         !(self->inset.regions & (G_GUINT64_CONSTANT (1) << d->mask));
}

/* The share of all deals of every region drawn to scale, and their sum. Shares, not counts:
 * the counts can reach 10^15; an empty region stays 0. A count that varies over the
 * readings is drawn at the middle of its range, so that a region empty in some readings
 * only keeps an area for its mark. */
static double
proportional_shares (ZopaAnalysis            *a,
                     guint                    n,
                     const ZopaDiagramRegion *regions,
                     double                  *wanted)
{
  double total = zopa_analysis_get_deal_space (a);
  double sum = 0;

  memset (wanted, 0, sizeof (double) * ZOPA_EULER_MAX_REGIONS);
  for (guint m = 1; m < (1u << n); m++)
    {
      const ZopaDiagramRegion *r = &regions[m];

      wanted[m] = r->empty ? 0 : MAX ((r->count_low + r->count_high) / 2, 0) / MAX (total, 1);
      sum += wanted[m];
    }
  return sum;
}

static gboolean
fit_shares (const double *wanted,
            guint         n,
            ZopaEulerFit *fit,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (zopa_fit_cache_fit (wanted, n, fit, &local_error))
    return TRUE;
  g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_FAILED,
               _("Could not fit the diagram: %s"), local_error->message);
  return FALSE;
}

gboolean
zopa_diagram_venn_prepare_fit (ZopaAnalysis *analysis,
                               guint         n,
                               GError      **error)
{
  ZopaDiagramRegion regions[ZOPA_EULER_MAX_REGIONS] = { 0 };
  double wanted[ZOPA_EULER_MAX_REGIONS];
  ZopaEulerFit fit;

  zopa_diagram_regions_from_analysis (analysis, n, regions);
  return proportional_shares (analysis, n, regions, wanted) <= 0 ||
         fit_shares (wanted, n, &fit, error);
}

gboolean
zopa_diagram_venn_fit_is_made (ZopaAnalysis *analysis,
                               guint         n)
{
  ZopaDiagramRegion regions[ZOPA_EULER_MAX_REGIONS] = { 0 };
  double wanted[ZOPA_EULER_MAX_REGIONS];

  zopa_diagram_regions_from_analysis (analysis, n, regions);
  return proportional_shares (analysis, n, regions, wanted) <= 0 ||
         zopa_fit_cache_holds (wanted, n);
}

gboolean
zopa_diagram_venn_fit (ZopaDiagram *self,
                       GError     **error)
{
  guint n = self->n_actors;
  guint n_regions = 1u << n;
  double bx0, by0, bx1, by1, extent;
  double clearance[ZOPA_EULER_MAX_REGIONS] = { 0 };

  memset (self->regions, 0, sizeof self->regions);
  zopa_diagram_readings_mark_regions (self);

  self->has_fit = FALSE;
  if (self->mode == ZOPA_DIAGRAM_MODE_SCHEMATIC)
    {
      self->base_drawn = zopa_venn_layout_schematic (n, self->base_shapes);
    }
  else
    {
      double wanted[ZOPA_EULER_MAX_REGIONS];
      ZopaEulerFit fit;

      memset (self->base_shapes, 0, sizeof self->base_shapes);
      self->base_drawn = 0;
      if (proportional_shares (self->analysis, n, self->regions, wanted) > 0)
        {
          if (!fit_shares (wanted, n, &fit, error))
            return FALSE;
          memcpy (self->base_shapes, fit.shapes, sizeof fit.shapes);
          self->has_fit = TRUE;
          /* The quality of the fit itself; the gaps below are for the eye only. */
          self->stress = fit.stress;
          self->diag_error = fit.diag_error;
          for (guint m = 1; m < n_regions; m++)
            {
              double fitted_total = 0;

              for (guint j = 1; j < n_regions; j++)
                fitted_total += fit.areas[j];
              if (fit.areas[m] > 1e-9 * fitted_total && !(fit.missing_regions & (G_GUINT64_CONSTANT (1) << m)))
                self->base_drawn |= G_GUINT64_CONSTANT (1) << m;
            }
          self->base_drawn &= separate_shapes (self->base_shapes, n, wanted,
                                               present_regions (self->base_shapes, n));
        }
    }

  base_bounds (self->base_shapes, n, &bx0, &by0, &bx1, &by1);
  extent = MAX (bx1 - bx0, by1 - by0);
  for (guint m = 1; m < n_regions; m++)
    {
      double x, y, radius;

      clearance[m] = 0;
      if (!(self->base_drawn & (G_GUINT64_CONSTANT (1) << m)))
        continue;
      self->regions[m].drawn = TRUE;
      if (cached_label_point (self->base_shapes, n, m, &x, &y, &radius))
        clearance[m] = radius;
      self->regions[m].markable = clearance[m] >= MARKABLE_FRACTION * extent;
    }
  zopa_venn_inset_choose (self, clearance);

  for (guint i = 0; i < self->n_drafts; i++)
    {
      ZopaDiagramDraft *d = &self->drafts[i];

      d->mask = draft_home (self, d);
      d->outside = draft_starts_outside (self, d);
    }
  return TRUE;
}

gboolean
zopa_diagram_region_has_count (ZopaDiagram *self,
                               guint        mask)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  return self->view == ZOPA_DIAGRAM_VIEW_VENN && mask > 0 && mask < (1u << self->n_actors) &&
         self->regions[mask].has_count;
}

gboolean
zopa_diagram_get_draft_label (ZopaDiagram       *self,
                              guint              draft,
                              cairo_rectangle_t *bounds,
                              gboolean          *cut)
{
  const ZopaDiagramDraft *d;
  int i;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  i = zopa_diagram_shown_index (self, (int) draft);
  if (i < 0 || self->view != ZOPA_DIAGRAM_VIEW_VENN || !self->drafts[i].has_label)
    return FALSE;
  d = &self->drafts[i];
  if (bounds != NULL)
    *bounds = (cairo_rectangle_t) { d->label.x, d->label.y, d->label.w, d->label.h };
  if (cut != NULL)
    *cut = pango_layout_is_ellipsized (d->label.layout);
  return TRUE;
}

void
zopa_diagram_venn_clear (ZopaDiagram *self)
{
  for (guint m = 0; m < ZOPA_EULER_MAX_REGIONS; m++)
    {
      zopa_text_clear (&self->regions[m].count);
      zopa_text_clear (&self->regions[m].share);
      self->regions[m].has_count = FALSE;
      self->regions[m].has_share = FALSE;
    }
  for (guint k = 0; k < ZOPA_EULER_MAX_SETS; k++)
    zopa_text_clear (&self->actor_labels[k]);
  zopa_text_clear (&self->universe_label);
  zopa_text_clear (&self->shelf_note);
  for (guint i = 0; i < self->n_drafts; i++)
    {
      zopa_text_clear (&self->drafts[i].label);
      self->drafts[i].has_label = FALSE;
    }
  self->has_shelf = FALSE;
  self->counts_placed = FALSE;
  zopa_venn_inset_clear (self);
}

/* ---- Page mapping ---------------------------------------------------------------------- */

static void
map_shapes (ZopaDiagram *self,
            double       s,
            double       tx,
            double       ty)
{
  for (guint k = 0; k < self->n_actors; k++)
    {
      const ZopaEllipse *b = &self->base_shapes[k];
      ZopaEllipse *e = &self->shapes[k];

      if (!(b->a > 0 && b->b > 0))
        {
          memset (e, 0, sizeof *e);
          continue;
        }
      e->x = b->x * s + tx;
      e->y = b->y * s + ty;
      e->a = b->a * s;
      e->b = b->b * s;
      e->phi = b->phi;
    }
}

static guint
rect_points_inside (ZopaDiagram             *self,
                    const cairo_rectangle_t *r)
{
  guint inside = 0;

  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      if (zopa_euler_point_mask (self->shapes, self->n_actors,
                                 r->x + r->width * i / 2.0, r->y + r->height * j / 2.0) != 0)
        inside++;
  return inside;
}

static gboolean
rect_within (const cairo_rectangle_t *r,
             const cairo_rectangle_t *box)
{
  return r->x >= box->x && r->y >= box->y &&
         r->x + r->width <= box->x + box->width && r->y + r->height <= box->y + box->height;
}

/* Roughly how far (x, y) is from the outline of shape k. */
static double
outline_distance (const ZopaEllipse *e,
                  double             x,
                  double             y)
{
  double c = cos (e->phi), s = sin (e->phi);
  double dx = x - e->x, dy = y - e->y;
  double u = (c * dx + s * dy) / e->a, v = (-s * dx + c * dy) / e->b;
  double rho = hypot (u, v);

  /* Along the ray from the centre, the outline is at rho = 1. */
  return fabs (rho - 1) * hypot (c * dx + s * dy, -s * dx + c * dy) / MAX (rho, 1e-9);
}

static guint
nearest_shape (ZopaDiagram *self,
               double       x,
               double       y)
{
  double best = G_MAXDOUBLE;
  guint nearest = 0;

  for (guint k = 0; k < self->n_actors; k++)
    if (self->shapes[k].a > 0 && self->shapes[k].b > 0)
      {
        double d = outline_distance (&self->shapes[k], x, y);
        if (d < best)
          {
            best = d;
            nearest = k;
          }
      }
  return nearest;
}

/* Whether the ellipse lies inside box. */
static gboolean
ellipse_within (const ZopaEllipse       *e,
                const cairo_rectangle_t *box)
{
  double c = cos (e->phi), s = sin (e->phi);
  double hw = sqrt (e->a * e->a * c * c + e->b * e->b * s * s);
  double hh = sqrt (e->a * e->a * s * s + e->b * e->b * c * c);

  return e->x - hw >= box->x && e->x + hw <= box->x + box->width &&
         e->y - hh >= box->y && e->y + hh <= box->y + box->height;
}

/* Places each actor's name just outside its shape, away from the others and off the
 * n_avoid rectangles avoid, the first of them the outline of the inset's magnified part;
 * FALSE when some name found no place inside box. */
static gboolean
place_actor_labels (ZopaDiagram             *self,
                    const cairo_rectangle_t *box,
                    const cairo_rectangle_t *avoid,
                    guint                    n_avoid)
{
  double ux0, uy0, ux1, uy1, cx, cy;
  gboolean all_placed = TRUE;
  cairo_rectangle_t placed[ZOPA_EULER_MAX_SETS + 4];
  guint n_placed = 0;

  for (guint j = 0; j < MIN (n_avoid, 4u); j++)
    placed[n_placed++] = avoid[j];

  base_bounds (self->shapes, self->n_actors, &ux0, &uy0, &ux1, &uy1);
  cx = (ux0 + ux1) / 2;
  cy = (uy0 + uy1) / 2;

  for (guint k = 0; k < self->n_actors; k++)
    {
      ZopaText *t = &self->actor_labels[k];
      const ZopaEllipse *e = &self->shapes[k];
      ZopaEllipse around;
      double best = G_MAXDOUBLE, bx = 0, by = 0;
      double gap = self->font_body * 0.35, space = self->font_body * 0.6;
      double c, s;

      if (t->layout == NULL)
        continue;
      if (!(e->a > 0 && e->b > 0))
        {
          /* An empty set: its name goes in the legend only. */
          t->w = 0;
          continue;
        }
      c = cos (e->phi);
      s = sin (e->phi);
      if (n_avoid > 0 && ellipse_within (e, avoid))
        {
          /* A shape inside the outline of the magnified part: its name goes round the
           * outline, along the ellipse through the outline's corners. */
          around = (ZopaEllipse) { avoid->x + avoid->width / 2, avoid->y + avoid->height / 2,
                                   avoid->width / G_SQRT2, avoid->height / G_SQRT2, 0 };
          e = &around;
          c = 1;
          s = 0;
        }
      for (int step = 0; step < 72; step++)
        {
          double th = step * G_PI / 36;
          double px = e->x + c * e->a * cos (th) - s * e->b * sin (th);
          double py = e->y + s * e->a * cos (th) + c * e->b * sin (th);
          double nx = c * cos (th) / e->a - s * sin (th) / e->b;
          double ny = s * cos (th) / e->a + c * sin (th) / e->b;
          double len = hypot (nx, ny), ox, oy, olen, cost;
          cairo_rectangle_t r, spaced;
          gboolean clash = FALSE;

          nx /= len;
          ny /= len;
          r.width = t->w;
          r.height = t->h;
          r.x = px + nx * gap + nx * t->w / 2 - t->w / 2;
          r.y = py + ny * gap + ny * t->h / 2 - t->h / 2;
          if (!rect_within (&r, box))
            continue;
          /* Two names in a row read as one without a space between them. */
          spaced = (cairo_rectangle_t) { r.x - space, r.y - space * 0.25,
                                         r.width + 2 * space, r.height + space * 0.5 };
          for (guint j = 0; j < n_placed; j++)
            clash |= zopa_rect_overlaps (&spaced, &placed[j]);
          if (clash)
            continue;
          ox = px - cx;
          oy = py - cy;
          olen = hypot (ox, oy);
          /* Outside every shape first, then pointing away from the centre, then level
           * with the shape's own centre rather than at a tip. */
          cost = 100.0 * rect_points_inside (self, &r);
          if (olen > 0)
            cost -= 12.0 * (nx * ox + ny * oy) / olen;
          cost += 3.0 * fabs (ny);
          /* A name nearer to another shape than to its own would be misread. */
          if (nearest_shape (self, r.x + r.width / 2, r.y + r.height / 2) != k)
            cost += 30.0;
          if (cost < best)
            {
              best = cost;
              bx = r.x;
              by = r.y;
            }
        }
      if (best == G_MAXDOUBLE)
        {
          all_placed = FALSE;
          t->x = e->x - t->w / 2;
          t->y = e->y - t->h / 2;
          t->plate = TRUE;
        }
      else
        {
          t->x = bx;
          t->y = by;
          /* A name that had to go over the shapes needs a plate to be read. */
          t->plate = best >= 100.0 - 20.0;
        }
      placed[n_placed++] = zopa_text_rect (t);
    }
  return all_placed;
}

/* ---- Markers ---------------------------------------------------------------------------- */

/* A marker's place: r is the room it takes from texts (its rings and a margin), core its
 * disc, which no other marker's ring may cover. */
typedef struct {
  double x, y, r, core;
} Disc;

/* The place of d's marker at (x, y) of radius r: its rings and a margin for texts included. */
static Disc
marker_disc (ZopaDiagram            *self,
             const ZopaDiagramDraft *d,
             double                  x,
             double                  y,
             double                  r)
{
  Disc disc = { x, y, zopa_diagram_marker_reach (d, r) + self->font_body * 0.2, r };

  return disc;
}

/* Whether marker m's disc keeps clear of the rings of the markers in discs, and its own rings
 * clear of theirs: each number stays readable, though rings may cross. */
static gboolean
marker_clear_of (const Disc *discs,
                 guint       n,
                 const Disc *m)
{
  for (guint i = 0; i < n; i++)
    {
      double dist = hypot (discs[i].x - m->x, discs[i].y - m->y);

      if (dist < discs[i].r + m->core || dist < discs[i].core + m->r)
        return FALSE;
    }
  return TRUE;
}

/* Whether rect keeps clear of the discs, and a further spacing off those not centred at
 * (x, y): a label's own marker is (x, y), and a label as close to another reads as its. */
static gboolean
rect_clear_of_discs (const cairo_rectangle_t *rect,
                     const Disc              *discs,
                     guint                    n,
                     double                   x,
                     double                   y,
                     double                   spacing)
{
  for (guint i = 0; i < n; i++)
    {
      double nx = CLAMP (discs[i].x, rect->x, rect->x + rect->width);
      double ny = CLAMP (discs[i].y, rect->y, rect->y + rect->height);
      gboolean own = discs[i].x == x && discs[i].y == y;

      if (hypot (nx - discs[i].x, ny - discs[i].y) < discs[i].r + (own ? 0 : spacing))
        return FALSE;
    }
  return TRUE;
}

/* Whether no point of the disc at (x, y) of radius r leaves the region mask: tested on its
 * centre and a ring of points. */
static gboolean
disc_in_mask (ZopaDiagram *self,
              double       x,
              double       y,
              double       r,
              guint        mask)
{
  const ZopaEllipse *shapes = zopa_venn_inset_region_shapes (self, mask);

  if (zopa_euler_point_mask (shapes, self->n_actors, x, y) != mask)
    return FALSE;
  for (int i = 0; i < 12; i++)
    if (zopa_euler_point_mask (shapes, self->n_actors,
                               x + r * cos (i * G_PI / 6), y + r * sin (i * G_PI / 6)) != mask)
      return FALSE;

  /* Twelve points miss a sliver of a shape that crosses the disc: no edge may come closer
   * than r, checked along every outline at a step well below r. */
  for (guint j = 0; j < self->n_actors; j++)
    {
      const ZopaEllipse *e = &shapes[j];
      double perimeter, c = cos (e->phi), s = sin (e->phi);
      int n;

      if (!(e->a > 0 && e->b > 0))
        continue;
      perimeter = 2 * G_PI * sqrt ((e->a * e->a + e->b * e->b) / 2);
      n = (int) CLAMP (ceil (perimeter / (r * 0.25)), 32, 4096);
      for (int i = 0; i < n; i++)
        {
          double t = 2 * G_PI * i / n;
          double px = e->x + e->a * cos (t) * c - e->b * sin (t) * s;
          double py = e->y + e->a * cos (t) * s + e->b * sin (t) * c;

          if (hypot (px - x, py - y) < r)
            return FALSE;
        }
    }
  return TRUE;
}

/* A place for d's marker of radius r in the frame of all deals, outside every shape, clear
 * of the markers already there and of the names, as near the shapes as there is room; FALSE
 * when there is none. Its disc joins discs. */
static gboolean
place_outside_marker (ZopaDiagram      *self,
                      ZopaDiagramDraft *d,
                      double            r,
                      Disc             *discs,
                      guint            *n_discs)
{
  const cairo_rectangle_t *u = &self->universe;
  double ux0, uy0, ux1, uy1, cx, cy, step = r * 0.75;
  double best = G_MAXDOUBLE, bx = 0, by = 0;

  base_bounds (self->shapes, self->n_actors, &ux0, &uy0, &ux1, &uy1);
  cx = (ux0 + ux1) / 2;
  cy = (uy0 + uy1) / 2;

  for (double y = u->y + 2 * r; y <= u->y + u->height - 2 * r; y += step)
    for (double x = u->x + 2 * r; x <= u->x + u->width - 2 * r; x += step)
      {
        double dist = hypot (x - cx, (y - cy) * 1.3);
        cairo_rectangle_t dr = { x - r * 1.4, y - r * 1.4, r * 2.8, r * 2.8 };
        Disc disc = marker_disc (self, d, x, y, r);
        gboolean clash = FALSE;

        /* Out here there is room for the rings to keep clear of each other too. */
        disc.core = disc.r;
        if (dist >= best || !marker_clear_of (discs, *n_discs, &disc))
          continue;
        if (!disc_in_mask (self, x, y, r * 1.8, 0))
          continue;
        for (guint j = 0; j < self->n_actors; j++)
          if (self->actor_labels[j].layout != NULL && self->actor_labels[j].w > 0)
            {
              cairo_rectangle_t lr = zopa_text_rect (&self->actor_labels[j]);
              clash |= zopa_rect_overlaps (&dr, &lr);
            }
        if (self->universe_label.layout != NULL)
          {
            cairo_rectangle_t lr = zopa_text_rect (&self->universe_label);
            clash |= zopa_rect_overlaps (&dr, &lr);
          }
        if (self->inset.active)
          clash |= zopa_rect_overlaps (&dr, &self->inset.frame);
        if (clash)
          continue;
        best = dist;
        bx = x;
        by = y;
      }
  if (best == G_MAXDOUBLE)
    return FALSE;
  d->x = bx;
  d->y = by;
  d->r = r;
  discs[(*n_discs)++] = marker_disc (self, d, bx, by, r);
  return TRUE;
}

/* Where the leader line of a marker whose region has no area points: the drawn region
 * that holds all of its actors (and fewest others), else between their shapes. */
static void
leader_target (ZopaDiagram *self,
               guint        mask,
               double      *x,
               double      *y)
{
  int best_extra = G_MAXINT;
  double sx = 0, sy = 0;
  guint count = 0;

  for (guint m = 1; m < (1u << self->n_actors); m++)
    {
      int extra;

      if ((m & mask) != mask || !self->regions[m].drawn || self->regions[m].lr <= 0)
        continue;
      extra = __builtin_popcount (m & ~mask);
      if (extra < best_extra)
        {
          best_extra = extra;
          *x = self->regions[m].lx;
          *y = self->regions[m].ly;
        }
    }
  if (best_extra != G_MAXINT)
    return;
  for (guint k = 0; k < self->n_actors; k++)
    if ((mask & (1u << k)) && self->shapes[k].a > 0)
      {
        sx += self->shapes[k].x;
        sy += self->shapes[k].y;
        count++;
      }
  if (count == 0)
    {
      *x = self->universe.x + self->universe.width / 2;
      *y = self->universe.y + self->universe.height / 2;
      return;
    }
  *x = sx / count;
  *y = sy / count;
}

/* Where a label of the draft's marker hides nothing: not over another marker, label, name or
 * count, not in an empty region, inside the frame; best within the marker's own region, so
 * that it reads as part of it. Returns the cost of the best place (G_MAXINT: none). */
static int
find_label_place (ZopaDiagram             *self,
                  const ZopaDiagramDraft  *d,
                  const ZopaText          *t,
                  const Disc              *discs,
                  guint                    n_discs,
                  GArray                  *obstacles,
                  cairo_rectangle_t       *place)
{
  gboolean in_inset = !d->outside && zopa_venn_inset_has_region (self, d->mask);
  const cairo_rectangle_t *box = d->outside ? &self->shelf : in_inset ? &self->inset.frame : &self->universe;
  const ZopaEllipse *shapes = zopa_venn_inset_region_shapes (self, d->mask);
  /* Clear of the rings round the marker, as the texts of the other markers are. */
  double reach = marker_disc (self, d, d->x, d->y, d->r).r + t->h * 0.1;
  double corner = reach * 0.72;
  /* Right, left, below, above, then the diagonals. */
  static const double dirs[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 }, { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 },
  };
  int best = G_MAXINT;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      cairo_rectangle_t r;
      gboolean clash = FALSE;
      int cost = (int) i;

      r.width = t->w;
      r.height = t->h;
      r.x = dirs[i][0] > 0 ? d->x + reach : dirs[i][0] < 0 ? d->x - reach - t->w : d->x - t->w / 2;
      r.y = dirs[i][1] > 0 ? d->y + reach : dirs[i][1] < 0 ? d->y - reach - t->h : d->y - t->h / 2;
      if (dirs[i][0] != 0 && dirs[i][1] != 0)
        {
          r.x = dirs[i][0] > 0 ? d->x + corner : d->x - corner - t->w;
          r.y = dirs[i][1] > 0 ? d->y + corner : d->y - corner - t->h;
        }
      if (!rect_within (&r, box))
        continue;
      /* A label of the overview stays off the inset, which has its own. */
      if (!in_inset && self->inset.active && zopa_rect_overlaps (&r, &self->inset.frame))
        continue;
      /* A label on a diagonal touches its marker at a corner only: beside another marker it
       * would read as that one's. */
      if (!rect_clear_of_discs (&r, discs, n_discs, d->x, d->y,
                                dirs[i][0] != 0 && dirs[i][1] != 0 ? t->h * 0.5 : 0))
        continue;
      for (guint j = 0; j < obstacles->len && !clash; j++)
        clash = zopa_rect_overlaps (&r, &g_array_index (obstacles, cairo_rectangle_t, j));
      if (clash)
        continue;
      /* Never over an empty region: it must show nothing but its hatching. */
      for (int px = 0; px < 3 && !clash; px++)
        for (int py = 0; py < 3 && !clash; py++)
          {
            guint m = zopa_euler_point_mask (shapes, self->n_actors,
                                             r.x + r.width * px / 2.0, r.y + r.height * py / 2.0);
            clash = m != 0 && self->regions[m].drawn && self->regions[m].empty;
            if (m != d->mask && !d->outside)
              cost += 10;
          }
      if (clash || cost >= best)
        continue;
      best = cost;
      *place = r;
    }
  return best;
}

/* The draft's label beside its marker, in full wherever there is room for it: on one line,
 * else wrapped to two or three; cut to one line only where no whole form fits. */
static void
place_draft_label (ZopaDiagram *self,
                   guint        shown,
                   const Disc  *discs,
                   guint        n_discs,
                   GArray      *obstacles)
{
  /* Widths in ems; the cost added to a place's own, so that a whole label a little out of
   * the marker's region still beats a cut one. */
  static const struct { double width; int lines; int cost; gboolean may_cut; } forms[] = {
    { 40, 1, 0, FALSE }, { 14, 2, 3, FALSE }, { 10, 3, 6, FALSE }, { 12, 1, 0, TRUE },
  };
  ZopaDiagramDraft *d = &self->drafts[shown];
  double f = MAX (10.0, self->font_body * 0.78);
  ZopaText best_text = { 0 };
  cairo_rectangle_t best_rect = { 0 };
  int best = G_MAXINT;

  for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
    {
      PangoLayout *layout;
      ZopaText t = { 0 };
      cairo_rectangle_t rect;
      int cost;

      if (forms[k].may_cut && best != G_MAXINT)
        break;
      layout = zopa_diagram_text_layout (self, d->title, f, FALSE, f * forms[k].width, forms[k].lines);
      zopa_text_set (&t, layout, 0, 0, ZOPA_INK_TEXT);
      t.plate = TRUE;
      cost = !forms[k].may_cut && pango_layout_is_ellipsized (layout)
             ? G_MAXINT : find_label_place (self, d, &t, discs, n_discs, obstacles, &rect);
      if (cost != G_MAXINT && cost + forms[k].cost < best)
        {
          zopa_text_clear (&best_text);
          best_text = t;
          best_rect = rect;
          best = cost + forms[k].cost;
        }
      else
        zopa_text_clear (&t);
    }
  if (best == G_MAXINT)
    return;
  best_text.x = best_rect.x;
  best_text.y = best_rect.y;
  d->label = best_text;
  d->has_label = TRUE;
  g_array_append_val (obstacles, best_rect);
}

/* Labels cut or missing, the more the worse; a cut one is the worse of the two, since the
 * legend names a marker without a label in full. */
static guint
label_faults (ZopaDiagram *self)
{
  guint faults = 0;

  for (guint i = 0; i < self->n_drafts; i++)
    if (self->drafts[i].r > 0)
      faults += !self->drafts[i].has_label ? 1 : pango_layout_is_ellipsized (self->drafts[i].label.layout) ? 2 : 0;
  return faults;
}

/* The labels of the drafts in order, the one at position first (if any) before the rest. */
static void
place_labels_in_order (ZopaDiagram *self,
                       const guint *order,
                       guint        k,
                       guint        first,
                       const Disc  *discs,
                       guint        n_discs,
                       GArray      *obstacles)
{
  for (guint i = 0; i < self->n_drafts; i++)
    {
      zopa_text_clear (&self->drafts[i].label);
      self->drafts[i].has_label = FALSE;
    }
  if (first < k)
    place_draft_label (self, order[first], discs, n_discs, obstacles);
  for (guint j = 0; j < k; j++)
    if (j != first)
      place_draft_label (self, order[j], discs, n_discs, obstacles);
}

static gboolean
label_is_faulty (const ZopaDiagramDraft *d)
{
  return d->r > 0 && (!d->has_label || pango_layout_is_ellipsized (d->label.layout));
}

/* Each marker's label, in draft order; where that leaves labels out or cut, each of those
 * first in turn (the others in draft order), keeping the order that does best. */
static void
place_draft_labels (ZopaDiagram *self,
                    const Disc  *discs,
                    guint        n_discs,
                    GArray      *obstacles)
{
  guint order[64] = { 0 }, k = 0, n_obstacles = obstacles->len, best_faults, best_first = G_MAXUINT;
  gboolean faulty[64] = { FALSE };

  for (guint i = 0; i < self->n_drafts && k < 64; i++)
    if (self->drafts[i].r > 0)
      order[k++] = i;
  place_labels_in_order (self, order, k, G_MAXUINT, discs, n_discs, obstacles);
  best_faults = label_faults (self);
  if (best_faults == 0)
    return;
  for (guint j = 0; j < k; j++)
    faulty[j] = label_is_faulty (&self->drafts[order[j]]);
  for (guint first = 0; first < k && best_faults > 0; first++)
    {
      guint faults;

      if (!faulty[first])
        continue;
      g_array_set_size (obstacles, n_obstacles);
      place_labels_in_order (self, order, k, first, discs, n_discs, obstacles);
      faults = label_faults (self);
      if (faults < best_faults)
        {
          best_faults = faults;
          best_first = first;
        }
    }
  g_array_set_size (obstacles, n_obstacles);
  place_labels_in_order (self, order, k, best_first, discs, n_discs, obstacles);
}

/* Centres the count line over the share line at (x, y) when both fit in a disc of radius
 * limit. */
static gboolean
place_two_lines (ZopaDiagramRegion *reg,
                 double             x,
                 double             y,
                 double             limit)
{
  double w = MAX (reg->count.w, reg->share.w), h = reg->count.h + reg->share.h;

  if (hypot (w, h) / 2 > limit)
    return FALSE;
  reg->has_count = reg->has_share = TRUE;
  reg->count.x = x - reg->count.w / 2;
  reg->count.y = y - h / 2;
  reg->share.x = x - reg->share.w / 2;
  reg->share.y = reg->count.y + reg->count.h;
  return TRUE;
}

/* Sets the count (and share) label of a region in the disc at (x, y) of radius r, if they
 * fit. */
static void
place_count_label (ZopaDiagram *self,
                   guint        mask,
                   double       x,
                   double       y,
                   double       r)
{
  ZopaDiagramRegion *reg = &self->regions[mask];
  const ZopaRegion *region = zopa_analysis_get_region (self->analysis, mask);
  double f = self->font_body;
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;

  if (reg->empty)
    {
      zopa_text_set (&reg->count, zopa_diagram_text_layout (self, "∅", f * 1.3, TRUE, -1, 0),
                     0, 0, ZOPA_INK_HATCH);
      zopa_text_set (&reg->share, zopa_diagram_text_layout (self, _("no deal"), MAX (9.0, f * 0.72), TRUE, -1, 0),
                     0, 0, ZOPA_INK_HATCH);
    }
  else if (zopa_diagram_region_count_is_range (self, mask))
    {
      count = zopa_diagram_format_count_range (self, mask);
      share = g_strdup (reg->maybe_empty ? _("empty in some readings") : _("by the assumptions"));
      zopa_text_set (&reg->count, zopa_diagram_text_layout (self, count, MAX (10.0, f * 0.85), TRUE, -1, 0),
                     0, 0, ZOPA_INK_TEXT);
      zopa_text_set (&reg->share, zopa_diagram_text_layout (self, share, MAX (9.0, f * 0.7), reg->maybe_empty, -1, 0),
                     0, 0, reg->maybe_empty ? ZOPA_INK_HATCH : ZOPA_INK_DIM);
    }
  else
    {
      count = zopa_format_count (region->exclusive, region->exact);
      share = zopa_format_share (region->exclusive, zopa_analysis_get_deal_space (self->analysis));
      zopa_text_set (&reg->count, zopa_diagram_text_layout (self, count, MAX (10.0, f * 0.85), TRUE, -1, 0),
                     0, 0, ZOPA_INK_TEXT);
      zopa_text_set (&reg->share, zopa_diagram_text_layout (self, share, MAX (9.0, f * 0.7), FALSE, -1, 0),
                     0, 0, ZOPA_INK_DIM);
    }
  reg->count.plate = reg->share.plate = TRUE;

  if (place_two_lines (reg, x, y, r))
    return;
  if (hypot (reg->count.w, reg->count.h) / 2 <= r * 1.05)
    {
      reg->has_count = TRUE;
      reg->count.x = x - reg->count.w / 2;
      reg->count.y = y - reg->count.h / 2;
    }
  else if (zopa_diagram_region_count_is_range (self, mask))
    {
      /* A range too wide for the region: its ends stacked, "2,856–" over "48,083". */
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;
      g_autofree char *first = NULL;

      zopa_diagram_format_count_bounds (self, mask, &low, &high);
      first = g_strconcat (low, "–", NULL);
      zopa_text_set (&reg->count, zopa_diagram_text_layout (self, first, MAX (9.0, f * 0.7), TRUE, -1, 0),
                     0, 0, ZOPA_INK_TEXT);
      zopa_text_set (&reg->share, zopa_diagram_text_layout (self, high, MAX (9.0, f * 0.7), TRUE, -1, 0),
                     0, 0, ZOPA_INK_TEXT);
      reg->count.plate = reg->share.plate = TRUE;
      place_two_lines (reg, x, y, r * 1.05);
    }
  if (!reg->has_share)
    zopa_text_clear (&reg->share);
  if (!reg->has_count)
    zopa_text_clear (&reg->count);
}

static void
add_count_obstacles (ZopaDiagram *self,
                     guint        mask,
                     GArray      *obstacles)
{
  ZopaDiagramRegion *reg = &self->regions[mask];

  if (reg->has_count)
    {
      cairo_rectangle_t r = zopa_text_rect (&reg->count);
      g_array_append_val (obstacles, r);
    }
  if (reg->has_share)
    {
      cairo_rectangle_t r = zopa_text_rect (&reg->share);
      g_array_append_val (obstacles, r);
    }
}

/* How far (x, y) is from the nearest disc or obstacle. */
static double
clearance (double        x,
           double        y,
           const Disc   *discs,
           guint         n_discs,
           GArray       *obstacles)
{
  double room = G_MAXDOUBLE;

  for (guint i = 0; i < n_discs; i++)
    room = MIN (room, hypot (x - discs[i].x, y - discs[i].y) - discs[i].r);
  for (guint i = 0; i < obstacles->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (obstacles, cairo_rectangle_t, i);
      double nx = CLAMP (x, r->x, r->x + r->width), ny = CLAMP (y, r->y, r->y + r->height);

      room = MIN (room, hypot (x - nx, y - ny));
    }
  return room;
}

/* A count that found no room beside its region's markers: in the roomiest spot of the region
 * clear of them and of every other text. Where there is none, the legend lists it. */
static void
place_count_in_free_spot (ZopaDiagram *self,
                          guint        mask,
                          const Disc  *discs,
                          guint        n_discs,
                          GArray      *obstacles)
{
  const int steps = 12;
  cairo_rectangle_t b;
  double best_r = 0, bx = 0, by = 0;

  if (!zopa_diagram_venn_region_bounds (self, mask, &b))
    return;
  for (int i = 1; i < steps; i++)
    for (int j = 1; j < steps; j++)
      {
        double x = b.x + b.width * i / steps, y = b.y + b.height * j / steps;
        double r;

        if (zopa_euler_point_mask (zopa_venn_inset_region_shapes (self, mask), self->n_actors, x, y) != mask)
          continue;
        for (r = clearance (x, y, discs, n_discs, obstacles); r > best_r; r *= 0.8)
          if (disc_in_mask (self, x, y, r, mask))
            break;
        if (r > best_r)
          {
            best_r = r;
            bx = x;
            by = y;
          }
      }
  if (best_r <= 0)
    return;
  place_count_label (self, mask, bx, by, best_r);
  add_count_obstacles (self, mask, obstacles);
}

/* The place of kk nearest (x, y). */
static guint
nearest_place (const double *xy,
               guint         kk,
               double        x,
               double        y)
{
  guint nearest = 0;

  for (guint j = 1; j < kk; j++)
    if (hypot (xy[2 * j] - x, xy[2 * j + 1] - y) < hypot (xy[2 * nearest] - x, xy[2 * nearest + 1] - y))
      nearest = j;
  return nearest;
}

/* The size for the markers of one region, the drafts members at the places xy but for
 * label_slot (kept for the count): from r down to min_r, the largest at which each keeps
 * clear of the n_discs markers placed before and of each other. Their discs follow those in
 * discs; 0 when no size is clear. */
static double
size_region_markers (ZopaDiagram  *self,
                     const guint  *members,
                     const double *xy,
                     guint         kk,
                     guint         label_slot,
                     double        r,
                     double        min_r,
                     Disc         *discs,
                     guint         n_discs)
{
  for (; r >= min_r; r *= 0.9)
    {
      guint slot = 0, n = n_discs;
      gboolean clear = TRUE;

      for (guint j = 0; j < kk && clear; j++)
        if (j != label_slot)
          {
            discs[n] = marker_disc (self, &self->drafts[members[slot++]], xy[2 * j], xy[2 * j + 1], r);
            clear = marker_clear_of (discs, n, &discs[n]);
            n++;
          }
      if (clear)
        return r;
    }
  return 0;
}

/* Lays out every marker; new_outside is set when a region could not hold its markers and
 * they had to go outside. */
static void
layout_markers (ZopaDiagram *self,
                GArray      *obstacles,
                gboolean    *new_outside)
{
  guint n = self->n_actors;
  g_autofree Disc *discs = g_new0 (Disc, 2 * self->n_drafts + 1);
  guint n_discs = 0;
  double mr = self->marker_r;

  /* Regions: markers, and one disc kept for the count label. A marker too small to read is
   * no marker: when the region cannot hold them at a readable size, first the count gives
   * way, and then the markers go outside with a leader line. */
  for (guint m = 1; m < (1u << n); m++)
    {
      ZopaDiagramRegion *reg = &self->regions[m];
      guint k = 0, label_slot = G_MAXUINT, kk = 0;
      double xy[2 * 64 + 2], radius = 0, r = 0;
      double min_r = MAX (7.0, 0.6 * mr);
      guint members[64];
      gboolean with_label = FALSE, ok = FALSE;

      if (!reg->drawn)
        continue;
      for (guint i = 0; i < self->n_drafts && k < 63; i++)
        if (self->drafts[i].mask == m && !self->drafts[i].outside)
          members[k++] = i;
      if (k == 0)
        {
          if (reg->lr > 0)
            place_count_label (self, m, reg->lx, reg->ly, reg->lr * 0.92);
          add_count_obstacles (self, m, obstacles);
          continue;
        }
      /* Each marker also keeps clear of the rings of the others: smaller, or else outside. */
      for (int attempt = 0; attempt < 2 && !ok; attempt++)
        {
          with_label = attempt == 0;
          kk = k + (with_label ? 1 : 0);
          if (!page_place_markers (self, m, kk, xy, &radius) || radius * 0.9 < min_r)
            continue;
          /* The place nearest the region's label point holds the count. */
          label_slot = with_label ? nearest_place (xy, kk, reg->lx, reg->ly) : G_MAXUINT;
          r = size_region_markers (self, members, xy, kk, label_slot, MIN (mr, radius * 0.9), min_r,
                                   discs, n_discs);
          ok = r > 0;
        }
      if (!ok)
        {
          kk = 0;
          with_label = FALSE;
          label_slot = G_MAXUINT;
          for (guint j = 0; j < k; j++)
            {
              self->drafts[members[j]].outside = TRUE;
              *new_outside = TRUE;
            }
        }
      if (with_label)
        place_count_label (self, m, xy[2 * label_slot], xy[2 * label_slot + 1], radius * 0.95);
      else if (kk == 0 && reg->lr > 0)
        place_count_label (self, m, reg->lx, reg->ly, reg->lr * 0.92);
      if (!reg->has_count && reg->empty && reg->lr > 0)
        /* An empty region must say so even when crowded: try its own label point. */
        place_count_label (self, m, reg->lx, reg->ly, reg->lr * 0.8);

      /* size_region_markers left their discs after those placed before. */
      for (guint j = 0; j < k && ok; j++)
        {
          ZopaDiagramDraft *d = &self->drafts[members[j]];

          d->x = discs[n_discs].x;
          d->y = discs[n_discs].y;
          d->r = r;
          n_discs++;
        }
      add_count_obstacles (self, m, obstacles);
    }
  for (guint m = 1; m < (1u << n); m++)
    if (self->regions[m].drawn && !self->regions[m].empty && !self->regions[m].has_count)
      place_count_in_free_spot (self, m, discs, n_discs, obstacles);

  /* No one accepts: outside every shape, inside the frame of all deals. Where the frame
   * is crowded the markers get smaller rather than land in a region they do not belong to. */
  for (guint i = 0, crowded = 0; i < self->n_drafts; i++)
    {
      ZopaDiagramDraft *d = &self->drafts[i];
      gboolean placed = FALSE;

      if (d->mask != 0)
        continue;
      for (double r = mr; !placed && r >= mr * 0.3; r *= 0.8)
        placed = place_outside_marker (self, d, r, discs, &n_discs);
      if (!placed)
        {
          /* No room left at all: along the top edge of the frame, above every shape. */
          d->r = mr * 0.3;
          d->x = self->universe.x + d->r * (2 + 2.6 * crowded++);
          d->y = self->universe.y + d->r * 1.2;
        }
    }

  /* Markers whose region has no area: on the shelf below the frame, in the order of the
   * places they point at, so that the leader lines do not cross. */
  if (self->has_shelf)
    {
      guint order[64], k = 0;
      double x, sr;

      for (guint i = 0; i < self->n_drafts && k < 64; i++)
        if (self->drafts[i].outside)
          {
            leader_target (self, self->drafts[i].mask, &self->drafts[i].leader_x, &self->drafts[i].leader_y);
            order[k++] = i;
          }
      for (guint i = 1; i < k; i++)
        for (guint j = i; j > 0 && self->drafts[order[j]].leader_x < self->drafts[order[j - 1]].leader_x; j--)
          {
            guint t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
          }
      x = self->shelf_note.x + self->shelf_note.w + mr * 2;
      /* Many markers get smaller ones, so that the row stays on the page. */
      sr = k > 0 ? MIN (mr, (self->shelf.x + self->shelf.width - x) / (2.2 * k)) : mr;
      for (guint j = 0; j < k; j++)
        {
          ZopaDiagramDraft *d = &self->drafts[order[j]];
          double step = MIN (sr * 3, (self->shelf.x + self->shelf.width - x - sr) / MAX (1u, k - j));

          d->x = x + sr;
          d->y = self->shelf.y + self->shelf.height / 2;
          d->r = sr;
          discs[n_discs++] = marker_disc (self, d, d->x, d->y, d->r);
          x += MAX (step, sr * 2.2);
        }
    }

  if (self->has_shelf)
    {
      cairo_rectangle_t r = zopa_text_rect (&self->shelf_note);
      g_array_append_val (obstacles, r);
    }
  place_draft_labels (self, discs, n_discs, obstacles);
}

/* Scales and centres the base shapes (bounds x0, y0, x1, y1) to fill inner, then smaller
 * until every actor's name finds a place beside its shape inside inner. */
static void
fit_overview (ZopaDiagram             *self,
              const cairo_rectangle_t *inner,
              double                   x0,
              double                   y0,
              double                   x1,
              double                   y1)
{
  double f = self->font_body, bw = MAX (x1 - x0, 1e-9), bh = MAX (y1 - y0, 1e-9);
  double full = MIN (inner->width / bw, inner->height / bh);
  cairo_rectangle_t box = { inner->x + f * 0.3, inner->y, inner->width - f * 0.6, inner->height - f * 0.3 };

  for (int attempt = 0; attempt < 12; attempt++)
    {
      /* At least the name's height clear above and below. */
      double s = MAX (MIN (full, (inner->height - 2 * (self->actor_labels[0].h + f * 0.4)) / bh) *
                      pow (0.93, attempt), 1e-6);

      self->map_s = s;
      self->map_x = inner->x + inner->width / 2 - (x0 + x1) / 2 * s;
      self->map_y = inner->y + inner->height / 2 - (y0 + y1) / 2 * s;
      map_shapes (self, s, self->map_x, self->map_y);
      if (place_actor_labels (self, &box, NULL, 0))
        break;
    }
}

/* The overview in its part of inner and the inset in the rest, a column or a row; FALSE
 * when there is no inset (or no room for one). */
static gboolean
lay_out_with_inset (ZopaDiagram             *self,
                    const cairo_rectangle_t *inner,
                    double                   bx0,
                    double                   by0,
                    double                   bx1,
                    double                   by1,
                    gboolean                 column)
{
  double f = self->font_body;
  cairo_rectangle_t overview, panel;
  cairo_rectangle_t box = { inner->x + f * 0.3, inner->y, inner->width - f * 0.6, inner->height - f * 0.3 };
  cairo_rectangle_t avoid[3];
  double margin = f * 0.25;

  if (!zopa_venn_inset_split (self, inner, bx1 - bx0, by1 - by0, column, &overview, &panel))
    return FALSE;
  fit_overview (self, &overview, bx0, by0, bx1, by1);
  zopa_venn_inset_place (self, &panel);
  if (!self->inset.active)
    return FALSE;

  /* The names off the outline of the magnified part and off the inset, anywhere in the
   * frame; where that fails, where the overview's fit put them. */
  avoid[0] = self->inset.source;
  avoid[0].x -= margin;
  avoid[0].y -= margin;
  avoid[0].width += 2 * margin;
  avoid[0].height += 2 * margin;
  avoid[1] = self->inset.frame;
  avoid[2] = zopa_text_rect (&self->inset.caption);
  if (!place_actor_labels (self, &box, avoid, G_N_ELEMENTS (avoid)))
    {
      cairo_rectangle_t own = { overview.x + f * 0.3, overview.y, overview.width - f * 0.6, overview.height - f * 0.3 };

      place_actor_labels (self, &own, NULL, 0);
    }
  return TRUE;
}

static void
venn_layout_pass (ZopaDiagram *self,
                  gboolean    *new_outside)
{
  guint n = self->n_actors;
  cairo_rectangle_t inner;
  double bx0, by0, bx1, by1, s, tx, ty;
  double f = self->font_body;
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  gboolean any_outside = FALSE;

  self->marker_r = MAX (9.0, 19 * self->unit);
  self->universe = self->body;

  for (guint i = 0; i < self->n_drafts; i++)
    {
      self->drafts[i].r = 0;
      any_outside |= self->drafts[i].outside;
    }
  /* A storyboard keeps the shelf's room on every page of a group once one page needs it,
   * so that the frame of all deals does not change size between them. */
  if (any_outside || (self->has_pin && self->pin.reserve_shelf))
    {
      double sh = self->marker_r * 3.4;

      self->universe.height -= sh;
      self->shelf.x = self->body.x;
      self->shelf.y = self->universe.y + self->universe.height;
      self->shelf.width = self->body.width;
      self->shelf.height = sh;
    }
  if (any_outside)
    {
      double sh = self->shelf.height;

      self->has_shelf = TRUE;
      zopa_text_set (&self->shelf_note,
                     zopa_diagram_text_layout (self, _("Region too small for its marker:"), f * 0.72, FALSE,
                                               self->body.width * 0.3, 2),
                     self->shelf.x, 0, ZOPA_INK_DIM);
      self->shelf_note.y = self->shelf.y + (sh - self->shelf_note.h) / 2;
    }

  {
    /* Translators: the frame around the diagram stands for every possible deal */
    g_autofree char *count = zopa_format_count (zopa_analysis_get_deal_space (self->analysis), TRUE);
    g_autofree char *text = g_strdup_printf (_("All %s possible deals"), count);

    zopa_text_set (&self->universe_label, zopa_diagram_text_layout (self, text, f * 0.72, FALSE,
                                                                    self->universe.width * 0.6, 1),
                   self->universe.x + f * 0.6, self->universe.y + f * 0.4, ZOPA_INK_DIM);
  }

  for (guint k = 0; k < n; k++)
    zopa_text_set (&self->actor_labels[k],
                   zopa_diagram_text_layout (self, self->actors[k].name, f * 1.05, TRUE, f * 14, 2),
                   0, 0, ZOPA_INK_ACTOR);
  for (guint k = 0; k < n; k++)
    self->actor_labels[k].actor = (int) k;

  base_bounds (self->base_shapes, n, &bx0, &by0, &bx1, &by1);

  /* Room for the names around the shapes; shrink until every name finds a place. */
  inner = self->universe;
  inner.y += self->universe_label.h + f * 0.6;
  inner.height -= self->universe_label.h + f * 0.6;
  /* With a magnified inset, the overview leaves it a column or row of the frame. */
  {
    gboolean column = zopa_venn_inset_prefers_column (&inner);
    double preferred = 0, other = 0;

    if (lay_out_with_inset (self, &inner, bx0, by0, bx1, by1, !column))
      other = self->inset.magnification;
    if (lay_out_with_inset (self, &inner, bx0, by0, bx1, by1, column))
      preferred = self->inset.magnification;
    if (other >= 1.5 * MAX (preferred, 1.0))
      lay_out_with_inset (self, &inner, bx0, by0, bx1, by1, !column);
  }
  if (!self->inset.active)
    fit_overview (self, &inner, bx0, by0, bx1, by1);
  s = self->map_s;
  tx = self->map_x;
  ty = self->map_y;

  for (guint k = 0; k < n; k++)
    if (self->actor_labels[k].w > 0)
      {
        cairo_rectangle_t r = zopa_text_rect (&self->actor_labels[k]);
        g_array_append_val (obstacles, r);
      }
  {
    cairo_rectangle_t r = zopa_text_rect (&self->universe_label);
    g_array_append_val (obstacles, r);
  }
  if (self->inset.active)
    {
      cairo_rectangle_t r = zopa_text_rect (&self->inset.caption);
      g_array_append_val (obstacles, r);
    }

  for (guint m = 1; m < (1u << n); m++)
    {
      ZopaDiagramRegion *reg = &self->regions[m];

      reg->lr = 0;
      zopa_venn_inset_region_map (self, m, &s, &tx, &ty);
      if (reg->drawn && cached_label_point (self->base_shapes, n, m, &reg->lx, &reg->ly, &reg->lr))
        {
          reg->lx = reg->lx * s + tx;
          reg->ly = reg->ly * s + ty;
          reg->lr *= s;
        }
      else
        reg->lr = 0;
    }

  layout_markers (self, obstacles, new_outside);
}

/* Whether a marker that had to go outside belongs to a region of the magnified inset. */
static gboolean
outside_in_inset (ZopaDiagram *self)
{
  for (guint i = 0; i < self->n_drafts; i++)
    {
      ZopaDiagramDraft *d = &self->drafts[i];

      if (d->outside && !draft_starts_outside (self, d) && zopa_venn_inset_has_region (self, d->mask))
        return TRUE;
    }
  return FALSE;
}

/* One pass with the inset grown by growth steps and every marker starting where it belongs;
 * whether every marker found room. */
static gboolean
lay_out_markers_inside (ZopaDiagram *self,
                        guint        growth)
{
  gboolean new_outside = FALSE;

  for (guint i = 0; i < self->n_drafts; i++)
    self->drafts[i].outside = draft_starts_outside (self, &self->drafts[i]);
  zopa_diagram_venn_clear (self);
  self->inset.growth = growth;
  venn_layout_pass (self, &new_outside);
  return !new_outside;
}

void
zopa_diagram_venn_layout (ZopaDiagram *self)
{
  guint start = self->has_pin ? self->pin.inset_growth : 0;

  for (guint i = 0; i < self->n_drafts; i++)
    self->drafts[i].mask = draft_home (self, &self->drafts[i]);
  if (!lay_out_markers_inside (self, start))
    {
      double scale = self->map_s;
      gboolean fitted = FALSE;

      /* Markers of magnified regions get a larger inset, as long as that leaves the
       * overview most of its size. */
      for (guint growth = start + 1;
           !fitted && growth <= ZOPA_VENN_INSET_MAX_GROWTH && self->inset.active && outside_in_inset (self);
           growth++)
        fitted = lay_out_markers_inside (self, growth) && self->map_s >= MIN_GROWN_SCALE * scale;
      /* Otherwise the markers that do not fit go to a shelf below the frame. */
      if (!fitted)
        {
          gboolean new_outside = FALSE;

          lay_out_markers_inside (self, start);
          zopa_diagram_venn_clear (self);
          venn_layout_pass (self, &new_outside);
        }
    }
  self->counts_placed = TRUE;
}
