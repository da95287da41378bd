/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The slow part of a diagram made ahead on a worker thread (zopa_diagram_prepare()): the
 * proportional fit and the bargaining view's frontier. Afterwards zopa_diagram_new() finds
 * it made and uses it; views without a slow part are always prepared. */

#include "config.h"

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-diagram.h"
#include "model/zopa-scenario-file.h"

typedef struct {
  ZopaAnalysis       *analysis;
  ZopaDiagramOptions *options;
} Job;

static gpointer
prepare_job (gpointer data)
{
  Job *job = data;

  zopa_diagram_prepare (job->analysis, job->options, NULL);
  return NULL;
}

static void
prepare_on_worker (ZopaAnalysis       *analysis,
                   ZopaDiagramOptions *options)
{
  Job job = { analysis, options };
  GThread *thread = g_thread_new ("prepare", prepare_job, &job);

  g_thread_join (thread);
}

static ZopaAnalysis *
solved_analysis (ZopaScenario *scenario,
                 const char   *variant)
{
  g_autoptr(GError) error = NULL;
  ZopaAnalysis *analysis = zopa_analysis_new (scenario, variant, NULL, &error);

  g_assert_no_error (error);
  return analysis;
}

static ZopaDiagram *
new_diagram (ZopaScenario             *scenario,
             ZopaAnalysis             *analysis,
             const ZopaDiagramOptions *options)
{
  g_autoptr(GError) error = NULL;
  ZopaDiagram *diagram = zopa_diagram_new (scenario, analysis, options, &error);

  g_assert_no_error (error);
  return diagram;
}

static void
test_proportional (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaAnalysis) analysis = solved_analysis (scenario, "post-putin");
  g_autoptr(ZopaAnalysis) again = solved_analysis (scenario, "post-putin");
  g_autoptr(ZopaDiagram) diagram = NULL;
  g_autoptr(ZopaDiagram) other = NULL;
  ZopaDiagramOptions options;
  guint n, n_other;
  const ZopaEllipse *shapes, *other_shapes;

  zopa_diagram_options_init (&options);
  g_assert_true (zopa_diagram_is_prepared (analysis, &options));
  options.mode = ZOPA_DIAGRAM_MODE_PROPORTIONAL;
  g_assert_false (zopa_diagram_is_prepared (analysis, &options));
  prepare_on_worker (analysis, &options);
  g_assert_true (zopa_diagram_is_prepared (analysis, &options));
  /* The fit depends on the regions only: another analysis of the same finds it too. */
  g_assert_true (zopa_diagram_is_prepared (again, &options));

  diagram = new_diagram (scenario, analysis, &options);
  other = new_diagram (scenario, again, &options);
  shapes = zopa_diagram_get_shapes (diagram, &n);
  other_shapes = zopa_diagram_get_shapes (other, &n_other);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (n_other, ==, n);
  g_assert_cmpmem (shapes, sizeof (ZopaEllipse) * n, other_shapes, sizeof (ZopaEllipse) * n);
  g_assert_cmpfloat (shapes[0].a, >, 0);
}

static void
test_bargaining (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaAnalysis) analysis = solved_analysis (scenario, NULL);
  g_autoptr(ZopaAnalysis) fresh = solved_analysis (scenario, NULL);
  g_autoptr(ZopaDiagram) first = NULL;
  g_autoptr(ZopaDiagram) second = NULL;
  g_autoptr(ZopaDiagram) unprepared = NULL;
  ZopaDiagramOptions options;

  zopa_diagram_options_init (&options);
  options.view = ZOPA_DIAGRAM_VIEW_BARGAINING;
  options.actor_pair[0] = "kyiv";
  options.actor_pair[1] = "moscow";
  g_assert_false (zopa_diagram_is_prepared (analysis, &options));
  prepare_on_worker (analysis, &options);
  g_assert_true (zopa_diagram_is_prepared (analysis, &options));
  /* Frontiers belong to their analysis. */
  g_assert_false (zopa_diagram_is_prepared (fresh, &options));

  /* Every diagram of the analysis uses the one frontier made on the worker. */
  first = new_diagram (scenario, analysis, &options);
  second = new_diagram (scenario, analysis, &options);
  g_assert_nonnull (zopa_diagram_get_pareto (first));
  g_assert_true (zopa_diagram_get_pareto (first) == zopa_diagram_get_pareto (second));

  /* Made on the main thread when not prepared: the same frontier. */
  unprepared = new_diagram (scenario, fresh, &options);
  g_assert_cmpuint (zopa_diagram_get_pareto (unprepared)->n_frontier, ==,
                    zopa_diagram_get_pareto (first)->n_frontier);
  g_assert_cmpmem (zopa_diagram_get_pareto (unprepared)->frontier,
                   sizeof (ZopaParetoPoint) * zopa_diagram_get_pareto (first)->n_frontier,
                   zopa_diagram_get_pareto (first)->frontier,
                   sizeof (ZopaParetoPoint) * zopa_diagram_get_pareto (first)->n_frontier);

  /* Another pair is not prepared by this one. */
  options.actor_pair[0] = "washington";
  g_assert_false (zopa_diagram_is_prepared (analysis, &options));
}

static void
test_issue_map (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaAnalysis) analysis = solved_analysis (scenario, NULL);
  ZopaDiagramOptions options;

  zopa_diagram_options_init (&options);
  options.view = ZOPA_DIAGRAM_VIEW_ISSUE_MAP;
  g_assert_true (zopa_diagram_is_prepared (analysis, &options));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/prepare/proportional", test_proportional);
  g_test_add_func ("/prepare/bargaining", test_bargaining);
  g_test_add_func ("/prepare/issue-map", test_issue_map);
  return g_test_run ();
}
