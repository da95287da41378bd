/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-flip.c: the smallest changes of an actor's own stance that move its verdict on a
 * draft, and the uncertain values the verdict hinges on */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include "zopa-readings-private.h"

ZopaBounds *
zopa_flip_apply (const ZopaBounds       *b,
                 const ZopaStanceChange *changes,
                 guint                   n_changes)
{
  ZopaBounds *copy = zopa_bounds_copy (b);

  for (guint k = 0; k < n_changes; k++)
    {
      const ZopaStanceChange *c = &changes[k];

      if (c->kind == ZOPA_STANCE_CHANGE_ALLOW)
        {
          guint ai = c->actor * b->n_issues + c->issue;

          copy->sure[ai] |= (ZopaOptionMask) 1 << c->option;
          copy->maybe[ai] &= ~((ZopaOptionMask) 1 << c->option);
        }
      else
        copy->reservation_low[c->actor] = copy->reservation_high[c->actor] = c->reservation;
    }
  return copy;
}

/* Whether every completion of the draft is surely accepted at a point reservation. */
static gboolean
meets (const ZopaBounds *b,
       guint             a,
       const int        *option,
       int               reservation)
{
  gboolean all_surely;

  zopa_bounds_judge_draft (b, a, option, reservation, FALSE, &all_surely, NULL);
  return all_surely;
}

/* The highest reservation in [low, high] that every completion still meets (-1 when none
 * does): meeting only gets harder as the reservation rises, so a bisection finds it. */
static int
highest_meeting (const ZopaBounds *b,
                 guint             a,
                 const int        *option,
                 int               low,
                 int               high)
{
  if (low > high || !meets (b, a, option, low))
    return -1;
  while (low < high)
    {
      int mid = low + (high - low + 1) / 2;

      if (meets (b, a, option, mid))
        low = mid;
      else
        high = mid - 1;
    }
  return low;
}

static void
add_allow (GArray *changes,
           guint   actor,
           guint   issue,
           guint   option)
{
  ZopaStanceChange change = { ZOPA_STANCE_CHANGE_ALLOW, actor, issue, option, 0 };

  g_array_append_val (changes, change);
}

static void
add_reservation (GArray *changes,
                 guint   actor,
                 int     reservation)
{
  ZopaStanceChange change = { ZOPA_STANCE_CHANGE_RESERVATION, actor, 0, 0, reservation };

  g_array_append_val (changes, change);
}

/* accepts → stops accepting: only a higher reservation can do it; the lowest that does. */
static gboolean
flip_accepts (const ZopaBounds *b,
              guint             a,
              const int        *option,
              GArray           *changes)
{
  int highest = highest_meeting (b, a, option, b->reservation_high[a], ZOPA_RESERVATION_MAX);

  if (highest >= ZOPA_RESERVATION_MAX)
    return FALSE;
  add_reservation (changes, a, highest + 1);
  return TRUE;
}

/* depends → accepts: every option a completion can take must become surely acceptable,
 * and then the reservation must be at most the highest value every completion meets. */
static gboolean
flip_depends (const ZopaBounds *b,
              guint             a,
              const int        *option,
              GArray           *changes)
{
  g_autoptr(ZopaBounds) allowed = NULL;
  int highest;

  for (guint i = 0; i < b->n_issues; i++)
    {
      ZopaOptionMask sure = zopa_bounds_allowed (b, a, i, FALSE);

      for (guint o = 0; o < b->n_options[i]; o++)
        if ((option[i] < 0 || option[i] == (int) o) && !((sure >> o) & 1))
          add_allow (changes, a, i, o);
    }

  allowed = zopa_flip_apply (b, (const ZopaStanceChange *) (gpointer) changes->data, changes->len);
  if (meets (allowed, a, option, allowed->reservation_high[a]))
    return TRUE;

  highest = highest_meeting (allowed, a, option, 0, allowed->reservation_high[a] - 1);
  if (highest < 0)
    return FALSE;
  add_reservation (changes, a, highest);
  return TRUE;
}

typedef struct {
  guint  issue;
  guint  option;
  gint64 gain;
} Gain;

static int
compare_gains (gconstpointer x,
               gconstpointer y)
{
  const Gain *g = x, *h = y;

  if (g->gain != h->gain)
    return g->gain > h->gain ? -1 : 1;
  return (int) g->issue - (int) h->issue;
}

