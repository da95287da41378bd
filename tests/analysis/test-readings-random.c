/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Property tests of judging over readings: seeded random scenarios with ranges and maybe
 * options (written as files and read back), against exhaustive enumeration over the deals
 * and over the readings; 2–5 actors, and 7, 12 and 16 (where the analysis lists 2n + 1
 * regions). */

#include <math.h>
#include <string.h>

#include "analysis/zopa-analysis.h"
#include "analysis/zopa-readings.h"
#include "model/zopa-scenario-file.h"

#define MAXA 16
/* The most actors of the scenarios of /readings/random-scenarios. */
#define MAXA_RANDOM 5
#define MAXI 6
#define MAXO 5
#define MAXD 3
#define N_SCENARIOS 320

/* One actor's effective stance (variant applied), as the brute force reads it. */
typedef struct {
  guint sure[MAXI];
  guint maybe[MAXI];
  int   wl[MAXI], wh[MAXI];
  int   ul[MAXI][MAXO], uh[MAXI][MAXO];
  int   rl, rh;
} Stance;

typedef struct {
  int    n_actors, n_issues, n_options[MAXI];
  Stance actor[MAXA];
  int    n_drafts;
  int    option[MAXD][MAXI];   /* −1 open */
  int    n_deals;
} Spec;

typedef struct {
  guint scenarios, deals, regions, verdicts, depends_verdicts, flips, subsets, hinges_checked;
  guint zopa_joint, zopa_depends, full_value_checks, robustness, opening_sets, emptiness, emptiness_depends;
  guint estimated_counts, estimates_within;
} Figures;

static Figures figures;

/* ---- generation ---- */

static void
random_range (GRand *rand, int max, int *low, int *high, double p_range, int width)
{
  *low = g_rand_int_range (rand, 0, max + 1);
  *high = *low;
  if (g_rand_double (rand) < p_range)
    {
      int step = g_rand_int_range (rand, 1, width + 1);
      *high = MIN (max, *low + step);
    }
}

static void
append_range (GString *s, int low, int high, gboolean ranged)
{
  if (ranged)
    g_string_append_printf (s, "[%d, %d]", low, high);
  else
    g_string_append_printf (s, "%d", low);
}

static void
append_options (GString *s, int i, guint mask, int n)
{
  gboolean first = TRUE;

  g_string_append_c (s, '[');
  for (int o = 0; o < n; o++)
    if ((mask >> o) & 1)
      {
        g_string_append_printf (s, "%s\"o%d-%d\"", first ? "" : ", ", i, o);
        first = FALSE;
      }
  g_string_append_c (s, ']');
}

/* A stance part: weight, acceptable/maybe and utilities, written and kept in st. */
static void
random_stance_members (GRand *rand, Spec *spec, Stance *st, int i, GString *s, double p_range, int width,
                       gboolean in_change)
{
  int n = spec->n_options[i];
  guint all = (1u << n) - 1;

  random_range (rand, 10, &st->wl[i], &st->wh[i], p_range, MIN (width, 3));
  g_string_append (s, "\"weight\": ");
  append_range (s, st->wl[i], st->wh[i], st->wl[i] != st->wh[i] || g_rand_boolean (rand));
  st->sure[i] = 0;
  st->maybe[i] = 0;
  for (int o = 0; o < n; o++)
    {
      double x = g_rand_double (rand);
      if (x < 0.55)
        st->sure[i] |= 1u << o;
      else if (x < 0.55 + p_range)
        st->maybe[i] |= 1u << o;
    }
  if (st->sure[i] == 0 && st->maybe[i] == 0)
    st->sure[i] = 1u << g_rand_int_range (rand, 0, n);
  if (!in_change && st->sure[i] == (all & ~st->maybe[i]) && g_rand_boolean (rand))
    ;   /* acceptable left out: every option that is not a maybe */
  else
    {
      g_string_append (s, ", \"acceptable\": ");
      append_options (s, i, st->sure[i], n);
    }
  if (st->maybe[i] != 0)
    {
      g_string_append (s, ", \"maybe\": ");
      append_options (s, i, st->maybe[i], n);
    }
  g_string_append (s, ", \"utility\": {");
  for (int o = 0; o < n; o++)
    {
      random_range (rand, 100, &st->ul[i][o], &st->uh[i][o], p_range, width);
      if (o > 0 && g_rand_double (rand) < 0.15)
        {
          st->ul[i][o] = st->uh[i][o] = 50;   /* left out: 50 */
          continue;
        }
      g_string_append_printf (s, "%s\"o%d-%d\": ", g_str_has_suffix (s->str, "{") ? "" : ", ", i, o);
      append_range (s, st->ul[i][o], st->uh[i][o], st->ul[i][o] != st->uh[i][o]);
    }
  g_string_append (s, "}");
}

