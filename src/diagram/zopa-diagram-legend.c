/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-legend.c: the legend under the views — its entries, their layout in
 * columns, drawing, and matching an entry to a diagram item. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"

/* ---- Legend ---------------------------------------------------------------------------------- */

void
zopa_legend_entry_clear (gpointer data)
{
  ZopaLegendEntry *e = data;

  zopa_text_clear (&e->text);
  zopa_text_clear (&e->sub);
}

static gboolean
any_open_draft (ZopaDiagram *self)
{
  for (guint i = 0; i < self->n_drafts; i++)
    if (self->drafts[i].open)
      return TRUE;
  return FALSE;
}

static gboolean
any_empty_region (ZopaDiagram *self)
{
  for (guint m = 1; m < (1u << self->n_actors); m++)
    if (self->regions[m].drawn && self->regions[m].empty)
      return TRUE;
  return FALSE;
}

/* A region with deals whose count the layout found no room for. */
static gboolean
region_is_uncounted (ZopaDiagram *self,
                     guint        mask)
{
  const ZopaDiagramRegion *reg = &self->regions[mask];

  return self->counts_placed && reg->drawn && !reg->empty && !reg->has_count;
}

gboolean
zopa_legend_any_uncounted_region (ZopaDiagram *self)
{
  for (guint m = 1; m < (1u << self->n_actors); m++)
    if (region_is_uncounted (self, m))
      return TRUE;
  return FALSE;
}

/* "No room for the count of Washington and Europe only (0–4,557)", for every such region. */
static char *
uncounted_regions_text (ZopaDiagram *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint m = 1; m < (1u << self->n_actors); m++)
    {
      g_autofree char *who = NULL;
      g_autofree char *count = NULL;

      if (!region_is_uncounted (self, m))
        continue;
      who = zopa_format_actor_list (self, m);
      if (zopa_diagram_region_count_is_range (self, m))
        count = zopa_diagram_format_count_range (self, m);
      else
        {
          const ZopaRegion *region = zopa_analysis_get_region (self->analysis, m);

          count = zopa_format_count (region->exclusive, region->exact);
        }
      /* Translators: a region and its count of deals, e.g. "Washington and Europe only (0–4,557)" */
      g_ptr_array_add (items, g_strdup_printf (_("%s only (%s)"), who, count));
    }
  g_ptr_array_add (items, NULL);
  joined = g_strjoinv ("; ", (char **) items->pdata);
  /* Translators: %s lists regions with their counts */
  return g_strdup_printf (_("No room for the count of %s"), joined);
}

gboolean
zopa_legend_any_outside_marker (ZopaDiagram *self)
{
  for (guint i = 0; i < self->n_drafts; i++)
    if (self->drafts[i].outside)
      return TRUE;
  return FALSE;
}

static char *
actor_legend_sub (ZopaDiagram *self,
                  guint        actor)
{
  ZopaAnalysis *a = self->analysis;
  const ZopaRegion *region = zopa_analysis_get_region (a, 1u << actor);
  g_autofree char *share = NULL;

  if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
    {
      guint lines = 0;

      for (guint i = 0; i < zopa_analysis_get_n_issues (a); i++)
        for (guint o = 0; o < zopa_analysis_get_n_options (a, i); o++)
          if (!zopa_analysis_actor_accepts_option (a, actor, i, o))
            {
              lines++;
              break;
            }
      if (lines == 0)
        return g_strdup (_("no red lines"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "red lines on %u issue",
                                           "red lines on %u issues", lines), lines);
    }
  if (region->inclusive_empty)
    return g_strdup (_("accepts no deal"));
  share = zopa_format_share (region->inclusive, zopa_analysis_get_deal_space (a));
  /* Translators: %s is a percentage such as "12 %" */
  return g_strdup_printf (_("accepts %s of all deals"), share);
}

