/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zopa-cli-text.c: file content on a terminal, shown and never obeyed.
 *
 * Names, ids and titles come from files anyone may have written. Written raw, an escape
 * sequence in an id retitles or clears the terminal, a BEL rings, a C1 control starts a
 * sequence of its own, and a bidirectional control (U+202E, right-to-left override) makes
 * a line read differently from what it says. Every such character is written the way the
 * JSON file itself writes it, "\u001B", "\u202E", so it can be found in the file; bytes
 * that are not UTF-8 (a file name given on the command line) are written "\xFF".
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "zopa-cli.h"

static gboolean
is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f)      /* C0, DEL, C1 */
         || c == 0x061c                             /* Arabic letter mark */
         || c == 0x200e || c == 0x200f              /* left-to-right and right-to-left marks */
         || (c >= 0x2028 && c <= 0x202e)            /* line and paragraph separators, embeddings, overrides */
         || (c >= 0x2066 && c <= 0x2069);           /* isolates */
}

static char *
escape (const char *text,
        gboolean    keep_newlines)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (is_unsafe (c) && !(keep_newlines && c == '\n'))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

char *
zopa_cli_escape (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return escape (text, FALSE);
}

void
zopa_cli_print_report (const char *report)
{
  g_autofree char *safe = NULL;

  g_return_if_fail (report != NULL);

  safe = escape (report, TRUE);
  fputs (safe, stdout);
}
