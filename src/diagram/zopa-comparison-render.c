/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-comparison-render.c: the page of a draft comparison, drawn with cairo and Pango */

#define G_LOG_DOMAIN "zopa-comparison-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "zopa-comparison-render.h"
#include "zopa-render-private.h"

#define BASE_WIDTH    1280.0
#define MIN_WIDTH     320.0
#define MAX_WIDTH     16384.0
/* In units: the narrowest verdict card, and the narrowest content that keeps the issues'
 * titles in a column beside their values. */
#define MIN_CARD_WIDTH  200.0
#define MIN_TABLE_WIDTH 640.0

/* Colours resolved at draw time, so a theme switch needs no layout. */
typedef enum {
  INK_TEXT,
  INK_DIM,
  INK_FAINT,
  INK_BACKGROUND,
  INK_PANEL,        /* cards and panels */
  INK_KIND,         /* arg: ZopaComparisonKind */
  INK_ON_KIND,      /* text on a filled badge */
  INK_ACTOR,        /* arg: actor index */
  INK_UP,
  INK_DOWN,
} Ink;

typedef struct {
  PangoLayout *layout;
  double       x, y, w, h;
  Ink          ink;
  int          arg;
} Text;

typedef enum {
  SHAPE_PANEL,      /* a rounded card */
  SHAPE_BADGE,      /* a filled pill of a kind's colour (arg) */
  SHAPE_HOLLOW,     /* an outlined pill of a kind's colour (arg) */
  SHAPE_DOT,        /* an actor's colour (arg) */
  SHAPE_UP,
  SHAPE_DOWN,
  SHAPE_RULE,
} ShapeKind;

typedef struct {
  ShapeKind kind;
  double    x, y, w, h;
  int       arg;
} Shape;

/* Shapes and texts in coordinates relative to the block's top. */
typedef struct {
  GArray *shapes;   /* Shape */
  GArray *texts;    /* Text */
  double  h;
} Block;

typedef struct {
  gboolean present;
  gboolean placeholder;       /* a dashed box saying why there is no clause */
  gboolean repeated;          /* the clause of the row above again: no box, a line to it */
  ZopaClauseStatus status;
  double   x, w, h;
  Block    content;           /* relative to the card's top left */
} Card;

typedef struct {
  const ZopaComparisonRow *row;
  Card    left, right;
  Text    badge;
  double  badge_x, badge_y, badge_w, badge_h;
  double  h;
} Row;

struct _ZopaComparisonRender
{
  GObject                parent_instance;

  ZopaComparison        *comparison;
  ZopaDiagramTheme       theme;
  ZopaDiagramBackground  background;
  char                  *title;
  gboolean               only_changes;
  int                    max_text_lines;

  PangoContext          *pango;
  double                 width, height;
  double                 unit, margin, gap;
  double                 col_w, gutter_x, gutter_w, right_x;

  Block                  header;
  Block                  columns;     /* the column headings, on every page */
  GArray                *rows;        /* Row */
  double                 footer_h;
};

G_DEFINE_FINAL_TYPE (ZopaComparisonRender, zopa_comparison_render, G_TYPE_OBJECT)

void
zopa_comparison_render_options_init (ZopaComparisonRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->theme = ZOPA_DIAGRAM_THEME_LIGHT;
  options->background = ZOPA_DIAGRAM_BACKGROUND_OPAQUE;
  options->width = BASE_WIDTH;
}

/* ---- Colours ------------------------------------------------------------------------------ */

static ZopaRgba
kind_color (ZopaComparisonRender *self,
            int                   kind)
{
  /* GNOME palette: grey, blue, orange, red, dark red, green; lighter shades on dark. */
  static const guint light[] = { 0x77767b, 0x1c71d8, 0xc64600, 0xc01c28, 0xa51d2d, 0x26a269 };
  static const guint dark[] = { 0x9a9996, 0x62a0ea, 0xffa348, 0xf66151, 0xed333b, 0x57e389 };

  if (kind < 0 || kind >= ZOPA_COMPARISON_N_KINDS)
    kind = ZOPA_COMPARISON_KEPT;
  return zopa_rgba_from_hex (self->theme == ZOPA_DIAGRAM_THEME_DARK ? dark[kind] : light[kind]);
}

static ZopaRgba
ink_color (ZopaComparisonRender *self,
           Ink                   ink,
           int                   arg)
{
  gboolean dark = self->theme == ZOPA_DIAGRAM_THEME_DARK;

  switch (ink)
    {
    case INK_TEXT:       return zopa_render_page_color (self->theme, ZOPA_PAGE_TEXT);
    case INK_DIM:        return zopa_render_page_color (self->theme, ZOPA_PAGE_DIM);
    case INK_FAINT:      return zopa_render_page_color (self->theme, ZOPA_PAGE_FAINT);
    case INK_BACKGROUND: return zopa_render_page_color (self->theme, ZOPA_PAGE_BACKGROUND);
    case INK_PANEL:      return zopa_rgba_from_hex (dark ? 0x2e2e32 : 0xf6f5f4);
    case INK_KIND:       return kind_color (self, arg);
    case INK_ON_KIND:    return zopa_render_page_color (self->theme, ZOPA_PAGE_BACKGROUND);
    case INK_UP:         return kind_color (self, ZOPA_COMPARISON_ADDED);
    case INK_DOWN:       return kind_color (self, ZOPA_COMPARISON_DELETED);
    case INK_ACTOR:
      {
        ZopaComparison *c = self->comparison;
        ZopaRgba color = zopa_rgba_from_hex (0x808080);

        if (arg >= 0 && (guint) arg < zopa_comparison_get_n_actors (c))
          zopa_rgba_parse (zopa_comparison_get_actor (c, arg)->color, &color);
        return color;
      }
    default:
      g_return_val_if_reached (zopa_rgba_from_hex (0));
    }
}

