/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-comparison.h: two drafts side by side, clause by clause, and what the change did
 * to each actor's verdict — the "how did 28 points become 19" view, as data. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "model/zopa-scenario.h"
#include "analysis/zopa-analysis.h"

G_BEGIN_DECLS

/*
 * A ZopaComparison is an immutable snapshot of draft LEFT (the older one, usually the
 * parent) against draft RIGHT (the newer one). It copies what it shows from the scenario
 * and keeps a reference to the (immutable) analysis, so it stays valid while the scenario
 * is edited: after an edit build a new one.
 *
 * Aligning clauses. Each right clause is linked to the left clauses it comes from; how
 * they are found depends on how the drafts are related (ZopaComparisonLineage), tried in
 * this order:
 *   SAME     left and right are one draft: every clause is linked to itself.
 *   DIRECT / CHAIN
 *            some right clause reaches left clauses by following derived_from, directly
 *            (right derives from left) or through the clauses of drafts in between
 *            (right derives from a draft that derives from left). A right clause is linked
 *            to the left clauses it reaches.
 *   REVERSE  some left clause reaches right clauses that way (the newer draft was put on
 *            the left): a right clause is linked to the left clauses that reach it.
 *   COMMON   both descend from a common draft (e.g. two counter-proposals to one plan):
 *            clauses are linked when their derived_from ancestries share a clause.
 *   NUMBERS  no lineage joins them: clauses are linked when their numbers are equal,
 *            ignoring case, spaces and parentheses ("13(a)" = "13a").
 *
 * Classifying. One row per right clause, in right order, and one row per left clause no
 * right clause is linked to, placed after the rows of the left clauses before it:
 *   ADDED      the right clause is linked to no left clause.
 *   DROPPED    a left clause no right clause is linked to (gone without a trace).
 *   DELETED    the right clause is deleted, and a left clause it comes from was not.
 *   BRACKETED  the right clause is bracketed, and a left clause it comes from was not.
 *   CHANGED    otherwise, when the title, the text (whitespace runs count as one space),
 *              the sets or the status differ from the left clause; a right clause linked
 *              to several left clauses (a merge) is always changed.
 *   KEPT       otherwise. A kept clause may still be renumbered or moved (flags).
 * So a clause that stays bracketed from left to right is kept or changed, not bracketed:
 * the kinds say what the step from left to right did; the row's clauses still carry
 * their status.
 */

typedef enum {
  ZOPA_COMPARISON_KEPT,
  ZOPA_COMPARISON_CHANGED,
  ZOPA_COMPARISON_BRACKETED,
  ZOPA_COMPARISON_DELETED,
  ZOPA_COMPARISON_DROPPED,
  ZOPA_COMPARISON_ADDED,
  ZOPA_COMPARISON_N_KINDS,
} ZopaComparisonKind;

/* What differs between a right clause and the left clause(s) it comes from. */
typedef enum {
  ZOPA_COMPARISON_DIFF_NONE       = 0,
  ZOPA_COMPARISON_DIFF_TEXT       = 1 << 0,
  ZOPA_COMPARISON_DIFF_TITLE      = 1 << 1,
  ZOPA_COMPARISON_DIFF_SETS       = 1 << 2,
  ZOPA_COMPARISON_DIFF_STATUS     = 1 << 3,
  ZOPA_COMPARISON_DIFF_RENUMBERED = 1 << 4,   /* the number differs */
  ZOPA_COMPARISON_DIFF_MOVED      = 1 << 5,   /* its place among the others changed */
  ZOPA_COMPARISON_DIFF_MERGED     = 1 << 6,   /* comes from several left clauses */
  ZOPA_COMPARISON_DIFF_SPLIT      = 1 << 7,   /* its left clause went into several */
} ZopaComparisonDiff;

