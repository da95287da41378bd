/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "analysis/zopa-analysis.h"

G_BEGIN_DECLS

/*
 * The numbers and verdict words that the window, the exports and zopa-cli show, formatted in
 * one place. Digits are grouped and decimals written the way the current LC_NUMERIC locale
 * does it ("497,664" and "1.4 %" in English, "497.664" and "1,4 %" in German). A locale that
 * names no thousands separator (C, POSIX) gets a comma, or a narrow no-break space where the
 * comma is the decimal point, so that large counts stay readable everywhere.
 */

char       *zopa_format_integer        (double      value);
char       *zopa_format_count          (double      count,
                                        gboolean    exact);
char       *zopa_format_share          (double      count,
                                        double      total);
char       *zopa_format_score          (double      score);
const char *zopa_format_verdict        (ZopaVerdict verdict);
const char *zopa_format_verdict_title  (ZopaVerdict verdict);

/* For machines, whatever the locale: the shortest decimal text that reads back to value
 * ("24.83", "100", "1e+20"), with a point; "nan", "inf" or "-inf" when not finite. */
char       *zopa_format_shortest_double (double     value);

G_END_DECLS