static void
set_ink (ZopaComparisonRender *self,
         cairo_t              *cr,
         Ink                   ink,
         int                   arg,
         double                alpha)
{
  ZopaRgba c = ink_color (self, ink, arg);
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

/* A card's fill: the panel colour, tinted towards a status colour. */
static void
set_card_fill (ZopaComparisonRender *self,
               cairo_t              *cr,
               int                   kind,
               double                tint)
{
  ZopaRgba p = ink_color (self, INK_PANEL, -1);
  ZopaRgba k = kind_color (self, kind);

  cairo_set_source_rgb (cr, p.r + (k.r - p.r) * tint, p.g + (k.g - p.g) * tint, p.b + (k.b - p.b) * tint);
}

/* ---- Blocks ------------------------------------------------------------------------------- */

static void
text_clear (gpointer data)
{
  Text *text = data;
  g_clear_object (&text->layout);
}

static void
block_init (Block *block)
{
  block->shapes = g_array_new (FALSE, TRUE, sizeof (Shape));
  block->texts = g_array_new (FALSE, TRUE, sizeof (Text));
  g_array_set_clear_func (block->texts, text_clear);
  block->h = 0;
}

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->shapes, g_array_unref);
  g_clear_pointer (&block->texts, g_array_unref);
}

static PangoLayout *
make_layout (ZopaComparisonRender *self,
             const char           *text,
             double                size,
             PangoWeight           weight,
             gboolean              italic,
             double                max_width,
             int                   max_lines)
{
  return zopa_render_layout_new (self->pango, text, size * self->unit, weight, italic, max_width, max_lines);
}

/* Adds a text at (x, y) of the block and returns it (valid until the next add). */
static Text *
block_add_text (Block       *block,
                PangoLayout *layout,
                double       x,
                double       y,
                Ink          ink,
                int          arg)
{
  Text text = { 0 };
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  text.layout = layout;
  text.x = x;
  text.y = y;
  text.w = (double) (logical.x + logical.width) / PANGO_SCALE;
  text.h = (double) logical.height / PANGO_SCALE;
  text.ink = ink;
  text.arg = arg;
  g_array_append_val (block->texts, text);
  block->h = MAX (block->h, y + text.h);
  return &g_array_index (block->texts, Text, block->texts->len - 1);
}

