/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-editor-window.h"

G_BEGIN_DECLS

/*
 * The actors of a session's scenario, one at a time: name, colour, logic, reservation,
 * sources, and the stance on every issue (weight, red lines, utilities). Not modal, so the
 * diagram can be watched while editing; it follows undo and redo.
 */
#define ZOPA_TYPE_ACTOR_EDITOR (zopa_actor_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZopaActorEditor, zopa_actor_editor, ZOPA, ACTOR_EDITOR, ZopaEditorWindow)

ZopaActorEditor *zopa_actor_editor_new          (GtkWindow       *parent,
                                                 ZopaSession     *session);
/* The actor being edited (borrowed), or NULL when the scenario has none. */
ZopaActor       *zopa_actor_editor_get_actor    (ZopaActorEditor *self);
void             zopa_actor_editor_select_actor (ZopaActorEditor *self,
                                                 const char      *actor_id);
/* Adds a new actor and selects it; refuses a seventh with a message (returns FALSE). */
gboolean         zopa_actor_editor_add_actor    (ZopaActorEditor *self);

/*
 * Presents the session's actor editor (one per session) on actor_id; NULL adds a new
 * actor (or says why it cannot).
 */
ZopaActorEditor *zopa_actor_editor_show         (GtkWindow       *parent,
                                                 ZopaSession     *session,
                                                 const char      *actor_id);

G_END_DECLS
