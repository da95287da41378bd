/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-recent-files.h: scenarios opened and saved lately, for the Open Recent menu */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How many files the Open Recent menu lists at most, the latest first. */
#define ZOPA_RECENT_FILES_MAX 10

#define ZOPA_TYPE_RECENT_FILES (zopa_recent_files_get_type ())
G_DECLARE_FINAL_TYPE (ZopaRecentFiles, zopa_recent_files, ZOPA, RECENT_FILES, GObject)

/*
 * Zopa's entries in manager (the desktop's list of recently used files, which file choosers
 * and the shell share) as a menu whose items activate "app.open-recent" with the file's URI.
 */
ZopaRecentFiles *zopa_recent_files_new      (GtkRecentManager *manager);
void             zopa_recent_files_add      (ZopaRecentFiles  *self,
                                             GFile            *file);
void             zopa_recent_files_remove   (ZopaRecentFiles  *self,
                                             GFile            *file);
/* Kept up to date as manager changes, also when another program changes its list. */
GMenuModel      *zopa_recent_files_get_menu (ZopaRecentFiles  *self);

G_END_DECLS
