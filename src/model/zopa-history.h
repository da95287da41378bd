/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zopa-scenario.h"

G_BEGIN_DECLS

/*
 * The undo/redo history of one scenario. Every edit a view makes goes through it: each
 * function below performs the edit on the model AND records how to take it back, so the
 * model's own notifications ("changed", notify, items-changed) are emitted as usual,
 * for the edit, its undo and its redo alike.
 *
 * Undo and redo put back the very objects that were removed, so pointers a view holds
 * stay valid and the scenario serialises to the same bytes as before the edit.
 *
 * Edits made to the scenario behind the history's back cannot be undone safely: when the
 * history sees one, it forgets its steps and the saved point (at-saved-point becomes
 * FALSE). Objects not yet in the scenario (a clause being built before it is inserted)
 * may be set up directly.
 */
#define ZOPA_TYPE_HISTORY (zopa_history_get_type ())
G_DECLARE_FINAL_TYPE (ZopaHistory, zopa_history, ZOPA, HISTORY, GObject)

#define ZOPA_HISTORY_DEFAULT_LIMIT         1000
#define ZOPA_HISTORY_DEFAULT_MERGE_TIMEOUT 1000   /* milliseconds */

/* Monotonic time in microseconds, like g_get_monotonic_time(); tests inject their own. */
typedef gint64 (*ZopaHistoryClock) (gpointer user_data);

ZopaHistory  *zopa_history_new               (ZopaScenario *scenario);
ZopaScenario *zopa_history_get_scenario      (ZopaHistory  *self);

gboolean      zopa_history_get_can_undo      (ZopaHistory  *self);
gboolean      zopa_history_get_can_redo      (ZopaHistory  *self);
/* Translated descriptions such as "Change Clause Status"; NULL when there is none. */
const char   *zopa_history_get_undo_label    (ZopaHistory  *self);
const char   *zopa_history_get_redo_label    (ZopaHistory  *self);
guint         zopa_history_get_n_undo_steps  (ZopaHistory  *self);
guint         zopa_history_get_n_redo_steps  (ZopaHistory  *self);

/* Return FALSE when there is nothing to undo or redo, or a group is open. */
gboolean      zopa_history_undo              (ZopaHistory  *self);
gboolean      zopa_history_redo              (ZopaHistory  *self);

/*
 * The saved point: at-saved-point is TRUE while the scenario is in the state it had when
 * it was last saved (or loaded). A document's "unsaved" mark is !at-saved-point.
 * mark_saved() also ends typing merges, so the next keystroke starts a new step.
 */
gboolean      zopa_history_get_at_saved_point (ZopaHistory *self);
void          zopa_history_mark_saved         (ZopaHistory *self);
/* The state on disk is not one the history can reach (e.g. changes recovered after a crash):
 * at-saved-point stays FALSE until the next mark_saved(). */
void          zopa_history_mark_unsaved       (ZopaHistory *self);

/* Forgets every step (e.g. after a revert). The saved point is kept only when the
 * history stands on it. */
void          zopa_history_clear             (ZopaHistory  *self);

/* The number of steps kept (oldest dropped first); 0 means no limit. */
guint         zopa_history_get_limit         (ZopaHistory  *self);
void          zopa_history_set_limit         (ZopaHistory  *self,
                                              guint         limit);

/*
 * Typing: consecutive edits of the same property (or the same utility, clause option)
 * of the same object, each within merge-timeout of the previous one, are one step.
 * A pause, another edit, a group, undo, redo, mark_saved() and break_merge() end it;
 * views call break_merge() when an entry loses focus.
 */
guint         zopa_history_get_merge_timeout (ZopaHistory  *self);
void          zopa_history_set_merge_timeout (ZopaHistory  *self,
                                              guint         milliseconds);
void          zopa_history_break_merge       (ZopaHistory  *self);
/* NULL restores g_get_monotonic_time(). */
void          zopa_history_set_clock         (ZopaHistory      *self,
                                              ZopaHistoryClock  clock,
                                              gpointer          user_data);

/*
 * Groups: every edit between begin and end is one step, undone and redone together.
 * Groups nest; the outermost label is the step's (NULL: the first edit's label). An
 * empty group leaves no step. Undo and redo are refused while a group is open.
 */
void          zopa_history_begin_group       (ZopaHistory  *self,
                                              const char   *label);
void          zopa_history_end_group         (ZopaHistory  *self);

/*
 * Properties of any model object (scalars, strings, string arrays, the clause status
 * enum). Returns FALSE (and records nothing) when the value is the one already there.
 * Setting "reservation" or "weight" of a ZopaVariantChange that has none records that,
 * so undo takes it away again. Several properties in one call are one step.
 */
