/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The legend's columns: a heading ("Actors", "Drafts") always stands at the top of its
 * list, in the same column as its first entry, never alone at the foot of a column; on
 * pages and windows of many sizes, with thirty drafts and with six actors. */

#include "config.h"

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram-private.h"
#include "model/zopa-scenario-file.h"

#include "hard-scenarios.h"

static void
add_drafts (ZopaScenario *scenario,
            guint         n)
{
  for (guint k = g_list_model_get_n_items (zopa_scenario_get_drafts (scenario)); k < n; k++)
    {
      g_autofree char *id = g_strdup_printf ("copy-%u", k);
      g_autofree char *title = g_strdup_printf ("Copy %u of the plan", k);
      g_autoptr(ZopaDraft) draft = zopa_draft_new (id);

      zopa_draft_set_title (draft, title);
      zopa_scenario_insert_draft (scenario, k, draft);
    }
}

/* Checks every heading of the diagram's legend; returns how many headings it saw. */
static guint
check_headings (ZopaDiagram *diagram)
{
  GArray *legend = diagram->legend;
  guint n_headings = 0;

  for (guint i = 0; i < legend->len; i++)
    {
      const ZopaLegendEntry *heading = &g_array_index (legend, ZopaLegendEntry, i);
      const ZopaLegendEntry *first = NULL;

      if (heading->kind != ZOPA_LEGEND_HEADING || heading->hidden)
        continue;
      for (guint j = i + 1; j < legend->len && first == NULL; j++)
        {
          const ZopaLegendEntry *e = &g_array_index (legend, ZopaLegendEntry, j);

          if (!e->hidden && e->kind != ZOPA_LEGEND_MORE)
            first = e;
        }
      if (first == NULL)
        continue;
      n_headings++;
      g_assert_cmpfloat (first->bounds.x, ==, heading->bounds.x);
      g_assert_cmpfloat (first->bounds.y, >, heading->bounds.y);
    }
  return n_headings;
}

/* Every page size, as a slide (every part of the frame) and as the window draws it. */
static void
check_sizes (ZopaScenario *scenario)
{
  static const ZopaDiagramFrame frames[] = {
    ZOPA_DIAGRAM_FRAME_ALL, ZOPA_DIAGRAM_FRAME_LEGEND | ZOPA_DIAGRAM_FRAME_TITLE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  guint n_headings = 0;

  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (frames); k++)
    for (double width = 480; width <= 1920; width += 240)
      for (double height = 360; height <= 1080; height += 120)
        {
          g_autoptr(ZopaDiagram) diagram = NULL;
          ZopaDiagramOptions options;

          zopa_diagram_options_init (&options);
          options.frame = frames[k];
          options.width = width;
          options.height = height;
          diagram = zopa_diagram_new (scenario, analysis, &options, &error);
          g_assert_no_error (error);
          n_headings += check_headings (diagram);
        }
  g_assert_cmpuint (n_headings, >, 0);
}

static void
test_thirty_drafts (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();

  add_drafts (scenario, 30);
  check_sizes (scenario);
}

static void
test_six_actors (void)
{
  static const HardShape six = { "6x8x4", 6, 8, 4, 0.8, 3, 40, 70 };
  g_autoptr(ZopaScenario) scenario = hard_scenario_generate (&six, 1);

  check_sizes (scenario);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/legend/headings-with-their-lists/thirty-drafts", test_thirty_drafts);
  g_test_add_func ("/legend/headings-with-their-lists/six-actors", test_six_actors);
  return g_test_run ();
}
