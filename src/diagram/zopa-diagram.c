/* zopa-diagram.c: the diagram object — options, the page frame (title, variant line,
 * legend, source line), hit-testing, focus order, descriptions and export. The views
 * themselves are in zopa-diagram-venn.c and zopa-diagram-issue-map.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"

G_DEFINE_QUARK (zopa-diagram-error-quark, zopa_diagram_error)

G_DEFINE_FINAL_TYPE (ZopaDiagram, zopa_diagram, G_TYPE_OBJECT)

void
zopa_diagram_options_init (ZopaDiagramOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->view = ZOPA_DIAGRAM_VIEW_VENN;
  options->mode = ZOPA_DIAGRAM_MODE_SCHEMATIC;
  options->theme = ZOPA_DIAGRAM_THEME_LIGHT;
  options->background = ZOPA_DIAGRAM_BACKGROUND_OPAQUE;
  options->frame = ZOPA_DIAGRAM_FRAME_ALL;
  options->width = 1920;
  options->height = 1080;
}

void
zopa_diagram_item_init (ZopaDiagramItem *item)
{
  item->kind = ZOPA_DIAGRAM_ITEM_NONE;
  item->mask = 0;
  item->draft = -1;
  item->actor = -1;
  item->issue = -1;
  item->option = -1;
}

gboolean
zopa_diagram_item_equal (const ZopaDiagramItem *a,
                         const ZopaDiagramItem *b)
{
  return a->kind == b->kind && a->mask == b->mask && a->draft == b->draft &&
         a->actor == b->actor && a->issue == b->issue && a->option == b->option;
}

/* ---- Colours ----------------------------------------------------------------------------- */

static ZopaRgba
rgba_from_hex (const char *hex)
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

/* ---- Names ----------------------------------------------------------------------------------- */

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

/* ---- Markers ------------------------------------------------------------------------------- */

void
zopa_diagram_draw_marker (ZopaDiagram     *self,
                          cairo_t         *cr,
                          guint            shown,
                          double           x,
                          double           y,
                          double           r,
                          ZopaMarkerStyle  style,
                          gboolean         ghost)
{
  ZopaDiagramDraft *d = &self->drafts[shown];
  gboolean selected = (int) d->draft == self->selected;
  ZopaInk ink = ZOPA_INK_TEXT;
  g_autoptr(PangoLayout) number = NULL;
  PangoRectangle ink_rect;
  double line = MAX (1.5, r * 0.16);

  cairo_save (cr);
  cairo_new_path (cr);
  if (ghost)
    {
      double dash[] = { line * 1.6, line * 1.2 };

      zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 0.7);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, line);
      zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
      cairo_arc (cr, x, y, r - line / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
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
    }

  number = zopa_diagram_text_layout (self, d->number, r * (strlen (d->number) > 1 ? 0.95 : 1.15),
                                     TRUE, -1, 0);
  pango_layout_get_extents (number, &ink_rect, NULL);
  if (style == ZOPA_MARKER_FILLED && !ghost)
    zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
  else
    zopa_diagram_set_source (self, cr, ghost ? ZOPA_INK_DIM : ink, -1, 1);
  cairo_move_to (cr,
                 x - (ink_rect.x + ink_rect.width / 2.0) / PANGO_SCALE,
                 y - (ink_rect.y + ink_rect.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, number);

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

/* ---- Legend ---------------------------------------------------------------------------------- */

static void
legend_entry_clear (gpointer data)
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

static gboolean
any_outside_marker (ZopaDiagram *self)
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
    {
      g_autofree char *possible = zopa_format_actor_list (self, d->possible);

      if (d->accepting == 0)
        /* Translators: %s is a list of actors */
        return g_strdup_printf (_("open issues: %s may accept"), possible);
      return g_strdup_printf (_("accepted by %s; open issues: %s may accept"), accepting, possible);
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

static void
legend_build (ZopaDiagram *self)
{
  gboolean venn = self->view == ZOPA_DIAGRAM_VIEW_VENN;

  legend_add (self, ZOPA_LEGEND_HEADING, -1, _("Actors"), NULL);
  for (guint k = 0; k < self->n_actors; k++)
    {
      g_autofree char *sub = actor_legend_sub (self, k);
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
        legend_add (self, ZOPA_LEGEND_KEY_EMPTY, -1, _("No deal: empty region"), NULL);
      if (any_open_draft (self))
        legend_add (self, ZOPA_LEGEND_KEY_HOLLOW, -1,
                    _("Open issues: hollow where all completions are accepted, dashed where some may be"), NULL);
      if (any_outside_marker (self))
        legend_add (self, ZOPA_LEGEND_KEY_OUTSIDE, -1,
                    _("Region too small to draw: marker outside, with a leader line"), NULL);
    }
  else
    {
      legend_add (self, ZOPA_LEGEND_KEY_COMMON, -1, _("Every actor accepts this option"), NULL);
      if (any_open_draft (self) || self->n_drafts > 0)
        legend_add (self, ZOPA_LEGEND_KEY_HOLLOW, -1, _("Issue the draft leaves open"), NULL);
    }
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
    g_array_index (self->legend, ZopaLegendEntry, i).hidden = FALSE;

  for (guint i = 0; i < self->legend->len; i++)
    {
      ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);
      g_autofree char *text = g_strdup (pango_layout_get_text (e->text.layout));
      gboolean heading = e->kind == ZOPA_LEGEND_HEADING;
      gboolean key = e->kind >= ZOPA_LEGEND_KEY_EMPTY;
      double top, h;
      int lines = heading ? 1 : (e->kind == ZOPA_LEGEND_DRAFT ? title_lines : 3);

      if (heading && i > 0)
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
              for (guint j = i; j < self->legend->len; j++)
                {
                  ZopaLegendEntry *rest = &g_array_index (self->legend, ZopaLegendEntry, j);
                  rest->hidden = TRUE;
                  memset (&rest->bounds, 0, sizeof rest->bounds);
                }
              return used;
            }
          if (column + 1 >= n_columns)
            return G_MAXDOUBLE;
          column++;
          x = box->x + column * (col_w + col_gap);
          y = box->y;
          i--;   /* lay this entry out again at the top of the new column */
          continue;
        }
      used = MAX (used, y - box->y);
    }
  return used;
}

