/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-inset.c: the magnified inset of the proportional Venn view.
 *
 * Drawn to scale, a set that holds a hundredth of the deals of another is a dot at its edge,
 * and the regions of a cluster of such sets are too small for a marker or a count. As on a
 * map with a detail box, the overview stays true to scale and the cluster is drawn again,
 * magnified, in the frame's free space: a thin outline on the overview shows what is
 * magnified, connector lines lead to the inset, and its caption states the factor. The
 * regions inside the inset's window are counted and marked there only, so that each is shown
 * (and described) once.
 *
 * The choice of cluster and window depends on the fitted shapes alone, never on the drafts
 * shown or on the page, so pages of a storyboard that share the shapes and the frame of all
 * deals get the same inset. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"

/* A region whose label clearance is below this share of the diagram's extent is too small
 * to hold a marker and its count on a slide. */
#define SMALL_FRACTION   0.06
/* The clearance the inset aims to give the cluster's smallest region. */
#define ROOMY_FRACTION   0.10
/* Small regions this close (a share of the larger's size, at least of the extent) belong
 * to one cluster. */
#define CLUSTER_REACH    0.5
#define CLUSTER_REACH_EXTENT 0.03
/* A window larger than this share of the extent is no detail: no inset. */
#define MAX_WINDOW       0.45
/* Below this the inset would hardly differ from the overview. */
#define MIN_MAGNIFICATION 1.5
/* The panel the inset's column (or row) takes of the frame, at least and at most. */
#define PANEL_MIN        0.38
#define PANEL_MAX        0.46
/* Each step of growth, for markers the inset had no room for, adds this share to both and
 * raises the magnification's cap by this factor. */
#define PANEL_GROWTH     0.07
#define CAP_GROWTH       1.6

typedef struct {
  double x0, y0, x1, y1;
} Box;

static void
box_include (Box       *a,
             const Box *b)
{
  a->x0 = MIN (a->x0, b->x0);
  a->y0 = MIN (a->y0, b->y0);
  a->x1 = MAX (a->x1, b->x1);
  a->y1 = MAX (a->y1, b->y1);
}

/* The bounding box of region mask of the base shapes; cairo keeps paths in fixed point, so
 * the base units are scaled up to keep its precision. */
static gboolean
base_region_box (ZopaDiagram *self,
                 cairo_t     *cr,
                 guint        mask,
                 Box         *box)
{
  cairo_new_path (cr);
  if (!zopa_euler_region_append_path (cr, self->base_shapes, self->n_actors, mask))
    return FALSE;
  cairo_path_extents (cr, &box->x0, &box->y0, &box->x1, &box->y1);
  return box->x1 > box->x0 && box->y1 > box->y0;
}

static guint
cluster_root (guint *parent,
              guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* The window round the cluster of the most small regions (of two alike, the one with the
 * smallest), small regions joining a cluster where their boxes, grown by reach times their
 * size (at least CLUSTER_REACH_EXTENT of the extent when reach > 0), meet; with a margin
 * and no thinner than 1:2 either way. least: the cluster's smallest clearance. */
static Box
cluster_window (const Box    *boxes,
                const guint  *small,
                guint         n_small,
                const double *clearance,
                double        extent,
                double        reach_share,
                double       *least)
{
  guint parent[ZOPA_EULER_MAX_REGIONS], best_root = 0, best_size = 0;
  double best_least = G_MAXDOUBLE, pad;
  Box window = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < n_small; i++)
    parent[i] = i;
  for (guint i = 0; i < n_small; i++)
    for (guint j = i + 1; j < n_small; j++)
      {
        const Box *a = &boxes[small[i]], *b = &boxes[small[j]];
        double size = MAX (MAX (a->x1 - a->x0, a->y1 - a->y0), MAX (b->x1 - b->x0, b->y1 - b->y0));
        double reach = reach_share > 0 ? MAX (reach_share * size, CLUSTER_REACH_EXTENT * extent) : 0;

        if (a->x0 - reach <= b->x1 && b->x0 - reach <= a->x1 &&
            a->y0 - reach <= b->y1 && b->y0 - reach <= a->y1)
          parent[cluster_root (parent, i)] = cluster_root (parent, j);
      }
  for (guint i = 0; i < n_small; i++)
    {
      guint root = cluster_root (parent, i), size = 0;
      double cluster_least = G_MAXDOUBLE;

      for (guint j = 0; j < n_small; j++)
        if (cluster_root (parent, j) == root)
          {
            size++;
            cluster_least = MIN (cluster_least, clearance[small[j]]);
          }
      if (size > best_size || (size == best_size && cluster_least < best_least))
        {
          best_root = root;
          best_size = size;
          best_least = cluster_least;
        }
    }
  *least = G_MAXDOUBLE;
  for (guint i = 0; i < n_small; i++)
    if (cluster_root (parent, i) == best_root)
      {
        box_include (&window, &boxes[small[i]]);
        if (clearance[small[i]] > 0)
          *least = MIN (*least, clearance[small[i]]);
      }

  pad = 0.06 * MAX (window.x1 - window.x0, window.y1 - window.y0) + 0.005 * extent;
  window.x0 -= pad;
  window.y0 -= pad;
  window.x1 += pad;
  window.y1 += pad;
  for (int axis = 0; axis < 2; axis++)
    {
      double *lo = axis == 0 ? &window.x0 : &window.y0, *hi = axis == 0 ? &window.x1 : &window.y1;
      double other = axis == 0 ? window.y1 - window.y0 : window.x1 - window.x0;
      double grow = 0.5 * other - (*hi - *lo);

      if (grow > 0)
        {
          *lo -= grow / 2;
          *hi += grow / 2;
        }
    }
  return window;
}

