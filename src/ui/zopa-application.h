/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-recovery-store.h"
#include "zopa-recent-files.h"

G_BEGIN_DECLS

#define ZOPA_TYPE_APPLICATION (zopa_application_get_type ())
G_DECLARE_FINAL_TYPE (ZopaApplication, zopa_application, ZOPA, APPLICATION, AdwApplication)

ZopaApplication   *zopa_application_new                (GApplicationFlags  flags);
/* Where every window's unsaved changes are kept for recovery; NULL before start-up. */
ZopaRecoveryStore *zopa_application_get_recovery_store (ZopaApplication   *self);
/* Zopa's recent files and the Open Recent menu; NULL before start-up. */
ZopaRecentFiles   *zopa_application_get_recent_files   (ZopaApplication   *self);
/*
 * One window per file: the window showing or loading file (symbolic links followed), or NULL.
 */
GtkWindow         *zopa_application_find_window_for_file (ZopaApplication *self,
                                                          GFile           *file);
/*
 * Presents the window already on file, or else loads file off the main thread into origin
 * (when that loses nothing: no unsaved changes) or into a new window. Returns that window.
 */
GtkWindow         *zopa_application_open_file          (ZopaApplication   *self,
                                                        GFile             *file,
                                                        GtkWindow         *origin);

G_END_DECLS