static void
legend_layout (ZopaDiagram       *self,
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
      zopa_diagram_draw_marker (self, cr, e->index, e->sx, e->sy, s / 2,
                                self->view == ZOPA_DIAGRAM_VIEW_VENN && self->drafts[e->index].open
                                  ? ZOPA_MARKER_HOLLOW : ZOPA_MARKER_FILLED, FALSE);
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
          double r = s * 0.32;
          double dash[] = { 4 * self->unit + 1, 3 * self->unit + 1 };

          cairo_save (cr);
          zopa_diagram_set_source (self, cr, ZOPA_INK_DIM, -1, 1);
          cairo_set_line_width (cr, MAX (1.0, 1.8 * self->unit));
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, e->sx - s * 0.5 + r, e->sy);
          cairo_line_to (cr, e->sx + s * 0.5 - r, e->sy);
          cairo_stroke (cr);
          cairo_arc (cr, e->sx + s * 0.5, e->sy, r * 0.9, 0, 2 * G_PI);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
          cairo_set_line_width (cr, MAX (1.5, r * 0.35));
          cairo_arc (cr, e->sx - s * 0.5, e->sy, r * 0.85, 0, 2 * G_PI);
          cairo_stroke (cr);
          cairo_restore (cr);
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
    case ZOPA_LEGEND_KEY_COMMON:
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.14);
      cairo_rectangle (cr, e->sx - s * 0.6, e->sy - s * 0.45, s * 1.2, s * 0.9);
      cairo_fill (cr);
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, e->sx - s * 0.6 + 0.5, e->sy - s * 0.45 + 0.5, s * 1.2 - 1, s * 0.9 - 1);
      cairo_stroke (cr);
      break;
    default:
      break;
    }
}

static gboolean
legend_entry_matches (ZopaDiagram           *self,
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

static void
legend_draw (ZopaDiagram *self,
             cairo_t     *cr)
{
  for (guint i = 0; i < self->legend->len; i++)
    {
      ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);
      gboolean selected = e->kind == ZOPA_LEGEND_DRAFT && (int) self->drafts[e->index].draft == self->selected;
      double pad = self->font_body * 0.25;

      if (e->hidden)
        continue;
      if (legend_entry_matches (self, e, &self->highlight) || selected)
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

/* ---- Page layout ------------------------------------------------------------------------------ */

static void
texts_clear (ZopaDiagram *self)
{
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->legend, 0);
}

static void
legend_place_on_page (ZopaDiagram *self,
                      gboolean     side_legend,
                      double       top,
                      double       bottom,
                      double       margin,
                      double       gap)
{
  double w = self->width;
  double u = self->unit;
  cairo_rectangle_t box;

  g_array_set_size (self->legend, 0);
  legend_build (self);
  if (side_legend)
    {
      double share = self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP ? 0.21 : 0.25;
      double lw = CLAMP (share * w, MIN (240.0, 0.4 * w), 560 * MAX (u, 1.0));

      box.x = w - margin - lw;
      box.y = top;
      box.width = lw;
      box.height = bottom - top;
      legend_layout (self, &box, 1);
    }
  else
    {
      double dy;

      box.x = margin;
      box.width = w - 2 * margin;
      box.height = (bottom - top) * 0.36;
      box.y = bottom - box.height;
      legend_layout (self, &box, w >= 900 ? 3 : 2);
      /* Sit the legend at the bottom, as high as it needs. */
      dy = box.height - self->legend_box.height;
      for (guint i = 0; i < self->legend->len; i++)
        {
          ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);
          e->text.y += dy;
          e->sub.y += dy;
          e->sy += dy;
          e->bounds.y += dy;
        }
      self->legend_box.y += dy;
    }
}

static void
zopa_diagram_layout (ZopaDiagram *self)
{
  double w = self->width, h = self->height;
  double u = MIN (w / 1920.0, h / 1080.0);
  double margin, top, bottom, gap;
  ZopaText text = { 0 };
  gboolean side_legend = w / h >= 1.2;

  texts_clear (self);
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    zopa_diagram_venn_clear (self);
  else
    zopa_diagram_issue_map_clear (self);

  self->unit = u;
  /* Readable on a small window or an A4 page, and scaled with a slide. */
  self->font_body = MAX (12.0, 24 * u);
  margin = MAX (12.0, 56 * u);
  gap = MAX (8.0, 28 * u);
  top = margin;
  bottom = h - margin;

  if (self->frame & ZOPA_DIAGRAM_FRAME_TITLE)
    {
      const char *variant = zopa_analysis_get_variant_title (self->analysis);
      g_autofree char *line = NULL;
      const char *what;

      zopa_text_set (&text, zopa_diagram_text_layout (self, self->title, MAX (18.0, 48 * u), TRUE,
                                                      w - 2 * margin, 2),
                     margin, top, ZOPA_INK_TEXT);
      g_array_append_val (self->texts, text);
      top += text.h + MAX (2.0, 6 * u);
      memset (&text, 0, sizeof text);

      if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
        what = _("Acceptable options per issue, actor by actor");
      else if (self->mode == ZOPA_DIAGRAM_MODE_PROPORTIONAL)
        what = _("Who accepts which deals, areas to scale");
      else
        what = _("Who accepts which deals, every combination drawn (not to scale)");
      if (zopa_analysis_get_variant_id (self->analysis) != NULL)
        /* Translators: the first %s is a variant's title, the second what the diagram shows */
        line = g_strdup_printf (_("Variant: %s · %s"), variant != NULL ? variant : "", what);
      else
        /* Translators: %s is what the diagram shows */
        line = g_strdup_printf (_("Base scenario · %s"), what);
      zopa_text_set (&text, zopa_diagram_text_layout (self, line, MAX (13.0, 27 * u), FALSE,
                                                      w - 2 * margin, 2),
                     margin, top, ZOPA_INK_DIM);
      g_array_append_val (self->texts, text);
      top += text.h + gap;
      memset (&text, 0, sizeof text);
    }

  if (self->frame & ZOPA_DIAGRAM_FRAME_SOURCE)
    {
      /* Translators: %s is the scenario's title; Zopa is the program's name */
      g_autofree char *line = g_strdup_printf (_("Source: %s · Zopa"), self->scenario_title);

      zopa_text_set (&text, zopa_diagram_text_layout (self, line, MAX (10.0, 19 * u), FALSE,
                                                      w - 2 * margin, 1),
                     margin, 0, ZOPA_INK_DIM);
      text.y = bottom - text.h;
      g_array_append_val (self->texts, text);
      bottom = text.y - gap * 0.6;
      memset (&text, 0, sizeof text);
    }

  self->body.x = margin;
  self->body.y = top;
  self->body.width = w - 2 * margin;
  self->body.height = MAX (1.0, bottom - top);
  memset (&self->legend_box, 0, sizeof self->legend_box);

  if (self->frame & ZOPA_DIAGRAM_FRAME_LEGEND)
    {
      gboolean had_outside = any_outside_marker (self);

      legend_place_on_page (self, side_legend, top, bottom, margin, gap);
      if (side_legend)
        self->body.width = self->legend_box.x - gap * 1.5 - margin;
      else
        self->body.height = MAX (1.0, self->legend_box.y - gap - top);

      if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
        zopa_diagram_venn_layout (self);
      else
        zopa_diagram_issue_map_layout (self);

      /* Markers the layout found no room for go outside, and the legend explains them. */
      if (any_outside_marker (self) != had_outside)
        legend_place_on_page (self, side_legend, top, bottom, margin, gap);
    }
  else if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    zopa_diagram_venn_layout (self);
  else
    zopa_diagram_issue_map_layout (self);
}