static char *
draft_legend_sub (ZopaDiagram *self,
                  guint        shown)
{
  ZopaDiagramDraft *d = &self->drafts[shown];
  g_autofree char *accepting = zopa_format_actor_list (self, d->accepting);

  if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
    {
      guint n_open = 0;

      zopa_analysis_get_draft_open_issues (self->analysis, d->draft, &n_open);
      if (n_open == 0)
        return g_strdup (_("fixes every issue"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "leaves %u issue open",
                                           "leaves %u issues open", n_open), n_open);
    }
  if (d->open)
    return zopa_format_open_verdicts (self, d->accepting, d->possible, FALSE);
  if (d->on_assumptions && d->possible != d->accepting)
    {
      g_autofree char *may = zopa_format_actor_list (self, d->possible & ~d->accepting);

      if (d->accepting == 0)
        /* Translators: %s is a list of actors */
        return g_strdup_printf (_("%s may accept, by the assumptions"), may);
      /* Translators: two lists of actors */
      return g_strdup_printf (_("accepted by %s; %s may, by the assumptions"), accepting, may);
    }
  if (d->accepting == 0)
    return g_strdup (_("accepted by no one"));
  /* Translators: %s is a list of actors */
  return g_strdup_printf (_("accepted by %s"), accepting);
}

static void
legend_add (ZopaDiagram    *self,
            ZopaLegendKind  kind,
            int             index,
            const char     *text,
            const char     *sub)
{
  ZopaLegendEntry e = { 0 };

  e.kind = kind;
  e.index = index;
  /* Texts are laid out by legend_place(); keep the strings for now in the layouts. */
  e.text.layout = pango_layout_new (self->pango);
  pango_layout_set_text (e.text.layout, text, -1);
  if (sub != NULL)
    {
      e.has_sub = TRUE;
      e.sub.layout = pango_layout_new (self->pango);
      pango_layout_set_text (e.sub.layout, sub, -1);
    }
  g_array_append_val (self->legend, e);
}

void
zopa_legend_build (ZopaDiagram *self)
{
  gboolean venn = self->view == ZOPA_DIAGRAM_VIEW_VENN;

  legend_add (self, ZOPA_LEGEND_HEADING, -1, _("Actors"), NULL);
  for (guint k = 0; k < self->n_actors; k++)
    {
      g_autofree char *sub = NULL;

      /* The bargaining view shows its two actors only. */
      if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING && k != self->pair[0] && k != self->pair[1])
        continue;
      sub = actor_legend_sub (self, k);
      legend_add (self, ZOPA_LEGEND_ACTOR, k, self->actors[k].name, sub);
    }
  if (self->n_drafts > 0)
    {
      legend_add (self, ZOPA_LEGEND_HEADING, -1, _("Drafts"), NULL);
      for (guint i = 0; i < self->n_drafts; i++)
        {
          g_autofree char *sub = draft_legend_sub (self, i);
          legend_add (self, ZOPA_LEGEND_DRAFT, i, self->drafts[i].title, sub);
        }
    }
  if (venn)
    {
      if (any_empty_region (self))
        legend_add (self, ZOPA_LEGEND_KEY_EMPTY, -1, zopa_diagram_any_maybe_empty_region (self)
                    ? _("No deal in any reading: empty region") : _("No deal: empty region"), NULL);
      if (zopa_diagram_any_maybe_empty_region (self))
        legend_add (self, ZOPA_LEGEND_KEY_MAYBE_EMPTY, -1,
                    _("Empty in some readings of the assumptions only; count from–to"), NULL);
      if (any_open_draft (self))
        legend_add (self, ZOPA_LEGEND_KEY_HOLLOW, -1,
                    _("Hollow in a dashed ring: open issues. It stands with those who may accept, "
                      "as the issues are settled"), NULL);
      if (zopa_legend_any_outside_marker (self))
        legend_add (self, ZOPA_LEGEND_KEY_OUTSIDE, -1,
                    _("Region too small to draw: marker outside, with a leader line"), NULL);
      if (zopa_diagram_any_assumption_marker (self))
        legend_add (self, ZOPA_LEGEND_KEY_ASSUMPTIONS, -1,
                    _("Ring of dots: a verdict hinges on assumptions (a range or a maybe)"), NULL);
      if (zopa_legend_any_uncounted_region (self))
        {
          g_autofree char *text = uncounted_regions_text (self);

          legend_add (self, ZOPA_LEGEND_KEY_COUNTS, -1, text, NULL);
        }
    }
  else if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    {
      if (any_open_draft (self))
        legend_add (self, ZOPA_LEGEND_KEY_HOLLOW, -1,
                    _("Open issues: hollow, in a dashed box spanning the scores of its completions"), NULL);
    }
  else
    {
      legend_add (self, ZOPA_LEGEND_KEY_COMMON, -1, _("Every actor accepts this option"), NULL);
      if (any_open_draft (self) || self->n_drafts > 0)
        legend_add (self, ZOPA_LEGEND_KEY_HOLLOW, -1, _("Issue the draft leaves open"), NULL);
      if (zopa_diagram_any_assumption_marker (self))
        legend_add (self, ZOPA_LEGEND_KEY_ASSUMPTIONS, -1,
                    _("Ring of dots: a verdict hinges on assumptions (a range or a maybe)"), NULL);
    }
  /* Its text is made when entries are left out. */
  legend_add (self, ZOPA_LEGEND_MORE, -1, "", NULL);
}

