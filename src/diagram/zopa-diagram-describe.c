/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-describe.c: the plain-text explanations of the diagram and its items, for
 * tooltips and accessible descriptions. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"

/* ---- Descriptions ------------------------------------------------------------------------------ */

static char *
describe_count (ZopaDiagram      *self,
                double            count,
                double            error,
                gboolean          exact,
                gboolean          empty)
{
  g_autofree char *number = NULL;
  g_autofree char *share = NULL;

  if (empty)
    return g_strdup (_("No deal: empty region"));
  number = zopa_format_count (count, exact);
  share = zopa_format_share (count, zopa_analysis_get_deal_space (self->analysis));
  if (!exact && error > 0)
    {
      g_autofree char *err = zopa_format_count (error, TRUE);
      /* Translators: an estimated number of deals, its error bound and its share */
      return g_strdup_printf (_("%s deals (± %s; %s of all deals)"), number, err, share);
    }
  /* Translators: a number of deals and its share of all deals */
  return g_strdup_printf (_("%s deals (%s of all deals)"), number, share);
}

static char *
option_label (ZopaDiagram *self,
              guint        issue,
              guint        option)
{
  return g_strdup (zopa_diagram_option_label (self, issue, option));
}

static void
append_titles (GString    *out,
               const char *heading,
               GPtrArray  *titles)
{
  if (titles->len == 0)
    return;
  g_string_append_c (out, '\n');
  g_string_append (out, heading);
  for (guint i = 0; i < titles->len; i++)
    g_string_append_printf (out, "%s%s", i == 0 ? " " : _(", "), (const char *) g_ptr_array_index (titles, i));
}

static void
describe_region (ZopaDiagram *self,
                 GString     *out,
                 guint        mask)
{
  ZopaAnalysis *a = self->analysis;
  guint all = zopa_analysis_get_all_mask (a);
  g_autofree char *who = zopa_format_actor_list (self, mask);
  g_autofree char *count = NULL;
  GPtrArray *here = g_ptr_array_new ();
  GPtrArray *may_land = g_ptr_array_new ();

  if (mask == 0)
    {
      double outside = zopa_analysis_get_deal_space (a);
      gboolean exact = TRUE;

      for (guint m = 1; m <= all; m++)
        {
          const ZopaRegion *r = zopa_analysis_get_region (a, m);
          outside -= r->exclusive;
          exact &= r->exact;
        }
      g_string_append (out, _("Accepted by none of the shown actors"));
      g_string_append_c (out, '\n');
      count = describe_count (self, MAX (0.0, outside), 0, exact, FALSE);
      g_string_append (out, count);
    }
  else
    {
      const ZopaRegion *r = zopa_analysis_get_region (a, mask);

      if (mask == all && self->n_actors > 1)
        /* Translators: %s is a list of actors */
        g_string_append_printf (out, _("Accepted by all: %s"), who);
      else if (self->n_actors > 1)
        /* Translators: %s is a list of actors; the others reject these deals */
        g_string_append_printf (out, _("Accepted by %s only"), who);
      else
        g_string_append_printf (out, _("Accepted by %s"), who);
      /* A count that varies over the readings is said as a range, with what empties it. */
      if (self->view != ZOPA_DIAGRAM_VIEW_VENN || !zopa_diagram_region_count_is_range (self, mask))
        {
          g_string_append_c (out, '\n');
          count = describe_count (self, r->exclusive, r->exclusive_error, r->exact,
                                  self->view == ZOPA_DIAGRAM_VIEW_VENN ? self->regions[mask].empty : r->exclusive_empty);
          g_string_append (out, count);
        }
      if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
        zopa_diagram_describe_region_readings (self, out, mask);
      if (__builtin_popcount (mask) >= 2 && mask != all)
        {
          g_autofree char *zopa = NULL;

          const ZopaRegionReadings *rr = zopa_analysis_get_region_readings (a, mask);

          g_string_append_c (out, '\n');
          if (rr != NULL && rr->empty_inclusive == ZOPA_HOLDS_IN_SOME_READING)
            /* Translators: %s is a list of actors */
            g_string_append_printf (out, _("ZOPA of %s: empty in some readings"), who);
          else if (r->inclusive_empty)
            /* Translators: %s is a list of actors */
            g_string_append_printf (out, _("ZOPA of %s: empty"), who);
          else
            {
              zopa = zopa_format_count (r->inclusive, r->exact);
              /* Translators: the first %s is a list of actors, the second a number of deals */
              g_string_append_printf (out, _("ZOPA of %s: %s deals, whatever the others think"), who, zopa);
            }
        }
      if (self->mode == ZOPA_DIAGRAM_MODE_PROPORTIONAL && !self->regions[mask].drawn && !r->exclusive_empty)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, _("Too small to draw to scale"));
        }
      if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
        zopa_venn_inset_describe_region (self, out, mask);
    }
  /* In the Venn view a draft with open issues stands where it may land, not where it must. */
  for (guint i = 0; i < self->n_drafts; i++)
    {
      const ZopaDiagramDraft *d = &self->drafts[i];
      gboolean spread = self->view == ZOPA_DIAGRAM_VIEW_VENN && d->open;

      if (spread ? d->mask == mask : d->accepting == mask)
        g_ptr_array_add (spread ? may_land : here, d->title);
    }
  append_titles (out, _("Drafts here:"), here);
  append_titles (out, _("Drafts with open issues that may land here:"), may_land);
  g_ptr_array_unref (here);
  g_ptr_array_unref (may_land);
}

