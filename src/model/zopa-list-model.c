/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-list-model.c: finding an item in a GListModel */

#include "config.h"

#include "zopa-list-model.h"

guint
zopa_list_model_find (GListModel *model,
                      gpointer    item)
{
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), G_MAXUINT);

  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; item != NULL && i < n_items; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        return i;
    }
  return G_MAXUINT;
}

gboolean
zopa_list_model_contains (GListModel *model,
                          gpointer    item)
{
  return zopa_list_model_find (model, item) != G_MAXUINT;
}