/* ---- Object ------------------------------------------------------------------------------------- */

static void
zopa_diagram_finalize (GObject *object)
{
  ZopaDiagram *self = ZOPA_DIAGRAM (object);

  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    zopa_diagram_venn_clear (self);
  else
    zopa_diagram_issue_map_clear (self);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  for (guint i = 0; i < self->n_drafts; i++)
    {
      g_free (self->drafts[i].title);
      g_free (self->drafts[i].number);
    }
  g_free (self->drafts);
  g_free (self->shown_drafts);
  for (guint k = 0; k < self->n_actors; k++)
    {
      g_free (self->actors[k].id);
      g_free (self->actors[k].name);
    }
  g_free (self->title);
  g_free (self->scenario_title);
  g_clear_object (&self->pango);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (zopa_diagram_parent_class)->finalize (object);
}

static void
zopa_diagram_class_init (ZopaDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zopa_diagram_finalize;
}

static void
text_clear_func (gpointer data)
{
  zopa_text_clear (data);
}

static void
zopa_diagram_init (ZopaDiagram *self)
{
  self->texts = g_array_new (FALSE, TRUE, sizeof (ZopaText));
  g_array_set_clear_func (self->texts, text_clear_func);
  self->legend = g_array_new (FALSE, TRUE, sizeof (ZopaLegendEntry));
  g_array_set_clear_func (self->legend, legend_entry_clear);
  self->selected = -1;
  zopa_diagram_item_init (&self->highlight);
  zopa_diagram_item_init (&self->focus);

  /* One context with unhinted metrics: text measures the same for the screen, PNG, SVG
   * and PDF, so what is exported is what is seen. */
  self->pango = zopa_render_pango_context_new ();
}

static gboolean
size_is_valid (double width,
               double height)
{
  return isfinite (width) && isfinite (height) && width >= 16 && height >= 16 &&
         width <= 100000 && height <= 100000;
}

static int
find_draft_index (ZopaAnalysis *analysis,
                  const char   *id)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < zopa_analysis_get_n_drafts (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, i), id) == 0)
      return (int) i;
  return -1;
}

ZopaDiagram *
zopa_diagram_new (ZopaScenario             *scenario,
                  ZopaAnalysis             *analysis,
                  const ZopaDiagramOptions *options,
                  GError                  **error)
{
  g_autoptr(ZopaDiagram) self = NULL;
  g_autoptr(GArray) shown = NULL;
  guint n_all;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (ZOPA_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!size_is_valid (options->width, options->height))
    {
      g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID,
                   _("Invalid diagram size %g × %g: each side must be between 16 and 100000"),
                   options->width, options->height);
      return NULL;
    }

  n_all = zopa_analysis_get_n_drafts (analysis);
  shown = g_array_new (FALSE, FALSE, sizeof (guint));
  if (options->draft_ids == NULL)
    {
      for (guint i = 0; i < n_all; i++)
        g_array_append_val (shown, i);
    }
  else
    {
      for (guint j = 0; options->draft_ids[j] != NULL; j++)
        {
          int index = find_draft_index (analysis, options->draft_ids[j]);
          guint u;
          gboolean seen = FALSE;

          if (index < 0)
            {
              g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_UNKNOWN_DRAFT,
                           _("Unknown draft “%s”"), options->draft_ids[j]);
              return NULL;
            }
          u = (guint) index;
          for (guint k = 0; k < shown->len; k++)
            seen |= g_array_index (shown, guint, k) == u;
          if (!seen)
            g_array_append_val (shown, u);
        }
    }

  self = g_object_new (ZOPA_TYPE_DIAGRAM, NULL);
  self->analysis = g_object_ref (analysis);
  self->view = options->view;
  self->mode = options->mode;
  self->theme = options->theme;
  self->background = options->background;
  self->frame = options->frame;
  self->width = options->width;
  self->height = options->height;
  self->scenario_title = g_strdup (zopa_analysis_get_scenario_title (analysis));
  if (self->scenario_title == NULL || self->scenario_title[0] == '\0')
    {
      g_free (self->scenario_title);
      self->scenario_title = g_strdup (_("Untitled scenario"));
    }
  self->title = g_strdup (options->title != NULL ? options->title : self->scenario_title);

  self->n_actors = MIN (zopa_analysis_get_n_actors (analysis), (guint) ZOPA_EULER_MAX_SETS);
  for (guint k = 0; k < self->n_actors; k++)
    {
      const char *id = zopa_analysis_get_actor_id (analysis, k);
      ZopaActor *actor = zopa_scenario_find_actor (scenario, id);
      const char *name = zopa_analysis_get_actor_name (analysis, k);

      self->actors[k].id = g_strdup (id);
      self->actors[k].name = g_strdup (name != NULL && name[0] != '\0' ? name : id);
      self->actors[k].color = rgba_from_hex (actor != NULL ? zopa_actor_get_color (actor) : NULL);
    }

  self->n_drafts = shown->len;
  self->drafts = g_new0 (ZopaDiagramDraft, MAX (1u, shown->len));
  self->shown_drafts = g_new0 (guint, MAX (1u, shown->len));
  for (guint i = 0; i < shown->len; i++)
    {
      ZopaDiagramDraft *d = &self->drafts[i];
      guint index = g_array_index (shown, guint, i);
      const char *title = zopa_analysis_get_draft_title (analysis, index);
      guint n_open = 0;

      self->shown_drafts[i] = index;
      d->draft = index;
      d->title = g_strdup (title != NULL && title[0] != '\0' ? title : zopa_analysis_get_draft_id (analysis, index));
      d->number = g_strdup_printf ("%u", i + 1);
      d->accepting = zopa_analysis_get_draft_accepting (analysis, index);
      d->possible = zopa_analysis_get_draft_possible (analysis, index);
      zopa_analysis_get_draft_open_issues (analysis, index, &n_open);
      d->open = n_open > 0 && d->accepting != d->possible;
      d->parent = -1;
    }
  for (guint i = 0; i < shown->len; i++)
    {
      ZopaDraft *draft = zopa_scenario_find_draft (scenario, zopa_analysis_get_draft_id (analysis, self->drafts[i].draft));
      int parent = draft != NULL ? find_draft_index (analysis, zopa_draft_get_derived_from (draft)) : -1;

      for (guint j = 0; parent >= 0 && j < shown->len; j++)
        if ((int) self->drafts[j].draft == parent && j != i)
          self->drafts[i].parent = (int) j;
    }

  if (self->view == ZOPA_DIAGRAM_VIEW_VENN && !zopa_diagram_venn_fit (self, error))
    return NULL;

  zopa_diagram_layout (self);
  return g_steal_pointer (&self);
}