/* The best term among the options of mask at threshold r; FALSE when mask is empty. */
static gboolean
best_term (const ZopaBounds *b,
           guint             a,
           guint             i,
           ZopaOptionMask    mask,
           int               r,
           gint64           *term,
           guint            *option)
{
  gboolean found = FALSE;

  for (guint o = 0; o < b->n_options[i]; o++)
    if ((mask >> o) & 1)
      {
        gint64 t = zopa_bounds_term (b, a, i, o, r, TRUE);

        if (!found || t > *term)
          {
            *term = t;
            *option = o;
            found = TRUE;
          }
      }
  return found;
}

/*
 * The best completion in the best case at threshold r, when the open issues whose options
 * are all red lines take their best red-line option: its sum, and those options in
 * forced[i] (−1 elsewhere).
 */
static gint64
best_case_sum (const ZopaBounds *b,
               guint             a,
               const int        *option,
               int               r,
               int              *forced)
{
  gint64 sum = 0;

  for (guint i = 0; i < b->n_issues; i++)
    {
      ZopaOptionMask possible = zopa_bounds_allowed (b, a, i, TRUE);
      gint64 term = 0;
      guint o = 0;

      forced[i] = -1;
      if (option[i] >= 0)
        sum += zopa_bounds_term (b, a, i, option[i], r, TRUE);
      else if (best_term (b, a, i, possible, r, &term, &o))
        sum += term;
      else
        {
          best_term (b, a, i, b->all_options[i], r, &term, &o);
          forced[i] = o;
          sum += term;
        }
    }
  return sum;
}

/* The allowances of forced[] (−1: none) and of the first n_gains gains, in issue order. */
static void
add_allowances (GArray     *changes,
                guint       a,
                guint       n_issues,
                const int  *forced,
                GArray     *gains,
                guint       n_gains)
{
  for (guint i = 0; i < n_issues; i++)
    {
      if (forced[i] >= 0)
        add_allow (changes, a, i, forced[i]);
      for (guint j = 0; j < n_gains; j++)
        if (g_array_index (gains, Gain, j).issue == i)
          add_allow (changes, a, i, g_array_index (gains, Gain, j).option);
    }
}

/*
 * rejects → stops rejecting: some completion must become possible. The fixed red lines
 * must be allowed, and on each open issue whose options are all red lines one of them
 * (the best). Then either allow the fewest further options on open issues (those whose
 * best red-line option gains most), or lower the reservation to the highest value that
 * suffices, whichever needs fewer changes (allowances when equal).
 */
static gboolean
flip_rejects (const ZopaBounds *b,
              guint             a,
              const int        *option,
              GArray           *changes)
{
  g_autoptr(ZopaBounds) allowed = NULL;
  g_autoptr(GArray) gains = g_array_new (FALSE, FALSE, sizeof (Gain));
  g_autofree int *forced = g_new (int, MAX (b->n_issues, 1));
  int r = b->reservation_low[a];
  gint64 sum;
  guint k = 0;

  for (guint i = 0; i < b->n_issues; i++)
    if (option[i] >= 0 && !((zopa_bounds_allowed (b, a, i, TRUE) >> option[i]) & 1))
      add_allow (changes, a, i, option[i]);
  allowed = zopa_flip_apply (b, (const ZopaStanceChange *) (gpointer) changes->data, changes->len);

  sum = best_case_sum (allowed, a, option, r, forced);
  for (guint i = 0; i < b->n_issues; i++)
    {
      ZopaOptionMask possible = zopa_bounds_allowed (allowed, a, i, TRUE);
      gint64 free_term = 0, paid_term = 0;
      guint free_option = 0, paid_option = 0;

      if (option[i] >= 0 || forced[i] >= 0)
        continue;
      best_term (allowed, a, i, possible, r, &free_term, &free_option);
      if (best_term (allowed, a, i, b->all_options[i] & ~possible, r, &paid_term, &paid_option) &&
          paid_term > free_term)
        {
          Gain gain = { i, paid_option, paid_term - free_term };
          g_array_append_val (gains, gain);
        }
    }
  g_array_sort (gains, compare_gains);
  while (sum < 0 && k < gains->len)
    sum += g_array_index (gains, Gain, k++).gain;

  /* Lowering the reservation costs one change, as does one more allowance. */
  if (sum >= 0 && (k <= 1 || r == 0))
    {
      add_allowances (changes, a, b->n_issues, forced, gains, k);
      return TRUE;
    }

  /* The best case with the forced allowances made falls as the reservation rises. */
  {
    int low = 0, high = b->reservation_low[a] - 1;

    if (high < 0 || best_case_sum (allowed, a, option, 0, forced) < 0)
      return FALSE;
    while (low < high)
      {
        int mid = low + (high - low + 1) / 2;

        if (best_case_sum (allowed, a, option, mid, forced) >= 0)
          low = mid;
        else
          high = mid - 1;
      }
    best_case_sum (allowed, a, option, low, forced);
    add_allowances (changes, a, b->n_issues, forced, gains, 0);
    add_reservation (changes, a, low);
    return TRUE;
  }
}

