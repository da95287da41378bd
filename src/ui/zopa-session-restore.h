/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-session-restore.h: the scenario files open at the last quit, reopened at a plain start */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Writes the files shown by the Zopa windows among windows (a list of GtkWindow), in order,
 * without repeats, to the "session-files" key of settings; windows on the built-in scenario
 * or an unsaved one have no file and are left out.
 */
void       zopa_session_restore_keep  (GSettings *settings,
                                       GList     *windows);
/*
 * The files the "session-files" key of settings names that still exist, in order. The names
 * of those that no longer exist go to vanished (a GStrv, NULL when none vanished); they are
 * dropped from the key.
 */
GPtrArray *zopa_session_restore_files (GSettings  *settings,
                                       char     ***vanished);

G_END_DECLS