ZopaAnalysis *
zopa_diagram_get_analysis (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  return self->analysis;
}

ZopaDiagramView
zopa_diagram_get_view (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), ZOPA_DIAGRAM_VIEW_VENN);
  return self->view;
}

ZopaDiagramMode
zopa_diagram_get_mode (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), ZOPA_DIAGRAM_MODE_SCHEMATIC);
  return self->mode;
}

double
zopa_diagram_get_width (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), 0);
  return self->width;
}

double
zopa_diagram_get_height (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), 0);
  return self->height;
}

void
zopa_diagram_set_size (ZopaDiagram *self,
                       double       width,
                       double       height)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  g_return_if_fail (size_is_valid (width, height));

  if (width == self->width && height == self->height)
    return;
  self->width = width;
  self->height = height;
  zopa_diagram_layout (self);
}

void
zopa_diagram_set_theme (ZopaDiagram      *self,
                        ZopaDiagramTheme  theme)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  self->theme = theme;
}

void
zopa_diagram_set_background (ZopaDiagram           *self,
                             ZopaDiagramBackground  background)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  self->background = background;
}

void
zopa_diagram_draw (ZopaDiagram *self,
                   cairo_t     *cr)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  if (self->background == ZOPA_DIAGRAM_BACKGROUND_OPAQUE)
    {
      zopa_diagram_set_source (self, cr, ZOPA_INK_BACKGROUND, -1, 1);
      cairo_paint (cr);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < self->texts->len; i++)
    zopa_text_draw (self, cr, &g_array_index (self->texts, ZopaText, i));

  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    zopa_diagram_venn_draw (self, cr);
  else
    zopa_diagram_issue_map_draw (self, cr);

  legend_draw (self, cr);

  /* The focus ring, on top of everything. */
  if (self->focus.kind != ZOPA_DIAGRAM_ITEM_NONE)
    {
      cairo_rectangle_t b;
      double pad = MAX (3.0, 5 * self->unit);
      double dash[] = { 2 * pad, pad };

      cairo_save (cr);
      cairo_set_line_width (cr, MAX (2.0, 2.5 * self->unit));
      zopa_diagram_set_source (self, cr, ZOPA_INK_ACCENT, -1, 1);
      if (self->view == ZOPA_DIAGRAM_VIEW_VENN && self->focus.kind == ZOPA_DIAGRAM_ITEM_REGION)
        {
          cairo_set_dash (cr, dash, 2, 0);
          zopa_diagram_venn_region_path (self, cr, self->focus.mask);
          cairo_stroke (cr);
        }
      else if (zopa_diagram_get_item_bounds (self, &self->focus, &b))
        {
          cairo_rectangle (cr, b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/* ---- Interaction -------------------------------------------------------------------------------- */

void
zopa_diagram_set_highlight (ZopaDiagram           *self,
                            const ZopaDiagramItem *item)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  if (item != NULL)
    self->highlight = *item;
  else
    zopa_diagram_item_init (&self->highlight);
}

void
zopa_diagram_set_focus (ZopaDiagram           *self,
                        const ZopaDiagramItem *item)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  if (item != NULL)
    self->focus = *item;
  else
    zopa_diagram_item_init (&self->focus);
}

void
zopa_diagram_set_selected_draft (ZopaDiagram *self,
                                 int          draft)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));
  self->selected = draft;
}

int
zopa_diagram_get_selected_draft (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), -1);
  return self->selected;
}

gboolean
zopa_diagram_hit_test (ZopaDiagram     *self,
                       double           x,
                       double           y,
                       ZopaDiagramItem *item)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  zopa_diagram_item_init (item);
  for (guint i = 0; i < self->legend->len; i++)
    {
      ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);

      if (e->hidden || !zopa_rect_contains (&e->bounds, x, y))
        continue;
      if (e->kind == ZOPA_LEGEND_ACTOR)
        {
          item->kind = ZOPA_DIAGRAM_ITEM_ACTOR;
          item->actor = e->index;
          return TRUE;
        }
      if (e->kind == ZOPA_LEGEND_DRAFT)
        {
          item->kind = ZOPA_DIAGRAM_ITEM_DRAFT;
          item->draft = (int) self->drafts[e->index].draft;
          return TRUE;
        }
    }
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    return zopa_diagram_venn_hit (self, x, y, item);
  return zopa_diagram_issue_map_hit (self, x, y, item);
}

