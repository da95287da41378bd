/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of what the renderer shows of uncertain assumptions (src/diagram/zopa-diagram-readings.c):
 * regions empty in every reading hatched, in some only dotted with a count range, markers
 * whose verdicts hinge on assumptions ringed, the legend and the descriptions saying so;
 * and the emphasis other views put on regions and markers (zopa-diagram-emphasis.c). */

#include <glib.h>
#include <math.h>
#include <string.h>
#include <cairo.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "diagram/zopa-euler.h"
#include "model/zopa-scenario-file.h"

#include "zopa-test-render.h"

static ZopaScenario *
load_readings_scenario (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "diagram", "data", "readings.zopa.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZopaScenario *scenario = zopa_scenario_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

static ZopaDiagram *
make_diagram_full (ZopaScenario     *scenario,
                   ZopaDiagramView   view,
                   ZopaDiagramMode   mode,
                   ZopaDiagramTheme  theme,
                   double            width,
                   double            height)
{
  ZopaDiagramOptions options;

  zopa_diagram_options_init (&options);
  options.view = view;
  options.mode = mode;
  options.theme = theme;
  options.width = width;
  options.height = height;
  return zopa_test_diagram_new (scenario, NULL, &options);
}

static ZopaDiagram *
make_diagram (ZopaScenario    *scenario,
              ZopaDiagramView  view,
              double           width,
              double           height)
{
  return make_diagram_full (scenario, view, ZOPA_DIAGRAM_MODE_SCHEMATIC, ZOPA_DIAGRAM_THEME_LIGHT, width, height);
}

static guint32
raw_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

/* The share of the pixels of region mask (sampled every 3 pixels, at least 6 pixels
 * from any other region) whose colour differs between two renderings. */
static double
changed_share (ZopaDiagram     *diagram,
               cairo_surface_t *a,
               cairo_surface_t *b,
               guint            mask)
{
  guint n_shapes;
  const ZopaEllipse *shapes = zopa_diagram_get_shapes (diagram, &n_shapes);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint n = 0, changed = 0;

  for (int y = 6; y < h - 6; y += 3)
    for (int x = 6; x < w - 6; x += 3)
      {
        gboolean inside = TRUE;

        for (int k = 0; k < 8 && inside; k++)
          inside = zopa_euler_point_mask (shapes, n_shapes, x + 6 * cos (k * G_PI / 4),
                                          y + 6 * sin (k * G_PI / 4)) == mask;
        if (!inside || zopa_euler_point_mask (shapes, n_shapes, x, y) != mask)
          continue;
        n++;
        changed += raw_pixel (a, x, y) != raw_pixel (b, x, y);
      }
  g_assert_cmpuint (n, >, 50);
  return (double) changed / n;
}

static gboolean
near (Pixel   p,
      guint32 hex,
      int     tolerance)
{
  return ABS (p.r - (int) ((hex >> 16) & 0xff)) <= tolerance && ABS (p.g - (int) ((hex >> 8) & 0xff)) <= tolerance
         && ABS (p.b - (int) (hex & 0xff)) <= tolerance;
}

typedef struct {
  guint n;            /* interior samples */
  guint mark;         /* in the hatch ink */
  guint background;   /* the page's background */
} RegionPixels;

/* The interior pixels of region mask (6 px clear of its edges), sampled every 3 × 2 pixels
 * (the odd step keeps the samples from falling in step with the diagonal hatching). */
static RegionPixels
region_pixels (ZopaDiagram     *diagram,
               cairo_surface_t *surface,
               guint            mask,
               guint32          hatch,
               guint32          background)
{
  guint n_shapes;
  const ZopaEllipse *shapes = zopa_diagram_get_shapes (diagram, &n_shapes);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  RegionPixels counts = { 0 };

  for (int y = 6; y < h - 6; y += 2)
    for (int x = 6; x < w - 6; x += 3)
      {
        gboolean inside = TRUE;
        Pixel p;

        for (int k = 0; k < 8 && inside; k++)
          inside = zopa_euler_point_mask (shapes, n_shapes, x + 0.5 + 6 * cos (k * G_PI / 4),
                                          y + 0.5 + 6 * sin (k * G_PI / 4)) == mask;
        if (!inside || zopa_euler_point_mask (shapes, n_shapes, x + 0.5, y + 0.5) != mask)
          continue;
        p = zopa_test_pixel_at (surface, x, y);
        counts.n++;
        counts.mark += near (p, hatch, 30);
        counts.background += near (p, background, 4);
      }
  return counts;
}

static guint
actor_mask (ZopaAnalysis *analysis,
            const char   *id)
{
  for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
    if (g_str_equal (zopa_analysis_get_actor_id (analysis, k), id))
      return 1u << k;
  g_assert_not_reached ();
}

static guint
region_with_marker (ZopaDiagram *diagram,
                    guint        draft)
{
  double x, y, r;
  guint mask;
  gboolean outside;

  g_assert_true (zopa_diagram_get_draft_marker (diagram, draft, &x, &y, &r, &mask, &outside));
  return mask;
}

/* Emphasis on one region and one marker tints that region and rings that marker, leaves
 * the other regions as they were, and clears to the very same picture. */
static void
test_emphasis (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_VENN, 1920, 1080);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint kyiv = actor_mask (analysis, "kyiv"), moscow = actor_mask (analysis, "moscow");
  guint n_drafts;
  const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);
  guint picked_mask = kyiv | moscow, other_mask = kyiv;
  guint picked_draft;
  ZopaDiagramItem item;
  cairo_surface_t *plain, *emphasized, *cleared;
  double x, y, r;
  guint mask;
  gboolean outside;

  g_assert_cmpuint (n_drafts, >, 0);
  picked_draft = drafts[0];
  g_assert_true (zopa_diagram_region_is_drawn (diagram, picked_mask));
  g_assert_true (zopa_diagram_region_is_drawn (diagram, other_mask));
  g_assert_cmpuint (region_with_marker (diagram, picked_draft), !=, picked_mask);

  plain = zopa_test_render (diagram);
  zopa_diagram_set_emphasis (diagram, &picked_mask, 1, &picked_draft, 1);

  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_REGION;
  item.mask = picked_mask;
  g_assert_true (zopa_diagram_is_emphasized (diagram, &item));
  item.mask = other_mask;
  g_assert_false (zopa_diagram_is_emphasized (diagram, &item));
  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_DRAFT;
  item.draft = (int) picked_draft;
  g_assert_true (zopa_diagram_is_emphasized (diagram, &item));
  if (n_drafts > 1)
    {
      item.draft = (int) drafts[1];
      g_assert_false (zopa_diagram_is_emphasized (diagram, &item));
    }

  emphasized = zopa_test_render (diagram);
  g_assert_cmpfloat (changed_share (diagram, plain, emphasized, picked_mask), >, 0.8);
  g_assert_cmpfloat (changed_share (diagram, plain, emphasized, other_mask), <, 0.02);

  /* The ring round the marker: beside the disc, where nothing was drawn before. */
  g_assert_true (zopa_diagram_get_draft_marker (diagram, picked_draft, &x, &y, &r, &mask, &outside));
  g_assert_cmphex (raw_pixel (plain, (int) round (x + r * 1.75), (int) round (y)), !=,
                   raw_pixel (emphasized, (int) round (x + r * 1.75), (int) round (y)));

  zopa_diagram_set_emphasis (diagram, NULL, 0, NULL, 0);
  g_assert_false (zopa_diagram_is_emphasized (diagram, &item));
  cleared = zopa_test_render (diagram);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (plain), cairo_image_surface_get_data (cleared),
                           cairo_image_surface_get_stride (plain) * cairo_image_surface_get_height (plain)), ==, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (emphasized);
  cairo_surface_destroy (cleared);
}

