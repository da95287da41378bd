/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-draft-panel-private.h: what the parts of the draft panel share — zopa-draft-panel.c
 * (the header, following the model, the widget), zopa-draft-panel-verdicts.c,
 * zopa-draft-panel-clauses.c and zopa-draft-panel-actions.c. */

#pragma once

#include <adwaita.h>

#include "analysis/zopa-analysis.h"
#include "zopa-clause-editor.h"
#include "zopa-clause-row.h"
#include "zopa-draft-panel.h"
#include "zopa-gradual-rows.h"
#include "zopa-history-binding.h"
#include "zopa-verdict-list.h"

G_BEGIN_DECLS

struct _ZopaDraftPanel
{
  GtkWidget         parent_instance;

  ZopaSession      *session;
  ZopaDraft        *draft;
  /* The clause open in the editor, or the one last opened: where new clauses go. */
  ZopaClause       *clause;
  /* The draft's date, origin and notes in their widgets, edited through the history. */
  ZopaHistoryBinding *date_binding;
  ZopaHistoryBinding *origin_binding;
  ZopaHistoryBinding *notes_binding;
  guint             refresh_id;

  /* "What would it take", for the Apply button. */
  ZopaClauseChange *changes;
  guint             n_changes;
  /* The search for them on a worker thread, when the problem is large; cancelled when a
   * newer analysis or another draft supersedes it. */
  GCancellable     *take_search;
  guint             take_working_id;

  /* The draft ids behind the "Derived From" combo, "" first for none. */
  GPtrArray        *parent_ids;
  char             *parent_signature;

  /* The undo depth right after a clause was deleted, for the toast's Undo. */
  guint             delete_undo_depth;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *main_stack;
  GtkStack         *page_stack;
  GtkScrolledWindow *overview_scroller;
  GtkStack         *title_stack;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *parent_label;
  GtkEntry         *title_entry;
  AdwPreferencesGroup *verdicts_group;
  ZopaVerdictList  *verdict_list;
  GtkButton        *apply_button;
  GtkListBox       *take_list;
  /* The rows of the take list and of the clause list, built a few per frame when many. */
  ZopaGradualRows  *take_rows;
  ZopaGradualRows  *clause_rows;
  GtkSearchEntry   *clause_search;
  GtkListBox       *clause_list;
  /* The list box ignores filter functions once bound to a model: it shows this one. */
  GtkCustomFilter  *clause_filter;
  AdwEntryRow      *date_row;
  AdwEntryRow      *origin_row;
  AdwComboRow      *parent_row;
  AdwExpanderRow   *notes_row;
  GtkTextView      *notes_view;
  GtkLabel         *clause_heading;
  GtkLabel         *clause_subheading;
  GtkGrid          *verdict_strip;
  ZopaClauseEditor *clause_editor;
};

ZopaHistory *zopa_draft_panel_get_history (ZopaDraftPanel *self);
ZopaScenario *zopa_draft_panel_get_scenario (ZopaDraftPanel *self);
const char *zopa_draft_panel_draft_title (ZopaDraft *draft);
int zopa_draft_panel_analysis_draft_index (ZopaAnalysis *analysis,
                                           ZopaDraft    *draft);
int zopa_draft_panel_analysis_issue_index (ZopaAnalysis *analysis,
                                           const char   *issue_id);
int zopa_draft_panel_analysis_option_index (ZopaAnalysis *analysis,
                                            guint         issue,
                                            const char   *option_id);
gboolean zopa_draft_panel_actor_color (ZopaDraftPanel *self,
                                       ZopaAnalysis   *analysis,
                                       guint           actor,
                                       GdkRGBA        *color);
char *zopa_draft_panel_option_list (ZopaAnalysis *analysis,
                                    guint         actor,
                                    guint         issue,
                                    gboolean      accepted);
char *zopa_draft_panel_clauses_setting (ZopaDraft  *draft,
                                        const char *issue_id,
                                        gboolean    agreed_only);
void zopa_draft_panel_start_rename (ZopaDraftPanel *self);
GtkWidget *zopa_draft_panel_new_pill (const char *text,
                                      const char *style,
                                      const char *kind);
void zopa_draft_panel_refresh_verdicts (ZopaDraftPanel *self,
                                        ZopaAnalysis   *analysis,
                                        int             draft);
void zopa_draft_panel_on_build_reasons (ZopaVerdictList *list,
                                        ZopaVerdictRow  *row,
                                        ZopaDraftPanel  *self);
void zopa_draft_panel_on_try_flip (ZopaVerdictList *list,
                                   ZopaVerdictItem *item,
                                   ZopaDraftPanel  *self);
void zopa_draft_panel_cancel_take  (ZopaDraftPanel *self);
void zopa_draft_panel_refresh_take (ZopaDraftPanel *self,
                                    ZopaAnalysis   *analysis,
                                    int             draft);
void zopa_draft_panel_refilter_if_searching (ZopaDraftPanel *self);
GtkWidget *zopa_draft_panel_create_clause_row (gpointer item,
                                               gpointer user_data);
void zopa_draft_panel_refresh_clause_rows (ZopaDraftPanel *self,
                                           ZopaAnalysis   *analysis,
                                           int             draft);
void zopa_draft_panel_sync_clause_selection (ZopaDraftPanel *self);
gboolean zopa_draft_panel_clause_matches (gpointer item,
                                          gpointer user_data);
void zopa_draft_panel_on_search_changed (GtkSearchEntry *entry,
                                         ZopaDraftPanel *self);
void zopa_draft_panel_show_clause (ZopaDraftPanel *self,
                                   ZopaClause     *clause);
gboolean zopa_draft_panel_editing_clause (ZopaDraftPanel *self);
void zopa_draft_panel_on_apply_clicked (GtkButton      *button,
                                        ZopaDraftPanel *self);
void zopa_draft_panel_update_actions (ZopaDraftPanel *self);
void zopa_draft_panel_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
