/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-document.h"

G_BEGIN_DECLS

#define ZOPA_TYPE_WINDOW (zopa_window_get_type ())
G_DECLARE_FINAL_TYPE (ZopaWindow, zopa_window, ZOPA, WINDOW, AdwApplicationWindow)

/* A window on the built-in scenario. */
ZopaWindow   *zopa_window_new          (GtkApplication  *application);
/* A window on document (a recovered one, say). */
ZopaWindow   *zopa_window_new_for_document (GtkApplication *application,
                                            ZopaDocument   *document);
ZopaDocument *zopa_window_get_document (ZopaWindow      *self);
/* Shows document in place of the window's, stopping a load under way. */
void          zopa_window_show_document (ZopaWindow     *self,
                                         ZopaDocument   *document);
/*
 * Loads file into this window. When the load fails, a dialog says why and the window
 * keeps its document. Returns whether the file was loaded.
 */
gboolean      zopa_window_open_file    (ZopaWindow      *self,
                                        GFile           *file);
/*
 * Reads and parses file off the main thread, the window showing that it is loading, then
 * shows it; when that fails, a dialog says why and the window keeps its document.
 */
void          zopa_window_load_file    (ZopaWindow      *self,
                                        GFile           *file);
gboolean      zopa_window_get_loading  (ZopaWindow      *self);
/* The file the window shows or is loading; NULL for a scenario without a file. */
GFile        *zopa_window_get_file     (ZopaWindow      *self);
/* Whether opening another file here loses nothing: no unsaved changes, no load under way. */
gboolean      zopa_window_can_replace_document (ZopaWindow *self);
/* Shows toast over the window's content. */
void          zopa_window_add_toast    (ZopaWindow      *self,
                                        AdwToast        *toast);

G_END_DECLS