/* On the issue map the markers of a picked draft get the ring too; masks are ignored. */
static void
test_emphasis_issue_map (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, 1920, 1080);
  guint n_drafts, mask = 1;
  const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);
  cairo_surface_t *plain, *emphasized;
  const guint8 *a, *b;
  gsize size, changed = 0;

  plain = zopa_test_render (diagram);
  zopa_diagram_set_emphasis (diagram, &mask, 1, NULL, 0);
  emphasized = zopa_test_render (diagram);
  size = (gsize) cairo_image_surface_get_stride (plain) * cairo_image_surface_get_height (plain);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (plain), cairo_image_surface_get_data (emphasized), size), ==, 0);
  cairo_surface_destroy (emphasized);

  zopa_diagram_set_emphasis (diagram, NULL, 0, drafts, 1);
  emphasized = zopa_test_render (diagram);
  a = cairo_image_surface_get_data (plain);
  b = cairo_image_surface_get_data (emphasized);
  for (gsize i = 0; i < size; i++)
    changed += a[i] != b[i];
  g_assert_cmpuint (changed, >, 100);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (emphasized);
}

static char *
describe_region (ZopaDiagram *diagram,
                 guint        mask)
{
  ZopaDiagramItem item;

  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_REGION;
  item.mask = mask;
  return zopa_diagram_describe (diagram, &item);
}

