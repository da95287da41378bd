/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-style-choice.h: following the system's light or dark style, or always one of them */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Adds the stateful action "style" to map, whose state ("follow", "light" or "dark") is the
 * "style" key of settings, and keeps style_manager's colour scheme to what the key says,
 * from now on and whenever the key changes (from the menu or from elsewhere).
 */
void             zopa_style_choice_install     (GActionMap      *map,
                                                GSettings       *settings,
                                                AdwStyleManager *style_manager);
/* The colour scheme a value of the "style" key asks for. */
AdwColorScheme   zopa_style_choice_color_scheme (const char     *style);

G_END_DECLS