gboolean
zopa_flip_find (const ZopaBounds  *b,
                guint              a,
                const int         *option,
                ZopaStanceChange **changes,
                guint             *n_changes)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (ZopaStanceChange));
  gboolean found = FALSE;

  switch (zopa_bounds_verdict (b, a, option))
    {
    case ZOPA_VERDICT_ACCEPTS:
      found = flip_accepts (b, a, option, list);
      break;
    case ZOPA_VERDICT_DEPENDS:
      found = flip_depends (b, a, option, list);
      break;
    case ZOPA_VERDICT_REJECTS:
      found = flip_rejects (b, a, option, list);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!found)
    {
      *changes = NULL;
      *n_changes = 0;
      return FALSE;
    }
  *n_changes = list->len;
  *changes = (ZopaStanceChange *) (gpointer) g_array_free (g_steal_pointer (&list), FALSE);
  return TRUE;
}

static void
add_hinge (GArray        *hinges,
           ZopaHingeKind  kind,
           guint          issue,
           guint          option)
{
  ZopaHinge hinge = { kind, issue, option };

  g_array_append_val (hinges, hinge);
}

/* Whether the verdict comes out differently for two values of *field in [low, high]
 * (every value when not monotone). field points into work, which is restored. */
static gboolean
verdict_varies (ZopaBounds *work,
                guint       a,
                const int  *option,
                int        *field_low,
                int        *field_high,
                gboolean    monotone)
{
  int low = *field_low, high = *field_high;
  gboolean varies = FALSE;
  ZopaVerdict first = ZOPA_VERDICT_ACCEPTS;

  for (int x = low; x <= high && !varies; x = (monotone && x == low) ? high : x + 1)
    {
      ZopaVerdict v;

      *field_low = *field_high = x;
      v = zopa_bounds_verdict (work, a, option);
      if (x == low)
        first = v;
      else if (v != first)
        varies = TRUE;
      if (monotone && x == high)
        break;
    }
  *field_low = low;
  *field_high = high;
  return varies;
}

GArray *
zopa_flip_hinges (const ZopaBounds *b,
                  guint             a,
                  const int        *option)
{
  GArray *hinges = g_array_new (FALSE, FALSE, sizeof (ZopaHinge));
  g_autoptr(ZopaBounds) work = zopa_bounds_copy (b);

  if (b->reservation_low[a] != b->reservation_high[a] &&
      verdict_varies (work, a, option, &work->reservation_low[a], &work->reservation_high[a], TRUE))
    add_hinge (hinges, ZOPA_HINGE_RESERVATION, 0, 0);

  for (guint i = 0; i < b->n_issues; i++)
    {
      guint ai = a * b->n_issues + i;

      if (b->weight_low[ai] != b->weight_high[ai] &&
          verdict_varies (work, a, option, &work->weight_low[ai], &work->weight_high[ai], FALSE))
        add_hinge (hinges, ZOPA_HINGE_WEIGHT, i, 0);

      for (guint o = 0; o < b->n_options[i]; o++)
        {
          guint aio = ai * b->stride + o;
          ZopaOptionMask bit = (ZopaOptionMask) 1 << o;

          if (option[i] >= 0 && option[i] != (int) o)
            continue;
          if (b->utility_low[aio] != b->utility_high[aio] &&
              verdict_varies (work, a, option, &work->utility_low[aio], &work->utility_high[aio], TRUE))
            add_hinge (hinges, ZOPA_HINGE_UTILITY, i, o);
          if (b->maybe[ai] & bit)
            {
              ZopaVerdict as_red_line, as_acceptable;

              work->maybe[ai] &= ~bit;
              as_red_line = zopa_bounds_verdict (work, a, option);
              work->sure[ai] |= bit;
              as_acceptable = zopa_bounds_verdict (work, a, option);
              work->sure[ai] &= ~bit;
              work->maybe[ai] |= bit;
              if (as_red_line != as_acceptable)
                add_hinge (hinges, ZOPA_HINGE_MAYBE, i, o);
            }
        }
    }
  return hinges;
}