/* n_actors: 0 for 2..MAXA_RANDOM. max_deals keeps the enumeration affordable. */
static char *
random_scenario (GRand *rand, Spec *spec, gboolean *with_variant, double p_range, int width, int n_actors,
                 int max_deals)
{
  GString *s = g_string_new ("{\"format\": \"zopa\", \"version\": 1, \"title\": \"Random\", \"issues\": [");

  memset (spec, 0, sizeof *spec);
  spec->n_actors = n_actors > 0 ? n_actors : g_rand_int_range (rand, 2, MAXA_RANDOM + 1);
  spec->n_issues = g_rand_int_range (rand, 1, MAXI + 1);
  spec->n_deals = 1;
  for (int i = 0; i < spec->n_issues; i++)
    {
      spec->n_options[i] = g_rand_int_range (rand, 2, MAXO + 1);
      spec->n_deals *= spec->n_options[i];
    }
  /* Keep the exhaustive enumeration affordable. */
  while (spec->n_deals > max_deals)
    {
      int i = g_rand_int_range (rand, 0, spec->n_issues);
      if (spec->n_options[i] > 2)
        {
          spec->n_deals = spec->n_deals / spec->n_options[i] * (spec->n_options[i] - 1);
          spec->n_options[i]--;
        }
    }

  for (int i = 0; i < spec->n_issues; i++)
    {
      g_string_append_printf (s, "%s{\"id\": \"i%d\", \"title\": \"Issue %d\", \"options\": [", i ? ", " : "", i, i);
      for (int o = 0; o < spec->n_options[i]; o++)
        g_string_append_printf (s, "%s{\"id\": \"o%d-%d\", \"label\": \"O\"}", o ? ", " : "", i, o);
      g_string_append (s, "]}");
    }
  g_string_append (s, "], \"actors\": [");
  for (int a = 0; a < spec->n_actors; a++)
    {
      Stance *st = &spec->actor[a];

      random_range (rand, 100, &st->rl, &st->rh, p_range * 1.5, width * 2);
      g_string_append_printf (s, "%s{\"id\": \"a%d\", \"name\": \"A%d\", \"color\": \"#102030\", \"reservation\": ",
                              a ? ", " : "", a, a);
      append_range (s, st->rl, st->rh, st->rl != st->rh);
      g_string_append (s, ", \"stances\": {");
      for (int i = 0, first = 1; i < spec->n_issues; i++)
        {
          if (g_rand_double (rand) < 0.1)
            {
              /* no stance: every option, utility 50, weight 0 */
              st->sure[i] = (1u << spec->n_options[i]) - 1;
              st->maybe[i] = 0;
              st->wl[i] = st->wh[i] = 0;
              for (int o = 0; o < spec->n_options[i]; o++)
                st->ul[i][o] = st->uh[i][o] = 50;
              continue;
            }
          g_string_append_printf (s, "%s\"i%d\": {", first ? "" : ", ", i);
          first = 0;
          random_stance_members (rand, spec, st, i, s, p_range, width, FALSE);
          g_string_append (s, "}");
        }
      g_string_append (s, "}}");
    }

  spec->n_drafts = g_rand_int_range (rand, 1, MAXD + 1);
  g_string_append (s, "], \"drafts\": [");
  for (int d = 0; d < spec->n_drafts; d++)
    {
      int n = 0;

      g_string_append_printf (s, "%s{\"id\": \"d%d\", \"title\": \"D\", \"clauses\": [", d ? ", " : "", d);
      for (int i = 0; i < spec->n_issues; i++)
        {
          spec->option[d][i] = g_rand_double (rand) < 0.6 ? g_rand_int_range (rand, 0, spec->n_options[i]) : -1;
          if (spec->option[d][i] >= 0)
            g_string_append_printf (s, "%s{\"id\": \"d%d-c%d\", \"number\": \"%d\", \"status\": \"agreed\", \"sets\": {\"i%d\": \"o%d-%d\"}}",
                                    n++ ? ", " : "", d, i, i, i, i, spec->option[d][i]);
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]");

  /* A variant that sets ranges and maybe options too, applied to the spec. */
  *with_variant = g_rand_boolean (rand);
  if (*with_variant)
    {
      int n_changes = g_rand_int_range (rand, 1, 4);

      g_string_append (s, ", \"variants\": [{\"id\": \"v\", \"title\": \"V\", \"changes\": [");
      for (int c = 0; c < n_changes; c++)
        {
          int a = g_rand_int_range (rand, 0, spec->n_actors);
          Stance *st = &spec->actor[a];

          g_string_append_printf (s, "%s{\"actor\": \"a%d\", ", c ? ", " : "", a);
          if (g_rand_double (rand) < 0.3)
            {
              random_range (rand, 100, &st->rl, &st->rh, 0.5, 30);
              g_string_append (s, "\"reservation\": ");
              append_range (s, st->rl, st->rh, g_rand_boolean (rand) || st->rl != st->rh);
            }
          else
            {
              int i = g_rand_int_range (rand, 0, spec->n_issues);
              g_string_append_printf (s, "\"issue\": \"i%d\", ", i);
              random_stance_members (rand, spec, st, i, s, 0.3, 20, TRUE);
            }
          g_string_append (s, "}");
        }
      g_string_append (s, "]}]");
    }
  g_string_append (s, "}");
  return g_string_free (s, FALSE);
}

/* ---- brute force ---- */

static void
deal_of_index (const Spec *spec, int index, int *deal)
{
  for (int i = spec->n_issues - 1; i >= 0; i--)
    {
      deal[i] = index % spec->n_options[i];
      index /= spec->n_options[i];
    }
}

/*
 * Does the actor accept the deal in every reading (worst) / in some reading (best)? By
 * enumeration of the readings of the values the deal uses: every corner of each range
 * (or, when full, every integer in it), both answers for each maybe option.
 */
static void
judge_deal (const Stance *st, int n_issues, const int *deal, gboolean full, gboolean *surely, gboolean *possibly)
{
  /* values: reservation, then per issue weight, utility, maybe */
  int low[1 + 3 * MAXI], high[1 + 3 * MAXI], value[1 + 3 * MAXI];
  int n = 0;
  gboolean all = TRUE, some = FALSE;

  low[n] = st->rl, high[n++] = st->rh;
  for (int i = 0; i < n_issues; i++)
    {
      int o = deal[i];
      low[n] = st->wl[i], high[n++] = st->wh[i];
      low[n] = st->ul[i][o], high[n++] = st->uh[i][o];
      low[n] = 0, high[n++] = (st->maybe[i] >> o) & 1;
    }
  for (int k = 0; k < n; k++)
    value[k] = low[k];

  for (;;)
    {
      gint64 sum = 0;
      gboolean red = FALSE;
      int k;

      for (int i = 0; i < n_issues; i++)
        {
          int o = deal[i];
          int w = value[1 + 3 * i], u = value[2 + 3 * i];
          gboolean ok = ((st->sure[i] >> o) & 1) || value[3 + 3 * i];

          red |= !ok;
          sum += (gint64) w * (u - value[0]);
        }
      if (!red && sum >= 0)
        some = TRUE;
      else
        all = FALSE;

      for (k = 0; k < n; k++)
        {
          if (value[k] < high[k])
            {
              value[k] = full ? value[k] + 1 : high[k];
              break;
            }
          value[k] = low[k];
        }
      if (k == n)
        break;
    }
  *surely = all;
  *possibly = some;
}

typedef struct {
  gboolean *sure;      /* [actor * n_deals + deal] */
  gboolean *possible;
} Table;

static void
table_fill (const Spec *spec, Table *t, gboolean full)
{
  int deal[MAXI];

  t->sure = g_new (gboolean, spec->n_actors * spec->n_deals);
  t->possible = g_new (gboolean, spec->n_actors * spec->n_deals);
  for (int x = 0; x < spec->n_deals; x++)
    {
      deal_of_index (spec, x, deal);
      for (int a = 0; a < spec->n_actors; a++)
        judge_deal (&spec->actor[a], spec->n_issues, deal, full,
                    &t->sure[a * spec->n_deals + x], &t->possible[a * spec->n_deals + x]);
    }
}

static void
table_clear (Table *t)
{
  g_free (t->sure);
  g_free (t->possible);
}

static gboolean
is_completion (const Spec *spec, const int *option, const int *deal)
{
  for (int i = 0; i < spec->n_issues; i++)
    if (option[i] >= 0 && option[i] != deal[i])
      return FALSE;
  return TRUE;
}

typedef struct {
  ZopaVerdict verdict;
  gboolean    on_open_issues;
  gboolean    on_assumptions;
} BruteVerdict;

static BruteVerdict
brute_verdict (const Spec *spec, int a, const int *option)
{
  BruteVerdict v = { 0 };
  gboolean all_sure = TRUE, some_sure = FALSE, all_poss = TRUE, some_poss = FALSE, uncertain = FALSE;
  int deal[MAXI];

  for (int x = 0; x < spec->n_deals; x++)
    {
      gboolean s, p;

      deal_of_index (spec, x, deal);
      if (!is_completion (spec, option, deal))
        continue;
      judge_deal (&spec->actor[a], spec->n_issues, deal, FALSE, &s, &p);
      all_sure &= s;
      some_sure |= s;
      all_poss &= p;
      some_poss |= p;
      uncertain |= p && !s;
    }
  v.verdict = all_sure ? ZOPA_VERDICT_ACCEPTS : some_poss ? ZOPA_VERDICT_DEPENDS : ZOPA_VERDICT_REJECTS;
  if (v.verdict == ZOPA_VERDICT_DEPENDS)
    {
      v.on_open_issues = (some_poss && !all_poss) || (some_sure && !all_sure);
      v.on_assumptions = uncertain;
    }
  return v;
}

/* Is the verdict moved as a flip must move it? */
static gboolean
moved (ZopaVerdict before, ZopaVerdict after)
{
  switch (before)
    {
    case ZOPA_VERDICT_REJECTS:
      return after != ZOPA_VERDICT_REJECTS;
    case ZOPA_VERDICT_DEPENDS:
      return after == ZOPA_VERDICT_ACCEPTS;
    case ZOPA_VERDICT_ACCEPTS:
    default:
      return after != ZOPA_VERDICT_ACCEPTS;
    }
}

/* The verdict after a subset (bit k: change k) of the changes, the reservation change (if
 * any) set to reservation. */
static ZopaVerdict
verdict_after (const Spec *spec, int a, const int *option, const ZopaStanceChange *changes,
               guint n_changes, guint subset, int reservation)
{
  Spec changed = *spec;
  Stance *st = &changed.actor[a];

  for (guint k = 0; k < n_changes; k++)
    {
      if (!((subset >> k) & 1))
        continue;
      g_assert_cmpuint (changes[k].actor, ==, a);
      if (changes[k].kind == ZOPA_STANCE_CHANGE_ALLOW)
        {
          st->sure[changes[k].issue] |= 1u << changes[k].option;
          st->maybe[changes[k].issue] &= ~(1u << changes[k].option);
        }
      else
        st->rl = st->rh = reservation;
    }
  return brute_verdict (&changed, a, option).verdict;
}

static void
check_flip (const Spec *spec, int a, const int *option, ZopaVerdict verdict, const ZopaVerdictReadings *x)
{
  guint n = x->n_flip, full = (1u << n) - 1;
  int reservation = -1;

  if (!x->has_flip)
    {
      /* Only an accepting actor may have no flip: no higher reservation stops it. */
      g_assert_cmpint (verdict, ==, ZOPA_VERDICT_ACCEPTS);
      for (int r = spec->actor[a].rh + 1; r <= 100; r++)
        {
          ZopaStanceChange change = { ZOPA_STANCE_CHANGE_RESERVATION, a, 0, 0, r };
          g_assert_cmpint (verdict_after (spec, a, option, &change, 1, 1, r), ==, ZOPA_VERDICT_ACCEPTS);
        }
      return;
    }

  figures.flips++;
  g_assert_cmpuint (n, >=, 1);
  for (guint k = 0; k < n; k++)
    if (x->flip[k].kind == ZOPA_STANCE_CHANGE_RESERVATION)
      {
        g_assert_cmpint (reservation, ==, -1);
        g_assert_cmpuint (k, ==, n - 1);
        reservation = x->flip[k].reservation;
        g_assert_cmpint (reservation, >=, 0);
        g_assert_cmpint (reservation, <=, 100);
      }
    else
      g_assert_false ((spec->actor[a].sure[x->flip[k].issue] >> x->flip[k].option) & 1);

  g_assert_true (moved (verdict, verdict_after (spec, a, option, x->flip, n, full, reservation)));
  /* No proper subset flips it (all of them while few, else the largest ones). */
  for (guint subset = 0; subset < full; subset++)
    {
      if (n > 8 && (guint) __builtin_popcount (subset) != n - 1)
        continue;
      figures.subsets++;
      g_assert_false (moved (verdict, verdict_after (spec, a, option, x->flip, n, subset, reservation)));
    }
  /* The reservation is the exact threshold: one step further no longer suffices. */
  if (reservation >= 0)
    {
      int beyond = verdict == ZOPA_VERDICT_ACCEPTS ? reservation - 1 : reservation + 1;
      g_assert_false (moved (verdict, verdict_after (spec, a, option, x->flip, n, full, beyond)));
    }
}

/* Every value the verdict is pinned by, in the analysis's order: the hinges must be
 * exactly those whose values give more than one verdict. */
static void
check_hinges (const Spec *spec, int a, const int *option, const ZopaVerdictReadings *x)
{
  const Stance *st = &spec->actor[a];
  guint next = 0;

  for (int slot = -1; slot < spec->n_issues * (1 + 2 * MAXO); slot++)
    {
      ZopaHingeKind kind = ZOPA_HINGE_RESERVATION;
      int i = 0, o = 0, low = 0, high = 0;
      gboolean varies = FALSE, relevant;
      ZopaVerdict first = ZOPA_VERDICT_ACCEPTS;

      if (slot >= 0)
        {
          int k = slot % (1 + 2 * MAXO);
          i = slot / (1 + 2 * MAXO);
          o = (k - 1) / 2;
          kind = k == 0 ? ZOPA_HINGE_WEIGHT : (k % 2 == 1) ? ZOPA_HINGE_UTILITY : ZOPA_HINGE_MAYBE;
          if (k > 0 && (o >= spec->n_options[i] || (option[i] >= 0 && option[i] != o)))
            continue;
        }
      switch (kind)
        {
        case ZOPA_HINGE_RESERVATION: low = st->rl; high = st->rh; break;
        case ZOPA_HINGE_WEIGHT: low = st->wl[i]; high = st->wh[i]; break;
        case ZOPA_HINGE_UTILITY: low = st->ul[i][o]; high = st->uh[i][o]; break;
        case ZOPA_HINGE_MAYBE: low = 0; high = (st->maybe[i] >> o) & 1; break;
        default: g_assert_not_reached ();
        }
      relevant = low != high;
      for (int v = low; relevant && v <= high; v++)
        {
          Spec pinned = *spec;
          Stance *ps = &pinned.actor[a];
          ZopaVerdict verdict;

          switch (kind)
            {
            case ZOPA_HINGE_RESERVATION: ps->rl = ps->rh = v; break;
            case ZOPA_HINGE_WEIGHT: ps->wl[i] = ps->wh[i] = v; break;
            case ZOPA_HINGE_UTILITY: ps->ul[i][o] = ps->uh[i][o] = v; break;
            case ZOPA_HINGE_MAYBE:
              ps->maybe[i] &= ~(1u << o);
              if (v)
                ps->sure[i] |= 1u << o;
              break;
            default: g_assert_not_reached ();
            }
          verdict = brute_verdict (&pinned, a, option).verdict;
          if (v == low)
            first = verdict;
          else if (verdict != first)
            varies = TRUE;
        }
      if (!relevant)
        continue;
      figures.hinges_checked++;
      if (varies)
        {
          g_assert_cmpuint (next, <, x->n_hinges);
          g_assert_cmpint (x->hinges[next].kind, ==, kind);
          if (kind != ZOPA_HINGE_RESERVATION)
            g_assert_cmpuint (x->hinges[next].issue, ==, i);
          if (kind == ZOPA_HINGE_UTILITY || kind == ZOPA_HINGE_MAYBE)
            g_assert_cmpuint (x->hinges[next].option, ==, o);
          next++;
        }
    }
  g_assert_cmpuint (next, ==, x->n_hinges);
}

/* In some reading, does the actor accept every completion (accepts) or reject every
 * completion? Utilities, reservation and maybe options at the end that favours it in
 * every deal at once; every corner of the weights. */
static gboolean
holds_in_some_reading (const Spec *spec, int a, const int *option, gboolean accepts)
{
  const Stance *st = &spec->actor[a];
  int w[MAXI], k;

  for (int i = 0; i < spec->n_issues; i++)
    w[i] = st->wl[i];
  for (;;)
    {
      gboolean all = TRUE;
      int deal[MAXI];

      for (int x = 0; x < spec->n_deals && all; x++)
        {
          gint64 sum = 0;
          gboolean red = FALSE;

          deal_of_index (spec, x, deal);
          if (!is_completion (spec, option, deal))
            continue;
          for (int i = 0; i < spec->n_issues; i++)
            {
              int o = deal[i];
              guint ok = accepts ? (st->sure[i] | st->maybe[i]) : st->sure[i];
              red |= !((ok >> o) & 1);
              sum += (gint64) w[i] * ((accepts ? st->uh[i][o] : st->ul[i][o]) - (accepts ? st->rl : st->rh));
            }
          if (accepts)
            all = !red && sum >= 0;
          else
            all = red || sum < 0;
        }
      if (all)
        return TRUE;
      for (k = 0; k < spec->n_issues; k++)
        {
          if (w[k] < st->wh[k])
            {
              w[k] = st->wh[k];
              break;
            }
          w[k] = st->wl[k];
        }
      if (k == spec->n_issues)
        return FALSE;
    }
}

/* Is the region empty in some reading: no deal that every actor of in_mask accepts and
 * every actor of out_mask rejects? The members at their worst utilities, reservations and
 * maybe options for every deal at once, the others at their best, and every integer
 * reading of the weights. */
static gboolean
empty_in_some_reading (const Spec *spec, guint in_mask, guint out_mask)
{
  int w[MAXA][MAXI];
  int deal[MAXI];

  for (int a = 0; a < spec->n_actors; a++)
    for (int i = 0; i < spec->n_issues; i++)
      w[a][i] = spec->actor[a].wl[i];
  for (;;)
    {
      gboolean empty = TRUE;
      int a, i;

      for (int x = 0; x < spec->n_deals && empty; x++)
        {
          gboolean in_region = TRUE;

          deal_of_index (spec, x, deal);
          for (a = 0; a < spec->n_actors && in_region; a++)
            {
              const Stance *st = &spec->actor[a];
              gboolean member = (in_mask >> a) & 1, accepts = TRUE;
              gint64 sum = 0;

              if (!(((in_mask | out_mask) >> a) & 1))
                continue;
              for (i = 0; i < spec->n_issues; i++)
                {
                  guint ok = member ? st->sure[i] : (st->sure[i] | st->maybe[i]);
                  accepts &= (ok >> deal[i]) & 1;
                  sum += (gint64) w[a][i] * ((member ? st->ul[i][deal[i]] : st->uh[i][deal[i]]) - (member ? st->rh : st->rl));
                }
              accepts &= sum >= 0;
              in_region = member ? accepts : !accepts;
            }
          if (in_region)
            empty = FALSE;
        }
      if (empty)
        return TRUE;
      for (a = 0; a < spec->n_actors; a++)
        {
          if (!(((in_mask | out_mask) >> a) & 1))
            continue;
          for (i = 0; i < spec->n_issues; i++)
            {
              if (w[a][i] < spec->actor[a].wh[i])
                {
                  w[a][i]++;
                  break;
                }
              w[a][i] = spec->actor[a].wl[i];
            }
          if (i < spec->n_issues)
            break;
        }
      if (a == spec->n_actors)
        return FALSE;
    }
}

/* Empty in every reading, some, or none, by the counts and the enumeration above. */
static ZopaHolds
brute_emptiness (const Spec *spec, guint64 every, guint64 some, guint in_mask, guint out_mask)
{
  if (some == 0)
    return ZOPA_HOLDS_IN_EVERY_READING;
  if (every > 0)
    return ZOPA_HOLDS_IN_NO_READING;
  return empty_in_some_reading (spec, in_mask, out_mask) ? ZOPA_HOLDS_IN_SOME_READING : ZOPA_HOLDS_IN_NO_READING;
}

static double
weight_readings (const Spec *spec)
{
  double n = 1;

  for (int a = 0; a < spec->n_actors; a++)
    for (int i = 0; i < spec->n_issues; i++)
      n *= spec->actor[a].wh[i] - spec->actor[a].wl[i] + 1;
  return n;
}

/* Does the group's ZOPA hold a deal in every reading (every) or in some reading, after
 * the changes of set but the one numbered skip, the reservation ones set to reservation
 * offset by bump? */
static gboolean
opens (const Spec *spec, guint mask, gboolean every, const ZopaChangeSet *set, guint skip, int bump)
{
  Spec changed = *spec;
  Table t;
  gboolean found = FALSE;

  for (guint k = 0; k < set->n_changes; k++)
    {
      const ZopaStanceChange *c = &set->changes[k];
      Stance *st = &changed.actor[c->actor];

      if (k == skip)
        continue;
      if (c->kind == ZOPA_STANCE_CHANGE_ALLOW)
        {
          st->sure[c->issue] |= 1u << c->option;
          st->maybe[c->issue] &= ~(1u << c->option);
        }
      else
        st->rl = st->rh = c->reservation + bump;
    }
  table_fill (&changed, &t, FALSE);
  for (int x = 0; x < changed.n_deals && !found; x++)
    {
      gboolean all = TRUE;
      for (int a = 0; a < changed.n_actors; a++)
        if ((mask >> a) & 1)
          all &= every ? t.sure[a * changed.n_deals + x] : t.possible[a * changed.n_deals + x];
      found = all;
    }
  table_clear (&t);
  return found;
}

/* Each set of opening changes opens the group's ZOPA, dropping any one change does not,
 * and a reservation one higher does not either. */
static void
check_empty_region (const Spec *spec, ZopaAnalysis *analysis, guint mask)
{
  const ZopaEmptyRegion *e = zopa_analysis_get_empty_region (analysis, mask);
  gboolean every;

  if (e == NULL)
    return;
  every = e->empty == ZOPA_HOLDS_IN_SOME_READING;
  g_assert_cmpint (e->by_scores, ==, e->n_red_line_issues == 0);
  for (guint i = 0, k = 0; i < (guint) spec->n_issues; i++)
    {
      guint common = (1u << spec->n_options[i]) - 1;

      for (int a = 0; a < spec->n_actors; a++)
        if ((mask >> a) & 1)
          common &= every ? spec->actor[a].sure[i] : (spec->actor[a].sure[i] | spec->actor[a].maybe[i]);
      if (common == 0)
        {
          g_assert_cmpuint (k, <, e->n_red_line_issues);
          g_assert_cmpuint (e->red_line_issues[k++], ==, i);
        }
      if (i + 1 == (guint) spec->n_issues)
        g_assert_cmpuint (k, ==, e->n_red_line_issues);
    }
  if (!e->computed)
    return;
  for (guint k = 0; k < MIN (e->n_sets, 3); k++)
    {
      const ZopaChangeSet *set = &e->sets[k];

      figures.opening_sets++;
      g_assert_true (opens (spec, mask, every, set, G_MAXUINT, 0));
      for (guint j = 0; j < set->n_changes; j++)
        {
          g_assert_false (opens (spec, mask, every, set, j, 0));
          if (set->changes[j].kind == ZOPA_STANCE_CHANGE_RESERVATION && set->changes[j].reservation < 100)
            g_assert_false (opens (spec, mask, every, set, G_MAXUINT, 1));
        }
    }
}

/* A count the analysis estimated: 0 exactly when the region is empty, and how often the
 * stated 95 % bound holds the true count (reported, since 1 in 20 may miss). */
static void
check_estimate (double estimate, double error, guint64 truth)
{
  g_assert_cmpint (estimate == 0.0, ==, truth == 0);
  figures.estimated_counts++;
  figures.estimates_within += fabs (estimate - (double) truth) <= error;
}

static void
check_scenario (guint seed, double p_range, int width, gboolean full, int n_actors, int max_deals)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autofree char *text = NULL;
  gboolean with_variant;
  Spec spec;
  Table t;
  guint all;

  text = random_scenario (rand, &spec, &with_variant, p_range, width, n_actors, max_deals);
  scenario = zopa_scenario_load_from_data (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  analysis = zopa_analysis_new (scenario, with_variant ? "v" : NULL, NULL, &error);
  g_assert_no_error (error);
  all = zopa_analysis_get_all_mask (analysis);

  table_fill (&spec, &t, full);
  figures.scenarios++;
  figures.deals += spec.n_deals;
  if (full)
    {
      /* The corners decide every single deal: every integer reading agrees with them. */
      Table corners;

      table_fill (&spec, &corners, FALSE);
      g_assert_cmpmem (corners.sure, spec.n_actors * spec.n_deals * sizeof (gboolean),
                       t.sure, spec.n_actors * spec.n_deals * sizeof (gboolean));
      g_assert_cmpmem (corners.possible, spec.n_actors * spec.n_deals * sizeof (gboolean),
                       t.possible, spec.n_actors * spec.n_deals * sizeof (gboolean));
      figures.full_value_checks++;
      table_clear (&corners);
    }

  for (guint m = 1; m <= all; m++)
    {
      const ZopaRegion *region = zopa_analysis_get_region (analysis, m);
      const ZopaRegionReadings *r = zopa_analysis_get_region_readings (analysis, m);
      guint64 in_every = 0, in_some = 0, ex_every = 0, ex_some = 0;

      /* Beyond 6 actors: each actor alone, all but one, and all of them. */
      g_assert_cmpint (region != NULL, ==, r != NULL);
      g_assert_cmpint (region != NULL, ==, zopa_analysis_lists_region (analysis, m));
      g_assert_cmpint (region != NULL, ==, spec.n_actors <= 6 || __builtin_popcount (m) == 1 ||
                                           __builtin_popcount (m) >= spec.n_actors - 1);
      if (region == NULL)
        continue;

      for (int x = 0; x < spec.n_deals; x++)
        {
          gboolean members_sure = TRUE, members_poss = TRUE, others_reject_surely = TRUE, others_reject_possibly = TRUE;

          for (int a = 0; a < spec.n_actors; a++)
            {
              gboolean s = t.sure[a * spec.n_deals + x], p = t.possible[a * spec.n_deals + x];
              if ((m >> a) & 1)
                members_sure &= s, members_poss &= p;
              else
                others_reject_surely &= !p, others_reject_possibly &= !s;
            }
          in_every += members_sure;
          in_some += members_poss;
          ex_every += members_sure && others_reject_surely;
          ex_some += members_poss && others_reject_possibly;
        }
      /* Exact up to 6 actors; beyond, what needs more than 6 outsiders' counts is
       * estimated, but a count is 0 exactly when its region is empty. */
      if (spec.n_actors <= 6)
        {
          g_assert_true (region->exact);
          g_assert_true (r->exact);
        }
      g_assert_cmpfloat (region->inclusive, ==, (double) in_every);
      g_assert_cmpfloat (r->inclusive_max, ==, (double) in_some);
      if (region->exact)
        g_assert_cmpfloat (region->exclusive, ==, (double) ex_every);
      else
        check_estimate (region->exclusive, region->exclusive_error, ex_every);
      if (r->exact)
        g_assert_cmpfloat (r->exclusive_max, ==, (double) ex_some);
      else
        g_assert_cmpint (r->exclusive_max == 0.0, ==, ex_some == 0);
      g_assert_true (region->inclusive_decided);
      g_assert_true (region->exclusive_decided);
      g_assert_cmpint (region->inclusive_empty, ==, in_every == 0);
      g_assert_cmpint (region->exclusive_empty, ==, ex_every == 0);
      figures.regions++;
      /* As many weight readings as the analysis tries (WEIGHT_READINGS_BUDGET). */
      if (weight_readings (&spec) * spec.n_deals <= 2e6 && weight_readings (&spec) <= 4096)
        {
          g_assert_true (r->emptiness_exact);
          g_assert_cmpint (r->empty_inclusive, ==, brute_emptiness (&spec, in_every, in_some, m, 0));
          g_assert_cmpint (r->empty_exclusive, ==, brute_emptiness (&spec, ex_every, ex_some, m, all & ~m));
          figures.emptiness++;
          if (r->empty_inclusive == ZOPA_HOLDS_IN_SOME_READING || r->empty_exclusive == ZOPA_HOLDS_IN_SOME_READING)
            figures.emptiness_depends++;
        }
      if (spec.n_deals <= 1000)
        check_empty_region (&spec, analysis, m);
    }

  /* zopa.empty: always / never / depends */
  {
    const ZopaRegionReadings *whole = zopa_analysis_get_region_readings (analysis, all);
    double in_every = zopa_analysis_get_region (analysis, all)->inclusive;

    if (whole->inclusive_max == 0)
      g_assert_cmpint (whole->empty_inclusive, ==, ZOPA_HOLDS_IN_EVERY_READING);
    else if (in_every > 0)
      g_assert_cmpint (whole->empty_inclusive, ==, ZOPA_HOLDS_IN_NO_READING);
    else if (weight_readings (&spec) * spec.n_deals <= 4e6 && weight_readings (&spec) <= 4096)
      {
        gboolean some = empty_in_some_reading (&spec, all, 0);

        g_assert_true (whole->emptiness_exact);
        g_assert_cmpint (whole->empty_inclusive, ==, some ? ZOPA_HOLDS_IN_SOME_READING : ZOPA_HOLDS_IN_NO_READING);
        figures.zopa_joint++;
      }
    if (whole->empty_inclusive == ZOPA_HOLDS_IN_SOME_READING)
      figures.zopa_depends++;
  }

  for (int d = 0; d < spec.n_drafts; d++)
    for (int a = 0; a < spec.n_actors; a++)
      {
        BruteVerdict expected = brute_verdict (&spec, a, spec.option[d]);
        const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, d, a);
        const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, d, a);

        g_assert_cmpint (v->verdict, ==, expected.verdict);
        g_assert_cmpint (x->on_open_issues, ==, expected.on_open_issues);
        g_assert_cmpint (x->on_assumptions, ==, expected.on_assumptions);
        if (expected.verdict == ZOPA_VERDICT_DEPENDS)
          {
            g_assert_true (x->on_open_issues || x->on_assumptions);
            figures.depends_verdicts++;
          }
        figures.verdicts++;

        check_flip (&spec, a, spec.option[d], v->verdict, x);

        g_assert_cmpint (x->accepts == ZOPA_HOLDS_IN_EVERY_READING, ==, v->verdict == ZOPA_VERDICT_ACCEPTS);
        g_assert_cmpint (x->rejects == ZOPA_HOLDS_IN_EVERY_READING, ==, v->verdict == ZOPA_VERDICT_REJECTS);
        if (x->accepts != ZOPA_HOLDS_IN_EVERY_READING)
          g_assert_cmpint (x->accepts == ZOPA_HOLDS_IN_SOME_READING, ==,
                           holds_in_some_reading (&spec, a, spec.option[d], TRUE));
        if (x->rejects != ZOPA_HOLDS_IN_EVERY_READING)
          g_assert_cmpint (x->rejects == ZOPA_HOLDS_IN_SOME_READING, ==,
                           holds_in_some_reading (&spec, a, spec.option[d], FALSE));
        figures.robustness++;

        if (spec.n_deals <= 400)
          check_hinges (&spec, a, spec.option[d], x);
      }

  table_clear (&t);
}

