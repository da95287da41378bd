/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-edit.h"
#include "model/zopa-list-model.h"

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * What the actor, issue, variant and clause editors share besides their window (see
 * ZopaEditorWindow): typing merged per pause, id errors shown in place, and deletions
 * confirmed with the references they take along.
 */

/* Ends the typing merge when widget (an entry, a text view, a spin button) loses focus,
 * and leaves undo of the text to the document's history. */
void              zopa_editor_follow_focus       (GtkWidget    *widget,
                                                  ZopaHistory  *history);

/* Set only when different, so the cursor and selection stay while the user types. */
void              zopa_editor_set_text           (GtkEditable  *editable,
                                                  const char   *text);
/* TRUE when the text changed. */
gboolean          zopa_editor_set_buffer_text    (GtkTextBuffer *buffer,
                                                  const char    *text);
/* The same for a text view, which is then made to fit its new text (see fit_text_view). */
void              zopa_editor_set_view_text      (GtkTextView   *view,
                                                  const char    *text);
/* GTK 4.8's text view can wrap its text to a new height without asking its parent for
 * room (after its text is set while hidden): for a few frames, check and ask for it. */
void              zopa_editor_fit_text_view      (GtkWidget     *view);
char             *zopa_editor_dup_buffer_text    (GtkTextBuffer *buffer);
/* Setting a spin button to its own value would throw away text being typed into it. */
void              zopa_editor_set_spin_value     (GtkSpinButton *spin,
                                                  double         value);

/* An id row: the "error" style and the message as tooltip, or neither when error is NULL. */
void              zopa_editor_show_error         (GtkWidget    *widget,
                                                  const GError *error);
/* While typing into id_row: shows whether the text could become object's id (its id now:
 * current_id). */
void              zopa_editor_check_id_row       (GtkWidget    *id_row,
                                                  ZopaScenario *scenario,
                                                  gpointer      object,
                                                  const char   *current_id);
/* On apply: renames object to the text of id_row as one undoable step. TRUE when renamed;
 * an unchanged id does nothing, a refused one is shown in place with the error bell. */
gboolean          zopa_editor_apply_id_row       (GtkWidget    *id_row,
                                                  ZopaHistory  *history,
                                                  gpointer      object,
                                                  const char   *current_id);

/*
 * Asks before deleting object: heading, body, and the places that refer to object
 * (zopa_edit_describe_references), which go with it. On "delete" the object and those
 * references are deleted as one undoable step. Returns the dialog (already presented).
 */
AdwMessageDialog *zopa_editor_confirm_delete     (GtkWindow    *parent,
                                                  ZopaHistory  *history,
                                                  gpointer      object,
                                                  const char   *heading,
                                                  const char   *body,
                                                  const char   *delete_label);

/*
 * "Add Source…": asks for a new source's title, publisher, date and web address. On "add"
 * the source (its id made from the title) joins the scenario and citer, a ZopaClause or a
 * ZopaActor, cites it: one undoable step, "Add Source". Returns the dialog (presented).
 */
AdwMessageDialog *zopa_editor_add_source         (GtkWindow    *parent,
                                                  ZopaHistory  *history,
                                                  gpointer      citer,
                                                  const char   *body);

/* actor's stance on issue_id, made (as an edit through history, weight 0) when it has none. */
ZopaStance       *zopa_editor_ensure_stance      (ZopaHistory  *history,
                                                  ZopaActor    *actor,
                                                  const char   *issue_id);

/* Empties a list box that is not bound to a model. */
void              zopa_editor_remove_all_rows    (GtkListBox   *list_box);
/* An actor's name as shown in a line (its id when it has none). */
char             *zopa_editor_dup_actor_name     (ZopaActor    *actor);
/* Call before and after writing after in place of before: a change between one value and
 * a range is a step of its own, never merged with the typing around it. */
void              zopa_editor_separate_form_change (ZopaHistory *history,
                                                    ZopaRange    before,
                                                    ZopaRange    after);
/* "70", or "70–85" for a range. */
char             *zopa_editor_format_range       (ZopaRange     range);
/* "Acceptable", "Maybe" or "Red line". */
const char       *zopa_editor_acceptability_name (ZopaAcceptability acceptability);

/* For a list box bound to model: the row that shows item, or NULL; the item a row shows
 * (borrowed), or NULL. */
GtkListBoxRow    *zopa_editor_find_row           (GtkListBox    *list_box,
                                                  GListModel    *model,
                                                  gpointer       item);
gpointer          zopa_editor_get_row_item       (GListModel    *model,
                                                  GtkListBoxRow *row);

G_END_DECLS
