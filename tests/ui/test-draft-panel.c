/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-draft-panel.c: the draft panel and clause editor, driven through their widgets */

#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "model/zopa-list-model.h"
#include "model/zopa-scenario-file.h"
#include "ui/zopa-actor-dots.h"
#include "ui/zopa-clause-editor.h"
#include "ui/zopa-draft-panel-private.h"
#include "ui/zopa-session.h"
#include "ui/zopa-user-text.h"

#include "zopa-ui-test.h"

typedef struct
{
  ZopaDocument *document;
  ZopaSession  *session;
  GtkWidget    *window;
  GtkWidget    *panel;
} Fixture;

/* A clock the test moves, so typing merges do not depend on how fast the test runs. */
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static GtkWidget *
require_named (GtkWidget  *root,
               const char *name)
{
  GtkWidget *widget = zopa_ui_test_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

static gboolean
shown_in_stack (GtkWidget *page)
{
  GtkWidget *stack = gtk_widget_get_parent (page);

  return GTK_IS_STACK (stack) && gtk_stack_get_visible_child (GTK_STACK (stack)) == page;
}

static ZopaVerdict
verdict_of (Fixture    *fixture,
            const char *draft_id,
            const char *actor_id)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (fixture->session);
  guint draft = G_MAXUINT, actor = G_MAXUINT;

  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, d), draft_id) == 0)
      draft = d;
  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, a), actor_id) == 0)
      actor = a;
  g_assert_cmpuint (draft, !=, G_MAXUINT);
  g_assert_cmpuint (actor, !=, G_MAXUINT);
  return zopa_analysis_get_verdict (analysis, draft, actor)->verdict;
}

/* What the panel's verdict row for an actor says, and its flip badge (NULL when none). */
static const char *
verdict_row_text (Fixture    *fixture,
                  const char *actor_id,
                  const char **badge_text)
{
  g_autofree char *name = g_strdup_printf ("verdict-%s", actor_id);
  GtkWidget *row = require_named (fixture->panel, name);
  GtkWidget *badge = zopa_ui_test_find_named (row, "flip-badge");

  if (badge_text != NULL)
    *badge_text = badge != NULL && gtk_widget_get_visible (badge) ? gtk_label_get_text (GTK_LABEL (badge)) : NULL;
  return gtk_label_get_text (GTK_LABEL (require_named (row, "verdict-pill")));
}

/* A long clause list is built a few rows per frame. */
static gboolean
clause_rows_complete (gpointer data)
{
  ZopaDraftPanel *panel = data;

  return panel->clause_rows == NULL || zopa_gradual_rows_complete (panel->clause_rows);
}

static GtkWidget *
clause_row (Fixture    *fixture,
            const char *clause_id)
{
  g_autofree char *name = g_strdup_printf ("clause-%s", clause_id);

  zopa_ui_test_wait_for (clause_rows_complete, fixture->panel);
  return zopa_ui_test_find_named (fixture->panel, name);
}

