/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * A frame of the storyboard in the sidebar: its caption over a line that says what it shows
 * ("Venn · Kyiv, Moscow · Post-Putin leadership · 3 drafts"). Activating it shows the frame
 * in the window; its menu edits the caption (through the undo history, like every edit),
 * replaces the frame with the current view, moves it and deletes it.
 */
#define ZOPA_TYPE_FRAME_ROW (zopa_frame_row_get_type ())
G_DECLARE_FINAL_TYPE (ZopaFrameRow, zopa_frame_row, ZOPA, FRAME_ROW, AdwActionRow)

GtkWidget *zopa_frame_row_new        (ZopaFrame   *frame,
                                      ZopaSession *session);
ZopaFrame *zopa_frame_row_get_frame  (ZopaFrameRow *self);
/* Its place in the storyboard, from 0, out of n_frames: the number shown and which moves
 * make sense. */
void       zopa_frame_row_set_position (ZopaFrameRow *self,
                                        guint         position,
                                        guint         n_frames);

G_END_DECLS