static void
block_add_shape (Block     *block,
                 ShapeKind  kind,
                 double     x,
                 double     y,
                 double     w,
                 double     h,
                 int        arg)
{
  Shape shape = { kind, x, y, w, h, arg };

  g_array_append_val (block->shapes, shape);
  block->h = MAX (block->h, y + h);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_text (ZopaComparisonRender *self,
           cairo_t              *cr,
           const Text           *text,
           double                dx,
           double                dy)
{
  set_ink (self, cr, text->ink, text->arg, 1);
  cairo_move_to (cr, dx + text->x, dy + text->y);
  pango_cairo_show_layout (cr, text->layout);
}

static void
draw_block (ZopaComparisonRender *self,
            cairo_t              *cr,
            const Block          *block,
            double                dx,
            double                dy)
{
  double u = self->unit;

  for (guint k = 0; k < block->shapes->len; k++)
    {
      const Shape *s = &g_array_index (block->shapes, Shape, k);
      double x = dx + s->x, y = dy + s->y;

      switch (s->kind)
        {
        case SHAPE_PANEL:
          set_ink (self, cr, INK_PANEL, -1, 1);
          rounded_rect (cr, x, y, s->w, s->h, 10 * u);
          cairo_fill (cr);
          break;
        case SHAPE_BADGE:
          set_ink (self, cr, INK_KIND, s->arg, 1);
          rounded_rect (cr, x, y, s->w, s->h, s->h / 2);
          cairo_fill (cr);
          break;
        case SHAPE_HOLLOW:
          set_ink (self, cr, INK_KIND, s->arg, 1);
          cairo_set_line_width (cr, 1.5 * u);
          rounded_rect (cr, x + 0.75 * u, y + 0.75 * u, s->w - 1.5 * u, s->h - 1.5 * u, s->h / 2);
          cairo_stroke (cr);
          break;
        case SHAPE_DOT:
          set_ink (self, cr, INK_ACTOR, s->arg, 1);
          cairo_arc (cr, x + s->w / 2, y + s->h / 2, s->w / 2, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case SHAPE_UP:
        case SHAPE_DOWN:
          set_ink (self, cr, s->kind == SHAPE_UP ? INK_UP : INK_DOWN, -1, 1);
          if (s->kind == SHAPE_UP)
            {
              cairo_move_to (cr, x + s->w / 2, y);
              cairo_line_to (cr, x + s->w, y + s->h);
              cairo_line_to (cr, x, y + s->h);
            }
          else
            {
              cairo_move_to (cr, x, y);
              cairo_line_to (cr, x + s->w, y);
              cairo_line_to (cr, x + s->w / 2, y + s->h);
            }
          cairo_close_path (cr);
          cairo_fill (cr);
          break;
        case SHAPE_RULE:
          set_ink (self, cr, INK_FAINT, -1, 1);
          cairo_rectangle (cr, x, y, s->w, s->h);
          cairo_fill (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  for (guint k = 0; k < block->texts->len; k++)
    {
      const Text *text = &g_array_index (block->texts, Text, k);

      /* Text on a badge takes the badge's contrast colour. */
      draw_text (self, cr, text, dx, dy);
    }
}

/* A pill with a kind's label; returns its width. */
static double
add_badge (ZopaComparisonRender *self,
           Block                *block,
           const char           *label,
           int                   kind,
           gboolean              hollow,
           double                x,
           double                y,
           double                size)
{
  double u = self->unit;
  PangoLayout *layout = make_layout (self, label, size, PANGO_WEIGHT_BOLD, FALSE, -1, 0);
  PangoRectangle logical;
  double w, h, pad = 8 * u;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 2 * pad;
  h = (double) logical.height / PANGO_SCALE + 4 * u;
  block_add_shape (block, hollow ? SHAPE_HOLLOW : SHAPE_BADGE, x, y, w, h, kind);
  block_add_text (block, layout, x + pad, y + 2 * u, hollow ? INK_KIND : INK_ON_KIND, kind);
  return w;
}

/* ---- Layout: header ------------------------------------------------------------------------ */

static double
layout_actor_card (ZopaComparisonRender      *self,
                   const ZopaComparisonActor *actor,
                   guint                      index,
                   double                     x,
                   double                     y,
                   double                     w)
{
  double u = self->unit, pad = 14 * u, dot = 14 * u;
  double inner = w - 2 * pad;
  Block *b = &self->header;
  g_autofree char *change = zopa_comparison_format_actor (actor);
  g_autofree char *reds = NULL;
  const char *state;
  double ty, card_h;
  guint first_shape = b->shapes->len;
  Text *name;

  /* The panel goes under everything else; its height is known at the end. */
  block_add_shape (b, SHAPE_PANEL, x, y, w, 1, -1);
  name = block_add_text (b, make_layout (self, actor->name, 17, PANGO_WEIGHT_BOLD, FALSE, inner - dot - 8 * u - 24 * u, 1),
                         x + pad + dot + 8 * u, y + pad, INK_TEXT, -1);
  block_add_shape (b, SHAPE_DOT, x + pad, y + pad + (name->h - dot) / 2, dot, dot, (int) index);
  if (actor->trend != 0)
    block_add_shape (b, actor->trend > 0 ? SHAPE_UP : SHAPE_DOWN, x + w - pad - 16 * u,
                     y + pad + (name->h - 13 * u) / 2, 16 * u, 13 * u, -1);
  ty = y + pad + name->h + 4 * u;
  ty += block_add_text (b, make_layout (self, change, 15, PANGO_WEIGHT_NORMAL, FALSE, inner, 2),
                        x + pad, ty, INK_TEXT, -1)->h + 4 * u;
  state = actor->verdict_changed ? _("verdict changed") : _("verdict unchanged");
  /* Translators: red lines crossed by the left draft, then by the right one */
  reds = g_strdup_printf (_("%s · red lines %u → %u"), state,
                          actor->left->n_violations, actor->right->n_violations);
  ty += block_add_text (b, make_layout (self, reds, 12.5, PANGO_WEIGHT_NORMAL, FALSE, inner, 2),
                        x + pad, ty, INK_DIM, -1)->h;
  card_h = ty + pad - y;
  g_array_index (b->shapes, Shape, first_shape).h = card_h;
  return card_h;
}

/* The verdict cards of the row at y all get its tallest card's height. */
static void
share_row_height (Block  *b,
                  double  y,
                  double  h)
{
  for (guint k = 0; k < b->shapes->len; k++)
    {
      Shape *s = &g_array_index (b->shapes, Shape, k);

      if (s->kind == SHAPE_PANEL && s->y == y)
        s->h = h;
    }
}

static void
layout_header (ZopaComparisonRender *self)
{
  ZopaComparison *c = self->comparison;
  ZopaAnalysis *analysis = zopa_comparison_get_analysis (c);
  Block *b = &self->header;
  double u = self->unit, m = self->margin, content = self->width - 2 * m;
  double y = m, x;
  g_autofree char *subtitle = NULL;
  g_autofree char *clauses = NULL;
  const char *variant;
  guint n_actors = zopa_comparison_get_n_actors (c);

  y += block_add_text (b, make_layout (self, self->title, 30, PANGO_WEIGHT_BOLD, FALSE, content, 2),
                       m, y, INK_TEXT, -1)->h + 6 * u;

  if (analysis == NULL)
    variant = NULL;
  else if (zopa_analysis_get_variant_id (analysis) != NULL)
    variant = zopa_analysis_get_variant_title (analysis);
  else
    variant = _("Base scenario");
  subtitle = variant != NULL
             ? g_strdup_printf ("%s · %s · %s", zopa_comparison_get_scenario_title (c), variant,
                                zopa_comparison_lineage_to_label (zopa_comparison_get_lineage (c)))
             : g_strdup_printf ("%s · %s", zopa_comparison_get_scenario_title (c),
                                zopa_comparison_lineage_to_label (zopa_comparison_get_lineage (c)));
  y += block_add_text (b, make_layout (self, subtitle, 15, PANGO_WEIGHT_NORMAL, FALSE, content, 3),
                       m, y, INK_DIM, -1)->h + 16 * u;

  /* The tally, one badge per kind. */
  /* In the drafts' own points, as a "28-point plan" is counted. */
  clauses = zopa_comparison_format_sizes (c);
  {
    Text *t = block_add_text (b, make_layout (self, clauses, 16, PANGO_WEIGHT_BOLD, FALSE, -1, 0),
                              m, y, INK_TEXT, -1);
    double line_h = t->h;

    x = m + t->w + 16 * u;
    for (int k = 0; k < ZOPA_COMPARISON_N_KINDS; k++)
      {
        guint n = zopa_comparison_count (c, k);
        g_autofree char *label = NULL;

        if (n == 0)
          continue;
        label = g_strdup_printf ("%s %u", zopa_comparison_kind_to_label (k), n);
        x += add_badge (self, b, label, k, k == ZOPA_COMPARISON_DROPPED, x, y + 1 * u, 13) + 8 * u;
      }
    y += line_h + 22 * u;
  }

  /* The verdicts, one card per actor. */
  if (n_actors > 0)
    {
      double gap = 14 * u;
      /* As many cards to a row as keep an actor's name and change readable, and rows of
       * even length where that is possible (four actors as 4, or 2 and 2 on a narrow page). */
      guint fit = (guint) MAX (1, floor ((content + gap) / (MIN_CARD_WIDTH * u + gap)));
      guint n_rows = (n_actors <= 4 ? 1 : 2);
      guint per_row;
      double card_w;
      double row_h = 0;

      n_rows = MAX (n_rows, (n_actors + fit - 1) / fit);
      per_row = (n_actors + n_rows - 1) / n_rows;
      card_w = (content - gap * (per_row - 1)) / per_row;

      y += block_add_text (b, make_layout (self, _("Verdicts, left → right"), 13, PANGO_WEIGHT_BOLD, FALSE, -1, 0),
                           m, y, INK_DIM, -1)->h + 8 * u;
      for (guint a = 0; a < n_actors; a++)
        {
          guint col = a % per_row;

          if (col == 0 && a > 0)
            {
              share_row_height (b, y, row_h);
              y += row_h + gap;
              row_h = 0;
            }
          row_h = MAX (row_h, layout_actor_card (self, zopa_comparison_get_actor (c, a), a,
                                                 m + col * (card_w + gap), y, card_w));
        }
      share_row_height (b, y, row_h);
      y += row_h + 20 * u;
    }

  /* The issues the two drafts fix differently, as a table under the two columns. */
  if (analysis != NULL)
    {
      guint n_issues = zopa_comparison_get_n_issues (c);
      /* A narrow page puts each issue's title above its two values rather than beside them. */
      gboolean stacked = content < MIN_TABLE_WIDTH * u;
      double title_w = stacked ? content + 12 * u : 230 * u, arrow_w = 30 * u;
      double value_w = (content - (stacked ? 0 : title_w) - arrow_w) / 2 - (stacked ? 6 : 12) * u;
      double lx = stacked ? m : m + title_w, ax = lx + value_w + 6 * u, rx = ax + arrow_w;

      y += block_add_text (b, make_layout (self, _("Issues fixed differently"), 13, PANGO_WEIGHT_BOLD, FALSE, -1, 0),
                           m, y, INK_DIM, -1)->h + 6 * u;
      if (n_issues == 0)
        y += block_add_text (b, make_layout (self, _("None: both drafts fix every issue the same way."), 14.5,
                                             PANGO_WEIGHT_NORMAL, FALSE, content, 0),
                             m, y, INK_TEXT, -1)->h;
      for (guint i = 0; i < n_issues; i++)
        {
          const ZopaComparisonIssue *issue = zopa_comparison_get_issue (c, i);
          double h;

          if (i > 0)
            block_add_shape (b, SHAPE_RULE, m, y - 3 * u, content, MAX (0.5, 0.75 * u), -1);
          h = block_add_text (b, make_layout (self, issue->issue_title, 14, PANGO_WEIGHT_BOLD, FALSE, title_w - 12 * u, 2),
                              m, y, INK_TEXT, -1)->h;
          if (stacked)
            {
              y += h + 2 * u;
              h = 0;
            }
          h = MAX (h, block_add_text (b, make_layout (self, issue->left_option_label ? issue->left_option_label : _("open"),
                                                      14, PANGO_WEIGHT_NORMAL, issue->left_option_label == NULL, value_w, 3),
                                      lx, y, issue->left_option_label ? INK_DIM : INK_KIND,
                                      ZOPA_COMPARISON_BRACKETED)->h);
          block_add_text (b, make_layout (self, "→", 14, PANGO_WEIGHT_NORMAL, FALSE, -1, 0), ax, y, INK_DIM, -1);
          h = MAX (h, block_add_text (b, make_layout (self, issue->right_option_label ? issue->right_option_label : _("open"),
                                                      14, issue->right_option_label ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                                                      issue->right_option_label == NULL, value_w, 3),
                                      rx, y, issue->right_option_label ? INK_TEXT : INK_KIND,
                                      ZOPA_COMPARISON_BRACKETED)->h);
          y += h + 7 * u;
        }
      y += 22 * u;
    }
  b->h = y;
}

static void
layout_columns (ZopaComparisonRender *self)
{
  ZopaComparison *c = self->comparison;
  Block *b = &self->columns;
  double u = self->unit;
  g_autofree char *left = g_strdup_printf ("%s (%s)", zopa_comparison_get_left_title (c), zopa_comparison_get_left_id (c));
  g_autofree char *right = g_strdup_printf ("%s (%s)", zopa_comparison_get_right_title (c), zopa_comparison_get_right_id (c));
  double h;

  h = block_add_text (b, make_layout (self, left, 17, PANGO_WEIGHT_BOLD, FALSE, self->col_w, 1),
                      self->margin, 0, INK_TEXT, -1)->h;
  block_add_text (b, make_layout (self, right, 17, PANGO_WEIGHT_BOLD, FALSE, self->col_w, 1),
                  self->right_x, 0, INK_TEXT, -1);
  block_add_shape (b, SHAPE_RULE, self->margin, h + 8 * u, self->width - 2 * self->margin, MAX (1.0, 1.5 * u), -1);
  b->h = h + 8 * u + 14 * u;
}

/* ---- Layout: rows ---------------------------------------------------------------------------- */

static const char *
status_tag (ZopaClauseStatus status)
{
  switch (status)
    {
    case ZOPA_CLAUSE_BRACKETED: return C_("clause status", "BRACKETED");
    case ZOPA_CLAUSE_DELETED:   return C_("clause status", "DELETED");
    case ZOPA_CLAUSE_AGREED:
    default:                    return NULL;
    }
}

static void
layout_card (ZopaComparisonRender       *self,
             Card                       *card,
             const ZopaComparisonRow    *row,
             const ZopaComparisonClause *clause,
             gboolean                    is_right,
             const char                 *note)
{
  double u = self->unit, pad = 12 * u, inner = self->col_w - 2 * pad;
  Block *b = &card->content;
  double y = pad, title_x, tag_w = 0;
  g_autofree char *number = NULL;
  const char *tag;
  Text *t;

  block_init (b);
  card->present = TRUE;
  card->x = is_right ? self->right_x : self->margin;
  card->w = self->col_w;
  card->status = clause->status;

  /* The same left clause as in the row above: a reminder, not the whole text again. */
  if (!is_right && row->left_repeated)
    {
      g_autofree char *again = g_strdup_printf (_("↳ %s %s, as above"), clause->number, clause->title);

      card->repeated = TRUE;
      y += block_add_text (b, make_layout (self, again, 13, PANGO_WEIGHT_NORMAL, TRUE, inner - 40 * u, 2),
                           pad, y, INK_DIM, -1)->h;
      card->h = y + pad;
      return;
    }

  tag = status_tag (clause->status);
  if (tag != NULL)
    tag_w = add_badge (self, b, tag, clause->status == ZOPA_CLAUSE_BRACKETED ? ZOPA_COMPARISON_BRACKETED
                                                                             : ZOPA_COMPARISON_DELETED,
                       TRUE, 0, y, 11);
  number = g_strdup (*clause->number ? clause->number : "·");
  t = block_add_text (b, make_layout (self, number, 15, PANGO_WEIGHT_BOLD, FALSE, -1, 0),
                      pad, y, is_right ? INK_TEXT : INK_DIM, -1);
  title_x = pad + MAX (t->w, 22 * u) + 8 * u;
  t = block_add_text (b, make_layout (self, clause->title, 15, PANGO_WEIGHT_BOLD, FALSE,
                                      inner - (title_x - pad) - (tag_w > 0 ? tag_w + 8 * u : 0), 2),
                      title_x, y, INK_TEXT, -1);
  if (tag != NULL)
    {
      /* The tag sits at the right end of the title line. */
      Shape *s = &g_array_index (b->shapes, Shape, b->shapes->len - 1);
      Text *tt = &g_array_index (b->texts, Text, b->texts->len - 3);
      double shift = pad + inner - tag_w;

      s->x += shift;
      tt->x += shift;
      t = &g_array_index (b->texts, Text, b->texts->len - 1);
    }
  y += t->h + 6 * u;

  if (*clause->text)
    {
      PangoLayout *layout = make_layout (self, clause->text, 13.5, PANGO_WEIGHT_NORMAL, FALSE, inner,
                                         self->max_text_lines);
      if (clause->status == ZOPA_CLAUSE_DELETED)
        {
          PangoAttrList *attrs = pango_attr_list_new ();
          pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      pango_layout_set_spacing (layout, (int) (2 * u * PANGO_SCALE));
      y += block_add_text (b, layout, pad, y, clause->status == ZOPA_CLAUSE_AGREED && is_right ? INK_TEXT : INK_DIM,
                           -1)->h + 8 * u;
    }

  /* What the clause sets, as chips; on the right those that changed take the row's colour. */
  if (clause->n_sets > 0)
    {
      double x = pad, line_h = 0;

      for (guint k = 0; k < clause->n_sets; k++)
        {
          const ZopaComparisonSet *set = &clause->sets[k];
          g_autofree char *label = g_strdup_printf ("%s: %s", set->issue_title, set->option_label);
          gboolean changed = FALSE;
          PangoLayout *layout;
          PangoRectangle logical;
          double w, h;

          for (guint j = 0; j < row->n_set_changes; j++)
            changed |= strcmp (row->set_changes[j].issue_id, set->issue_id) == 0;
          layout = make_layout (self, label, 12, PANGO_WEIGHT_BOLD, FALSE, inner - 16 * u, 1);
          pango_layout_get_extents (layout, NULL, &logical);
          w = (double) (logical.x + logical.width) / PANGO_SCALE + 16 * u;
          h = (double) logical.height / PANGO_SCALE + 4 * u;
          if (x > pad && x + w > pad + inner)
            {
              x = pad;
              y += line_h + 5 * u;
              line_h = 0;
            }
          block_add_shape (b, SHAPE_HOLLOW, x, y, w, h,
                           changed ? (int) row->kind : ZOPA_COMPARISON_KEPT);
          block_add_text (b, layout, x + 8 * u, y + 2 * u, changed ? INK_KIND : INK_DIM,
                          changed ? (int) row->kind : ZOPA_COMPARISON_KEPT);
          x += w + 6 * u;
          line_h = MAX (line_h, h);
        }
      y += line_h + 8 * u;
    }

  if (note != NULL)
    y += block_add_text (b, make_layout (self, note, 13, PANGO_WEIGHT_BOLD, TRUE, inner, 0),
                         pad, y, INK_KIND, row->kind)->h + 8 * u;

  card->h = y - 8 * u + pad;
}

static void
layout_placeholder (ZopaComparisonRender *self,
                    Card                 *card,
                    gboolean              is_right,
                    const char           *message)
{
  double u = self->unit, pad = 12 * u;

  block_init (&card->content);
  card->present = TRUE;
  card->placeholder = TRUE;
  card->x = is_right ? self->right_x : self->margin;
  card->w = self->col_w;
  card->h = pad + block_add_text (&card->content,
                                  make_layout (self, message, 13, PANGO_WEIGHT_NORMAL, TRUE, self->col_w - 2 * pad, 2),
                                  pad, pad, INK_DIM, -1)->h + pad;
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  if (row->left.present)
    block_clear (&row->left.content);
  if (row->right.present)
    block_clear (&row->right.content);
  g_clear_object (&row->badge.layout);
}

static void
layout_rows (ZopaComparisonRender *self)
{
  ZopaComparison *c = self->comparison;
  double u = self->unit;

  for (guint k = 0; k < zopa_comparison_get_n_rows (c); k++)
    {
      const ZopaComparisonRow *r = zopa_comparison_get_row (c, k);
      g_autofree char *note = zopa_comparison_describe_row (c, r);
      Row row = { 0 };
      PangoLayout *layout;
      PangoRectangle logical;

      if (self->only_changes && r->kind == ZOPA_COMPARISON_KEPT && (r->diff & ~ZOPA_COMPARISON_DIFF_SPLIT) == 0)
        continue;
      row.row = r;

      if (r->n_left > 0)
        layout_card (self, &row.left, r, r->left[0], FALSE, r->right == NULL ? note : NULL);
      else
        layout_placeholder (self, &row.left, FALSE, _("New: no clause of the left draft comes before it"));
      if (r->right != NULL)
        layout_card (self, &row.right, r, r->right, TRUE, note);
      else
        layout_placeholder (self, &row.right, TRUE, _("Nothing on the right comes from it"));
      row.h = MAX (row.left.h, row.right.h);

      layout = make_layout (self, zopa_comparison_kind_to_label (r->kind), 12.5, PANGO_WEIGHT_BOLD, FALSE, -1, 0);
      pango_layout_get_extents (layout, NULL, &logical);
      row.badge.layout = layout;
      row.badge.w = (double) logical.width / PANGO_SCALE;
      row.badge.h = (double) logical.height / PANGO_SCALE;
      row.badge_w = MIN (row.badge.w + 20 * u, self->gutter_w - 8 * u);
      row.badge_h = row.badge.h + 6 * u;
      row.badge_x = self->gutter_x + (self->gutter_w - row.badge_w) / 2;
      row.badge_y = 14 * u;
      row.badge.x = row.badge_x + (row.badge_w - row.badge.w) / 2;
      row.badge.y = row.badge_y + 3 * u;
      row.badge.ink = r->kind == ZOPA_COMPARISON_DROPPED ? INK_KIND : INK_ON_KIND;
      row.badge.arg = r->kind;
      g_array_append_val (self->rows, row);
    }
}

static void
draw_card (ZopaComparisonRender *self,
           cairo_t              *cr,
           const Card           *card,
           const Row            *row,
           double                y)
{
  double u = self->unit;
  int kind = row->row->kind;

  if (card->repeated)
    {
      /* One left clause split in two: its line runs down from the row above. */
      double x = card->x + card->w - 24 * u;
      double cy = y + row->badge_y + row->badge_h / 2;

      cairo_set_line_width (cr, 2 * u);
      set_ink (self, cr, INK_KIND, kind, 0.8);
      cairo_move_to (cr, x, y - self->gap);
      cairo_line_to (cr, x, cy - 8 * u);
      cairo_curve_to (cr, x, cy, x, cy, x + 8 * u, cy);
      cairo_line_to (cr, card->x + card->w, cy);
      cairo_stroke (cr);
    }
  else if (card->placeholder)
    {
      double dash[] = { 6 * u, 4 * u };

      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.2 * u);
      set_ink (self, cr, INK_FAINT, -1, 1);
      rounded_rect (cr, card->x + 0.6 * u, y + 0.6 * u, card->w - 1.2 * u, row->h - 1.2 * u, 10 * u);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else
    {
      /* Bracketed and deleted clauses are tinted with their status colour. */
      int tint_kind = card->status == ZOPA_CLAUSE_BRACKETED ? ZOPA_COMPARISON_BRACKETED
                      : card->status == ZOPA_CLAUSE_DELETED ? ZOPA_COMPARISON_DELETED : ZOPA_COMPARISON_KEPT;
      set_card_fill (self, cr, tint_kind, tint_kind == ZOPA_COMPARISON_KEPT ? 0 : 0.10);
      rounded_rect (cr, card->x, y, card->w, row->h, 10 * u);
      cairo_fill (cr);
      if (card->status == ZOPA_CLAUSE_BRACKETED)
        {
          /* Square brackets drawn at the card's sides: left open. */
          double b = 7 * u, inset = 4 * u;

          cairo_set_line_width (cr, 2 * u);
          set_ink (self, cr, INK_KIND, ZOPA_COMPARISON_BRACKETED, 0.9);
          cairo_move_to (cr, card->x + inset + b, y + inset);
          cairo_line_to (cr, card->x + inset, y + inset);
          cairo_line_to (cr, card->x + inset, y + row->h - inset);
          cairo_line_to (cr, card->x + inset + b, y + row->h - inset);
          cairo_move_to (cr, card->x + card->w - inset - b, y + inset);
          cairo_line_to (cr, card->x + card->w - inset, y + inset);
          cairo_line_to (cr, card->x + card->w - inset, y + row->h - inset);
          cairo_line_to (cr, card->x + card->w - inset - b, y + row->h - inset);
          cairo_stroke (cr);
        }
      /* A stripe of the row's colour on the changed side. */
      if (kind != ZOPA_COMPARISON_KEPT && card->x == self->right_x)
        {
          set_ink (self, cr, INK_KIND, kind, 1);
          cairo_save (cr);
          rounded_rect (cr, card->x, y, card->w, row->h, 10 * u);
          cairo_clip (cr);
          cairo_rectangle (cr, card->x, y, 4 * u, row->h);
          cairo_fill (cr);
          cairo_restore (cr);
        }
    }
  draw_block (self, cr, &card->content, card->x, y);
}

static void
draw_row (ZopaComparisonRender *self,
          cairo_t              *cr,
          const Row            *row,
          double                y)
{
  double u = self->unit;
  int kind = row->row->kind;
  double cy = y + row->badge_y + row->badge_h / 2;

  cairo_save (cr);
  cairo_set_line_width (cr, 2 * u);
  set_ink (self, cr, INK_KIND, kind, 0.8);
  if (kind != ZOPA_COMPARISON_ADDED)
    {
      cairo_move_to (cr, self->margin + self->col_w, cy);
      cairo_line_to (cr, row->badge_x, cy);
    }
  if (kind != ZOPA_COMPARISON_DROPPED)
    {
      cairo_move_to (cr, row->badge_x + row->badge_w, cy);
      cairo_line_to (cr, self->right_x, cy);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_card (self, cr, &row->left, row, y);
  draw_card (self, cr, &row->right, row, y);

  if (kind == ZOPA_COMPARISON_DROPPED)
    {
      set_ink (self, cr, INK_BACKGROUND, -1, 1);
      rounded_rect (cr, row->badge_x, y + row->badge_y, row->badge_w, row->badge_h, row->badge_h / 2);
      cairo_fill (cr);
      cairo_set_line_width (cr, 1.5 * u);
      set_ink (self, cr, INK_KIND, kind, 1);
      rounded_rect (cr, row->badge_x + 0.75 * u, y + row->badge_y + 0.75 * u, row->badge_w - 1.5 * u,
                    row->badge_h - 1.5 * u, row->badge_h / 2);
      cairo_stroke (cr);
    }
  else
    {
      set_ink (self, cr, INK_KIND, kind, 1);
      rounded_rect (cr, row->badge_x, y + row->badge_y, row->badge_w, row->badge_h, row->badge_h / 2);
      cairo_fill (cr);
    }
  draw_text (self, cr, &row->badge, 0, y);
}

/* ---- Object ------------------------------------------------------------------------------------ */

static void
zopa_comparison_render_finalize (GObject *object)
{
  ZopaComparisonRender *self = ZOPA_COMPARISON_RENDER (object);

  block_clear (&self->header);
  block_clear (&self->columns);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (zopa_comparison_render_parent_class)->finalize (object);
}

static void
zopa_comparison_render_class_init (ZopaComparisonRenderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zopa_comparison_render_finalize;
}

static void
zopa_comparison_render_init (ZopaComparisonRender *self)
{
  block_init (&self->header);
  block_init (&self->columns);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);

  /* Unhinted metrics, as in the diagram: the same layout on screen, PNG, SVG and PDF. */
  self->pango = zopa_render_pango_context_new ();
}

ZopaComparisonRender *
zopa_comparison_render_new (ZopaComparison                    *comparison,
                            const ZopaComparisonRenderOptions *options,
                            GError                           **error)
{
  g_autoptr(ZopaComparisonRender) self = NULL;
  ZopaComparisonRenderOptions defaults;
  double y;

  g_return_val_if_fail (ZOPA_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      zopa_comparison_render_options_init (&defaults);
      options = &defaults;
    }
  if (!isfinite (options->width) || options->width < MIN_WIDTH || options->width > MAX_WIDTH)
    {
      g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID,
                   _("Invalid page width %g: it must be between %g and %g"), options->width, MIN_WIDTH, MAX_WIDTH);
      return NULL;
    }

  self = g_object_new (ZOPA_TYPE_COMPARISON_RENDER, NULL);
  self->comparison = g_object_ref (comparison);
  self->theme = options->theme;
  self->background = options->background;
  self->only_changes = options->only_changes;
  self->max_text_lines = MAX (options->max_text_lines, 0);
  self->title = options->title != NULL && *options->title
                ? g_strdup (options->title)
                /* Translators: the comparison's title, "US 28-point plan → Geneva 19-point framework" */
                : g_strdup_printf (_("%s → %s"), zopa_comparison_get_left_title (comparison),
                                   zopa_comparison_get_right_title (comparison));

  self->width = options->width;
  /* Type grows with the page, but a narrow page keeps it readable. */
  self->unit = MAX (self->width / BASE_WIDTH, 0.6);
  self->margin = 40 * self->unit;
  self->gap = 10 * self->unit;
  self->gutter_w = 120 * self->unit;
  self->col_w = (self->width - 2 * self->margin - self->gutter_w) / 2;
  self->gutter_x = self->margin + self->col_w;
  self->right_x = self->gutter_x + self->gutter_w;

  layout_header (self);
  layout_columns (self);
  layout_rows (self);
  self->footer_h = 44 * self->unit;

  y = self->header.h + self->columns.h;
  for (guint k = 0; k < self->rows->len; k++)
    y += g_array_index (self->rows, Row, k).h + self->gap;
  self->height = ceil (y + self->footer_h);
  return g_steal_pointer (&self);
}

ZopaComparison *
zopa_comparison_render_get_comparison (ZopaComparisonRender *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), NULL);
  return self->comparison;
}

double
zopa_comparison_render_get_width (ZopaComparisonRender *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), 0);
  return self->width;
}

double
zopa_comparison_render_get_height (ZopaComparisonRender *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), 0);
  return self->height;
}

