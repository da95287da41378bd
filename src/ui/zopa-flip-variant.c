/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-flip-variant.c: a verdict's flip made into a new variant, shown, in one undo step */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "model/zopa-edit.h"
#include "model/zopa-list-model.h"
#include "zopa-flip-variant.h"

static ZopaVariantChange *
copy_change (ZopaVariantChange *change)
{
  ZopaVariantChange *copy = zopa_variant_change_new (zopa_variant_change_get_actor (change),
                                                     zopa_variant_change_get_issue (change));
  const char * const *options = zopa_variant_change_get_utility_options (change);

  if (zopa_variant_change_has_reservation (change))
    {
      ZopaRange range = zopa_variant_change_get_reservation_range (change);

      zopa_variant_change_set_reservation_range (copy, range.low, range.high);
    }
  if (zopa_variant_change_has_weight (change))
    {
      ZopaRange range = zopa_variant_change_get_weight_range (change);

      zopa_variant_change_set_weight_range (copy, range.low, range.high);
    }
  zopa_variant_change_set_acceptable (copy, zopa_variant_change_get_acceptable (change));
  zopa_variant_change_set_maybe (copy, zopa_variant_change_get_maybe (change));
  if (zopa_variant_change_has_utility (change))
    for (guint k = 0; options != NULL && options[k] != NULL; k++)
      {
        ZopaRange range = zopa_variant_change_get_utility_range (change, options[k]);

        zopa_variant_change_set_utility_range (copy, options[k], range.low, range.high);
      }
  zopa_variant_change_set_extra (copy, zopa_variant_change_get_extra (change));
  return copy;
}

/* The actor's options on the issue after allowing some: acceptable (allowed ones added) and
 * maybe (allowed ones taken out), as the analysis has them with its variant applied. */
static ZopaVariantChange *
new_allow_change (ZopaAnalysis           *analysis,
                  guint                   actor,
                  guint                   issue,
                  const ZopaStanceChange *flip,
                  guint                   n_flip)
{
  ZopaVariantChange *change = zopa_variant_change_new (zopa_analysis_get_actor_id (analysis, actor),
                                                       zopa_analysis_get_issue_id (analysis, issue));
  g_autoptr(GStrvBuilder) acceptable = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) maybe = g_strv_builder_new ();
  g_auto(GStrv) acceptable_ids = NULL;
  g_auto(GStrv) maybe_ids = NULL;

  for (guint option = 0; option < zopa_analysis_get_n_options (analysis, issue); option++)
    {
      const char *option_id = zopa_analysis_get_option_id (analysis, issue, option);
      gboolean allowed = FALSE;
      gboolean is_maybe = zopa_analysis_option_is_maybe (analysis, actor, issue, option);

      for (guint k = 0; k < n_flip; k++)
        allowed |= flip[k].kind == ZOPA_STANCE_CHANGE_ALLOW && flip[k].issue == issue && flip[k].option == option;
      if (allowed || (!is_maybe && zopa_analysis_actor_accepts_option (analysis, actor, issue, option)))
        g_strv_builder_add (acceptable, option_id);
      else if (is_maybe)
        g_strv_builder_add (maybe, option_id);
    }
  acceptable_ids = g_strv_builder_end (acceptable);
  maybe_ids = g_strv_builder_end (maybe);
  zopa_variant_change_set_acceptable (change, (const char * const *) acceptable_ids);
  if (maybe_ids[0] != NULL)
    zopa_variant_change_set_maybe (change, (const char * const *) maybe_ids);
  return change;
}

static char *
new_variant_id (ZopaScenario *scenario,
                ZopaAnalysis *analysis,
                guint         draft,
                guint         actor)
{
  g_autofree char *base = g_strdup_printf ("%s-flips-%s", zopa_analysis_get_actor_id (analysis, actor),
                                           zopa_analysis_get_draft_id (analysis, draft));
  /* Room for the "-2" that makes it unique. */
  g_autofree char *cut = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), ZOPA_ID_MAX_LENGTH - 8));

  return zopa_edit_make_unique_id (scenario, ZOPA_TYPE_VARIANT, NULL, cut);
}

