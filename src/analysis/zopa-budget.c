/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-budget.c: deadlines and cancellation for the searches of the analysis */

#include "config.h"

#include "zopa-budget.h"

void
zopa_budget_init (ZopaBudget   *budget,
                  gint64        deadline,
                  GCancellable *cancellable)
{
  budget->deadline = deadline;
  budget->cancellable = cancellable;
  budget->polls = 0;
  budget->spent = FALSE;
}

void
zopa_budget_init_child (ZopaBudget       *budget,
                        const ZopaBudget *parent,
                        double            seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  if (parent != NULL)
    deadline = MIN (deadline, parent->deadline);
  zopa_budget_init (budget, deadline, parent != NULL ? parent->cancellable : NULL);
  budget->spent = parent != NULL && parent->spent;
}

gboolean
zopa_budget_check (ZopaBudget *budget)
{
  if (budget == NULL)
    return FALSE;
  if (!budget->spent)
    budget->spent = g_cancellable_is_cancelled (budget->cancellable) ||
                    g_get_monotonic_time () >= budget->deadline;
  return budget->spent;
}

double
zopa_budget_seconds_left (const ZopaBudget *budget)
{
  gint64 left;

  if (budget == NULL || budget->deadline == G_MAXINT64)
    return 1e9;
  if (budget->spent)
    return 0.0;
  left = budget->deadline - g_get_monotonic_time ();
  return left > 0 ? (double) left / G_USEC_PER_SEC : 0.0;
}
