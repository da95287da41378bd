/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "analysis/zopa-format.h"

/* ---- The locale's number symbols ---------------------------------------------------------------- */

typedef struct
{
  const char *decimal_point;
  const char *thousands_sep;
  const char *grouping;
} NumberSymbols;

static NumberSymbols
number_symbols (void)
{
  const struct lconv *conv = localeconv ();
  NumberSymbols symbols;

  symbols.decimal_point = conv->decimal_point != NULL && *conv->decimal_point != '\0' ? conv->decimal_point : ".";
  symbols.thousands_sep = conv->thousands_sep != NULL ? conv->thousands_sep : "";
  symbols.grouping = conv->grouping != NULL ? conv->grouping : "";
  if (*symbols.thousands_sep == '\0')
    {
      /* C and POSIX name no separator; counts of hundreds of thousands still need one. */
      symbols.thousands_sep = strcmp (symbols.decimal_point, ",") == 0 ? "\u202f" : ",";
      symbols.grouping = "\3";
    }
  else if (*symbols.grouping == '\0')
    symbols.grouping = "\3";
  return symbols;
}

/* Inserts the separator into a run of ASCII digits, from the right, in the locale's group sizes. */
static void
append_grouped (GString             *out,
                const char          *digits,
                const NumberSymbols *symbols)
{
  gsize len = strlen (digits);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *group = symbols->grouping;
  gsize size = 0, pos = len;

  /* Each grouping byte is the size of the next group leftwards; the last repeats, CHAR_MAX stops. */
  for (;;)
    {
      if (*group != '\0')
        {
          if (*group == CHAR_MAX || *group <= 0)
            break;
          size = (guchar) *group++;
        }
      if (size == 0 || pos <= size)
        break;
      pos -= size;
      g_array_append_val (cuts, pos);
    }

  for (gsize i = 0, next = cuts->len; i < len; i++)
    {
      if (next > 0 && i == g_array_index (cuts, gsize, next - 1))
        {
          g_string_append (out, symbols->thousands_sep);
          next--;
        }
      g_string_append_c (out, digits[i]);
    }
}

/* A number with a fixed count of decimals, the integer part grouped. */
static char *
format_fixed (double value,
              int    decimals)
{
  NumberSymbols symbols = number_symbols ();
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  GString *out = g_string_new (NULL);
  const char *digits, *point;

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 9));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  digits = buffer;
  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  point = strchr (digits, '.');
  {
    g_autofree char *integer = g_strndup (digits, point != NULL ? (gsize) (point - digits) : strlen (digits));

    append_grouped (out, integer, &symbols);
  }
  if (point != NULL)
    {
      g_string_append (out, symbols.decimal_point);
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

/* One decimal, none when it is .0: "12.5", "12". */
static char *
format_trimmed (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return format_fixed (value, 0);
  return format_fixed (value, 1);
}

static char *
format_percent_number (double percent,
                       int    decimals)
{
  g_autofree char *number = format_fixed (percent, decimals);

  /* Translators: a percentage, %s is the number, written the locale's way: "1.4 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* ---- Numbers ---------------------------------------------------------------------------------- */

/* A whole number with the locale's grouping: "497,664". */
char *
zopa_format_integer (double value)
{
  return format_fixed (round (value), 0);
}

/* A count of deals, in words beyond a million; an estimate gets "≈". */
char *
zopa_format_count (double   count,
                   gboolean exact)
{
  g_autofree char *number = NULL;

  if (count < 1e6)
    number = zopa_format_integer (count);
  else if (count < 1e9)
    {
      g_autofree char *v = format_trimmed (count / 1e6);
      /* Translators: a count of deals, e.g. "12.5 million" */
      number = g_strdup_printf (_("%s million"), v);
    }
  else if (count < 1e12)
    {
      g_autofree char *v = format_trimmed (count / 1e9);
      number = g_strdup_printf (_("%s billion"), v);
    }
  else if (count < 1e15)
    {
      g_autofree char *v = format_trimmed (count / 1e12);
      number = g_strdup_printf (_("%s trillion"), v);
    }
  else
    {
      int exponent = (int) floor (log10 (count));
      g_autofree char *mantissa = format_fixed (count / pow (10, exponent), 1);

      /* Translators: a very large count in scientific notation, "1.2 × 10^17" */
      number = g_strdup_printf (_("%s × 10^%d"), mantissa, exponent);
    }

  if (exact)
    return g_steal_pointer (&number);
  /* Translators: an estimated count */
  return g_strdup_printf (_("≈ %s"), number);
}

/* The share of @count in @total as a percentage with as many decimals as it needs. */
char *
zopa_format_share (double count,
                   double total)
{
  double p = total > 0 ? 100.0 * count / total : 0;

  if (count <= 0)
    return format_percent_number (0, 0);
  if (p >= 9.95)
    return format_percent_number (p, 0);
  if (p >= 0.995)
    return format_percent_number (p, 1);
  if (p >= 0.01)
    return format_percent_number (p, 2);
  {
    g_autofree char *least = format_fixed (0.01, 2);

    /* Translators: a share too small to write, %s is "0.01" */
    return g_strdup_printf (_("< %s %%"), least);
  }
}

/* A score rounded down to tenths, the ".0" left out: 71.56 → "71.5", 60.0 → "60". Rounding
 * down keeps a score just below a reservation from reading as equal to it. */
char *
zopa_format_score (double score)
{
  double tenths = floor (score * 10.0 + 1e-9) / 10.0;

  if (fabs (tenths - round (tenths)) < 1e-9)
    return format_fixed (tenths, 0);
  return format_fixed (tenths, 1);
}

/* ---- Verdicts --------------------------------------------------------------------------------- */

/* The verdict as a word inside a sentence: "accepts". */
const char *
zopa_format_verdict (ZopaVerdict verdict)
{
  switch (verdict)
    {
    case ZOPA_VERDICT_ACCEPTS: return C_("verdict", "accepts");
    case ZOPA_VERDICT_REJECTS: return C_("verdict", "rejects");
    case ZOPA_VERDICT_DEPENDS: return C_("verdict", "depends");
    default:
      g_return_val_if_reached ("");
    }
}

/* The verdict standing alone, as on a badge: "Accepts" (the draft panel's words, with their
 * translations). */
const char *
zopa_format_verdict_title (ZopaVerdict verdict)
{
  switch (verdict)
    {
    case ZOPA_VERDICT_ACCEPTS: return _("Accepts");
    case ZOPA_VERDICT_REJECTS: return _("Rejects");
    case ZOPA_VERDICT_DEPENDS: return _("Depends");
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- Numbers for machines ---------------------------------------------------------------------- */

char *
zopa_format_shortest_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        {
          /* Plain notation for everyday magnitudes: 100, not 1e+02. */
          if (value != 0.0 && fabs (value) >= 1e-6 && fabs (value) < 1e17 && strchr (buffer, 'e') != NULL)
            {
              int decimals = MAX (0, digits - 1 - (int) floor (log10 (fabs (value))));
              g_snprintf (format, sizeof format, "%%.%df", decimals);
              g_ascii_formatd (buffer, sizeof buffer, format, value);
            }
          break;
        }
    }
  return g_strdup (buffer);
}
