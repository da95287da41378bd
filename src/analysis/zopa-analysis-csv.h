/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "analysis/zopa-analysis.h"

G_BEGIN_DECLS

/*
 * The regions and the verdicts of an analysis as one CSV table (RFC 4180: a header row,
 * fields quoted when they hold a comma, a quote or a line break, CRLF line ends), the
 * columns of `zopa-cli analyze --csv` documented in docs/file-format.md. Numbers are
 * written for machines (a point for decimals, no grouping), counts as exact integers,
 * statuses with the words of `analyze --json`. The same text for the command line and
 * for the window's export.
 */
char *zopa_analysis_to_csv (ZopaAnalysis *self);

G_END_DECLS