typedef enum {
  ZOPA_COMPARISON_LINEAGE_SAME,
  ZOPA_COMPARISON_LINEAGE_DIRECT,
  ZOPA_COMPARISON_LINEAGE_CHAIN,
  ZOPA_COMPARISON_LINEAGE_REVERSE,
  ZOPA_COMPARISON_LINEAGE_COMMON,
  ZOPA_COMPARISON_LINEAGE_NUMBERS,
} ZopaComparisonLineage;

/* "kept", "changed", "bracketed", "deleted", "dropped", "added" — the JSON spelling. */
const char *zopa_comparison_kind_to_string     (ZopaComparisonKind kind);
/* Translated, for people: "Kept", "Changed", … */
const char *zopa_comparison_kind_to_label      (ZopaComparisonKind kind);
/* "same", "direct", "chain", "reverse", "common", "numbers". */
const char *zopa_comparison_lineage_to_string  (ZopaComparisonLineage lineage);
/* Translated, a sentence on how the clauses were matched. */
const char *zopa_comparison_lineage_to_label   (ZopaComparisonLineage lineage);

/* One issue a clause sets, with the names to show. */
typedef struct {
  const char *issue_id;
  const char *issue_title;    /* the issue id when the issue is unknown */
  const char *option_id;
  const char *option_label;   /* the option id when the option is unknown */
} ZopaComparisonSet;

/* A copy of a clause of either draft. */
typedef struct {
  const char              *id;
  const char              *number;
  const char              *title;
  const char              *text;
  ZopaClauseStatus         status;
  guint                    position;   /* in its draft */
  guint                    n_sets;
  const ZopaComparisonSet *sets;
} ZopaComparisonClause;

/* One issue whose setting differs: left_* or right_* is NULL where that side's clause(s)
 * do not set it. */
typedef struct {
  const char *issue_id;
  const char *issue_title;
  const char *left_option_id;
  const char *left_option_label;
  const char *right_option_id;
  const char *right_option_label;
} ZopaComparisonSetChange;

typedef struct {
  ZopaComparisonKind              kind;
  ZopaComparisonDiff              diff;
  /* NULL for a dropped left clause. */
  const ZopaComparisonClause     *right;
  /* The linked left clauses, in left order; none for an added clause. */
  guint                           n_left;
  const ZopaComparisonClause    **left;
  /* The left clauses were already shown in an earlier row (the second half of a split). */
  gboolean                        left_repeated;
  /* Issue by issue, in order of first appearance (left, then right). */
  guint                           n_set_changes;
  const ZopaComparisonSetChange  *set_changes;
} ZopaComparisonRow;

/* One shown actor's verdicts on the two drafts. The verdicts belong to the analysis. */
typedef struct {
  guint                   actor;      /* shown actor index in the analysis */
  const char             *id;
  const char             *name;
  const char             *color;      /* "#rrggbb" */
  const ZopaDraftVerdict *left;
  const ZopaDraftVerdict *right;
  gboolean                verdict_changed;
  /* +1 when every right score is above every left score, -1 when below, else 0 (the
   * ranges overlap, or an actor without a score). */
  int                     trend;
} ZopaComparisonActor;

/* An issue the two drafts fix differently (an open issue has no option). */
typedef struct {
  guint       issue;                  /* analysis issue index */
  const char *issue_id;
  const char *issue_title;
  const char *left_option_id;         /* NULL: open */
  const char *left_option_label;
  const char *right_option_id;        /* NULL: open */
  const char *right_option_label;
} ZopaComparisonIssue;

#define ZOPA_COMPARISON_ERROR (zopa_comparison_error_quark ())
GQuark zopa_comparison_error_quark (void);

typedef enum {
  ZOPA_COMPARISON_ERROR_UNKNOWN_DRAFT,
  ZOPA_COMPARISON_ERROR_ANALYSIS,     /* the analysis is not one of this scenario */
} ZopaComparisonError;

#define ZOPA_TYPE_COMPARISON (zopa_comparison_get_type ())
G_DECLARE_FINAL_TYPE (ZopaComparison, zopa_comparison, ZOPA, COMPARISON, GObject)

