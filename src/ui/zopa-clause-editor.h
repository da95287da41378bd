/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * The editor of one clause of a draft: number, title, text, status, the options it sets,
 * its sources and the clauses of the parent draft it derives from. Every change goes
 * through the document's history; the editor follows the model, so undo shows at once.
 */
#define ZOPA_TYPE_CLAUSE_EDITOR (zopa_clause_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZopaClauseEditor, zopa_clause_editor, ZOPA, CLAUSE_EDITOR, GtkWidget)

GtkWidget  *zopa_clause_editor_new         (void);
/* NULL allowed; the clause is cleared too. */
void        zopa_clause_editor_set_session (ZopaClauseEditor *self,
                                            ZopaSession      *session);
/* A clause of a draft of the session's scenario, or NULL. */
void        zopa_clause_editor_set_clause  (ZopaClauseEditor *self,
                                            ZopaClause       *clause);
ZopaClause *zopa_clause_editor_get_clause  (ZopaClauseEditor *self);

G_END_DECLS
