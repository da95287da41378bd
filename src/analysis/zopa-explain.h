/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-explain.h: one plain sentence for each number a reader meets (score, reservation) */

#pragma once

#include "zopa-analysis.h"

G_BEGIN_DECLS

/*
 * What an actor's reservation means: "Moscow accepts a deal only if it scores at least 80 of
 * 100 for Moscow: what no deal is worth to it. …", with the range the evidence allows when
 * the reservation is uncertain. actor_name is shown as it is (cut it for display first).
 */
char *zopa_explain_reservation (const char *actor_name,
                                ZopaRange   reservation);
/*
 * What a verdict's score means against the reservation: "Moscow needs at least 80 of 100 to
 * prefer this deal to no deal; this plan gives it 58." With open issues, the range its
 * completions (the ways of settling them) give. NULL for a verdict without a score.
 */
char *zopa_explain_score       (const char             *actor_name,
                                const ZopaDraftVerdict *verdict,
                                guint                   n_open);

G_END_DECLS
