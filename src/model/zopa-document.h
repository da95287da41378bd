/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zopa-history.h"
#include "zopa-recovery-store.h"
#include "zopa-scenario.h"

G_BEGIN_DECLS

/* The document's file on disk compared with the bytes it last loaded or saved there. */
typedef enum {
  ZOPA_DISK_STATE_UNCHANGED,
  ZOPA_DISK_STATE_CHANGED,   /* other contents, or a file that could not be read */
  ZOPA_DISK_STATE_DELETED,
} ZopaDiskState;

#define ZOPA_TYPE_DISK_STATE (zopa_disk_state_get_type ())
GType zopa_disk_state_get_type (void);

#define ZOPA_DOCUMENT_ERROR (zopa_document_error_quark ())
GQuark zopa_document_error_quark (void);

typedef enum {
  /* Saving would overwrite changes another program made: offer reload, keep mine, save as. */
  ZOPA_DOCUMENT_ERROR_CHANGED_ON_DISK,
} ZopaDocumentError;

typedef enum {
  ZOPA_SAVE_NONE                   = 0,
  /* "Keep mine": save over the file even when it changed on disk. */
  ZOPA_SAVE_OVERWRITE_DISK_CHANGES = 1 << 0,
} ZopaSaveFlags;

/* How long after the last edit unsaved changes are written to the recovery store. */
#define ZOPA_AUTOSAVE_DEFAULT_DELAY 3000   /* milliseconds */

/*
 * An open scenario and where it lives: its file (NULL for the built-in scenario until it
 * is saved somewhere), its undo history, and whether it has changes that are not saved —
 * which follows the history's saved point, so undoing back to it clears the mark.
 * No widget code.
 */
#define ZOPA_TYPE_DOCUMENT (zopa_document_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDocument, zopa_document, ZOPA, DOCUMENT, GObject)

ZopaDocument *zopa_document_new_builtin       (void);
/* A new scenario of the user's, with no file until it is saved: "Untitled Scenario". */
ZopaDocument *zopa_document_new_untitled      (ZopaScenario *scenario);
/* Returns NULL and sets error when the file cannot be loaded; nothing else changes. */
ZopaDocument *zopa_document_new_from_file     (GFile        *file,
                                               GError      **error);
/*
 * A document on scenario, read from file as data (the bytes later saves compare the file
 * with). It watches file in the calling thread's main context: call it where the document
 * will live, after reading and parsing elsewhere (zopa-document-loader.h).
 */
ZopaDocument *zopa_document_new_from_loaded   (ZopaScenario *scenario,
                                               GFile        *file,
                                               GBytes       *data);

ZopaScenario *zopa_document_get_scenario      (ZopaDocument *self);
/* Every edit goes through the history. */
ZopaHistory  *zopa_document_get_history       (ZopaDocument *self);
/* NULL when the document has never been saved to a file of its own. */
GFile        *zopa_document_get_file          (ZopaDocument *self);
gboolean      zopa_document_get_modified      (ZopaDocument *self);
/* The file's name, or "Built-in Scenario" or "Untitled Scenario"; for titles and dialogs. */
char         *zopa_document_dup_display_name  (ZopaDocument *self);

/*
 * Saves to file (or to the document's own file when file is NULL) and adopts that file.
 * Saving to the document's own file is refused with ZOPA_DOCUMENT_ERROR_CHANGED_ON_DISK
 * when its contents changed since they were loaded or saved, unless flags say to
 * overwrite. A save removes the document's recovery entry.
 */
gboolean      zopa_document_save              (ZopaDocument *self,
                                               GFile        *file,
                                               GError      **error);
gboolean      zopa_document_save_full         (ZopaDocument  *self,
                                               GFile         *file,
                                               ZopaSaveFlags  flags,
                                               GError       **error);

/*
 * Changes on disk. The document watches its file (GFileMonitor, in the thread-default main
 * context of its creation) and keeps "disk-state" up to date; check_disk() reads the file
 * now. A state other than unchanged is for the window to show (reload, keep mine, save as).
 */
ZopaDiskState zopa_document_get_disk_state    (ZopaDocument *self);
ZopaDiskState zopa_document_check_disk        (ZopaDocument *self);

/*
 * Recovery. With a store set, unsaved changes are written to it autosave-delay ms after
 * the last edit, and the entry is removed when the document is saved or back at its saved
 * state. autosave_now() writes at once (before quitting on logout, say); discard_recovery()
 * removes the entry (the user chose not to keep the changes).
 */
void          zopa_document_set_recovery_store (ZopaDocument      *self,
                                                ZopaRecoveryStore *store);
void          zopa_document_set_autosave_delay (ZopaDocument      *self,
                                                guint              milliseconds);
/* The id of the document's entry in a recovery store. */
const char   *zopa_document_get_recovery_id    (ZopaDocument      *self);
gboolean      zopa_document_autosave_now       (ZopaDocument      *self,
                                                GError           **error);
gboolean      zopa_document_discard_recovery   (ZopaDocument      *self,
                                                GError           **error);
/*
 * A document holding a recovered entry: modified, pointing at the entry's original file
 * (NULL for a scenario never saved), comparing that file with its contents when the
 * changes were written, and writing later autosaves to the same entry of store.
 */
ZopaDocument *zopa_document_new_from_recovery  (ZopaRecoveryStore       *store,
                                                const ZopaRecoveryEntry *entry,
                                                GError                 **error);

G_END_DECLS