static int
draft_index (ZopaAnalysis *analysis,
             const char   *id)
{
  for (guint i = 0; i < zopa_analysis_get_n_drafts (analysis); i++)
    if (g_str_equal (zopa_analysis_get_draft_id (analysis, i), id))
      return (int) i;
  g_assert_not_reached ();
}

/* Xanten accepts every deal; Yerevan may or may not accept the venue abroad; Zurich only a
 * short timetable. The regions without Xanten are empty in every reading (hatched: page
 * background and grey lines); "Xanten only" and "Xanten and Zurich" are empty in some
 * readings only (dotted over the actors' tint: no bare background); "Xanten and Yerevan"
 * holds 2 to 4 deals and shows neither mark. */
static void
test_region_marks (void)
{
  g_autoptr(ZopaScenario) scenario = load_readings_scenario ();
  static const struct {
    ZopaDiagramTheme theme;
    guint32          hatch, background;
  } themes[] = {
    { ZOPA_DIAGRAM_THEME_LIGHT, 0x9a9996, 0xffffff },
    { ZOPA_DIAGRAM_THEME_DARK, 0x77767b, 0x1e1e1e },
  };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (int mode = ZOPA_DIAGRAM_MODE_SCHEMATIC; mode <= ZOPA_DIAGRAM_MODE_PROPORTIONAL; mode++)
      {
        g_autoptr(ZopaDiagram) diagram = make_diagram_full (scenario, ZOPA_DIAGRAM_VIEW_VENN, mode,
                                                            themes[t].theme, 1920, 1080);
        ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
        guint x = actor_mask (analysis, "xanten"), y = actor_mask (analysis, "yerevan");
        guint z = actor_mask (analysis, "zurich");
        guint maybe_empty[] = { x, x | z };
        cairo_surface_t *surface = zopa_test_render (diagram);
        RegionPixels plain;

        g_test_message ("theme %u, mode %d", t, mode);
        g_assert_cmpint (zopa_analysis_get_region_readings (analysis, x)->empty_exclusive, ==,
                         ZOPA_HOLDS_IN_SOME_READING);
        g_assert_cmpint (zopa_analysis_get_region_readings (analysis, y)->empty_exclusive, ==,
                         ZOPA_HOLDS_IN_EVERY_READING);

        for (guint i = 0; i < G_N_ELEMENTS (maybe_empty); i++)
          {
            RegionPixels dotted = region_pixels (diagram, surface, maybe_empty[i], themes[t].hatch, themes[t].background);

            g_assert_true (zopa_diagram_region_is_drawn (diagram, maybe_empty[i]));
            g_assert_cmpuint (dotted.n, >, 100);
            g_assert_cmpuint (dotted.mark, >, dotted.n / 12);
            g_assert_cmpuint (dotted.background, <, dotted.n / 8);
          }
        plain = region_pixels (diagram, surface, x | y, themes[t].hatch, themes[t].background);
        g_assert_cmpuint (plain.n, >, 100);
        g_assert_cmpuint (plain.mark, <, plain.n / 30);

        if (mode == ZOPA_DIAGRAM_MODE_SCHEMATIC)
          {
            guint hatched[] = { y, z, y | z };

            for (guint i = 0; i < G_N_ELEMENTS (hatched); i++)
              {
                RegionPixels lines = region_pixels (diagram, surface, hatched[i], themes[t].hatch, themes[t].background);

                g_assert_cmpuint (lines.mark, >, lines.n / 20);
                g_assert_cmpuint (lines.background, >, lines.n / 3);
              }
            g_assert_true (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_EMPTY));
          }
        else
          /* Areas to scale: the regions empty in every reading have no area, so no key. */
          for (guint m = 1; m <= zopa_analysis_get_all_mask (analysis); m++)
            if (!(m & x))
              {
                g_assert_false (zopa_diagram_region_is_drawn (diagram, m));
                g_assert_false (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_EMPTY));
              }
        g_assert_true (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_EMPTY_IN_SOME_READINGS));
        cairo_surface_destroy (surface);
      }
}

