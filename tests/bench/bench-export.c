/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmarks of the renderer on the built-in scenario (issue 6 targets), one JSON line each:
 *
 *   edit          an edit of the model, then a new analysis, layout and full redraw of a
 *                 1920 × 1080 view (target < 16 ms), per view and mode;
 *   export-png    a 3840 × 2160 PNG (a 1920 × 1080 page at scale 2; target < 300 ms);
 *   export-svg, export-pdf   a 1920 × 1080 page (target < 100 ms each).
 *
 * Usage: bench-export [RUNS] — medians over RUNS runs (default 31) after one warm-up. */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <cairo.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "model/zopa-scenario-file.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
report (const char *name,
        const char *detail,
        double     *times,
        guint       runs,
        double      target)
{
  double m = median (times, runs);

  printf ("{\"name\": \"%s\", %s, \"median_ms\": %.3f, \"min_ms\": %.3f, \"max_ms\": %.3f, "
          "\"runs\": %u, \"target_ms\": %.0f, \"ok\": %s}\n",
          name, detail, m, times[0], times[runs - 1], runs, target, m < target ? "true" : "false");
  fflush (stdout);
}

static ZopaDiagram *
build (ZopaScenario    *scenario,
       ZopaDiagramView  view,
       ZopaDiagramMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  ZopaDiagramOptions options;
  ZopaDiagram *diagram;

  if (analysis == NULL)
    g_error ("analysis: %s", error->message);
  zopa_diagram_options_init (&options);
  options.view = view;
  options.mode = mode;
  diagram = zopa_diagram_new (scenario, analysis, &options, &error);
  if (diagram == NULL)
    g_error ("diagram: %s", error->message);
  return diagram;
}

static void
bench_edit (ZopaScenario    *scenario,
            ZopaDiagramView  view,
            ZopaDiagramMode  mode,
            guint            runs)
{
  ZopaActor *actor = g_list_model_get_item (zopa_scenario_get_actors (scenario), 0);
  int reservation = zopa_actor_get_reservation (actor);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_autofree double *times = g_new (double, runs);
  g_autofree char *detail = NULL;

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(ZopaDiagram) diagram = NULL;
      cairo_t *cr;

      /* The edit: an actor's reservation moves by one point and back, as a slider would. */
      zopa_actor_set_reservation (actor, reservation + (i % 2 ? 1 : 0));
      diagram = build (scenario, view, mode);
      cr = cairo_create (surface);
      zopa_diagram_draw (diagram, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  zopa_actor_set_reservation (actor, reservation);
  cairo_surface_destroy (surface);
  g_object_unref (actor);

  detail = g_strdup_printf ("\"view\": \"%s\", \"mode\": \"%s\", \"width\": 1920, \"height\": 1080",
                            view == ZOPA_DIAGRAM_VIEW_VENN ? "venn" : "issue-map",
                            view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP ? "-" :
                            mode == ZOPA_DIAGRAM_MODE_SCHEMATIC ? "schematic" : "proportional");
  report ("edit", detail, times, runs, 16);
}

/* Redraw alone (hover, theme change): no new analysis or layout. */
static void
bench_redraw (ZopaScenario *scenario,
              guint         runs)
{
  g_autoptr(ZopaDiagram) diagram = build (scenario, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);
      ZopaDiagramItem item;

      zopa_diagram_item_init (&item);
      item.kind = ZOPA_DIAGRAM_ITEM_REGION;
      item.mask = 1 + i % 15;
      zopa_diagram_set_highlight (diagram, &item);
      zopa_diagram_draw (diagram, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  cairo_surface_destroy (surface);
  report ("redraw", "\"view\": \"venn\", \"mode\": \"schematic\", \"width\": 1920, \"height\": 1080", times, runs, 16);
}

static void
bench_export (ZopaScenario      *scenario,
              ZopaDiagramFormat  format,
              double             scale,
              guint              runs)
{
  g_autoptr(ZopaDiagram) diagram = build (scenario, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC);
  g_autofree double *times = g_new (double, runs);
  g_autofree char *detail = NULL;
  static const char *names[] = { "export-png", "export-svg", "export-pdf" };
  gsize size = 0;

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = zopa_diagram_export_bytes (diagram, format, scale, &error);

      if (bytes == NULL)
        g_error ("export: %s", error->message);
      size = g_bytes_get_size (bytes);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  detail = g_strdup_printf ("\"width\": %.0f, \"height\": %.0f, \"bytes\": %" G_GSIZE_FORMAT,
                            1920 * (format == ZOPA_DIAGRAM_FORMAT_PNG ? scale : 1),
                            1080 * (format == ZOPA_DIAGRAM_FORMAT_PNG ? scale : 1), size);
  report (names[format], detail, times, runs, format == ZOPA_DIAGRAM_FORMAT_PNG ? 300 : 100);
}

int
main (int argc, char **argv)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 31;

  if (runs == 0)
    runs = 1;
  bench_edit (scenario, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_SCHEMATIC, runs);
  bench_edit (scenario, ZOPA_DIAGRAM_VIEW_VENN, ZOPA_DIAGRAM_MODE_PROPORTIONAL, runs);
  bench_edit (scenario, ZOPA_DIAGRAM_VIEW_ISSUE_MAP, ZOPA_DIAGRAM_MODE_SCHEMATIC, runs);
  bench_redraw (scenario, runs);
  bench_export (scenario, ZOPA_DIAGRAM_FORMAT_PNG, 2, MAX (runs / 3, 1u));
  bench_export (scenario, ZOPA_DIAGRAM_FORMAT_SVG, 1, runs);
  bench_export (scenario, ZOPA_DIAGRAM_FORMAT_PDF, 1, runs);
  return 0;
}
