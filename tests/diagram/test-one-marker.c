/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One marker per draft in the Venn view: every draft of the built-in scenario, in schematic
 * and proportional mode at 16:9 and 4:3, is drawn exactly once (counted as the selection
 * rings the page gains when the draft is selected); a draft with open issues stands in a
 * region of actors that may accept it, never among the deals no one accepts while some actor
 * may accept it; its hover text and the view's summary give both verdicts; the hit test finds
 * it at its one marker; and the legend explains the open mark exactly when such a draft is
 * shown. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "diagram/zopa-euler.h"
#include "model/zopa-scenario-file.h"
#include "zopa-test-render.h"

typedef struct {
  ZopaDiagramMode mode;
  double          width;
  double          height;
} Page;

static const Page pages[] = {
  { ZOPA_DIAGRAM_MODE_SCHEMATIC, 1920, 1080 },
  { ZOPA_DIAGRAM_MODE_SCHEMATIC, 1440, 1080 },
  { ZOPA_DIAGRAM_MODE_PROPORTIONAL, 1920, 1080 },
  { ZOPA_DIAGRAM_MODE_PROPORTIONAL, 1440, 1080 },
};

static ZopaDiagram *
make_diagram (ZopaScenario       *scenario,
              const Page         *page,
              ZopaDiagramFrame    frame,
              const char * const *draft_ids)
{
  ZopaDiagramOptions options;

  zopa_diagram_options_init (&options);
  options.view = ZOPA_DIAGRAM_VIEW_VENN;
  options.mode = page->mode;
  options.frame = frame;
  options.width = page->width;
  options.height = page->height;
  options.draft_ids = draft_ids;
  return zopa_test_diagram_new (scenario, NULL, &options);
}

/* Open issues that decide some actor's verdict (where the assumptions alone decide, the
 * marker is filled and wears a ring of dots instead). */
static gboolean
draft_is_open (ZopaAnalysis *analysis,
               guint         draft)
{
  guint n_open = 0;
  gboolean on_open_issues = !zopa_analysis_is_uncertain (analysis);

  zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);
  for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
    {
      const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, draft, k);

      on_open_issues |= x != NULL && x->on_open_issues;
    }
  return n_open > 0 && on_open_issues &&
         zopa_analysis_get_draft_accepting (analysis, draft) != zopa_analysis_get_draft_possible (analysis, draft);
}

/* The patches of at least a few pixels where two renderings of the same page differ, pixels
 * reach apart or less counting as one patch (a selection ring drawn over an outline of the
 * accent's very colour shows gaps). */
static guint
count_changed_patches (cairo_surface_t *a,
                       cairo_surface_t *b,
                       int              reach)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  g_autofree guint8 *changed = g_new0 (guint8, (gsize) w * h);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  guint patches = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      changed[y * w + x] = memcmp (da + y * stride + 4 * x, db + y * stride + 4 * x, 4) != 0;
  for (int start = 0; start < w * h; start++)
    {
      guint size = 0;

      if (changed[start] != 1)
        continue;
      changed[start] = 2;
      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          int p = g_array_index (stack, int, stack->len - 1);
          int px = p % w, py = p / w;

          g_array_set_size (stack, stack->len - 1);
          size++;
          for (int dy = -reach; dy <= reach; dy++)
            for (int dx = -reach; dx <= reach; dx++)
              {
                int qx = px + dx, qy = py + dy, q = qy * w + qx;

                if (qx < 0 || qy < 0 || qx >= w || qy >= h || changed[q] != 1)
                  continue;
                changed[q] = 2;
                g_array_append_val (stack, q);
              }
        }
      patches += size >= 4;
    }
  return patches;
}

static char *
describe_draft (ZopaDiagram *diagram,
                guint        draft)
{
  ZopaDiagramItem item;

  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_DRAFT;
  item.draft = (int) draft;
  return zopa_diagram_describe (diagram, &item);
}

/* Every draft is drawn once: selecting it rings one marker on the page (the legend, which
 * rings its swatch too, is left off). */
