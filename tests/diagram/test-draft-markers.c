/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draft markers show the drafts' stored numbers: forking the second of the built-in
 * scenario's five drafts leaves the markers 1–5 as they were and draws the fork as 6, in
 * every view, in the descriptions and in the painted markers; hiding drafts renumbers
 * nothing. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram.h"
#include "model/zopa-edit.h"
#include "model/zopa-history.h"
#include "model/zopa-scenario-file.h"
#include "zopa-test-render.h"

static ZopaDiagram *
make_diagram (ZopaScenario       *scenario,
              ZopaDiagramView     view,
              const char * const *draft_ids)
{
  ZopaDiagramOptions options;

  zopa_diagram_options_init (&options);
  options.view = view;
  options.draft_ids = draft_ids;
  if (view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    {
      options.actor_pair[0] = "kyiv";
      options.actor_pair[1] = "moscow";
    }
  return zopa_test_diagram_new (scenario, NULL, &options);
}

static int
draft_index (ZopaDiagram *diagram,
             const char  *id)
{
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);

  for (guint i = 0; i < zopa_analysis_get_n_drafts (analysis); i++)
    if (g_str_equal (zopa_analysis_get_draft_id (analysis, i), id))
      return (int) i;
  g_assert_not_reached ();
}

static char *
describe_draft (ZopaDiagram *diagram,
                const char  *id)
{
  ZopaDiagramItem item;

  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_DRAFT;
  item.draft = draft_index (diagram, id);
  return zopa_diagram_describe (diagram, &item);
}

/* The description names the marker's number on the line after the title. */
static void
assert_marker_number (ZopaDiagram *diagram,
                      const char  *id,
                      guint        number)
{
  g_autofree char *text = describe_draft (diagram, id);
  g_autofree char *title = g_strndup (text, strcspn (text, "\n"));
  g_autofree char *said = g_strdup_printf ("Marker %u\n", number);
  const char *second_line = text + strlen (title) + (text[strlen (title)] != '\0');

  g_test_message ("%s: %s; %.*s", id, title, (int) strcspn (second_line, "\n"), second_line);
  g_assert_true (g_str_has_prefix (second_line, said));
}

static double
luminance_at_pixel (cairo_surface_t *surface,
                    int              x,
                    int              y)
{
  Pixel p = zopa_test_pixel_at (surface,
                                CLAMP (x, 0, cairo_image_surface_get_width (surface) - 1),
                                CLAMP (y, 0, cairo_image_surface_get_height (surface) - 1));

  return (0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b) / 255;
}

/* Between pixel centres, so that two markers at different fractions of a pixel compare. */
static double
luminance_at (cairo_surface_t *surface,
              double           fx,
              double           fy)
{
  double x = fx - 0.5, y = fy - 0.5;
  int x0 = (int) floor (x), y0 = (int) floor (y);
  double tx = x - x0, ty = y - y0;

  return (1 - ty) * ((1 - tx) * luminance_at_pixel (surface, x0, y0) + tx * luminance_at_pixel (surface, x0 + 1, y0)) +
         ty * ((1 - tx) * luminance_at_pixel (surface, x0, y0 + 1) + tx * luminance_at_pixel (surface, x0 + 1, y0 + 1));
}

/* How differently two markers are painted inside their discs: the mean difference of
 * luminance at the same places relative to each centre and radius (0 alike, 1 opposite). */
static double
marker_difference (ZopaDiagram     *diagram_a,
                   cairo_surface_t *surface_a,
                   const char      *id_a,
                   ZopaDiagram     *diagram_b,
                   cairo_surface_t *surface_b,
                   const char      *id_b)
{
  double ax, ay, ar, bx, by, br, sum = 0;
  guint n = 0;
  const int steps = 24;

  g_assert_true (zopa_diagram_get_draft_marker (diagram_a, draft_index (diagram_a, id_a), &ax, &ay, &ar, NULL, NULL));
  g_assert_true (zopa_diagram_get_draft_marker (diagram_b, draft_index (diagram_b, id_b), &bx, &by, &br, NULL, NULL));
  g_test_message ("%s at (%.1f, %.1f) r %.2f; %s at (%.1f, %.1f) r %.2f", id_a, ax, ay, ar, id_b, bx, by, br);
  g_assert_cmpfloat (ar, >, 6);
  g_assert_cmpfloat (br, >, 6);
  for (int i = -steps; i <= steps; i++)
    for (int j = -steps; j <= steps; j++)
      {
        double u = (double) i / steps * 0.7, v = (double) j / steps * 0.7;

        if (u * u + v * v > 0.49)
          continue;
        sum += fabs (luminance_at (surface_a, ax + u * ar, ay + v * ar) -
                     luminance_at (surface_b, bx + u * br, by + v * br));
        n++;
      }
  return sum / n;
}

