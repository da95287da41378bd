/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  ZOPA_CLAUSE_AGREED,
  ZOPA_CLAUSE_BRACKETED,
  ZOPA_CLAUSE_DELETED,
} ZopaClauseStatus;

#define ZOPA_TYPE_CLAUSE_STATUS (zopa_clause_status_get_type ())
GType             zopa_clause_status_get_type     (void);
/* "agreed", "bracketed", "deleted" — the file's spelling. */
const char       *zopa_clause_status_to_string    (ZopaClauseStatus status);
gboolean          zopa_clause_status_from_string  (const char *text, ZopaClauseStatus *status);

/* A numbered clause of a draft. */
#define ZOPA_TYPE_CLAUSE (zopa_clause_get_type ())
G_DECLARE_FINAL_TYPE (ZopaClause, zopa_clause, ZOPA, CLAUSE, GObject)

ZopaClause         *zopa_clause_new                (const char *id);
const char         *zopa_clause_get_id             (ZopaClause *self);
void                zopa_clause_set_id             (ZopaClause *self, const char *id);
const char         *zopa_clause_get_number         (ZopaClause *self);
void                zopa_clause_set_number         (ZopaClause *self, const char *number);
const char         *zopa_clause_get_title          (ZopaClause *self);
void                zopa_clause_set_title          (ZopaClause *self, const char *title);
const char         *zopa_clause_get_text           (ZopaClause *self);
void                zopa_clause_set_text           (ZopaClause *self, const char *text);
ZopaClauseStatus    zopa_clause_get_status         (ZopaClause *self);
void                zopa_clause_set_status         (ZopaClause *self, ZopaClauseStatus status);
const char * const *zopa_clause_get_sources        (ZopaClause *self);
void                zopa_clause_set_sources        (ZopaClause *self, const char * const *source_ids);
/* Ids of clauses of the parent draft this clause derives from. */
const char * const *zopa_clause_get_derived_from   (ZopaClause *self);
void                zopa_clause_set_derived_from   (ZopaClause *self, const char * const *clause_ids);
/* The issues the clause sets, in stored order, and the option it sets each to. */
const char * const *zopa_clause_get_set_issues     (ZopaClause *self);
const char         *zopa_clause_get_set_option     (ZopaClause *self, const char *issue_id);
/* option_id NULL removes the issue from the clause's sets. */
void                zopa_clause_set_option         (ZopaClause *self, const char *issue_id, const char *option_id);
/* Inverse of removing an issue from the sets, for undo: issue_id must not be set yet;
 * position is clamped to the number of set issues. */
void                zopa_clause_insert_option      (ZopaClause *self, guint position,
                                                    const char *issue_id, const char *option_id);
JsonObject         *zopa_clause_get_extra          (ZopaClause *self);
void                zopa_clause_set_extra          (ZopaClause *self, JsonObject *extra);

/* A plan: a titled, dated list of clauses. */
#define ZOPA_TYPE_DRAFT (zopa_draft_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDraft, zopa_draft, ZOPA, DRAFT, GObject)

ZopaDraft  *zopa_draft_new              (const char *id);
const char *zopa_draft_get_id           (ZopaDraft *self);
void        zopa_draft_set_id           (ZopaDraft *self, const char *id);
const char *zopa_draft_get_title        (ZopaDraft *self);
void        zopa_draft_set_title        (ZopaDraft *self, const char *title);
const char *zopa_draft_get_date         (ZopaDraft *self);
void        zopa_draft_set_date         (ZopaDraft *self, const char *date);
const char *zopa_draft_get_origin       (ZopaDraft *self);
void        zopa_draft_set_origin       (ZopaDraft *self, const char *origin);
/* The id of the draft this one derives from, or NULL. */
const char *zopa_draft_get_derived_from (ZopaDraft *self);
void        zopa_draft_set_derived_from (ZopaDraft *self, const char *draft_id);
const char *zopa_draft_get_notes        (ZopaDraft *self);
void        zopa_draft_set_notes        (ZopaDraft *self, const char *notes);

/* The number its marker shows, kept for good so that slides made earlier still match:
 * 1 to ZOPA_DRAFT_NUMBER_MAX, or 0 for a draft not yet in a scenario, which
 * zopa_scenario_insert_draft() numbers after the largest number there. */
#define ZOPA_DRAFT_NUMBER_MAX 999999
guint       zopa_draft_get_number       (ZopaDraft *self);
void        zopa_draft_set_number       (ZopaDraft *self, guint number);

/* A GListModel of ZopaClause, in order. */
GListModel *zopa_draft_get_clauses      (ZopaDraft *self);
ZopaClause *zopa_draft_find_clause      (ZopaDraft *self, const char *clause_id);
void        zopa_draft_insert_clause    (ZopaDraft *self, guint position, ZopaClause *clause);
void        zopa_draft_remove_clause    (ZopaDraft *self, guint position);

JsonObject *zopa_draft_get_extra        (ZopaDraft *self);
void        zopa_draft_set_extra        (ZopaDraft *self, JsonObject *extra);

G_END_DECLS