/* "Treaty abroad" hinges on Yerevan's maybe: a filled marker with a ring of dots; "Timetable
 * left open" on the open timetable: hollow, no ring; "Settled at home" on nothing. */
static void
test_marker_marks (void)
{
  g_autoptr(ZopaScenario) scenario = load_readings_scenario ();
  g_autoptr(ZopaDiagram) diagram = make_diagram_full (scenario, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                                                      ZOPA_DIAGRAM_THEME_LIGHT, 1920, 1080);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  const char *ids[] = { "abroad", "open-timetable", "settled" };
  const gboolean ringed[] = { TRUE, FALSE, FALSE };
  cairo_surface_t *surface = zopa_test_render (diagram);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      double x, y, r;
      guint mask, n_dark = 0, n = 0;
      gboolean outside;

      g_assert_true (zopa_diagram_get_draft_marker (diagram, draft_index (analysis, ids[i]), &x, &y, &r, &mask, &outside));
      /* The circle the ring's dots sit on, where no draft's label or ghost is. */
      for (guint k = 0; k < 360; k++)
        {
          double a = 2 * G_PI * k / 360, px = x + 1.5 * r * cos (a), py = y + 1.5 * r * sin (a);
          ZopaDiagramItem hit;

          if (zopa_diagram_hit_test (diagram, px, py, &hit) && hit.kind == ZOPA_DIAGRAM_ITEM_DRAFT)
            continue;
          n++;
          n_dark += near (zopa_test_pixel_at (surface, (int) floor (px), (int) floor (py)), 0x1e1e1e, 70);
        }
      g_test_message ("%s: %u of %u points on the ring dark", ids[i], n_dark, n);
      g_assert_cmpuint (n, >, 180);
      if (ringed[i])
        g_assert_cmpuint (n_dark, >, n / 5);
      else
        g_assert_cmpuint (n_dark, <, n / 20);
    }
  g_assert_true (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_ASSUMPTIONS));
  g_assert_true (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_OPEN_ISSUES));
  cairo_surface_destroy (surface);

  /* The issue map rings the same markers and says so; it has no regions to dot. */
  g_clear_object (&diagram);
  diagram = make_diagram_full (scenario, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                               ZOPA_DIAGRAM_THEME_LIGHT, 1920, 1080);
  g_assert_true (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_ASSUMPTIONS));
  g_assert_false (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_EMPTY_IN_SOME_READINGS));
  g_assert_false (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_EMPTY));

  /* A scenario without uncertain values shows neither new mark nor key. */
  {
    g_autoptr(ZopaScenario) plain = zopa_scenario_load_builtin ();
    g_autoptr(ZopaDiagram) venn = NULL;
    g_autoptr(GError) error = NULL;
    const char *certain[] = { "washington", "europe", NULL };
    g_autoptr(ZopaAnalysis) analysis_certain = zopa_analysis_new (plain, NULL, certain, &error);
    ZopaDiagramOptions options;

    g_assert_no_error (error);
    zopa_diagram_options_init (&options);
    venn = zopa_diagram_new (plain, analysis_certain, &options, &error);
    g_assert_no_error (error);
    g_assert_false (zopa_analysis_is_uncertain (analysis_certain));
    g_assert_false (zopa_diagram_legend_explains (venn, ZOPA_DIAGRAM_MARK_EMPTY_IN_SOME_READINGS));
    g_assert_false (zopa_diagram_legend_explains (venn, ZOPA_DIAGRAM_MARK_ASSUMPTIONS));
  }
}

