/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-storyboard.c: the storyboard renderer (src/diagram/zopa-storyboard.c) on a talk about
 * the built-in scenario built in code: pages that show the same actors keep their shapes,
 * frame of all deals and plot area in the same places whatever their captions, variants and
 * drafts; a page with other actors between them changes nothing; the PDF has a page per
 * frame and the series a file per frame; a bad reference is named with its frame. */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-storyboard.h"
#include "model/zopa-scenario-file.h"

#define N_TALK_FRAMES 8

static char *tmp_dir;

static ZopaFrame *
frame_new (const char         *caption,
           const char         *view,
           const char         *variant,
           const char * const *actors,
           const char * const *drafts,
           const char         *selected)
{
  ZopaFrame *frame = zopa_frame_new ();

  zopa_frame_set_caption (frame, caption);
  zopa_frame_set_view (frame, view);
  zopa_frame_set_variant (frame, variant);
  zopa_frame_set_actors (frame, actors);
  zopa_frame_set_drafts (frame, drafts);
  zopa_frame_set_selected (frame, selected);
  return frame;
}

static void
append_frame (ZopaScenario *scenario,
              ZopaFrame    *frame)
{
  GListModel *frames = zopa_scenario_get_frames (scenario);

  zopa_scenario_insert_frame (scenario, g_list_model_get_n_items (frames), frame);
  g_object_unref (frame);
}

/* Frames 1, 2 and 6 show all four actors (different captions, variants and drafts), 3 three
 * of them, 4 and 7 the bargaining view of Kyiv × Moscow, 5 and 8 the issue map (with the
 * drafts, whose open issues need a column, and without). */
static ZopaScenario *
talk_new (void)
{
  static const char * const three[] = { "washington", "kyiv", "moscow", NULL };
  static const char * const pair[] = { "kyiv", "moscow", NULL };
  static const char * const two_drafts[] = { "eu", "geneva-19", NULL };
  static const char * const no_draft[] = { NULL };
  static const char * const one_draft[] = { "geneva-19", NULL };
  ZopaScenario *scenario = zopa_scenario_load_builtin ();

  /* The built-in scenario may come with a storyboard of its own: this test tells its own. */
  while (g_list_model_get_n_items (zopa_scenario_get_frames (scenario)) > 0)
    zopa_scenario_remove_frame (scenario, 0);
  append_frame (scenario, frame_new ("Where the five drafts stand", "venn", NULL, NULL, NULL, "us-28"));
  append_frame (scenario, frame_new (NULL, "venn", "post-putin", NULL, two_drafts, "geneva-19"));
  append_frame (scenario, frame_new ("Three of the four", "venn", NULL, three, NULL, NULL));
  append_frame (scenario, frame_new ("Kyiv × Moscow", "bargaining", NULL, pair, NULL, "eu"));
  append_frame (scenario, frame_new ("Issue by issue", "issue-map", NULL, NULL, NULL, NULL));
  append_frame (scenario, frame_new ("After a battlefield collapse the picture changes, and a caption this long "
                                     "takes a second line on every slide size a talk uses",
                                     "venn", "battlefield-collapse", NULL, no_draft, NULL));
  append_frame (scenario, frame_new ("Kyiv × Moscow after Putin: where the frontier goes once the Kremlin's "
                                     "terms change, which again takes a second line",
                                     "bargaining", "post-putin", pair, one_draft, "geneva-19"));
  append_frame (scenario, frame_new ("The same issues once more, without drafts, and with a caption that takes "
                                     "two lines on the slide as well",
                                     "issue-map", NULL, NULL, no_draft, NULL));
  return scenario;
}

static GPtrArray *
talk_layout (ZopaScenario *scenario,
             double        width,
             double        height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaStoryboard) storyboard = zopa_storyboard_new_unsolved (scenario, &error);
  ZopaDiagramOptions options;
  GPtrArray *diagrams;

  g_assert_no_error (error);
  g_assert_cmpuint (zopa_storyboard_get_n_frames (storyboard), ==, N_TALK_FRAMES);
  g_assert_true (zopa_storyboard_solve (storyboard, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, NULL));
  zopa_diagram_options_init (&options);
  options.width = width;
  options.height = height;
  diagrams = zopa_storyboard_layout (storyboard, scenario, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (diagrams);
  g_assert_cmpuint (diagrams->len, ==, N_TALK_FRAMES);
  return diagrams;
}