static void
open_clause_by_click (Fixture    *fixture,
                      const char *clause_id)
{
  GtkWidget *row = clause_row (fixture, clause_id);

  g_assert_nonnull (row);
  /* What a click or Enter does: the list box activates the row. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  zopa_ui_test_drain_events ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = zopa_document_new_builtin ();
  fixture->session = zopa_session_new (fixture->document);
  zopa_history_set_clock (zopa_document_get_history (fixture->document), fake_clock, NULL);
  fake_now = 1000000;

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 900);
  fixture->panel = zopa_draft_panel_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->panel);
  zopa_draft_panel_set_session (ZOPA_DRAFT_PANEL (fixture->panel), fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  zopa_ui_test_drain_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = zopa_ui_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  zopa_draft_panel_set_session (ZOPA_DRAFT_PANEL (fixture->panel), NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  zopa_ui_test_drain_events ();
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->document);
}

static void
test_empty_until_selected (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *status = zopa_ui_test_find_type (fixture->panel, ADW_TYPE_STATUS_PAGE);

  g_assert_null (zopa_ui_test_find_named (fixture->panel, "verdict-kyiv"));
  /* The status page says what to do. */
  g_assert_nonnull (status);
  g_assert_true (shown_in_stack (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Draft Selected");

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  g_assert_false (shown_in_stack (status));
  g_assert_nonnull (zopa_ui_test_find_named (fixture->panel, "verdict-kyiv"));
  g_assert_nonnull (clause_row (fixture, "geneva/21"));

  zopa_session_set_selected_draft (fixture->session, NULL);
  zopa_ui_test_drain_events ();
  g_assert_true (shown_in_stack (status));
}

/* Settling Geneva's bracketed territory clause one way and the other flips Kyiv. */
static void
test_clause_edit_flips_verdict (Fixture       *fixture,
                                gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaClause *territory = zopa_scenario_find_clause (scenario, "geneva/21", NULL);
  GtkWidget *status_row, *option_row;
  const char *badge = NULL;
  guint steps;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  g_assert_cmpint (verdict_of (fixture, "geneva-19", "kyiv"), ==, ZOPA_VERDICT_DEPENDS);
  g_assert_cmpstr (verdict_row_text (fixture, "kyiv", &badge), ==, "Depends");
  g_assert_null (badge);
  g_assert_cmpint (zopa_clause_get_status (territory), ==, ZOPA_CLAUSE_BRACKETED);

  open_clause_by_click (fixture, "geneva/21");
  status_row = require_named (fixture->panel, "clause-status");
  g_assert_true (gtk_widget_get_mapped (status_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==, ZOPA_CLAUSE_BRACKETED);

  /* Agreed as it stands (Donbas ceded de facto): Kyiv rejects, and the panel says it flipped. */
  steps = zopa_history_get_n_undo_steps (history);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), ZOPA_CLAUSE_AGREED);
  zopa_ui_test_drain_events ();
  g_assert_cmpint (zopa_clause_get_status (territory), ==, ZOPA_CLAUSE_AGREED);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Change Clause Status");
  g_assert_cmpint (verdict_of (fixture, "geneva-19", "kyiv"), ==, ZOPA_VERDICT_REJECTS);
  g_assert_cmpstr (verdict_row_text (fixture, "kyiv", &badge), ==, "Rejects");
  g_assert_cmpstr (badge, ==, "was Depends");
  /* The clause now crosses Kyiv's red line: its row carries the mark. */
  {
    GtkWidget *found = zopa_ui_test_find_type (clause_row (fixture, "geneva/21"), ZOPA_TYPE_ACTOR_DOTS);

    g_assert_nonnull (found);
    g_assert_cmpuint (zopa_actor_dots_get_n_dots (ZOPA_ACTOR_DOTS (found)), >=, 1);
    g_assert_nonnull (zopa_user_text_get_tooltip (found));
    g_assert_nonnull (strstr (zopa_user_text_get_tooltip (found), "Crosses a red line of"));
    g_assert_nonnull (strstr (zopa_user_text_get_tooltip (found), "Kyiv"));
  }

  /* Settled the other way, along the line of contact: Kyiv no longer rejects. */
  option_row = require_named (fixture->panel, "set-territory");
  adw_combo_row_set_selected (ADW_COMBO_ROW (option_row), 0);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_set_option (territory, "territory"), ==, "line-of-contact");
  g_assert_cmpint (verdict_of (fixture, "geneva-19", "kyiv"), !=, ZOPA_VERDICT_REJECTS);
  g_assert_cmpstr (verdict_row_text (fixture, "kyiv", &badge), !=, "Rejects");
  g_assert_cmpstr (badge, ==, "was Rejects");
  g_assert_cmpint (verdict_of (fixture, "geneva-19", "moscow"), ==, ZOPA_VERDICT_REJECTS);

  /* An edit that flips nothing clears the badges. */
  fake_now += 5 * G_USEC_PER_SEC;
  gtk_editable_set_text (GTK_EDITABLE (require_named (fixture->panel, "clause-title")), "Territory (settled)");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_title (territory), ==, "Territory (settled)");
  verdict_row_text (fixture, "kyiv", &badge);
  g_assert_null (badge);

  /* Undo goes back through each edit, and the editor follows. */
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_set_option (territory, "territory"), ==, "de-facto-donbas");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (require_named (fixture->panel, "set-territory"))), ==, 1);
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpint (zopa_clause_get_status (territory), ==, ZOPA_CLAUSE_BRACKETED);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==, ZOPA_CLAUSE_BRACKETED);
  g_assert_cmpint (verdict_of (fixture, "geneva-19", "kyiv"), ==, ZOPA_VERDICT_DEPENDS);
  g_assert_cmpstr (verdict_row_text (fixture, "kyiv", &badge), ==, "Depends");
  g_assert_cmpuint (zopa_history_get_n_undo_steps (history), ==, steps);
}

