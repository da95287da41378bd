/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * A time budget for the searches of the analysis: a deadline on the monotonic clock and
 * an optional GCancellable. Searches poll zopa_budget_spent() every few hundred nodes, so
 * a cancellation or the deadline stops them within about a millisecond. A budget is
 * used by one thread at a time; the cancellable may be cancelled from any thread.
 */

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  gint64        deadline;      /* g_get_monotonic_time() µs; G_MAXINT64: none */
  GCancellable *cancellable;   /* nullable, not owned */
  guint         polls;
  gboolean      spent;         /* sticky once the deadline passed or it was cancelled */
} ZopaBudget;

/* A budget ending at deadline (µs, monotonic; G_MAXINT64 for none). */
void     zopa_budget_init        (ZopaBudget *budget, gint64 deadline, GCancellable *cancellable);
/* A sub-budget: at most seconds from now, never past the parent's deadline. */
void     zopa_budget_init_child  (ZopaBudget *budget, const ZopaBudget *parent, double seconds);
/* TRUE once the deadline passed or the cancellable fired (checked now). */
gboolean zopa_budget_check       (ZopaBudget *budget);
/* Seconds left (0 when spent; G_MAXDOUBLE-ish when none). */
double   zopa_budget_seconds_left (const ZopaBudget *budget);

/* The cheap poll of inner loops: checks the clock every 256 calls. NULL never runs out. */
static inline gboolean
zopa_budget_spent (ZopaBudget *budget)
{
  if (budget == NULL)
    return FALSE;
  if (budget->spent)
    return TRUE;
  if ((++budget->polls & 255) != 0)
    return FALSE;
  return zopa_budget_check (budget);
}

G_END_DECLS
