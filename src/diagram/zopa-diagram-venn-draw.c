/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-venn-draw.c: the Venn/Euler view as laid out by zopa-diagram-venn.c, on a
 * cairo context — the frame, the shapes with their empty regions hatched, the detail, counts,
 * names, markers with their leaders and arrows — the regions as paths and bounds, and what
 * lies under a point. */

#include "config.h"

#include <math.h>

#include "diagram/zopa-diagram-private.h"

static void
ellipse_path (cairo_t           *cr,
              const ZopaEllipse *e)
{
  cairo_matrix_t saved;

  cairo_get_matrix (cr, &saved);
  cairo_translate (cr, e->x, e->y);
  cairo_rotate (cr, e->phi);
  cairo_scale (cr, e->a, e->b);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_close_path (cr);
  cairo_set_matrix (cr, &saved);
}

void
zopa_diagram_venn_region_path (ZopaDiagram *self,
                               cairo_t     *cr,
                               guint        mask)
{
  cairo_new_path (cr);
  if (mask == 0)
    cairo_rectangle (cr, self->universe.x, self->universe.y, self->universe.width, self->universe.height);
  else if (mask < (1u << self->n_actors) && self->regions[mask].drawn)
    zopa_euler_region_append_path (cr, zopa_venn_inset_region_shapes (self, mask), self->n_actors, mask);
}

gboolean
zopa_diagram_venn_region_bounds (ZopaDiagram       *self,
                                 guint              mask,
                                 cairo_rectangle_t *bounds)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double x0, y0, x1, y1;

  if (mask >= (1u << self->n_actors) || (mask != 0 && !self->regions[mask].drawn))
    return FALSE;
  if (mask == 0)
    {
      *bounds = self->universe;
      return TRUE;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  zopa_diagram_venn_region_path (self, cr, mask);
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  bounds->x = x0;
  bounds->y = y0;
  bounds->width = x1 - x0;
  bounds->height = y1 - y0;
  return x1 > x0 && y1 > y0;
}

/* One tile of the hatching: the lines x + y = 0, size, 2 size, run past its edges. */
static void
paint_hatch_tile (ZopaDiagram *self,
                  cairo_t     *tcr,
                  int          size,
                  double       scale)
{
  cairo_set_line_width (tcr, MAX (1.0, 1.6 * self->unit) * scale);
  zopa_diagram_set_source (self, tcr, ZOPA_INK_HATCH, -1, 1);
  for (int k = 0; k <= 2; k++)
    {
      cairo_move_to (tcr, k * size + size, -size);
      cairo_line_to (tcr, k * size - 2 * size, 2 * size);
    }
  cairo_stroke (tcr);
}

/* Every empty region that is drawn: background, then diagonal hatching. On pixels a
 * repeating tile does it in one fill (stroking a clipped line pattern per region costs
 * more than the rest of the picture); SVG and PDF get real lines. */
static void
draw_hatching (ZopaDiagram *self,
               cairo_t     *cr)
{
  double step = MAX (5.0, 10 * self->unit), width = MAX (1.0, 1.6 * self->unit);
  gboolean any = FALSE;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint m = 1; m < (1u << self->n_actors); m++)
    if (self->regions[m].drawn && self->regions[m].empty)
      any |= zopa_euler_region_append_path (cr, self->shapes, self->n_actors, m);
  if (!any)
    {
      cairo_restore (cr);
      return;
    }
  zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
  cairo_fill_preserve (cr);

  if (zopa_cairo_target_is_vector (cr))
    {
      double x0, y0, x1, y1;

      cairo_clip (cr);
      cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
      cairo_set_line_width (cr, width);
      zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
      for (double t = x0 - (y1 - y0); t < x1; t += step)
        {
          cairo_move_to (cr, t, y1);
          cairo_line_to (cr, t + (y1 - y0), y0);
        }
      cairo_stroke (cr);
    }
  else
    {
      cairo_pattern_t *pattern = zopa_diagram_tile_pattern (self, cr, step, paint_hatch_tile);

      cairo_set_source (cr, pattern);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }
  cairo_restore (cr);
}