/* Typing is one step per pause; leaving the field ends the step. */
static void
test_typing_merges (Fixture       *fixture,
                    gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaClause *clause = zopa_scenario_find_clause (scenario, "geneva/6", NULL);
  g_autofree char *original = g_strdup (zopa_clause_get_text (clause));
  g_autofree char *expected = NULL;
  GtkWidget *text_view, *number_row;
  GtkTextBuffer *buffer;
  guint steps;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  open_clause_by_click (fixture, "geneva/6");
  text_view = require_named (fixture->panel, "clause-text");
  number_row = require_named (fixture->panel, "clause-number");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));

  gtk_widget_grab_focus (text_view);
  zopa_ui_test_drain_events ();
  steps = zopa_history_get_n_undo_steps (history);
  for (const char *c = " Agreed."; *c != '\0'; c++)
    {
      GtkTextIter end;
      char key[2] = { *c, '\0' };

      fake_now += 200 * 1000;   /* 200 ms between keys */
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, key, 1);
    }
  zopa_ui_test_drain_events ();
  expected = g_strconcat (original, " Agreed.", NULL);
  g_assert_cmpstr (zopa_clause_get_text (clause), ==, expected);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Change Clause Text");

  /* Leaving the text and coming back within the merge time is a new step. */
  gtk_widget_grab_focus (number_row);
  zopa_ui_test_drain_events ();
  gtk_widget_grab_focus (text_view);
  zopa_ui_test_drain_events ();
  {
    GtkTextIter end;

    fake_now += 200 * 1000;
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "!", 1);
  }
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (zopa_history_get_n_undo_steps (history), ==, steps + 2);

  /* One undo takes back the second burst, the next the whole first one. */
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_text (clause), ==, expected);
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_text (clause), ==, original);
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, original);
  }
}

static void
test_fork_and_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaDraft *original = zopa_scenario_find_draft (scenario, "geneva-19");
  GListModel *original_clauses = zopa_draft_get_clauses (original);
  guint n_drafts = g_list_model_get_n_items (zopa_scenario_get_drafts (scenario));
  const char *fork_id;
  ZopaDraft *fork;
  GListModel *clauses;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_activate_action (fixture->panel, "draft.fork", NULL));
  zopa_ui_test_drain_events ();

  /* The fork is selected, right after its original, with one undo step. */
  fork_id = zopa_session_get_selected_draft (fixture->session);
  g_assert_nonnull (fork_id);
  g_assert_cmpstr (fork_id, !=, "geneva-19");
  fork = zopa_scenario_find_draft (scenario, fork_id);
  g_assert_nonnull (fork);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_drafts (scenario)), ==, n_drafts + 1);
  g_assert_cmpstr (zopa_draft_get_derived_from (fork), ==, "geneva-19");
  g_assert_cmpstr (zopa_draft_get_title (fork), ==, "Geneva 19-point framework (fork)");
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Fork Draft");

  /* Every clause copied, with a new id, deriving from its original. */
  clauses = zopa_draft_get_clauses (fork);
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, g_list_model_get_n_items (original_clauses));
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) copy = g_list_model_get_item (clauses, i);
      g_autoptr(ZopaClause) source = g_list_model_get_item (original_clauses, i);
      const char * const *lineage = zopa_clause_get_derived_from (copy);

      g_assert_cmpstr (zopa_clause_get_id (copy), !=, zopa_clause_get_id (source));
      g_assert_true (g_str_has_prefix (zopa_clause_get_id (copy), fork_id));
      g_assert_nonnull (lineage);
      g_assert_cmpstr (lineage[0], ==, zopa_clause_get_id (source));
      g_assert_null (lineage[1]);
      g_assert_cmpstr (zopa_clause_get_number (copy), ==, zopa_clause_get_number (source));
      g_assert_cmpint (zopa_clause_get_status (copy), ==, zopa_clause_get_status (source));
    }

  /* The panel shows the fork, with its parent linked and its clauses listed. */
  {
    g_autofree char *row_id = g_strdup_printf ("%s/21", fork_id);
    g_assert_nonnull (clause_row (fixture, row_id));
  }
  g_assert_nonnull (zopa_ui_test_find_named (fixture->panel, "verdict-kyiv"));

  /* Editing the fork leaves the original alone. */
  {
    g_autofree char *clause_id = g_strdup_printf ("%s/21", fork_id);
    ZopaClause *territory = zopa_draft_find_clause (fork, clause_id);

    g_assert_true (zopa_draft_panel_open_clause (ZOPA_DRAFT_PANEL (fixture->panel), clause_id));
    zopa_ui_test_drain_events ();
    adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (fixture->panel, "clause-status")), ZOPA_CLAUSE_AGREED);
    zopa_ui_test_drain_events ();
    g_assert_cmpint (zopa_clause_get_status (territory), ==, ZOPA_CLAUSE_AGREED);
    g_assert_cmpint (zopa_clause_get_status (zopa_scenario_find_clause (scenario, "geneva/21", NULL)), ==,
                     ZOPA_CLAUSE_BRACKETED);
    g_assert_cmpint (verdict_of (fixture, fork_id, "kyiv"), ==, ZOPA_VERDICT_REJECTS);
    g_assert_cmpint (verdict_of (fixture, "geneva-19", "kyiv"), ==, ZOPA_VERDICT_DEPENDS);
    g_assert_true (zopa_history_undo (history));
  }

  /* Undo takes the whole fork away; the selection goes with it. */
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_drafts (scenario)), ==, n_drafts);
  g_assert_null (zopa_scenario_find_draft (scenario, "geneva-19-fork"));
  g_assert_null (zopa_session_get_selected_draft (fixture->session));
  g_assert_null (zopa_ui_test_find_named (fixture->panel, "verdict-kyiv"));
}

