/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the magnified inset of the proportional Venn view (src/diagram/zopa-diagram-inset.c):
 * on the built-in scenario the small sets at Washington's edge get a detail in which their
 * drafts' markers stand in their regions, clear of each other's rings, and on a slide nothing
 * goes to the strip for markers without room (the detail grows where they need it); a
 * scenario whose sets are all large gets none. */

#include "config.h"

#include <math.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "diagram/zopa-euler.h"
#include "model/zopa-scenario-file.h"
#include "zopa-test-render.h"

#include <string.h>

static ZopaDiagram *
make_proportional (ZopaScenario *scenario,
                   double        width,
                   double        height)
{
  ZopaDiagramOptions options;

  zopa_diagram_options_init (&options);
  options.mode = ZOPA_DIAGRAM_MODE_PROPORTIONAL;
  options.width = width;
  options.height = height;
  return zopa_test_diagram_new (scenario, NULL, &options);
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const cairo_rectangle_t *r,
             const cairo_rectangle_t *box)
{
  return r->x >= box->x - 1e-6 && r->y >= box->y - 1e-6 &&
         r->x + r->width <= box->x + box->width + 1e-6 &&
         r->y + r->height <= box->y + box->height + 1e-6;
}

static gboolean
rect_meets_disc (const cairo_rectangle_t *r,
                 double                   x,
                 double                   y,
                 double                   radius)
{
  double nx = CLAMP (x, r->x, r->x + r->width), ny = CLAMP (y, r->y, r->y + r->height);

  return hypot (nx - x, ny - y) < radius;
}

/* The axis-aligned box of an ellipse. */
static cairo_rectangle_t
ellipse_box (const ZopaEllipse *e)
{
  double c = cos (e->phi), s = sin (e->phi);
  double hw = sqrt (e->a * e->a * c * c + e->b * e->b * s * s);
  double hh = sqrt (e->a * e->a * s * s + e->b * e->b * c * c);
  cairo_rectangle_t r = { e->x - hw, e->y - hh, 2 * hw, 2 * hh };

  return r;
}

