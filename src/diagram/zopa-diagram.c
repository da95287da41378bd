/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram.c: the diagram object — options, the page frame (title, variant line,
 * source line), hit-testing, focus order and export. The views are in zopa-diagram-venn.c
 * (with its drawing in zopa-diagram-venn-draw.c) and zopa-diagram-issue-map.c, the legend in
 * zopa-diagram-legend.c, the descriptions in zopa-diagram-describe.c and the drawing helpers
 * in zopa-diagram-paint.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "analysis/zopa-display-text.h"
#include "analysis/zopa-format.h"
#include "diagram/zopa-diagram-private.h"

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
  zopa_legend_build (self);
  if (side_legend)
    {
      double share = self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP ? 0.21 : 0.25;
      double lw = CLAMP (share * w, MIN (240.0, 0.4 * w), 560 * MAX (u, 1.0));

      box.x = w - margin - lw;
      box.y = top;
      box.width = lw;
      box.height = bottom - top;
      zopa_legend_layout (self, &box, 1);
    }
  else
    {
      double dy;

      box.x = margin;
      box.width = w - 2 * margin;
      box.height = (bottom - top) * 0.36;
      box.y = bottom - box.height;
      zopa_legend_layout (self, &box, w >= 900 ? 3 : 2);
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
view_layout (ZopaDiagram *self)
{
  /* A storyboard draws its pages with the same actors in one shared body. */
  if (self->has_pin)
    self->body = self->pin.body;
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    zopa_diagram_venn_layout (self);
  else if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
    zopa_diagram_issue_map_layout (self);
  else
    zopa_diagram_bargaining_layout (self);
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
  else if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
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

      if (self->headline != NULL)
        {
          zopa_text_set (&text, zopa_diagram_text_layout (self, self->headline, MAX (15.0, 34 * u), FALSE,
                                                          w - 2 * margin, 2),
                         margin, top, ZOPA_INK_TEXT);
          g_array_append_val (self->texts, text);
          top += text.h + MAX (2.0, 6 * u);
          memset (&text, 0, sizeof text);
        }

      if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
        what = _("Acceptable options per issue, actor by actor");
      else if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
        what = _("Every deal by the two actors’ scores: frontier, reservations, ZOPA corner");
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
      gboolean had_outside = zopa_legend_any_outside_marker (self);
      gboolean had_uncounted = zopa_legend_any_uncounted_region (self);

      legend_place_on_page (self, side_legend, top, bottom, margin, gap);
      if (side_legend)
        self->body.width = self->legend_box.x - gap * 1.5 - margin;
      else
        self->body.height = MAX (1.0, self->legend_box.y - gap - top);

      view_layout (self);

      /* Markers the layout found no room for go outside, and counts it found no room for
       * are listed: the legend explains both. */
      if (zopa_legend_any_outside_marker (self) != had_outside ||
          zopa_legend_any_uncounted_region (self) != had_uncounted)
        legend_place_on_page (self, side_legend, top, bottom, margin, gap);
    }
  else
    view_layout (self);
}

/* ---- Object ------------------------------------------------------------------------------------- */

static void
zopa_diagram_finalize (GObject *object)
{
  ZopaDiagram *self = ZOPA_DIAGRAM (object);

  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    zopa_diagram_venn_clear (self);
  else if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
    zopa_diagram_issue_map_clear (self);
  zopa_diagram_bargaining_free (self->bargaining, self->n_drafts);
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
  g_free (self->headline);
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
  g_array_set_clear_func (self->legend, zopa_legend_entry_clear);
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

/* The bargaining view's two actors, by id among the shown ones (the first two by default). */
/* As given, or the finding about the shown actors (the pair in the bargaining view). */
static char *
page_headline (ZopaDiagram              *self,
               const ZopaDiagramOptions *options)
{
  guint mask = (1u << self->n_actors) - 1;

  if (options->headline != NULL)
    return options->headline[0] != '\0' ? zopa_display_text (options->headline, ZOPA_DISPLAY_TEXT_LINE) : NULL;
  if (self->n_actors == 0)
    return NULL;
  /* With one actor the bargaining view has no pair: the finding is about that actor. */
  if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING && self->n_actors >= 2)
    mask = (1u << self->pair[0]) | (1u << self->pair[1]);
  return zopa_format_finding (self->analysis, mask);
}