static void
test_clause_rename (Fixture       *fixture,
                    gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaClause *clause = zopa_scenario_find_clause (scenario, "geneva/6", NULL);
  g_autofree char *fork_id = NULL;
  g_autofree char *copy_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  ZopaClause *copy;
  GtkWidget *id_row;
  gsize length;

  g_assert_nonnull (clause);
  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_activate_action (fixture->panel, "draft.fork", NULL));
  zopa_ui_test_drain_events ();
  fork_id = g_strdup (zopa_session_get_selected_draft (fixture->session));
  copy_id = g_strdup_printf ("%s/6", fork_id);
  copy = zopa_scenario_find_clause (scenario, copy_id, NULL);
  g_assert_nonnull (copy);
  g_assert_cmpstr (zopa_clause_get_derived_from (copy)[0], ==, "geneva/6");
  before = zopa_scenario_to_data (scenario, &length);

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  open_clause_by_click (fixture, "geneva/6");
  id_row = require_named (fixture->panel, "clause-id");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, "geneva/6");
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));

  /* Another clause's id (the fork's copy, in another draft: ids are unique across the
   * file) is shown as an error in place, and not applied. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), copy_id);
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (id_row));
  g_signal_emit_by_name (id_row, "apply");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_id (clause), ==, "geneva/6");
  gtk_editable_set_text (GTK_EDITABLE (id_row), "");
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));

  /* A free id: one step, and the fork's clause that derives from it follows. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), "geneva/ceasefire");
  zopa_ui_test_drain_events ();
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));
  g_signal_emit_by_name (id_row, "apply");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_id (clause), ==, "geneva/ceasefire");
  g_assert_true (zopa_scenario_find_clause (scenario, "geneva/ceasefire", NULL) == clause);
  g_assert_null (zopa_scenario_find_clause (scenario, "geneva/6", NULL));
  g_assert_cmpstr (zopa_clause_get_derived_from (copy)[0], ==, "geneva/ceasefire");
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Rename Clause");
  g_assert_nonnull (clause_row (fixture, "geneva/ceasefire"));
  g_assert_true (zopa_clause_editor_get_clause (ZOPA_CLAUSE_EDITOR (zopa_ui_test_find_type (fixture->panel, ZOPA_TYPE_CLAUSE_EDITOR)))
                 == clause);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, "geneva/ceasefire");

  /* Undone: the old id everywhere, and in the row. */
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_clause_get_id (clause), ==, "geneva/6");
  g_assert_cmpstr (zopa_clause_get_derived_from (copy)[0], ==, "geneva/6");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, "geneva/6");
  after_undo = zopa_scenario_to_data (scenario, &length);
  g_assert_cmpstr (after_undo, ==, before);
}

static void
test_draft_actions (Fixture       *fixture,
                    gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  guint n_drafts = g_list_model_get_n_items (drafts);
  AdwMessageDialog *dialog;
  ZopaDraft *draft;
  GtkWidget *entry;

  /* New: an empty draft after the selected one, selected, its title ready to type. */
  zopa_session_set_selected_draft (fixture->session, "us-28");
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_activate_action (fixture->panel, "draft.new", NULL));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, n_drafts + 1);
  draft = zopa_scenario_find_draft (scenario, zopa_session_get_selected_draft (fixture->session));
  g_assert_nonnull (draft);
  {
    g_autoptr(ZopaDraft) second = g_list_model_get_item (drafts, 1);
    g_assert_true (second == draft);
  }
  g_assert_cmpuint (g_list_model_get_n_items (zopa_draft_get_clauses (draft)), ==, 0);
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "New Draft");

  /* Rename inline: type, press Enter. */
  entry = require_named (fixture->panel, "draft-title-entry");
  g_assert_true (gtk_widget_get_mapped (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ceasefire first");
  g_signal_emit_by_name (entry, "activate");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_draft_get_title (draft), ==, "Ceasefire first");
  g_assert_false (gtk_widget_get_mapped (entry));

  /* Move down, then up again. */
  g_assert_true (gtk_widget_activate_action (fixture->panel, "draft.move-down", NULL));
  zopa_ui_test_drain_events ();
  {
    g_autoptr(ZopaDraft) third = g_list_model_get_item (drafts, 2);
    g_assert_true (third == draft);
  }
  g_assert_true (gtk_widget_activate_action (fixture->panel, "draft.move-up", NULL));
  zopa_ui_test_drain_events ();
  {
    g_autoptr(ZopaDraft) second = g_list_model_get_item (drafts, 1);
    g_assert_true (second == draft);
  }

  /* Add a clause to it, then delete the draft after the confirmation. */
  g_assert_true (gtk_widget_activate_action (fixture->panel, "clause.add", NULL));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (zopa_draft_get_clauses (draft)), ==, 1);

  g_assert_true (gtk_widget_activate_action (fixture->panel, "draft.delete", NULL));
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Ceasefire first”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 clause"));
  g_signal_emit_by_name (zopa_ui_test_find_button (GTK_WIDGET (dialog), "_Delete"), "clicked");
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, n_drafts);
  g_assert_null (zopa_session_get_selected_draft (fixture->session));

  /* Deleting a draft others derive from names what breaks, and Cancel keeps it. */
  zopa_session_set_selected_draft (fixture->session, "us-28");
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_activate_action (fixture->panel, "draft.delete", NULL));
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "•"));
  g_signal_emit_by_name (zopa_ui_test_find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
  zopa_ui_test_drain_events ();
  g_assert_nonnull (zopa_scenario_find_draft (scenario, "us-28"));

  /* Undo brings the deleted draft back. */
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, n_drafts + 1);
  g_assert_nonnull (zopa_scenario_find_draft (scenario, zopa_draft_get_id (draft)));
}

