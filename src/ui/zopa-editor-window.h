/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-history.h"
#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * The window the actor, issue and variant editors derive from: it edits the document of
 * one session ("session", set at construction), offers undo and redo of that document's
 * history (editor.undo, editor.redo, enabled as the history allows; Ctrl+Z, Ctrl+Shift+Z,
 * Ctrl+Y), closes with Escape or Ctrl+W, and keeps the editors' smallest size. A session
 * has at most one editor window of each kind: zopa_editor_window_find() finds it.
 */
#define ZOPA_TYPE_EDITOR_WINDOW (zopa_editor_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (ZopaEditorWindow, zopa_editor_window, ZOPA, EDITOR_WINDOW, AdwWindow)

struct _ZopaEditorWindowClass
{
  AdwWindowClass parent_class;
};

ZopaSession      *zopa_editor_window_get_session  (ZopaEditorWindow *self);
ZopaHistory      *zopa_editor_window_get_history  (ZopaEditorWindow *self);
ZopaScenario     *zopa_editor_window_get_scenario (ZopaEditorWindow *self);

/* Lets the editor's list and the chosen item's page fold into one column when the window is
 * narrow: activating a row shows the item's page, back_button (shown only then) the list. */
void              zopa_editor_window_fold_list    (ZopaEditorWindow *self,
                                                   AdwLeaflet       *leaflet,
                                                   GtkListBox       *list,
                                                   GtkWidget        *back_button);
/* Shows the chosen item's page in place of the list when folded. */
void              zopa_editor_window_show_item    (ZopaEditorWindow *self);

/* The open editor window of type (a subclass) on session, or NULL. */
ZopaEditorWindow *zopa_editor_window_find         (ZopaSession      *session,
                                                   GType             type);

G_END_DECLS
