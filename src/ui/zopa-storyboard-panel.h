/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/* The frames of the storyboard of a session's scenario, in order, as rows that show, edit,
 * move and delete them. */
#define ZOPA_TYPE_STORYBOARD_PANEL (zopa_storyboard_panel_get_type ())
G_DECLARE_FINAL_TYPE (ZopaStoryboardPanel, zopa_storyboard_panel, ZOPA, STORYBOARD_PANEL, GtkWidget)

void zopa_storyboard_panel_set_session (ZopaStoryboardPanel *self,
                                        ZopaSession         *session);
/* Adds what the session shows now as the last frame (one undo step) and gives its row the
 * focus. */
void zopa_storyboard_panel_add_current_view (ZopaStoryboardPanel *self);

G_END_DECLS
