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

/* ---- Verdicts over readings in words (zopa-format-readings.c) ---- */

/* "A", "A and B", "A, B and C" (items are strings). */
char       *zopa_format_join_and       (GPtrArray  *items);

/* An uncertain value a verdict hinges on, with the actor named: "Moscow’s reservation",
 * "whether Moscow can live with “Capped at 600,000” on Army size". range (nullable)
 * receives the range it is read within ("70–85") where the analysis knows it, else NULL. */
char       *zopa_format_hinge          (ZopaAnalysis    *analysis,
                                        guint            actor,
                                        const ZopaHinge *hinge,
                                        char           **range);
/* Every hinge of a verdict with its range, joined: "Moscow’s reservation (70–85) and …". */
char       *zopa_format_hinges         (ZopaAnalysis              *analysis,
                                        guint                      actor,
                                        const ZopaVerdictReadings *readings);

/* The verdict of an actor on a draft as its row words it: "Rejects", "Rejects in every
 * reading" (when the actor has uncertain values), "Depends on how Moscow’s reservation is
 * read (70–85)", "Depends on how the open issues are settled". */
char       *zopa_format_verdict_over_readings (ZopaAnalysis *analysis,
                                               guint         draft,
                                               guint         actor);

typedef enum {
  /* A clause of a sentence that named the actor and its red lines:
   * "it would accept if it allowed those three". */
  ZOPA_FLIP_AFTER_RED_LINES,
  /* A sentence of its own under the actor's name: "Would accept if it allowed “Line of
   * contact” on Territory, and its reservation were at most 58". */
  ZOPA_FLIP_ALONE,
} ZopaFlipWording;

/* The smallest change of the actor's own stance that moves its verdict, in words (or that
 * none does). */
char       *zopa_format_verdict_flip   (ZopaAnalysis    *analysis,
                                        guint            draft,
                                        guint            actor,
                                        ZopaFlipWording  wording);
/* A title for a variant made of that change, after what it does: "Moscow accepts Geneva". */
char       *zopa_format_flip_variant_title (ZopaAnalysis *analysis,
                                            guint         draft,
                                            guint         actor);

/* ---- The finding of a diagram (zopa-format-finding.c) ---- */

/* Whether any deal is acceptable to the group (mask of shown actors), in one sentence for a
 * headline: "No deal is acceptable to all four", "Whether any deal is acceptable to both Kyiv
 * and Moscow depends on how the evidence is read", "2,856–5,202 deals are acceptable to …". */
char       *zopa_format_finding        (ZopaAnalysis    *analysis,
                                        guint            mask);

G_END_DECLS
