/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/zopa-history.h"

G_BEGIN_DECLS

/*
 * A property of a model object shown in a widget, with the user's edits going back through
 * the undo history: each change of the widget is a zopa_history_set_value() step (the history
 * merges typing), and the widget follows the property whatever changes it (an edit elsewhere,
 * undo, redo). It replaces a pair of handlers and a guard flag per field.
 *
 * Widgets: a GtkEditable or GtkTextView for a string property, a GtkSpinButton or a
 * GtkAdjustment for an int or double one, a GtkCheckButton or GtkSwitch for a boolean one.
 * The binding ends with zopa_history_binding_unbind() or when the object or the widget goes;
 * a pointer kept with zopa_history_binding_keep() is set to NULL then, so that it is never
 * left dangling.
 */
typedef enum {
  ZOPA_HISTORY_BIND_DEFAULT       = 0,
  ZOPA_HISTORY_BIND_EMPTY_IS_NULL = 1 << 0,  /* an empty text is stored as NULL */
} ZopaHistoryBindFlags;

typedef struct _ZopaHistoryBinding ZopaHistoryBinding;

ZopaHistoryBinding *zopa_history_bind            (ZopaHistory          *history,
                                                  gpointer              object,
                                                  const char           *property,
                                                  gpointer              widget,
                                                  ZopaHistoryBindFlags  flags);
void                zopa_history_binding_unbind  (ZopaHistoryBinding   *binding);
/* Unbinds what *slot holds, if anything, then keeps binding (may be NULL) there. */
void                zopa_history_binding_keep    (ZopaHistoryBinding  **slot,
                                                  ZopaHistoryBinding   *binding);
/* Unbinds *slot, if anything, and sets it to NULL. */
void                zopa_history_binding_clear   (ZopaHistoryBinding  **slot);

G_END_DECLS
