/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zopa-analysis.h"

G_BEGIN_DECLS

/*
 * The uncertain values of an analysis (its assumptions) and, for each, the conclusions
 * that hinge on it: verdicts, the diagram's regions and the ZOPA of the shown group.
 *
 * A verdict hinges on a value as zopa_analysis_get_verdict_readings() says (its hinges).
 * A region hinges on a value when fixing that value alone, the others left as uncertain
 * as they are, gives a different emptiness over the readings (empty in every, some or no
 * reading) at one end of its range than at the other: reservation and utility at low and
 * high, a maybe option as acceptable and as a red line, a weight at each of its values
 * (which weight empties a region depends on the deal). The regions are the diagram's:
 * the deals exactly a group accepts among the shown actors; the ZOPA is the region all
 * shown actors accept. Only a region empty in some readings can hinge on anything (fixing
 * a value keeps a subset of the readings); one whose emptiness turns only on two values
 * taken together hinges on neither alone and is counted by
 * zopa_hinges_get_n_unexplained_regions().
 *
 * zopa_hinges_compute() runs from any thread once the analysis is solved, within a time
 * limit; what it leaves undecided is reported (zopa_hinges_is_complete()).
 */

/* One uncertain value of a shown actor, with the variant applied. */
typedef struct {
  guint         actor;
  ZopaHingeKind kind;
  guint         issue;   /* not for RESERVATION */
  guint         option;  /* UTILITY and MAYBE only */
  int           low;     /* the range; 0 and 1 for MAYBE */
  int           high;
} ZopaAssumption;

/* A verdict: an actor (shown-actor index) on a draft. */
typedef struct {
  guint draft;
  guint actor;
} ZopaVerdictRef;

#define ZOPA_TYPE_HINGES (zopa_hinges_get_type ())
G_DECLARE_FINAL_TYPE (ZopaHinges, zopa_hinges, ZOPA, HINGES, GObject)

/* NULL when cancelled. The analysis must be solved (zopa_analysis_solve()). */
ZopaHinges           *zopa_hinges_compute             (ZopaAnalysis *analysis,
                                                       double        time_limit,
                                                       GCancellable *cancellable);

ZopaAnalysis         *zopa_hinges_get_analysis        (ZopaHinges *self);
/* FALSE when the time limit ran out, or a region's emptiness could not be decided within
 * its budget, before every region and value was judged. */
gboolean              zopa_hinges_is_complete         (ZopaHinges *self);

/* Assumptions in a fixed order: by shown actor; the reservation, then issue by issue the
 * weight, the utilities and the maybe options. */
guint                 zopa_hinges_get_n_assumptions   (ZopaHinges *self);
const ZopaAssumption *zopa_hinges_get_assumption      (ZopaHinges *self,
                                                       guint       index);
/* The verdicts that hinge on the assumption, by draft then actor. */
const ZopaVerdictRef *zopa_hinges_get_verdicts        (ZopaHinges *self,
                                                       guint       index,
                                                       guint      *n_verdicts);
/* The groups (masks of shown actors) whose region hinges on the assumption, in the
 * order of zopa_analysis_dup_listed_groups(). */
const guint          *zopa_hinges_get_regions         (ZopaHinges *self,
                                                       guint       index,
                                                       guint      *n_regions);
/* Whether the ZOPA of the whole shown group hinges on the assumption. */
gboolean              zopa_hinges_get_zopa            (ZopaHinges *self,
                                                       guint       index);
/* Regions empty in some readings (not all) on which no single value hinges. */
guint                 zopa_hinges_get_n_unexplained_regions (ZopaHinges *self);

/* The index of the assumption a verdict's hinge names, or -1 (no such assumption). */
int                   zopa_hinges_find_assumption     (ZopaHinges      *self,
                                                       guint            actor,
                                                       const ZopaHinge *hinge);

/* The assumption as the hinge of a verdict would name it (zopa_format_hinge()). */
ZopaHinge             zopa_assumption_to_hinge        (const ZopaAssumption *assumption);
/* The shown actors of a group mask, "Kyiv and Moscow". */
char                 *zopa_hinges_group_names         (ZopaAnalysis         *analysis,
                                                       guint                 mask);
/* The same words as a title, with a capital: "Moscow’s reservation", "Whether Moscow can
 * live with “Capped at 600,000” on Army size". */
char                 *zopa_assumption_describe        (ZopaAnalysis         *analysis,
                                                       const ZopaAssumption *assumption);

G_END_DECLS