static void
test_random_scenarios (void)
{
  memset (&figures, 0, sizeof figures);
  for (guint seed = 1; seed <= N_SCENARIOS; seed++)
    {
      /* Mostly ranges at their ends; every fifth scenario narrow ranges, checked at every
       * integer value too. */
      gboolean full = seed % 5 == 0;

      g_test_message ("seed %u", seed);
      check_scenario (seed, full ? 0.2 : 0.25, full ? 3 : 40, full, 0, 4000);
    }
  g_test_message ("%u scenarios, %u deals, %u regions (4 counts each), %u verdicts (%u depends), "
                  "%u flips (%u subsets), %u hinge values, %u joint ZOPA checks (%u depend on the reading), "
                  "%u verdict robustness checks, %u scenarios checked at every integer reading, "
                  "%u opening change sets, %u regions' emptiness decided by enumeration (%u depending on the reading)",
                  figures.scenarios, figures.deals, figures.regions, figures.verdicts, figures.depends_verdicts,
                  figures.flips, figures.subsets, figures.hinges_checked, figures.zopa_joint, figures.zopa_depends,
                  figures.robustness, figures.full_value_checks, figures.opening_sets,
                  figures.emptiness, figures.emptiness_depends);
  g_assert_cmpuint (figures.scenarios, >=, 300);
}

