/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the renderer (src/diagram/zopa-diagram.c): pixels where they must be, SVG and
 * PDF that other programs read, hit-testing and descriptions, generated scenarios of 2 to 6
 * actors and names in other scripts. */

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <cairo.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "diagram/zopa-euler.h"
#include "model/zopa-scenario-file.h"

#include "zopa-test-render.h"

static ZopaScenario *
builtin (void)
{
  ZopaScenario *scenario = zopa_scenario_load_builtin ();

  g_assert_nonnull (scenario);
  return scenario;
}

static ZopaDiagram *
make_diagram (ZopaScenario       *scenario,
              const char         *variant,
              ZopaDiagramView     view,
              ZopaDiagramMode     mode,
              ZopaDiagramTheme    theme,
              const char * const *drafts,
              double              width,
              double              height)
{
  ZopaDiagramOptions options;

  zopa_diagram_options_init (&options);
  options.view = view;
  options.mode = mode;
  options.theme = theme;
  options.draft_ids = drafts;
  options.width = width;
  options.height = height;
  return zopa_test_diagram_new (scenario, variant, &options);
}

static Pixel
hex (guint32 rgb)
{
  Pixel p = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 0xff };
  return p;
}

static Pixel
hex_string (const char *text)
{
  g_assert_true (text != NULL && text[0] == '#' && strlen (text) == 7);
  return hex ((guint32) g_ascii_strtoull (text + 1, NULL, 16));
}

static gboolean
close_to (Pixel p,
          Pixel q,
          int   tolerance)
{
  return ABS (p.r - q.r) <= tolerance && ABS (p.g - q.g) <= tolerance && ABS (p.b - q.b) <= tolerance;
}

/* Whether p lies (within tolerance) on the segment between colours a and b: what
 * antialiased drawing of b over a gives. */
static gboolean
between (Pixel p,
         Pixel a,
         Pixel b,
         double tolerance)
{
  double d[3] = { b.r - a.r, b.g - a.g, b.b - a.b };
  double v[3] = { p.r - a.r, p.g - a.g, p.b - a.b };
  double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  double t = dd > 0 ? (v[0] * d[0] + v[1] * d[1] + v[2] * d[2]) / dd : 0;
  double e = 0;

  t = CLAMP (t, 0, 1);
  for (int i = 0; i < 3; i++)
    e += (v[i] - t * d[i]) * (v[i] - t * d[i]);
  return sqrt (e) <= tolerance;
}

static guint
all_mask_of (ZopaDiagram *diagram)
{
  return zopa_analysis_get_all_mask (zopa_diagram_get_analysis (diagram));
}

/* Every shown draft's marker stands in the region of exactly the actors that accept it (a
 * draft with open issues: of some that may accept it, with all that accept it whatever the
 * settlement), or, when that region has no area, outside every shape, and is drawn there. */
static void
check_markers (ZopaDiagram     *diagram,
               cairo_surface_t *surface,
               Pixel            marker)
{
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint n_shapes = 0, n_drafts = 0;
  const ZopaEllipse *shapes = zopa_diagram_get_shapes (diagram, &n_shapes);
  const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);

  g_assert_nonnull (shapes);
  for (guint i = 0; i < n_drafts; i++)
    {
      double x, y, r;
      guint mask;
      gboolean outside;
      Pixel p;
      guint accepting = zopa_analysis_get_draft_accepting (analysis, drafts[i]);

      g_assert_true (zopa_diagram_get_draft_marker (diagram, drafts[i], &x, &y, &r, &mask, &outside));
      /* A draft with open issues stands among those who may accept it, with all who must. */
      g_assert_cmphex (mask & accepting, ==, accepting);
      g_assert_cmphex (mask & ~zopa_analysis_get_draft_possible (analysis, drafts[i]), ==, 0);
      g_assert_cmpfloat (r, >, 3);
      if (outside)
        {
          /* Not in any region it does not belong to: clear of every shape. */
          for (int k = 0; k < 8; k++)
            g_assert_cmpuint (zopa_euler_point_mask (shapes, n_shapes, x + r * cos (k * G_PI / 4),
                                                     y + r * sin (k * G_PI / 4)), ==, 0);
          g_assert_cmpuint (zopa_euler_point_mask (shapes, n_shapes, x, y), ==, 0);
        }
      else
        {
          /* Among the shapes of the magnified inset where the region is shown there. */
          const ZopaEllipse *home = zopa_diagram_get_region_shapes (diagram, mask, NULL);

          g_assert_cmpuint (zopa_euler_point_mask (home, n_shapes, x, y), ==, mask);
          /* The whole disc lies in the region. */
          for (int k = 0; k < 12; k++)
            g_assert_cmpuint (zopa_euler_point_mask (home, n_shapes, x + r * cos (k * G_PI / 6),
                                                     y + r * sin (k * G_PI / 6)), ==, mask);
          if (mask != 0)
            g_assert_true (zopa_diagram_region_is_drawn (diagram, mask));
        }
      /* Below the number, inside the disc (or the ring of a hollow marker): the marker's
       * colour. */
      p = zopa_test_pixel_at (surface, (int) floor (x), (int) floor (y + r * 0.88));
      g_assert_true (close_to (p, marker, 40));
    }
}

static void
test_venn_markers (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();

  for (int mode = 0; mode < 2; mode++)
    for (int theme = 0; theme < 2; theme++)
      {
        g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, mode, theme,
                                                       NULL, 1920, 1080);
        cairo_surface_t *surface = zopa_test_render (diagram);

        check_markers (diagram, surface, theme == 0 ? hex (0x1e1e1e) : hex (0xffffff));
        cairo_surface_destroy (surface);
      }
}

static void
test_venn_variants (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  GListModel *variants = zopa_scenario_get_variants (scenario);

  for (guint v = 0; v < g_list_model_get_n_items (variants); v++)
    {
      g_autoptr(ZopaVariant) variant = g_list_model_get_item (variants, v);

      for (int mode = 0; mode < 2; mode++)
        {
          g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, zopa_variant_get_id (variant),
                                                         ZOPA_DIAGRAM_VIEW_VENN, mode, 0, NULL, 1280, 720);
          cairo_surface_t *surface = zopa_test_render (diagram);

          check_markers (diagram, surface, hex (0x1e1e1e));
          cairo_surface_destroy (surface);
        }
    }
}

