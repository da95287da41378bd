/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-editor-window.h"

G_BEGIN_DECLS

/*
 * The variants of a session's scenario — named what-ifs — one at a time: title,
 * description and the changes each makes to actors' stances, and which one the diagram
 * shows. Not modal; it follows undo and redo.
 */
#define ZOPA_TYPE_VARIANT_EDITOR (zopa_variant_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZopaVariantEditor, zopa_variant_editor, ZOPA, VARIANT_EDITOR, ZopaEditorWindow)

ZopaVariantEditor *zopa_variant_editor_new            (GtkWindow         *parent,
                                                       ZopaSession       *session);
/* The variant being edited (borrowed), or NULL when the scenario has none. */
ZopaVariant       *zopa_variant_editor_get_variant    (ZopaVariantEditor *self);
void               zopa_variant_editor_select_variant (ZopaVariantEditor *self,
                                                       const char        *variant_id);
/* Adds a new variant (one undoable step) and selects it; returns it (borrowed). */
ZopaVariant       *zopa_variant_editor_add_variant    (ZopaVariantEditor *self);
/* Adds a change of the first actor's reservation to the variant; returns it (borrowed). */
ZopaVariantChange *zopa_variant_editor_add_change     (ZopaVariantEditor *self);

/* Presents the session's variant editor (one per session) on variant_id; NULL: the
 * variant the diagram shows, else the first. */
ZopaVariantEditor *zopa_variant_editor_show           (GtkWindow         *parent,
                                                       ZopaSession       *session,
                                                       const char        *variant_id);

G_END_DECLS
