/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-settle.c: fixing issues in a draft through its clauses, as one undoable step */

#include "config.h"

#include "zopa-edit.h"
#include "zopa-settle.h"

/* Sets the issue in every clause of the given status that sets it; TRUE when there was one.
 * only_first: the first such clause only. */
static gboolean
settle_in_clauses (ZopaHistory          *history,
                   GListModel           *clauses,
                   ZopaClauseStatus      status,
                   gboolean              only_first,
                   const ZopaSettlement *settlement)
{
  gboolean done = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (clauses) && !(done && only_first); c++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, c);

      if (zopa_clause_get_status (clause) != status
          || zopa_clause_get_set_option (clause, settlement->issue_id) == NULL)
        continue;
      zopa_history_set_clause_option (history, clause, settlement->issue_id, settlement->option_id);
      if (status != ZOPA_CLAUSE_AGREED)
        zopa_history_set (history, clause, "status", ZOPA_CLAUSE_AGREED, NULL);
      done = TRUE;
    }
  return done;
}

static void
settle_in_new_clause (ZopaHistory          *history,
                      ZopaScenario         *scenario,
                      ZopaDraft            *draft,
                      const ZopaSettlement *settlement)
{
  guint position = g_list_model_get_n_items (zopa_draft_get_clauses (draft)) + 1;
  g_autofree char *base = g_strdup_printf ("%s/%u", zopa_draft_get_id (draft), position);
  g_autofree char *id = zopa_edit_make_unique_id (scenario, ZOPA_TYPE_CLAUSE, NULL, base);
  g_autofree char *number = g_strdup_printf ("%u", position);
  g_autoptr(ZopaClause) clause = zopa_clause_new (id);

  zopa_clause_set_number (clause, number);
  zopa_clause_set_title (clause, settlement->clause_title);
  zopa_clause_set_option (clause, settlement->issue_id, settlement->option_id);
  zopa_history_insert (history, draft, G_MAXUINT, clause);
}

void
zopa_edit_settle_issues (ZopaHistory          *history,
                         ZopaScenario         *scenario,
                         ZopaDraft            *draft,
                         const ZopaSettlement *settlements,
                         guint                 n_settlements,
                         const char           *label)
{
  GListModel *clauses;

  g_return_if_fail (ZOPA_IS_HISTORY (history));
  g_return_if_fail (ZOPA_IS_SCENARIO (scenario));
  g_return_if_fail (ZOPA_IS_DRAFT (draft));
  g_return_if_fail (settlements != NULL || n_settlements == 0);

  clauses = zopa_draft_get_clauses (draft);
  zopa_history_begin_group (history, label);
  for (guint i = 0; i < n_settlements; i++)
    if (!settle_in_clauses (history, clauses, ZOPA_CLAUSE_AGREED, FALSE, &settlements[i])
        && !settle_in_clauses (history, clauses, ZOPA_CLAUSE_BRACKETED, TRUE, &settlements[i]))
      settle_in_new_clause (history, scenario, draft, &settlements[i]);
  zopa_history_end_group (history);
}
