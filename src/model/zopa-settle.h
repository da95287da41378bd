/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zopa-history.h"
#include "zopa-scenario.h"

G_BEGIN_DECLS

/*
 * Settling issues in a draft: after this, the draft's agreed clauses fix each issue to the
 * chosen option. How, for each issue in turn:
 * - every agreed clause that sets the issue is changed to the option (all of them, so that
 *   none conflicts);
 * - else the first bracketed clause that sets it is changed and agreed;
 * - else a new agreed clause, numbered after the last, titled clause_title, sets it.
 * Everything is one undoable step labelled label.
 */
typedef struct
{
  const char *issue_id;
  const char *option_id;
  const char *clause_title;  /* for a new clause; the issue's title is the usual choice */
} ZopaSettlement;

void zopa_edit_settle_issues (ZopaHistory          *history,
                              ZopaScenario         *scenario,
                              ZopaDraft            *draft,
                              const ZopaSettlement *settlements,
                              guint                 n_settlements,
                              const char           *label);

G_END_DECLS
