/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-editor-window.h"

G_BEGIN_DECLS

/*
 * The issues of a session's scenario, one at a time: title, description and the ordered
 * options. Renaming an id takes every reference along; deleting tells first what goes
 * with it. Not modal; it follows undo and redo.
 */
#define ZOPA_TYPE_ISSUE_EDITOR (zopa_issue_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZopaIssueEditor, zopa_issue_editor, ZOPA, ISSUE_EDITOR, ZopaEditorWindow)

ZopaIssueEditor *zopa_issue_editor_new          (GtkWindow       *parent,
                                                 ZopaSession     *session);
/* The issue being edited (borrowed), or NULL when the scenario has none. */
ZopaIssue       *zopa_issue_editor_get_issue    (ZopaIssueEditor *self);
void             zopa_issue_editor_select_issue (ZopaIssueEditor *self,
                                                 const char      *issue_id);

/* Presents the session's issue editor (one per session) on issue_id; NULL: the first. */
ZopaIssueEditor *zopa_issue_editor_show         (GtkWindow       *parent,
                                                 ZopaSession     *session,
                                                 const char      *issue_id);

G_END_DECLS