static void
describe_draft (ZopaDiagram *self,
                GString     *out,
                guint        draft)
{
  ZopaAnalysis *a = self->analysis;
  int shown = zopa_diagram_shown_index (self, (int) draft);
  const char *title = zopa_analysis_get_draft_title (a, draft);
  guint accepting = zopa_analysis_get_draft_accepting (a, draft);
  guint possible = zopa_analysis_get_draft_possible (a, draft);
  guint n_open = 0, n_conflicts = 0;
  const guint *open = zopa_analysis_get_draft_open_issues (a, draft, &n_open);
  g_autofree char *who = zopa_format_actor_list (self, accepting);

  g_string_append (out, title != NULL && title[0] != '\0' ? title : zopa_analysis_get_draft_id (a, draft));
  g_string_append_c (out, '\n');
  /* The title stays the first line on its own: it names what the focus ring is on. */
  if (shown >= 0)
    {
      /* Translators: the number a draft's marker shows */
      g_string_append_printf (out, _("Marker %s"), self->drafts[shown].number);
      g_string_append_c (out, '\n');
    }
  if (shown >= 0 && self->drafts[shown].open)
    {
      g_autofree char *both = zopa_format_open_verdicts (self, accepting, possible, TRUE);

      g_string_append (out, both);
    }
  else
    {
      if (accepting == 0)
        g_string_append (out, _("Accepted by no one"));
      else
        /* Translators: %s is a list of actors */
        g_string_append_printf (out, _("Accepted by %s"), who);
      if (possible != accepting)
        {
          g_autofree char *may = zopa_format_actor_list (self, possible & ~accepting);

          g_string_append_c (out, '\n');
          if (shown >= 0 && self->drafts[shown].on_assumptions)
            /* Translators: %s is a list of actors */
            g_string_append_printf (out, _("May be accepted by %s, depending on the assumptions"), may);
          else
            /* Translators: %s is a list of actors */
            g_string_append_printf (out, _("May be accepted by %s, depending on the open issues"), may);
        }
    }
  zopa_diagram_describe_draft_readings (self, out, draft);

  for (guint k = 0; k < self->n_actors; k++)
    {
      const ZopaDraftVerdict *v = zopa_analysis_get_verdict (a, draft, k);

      if (v == NULL)
        continue;
      g_string_append_c (out, '\n');
      /* Translators: an actor's name and its verdict on a draft */
      g_string_append_printf (out, _("%s: %s"), self->actors[k].name, zopa_format_verdict (v->verdict));
      if (v->has_score)
        {
          if (fabs (v->best_score - v->worst_score) < 0.05)
            /* Translators: the score of a draft and the actor's reservation */
            g_string_append_printf (out, _(" — score %.0f, reservation %d"), v->score, v->reservation);
          else
            g_string_append_printf (out, _(" — score %.0f to %.0f, reservation %d"),
                                    v->worst_score, v->best_score, v->reservation);
        }
      if (v->n_violations > 0)
        {
          g_string_append (out, _("; red lines crossed: "));
          for (guint j = 0; j < v->n_violations; j++)
            {
              g_autofree char *option = option_label (self, v->violations[j].issue, v->violations[j].option);

              if (j > 0)
                g_string_append (out, _(", "));
              /* Translators: an issue and the option a draft fixes it to */
              g_string_append_printf (out, _("%s (%s)"), zopa_diagram_issue_title (self, v->violations[j].issue), option);
            }
        }
      if (v->n_open_red_lines > 0)
        {
          g_string_append (out, _("; red lines at stake in open issues: "));
          for (guint j = 0; j < v->n_open_red_lines; j++)
            {
              if (j > 0)
                g_string_append (out, _(", "));
              g_string_append (out, zopa_diagram_issue_title (self, v->open_red_lines[j]));
            }
        }
    }
  if (n_open > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Open issues: "));
      for (guint j = 0; j < n_open; j++)
        {
          if (j > 0)
            g_string_append (out, _(", "));
          g_string_append (out, zopa_diagram_issue_title (self, open[j]));
        }
    }
  zopa_analysis_get_draft_conflicts (a, draft, &n_conflicts);
  if (n_conflicts > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u conflicting issue", "%u conflicting issues",
                                                n_conflicts), n_conflicts);
    }
  if (shown >= 0 && self->drafts[shown].parent >= 0)
    {
      g_string_append_c (out, '\n');
      /* Translators: %s is a draft's title */
      g_string_append_printf (out, _("Derived from %s"), self->drafts[self->drafts[shown].parent].title);
    }
  if (shown >= 0 && self->drafts[shown].outside)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Its region is too small to hold the marker: it stands below the diagram, with a line to where it belongs"));
    }
}