/* Which variant is shown follows the variant through undo and redo: the session alone
 * would fall back to the base scenario once it is gone. */
typedef struct {
  GWeakRef     session;
  ZopaVariant *variant;
  char        *shown_before;
  gboolean     present;
} ShownFollower;

static void
shown_follower_free (gpointer data,
                     GClosure *closure)
{
  ShownFollower *follower = data;

  g_weak_ref_clear (&follower->session);
  g_object_unref (follower->variant);
  g_free (follower->shown_before);
  g_free (follower);
}

static void
on_variants_changed (GListModel *variants,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  ShownFollower *follower = user_data;
  g_autoptr(ZopaSession) session = g_weak_ref_get (&follower->session);
  const char *shown;
  const char *id = zopa_variant_get_id (follower->variant);
  gboolean present = zopa_list_model_contains (variants, follower->variant);

  /* Only its coming and going (undo, redo) moves what is shown, not other variants' edits. */
  if (session == NULL || present == follower->present)
    return;
  follower->present = present;
  shown = zopa_session_get_variant (session);
  if (present)
    {
      if (g_strcmp0 (shown, follower->shown_before) == 0)
        zopa_session_set_variant (session, id);
    }
  else if (g_strcmp0 (shown, id) == 0)
    zopa_session_set_variant (session, follower->shown_before);
}

ZopaVariant *
zopa_flip_variant_try (ZopaSession  *session,
                       ZopaHistory  *history,
                       ZopaAnalysis *analysis,
                       guint         draft,
                       guint         actor)
{
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  const ZopaVerdictReadings *readings = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  const char *based_on = zopa_analysis_get_variant_id (analysis);
  ZopaVariant *current = based_on != NULL ? zopa_scenario_find_variant (scenario, based_on) : NULL;
  g_autoptr(ZopaVariant) variant = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *flip = NULL;
  ShownFollower *follower;

  if (!readings->has_flip)
    return NULL;

  id = new_variant_id (scenario, analysis, draft, actor);
  title = zopa_format_flip_variant_title (analysis, draft, actor);
  flip = zopa_format_verdict_flip (analysis, draft, actor, ZOPA_FLIP_ALONE);
  variant = zopa_variant_new (id);
  zopa_variant_set_title (variant, title);
  zopa_variant_set_description (variant, flip);

  if (current != NULL)
    {
      GListModel *changes = zopa_variant_get_changes (current);

      for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
        {
          g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, i);
          g_autoptr(ZopaVariantChange) copy = copy_change (change);

          zopa_variant_insert_change (variant, i, copy);
        }
    }
  /* One change per issue with allowances (they come in issue order), then the reservation. */
  for (guint k = 0; k < readings->n_flip; k++)
    {
      const ZopaStanceChange *step = &readings->flip[k];
      g_autoptr(ZopaVariantChange) change = NULL;

      if (step->kind == ZOPA_STANCE_CHANGE_ALLOW)
        {
          if (k > 0 && readings->flip[k - 1].kind == ZOPA_STANCE_CHANGE_ALLOW && readings->flip[k - 1].issue == step->issue)
            continue;
          change = new_allow_change (analysis, actor, step->issue, readings->flip, readings->n_flip);
        }
      else
        {
          change = zopa_variant_change_new (zopa_analysis_get_actor_id (analysis, actor), NULL);
          zopa_variant_change_set_reservation (change, step->reservation);
        }
      zopa_variant_insert_change (variant, g_list_model_get_n_items (zopa_variant_get_changes (variant)), change);
    }

  follower = g_new0 (ShownFollower, 1);
  g_weak_ref_init (&follower->session, session);
  follower->variant = g_object_ref (variant);
  follower->shown_before = g_strdup (zopa_session_get_variant (session));

  zopa_history_begin_group (history, _("Try Variant"));
  zopa_history_insert (history, scenario, G_MAXUINT, variant);
  zopa_history_end_group (history);
  zopa_session_set_variant (session, id);
  follower->present = TRUE;
  g_signal_connect_data (zopa_scenario_get_variants (scenario), "items-changed", G_CALLBACK (on_variants_changed),
                         follower, shown_follower_free, G_CONNECT_AFTER);
  return variant;
}
