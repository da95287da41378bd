/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zopa-history.h"
#include "zopa-scenario.h"

G_BEGIN_DECLS

/*
 * Edits that follow references: renaming an id updates every place that names it, and
 * deleting an object removes those places too, each as one undoable step. Objects are
 * any of ZopaSource, ZopaIssue, ZopaOption, ZopaActor, ZopaDraft, ZopaClause, ZopaVariant
 * (and, for deletion and find_owner, ZopaStance and ZopaVariantChange).
 */

#define ZOPA_ID_MAX_LENGTH 64

#define ZOPA_EDIT_ERROR (zopa_edit_error_quark ())
GQuark zopa_edit_error_quark (void);

typedef enum {
  ZOPA_EDIT_ERROR_INVALID_ID,   /* empty or too long */
  ZOPA_EDIT_ERROR_ID_TAKEN,     /* another object of the kind has it */
} ZopaEditError;

/* The object whose list holds object (the scenario, an issue, actor, draft or variant),
 * or NULL when object is not in the scenario. Borrowed. */
GObject    *zopa_edit_find_owner           (ZopaScenario *scenario,
                                            gpointer      object);

/* Whether new_id can be object's id: non-empty, at most 64 characters, and unique among
 * objects of its kind (clause ids across the file, option ids within their issue). The
 * error message is translated, for the editor to show. */
gboolean    zopa_edit_check_id             (ZopaScenario *scenario,
                                            gpointer      object,
                                            const char   *new_id,
                                            GError      **error);

/* base, or base-2, base-3, … : the first id no object of item_type uses (parent: the
 * issue, for options). For views that add objects. */
char       *zopa_edit_make_unique_id       (ZopaScenario *scenario,
                                            GType         item_type,
                                            gpointer      parent,
                                            const char   *base);

/* The places that refer to object, one translated sentence each ("The stance of Moscow
 * on this issue"), for telling the user what a deletion removes. Empty when none. */
GPtrArray  *zopa_edit_describe_references  (ZopaScenario *scenario,
                                            gpointer      object);

/* Renames object and every reference to it, as one step ("Rename Issue"). */
gboolean    zopa_edit_rename               (ZopaHistory  *history,
                                            gpointer      object,
                                            const char   *new_id,
                                            GError      **error);

/* Deletes object and every reference to it (what describe_references() lists), as one
 * step ("Delete Option"). Returns FALSE when object is not in the scenario. */
gboolean    zopa_edit_delete               (ZopaHistory  *history,
                                            gpointer      object);

/*
 * A new draft after draft that derives from it, with a copy of each clause deriving
 * from its original: one step, "Fork Draft". new_id NULL: a free id made from draft's;
 * title NULL: draft's title marked as a fork. A clause "geneva/6" of the draft becomes
 * "<new id>/6". Returns the new draft (borrowed: the scenario holds it).
 */
ZopaDraft  *zopa_edit_fork_draft           (ZopaHistory  *history,
                                            ZopaDraft    *draft,
                                            const char   *new_id,
                                            const char   *title);

/* A copy of clause with a free id, right after it, same lineage: "Duplicate Clause".
 * Returns the copy (borrowed). */
ZopaClause *zopa_edit_duplicate_clause     (ZopaHistory  *history,
                                            ZopaClause   *clause);

/*
 * Sets the acceptable options of holder, a ZopaStance or a ZopaVariantChange, and takes
 * them out of its maybe list: an option is acceptable or maybe, never both. Part of the
 * caller's history group, if one is open.
 */
void        zopa_edit_set_acceptable       (ZopaHistory        *history,
                                            GObject            *holder,
                                            const char * const *acceptable);

/* Where an option stands for an actor: surely acceptable, uncertain, or a red line. */
typedef enum {
  ZOPA_ACCEPTABILITY_ACCEPTABLE,
  ZOPA_ACCEPTABILITY_MAYBE,
  ZOPA_ACCEPTABILITY_RED_LINE,
} ZopaAcceptability;

/* Whether holder (a ZopaStance, or a ZopaVariantChange) says which options are acceptable:
 * a stance always does, a change only when it replaces the stance's lists. */
gboolean          zopa_edit_holder_lists_acceptability (GObject           *holder);
/* Where option_id stands in holder; for a change that lists neither list, RED_LINE. */
ZopaAcceptability zopa_edit_get_acceptability          (GObject           *holder,
                                                        const char        *option_id);
/*
 * Makes option_id of issue acceptable, maybe or a red line in holder (which must list
 * acceptability), rewriting its acceptable and maybe lists in the issue's order: one step,
 * "Allow Option", "Mark Option as Maybe" or "Add Red Line" (part of the caller's group, if
 * one is open). Returns FALSE when the option already stood so.
 */
gboolean          zopa_edit_set_acceptability          (ZopaHistory       *history,
                                                        GObject           *holder,
                                                        ZopaIssue         *issue,
                                                        const char        *option_id,
                                                        ZopaAcceptability  acceptability);

G_END_DECLS