/* Inside an empty region there is nothing but background and hatching. */
static void
check_empty_regions (ZopaDiagram     *diagram,
                     cairo_surface_t *surface,
                     Pixel            background,
                     Pixel            hatch,
                     guint           *n_checked)
{
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint n_shapes = 0;
  const ZopaEllipse *shapes = zopa_diagram_get_shapes (diagram, &n_shapes);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  double edge = 5;

  for (guint mask = 1; mask <= all_mask_of (diagram); mask++)
    {
      guint samples = 0, hatched = 0;

      /* Hatched: empty in every reading (those empty in some only are dotted). */
      if (zopa_analysis_get_region_readings (analysis, mask)->empty_exclusive != ZOPA_HOLDS_IN_EVERY_READING
          || !zopa_diagram_region_is_drawn (diagram, mask))
        continue;
      for (int y = 4; y < h - 4; y += 3)
        for (int x = 4; x < w - 4; x += 3)
          {
            Pixel p;

            /* Interior points only: the outlines of the shapes are the region's edge. */
            if (zopa_euler_point_mask (shapes, n_shapes, x + 0.5, y + 0.5) != mask ||
                zopa_euler_point_mask (shapes, n_shapes, x + 0.5 + edge, y + 0.5) != mask ||
                zopa_euler_point_mask (shapes, n_shapes, x + 0.5 - edge, y + 0.5) != mask ||
                zopa_euler_point_mask (shapes, n_shapes, x + 0.5, y + 0.5 + edge) != mask ||
                zopa_euler_point_mask (shapes, n_shapes, x + 0.5, y + 0.5 - edge) != mask)
              continue;
            p = zopa_test_pixel_at (surface, x, y);
            if (!between (p, background, hatch, 10))
              g_error ("region %u at %d,%d: pixel #%02x%02x%02x is neither background nor hatching",
                       mask, x, y, p.r, p.g, p.b);
            samples++;
            hatched += close_to (p, hatch, 24);
          }
      g_assert_cmpuint (samples, >, 20);
      /* Hatched, not just blank. */
      g_assert_cmpuint (hatched, >, samples / 20);
      (*n_checked)++;
    }
}

static void
test_empty_region_hatching (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  const char *none[] = { NULL };
  guint n_checked = 0;

  for (int theme = 0; theme < 2; theme++)
    {
      g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN,
                                                     ZOPA_DIAGRAM_MODE_SCHEMATIC, theme, none, 1920, 1080);
      cairo_surface_t *surface = zopa_test_render (diagram);

      check_empty_regions (diagram, surface,
                           theme == 0 ? hex (0xffffff) : hex (0x1e1e1e),
                           theme == 0 ? hex (0x9a9996) : hex (0x77767b), &n_checked);
      cairo_surface_destroy (surface);
    }
  /* The built-in scenario's point: Kyiv's and Moscow's sets do not meet. */
  g_assert_cmpuint (n_checked, >, 0);
}

/* The least distance between the outlines of two ellipses, sampled; 0 when one has a point
 * inside the other. */
static double
sampled_outline_distance (const ZopaEllipse *e,
                          const ZopaEllipse *f)
{
  enum { N = 1440 };
  double ex[N], ey[N], fx[N], fy[N], best = G_MAXDOUBLE;

  for (guint i = 0; i < N; i++)
    {
      double th = 2 * G_PI * i / N;

      ex[i] = e->x + cos (e->phi) * e->a * cos (th) - sin (e->phi) * e->b * sin (th);
      ey[i] = e->y + sin (e->phi) * e->a * cos (th) + cos (e->phi) * e->b * sin (th);
      fx[i] = f->x + cos (f->phi) * f->a * cos (th) - sin (f->phi) * f->b * sin (th);
      fy[i] = f->y + sin (f->phi) * f->a * cos (th) + cos (f->phi) * f->b * sin (th);
    }
  for (guint i = 0; i < N; i++)
    {
      if (zopa_euler_point_mask (f, 1, ex[i], ey[i]) != 0 || zopa_euler_point_mask (e, 1, fx[i], fy[i]) != 0)
        return 0;
      for (guint j = 0; j < N; j++)
        best = MIN (best, hypot (ex[i] - fx[j], ey[i] - fy[j]));
    }
  return best;
}

static ZopaDiagram *
make_proportional (ZopaScenario       *scenario,
                   const char * const *actors,
                   double              width,
                   double              height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, actors, &error);
  ZopaDiagramOptions options;
  ZopaDiagram *diagram;

  g_assert_no_error (error);
  zopa_diagram_options_init (&options);
  options.mode = ZOPA_DIAGRAM_MODE_PROPORTIONAL;
  options.width = width;
  options.height = height;
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  g_assert_no_error (error);
  return diagram;
}

/* Areas to scale: Kyiv and Moscow share no deal, so their shapes do not touch but stand a
 * visible gap apart; the gap loses no region the fit has and adds none. */
