/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * The selected draft of a session: its title and details, each shown actor's verdict
 * with the reasons (and which verdicts the last edit flipped), the fewest clause changes
 * that would make every shown actor accept it, and its clauses with the clause editor.
 *
 * Actions (installed on the widget class, so they resolve from inside the panel; from
 * elsewhere, call gtk_widget_activate_action (panel, "draft.fork", NULL)):
 *   draft.new  draft.fork  draft.rename  draft.delete  draft.move-up  draft.move-down
 *   clause.add  clause.duplicate  clause.delete  clause.move-up  clause.move-down
 *   clause.previous  clause.next
 */
#define ZOPA_TYPE_DRAFT_PANEL (zopa_draft_panel_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDraftPanel, zopa_draft_panel, ZOPA, DRAFT_PANEL, GtkWidget)

GtkWidget *zopa_draft_panel_new         (void);
/* NULL allowed: the panel lets go of the old session and its document. */
void       zopa_draft_panel_set_session (ZopaDraftPanel *self,
                                         ZopaSession    *session);
/* Opens a clause of the selected draft in the clause editor (NULL: back to the
 * draft). Returns FALSE when the selected draft has no such clause. */
gboolean   zopa_draft_panel_open_clause (ZopaDraftPanel *self,
                                         const char     *clause_id);
/* The header's back button, for when the panel stands in the diagram's place. */
void       zopa_draft_panel_set_back_visible (ZopaDraftPanel *self,
                                              gboolean        visible);

G_END_DECLS