guint
zopa_comparison_render_get_n_rows (ZopaComparisonRender *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), 0);
  return self->rows->len;
}

void
zopa_comparison_render_set_theme (ZopaComparisonRender *self,
                                  ZopaDiagramTheme      theme)
{
  g_return_if_fail (ZOPA_IS_COMPARISON_RENDER (self));
  self->theme = theme;
}

void
zopa_comparison_render_set_background (ZopaComparisonRender *self,
                                       ZopaDiagramBackground background)
{
  g_return_if_fail (ZOPA_IS_COMPARISON_RENDER (self));
  self->background = background;
}

/* ---- Drawing and pages ------------------------------------------------------------------------ */

static void
draw_footer (ZopaComparisonRender *self,
             cairo_t              *cr,
             double                page_height,
             guint                 page,
             guint                 n_pages)
{
  double u = self->unit;
  g_autofree char *source = g_strdup_printf (_("Zopa · %s"), zopa_comparison_get_scenario_title (self->comparison));
  g_autoptr(PangoLayout) left = make_layout (self, source, 12, PANGO_WEIGHT_NORMAL, FALSE,
                                             self->width - 2 * self->margin - 160 * u, 1);
  PangoRectangle logical;
  double y = page_height - self->margin * 0.5 - 14 * u;

  set_ink (self, cr, INK_DIM, -1, 1);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, left);
  if (n_pages > 1)
    {
      /* Translators: the page number in an exported comparison */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
      g_autoptr(PangoLayout) right = make_layout (self, number, 12, PANGO_WEIGHT_NORMAL, FALSE, -1, 0);

      pango_layout_get_extents (right, NULL, &logical);
      cairo_move_to (cr, self->width - self->margin - (double) logical.width / PANGO_SCALE, y);
      pango_cairo_show_layout (cr, right);
    }
}