static void
test_proportional_gap (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  const char *pair[] = { "kyiv", "moscow", NULL };
  const char * const *groups[] = { NULL, pair };
  static const double sizes[][2] = { { 1920, 1080 }, { 1024, 768 } };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(ZopaDiagram) diagram = make_proportional (scenario, groups[g], sizes[z][0], sizes[z][1]);
        g_autoptr(ZopaDiagram) again = make_proportional (scenario, groups[g], sizes[z][0], sizes[z][1]);
        ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
        guint n = zopa_analysis_get_n_actors (analysis), n_shapes = 0, n_again = 0;
        const ZopaEllipse *shapes = zopa_diagram_get_shapes (diagram, &n_shapes);
        const ZopaEllipse *shapes_again = zopa_diagram_get_shapes (again, &n_again);
        double wanted[ZOPA_EULER_MAX_REGIONS] = { 0 }, areas[ZOPA_EULER_MAX_REGIONS];
        double total = zopa_analysis_get_deal_space (analysis), fit_total = 0, page_total = 0;
        double stroke;
        int kyiv = -1, moscow = -1;
        ZopaEulerFit fit;
        g_autoptr(GError) error = NULL;
        cairo_surface_t *surface;

        g_assert_cmpuint (n_shapes, ==, n);
        /* The same input, the same picture. */
        g_assert_cmpuint (n_again, ==, n);
        g_assert_cmpmem (shapes, n * sizeof *shapes, shapes_again, n * sizeof *shapes_again);

        for (guint k = 0; k < n; k++)
          {
            if (g_str_equal (zopa_analysis_get_actor_id (analysis, k), "kyiv"))
              kyiv = (int) k;
            if (g_str_equal (zopa_analysis_get_actor_id (analysis, k), "moscow"))
              moscow = (int) k;
          }
        g_assert_cmpint (kyiv, >=, 0);
        g_assert_cmpint (moscow, >=, 0);
        /* Nothing in common... */
        for (guint m = 1; m <= zopa_analysis_get_all_mask (analysis); m++)
          if ((m & (1u << kyiv)) && (m & (1u << moscow)))
            g_assert_true (zopa_analysis_get_region (analysis, m)->exclusive_empty);
        /* ... so the outlines (3.2 px wide at 1920 × 1080, centred on the shapes' edges)
         * leave clear background between them, half as wide again as an outline. */
        stroke = MAX (1.5, 3.2 * MIN (sizes[z][0] / 1920, sizes[z][1] / 1080));
        g_assert_cmpfloat (sampled_outline_distance (&shapes[kyiv], &shapes[moscow]), >, 2.5 * stroke);

        /* Every region the fit has is drawn, every non-empty one of this scenario among them;
         * no region the fit leaves out appears. */
        for (guint m = 1; m < (1u << n); m++)
          {
            const ZopaRegion *r = zopa_analysis_get_region (analysis, m);
            const ZopaRegionReadings *some = zopa_analysis_get_region_readings (analysis, m);

            /* A count that varies over the readings is drawn at the middle of its range. */
            wanted[m] = some->empty_exclusive == ZOPA_HOLDS_IN_EVERY_READING ? 0
                        : MAX ((r->exclusive + MAX (some->exclusive_max, r->exclusive)) / 2, 0) / MAX (total, 1);
          }
        g_assert_true (zopa_euler_fit (wanted, n, ZOPA_EULER_SHAPE_ELLIPSE, &fit, &error));
        g_assert_no_error (error);
        g_assert_true (zopa_euler_region_areas (shapes, n, areas));
        for (guint m = 1; m < (1u << n); m++)
          {
            fit_total += fit.areas[m];
            page_total += areas[m];
          }
        for (guint m = 1; m < (1u << n); m++)
          {
            gboolean in_fit = fit.areas[m] > 1e-9 * fit_total;
            gboolean on_page = areas[m] > 1e-9 * page_total;

            if (wanted[m] > 0)
              {
                g_assert_true (in_fit);
                g_assert_true (on_page);
                g_assert_true (zopa_diagram_region_is_drawn (diagram, m));
              }
            else if (!in_fit)
              {
                g_assert_false (on_page);
                g_assert_false (zopa_diagram_region_is_drawn (diagram, m));
              }
          }

        surface = zopa_test_render (diagram);
        check_markers (diagram, surface, hex (0x1e1e1e));
        cairo_surface_destroy (surface);
      }
}

/* Fifty drafts do not fit in the legend of a slide: it lists what fits, says how many more
 * there are, and stays inside the page; a long actor name is cut with an ellipsis in the
 * legend and on its shape. */
static void
test_legend_says_how_many_more (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autoptr(ZopaDiagram) diagram = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ZopaActor) first = g_list_model_get_item (zopa_scenario_get_actors (scenario), 0);
  g_autofree char *long_name = g_strnfill (100000, 'W');
  ZopaDiagramItem item;
  cairo_rectangle_t b;
  guint n_shown = 0, n_drafts;

  for (guint k = g_list_model_get_n_items (zopa_scenario_get_drafts (scenario)); k < 50; k++)
    {
      g_autofree char *id = g_strdup_printf ("copy-%u", k);
      g_autofree char *title = g_strdup_printf ("Copy %u", k);
      g_autoptr(ZopaDraft) draft = zopa_draft_new (id);

      zopa_draft_set_title (draft, title);
      zopa_scenario_insert_draft (scenario, k, draft);
    }
  n_drafts = g_list_model_get_n_items (zopa_scenario_get_drafts (scenario));
  g_assert_cmpuint (n_drafts, ==, 50);
  for (guint k = 0; k < n_drafts; k++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (zopa_scenario_get_drafts (scenario), k);
      g_ptr_array_add (ids, g_strdup (zopa_draft_get_id (draft)));
    }
  g_ptr_array_add (ids, NULL);
  zopa_actor_set_name (first, long_name);

  diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                          ZOPA_DIAGRAM_THEME_LIGHT, (const char * const *) ids->pdata, 1920, 1080);
  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_DRAFT;
  for (guint k = 0; k < n_drafts; k++)
    {
      item.draft = (int) k;
      if (zopa_diagram_get_item_bounds (diagram, &item, &b))
        {
          n_shown++;
          g_assert_cmpfloat (b.x + b.width, <=, 1920);
          g_assert_cmpfloat (b.y + b.height, <=, 1080);
        }
    }
  g_assert_cmpuint (zopa_diagram_get_legend_n_left_out (diagram), >, 0);
  g_assert_cmpuint (zopa_diagram_get_legend_n_left_out (diagram), <, n_drafts);

  /* The actor with the long name keeps its legend entry, inside the page. */
  item.kind = ZOPA_DIAGRAM_ITEM_ACTOR;
  item.actor = 0;
  g_assert_true (zopa_diagram_get_item_bounds (diagram, &item, &b));
  g_assert_cmpfloat (b.x + b.width, <=, 1920);
  g_assert_cmpfloat (b.height, <, 200);
}

