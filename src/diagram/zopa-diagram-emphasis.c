/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-emphasis.c: regions and markers picked out by another view (the Assumptions
 * view shows what hinges on one uncertain value): stored on the diagram, drawn as an accent
 * tint with a thick accent outline, distinct from hover, focus and selection. */

#include "config.h"

#include <math.h>

#include "diagram/zopa-diagram-private.h"

void
zopa_diagram_set_emphasis (ZopaDiagram *self,
                           const guint *region_masks,
                           guint        n_regions,
                           const guint *draft_indices,
                           guint        n_drafts)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  g_return_if_fail (n_regions == 0 || region_masks != NULL);
  g_return_if_fail (n_drafts == 0 || draft_indices != NULL);

  self->emphasis_regions = 0;
  for (guint i = 0; i < n_regions; i++)
    if (region_masks[i] < ZOPA_EULER_MAX_REGIONS)
      self->emphasis_regions |= G_GUINT64_CONSTANT (1) << region_masks[i];
  for (guint i = 0; i < self->n_drafts; i++)
    {
      self->drafts[i].emphasized = FALSE;
      for (guint j = 0; j < n_drafts; j++)
        if (draft_indices[j] == self->drafts[i].draft)
          self->drafts[i].emphasized = TRUE;
    }
}

gboolean
zopa_diagram_is_emphasized (ZopaDiagram           *self,
                            const ZopaDiagramItem *item)
{
  int shown;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  switch (item->kind)
    {
    case ZOPA_DIAGRAM_ITEM_REGION:
      return item->mask < ZOPA_EULER_MAX_REGIONS
             && (self->emphasis_regions & (G_GUINT64_CONSTANT (1) << item->mask)) != 0;
    case ZOPA_DIAGRAM_ITEM_DRAFT:
      shown = zopa_diagram_shown_index (self, item->draft);
      return shown >= 0 && self->drafts[shown].emphasized;
    default:
      return FALSE;
    }
}

static gboolean
region_emphasized (ZopaDiagram *self,
                   guint        mask)
{
  return mask < (1u << self->n_actors)
         && (self->emphasis_regions & (G_GUINT64_CONSTANT (1) << mask)) != 0
         && (mask == 0 || self->regions[mask].drawn);
}

void
zopa_diagram_draw_emphasis_fill (ZopaDiagram *self,
                                 cairo_t     *cr)
{
  for (guint m = 0; m < (1u << self->n_actors); m++)
    {
      if (!region_emphasized (self, m))
        continue;
      cairo_save (cr);
      if (m == 0)
        {
          /* The deals no one accepts: the frame less every shape, cut out in a group. */
          cairo_push_group (cr);
          zopa_diagram_venn_region_path (self, cr, 0);
          zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 1);
          cairo_fill (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_new_path (cr);
          for (guint k = 1; k < (1u << self->n_actors); k++)
            if (self->regions[k].drawn)
              zopa_euler_region_append_path (cr, self->shapes, self->n_actors, k);
          cairo_fill (cr);
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.28);
        }
      else
        {
          zopa_diagram_venn_region_path (self, cr, m);
          zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.28);
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }
}

void
zopa_diagram_draw_emphasis_outline (ZopaDiagram *self,
                                    cairo_t     *cr)
{
  double line = MAX (2.5, 5 * self->unit);

  for (guint m = 0; m < (1u << self->n_actors); m++)
    {
      if (!region_emphasized (self, m))
        continue;
      cairo_save (cr);
      zopa_diagram_venn_region_path (self, cr, m);
      /* A background band under the accent keeps the outline clear of hatching and the
       * actors' own outlines. */
      cairo_set_line_width (cr, line * 1.8);
      zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 0.9);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, line);
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

void
zopa_diagram_draw_emphasis_halo (ZopaDiagram *self,
                                 cairo_t     *cr,
                                 guint        shown,
                                 double       x,
                                 double       y,
                                 double       r)
{
  double line = MAX (2.5, r * 0.3);

  if (!self->drafts[shown].emphasized)
    return;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r * 1.75, 0, 2 * G_PI);
  zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.3);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, line);
  zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}