static void
paint_background (ZopaComparisonRender *self,
                  cairo_t              *cr)
{
  if (self->background == ZOPA_DIAGRAM_BACKGROUND_OPAQUE)
    {
      set_ink (self, cr, INK_BACKGROUND, -1, 1);
      cairo_paint (cr);
    }
}

static void
begin_part (ZopaComparisonRender *self,
            cairo_t              *cr,
            double                height)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, height);
  cairo_clip (cr);
  paint_background (self, cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
}

void
zopa_comparison_render_draw (ZopaComparisonRender *self,
                             cairo_t              *cr)
{
  double y;

  g_return_if_fail (ZOPA_IS_COMPARISON_RENDER (self));
  g_return_if_fail (cr != NULL);

  begin_part (self, cr, self->height);

  draw_block (self, cr, &self->header, 0, 0);
  y = self->header.h;
  draw_block (self, cr, &self->columns, 0, y);
  y += self->columns.h;
  for (guint k = 0; k < self->rows->len; k++)
    {
      const Row *row = &g_array_index (self->rows, Row, k);
      draw_row (self, cr, row, y);
      y += row->h + self->gap;
    }
  draw_footer (self, cr, self->height, 0, 1);
  cairo_restore (cr);
}

double
zopa_comparison_render_get_header_height (ZopaComparisonRender *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), 0);
  return self->header.h + self->columns.h;
}