/* Leaves out the entries from first to the last but one (the "more" entry), and says how
 * many actors and drafts that hides in the "more" entry at (x, y); the keys that follow
 * them go without a word. Returns the height of the "more" entry. */
static double
legend_hide_from (ZopaDiagram *self,
                  guint        first,
                  double       x,
                  double       y,
                  double       width,
                  double       f)
{
  ZopaLegendEntry *more = &g_array_index (self->legend, ZopaLegendEntry, self->legend->len - 1);
  guint n_hidden = 0;
  g_autofree char *text = NULL;

  for (guint j = first; j + 1 < self->legend->len; j++)
    {
      ZopaLegendEntry *rest = &g_array_index (self->legend, ZopaLegendEntry, j);

      rest->hidden = TRUE;
      memset (&rest->bounds, 0, sizeof rest->bounds);
      if (rest->kind == ZOPA_LEGEND_ACTOR || rest->kind == ZOPA_LEGEND_DRAFT)
        n_hidden++;
    }
  if (n_hidden == 0)
    return 0;
  /* Translators: the last line of a legend with no room for all its entries */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n_hidden), n_hidden);
  zopa_text_set (&more->text, zopa_diagram_text_layout (self, text, f * 0.85, FALSE, width, 1), x, y, ZOPA_INK_DIM);
  more->hidden = FALSE;
  more->bounds.x = x;
  more->bounds.y = y;
  more->bounds.width = width;
  more->bounds.height = more->text.h;
  return more->text.h;
}

/* Lays the legend out in columns inside box at font size f; returns the height used, or
 * G_MAXDOUBLE when a column overflows. */