/* The legend shows each actor's colour. */
static void
test_legend_colours (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();

  for (int view = 0; view < 2; view++)
    {
      g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, view, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                                                     ZOPA_DIAGRAM_THEME_LIGHT, NULL, 1920, 1080);
      ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
      cairo_surface_t *surface = zopa_test_render (diagram);

      for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
        {
          ZopaActor *actor = zopa_scenario_find_actor (scenario, zopa_analysis_get_actor_id (analysis, k));
          Pixel colour = hex_string (zopa_actor_get_color (actor));
          ZopaDiagramItem item;
          cairo_rectangle_t b;
          guint found = 0;

          zopa_diagram_item_init (&item);
          item.kind = ZOPA_DIAGRAM_ITEM_ACTOR;
          item.actor = (int) k;
          g_assert_true (zopa_diagram_get_item_bounds (diagram, &item, &b));
          /* The swatch is at the left of the entry. */
          for (int y = (int) b.y; y < (int) (b.y + b.height); y++)
            for (int x = (int) b.x; x < (int) (b.x + MIN (b.width, 60)); x++)
              found += close_to (zopa_test_pixel_at (surface, x, y), colour, 6);
          g_assert_cmpuint (found, >, 10);

          /* And a hit on the entry names the actor. */
          g_assert_true (zopa_diagram_hit_test (diagram, b.x + b.width / 2, b.y + b.height / 2, &item));
          g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_ACTOR);
          g_assert_cmpint (item.actor, ==, (int) k);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_background (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                                                 ZOPA_DIAGRAM_THEME_DARK, NULL, 1024, 768);
  cairo_surface_t *surface = zopa_test_render (diagram);
  Pixel p = zopa_test_pixel_at (surface, 2, 2);

  g_assert_true (close_to (p, hex (0x1e1e1e), 0));
  g_assert_cmpint (p.a, ==, 255);
  cairo_surface_destroy (surface);

  zopa_diagram_set_theme (diagram, ZOPA_DIAGRAM_THEME_LIGHT);
  surface = zopa_test_render (diagram);
  g_assert_true (close_to (zopa_test_pixel_at (surface, 2, 2), hex (0xffffff), 0));
  cairo_surface_destroy (surface);

  zopa_diagram_set_background (diagram, ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT);
  surface = zopa_test_render (diagram);
  g_assert_cmpint (zopa_test_pixel_at (surface, 2, 2).a, ==, 0);
  g_assert_cmpint (zopa_test_pixel_at (surface, 1000, 760).a, ==, 0);
  cairo_surface_destroy (surface);
}

static guint
count_not_background (cairo_surface_t *surface,
                      Pixel            background)
{
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y += 2)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x += 2)
      count += !close_to (zopa_test_pixel_at (surface, x, y), background, 8);
  return count;
}

/* Runs a program; TRUE when it exits with 0. */
static gboolean
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_svg_pdf (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autofree char *dir = g_dir_make_tmp ("zopa-render-XXXXXX", NULL);
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  g_assert_nonnull (dir);
  if (rsvg == NULL && pdftoppm == NULL)
    {
      g_test_skip ("neither rsvg-convert nor pdftoppm is installed");
      g_rmdir (dir);
      return;
    }
  for (int view = 0; view < 2; view++)
    {
      g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, view, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                                                     ZOPA_DIAGRAM_THEME_LIGHT, NULL, 960, 540);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) svg = zopa_diagram_export_bytes (diagram, ZOPA_DIAGRAM_FORMAT_SVG, 1, &error);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *svg_path = g_build_filename (dir, "out.svg", NULL);
      g_autofree char *pdf_path = g_build_filename (dir, "out.pdf", NULL);
      g_autofree char *png_path = g_build_filename (dir, "out.png", NULL);
      g_autofree char *ppm_root = g_build_filename (dir, "page", NULL);
      g_autofree char *ppm_path = g_build_filename (dir, "page.png", NULL);

      g_assert_no_error (error);
      pdf = zopa_diagram_export_bytes (diagram, ZOPA_DIAGRAM_FORMAT_PDF, 1, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (svg_path, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL));
      g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
      g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4) == 0);

      if (rsvg != NULL)
        {
          const char *argv[] = { rsvg, "-o", png_path, svg_path, NULL };
          cairo_surface_t *png;

          g_assert_true (run (argv));
          png = cairo_image_surface_create_from_png (png_path);
          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          /* 960 pt at rsvg's 96 dpi. */
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
          g_assert_cmpuint (count_not_background (png, hex (0xffffff)), >, 2000);
          cairo_surface_destroy (png);
          g_unlink (png_path);
        }
      if (pdftoppm != NULL)
        {
          const char *argv[] = { pdftoppm, "-png", "-r", "72", "-singlefile", pdf_path, ppm_root, NULL };
          cairo_surface_t *png;

          g_assert_true (run (argv));
          png = cairo_image_surface_create_from_png (ppm_path);
          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 960);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 540);
          g_assert_cmpuint (count_not_background (png, hex (0xffffff)), >, 2000);
          cairo_surface_destroy (png);
          g_unlink (ppm_path);
        }
      g_unlink (svg_path);
      g_unlink (pdf_path);
    }
  g_rmdir (dir);
}