void
zopa_comparison_render_draw_header (ZopaComparisonRender *self,
                                    cairo_t              *cr)
{
  g_return_if_fail (ZOPA_IS_COMPARISON_RENDER (self));
  g_return_if_fail (cr != NULL);

  begin_part (self, cr, self->header.h + self->columns.h);
  draw_block (self, cr, &self->header, 0, 0);
  draw_block (self, cr, &self->columns, 0, self->header.h);
  cairo_restore (cr);
}

const ZopaComparisonRow *
zopa_comparison_render_get_row (ZopaComparisonRender *self,
                                guint                 index)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_array_index (self->rows, Row, index).row;
}

double
zopa_comparison_render_get_row_height (ZopaComparisonRender *self,
                                       guint                 index)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);
  return self->gap + g_array_index (self->rows, Row, index).h;
}

void
zopa_comparison_render_draw_row (ZopaComparisonRender *self,
                                 cairo_t              *cr,
                                 guint                 index)
{
  const Row *row;

  g_return_if_fail (ZOPA_IS_COMPARISON_RENDER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < self->rows->len);

  row = &g_array_index (self->rows, Row, index);
  begin_part (self, cr, self->gap + row->h);
  draw_row (self, cr, row, self->gap);
  cairo_restore (cr);
}

/* The first row of every page, and the end, in page_starts[0..n_pages]. */
static GArray *
paginate (ZopaComparisonRender *self,
          double                page_height)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint k = 0;
  double bottom = page_height - self->footer_h;

  g_array_append_val (starts, k);
  while (k < self->rows->len)
    {
      double y = (starts->len == 1 ? self->header.h : self->margin) + self->columns.h;
      guint first = k;

      while (k < self->rows->len)
        {
          double h = g_array_index (self->rows, Row, k).h;
          if (k > first && y + h > bottom)
            break;
          y += h + self->gap;
          k++;
        }
      g_array_append_val (starts, k);
    }
  if (starts->len == 1)
    g_array_append_val (starts, k);
  return starts;
}

