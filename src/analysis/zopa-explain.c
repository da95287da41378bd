/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-explain.c: one plain sentence for each number a reader meets (score, reservation) */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-explain.h"
#include "zopa-format.h"

char *
zopa_explain_reservation (const char *actor_name,
                          ZopaRange   reservation)
{
  g_return_val_if_fail (actor_name != NULL, NULL);

  if (zopa_range_is_uncertain (reservation))
    /* Translators: %1$s is an actor's name; %2$d to %3$d the range its reservation (out of
     * 100) may be in, by the evidence. */
    return g_strdup_printf (_("%1$s accepts a deal only if the deal scores at least its reservation for "
                              "%1$s: what no deal is worth to it, somewhere from %2$d to %3$d of 100 by "
                              "the evidence. A deal’s score is how much %1$s likes each of the deal’s "
                              "options, weighted by how much each issue matters to it."),
                            actor_name, reservation.low, reservation.high);
  /* Translators: %1$s is an actor's name, %2$d its reservation out of 100. */
  return g_strdup_printf (_("%1$s accepts a deal only if the deal scores at least %2$d of 100 for %1$s: "
                            "what no deal is worth to it. A deal’s score is how much %1$s likes each "
                            "of the deal’s options, weighted by how much each issue matters to it."),
                          actor_name, reservation.low);
}

char *
zopa_explain_score (const char             *actor_name,
                    const ZopaDraftVerdict *verdict,
                    guint                   n_open)
{
  g_autofree char *score = NULL;
  g_autofree char *worst = NULL;
  g_autofree char *best = NULL;

  g_return_val_if_fail (actor_name != NULL, NULL);
  g_return_val_if_fail (verdict != NULL, NULL);

  if (!verdict->has_score)
    return NULL;
  if (n_open == 0 || verdict->worst_score == verdict->best_score)
    {
      score = zopa_format_score (n_open == 0 ? verdict->score : verdict->worst_score);
      /* Translators: %1$s is an actor's name, %2$d its reservation, %3$s a score out of 100. */
      return g_strdup_printf (_("%1$s needs at least %2$d of 100 to prefer this deal to no deal; "
                                "this plan gives it %3$s."),
                              actor_name, verdict->reservation, score);
    }
  worst = zopa_format_score (verdict->worst_score);
  best = zopa_format_score (verdict->best_score);
  /* Translators: %1$s is an actor's name, %2$d its reservation, %3$s and %4$s the lowest and
   * highest scores over the ways of settling the plan's open issues; %5$u how many are open. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%1$s needs at least %2$d of 100 to prefer a deal to no deal; "
                                       "this plan gives it from %3$s to %4$s, depending on how its %5$u open issue is settled.",
                                       "%1$s needs at least %2$d of 100 to prefer a deal to no deal; "
                                       "this plan gives it from %3$s to %4$s, depending on how its %5$u open issues are settled.",
                                       n_open),
                          actor_name, verdict->reservation, worst, best, n_open);
}
