/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "model/zopa-scenario.h"
#include "zopa-analysis-types.h"

G_BEGIN_DECLS

/*
 * The analysis of one scenario, one variant and one group of shown actors (the concepts are
 * those of docs/file-format.md): verdicts on drafts, region counts, the ZOPA and what must
 * change.
 *
 * A ZopaAnalysis is an immutable snapshot: zopa_analysis_new() compiles the scenario with
 * the variant applied (the document is never changed) into a flat problem and computes
 * the verdicts, regions and the ZOPA of the shown group at once. It keeps no reference to
 * the scenario, so after an edit simply build a new one (it is fast: well under a
 * millisecond for scenarios of the built-in size). Some results are computed on first
 * request and cached.
 *
 * Time limits. Every search runs within a time limit (zopa_analysis_solve(); 10 s for
 * zopa_analysis_new()) and says how far its answer can be trusted: exact, or bounded
 * (ZopaAnswerStatus) with what is known — for a region whether it is empty (decided
 * almost always, see ZopaRegion), for the ZOPA the best deal found and a bound on the
 * best smallest surplus, for what must change the sets found so far and whether the
 * search was complete, for a draft's fewest clause changes the fewest found so far.
 *
 * Threads. zopa_analysis_new_unsolved() reads the scenario's GObjects and must run on
 * the thread that owns them (the main thread in the application); it only compiles the
 * scenario (fast) and keeps no reference to it. zopa_analysis_solve() does the expensive
 * work (regions, the shown group's ZOPA and what must change) and may run in any thread,
 * once, with a GCancellable that stops it within milliseconds. After it returned (and
 * for zopa_analysis_new(), at once) every getter may be called from any thread, also
 * several at once: the lazily computed answers (ZOPA and what must change of other
 * groups, a draft's fewest clause changes) are computed under a lock, each within its
 * share of the time limit. Before zopa_analysis_solve() has returned only the getters of
 * names, ids, stances, drafts and verdicts may be used (they do not depend on it).
 *
 * Indices: actors are the shown actors in the order given (index 0..n-1, a group is a
 * bit mask where bit k is the k-th shown actor); issues, options and drafts are in
 * scenario order.
 *
 * Counts are doubles: exact counts up to 2^53 are represented exactly; larger counts, and
 * counts beyond the work budget, are estimates marked inexact with an error bound.
 */

typedef enum {
  ZOPA_VERDICT_ACCEPTS,   /* every completion of the draft is acceptable */
  ZOPA_VERDICT_REJECTS,   /* no completion is */
  ZOPA_VERDICT_DEPENDS,   /* some are, some are not */
} ZopaVerdict;

/* "accepts", "rejects", "depends" — the JSON spelling. */
const char *zopa_verdict_to_string (ZopaVerdict verdict);

/* A region of the diagram: the deals all of a group accept (inclusive) and the deals
 * exactly that group accepts among the shown actors (exclusive). Counts are exact when
 * the counting fits its work budget (exact is then TRUE); otherwise they are estimated by
 * sampling the deals that cross no red line of the group, with a 95 % (Wilson) bound. */
typedef struct {
  double   inclusive;
  double   exclusive;
  /* Bounds on |estimate - true count| when !exact (95 % confidence); 0 when exact. */
  double   inclusive_error;
  double   exclusive_error;
  gboolean exact;
  /* Always decided exactly, whatever the counts: a non-empty region never counts 0. */
  gboolean inclusive_empty;
  gboolean exclusive_empty;
  /* FALSE when the time limit ran out before the emptiness was decided: then *_empty is
   * FALSE and the count an estimate that may be 0. Rare; never guessed. */
  gboolean inclusive_decided;
  gboolean exclusive_decided;
} ZopaRegion;

/* How far an answer can be trusted: exact, or bounded by the time limit (what is known
 * is then said by the answer's own fields). */
typedef enum {
  ZOPA_ANSWER_EXACT,
  ZOPA_ANSWER_BOUNDED,
} ZopaAnswerStatus;

/* The most actors one analysis takes (verdicts, readings, ZOPA, what must change); beyond
 * 6 it lists 2n + 1 regions (zopa_analysis_lists_region()). A diagram shows at most 6. */
#define ZOPA_ANALYSIS_MAX_ACTORS 16

/* The time limit of zopa_analysis_new(), in seconds. */
#define ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT 10.0

/* A red line a draft crosses: the draft fixes issue to option, which the actor does not
 * accept (zopa_analysis_actor_accepts_option() tells what it accepts there). */
typedef struct {
  guint issue;
  guint option;
} ZopaViolation;

/* One actor's verdict on one draft. Scores are in 0..100; an actor whose weights are all
 * 0 has no score (has_score FALSE): only its red lines count. */
typedef struct {
  ZopaVerdict          verdict;
  gboolean             has_score;
  double               score;        /* the score when the draft has no open issue */
  /* Over all completions, including those that cross a red line (= score when the
   * draft has no open issue). */
  double               best_score;
  double               worst_score;
  int                  reservation;
  /* Red lines crossed by the fixed issues, in issue order. */
  guint                n_violations;
  const ZopaViolation *violations;
  /* Open issues where some option crosses one of its red lines. */
  guint                n_open_red_lines;
  const guint         *open_red_lines;
} ZopaDraftVerdict;