static int
shown_index (ZopaDiagram *self,
             int          draft)
{
  for (guint i = 0; i < self->n_drafts; i++)
    if ((int) self->drafts[i].draft == draft)
      return (int) i;
  return -1;
}

static gboolean
legend_bounds (ZopaDiagram           *self,
               const ZopaDiagramItem *item,
               cairo_rectangle_t     *bounds)
{
  for (guint i = 0; i < self->legend->len; i++)
    {
      ZopaLegendEntry *e = &g_array_index (self->legend, ZopaLegendEntry, i);

      if (!e->hidden && legend_entry_matches (self, e, item))
        {
          *bounds = e->bounds;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
zopa_diagram_get_item_bounds (ZopaDiagram           *self,
                              const ZopaDiagramItem *item,
                              cairo_rectangle_t     *bounds)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (item != NULL && bounds != NULL, FALSE);

  switch (item->kind)
    {
    case ZOPA_DIAGRAM_ITEM_NONE:
      return FALSE;
    case ZOPA_DIAGRAM_ITEM_REGION:
      return self->view == ZOPA_DIAGRAM_VIEW_VENN &&
             zopa_diagram_venn_region_bounds (self, item->mask, bounds);
    case ZOPA_DIAGRAM_ITEM_DRAFT:
      {
        int i = shown_index (self, item->draft);

        if (i < 0)
          return FALSE;
        if (self->view == ZOPA_DIAGRAM_VIEW_VENN && self->drafts[i].r > 0)
          {
            ZopaDiagramDraft *d = &self->drafts[i];

            bounds->x = d->x - d->r;
            bounds->y = d->y - d->r;
            bounds->width = bounds->height = 2 * d->r;
            return TRUE;
          }
        if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP && item->issue >= 0)
          return zopa_diagram_issue_map_bounds (self, item, bounds);
        return legend_bounds (self, item, bounds);
      }
    case ZOPA_DIAGRAM_ITEM_ACTOR:
      if (item->actor < 0 || (guint) item->actor >= self->n_actors)
        return FALSE;
      /* The legend entry, else the name beside the shape. */
      if (legend_bounds (self, item, bounds))
        return TRUE;
      if (self->view == ZOPA_DIAGRAM_VIEW_VENN && self->actor_labels[item->actor].w > 0)
        {
          *bounds = zopa_text_rect (&self->actor_labels[item->actor]);
          return TRUE;
        }
      return FALSE;
    case ZOPA_DIAGRAM_ITEM_ISSUE:
    case ZOPA_DIAGRAM_ITEM_OPTION:
      return self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP &&
             zopa_diagram_issue_map_bounds (self, item, bounds);
    default:
      return FALSE;
    }
}

static int
compare_masks (gconstpointer a,
               gconstpointer b)
{
  guint ma = *(const guint *) a, mb = *(const guint *) b;
  int pa = __builtin_popcount (ma), pb = __builtin_popcount (mb);

  if (pa != pb)
    return pa - pb;
  return (int) ma - (int) mb;
}

/* Fills items with the focus order; returns how many. */
static guint
focus_items (ZopaDiagram     *self,
             ZopaDiagramItem *items,
             guint            max)
{
  guint n = 0;

  for (guint i = 0; i < self->n_drafts && n < max; i++)
    {
      zopa_diagram_item_init (&items[n]);
      items[n].kind = ZOPA_DIAGRAM_ITEM_DRAFT;
      items[n].draft = (int) self->drafts[i].draft;
      n++;
    }
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    {
      guint masks[ZOPA_EULER_MAX_REGIONS];
      guint n_masks = 0;

      for (guint m = 1; m < (1u << self->n_actors); m++)
        if (self->regions[m].drawn)
          masks[n_masks++] = m;
      qsort (masks, n_masks, sizeof (guint), compare_masks);
      /* Deals no one accepts come last. */
      masks[n_masks++] = 0;
      for (guint j = 0; j < n_masks && n < max; j++)
        {
          zopa_diagram_item_init (&items[n]);
          items[n].kind = ZOPA_DIAGRAM_ITEM_REGION;
          items[n].mask = masks[j];
          n++;
        }
    }
  else
    {
      for (guint i = 0; i < self->n_rows && n < max; i++)
        {
          zopa_diagram_item_init (&items[n]);
          items[n].kind = ZOPA_DIAGRAM_ITEM_ISSUE;
          items[n].issue = (int) i;
          n++;
        }
    }
  return n;
}

guint
zopa_diagram_get_n_focus_items (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), 0);

  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    {
      guint n = self->n_drafts + 1;

      for (guint m = 1; m < (1u << self->n_actors); m++)
        n += self->regions[m].drawn;
      return n;
    }
  return self->n_drafts + self->n_rows;
}

gboolean
zopa_diagram_get_focus_item (ZopaDiagram       *self,
                             guint              position,
                             ZopaDiagramItem   *item,
                             cairo_rectangle_t *bounds)
{
  guint n = zopa_diagram_get_n_focus_items (self);
  g_autofree ZopaDiagramItem *items = NULL;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);

  if (position >= n)
    return FALSE;
  items = g_new (ZopaDiagramItem, n);
  focus_items (self, items, n);
  if (item != NULL)
    *item = items[position];
  if (bounds != NULL && !zopa_diagram_get_item_bounds (self, &items[position], bounds))
    {
      /* Region 0 is the whole frame of deals. */
      bounds->x = self->universe.x;
      bounds->y = self->universe.y;
      bounds->width = self->universe.width;
      bounds->height = self->universe.height;
    }
  return TRUE;
}

/* ---- Descriptions ------------------------------------------------------------------------------ */

static char *
describe_count (ZopaDiagram      *self,
                double            count,
                double            error,
                gboolean          exact,
                gboolean          empty)
{
  g_autofree char *number = NULL;
  g_autofree char *share = NULL;

  if (empty)
    return g_strdup (_("No deal: empty region"));
  number = zopa_format_count (count, exact);
  share = zopa_format_share (count, zopa_analysis_get_deal_space (self->analysis));
  if (!exact && error > 0)
    {
      g_autofree char *err = zopa_format_count (error, TRUE);
      /* Translators: an estimated number of deals, its error bound and its share */
      return g_strdup_printf (_("%s deals (± %s; %s of all deals)"), number, err, share);
    }
  /* Translators: a number of deals and its share of all deals */
  return g_strdup_printf (_("%s deals (%s of all deals)"), number, share);
}