static void
check_builtin_page (ZopaScenario *scenario,
                    double        width,
                    double        height,
                    gboolean      shelf_allowed)
{
  g_autoptr(ZopaDiagram) diagram = make_proportional (scenario, width, height);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint n_drafts = 0, n_shapes = 0, n_in_inset = 0, n_outside = 0;
  const guint *drafts = zopa_diagram_get_shown_drafts (diagram, &n_drafts);
  const ZopaEllipse *overview = zopa_diagram_get_shapes (diagram, &n_shapes);
  cairo_rectangle_t frame, source, caption, universe, labels[64];
  gboolean has_label[64] = { FALSE };
  double magnification = 0, mx[64], my[64], mr[64];
  ZopaDiagramItem all_deals;
  g_autofree char *summary = NULL;
  g_autofree char *stated = NULL;

  g_test_message ("built-in scenario, proportional, %.0f × %.0f", width, height);
  g_assert_cmpuint (n_drafts, <=, 64);
  g_assert_true (zopa_diagram_get_inset (diagram, &frame, &source, &magnification, &caption));
  g_assert_cmpfloat (magnification, >, 1);
  /* The inset is the magnified window, no larger and no smaller. */
  g_assert_cmpfloat_with_epsilon (frame.width, source.width * magnification, 1e-6 * frame.width);
  g_assert_cmpfloat_with_epsilon (frame.height, source.height * magnification, 1e-6 * frame.height);
  /* The factor is stated, on the page and in the description. */
  g_assert_cmpfloat (caption.width, >, 0);
  summary = zopa_diagram_describe_summary (diagram);
  stated = magnification == floor (magnification) ? g_strdup_printf ("×%.0f", magnification)
                                                  : g_strdup_printf ("×%.1f", magnification);
  g_assert_nonnull (strstr (summary, stated));

  /* Inside the frame of all deals, over none of the overview's shapes. */
  zopa_diagram_item_init (&all_deals);
  all_deals.kind = ZOPA_DIAGRAM_ITEM_REGION;
  all_deals.mask = 0;
  g_assert_true (zopa_diagram_get_item_bounds (diagram, &all_deals, &universe));
  g_assert_true (rect_inside (&frame, &universe));
  g_assert_true (rect_inside (&caption, &universe));
  for (guint k = 0; k < n_shapes; k++)
    if (overview[k].a > 0 && overview[k].b > 0)
      {
        cairo_rectangle_t box = ellipse_box (&overview[k]);

        g_assert_false (rects_overlap (&box, &frame));
        g_assert_false (rects_overlap (&box, &caption));
      }

  for (guint i = 0; i < n_drafts; i++)
    {
      guint mask;
      gboolean outside;
      const ZopaEllipse *home;
      ZopaDiagramItem item;

      g_assert_true (zopa_diagram_get_draft_marker (diagram, drafts[i], &mx[i], &my[i], &mr[i], &mask, &outside));
      /* No marker on the strip of regions too small for it, but on a small page. */
      g_assert_true (!outside || shelf_allowed);
      if (outside)
        {
          n_outside++;
          continue;
        }
      g_assert_cmpuint (mask, !=, 0);
      home = zopa_diagram_get_region_shapes (diagram, mask, NULL);
      g_assert_cmpuint (zopa_euler_point_mask (home, n_shapes, mx[i], my[i]), ==, mask);
      for (int k = 0; k < 12; k++)
        g_assert_cmpuint (zopa_euler_point_mask (home, n_shapes, mx[i] + mr[i] * cos (k * G_PI / 6),
                                                 my[i] + mr[i] * sin (k * G_PI / 6)), ==, mask);
      if (home != overview)
        {
          /* In the inset, wholly. */
          cairo_rectangle_t disc = { mx[i] - mr[i], my[i] - mr[i], 2 * mr[i], 2 * mr[i] };

          g_assert_true (rect_inside (&disc, &frame));
          n_in_inset++;
        }
      /* Pointing at it finds it, in the inset too. */
      g_assert_true (zopa_diagram_hit_test (diagram, mx[i], my[i], &item));
      g_assert_cmpint (item.kind, ==, ZOPA_DIAGRAM_ITEM_DRAFT);
      g_assert_cmpint (item.draft, ==, (int) drafts[i]);
      has_label[i] = zopa_diagram_get_draft_label (diagram, drafts[i], &labels[i], NULL);
      g_test_message ("draft %u: marker at %.0f, %.0f in region %u%s%s", drafts[i], mx[i], my[i], mask,
                      home != overview ? " (inset)" : "", has_label[i] ? ", labelled" : "");
    }
  /* The drafts of the small sets are the reason for the inset: they stand in it, or on a
   * small page on the strip below. */
  g_assert_cmpuint (n_in_inset + n_outside, >=, 1);

  /* Every draft of the built-in scenario has a ring round its marker (open issues, or a
   * verdict on assumptions), reaching at least 1.5 radii: no marker stands under another's
   * ring, so each number stays readable. */
  for (guint i = 0; i < n_drafts; i++)
    for (guint j = 0; j < n_drafts; j++)
      if (j != i)
        g_assert_cmpfloat (hypot (mx[i] - mx[j], my[i] - my[j]), >=, mr[i] + 1.5 * mr[j]);

  /* No label over another label, a marker or the caption. */
  for (guint i = 0; i < n_drafts; i++)
    {
      if (!has_label[i])
        continue;
      g_assert_false (rects_overlap (&labels[i], &caption));
      for (guint j = 0; j < n_drafts; j++)
        {
          g_assert_false (rect_meets_disc (&labels[i], mx[j], my[j], mr[j]));
          if (j != i && has_label[j])
            g_assert_false (rects_overlap (&labels[i], &labels[j]));
        }
    }

  /* A region counted in the inset is described as shown there, once. */
  for (guint m = 1; m <= zopa_analysis_get_all_mask (analysis); m++)
    if (zopa_diagram_get_region_shapes (diagram, m, NULL) != overview)
      {
        ZopaDiagramItem region;
        cairo_rectangle_t bounds;
        g_autofree char *text = NULL;
        const char *first;

        zopa_diagram_item_init (&region);
        region.kind = ZOPA_DIAGRAM_ITEM_REGION;
        region.mask = m;
        text = zopa_diagram_describe (diagram, &region);
        first = strstr (text, stated);
        g_assert_nonnull (first);
        g_assert_null (strstr (first + 1, stated));
        /* The keyboard's focus ring goes round it in the inset. */
        g_assert_true (zopa_diagram_get_item_bounds (diagram, &region, &bounds));
        g_assert_true (rect_inside (&bounds, &frame));
      }
}

static void
test_builtin (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  /* At 420 × 500 the detail has no room for three ringed markers side by side. */
  static const double sizes[][2] = { { 1920, 1080 }, { 1024, 768 }, { 1440, 1080 }, { 800, 600 }, { 420, 500 } };

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    check_builtin_page (scenario, sizes[z][0], sizes[z][1], sizes[z][0] < 800);
}

/* Xanten accepts every deal, Yerevan and Zurich half of them each: no region is small, so no
 * inset. */
static void
test_all_large (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "diagram", "data", "readings.zopa.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_file (file, NULL, &error);
  static const double sizes[][2] = { { 1920, 1080 }, { 1024, 768 }, { 800, 600 } };

  g_assert_no_error (error);
  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      g_autoptr(ZopaDiagram) diagram = make_proportional (scenario, sizes[z][0], sizes[z][1]);
      guint n_shapes = 0;
      const ZopaEllipse *shapes = zopa_diagram_get_shapes (diagram, &n_shapes);
      g_autofree char *summary = zopa_diagram_describe_summary (diagram);

      g_assert_false (zopa_diagram_get_inset (diagram, NULL, NULL, NULL, NULL));
      g_assert_null (strstr (summary, "×"));
      for (guint m = 1; m < (1u << n_shapes); m++)
        g_assert_true (zopa_diagram_get_region_shapes (diagram, m, NULL) == shapes);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/venn-inset/builtin", test_builtin);
  g_test_add_func ("/venn-inset/all-large", test_all_large);
  return g_test_run ();
}
