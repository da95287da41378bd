/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bargaining.c: the bargaining view of the renderer (zopa-diagram-bargaining.c) on the
 * built-in scenario: Kyiv × Moscow shows the frontier, both reservation lines, the five
 * drafts and an empty ZOPA corner with its gap; Washington × Kyiv a corner that holds
 * deals. What is checked is what is painted: pixels at the frontier, the lines, the
 * markers and the corner, and the hit-test, focus order and descriptions. */

#include <math.h>
#include <string.h>

#include "analysis/zopa-format.h"
#include "diagram/zopa-diagram.h"
#include "model/zopa-scenario-file.h"

typedef struct {
  guint8 r, g, b, a;
} Pixel;

static ZopaDiagram *
bargaining (ZopaScenario     *scenario,
            const char       *a,
            const char       *b,
            ZopaDiagramTheme  theme)
{
  const char *ids[] = { a, b, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, ids, &error);
  ZopaDiagramOptions options;
  ZopaDiagram *diagram;

  g_assert_no_error (error);
  zopa_diagram_options_init (&options);
  options.view = ZOPA_DIAGRAM_VIEW_BARGAINING;
  options.theme = theme;
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (diagram);
  return diagram;
}

static cairo_surface_t *
render (ZopaDiagram *diagram)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (zopa_diagram_get_width (diagram)),
                                                         (int) ceil (zopa_diagram_get_height (diagram)));
  cairo_t *cr = cairo_create (surface);

  zopa_diagram_draw (diagram, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          double           fx,
          double           fy)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int x = (int) floor (fx), y = (int) floor (fy);
  guint32 v;
  Pixel p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  v = *(const guint32 *) (data + y * stride + x * 4);
  p.a = v >> 24;
  p.r = p.a ? (guint8) MIN (255, ((v >> 16) & 0xff) * 255 / p.a) : 0;
  p.g = p.a ? (guint8) MIN (255, ((v >> 8) & 0xff) * 255 / p.a) : 0;
  p.b = p.a ? (guint8) MIN (255, (v & 0xff) * 255 / p.a) : 0;
  return p;
}

static int
distance (Pixel p,
          Pixel q)
{
  return MAX (ABS (p.r - q.r), MAX (ABS (p.g - q.g), ABS (p.b - q.b)));
}

static Pixel
actor_colour (ZopaScenario *scenario,
              const char   *id)
{
  const char *hex = zopa_actor_get_color (zopa_scenario_find_actor (scenario, id));
  guint32 rgb = (guint32) g_ascii_strtoull (hex + 1, NULL, 16);
  Pixel p = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 0xff };

  return p;
}

/* How many pixels along a reservation line (a vertical one for side 0, horizontal for 1)
 * are nearer the actor's colour than the background is; the line is drawn in the actor's
 * colour, made readable on the background. */
static double
share_on_line (ZopaDiagram     *diagram,
               cairo_surface_t *surface,
               guint            side,
               double           score,
               Pixel            colour)
{
  Pixel background = pixel_at (surface, 2, 2);
  guint near = 0, total = 0;

  for (double t = 3; t <= 97; t += 0.5)
    {
      double x, y;

      g_assert_true (zopa_diagram_score_to_page (diagram, side == 0 ? score : t, side == 0 ? t : score, &x, &y));
      total++;
      near += distance (pixel_at (surface, x, y), colour) < distance (background, colour) - 40;
    }
  return (double) near / total;
}

