/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-display-text.c: user text cut to a length any label measures quickly */

#include "config.h"

#include <string.h>

#include "zopa-display-text.h"

/* Walks at most max_chars + 1 characters, so a long text costs only what is shown. */
static const char *
end_of_prefix (const char *text,
               guint       max_chars,
               gboolean   *cut)
{
  const char *p = text;

  for (guint n = 0; n < max_chars && *p != '\0'; n++)
    p = g_utf8_next_char (p);
  *cut = *p != '\0';
  return p;
}

char *
zopa_display_text (const char *text,
                   guint       max_chars)
{
  g_autofree char *valid = NULL;
  const char *end;
  gboolean cut;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  end = end_of_prefix (text, MAX (max_chars, 1), &cut);
  if (!cut)
    return g_strdup (text);
  /* The ellipsis counts as one of the characters shown. */
  end = g_utf8_prev_char (end);
  {
    GString *out = g_string_new_len (text, end - text);

    g_string_append (out, "…");
    return g_string_free (out, FALSE);
  }
}

gboolean
zopa_display_text_is_cut (const char *text,
                          guint       max_chars)
{
  gboolean cut = FALSE;

  if (text != NULL)
    end_of_prefix (text, MAX (max_chars, 1), &cut);
  return cut;
}

gboolean
zopa_display_text_line_transform (GBinding     *binding,
                                  const GValue *from,
                                  GValue       *to,
                                  gpointer      user_data)
{
  g_value_take_string (to, zopa_display_text (g_value_get_string (from), ZOPA_DISPLAY_TEXT_LINE));
  return TRUE;
}
