/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-readings.c: what the diagram shows of uncertain assumptions — regions empty
 * in every reading (hatched) or in some only (dotted, with a dashed edge, their count a
 * range), markers whose verdicts hinge on assumptions (a ring of dots), and the sentences
 * that explain them. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "diagram/zopa-diagram-private.h"

/* ---- What the readings decide ----------------------------------------------------------------- */

void
zopa_diagram_readings_mark_draft (ZopaDiagram      *self,
                                  ZopaDiagramDraft *d,
                                  guint             n_open)
{
  gboolean on_open_issues = FALSE;

  d->on_assumptions = FALSE;
  for (guint k = 0; k < zopa_analysis_get_n_actors (self->analysis); k++)
    {
      const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (self->analysis, d->draft, k);

      if (x == NULL)
        continue;
      d->on_assumptions |= x->on_assumptions;
      on_open_issues |= x->on_open_issues;
    }
  /* Open issues that change no verdict (only the assumptions do) draw no hollow marker. */
  d->open = n_open > 0 && d->accepting != d->possible
            && (on_open_issues || !zopa_analysis_is_uncertain (self->analysis));
}

void
zopa_diagram_regions_from_analysis (ZopaAnalysis      *analysis,
                                    guint              n,
                                    ZopaDiagramRegion *regions)
{
  for (guint m = 1; m < (1u << n); m++)
    {
      ZopaDiagramRegion *reg = &regions[m];
      const ZopaRegion *every = zopa_analysis_get_region (analysis, m);
      const ZopaRegionReadings *some = zopa_analysis_get_region_readings (analysis, m);

      reg->count_low = every->exclusive;
      reg->count_high = some != NULL ? MAX (some->exclusive_max, every->exclusive) : every->exclusive;
      reg->count_exact = every->exact && (some == NULL || some->exact);
      if (some != NULL)
        {
          reg->empty = some->empty_exclusive == ZOPA_HOLDS_IN_EVERY_READING;
          reg->maybe_empty = some->empty_exclusive == ZOPA_HOLDS_IN_SOME_READING;
        }
      else
        reg->empty = every->exclusive_empty;
    }
}

void
zopa_diagram_readings_mark_regions (ZopaDiagram *self)
{
  zopa_diagram_regions_from_analysis (self->analysis, self->n_actors, self->regions);
}

gboolean
zopa_diagram_region_count_is_range (ZopaDiagram *self,
                                    guint        mask)
{
  const ZopaDiagramRegion *reg = &self->regions[mask];

  return !reg->empty && (reg->maybe_empty || reg->count_high > reg->count_low);
}

void
zopa_diagram_format_count_bounds (ZopaDiagram  *self,
                                  guint         mask,
                                  char        **low,
                                  char        **high)
{
  const ZopaDiagramRegion *reg = &self->regions[mask];

  *low = zopa_format_count (reg->maybe_empty ? 0 : reg->count_low, reg->count_exact);
  *high = zopa_format_count (reg->count_high, reg->count_exact);
}

char *
zopa_diagram_format_count_range (ZopaDiagram *self,
                                 guint        mask)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  zopa_diagram_format_count_bounds (self, mask, &low, &high);
  /* Translators: a range of numbers of deals, "0–38" */
  return g_strdup_printf (_("%s–%s"), low, high);
}

gboolean
zopa_diagram_any_maybe_empty_region (ZopaDiagram *self)
{
  for (guint m = 1; m < (1u << self->n_actors); m++)
    if (self->regions[m].drawn && self->regions[m].maybe_empty)
      return TRUE;
  return FALSE;
}

gboolean
zopa_diagram_any_assumption_marker (ZopaDiagram *self)
{
  for (guint i = 0; i < self->n_drafts; i++)
    if (self->drafts[i].on_assumptions)
      return TRUE;
  return FALSE;
}

/* ---- Drawing ------------------------------------------------------------------------------------ */