guint
zopa_comparison_render_get_n_pages (ZopaComparisonRender *self,
                                    double                page_height)
{
  g_autoptr(GArray) starts = NULL;

  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), 0);
  g_return_val_if_fail (page_height > 0, 0);

  starts = paginate (self, page_height);
  return starts->len - 1;
}

void
zopa_comparison_render_draw_page (ZopaComparisonRender *self,
                                  cairo_t              *cr,
                                  double                page_height,
                                  guint                 page)
{
  g_autoptr(GArray) starts = NULL;
  double y;

  g_return_if_fail (ZOPA_IS_COMPARISON_RENDER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_height > 0);

  starts = paginate (self, page_height);
  g_return_if_fail (page + 1 < starts->len);

  begin_part (self, cr, page_height);

  if (page == 0)
    {
      draw_block (self, cr, &self->header, 0, 0);
      y = self->header.h;
    }
  else
    y = self->margin;
  draw_block (self, cr, &self->columns, 0, y);
  y += self->columns.h;
  for (guint k = g_array_index (starts, guint, page); k < g_array_index (starts, guint, page + 1); k++)
    {
      const Row *row = &g_array_index (self->rows, Row, k);
      draw_row (self, cr, row, y);
      y += row->h + self->gap;
    }
  draw_footer (self, cr, page_height, page, starts->len - 1);
  cairo_restore (cr);
}