static void
test_png_export (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, 0, 0, NULL, 640, 360);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = zopa_diagram_export_bytes (diagram, ZOPA_DIAGRAM_FORMAT_PNG, 2, &error);
  const guint8 *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (png, NULL);
  g_assert_cmpuint (g_bytes_get_size (png), >, 24);
  g_assert_true (memcmp (data, "\x89PNG", 4) == 0);
  /* IHDR: width and height, big-endian. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *) (data + 16)), ==, 1280);
  g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *) (data + 20)), ==, 720);

  g_assert_null (zopa_diagram_export_bytes (diagram, ZOPA_DIAGRAM_FORMAT_PNG, 0, &error));
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
}

static void
test_hit_and_describe (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                                                 0, NULL, 1920, 1080);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint n_drafts = 0, n_items;
  const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);
  ZopaDiagramItem item, first;
  cairo_rectangle_t bounds;
  gboolean saw_empty = FALSE;

  g_assert_cmpuint (n_drafts, ==, zopa_analysis_get_n_drafts (analysis));
  for (guint i = 0; i < n_drafts; i++)
    {
      double x, y;
      g_autofree char *text = NULL;

      g_assert_true (zopa_diagram_get_draft_marker (diagram, drafts[i], &x, &y, NULL, NULL, NULL));
      g_assert_true (zopa_diagram_hit_test (diagram, x, y, &item));
      g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_DRAFT);
      g_assert_cmpint (item.draft, ==, (int) drafts[i]);
      text = zopa_diagram_describe (diagram, &item);
      g_assert_nonnull (strstr (text, zopa_analysis_get_draft_title (analysis, drafts[i])));
      for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
        g_assert_nonnull (strstr (text, zopa_analysis_get_actor_name (analysis, k)));
    }

  /* Regions: the description tells an empty one. */
  for (guint mask = 1; mask <= all_mask_of (diagram); mask++)
    {
      g_autofree char *text = NULL;

      zopa_diagram_item_init (&item);
      item.kind = ZOPA_DIAGRAM_ITEM_REGION;
      item.mask = mask;
      text = zopa_diagram_describe (diagram, &item);
      switch (zopa_analysis_get_region_readings (analysis, mask)->empty_exclusive)
        {
        case ZOPA_HOLDS_IN_EVERY_READING:
          g_assert_nonnull (strstr (text, "No deal: empty region"));
          saw_empty = TRUE;
          break;
        case ZOPA_HOLDS_IN_SOME_READING:
          g_assert_nonnull (strstr (text, "Empty in some readings of the assumptions only: 0–"));
          break;
        default:
          g_assert_true (strstr (text, "deals (") != NULL || strstr (text, "of all deals), depending on the assumptions") != NULL);
          break;
        }
    }
  g_assert_true (saw_empty);

  /* Focus order: drafts first, then regions, each with a box on the page. */
  n_items = zopa_diagram_get_n_focus_items (diagram);
  g_assert_cmpuint (n_items, >, n_drafts);
  g_assert_true (zopa_diagram_get_focus_item (diagram, 0, &first, &bounds));
  g_assert_cmpint (first.kind, ==, ZOPA_DIAGRAM_ITEM_DRAFT);
  g_assert_cmpint (first.draft, ==, (int) drafts[0]);
  for (guint i = 0; i < n_items; i++)
    {
      g_assert_true (zopa_diagram_get_focus_item (diagram, i, &item, &bounds));
      g_assert_cmpint (item.kind, ==, i < n_drafts ? ZOPA_DIAGRAM_ITEM_DRAFT : ZOPA_DIAGRAM_ITEM_REGION);
      g_assert_cmpfloat (bounds.width, >, 0);
      g_assert_cmpfloat (bounds.x, >=, 0);
      g_assert_cmpfloat (bounds.x + bounds.width, <=, 1920);
    }
  g_assert_false (zopa_diagram_get_focus_item (diagram, n_items, &item, &bounds));

  /* Highlight, focus and selection draw without trouble and change the picture. */
  {
    cairo_surface_t *plain = zopa_test_render (diagram), *marked;
    double x, y, r;

    zopa_diagram_set_selected_draft (diagram, (int) drafts[0]);
    zopa_diagram_set_focus (diagram, &first);
    zopa_diagram_get_draft_marker (diagram, drafts[0], &x, &y, &r, NULL, NULL);
    marked = zopa_test_render (diagram);
    {
      guint changed = 0;

      /* The selection ring around the marker. */
      for (int py = (int) (y - 2 * r); py < (int) (y + 2 * r); py++)
        for (int px = (int) (x - 2 * r); px < (int) (x + 2 * r); px++)
          changed += !close_to (zopa_test_pixel_at (plain, px, py), zopa_test_pixel_at (marked, px, py), 30);
      g_assert_cmpuint (changed, >, 20);
    }
    cairo_surface_destroy (plain);
    cairo_surface_destroy (marked);
    zopa_diagram_set_highlight (diagram, &first);
    zopa_diagram_set_focus (diagram, NULL);
    marked = zopa_test_render (diagram);
    cairo_surface_destroy (marked);
  }

  /* Nothing far outside the page. */
  g_assert_false (zopa_diagram_hit_test (diagram, -50, -50, &item));
  g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_NONE);

  {
    g_autofree char *summary = zopa_diagram_describe_summary (diagram);
    g_assert_nonnull (strstr (summary, "Base scenario"));
  }
}

static void
test_issue_map (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, 0, 0, NULL, 1920, 1080);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint n_issues = zopa_analysis_get_n_issues (analysis);
  cairo_surface_t *surface = zopa_test_render (diagram);
  ZopaDiagramItem item;
  cairo_rectangle_t b;

  g_assert_cmpuint (zopa_diagram_get_n_focus_items (diagram), ==,
                    zopa_analysis_get_n_drafts (analysis) + n_issues);
  for (guint i = 0; i < n_issues; i++)
    for (guint o = 0; o < zopa_analysis_get_n_options (analysis, i); o++)
      {
        g_autofree char *text = NULL;

        zopa_diagram_item_init (&item);
        item.kind = ZOPA_DIAGRAM_ITEM_OPTION;
        item.issue = (int) i;
        item.option = (int) o;
        g_assert_true (zopa_diagram_get_item_bounds (diagram, &item, &b));
        /* The middle of the cell hits the cell, or a marker of a draft choosing it. */
        g_assert_true (zopa_diagram_hit_test (diagram, b.x + b.width * 0.1, b.y + b.height * 0.1, &item));
        g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_OPTION);
        g_assert_cmpint (item.issue, ==, (int) i);
        g_assert_cmpint (item.option, ==, (int) o);
        text = zopa_diagram_describe (diagram, &item);
        g_assert_nonnull (strstr (text, zopa_analysis_get_option_label (analysis, i, o)));

        /* Each actor's band is in its colour exactly where it accepts the option. */
        for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
          {
            ZopaActor *actor = zopa_scenario_find_actor (scenario, zopa_analysis_get_actor_id (analysis, k));
            Pixel colour = hex_string (zopa_actor_get_color (actor));
            gboolean accepts = zopa_analysis_actor_accepts_option (analysis, k, i, o);
            guint found = 0;

            /* Near the cell's edges: the markers sit on the bands in the middle. */
            for (int y = (int) b.y; y < (int) (b.y + b.height); y++)
              {
                found += close_to (zopa_test_pixel_at (surface, (int) (b.x + 10), y), colour, 4);
                found += close_to (zopa_test_pixel_at (surface, (int) (b.x + b.width - 10), y), colour, 4);
              }
            if (accepts)
              g_assert_cmpuint (found, >, 0);
            else
              g_assert_cmpuint (found, ==, 0);
          }
      }
  cairo_surface_destroy (surface);
}

