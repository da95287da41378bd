/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-paint.c: what the views and the page frame draw with — colours, text
 * layouts, actor names, draft markers. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"

/* ---- Colours ----------------------------------------------------------------------------- */

ZopaRgba
zopa_diagram_rgba_from_hex (const char *hex)
{
  ZopaRgba c = { 0.5, 0.5, 0.5, 1 };

  zopa_rgba_parse (hex, &c);
  return c;
}

static double
channel_luminance (double v)
{
  return v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static double
luminance (ZopaRgba c)
{
  return 0.2126 * channel_luminance (c.r) + 0.7152 * channel_luminance (c.g) +
         0.0722 * channel_luminance (c.b);
}

static double
contrast (ZopaRgba a, ZopaRgba b)
{
  double la = luminance (a), lb = luminance (b);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static ZopaRgba
mix (ZopaRgba a, ZopaRgba b, double t)
{
  ZopaRgba c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1 };
  return c;
}

ZopaRgba
zopa_diagram_ink (ZopaDiagram *self,
                  ZopaInk      ink,
                  int          actor)
{
  gboolean dark = self->theme == ZOPA_DIAGRAM_THEME_DARK;

  switch (ink)
    {
    case ZOPA_INK_TEXT:
      return zopa_render_page_color (self->theme, ZOPA_PAGE_TEXT);
    case ZOPA_INK_DIM:
      return zopa_render_page_color (self->theme, ZOPA_PAGE_DIM);
    case ZOPA_INK_FAINT:
      return zopa_render_page_color (self->theme, ZOPA_PAGE_FAINT);
    case ZOPA_INK_HATCH:
      return zopa_rgba_from_hex (dark ? 0x77767b : 0x9a9996);
    case ZOPA_INK_ACCENT:
      return zopa_rgba_from_hex (dark ? 0x78aeed : 0x1c71d8);
    case ZOPA_INK_BACKGROUND:
      return zopa_render_page_color (self->theme, ZOPA_PAGE_BACKGROUND);
    case ZOPA_INK_ACTOR:
      {
        ZopaRgba c, bg, fg;

        if (actor < 0 || (guint) actor >= self->n_actors)
          return zopa_diagram_ink (self, ZOPA_INK_TEXT, -1);
        /* Text in the actor's colour must stay readable on the page (WCAG 3:1 for large
         * text): move it towards the text colour until it is. */
        c = self->actors[actor].color;
        bg = zopa_diagram_ink (self, ZOPA_INK_BACKGROUND, -1);
        fg = zopa_diagram_ink (self, ZOPA_INK_TEXT, -1);
        for (int i = 1; i <= 10 && contrast (c, bg) < 3.5; i++)
          c = mix (self->actors[actor].color, fg, i * 0.08);
        return c;
      }
    default:
      g_assert_not_reached ();
    }
}

void
zopa_diagram_set_source (ZopaDiagram *self,
                         cairo_t     *cr,
                         ZopaInk      ink,
                         int          actor,
                         double       alpha)
{
  ZopaRgba c = zopa_diagram_ink (self, ink, actor);
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

/* ---- Text -------------------------------------------------------------------------------- */

PangoLayout *
zopa_diagram_text_layout (ZopaDiagram *self,
                          const char  *text,
                          double       size,
                          gboolean     bold,
                          double       max_width,
                          int          max_lines)
{
  /* Wrapped text is cut to max_lines, or to one line when no count is given. */
  return zopa_render_layout_new (self->pango, text, size, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, FALSE,
                                 max_width, MAX (max_lines, 1));
}

void
zopa_text_set (ZopaText    *text,
               PangoLayout *layout,
               double       x,
               double       y,
               ZopaInk      ink)
{
  PangoRectangle logical;

  g_clear_object (&text->layout);
  text->layout = layout;
  pango_layout_get_extents (layout, NULL, &logical);
  /* A width-limited layout is as wide as its limit; keep the text's own width. */
  text->x = x;
  text->y = y;
  text->w = (double) (logical.x + logical.width) / PANGO_SCALE;
  text->h = (double) logical.height / PANGO_SCALE;
  text->ink = ink;
  text->actor = -1;
  text->plate = FALSE;
}

void
zopa_text_clear (ZopaText *text)
{
  g_clear_object (&text->layout);
  memset (text, 0, sizeof *text);
}

void
zopa_text_draw (ZopaDiagram    *self,
                cairo_t        *cr,
                const ZopaText *text)
{
  if (text->layout == NULL)
    return;
  if (text->plate)
    {
      double pad = text->h * 0.12;

      zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 0.82);
      cairo_rectangle (cr, text->x - pad, text->y, text->w + 2 * pad, text->h);
      cairo_fill (cr);
    }
  zopa_diagram_set_source (self, cr, text->ink, text->actor, 1);
  cairo_move_to (cr, text->x, text->y);
  pango_cairo_show_layout (cr, text->layout);
}

/* ---- Patterns ------------------------------------------------------------------------------- */

gboolean
zopa_cairo_target_is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

cairo_pattern_t *
zopa_diagram_tile_pattern (ZopaDiagram     *self,
                           cairo_t         *cr,
                           double           step,
                           ZopaTilePainter  paint)
{
  double ux = 1, uy = 0, scale;
  int size;
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *tcr;

  /* A tile of whole device pixels, so that it repeats without seams. */
  cairo_user_to_device_distance (cr, &ux, &uy);
  scale = MAX (hypot (ux, uy), 0.01);
  size = MAX (4, (int) round (step * scale));
  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  tcr = cairo_create (tile);
  paint (self, tcr, size, scale);
  cairo_destroy (tcr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_scale (&matrix, size / step, size / step);
  cairo_pattern_set_matrix (pattern, &matrix);
  return pattern;
}

/* ---- Names ----------------------------------------------------------------------------------- */

const char *
zopa_diagram_issue_title (ZopaDiagram *self,
                          guint        issue)
{
  const char *title = zopa_analysis_get_issue_title (self->analysis, issue);

  return title != NULL && title[0] != '\0' ? title : zopa_analysis_get_issue_id (self->analysis, issue);
}

const char *
zopa_diagram_option_label (ZopaDiagram *self,
                           guint        issue,
                           guint        option)
{
  const char *label = zopa_analysis_get_option_label (self->analysis, issue, option);

  return label != NULL && label[0] != '\0' ? label : zopa_analysis_get_option_id (self->analysis, issue, option);
}

char *
zopa_format_actor_list (ZopaDiagram *self,
                        guint        mask)
{
  GPtrArray *names = g_ptr_array_new ();
  char *result;

  for (guint k = 0; k < self->n_actors; k++)
    if (mask & (1u << k))
      g_ptr_array_add (names, self->actors[k].name);

  if (names->len == 0)
    result = g_strdup (_("no one"));
  else if (names->len == 1)
    result = g_strdup (g_ptr_array_index (names, 0));
  else
    {
      g_autoptr(GString) head = g_string_new (g_ptr_array_index (names, 0));

      for (guint i = 1; i + 1 < names->len; i++)
        {
          /* Translators: the separator in a list of names, "A, B and C" */
          g_string_append (head, _(", "));
          g_string_append (head, g_ptr_array_index (names, i));
        }
      /* Translators: the last two of a list of names, "A, B and C" */
      result = g_strdup_printf (_("%s and %s"), head->str,
                                (const char *) g_ptr_array_index (names, names->len - 1));
    }
  g_ptr_array_unref (names);
  return result;
}

char *
zopa_format_open_verdicts (ZopaDiagram *self,
                           guint        accepting,
                           guint        possible,
                           gboolean     as_lines)
{
  g_autofree char *sure = zopa_format_actor_list (self, accepting);
  g_autofree char *may = zopa_format_actor_list (self, possible & ~accepting);

  if (as_lines && accepting == 0)
    /* Translators: %s is a list of actors */
    return g_strdup_printf (_("Accepted by no one whatever the open issues settle to\n"
                              "May be accepted by %s, depending on how the open issues are settled"), may);
  if (as_lines)
    /* Translators: two lists of actors */
    return g_strdup_printf (_("Accepted by %s whatever the open issues settle to\n"
                              "May be accepted by %s too, depending on how the open issues are settled"),
                            sure, may);
  if (accepting == 0)
    /* Translators: %s is a list of actors */
    return g_strdup_printf (_("%s may accept, depending on its open issues"), may);
  /* Translators: two lists of actors */
  return g_strdup_printf (_("accepted by %s; %s may too, depending on its open issues"), sure, may);
}

/* ---- Markers ------------------------------------------------------------------------------- */

/* The width of a marker's outline, which also sets its halo and its spread ring. */
static double
marker_line (double r)
{
  return MAX (1.5, r * 0.16);
}

double
zopa_diagram_marker_reach (const ZopaDiagramDraft *d,
                           double                  r)
{
  double line = marker_line (r), reach = r + line;

  if (d->open)
    reach = MAX (reach, r + line * 4.9);
  if (d->on_assumptions)
    reach = MAX (reach, zopa_diagram_assumption_ring_reach (r));
  return reach;
}

void
zopa_diagram_draw_spread (ZopaDiagram *self,
                          cairo_t     *cr,
                          double       x,
                          double       y,
                          double       r)
{
  double line = marker_line (r);
  double dash[] = { line * 2.2, line * 1.3 };

  /* Outside the selection ring and the ring of dots, in long dashes unlike those dots. */
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, line * 0.8);
  zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
  cairo_arc (cr, x, y, r + line * 4.5, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
zopa_diagram_draw_marker (ZopaDiagram     *self,
                          cairo_t         *cr,
                          guint            shown,
                          double           x,
                          double           y,
                          double           r,
                          ZopaMarkerStyle  style,
                          gboolean         spread)
{
  ZopaDiagramDraft *d = &self->drafts[shown];
  gboolean selected = (int) d->draft == self->selected;
  ZopaInk ink = ZOPA_INK_TEXT;
  g_autoptr(PangoLayout) number = NULL;
  PangoRectangle ink_rect;
  double line = marker_line (r);

  cairo_save (cr);
  cairo_new_path (cr);
  /* A halo of background keeps the marker apart from the outlines beneath it. */
  zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
  cairo_arc (cr, x, y, r + line, 0, 2 * G_PI);
  cairo_fill (cr);
  zopa_diagram_set_source (self, cr, ink, -1, 1);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  if (style == ZOPA_MARKER_FILLED)
    cairo_fill (cr);
  else
    {
      cairo_arc_negative (cr, x, y, r - line * 1.4, 2 * G_PI, 0);
      cairo_fill (cr);
    }
  if (spread)
    zopa_diagram_draw_spread (self, cr, x, y, r);

  number = zopa_diagram_text_layout (self, d->number, r * (strlen (d->number) > 1 ? 0.95 : 1.15),
                                     TRUE, -1, 0);
  pango_layout_get_extents (number, &ink_rect, NULL);
  if (style == ZOPA_MARKER_FILLED)
    zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
  else
    zopa_diagram_set_source (self, cr, ink, -1, 1);
  cairo_move_to (cr,
                 x - (ink_rect.x + ink_rect.width / 2.0) / PANGO_SCALE,
                 y - (ink_rect.y + ink_rect.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, number);

  if (d->on_assumptions)
    zopa_diagram_draw_assumption_ring (self, cr, x, y, r);

  /* The selection: a ring in the accent colour, so the marker keeps its style. */
  if (selected)
    {
      cairo_new_path (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, MAX (2.0, r * 0.2));
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 1);
      cairo_arc (cr, x, y, r + line + MAX (2.0, r * 0.12), 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
