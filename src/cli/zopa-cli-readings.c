/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sentences of `zopa-cli analyze` about readings: what each verdict rests on, what
 * would flip it and what it hinges on; region counts in some reading; how robust the
 * ZOPA's emptiness is.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "analysis/zopa-analysis.h"
#include "zopa-cli.h"

void
zopa_cli_print_verdict_sentence (GString      *out,
                                 ZopaAnalysis *analysis,
                                 guint         draft,
                                 guint         actor)
{
  const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, draft, actor);
  const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  const char *name = zopa_analysis_get_actor_name (analysis, actor);
  const char *title = zopa_analysis_get_draft_title (analysis, draft);
  gboolean uncertain = zopa_analysis_is_uncertain (analysis);
  g_autofree char *flip = zopa_format_verdict_flip (analysis, draft, actor, ZOPA_FLIP_AFTER_RED_LINES);
  g_autoptr(GString) sentence = g_string_new (NULL);

  switch (v->verdict)
    {
    case ZOPA_VERDICT_ACCEPTS:
      g_string_append_printf (sentence, uncertain ? _("%s accepts “%s” in every reading") : _("%s accepts “%s”"),
                              name, title);
      break;
    case ZOPA_VERDICT_REJECTS:
      {
        g_autoptr(GPtrArray) issues = g_ptr_array_new ();
        g_autofree char *list = NULL;

        for (guint k = 0; k < v->n_violations; k++)
          g_ptr_array_add (issues, (gpointer) zopa_analysis_get_issue_title (analysis, v->violations[k].issue));
        list = zopa_format_join_and (issues);
        g_string_append_printf (sentence, uncertain ? _("%s rejects “%s” in every reading") : _("%s rejects “%s”"),
                                name, title);
        if (v->n_violations > 0)
          g_string_append_printf (sentence, _(": red lines on %s"), list);
        else
          g_string_append (sentence, _(": its score stays below its reservation"));
      }
      break;
    case ZOPA_VERDICT_DEPENDS:
    default:
      g_string_append_printf (sentence,
                              x->on_open_issues && x->on_assumptions
                              ? _("Whether %s accepts “%s” depends on the open issues and on the assumptions")
                              : x->on_assumptions
                              ? _("Whether %s accepts “%s” depends on the assumptions")
                              : _("Whether %s accepts “%s” depends on the open issues"),
                              name, title);
      break;
    }
  g_string_append_printf (sentence, "; %s.", flip);

  if (x->n_hinges > 0)
    {
      g_autofree char *hinges = zopa_format_hinges (analysis, actor, x);

      g_string_append_c (sentence, ' ');
      g_string_append_printf (sentence, _("It hinges on %s."), hinges);
    }
  if (v->verdict == ZOPA_VERDICT_DEPENDS && x->on_assumptions)
    {
      const char *accepts = x->accepts == ZOPA_HOLDS_IN_SOME_READING
                            ? _("In some readings it accepts every completion")
                            : _("In no reading does it accept every completion");
      const char *rejects = x->rejects == ZOPA_HOLDS_IN_SOME_READING
                            ? _("in some it rejects every one")
                            : _("in none does it reject every one");
      g_string_append_printf (sentence, " %s; %s.", accepts, rejects);
    }

  g_string_append_printf (out, "    → %s\n", sentence->str);
}

