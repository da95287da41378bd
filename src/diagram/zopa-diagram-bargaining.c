/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-bargaining.c: the bargaining view — the utility space of two actors. Every
 * deal is a point at (score of A, score of B): the deal density shaded behind, the exact
 * Pareto frontier (solid over the deals neither rules out, dashed where it runs through
 * deals a red line rules out), each actor's reservation as a line (a band when uncertain),
 * the ZOPA corner above both shaded, or marked empty with the gap to the frontier, and the
 * drafts as numbered points (a box of the range of their completions when they leave
 * issues open) with arrows along their lineage. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "analysis/zopa-display-text.h"
#include "analysis/zopa-pareto.h"
#include "diagram/zopa-diagram-private.h"

/* The frontier takes well under a millisecond for scenarios of the built-in size; the
 * limit keeps a huge scenario's view bounded (it then says the frontier is unknown). */
#define BARGAINING_TIME_LIMIT 2.0

typedef struct {
  double   x, y;          /* the marker's centre */
  gboolean range;         /* open issues: the box of its completions */
  double   bx0, by0, bx1, by1;
  ZopaText label;
} BargainingDraft;

struct _ZopaBargaining {
  const ZopaPareto *pareto;       /* kept by the analysis */
  char            *error;          /* why there is no picture, or NULL */
  double           plot_x0, plot_y0, plot_x1, plot_y1;   /* the score square on the page */
  ZopaText         axis_title[2];
  ZopaText         ticks[12];
  guint            n_ticks;
  ZopaText         reservation_label[2];
  ZopaText         corner_label;
  ZopaText         frontier_label;
  ZopaText         message;
  BargainingDraft *drafts;         /* per shown draft */
  cairo_surface_t *density;        /* the density as an alpha mask, made on first draw */
  double           point_r;
};

static double
page_x (ZopaBargaining *b,
        double          score)
{
  return b->plot_x0 + (b->plot_x1 - b->plot_x0) * score / 100.0;
}

static double
page_y (ZopaBargaining *b,
        double          score)
{
  return b->plot_y1 - (b->plot_y1 - b->plot_y0) * score / 100.0;
}

static void
texts_clear (ZopaBargaining *b)
{
  for (guint k = 0; k < 2; k++)
    {
      zopa_text_clear (&b->axis_title[k]);
      zopa_text_clear (&b->reservation_label[k]);
    }
  for (guint t = 0; t < b->n_ticks; t++)
    zopa_text_clear (&b->ticks[t]);
  b->n_ticks = 0;
  zopa_text_clear (&b->corner_label);
  zopa_text_clear (&b->frontier_label);
  zopa_text_clear (&b->message);
}

void
zopa_diagram_bargaining_free (ZopaBargaining *b,
                              guint           n_drafts)
{
  if (b == NULL)
    return;
  texts_clear (b);
  for (guint i = 0; b->drafts != NULL && i < n_drafts; i++)
    zopa_text_clear (&b->drafts[i].label);
  g_free (b->drafts);
  g_clear_pointer (&b->density, cairo_surface_destroy);
  g_free (b->error);
  g_free (b);
}

/* The frontier of a pair is kept with the analysis it belongs to (both are immutable), so
 * that it is computed once, on a worker thread when the window prepares the diagram. */
static GQuark
pareto_quark (guint a,
              guint b)
{
  g_autofree char *name = g_strdup_printf ("zopa-diagram-pareto-%u-%u", a, b);

  return g_quark_from_string (name);
}

const ZopaPareto *
zopa_diagram_bargaining_pareto (ZopaAnalysis  *analysis,
                                guint          a,
                                guint          b,
                                GCancellable  *cancellable,
                                GError       **error)
{
  GQuark quark = pareto_quark (a, b);
  ZopaPareto *pareto = g_object_get_qdata (G_OBJECT (analysis), quark);

  if (pareto != NULL)
    return pareto;
  pareto = zopa_pareto_new (analysis, a, b, BARGAINING_TIME_LIMIT, cancellable, error);
  if (pareto == NULL)
    return NULL;
  /* Another thread may have kept its own meanwhile: the same frontier, so use the first. */
  if (!g_object_replace_qdata (G_OBJECT (analysis), quark, NULL, pareto,
                               (GDestroyNotify) zopa_pareto_free, NULL))
    {
      zopa_pareto_free (pareto);
      pareto = g_object_get_qdata (G_OBJECT (analysis), quark);
    }
  return pareto;
}

gboolean
zopa_diagram_bargaining_pareto_is_made (ZopaAnalysis *analysis,
                                        guint         a,
                                        guint         b)
{
  return g_object_get_qdata (G_OBJECT (analysis), pareto_quark (a, b)) != NULL;
}

gboolean
zopa_diagram_bargaining_compute (ZopaDiagram *self,
                                 GError     **error)
{
  ZopaBargaining *b = g_new0 (ZopaBargaining, 1);
  g_autoptr(GError) local = NULL;

  self->bargaining = b;
  b->drafts = g_new0 (BargainingDraft, MAX (1u, self->n_drafts));
  if (self->n_actors < 2)
    {
      b->error = g_strdup (_("The bargaining view needs two shown actors: show another actor"));
      return TRUE;
    }
  if (self->pair[0] >= self->n_actors || self->pair[1] >= self->n_actors || self->pair[0] == self->pair[1])
    {
      g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID,
                   _("The bargaining view needs two different shown actors"));
      return FALSE;
    }
  b->pareto = zopa_diagram_bargaining_pareto (self->analysis, self->pair[0], self->pair[1], NULL, &local);
  /* An actor without a score is a fact about the scenario, shown on the page. */
  if (b->pareto == NULL)
    b->error = g_strdup (local->message);
  else if (b->pareto->status != ZOPA_ANSWER_EXACT)
    b->error = g_strdup (_("The frontier could not be computed within the time limit: the scenario has too many distinct scores"));
  return TRUE;
}