static void
test_kyiv_moscow (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaDiagram) diagram = bargaining (scenario, "kyiv", "moscow", ZOPA_DIAGRAM_THEME_LIGHT);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  const ZopaPareto *pareto = zopa_diagram_get_pareto (diagram);
  cairo_surface_t *surface = render (diagram);
  Pixel background = pixel_at (surface, 2, 2);
  guint n_drafts = 0, a = 9, b = 9, n_on_frontier = 0;
  const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);
  g_autofree char *summary = zopa_diagram_describe_summary (diagram);
  ZopaDiagramItem item;
  double x, y;

  g_assert_nonnull (pareto);
  g_assert_true (zopa_diagram_get_actor_pair (diagram, &a, &b));
  g_assert_cmpuint (a, ==, 0);
  g_assert_cmpuint (b, ==, 1);

  /* The frontier: every point of it painted, in a colour far from the background. Their
   * red lines never meet, so it runs through deals one of them rules out only. */
  g_assert_cmpuint (pareto->n_frontier, >, 1);
  g_assert_cmpuint (pareto->n_agreeable, ==, 0);
  for (guint j = 0; j < pareto->n_frontier; j++)
    {
      g_assert_true (zopa_diagram_score_to_page (diagram, zopa_pareto_score (pareto, 0, &pareto->frontier[j]),
                                                 zopa_pareto_score (pareto, 1, &pareto->frontier[j]), &x, &y));
      n_on_frontier += distance (pixel_at (surface, x, y), background) > 60;
    }
  /* Drafts' markers and labels may sit on a few of them. */
  g_assert_cmpuint (n_on_frontier, >=, pareto->n_frontier * 3 / 4);

  /* Both reservation lines, in the actors' colours, across the plot. */
  g_assert_cmpfloat (share_on_line (diagram, surface, 0, pareto->reservation[0], actor_colour (scenario, "kyiv")), >, 0.6);
  g_assert_cmpfloat (share_on_line (diagram, surface, 1, pareto->reservation[1], actor_colour (scenario, "moscow")), >, 0.6);

  /* No ZOPA corner, and the gap said in the summary and in the corner's description. */
  g_assert_true (pareto->corner_empty);
  g_assert_true (zopa_analysis_zopa_is_empty (analysis, 3));
  g_assert_nonnull (strstr (summary, "empty"));
  g_assert_true (zopa_diagram_score_to_page (diagram, 99, 99, &x, &y));
  g_assert_true (zopa_diagram_hit_test (diagram, x, y, &item));
  g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_REGION);
  {
    g_autofree char *text = zopa_diagram_describe (diagram, &item);

    g_autofree char *gap_text = zopa_format_score (ABS (pareto->gap));

    /* The corner is empty through their red lines: the issue that splits them, and by how
     * far the scores alone would clear or miss the corner. */
    g_assert_nonnull (strstr (text, "empty"));
    g_assert_cmpuint (pareto->n_split_issues, >, 0);
    g_assert_nonnull (strstr (text, zopa_analysis_get_issue_title (analysis, pareto->split_issues[0])));
    g_assert_nonnull (strstr (text, "share none"));
    g_assert_nonnull (strstr (text, gap_text));
  }

  /* The five drafts, each a marker hit where it is drawn, described with its scores. */
  g_assert_cmpuint (n_drafts, ==, 5);
  for (guint i = 0; i < n_drafts; i++)
    {
      double r;
      g_autofree char *text = NULL;

      g_assert_true (zopa_diagram_get_draft_marker (diagram, drafts[i], &x, &y, &r, NULL, NULL));
      g_assert_cmpfloat (r, >, 3);
      g_assert_true (zopa_diagram_hit_test (diagram, x, y, &item));
      g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_DRAFT);
      g_assert_cmpint (item.draft, ==, (int) drafts[i]);
      /* The ring of the marker is painted in the text colour, far from the background. */
      g_assert_cmpint (distance (pixel_at (surface, x, y + r * 0.88), background), >, 100);
      text = zopa_diagram_describe (diagram, &item);
      g_assert_true (strstr (text, "In the bargaining view at") != NULL || strstr (text, "Its completions score") != NULL);
    }

  /* Keyboard: the drafts, the corner, then every point of the frontier, each with bounds
   * that hit-test back to it. */
  g_assert_cmpuint (zopa_diagram_get_n_focus_items (diagram), ==, n_drafts + 1 + pareto->n_agreeable + pareto->n_frontier);
  for (guint f = n_drafts + 1; f < zopa_diagram_get_n_focus_items (diagram); f++)
    {
      cairo_rectangle_t bounds;
      ZopaDiagramItem hit;
      g_autofree char *text = NULL;

      g_assert_true (zopa_diagram_get_focus_item (diagram, f, &item, &bounds));
      g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_FRONTIER);
      text = zopa_diagram_describe (diagram, &item);
      g_assert_nonnull (strstr (text, "Pareto frontier"));
      g_assert_nonnull (strstr (text, zopa_analysis_get_issue_title (analysis, 0)));
      g_assert_nonnull (strstr (text, "crosses a red line of"));
      if (zopa_diagram_hit_test (diagram, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2, &hit) &&
          hit.kind == ZOPA_DIAGRAM_ITEM_FRONTIER)
        {
          g_assert_cmpint (hit.option, ==, item.option);
          g_assert_cmpuint (hit.mask, ==, item.mask);
        }
    }
  cairo_surface_destroy (surface);
}