static guint
count_clause_rows (Fixture *fixture)
{
  GtkWidget *row = clause_row (fixture, "geneva/1");
  GtkWidget *list;
  guint n = 0;

  list = row != NULL ? gtk_widget_get_parent (row) : NULL;
  if (list == NULL)
    {
      /* geneva/1 may be filtered out: find the list by another row. */
      row = clause_row (fixture, "geneva/21");
      g_assert_nonnull (row);
      list = gtk_widget_get_parent (row);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      n++;
  return n;
}

static void
test_clause_actions_and_search (Fixture       *fixture,
                                gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaDraft *geneva = zopa_scenario_find_draft (scenario, "geneva-19");
  GListModel *clauses = zopa_draft_get_clauses (geneva);
  guint n_clauses = g_list_model_get_n_items (clauses);
  ZopaClause *added;
  GtkWidget *search;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  open_clause_by_click (fixture, "geneva/6");

  /* Add: after the open clause, with the next free number and a unique id. */
  g_assert_true (gtk_widget_activate_action (fixture->panel, "clause.add", NULL));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, n_clauses + 1);
  added = g_list_model_get_item (clauses, 6);
  g_object_unref (added);
  g_assert_cmpstr (zopa_clause_get_id (added), ==, "geneva-19/29");
  g_assert_cmpstr (zopa_clause_get_number (added), ==, "29");
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Add Clause");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (fixture->panel, "clause-number"))), ==, "29");

  /* It sets nothing yet: add an issue through the editor's list. */
  {
    GtkWidget *add_issue = require_named (fixture->panel, "add-issue");
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_issue));
    GtkWidget *list = zopa_ui_test_find_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
    GtkListBoxRow *first;

    g_assert_nonnull (list);
    first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_assert_nonnull (first);
    g_signal_emit_by_name (list, "row-activated", first);
    zopa_ui_test_drain_events ();
    g_assert_cmpstr (zopa_clause_get_set_option (added, "territory"), ==, "line-of-contact");
    g_assert_nonnull (zopa_ui_test_find_named (fixture->panel, "set-territory"));
  }

  /* Move up and down, through the history. */
  g_assert_true (gtk_widget_activate_action (fixture->panel, "clause.move-up", NULL));
  zopa_ui_test_drain_events ();
  {
    g_autoptr(ZopaClause) at = g_list_model_get_item (clauses, 5);
    g_assert_true (at == added);
  }
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Move Clause");
  g_assert_true (gtk_widget_activate_action (fixture->panel, "clause.move-down", NULL));
  zopa_ui_test_drain_events ();

  /* Duplicate opens the copy; delete removes it, and the toast's Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (fixture->panel, "clause.duplicate", NULL));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, n_clauses + 2);
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Duplicate Clause");
  g_assert_true (gtk_widget_activate_action (fixture->panel, "clause.delete", NULL));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, n_clauses + 1);
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, n_clauses + 2);
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, n_clauses);

  /* Search filters by number, title and text. */
  g_assert_true (zopa_draft_panel_open_clause (ZOPA_DRAFT_PANEL (fixture->panel), NULL));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (count_clause_rows (fixture), ==, n_clauses);
  search = zopa_ui_test_find_type (fixture->panel, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "zaporizhzhia");
  g_signal_emit_by_name (search, "search-changed");
  zopa_ui_test_drain_events ();
  g_assert_nonnull (clause_row (fixture, "geneva/19"));
  g_assert_nonnull (clause_row (fixture, "geneva/21"));   /* in its text */
  g_assert_null (clause_row (fixture, "geneva/1"));
  g_assert_cmpuint (count_clause_rows (fixture), <, n_clauses);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (count_clause_rows (fixture), ==, n_clauses);
}

