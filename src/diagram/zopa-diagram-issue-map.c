/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-issue-map.c: the issue map — one row per issue, one cell per option, each
 * actor's acceptable options as a band in its colour, the shown drafts' choices marked.
 * Where two actors' bands never share a cell, their sets cannot meet on that issue. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"

void
zopa_diagram_issue_map_clear (ZopaDiagram *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    {
      ZopaIssueRow *row = &self->rows[i];

      zopa_text_clear (&row->title);
      zopa_text_clear (&row->note);
      for (guint o = 0; o < row->n_options; o++)
        zopa_text_clear (&row->options[o]);
      g_free (row->options);
      g_free (row->cell_x);
    }
  g_clear_pointer (&self->rows, g_free);
  self->n_rows = 0;
  g_clear_pointer (&self->issue_markers, g_array_unref);
  zopa_text_clear (&self->open_heading);
}

static const char *
option_text (ZopaAnalysis *a,
             guint         issue,
             guint         option)
{
  const char *label = zopa_analysis_get_option_label (a, issue, option);

  return label != NULL && label[0] != '\0' ? label : zopa_analysis_get_option_id (a, issue, option);
}

void
zopa_diagram_issue_map_layout (ZopaDiagram *self)
{
  ZopaAnalysis *a = self->analysis;
  guint n_issues = zopa_analysis_get_n_issues (a);
  guint n = self->n_actors;
  const cairo_rectangle_t *body = &self->body;
  double f = self->font_body;
  double title_w, open_w, x0, x1, top, row_h, f_opt, f_title, band_h, band_gap, rm, stack, room;
  int max_lines;
  guint max_open = 0;

  self->issue_markers = g_array_new (FALSE, FALSE, sizeof (ZopaIssueMarker));
  self->n_rows = n_issues;
  self->rows = g_new0 (ZopaIssueRow, MAX (1u, n_issues));
  if (n_issues == 0)
    return;

  /* The most drafts that leave one issue open: the width of the open column. */
  for (guint i = 0; i < n_issues; i++)
    {
      guint open = 0;

      for (guint d = 0; d < self->n_drafts; d++)
        open += zopa_analysis_get_draft_option (a, self->drafts[d].draft, i) < 0;
      max_open = MAX (max_open, open);
    }
  /* The page's own need, then what a storyboard keeps for every page of the group. */
  self->open_columns = max_open;
  if (self->has_pin)
    max_open = MAX (max_open, self->pin.open_columns);

  top = body->y;
  if (max_open > 0)
    {
      zopa_text_set (&self->open_heading,
                     zopa_diagram_text_layout (self, _("Open"), f * 0.7, TRUE, -1, 0),
                     0, top, ZOPA_INK_DIM);
      top += self->open_heading.h + f * 0.2;
    }
  row_h = (body->y + body->height - top) / n_issues;
  /* A row: the option labels (two lines when there is room), then one band per actor
   * with the drafts' markers sitting on the bands, centred in their cells. */
  band_gap = MAX (1.0, 2.5 * self->unit);
  band_h = CLAMP (row_h * 0.075, 2.0, MAX (3.0, 8 * self->unit));
  stack = n * (band_h + band_gap) - band_gap;
  rm = CLAMP (stack / 2 + 2, 6.0, MAX (7.0, MIN (row_h * 0.22, 16 * self->unit)));
  room = row_h * 0.86 - MAX (stack, 2 * rm) - row_h * 0.06;
  f_opt = MAX (8.0, f * 0.64);
  if (room >= 2 * 1.3 * f_opt)
    max_lines = 2;
  else
    {
      max_lines = 1;
      f_opt = CLAMP (room / 1.3, MIN (8.0, f_opt), f_opt);
    }
  f_title = CLAMP (row_h * 0.24, MIN (10.0, f * 0.7), f * 0.74);

  title_w = CLAMP (body->width * 0.2, MIN (120.0, body->width * 0.3), f * 12);
  open_w = max_open > 0 ? MAX (f * 2.6, rm * (2.3 * (max_open - 1) + 2.6)) : 0;
  open_w = MIN (open_w, body->width * 0.2);
  x0 = body->x + title_w + f * 0.8;
  x1 = body->x + body->width - open_w - (max_open > 0 ? f * 0.5 : 0);
  if (max_open > 0)
    {
      self->open_x = x1 + f * 0.5 + open_w / 2;
      self->open_heading.x = self->open_x - self->open_heading.w / 2;
    }
  self->band_h = band_h;
  self->band_gap = band_gap;
  self->marker_r = rm;

  for (guint i = 0; i < n_issues; i++)
    {
      ZopaIssueRow *row = &self->rows[i];
      guint n_options = zopa_analysis_get_n_options (a, i);
      const char *title = zopa_analysis_get_issue_title (a, i);
      double label_h = 0, cell_w;

      row->y0 = top + i * row_h;
      row->y1 = row->y0 + row_h;
      row->x0 = x0;
      row->x1 = x1;
      row->n_options = n_options;
      row->cell_x = g_new (double, n_options + 1);
      row->options = g_new0 (ZopaText, MAX (1u, n_options));
      cell_w = (x1 - x0) / MAX (1u, n_options);
      for (guint o = 0; o <= n_options; o++)
        row->cell_x[o] = x0 + cell_w * o;

      row->common = 0;
      for (guint o = 0; o < n_options && o < 32; o++)
        {
          gboolean all = TRUE;

          for (guint k = 0; k < n; k++)
            all &= zopa_analysis_actor_accepts_option (a, k, i, o);
          if (all)
            row->common |= 1u << o;
        }

      for (guint o = 0; o < n_options; o++)
        {
          zopa_text_set (&row->options[o],
                         zopa_diagram_text_layout (self, option_text (a, i, o), f_opt, FALSE,
                                                   cell_w - f_opt * 0.8, max_lines),
                         row->cell_x[o] + f_opt * 0.4, row->y0 + row_h * 0.06, ZOPA_INK_TEXT);
          pango_layout_set_alignment (row->options[o].layout, PANGO_ALIGN_LEFT);
          label_h = MAX (label_h, row->options[o].h);
        }
      row->band_y = row->y0 + row_h * 0.06 + label_h + row_h * 0.06 + MAX (0.0, rm - stack / 2);
      row->marker_y = row->band_y + stack / 2;

      zopa_text_set (&row->title,
                     zopa_diagram_text_layout (self, title != NULL && title[0] != '\0' ? title : zopa_analysis_get_issue_id (a, i),
                                               f_title, TRUE, title_w, 2),
                     body->x, row->y0 + row_h * 0.06, ZOPA_INK_TEXT);
      if (n > 1 && row->common == 0)
        {
          zopa_text_set (&row->note,
                         zopa_diagram_text_layout (self, _("no option all accept"), f_opt * 0.95, FALSE, title_w, 1),
                         body->x, row->title.y + row->title.h + f_opt * 0.1, ZOPA_INK_DIM);
          if (row->note.y + row->note.h <= row->y1)
            row->has_note = TRUE;
          else
            zopa_text_clear (&row->note);
        }

      /* Markers: the drafts that choose each option, side by side in its cell; the ones
       * that leave the issue open in the open column. */
      for (int o = -1; o < (int) n_options; o++)
        {
          guint count = 0, j = 0;
          double cx, span, step;

          for (guint d = 0; d < self->n_drafts; d++)
            count += zopa_analysis_get_draft_option (a, self->drafts[d].draft, i) == o;
          if (count == 0)
            continue;
          cx = o < 0 ? self->open_x : (row->cell_x[o] + row->cell_x[o + 1]) / 2;
          span = o < 0 ? open_w : cell_w;
          step = MIN (rm * 2.3, (span - rm * 2) / MAX (1u, count - 1));
          for (guint d = 0; d < self->n_drafts; d++)
            if (zopa_analysis_get_draft_option (a, self->drafts[d].draft, i) == o)
              {
                ZopaIssueMarker m = { (int) d, (int) i, cx + (j - (count - 1) / 2.0) * step, row->marker_y, o < 0 };
                g_array_append_val (self->issue_markers, m);
                j++;
              }
        }
    }
}

