/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-document.c: an open scenario, its file, its saved state, changes on disk, recovery */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-document.h"
#include "zopa-file-replace.h"
#include "zopa-scenario-file.h"

struct _ZopaDocument
{
  GObject            parent_instance;

  ZopaScenario      *scenario;
  ZopaHistory       *history;
  GFile             *file;
  gboolean           modified;
  /* A new scenario of the user's, not the built-in one, while it has no file. */
  gboolean           untitled;

  /*
   * What the file held when last loaded or saved: a SHA-256 of its bytes. The contents,
   * not the modification time, decide whether the file changed: times are coarse (two
   * writes within a few milliseconds share one), and a file touched or rewritten with the
   * same bytes has lost nothing. NULL when the document has no file contents to compare.
   */
  char              *disk_checksum;
  ZopaDiskState      disk_state;
  GFileMonitor      *monitor;

  ZopaRecoveryStore *recovery_store;
  char              *recovery_id;
  guint              autosave_delay;
  guint              autosave_source;
};

G_DEFINE_FINAL_TYPE (ZopaDocument, zopa_document, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (ZopaDiskState, zopa_disk_state,
  G_DEFINE_ENUM_VALUE (ZOPA_DISK_STATE_UNCHANGED, "unchanged"),
  G_DEFINE_ENUM_VALUE (ZOPA_DISK_STATE_CHANGED, "changed"),
  G_DEFINE_ENUM_VALUE (ZOPA_DISK_STATE_DELETED, "deleted"))

G_DEFINE_QUARK (zopa-document-error-quark, zopa_document_error)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_DISK_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_monitor (ZopaDocument *self);

static void
update_modified (ZopaDocument *self)
{
  gboolean modified = !zopa_history_get_at_saved_point (self->history);

  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_disk_state (ZopaDocument  *self,
                ZopaDiskState  state)
{
  if (self->disk_state == state)
    return;
  self->disk_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
}

/* Changes on disk */

/* The SHA-256 of a file's bytes, read up to the size a scenario file may have. */
static char *
checksum_file (GFile   *file,
               GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = NULL;
  gsize total = 0;

  if (stream == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gsize n_read = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk, sizeof chunk, &n_read, NULL, error))
        return NULL;
      g_checksum_update (checksum, chunk, n_read);
      total += n_read;
      if (n_read < sizeof chunk || total > ZOPA_FILE_MAX_SIZE)
        break;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

ZopaDiskState
zopa_document_check_disk (ZopaDocument *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  ZopaDiskState state;

  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), ZOPA_DISK_STATE_UNCHANGED);

  if (self->file == NULL || self->disk_checksum == NULL)
    return self->disk_state;

  checksum = checksum_file (self->file, &error);
  if (checksum == NULL)
    state = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? ZOPA_DISK_STATE_DELETED
                                                                    : ZOPA_DISK_STATE_CHANGED;
  else if (g_str_equal (checksum, self->disk_checksum))
    state = ZOPA_DISK_STATE_UNCHANGED;
  else
    state = ZOPA_DISK_STATE_CHANGED;

  set_disk_state (self, state);
  return state;
}

ZopaDiskState
zopa_document_get_disk_state (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), ZOPA_DISK_STATE_UNCHANGED);
  return self->disk_state;
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 ZopaDocument      *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;
  zopa_document_check_disk (self);
}

/* Watches the file the document's path leads to: a save through a link writes there. */
static void
start_monitor (ZopaDocument *self)
{
  g_autoptr(GFile) watched = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;

  path = g_file_peek_path (self->file);
  if (path != NULL)
    {
      g_autofree char *target = zopa_file_resolve_links (path);

      if (target != NULL)
        watched = g_file_new_for_path (target);
    }
  if (watched == NULL)
    watched = g_object_ref (self->file);

  self->monitor = g_file_monitor_file (watched, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Not fatal: the check before saving still protects the file. */
      g_debug ("Cannot watch %s for changes: %s", path ? path : "the file", error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, 0);
}

/* Recovery */

const char *
zopa_document_get_recovery_id (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);

  if (self->recovery_id == NULL)
    self->recovery_id = self->file != NULL ? zopa_recovery_id_for_file (self->file)
                                           : zopa_recovery_id_new ();
  return self->recovery_id;
}