/* One tile of the dots: one in each corner and one in the middle. */
static void
paint_dot_tile (ZopaDiagram *self,
                cairo_t     *tcr,
                int          size,
                double       scale)
{
  double dot = MAX (1.2, 2.3 * self->unit) * scale;

  zopa_diagram_set_source (self, tcr, ZOPA_INK_HATCH, -1, 1);
  for (int corner = 0; corner < 4; corner++)
    {
      cairo_new_sub_path (tcr);
      cairo_arc (tcr, (corner & 1) * size, (corner >> 1) * size, dot, 0, 2 * G_PI);
    }
  cairo_new_sub_path (tcr);
  cairo_arc (tcr, size / 2.0, size / 2.0, dot, 0, 2 * G_PI);
  cairo_fill (tcr);
}

/* The dots of the tiles' lattice inside the current path, drawn as one path of real dots.
 * Vector files get these rather than a repeating pattern of a recording surface, which
 * cairo 1.16 leaks when it writes SVG. */
static void
fill_dots_as_paths (ZopaDiagram *self,
                    cairo_t     *cr,
                    double       step)
{
  double dot = MAX (1.2, 2.3 * self->unit);
  double x1, y1, x2, y2;

  cairo_clip (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
  for (double j = floor (y1 / step) - 1; j <= ceil (y2 / step); j++)
    for (double i = floor (x1 / step) - 1; i <= ceil (x2 / step); i++)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, i * step, j * step, dot, 0, 2 * G_PI);
        cairo_new_sub_path (cr);
        cairo_arc (cr, (i + 0.5) * step, (j + 0.5) * step, dot, 0, 2 * G_PI);
      }
  cairo_fill (cr);
}

void
zopa_diagram_draw_dots (ZopaDiagram *self,
                        cairo_t     *cr)
{
  double step = MAX (6.0, 13 * self->unit);
  cairo_pattern_t *pattern;

  cairo_save (cr);
  if (zopa_cairo_target_is_vector (cr))
    fill_dots_as_paths (self, cr, step);
  else
    {
      pattern = zopa_diagram_tile_pattern (self, cr, step, paint_dot_tile);
      cairo_set_source (cr, pattern);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }
  cairo_restore (cr);
}

void
zopa_diagram_draw_maybe_empty (ZopaDiagram *self,
                               cairo_t     *cr)
{
  double dash[] = { MAX (3.0, 8 * self->unit), MAX (3.0, 6 * self->unit) };

  for (guint m = 1; m < (1u << self->n_actors); m++)
    {
      if (!self->regions[m].drawn || !self->regions[m].maybe_empty)
        continue;
      /* The actors' tints stay visible under the dots: the region may hold deals. */
      zopa_diagram_venn_region_path (self, cr, m);
      zopa_diagram_draw_dots (self, cr);
      cairo_save (cr);
      zopa_diagram_venn_region_path (self, cr, m);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, MAX (1.2, 2.4 * self->unit));
      zopa_diagram_set_source (self, cr, ZOPA_INK_HATCH, -1, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static double
assumption_dot (double r)
{
  return MAX (1.0, r * 0.11);
}

double
zopa_diagram_assumption_ring_reach (double r)
{
  return r * 1.5 + assumption_dot (r);
}

void
zopa_diagram_draw_assumption_ring (ZopaDiagram *self,
                                   cairo_t     *cr,
                                   double       x,
                                   double       y,
                                   double       r)
{
  double dot = assumption_dot (r), ring = r * 1.5;
  guint n = MAX (8u, (guint) round (2 * G_PI * ring / (dot * 3.2)));

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint k = 0; k < n; k++)
    {
      double a = 2 * G_PI * k / n;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + ring * cos (a), y + ring * sin (a), dot, 0, 2 * G_PI);
    }
  zopa_diagram_set_source (self, cr, ZOPA_INK_TEXT, -1, 1);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ---- Descriptions --------------------------------------------------------------------------------- */

static char *
join_list (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && i + 1 == items->len)
        /* Translators: before the last item of a list, "A, B and C" */
        g_string_append (out, _(" and "));
      else if (i > 0)
        g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_change_set (ZopaDiagram         *self,
                     const ZopaChangeSet *set)
{
  ZopaAnalysis *a = self->analysis;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint j = 0; j < set->n_changes; j++)
    {
      const ZopaStanceChange *c = &set->changes[j];
      const char *actor = c->actor < self->n_actors ? self->actors[c->actor].name
                                                    : zopa_analysis_get_actor_name (a, c->actor);

      if (c->kind == ZOPA_STANCE_CHANGE_ALLOW)
        /* Translators: an actor, an option and its issue */
        g_ptr_array_add (items, g_strdup_printf (_("%s accepted “%s” on %s"), actor,
                                                 zopa_diagram_option_label (self, c->issue, c->option),
                                                 zopa_diagram_issue_title (self, c->issue)));
      else
        /* Translators: an actor and a reservation value */
        g_ptr_array_add (items, g_strdup_printf (_("%s’s reservation were at most %d"), actor, c->reservation));
    }
  return join_list (items);
}