/* ---- Export ------------------------------------------------------------------------------------- */

/* PDF: A4 landscape pages, the page scaled to their width; PNG and SVG: one tall page. */
static void
draw_for_export (cairo_t           *cr,
                 ZopaDiagramFormat  format,
                 gpointer           user_data)
{
  ZopaComparisonRender *self = user_data;

  if (format == ZOPA_DIAGRAM_FORMAT_PDF)
    {
      double s = ZOPA_COMPARISON_PDF_PAGE_WIDTH / self->width;
      double page_height = ZOPA_COMPARISON_PDF_PAGE_HEIGHT / s;
      guint n_pages = zopa_comparison_render_get_n_pages (self, page_height);

      cairo_scale (cr, s, s);
      for (guint p = 0; p < n_pages; p++)
        {
          zopa_comparison_render_draw_page (self, cr, page_height, p);
          cairo_show_page (cr);
        }
    }
  else
    zopa_comparison_render_draw (self, cr);
}

static ZopaRenderTarget
export_target (ZopaComparisonRender *self)
{
  return (ZopaRenderTarget) {
    .width = self->width, .height = self->height,
    .pdf_width = ZOPA_COMPARISON_PDF_PAGE_WIDTH, .pdf_height = ZOPA_COMPARISON_PDF_PAGE_HEIGHT,
    .background = self->background, .title = self->title,
  };
}

GBytes *
zopa_comparison_render_export_bytes (ZopaComparisonRender *self,
                                     ZopaDiagramFormat     format,
                                     double                scale,
                                     GError              **error)
{
  ZopaRenderTarget target;

  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  target = export_target (self);
  return zopa_render_export_bytes (&target, format, scale, draw_for_export, self, error);
}

gboolean
zopa_comparison_render_export_file (ZopaComparisonRender *self,
                                    GFile                *file,
                                    ZopaDiagramFormat     format,
                                    double                scale,
                                    GCancellable         *cancellable,
                                    GError              **error)
{
  ZopaRenderTarget target;

  g_return_val_if_fail (ZOPA_IS_COMPARISON_RENDER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  target = export_target (self);
  return zopa_render_export_file (&target, file, format, scale, draw_for_export, self, cancellable, error);
}