static void
test_one_marker_drawn (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, &pages[p], ZOPA_DIAGRAM_FRAME_TITLE, NULL);
      guint n_drafts = 0;
      const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);
      cairo_surface_t *plain;

      g_assert_cmpuint (n_drafts, ==, zopa_analysis_get_n_drafts (zopa_diagram_get_analysis (diagram)));
      plain = zopa_test_render (diagram);
      for (guint i = 0; i < n_drafts; i++)
        {
          cairo_surface_t *selected;
          double x, y, r;
          guint n_patches;

          g_assert_true (zopa_diagram_get_draft_marker (diagram, drafts[i], &x, &y, &r, NULL, NULL));
          zopa_diagram_set_selected_draft (diagram, (int) drafts[i]);
          selected = zopa_test_render (diagram);
          /* Gaps up to half a marker close; a second marker stands at least a marker away. */
          n_patches = count_changed_patches (plain, selected, MAX (2, (int) (r * 0.5)));
          if (n_patches != 1)
            g_error ("page %u (%s, %.0f×%.0f): draft %u is drawn %u times", p,
                     pages[p].mode == ZOPA_DIAGRAM_MODE_SCHEMATIC ? "schematic" : "proportional",
                     pages[p].width, pages[p].height, drafts[i], n_patches);
          cairo_surface_destroy (selected);
        }
      cairo_surface_destroy (plain);
    }
}

/* A draft with open issues stands with actors that may accept it, in a region holding all
 * that accept it whatever the settlement; the hit test finds it there and nowhere else in
 * its region's place; its description gives both verdicts. */
static void
test_open_marker_place (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  guint n_open_seen = 0;

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, &pages[p], ZOPA_DIAGRAM_FRAME_ALL, NULL);
      ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
      guint n_shapes = 0, n_drafts = 0;
      const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);
      g_autofree char *summary = zopa_diagram_describe_summary (diagram);

      for (guint i = 0; i < n_drafts; i++)
        {
          guint accepting = zopa_analysis_get_draft_accepting (analysis, drafts[i]);
          guint possible = zopa_analysis_get_draft_possible (analysis, drafts[i]);
          double x, y, r;
          guint mask;
          gboolean outside;
          ZopaDiagramItem item;
          g_autofree char *text = describe_draft (diagram, drafts[i]);

          g_assert_true (zopa_diagram_get_draft_marker (diagram, drafts[i], &x, &y, &r, &mask, &outside));
          g_assert_true (zopa_diagram_hit_test (diagram, x, y, &item));
          g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_DRAFT);
          g_assert_cmpint (item.draft, ==, (int) drafts[i]);
          if (!outside)
            {
              /* Among the shapes of the magnified inset where the region is shown there. */
              const ZopaEllipse *shapes = zopa_diagram_get_region_shapes (diagram, mask, &n_shapes);

              g_assert_cmpuint (zopa_euler_point_mask (shapes, n_shapes, x, y), ==, mask);
            }
          if (!draft_is_open (analysis, drafts[i]))
            {
              g_assert_cmpuint (mask, ==, accepting);
              continue;
            }
          n_open_seen++;
          /* Between those who accept it for certain and those who may. */
          g_assert_cmphex (mask & accepting, ==, accepting);
          g_assert_cmphex (mask & ~possible, ==, 0);
          g_assert_cmpuint (mask, !=, 0);
          g_assert_true (zopa_diagram_region_is_drawn (diagram, mask));
          /* Both verdicts, in the hover text and in the summary of the view. */
          g_assert_nonnull (strstr (text, "whatever the open issues settle to"));
          g_assert_nonnull (strstr (text, "depending on how the open issues are settled"));
          g_assert_nonnull (strstr (text, accepting == 0 ? "Accepted by no one" : "Accepted by"));
          g_assert_nonnull (strstr (summary, zopa_analysis_get_draft_title (analysis, drafts[i])));
          g_assert_nonnull (strstr (summary, "depending on its open issues"));
        }
    }
  /* The built-in scenario has drafts with open issues (else this test checks nothing). */
  g_assert_cmpuint (n_open_seen, >, 0);
}

/* The legend explains the open mark when, and only when, a draft with open issues is shown. */
static void
test_legend_explains_open_mark (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  gboolean seen[2] = { FALSE, FALSE };

  g_assert_no_error (error);
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      {
        const char *ids[] = { zopa_analysis_get_draft_id (analysis, d), NULL };
        g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, &pages[p], ZOPA_DIAGRAM_FRAME_ALL, ids);
        gboolean open = draft_is_open (analysis, d);

        g_assert_cmpint (zopa_diagram_legend_explains (diagram, ZOPA_DIAGRAM_MARK_OPEN_ISSUES), ==, open);
        seen[open] = TRUE;
      }
  /* Both kinds of draft were tried. */
  g_assert_true (seen[FALSE] && seen[TRUE]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/one-marker/drawn-once", test_one_marker_drawn);
  g_test_add_func ("/one-marker/open-place", test_open_marker_place);
  g_test_add_func ("/one-marker/legend", test_legend_explains_open_mark);
  return g_test_run ();
}