/* What empties the ZOPA of the group mask, and the smallest change that opens it. */
static void
describe_empty_group (ZopaDiagram *self,
                      GString     *out,
                      guint        mask)
{
  ZopaAnalysis *a = self->analysis;
  const ZopaEmptyRegion *e = zopa_analysis_get_empty_region (a, mask);
  g_autofree char *who = zopa_format_actor_list (self, mask);

  if (e == NULL)
    return;
  g_string_append_c (out, '\n');
  if (e->by_scores)
    /* Translators: %s is a list of actors */
    g_string_append_printf (out, _("What empties it: deals pass the red lines of %s, but none meets all their reservations"),
                            who);
  else
    {
      g_autoptr(GPtrArray) issues = g_ptr_array_new ();
      g_autofree char *list = NULL;

      for (guint k = 0; k < e->n_red_line_issues; k++)
        g_ptr_array_add (issues, (gpointer) zopa_diagram_issue_title (self, e->red_line_issues[k]));
      list = join_list (issues);
      /* Translators: a list of issues, then a list of actors */
      g_string_append_printf (out, _("What empties it: on %s, no option that %s all accept"), list, who);
    }
  g_string_append_c (out, '\n');
  if (!e->computed)
    g_string_append (out, _("What would open it is not computed: with a range of weights no one reading decides it"));
  else if (e->n_sets == 0)
    g_string_append (out, e->complete ? _("No change of a stance within its ranges opens it")
                                      : _("No change that opens it was found in the time given"));
  else
    {
      g_autofree char *change = describe_change_set (self, &e->sets[0]);

      g_string_append_printf (out, e->empty == ZOPA_HOLDS_IN_EVERY_READING
                              /* Translators: %s is a list of stance changes */
                              ? _("It would hold a deal in some reading if %s")
                              : _("It would hold a deal in every reading if %s"), change);
      if (e->n_sets > 1)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " (or %u other change)", " (or %u other changes)",
                                                  e->n_sets - 1), e->n_sets - 1);
    }
}