static ZopaDiagram *
page (GPtrArray *diagrams,
      guint      number)
{
  return g_ptr_array_index (diagrams, number - 1);
}

/* The largest difference between the shapes of two pages, G_MAXDOUBLE when their numbers
 * differ. */
static double
shapes_distance (ZopaDiagram *a,
                 ZopaDiagram *b)
{
  guint na = 0, nb = 0;
  const ZopaEllipse *ea = zopa_diagram_get_shapes (a, &na);
  const ZopaEllipse *eb = zopa_diagram_get_shapes (b, &nb);
  double worst = 0;

  g_assert_nonnull (ea);
  g_assert_nonnull (eb);
  if (na != nb)
    return G_MAXDOUBLE;
  for (guint k = 0; k < na; k++)
    {
      worst = MAX (worst, fabs (ea[k].x - eb[k].x));
      worst = MAX (worst, fabs (ea[k].y - eb[k].y));
      worst = MAX (worst, fabs (ea[k].a - eb[k].a));
      worst = MAX (worst, fabs (ea[k].b - eb[k].b));
      worst = MAX (worst, fabs (ea[k].phi - eb[k].phi));
    }
  return worst;
}

static cairo_rectangle_t
all_deals_frame (ZopaDiagram *diagram)
{
  ZopaDiagramItem item;
  cairo_rectangle_t bounds;

  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_REGION;
  item.mask = 0;
  g_assert_true (zopa_diagram_get_item_bounds (diagram, &item, &bounds));
  return bounds;
}

static void
assert_rect_equal (cairo_rectangle_t a,
                   cairo_rectangle_t b)
{
  g_assert_cmpfloat_with_epsilon (a.x, b.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.y, b.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.width, b.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.height, b.height, 1e-9);
}

static void
assert_same_plot (ZopaDiagram *a,
                  ZopaDiagram *b)
{
  static const double corners[][2] = { { 0, 0 }, { 100, 100 }, { 0, 100 } };

  for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
    {
      double ax, ay, bx, by;

      g_assert_true (zopa_diagram_score_to_page (a, corners[c][0], corners[c][1], &ax, &ay));
      g_assert_true (zopa_diagram_score_to_page (b, corners[c][0], corners[c][1], &bx, &by));
      g_assert_cmpfloat_with_epsilon (ax, bx, 1e-9);
      g_assert_cmpfloat_with_epsilon (ay, by, 1e-9);
    }
}

/* The actors' names, found by hit-testing the frame of all deals (where the names go; the
 * legend, which names them too, is outside it) every 4 units: wherever bare (a page without
 * drafts) has actor k's name, other has it too or a draft over it, and wherever other has
 * it, bare does too. */
static void
assert_same_actor_names (ZopaDiagram *bare,
                         ZopaDiagram *other)
{
  guint n_actors = zopa_analysis_get_n_actors (zopa_diagram_get_analysis (bare));
  guint found[ZOPA_EULER_MAX_SETS] = { 0 };
  cairo_rectangle_t frame = all_deals_frame (bare);

  for (double y = frame.y; y < frame.y + frame.height; y += 4)
    for (double x = frame.x; x < frame.x + frame.width; x += 4)
      {
        ZopaDiagramItem a, b;

        zopa_diagram_hit_test (bare, x, y, &a);
        zopa_diagram_hit_test (other, x, y, &b);
        if (a.kind == ZOPA_DIAGRAM_ITEM_ACTOR)
          {
            found[a.actor]++;
            g_assert_true (b.kind == ZOPA_DIAGRAM_ITEM_DRAFT || (b.kind == ZOPA_DIAGRAM_ITEM_ACTOR && b.actor == a.actor));
          }
        if (b.kind == ZOPA_DIAGRAM_ITEM_ACTOR)
          g_assert_true (a.kind == ZOPA_DIAGRAM_ITEM_ACTOR && a.actor == b.actor);
      }
  for (guint k = 0; k < n_actors; k++)
    g_assert_cmpuint (found[k], >, 0);
}

/* An issue map's cell of issue i, option o. */
static cairo_rectangle_t
option_cell (ZopaDiagram *diagram,
             int          issue,
             int          option)
{
  ZopaDiagramItem item;
  cairo_rectangle_t bounds;

  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_OPTION;
  item.issue = issue;
  item.option = option;
  g_assert_true (zopa_diagram_get_item_bounds (diagram, &item, &bounds));
  return bounds;
}