static char *
option_label (ZopaDiagram *self,
              guint        issue,
              guint        option)
{
  const char *label = zopa_analysis_get_option_label (self->analysis, issue, option);

  if (label == NULL || label[0] == '\0')
    label = zopa_analysis_get_option_id (self->analysis, issue, option);
  return g_strdup (label);
}

static const char *
issue_title (ZopaDiagram *self,
             guint        issue)
{
  const char *title = zopa_analysis_get_issue_title (self->analysis, issue);

  return title != NULL && title[0] != '\0' ? title : zopa_analysis_get_issue_id (self->analysis, issue);
}

static void
describe_region (ZopaDiagram *self,
                 GString     *out,
                 guint        mask)
{
  ZopaAnalysis *a = self->analysis;
  guint all = zopa_analysis_get_all_mask (a);
  g_autofree char *who = zopa_format_actor_list (self, mask);
  g_autofree char *count = NULL;
  GPtrArray *here = g_ptr_array_new ();

  if (mask == 0)
    {
      double outside = zopa_analysis_get_deal_space (a);
      gboolean exact = TRUE;

      for (guint m = 1; m <= all; m++)
        {
          const ZopaRegion *r = zopa_analysis_get_region (a, m);
          outside -= r->exclusive;
          exact &= r->exact;
        }
      g_string_append (out, _("Accepted by none of the shown actors"));
      g_string_append_c (out, '\n');
      count = describe_count (self, MAX (0.0, outside), 0, exact, FALSE);
      g_string_append (out, count);
    }
  else
    {
      const ZopaRegion *r = zopa_analysis_get_region (a, mask);

      if (mask == all && self->n_actors > 1)
        /* Translators: %s is a list of actors */
        g_string_append_printf (out, _("Accepted by all: %s"), who);
      else if (self->n_actors > 1)
        /* Translators: %s is a list of actors; the others reject these deals */
        g_string_append_printf (out, _("Accepted by %s only"), who);
      else
        g_string_append_printf (out, _("Accepted by %s"), who);
      g_string_append_c (out, '\n');
      count = describe_count (self, r->exclusive, r->exclusive_error, r->exact, r->exclusive_empty);
      g_string_append (out, count);
      if (__builtin_popcount (mask) >= 2 && mask != all)
        {
          g_autofree char *zopa = NULL;

          g_string_append_c (out, '\n');
          if (r->inclusive_empty)
            /* Translators: %s is a list of actors */
            g_string_append_printf (out, _("ZOPA of %s: empty"), who);
          else
            {
              zopa = zopa_format_count (r->inclusive, r->exact);
              /* Translators: the first %s is a list of actors, the second a number of deals */
              g_string_append_printf (out, _("ZOPA of %s: %s deals, whatever the others think"), who, zopa);
            }
        }
      if (self->mode == ZOPA_DIAGRAM_MODE_PROPORTIONAL && !self->regions[mask].drawn && !r->exclusive_empty)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, _("Too small to draw to scale"));
        }
    }
  for (guint i = 0; i < self->n_drafts; i++)
    if (self->drafts[i].accepting == mask)
      g_ptr_array_add (here, self->drafts[i].title);
  if (here->len > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Drafts here:"));
      for (guint i = 0; i < here->len; i++)
        g_string_append_printf (out, "%s%s", i == 0 ? " " : _(", "), (const char *) g_ptr_array_index (here, i));
    }
  g_ptr_array_unref (here);
}

static void
describe_draft (ZopaDiagram *self,
                GString     *out,
                guint        draft)
{
  ZopaAnalysis *a = self->analysis;
  int shown = shown_index (self, (int) draft);
  const char *title = zopa_analysis_get_draft_title (a, draft);
  guint accepting = zopa_analysis_get_draft_accepting (a, draft);
  guint possible = zopa_analysis_get_draft_possible (a, draft);
  guint n_open = 0, n_conflicts = 0;
  const guint *open = zopa_analysis_get_draft_open_issues (a, draft, &n_open);
  g_autofree char *who = zopa_format_actor_list (self, accepting);

  g_string_append (out, title != NULL && title[0] != '\0' ? title : zopa_analysis_get_draft_id (a, draft));
  g_string_append_c (out, '\n');
  if (accepting == 0)
    g_string_append (out, _("Accepted by no one"));
  else
    /* Translators: %s is a list of actors */
    g_string_append_printf (out, _("Accepted by %s"), who);
  if (possible != accepting)
    {
      g_autofree char *may = zopa_format_actor_list (self, possible & ~accepting);
      g_string_append_c (out, '\n');
      /* Translators: %s is a list of actors */
      g_string_append_printf (out, _("May be accepted by %s, depending on the open issues"), may);
    }

  for (guint k = 0; k < self->n_actors; k++)
    {
      const ZopaDraftVerdict *v = zopa_analysis_get_verdict (a, draft, k);

      if (v == NULL)
        continue;
      g_string_append_c (out, '\n');
      /* Translators: an actor's name and its verdict on a draft */
      g_string_append_printf (out, _("%s: %s"), self->actors[k].name, zopa_format_verdict (v->verdict));
      if (v->has_score)
        {
          if (fabs (v->best_score - v->worst_score) < 0.05)
            /* Translators: the score of a draft and the actor's reservation */
            g_string_append_printf (out, _(" — score %.0f, reservation %d"), v->score, v->reservation);
          else
            g_string_append_printf (out, _(" — score %.0f to %.0f, reservation %d"),
                                    v->worst_score, v->best_score, v->reservation);
        }
      if (v->n_violations > 0)
        {
          g_string_append (out, _("; red lines crossed: "));
          for (guint j = 0; j < v->n_violations; j++)
            {
              g_autofree char *option = option_label (self, v->violations[j].issue, v->violations[j].option);

              if (j > 0)
                g_string_append (out, _(", "));
              /* Translators: an issue and the option a draft fixes it to */
              g_string_append_printf (out, _("%s (%s)"), issue_title (self, v->violations[j].issue), option);
            }
        }
      if (v->n_open_red_lines > 0)
        {
          g_string_append (out, _("; red lines at stake in open issues: "));
          for (guint j = 0; j < v->n_open_red_lines; j++)
            {
              if (j > 0)
                g_string_append (out, _(", "));
              g_string_append (out, issue_title (self, v->open_red_lines[j]));
            }
        }
    }
  if (n_open > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Open issues: "));
      for (guint j = 0; j < n_open; j++)
        {
          if (j > 0)
            g_string_append (out, _(", "));
          g_string_append (out, issue_title (self, open[j]));
        }
    }
  zopa_analysis_get_draft_conflicts (a, draft, &n_conflicts);
  if (n_conflicts > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u conflicting issue", "%u conflicting issues",
                                                n_conflicts), n_conflicts);
    }
  if (shown >= 0 && self->drafts[shown].parent >= 0)
    {
      g_string_append_c (out, '\n');
      /* Translators: %s is a draft's title */
      g_string_append_printf (out, _("Derived from %s"), self->drafts[self->drafts[shown].parent].title);
    }
  if (shown >= 0 && self->drafts[shown].outside)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Its region is too small to hold the marker: it stands below the diagram, with a line to where it belongs"));
    }
}

