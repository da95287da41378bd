/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * The storyboard of a window's scenario, beside that window: its frames in order, to show,
 * caption, reorder and delete, a button that adds the window's current view as a frame and
 * one that presents them (the parent window's win.present-storyboard).
 */
#define ZOPA_TYPE_STORYBOARD_WINDOW (zopa_storyboard_window_get_type ())
G_DECLARE_FINAL_TYPE (ZopaStoryboardWindow, zopa_storyboard_window, ZOPA, STORYBOARD_WINDOW, AdwWindow)

ZopaStoryboardWindow *zopa_storyboard_window_new  (GtkWindow   *parent,
                                                   ZopaSession *session);
/* Presents the window of parent's session, making one when there is none; returns it. */
ZopaStoryboardWindow *zopa_storyboard_window_show (GtkWindow   *parent,
                                                   ZopaSession *session);

G_END_DECLS