static const char *builtin_ids[] = { "us-28", "eu", "geneva-19", "moscow-2024", "kyiv-red-lines" };

static void
test_fork_keeps_numbers (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaHistory) history = zopa_history_new (scenario);
  g_autoptr(ZopaDraft) second = g_list_model_get_item (zopa_scenario_get_drafts (scenario), 1);
  g_autoptr(ZopaDiagram) before = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_VENN, NULL);
  g_autoptr(ZopaDiagram) after = NULL;
  cairo_surface_t *before_surface, *after_surface;
  const ZopaDiagramView views[] = { ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, ZOPA_DIAGRAM_VIEW_BARGAINING };
  ZopaDraft *fork;
  double same, parent_and_fork, fork_and_sixth_place;

  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_drafts (scenario)), ==, G_N_ELEMENTS (builtin_ids));
  g_assert_cmpstr (zopa_draft_get_id (second), ==, "eu");
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    assert_marker_number (before, builtin_ids[i], i + 1);

  fork = zopa_edit_fork_draft (history, second, "eu-fork", "European text, revised");
  g_assert_nonnull (fork);
  g_assert_cmpuint (zopa_draft_get_number (fork), ==, 6);

  /* The fork is third in the list, but every marker keeps its number in every view. */
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, views[v], NULL);

      for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
        assert_marker_number (diagram, builtin_ids[i], i + 1);
      assert_marker_number (diagram, "eu-fork", 6);
    }

  /* What is painted: the European text's marker is drawn as it was before the fork, while
   * the fork — in the same region, with the same clauses — differs from it by its digit. */
  after = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_VENN, NULL);
  before_surface = zopa_test_render (before);
  after_surface = zopa_test_render (after);
  same = marker_difference (before, before_surface, "eu", after, after_surface, "eu");
  parent_and_fork = marker_difference (after, after_surface, "eu", after, after_surface, "eu-fork");
  g_test_message ("marker 2 before and after the fork: %.4f; marker 2 and the fork's: %.4f", same, parent_and_fork);
  g_assert_cmpfloat (parent_and_fork, >, 0.02);
  g_assert_cmpfloat (same, <, parent_and_fork / 3);
  /* The last draft keeps 5: before the fork it was fifth, now it is sixth in the list. */
  fork_and_sixth_place = marker_difference (before, before_surface, "kyiv-red-lines", after, after_surface, "kyiv-red-lines");
  g_test_message ("marker 5 before and after the fork: %.4f", fork_and_sixth_place);
  g_assert_cmpfloat (fork_and_sixth_place, <, parent_and_fork / 3);
  cairo_surface_destroy (before_surface);
  cairo_surface_destroy (after_surface);

  /* Undo takes the fork away and leaves 1–5. */
  g_assert_true (zopa_history_undo (history));
  {
    g_autoptr(ZopaDiagram) undone = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_VENN, NULL);

    g_assert_cmpuint (zopa_analysis_get_n_drafts (zopa_diagram_get_analysis (undone)), ==, G_N_ELEMENTS (builtin_ids));
    for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
      assert_marker_number (undone, builtin_ids[i], i + 1);
  }
  g_assert_true (zopa_history_redo (history));
  {
    g_autoptr(ZopaDiagram) redone = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_VENN, NULL);

    assert_marker_number (redone, "eu-fork", 6);
  }
}

/* Showing some drafts only (zopa-cli export --drafts) draws each with its own number. */
static void
test_shown_subset (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  const char *shown[] = { "moscow-2024", "eu", NULL };
  g_autoptr(ZopaDiagram) diagram = make_diagram (scenario, ZOPA_DIAGRAM_VIEW_VENN, shown);

  assert_marker_number (diagram, "moscow-2024", 4);
  assert_marker_number (diagram, "eu", 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/draft-markers/fork-keeps-numbers", test_fork_keeps_numbers);
  g_test_add_func ("/draft-markers/shown-subset", test_shown_subset);
  return g_test_run ();
}
