/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-list-sync.c: list models and combo rows brought to what the model shows, changed only where they differ */

#include "config.h"

#include "zopa-list-sync.h"

/* The items of model, as borrowed pointers (the model holds them). */
static GPtrArray *
model_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_ptr_array_add (items, item);
    }
  return items;
}

gboolean
zopa_list_store_show_items (GListStore *store,
                            GPtrArray  *items)
{
  g_autoptr(GPtrArray) shown = model_items (G_LIST_MODEL (store));
  guint prefix = 0, suffix = 0;

  /* Only what lies between the items that stay at the start and at the end is replaced,
   * so the rows of the items that stay are kept. */
  while (prefix < shown->len && prefix < items->len
         && g_ptr_array_index (shown, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < shown->len - prefix && suffix < items->len - prefix
         && g_ptr_array_index (shown, shown->len - 1 - suffix) == g_ptr_array_index (items, items->len - 1 - suffix))
    suffix++;
  if (prefix == shown->len && prefix == items->len)
    return FALSE;
  g_list_store_splice (store, prefix, shown->len - prefix - suffix,
                       items->pdata + prefix, items->len - prefix - suffix);
  return TRUE;
}

gboolean
zopa_string_list_show_strings (GtkStringList      *list,
                               const char * const *strings)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n = strings != NULL ? g_strv_length ((char **) strings) : 0;
  guint prefix = 0, suffix = 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) middle = NULL;

  while (prefix < n_shown && prefix < n && g_strcmp0 (gtk_string_list_get_string (list, prefix), strings[prefix]) == 0)
    prefix++;
  while (suffix < n_shown - prefix && suffix < n - prefix
         && g_strcmp0 (gtk_string_list_get_string (list, n_shown - 1 - suffix), strings[n - 1 - suffix]) == 0)
    suffix++;
  if (prefix == n_shown && prefix == n)
    return FALSE;
  for (guint i = prefix; i < n - suffix; i++)
    g_strv_builder_add (builder, strings[i]);
  middle = g_strv_builder_end (builder);
  gtk_string_list_splice (list, prefix, n_shown - prefix - suffix, (const char * const *) middle);
  return TRUE;
}

void
zopa_combo_row_show_choices (AdwComboRow        *combo,
                             const char * const *labels,
                             guint               selected,
                             GCallback           on_selected,
                             gpointer            data)
{
  GListModel *shown = adw_combo_row_get_model (combo);
  guint n = g_strv_length ((char **) labels);
  gboolean same = GTK_IS_STRING_LIST (shown) && g_list_model_get_n_items (shown) == n;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (shown), i), labels[i]) == 0;
  g_signal_handlers_block_by_func (combo, on_selected, data);
  if (!same)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

      adw_combo_row_set_model (combo, G_LIST_MODEL (list));
    }
  if (adw_combo_row_get_selected (combo) != selected)
    adw_combo_row_set_selected (combo, selected);
  g_signal_handlers_unblock_by_func (combo, on_selected, data);
}

void
zopa_list_box_keep_placeholder_first (GtkListBox *list_box,
                                      GtkWidget  *placeholder)
{
  g_return_if_fail (gtk_widget_get_parent (placeholder) == GTK_WIDGET (list_box));

  gtk_widget_insert_after (placeholder, GTK_WIDGET (list_box), NULL);
}
