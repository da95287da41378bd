/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-hinges.c: the uncertain values of an analysis and the conclusions that hinge on
 * each (see zopa-hinges.h for what "hinges" means for a region) */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include "zopa-analysis-private.h"
#include "zopa-format.h"
#include "zopa-hinges.h"

struct _ZopaHinges
{
  GObject       parent_instance;

  ZopaAnalysis *analysis;
  GArray       *assumptions;   /* ZopaAssumption */
  GPtrArray    *verdicts;      /* [assumption] GArray of ZopaVerdictRef */
  GPtrArray    *regions;       /* [assumption] GArray of guint masks */
  guint         n_unexplained;
  gboolean      complete;
};

G_DEFINE_FINAL_TYPE (ZopaHinges, zopa_hinges, G_TYPE_OBJECT)

static void
zopa_hinges_finalize (GObject *object)
{
  ZopaHinges *self = ZOPA_HINGES (object);

  g_clear_object (&self->analysis);
  g_clear_pointer (&self->assumptions, g_array_unref);
  g_clear_pointer (&self->verdicts, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  G_OBJECT_CLASS (zopa_hinges_parent_class)->finalize (object);
}

static void
zopa_hinges_class_init (ZopaHingesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zopa_hinges_finalize;
}

static void
zopa_hinges_init (ZopaHinges *self)
{
  self->assumptions = g_array_new (FALSE, FALSE, sizeof (ZopaAssumption));
  self->verdicts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->complete = TRUE;
}

static void
add_assumption (ZopaHinges    *self,
                guint          actor,
                ZopaHingeKind  kind,
                guint          issue,
                guint          option,
                int            low,
                int            high)
{
  ZopaAssumption assumption = { actor, kind, issue, option, low, high };

  g_array_append_val (self->assumptions, assumption);
  g_ptr_array_add (self->verdicts, g_array_new (FALSE, FALSE, sizeof (ZopaVerdictRef)));
  g_ptr_array_add (self->regions, g_array_new (FALSE, FALSE, sizeof (guint)));
}

static void
collect_assumptions (ZopaHinges       *self,
                     const ZopaBounds *b)
{
  for (guint a = 0; a < b->n_actors; a++)
    {
      if (b->reservation_low[a] != b->reservation_high[a])
        add_assumption (self, a, ZOPA_HINGE_RESERVATION, 0, 0, b->reservation_low[a], b->reservation_high[a]);
      for (guint i = 0; i < b->n_issues; i++)
        {
          guint ai = a * b->n_issues + i;

          if (b->weight_low[ai] != b->weight_high[ai])
            add_assumption (self, a, ZOPA_HINGE_WEIGHT, i, 0, b->weight_low[ai], b->weight_high[ai]);
          for (guint o = 0; o < b->n_options[i]; o++)
            {
              guint aio = ai * b->stride + o;

              if (b->utility_low[aio] != b->utility_high[aio])
                add_assumption (self, a, ZOPA_HINGE_UTILITY, i, o, b->utility_low[aio], b->utility_high[aio]);
            }
          for (guint o = 0; o < b->n_options[i]; o++)
            if ((b->maybe[ai] >> o) & 1)
              add_assumption (self, a, ZOPA_HINGE_MAYBE, i, o, 0, 1);
        }
    }
}

/* The low and high fields of the assumption's value in b (NULL for a maybe option). */
static void
assumption_fields (ZopaBounds           *b,
                   const ZopaAssumption *x,
                   int                 **low,
                   int                 **high)
{
  guint ai = x->actor * b->n_issues + x->issue;

  switch (x->kind)
    {
    case ZOPA_HINGE_RESERVATION:
      *low = &b->reservation_low[x->actor];
      *high = &b->reservation_high[x->actor];
      break;
    case ZOPA_HINGE_WEIGHT:
      *low = &b->weight_low[ai];
      *high = &b->weight_high[ai];
      break;
    case ZOPA_HINGE_UTILITY:
      *low = &b->utility_low[ai * b->stride + x->option];
      *high = &b->utility_high[ai * b->stride + x->option];
      break;
    case ZOPA_HINGE_MAYBE:
    default:
      *low = *high = NULL;
      break;
    }
}

/* Fixes the assumption in work at value (for a maybe option: 1 acceptable, 0 a red
 * line); restore_assumption() puts back what original holds. */
static void
fix_assumption (ZopaBounds           *work,
                const ZopaAssumption *x,
                int                   value)
{
  int *low, *high;

  assumption_fields (work, x, &low, &high);
  if (low != NULL)
    {
      *low = *high = value;
      return;
    }
  work->maybe[x->actor * work->n_issues + x->issue] &= ~((ZopaOptionMask) 1 << x->option);
  if (value)
    work->sure[x->actor * work->n_issues + x->issue] |= (ZopaOptionMask) 1 << x->option;
}

static void
restore_assumption (ZopaBounds           *work,
                    const ZopaBounds     *original,
                    const ZopaAssumption *x)
{
  guint ai = x->actor * work->n_issues + x->issue;
  int *low, *high;

  assumption_fields (work, x, &low, &high);
  if (low != NULL)
    {
      *low = x->low;
      *high = x->high;
      return;
    }
  work->maybe[ai] = original->maybe[ai];
  work->sure[ai] = original->sure[ai];
}

typedef enum {
  HINGES_NO,
  HINGES_YES,
  HINGES_UNDECIDED,
} Hinged;

/*
 * Whether the region's emptiness differs between the ends of the assumption's range.
 * Reservation, utilities and maybe options move the region one way only (for a member
 * acceptance grows, for an outsider it shrinks), so the two ends decide; a weight is
 * tried at each value.
 */
static Hinged
region_hinges_on (ZopaBounds           *work,
                  const ZopaBounds     *original,
                  const ZopaAssumption *x,
                  guint                 mask,
                  ZopaBudget           *budget)
{
  ZopaHolds first = ZOPA_HOLDS_IN_NO_READING;
  Hinged hinged = HINGES_NO;

  for (int value = x->low; value <= x->high && hinged == HINGES_NO; value++)
    {
      gboolean exact = TRUE;
      ZopaHolds emptiness;

      if (x->kind != ZOPA_HINGE_WEIGHT && value != x->low && value != x->high)
        value = x->high;
      fix_assumption (work, x, value);
      emptiness = zopa_bounds_region_emptiness (work, mask, TRUE, budget, &exact);
      restore_assumption (work, original, x);
      if (!exact || zopa_budget_spent (budget))
        hinged = HINGES_UNDECIDED;
      else if (value == x->low)
        first = emptiness;
      else if (emptiness != first)
        hinged = HINGES_YES;
    }
  return hinged;
}

static void
find_region_hinges (ZopaHinges       *self,
                    const ZopaBounds *bounds,
                    ZopaBudget       *budget)
{
  g_autoptr(GArray) groups = zopa_analysis_dup_listed_groups (self->analysis);
  g_autoptr(ZopaBounds) work = zopa_bounds_copy (bounds);

  for (guint g = 0; g < groups->len; g++)
    {
      guint mask = g_array_index (groups, guint, g);
      const ZopaRegionReadings *r = zopa_analysis_get_region_readings (self->analysis, mask);
      gboolean explained = FALSE, undecided = FALSE;

      if (r == NULL || r->empty_exclusive != ZOPA_HOLDS_IN_SOME_READING)
        continue;
      if (!r->emptiness_exact)
        {
          self->complete = FALSE;
          continue;
        }
      for (guint k = 0; k < self->assumptions->len; k++)
        {
          const ZopaAssumption *x = &g_array_index (self->assumptions, ZopaAssumption, k);

          switch (region_hinges_on (work, bounds, x, mask, budget))
            {
            case HINGES_YES:
              g_array_append_val (g_ptr_array_index (self->regions, k), mask);
              explained = TRUE;
              break;
            case HINGES_UNDECIDED:
              undecided = TRUE;
              break;
            case HINGES_NO:
            default:
              break;
            }
        }
      if (undecided)
        self->complete = FALSE;
      else if (!explained)
        self->n_unexplained++;
    }
}

static void
find_verdict_hinges (ZopaHinges *self)
{
  for (guint d = 0; d < zopa_analysis_get_n_drafts (self->analysis); d++)
    for (guint a = 0; a < zopa_analysis_get_n_actors (self->analysis); a++)
      {
        const ZopaVerdictReadings *v = zopa_analysis_get_verdict_readings (self->analysis, d, a);
        ZopaVerdictRef ref = { d, a };

        for (guint h = 0; h < v->n_hinges; h++)
          {
            int k = zopa_hinges_find_assumption (self, a, &v->hinges[h]);

            if (k >= 0)
              g_array_append_val (g_ptr_array_index (self->verdicts, k), ref);
          }
      }
}

ZopaHinges *
zopa_hinges_compute (ZopaAnalysis *analysis,
                     double        time_limit,
                     GCancellable *cancellable)
{
  g_autoptr(ZopaHinges) self = NULL;
  const ZopaBounds *bounds;
  ZopaBudget budget;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (analysis), NULL);

  self = g_object_new (ZOPA_TYPE_HINGES, NULL);
  self->analysis = g_object_ref (analysis);
  bounds = zopa_readings_get_bounds (zopa_analysis_peek_readings (analysis));
  zopa_budget_init (&budget, g_get_monotonic_time () + (gint64) (time_limit * G_USEC_PER_SEC), cancellable);

  collect_assumptions (self, bounds);
  find_verdict_hinges (self);
  if (self->assumptions->len > 0)
    find_region_hinges (self, bounds, &budget);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return g_steal_pointer (&self);
}