void
zopa_diagram_describe_region_readings (ZopaDiagram *self,
                                       GString     *out,
                                       guint        mask)
{
  const ZopaDiagramRegion *reg = &self->regions[mask];
  guint all = zopa_analysis_get_all_mask (self->analysis);

  if (mask == 0)
    return;
  if (reg->maybe_empty || zopa_diagram_region_count_is_range (self, mask))
    {
      double space = zopa_analysis_get_deal_space (self->analysis);
      g_autofree char *range = zopa_diagram_format_count_range (self, mask);
      g_autofree char *low = zopa_format_share (reg->maybe_empty ? 0 : reg->count_low, space);
      g_autofree char *high = zopa_format_share (reg->count_high, space);

      g_string_append_c (out, '\n');
      if (reg->maybe_empty)
        /* Translators: a range of numbers of deals ("0–38"), then two shares of all deals */
        g_string_append_printf (out, _("Empty in some readings of the assumptions only: %s deals (%s to %s of all deals)"),
                                range, low, high);
      else
        /* Translators: a range of numbers of deals ("12–38"), then two shares of all deals */
        g_string_append_printf (out, _("%s deals (%s to %s of all deals), depending on the assumptions"),
                                range, low, high);
    }
  if (!reg->empty && !reg->maybe_empty)
    return;
  if (zopa_analysis_get_empty_region (self->analysis, mask) != NULL)
    describe_empty_group (self, out, mask);
  else if (mask != all)
    {
      g_autofree char *who = zopa_format_actor_list (self, mask);
      g_autofree char *others = zopa_format_actor_list (self, all & ~mask);

      g_string_append_c (out, '\n');
      /* Translators: two lists of actors */
      g_string_append_printf (out, reg->empty ? _("What empties it: every deal %s all accept is also accepted by %s")
                                              : _("What empties it: in some readings every deal %s all accept is also accepted by %s"),
                              who, others);
    }
}

static char *
describe_hinge (ZopaDiagram     *self,
                guint            actor,
                const ZopaHinge *h)
{
  ZopaAnalysis *a = self->analysis;
  int low, high;

  switch (h->kind)
    {
    case ZOPA_HINGE_RESERVATION:
      zopa_analysis_get_reservation_range (a, actor, &low, &high);
      /* Translators: the range of an actor's reservation */
      return g_strdup_printf (_("its reservation (%d–%d)"), low, high);
    case ZOPA_HINGE_WEIGHT:
      /* Translators: %s is an issue */
      return g_strdup_printf (_("its weight on %s"), zopa_diagram_issue_title (self, h->issue));
    case ZOPA_HINGE_UTILITY:
      /* Translators: an option, then its issue */
      return g_strdup_printf (_("its utility of “%s” on %s"), zopa_diagram_option_label (self, h->issue, h->option),
                              zopa_diagram_issue_title (self, h->issue));
    case ZOPA_HINGE_MAYBE:
      /* Translators: an option, then its issue */
      return g_strdup_printf (_("whether “%s” on %s is acceptable"), zopa_diagram_option_label (self, h->issue, h->option),
                              zopa_diagram_issue_title (self, h->issue));
    default:
      return g_strdup ("");
    }
}

void
zopa_diagram_describe_draft_readings (ZopaDiagram *self,
                                      GString     *out,
                                      guint        draft)
{
  g_autoptr(GPtrArray) on_issues = g_ptr_array_new ();

  for (guint k = 0; k < self->n_actors; k++)
    {
      const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (self->analysis, draft, k);
      g_autoptr(GPtrArray) hinges = NULL;
      g_autofree char *list = NULL;

      if (x == NULL)
        continue;
      if (x->on_open_issues)
        g_ptr_array_add (on_issues, self->actors[k].name);
      if (!x->on_assumptions)
        continue;
      hinges = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; j < x->n_hinges; j++)
        g_ptr_array_add (hinges, describe_hinge (self, k, &x->hinges[j]));
      list = join_list (hinges);
      g_string_append_c (out, '\n');
      if (hinges->len > 0)
        /* Translators: an actor, then what of its stance is uncertain */
        g_string_append_printf (out, _("%s’s verdict hinges on assumptions: %s"), self->actors[k].name, list);
      else
        /* Translators: %s is an actor */
        g_string_append_printf (out, _("%s’s verdict hinges on assumptions"), self->actors[k].name);
    }
  if (on_issues->len > 0 && zopa_analysis_is_uncertain (self->analysis))
    {
      g_autofree char *list = join_list (on_issues);

      g_string_append_c (out, '\n');
      /* Translators: %s is a list of actors */
      g_string_append_printf (out, _("Hinges on the open issues for %s"), list);
    }
}
