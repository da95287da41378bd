/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-session-restore.c: the scenario files open at the last quit, reopened at a plain start */

#include "config.h"

#include "zopa-session-restore.h"
#include "zopa-window.h"

#define SESSION_FILES_KEY "session-files"

void
zopa_session_restore_keep (GSettings *settings,
                           GList     *windows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) uris = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (G_IS_SETTINGS (settings));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GFile *file = ZOPA_IS_WINDOW (l->data) ? zopa_window_get_file (l->data) : NULL;
      char *uri;

      if (file == NULL)
        continue;
      uri = g_file_get_uri (file);
      g_ptr_array_add (owned, uri);
      if (g_hash_table_add (seen, uri))
        g_strv_builder_add (builder, uri);
    }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (settings, SESSION_FILES_KEY, (const char * const *) uris);
}

GPtrArray *
zopa_session_restore_files (GSettings   *settings,
                            char      ***vanished)
{
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) gone = g_strv_builder_new ();
  g_auto(GStrv) kept_uris = NULL;
  g_auto(GStrv) gone_names = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_SETTINGS (settings), files);

  uris = g_settings_get_strv (settings, SESSION_FILES_KEY);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);

      if (g_file_query_exists (file, NULL))
        {
          g_strv_builder_add (kept, uris[i]);
          g_ptr_array_add (files, g_steal_pointer (&file));
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);

          g_strv_builder_add (gone, name ? name : uris[i]);
        }
    }

  gone_names = g_strv_builder_end (gone);
  if (gone_names[0] != NULL)
    {
      kept_uris = g_strv_builder_end (kept);
      g_settings_set_strv (settings, SESSION_FILES_KEY, (const char * const *) kept_uris);
    }
  if (vanished != NULL)
    *vanished = gone_names[0] != NULL ? g_steal_pointer (&gone_names) : NULL;
  return files;
}
