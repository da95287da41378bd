/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * The bargaining view's actor pair: two menu buttons, the actor across and the actor up,
 * each listing the shown actors. They act through the window's "diagram.pair-first" and
 * "diagram.pair-second" actions (the session's properties), so they need no state of
 * their own beyond the menus, which follow the shown actors.
 */
#define ZOPA_TYPE_PAIR_CHOOSER (zopa_pair_chooser_get_type ())
G_DECLARE_FINAL_TYPE (ZopaPairChooser, zopa_pair_chooser, ZOPA, PAIR_CHOOSER, GtkWidget)

void zopa_pair_chooser_set_session (ZopaPairChooser *self,
                                    ZopaSession     *session);

G_END_DECLS