static void
describe_actor (ZopaDiagram *self,
                GString     *out,
                guint        actor)
{
  ZopaAnalysis *a = self->analysis;
  const ZopaRegion *r = zopa_analysis_get_region (a, 1u << actor);
  g_autofree char *count = NULL;
  guint lines = 0;

  g_string_append (out, self->actors[actor].name);
  g_string_append_c (out, '\n');
  if (r->inclusive_empty)
    g_string_append (out, _("Accepts no deal"));
  else
    {
      g_autofree char *n = zopa_format_count (r->inclusive, r->exact);
      g_autofree char *share = zopa_format_share (r->inclusive, zopa_analysis_get_deal_space (a));
      /* Translators: a number of deals and its share of all deals */
      g_string_append_printf (out, _("Accepts %s deals (%s of all deals)"), n, share);
    }
  for (guint i = 0; i < zopa_analysis_get_n_issues (a); i++)
    for (guint o = 0; o < zopa_analysis_get_n_options (a, i); o++)
      if (!zopa_analysis_actor_accepts_option (a, actor, i, o))
        {
          lines++;
          break;
        }
  g_string_append_c (out, '\n');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Red lines on %u issue", "Red lines on %u issues", lines),
                          lines);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Reservation: %d"), zopa_analysis_get_reservation (a, actor));
}

static void
describe_issue (ZopaDiagram *self,
                GString     *out,
                guint        issue)
{
  ZopaAnalysis *a = self->analysis;
  guint n_options = zopa_analysis_get_n_options (a, issue);
  gboolean any_common = FALSE;

  g_string_append (out, issue_title (self, issue));
  for (guint k = 0; k < self->n_actors; k++)
    {
      guint n_ok = 0;

      g_string_append_c (out, '\n');
      /* Translators: an actor's name, then the options it accepts */
      g_string_append_printf (out, _("%s accepts: "), self->actors[k].name);
      for (guint o = 0; o < n_options; o++)
        if (zopa_analysis_actor_accepts_option (a, k, issue, o))
          {
            g_autofree char *label = option_label (self, issue, o);
            if (n_ok++ > 0)
              g_string_append (out, _(", "));
            g_string_append (out, label);
          }
      if (n_ok == 0)
        g_string_append (out, _("none"));
    }
  for (guint o = 0; o < n_options; o++)
    {
      gboolean all = TRUE;
      for (guint k = 0; k < self->n_actors; k++)
        all &= zopa_analysis_actor_accepts_option (a, k, issue, o);
      any_common |= all;
    }
  if (!any_common && self->n_actors > 1)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("No option every actor accepts"));
    }
  for (guint i = 0; i < self->n_drafts; i++)
    {
      int option = zopa_analysis_get_draft_option (a, self->drafts[i].draft, issue);
      g_autofree char *label = option >= 0 ? option_label (self, issue, (guint) option) : g_strdup (_("left open"));

      g_string_append_c (out, '\n');
      /* Translators: a draft's title and its choice on an issue */
      g_string_append_printf (out, _("%s: %s"), self->drafts[i].title, label);
    }
}

static void
describe_option (ZopaDiagram *self,
                 GString     *out,
                 guint        issue,
                 guint        option)
{
  ZopaAnalysis *a = self->analysis;
  g_autofree char *label = option_label (self, issue, option);
  guint accept = 0;
  GPtrArray *chosen = g_ptr_array_new ();

  /* Translators: an issue and one of its options */
  g_string_append_printf (out, _("%s: %s"), issue_title (self, issue), label);
  for (guint k = 0; k < self->n_actors; k++)
    if (zopa_analysis_actor_accepts_option (a, k, issue, option))
      accept |= 1u << k;
  g_string_append_c (out, '\n');
  if (accept == 0)
    g_string_append (out, _("Acceptable to no one"));
  else
    {
      g_autofree char *who = zopa_format_actor_list (self, accept);
      /* Translators: %s is a list of actors */
      g_string_append_printf (out, _("Acceptable to %s"), who);
    }
  if (accept != zopa_analysis_get_all_mask (a))
    {
      g_autofree char *who = zopa_format_actor_list (self, zopa_analysis_get_all_mask (a) & ~accept);
      g_string_append_c (out, '\n');
      /* Translators: %s is a list of actors */
      g_string_append_printf (out, _("A red line for %s"), who);
    }
  for (guint i = 0; i < self->n_drafts; i++)
    if (zopa_analysis_get_draft_option (a, self->drafts[i].draft, issue) == (int) option)
      g_ptr_array_add (chosen, self->drafts[i].title);
  if (chosen->len > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Chosen by:"));
      for (guint i = 0; i < chosen->len; i++)
        g_string_append_printf (out, "%s%s", i == 0 ? " " : _(", "), (const char *) g_ptr_array_index (chosen, i));
    }
  g_ptr_array_unref (chosen);
}