/* What hover, keyboard focus and screen readers are told. */
static void
test_descriptions (void)
{
  g_autoptr(ZopaScenario) scenario = load_readings_scenario ();
  g_autoptr(ZopaDiagram) diagram = make_diagram_full (scenario, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                                                      ZOPA_DIAGRAM_THEME_LIGHT, 1920, 1080);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint x = actor_mask (analysis, "xanten"), y = actor_mask (analysis, "yerevan");
  guint z = actor_mask (analysis, "zurich");
  g_autofree char *maybe_empty = describe_region (diagram, x | z);
  g_autofree char *range = describe_region (diagram, x | y);
  g_autofree char *empty = describe_region (diagram, y);
  g_autofree char *summary = zopa_diagram_describe_summary (diagram);
  g_autofree char *abroad = NULL;
  g_autofree char *open = NULL;
  ZopaDiagramItem item;

  g_assert_nonnull (strstr (maybe_empty, "Empty in some readings of the assumptions only: 0–2 deals (0 % to 25 % of all deals)"));
  g_assert_nonnull (strstr (maybe_empty, "What empties it: in some readings every deal Xanten and Zurich all accept "
                                         "is also accepted by Yerevan"));
  g_assert_nonnull (strstr (range, "2–4 deals (25 % to 50 % of all deals), depending on the assumptions"));
  g_assert_null (strstr (range, "What empties it"));
  g_assert_nonnull (strstr (empty, "No deal: empty region"));
  g_assert_nonnull (strstr (empty, "What empties it: every deal Yerevan all accept is also accepted by Xanten"));
  g_assert_nonnull (strstr (summary, "2 regions are empty in some readings of the assumptions only (dotted)."));

  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_DRAFT;
  item.draft = draft_index (analysis, "abroad");
  abroad = zopa_diagram_describe (diagram, &item);
  g_assert_nonnull (strstr (abroad, "Yerevan’s verdict hinges on assumptions: whether “Abroad” on Venue is acceptable"));
  g_assert_nonnull (strstr (abroad, "May be accepted by Yerevan, depending on the assumptions"));
  item.draft = draft_index (analysis, "open-timetable");
  open = zopa_diagram_describe (diagram, &item);
  g_assert_nonnull (strstr (open, "Hinges on the open issues for Zurich"));
  g_assert_null (strstr (open, "hinges on assumptions"));
}

/* In the built-in scenario the Kyiv–Moscow regions are empty in every reading, and the
 * description says what empties them and what would open them. */
static void
test_empty_region_explained (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_VENN, 1920, 1080);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint kyiv_moscow = actor_mask (analysis, "kyiv") | actor_mask (analysis, "moscow");
  const ZopaEmptyRegion *e = zopa_analysis_get_empty_region (analysis, kyiv_moscow);
  g_autofree char *text = describe_region (diagram, kyiv_moscow);

  g_assert_nonnull (e);
  g_assert_cmpint (e->empty, ==, ZOPA_HOLDS_IN_EVERY_READING);
  g_assert_nonnull (strstr (text, "No deal: empty region"));
  g_assert_nonnull (strstr (text, "What empties it: "));
  if (e->computed && e->n_sets > 0)
    g_assert_nonnull (strstr (text, "It would hold a deal in some reading if "));
  else
    g_assert_true (strstr (text, "not computed") != NULL || strstr (text, "opens it") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/readings/region-marks", test_region_marks);
  g_test_add_func ("/render/readings/marker-marks", test_marker_marks);
  g_test_add_func ("/render/readings/descriptions", test_descriptions);
  g_test_add_func ("/render/readings/empty-region-explained", test_empty_region_explained);
  g_test_add_func ("/render/emphasis/venn", test_emphasis);
  g_test_add_func ("/render/emphasis/issue-map", test_emphasis_issue_map);
  return g_test_run ();
}