ZopaAnalysis *
zopa_hinges_get_analysis (ZopaHinges *self)
{
  g_return_val_if_fail (ZOPA_IS_HINGES (self), NULL);
  return self->analysis;
}

gboolean
zopa_hinges_is_complete (ZopaHinges *self)
{
  g_return_val_if_fail (ZOPA_IS_HINGES (self), FALSE);
  return self->complete;
}

guint
zopa_hinges_get_n_assumptions (ZopaHinges *self)
{
  g_return_val_if_fail (ZOPA_IS_HINGES (self), 0);
  return self->assumptions->len;
}

const ZopaAssumption *
zopa_hinges_get_assumption (ZopaHinges *self,
                            guint       index)
{
  g_return_val_if_fail (ZOPA_IS_HINGES (self), NULL);
  g_return_val_if_fail (index < self->assumptions->len, NULL);
  return &g_array_index (self->assumptions, ZopaAssumption, index);
}

const ZopaVerdictRef *
zopa_hinges_get_verdicts (ZopaHinges *self,
                          guint       index,
                          guint      *n_verdicts)
{
  GArray *refs;

  g_return_val_if_fail (ZOPA_IS_HINGES (self), NULL);
  g_return_val_if_fail (index < self->assumptions->len, NULL);
  refs = g_ptr_array_index (self->verdicts, index);
  *n_verdicts = refs->len;
  return (const ZopaVerdictRef *) (gpointer) refs->data;
}