/* What empties the ZOPA of all shown actors over readings, and the smallest change that opens it. */
static void
print_empty_whole_group (GString      *out,
                         ZopaAnalysis *analysis)
{
  const ZopaEmptyRegion *e = zopa_analysis_get_empty_region (analysis, zopa_analysis_get_all_mask (analysis));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (e == NULL)
    return;
  for (guint k = 0; k < e->n_red_line_issues; k++)
    g_ptr_array_add (items, g_strdup (zopa_analysis_get_issue_title (analysis, e->red_line_issues[k])));
  list = zopa_format_join_and (items);
  g_string_append (out, "  ");
  if (e->by_scores)
    g_string_append (out, _("The red lines leave deals, but none meets every reservation."));
  else
    g_string_append_printf (out, _("The red lines on %s leave no option they all accept."), list);
  g_string_append_c (out, '\n');
  if (!e->computed)
    {
      g_string_append_printf (out, "  %s\n", _("(With weight ranges no single reading decides what opens it; not computed.)"));
      return;
    }
  if (e->n_sets == 0)
    return;

  g_ptr_array_set_size (items, 0);
  for (guint j = 0; j < e->sets[0].n_changes; j++)
    {
      const ZopaStanceChange *c = &e->sets[0].changes[j];
      const char *actor = zopa_analysis_get_actor_name (analysis, c->actor);

      if (c->kind == ZOPA_STANCE_CHANGE_ALLOW)
        g_ptr_array_add (items, g_strdup_printf (_("%s accepted “%s” on %s"), actor,
                                                 zopa_analysis_get_option_label (analysis, c->issue, c->option),
                                                 zopa_analysis_get_issue_title (analysis, c->issue)));
      else
        g_ptr_array_add (items, g_strdup_printf (_("%s's reservation were at most %d"), actor, c->reservation));
    }
  g_clear_pointer (&list, g_free);
  list = zopa_format_join_and (items);
  g_string_append (out, "  ");
  g_string_append_printf (out, e->empty == ZOPA_HOLDS_IN_EVERY_READING
                          ? _("It would hold a deal in some reading if %s.")
                          : _("It would hold a deal in every reading if %s."), list);
  g_string_append_c (out, '\n');
}

void
zopa_cli_print_readings (GString      *out,
                         ZopaAnalysis *analysis)
{
  guint all = zopa_analysis_get_all_mask (analysis);
  const ZopaRegionReadings *whole = zopa_analysis_get_region_readings (analysis, all);

  if (!zopa_analysis_is_uncertain (analysis))
    return;

  g_string_append_printf (out, "\n%s\n", _("Readings"));
  g_string_append_printf (out, "  %s\n",
                          _("Some values are ranges or maybe options: counts and verdicts above hold in every reading."));
  for (guint size = 1; size <= zopa_analysis_get_n_actors (analysis); size++)
    for (guint m = 1; m <= all; m++)
      {
        const ZopaRegionReadings *r = zopa_analysis_get_region_readings (analysis, m);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        g_autofree char *group = NULL;
        g_autofree char *inclusive = NULL;
        g_autofree char *exclusive = NULL;

        if ((guint) __builtin_popcount (m) != size || r == NULL)
          continue;
        for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
          if ((m >> a) & 1)
            g_ptr_array_add (names, (gpointer) zopa_analysis_get_actor_name (analysis, a));
        group = zopa_format_join_and (names);
        g_string_append (out, "  ");
        inclusive = zopa_format_integer (r->inclusive_max);
        exclusive = zopa_format_integer (r->exclusive_max);
        /* TRANSLATORS: a group of actors, two counts of deals, then " (not exact)" or nothing */
        g_string_append_printf (out, _("%s: in some reading %s deals all of them accept, %s only they accept%s"),
                                group, inclusive, exclusive, r->exact ? "" : _(" (not exact)"));
        g_string_append_c (out, '\n');
      }

  g_string_append (out, "  ");
  switch (whole->empty_inclusive)
    {
    case ZOPA_HOLDS_IN_EVERY_READING:
      g_string_append (out, _("The ZOPA is empty in every reading."));
      break;
    case ZOPA_HOLDS_IN_NO_READING:
      g_string_append (out, _("The ZOPA is empty in no reading."));
      break;
    case ZOPA_HOLDS_IN_SOME_READING:
    default:
      g_string_append (out, whole->emptiness_exact
                       ? _("Whether the ZOPA is empty depends on the reading.")
                       : _("Whether the ZOPA is empty in some reading was not decided within the work limit."));
      break;
    }
  g_string_append_c (out, '\n');
  print_empty_whole_group (out, analysis);
}