static void
assert_same_grid (ZopaDiagram *a,
                  ZopaDiagram *b)
{
  guint n_issues = zopa_analysis_get_n_issues (zopa_diagram_get_analysis (a));

  g_assert_cmpuint (n_issues, >, 2);
  for (guint i = 0; i < n_issues; i += n_issues - 1)
    for (int o = 0; o < 2; o++)
      assert_rect_equal (option_cell (a, (int) i, o), option_cell (b, (int) i, o));
}

/* The page of a frame drawn on its own, as a single export draws it. */
static ZopaDiagram *
single_page (ZopaScenario *scenario,
             ZopaDiagram  *storyboard_page,
             const char   *title,
             double        width,
             double        height)
{
  g_autoptr(GError) error = NULL;
  ZopaDiagramOptions options;
  ZopaDiagram *diagram;

  zopa_diagram_options_init (&options);
  options.view = zopa_diagram_get_view (storyboard_page);
  options.title = title;
  options.width = width;
  options.height = height;
  diagram = zopa_diagram_new (scenario, zopa_diagram_get_analysis (storyboard_page), &options, &error);
  g_assert_no_error (error);
  return diagram;
}

static void
test_same_geometry (void)
{
  static const double sizes[][2] = { { 1920, 1080 }, { 1440, 1080 } };
  g_autoptr(ZopaScenario) scenario = talk_new ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) diagrams = talk_layout (scenario, sizes[s][0], sizes[s][1]);
      ZopaFrame *long_caption = g_list_model_get_item (zopa_scenario_get_frames (scenario), 5);
      g_autoptr(ZopaDiagram) alone_1 = single_page (scenario, page (diagrams, 1), "Where the five drafts stand",
                                                    sizes[s][0], sizes[s][1]);
      g_autoptr(ZopaDiagram) alone_6 = single_page (scenario, page (diagrams, 6), zopa_frame_get_caption (long_caption),
                                                    sizes[s][0], sizes[s][1]);
      g_autoptr(ZopaDiagram) alone_4 = single_page (scenario, page (diagrams, 4), "Kyiv × Moscow",
                                                    sizes[s][0], sizes[s][1]);
      g_autoptr(ZopaDiagram) alone_7 = single_page (scenario, page (diagrams, 7), "Kyiv × Moscow after Putin: where the frontier "
                                                    "goes once the Kremlin's terms change, which again takes a second line",
                                                    sizes[s][0], sizes[s][1]);
      g_autoptr(ZopaDiagram) alone_5 = single_page (scenario, page (diagrams, 5), "Issue by issue", sizes[s][0], sizes[s][1]);
      g_autoptr(ZopaDiagram) alone_8 = single_page (scenario, page (diagrams, 8), "The same issues once more, without drafts, "
                                                    "and with a caption that takes two lines on the slide as well",
                                                    sizes[s][0], sizes[s][1]);
      cairo_rectangle_t cell_5, cell_8;
      double a1x, a1y, a7x, a7y;

      g_object_unref (long_caption);

      /* Drawn alone, the longer caption moves the shapes and the plot: what the storyboard
       * has to undo. */
      g_assert_cmpfloat (shapes_distance (alone_1, alone_6), >, 1.0);
      g_assert_true (zopa_diagram_score_to_page (alone_4, 0, 0, &a1x, &a1y));
      g_assert_true (zopa_diagram_score_to_page (alone_7, 0, 0, &a7x, &a7y));
      g_assert_cmpfloat (fabs (a1x - a7x) + fabs (a1y - a7y), >, 1.0);
      cell_5 = option_cell (alone_5, 0, 0);
      cell_8 = option_cell (alone_8, 0, 0);
      g_assert_cmpfloat (fabs (cell_5.y - cell_8.y) + fabs (cell_5.height - cell_8.height), >, 1.0);

      /* In the storyboard the four-actor Venn pages match, whatever caption, variant,
       * drafts, with the three-actor page between them. */
      g_assert_cmpuint (zopa_diagram_get_view (page (diagrams, 1)), ==, ZOPA_DIAGRAM_VIEW_VENN);
      g_assert_cmpfloat (shapes_distance (page (diagrams, 1), page (diagrams, 2)), <=, 1e-9);
      g_assert_cmpfloat (shapes_distance (page (diagrams, 1), page (diagrams, 6)), <=, 1e-9);
      assert_rect_equal (all_deals_frame (page (diagrams, 1)), all_deals_frame (page (diagrams, 2)));
      assert_rect_equal (all_deals_frame (page (diagrams, 1)), all_deals_frame (page (diagrams, 6)));
      assert_same_actor_names (page (diagrams, 6), page (diagrams, 1));
      assert_same_actor_names (page (diagrams, 6), page (diagrams, 2));

      /* Other actors, other shapes. */
      g_assert_cmpfloat (shapes_distance (page (diagrams, 1), page (diagrams, 3)), >, 1.0);

      /* The same pair in the bargaining view: the same plot area. */
      assert_same_plot (page (diagrams, 4), page (diagrams, 7));

      /* The same actors in the issue map: the same grid, with or without drafts. */
      assert_same_grid (page (diagrams, 5), page (diagrams, 8));
    }
}