const ZopaPareto *
zopa_diagram_get_pareto (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  if (self->bargaining == NULL || self->bargaining->error != NULL)
    return NULL;
  return self->bargaining->pareto;
}

gboolean
zopa_diagram_score_to_page (ZopaDiagram *self,
                            double       score_a,
                            double       score_b,
                            double      *x,
                            double      *y)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  if (zopa_diagram_get_pareto (self) == NULL)
    return FALSE;
  *x = page_x (self->bargaining, score_a);
  *y = page_y (self->bargaining, score_b);
  return TRUE;
}

static double
draft_score (ZopaDiagram *self,
             guint        draft,
             guint        k,
             double      *lo,
             double      *hi)
{
  const ZopaDraftVerdict *v = zopa_analysis_get_verdict (self->analysis, draft, self->pair[k]);

  *lo = v->worst_score;
  *hi = v->best_score;
  return (v->worst_score + v->best_score) / 2;
}

/* Places a label beside a marker where it overlaps nothing placed yet (the first place
 * that fits, right, left, above, below), else to the right. */
static void
place_label (ZopaDiagram       *self,
             ZopaText          *label,
             double             x,
             double             y,
             double             r,
             GArray            *taken)
{
  ZopaBargaining *b = self->bargaining;
  double gap = r * 0.6;
  double cand[4][2] = {
    { x + r + gap, y - label->h / 2 },
    { x - r - gap - label->w, y - label->h / 2 },
    { x - label->w / 2, y - r - gap - label->h },
    { x - label->w / 2, y + r + gap },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cand); c++)
    {
      cairo_rectangle_t rect = { cand[c][0], cand[c][1], label->w, label->h };
      gboolean fits = rect.x >= self->body.x && rect.x + rect.width <= self->body.x + self->body.width &&
                      rect.y >= self->body.y && rect.y + rect.height <= b->plot_y1;

      for (guint t = 0; fits && t < taken->len; t++)
        fits = !zopa_rect_overlaps (&rect, &g_array_index (taken, cairo_rectangle_t, t));
      if (fits || c == G_N_ELEMENTS (cand) - 1)
        {
          if (!fits)
            {
              rect.x = CLAMP (cand[0][0], self->body.x, self->body.x + self->body.width - label->w);
              rect.y = cand[0][1];
            }
          label->x = rect.x;
          label->y = rect.y;
          g_array_append_val (taken, rect);
          return;
        }
    }
}

/* Marks a text's box as taken for the labels placed later. */
static void
take_text (GArray         *taken,
           const ZopaText *text)
{
  cairo_rectangle_t r = zopa_text_rect (text);

  g_array_append_val (taken, r);
}

/* The issues that split the pair, by title: "Territory", "Territory and NATO", … */
static char *
split_issue_list (ZopaDiagram      *self,
                  const ZopaPareto *p)
{
  GString *out = g_string_new (NULL);
  guint shown = MIN (p->n_split_issues, 3u);

  for (guint j = 0; j < shown; j++)
    {
      const char *title = zopa_analysis_get_issue_title (self->analysis, p->split_issues[j]);
      g_autofree char *text = zopa_display_text (title && *title ? title
                                                 : zopa_analysis_get_issue_id (self->analysis, p->split_issues[j]),
                                                 ZOPA_DISPLAY_TEXT_LINE);

      if (j > 0)
        g_string_append (out, j + 1 == shown && p->n_split_issues == shown ? _(" and ") : ", ");
      g_string_append (out, text);
    }
  if (p->n_split_issues > shown)
    /* Translators: the end of a list of issues */
    g_string_append_printf (out, _(" and %u more"), p->n_split_issues - shown);
  return g_string_free (out, FALSE);
}