/* The bargaining view's two actors as indices among the first n shown actors of analysis. */
static gboolean
resolve_actor_pair (ZopaAnalysis             *analysis,
                    guint                     n,
                    const ZopaDiagramOptions *options,
                    guint                    *pair,
                    GError                  **error)
{
  for (guint k = 0; k < 2; k++)
    {
      const char *id = options->actor_pair[k];
      gboolean found = FALSE;

      pair[k] = k;
      for (guint j = 0; id != NULL && j < n; j++)
        if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, j), id) == 0)
          {
            pair[k] = j;
            found = TRUE;
          }
      if (id != NULL && !found)
        {
          g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID,
                       _("The bargaining view’s actor “%s” is not among the shown actors"), id);
          return FALSE;
        }
    }
  if (n >= 2 && pair[0] == pair[1])
    {
      g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID,
                   _("The bargaining view needs two different actors"));
      return FALSE;
    }
  return TRUE;
}

static guint
shown_sets (ZopaAnalysis *analysis)
{
  return MIN (zopa_analysis_get_n_actors (analysis), (guint) ZOPA_EULER_MAX_SETS);
}

void
zopa_diagram_prepare (ZopaAnalysis             *analysis,
                      const ZopaDiagramOptions *options,
                      GCancellable             *cancellable)
{
  guint pair[2];

  g_return_if_fail (ZOPA_IS_ANALYSIS (analysis));
  g_return_if_fail (options != NULL);

  if (options->view == ZOPA_DIAGRAM_VIEW_VENN && options->mode == ZOPA_DIAGRAM_MODE_PROPORTIONAL)
    zopa_diagram_venn_prepare_fit (analysis, shown_sets (analysis), NULL);
  else if (options->view == ZOPA_DIAGRAM_VIEW_BARGAINING && shown_sets (analysis) >= 2 &&
           resolve_actor_pair (analysis, shown_sets (analysis), options, pair, NULL))
    zopa_diagram_bargaining_pareto (analysis, pair[0], pair[1], cancellable, NULL);
}

gboolean
zopa_diagram_is_prepared (ZopaAnalysis             *analysis,
                          const ZopaDiagramOptions *options)
{
  guint pair[2];

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (analysis), TRUE);
  g_return_val_if_fail (options != NULL, TRUE);

  if (options->view == ZOPA_DIAGRAM_VIEW_VENN && options->mode == ZOPA_DIAGRAM_MODE_PROPORTIONAL)
    return zopa_diagram_venn_fit_is_made (analysis, shown_sets (analysis));
  if (options->view == ZOPA_DIAGRAM_VIEW_BARGAINING && shown_sets (analysis) >= 2 &&
      resolve_actor_pair (analysis, shown_sets (analysis), options, pair, NULL))
    return zopa_diagram_bargaining_pareto_is_made (analysis, pair[0], pair[1]);
  return TRUE;
}

ZopaDiagram *
zopa_diagram_new (ZopaScenario             *scenario,
                  ZopaAnalysis             *analysis,
                  const ZopaDiagramOptions *options,
                  GError                  **error)
{
  return zopa_diagram_new_with_font_map (scenario, analysis, options, NULL, error);
}

ZopaDiagram *
zopa_diagram_new_with_font_map (ZopaScenario             *scenario,
                                ZopaAnalysis             *analysis,
                                const ZopaDiagramOptions *options,
                                PangoFontMap             *font_map,
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
  if (font_map != NULL)
    pango_context_set_font_map (self->pango, font_map);
  self->analysis = g_object_ref (analysis);
  self->view = options->view;
  self->mode = options->mode;
  self->theme = options->theme;
  self->background = options->background;
  self->frame = options->frame;
  self->width = options->width;
  self->height = options->height;
  /* Names and titles as shown: cut, so that every text and description stays short. */
  self->scenario_title = zopa_display_text (zopa_analysis_get_scenario_title (analysis), ZOPA_DISPLAY_TEXT_LINE);
  if (self->scenario_title == NULL || self->scenario_title[0] == '\0')
    {
      g_free (self->scenario_title);
      self->scenario_title = g_strdup (_("Untitled scenario"));
    }
  self->title = zopa_display_text (options->title != NULL ? options->title : self->scenario_title, ZOPA_DISPLAY_TEXT_LINE);

  self->n_actors = shown_sets (analysis);
  for (guint k = 0; k < self->n_actors; k++)
    {
      const char *id = zopa_analysis_get_actor_id (analysis, k);
      ZopaActor *actor = zopa_scenario_find_actor (scenario, id);
      const char *name = zopa_analysis_get_actor_name (analysis, k);

      self->actors[k].id = g_strdup (id);
      self->actors[k].name = zopa_display_text (name != NULL && name[0] != '\0' ? name : id, ZOPA_DISPLAY_TEXT_LINE);
      self->actors[k].color = zopa_diagram_rgba_from_hex (actor != NULL ? zopa_actor_get_color (actor) : NULL);
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
      d->title = zopa_display_text (title != NULL && title[0] != '\0' ? title : zopa_analysis_get_draft_id (analysis, index),
                                    ZOPA_DISPLAY_TEXT_LINE);
      /* The draft's own number, not its place in the list: slides made before a draft was
       * added, forked or hidden still match. */
      d->number = g_strdup_printf ("%u", zopa_analysis_get_draft_number (analysis, index));
      d->accepting = zopa_analysis_get_draft_accepting (analysis, index);
      d->possible = zopa_analysis_get_draft_possible (analysis, index);
      zopa_analysis_get_draft_open_issues (analysis, index, &n_open);
      zopa_diagram_readings_mark_draft (self, d, n_open);
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
  if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING &&
      (!resolve_actor_pair (analysis, self->n_actors, options, self->pair, error) || !zopa_diagram_bargaining_compute (self, error)))
    return NULL;

  self->headline = page_headline (self, options);
  zopa_diagram_layout (self);
  return g_steal_pointer (&self);
}