/* Two or more agreed clauses setting one issue to different options. */
typedef struct {
  guint               issue;
  const char * const *clause_ids;   /* NULL-terminated, in draft order */
  const guint        *options;      /* the option each of those clauses sets */
} ZopaDraftConflict;

/* One minimal set of stance changes that makes a ZOPA non-empty. */
typedef struct {
  guint                   n_changes;
  const ZopaStanceChange *changes;
} ZopaChangeSet;

/* One clause change of a draft: fix issue to option. */
typedef struct {
  guint issue;
  guint option;
} ZopaClauseChange;

#define ZOPA_TYPE_ANALYSIS (zopa_analysis_get_type ())
G_DECLARE_FINAL_TYPE (ZopaAnalysis, zopa_analysis, ZOPA, ANALYSIS, GObject)

/*
 * variant_id: NULL for the base scenario. actor_ids: NULL for every actor of the scenario
 * (then at most ZOPA_ANALYSIS_MAX_ACTORS of them), else 1..ZOPA_ANALYSIS_MAX_ACTORS
 * distinct actor ids. A diagram shows at most ZOPA_MAX_ACTORS (6) of them: pass the
 * shown ones when the analysis is for a diagram.
 */
ZopaAnalysis   *zopa_analysis_new                   (ZopaScenario       *scenario,
                                                     const char         *variant_id,
                                                     const char * const *actor_ids,
                                                     GError            **error);

/*
 * Compiles the scenario (as zopa_analysis_new()) without solving: call
 * zopa_analysis_solve() next, from any thread.
 */
ZopaAnalysis   *zopa_analysis_new_unsolved          (ZopaScenario       *scenario,
                                                     const char         *variant_id,
                                                     const char * const *actor_ids,
                                                     GError            **error);
/*
 * Computes the regions, the shown group's ZOPA and what must change within time_limit
 * seconds (answers past it are bounded, see above), once per analysis. Returns FALSE
 * when cancellable was cancelled (the answers are then bounded or undecided: discard
 * the analysis).
 */
gboolean        zopa_analysis_solve                 (ZopaAnalysis       *self,
                                                     double              time_limit,
                                                     GCancellable       *cancellable);

const char     *zopa_analysis_get_scenario_title    (ZopaAnalysis *self);
/* NULL for the base scenario. */
const char     *zopa_analysis_get_variant_id        (ZopaAnalysis *self);
const char     *zopa_analysis_get_variant_title     (ZopaAnalysis *self);

/* The shown actors. */
guint           zopa_analysis_get_n_actors          (ZopaAnalysis *self);
const char     *zopa_analysis_get_actor_id          (ZopaAnalysis *self, guint actor);
const char     *zopa_analysis_get_actor_name        (ZopaAnalysis *self, guint actor);
/* The mask of the whole shown group, (1 << n_actors) - 1. */
guint           zopa_analysis_get_all_mask          (ZopaAnalysis *self);

guint           zopa_analysis_get_n_issues          (ZopaAnalysis *self);
const char     *zopa_analysis_get_issue_id          (ZopaAnalysis *self, guint issue);
const char     *zopa_analysis_get_issue_title       (ZopaAnalysis *self, guint issue);
guint           zopa_analysis_get_n_options         (ZopaAnalysis *self, guint issue);
const char     *zopa_analysis_get_option_id         (ZopaAnalysis *self, guint issue, guint option);
const char     *zopa_analysis_get_option_label      (ZopaAnalysis *self, guint issue, guint option);

/* Stances with the variant applied. */
gboolean        zopa_analysis_actor_accepts_option  (ZopaAnalysis *self, guint actor, guint issue, guint option);
int             zopa_analysis_get_utility           (ZopaAnalysis *self, guint actor, guint issue, guint option);
int             zopa_analysis_get_weight            (ZopaAnalysis *self, guint actor, guint issue);
int             zopa_analysis_get_reservation       (ZopaAnalysis *self, guint actor);
/* deal: one option index per issue. */
gboolean        zopa_analysis_actor_accepts_deal    (ZopaAnalysis *self, guint actor, const guint *deal);
/* Score 0..100; FALSE (and no score) when all the actor's weights are 0. */
gboolean        zopa_analysis_score_deal            (ZopaAnalysis *self, guint actor, const guint *deal, double *score);

/* The number of deals (product of the issues' option counts). */
double          zopa_analysis_get_deal_space        (ZopaAnalysis *self);

/*
 * The regions listed: every group for up to 6 shown actors (what a diagram can show).
 * Beyond (up to 16 actors, 2^16 groups) counting every group would take far too long and
 * no diagram shows them, so only these are listed: each actor alone, each group of all
 * but one actor, and the whole group (2n + 1 regions). The ZOPA and what must change of
 * any group can still be asked for.
 */
gboolean        zopa_analysis_lists_region          (ZopaAnalysis *self, guint mask);
/* The listed groups (guint masks) in the order every report lists them: smaller groups
 * first; within a size, the group holding the first shown actor where two differ. */