/* Proportional pages share their shapes only when fitted to the same counts: the same
 * variant. */
static void
test_proportional (void)
{
  static const char * const no_draft[] = { NULL };
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaStoryboard) storyboard = NULL;
  g_autoptr(GPtrArray) diagrams = NULL;
  g_autoptr(GError) error = NULL;
  ZopaDiagramOptions options;

  while (g_list_model_get_n_items (zopa_scenario_get_frames (scenario)) > 0)
    zopa_scenario_remove_frame (scenario, 0);
  append_frame (scenario, frame_new ("To scale", "venn", NULL, NULL, NULL, "eu"));
  append_frame (scenario, frame_new ("After Putin, to scale", "venn", "post-putin", NULL, NULL, NULL));
  append_frame (scenario, frame_new ("To scale once more, without the drafts and under a caption long enough "
                                     "to take a second line on the slide",
                                     "venn", NULL, NULL, no_draft, NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ZopaFrame) frame = g_list_model_get_item (zopa_scenario_get_frames (scenario), i);
      zopa_frame_set_mode (frame, "proportional");
    }
  storyboard = zopa_storyboard_new_unsolved (scenario, &error);
  g_assert_no_error (error);
  g_assert_true (zopa_storyboard_solve (storyboard, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, NULL));
  zopa_diagram_options_init (&options);
  diagrams = zopa_storyboard_layout (storyboard, scenario, &options, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (zopa_diagram_get_mode (page (diagrams, 1)), ==, ZOPA_DIAGRAM_MODE_PROPORTIONAL);
  g_assert_cmpfloat (shapes_distance (page (diagrams, 1), page (diagrams, 3)), <=, 1e-9);
  assert_rect_equal (all_deals_frame (page (diagrams, 1)), all_deals_frame (page (diagrams, 3)));
  g_assert_cmpfloat (shapes_distance (page (diagrams, 1), page (diagrams, 2)), >, 1.0);

  /* The magnified inset is part of the shared geometry: with drafts or without, the same
   * window, frame and factor. */
  {
    cairo_rectangle_t frame[2], source[2];
    double magnification[2];

    g_assert_true (zopa_diagram_get_inset (page (diagrams, 1), &frame[0], &source[0], &magnification[0], NULL));
    g_assert_true (zopa_diagram_get_inset (page (diagrams, 3), &frame[1], &source[1], &magnification[1], NULL));
    assert_rect_equal (frame[0], frame[1]);
    assert_rect_equal (source[0], source[1]);
    g_assert_cmpfloat (magnification[0], ==, magnification[1]);
  }
}

