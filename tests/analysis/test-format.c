/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: numbers and verdict words under the C and the German locale, in the format
 * module itself, in an exported diagram and in zopa-cli analyze (text and --json). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "analysis/zopa-format.h"
#include "zopa-test-locale.h"

#define GERMAN "de_DE.UTF-8"

typedef struct {
  const char *locale;
  const char *deal_space;  /* 497664 */
  const char *million;
  const char *share;       /* 14 of 1000 */
  const char *small_share; /* 1 of 100000 */
  const char *score;
  const char *legend_share; /* Kyiv accepts 1.4 % of all deals in the built-in scenario */
  const char *builtin_space; /* its 2985984 deals */
  const char *kyiv_only;     /* the 10673 deals only Kyiv accepts */
} Expected;

static const Expected c_numbers = {
  "C.UTF-8", "497,664", "12.5 million", "1.4 %", "< 0.01 %", "71.5", "1.4 %", "2,985,984", "10,673",
};
static const Expected german_numbers = {
  GERMAN, "497.664", "12,5 million", "1,4 %", "< 0,01 %", "71,5", "1,4 %", "2.985.984", "10.673",
};

/* Switches this process to locale; FALSE (the test skipped) when it cannot be made. */
static gboolean
use_locale (const char *locale)
{
  g_autofree char *reason = NULL;

  if (!zopa_test_locale_prepare (locale, &reason))
    {
      g_test_skip (reason);
      return FALSE;
    }
  g_assert_nonnull (setlocale (LC_ALL, locale));
  return TRUE;
}

static void
check_module (const Expected *want)
{
  g_autofree char *space = zopa_format_integer (497664);
  g_autofree char *exact = zopa_format_count (497664, TRUE);
  g_autofree char *estimate = zopa_format_count (497664, FALSE);
  g_autofree char *million = zopa_format_count (12.5e6, TRUE);
  g_autofree char *share = zopa_format_share (14, 1000);
  g_autofree char *small = zopa_format_share (1, 1e5);
  g_autofree char *score = zopa_format_score (71.56);
  g_autofree char *whole = zopa_format_score (60.0);
  g_autofree char *zero = zopa_format_integer (0);
  g_autofree char *estimate_want = g_strdup_printf ("≈ %s", want->deal_space);

  g_assert_cmpstr (space, ==, want->deal_space);
  g_assert_cmpstr (exact, ==, want->deal_space);
  g_assert_cmpstr (estimate, ==, estimate_want);
  g_assert_cmpstr (million, ==, want->million);
  g_assert_cmpstr (share, ==, want->share);
  g_assert_cmpstr (small, ==, want->small_share);
  g_assert_cmpstr (score, ==, want->score);
  g_assert_cmpstr (whole, ==, "60");
  g_assert_cmpstr (zero, ==, "0");
}

static void
test_c_locale (void)
{
  g_autofree char *billions = NULL;
  g_autofree char *small = NULL;
  g_autofree char *nothing = NULL;

  g_assert_true (use_locale ("C.UTF-8"));
  check_module (&c_numbers);

  /* Grouping at every third digit, a sign kept in front. */
  billions = zopa_format_integer (-1234567890);
  g_assert_cmpstr (billions, ==, "-1,234,567,890");
  small = zopa_format_integer (999);
  g_assert_cmpstr (small, ==, "999");
  nothing = zopa_format_share (0, 1000);
  g_assert_cmpstr (nothing, ==, "0 %");

  g_assert_cmpstr (zopa_format_verdict (ZOPA_VERDICT_ACCEPTS), ==, "accepts");
  g_assert_cmpstr (zopa_format_verdict (ZOPA_VERDICT_DEPENDS), ==, "depends");
  g_assert_cmpstr (zopa_format_verdict_title (ZOPA_VERDICT_REJECTS), ==, "Rejects");
}

static void
test_german_locale (void)
{
  g_autofree char *billions = NULL;

  if (!use_locale (GERMAN))
    return;
  check_module (&german_numbers);
  billions = zopa_format_integer (1234567890);
  g_assert_cmpstr (billions, ==, "1.234.567.890");
  g_assert_true (setlocale (LC_ALL, "C.UTF-8") != NULL);
}

/* Runs $ZOPA_CLI with LC_ALL=locale; returns its standard output. */
static char *
run_cli (const char        *locale,
         const char * const *args)
{
  const char *cli = g_getenv ("ZOPA_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", locale, TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", cli, error->message, err);
  return g_steal_pointer (&out);
}

/* The text of a PDF export, through pdftotext; NULL (the test skipped) without it. */
static char *
export_text (const char *locale)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = g_dir_make_tmp ("zopa-format-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "diagram.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "diagram.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  const char *export_args[] = { "export", "-o", pdf, NULL };

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  out = run_cli (locale, export_args);
  {
    const char *argv[] = { pdftotext, pdf, txt, NULL };
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_remove (txt);
  g_remove (pdf);
  g_rmdir (dir);
  return g_steal_pointer (&text);
}

static void
check_export (const Expected *want,
              const Expected *other)
{
  g_autofree char *text = export_text (want->locale);

  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, want->kyiv_only));
  g_assert_null (strstr (text, other->kyiv_only));
  g_assert_nonnull (strstr (text, want->legend_share));
  g_assert_null (strstr (text, other->legend_share));
}

static void
test_export (void)
{
  g_autofree char *reason = NULL;

  check_export (&c_numbers, &german_numbers);
  if (!zopa_test_locale_prepare (GERMAN, &reason))
    {
      g_test_skip (reason);
      return;
    }
  check_export (&german_numbers, &c_numbers);
}

/* zopa-cli analyze groups counts in its text the locale's way, and writes plain integers
 * in --json whatever the locale. */
static void
check_cli_analyze (const Expected *want)
{
  const char *text_args[] = { "analyze", NULL };
  const char *json_args[] = { "analyze", "--json", NULL };
  g_autofree char *text = run_cli (want->locale, text_args);
  g_autofree char *json = run_cli (want->locale, json_args);
  g_autofree char *line = g_strdup_printf ("Deal space: %s deals", want->builtin_space);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_nonnull (strstr (text, line));
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "deal_space"));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (root, "deal_space")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (root, "deal_space"), ==, 2985984);
  g_assert_null (strstr (json, "2,985,984"));
  g_assert_null (strstr (json, "2.985.984"));
}

static void
test_cli_analyze (void)
{
  g_autofree char *reason = NULL;

  check_cli_analyze (&c_numbers);
  if (!zopa_test_locale_prepare (GERMAN, &reason))
    {
      g_test_skip (reason);
      return;
    }
  check_cli_analyze (&german_numbers);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/c-locale", test_c_locale);
  g_test_add_func ("/format/german-locale", test_german_locale);
  g_test_add_func ("/format/export", test_export);
  g_test_add_func ("/format/cli-analyze", test_cli_analyze);
  status = g_test_run ();
  zopa_test_locale_cleanup ();
  return status;
}