static double
legend_place (ZopaDiagram             *self,
              const cairo_rectangle_t *box,
              guint                    n_columns,
              double                   f,
              gboolean                 with_subs,
              int                      title_lines,
              gboolean                 allow_hiding)
{
  double col_gap = f * 1.5;
  double col_w = (box->width - col_gap * (n_columns - 1)) / n_columns;
  double swatch = f * 1.7;
  double text_w = col_w - swatch - f * 0.6;
  double x = box->x, y = box->y, used = 0;
  guint column = 0;

  if (text_w < f * 4)
    return G_MAXDOUBLE;

  for (guint i = 0; i < self->legend->len; i++)
    {
      ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);

      e->hidden = e->kind == ZOPA_LEGEND_MORE;
    }

  for (guint i = 0; i < self->legend->len; i++)
    {
      ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);
      g_autofree char *text = g_strdup (pango_layout_get_text (e->text.layout));
      gboolean heading = e->kind == ZOPA_LEGEND_HEADING;
      gboolean key = e->kind >= ZOPA_LEGEND_KEY_EMPTY;
      double top, h;
      int lines = heading ? 1 : e->kind == ZOPA_LEGEND_DRAFT ? title_lines : e->kind == ZOPA_LEGEND_KEY_COUNTS ? 8 : 3;

      if (e->kind == ZOPA_LEGEND_MORE)
        continue;

      if (heading && i > 0 && y > box->y)
        y += f * 0.7;
      if (key && i > 0 && g_array_index (self->legend, ZopaLegendEntry, i - 1).kind < ZOPA_LEGEND_KEY_EMPTY)
        y += f * 0.9;
      top = y;
      zopa_text_set (&e->text,
                     zopa_diagram_text_layout (self, text, key ? f * 0.85 : (heading ? f * 0.8 : f),
                                               heading, heading ? col_w : text_w, lines),
                     heading ? x : x + swatch + f * 0.6, y,
                     heading || key ? ZOPA_INK_DIM : ZOPA_INK_TEXT);
      if (heading)
        {
          /* Small capitals are not universal; a letter-spaced dim heading reads as one. */
          PangoAttrList *attrs = pango_attr_list_new ();
          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (f * 0.06 * PANGO_SCALE)));
          pango_layout_set_attributes (e->text.layout, attrs);
          pango_attr_list_unref (attrs);
        }
      y += e->text.h;
      if (e->has_sub)
        {
          g_autofree char *sub = g_strdup (pango_layout_get_text (e->sub.layout));

          if (with_subs)
            {
              zopa_text_set (&e->sub, zopa_diagram_text_layout (self, sub, f * 0.78, FALSE, text_w, 2),
                             x + swatch + f * 0.6, y, ZOPA_INK_DIM);
              y += e->sub.h;
            }
          else
            {
              /* Keep the text for the next attempt, but draw nothing. */
              zopa_text_set (&e->sub, zopa_diagram_text_layout (self, sub, f * 0.78, FALSE, text_w, 2),
                             x + swatch + f * 0.6, y, ZOPA_INK_DIM);
              e->sub.w = e->sub.h = 0;
            }
        }
      h = y - top;
      e->ss = heading ? 0 : (e->kind == ZOPA_LEGEND_DRAFT ? f * 1.25 : f * 1.1);
      e->sx = x + swatch / 2;
      e->sy = top + MIN (e->text.h / 2, MAX (h, e->ss) / 2);
      e->bounds.x = x;
      e->bounds.y = top;
      e->bounds.width = col_w;
      e->bounds.height = MAX (h, e->ss);
      y = top + MAX (h, e->ss) + (heading ? f * 0.35 : f * 0.45);

      if (y - box->y > box->height)
        {
          /* Next column, unless this was the last one. */
          if (column + 1 >= n_columns && allow_hiding)
            {
              /* Say what is left out, giving up entries above until the line fits. */
              guint first = i;
              double more_top = top, more_h = f * 1.3;

              while (first > 0 && more_top + more_h - box->y > box->height &&
                     g_array_index (self->legend, ZopaLegendEntry, first - 1).bounds.x == x)
                {
                  first--;
                  more_top = g_array_index (self->legend, ZopaLegendEntry, first).bounds.y;
                }
              more_h = legend_hide_from (self, first, x, more_top, col_w, f);
              return MAX (used, more_top + more_h - box->y);
            }
          if (column + 1 >= n_columns)
            return G_MAXDOUBLE;
          column++;
          x = box->x + column * (col_w + col_gap);
          y = box->y;
          /* Lay this entry out again at the top of the new column, with its heading when it
           * was the first of a list. */
          if (i > 0 && g_array_index (self->legend, ZopaLegendEntry, i - 1).kind == ZOPA_LEGEND_HEADING)
            i--;
          i--;
          continue;
        }
      used = MAX (used, y - box->y);
    }
  return used;
}

void
zopa_legend_layout (ZopaDiagram       *self,
               cairo_rectangle_t *box,
               guint              n_columns)
{
  /* The issue map is dense: a quieter legend leaves it the room. */
  double start = self->font_body * (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP ? 0.82 : 1.0);
  double f = start;
  double min_f = MAX (8.0, self->font_body * 0.6);

  /* Shrink until it fits: first the font, then the sub-lines, then the draft titles to
   * one line. */
  for (int pass = 0; pass < 3; pass++)
    {
      for (f = start; f >= min_f; f *= 0.92)
        {
          double used = legend_place (self, box, n_columns, f, pass < 1, pass < 2 ? 2 : 1, FALSE);
          if (used <= box->height)
            {
              self->legend_box = *box;
              self->legend_box.height = used;
              return;
            }
        }
    }
  self->legend_box = *box;
  self->legend_box.height = legend_place (self, box, n_columns, min_f, FALSE, 1, TRUE);
}

