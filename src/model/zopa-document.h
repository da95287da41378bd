#pragma once

#include <gio/gio.h>

#include "zopa-history.h"
#include "zopa-scenario.h"

G_BEGIN_DECLS

/*
 * An open scenario and where it lives: its file (NULL for the built-in scenario until it
 * is saved somewhere), its undo history, and whether it has changes that are not saved —
 * which follows the history's saved point, so undoing back to it clears the mark.
 * No widget code.
 */
#define ZOPA_TYPE_DOCUMENT (zopa_document_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDocument, zopa_document, ZOPA, DOCUMENT, GObject)

ZopaDocument *zopa_document_new_builtin       (void);
/* Returns NULL and sets error when the file cannot be loaded; nothing else changes. */
ZopaDocument *zopa_document_new_from_file     (GFile        *file,
                                               GError      **error);

ZopaScenario *zopa_document_get_scenario      (ZopaDocument *self);
/* Every edit goes through the history. */
ZopaHistory  *zopa_document_get_history       (ZopaDocument *self);
/* NULL when the document has never been saved to a file of its own. */
GFile        *zopa_document_get_file          (ZopaDocument *self);
gboolean      zopa_document_get_modified      (ZopaDocument *self);
/* The file's name, or "Built-in Scenario"; for titles and dialogs. */
char         *zopa_document_dup_display_name  (ZopaDocument *self);

/* Saves to file (or to the document's own file when file is NULL) and adopts that file. */
gboolean      zopa_document_save              (ZopaDocument *self,
                                               GFile        *file,
                                               GError      **error);

G_END_DECLS
