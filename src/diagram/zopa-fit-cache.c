/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-fit-cache.c: the memo of recent proportional fits */

#include "config.h"

#include <string.h>

#include "diagram/zopa-fit-cache.h"

/* Enough for the pages of a storyboard and the window's diagram at once. */
#define N_ENTRIES 16

typedef struct {
  guint        n;
  double       wanted[ZOPA_EULER_MAX_REGIONS];
  ZopaEulerFit fit;
} Entry;

static GMutex lock;
/* Most recently used first; used entries have n > 0. */
static Entry entries[N_ENTRIES];

static gboolean
entry_matches (const Entry  *entry,
               const double *wanted,
               guint         n)
{
  return entry->n == n && memcmp (entry->wanted, wanted, sizeof (double) * (1u << n)) == 0;
}

/* Moves entry i to the front, shifting the ones before it back. */
static void
move_to_front (guint i)
{
  Entry found = entries[i];

  memmove (&entries[1], &entries[0], sizeof (Entry) * i);
  entries[0] = found;
}

static gboolean
lookup_locked (const double *wanted,
               guint         n,
               ZopaEulerFit *fit)
{
  for (guint i = 0; i < N_ENTRIES && entries[i].n > 0; i++)
    if (entry_matches (&entries[i], wanted, n))
      {
        move_to_front (i);
        if (fit != NULL)
          *fit = entries[0].fit;
        return TRUE;
      }
  return FALSE;
}

gboolean
zopa_fit_cache_holds (const double *wanted,
                      guint         n)
{
  gboolean held;

  g_return_val_if_fail (wanted != NULL, FALSE);
  if (n == 0 || n > ZOPA_EULER_MAX_SETS)
    return FALSE;
  g_mutex_lock (&lock);
  held = lookup_locked (wanted, n, NULL);
  g_mutex_unlock (&lock);
  return held;
}

gboolean
zopa_fit_cache_fit (const double *wanted,
                    guint         n,
                    ZopaEulerFit *fit,
                    GError      **error)
{
  gboolean held;

  g_return_val_if_fail (wanted != NULL && fit != NULL, FALSE);
  if (n == 0 || n > ZOPA_EULER_MAX_SETS)
    return zopa_euler_fit (wanted, n, ZOPA_EULER_SHAPE_ELLIPSE, fit, error);

  g_mutex_lock (&lock);
  held = lookup_locked (wanted, n, fit);
  g_mutex_unlock (&lock);
  if (held)
    return TRUE;

  /* Fitted without the lock: two threads may fit the same sizes at once, and both get the
   * same shapes. */
  if (!zopa_euler_fit (wanted, n, ZOPA_EULER_SHAPE_ELLIPSE, fit, error))
    return FALSE;

  g_mutex_lock (&lock);
  if (!lookup_locked (wanted, n, NULL))
    {
      move_to_front (N_ENTRIES - 1);
      entries[0].n = n;
      memset (entries[0].wanted, 0, sizeof entries[0].wanted);
      memcpy (entries[0].wanted, wanted, sizeof (double) * (1u << n));
      entries[0].fit = *fit;
    }
  g_mutex_unlock (&lock);
  return TRUE;
}
