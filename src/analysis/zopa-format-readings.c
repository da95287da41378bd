/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-format-readings.c: verdicts over readings in words — what a verdict depends on, the
 * uncertain values it hinges on, and the change of stance that would flip it — for the
 * window's verdict rows and zopa-cli alike */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "analysis/zopa-format.h"

/* Beyond this many options allowed, a flip standing alone names the issues instead. */
#define ZOPA_FORMAT_FLIP_LISTED_OPTIONS 3

/* "A", "A and B", "A, B and C" */
char *
zopa_format_join_and (GPtrArray *items)
{
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < items->len; k++)
    {
      if (k > 0)
        g_string_append (text, k + 1 == items->len ? _(" and ") : ", ");
      g_string_append (text, g_ptr_array_index (items, k));
    }
  return g_string_free (text, FALSE);
}

char *
zopa_format_hinge (ZopaAnalysis    *analysis,
                   guint            actor,
                   const ZopaHinge *hinge,
                   char           **range)
{
  const char *name = zopa_analysis_get_actor_name (analysis, actor);
  const char *issue = hinge->kind == ZOPA_HINGE_RESERVATION ? NULL : zopa_analysis_get_issue_title (analysis, hinge->issue);
  const char *option = hinge->kind == ZOPA_HINGE_UTILITY || hinge->kind == ZOPA_HINGE_MAYBE
                       ? zopa_analysis_get_option_label (analysis, hinge->issue, hinge->option) : NULL;

  if (range != NULL)
    *range = NULL;
  switch (hinge->kind)
    {
    case ZOPA_HINGE_RESERVATION:
      if (range != NULL)
        {
          int low, high;

          zopa_analysis_get_reservation_range (analysis, actor, &low, &high);
          /* Translators: the range an uncertain value is read within, "70–85". */
          *range = g_strdup_printf (_("%d–%d"), low, high);
        }
      /* Translators: %s is an actor's name. */
      return g_strdup_printf (_("%s’s reservation"), name);
    case ZOPA_HINGE_WEIGHT:
      /* Translators: an actor's name and an issue's title. */
      return g_strdup_printf (_("the weight %s gives %s"), name, issue);
    case ZOPA_HINGE_UTILITY:
      /* Translators: an actor's name, an option's label and an issue's title. */
      return g_strdup_printf (_("how much %s likes “%s” on %s"), name, option, issue);
    case ZOPA_HINGE_MAYBE:
    default:
      /* Translators: an actor's name, an option's label and an issue's title. */
      return g_strdup_printf (_("whether %s can live with “%s” on %s"), name, option, issue);
    }
}

/* A hinge with its range in brackets, "Moscow’s reservation (70–85)". */
static char *
hinge_with_range (ZopaAnalysis    *analysis,
                  guint            actor,
                  const ZopaHinge *hinge)
{
  g_autofree char *range = NULL;
  g_autofree char *phrase = zopa_format_hinge (analysis, actor, hinge, &range);

  if (range == NULL)
    return g_steal_pointer (&phrase);
  /* Translators: an uncertain value and the range it is read within. */
  return g_strdup_printf (_("%s (%s)"), phrase, range);
}

char *
zopa_format_hinges (ZopaAnalysis              *analysis,
                    guint                      actor,
                    const ZopaVerdictReadings *readings)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < readings->n_hinges; k++)
    g_ptr_array_add (items, hinge_with_range (analysis, actor, &readings->hinges[k]));
  return zopa_format_join_and (items);
}

/* "Depends on how Moscow’s reservation is read (70–85)": what the verdict rests on. */
static char *
describe_depends (ZopaAnalysis              *analysis,
                  guint                      actor,
                  const ZopaVerdictReadings *x)
{
  g_autofree char *assumptions = NULL;

  if (!x->on_assumptions)
    return g_strdup (_("Depends on how the open issues are settled"));

  if (x->n_hinges == 0)
    assumptions = g_strdup (_("how the uncertain values are read"));
  else if (x->n_hinges == 1 && x->hinges[0].kind != ZOPA_HINGE_MAYBE)
    {
      g_autofree char *range = NULL;
      g_autofree char *phrase = zopa_format_hinge (analysis, actor, &x->hinges[0], &range);

      if (range != NULL)
        /* Translators: "how Moscow’s reservation is read (70–85)". */
        assumptions = g_strdup_printf (_("how %s is read (%s)"), phrase, range);
      else
        /* Translators: "how the weight Moscow gives Territory is read". */
        assumptions = g_strdup_printf (_("how %s is read"), phrase);
    }
  else
    assumptions = zopa_format_hinges (analysis, actor, x);

  if (x->on_open_issues)
    /* Translators: %s is what the verdict hinges on, "how Moscow’s reservation is read (70–85)". */
    return g_strdup_printf (_("Depends on the open issues and on %s"), assumptions);
  /* Translators: %s is what the verdict hinges on, "how Moscow’s reservation is read (70–85)". */
  return g_strdup_printf (_("Depends on %s"), assumptions);
}

char *
zopa_format_verdict_over_readings (ZopaAnalysis *analysis,
                                   guint         draft,
                                   guint         actor)
{
  const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, draft, actor);
  const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  gboolean uncertain = zopa_analysis_actor_is_uncertain (analysis, actor);

  switch (v->verdict)
    {
    case ZOPA_VERDICT_ACCEPTS:
      return g_strdup (uncertain ? _("Accepts in every reading") : _("Accepts"));
    case ZOPA_VERDICT_REJECTS:
      return g_strdup (uncertain ? _("Rejects in every reading") : _("Rejects"));
    case ZOPA_VERDICT_DEPENDS:
    default:
      return describe_depends (analysis, actor, x);
    }
}