static void
describe_actor (ZopaDiagram *self,
                GString     *out,
                guint        actor)
{
  ZopaAnalysis *a = self->analysis;
  const ZopaRegion *r = zopa_analysis_get_region (a, 1u << actor);
  guint lines = 0;

  g_string_append (out, self->actors[actor].name);
  g_string_append_c (out, '\n');
  if (r->inclusive_empty)
    g_string_append (out, _("Accepts no deal"));
  else
    {
      g_autofree char *n = zopa_format_count (r->inclusive, r->exact);
      g_autofree char *share = zopa_format_share (r->inclusive, zopa_analysis_get_deal_space (a));
      /* Translators: a number of deals and its share of all deals */
      g_string_append_printf (out, _("Accepts %s deals (%s of all deals)"), n, share);
    }
  for (guint i = 0; i < zopa_analysis_get_n_issues (a); i++)
    for (guint o = 0; o < zopa_analysis_get_n_options (a, i); o++)
      if (!zopa_analysis_actor_accepts_option (a, actor, i, o))
        {
          lines++;
          break;
        }
  g_string_append_c (out, '\n');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Red lines on %u issue", "Red lines on %u issues", lines),
                          lines);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Reservation: %d"), zopa_analysis_get_reservation (a, actor));
}

static void
describe_issue (ZopaDiagram *self,
                GString     *out,
                guint        issue)
{
  ZopaAnalysis *a = self->analysis;
  guint n_options = zopa_analysis_get_n_options (a, issue);
  gboolean any_common = FALSE;

  g_string_append (out, zopa_diagram_issue_title (self, issue));
  for (guint k = 0; k < self->n_actors; k++)
    {
      guint n_ok = 0;

      g_string_append_c (out, '\n');
      /* Translators: an actor's name, then the options it accepts */
      g_string_append_printf (out, _("%s accepts: "), self->actors[k].name);
      for (guint o = 0; o < n_options; o++)
        if (zopa_analysis_actor_accepts_option (a, k, issue, o))
          {
            g_autofree char *label = option_label (self, issue, o);
            if (n_ok++ > 0)
              g_string_append (out, _(", "));
            g_string_append (out, label);
          }
      if (n_ok == 0)
        g_string_append (out, _("none"));
    }
  for (guint o = 0; o < n_options; o++)
    {
      gboolean all = TRUE;
      for (guint k = 0; k < self->n_actors; k++)
        all &= zopa_analysis_actor_accepts_option (a, k, issue, o);
      any_common |= all;
    }
  if (!any_common && self->n_actors > 1)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("No option every actor accepts"));
    }
  for (guint i = 0; i < self->n_drafts; i++)
    {
      int option = zopa_analysis_get_draft_option (a, self->drafts[i].draft, issue);
      g_autofree char *label = option >= 0 ? option_label (self, issue, (guint) option) : g_strdup (_("left open"));

      g_string_append_c (out, '\n');
      /* Translators: a draft's title and its choice on an issue */
      g_string_append_printf (out, _("%s: %s"), self->drafts[i].title, label);
    }
}