/* Sources: pick from the scenario's in a popover, or add a new one, each one step. */
static void
test_clause_sources (Fixture       *fixture,
                     gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaClause *clause = zopa_scenario_find_clause (scenario, "geneva/6", NULL);
  guint n_cited = g_strv_length ((char **) zopa_clause_get_sources (clause));
  guint n_sources = g_list_model_get_n_items (zopa_scenario_get_sources (scenario));
  GtkWidget *pick = NULL;
  GtkPopover *popover;
  GtkWidget *list, *check;
  AdwMessageDialog *dialog;
  const char * const *cited;
  GtkListBoxRow *row;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  open_clause_by_click (fixture, "geneva/6");

  pick = require_named (fixture->panel, "pick-sources");
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (pick));
  gtk_menu_button_popup (GTK_MENU_BUTTON (pick));
  zopa_ui_test_drain_events ();
  list = zopa_ui_test_find_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  /* One check per source of the scenario; the first is not cited by clause 6. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n_sources - 1);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n_sources));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  check = zopa_ui_test_find_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_strv_length ((char **) zopa_clause_get_sources (clause)), ==, n_cited + 1);
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Change Clause Sources");

  /* Add Source…: a dialog; the new source joins the scenario and the clause at once. */
  g_signal_emit_by_name (zopa_ui_test_find_button (GTK_WIDGET (popover), "_Add Source…"), "clicked");
  zopa_ui_test_drain_events ();
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (dialog), "source-title")), "Talks resume in Abu Dhabi");
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (dialog), "source-publisher")), "Wire");
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (dialog), "source-url")), "https://example.org/abu-dhabi");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_signal_emit_by_name (zopa_ui_test_find_button (GTK_WIDGET (dialog), "_Add"), "clicked");
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_sources (scenario)), ==, n_sources + 1);
  cited = zopa_clause_get_sources (clause);
  g_assert_cmpuint (g_strv_length ((char **) cited), ==, n_cited + 2);
  g_assert_cmpstr (cited[n_cited + 1], ==, "talks-resume-in-abu-dhabi");
  g_assert_cmpstr (zopa_source_get_url (zopa_scenario_find_source (scenario, "talks-resume-in-abu-dhabi")), ==,
                   "https://example.org/abu-dhabi");
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Add Source");

  g_assert_true (zopa_history_undo (history));
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_sources (scenario)), ==, n_sources);
  g_assert_cmpuint (g_strv_length ((char **) zopa_clause_get_sources (clause)), ==, n_cited);
}

/* "What would it take" for a group whose ZOPA is open, and its Apply. */
static void
test_what_would_it_take (Fixture       *fixture,
                         gconstpointer  data)
{
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaAnalysis *analysis;
  GtkWidget *apply;
  guint steps;
  guint draft = G_MAXUINT;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  /* All four: the ZOPA is empty, so no clause changes can do it. */
  g_assert_nonnull (zopa_ui_test_find_named (fixture->panel, "take-impossible"));
  g_assert_false (gtk_widget_get_visible (require_named (fixture->panel, "apply-changes")));

  /* Without Moscow some changes suffice; Apply makes them as one step. */
  g_assert_true (zopa_session_set_actor_shown (fixture->session, "moscow", FALSE));
  zopa_ui_test_drain_events ();
  g_assert_null (zopa_ui_test_find_named (fixture->panel, "take-impossible"));
  apply = require_named (fixture->panel, "apply-changes");
  g_assert_true (gtk_widget_get_visible (apply));
  steps = zopa_history_get_n_undo_steps (history);
  g_signal_emit_by_name (apply, "clicked");
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (zopa_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Apply Clause Changes");

  analysis = zopa_session_get_analysis (fixture->session);
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, d), "geneva-19") == 0)
      draft = d;
  g_assert_cmpuint (zopa_analysis_get_draft_accepting (analysis, draft), ==, zopa_analysis_get_all_mask (analysis));
  g_assert_nonnull (zopa_ui_test_find_named (fixture->panel, "take-nothing"));

  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_null (zopa_ui_test_find_named (fixture->panel, "take-nothing"));
}