/* A scenario with n actors, random stances (fixed seed) and a few drafts. */
static char *
generated_scenario (guint       n_actors,
                    guint       seed,
                    const char *const *names)
{
  static const char *colours[] = { "#1c71d8", "#c88800", "#e01b24", "#a65fcc", "#2ec27e", "#865e3c" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *s = g_string_new ("{\"format\":\"zopa\",\"version\":1,\"title\":\"Generated\",\"issues\":[");
  guint n_issues = 6, n_options = 4;

  for (guint i = 0; i < n_issues; i++)
    {
      g_string_append_printf (s, "%s{\"id\":\"i%u\",\"title\":\"Issue %u\",\"options\":[", i ? "," : "", i, i);
      for (guint o = 0; o < n_options; o++)
        g_string_append_printf (s, "%s{\"id\":\"o%u\",\"label\":\"Option %u of issue %u\"}", o ? "," : "", o, o, i);
      g_string_append (s, "]}");
    }
  g_string_append (s, "],\"actors\":[");
  for (guint a = 0; a < n_actors; a++)
    {
      /* The names of the tests need no JSON escaping. */
      g_autofree char *name = names != NULL ? g_strdup (names[a]) : g_strdup_printf ("Actor %u", a);

      g_string_append_printf (s, "%s{\"id\":\"a%u\",\"name\":\"%s\",\"color\":\"%s\",\"reservation\":%d,\"stances\":{",
                              a ? "," : "", a, name, colours[a % 6], g_rand_int_range (rand, 20, 60));
      for (guint i = 0; i < n_issues; i++)
        {
          guint first = 0;

          g_string_append_printf (s, "%s\"i%u\":{\"weight\":%d,\"acceptable\":[", i ? "," : "", i,
                                  g_rand_int_range (rand, 0, 6));
          for (guint o = 0; o < n_options; o++)
            if (g_rand_int_range (rand, 0, 100) < 70 || (o == n_options - 1 && first == 0))
              g_string_append_printf (s, "%s\"o%u\"", first++ ? "," : "", o);
          g_string_append (s, "],\"utility\":{");
          for (guint o = 0; o < n_options; o++)
            g_string_append_printf (s, "%s\"o%u\":%d", o ? "," : "", o, g_rand_int_range (rand, 0, 101));
          g_string_append (s, "}}");
        }
      g_string_append (s, "}}");
    }
  g_string_append (s, "],\"drafts\":[");
  for (guint d = 0; d < 7; d++)
    {
      g_string_append_printf (s, "%s{\"id\":\"d%u\",\"title\":\"Draft number %u with a long title\"%s,\"clauses\":[",
                              d ? "," : "", d, d, d > 0 && d % 3 == 0 ? ",\"derived_from\":\"d0\"" : "");
      for (guint i = 0; i < n_issues; i++)
        {
          /* Some drafts leave an issue open. */
          if (d % 2 == 1 && i == d % n_issues)
            continue;
          g_string_append_printf (s, "%s{\"id\":\"d%u/%u\",\"number\":\"%u\",\"title\":\"t\",\"text\":\"t\","
                                  "\"status\":\"agreed\",\"sets\":{\"i%u\":\"o%d\"}}",
                                  i ? "," : "", d, i, i, i, g_rand_int_range (rand, 0, n_options));
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static ZopaScenario *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ZopaScenario *scenario = zopa_scenario_load_from_data (text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  return scenario;
}

static void
test_actor_counts (void)
{
  for (guint n = 2; n <= 6; n++)
    for (guint seed = 1; seed <= 3; seed++)
      {
        g_autofree char *text = generated_scenario (n, seed * 7 + n, NULL);
        g_autoptr(ZopaScenario) scenario = load_text (text);

        for (int mode = 0; mode < 2; mode++)
          {
            g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, mode, 0, NULL,
                                                           seed == 2 ? 1024 : 1920, seed == 2 ? 768 : 1080);
            cairo_surface_t *surface = zopa_test_render (diagram);
            guint n_shapes = 0;
            const ZopaEllipse *shapes = zopa_diagram_get_shapes (diagram, &n_shapes);

            g_assert_cmpuint (n_shapes, ==, n);
            check_markers (diagram, surface, hex (0x1e1e1e));
            /* Every actor with deals has its outline drawn: its colour appears. */
            for (guint k = 0; k < n; k++)
              {
                ZopaActor *actor = zopa_scenario_find_actor (scenario, zopa_analysis_get_actor_id (zopa_diagram_get_analysis (diagram), k));
                Pixel colour = hex_string (zopa_actor_get_color (actor));
                const ZopaEllipse *e = &shapes[k];
                guint found = 0;

                /* A set with a tiny share is a speck another outline may cover. */
                if (!(MIN (e->a, e->b) >= 8))
                  continue;
                for (int t = 0; t < 64; t++)
                  {
                    double th = t * G_PI / 32;
                    double x = e->x + cos (e->phi) * e->a * cos (th) - sin (e->phi) * e->b * sin (th);
                    double y = e->y + sin (e->phi) * e->a * cos (th) + cos (e->phi) * e->b * sin (th);

                    found += close_to (zopa_test_pixel_at (surface, (int) floor (x), (int) floor (y)), colour, 60);
                  }
                g_assert_cmpuint (found, >, 4);
              }
            cairo_surface_destroy (surface);
          }
        {
          g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, 0, 1, NULL, 1280, 720);
          cairo_surface_t *surface = zopa_test_render (diagram);
          cairo_surface_destroy (surface);
        }
      }
}

static void
test_non_latin (void)
{
  const char *names[] = {
    "Москва", "Київ", "القاهرة", "Europäische Union und die Vereinigten Staaten von Amerika, gemeinsam",
  };
  g_autofree char *text = generated_scenario (4, 42, names);
  g_autoptr(ZopaScenario) scenario = load_text (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  const char *title = "خطة السلام — мирный план";

  g_assert_no_error (error);
  for (int view = 0; view < 2; view++)
    for (int size = 0; size < 3; size++)
      {
        static const double sizes[][2] = { { 1920, 1080 }, { 1024, 768 }, { 842, 595 } };
        ZopaDiagramOptions options;
        g_autoptr(ZopaDiagram) diagram = NULL;
        cairo_surface_t *surface;

        zopa_diagram_options_init (&options);
        options.view = view;
        options.title = title;
        options.width = sizes[size][0];
        options.height = sizes[size][1];
        diagram = zopa_diagram_new (scenario, analysis, &options, &error);
        g_assert_no_error (error);
        surface = zopa_test_render (diagram);
        /* The names are written: the legend entry of each actor has text pixels. */
        for (guint k = 0; k < 4; k++)
          {
            ZopaDiagramItem item;
            cairo_rectangle_t b;
            guint dark = 0;

            zopa_diagram_item_init (&item);
            item.kind = ZOPA_DIAGRAM_ITEM_ACTOR;
            item.actor = (int) k;
            g_assert_true (zopa_diagram_get_item_bounds (diagram, &item, &b));
            g_assert_cmpfloat (b.x + b.width, <=, options.width);
            for (int y = (int) b.y; y < (int) (b.y + b.height); y++)
              for (int x = (int) (b.x + b.width * 0.1); x < (int) (b.x + b.width); x++)
                dark += close_to (zopa_test_pixel_at (surface, x, y), hex (0x1e1e1e), 60);
            g_assert_cmpuint (dark, >, 10);
          }
        cairo_surface_destroy (surface);
      }
}

static void
test_errors (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  const char *bad[] = { "us-28", "no-such-draft", NULL };
  ZopaDiagramOptions options;
  ZopaDiagramFormat format;

  g_assert_no_error (error);
  zopa_diagram_options_init (&options);
  options.draft_ids = bad;
  g_assert_null (zopa_diagram_new (scenario, analysis, &options, &error));
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_UNKNOWN_DRAFT);
  g_clear_error (&error);

  zopa_diagram_options_init (&options);
  options.width = 0;
  g_assert_null (zopa_diagram_new (scenario, analysis, &options, &error));
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (zopa_diagram_format_from_filename ("a/b.PNG", &format));
  g_assert_cmpint (format, ==, ZOPA_DIAGRAM_FORMAT_PNG);
  g_assert_true (zopa_diagram_format_from_filename ("x.svg", &format));
  g_assert_cmpint (format, ==, ZOPA_DIAGRAM_FORMAT_SVG);
  g_assert_true (zopa_diagram_format_from_filename ("x.pdf", &format));
  g_assert_cmpint (format, ==, ZOPA_DIAGRAM_FORMAT_PDF);
  g_assert_false (zopa_diagram_format_from_filename ("x.jpeg", &format));
  g_assert_false (zopa_diagram_format_from_filename ("png", &format));
}

/* The page is laid out again at a new size, with the same content. */
static void
test_resize (void)
{
  g_autoptr(ZopaScenario) scenario = builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_PROPORTIONAL,
                                                 0, NULL, 1920, 1080);
  static const double sizes[][2] = { { 1280, 720 }, { 1024, 768 }, { 842, 595 }, { 600, 900 }, { 320, 240 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface;

      zopa_diagram_set_size (diagram, sizes[i][0], sizes[i][1]);
      g_assert_cmpfloat (zopa_diagram_get_width (diagram), ==, sizes[i][0]);
      surface = zopa_test_render (diagram);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) sizes[i][0]);
      check_markers (diagram, surface, hex (0x1e1e1e));
      cairo_surface_destroy (surface);
    }
}