ZopaAnalysis *
zopa_diagram_get_analysis (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  return self->analysis;
}

const char *
zopa_diagram_get_headline (ZopaDiagram *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  return self->headline;
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
  /* A shared body was worked out for the old size. */
  self->has_pin = FALSE;
  zopa_diagram_layout (self);
}

void
zopa_diagram_pin (ZopaDiagram          *self,
                  const ZopaDiagramPin *pin)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM (self));

  self->has_pin = pin != NULL;
  if (pin != NULL)
    self->pin = *pin;
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
  else if (self->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
    zopa_diagram_issue_map_draw (self, cr);
  else
    zopa_diagram_bargaining_draw (self, cr);

  zopa_legend_draw (self, cr);

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

gboolean
zopa_diagram_get_focus (ZopaDiagram     *self,
                        ZopaDiagramItem *item)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  *item = self->focus;
  return item->kind != ZOPA_DIAGRAM_ITEM_NONE;
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
  if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    return zopa_diagram_bargaining_hit (self, x, y, item);
  return zopa_diagram_issue_map_hit (self, x, y, item);
}

int
zopa_diagram_shown_index (ZopaDiagram *self,
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

      if (!e->hidden && zopa_legend_entry_matches (self, e, item))
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

  if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING && item->kind != ZOPA_DIAGRAM_ITEM_ACTOR &&
      zopa_diagram_bargaining_bounds (self, item, bounds))
    return TRUE;
  switch (item->kind)
    {
    case ZOPA_DIAGRAM_ITEM_NONE:
      return FALSE;
    case ZOPA_DIAGRAM_ITEM_REGION:
      return self->view == ZOPA_DIAGRAM_VIEW_VENN &&
             zopa_diagram_venn_region_bounds (self, item->mask, bounds);
    case ZOPA_DIAGRAM_ITEM_DRAFT:
      {
        int i = zopa_diagram_shown_index (self, item->draft);

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
  else if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    n += zopa_diagram_bargaining_focus_items (self, items + n, max - n);
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
  if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    return self->n_drafts + zopa_diagram_bargaining_focus_items (self, NULL, 0);
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
  i = zopa_diagram_shown_index (self, (int) draft);
  if (i >= 0 && self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    {
      ZopaDiagramItem item;
      cairo_rectangle_t b;

      zopa_diagram_item_init (&item);
      item.kind = ZOPA_DIAGRAM_ITEM_DRAFT;
      item.draft = (int) draft;
      if (!zopa_diagram_bargaining_bounds (self, &item, &b))
        return FALSE;
      if (x != NULL)
        *x = b.x + b.width / 2;
      if (y != NULL)
        *y = b.y + b.height / 2;
      if (radius != NULL)
        *radius = b.width / 2;
      if (mask != NULL)
        *mask = self->drafts[i].accepting;
      if (outside != NULL)
        *outside = FALSE;
      return TRUE;
    }
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

gboolean
zopa_diagram_get_actor_pair (ZopaDiagram *self,
                             guint       *a,
                             guint       *b)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  if (self->view != ZOPA_DIAGRAM_VIEW_BARGAINING)
    return FALSE;
  if (a != NULL)
    *a = self->pair[0];
  if (b != NULL)
    *b = self->pair[1];
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

static ZopaRenderTarget
export_target (ZopaDiagram *self)
{
  return (ZopaRenderTarget) {
    .width = self->width, .height = self->height,
    .pdf_width = self->width, .pdf_height = self->height,
    .background = self->background, .title = self->title,
  };
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

  target = export_target (self);
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
  ZopaRenderTarget target;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  target = export_target (self);
  return zopa_render_export_file (&target, file, format, scale, draw_for_export, self, cancellable, error);
}