/* Setting the session to NULL lets go of everything. */
static void
test_session_switch (void)
{
  ZopaDocument *first = zopa_document_new_builtin ();
  ZopaSession *first_session = zopa_session_new (first);
  ZopaDocument *second = zopa_document_new_builtin ();
  ZopaSession *second_session = zopa_session_new (second);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = zopa_draft_panel_new ();

  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  zopa_draft_panel_set_session (ZOPA_DRAFT_PANEL (panel), first_session);
  zopa_session_set_selected_draft (first_session, "eu");
  zopa_ui_test_drain_events ();
  zopa_draft_panel_open_clause (ZOPA_DRAFT_PANEL (panel), "eu/21");
  zopa_ui_test_drain_events ();

  zopa_draft_panel_set_session (ZOPA_DRAFT_PANEL (panel), second_session);
  zopa_ui_test_drain_events ();
  g_assert_finalize_object (first_session);
  g_assert_finalize_object (first);

  /* Edits to the old document no longer reach the panel; the new one's do. */
  zopa_session_set_selected_draft (second_session, "us-28");
  zopa_ui_test_drain_events ();
  g_assert_nonnull (zopa_ui_test_find_named (panel, "clause-us-28/1"));

  zopa_draft_panel_set_session (ZOPA_DRAFT_PANEL (panel), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  g_assert_finalize_object (second_session);
  g_assert_finalize_object (second);
}

static guint
clause_position (ZopaDraft  *draft,
                 const char *clause_id)
{
  return zopa_list_model_find (zopa_draft_get_clauses (draft), zopa_draft_find_clause (draft, clause_id));
}

/* A clause dropped on another row moves before or after it, undoably; dropped on itself,
 * nothing happens. */
static void
test_clause_drop (Fixture       *fixture,
                  gconstpointer  data)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaDraft *geneva = zopa_scenario_find_draft (scenario, "geneva-19");
  ZopaClause *dragged;
  GtkWidget *onto;
  guint from, to;
  gboolean moved = FALSE;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  from = clause_position (geneva, "geneva/1");
  to = clause_position (geneva, "geneva/21");
  g_assert_cmpuint (from, <, to);
  dragged = zopa_draft_find_clause (geneva, "geneva/1");

  onto = clause_row (fixture, "geneva/21");
  g_assert_true (ZOPA_IS_CLAUSE_ROW (onto));
  g_signal_emit_by_name (onto, "clause-dropped", dragged, TRUE, &moved);
  g_assert_true (moved);
  zopa_ui_test_drain_events ();
  /* Right after geneva/21, which moved up by one as geneva/1 left its place. */
  g_assert_cmpuint (clause_position (geneva, "geneva/21"), ==, to - 1);
  g_assert_cmpuint (clause_position (geneva, "geneva/1"), ==, to);
  /* The list follows: the row after geneva/21's is geneva/1's. */
  onto = clause_row (fixture, "geneva/21");
  g_assert_true (zopa_clause_row_get_item (ZOPA_CLAUSE_ROW (gtk_widget_get_next_sibling (onto))) == dragged);

  moved = TRUE;
  g_signal_emit_by_name (clause_row (fixture, "geneva/21"), "clause-dropped", zopa_draft_find_clause (geneva, "geneva/21"),
                         FALSE, &moved);
  g_assert_false (moved);

  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (clause_position (geneva, "geneva/1"), ==, from);
  g_assert_cmpuint (clause_position (geneva, "geneva/21"), ==, to);
}

/* A verdict's reasons are rows under it, built when it is first expanded. */
static void
test_reasons_on_expand (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *row;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  row = require_named (fixture->panel, "verdict-kyiv");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  /* The expander's own header is an action row; reasons are the ones after it. */
  g_assert_null (zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, 1));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  zopa_ui_test_drain_events ();
  g_assert_nonnull (zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, 1));

  /* Kept open for the next time the draft is shown. */
  zopa_session_set_selected_draft (fixture->session, "us-28");
  zopa_ui_test_drain_events ();
  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  row = require_named (fixture->panel, "verdict-kyiv");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_nonnull (zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, 1));
}

/* The verdict rows are bound to items the analysis updates in place: an edit that keeps the
 * actors keeps the rows, what the user opened, and shows a flip on the row that was there. */