void
zopa_venn_inset_choose (ZopaDiagram  *self,
                        const double *clearance)
{
  /* Clusters as loose as give a window small enough to magnify, tighter where not. */
  static const double reaches[] = { CLUSTER_REACH, CLUSTER_REACH / 2, 0 };
  ZopaVennInset *inset = &self->inset;
  guint n_regions = 1u << self->n_actors;
  Box boxes[ZOPA_EULER_MAX_REGIONS], window = { 0 };
  guint64 boxed = 0;
  guint small[ZOPA_EULER_MAX_REGIONS], n_small = 0;
  double least = G_MAXDOUBLE, x0, y0, x1, y1, extent;
  gboolean found = FALSE;
  cairo_surface_t *surface;
  cairo_t *cr;

  zopa_venn_inset_clear (self);
  inset->regions = 0;
  inset->need = 0;
  if (self->mode != ZOPA_DIAGRAM_MODE_PROPORTIONAL || !self->has_fit ||
      !zopa_euler_bounds (self->base_shapes, self->n_actors, &x0, &y0, &x1, &y1))
    return;
  extent = MAX (x1 - x0, y1 - y0);
  if (!(extent > 0))
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  cairo_scale (cr, 4096 / extent, 4096 / extent);
  cairo_translate (cr, -x0, -y0);
  for (guint m = 1; m < n_regions; m++)
    {
      if (!self->regions[m].drawn || !base_region_box (self, cr, m, &boxes[m]))
        continue;
      boxed |= G_GUINT64_CONSTANT (1) << m;
      if (clearance[m] < SMALL_FRACTION * extent)
        small[n_small++] = m;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (n_small == 0)
    return;

  for (guint r = 0; r < G_N_ELEMENTS (reaches) && !found; r++)
    {
      window = cluster_window (boxes, small, n_small, clearance, extent, reaches[r], &least);
      found = MAX (window.x1 - window.x0, window.y1 - window.y0) <= MAX_WINDOW * extent;
    }
  if (!found)
    return;

  /* Every region wholly inside the window is shown there, and there only. */
  for (guint m = 1; m < n_regions; m++)
    if ((boxed & (G_GUINT64_CONSTANT (1) << m)) &&
        boxes[m].x0 >= window.x0 && boxes[m].x1 <= window.x1 &&
        boxes[m].y0 >= window.y0 && boxes[m].y1 <= window.y1)
      inset->regions |= G_GUINT64_CONSTANT (1) << m;
  inset->window[0] = window.x0;
  inset->window[1] = window.y0;
  inset->window[2] = window.x1;
  inset->window[3] = window.y1;
  inset->need = least < G_MAXDOUBLE ? ROOMY_FRACTION * extent / least : 1.0 / SMALL_FRACTION;
}

gboolean
zopa_venn_inset_wanted (ZopaDiagram *self)
{
  return self->inset.regions != 0;
}

gboolean
zopa_venn_inset_prefers_column (const cairo_rectangle_t *inner)
{
  return inner->width >= inner->height * 1.1;
}

/* Splits inner along one axis (its start and length there; across: its size the other
 * way) into the panel, on the cluster's side (after: the far end), and the overview: the
 * panel gets what the overview leaves free when it fills the size across, within bounds
 * that grow by growth steps. */
static void
split_along (double    start,
             double    length,
             double    across,
             double    extent_along,
             double    extent_across,
             gboolean  after,
             guint     growth,
             double    gap,
             double   *panel_start,
             double   *panel_length,
             double   *overview_start,
             double   *overview_length)
{
  double used = across * extent_along / MAX (extent_across, 1e-9);
  double grown = MIN (growth, ZOPA_VENN_INSET_MAX_GROWTH) * PANEL_GROWTH;
  double share = CLAMP (length - used, (PANEL_MIN + grown) * length, (PANEL_MAX + grown) * length);

  *panel_length = share;
  *overview_length = length - share - gap;
  *panel_start = after ? start + length - share : start;
  *overview_start = after ? start : start + share + gap;
}

gboolean
zopa_venn_inset_split (ZopaDiagram             *self,
                       const cairo_rectangle_t *inner,
                       double                   bw,
                       double                   bh,
                       gboolean                 column,
                       cairo_rectangle_t       *overview,
                       cairo_rectangle_t       *panel)
{
  const double *w = self->inset.window;
  double bx0, by0, bx1, by1, gap = self->font_body * 0.8;

  *overview = *inner;
  if (!zopa_venn_inset_wanted (self) ||
      !zopa_euler_bounds (self->base_shapes, self->n_actors, &bx0, &by0, &bx1, &by1))
    return FALSE;

  *panel = *inner;
  if (column)
    split_along (inner->x, inner->width, inner->height, bw, bh, w[0] + w[2] >= bx0 + bx1, self->inset.growth, gap,
                 &panel->x, &panel->width, &overview->x, &overview->width);
  else
    split_along (inner->y, inner->height, inner->width, bh, bw, w[1] + w[3] >= by0 + by1, self->inset.growth, gap,
                 &panel->y, &panel->height, &overview->y, &overview->height);
  return TRUE;
}

static char *
format_magnification (double n)
{
  return n == floor (n) ? g_strdup_printf ("%.0f", n) : g_strdup_printf ("%.1f", n);
}

/* The magnification as stated: whole numbers from 3 up, halves below. */
static double
stated_magnification (double m)
{
  return m >= 3 ? floor (m) : floor (m * 2) / 2;
}

void
zopa_venn_inset_place (ZopaDiagram             *self,
                       const cairo_rectangle_t *panel)
{
  ZopaVennInset *inset = &self->inset;
  double f = self->font_body, gap = f * 0.5;
  double ww, wh, caption_h, n, w, h, cx, cy;
  g_autofree char *factor = NULL;
  g_autofree char *caption = NULL;

  zopa_venn_inset_clear (self);
  if (!zopa_venn_inset_wanted (self))
    return;

  inset->source.x = inset->window[0] * self->map_s + self->map_x;
  inset->source.y = inset->window[1] * self->map_s + self->map_y;
  inset->source.width = (inset->window[2] - inset->window[0]) * self->map_s;
  inset->source.height = (inset->window[3] - inset->window[1]) * self->map_s;
  ww = MAX (inset->source.width, 1e-9);
  wh = MAX (inset->source.height, 1e-9);

  {
    ZopaText probe = { 0 };

    zopa_text_set (&probe, zopa_diagram_text_layout (self, "×", f * 0.72, FALSE, -1, 1), 0, 0, ZOPA_INK_DIM);
    caption_h = probe.h * 2;
    zopa_text_clear (&probe);
  }

  n = MIN ((panel->width - 2 * gap) / ww, (panel->height - caption_h - 3 * gap) / wh);
  /* No more than the cluster needs, with some room to spare, and more for markers that
   * found no room at that. */
  n = stated_magnification (MIN (n, MAX (inset->need, 2.0) * 1.25 * pow (CAP_GROWTH, inset->growth)));
  if (n < MIN_MAGNIFICATION)
    return;

  w = ww * n;
  h = wh * n;
  /* As near the magnified part as the panel allows, so that the connectors stay short. */
  cx = CLAMP (inset->source.x + ww / 2, panel->x + gap + w / 2, panel->x + panel->width - gap - w / 2);
  cy = CLAMP (inset->source.y + wh / 2, panel->y + caption_h + 2 * gap + h / 2,
              panel->y + panel->height - gap - h / 2);
  inset->frame = (cairo_rectangle_t) { cx - w / 2, cy - h / 2, w, h };
  inset->magnification = n;
  inset->map_s = self->map_s * n;
  inset->map_x = inset->frame.x - inset->window[0] * inset->map_s;
  inset->map_y = inset->frame.y - inset->window[1] * inset->map_s;
  for (guint k = 0; k < self->n_actors; k++)
    {
      const ZopaEllipse *b = &self->base_shapes[k];

      if (!(b->a > 0 && b->b > 0))
        {
          memset (&inset->shapes[k], 0, sizeof inset->shapes[k]);
          continue;
        }
      inset->shapes[k] = (ZopaEllipse) {
        b->x * inset->map_s + inset->map_x, b->y * inset->map_s + inset->map_y,
        b->a * inset->map_s, b->b * inset->map_s, b->phi,
      };
    }

  factor = format_magnification (n);
  /* Translators: the caption of a magnified part of a diagram drawn to scale; %s is the
   * factor, such as 4 */
  caption = g_strdup_printf (_("Detail, ×%s: not to scale with the rest"), factor);
  zopa_text_set (&inset->caption,
                 zopa_diagram_text_layout (self, caption, f * 0.72, FALSE, MAX (w, panel->width - 2 * gap), 2),
                 0, 0, ZOPA_INK_DIM);
  inset->caption.x = CLAMP (inset->frame.x, panel->x, panel->x + panel->width - inset->caption.w);
  inset->caption.y = inset->frame.y - gap * 0.5 - inset->caption.h;
  inset->active = TRUE;
}

void
zopa_venn_inset_clear (ZopaDiagram *self)
{
  zopa_text_clear (&self->inset.caption);
  self->inset.active = FALSE;
  self->inset.magnification = 0;
}

gboolean
zopa_venn_inset_has_region (ZopaDiagram *self,
                            guint        mask)
{
  return self->inset.active && mask > 0 && mask < ZOPA_EULER_MAX_REGIONS &&
         (self->inset.regions & (G_GUINT64_CONSTANT (1) << mask)) != 0;
}

const ZopaEllipse *
zopa_venn_inset_region_shapes (ZopaDiagram *self,
                               guint        mask)
{
  if (self->drawing_inset || !zopa_venn_inset_has_region (self, mask))
    return self->shapes;
  return self->inset.shapes;
}

void
zopa_venn_inset_region_map (ZopaDiagram *self,
                            guint        mask,
                            double      *s,
                            double      *x,
                            double      *y)
{
  gboolean in_inset = zopa_venn_inset_has_region (self, mask);

  *s = in_inset ? self->inset.map_s : self->map_s;
  *x = in_inset ? self->inset.map_x : self->map_x;
  *y = in_inset ? self->inset.map_y : self->map_y;
}

gboolean
zopa_venn_inset_hit (ZopaDiagram *self,
                     double       x,
                     double       y,
                     guint       *mask)
{
  if (!self->inset.active || !zopa_rect_contains (&self->inset.frame, x, y))
    return FALSE;
  *mask = zopa_euler_point_mask (self->inset.shapes, self->n_actors, x, y);
  return TRUE;
}

/* The two corners of a and of b that the connectors join: the sides that face each other. */
static void
facing_corners (const cairo_rectangle_t *a,
                const cairo_rectangle_t *b,
                double                   line[2][4])
{
  double dx = (b->x + b->width / 2) - (a->x + a->width / 2);
  double dy = (b->y + b->height / 2) - (a->y + a->height / 2);

  if (fabs (dx) * (a->height + b->height) >= fabs (dy) * (a->width + b->width))
    {
      double ax = dx > 0 ? a->x + a->width : a->x, bx = dx > 0 ? b->x : b->x + b->width;

      line[0][0] = ax; line[0][1] = a->y; line[0][2] = bx; line[0][3] = b->y;
      line[1][0] = ax; line[1][1] = a->y + a->height; line[1][2] = bx; line[1][3] = b->y + b->height;
    }
  else
    {
      double ay = dy > 0 ? a->y + a->height : a->y, by = dy > 0 ? b->y : b->y + b->height;

      line[0][0] = a->x; line[0][1] = ay; line[0][2] = b->x; line[0][3] = by;
      line[1][0] = a->x + a->width; line[1][1] = ay; line[1][2] = b->x + b->width; line[1][3] = by;
    }
}

void
zopa_venn_inset_draw (ZopaDiagram *self,
                      cairo_t     *cr)
{
  ZopaVennInset *inset = &self->inset;
  ZopaEllipse overview[ZOPA_EULER_MAX_SETS];
  double line[2][4], width = MAX (1.0, 1.5 * self->unit);

  if (!inset->active)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, width);
  zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.55);
  cairo_rectangle (cr, inset->source.x, inset->source.y, inset->source.width, inset->source.height);
  cairo_stroke (cr);
  facing_corners (&inset->source, &inset->frame, line);
  for (int i = 0; i < 2; i++)
    {
      cairo_move_to (cr, line[i][0], line[i][1]);
      cairo_line_to (cr, line[i][2], line[i][3]);
    }
  zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.3);
  cairo_stroke (cr);

  /* The magnified shapes, cut at the frame; on a plate of the page's colour unless the page
   * has none, where the slide's own background shows as it does round the overview. */
  cairo_rectangle (cr, inset->frame.x, inset->frame.y, inset->frame.width, inset->frame.height);
  if (self->background == ZOPA_DIAGRAM_BACKGROUND_OPAQUE)
    {
      zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
      cairo_fill_preserve (cr);
    }
  cairo_clip (cr);
  memcpy (overview, self->shapes, sizeof overview);
  memcpy (self->shapes, inset->shapes, sizeof inset->shapes);
  self->drawing_inset = TRUE;
  zopa_diagram_venn_draw_shapes (self, cr);
  self->drawing_inset = FALSE;
  memcpy (self->shapes, overview, sizeof overview);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_line_width (cr, width * 1.3);
  zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.7);
  cairo_rectangle (cr, inset->frame.x, inset->frame.y, inset->frame.width, inset->frame.height);
  cairo_stroke (cr);
  cairo_restore (cr);
  zopa_text_draw (self, cr, &inset->caption);
}

