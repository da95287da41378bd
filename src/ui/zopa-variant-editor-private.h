/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-variant-editor-private.h: the variant editor's instance */

#pragma once

#include "model/zopa-edit.h"
#include "zopa-history-binding.h"
#include "zopa-variant-editor.h"

G_BEGIN_DECLS

struct _ZopaVariantEditor
{
  ZopaEditorWindow    parent_instance;

  ZopaSession        *session;
  ZopaHistory        *history;
  ZopaVariant        *variant;
  ZopaHistoryBinding *title_binding;
  ZopaHistoryBinding *description_binding;
  gpointer            bound_variant;      /* what the bindings are for; compared only */
  /* The changes the change list shows, and those of them whose rows are open: a change
   * moved gets a new row, which opens as the old one was. */
  GListModel         *shown_changes;
  GHashTable         *expanded_changes;

  AdwWindowTitle     *window_title;
  GtkListBox         *variant_list;
  AdwLeaflet         *leaflet;
  GtkWidget          *back_button;
  GtkStack           *stack;
  AdwEntryRow        *title_row;
  AdwEntryRow        *id_row;
  AdwActionRow       *shown_row;
  GtkButton          *show_button;
  GtkTextView        *description_view;
  GtkListBox         *change_list;
};

G_END_DECLS
