/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/* The drafts and actors of a session: which are shown, and which draft is selected. */
#define ZOPA_TYPE_SIDEBAR (zopa_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (ZopaSidebar, zopa_sidebar, ZOPA, SIDEBAR, GtkWidget)

void zopa_sidebar_set_session (ZopaSidebar *self,
                               ZopaSession *session);

G_END_DECLS
