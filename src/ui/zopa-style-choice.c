/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-style-choice.c: following the system's light or dark style, or always one of them */

#include "config.h"

#include "zopa-style-choice.h"

AdwColorScheme
zopa_style_choice_color_scheme (const char *style)
{
  if (g_strcmp0 (style, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (style, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  /* Follows the system, light where the system says nothing. */
  return ADW_COLOR_SCHEME_DEFAULT;
}

static void
apply_style (GSettings       *settings,
             const char      *key,
             AdwStyleManager *style_manager)
{
  g_autofree char *style = g_settings_get_string (settings, "style");

  adw_style_manager_set_color_scheme (style_manager, zopa_style_choice_color_scheme (style));
}

void
zopa_style_choice_install (GActionMap      *map,
                           GSettings       *settings,
                           AdwStyleManager *style_manager)
{
  g_autoptr(GAction) action = NULL;

  g_return_if_fail (G_IS_ACTION_MAP (map));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (ADW_IS_STYLE_MANAGER (style_manager));

  /* The action writes the key; the key, wherever it was changed, sets the style. */
  action = g_settings_create_action (settings, "style");
  g_action_map_add_action (map, action);
  g_signal_connect_object (settings, "changed::style", G_CALLBACK (apply_style), style_manager, 0);
  apply_style (settings, "style", style_manager);
}