static void
test_washington_kyiv (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaDiagram) diagram = bargaining (scenario, "washington", "kyiv", ZOPA_DIAGRAM_THEME_LIGHT);
  const ZopaPareto *pareto = zopa_diagram_get_pareto (diagram);
  cairo_surface_t *surface = render (diagram);
  g_autofree char *summary = zopa_diagram_describe_summary (diagram);
  Pixel background = pixel_at (surface, 2, 2);
  double x, y;

  g_assert_nonnull (pareto);
  g_assert_false (pareto->corner_empty);
  g_assert_true (pareto->any_agreeable);
  g_assert_cmpfloat (pareto->agreeable_gap, <=, 0);
  g_assert_null (strstr (summary, "empty"));
  g_assert_nonnull (strstr (summary, "deals both accept"));
  /* The corner is shaded: just inside its top right, not the page's background. */
  g_assert_true (zopa_diagram_score_to_page (diagram, 99.5, 99.5, &x, &y));
  g_assert_cmpint (distance (pixel_at (surface, x, y), background), >, 8);
  cairo_surface_destroy (surface);
}

/* Dark and transparent pages, every export format, a small window. */
static void
test_themes_and_exports (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaDiagram) diagram = bargaining (scenario, "kyiv", "moscow", ZOPA_DIAGRAM_THEME_DARK);
  cairo_surface_t *surface = render (diagram);
  Pixel dark = pixel_at (surface, 2, 2);

  g_assert_cmpint (dark.r + dark.g + dark.b, <, 3 * 80);
  cairo_surface_destroy (surface);
  for (ZopaDiagramFormat format = ZOPA_DIAGRAM_FORMAT_PNG; format <= ZOPA_DIAGRAM_FORMAT_PDF; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = zopa_diagram_export_bytes (diagram, format, 1, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    }
  zopa_diagram_set_background (diagram, ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT);
  surface = render (diagram);
  g_assert_cmpint (pixel_at (surface, 2, 2).a, ==, 0);
  cairo_surface_destroy (surface);

  zopa_diagram_set_size (diagram, 360, 480);
  surface = render (diagram);
  g_assert_nonnull (zopa_diagram_get_pareto (diagram));
  cairo_surface_destroy (surface);
}

static void
test_pair_choice (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_autoptr(ZopaDiagram) diagram = NULL;
  ZopaDiagramOptions options;
  guint a, b;

  zopa_diagram_options_init (&options);
  options.view = ZOPA_DIAGRAM_VIEW_BARGAINING;
  options.actor_pair[0] = "moscow";
  options.actor_pair[1] = "kyiv";
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  g_assert_no_error (error);
  g_assert_true (zopa_diagram_get_actor_pair (diagram, &a, &b));
  g_assert_cmpstr (zopa_analysis_get_actor_id (analysis, a), ==, "moscow");
  g_assert_cmpstr (zopa_analysis_get_actor_id (analysis, b), ==, "kyiv");
  g_clear_object (&diagram);

  options.actor_pair[0] = "nobody";
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  g_assert_null (diagram);
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);

  options.actor_pair[0] = "kyiv";
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  g_assert_null (diagram);
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
}

/* One shown actor: no picture, a message instead. */
static void
test_one_actor (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  const char *ids[] = { "kyiv", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, ids, &error);
  g_autoptr(ZopaDiagram) diagram = NULL;
  g_autofree char *summary = NULL;
  ZopaDiagramOptions options;
  cairo_surface_t *surface;

  zopa_diagram_options_init (&options);
  options.view = ZOPA_DIAGRAM_VIEW_BARGAINING;
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  g_assert_no_error (error);
  g_assert_null (zopa_diagram_get_pareto (diagram));
  summary = zopa_diagram_describe_summary (diagram);
  g_assert_nonnull (strstr (summary, "two shown actors"));
  surface = render (diagram);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bargaining/kyiv-moscow", test_kyiv_moscow);
  g_test_add_func ("/bargaining/washington-kyiv", test_washington_kyiv);
  g_test_add_func ("/bargaining/themes-and-exports", test_themes_and_exports);
  g_test_add_func ("/bargaining/pair-choice", test_pair_choice);
  g_test_add_func ("/bargaining/one-actor", test_one_actor);
  return g_test_run ();
}