static void
describe_option (ZopaDiagram *self,
                 GString     *out,
                 guint        issue,
                 guint        option)
{
  ZopaAnalysis *a = self->analysis;
  g_autofree char *label = option_label (self, issue, option);
  guint accept = 0;
  GPtrArray *chosen = g_ptr_array_new ();

  /* Translators: an issue and one of its options */
  g_string_append_printf (out, _("%s: %s"), zopa_diagram_issue_title (self, issue), label);
  for (guint k = 0; k < self->n_actors; k++)
    if (zopa_analysis_actor_accepts_option (a, k, issue, option))
      accept |= 1u << k;
  g_string_append_c (out, '\n');
  if (accept == 0)
    g_string_append (out, _("Acceptable to no one"));
  else
    {
      g_autofree char *who = zopa_format_actor_list (self, accept);
      /* Translators: %s is a list of actors */
      g_string_append_printf (out, _("Acceptable to %s"), who);
    }
  if (accept != zopa_analysis_get_all_mask (a))
    {
      g_autofree char *who = zopa_format_actor_list (self, zopa_analysis_get_all_mask (a) & ~accept);
      g_string_append_c (out, '\n');
      /* Translators: %s is a list of actors */
      g_string_append_printf (out, _("A red line for %s"), who);
    }
  for (guint i = 0; i < self->n_drafts; i++)
    if (zopa_analysis_get_draft_option (a, self->drafts[i].draft, issue) == (int) option)
      g_ptr_array_add (chosen, self->drafts[i].title);
  if (chosen->len > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("Chosen by:"));
      for (guint i = 0; i < chosen->len; i++)
        g_string_append_printf (out, "%s%s", i == 0 ? " " : _(", "), (const char *) g_ptr_array_index (chosen, i));
    }
  g_ptr_array_unref (chosen);
}

char *
zopa_diagram_describe (ZopaDiagram           *self,
                       const ZopaDiagramItem *item)
{
  GString *out;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  out = g_string_new (NULL);
  switch (item->kind)
    {
    case ZOPA_DIAGRAM_ITEM_NONE:
      break;
    case ZOPA_DIAGRAM_ITEM_REGION:
      if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
        zopa_diagram_bargaining_describe (self, out, item);
      else if (item->mask <= zopa_analysis_get_all_mask (self->analysis))
        describe_region (self, out, item->mask);
      break;
    case ZOPA_DIAGRAM_ITEM_DRAFT:
      if (item->draft >= 0 && (guint) item->draft < zopa_analysis_get_n_drafts (self->analysis))
        {
          describe_draft (self, out, (guint) item->draft);
          if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
            zopa_diagram_bargaining_describe_draft (self, out, (guint) item->draft);
          if (item->issue >= 0 && (guint) item->issue < zopa_analysis_get_n_issues (self->analysis))
            {
              int option = zopa_analysis_get_draft_option (self->analysis, (guint) item->draft, (guint) item->issue);
              g_autofree char *label = option >= 0 ? option_label (self, (guint) item->issue, (guint) option)
                                                   : g_strdup (_("left open"));
              g_string_append_c (out, '\n');
              /* Translators: an issue and the draft's choice on it */
              g_string_append_printf (out, _("On %s: %s"), zopa_diagram_issue_title (self, (guint) item->issue), label);
            }
        }
      break;
    case ZOPA_DIAGRAM_ITEM_ACTOR:
      if (item->actor >= 0 && (guint) item->actor < self->n_actors)
        describe_actor (self, out, (guint) item->actor);
      break;
    case ZOPA_DIAGRAM_ITEM_ISSUE:
      if (item->issue >= 0 && (guint) item->issue < zopa_analysis_get_n_issues (self->analysis))
        describe_issue (self, out, (guint) item->issue);
      break;
    case ZOPA_DIAGRAM_ITEM_OPTION:
      if (item->issue >= 0 && (guint) item->issue < zopa_analysis_get_n_issues (self->analysis) &&
          item->option >= 0 && (guint) item->option < zopa_analysis_get_n_options (self->analysis, (guint) item->issue))
        describe_option (self, out, (guint) item->issue, (guint) item->option);
      break;
    case ZOPA_DIAGRAM_ITEM_FRONTIER:
      zopa_diagram_bargaining_describe (self, out, item);
      break;
    default:
      break;
    }
  return g_string_free (out, FALSE);
}