/* analysis (nullable): an analysis of scenario; without one there are no verdicts. */
ZopaComparison *zopa_comparison_new                 (ZopaScenario  *scenario,
                                                     ZopaAnalysis  *analysis,
                                                     const char    *left_id,
                                                     const char    *right_id,
                                                     GError       **error);

/* The default pair for a draft: its parent on the left and it on the right; for a draft
 * without a parent (or NULL) the first draft with a parent, against that parent; else
 * the first two drafts. FALSE when the scenario has fewer than one draft. Strings belong
 * to the scenario. */
gboolean        zopa_comparison_default_pair        (ZopaScenario  *scenario,
                                                     const char    *selected_id,
                                                     const char   **left_id,
                                                     const char   **right_id);

const char     *zopa_comparison_get_scenario_title  (ZopaComparison *self);
ZopaAnalysis   *zopa_comparison_get_analysis        (ZopaComparison *self);
const char     *zopa_comparison_get_left_id         (ZopaComparison *self);
const char     *zopa_comparison_get_left_title      (ZopaComparison *self);
const char     *zopa_comparison_get_right_id        (ZopaComparison *self);
const char     *zopa_comparison_get_right_title     (ZopaComparison *self);
guint           zopa_comparison_get_n_left_clauses  (ZopaComparison *self);
guint           zopa_comparison_get_n_right_clauses (ZopaComparison *self);
/*
 * The drafts' sizes in their own numbered points (zopa_points_count(): "13(a)" and "6 (new)"
 * belong to points 13 and 6, deleted clauses do not count), as readers count a "28-point
 * plan"; and both as "28 points → 26 points".
 */
guint           zopa_comparison_get_n_left_points   (ZopaComparison *self);
guint           zopa_comparison_get_n_right_points  (ZopaComparison *self);
char           *zopa_comparison_format_sizes        (ZopaComparison *self);
ZopaComparisonLineage zopa_comparison_get_lineage   (ZopaComparison *self);

guint           zopa_comparison_get_n_rows          (ZopaComparison *self);
const ZopaComparisonRow *zopa_comparison_get_row    (ZopaComparison *self,
                                                     guint           row);
guint           zopa_comparison_count               (ZopaComparison     *self,
                                                     ZopaComparisonKind  kind);
/* Rows with a flag of diff (e.g. renumbered), whatever their kind. */
guint           zopa_comparison_count_diff          (ZopaComparison     *self,
                                                     ZopaComparisonDiff  diff);

/* The shown actors of the analysis; none without an analysis. */
guint           zopa_comparison_get_n_actors        (ZopaComparison *self);
const ZopaComparisonActor *zopa_comparison_get_actor (ZopaComparison *self,
                                                      guint           actor);
/* Issues fixed differently, in issue order; none without an analysis. */
guint           zopa_comparison_get_n_issues        (ZopaComparison *self);
const ZopaComparisonIssue *zopa_comparison_get_issue (ZopaComparison *self,
                                                      guint           issue);

/* Translated short texts for views and exports. */
/* "rejects 24.8", "depends 25–91", "accepts" (no score). */
char           *zopa_comparison_format_verdict      (const ZopaDraftVerdict *verdict);
/* "rejects 24.8 → depends 25–91" */
char           *zopa_comparison_format_actor        (const ZopaComparisonActor *actor);
/* "12 kept · 5 changed · 12 bracketed · 1 deleted", kinds with none left out. */
char           *zopa_comparison_format_counts       (ZopaComparison *self);
/* What changed in a row, one item a line: "sets Territory: de facto Donbas → open",
 * "text changed", "renumbered 26 → 26 (new)"; NULL when nothing did. */
char           *zopa_comparison_describe_row        (ZopaComparison          *self,
                                                     const ZopaComparisonRow *row);

/* The `zopa-cli compare --json` object. */
JsonNode       *zopa_comparison_to_json             (ZopaComparison *self);

G_END_DECLS
