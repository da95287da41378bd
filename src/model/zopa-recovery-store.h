/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zopa-scenario.h"

G_BEGIN_DECLS

/*
 * Unsaved changes kept apart from the user's files, so that a crash, a kill or a logout
 * loses nothing: one entry per document, keyed by an id (a hash of the file's URI, or a
 * random id for a scenario never saved), written atomically. An entry is two files in the
 * store's folder: ID.zopa.json (the scenario, a normal scenario file) and ID.ini (what it
 * belongs to and when it was written), the second written last so a listed entry is whole.
 * No widget code; ZopaDocument writes and removes its entry (zopa-document.h).
 */
#define ZOPA_TYPE_RECOVERY_STORE (zopa_recovery_store_get_type ())
G_DECLARE_FINAL_TYPE (ZopaRecoveryStore, zopa_recovery_store, ZOPA, RECOVERY_STORE, GObject)

typedef struct {
  char      *id;
  GFile     *original;           /* the document's file; NULL for a scenario never saved */
  char      *title;              /* the scenario's title when written, for the offer */
  GDateTime *written;            /* when the changes were written (UTC) */
  char      *original_checksum;  /* SHA-256 of the file as loaded or saved then; NULL if none */
  gboolean   untitled;           /* a new scenario, not the built-in one (no original) */
} ZopaRecoveryEntry;

void  zopa_recovery_entry_free (ZopaRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZopaRecoveryEntry, zopa_recovery_entry_free)

/* folder NULL: "zopa/recovery" under g_get_user_state_dir(). */
ZopaRecoveryStore *zopa_recovery_store_new        (const char        *folder);
const char        *zopa_recovery_store_get_folder (ZopaRecoveryStore *self);

/* The id of the entry of a document's file. */
char              *zopa_recovery_id_for_file      (GFile             *file);
/* A fresh id for a scenario that has no file. */
char              *zopa_recovery_id_new           (void);

/* Writes (or replaces) the entry id; untitled says that a scenario without an original file
 * was made new rather than opened as the built-in one. */
gboolean           zopa_recovery_store_write      (ZopaRecoveryStore *self,
                                                   const char        *id,
                                                   ZopaScenario      *scenario,
                                                   GFile             *original,
                                                   const char        *original_checksum,
                                                   gboolean           untitled,
                                                   GError           **error);
/* Removes the entry id; an entry that is not there is not an error. */
gboolean           zopa_recovery_store_remove     (ZopaRecoveryStore *self,
                                                   const char        *id,
                                                   GError           **error);
/* The whole entries, newest first (ZopaRecoveryEntry); empty when the folder does not exist. */
GPtrArray         *zopa_recovery_store_list       (ZopaRecoveryStore *self,
                                                   GError           **error);
/* The scenario an entry holds, loaded and validated as a file is. */
ZopaScenario      *zopa_recovery_store_load       (ZopaRecoveryStore       *self,
                                                   const ZopaRecoveryEntry *entry,
                                                   GError                 **error);

G_END_DECLS