const guint *
zopa_hinges_get_regions (ZopaHinges *self,
                         guint       index,
                         guint      *n_regions)
{
  GArray *masks;

  g_return_val_if_fail (ZOPA_IS_HINGES (self), NULL);
  g_return_val_if_fail (index < self->assumptions->len, NULL);
  masks = g_ptr_array_index (self->regions, index);
  *n_regions = masks->len;
  return (const guint *) (gpointer) masks->data;
}

gboolean
zopa_hinges_get_zopa (ZopaHinges *self,
                      guint       index)
{
  guint all = zopa_analysis_get_all_mask (self->analysis), n = 0;
  const guint *masks = zopa_hinges_get_regions (self, index, &n);

  /* With no outsiders, the region of the whole group is its ZOPA. */
  for (guint k = 0; k < n; k++)
    if (masks[k] == all)
      return TRUE;
  return FALSE;
}

guint
zopa_hinges_get_n_unexplained_regions (ZopaHinges *self)
{
  g_return_val_if_fail (ZOPA_IS_HINGES (self), 0);
  return self->n_unexplained;
}

ZopaHinge
zopa_assumption_to_hinge (const ZopaAssumption *assumption)
{
  ZopaHinge hinge = { assumption->kind, assumption->issue, assumption->option };

  return hinge;
}

char *
zopa_hinges_group_names (ZopaAnalysis *analysis,
                         guint         mask)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    if ((mask >> a) & 1)
      g_ptr_array_add (names, (gpointer) zopa_analysis_get_actor_name (analysis, a));
  return zopa_format_join_and (names);
}

char *
zopa_assumption_describe (ZopaAnalysis         *analysis,
                          const ZopaAssumption *assumption)
{
  ZopaHinge hinge = zopa_assumption_to_hinge (assumption);
  g_autofree char *phrase = zopa_format_hinge (analysis, assumption->actor, &hinge, NULL);
  const char *rest = g_utf8_next_char (phrase);
  g_autofree char *first = g_utf8_strup (phrase, rest - phrase);

  return g_strconcat (first, rest, NULL);
}

int
zopa_hinges_find_assumption (ZopaHinges      *self,
                             guint            actor,
                             const ZopaHinge *hinge)
{
  g_return_val_if_fail (ZOPA_IS_HINGES (self), -1);

  for (guint k = 0; k < self->assumptions->len; k++)
    {
      const ZopaAssumption *x = &g_array_index (self->assumptions, ZopaAssumption, k);

      if (x->actor == actor && x->kind == hinge->kind &&
          (x->kind == ZOPA_HINGE_RESERVATION ||
           (x->issue == hinge->issue &&
            (x->kind == ZOPA_HINGE_WEIGHT || x->option == hinge->option))))
        return (int) k;
    }
  return -1;
}