void
zopa_diagram_bargaining_layout (ZopaDiagram *self)
{
  ZopaBargaining *b = self->bargaining;
  const ZopaPareto *p;
  const cairo_rectangle_t *body = &self->body;
  double f = self->font_body, f_small = MAX (9.0, f * 0.66);
  double left, bottom, side;
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  texts_clear (b);
  for (guint i = 0; i < self->n_drafts; i++)
    zopa_text_clear (&b->drafts[i].label);

  if (b->error != NULL)
    {
      zopa_text_set (&b->message, zopa_diagram_text_layout (self, b->error, f, FALSE, body->width, 4),
                     body->x, body->y + body->height / 3, ZOPA_INK_DIM);
      return;
    }
  p = b->pareto;

  /* Axis titles name the actors in full; ticks every 20 points. */
  for (guint k = 0; k < 2; k++)
    {
      /* Translators: %s is an actor's name; the axis of its score */
      g_autofree char *title = g_strdup_printf (_("Score of %s"), self->actors[self->pair[k]].name);

      zopa_text_set (&b->axis_title[k], zopa_diagram_text_layout (self, title, f * 0.8, TRUE, body->width * 0.9, 2),
                     0, 0, ZOPA_INK_ACTOR);
      b->axis_title[k].actor = (int) self->pair[k];
    }
  left = f * 2.4;
  bottom = f_small * 1.6 + b->axis_title[0].h + f * 0.4;
  side = MIN (body->width - left - f, body->height - bottom - b->axis_title[1].h - f * 0.6);
  side = MAX (side, 10.0);
  /* A square plot, as wide as the page allows, so that both scores have the same scale. */
  b->plot_x0 = body->x + left + MAX (0.0, (body->width - left - f - side) / 2);
  b->plot_x1 = b->plot_x0 + side;
  b->plot_y0 = body->y + b->axis_title[1].h + f * 0.6;
  b->plot_y1 = b->plot_y0 + side;
  b->point_r = MAX (2.0, 3.2 * self->unit);
  self->marker_r = MAX (9.0, 17 * self->unit);

  b->axis_title[0].x = (b->plot_x0 + b->plot_x1 - b->axis_title[0].w) / 2;
  b->axis_title[0].y = b->plot_y1 + f_small * 1.6;
  b->axis_title[1].x = MAX (body->x, b->plot_x0 - left);
  b->axis_title[1].y = body->y;
  for (guint t = 0; t <= 5; t++)
    {
      g_autofree char *n = g_strdup_printf ("%u", t * 20);
      ZopaText *x_tick = &b->ticks[b->n_ticks++];
      ZopaText *y_tick = &b->ticks[b->n_ticks++];

      zopa_text_set (x_tick, zopa_diagram_text_layout (self, n, f_small, FALSE, -1, 0), 0, 0, ZOPA_INK_DIM);
      x_tick->x = page_x (b, t * 20) - x_tick->w / 2;
      x_tick->y = b->plot_y1 + f_small * 0.3;
      zopa_text_set (y_tick, zopa_diagram_text_layout (self, n, f_small, FALSE, -1, 0), 0, 0, ZOPA_INK_DIM);
      y_tick->x = b->plot_x0 - f_small * 0.5 - y_tick->w;
      y_tick->y = page_y (b, t * 20) - y_tick->h / 2;
    }

  /* Reservations: the label at the line's far end. */
  for (guint k = 0; k < 2; k++)
    {
      /* Translators: an actor's name and its reservation (a score) */
      g_autofree char *text = p->reservation_low[k] < p->reservation_high[k]
        ? g_strdup_printf (_("%s’s reservation %d–%d"), self->actors[self->pair[k]].name,
                           p->reservation_low[k], p->reservation_high[k])
        : g_strdup_printf (_("%s’s reservation %d"), self->actors[self->pair[k]].name, p->reservation[k]);
      ZopaText *t = &b->reservation_label[k];

      zopa_text_set (t, zopa_diagram_text_layout (self, text, f_small, FALSE, side * 0.45, 2), 0, 0, ZOPA_INK_ACTOR);
      t->actor = (int) self->pair[k];
      t->plate = TRUE;
      if (k == 0)
        {
          t->x = MIN (page_x (b, p->reservation_high[0]) + f_small * 0.3, b->plot_x1 - t->w);
          t->y = b->plot_y0 + f_small * 0.2;
        }
      else
        {
          t->x = b->plot_x0 + f_small * 0.3;
          t->y = page_y (b, p->reservation_high[1]) - t->h - f_small * 0.2;
        }
      take_text (taken, t);
    }

  /* The corner: the deals both accept, or how far the frontier stays from it. */
  {
    g_autofree char *text = NULL;
    double room;
    double cy = page_y (b, p->reservation[1]);

    const char *name_a = self->actors[self->pair[0]].name, *name_b = self->actors[self->pair[1]].name;

    if (!p->any_agreeable)
      {
        g_autofree char *issues = split_issue_list (self, p);
        g_autofree char *gap = zopa_format_score (ABS (p->gap));

        if (p->gap > 0)
          /* Translators: two actors' names, a list of issues, a number of score points */
          text = g_strdup_printf (_("ZOPA corner empty: every deal crosses a red line of %s or %s (on %s their "
                                    "acceptable options share none), and even counting those deals the scores "
                                    "stay %s points short of both reservations"), name_a, name_b, issues, gap);
        else
          /* Translators: two actors' names, a list of issues, a number of score points */
          text = g_strdup_printf (_("ZOPA corner empty: every deal crosses a red line of %s or %s (on %s their "
                                    "acceptable options share none); the scores alone would clear both "
                                    "reservations by %s points"), name_a, name_b, issues, gap);
      }
    else if (p->corner_empty)
      {
        g_autofree char *gap = zopa_format_score (p->agreeable_gap);
        /* Translators: %s is a number of score points */
        text = g_strdup_printf (_("ZOPA corner empty: the frontier stays %s points short"), gap);
      }
    else
      {
        g_autofree char *surplus = zopa_format_score (-p->agreeable_gap);
        /* Translators: %s is a number of score points */
        text = g_strdup_printf (_("ZOPA corner: deals both accept, up to %s points above both reservations"), surplus);
      }
    room = body->x + body->width - b->plot_x1 - f;
    if (room >= f * 7)
      {
        /* Beside the plot, level with the corner: the whole sentence, never cut. */
        zopa_text_set (&b->corner_label, zopa_diagram_text_layout (self, text, f_small, TRUE, room, 12),
                       b->plot_x1 + f, MAX (b->plot_y0, cy - f * 2), p->corner_empty ? ZOPA_INK_HATCH : ZOPA_INK_TEXT);
      }
    else
      {
        zopa_text_set (&b->corner_label,
                       zopa_diagram_text_layout (self, text, f_small, TRUE, MAX (f * 6, side * 0.6), 12),
                       0, 0, p->corner_empty ? ZOPA_INK_HATCH : ZOPA_INK_TEXT);
        b->corner_label.x = CLAMP (b->plot_x1 - b->corner_label.w - f_small * 0.4, b->plot_x0,
                                   b->plot_x1 - b->corner_label.w);
        b->corner_label.y = b->plot_y0 + b->reservation_label[0].h + f_small * 0.5;
      }
    b->corner_label.plate = TRUE;
    take_text (taken, &b->corner_label);
  }

  /* Drafts: the middle of the range of their completions, labelled in full. */
  for (guint i = 0; i < self->n_drafts; i++)
    {
      BargainingDraft *d = &b->drafts[i];
      double lo[2], hi[2], mid[2];
      cairo_rectangle_t marker;

      for (guint k = 0; k < 2; k++)
        mid[k] = draft_score (self, self->drafts[i].draft, k, &lo[k], &hi[k]);
      d->x = page_x (b, mid[0]);
      d->y = page_y (b, mid[1]);
      d->range = lo[0] < hi[0] || lo[1] < hi[1];
      d->bx0 = page_x (b, lo[0]);
      d->bx1 = page_x (b, hi[0]);
      d->by0 = page_y (b, hi[1]);
      d->by1 = page_y (b, lo[1]);
      marker = (cairo_rectangle_t) { d->x - self->marker_r, d->y - self->marker_r, 2 * self->marker_r, 2 * self->marker_r };
      g_array_append_val (taken, marker);
    }
  for (guint i = 0; i < self->n_drafts; i++)
    {
      BargainingDraft *d = &b->drafts[i];
      /* Translators: a draft's number and its title, as a label in the diagram */
      g_autofree char *text = g_strdup_printf (_("%s %s"), self->drafts[i].number, self->drafts[i].title);

      zopa_text_set (&d->label, zopa_diagram_text_layout (self, text, f_small, FALSE, MAX (f * 8, side * 0.42), 3),
                     0, 0, ZOPA_INK_TEXT);
      d->label.plate = TRUE;
      place_label (self, &d->label, d->x, d->y, self->marker_r, taken);
    }

  if (p->n_frontier > 0)
    {
      zopa_text_set (&b->frontier_label,
                     zopa_diagram_text_layout (self, _("Pareto frontier (dashed: through deals a red line rules out)"),
                                               f_small, FALSE, side * 0.5, 2),
                     0, 0, ZOPA_INK_DIM);
      b->frontier_label.plate = TRUE;
      b->frontier_label.x = b->plot_x0 + f_small * 0.4;
      b->frontier_label.y = b->plot_y1 - b->frontier_label.h - f_small * 0.4;
    }
}