GArray         *zopa_analysis_dup_listed_groups     (ZopaAnalysis *self);
/* mask: 1..all_mask. NULL for a group zopa_analysis_lists_region() does not list. */
const ZopaRegion *zopa_analysis_get_region          (ZopaAnalysis *self, guint mask);

/*
 * The ZOPA of a group: the deals all of it accept (= region inclusive count). The witness
 * is the deal that maximises the smallest surplus (score − reservation, in score units)
 * among the members, one option index per issue; NULL when the ZOPA is empty. Members
 * without a score do not take part in the smallest surplus (which is then +infinity if
 * none has one; min_surplus returns FALSE).
 */
gboolean        zopa_analysis_zopa_is_empty         (ZopaAnalysis *self, guint mask);
const guint    *zopa_analysis_get_zopa_witness      (ZopaAnalysis *self, guint mask);
gboolean        zopa_analysis_get_zopa_min_surplus  (ZopaAnalysis *self, guint mask, double *surplus);
/*
 * EXACT: the emptiness, the witness and its smallest surplus are exact. BOUNDED: the
 * witness (when not NULL) is a deal the group accepts whose smallest surplus was not
 * proven the best; surplus_bound (nullable) receives an upper bound on the best. Also
 * BOUNDED when the ZOPA's emptiness itself is undecided (ZopaRegion.inclusive_decided).
 */
ZopaAnswerStatus zopa_analysis_get_zopa_status      (ZopaAnalysis *self, guint mask, double *surplus_bound);

/* Drafts, in scenario order. */
guint           zopa_analysis_get_n_drafts          (ZopaAnalysis *self);
const char     *zopa_analysis_get_draft_id          (ZopaAnalysis *self, guint draft);
const char     *zopa_analysis_get_draft_title       (ZopaAnalysis *self, guint draft);
/* The draft's stored number (zopa_draft_get_number()): what its marker shows. */
guint           zopa_analysis_get_draft_number      (ZopaAnalysis *self, guint draft);
/* Issue indices no agreed clause fixes, including conflicting ones, in issue order. */
const guint    *zopa_analysis_get_draft_open_issues (ZopaAnalysis *self, guint draft, guint *n_open);
const ZopaDraftConflict *zopa_analysis_get_draft_conflicts (ZopaAnalysis *self, guint draft, guint *n_conflicts);
/* The option the draft fixes the issue to, or -1 when the issue is open. */
int             zopa_analysis_get_draft_option      (ZopaAnalysis *self, guint draft, guint issue);
const ZopaDraftVerdict *zopa_analysis_get_verdict   (ZopaAnalysis *self, guint draft, guint actor);
/* The shown actors that accept the draft, and those that accept or may accept it. */
guint           zopa_analysis_get_draft_accepting   (ZopaAnalysis *self, guint draft);
guint           zopa_analysis_get_draft_possible    (ZopaAnalysis *self, guint draft);

/*
 * What must change for the ZOPA of a group (mask) to open: minimal sets of stance
 * changes, fewest first, at most 10, none containing another, each at most two changes
 * larger than the smallest. Within a set: the allowances in issue order, then the
 * reservation changes. Empty when the ZOPA is already non-empty. complete (nullable) is
 * FALSE when the search stopped at its work budget or time limit before it had tried
 * every set up to the size of the last one listed (then a single set listed may also not
 * be minimal: the integer program's best within the time). Cached; the array belongs to
 * the analysis.
 */
const ZopaChangeSet *zopa_analysis_get_what_must_change (ZopaAnalysis *self,
                                                         guint         mask,
                                                         guint        *n_sets,
                                                         gboolean     *complete);

/*
 * The fewest clause changes (fix an issue to an option) after which every member of the
 * group accepts the draft; among those, the one with the largest smallest surplus.
 * Returns FALSE when no clause changes suffice (the group's ZOPA is empty). Otherwise
 * *changes (free with g_free) receives *n_changes entries in issue order, none when the
 * group accepts it already.
 */
gboolean        zopa_analysis_get_draft_fewest_changes (ZopaAnalysis      *self,
                                                        guint              draft,
                                                        guint              mask,
                                                        ZopaClauseChange **changes,
                                                        guint             *n_changes);
/*
 * The same within the draft's share of the time limit and cancellable (nullable), from
 * any thread: status (nullable) is BOUNDED when the changes returned were not proven
 * the fewest (the fewest found; at worst the clauses that differ from the ZOPA witness).
 */
gboolean        zopa_analysis_get_draft_fewest_changes_bounded (ZopaAnalysis      *self,
                                                                guint              draft,
                                                                guint              mask,
                                                                GCancellable      *cancellable,
                                                                ZopaClauseChange **changes,
                                                                guint             *n_changes,
                                                                ZopaAnswerStatus  *status);

/* The `zopa-cli analyze --json` object documented in docs/file-format.md. */
JsonNode       *zopa_analysis_to_json               (ZopaAnalysis *self);

/* ---- judging over readings (zopa-analysis-readings.c) ---- */

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