/* Each frame's own view, title, drafts and selection. */
static void
test_frames_as_pages (void)
{
  g_autoptr(ZopaScenario) scenario = talk_new ();
  g_autoptr(GPtrArray) diagrams = talk_layout (scenario, 1920, 1080);
  ZopaAnalysis *analysis;
  guint a = 0, b = 0, n = 0;
  int selected;

  g_assert_cmpuint (zopa_diagram_get_view (page (diagrams, 4)), ==, ZOPA_DIAGRAM_VIEW_BARGAINING);
  g_assert_cmpuint (zopa_diagram_get_view (page (diagrams, 5)), ==, ZOPA_DIAGRAM_VIEW_ISSUE_MAP);
  g_assert_true (zopa_diagram_get_actor_pair (page (diagrams, 4), &a, &b));
  analysis = zopa_diagram_get_analysis (page (diagrams, 4));
  g_assert_cmpstr (zopa_analysis_get_actor_id (analysis, a), ==, "kyiv");
  g_assert_cmpstr (zopa_analysis_get_actor_id (analysis, b), ==, "moscow");

  analysis = zopa_diagram_get_analysis (page (diagrams, 2));
  g_assert_cmpstr (zopa_analysis_get_variant_id (analysis), ==, "post-putin");
  zopa_diagram_get_shown_drafts (page (diagrams, 2), &n);
  g_assert_cmpuint (n, ==, 2);
  selected = zopa_diagram_get_selected_draft (page (diagrams, 2));
  g_assert_cmpint (selected, >=, 0);
  g_assert_cmpstr (zopa_analysis_get_draft_id (analysis, (guint) selected), ==, "geneva-19");
  zopa_diagram_get_shown_drafts (page (diagrams, 6), &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (zopa_diagram_get_selected_draft (page (diagrams, 3)), ==, -1);
  g_assert_cmpuint (zopa_analysis_get_n_actors (zopa_diagram_get_analysis (page (diagrams, 3))), ==, 3);
  /* Frames with the same variant and actors share one analysis, solved once. */
  g_assert_true (zopa_diagram_get_analysis (page (diagrams, 1)) == zopa_diagram_get_analysis (page (diagrams, 5)));
  g_assert_true (zopa_diagram_get_analysis (page (diagrams, 1)) == zopa_diagram_get_analysis (page (diagrams, 8)));
  g_assert_false (zopa_diagram_get_analysis (page (diagrams, 1)) == zopa_diagram_get_analysis (page (diagrams, 2)));
  g_assert_false (zopa_diagram_get_analysis (page (diagrams, 4)) == zopa_diagram_get_analysis (page (diagrams, 7)));

  /* The automatic finding stays the headline. */
  g_assert_nonnull (zopa_diagram_get_headline (page (diagrams, 1)));
}

/* How often needle occurs in data (a PDF holds binary streams: no string functions). */
static guint
count_occurrences (const char *data,
                   gsize       length,
                   const char *needle)
{
  gsize n_needle = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + n_needle <= length; i++)
    n += memcmp (data + i, needle, n_needle) == 0;
  return n;
}