gboolean
zopa_document_autosave_now (ZopaDocument  *self,
                            GError       **error)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_store == NULL)
    return TRUE;
  if (!self->modified)
    return zopa_recovery_store_remove (self->recovery_store, zopa_document_get_recovery_id (self), error);
  return zopa_recovery_store_write (self->recovery_store, zopa_document_get_recovery_id (self),
                                    self->scenario, self->file, self->disk_checksum, self->untitled, error);
}

gboolean
zopa_document_discard_recovery (ZopaDocument  *self,
                                GError       **error)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_store == NULL)
    return TRUE;
  return zopa_recovery_store_remove (self->recovery_store, zopa_document_get_recovery_id (self), error);
}

static gboolean
autosave_timeout (gpointer user_data)
{
  ZopaDocument *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (!zopa_document_autosave_now (self, &error))
    g_warning ("Unsaved changes could not be kept for recovery: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* Every edit starts the delay again, so typing is written once it pauses. */
static void
schedule_autosave (ZopaDocument *self)
{
  if (self->recovery_store == NULL)
    return;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (self->autosave_delay, autosave_timeout, self);
}

void
zopa_document_set_recovery_store (ZopaDocument      *self,
                                  ZopaRecoveryStore *store)
{
  g_return_if_fail (ZOPA_IS_DOCUMENT (self));
  g_return_if_fail (store == NULL || ZOPA_IS_RECOVERY_STORE (store));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_set_object (&self->recovery_store, store);
  if (store != NULL && self->modified)
    schedule_autosave (self);
}

void
zopa_document_set_autosave_delay (ZopaDocument *self,
                                  guint         milliseconds)
{
  g_return_if_fail (ZOPA_IS_DOCUMENT (self));

  self->autosave_delay = milliseconds;
  if (self->autosave_source != 0)
    schedule_autosave (self);
}

/* Construction */

static ZopaDocument *
zopa_document_new (ZopaScenario *scenario,
                   GFile        *file,
                   const char   *disk_checksum)
{
  ZopaDocument *self = g_object_new (ZOPA_TYPE_DOCUMENT, NULL);

  self->scenario = g_object_ref (scenario);
  self->history = zopa_history_new (scenario);
  self->file = file ? g_object_ref (file) : NULL;
  self->disk_checksum = g_strdup (disk_checksum);
  g_signal_connect_object (self->history, "notify::at-saved-point", G_CALLBACK (update_modified),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::at-saved-point", G_CALLBACK (schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scenario, "changed", G_CALLBACK (schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  start_monitor (self);
  return self;
}

ZopaDocument *
zopa_document_new_builtin (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();

  return zopa_document_new (scenario, NULL, NULL);
}

ZopaDocument *
zopa_document_new_untitled (ZopaScenario *scenario)
{
  ZopaDocument *self;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);

  self = zopa_document_new (scenario, NULL, NULL);
  self->untitled = TRUE;
  return self;
}

ZopaDocument *
zopa_document_new_from_file (GFile   *file,
                             GError **error)
{
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  scenario = zopa_scenario_load_from_file_full (file, &data, NULL, error);
  if (scenario == NULL)
    return NULL;
  return zopa_document_new_from_loaded (scenario, file, data);
}

ZopaDocument *
zopa_document_new_from_loaded (ZopaScenario *scenario,
                               GFile        *file,
                               GBytes       *data)
{
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  return zopa_document_new (scenario, file, checksum);
}

ZopaDocument *
zopa_document_new_from_recovery (ZopaRecoveryStore        *store,
                                 const ZopaRecoveryEntry  *entry,
                                 GError                  **error)
{
  g_autoptr(ZopaScenario) scenario = NULL;
  ZopaDocument *self;

  g_return_val_if_fail (ZOPA_IS_RECOVERY_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  scenario = zopa_recovery_store_load (store, entry, error);
  if (scenario == NULL)
    return NULL;

  self = zopa_document_new (scenario, entry->original, entry->original_checksum);
  self->untitled = entry->untitled;
  self->recovery_id = g_strdup (entry->id);
  zopa_history_mark_unsaved (self->history);
  zopa_document_check_disk (self);
  zopa_document_set_recovery_store (self, store);
  return self;
}

static void
zopa_document_dispose (GObject *object)
{
  ZopaDocument *self = ZOPA_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->recovery_store);
  g_clear_object (&self->history);
  g_clear_object (&self->scenario);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (zopa_document_parent_class)->dispose (object);
}

static void
zopa_document_finalize (GObject *object)
{
  ZopaDocument *self = ZOPA_DOCUMENT (object);

  g_free (self->disk_checksum);
  g_free (self->recovery_id);

  G_OBJECT_CLASS (zopa_document_parent_class)->finalize (object);
}

static void
zopa_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZopaDocument *self = ZOPA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_DISK_STATE:
      g_value_set_enum (value, self->disk_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_document_class_init (ZopaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zopa_document_dispose;
  object_class->finalize = zopa_document_finalize;
  object_class->get_property = zopa_document_get_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ZOPA_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISK_STATE] =
    g_param_spec_enum ("disk-state", NULL, NULL, ZOPA_TYPE_DISK_STATE, ZOPA_DISK_STATE_UNCHANGED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_document_init (ZopaDocument *self)
{
  self->autosave_delay = ZOPA_AUTOSAVE_DEFAULT_DELAY;
}

ZopaScenario *
zopa_document_get_scenario (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);
  return self->scenario;
}

ZopaHistory *
zopa_document_get_history (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);
  return self->history;
}

GFile *
zopa_document_get_file (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
zopa_document_get_modified (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

char *
zopa_document_dup_display_name (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);

  if (self->file == NULL && self->untitled)
    return g_strdup (_("Untitled Scenario"));
  if (self->file == NULL)
    return g_strdup (_("Built-in Scenario"));
  return g_file_get_basename (self->file);
}

gboolean
zopa_document_save_full (ZopaDocument  *self,
                         GFile         *file,
                         ZopaSaveFlags  flags,
                         GError       **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) recovery_error = NULL;
  gboolean same_file;
  gsize length;

  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  if (file == NULL)
    file = self->file;
  same_file = self->file != NULL && g_file_equal (file, self->file);

  /* A file deleted meanwhile is simply written again: nothing of anyone's is lost. */
  if (same_file && !(flags & ZOPA_SAVE_OVERWRITE_DISK_CHANGES) &&
      zopa_document_check_disk (self) == ZOPA_DISK_STATE_CHANGED)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, ZOPA_DOCUMENT_ERROR, ZOPA_DOCUMENT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by another program since it was opened or saved"), name);
      return FALSE;
    }

  data = zopa_scenario_to_data (self->scenario, &length);
  if (!zopa_file_replace (file, data, length, NULL, error))
    return FALSE;

  g_free (self->disk_checksum);
  self->disk_checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

  /* The changes are on disk: the entry that kept them goes, under the id it was written. */
  if (!zopa_document_discard_recovery (self, &recovery_error))
    g_warning ("The recovery copy of a saved document could not be removed: %s", recovery_error->message);

  if (!same_file)
    {
      g_set_object (&self->file, file);
      g_clear_pointer (&self->recovery_id, g_free);
      start_monitor (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  set_disk_state (self, ZOPA_DISK_STATE_UNCHANGED);
  zopa_history_mark_saved (self->history);
  return TRUE;
}

gboolean
zopa_document_save (ZopaDocument *self,
                    GFile        *file,
                    GError      **error)
{
  return zopa_document_save_full (self, file, ZOPA_SAVE_NONE, error);
}