void
zopa_diagram_issue_map_draw (ZopaDiagram *self,
                             cairo_t     *cr)
{
  guint n = self->n_actors;
  const ZopaDiagramItem *hl = &self->highlight;
  double line = MAX (1.0, self->unit);

  if (self->open_heading.layout != NULL)
    zopa_text_draw (self, cr, &self->open_heading);

  for (guint i = 0; i < self->n_rows; i++)
    {
      ZopaIssueRow *row = &self->rows[i];
      double inset = MAX (2.0, 4 * self->unit);

      if ((hl->kind == ZOPA_DIAGRAM_ITEM_ISSUE && hl->issue == (int) i))
        {
          zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.06);
          cairo_rectangle (cr, self->body.x, row->y0, self->body.width, row->y1 - row->y0);
          cairo_fill (cr);
        }
      for (guint o = 0; o < row->n_options; o++)
        {
          gboolean hot = hl->kind == ZOPA_DIAGRAM_ITEM_OPTION && hl->issue == (int) i && hl->option == (int) o;

          if (o < 32 && (row->common & (1u << o)))
            {
              zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.12);
              cairo_rectangle (cr, row->cell_x[o] + 1, row->y0 + 2, row->cell_x[o + 1] - row->cell_x[o] - 2,
                               row->y1 - row->y0 - 4);
              cairo_fill (cr);
            }
          if (hot)
            {
              zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.08);
              cairo_rectangle (cr, row->cell_x[o] + 1, row->y0 + 2, row->cell_x[o + 1] - row->cell_x[o] - 2,
                               row->y1 - row->y0 - 4);
              cairo_fill (cr);
            }
          /* Cell dividers, short, so the bands read as continuous runs. */
          if (o > 0)
            {
              zopa_diagram_set_source (self, cr, ZOPA_INK_FAINT, -1, 1);
              cairo_set_line_width (cr, line);
              cairo_move_to (cr, row->cell_x[o], row->y0 + (row->y1 - row->y0) * 0.08);
              cairo_line_to (cr, row->cell_x[o], row->band_y - 2);
              cairo_stroke (cr);
            }
          zopa_text_draw (self, cr, &row->options[o]);
        }

      /* One band per actor; consecutive acceptable options join into one run. */
      for (guint k = 0; k < n; k++)
        {
          ZopaRgba c = self->actors[k].color;
          double y = row->band_y + k * (self->band_h + self->band_gap);
          gboolean hot = hl->kind == ZOPA_DIAGRAM_ITEM_ACTOR && hl->actor == (int) k;
          guint o = 0;

          while (o < row->n_options)
            {
              guint end;

              if (!zopa_analysis_actor_accepts_option (self->analysis, k, i, o))
                {
                  o++;
                  continue;
                }
              for (end = o; end < row->n_options && zopa_analysis_actor_accepts_option (self->analysis, k, i, end); end++)
                ;
              cairo_set_source_rgba (cr, c.r, c.g, c.b, 1);
              cairo_rectangle (cr, row->cell_x[o] + inset, y - (hot ? 1 : 0),
                               row->cell_x[end] - row->cell_x[o] - 2 * inset, self->band_h + (hot ? 2 : 0));
              cairo_fill (cr);
              o = end;
            }
        }

      zopa_text_draw (self, cr, &row->title);
      if (row->has_note)
        zopa_text_draw (self, cr, &row->note);

      if (i + 1 < self->n_rows)
        {
          zopa_diagram_set_source (self, cr, ZOPA_INK_FAINT, -1, 1);
          cairo_set_line_width (cr, line);
          cairo_move_to (cr, self->body.x, row->y1);
          cairo_line_to (cr, self->body.x + self->body.width, row->y1);
          cairo_stroke (cr);
        }
    }

  for (guint j = 0; self->issue_markers != NULL && j < self->issue_markers->len; j++)
    {
      ZopaIssueMarker *m = &g_array_index (self->issue_markers, ZopaIssueMarker, j);
      ZopaDiagramDraft *d = &self->drafts[m->shown];
      gboolean hot = hl->kind == ZOPA_DIAGRAM_ITEM_DRAFT && hl->draft == (int) d->draft;

      zopa_diagram_draw_emphasis_halo (self, cr, m->shown, m->x, m->y, self->marker_r);
      if (hot)
        {
          zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.45);
          cairo_new_path (cr);
          cairo_arc (cr, m->x, m->y, self->marker_r * 1.45, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      zopa_diagram_draw_marker (self, cr, m->shown, m->x, m->y, self->marker_r,
                                m->open ? ZOPA_MARKER_HOLLOW : ZOPA_MARKER_FILLED, FALSE);
    }
}

