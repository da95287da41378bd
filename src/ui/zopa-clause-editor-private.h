/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-clause-editor-private.h: what zopa-clause-editor.c and zopa-clause-editor-lineage.c share */

#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>
#include "model/zopa-edit.h"
#include "zopa-clause-editor.h"
#include "zopa-history-binding.h"

G_BEGIN_DECLS

struct _ZopaClauseEditor
{
  GtkWidget          parent_instance;

  ZopaSession       *session;
  ZopaClause        *clause;
  ZopaHistoryBinding *number_binding;
  ZopaHistoryBinding *title_binding;
  ZopaHistoryBinding *text_binding;
  /* What the lists show: each changes only when the set of its items changes, so a row
   * the user is working with is never replaced under the pointer. */
  GListStore        *set_issues;        /* ZopaIssue the clause sets */
  GListStore        *addable_issues;    /* ZopaIssue it could set */
  GtkStringList     *cited_sources;     /* ids of the sources it cites */
  GtkWidget         *sets_placeholder;
  GtkWidget         *sources_placeholder;

  AdwEntryRow       *number_row;
  AdwEntryRow       *title_row;
  AdwEntryRow       *id_row;
  AdwComboRow       *status_row;
  GtkTextView       *text_view;
  GtkListBox        *sets_list;
  GtkMenuButton     *add_issue_button;
  GtkPopover        *add_issue_popover;
  GtkListBox        *add_issue_list;
  GtkListBox        *sources_list;
  GtkPopover        *sources_popover;
  GtkListBox        *source_pick_list;
  AdwPreferencesGroup *lineage_group;
  AdwExpanderRow    *lineage_row;
  /* The parent draft's clauses, the rows and the checks for them, in parallel. */
  GPtrArray         *lineage_clauses;   /* ZopaClause, owned */
  GPtrArray         *lineage_rows;
  GPtrArray         *lineage_checks;
};

ZopaHistory *zopa_clause_editor_get_history (ZopaClauseEditor *self);
ZopaScenario *zopa_clause_editor_get_scenario (ZopaClauseEditor *self);
ZopaDraft *zopa_clause_editor_get_draft (ZopaClauseEditor *self);
gboolean zopa_clause_editor_can_edit (ZopaClauseEditor *self);
void zopa_clause_editor_sync_lineage (ZopaClauseEditor *self);
void zopa_clause_editor_forget_lineage (ZopaClauseEditor *self);

G_END_DECLS