char *
zopa_diagram_describe_summary (ZopaDiagram *self)
{
  ZopaAnalysis *a;
  GString *out;
  g_autofree char *who = NULL;
  const char *variant;
  guint all;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM (self), NULL);

  a = self->analysis;
  all = zopa_analysis_get_all_mask (a);
  who = zopa_format_actor_list (self, all);
  variant = zopa_analysis_get_variant_title (a);
  if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    return zopa_diagram_bargaining_summary (self);
  out = g_string_new (NULL);
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    /* Translators: %s is a list of actors */
    g_string_append_printf (out, _("Venn diagram of the deals acceptable to %s."), who);
  else
    /* Translators: %s is a list of actors */
    g_string_append_printf (out, _("Issue map of the options acceptable to %s."), who);
  g_string_append_c (out, ' ');
  if (zopa_analysis_get_variant_id (a) != NULL)
    g_string_append_printf (out, _("Variant: %s."), variant != NULL ? variant : "");
  else
    g_string_append (out, _("Base scenario."));
  g_string_append_c (out, ' ');
  {
    g_autofree char *finding = zopa_format_finding (a, all);

    /* Translators: %s is what the diagram finds, e.g. "No deal is acceptable to all four" */
    g_string_append_printf (out, _("%s."), finding);
  }
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    {
      guint n_maybe = 0;

      for (guint m = 1; m <= all && m < ZOPA_EULER_MAX_REGIONS; m++)
        n_maybe += self->regions[m].drawn && self->regions[m].maybe_empty;
      if (n_maybe > 0)
        {
          g_string_append_c (out, ' ');
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                    "%u region is empty in some readings of the assumptions only (dotted).",
                                                    "%u regions are empty in some readings of the assumptions only (dotted).",
                                                    n_maybe), n_maybe);
        }
      zopa_venn_inset_summarise (self, out);
    }
  if (self->n_drafts > 0)
    {
      guint n_hinging = 0;

      for (guint i = 0; i < self->n_drafts; i++)
        n_hinging += self->drafts[i].on_assumptions;
      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u draft shown.", "%u drafts shown.",
                                                self->n_drafts), self->n_drafts);
      /* Both verdicts of each draft with open issues: its one marker shows only where it may land. */
      for (guint i = 0; i < self->n_drafts && self->view == ZOPA_DIAGRAM_VIEW_VENN; i++)
        if (self->drafts[i].open)
          {
            g_autofree char *both = zopa_format_open_verdicts (self, self->drafts[i].accepting,
                                                               self->drafts[i].possible, FALSE);

            g_string_append_c (out, ' ');
            /* Translators: a draft's marker number and title, and its verdicts */
            g_string_append_printf (out, _("Draft %s, %s: %s."), self->drafts[i].number,
                                    self->drafts[i].title, both);
          }
      if (n_hinging > 0)
        {
          g_string_append_c (out, ' ');
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                    "On %u of them a verdict hinges on assumptions (ring of dots).",
                                                    "On %u of them verdicts hinge on assumptions (ring of dots).",
                                                    n_hinging), n_hinging);
        }
    }
  return g_string_free (out, FALSE);
}
