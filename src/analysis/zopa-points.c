/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-points.c: counting a draft in its own numbered points, as its readers do */

#include "config.h"

#include "zopa-points.h"

char *
zopa_points_key_for_number (const char *number)
{
  g_autofree char *trimmed = NULL;
  const char *digits;
  gsize n_digits = 0;

  if (number == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (number));
  if (*trimmed == '\0')
    return NULL;

  digits = trimmed;
  while (g_ascii_isdigit (digits[n_digits]))
    n_digits++;
  if (n_digits == 0)
    return g_steal_pointer (&trimmed);
  /* "07" and "7" are one point; "0" stays "0". */
  while (n_digits > 1 && *digits == '0')
    {
      digits++;
      n_digits--;
    }
  return g_strndup (digits, n_digits);
}

guint
zopa_points_count (ZopaDraft *draft,
                   guint     *n_agreed)
{
  GListModel *clauses;
  g_autoptr(GHashTable) points = NULL;
  guint unnumbered = 0, unnumbered_agreed = 0, agreed = 0;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ZOPA_IS_DRAFT (draft), 0);

  /* point key → whether one of its clauses is agreed */
  points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  clauses = zopa_draft_get_clauses (draft);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      ZopaClauseStatus status = zopa_clause_get_status (clause);
      g_autofree char *key = NULL;
      gboolean is_agreed = status == ZOPA_CLAUSE_AGREED;

      if (status == ZOPA_CLAUSE_DELETED)
        continue;
      key = zopa_points_key_for_number (zopa_clause_get_number (clause));
      if (key == NULL)
        {
          unnumbered++;
          unnumbered_agreed += is_agreed ? 1 : 0;
          continue;
        }
      is_agreed = is_agreed || GPOINTER_TO_INT (g_hash_table_lookup (points, key));
      g_hash_table_insert (points, g_steal_pointer (&key), GINT_TO_POINTER (is_agreed));
    }

  g_hash_table_iter_init (&iter, points);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    agreed += GPOINTER_TO_INT (value) ? 1 : 0;
  if (n_agreed != NULL)
    *n_agreed = agreed + unnumbered_agreed;
  return g_hash_table_size (points) + unnumbered;
}