gboolean
zopa_diagram_issue_map_hit (ZopaDiagram     *self,
                            double           x,
                            double           y,
                            ZopaDiagramItem *item)
{
  for (guint j = 0; self->issue_markers != NULL && j < self->issue_markers->len; j++)
    {
      ZopaIssueMarker *m = &g_array_index (self->issue_markers, ZopaIssueMarker, j);

      if (hypot (x - m->x, y - m->y) <= self->marker_r + MAX (2.0, 3 * self->unit))
        {
          item->kind = ZOPA_DIAGRAM_ITEM_DRAFT;
          item->draft = (int) self->drafts[m->shown].draft;
          item->issue = m->issue;
          return TRUE;
        }
    }
  for (guint i = 0; i < self->n_rows; i++)
    {
      ZopaIssueRow *row = &self->rows[i];

      if (y < row->y0 || y >= row->y1 || x < self->body.x || x > self->body.x + self->body.width)
        continue;
      item->issue = (int) i;
      for (guint o = 0; o < row->n_options; o++)
        if (x >= row->cell_x[o] && x < row->cell_x[o + 1])
          {
            item->kind = ZOPA_DIAGRAM_ITEM_OPTION;
            item->option = (int) o;
            return TRUE;
          }
      item->kind = ZOPA_DIAGRAM_ITEM_ISSUE;
      return TRUE;
    }
  return FALSE;
}

