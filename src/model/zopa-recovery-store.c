/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-recovery-store.c: unsaved changes kept apart from the user's files */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "zopa-file-replace.h"
#include "zopa-recovery-store.h"
#include "zopa-scenario-file.h"

#define META_GROUP      "Recovery"
#define DATA_SUFFIX     ".zopa.json"
#define META_SUFFIX     ".ini"
#define NEW_ID_PREFIX   "new-"

struct _ZopaRecoveryStore
{
  GObject  parent_instance;

  char    *folder;
};

G_DEFINE_FINAL_TYPE (ZopaRecoveryStore, zopa_recovery_store, G_TYPE_OBJECT)

void
zopa_recovery_entry_free (ZopaRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_clear_object (&entry->original);
  g_free (entry->title);
  g_clear_pointer (&entry->written, g_date_time_unref);
  g_free (entry->original_checksum);
  g_free (entry);
}

static void
zopa_recovery_store_finalize (GObject *object)
{
  ZopaRecoveryStore *self = ZOPA_RECOVERY_STORE (object);

  g_free (self->folder);

  G_OBJECT_CLASS (zopa_recovery_store_parent_class)->finalize (object);
}

static void
zopa_recovery_store_class_init (ZopaRecoveryStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zopa_recovery_store_finalize;
}

static void
zopa_recovery_store_init (ZopaRecoveryStore *self)
{
}

ZopaRecoveryStore *
zopa_recovery_store_new (const char *folder)
{
  ZopaRecoveryStore *self = g_object_new (ZOPA_TYPE_RECOVERY_STORE, NULL);

  if (folder != NULL)
    self->folder = g_strdup (folder);
  else
    self->folder = g_build_filename (g_get_user_state_dir (), "zopa", "recovery", NULL);
  return self;
}

const char *
zopa_recovery_store_get_folder (ZopaRecoveryStore *self)
{
  g_return_val_if_fail (ZOPA_IS_RECOVERY_STORE (self), NULL);
  return self->folder;
}

char *
zopa_recovery_id_for_file (GFile *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

char *
zopa_recovery_id_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (NEW_ID_PREFIX, uuid, NULL);
}

/* Ids name files: only what the two functions above make is accepted. */
static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || id[0] == '\0' || strlen (id) > 128)
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'z') && *c != '-')
      return FALSE;
  return TRUE;
}

static char *
entry_path (ZopaRecoveryStore *self,
            const char        *id,
            const char        *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->folder, name, NULL);
}

static gboolean
set_folder_error (ZopaRecoveryStore  *self,
                  int                 saved_errno,
                  GError            **error)
{
  g_autofree char *name = g_filename_display_name (self->folder);

  g_set_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO,
               _("cannot use the recovery folder “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

gboolean
zopa_recovery_store_write (ZopaRecoveryStore  *self,
                           const char         *id,
                           ZopaScenario       *scenario,
                           GFile              *original,
                           const char         *original_checksum,
                           gboolean            untitled,
                           GError            **error)
{
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *data = NULL;
  g_autofree char *meta_data = NULL;
  g_autofree char *written = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *meta_path = NULL;
  gsize length, meta_length;

  g_return_val_if_fail (ZOPA_IS_RECOVERY_STORE (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);
  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), FALSE);

  /* Private: unsaved work may be confidential. */
  if (g_mkdir_with_parents (self->folder, 0700) != 0)
    return set_folder_error (self, errno, error);

  data = zopa_scenario_to_data (scenario, &length);
  data_path = entry_path (self, id, DATA_SUFFIX);
  if (!zopa_file_replace_contents (data_path, data, length, NULL, error))
    return FALSE;

  written = g_date_time_format_iso8601 (now);
  g_key_file_set_string (meta, META_GROUP, "Written", written);
  g_key_file_set_string (meta, META_GROUP, "Title", zopa_scenario_get_title (scenario));
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (meta, META_GROUP, "Original", uri);
    }
  if (original_checksum != NULL)
    g_key_file_set_string (meta, META_GROUP, "OriginalChecksum", original_checksum);
  if (original == NULL && untitled)
    g_key_file_set_boolean (meta, META_GROUP, "Untitled", TRUE);

  meta_data = g_key_file_to_data (meta, &meta_length, NULL);
  meta_path = entry_path (self, id, META_SUFFIX);
  return zopa_file_replace_contents (meta_path, meta_data, meta_length, NULL, error);
}