/* ---- Drawing -------------------------------------------------------------------------------- */

/* The density as an alpha mask, one pixel per cell (rows from the top), made once. */
static cairo_surface_t *
density_mask (ZopaBargaining *b)
{
  const ZopaPareto *p = b->pareto;
  guint n = p->density_bins;
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) n, (int) n);
  int stride = cairo_image_surface_get_stride (mask);
  guint8 *data;

  cairo_surface_flush (mask);
  data = cairo_image_surface_get_data (mask);
  for (guint row = 0; row < n; row++)
    for (guint col = 0; col < n; col++)
      {
        double c = p->density[row * n + col];

        /* Square root: the sparse cells at the frontier stay visible beside the bulk. */
        data[(n - 1 - row) * stride + col] = c > 0 ? (guint8) (255 * (0.05 + 0.28 * sqrt (c / p->density_max))) : 0;
      }
  cairo_surface_mark_dirty (mask);
  return mask;
}

static void
draw_density (ZopaDiagram    *self,
              cairo_t        *cr,
              ZopaBargaining *b)
{
  const ZopaPareto *p = b->pareto;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;

  if (!p->has_density || p->density_max <= 0)
    return;
  if (b->density == NULL)
    b->density = density_mask (b);
  pattern = cairo_pattern_create_for_surface (b->density);
  /* Page → cell: each cell a sharp square of the plot. */
  cairo_matrix_init_scale (&matrix, p->density_bins / (b->plot_x1 - b->plot_x0),
                           p->density_bins / (b->plot_y1 - b->plot_y0));
  cairo_matrix_translate (&matrix, -b->plot_x0, -b->plot_y0);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_save (cr);
  cairo_rectangle (cr, b->plot_x0, b->plot_y0, b->plot_x1 - b->plot_x0, b->plot_y1 - b->plot_y0);
  cairo_clip (cr);
  zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
  cairo_mask (cr, pattern);
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
}

