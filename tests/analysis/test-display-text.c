/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-display-text.c: user text cut for display (src/analysis/zopa-display-text.c) */

#include "config.h"

#include <string.h>

#include "analysis/zopa-display-text.h"

static void
test_short_text_is_kept (void)
{
  g_autofree char *plain = zopa_display_text ("Ukraine", ZOPA_DISPLAY_TEXT_LINE);
  g_autofree char *markup = zopa_display_text ("<b>bold</b> & <span", ZOPA_DISPLAY_TEXT_LINE);
  g_autofree char *empty = zopa_display_text (NULL, ZOPA_DISPLAY_TEXT_LINE);
  g_autofree char *exact = zopa_display_text ("abcde", 5);

  g_assert_cmpstr (plain, ==, "Ukraine");
  g_assert_cmpstr (markup, ==, "<b>bold</b> & <span");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (exact, ==, "abcde");
  g_assert_false (zopa_display_text_is_cut ("abcde", 5));
  g_assert_true (zopa_display_text_is_cut ("abcdef", 5));
}

static void
test_long_text_is_cut (void)
{
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *shown = NULL;
  g_autofree char *multibyte = zopa_display_text ("ÄÖÜäöüß", 4);

  for (guint k = 0; k < 100000; k++)
    g_string_append_c (long_name, 'a' + k % 26);
  shown = zopa_display_text (long_name->str, ZOPA_DISPLAY_TEXT_LINE);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, ZOPA_DISPLAY_TEXT_LINE);
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_true (strncmp (shown, long_name->str, strlen (shown) - strlen ("…")) == 0);
  /* Cut between characters, never inside one. */
  g_assert_cmpstr (multibyte, ==, "ÄÖÜ…");
}

static void
test_invalid_utf8_is_made_valid (void)
{
  g_autofree char *shown = zopa_display_text ("ab\xff\xfe" "cd", ZOPA_DISPLAY_TEXT_LINE);

  g_assert_true (g_utf8_validate (shown, -1, NULL));
  g_assert_true (g_str_has_prefix (shown, "ab"));
  g_assert_true (g_str_has_suffix (shown, "cd"));
}

static void
test_binding_transform (void)
{
  g_auto(GValue) from = G_VALUE_INIT;
  g_auto(GValue) to = G_VALUE_INIT;
  g_autofree char *long_name = g_strnfill (1000, 'x');

  g_value_init (&from, G_TYPE_STRING);
  g_value_init (&to, G_TYPE_STRING);
  g_value_set_string (&from, long_name);
  g_assert_true (zopa_display_text_line_transform (NULL, &from, &to, NULL));
  g_assert_cmpint (g_utf8_strlen (g_value_get_string (&to), -1), ==, ZOPA_DISPLAY_TEXT_LINE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/display-text/short", test_short_text_is_kept);
  g_test_add_func ("/display-text/long", test_long_text_is_cut);
  g_test_add_func ("/display-text/invalid-utf8", test_invalid_utf8_is_made_valid);
  g_test_add_func ("/display-text/binding", test_binding_transform);
  return g_test_run ();
}