/* The same checks with more actors than a diagram shows, on smaller deal spaces. */
static void
test_many_actors (gconstpointer data)
{
  int n_actors = GPOINTER_TO_INT (data);
  guint n_scenarios = n_actors <= 7 ? 40 : n_actors <= 12 ? 16 : 8;

  memset (&figures, 0, sizeof figures);
  for (guint seed = 1; seed <= n_scenarios; seed++)
    {
      gboolean full = seed % 4 == 0;

      g_test_message ("%d actors, seed %u", n_actors, seed);
      check_scenario (1000 * n_actors + seed, full ? 0.2 : 0.25, full ? 3 : 40, full, n_actors, 400);
    }
  g_test_message ("%d actors: %u scenarios, %u deals, %u regions, %u verdicts (%u depends), %u flips, "
                  "%u regions' emptiness decided by enumeration (%u depending on the reading), "
                  "%u opening change sets; %u estimated exclusive counts, %u within their 95 %% bounds",
                  n_actors, figures.scenarios, figures.deals, figures.regions, figures.verdicts,
                  figures.depends_verdicts, figures.flips, figures.emptiness, figures.emptiness_depends,
                  figures.opening_sets, figures.estimated_counts, figures.estimates_within);
  g_assert_cmpuint (figures.regions, ==, n_scenarios * (2 * n_actors + 1));
}