void
zopa_venn_inset_describe_region (ZopaDiagram *self,
                                 GString     *out,
                                 guint        mask)
{
  g_autofree char *factor = NULL;

  if (!zopa_venn_inset_has_region (self, mask))
    return;
  factor = format_magnification (self->inset.magnification);
  g_string_append_c (out, '\n');
  /* Translators: %s is a factor, such as 4 */
  g_string_append_printf (out, _("Shown magnified ×%s in the detail, not to scale with the rest"), factor);
}

void
zopa_venn_inset_summarise (ZopaDiagram *self,
                           GString     *out)
{
  g_autofree char *factor = NULL;
  guint n = 0;

  if (!self->inset.active)
    return;
  for (guint m = 1; m < (1u << self->n_actors); m++)
    n += zopa_venn_inset_has_region (self, m);
  factor = format_magnification (self->inset.magnification);
  g_string_append_c (out, ' ');
  /* Translators: %u is a number of regions, %s a factor such as 4 */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "A detail shows %u region too small to read at scale, magnified ×%s.",
                                            "A detail shows %u regions too small to read at scale, magnified ×%s.",
                                            n), n, factor);
}

/* ---- Public accessors ---- */

const ZopaEllipse *
zopa_diagram_get_region_shapes (ZopaDiagram *self,
                                guint        mask,
                                guint       *n_shapes)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  if (self->view != ZOPA_DIAGRAM_VIEW_VENN)
    {
      if (n_shapes != NULL)
        *n_shapes = 0;
      return NULL;
    }
  if (n_shapes != NULL)
    *n_shapes = self->n_actors;
  return zopa_venn_inset_region_shapes (self, mask);
}

gboolean
zopa_diagram_get_inset (ZopaDiagram       *self,
                        cairo_rectangle_t *frame,
                        cairo_rectangle_t *source,
                        double            *magnification,
                        cairo_rectangle_t *caption)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  if (self->view != ZOPA_DIAGRAM_VIEW_VENN || !self->inset.active)
    return FALSE;
  if (frame != NULL)
    *frame = self->inset.frame;
  if (source != NULL)
    *source = self->inset.source;
  if (magnification != NULL)
    *magnification = self->inset.magnification;
  if (caption != NULL)
    *caption = zopa_text_rect (&self->inset.caption);
  return TRUE;
}
