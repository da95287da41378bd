/* zopa-list-sync.c: list models and combo rows brought to what the model shows, changed only where they differ */

#include "config.h"

#include "zopa-list-sync.h"

gboolean
zopa_list_store_show_items (GListStore *store,
                            GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  gboolean same = g_list_model_get_n_items (model) == items->len;

  for (guint i = 0; same && i < items->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      same = item == g_ptr_array_index (items, i);
    }
  if (same)
    return FALSE;
  g_list_store_splice (store, 0, g_list_model_get_n_items (model), items->pdata, items->len);
  return TRUE;
}

static gboolean
string_list_holds (GtkStringList      *list,
                   const char * const *strings)
{
  guint n = strings != NULL ? g_strv_length ((char **) strings) : 0;

  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), strings[i]) != 0)
      return FALSE;
  return TRUE;
}

gboolean
zopa_string_list_show_strings (GtkStringList      *list,
                               const char * const *strings)
{
  if (string_list_holds (list, strings))
    return FALSE;
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), strings);
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

  g_signal_handlers_block_by_func (combo, on_selected, data);
  if (!GTK_IS_STRING_LIST (shown) || !string_list_holds (GTK_STRING_LIST (shown), labels))
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
