/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmarks of the bargaining view on the built-in scenario, one JSON line each (medians):
 *
 *   bargaining-edit     an edit of the model (a reservation moves by a point), then a new
 *                       analysis of the four actors, the frontier of Kyiv × Moscow, layout and
 *                       a full redraw of a 1920 × 1080 view (target < 16 ms);
 *   bargaining-pareto   the frontiers, corner, gap and density alone;
 *   bargaining-redraw   a redraw alone (hover moving along the frontier), no new layout.
 *
 * Usage: bench-bargaining [RUNS] — medians over RUNS runs (default 31) after one warm-up. */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <cairo.h>

#include "analysis/zopa-pareto.h"
#include "diagram/zopa-diagram.h"
#include "model/zopa-scenario-file.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
report (const char *name,
        double     *times,
        guint       runs,
        double      target)
{
  double m;

  qsort (times, runs, sizeof (double), compare_doubles);
  m = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
  printf ("{\"name\": \"%s\", \"actors\": \"kyiv,moscow\", \"width\": 1920, \"height\": 1080, "
          "\"median_ms\": %.3f, \"min_ms\": %.3f, \"max_ms\": %.3f, \"runs\": %u",
          name, m, times[0], times[runs - 1], runs);
  if (target > 0)
    printf (", \"target_ms\": %.0f, \"ok\": %s", target, m < target ? "true" : "false");
  printf ("}\n");
  fflush (stdout);
}

static ZopaDiagram *
build (ZopaScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  ZopaDiagramOptions options;
  ZopaDiagram *diagram;

  if (analysis == NULL)
    g_error ("analysis: %s", error->message);
  zopa_diagram_options_init (&options);
  options.view = ZOPA_DIAGRAM_VIEW_BARGAINING;
  options.actor_pair[0] = "kyiv";
  options.actor_pair[1] = "moscow";
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  if (diagram == NULL)
    g_error ("diagram: %s", error->message);
  return diagram;
}

static void
bench_edit (ZopaScenario *scenario,
            guint         runs)
{
  ZopaActor *actor = zopa_scenario_find_actor (scenario, "moscow");
  int reservation = zopa_actor_get_reservation (actor);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(ZopaDiagram) diagram = NULL;
      cairo_t *cr;

      zopa_actor_set_reservation (actor, reservation + (i % 2 ? 1 : 0));
      diagram = build (scenario);
      cr = cairo_create (surface);
      zopa_diagram_draw (diagram, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  zopa_actor_set_reservation (actor, reservation);
  cairo_surface_destroy (surface);
  report ("bargaining-edit", times, runs, 16);
}

static void
bench_pareto (ZopaScenario *scenario,
              guint         runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_autofree double *times = g_new (double, runs);
  guint pair[2] = { 0, 1 };

  for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
    {
      if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, k), "kyiv") == 0)
        pair[0] = k;
      if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, k), "moscow") == 0)
        pair[1] = k;
    }
  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(ZopaPareto) pareto = zopa_pareto_new (analysis, pair[0], pair[1], 0, NULL, &error);

      if (pareto == NULL)
        g_error ("pareto: %s", error->message);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  report ("bargaining-pareto", times, runs, 0);
}

static void
bench_redraw (ZopaScenario *scenario,
              guint         runs)
{
  g_autoptr(ZopaDiagram) diagram = build (scenario);
  const ZopaPareto *pareto = zopa_diagram_get_pareto (diagram);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);
      ZopaDiagramItem item;

      zopa_diagram_item_init (&item);
      item.kind = ZOPA_DIAGRAM_ITEM_FRONTIER;
      item.option = (int) (i % MAX (1u, pareto->n_agreeable));
      zopa_diagram_set_highlight (diagram, &item);
      zopa_diagram_draw (diagram, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  cairo_surface_destroy (surface);
  report ("bargaining-redraw", times, runs, 16);
}

int
main (int argc, char **argv)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 31;

  if (runs == 0)
    runs = 1;
  bench_edit (scenario, runs);
  bench_pareto (scenario, runs);
  bench_redraw (scenario, runs);
  return 0;
}