static void
draw_hatch (ZopaDiagram *self,
            cairo_t     *cr,
            double       x0,
            double       y0,
            double       x1,
            double       y1)
{
  double step = MAX (6.0, 14 * self->unit);

  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  cairo_set_line_width (cr, MAX (1.0, 1.4 * self->unit));
  zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 0.55);
  for (double t = -(y1 - y0); t < x1 - x0; t += step)
    {
      cairo_move_to (cr, x0 + t, y1);
      cairo_line_to (cr, x0 + t + (y1 - y0), y0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
frontier_path (cairo_t               *cr,
               ZopaBargaining        *b,
               const ZopaParetoPoint *points,
               guint                  n)
{
  const ZopaPareto *p = b->pareto;

  /* The staircase of the points: what lies under it is dominated. */
  for (guint j = 0; j < n; j++)
    {
      double x = page_x (b, zopa_pareto_score (p, 0, &points[j]));
      double y = page_y (b, zopa_pareto_score (p, 1, &points[j]));

      if (j == 0)
        cairo_move_to (cr, x, y);
      else
        {
          cairo_line_to (cr, x, page_y (b, zopa_pareto_score (p, 1, &points[j - 1])));
          cairo_line_to (cr, x, y);
        }
    }
}

static void
draw_arrow (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   r,
            double   head)
{
  double len = hypot (x1 - x0, y1 - y0);
  double ux, uy, sx, sy, ex, ey;

  if (len <= 2 * r + head)
    return;
  ux = (x1 - x0) / len;
  uy = (y1 - y0) / len;
  sx = x0 + ux * r;
  sy = y0 + uy * r;
  ex = x1 - ux * r;
  ey = y1 - uy * r;
  cairo_move_to (cr, sx, sy);
  cairo_line_to (cr, ex - ux * head * 0.8, ey - uy * head * 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, ex - ux * head - uy * head * 0.5, ey - uy * head + ux * head * 0.5);
  cairo_line_to (cr, ex - ux * head + uy * head * 0.5, ey - uy * head - ux * head * 0.5);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
zopa_diagram_bargaining_draw (ZopaDiagram *self,
                              cairo_t     *cr)
{
  ZopaBargaining *b = self->bargaining;
  const ZopaPareto *p = b->pareto;
  const ZopaDiagramItem *hl = &self->highlight;
  double line = MAX (1.2, 2 * self->unit);
  double cx, cy;

  if (b->error != NULL)
    {
      zopa_text_draw (self, cr, &b->message);
      return;
    }

  cairo_save (cr);
  draw_density (self, cr, b);

  /* The ZOPA corner. */
  cx = page_x (b, p->reservation[0]);
  cy = page_y (b, p->reservation[1]);
  if (p->corner_empty)
    draw_hatch (self, cr, cx, b->plot_y0, b->plot_x1, cy);
  else
    {
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.16);
      cairo_rectangle (cr, cx, b->plot_y0, b->plot_x1 - cx, cy - b->plot_y0);
      cairo_fill (cr);
    }
  if (hl->kind == ZOPA_DIAGRAM_ITEM_REGION)
    {
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.22);
      cairo_rectangle (cr, cx, b->plot_y0, b->plot_x1 - cx, cy - b->plot_y0);
      cairo_fill (cr);
    }

  /* Axes and grid. */
  cairo_set_line_width (cr, MAX (1.0, self->unit));
  zopa_diagram_set_source (self, cr, ZOPA_INK_FAINT, -1, 1);
  for (guint t = 1; t < 5; t++)
    {
      cairo_move_to (cr, page_x (b, t * 20), b->plot_y0);
      cairo_line_to (cr, page_x (b, t * 20), b->plot_y1);
      cairo_move_to (cr, b->plot_x0, page_y (b, t * 20));
      cairo_line_to (cr, b->plot_x1, page_y (b, t * 20));
    }
  cairo_stroke (cr);
  cairo_set_line_width (cr, line);
  zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
  cairo_rectangle (cr, b->plot_x0, b->plot_y0, b->plot_x1 - b->plot_x0, b->plot_y1 - b->plot_y0);
  cairo_stroke (cr);

  /* Reservations: a band over an uncertain range, the line at the value the analysis uses. */
  for (guint k = 0; k < 2; k++)
    {
      int actor = (int) self->pair[k];

      if (p->reservation_low[k] < p->reservation_high[k])
        {
          zopa_diagram_set_source (self, cr, ZOPA_INK_ACTOR, actor, 0.18);
          if (k == 0)
            cairo_rectangle (cr, page_x (b, p->reservation_low[0]), b->plot_y0,
                             page_x (b, p->reservation_high[0]) - page_x (b, p->reservation_low[0]),
                             b->plot_y1 - b->plot_y0);
          else
            cairo_rectangle (cr, b->plot_x0, page_y (b, p->reservation_high[1]), b->plot_x1 - b->plot_x0,
                             page_y (b, p->reservation_low[1]) - page_y (b, p->reservation_high[1]));
          cairo_fill (cr);
        }
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACTOR, actor, 1);
      cairo_set_line_width (cr, line * 1.5);
      if (k == 0)
        {
          cairo_move_to (cr, cx, b->plot_y0);
          cairo_line_to (cr, cx, b->plot_y1);
        }
      else
        {
          cairo_move_to (cr, b->plot_x0, cy);
          cairo_line_to (cr, b->plot_x1, cy);
        }
      cairo_stroke (cr);
    }

  /* The frontiers: over every deal dashed, over the agreeable ones solid with its points. */
  {
    double dash[] = { line * 3, line * 2.5 };

    cairo_set_line_width (cr, line);
    cairo_set_dash (cr, dash, 2, 0);
    zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
    frontier_path (cr, b, p->frontier, p->n_frontier);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    cairo_set_line_width (cr, line * 1.4);
    zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
    frontier_path (cr, b, p->agreeable, p->n_agreeable);
    cairo_stroke (cr);
    cairo_set_line_width (cr, line * 0.8);
    for (guint j = 0; j < p->n_frontier; j++)
      {
        gboolean hot = hl->kind == ZOPA_DIAGRAM_ITEM_FRONTIER && hl->mask == 0 && hl->option == (int) j;

        zopa_diagram_set_source (self, cr, hot ? ZOPA_INK_ACCENT : ZOPA_INK_DIM, -1, 1);
        cairo_new_sub_path (cr);
        cairo_arc (cr, page_x (b, zopa_pareto_score (p, 0, &p->frontier[j])),
                   page_y (b, zopa_pareto_score (p, 1, &p->frontier[j])),
                   b->point_r * (hot ? 2.2 : 0.9), 0, 2 * G_PI);
        cairo_stroke (cr);
      }
    for (guint j = 0; j < p->n_agreeable; j++)
      {
        gboolean hot = hl->kind == ZOPA_DIAGRAM_ITEM_FRONTIER && hl->mask == 1 && hl->option == (int) j;

        zopa_diagram_set_source (self, cr, hot ? ZOPA_INK_ACCENT : ZOPA_INK_TEXT, -1, 1);
        cairo_new_sub_path (cr);
        cairo_arc (cr, page_x (b, zopa_pareto_score (p, 0, &p->agreeable[j])),
                   page_y (b, zopa_pareto_score (p, 1, &p->agreeable[j])),
                   b->point_r * (hot ? 2.2 : 1), 0, 2 * G_PI);
        cairo_fill (cr);
      }
  }

  /* The gap: from the frontier point nearest the corner to the corner. */
  /* Without an agreeable deal, the best deal counting the others: a ring where it stands. */
  if (!p->any_agreeable && p->n_frontier > 0)
    {
      cairo_set_line_width (cr, line * 1.3);
      zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, page_x (b, zopa_pareto_score (p, 0, &p->gap_point)), page_y (b, zopa_pareto_score (p, 1, &p->gap_point)),
                 b->point_r * 2.4, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  if (p->corner_empty && ((p->any_agreeable && p->agreeable_gap > 0) || (!p->any_agreeable && p->gap > 0)))
    {
      const ZopaParetoPoint *at = p->any_agreeable ? &p->agreeable_gap_point : &p->gap_point;
      double gx = zopa_pareto_score (p, 0, at), gy = zopa_pareto_score (p, 1, at);
      double tx = page_x (b, MAX (gx, p->reservation[0])), ty = page_y (b, MAX (gy, p->reservation[1]));

      cairo_set_line_width (cr, line * 1.3);
      zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
      draw_arrow (cr, page_x (b, gx), page_y (b, gy), tx, ty, b->point_r * 1.5, MAX (6.0, 12 * self->unit));
      cairo_new_sub_path (cr);
      cairo_arc (cr, page_x (b, gx), page_y (b, gy), b->point_r * 1.8, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  /* Drafts: ranges, then lineage arrows, then the markers on top. */
  for (guint i = 0; i < self->n_drafts; i++)
    {
      BargainingDraft *d = &b->drafts[i];
      double dash[] = { line * 2, line * 1.5 };

      if (!d->range)
        continue;
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, line);
      zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.08);
      cairo_rectangle (cr, d->bx0, d->by0, MAX (d->bx1 - d->bx0, line), MAX (d->by1 - d->by0, line));
      cairo_fill_preserve (cr);
      zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 0.75);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_set_line_width (cr, line * 1.2);
  zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
  for (guint i = 0; i < self->n_drafts; i++)
    if (self->drafts[i].parent >= 0)
      {
        BargainingDraft *from = &b->drafts[self->drafts[i].parent], *to = &b->drafts[i];

        draw_arrow (cr, from->x, from->y, to->x, to->y, self->marker_r * 1.15, MAX (7.0, 14 * self->unit));
      }
  for (guint i = 0; i < self->n_drafts; i++)
    {
      BargainingDraft *d = &b->drafts[i];

      if (hl->kind == ZOPA_DIAGRAM_ITEM_DRAFT && hl->draft == (int) self->drafts[i].draft)
        {
          zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.45);
          cairo_new_path (cr);
          cairo_arc (cr, d->x, d->y, self->marker_r * 1.45, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      zopa_diagram_draw_marker (self, cr, i, d->x, d->y, self->marker_r,
                                d->range ? ZOPA_MARKER_HOLLOW : ZOPA_MARKER_FILLED, FALSE);
    }
  cairo_restore (cr);

  for (guint t = 0; t < b->n_ticks; t++)
    zopa_text_draw (self, cr, &b->ticks[t]);
  for (guint k = 0; k < 2; k++)
    {
      zopa_text_draw (self, cr, &b->axis_title[k]);
      zopa_text_draw (self, cr, &b->reservation_label[k]);
    }
  zopa_text_draw (self, cr, &b->corner_label);
  zopa_text_draw (self, cr, &b->frontier_label);
  for (guint i = 0; i < self->n_drafts; i++)
    zopa_text_draw (self, cr, &b->drafts[i].label);
}

/* ---- Interaction -------------------------------------------------------------------------- */

gboolean
zopa_diagram_bargaining_hit (ZopaDiagram     *self,
                             double           x,
                             double           y,
                             ZopaDiagramItem *item)
{
  ZopaBargaining *b = self->bargaining;
  const ZopaPareto *p = b->pareto;
  double slop = MAX (3.0, 5 * self->unit);
  double best = G_MAXDOUBLE;

  if (b->error != NULL)
    return FALSE;
  for (guint i = self->n_drafts; i-- > 0;)
    if (hypot (x - b->drafts[i].x, y - b->drafts[i].y) <= self->marker_r + slop ||
        zopa_rect_contains (&(cairo_rectangle_t) { b->drafts[i].label.x, b->drafts[i].label.y,
                                                   b->drafts[i].label.w, b->drafts[i].label.h }, x, y))
      {
        item->kind = ZOPA_DIAGRAM_ITEM_DRAFT;
        item->draft = (int) self->drafts[i].draft;
        return TRUE;
      }
  for (guint agreeable = 0; agreeable < 2; agreeable++)
    {
      const ZopaParetoPoint *points = agreeable ? p->agreeable : p->frontier;
      guint n = agreeable ? p->n_agreeable : p->n_frontier;

      for (guint j = 0; j < n; j++)
        {
          double d = hypot (x - page_x (b, zopa_pareto_score (p, 0, &points[j])),
                            y - page_y (b, zopa_pareto_score (p, 1, &points[j])));

          /* A point of both frontiers is the agreeable one. */
          if (d <= b->point_r + slop && d <= best)
            {
              best = d;
              item->kind = ZOPA_DIAGRAM_ITEM_FRONTIER;
              item->mask = agreeable;
              item->option = (int) j;
            }
        }
    }
  if (item->kind != ZOPA_DIAGRAM_ITEM_NONE)
    return TRUE;
  if (x >= page_x (b, p->reservation[0]) && x <= b->plot_x1 &&
      y >= b->plot_y0 && y <= page_y (b, p->reservation[1]))
    {
      item->kind = ZOPA_DIAGRAM_ITEM_REGION;
      item->mask = (1u << self->pair[0]) | (1u << self->pair[1]);
      return TRUE;
    }
  return FALSE;
}

/* The point a FRONTIER item names (mask 1: of the agreeable frontier), or NULL. */
static const ZopaParetoPoint *
frontier_point (const ZopaPareto      *p,
                const ZopaDiagramItem *item)
{
  guint n = item->mask ? p->n_agreeable : p->n_frontier;

  if (item->option < 0 || (guint) item->option >= n)
    return NULL;
  return item->mask ? &p->agreeable[item->option] : &p->frontier[item->option];
}

gboolean
zopa_diagram_bargaining_bounds (ZopaDiagram           *self,
                                const ZopaDiagramItem *item,
                                cairo_rectangle_t     *bounds)
{
  ZopaBargaining *b = self->bargaining;
  const ZopaPareto *p = b->pareto;

  if (b->error != NULL)
    return FALSE;
  switch (item->kind)
    {
    case ZOPA_DIAGRAM_ITEM_DRAFT:
      {
        int i = zopa_diagram_shown_index (self, item->draft);

        if (i < 0)
          return FALSE;
        bounds->x = b->drafts[i].x - self->marker_r;
        bounds->y = b->drafts[i].y - self->marker_r;
        bounds->width = bounds->height = 2 * self->marker_r;
        return TRUE;
      }
    case ZOPA_DIAGRAM_ITEM_FRONTIER:
      {
        const ZopaParetoPoint *pt = frontier_point (p, item);

        if (pt == NULL)
          return FALSE;
        bounds->x = page_x (b, zopa_pareto_score (p, 0, pt)) - b->point_r * 2;
        bounds->y = page_y (b, zopa_pareto_score (p, 1, pt)) - b->point_r * 2;
        bounds->width = bounds->height = b->point_r * 4;
        return TRUE;
      }
    case ZOPA_DIAGRAM_ITEM_REGION:
      bounds->x = page_x (b, p->reservation[0]);
      bounds->y = b->plot_y0;
      bounds->width = MAX (1.0, b->plot_x1 - bounds->x);
      bounds->height = MAX (1.0, page_y (b, p->reservation[1]) - b->plot_y0);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Drafts (added by the caller), then the corner, then the points of the agreeable
 * frontier, then those of the frontier over every deal. */
guint
zopa_diagram_bargaining_focus_items (ZopaDiagram     *self,
                                     ZopaDiagramItem *items,
                                     guint            max)
{
  ZopaBargaining *b = self->bargaining;
  guint n = 0;

  if (b->error != NULL)
    return 0;
  if (n < max && items != NULL)
    {
      zopa_diagram_item_init (&items[n]);
      items[n].kind = ZOPA_DIAGRAM_ITEM_REGION;
      items[n].mask = (1u << self->pair[0]) | (1u << self->pair[1]);
    }
  n++;
  for (guint agreeable = 2; agreeable-- > 0;)
    for (guint j = 0; j < (agreeable ? b->pareto->n_agreeable : b->pareto->n_frontier) && (items == NULL || n < max); j++, n++)
      if (items != NULL)
        {
          zopa_diagram_item_init (&items[n]);
          items[n].kind = ZOPA_DIAGRAM_ITEM_FRONTIER;
          items[n].mask = agreeable;
          items[n].option = (int) j;
        }
  return n;
}

static void
append_score_pair (ZopaDiagram *self,
                   GString     *out,
                   double       a,
                   double       b)
{
  g_autofree char *sa = zopa_format_score (a);
  g_autofree char *sb = zopa_format_score (b);

  /* Translators: two actors' names and their scores */
  g_string_append_printf (out, _("%s %s, %s %s"), self->actors[self->pair[0]].name, sa,
                          self->actors[self->pair[1]].name, sb);
}

/* Describes the corner and frontier points; FALSE for items described as in every view. */
gboolean
zopa_diagram_bargaining_describe (ZopaDiagram           *self,
                                  GString               *out,
                                  const ZopaDiagramItem *item)
{
  ZopaBargaining *b = self->bargaining;
  const ZopaPareto *p;

  if (b == NULL || b->error != NULL)
    return FALSE;
  p = b->pareto;
  if (item->kind == ZOPA_DIAGRAM_ITEM_REGION)
    {
      g_string_append (out, pango_layout_get_text (b->corner_label.layout));
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("The corner holds the deals that cross neither red line and score at least "
                                     "%d for %s and %d for %s."),
                              p->reservation[0], self->actors[self->pair[0]].name,
                              p->reservation[1], self->actors[self->pair[1]].name);
      if (p->any_agreeable && p->corner_empty && p->agreeable_gap_low <= 0)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, _("At the low ends of the uncertain reservations it holds deals."));
        }
      return TRUE;
    }
  if (item->kind == ZOPA_DIAGRAM_ITEM_FRONTIER && frontier_point (p, item) != NULL)
    {
      ZopaAnalysis *a = self->analysis;
      guint n_issues = zopa_analysis_get_n_issues (a);
      g_autofree guint *deal = g_new0 (guint, MAX (1u, n_issues));
      const ZopaParetoPoint *pt = frontier_point (p, item);

      if (item->mask)
        g_string_append (out, _("On the Pareto frontier: no deal crossing neither red line is better for one "
                                "without being worse for the other."));
      else
        g_string_append (out, _("On the Pareto frontier of every deal, counting those a red line rules out."));
      g_string_append_c (out, '\n');
      append_score_pair (self, out, zopa_pareto_score (p, 0, pt), zopa_pareto_score (p, 1, pt));
      g_string_append_c (out, '\n');
      g_string_append (out, _("A deal with these scores:"));
      zopa_pareto_witness (p, item->mask != 0, (guint) item->option, deal);
      for (guint i = 0; i < n_issues; i++)
        {
          const char *title = zopa_analysis_get_issue_title (a, i);
          const char *label = zopa_analysis_get_option_label (a, i, deal[i]);
          g_autofree char *shown_title = zopa_display_text (title && *title ? title : zopa_analysis_get_issue_id (a, i),
                                                            ZOPA_DISPLAY_TEXT_LINE);
          g_autofree char *shown_label = zopa_display_text (label && *label ? label : zopa_analysis_get_option_id (a, i, deal[i]),
                                                            ZOPA_DISPLAY_TEXT_LINE);

          g_string_append_c (out, '\n');
          /* Translators: an issue and an option */
          g_string_append_printf (out, _("%s: %s"), shown_title, shown_label);
          for (guint k = 0; k < 2; k++)
            if (!zopa_analysis_actor_accepts_option (a, self->pair[k], i, deal[i]))
              {
                g_string_append (out, " — ");
                /* Translators: an actor's name */
                g_string_append_printf (out, _("crosses a red line of %s"), self->actors[self->pair[k]].name);
              }
        }
      return TRUE;
    }
  return FALSE;
}

/* The scores of a draft on the two axes, appended to its description. */
void
zopa_diagram_bargaining_describe_draft (ZopaDiagram *self,
                                        GString     *out,
                                        guint        draft)
{
  double lo[2], hi[2];

  if (self->bargaining == NULL || self->bargaining->error != NULL)
    return;
  for (guint k = 0; k < 2; k++)
    draft_score (self, draft, k, &lo[k], &hi[k]);
  g_string_append_c (out, '\n');
  if (lo[0] == hi[0] && lo[1] == hi[1])
    {
      g_string_append (out, _("In the bargaining view at: "));
      append_score_pair (self, out, lo[0], lo[1]);
    }
  else
    {
      g_autofree char *a0 = zopa_format_score (lo[0]), *a1 = zopa_format_score (hi[0]);
      g_autofree char *b0 = zopa_format_score (lo[1]), *b1 = zopa_format_score (hi[1]);

      /* Translators: the ranges of two actors' scores over a draft's completions */
      g_string_append_printf (out, _("Its completions score %s–%s for %s and %s–%s for %s."),
                              a0, a1, self->actors[self->pair[0]].name, b0, b1, self->actors[self->pair[1]].name);
    }
}

char *
zopa_diagram_bargaining_summary (ZopaDiagram *self)
{
  ZopaBargaining *b = self->bargaining;
  const ZopaPareto *p;
  GString *out = g_string_new (NULL);

  if (b->error != NULL)
    {
      g_string_append (out, b->error);
      return g_string_free (out, FALSE);
    }
  p = b->pareto;
  /* Translators: two actors' names */
  g_string_append_printf (out, _("Bargaining view of %s and %s: every deal placed by their two scores."),
                          self->actors[self->pair[0]].name, self->actors[self->pair[1]].name);
  g_string_append_c (out, ' ');
  if (p->any_agreeable)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "The Pareto frontier of the deals neither rules out has %u point.",
                                              "The Pareto frontier of the deals neither rules out has %u points.",
                                              p->n_agreeable), p->n_agreeable);
  else
    g_string_append (out, _("Every deal crosses a red line of one of them."));
  g_string_append_c (out, ' ');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "The Pareto frontier of every deal has %u point.",
                                            "The Pareto frontier of every deal has %u points.",
                                            p->n_frontier), p->n_frontier);
  g_string_append_c (out, ' ');
  g_string_append (out, pango_layout_get_text (b->corner_label.layout));
  g_string_append (out, ".");
  return g_string_free (out, FALSE);
}