/* Slides of the built-in scenario name every draft in full beside its marker, at 16:9 and
 * 4:3, and no two labels overlap. To scale or on a page as small as 800 × 600, a marker in a
 * crowded corner may go without a label (the legend names it), but no label is cut. */
static void
test_labels_in_full (void)
{
  static const double sizes[][2] = { { 1920, 1080 }, { 1440, 1080 }, { 1280, 720 }, { 800, 600 } };
  g_autoptr(ZopaScenario) scenario = builtin ();

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (ZopaDiagramMode mode = ZOPA_DIAGRAM_MODE_SCHEMATIC; mode <= ZOPA_DIAGRAM_MODE_PROPORTIONAL; mode++)
      {
        g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, mode,
                                                       ZOPA_DIAGRAM_THEME_LIGHT, NULL, sizes[k][0], sizes[k][1]);
        guint n_shown = 0;
        const guint *shown = zopa_diagram_get_shown_drafts (diagram, &n_shown);
        cairo_rectangle_t labels[16];

        g_assert_cmpuint (n_shown, ==, 5);
        for (guint i = 0; i < n_shown; i++)
          {
            gboolean cut = TRUE;

            g_test_message ("%g × %g, mode %d, draft %u", sizes[k][0], sizes[k][1], mode, shown[i]);
            if (!zopa_diagram_get_draft_label (diagram, shown[i], &labels[i], &cut))
              {
                /* On the smallest page two hollow markers in dashed rings share a region
                 * between two others' labels and an actor's name. */
                g_assert_true (mode == ZOPA_DIAGRAM_MODE_PROPORTIONAL || sizes[k][0] < 1280);
                g_assert_cmpuint (zopa_diagram_get_legend_n_left_out (diagram), ==, 0);
                labels[i] = (cairo_rectangle_t) { 0 };
                continue;
              }
            g_assert_false (cut);
            for (guint j = 0; j < i; j++)
              g_assert_false (labels[i].x < labels[j].x + labels[j].width && labels[j].x < labels[i].x + labels[i].width &&
                              labels[i].y < labels[j].y + labels[j].height && labels[j].y < labels[i].y + labels[i].height);
          }
      }
}