static void
test_verdict_rows_persist (Fixture       *fixture,
                           gconstpointer  data)
{
  ZopaDraftPanel *panel = ZOPA_DRAFT_PANEL (fixture->panel);
  ZopaAnalysis *before;
  GtkWidget *row, *status_row;
  ZopaVerdictItem *item;
  const char *badge = NULL;
  guint n_items;

  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
  row = require_named (fixture->panel, "verdict-kyiv");
  g_assert_true (ZOPA_IS_VERDICT_ROW (row));
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  item = zopa_verdict_row_get_item (ZOPA_VERDICT_ROW (row));
  g_assert_cmpstr (zopa_verdict_item_get_actor_id (item), ==, "kyiv");
  g_assert_cmpint (zopa_verdict_item_get_verdict (item), ==, ZOPA_VERDICT_DEPENDS);
  n_items = g_list_model_get_n_items (zopa_verdict_list_get_items (panel->verdict_list));
  g_assert_cmpuint (n_items, >, 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  zopa_ui_test_drain_events ();
  g_assert_nonnull (zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, 1));

  /* Renaming a clause is analysed anew but flips nothing. */
  before = g_object_ref (zopa_session_get_analysis (fixture->session));
  open_clause_by_click (fixture, "geneva/21");
  gtk_editable_set_text (GTK_EDITABLE (require_named (fixture->panel, "clause-title")), "Territory (renamed)");
  zopa_ui_test_drain_events ();
  g_assert_true (zopa_session_get_analysis (fixture->session) != before);
  g_object_unref (before);
  g_assert_true (row == require_named (fixture->panel, "verdict-kyiv"));
  g_assert_true (zopa_verdict_row_get_item (ZOPA_VERDICT_ROW (row)) == item);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_verdict_list_get_items (panel->verdict_list)), ==, n_items);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_nonnull (zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, 1));
  g_assert_cmpstr (verdict_row_text (fixture, "kyiv", &badge), ==, "Depends");
  g_assert_null (badge);

  /* Agreeing the territory clause flips Kyiv to Rejects: the same row says so. */
  status_row = require_named (fixture->panel, "clause-status");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), ZOPA_CLAUSE_AGREED);
  zopa_ui_test_drain_events ();
  g_assert_true (row == require_named (fixture->panel, "verdict-kyiv"));
  g_assert_cmpint (zopa_verdict_item_get_verdict (item), ==, ZOPA_VERDICT_REJECTS);
  g_assert_cmpint (zopa_verdict_item_get_was_verdict (item), ==, ZOPA_VERDICT_DEPENDS);
  g_assert_cmpstr (verdict_row_text (fixture, "kyiv", &badge), ==, "Rejects");
  g_assert_cmpstr (badge, ==, "was Depends");
  g_assert_true (gtk_widget_has_css_class (require_named (row, "verdict-pill"), "rejects"));
  g_assert_false (gtk_widget_has_css_class (require_named (row, "verdict-pill"), "depends"));
  /* Its reasons were read again from the new analysis: the red line now crossed. */
  g_assert_nonnull (zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, 1));

  /* Another draft with the same actors reuses the rows, without the flip. */
  zopa_session_set_selected_draft (fixture->session, "us-28");
  zopa_ui_test_drain_events ();
  g_assert_true (row == require_named (fixture->panel, "verdict-kyiv"));
  verdict_row_text (fixture, "kyiv", &badge);
  g_assert_null (badge);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Stack transitions would keep both pages mapped for a while. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/draft-panel/empty-until-selected", Fixture, NULL,
              fixture_set_up, test_empty_until_selected, fixture_tear_down);
  g_test_add ("/draft-panel/verdict-rows-persist", Fixture, NULL,
              fixture_set_up, test_verdict_rows_persist, fixture_tear_down);
  g_test_add ("/draft-panel/clause-edit-flips-verdict", Fixture, NULL,
              fixture_set_up, test_clause_edit_flips_verdict, fixture_tear_down);
  g_test_add ("/draft-panel/typing-merges", Fixture, NULL,
              fixture_set_up, test_typing_merges, fixture_tear_down);
  g_test_add ("/draft-panel/fork-and-undo", Fixture, NULL,
              fixture_set_up, test_fork_and_undo, fixture_tear_down);
  g_test_add ("/draft-panel/clause-rename", Fixture, NULL,
              fixture_set_up, test_clause_rename, fixture_tear_down);
  g_test_add ("/draft-panel/draft-actions", Fixture, NULL,
              fixture_set_up, test_draft_actions, fixture_tear_down);
  g_test_add ("/draft-panel/clause-actions-and-search", Fixture, NULL,
              fixture_set_up, test_clause_actions_and_search, fixture_tear_down);
  g_test_add ("/draft-panel/clause-sources", Fixture, NULL,
              fixture_set_up, test_clause_sources, fixture_tear_down);
  g_test_add ("/draft-panel/what-would-it-take", Fixture, NULL,
              fixture_set_up, test_what_would_it_take, fixture_tear_down);
  g_test_add ("/draft-panel/clause-drop", Fixture, NULL,
              fixture_set_up, test_clause_drop, fixture_tear_down);
  g_test_add ("/draft-panel/reasons-on-expand", Fixture, NULL,
              fixture_set_up, test_reasons_on_expand, fixture_tear_down);
  g_test_add_func ("/draft-panel/session-switch", test_session_switch);
  return g_test_run ();
}