gboolean
zopa_diagram_issue_map_bounds (ZopaDiagram           *self,
                               const ZopaDiagramItem *item,
                               cairo_rectangle_t     *bounds)
{
  ZopaIssueRow *row;

  if (item->issue < 0 || (guint) item->issue >= self->n_rows)
    return FALSE;
  row = &self->rows[item->issue];
  switch (item->kind)
    {
    case ZOPA_DIAGRAM_ITEM_ISSUE:
      bounds->x = self->body.x;
      bounds->y = row->y0;
      bounds->width = self->body.width;
      bounds->height = row->y1 - row->y0;
      return TRUE;
    case ZOPA_DIAGRAM_ITEM_OPTION:
      if (item->option < 0 || (guint) item->option >= row->n_options)
        return FALSE;
      bounds->x = row->cell_x[item->option];
      bounds->y = row->y0;
      bounds->width = row->cell_x[item->option + 1] - row->cell_x[item->option];
      bounds->height = row->y1 - row->y0;
      return TRUE;
    case ZOPA_DIAGRAM_ITEM_DRAFT:
      for (guint j = 0; self->issue_markers != NULL && j < self->issue_markers->len; j++)
        {
          ZopaIssueMarker *m = &g_array_index (self->issue_markers, ZopaIssueMarker, j);

          if (m->issue == item->issue && (int) self->drafts[m->shown].draft == item->draft)
            {
              bounds->x = m->x - self->marker_r;
              bounds->y = m->y - self->marker_r;
              bounds->width = bounds->height = 2 * self->marker_r;
              return TRUE;
            }
        }
      return FALSE;
    default:
      return FALSE;
    }
}