static void
draw_hatch (ZopaDiagram *self,
            cairo_t     *cr,
            double       x0,
            double       y0,
            double       x1,
            double       y1)
{
  double step = MAX (4.0, 9 * self->unit);

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.0, 1.6 * self->unit));
  zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
  for (double t = x0 - (y1 - y0); t < x1; t += step)
    {
      cairo_move_to (cr, t, y1);
      cairo_line_to (cr, t + (y1 - y0), y0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Hatching of the clip (or the rectangle given), for empty regions. Shared with the Venn
 * view through the legend swatch. */
static void
draw_legend_swatch (ZopaDiagram     *self,
                    cairo_t         *cr,
                    ZopaLegendEntry *e)
{
  double s = e->ss;

  cairo_new_path (cr);
  switch (e->kind)
    {
    case ZOPA_LEGEND_HEADING:
      break;
    case ZOPA_LEGEND_ACTOR:
      if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
        {
          ZopaRgba c = self->actors[e->index].color;

          cairo_arc (cr, e->sx, e->sy, s / 2, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, c.r, c.g, c.b, 0.3);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, c.r, c.g, c.b, 1);
          cairo_set_line_width (cr, MAX (1.5, 2.5 * self->unit));
          cairo_stroke (cr);
        }
      else
        {
          ZopaRgba c = self->actors[e->index].color;

          cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.2, s * 1.2, s * 0.4);
          cairo_set_source_rgba (cr, c.r, c.g, c.b, 1);
          cairo_fill (cr);
        }
      break;
    case ZOPA_LEGEND_DRAFT:
      {
        gboolean spread = self->view == ZOPA_DIAGRAM_VIEW_VENN && self->drafts[e->index].open;

        zopa_diagram_draw_marker (self, cr, e->index, e->sx, e->sy, spread ? s * 0.36 : s / 2,
                                  spread ? ZOPA_MARKER_HOLLOW : ZOPA_MARKER_FILLED, spread);
      }
      break;
    case ZOPA_LEGEND_KEY_EMPTY:
      cairo_save (cr);
      cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.45, s * 1.2, s * 0.9);
      cairo_clip_preserve (cr);
      zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
      cairo_fill (cr);
      draw_hatch (self, cr, e->sx - s, e->sy - s, e->sx + s, e->sy + s);
      cairo_restore (cr);
      zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.45, s * 1.2, s * 0.9);
      cairo_stroke (cr);
      break;
    case ZOPA_LEGEND_KEY_HOLLOW:
      if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
        {
          /* The mark of an open draft as drawn in the diagram, without a number. */
          double r = s * 0.3, line = MAX (1.5, r * 0.16);

          cairo_save (cr);
          zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
          cairo_new_path (cr);
          cairo_arc (cr, e->sx, e->sy, r, 0, 2 * G_PI);
          cairo_arc_negative (cr, e->sx, e->sy, r - line * 1.4, 2 * G_PI, 0);
          cairo_fill (cr);
          cairo_restore (cr);
          zopa_diagram_draw_spread (self, cr, e->sx, e->sy, r);
        }
      else
        {
          double r = s * 0.38;

          zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
          cairo_set_line_width (cr, MAX (1.5, r * 0.3));
          cairo_new_sub_path (cr);
          cairo_arc (cr, e->sx, e->sy, r, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
      break;
    case ZOPA_LEGEND_KEY_OUTSIDE:
      {
        double dash[] = { 2 * self->unit + 1, 2 * self->unit + 1 };

        cairo_save (cr);
        zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
        cairo_set_line_width (cr, MAX (1.0, 1.5 * self->unit));
        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, e->sx - s * 0.6, e->sy - s * 0.4);
        cairo_line_to (cr, e->sx + s * 0.3, e->sy + s * 0.2);
        cairo_stroke (cr);
        cairo_restore (cr);
        zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
        cairo_arc (cr, e->sx + s * 0.35, e->sy + s * 0.22, s * 0.22, 0, 2 * G_PI);
        cairo_fill (cr);
      }
      break;
    case ZOPA_LEGEND_KEY_MAYBE_EMPTY:
      {
        double dash[] = { MAX (2.0, 5 * self->unit), MAX (2.0, 4 * self->unit) };

        cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.45, s * 1.2, s * 0.9);
        zopa_diagram_draw_dots (self, cr);
        cairo_save (cr);
        zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
        cairo_set_line_width (cr, MAX (1.0, 1.8 * self->unit));
        cairo_set_dash (cr, dash, 2, 0);
        cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.45, s * 1.2, s * 0.9);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;
    case ZOPA_LEGEND_KEY_ASSUMPTIONS:
      {
        double r = s * 0.3;

        zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
        cairo_arc (cr, e->sx, e->sy, r, 0, 2 * G_PI);
        cairo_fill (cr);
        zopa_diagram_draw_assumption_ring (self, cr, e->sx, e->sy, r);
      }
      break;
    case ZOPA_LEGEND_KEY_COMMON:
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.14);
      cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.45, s * 1.2, s * 0.9);
      cairo_fill (cr);
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, e->sx - s * 0.6 + 0.5, e->sy - s * 0.45 + 0.5, s * 1.2 - 1, s * 0.9 - 1);
      cairo_stroke (cr);
      break;
    case ZOPA_LEGEND_KEY_COUNTS:
      /* A count's plate with no room in its region. */
      zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
      cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.3, s * 1.2, s * 0.6);
      cairo_fill_preserve (cr);
      zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
      cairo_set_line_width (cr, MAX (1.0, 1.5 * self->unit));
      cairo_stroke (cr);
      break;
    default:
      break;
    }
}