gboolean      zopa_history_set_value         (ZopaHistory  *self,
                                              gpointer      object,
                                              const char   *property,
                                              const GValue *value);
gboolean      zopa_history_set               (ZopaHistory  *self,
                                              gpointer      object,
                                              const char   *first_property,
                                              ...) G_GNUC_NULL_TERMINATED;

/*
 * Lists: the list is chosen by the owner and the item's type — a ZopaScenario's sources,
 * issues, actors, drafts or variants, a ZopaIssue's options, a ZopaActor's stances, a
 * ZopaDraft's clauses, a ZopaVariant's changes. position is clamped to the list's length
 * (G_MAXUINT appends). move() puts the item at new_position of the list after the move.
 */
gboolean      zopa_history_insert            (ZopaHistory  *self,
                                              gpointer      owner,
                                              guint         position,
                                              gpointer      item);
gboolean      zopa_history_remove            (ZopaHistory  *self,
                                              gpointer      owner,
                                              gpointer      item);
gboolean      zopa_history_move              (ZopaHistory  *self,
                                              gpointer      owner,
                                              gpointer      item,
                                              guint         new_position);

/* Ordered maps: a new key goes last; undo restores the order exactly. */
gboolean      zopa_history_set_utility       (ZopaHistory       *self,
                                              ZopaStance        *stance,
                                              const char        *option_id,
                                              int                utility);
gboolean      zopa_history_unset_utility     (ZopaHistory       *self,
                                              ZopaStance        *stance,
                                              const char        *option_id);
/* Inverse of unset for a given place (e.g. to rename a key in place); the key must be
 * absent; position is clamped to the map's size. */
gboolean      zopa_history_insert_utility    (ZopaHistory       *self,
                                              ZopaStance        *stance,
                                              guint              position,
                                              const char        *option_id,
                                              int                utility);
/* As insert_utility, keeping a range (renaming a key whose utility is a range). */
gboolean      zopa_history_insert_utility_range (ZopaHistory  *self,
                                                 ZopaStance   *stance,
                                                 guint         position,
                                                 const char   *option_id,
                                                 ZopaRange     utility);
/* option_id NULL removes the issue from the clause's sets. */
gboolean      zopa_history_set_clause_option (ZopaHistory       *self,
                                              ZopaClause        *clause,
                                              const char        *issue_id,
                                              const char        *option_id);
gboolean      zopa_history_insert_clause_option (ZopaHistory       *self,
                                                 ZopaClause        *clause,
                                                 guint              position,
                                                 const char        *issue_id,
                                                 const char        *option_id);
gboolean      zopa_history_set_change_utility   (ZopaHistory       *self,
                                                 ZopaVariantChange *change,
                                                 const char        *option_id,
                                                 int                utility);
gboolean      zopa_history_unset_change_utility (ZopaHistory       *self,
                                                 ZopaVariantChange *change,
                                                 const char        *option_id);
gboolean      zopa_history_insert_change_utility (ZopaHistory       *self,
                                                  ZopaVariantChange *change,
                                                  guint              position,
                                                  const char        *option_id,
                                                  int                utility);
/* The same keeping a range. */
gboolean      zopa_history_insert_change_utility_range (ZopaHistory       *self,
                                                        ZopaVariantChange *change,
                                                        guint              position,
                                                        const char        *option_id,
                                                        ZopaRange          utility);
/* The change no longer replaces the stance's utilities at all. */
gboolean      zopa_history_clear_change_utility (ZopaHistory       *self,
                                                 ZopaVariantChange *change);
gboolean      zopa_history_unset_change_reservation (ZopaHistory       *self,
                                                     ZopaVariantChange *change);
gboolean      zopa_history_unset_change_weight      (ZopaHistory       *self,
                                                     ZopaVariantChange *change);

/*
 * Uncertain values, set whole: a range (ranged TRUE, low ≤ high; [v, v] stays written as a
 * range) or one value (ranged FALSE, low == high). holder is a ZopaActor (reservation), a
 * ZopaStance (weight, utility) or a ZopaVariantChange (any of the three; it then sets that
 * member if it did not). Undo puts back the value and its form exactly.
 */
gboolean      zopa_history_set_reservation_range    (ZopaHistory       *self,
                                                     gpointer           holder,
                                                     ZopaRange          reservation);
gboolean      zopa_history_set_weight_range         (ZopaHistory       *self,
                                                     gpointer           holder,
                                                     ZopaRange          weight);
gboolean      zopa_history_set_utility_range        (ZopaHistory       *self,
                                                     gpointer           holder,
                                                     const char        *option_id,
                                                     ZopaRange          utility);

G_END_DECLS