/*
 * Why the ZOPA's emptiness is not decided at the corners of the weight ranges: Alpha's
 * weight on x is 1, 2 or 3. At 1 both accept (x1, y1), at 3 both accept (x2, y2), but at 2
 * Alpha accepts neither, Beta rejects (x2, y1) and Alpha rejects (x1, y2): an empty ZOPA in
 * a reading that is no corner.
 */
static void
test_interior_reading (void)
{
  static const char text[] =
    "{\"format\": \"zopa\", \"version\": 1, \"title\": \"Interior\", \"issues\": ["
    " {\"id\": \"x\", \"title\": \"X\", \"options\": [{\"id\": \"x1\", \"label\": \"x1\"}, {\"id\": \"x2\", \"label\": \"x2\"}]},"
    " {\"id\": \"y\", \"title\": \"Y\", \"options\": [{\"id\": \"y1\", \"label\": \"y1\"}, {\"id\": \"y2\", \"label\": \"y2\"}]}],"
    " \"actors\": ["
    " {\"id\": \"alpha\", \"name\": \"Alpha\", \"color\": \"#000000\", \"reservation\": 50, \"stances\": {"
    "   \"x\": {\"weight\": [1, 3], \"utility\": {\"x1\": 48, \"x2\": 52}},"
    "   \"y\": {\"utility\": {\"y1\": 53, \"y2\": 45}}}},"
    " {\"id\": \"beta\", \"name\": \"Beta\", \"color\": \"#000000\", \"reservation\": 50, \"stances\": {"
    "   \"x\": {\"utility\": {\"x1\": 100, \"x2\": 0}},"
    "   \"y\": {\"utility\": {\"y1\": 0, \"y2\": 100}}}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_data (text, strlen (text), NULL, &error);
  g_autoptr(ZopaAnalysis) analysis = NULL;
  g_autoptr(JsonNode) json = NULL;
  const ZopaRegionReadings *whole;

  g_assert_no_error (error);
  analysis = zopa_analysis_new (scenario, NULL, NULL, &error);
  g_assert_no_error (error);
  whole = zopa_analysis_get_region_readings (analysis, 3);
  g_assert_cmpfloat (zopa_analysis_get_region (analysis, 3)->inclusive, ==, 0);
  g_assert_cmpfloat (whole->inclusive_max, ==, 2);
  g_assert_cmpint (whole->empty_inclusive, ==, ZOPA_HOLDS_IN_SOME_READING);
  g_assert_true (whole->emptiness_exact);
  json = zopa_analysis_to_json (analysis);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (json), "zopa"), "empty"),
                   ==, "depends");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/readings/random-scenarios", test_random_scenarios);
  g_test_add_func ("/readings/interior-reading", test_interior_reading);
  g_test_add_data_func ("/readings/actors-7", GINT_TO_POINTER (7), test_many_actors);
  g_test_add_data_func ("/readings/actors-12", GINT_TO_POINTER (12), test_many_actors);
  g_test_add_data_func ("/readings/actors-16", GINT_TO_POINTER (16), test_many_actors);
  return g_test_run ();
}