static void
draw_arrow (ZopaDiagram *self,
            cairo_t     *cr,
            double       x0,
            double       y0,
            double       r0,
            double       x1,
            double       y1,
            double       r1)
{
  double dx = x1 - x0, dy = y1 - y0, len = hypot (dx, dy);
  double ux, uy, nx, ny, bend, cx, cy, sx, sy, ex, ey, ang, head = MAX (6.0, 12 * self->unit);
  double line = MAX (1.2, 2.2 * self->unit);

  if (len < r0 + r1 + head)
    return;
  ux = dx / len;
  uy = dy / len;
  nx = -uy;
  ny = ux;
  /* A gentle bend tells an arrow from a region edge. */
  bend = len * 0.18;
  cx = (x0 + x1) / 2 + nx * bend;
  cy = (y0 + y1) / 2 + ny * bend;
  ang = atan2 (y0 - cy, x0 - cx);
  sx = x0 - cos (ang) * (r0 + line * 2);
  sy = y0 - sin (ang) * (r0 + line * 2);
  ang = atan2 (y1 - cy, x1 - cx);
  ex = x1 - cos (ang) * (r1 + line * 2);
  ey = y1 - sin (ang) * (r1 + line * 2);

  cairo_save (cr);
  zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.75);
  cairo_set_line_width (cr, line);
  cairo_move_to (cr, sx, sy);
  cairo_curve_to (cr, sx + (cx - sx) * 2 / 3, sy + (cy - sy) * 2 / 3,
                  ex + (cx - ex) * 2 / 3, ey + (cy - ey) * 2 / 3, ex, ey);
  cairo_stroke (cr);
  ang = atan2 (ey - cy, ex - cx);
  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, ex - head * cos (ang - 0.42), ey - head * sin (ang - 0.42));
  cairo_line_to (cr, ex - head * cos (ang + 0.42), ey - head * sin (ang + 0.42));
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_dashed (ZopaDiagram *self,
             cairo_t     *cr,
             double       x0,
             double       y0,
             double       x1,
             double       y1,
             ZopaInk      ink)
{
  double dash[] = { MAX (3.0, 7 * self->unit), MAX (3.0, 5 * self->unit) };

  cairo_save (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, MAX (1.2, 2 * self->unit));
  zopa_diagram_set_source (self, cr, ink, -1, 0.9);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
zopa_diagram_venn_draw_shapes (ZopaDiagram *self,
                               cairo_t     *cr)
{
  guint n = self->n_actors;
  gboolean dark = self->theme == ZOPA_DIAGRAM_THEME_DARK;

  for (guint k = 0; k < n; k++)
    {
      ZopaRgba c = self->actors[k].color;

      if (!(self->shapes[k].a > 0))
        continue;
      cairo_new_path (cr);
      ellipse_path (cr, &self->shapes[k]);
      cairo_set_source_rgba (cr, c.r, c.g, c.b, dark ? 0.30 : 0.20);
      cairo_fill (cr);
    }

  draw_hatching (self, cr);
  zopa_diagram_draw_maybe_empty (self, cr);
  zopa_diagram_draw_emphasis_fill (self, cr);

  if (self->highlight.kind == ZOPA_DIAGRAM_ITEM_REGION && self->highlight.mask != 0)
    {
      zopa_diagram_venn_region_path (self, cr, self->highlight.mask);
      zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, dark ? 0.16 : 0.10);
      cairo_fill (cr);
    }

  for (guint k = 0; k < n; k++)
    {
      ZopaRgba c = self->actors[k].color;
      gboolean hot = self->highlight.kind == ZOPA_DIAGRAM_ITEM_ACTOR && self->highlight.actor == (int) k;

      if (!(self->shapes[k].a > 0))
        continue;
      cairo_new_path (cr);
      ellipse_path (cr, &self->shapes[k]);
      cairo_set_source_rgba (cr, c.r, c.g, c.b, 1);
      cairo_set_line_width (cr, MAX (1.5, (hot ? 6 : 3.2) * self->unit));
      cairo_stroke (cr);
    }

  if (self->highlight.kind == ZOPA_DIAGRAM_ITEM_REGION && self->highlight.mask != 0)
    {
      zopa_diagram_venn_region_path (self, cr, self->highlight.mask);
      zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.85);
      cairo_set_line_width (cr, MAX (2.0, 3.5 * self->unit));
      cairo_stroke (cr);
    }
  zopa_diagram_draw_emphasis_outline (self, cr);
}

