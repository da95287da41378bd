/* zopa-clause-editor-private.h: what zopa-clause-editor.c and zopa-clause-editor-lineage.c share */

#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>
#include "model/zopa-edit.h"
#include "zopa-clause-editor.h"

G_BEGIN_DECLS

struct _ZopaClauseEditor
{
  GtkWidget          parent_instance;

  ZopaSession       *session;
  ZopaClause        *clause;
  /* Set while the widgets follow the model, so they do not echo edits back. */
  gboolean           syncing;
  /* What the rows were built from; rows are rebuilt only when it changes, so a combo
   * or check the user is working with is never replaced under the pointer. */
  char              *sets_signature;
  char              *sources_signature;
  char              *zopa_clause_editor_lineage_signature;

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
  GPtrArray         *lineage_checks;
};

ZopaHistory *zopa_clause_editor_get_history (ZopaClauseEditor *self);
ZopaScenario *zopa_clause_editor_get_scenario (ZopaClauseEditor *self);
ZopaDraft *zopa_clause_editor_get_draft (ZopaClauseEditor *self);
gboolean zopa_clause_editor_can_edit (ZopaClauseEditor *self);
char *zopa_clause_editor_lineage_signature (ZopaDraft *parent);
void zopa_clause_editor_sync_lineage (ZopaClauseEditor *self);

G_END_DECLS
