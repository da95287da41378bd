/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The analysis of whatever loads: the base scenario and every variant, with the actors a
 * diagram shows (all of them, or the first ZOPA_MAX_ACTORS), computed in full the way
 * `zopa-cli analyze` and the window ask for it: the JSON report (verdicts, regions, the
 * ZOPA, what must change) and the fewest clause changes for every draft. The time limit
 * per input is the caller's: libFuzzer's -timeout, or the replay driver's --time-limit.
 */

#include "fuzz-common.h"

#include "analysis/zopa-analysis.h"
#include "model/zopa-scenario-file.h"

void
zopa_fuzz_init (void)
{
  zopa_fuzz_setup (FALSE);
}

static char **
shown_actor_ids (ZopaScenario *scenario)
{
  GListModel *actors = zopa_scenario_get_actors (scenario);
  guint n = MIN (g_list_model_get_n_items (actors), ZOPA_MAX_ACTORS);
  char **ids = g_new0 (char *, n + 1);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, k);
      ids[k] = g_strdup (zopa_actor_get_id (actor));
    }
  return ids;
}

static void
analyse_variant (ZopaScenario       *scenario,
                 const char         *variant_id,
                 const char * const *actor_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = zopa_analysis_new (scenario, variant_id, actor_ids, &error);
  g_autoptr(JsonNode) report = NULL;
  guint all;

  if (analysis == NULL)
    {
      /* A scenario without actors cannot be analysed; everything that loads otherwise can. */
      if (error == NULL || !g_error_matches (error, ZOPA_ANALYSIS_ERROR, ZOPA_ANALYSIS_ERROR_NO_ACTORS))
        zopa_fuzz_fail ("the analysis of variant %s failed: %s",
                        variant_id != NULL ? variant_id : "(base)",
                        error != NULL ? error->message : "without an error");
      return;
    }

  report = zopa_analysis_to_json (analysis);
  if (report == NULL || !JSON_NODE_HOLDS_OBJECT (report))
    zopa_fuzz_fail ("the analysis report is not a JSON object");

  all = zopa_analysis_get_all_mask (analysis);
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    {
      g_autofree ZopaClauseChange *changes = NULL;
      guint n_changes = 0;
      gboolean possible = zopa_analysis_get_draft_fewest_changes (analysis, d, all, &changes, &n_changes);

      if (possible == zopa_analysis_zopa_is_empty (analysis, all))
        zopa_fuzz_fail ("draft %u: clause changes %s although the ZOPA is %s", d,
                        possible ? "suffice" : "do not suffice",
                        possible ? "empty" : "not empty");
      for (guint k = 0; k < n_changes; k++)
        if (changes[k].issue >= zopa_analysis_get_n_issues (analysis)
            || changes[k].option >= zopa_analysis_get_n_options (analysis, changes[k].issue))
          zopa_fuzz_fail ("draft %u: a clause change names no option", d);
    }
}

int
zopa_fuzz_one_input (const uint8_t *data,
                     size_t         size)
{
  g_autoptr(ZopaScenario) scenario = NULL;
  g_auto(GStrv) actor_ids = NULL;
  GListModel *variants;

  scenario = zopa_scenario_load_from_data ((const char *) data, size, NULL, NULL);
  if (scenario == NULL)
    return -1;   /* not worth keeping in the corpus of this harness */

  actor_ids = shown_actor_ids (scenario);
  analyse_variant (scenario, NULL, (const char * const *) actor_ids);

  variants = zopa_scenario_get_variants (scenario);
  for (guint k = 0; k < g_list_model_get_n_items (variants); k++)
    {
      g_autoptr(ZopaVariant) variant = g_list_model_get_item (variants, k);

      analyse_variant (scenario, zopa_variant_get_id (variant), (const char * const *) actor_ids);
    }
  return 0;
}
