/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Loading a scenario file: syntax, limits, validation, and the round trip. For any input:
 * a failed load says why (an error and at least one problem, each with a message); a
 * scenario that loads passes the in-memory validation without an error, and saving it
 * gives a file that loads again and saves to the same bytes.
 */

#include "fuzz-common.h"

#include <string.h>

#include "model/zopa-scenario-file.h"

void
zopa_fuzz_init (void)
{
  zopa_fuzz_setup (FALSE);
}

static void
check_problems (GPtrArray *problems,
                gboolean   loaded)
{
  gboolean any_error = FALSE;

  for (guint k = 0; k < problems->len; k++)
    {
      const ZopaFileProblem *problem = g_ptr_array_index (problems, k);
      g_autofree char *text = zopa_file_problem_to_string (problem);

      if (problem->message == NULL || problem->message[0] == '\0')
        zopa_fuzz_fail ("problem %u has no message", k);
      if (!g_utf8_validate (text, -1, NULL))
        zopa_fuzz_fail ("problem %u is not UTF-8", k);
      if (problem->line < 0 || problem->column < 0 || (problem->line > 0) != (problem->column > 0))
        zopa_fuzz_fail ("problem %u has a bad place %d:%d", k, problem->line, problem->column);
      if (!problem->is_warning)
        any_error = TRUE;
    }
  if (loaded && any_error)
    zopa_fuzz_fail ("a scenario loaded although an error was reported");
  if (!loaded && !any_error)
    zopa_fuzz_fail ("a load failed without an error among its problems");
}

static void
check_round_trip (ZopaScenario *scenario)
{
  g_autoptr(GPtrArray) validation = zopa_scenario_validate (scenario);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) reloaded = NULL;
  g_autofree char *saved = NULL, *saved_again = NULL;
  gsize saved_length, saved_again_length;

  for (guint k = 0; k < validation->len; k++)
    {
      const ZopaFileProblem *problem = g_ptr_array_index (validation, k);

      if (!problem->is_warning)
        zopa_fuzz_fail ("a loaded scenario fails validation in memory: %s", problem->message);
    }

  saved = zopa_scenario_to_data (scenario, &saved_length);
  if (saved == NULL || saved_length != strlen (saved))
    zopa_fuzz_fail ("saving gave no text, or text with a NUL byte");

  reloaded = zopa_scenario_load_from_data (saved, saved_length, &problems, &error);
  if (reloaded == NULL)
    zopa_fuzz_fail ("a saved scenario does not load again: %s\n%s", error->message, saved);

  saved_again = zopa_scenario_to_data (reloaded, &saved_again_length);
  if (saved_length != saved_again_length || memcmp (saved, saved_again, saved_length) != 0)
    zopa_fuzz_fail ("load → save → load → save changed the file:\n%s\n---\n%s", saved, saved_again);
}

int
zopa_fuzz_one_input (const uint8_t *data,
                     size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;

  scenario = zopa_scenario_load_from_data ((const char *) data, size, &problems, &error);
  if (problems == NULL)
    zopa_fuzz_fail ("a load gave no list of problems");
  check_problems (problems, scenario != NULL);

  if (scenario == NULL)
    {
      if (error == NULL || error->domain != ZOPA_FILE_ERROR || error->message[0] == '\0')
        zopa_fuzz_fail ("a load failed without a file error");
      return 0;
    }
  if (error != NULL)
    zopa_fuzz_fail ("a load succeeded and set an error");

  check_round_trip (scenario);
  return 0;
}