/* Every region with deals shows its count, or the legend lists it: at 16:9 the packing of
 * markers leaves some counts no room beside them. */
static void
test_counts_shown_or_listed (void)
{
  static const double sizes[][2] = { { 1920, 1080 }, { 1440, 1080 }, { 1280, 720 } };
  g_autoptr(ZopaScenario) scenario = builtin ();

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, NULL, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                                                     ZOPA_DIAGRAM_THEME_LIGHT, NULL, sizes[k][0], sizes[k][1]);
      ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
      guint n_counted = 0, n_listed = 0;

      for (guint m = 1; m <= zopa_analysis_get_all_mask (analysis); m++)
        {
          const ZopaRegionReadings *readings = zopa_analysis_get_region_readings (analysis, m);

          if (!zopa_diagram_region_is_drawn (diagram, m) || readings->empty_exclusive == ZOPA_HOLDS_IN_EVERY_READING)
            continue;
          if (zopa_diagram_region_has_count (diagram, m))
            n_counted++;
          else
            {
              g_test_message ("%g × %g: region %u is listed", sizes[k][0], sizes[k][1], m);
              g_assert_true (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_UNCOUNTED));
              n_listed++;
            }
        }
      g_assert_cmpuint (n_counted, >, 0);
      g_assert_cmpuint (n_listed > 0, ==, zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_UNCOUNTED));
    }
}

/* The headline under the title states what the diagram finds about its actors (the pair in
 * the bargaining view), and says so where the readings of the evidence disagree; a given
 * headline replaces it and "" leaves it out. */
static void
test_headline (void)
{
  static const struct {
    const char     *variant;
    const char     *actors;
    ZopaDiagramView view;
    const char     *headline;
    const char     *expected;
  } cases[] = {
    { NULL, NULL, ZOPA_DIAGRAM_VIEW_VENN, NULL, "No deal is acceptable to all four" },
    { NULL, NULL, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, NULL, "No deal is acceptable to all four" },
    { NULL, "kyiv,moscow", ZOPA_DIAGRAM_VIEW_VENN, NULL, "No deal is acceptable to both Kyiv and Moscow" },
    { NULL, "washington,kyiv", ZOPA_DIAGRAM_VIEW_VENN, NULL, "27,811–56,696 deals are acceptable to both Washington and Kyiv" },
    { NULL, "washington,kyiv,europe", ZOPA_DIAGRAM_VIEW_VENN, NULL, "4,056–8,613 deals are acceptable to all three" },
    { NULL, "moscow,kyiv,europe,washington", ZOPA_DIAGRAM_VIEW_BARGAINING, NULL, "No deal is acceptable to both Moscow and Kyiv" },
    { "post-putin", NULL, ZOPA_DIAGRAM_VIEW_VENN, NULL, "No deal is acceptable to all four" },
    { "post-putin", "kyiv,moscow", ZOPA_DIAGRAM_VIEW_VENN, NULL,
      "Whether any deal is acceptable to both Kyiv and Moscow depends on how the evidence is read" },
    { NULL, NULL, ZOPA_DIAGRAM_VIEW_VENN, "Four actors, no common ground", "Four actors, no common ground" },
    { NULL, NULL, ZOPA_DIAGRAM_VIEW_VENN, "", NULL },
  };
  g_autoptr(ZopaScenario) scenario = builtin ();

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_auto(GStrv) actors = cases[k].actors != NULL ? g_strsplit (cases[k].actors, ",", -1) : NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, cases[k].variant,
                                                            (const char * const *) actors, &error);
      g_autoptr(ZopaDiagram) diagram = NULL;
      ZopaDiagramOptions options;

      g_assert_no_error (error);
      zopa_diagram_options_init (&options);
      options.view = cases[k].view;
      options.headline = cases[k].headline;
      diagram = zopa_diagram_new (scenario, analysis, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (zopa_diagram_get_headline (diagram), ==, cases[k].expected);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/venn/markers", test_venn_markers);
  g_test_add_func ("/render/venn/variants", test_venn_variants);
  g_test_add_func ("/render/venn/empty-region-hatching", test_empty_region_hatching);
  g_test_add_func ("/render/venn/proportional-gap", test_proportional_gap);
  g_test_add_func ("/render/legend-colours", test_legend_colours);
  g_test_add_func ("/render/legend-more", test_legend_says_how_many_more);
  g_test_add_func ("/render/background", test_background);
  g_test_add_func ("/render/svg-pdf", test_svg_pdf);
  g_test_add_func ("/render/png", test_png_export);
  g_test_add_func ("/render/hit-and-describe", test_hit_and_describe);
  g_test_add_func ("/render/issue-map", test_issue_map);
  g_test_add_func ("/render/actor-counts", test_actor_counts);
  g_test_add_func ("/render/non-latin", test_non_latin);
  g_test_add_func ("/render/errors", test_errors);
  g_test_add_func ("/render/resize", test_resize);
  g_test_add_func ("/render/headline", test_headline);
  g_test_add_func ("/render/venn/labels-in-full", test_labels_in_full);
  g_test_add_func ("/render/venn/counts-shown-or-listed", test_counts_shown_or_listed);

  return g_test_run ();
}