char *
zopa_diagram_describe (ZopaDiagram           *self,
                       const ZopaDiagramItem *item)
{
  GString *out;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  out = g_string_new (NULL);
  switch (item->kind)
    {
    case ZOPA_DIAGRAM_ITEM_NONE:
      break;
    case ZOPA_DIAGRAM_ITEM_REGION:
      if (item->mask <= zopa_analysis_get_all_mask (self->analysis))
        describe_region (self, out, item->mask);
      break;
    case ZOPA_DIAGRAM_ITEM_DRAFT:
      if (item->draft >= 0 && (guint) item->draft < zopa_analysis_get_n_drafts (self->analysis))
        {
          describe_draft (self, out, (guint) item->draft);
          if (item->issue >= 0 && (guint) item->issue < zopa_analysis_get_n_issues (self->analysis))
            {
              int option = zopa_analysis_get_draft_option (self->analysis, (guint) item->draft, (guint) item->issue);
              g_autofree char *label = option >= 0 ? option_label (self, (guint) item->issue, (guint) option)
                                                   : g_strdup (_("left open"));
              g_string_append_c (out, '\n');
              /* Translators: an issue and the draft's choice on it */
              g_string_append_printf (out, _("On %s: %s"), issue_title (self, (guint) item->issue), label);
            }
        }
      break;
    case ZOPA_DIAGRAM_ITEM_ACTOR:
      if (item->actor >= 0 && (guint) item->actor < self->n_actors)
        describe_actor (self, out, (guint) item->actor);
      break;
    case ZOPA_DIAGRAM_ITEM_ISSUE:
      if (item->issue >= 0 && (guint) item->issue < zopa_analysis_get_n_issues (self->analysis))
        describe_issue (self, out, (guint) item->issue);
      break;
    case ZOPA_DIAGRAM_ITEM_OPTION:
      if (item->issue >= 0 && (guint) item->issue < zopa_analysis_get_n_issues (self->analysis) &&
          item->option >= 0 && (guint) item->option < zopa_analysis_get_n_options (self->analysis, (guint) item->issue))
        describe_option (self, out, (guint) item->issue, (guint) item->option);
      break;
    default:
      break;
    }
  return g_string_free (out, FALSE);
}

char *
zopa_diagram_describe_summary (ZopaDiagram *self)
{
  ZopaAnalysis *a;
  GString *out;
  g_autofree char *who = NULL;
  const char *variant;
  guint all;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);

  a = self->analysis;
  all = zopa_analysis_get_all_mask (a);
  who = zopa_format_actor_list (self, all);
  variant = zopa_analysis_get_variant_title (a);
  out = g_string_new (NULL);
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    /* Translators: %s is a list of actors */
    g_string_append_printf (out, _("Venn diagram of the deals acceptable to %s."), who);
  else
    /* Translators: %s is a list of actors */
    g_string_append_printf (out, _("Issue map of the options acceptable to %s."), who);
  g_string_append_c (out, ' ');
  if (zopa_analysis_get_variant_id (a) != NULL)
    g_string_append_printf (out, _("Variant: %s."), variant != NULL ? variant : "");
  else
    g_string_append (out, _("Base scenario."));
  g_string_append_c (out, ' ');
  if (zopa_analysis_zopa_is_empty (a, all))
    g_string_append (out, _("No deal is acceptable to all of them."));
  else
    {
      g_autofree char *n = zopa_format_count (zopa_analysis_get_region (a, all)->inclusive,
                                              zopa_analysis_get_region (a, all)->exact);
      /* Translators: %s is a number of deals */
      g_string_append_printf (out, _("%s deals are acceptable to all of them."), n);
    }
  if (self->n_drafts > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u draft shown.", "%u drafts shown.",
                                                self->n_drafts), self->n_drafts);
    }
  return g_string_free (out, FALSE);
}

/* ---- Geometry accessors ------------------------------------------------------------------------ */

const guint *
zopa_diagram_get_shown_drafts (ZopaDiagram *self,
                               guint       *n_drafts)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  if (n_drafts != NULL)
    *n_drafts = self->n_drafts;
  return self->shown_drafts;
}

const ZopaEllipse *
zopa_diagram_get_shapes (ZopaDiagram *self,
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
  return self->shapes;
}

gboolean
zopa_diagram_region_is_drawn (ZopaDiagram *self,
                              guint        mask)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  if (self->view != ZOPA_DIAGRAM_VIEW_VENN || mask >= (1u << self->n_actors))
    return FALSE;
  return mask == 0 || self->regions[mask].drawn;
}

gboolean
zopa_diagram_get_draft_marker (ZopaDiagram *self,
                               guint        draft,
                               double      *x,
                               double      *y,
                               double      *radius,
                               guint       *mask,
                               gboolean    *outside)
{
  int i;
  ZopaDiagramDraft *d;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  i = shown_index (self, (int) draft);
  if (self->view != ZOPA_DIAGRAM_VIEW_VENN || i < 0)
    return FALSE;
  d = &self->drafts[i];
  if (x != NULL)
    *x = d->x;
  if (y != NULL)
    *y = d->y;
  if (radius != NULL)
    *radius = d->r;
  if (mask != NULL)
    *mask = d->mask;
  if (outside != NULL)
    *outside = d->outside;
  return TRUE;
}

/* ---- Export --------------------------------------------------------------------------------------- */

gboolean
zopa_diagram_format_from_filename (const char        *filename,
                                   ZopaDiagramFormat *format)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);
  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = ZOPA_DIAGRAM_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = ZOPA_DIAGRAM_FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = ZOPA_DIAGRAM_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static void
draw_for_export (cairo_t           *cr,
                 ZopaDiagramFormat  format,
                 gpointer           user_data)
{
  zopa_diagram_draw (user_data, cr);
}

GBytes *
zopa_diagram_export_bytes (ZopaDiagram       *self,
                           ZopaDiagramFormat  format,
                           double             scale,
                           GError           **error)
{
  ZopaRenderTarget target;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  target = (ZopaRenderTarget) {
    .width = self->width, .height = self->height,
    .pdf_width = self->width, .pdf_height = self->height,
    .background = self->background, .title = self->title,
  };
  return zopa_render_export_bytes (&target, format, scale, draw_for_export, self, error);
}

gboolean
zopa_diagram_export_file (ZopaDiagram       *self,
                          GFile             *file,
                          ZopaDiagramFormat  format,
                          double             scale,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = zopa_diagram_export_bytes (self, format, scale, error);
  return bytes != NULL && zopa_render_replace_file (file, bytes, cancellable, error);
}