static void
test_pdf_pages (void)
{
  g_autoptr(ZopaScenario) scenario = talk_new ();
  g_autoptr(GPtrArray) diagrams = talk_layout (scenario, 1440, 1080);
  g_autofree char *path = g_build_filename (tmp_dir, "talk.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (zopa_storyboard_export_pdf (diagrams, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* The page objects, and the page tree's "/Type /Pages". */
  g_assert_cmpuint (count_occurrences (data, length, "/Type /Page") - count_occurrences (data, length, "/Type /Pages"),
                    ==, N_TALK_FRAMES);
  g_assert_cmpuint (count_occurrences (data, length, "/MediaBox [ 0 0 1440 1080 ]"), ==, N_TALK_FRAMES);
  g_unlink (path);

  /* One PDF, one page size. */
  zopa_diagram_set_size (page (diagrams, 2), 1920, 1080);
  g_assert_false (zopa_storyboard_export_pdf (diagrams, file, NULL, &error));
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_series (void)
{
  g_autoptr(ZopaScenario) scenario = talk_new ();
  g_autoptr(GPtrArray) diagrams = talk_layout (scenario, 960, 540);
  g_autofree char *path = g_build_filename (tmp_dir, "talk.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = zopa_storyboard_export_series (diagrams, file, ZOPA_DIAGRAM_FORMAT_PNG, 2, NULL, &error);
  g_autofree char *beyond = g_build_filename (tmp_dir, "talk-09.png", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_assert_cmpuint (written->len, ==, N_TALK_FRAMES);
  for (guint i = 0; i < N_TALK_FRAMES; i++)
    {
      g_autofree char *name = g_strdup_printf ("talk-%02u.png", i + 1);
      g_autofree char *expected = g_build_filename (tmp_dir, name, NULL);
      g_autofree char *got = g_file_get_path (g_ptr_array_index (written, i));
      cairo_surface_t *png = cairo_image_surface_create_from_png (expected);

      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1080);
      cairo_surface_destroy (png);
      g_unlink (expected);
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (beyond, G_FILE_TEST_EXISTS));

  /* SVG, and a name without an extension. */
  g_ptr_array_set_size (diagrams, 2);
  {
    g_autofree char *svg_path = g_build_filename (tmp_dir, "slides", NULL);
    g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
    g_autoptr(GPtrArray) svgs = zopa_storyboard_export_series (diagrams, svg, ZOPA_DIAGRAM_FORMAT_SVG, 1, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (svgs->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *name = g_strdup_printf ("slides-%02u", i + 1);
        g_autofree char *expected = g_build_filename (tmp_dir, name, NULL);
        g_autofree char *data = NULL;

        g_assert_true (g_file_get_contents (expected, &data, NULL, NULL));
        g_assert_nonnull (strstr (data, "<svg"));
        g_unlink (expected);
      }
  }
}

/* Two good frames, then frame 3 as given: the error names frame 3. */
static void
assert_frame_3_error (ZopaFrame  *bad,
                      const char *message)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaStoryboard) storyboard = NULL;

  while (g_list_model_get_n_items (zopa_scenario_get_frames (scenario)) > 0)
    zopa_scenario_remove_frame (scenario, 0);
  append_frame (scenario, frame_new ("One", "venn", NULL, NULL, NULL, NULL));
  append_frame (scenario, frame_new ("Two", "issue-map", NULL, NULL, NULL, NULL));
  append_frame (scenario, bad);
  storyboard = zopa_storyboard_new_unsolved (scenario, &error);
  g_assert_null (storyboard);
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_bad_references (void)
{
  static const char * const unknown_actor[] = { "kyiv", "x", NULL };
  static const char * const twice[] = { "kyiv", "kyiv", NULL };
  static const char * const three[] = { "washington", "kyiv", "moscow", NULL };
  static const char * const unknown_draft[] = { "eu", "nope", NULL };
  g_autoptr(ZopaScenario) crowded = zopa_scenario_load_builtin ();
  g_autoptr(ZopaScenario) empty = zopa_scenario_load_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaStoryboard) none = NULL;
  g_autoptr(ZopaStoryboard) too_many = NULL;

  assert_frame_3_error (frame_new (NULL, "venn", NULL, unknown_actor, NULL, NULL), "Frame 3: no actor “x”");
  assert_frame_3_error (frame_new (NULL, "venn", NULL, twice, NULL, NULL), "Frame 3: the actor “kyiv” is shown twice");
  assert_frame_3_error (frame_new (NULL, "venn", "nope", NULL, NULL, NULL), "Frame 3: no variant “nope”");
  assert_frame_3_error (frame_new (NULL, "venn", NULL, NULL, unknown_draft, NULL), "Frame 3: no draft “nope”");
  assert_frame_3_error (frame_new (NULL, "venn", NULL, NULL, NULL, "nope"), "Frame 3: no draft “nope” to select");
  assert_frame_3_error (frame_new (NULL, "pie", NULL, NULL, NULL, NULL),
                        "Frame 3: unknown view “pie” (venn, issue-map or bargaining)");
  assert_frame_3_error (frame_new (NULL, "bargaining", NULL, three, NULL, NULL),
                        "Frame 3: the bargaining view shows two actors, not 3");
  assert_frame_3_error (frame_new (NULL, "bargaining", NULL, NULL, NULL, NULL),
                        "Frame 3: the bargaining view shows two actors, not 4");

  /* Seven actors are more than a picture shows. */
  while (g_list_model_get_n_items (zopa_scenario_get_frames (crowded)) > 0)
    zopa_scenario_remove_frame (crowded, 0);
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *id = g_strdup_printf ("observer-%u", k);
      g_autoptr(ZopaActor) actor = zopa_actor_new (id);

      zopa_scenario_insert_actor (crowded, 0, actor);
    }
  append_frame (crowded, frame_new (NULL, "venn", NULL, NULL, NULL, NULL));
  too_many = zopa_storyboard_new_unsolved (crowded, &error);
  g_assert_null (too_many);
  g_assert_cmpstr (error->message, ==, "Frame 1: shows 7 actors; a picture shows at most 6");
  g_clear_error (&error);

  while (g_list_model_get_n_items (zopa_scenario_get_frames (empty)) > 0)
    zopa_scenario_remove_frame (empty, 0);
  none = zopa_storyboard_new_unsolved (empty, &error);
  g_assert_null (none);
  g_assert_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("zopa-storyboard-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/storyboard/same-geometry", test_same_geometry);
  g_test_add_func ("/storyboard/proportional", test_proportional);
  g_test_add_func ("/storyboard/frames-as-pages", test_frames_as_pages);
  g_test_add_func ("/storyboard/pdf-pages", test_pdf_pages);
  g_test_add_func ("/storyboard/series", test_series);
  g_test_add_func ("/storyboard/bad-references", test_bad_references);
  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
