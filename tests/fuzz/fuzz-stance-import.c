/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Importing stances from a CSV table into a small scenario with the built-in scenario's
 * names (stance-import-target.zopa.json), so the seed tables apply and every input costs
 * little more than the import itself; the built-in scenario, at 130 kB, made the harness
 * spend nearly all its time saving and loading it. For any table: a failed
 * import says why (an error and at least one problem, each with a message and a place in
 * the table, or a path in the scenario) and leaves the scenario as it was; an import that
 * succeeds gives a scenario that passes the in-memory validation, saves and loads again.
 */

#include "fuzz-common.h"

#include <string.h>

#include "model/zopa-scenario-file.h"
#include "model/zopa-stance-import.h"

static ZopaScenario *target;
static char *target_text;
static gboolean target_changed;
static guint n_inputs;

/* Any change anywhere in the scenario's tree emits "changed" on it (autosave relies on it). */
static void
on_target_changed (void)
{
  target_changed = TRUE;
}

void
zopa_fuzz_init (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (ZOPA_FUZZ_DIR "/stance-import-target.zopa.json");
  g_autoptr(GError) error = NULL;
  gsize length;

  zopa_fuzz_setup (FALSE);
  target = zopa_scenario_load_from_file (file, NULL, &error);
  if (target == NULL)
    zopa_fuzz_fail ("cannot load the target scenario: %s", error->message);
  target_text = zopa_scenario_to_data (target, &length);
  g_signal_connect (target, "changed", G_CALLBACK (on_target_changed), NULL);
}

static void
check_problems (GPtrArray *problems)
{
  if (problems->len == 0)
    zopa_fuzz_fail ("an import failed without a problem");
  for (guint k = 0; k < problems->len; k++)
    {
      const ZopaFileProblem *problem = g_ptr_array_index (problems, k);
      g_autofree char *text = zopa_file_problem_to_string (problem);

      if (problem->message == NULL || problem->message[0] == '\0')
        zopa_fuzz_fail ("problem %u has no message", k);
      if (problem->is_warning)
        zopa_fuzz_fail ("problem %u of a failed import is a warning", k);
      if (!g_utf8_validate (text, -1, NULL))
        zopa_fuzz_fail ("problem %u is not UTF-8", k);
      if (problem->line < 0 || (problem->line > 0) != (problem->column > 0))
        zopa_fuzz_fail ("problem %u has a bad place %d:%d", k, problem->line, problem->column);
    }
}

static void
check_result (ZopaScenario *updated)
{
  g_autoptr(GPtrArray) validation = zopa_scenario_validate (updated);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) reloaded = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  for (guint k = 0; k < validation->len; k++)
    {
      const ZopaFileProblem *problem = g_ptr_array_index (validation, k);

      if (!problem->is_warning)
        zopa_fuzz_fail ("an imported scenario fails validation in memory: %s", problem->message);
    }
  saved = zopa_scenario_to_data (updated, &length);
  reloaded = zopa_scenario_load_from_data (saved, length, &problems, &error);
  if (reloaded == NULL)
    zopa_fuzz_fail ("an imported scenario does not load again: %s", error->message);
}

int
zopa_fuzz_one_input (const uint8_t *data,
                     size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) updated = NULL;
  g_autofree char *after = NULL;
  gsize length;
  guint n_rows = G_MAXUINT;

  updated = zopa_scenario_import_stances (target, (const char *) data, size, &n_rows, &problems, &error);
  if (problems == NULL)
    zopa_fuzz_fail ("an import gave no list of problems");
  if (updated == NULL)
    {
      if (error == NULL || error->domain != ZOPA_FILE_ERROR || error->message[0] == '\0')
        zopa_fuzz_fail ("an import failed without a file error");
      check_problems (problems);
    }
  else
    {
      if (error != NULL || problems->len > 0)
        zopa_fuzz_fail ("an import succeeded and reported a problem");
      if (n_rows == G_MAXUINT)
        zopa_fuzz_fail ("an import succeeded without saying how many rows it applied");
      check_result (updated);
    }

  if (target_changed)
    zopa_fuzz_fail ("an import changed the scenario it was given");
  /* A change that bypassed the model's notifications shows in the saved text; comparing it
   * after every input would halve the executions per second. The first input of a run is
   * always compared, so a single input replayed alone is. */
  if (n_inputs++ % 64 == 0)
    {
      after = zopa_scenario_to_data (target, &length);
      if (strcmp (after, target_text) != 0)
        zopa_fuzz_fail ("the scenario given to an import changed, without a notification, "
                        "during one of the last 64 inputs");
    }
  return 0;
}