gboolean
zopa_legend_entry_matches (ZopaDiagram           *self,
                      const ZopaLegendEntry *e,
                      const ZopaDiagramItem *item)
{
  if (item == NULL)
    return FALSE;
  if (e->kind == ZOPA_LEGEND_ACTOR)
    return item->kind == ZOPA_DIAGRAM_ITEM_ACTOR && item->actor == e->index;
  if (e->kind == ZOPA_LEGEND_DRAFT)
    return item->kind == ZOPA_DIAGRAM_ITEM_DRAFT && item->draft == (int) self->drafts[e->index].draft;
  return FALSE;
}

void
zopa_legend_draw (ZopaDiagram *self,
             cairo_t     *cr)
{
  for (guint i = 0; i < self->legend->len; i++)
    {
      ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);
      gboolean selected = e->kind == ZOPA_LEGEND_DRAFT && (int) self->drafts[e->index].draft == self->selected;
      double pad = self->font_body * 0.25;

      if (e->hidden)
        continue;
      if (zopa_legend_entry_matches (self, e, &self->highlight) || selected)
        {
          zopa_diagram_set_source (self, cr, selected ? ZOPA_INK_ACCENT : ZOPA_INK_TEXT, -1,
                                   selected ? 0.16 : 0.07);
          cairo_rectangle (cr, e->bounds.x - pad, e->bounds.y - pad,
                           e->bounds.width + 2 * pad, e->bounds.height + 2 * pad);
          cairo_fill (cr);
        }
      draw_legend_swatch (self, cr, e);
      zopa_text_draw (self, cr, &e->text);
      if (e->has_sub && e->sub.h > 0)
        zopa_text_draw (self, cr, &e->sub);
    }
}

gboolean
zopa_diagram_legend_explains (ZopaDiagram     *self,
                              ZopaDiagramMark  mark)
{
  static const ZopaLegendKind keys[] = {
    [ZOPA_DIAGRAM_MARK_EMPTY] = ZOPA_LEGEND_KEY_EMPTY,
    [ZOPA_DIAGRAM_MARK_EMPTY_IN_SOME_READINGS] = ZOPA_LEGEND_KEY_MAYBE_EMPTY,
    [ZOPA_DIAGRAM_MARK_OPEN_ISSUES] = ZOPA_LEGEND_KEY_HOLLOW,
    [ZOPA_DIAGRAM_MARK_ASSUMPTIONS] = ZOPA_LEGEND_KEY_ASSUMPTIONS,
    [ZOPA_DIAGRAM_MARK_OUTSIDE] = ZOPA_LEGEND_KEY_OUTSIDE,
    [ZOPA_DIAGRAM_MARK_UNCOUNTED] = ZOPA_LEGEND_KEY_COUNTS,
  };

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail ((guint) mark < G_N_ELEMENTS (keys), FALSE);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);

      if (e->kind == keys[mark] && !e->hidden)
        return TRUE;
    }
  return FALSE;
}

guint
zopa_diagram_get_legend_n_left_out (ZopaDiagram *self)
{
  guint n = 0;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), 0);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);

      if (e->hidden && (e->kind == ZOPA_LEGEND_ACTOR || e->kind == ZOPA_LEGEND_DRAFT))
        n++;
    }
  return n;
}
