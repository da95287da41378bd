/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zopa-analysis.h"

G_BEGIN_DECLS

/*
 * Judging over readings (DESIGN.md §1, assumption ranges): where a reservation, weight or
 * utility is a range [low, high], or a stance lists maybe options, a reading is one choice
 * of every uncertain value. Deals are accepted surely (in every reading) or possibly (in
 * some reading); readings of different actors are independent.
 *
 * These answers extend a ZopaAnalysis; they exist for every analysis, and equal the plain
 * answers when nothing is uncertain.
 */

typedef enum {
  ZOPA_HOLDS_IN_EVERY_READING,
  ZOPA_HOLDS_IN_SOME_READING,    /* in some reading, not in every one */
  ZOPA_HOLDS_IN_NO_READING,
} ZopaHolds;

/* "every", "some", "none" — the JSON spelling. */
const char *zopa_holds_to_string (ZopaHolds holds);

/* The regions' counts in at least one reading (the counts of ZopaRegion are those in
 * every reading). */
typedef struct {
  double   inclusive_max;
  double   exclusive_max;
  gboolean exact;
  /* Whether the region is empty: holds in every / some / no reading. exact_emptiness is
   * FALSE when deciding it needed more readings than the budget allows. */
  ZopaHolds empty_inclusive;
  ZopaHolds empty_exclusive;
  gboolean  emptiness_exact;
} ZopaRegionReadings;

typedef enum {
  ZOPA_HINGE_RESERVATION,
  ZOPA_HINGE_WEIGHT,
  ZOPA_HINGE_UTILITY,
  ZOPA_HINGE_MAYBE,
} ZopaHingeKind;

/* An uncertain value of the actor's stance on which its verdict depends: fixing it at
 * one of its values gives another verdict than fixing it at another. */
typedef struct {
  ZopaHingeKind kind;
  guint         issue;    /* not for RESERVATION */
  guint         option;   /* UTILITY and MAYBE only */
} ZopaHinge;

/* The extras of one actor's verdict on one draft. */
typedef struct {
  /* What a `depends` verdict depends on (both FALSE for accepts and rejects): the
   * completion chosen for the open issues, the reading chosen for the assumptions. */
  gboolean                 on_open_issues;
  gboolean                 on_assumptions;
  guint                    n_hinges;
  const ZopaHinge         *hinges;
  /* The smallest changes of the actor's own stance that move the verdict (rejects →
   * not rejects, depends → accepts, accepts → not accepts): allowances in issue order,
   * then at most one reservation change set to the threshold. has_flip FALSE: none. */
  gboolean                 has_flip;
  guint                    n_flip;
  const ZopaStanceChange  *flip;
  ZopaVerdict              flipped;   /* the verdict once the flip is applied */
  /* Whether the actor accepts every completion / rejects every completion: in every,
   * some or no reading. */
  ZopaHolds                accepts;
  ZopaHolds                rejects;
} ZopaVerdictReadings;

/*
 * A group whose ZOPA is empty in every reading, or in some: the issues on which its members'
 * acceptable options share none (else the scores empty it), and the smallest changes that
 * open it: in some reading when it is empty in every one, in every reading when it is
 * empty in some. Those are decided in the one reading that is worst (or best) for every
 * deal at once, which exists unless a member has a weight range (computed FALSE then).
 */
typedef struct {
  guint                mask;
  ZopaHolds            empty;
  guint                n_red_line_issues;
  const guint         *red_line_issues;
  gboolean             by_scores;
  gboolean             computed;
  gboolean             complete;
  guint                n_sets;
  const ZopaChangeSet *sets;
  GPtrArray           *lists;    /* private */
} ZopaEmptyRegion;

/* NULL when the group's ZOPA is empty in no reading, or the analysis does not list the
 * group (zopa_analysis_lists_region()). Cached. */
const ZopaEmptyRegion     *zopa_analysis_get_empty_region      (ZopaAnalysis *self, guint mask);

/* Whether any shown actor has an uncertain value (a range of two or more values, or a
 * maybe option), with the variant applied. */
gboolean                   zopa_analysis_is_uncertain          (ZopaAnalysis *self);
/* NULL for a group the analysis does not list (zopa_analysis_lists_region()). */
const ZopaRegionReadings  *zopa_analysis_get_region_readings   (ZopaAnalysis *self, guint mask);
const ZopaVerdictReadings *zopa_analysis_get_verdict_readings  (ZopaAnalysis *self, guint draft, guint actor);
gboolean                   zopa_analysis_actor_is_uncertain    (ZopaAnalysis *self, guint actor);
/* Whether the option is a maybe of the actor (with the variant applied). */
gboolean                   zopa_analysis_option_is_maybe       (ZopaAnalysis *self, guint actor,
                                                                guint issue, guint option);
/* The reservation range with the variant applied (low == high when certain). */
void                       zopa_analysis_get_reservation_range (ZopaAnalysis *self, guint actor,
                                                                int *low, int *high);

G_END_DECLS