void
zopa_diagram_venn_draw (ZopaDiagram *self,
                        cairo_t     *cr)
{
  guint n = self->n_actors;
  double radius = MAX (4.0, 10 * self->unit);
  const cairo_rectangle_t *u = &self->universe;

  /* The frame of all deals. */
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, u->x + radius, u->y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_arc (cr, u->x + u->width - radius, u->y + radius, radius, 1.5 * G_PI, 2 * G_PI);
  cairo_arc (cr, u->x + u->width - radius, u->y + u->height - radius, radius, 0, 0.5 * G_PI);
  cairo_arc (cr, u->x + radius, u->y + u->height - radius, radius, 0.5 * G_PI, G_PI);
  cairo_close_path (cr);
  if (self->highlight.kind == ZOPA_DIAGRAM_ITEM_REGION && self->highlight.mask == 0)
    {
      zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.04);
      cairo_fill_preserve (cr);
    }
  zopa_diagram_set_source (self, cr, ZOPA_INK_FAINT, -1, 1);
  cairo_set_line_width (cr, MAX (1.0, 1.5 * self->unit));
  cairo_stroke (cr);
  cairo_restore (cr);
  zopa_text_draw (self, cr, &self->universe_label);

  zopa_diagram_venn_draw_shapes (self, cr);
  zopa_venn_inset_draw (self, cr);

  for (guint m = 1; m < (1u << n); m++)
    {
      if (self->regions[m].has_count)
        zopa_text_draw (self, cr, &self->regions[m].count);
      if (self->regions[m].has_share)
        zopa_text_draw (self, cr, &self->regions[m].share);
    }
  for (guint k = 0; k < n; k++)
    if (self->actor_labels[k].w > 0)
      zopa_text_draw (self, cr, &self->actor_labels[k]);

  if (self->has_shelf)
    zopa_text_draw (self, cr, &self->shelf_note);

  /* Links first, markers over them. */
  for (guint i = 0; i < self->n_drafts; i++)
    {
      ZopaDiagramDraft *d = &self->drafts[i];

      if (d->r <= 0)
        continue;
      if (d->outside)
        {
          draw_dashed (self, cr, d->x, d->y - d->r, d->leader_x, d->leader_y, ZOPA_INK_DIM);
          zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
          cairo_set_line_width (cr, MAX (1.2, 2 * self->unit));
          cairo_new_path (cr);
          cairo_arc (cr, d->leader_x, d->leader_y, MAX (2.5, 4 * self->unit), 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
  for (guint i = 0; i < self->n_drafts; i++)
    {
      ZopaDiagramDraft *d = &self->drafts[i];
      ZopaDiagramDraft *p;

      if (d->parent < 0)
        continue;
      p = &self->drafts[d->parent];
      if (p->r > 0 && d->r > 0)
        draw_arrow (self, cr, p->x, p->y, p->r, d->x, d->y, d->r);
    }
  for (guint i = 0; i < self->n_drafts; i++)
    {
      ZopaDiagramDraft *d = &self->drafts[i];
      gboolean hot = self->highlight.kind == ZOPA_DIAGRAM_ITEM_DRAFT && self->highlight.draft == (int) d->draft;

      if (d->r <= 0)
        continue;
      zopa_diagram_draw_emphasis_halo (self, cr, i, d->x, d->y, d->r);
      if (hot)
        {
          zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.45);
          cairo_new_path (cr);
          cairo_arc (cr, d->x, d->y, d->r * 1.45, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      zopa_diagram_draw_marker (self, cr, i, d->x, d->y, d->r,
                                d->open ? ZOPA_MARKER_HOLLOW : ZOPA_MARKER_FILLED, d->open);
      if (d->has_label)
        zopa_text_draw (self, cr, &d->label);
    }
}

gboolean
zopa_diagram_venn_hit (ZopaDiagram     *self,
                       double           x,
                       double           y,
                       ZopaDiagramItem *item)
{
  guint mask;

  for (guint i = self->n_drafts; i-- > 0;)
    {
      ZopaDiagramDraft *d = &self->drafts[i];
      double slop = MAX (2.0, 4 * self->unit);

      if ((d->r > 0 && hypot (x - d->x, y - d->y) <= d->r + slop) ||
          (d->has_label && zopa_rect_contains (&(cairo_rectangle_t) { d->label.x, d->label.y, d->label.w, d->label.h }, x, y)))
        {
          item->kind = ZOPA_DIAGRAM_ITEM_DRAFT;
          item->draft = (int) d->draft;
          return TRUE;
        }
    }
  for (guint k = 0; k < self->n_actors; k++)
    {
      cairo_rectangle_t r = zopa_text_rect (&self->actor_labels[k]);

      if (self->actor_labels[k].w > 0 && zopa_rect_contains (&r, x, y))
        {
          item->kind = ZOPA_DIAGRAM_ITEM_ACTOR;
          item->actor = (int) k;
          return TRUE;
        }
    }
  if (!zopa_rect_contains (&self->universe, x, y))
    return FALSE;
  if (!zopa_venn_inset_hit (self, x, y, &mask))
    mask = zopa_euler_point_mask (self->shapes, self->n_actors, x, y);
  if (mask != 0 && !self->regions[mask].drawn)
    return FALSE;
  item->kind = ZOPA_DIAGRAM_ITEM_REGION;
  item->mask = mask;
  return TRUE;
}
