/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void zopa_tab_stop_make_single (GtkWidget *group);

G_END_DECLS