gboolean
zopa_recovery_store_remove (ZopaRecoveryStore  *self,
                            const char         *id,
                            GError            **error)
{
  g_autofree char *data_path = NULL;
  g_autofree char *meta_path = NULL;

  g_return_val_if_fail (ZOPA_IS_RECOVERY_STORE (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);

  data_path = entry_path (self, id, DATA_SUFFIX);
  meta_path = entry_path (self, id, META_SUFFIX);

  /* The description first: an entry without it is no longer listed. */
  if (g_unlink (meta_path) != 0 && errno != ENOENT)
    return set_folder_error (self, errno, error);
  if (g_unlink (data_path) != 0 && errno != ENOENT)
    return set_folder_error (self, errno, error);
  return TRUE;
}

static ZopaRecoveryEntry *
read_entry (ZopaRecoveryStore *self,
            const char        *id)
{
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(ZopaRecoveryEntry) entry = g_new0 (ZopaRecoveryEntry, 1);
  g_autofree char *meta_path = entry_path (self, id, META_SUFFIX);
  g_autofree char *data_path = entry_path (self, id, DATA_SUFFIX);
  g_autofree char *written = NULL;
  g_autofree char *original = NULL;

  if (!g_key_file_load_from_file (meta, meta_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  if (!g_file_test (data_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  written = g_key_file_get_string (meta, META_GROUP, "Written", NULL);
  entry->written = written != NULL ? g_date_time_new_from_iso8601 (written, NULL) : NULL;
  if (entry->written == NULL)
    return NULL;
  entry->id = g_strdup (id);
  entry->title = g_key_file_get_string (meta, META_GROUP, "Title", NULL);
  if (entry->title == NULL)
    entry->title = g_strdup ("");
  original = g_key_file_get_string (meta, META_GROUP, "Original", NULL);
  if (original != NULL)
    entry->original = g_file_new_for_uri (original);
  entry->original_checksum = g_key_file_get_string (meta, META_GROUP, "OriginalChecksum", NULL);
  entry->untitled = entry->original == NULL && g_key_file_get_boolean (meta, META_GROUP, "Untitled", NULL);
  return g_steal_pointer (&entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ZopaRecoveryEntry *first = *(ZopaRecoveryEntry * const *) a;
  const ZopaRecoveryEntry *second = *(ZopaRecoveryEntry * const *) b;

  return g_date_time_compare (second->written, first->written);
}

GPtrArray *
zopa_recovery_store_list (ZopaRecoveryStore  *self,
                          GError            **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zopa_recovery_entry_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) dir_error = NULL;
  const char *name;

  g_return_val_if_fail (ZOPA_IS_RECOVERY_STORE (self), NULL);

  dir = g_dir_open (self->folder, 0, &dir_error);
  if (dir == NULL)
    {
      if (g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_set_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO,
                   _("cannot list the recovery folder: %s"), dir_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      ZopaRecoveryEntry *entry;

      if (!g_str_has_suffix (name, META_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (META_SUFFIX));
      if (!is_valid_id (id))
        continue;
      entry = read_entry (self, id);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return g_steal_pointer (&entries);
}

ZopaScenario *
zopa_recovery_store_load (ZopaRecoveryStore        *self,
                          const ZopaRecoveryEntry  *entry,
                          GError                  **error)
{
  g_autofree char *data_path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ZOPA_IS_RECOVERY_STORE (self), NULL);
  g_return_val_if_fail (entry != NULL && is_valid_id (entry->id), NULL);

  data_path = entry_path (self, entry->id, DATA_SUFFIX);
  file = g_file_new_for_path (data_path);
  return zopa_scenario_load_from_file (file, NULL, error);
}