static const char *
count_word (guint n)
{
  static const char *words[] = {
    N_("zero"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"),
    N_("six"), N_("seven"), N_("eight"), N_("nine"), N_("ten"),
  };

  return n < G_N_ELEMENTS (words) ? _(words[n]) : NULL;
}

/* The allowances of a flip, in words; "those three" when they are exactly the red lines
 * the verdict named (only where the red lines were just listed, as zopa-cli does). */
static char *
describe_allowances (ZopaAnalysis           *analysis,
                     const ZopaDraftVerdict *v,
                     const ZopaStanceChange *changes,
                     guint                   n_allow,
                     gboolean                after_red_lines)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  gboolean same = after_red_lines && n_allow == v->n_violations && n_allow > 1 && count_word (n_allow) != NULL;

  for (guint k = 0; k < n_allow && same; k++)
    same = changes[k].issue == v->violations[k].issue && changes[k].option == v->violations[k].option;
  if (same)
    /* Translators: "those three" red lines named just before */
    return g_strdup_printf (_("those %s"), count_word (n_allow));

  /* Standing alone, a long list is summed up by the issues it touches; the reasons and
   * the variant it makes name every option. */
  if (!after_red_lines && n_allow > ZOPA_FORMAT_FLIP_LISTED_OPTIONS)
    {
      g_autofree char *issues = NULL;

      for (guint k = 0; k < n_allow; k++)
        if (k == 0 || changes[k].issue != changes[k - 1].issue)
          g_ptr_array_add (items, g_strdup (zopa_analysis_get_issue_title (analysis, changes[k].issue)));
      issues = zopa_format_join_and (items);
      /* Translators: "10 more options on Territory, NATO membership and Sanctions". */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more option on %s", "%u more options on %s", n_allow),
                              n_allow, issues);
    }

  for (guint k = 0; k < n_allow; k++)
    g_ptr_array_add (items, g_strdup_printf (_("“%s” on %s"),
                                             zopa_analysis_get_option_label (analysis, changes[k].issue, changes[k].option),
                                             zopa_analysis_get_issue_title (analysis, changes[k].issue)));
  return zopa_format_join_and (items);
}

/* Upper-cases the first letter, for a phrase that starts a sentence of its own. */
static char *
start_sentence (char *phrase)
{
  gunichar first = g_utf8_get_char (phrase);
  const char *rest = g_utf8_next_char (phrase);
  char head[8] = { 0 };
  char *sentence;

  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  sentence = g_strconcat (head, rest, NULL);
  g_free (phrase);
  return sentence;
}

char *
zopa_format_verdict_flip (ZopaAnalysis    *analysis,
                          guint            draft,
                          guint            actor,
                          ZopaFlipWording  wording)
{
  const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, draft, actor);
  const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  gboolean in_sentence = wording == ZOPA_FLIP_AFTER_RED_LINES;
  guint n_allow = 0;
  int reservation = -1;
  g_autofree char *allowances = NULL;
  const char *outcome;

  if (!x->has_flip)
    {
      char *phrase = g_strdup (v->verdict == ZOPA_VERDICT_ACCEPTS
                               ? _("no reservation up to 100 would make it stop accepting")
                               : _("no change of its own stance would change that"));

      return in_sentence ? phrase : start_sentence (phrase);
    }

  for (guint k = 0; k < x->n_flip; k++)
    if (x->flip[k].kind == ZOPA_STANCE_CHANGE_ALLOW)
      n_allow++;
    else
      reservation = x->flip[k].reservation;

  /* Within a sentence about the actor "it would …"; standing alone under its name, "Would …". */
  if (v->verdict == ZOPA_VERDICT_ACCEPTS)
    {
      outcome = in_sentence ? _("it would stop accepting") : _("Would stop accepting");
      /* Translators: "it would stop accepting if its reservation were at least 60". */
      return g_strdup_printf (_("%s if its reservation were at least %d"), outcome, reservation);
    }
  if (x->flipped == ZOPA_VERDICT_ACCEPTS)
    outcome = in_sentence ? _("it would accept") : _("Would accept");
  else
    outcome = in_sentence ? _("it could accept some completions") : _("Could accept some completions");
  allowances = describe_allowances (analysis, v, x->flip, n_allow, in_sentence);
  if (n_allow > 0 && reservation >= 0)
    /* Translators: "it would accept if it allowed “Line of contact” on Territory, and its
     * reservation were at most 58". */
    return g_strdup_printf (_("%s if it allowed %s, and its reservation were at most %d"),
                            outcome, allowances, reservation);
  if (n_allow > 0)
    return g_strdup_printf (_("%s if it allowed %s"), outcome, allowances);
  return g_strdup_printf (_("%s if its reservation were at most %d"), outcome, reservation);
}

char *
zopa_format_flip_variant_title (ZopaAnalysis *analysis,
                                guint         draft,
                                guint         actor)
{
  const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, draft, actor);
  const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  const char *name = zopa_analysis_get_actor_name (analysis, actor);
  const char *title = zopa_analysis_get_draft_title (analysis, draft);

  if (v->verdict == ZOPA_VERDICT_ACCEPTS)
    /* Translators: a variant's title: an actor's name and a draft's title. */
    return g_strdup_printf (_("%s stops accepting %s"), name, title);
  if (x->flipped == ZOPA_VERDICT_ACCEPTS)
    /* Translators: a variant's title: an actor's name and a draft's title. */
    return g_strdup_printf (_("%s accepts %s"), name, title);
  /* Translators: a variant's title: an actor's name and a draft's title. */
  return g_strdup_printf (_("%s could accept %s"), name, title);
}
