/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * Windows that belong to one scenario (the editors, the Assumptions and Storyboard windows)
 * are open at most once per scenario: opening one again presents the one there is. Each is a
 * GtkWindow of its own type with a "session" property.
 */

/* The open window of type on session, or NULL. */
GtkWindow *zopa_session_window_find (GType        type,
                                     ZopaSession *session);

G_END_DECLS
