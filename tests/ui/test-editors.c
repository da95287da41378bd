/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editors.c: the actor, issue and variant editors, driven through their widgets */

#include "config.h"

#include <adwaita.h>

#include "model/zopa-scenario-file.h"
#include "ui/zopa-actor-editor.h"
#include "ui/zopa-editor-sidebar-row.h"
#include "ui/zopa-issue-editor.h"
#include "ui/zopa-option-row.h"
#include "ui/zopa-range-control.h"
#include "ui/zopa-utility-row.h"
#include "ui/zopa-variant-editor.h"

#include "zopa-ui-test.h"

/* Widgets */

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The row titled title, e.g. "Reservation". */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = zopa_ui_test_find_widget (root, match_row_title, title);

  g_assert_nonnull (row);
  return row;
}

typedef struct {
  const char *issue_id;
  const char *option_id;
} OptionWidget;

static gboolean
match_utility_row (GtkWidget     *widget,
                   gconstpointer  data)
{
  const OptionWidget *wanted = data;

  return ZOPA_IS_UTILITY_ROW (widget)
         && g_strcmp0 (zopa_issue_get_id (zopa_utility_row_get_issue (ZOPA_UTILITY_ROW (widget))), wanted->issue_id) == 0
         && g_strcmp0 (zopa_option_get_id (zopa_utility_row_get_item (ZOPA_UTILITY_ROW (widget))), wanted->option_id) == 0;
}

/* The acceptability choice or utility spin ("from") of the actor editor for one option. */
static GtkWidget *
find_option_widget (GtkWidget  *root,
                    GType       type,
                    const char *issue_id,
                    const char *option_id)
{
  OptionWidget wanted = { issue_id, option_id };
  GtkWidget *row = zopa_ui_test_find_widget (root, match_utility_row, &wanted);

  g_assert_nonnull (row);
  if (type == ZOPA_TYPE_ACCEPTABILITY_CHOICE)
    return GTK_WIDGET (zopa_utility_row_get_choice (ZOPA_UTILITY_ROW (row)));
  g_assert_true (type == GTK_TYPE_SPIN_BUTTON);
  return GTK_WIDGET (zopa_range_control_get_from_spin (zopa_utility_row_get_utility (ZOPA_UTILITY_ROW (row))));
}

static gboolean
match_option_row (GtkWidget     *widget,
                  gconstpointer  option_id)
{
  return ZOPA_IS_OPTION_ROW (widget)
         && g_strcmp0 (zopa_option_get_id (zopa_option_row_get_item (ZOPA_OPTION_ROW (widget))), option_id) == 0;
}

/* A named part of an option row: "option-up", "option-down", "option-delete", ... */
static GtkWidget *
option_row_part (GtkWidget  *row,
                 const char *name)
{
  GtkWidget *part = zopa_ui_test_find_named (row, name);

  g_assert_nonnull (part);
  return part;
}

/* The issue editor's row of an option. */
static GtkWidget *
find_option_row (GtkWidget  *root,
                 const char *option_id)
{
  GtkWidget *row = zopa_ui_test_find_widget (root, match_option_row, option_id);

  g_assert_nonnull (row);
  return row;
}

static gboolean
match_label_containing (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* Whether a confirmation lists text among the references that go. */
static gboolean
dialog_lists (AdwMessageDialog *dialog,
              const char       *text)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);

  return list != NULL && zopa_ui_test_find_widget (list, match_label_containing, text) != NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  zopa_ui_test_drain_events ();
}

/* Answers a dialog with one of its buttons, which must be enabled; the dialog goes. */
static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *label)
{
  GtkWidget *button = zopa_ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  click (button);
  g_assert_null (zopa_ui_test_find_message_dialog ());
}

static void
activate (GtkWidget  *widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  zopa_ui_test_drain_events ();
}

static void
destroy_editor (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  zopa_ui_test_drain_events ();
  g_assert_null (window);
}

static char *
scenario_data (ZopaSession *session)
{
  gsize length;

  return zopa_scenario_to_data (zopa_session_get_scenario (session), &length);
}

/* Moscow's own acceptable-deal set, in the session's analysis. */
static double
deals_accepted_by (ZopaSession *session,
                   const char  *actor_id)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (session);

  for (guint i = 0; i < zopa_analysis_get_n_actors (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, i), actor_id) == 0)
      return zopa_analysis_get_region (analysis, 1u << i)->inclusive;
  g_assert_not_reached ();
}

/* The actor editor */

/* The built-in scenario with Moscow's contested assumptions pinned to single values (its
 * reservation at 80, the army caps red lines), as this test edits them one value at a time. */
static ZopaDocument *
builtin_with_plain_moscow (void)
{
  ZopaDocument *document = zopa_document_new_builtin ();
  ZopaActor *moscow = zopa_scenario_find_actor (zopa_document_get_scenario (document), "moscow");
  ZopaStance *army_cap = zopa_actor_find_stance (moscow, "army-cap");

  zopa_actor_set_reservation (moscow, 80);
  zopa_stance_set_maybe (army_cap, NULL);
  zopa_stance_set_acceptable (army_cap, (const char * const []) { "demilitarised", NULL });
  return document;
}

static void
test_actor_editor_reservation_and_stances (void)
{
  g_autoptr(ZopaDocument) document = builtin_with_plain_moscow ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  ZopaActor *moscow = zopa_scenario_find_actor (scenario, "moscow");
  ZopaStance *army_cap = zopa_actor_find_stance (moscow, "army-cap");
  g_autofree char *before = scenario_data (session);
  ZopaActorEditor *editor = zopa_actor_editor_show (NULL, session, "moscow");
  GtkWidget *root = GTK_WIDGET (editor);
  AdwActionRow *reservation_row;
  GtkSpinButton *reservation;
  ZopaAcceptabilityChoice *choice;
  GtkSpinButton *utility;
  GtkEditable *name_row;
  GtkEditable *id_row;
  double accepted_before = deals_accepted_by (session, "moscow");
  guint n_steps;
  g_autofree char *hint_before = NULL;
  g_autofree char *after_undo = NULL;

  zopa_ui_test_drain_events ();
  g_assert_true (zopa_actor_editor_get_actor (editor) == moscow);
  g_assert_true (zopa_actor_editor_show (NULL, session, "moscow") == editor);

  /* A lower reservation: Moscow alone accepts more deals, and the hint says so. */
  reservation_row = ADW_ACTION_ROW (find_row (root, "Reservation"));
  reservation = GTK_SPIN_BUTTON (zopa_ui_test_find_type (GTK_WIDGET (reservation_row), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (reservation), ==, 80);
  hint_before = g_strdup (adw_action_row_get_subtitle (reservation_row));
  g_assert_nonnull (strstr (hint_before, "accepts"));
  gtk_spin_button_set_value (reservation, 40);
  zopa_ui_test_drain_events ();
  g_assert_cmpint (zopa_actor_get_reservation (moscow), ==, 40);
  g_assert_cmpfloat (deals_accepted_by (session, "moscow"), >, accepted_before);
  g_assert_cmpstr (adw_action_row_get_subtitle (reservation_row), !=, hint_before);

  /* Undo from the editor puts it, the analysis and the widget back. */
  activate (root, "editor.undo");
  g_assert_cmpint (zopa_actor_get_reservation (moscow), ==, 80);
  g_assert_cmpfloat (deals_accepted_by (session, "moscow"), ==, accepted_before);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (reservation), ==, 80);
  g_assert_cmpstr (adw_action_row_get_subtitle (reservation_row), ==, hint_before);

  /* A red line lifted: Moscow accepts an army of 800,000; undo draws it again. */
  g_assert_false (zopa_stance_accepts_option (army_cap, "cap-800k"));
  choice = ZOPA_ACCEPTABILITY_CHOICE (find_option_widget (root, ZOPA_TYPE_ACCEPTABILITY_CHOICE, "army-cap", "cap-800k"));
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_RED_LINE);
  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_ACCEPTABLE), TRUE);
  zopa_ui_test_drain_events ();
  g_assert_true (zopa_stance_accepts_option (army_cap, "cap-800k"));
  g_assert_true (zopa_stance_accepts_option (army_cap, "demilitarised"));
  g_assert_false (zopa_stance_accepts_option (army_cap, "cap-600k"));
  activate (root, "editor.undo");
  g_assert_false (zopa_stance_accepts_option (army_cap, "cap-800k"));
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_RED_LINE);

  /* A utility, then a name typed: each is its own step. */
  utility = GTK_SPIN_BUTTON (find_option_widget (root, GTK_TYPE_SPIN_BUTTON, "army-cap", "no-cap"));
  gtk_spin_button_set_value (utility, 15);
  zopa_ui_test_drain_events ();
  g_assert_cmpint (zopa_stance_get_utility (army_cap, "no-cap"), ==, 15);
  zopa_history_break_merge (zopa_document_get_history (document));
  name_row = GTK_EDITABLE (find_row (root, "Name"));
  n_steps = zopa_history_get_n_undo_steps (zopa_document_get_history (document));
  /* Typing without a pause is one step. */
  gtk_editable_set_text (name_row, "The");
  gtk_editable_set_text (name_row, "The Kr");
  gtk_editable_set_text (name_row, "The Kremlin");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_actor_get_name (moscow), ==, "The Kremlin");
  g_assert_cmpuint (zopa_history_get_n_undo_steps (zopa_document_get_history (document)), ==, n_steps + 1);
  activate (root, "editor.undo");
  g_assert_cmpstr (zopa_actor_get_name (moscow), ==, "Moscow");
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, "Moscow");
  activate (root, "editor.undo");
  g_assert_cmpint (zopa_stance_get_utility (army_cap, "no-cap"), ==, 0);

  /* An id another actor has is shown as an error in place, and not applied. */
  id_row = GTK_EDITABLE (find_row (root, "Identifier"));
  gtk_editable_set_text (id_row, "kyiv");
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (id_row), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (id_row)));
  g_signal_emit_by_name (id_row, "apply");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_actor_get_id (moscow), ==, "moscow");
  gtk_editable_set_text (id_row, "moscow");
  zopa_ui_test_drain_events ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (id_row), "error"));

  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);
  destroy_editor (GTK_WINDOW (editor));
}

static void
test_actor_editor_add_and_remove (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  GListModel *actors = zopa_scenario_get_actors (scenario);
  ZopaActorEditor *editor = zopa_actor_editor_show (NULL, session, "moscow");
  GtkWidget *root = GTK_WIDGET (editor);
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  AdwMessageDialog *dialog;
  ZopaActor *added;

  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 4);

  /* Two more fit; a seventh is refused with a message that says why. */
  activate (root, "actor-editor.add");
  added = zopa_actor_editor_get_actor (editor);
  g_assert_cmpstr (zopa_actor_get_id (added), ==, "actor");
  g_assert_cmpstr (zopa_actor_get_name (added), ==, "New Actor");
  g_assert_true (zopa_scenario_find_actor (scenario, "actor") == added);
  g_assert_true (zopa_actor_editor_add_actor (editor));
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 6);
  g_assert_cmpstr (zopa_actor_get_id (zopa_actor_editor_get_actor (editor)), ==, "actor-2");
  g_assert_false (zopa_actor_editor_add_actor (editor));
  zopa_ui_test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 6);
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Too Many Actors");
  answer_dialog (dialog, "_Close");

  /* Undoing an addition takes the editor to an actor that is still there. */
  activate (root, "editor.undo");
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 5);
  g_assert_nonnull (zopa_actor_editor_get_actor (editor));
  g_assert_cmpstr (zopa_actor_get_id (zopa_actor_editor_get_actor (editor)), !=, "actor-2");
  activate (root, "editor.undo");
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 4);

  /* Removing Moscow names the variant changes that go with it; undo restores every byte. */
  before = scenario_data (session);
  zopa_actor_editor_select_actor (editor, "moscow");
  activate (root, "actor-editor.remove");
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Moscow”?");
  g_assert_true (dialog_lists (dialog, "A change in variant “Post-Putin leadership”"));
  answer_dialog (dialog, "_Remove");
  g_assert_null (zopa_scenario_find_actor (scenario, "moscow"));
  g_assert_nonnull (zopa_actor_editor_get_actor (editor));
  activate (root, "editor.undo");
  g_assert_nonnull (zopa_scenario_find_actor (scenario, "moscow"));
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);

  destroy_editor (GTK_WINDOW (editor));
}

static void
test_actor_editor_add_source (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  ZopaHistory *history = zopa_document_get_history (document);
  GListModel *sources = zopa_scenario_get_sources (scenario);
  guint n_sources = g_list_model_get_n_items (sources);
  ZopaActor *kyiv = zopa_scenario_find_actor (scenario, "kyiv");
  const char * const *cited = zopa_actor_get_sources (kyiv);
  guint n_cited = cited != NULL ? g_strv_length ((char **) cited) : 0;
  ZopaActorEditor *editor = zopa_actor_editor_show (NULL, session, "kyiv");
  GtkWidget *root = GTK_WIDGET (editor);
  g_autofree char *before = scenario_data (session);
  g_autofree char *after_undo = NULL;
  g_autoptr(ZopaSource) added = NULL;
  AdwMessageDialog *dialog;
  AdwExpanderRow *sources_row;

  zopa_ui_test_drain_events ();
  sources_row = ADW_EXPANDER_ROW (find_row (root, "Sources"));

  /* Cancelled: nothing changes. */
  click (zopa_ui_test_find_button (GTK_WIDGET (sources_row), "_Add Source…"));
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add Source");
  answer_dialog (dialog, "_Cancel");
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);

  /* A title is needed; the id is made from it, and Kyiv cites the new source. */
  click (zopa_ui_test_find_button (GTK_WIDGET (sources_row), "_Add Source…"));
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (zopa_ui_test_find_named (GTK_WIDGET (dialog), "source-title")), "Kyiv's Peace Formula");
  gtk_editable_set_text (GTK_EDITABLE (zopa_ui_test_find_named (GTK_WIDGET (dialog), "source-publisher")), "Office of the President");
  gtk_editable_set_text (GTK_EDITABLE (zopa_ui_test_find_named (GTK_WIDGET (dialog), "source-date")), "2022-11-15");
  gtk_editable_set_text (GTK_EDITABLE (zopa_ui_test_find_named (GTK_WIDGET (dialog), "source-url")), "https://example.org/formula");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  answer_dialog (dialog, "_Add");

  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources + 1);
  added = g_list_model_get_item (sources, n_sources);
  g_assert_cmpstr (zopa_source_get_id (added), ==, "kyiv-s-peace-formula");
  g_assert_cmpstr (zopa_source_get_title (added), ==, "Kyiv's Peace Formula");
  g_assert_cmpstr (zopa_source_get_publisher (added), ==, "Office of the President");
  g_assert_cmpstr (zopa_source_get_date (added), ==, "2022-11-15");
  g_assert_cmpstr (zopa_source_get_url (added), ==, "https://example.org/formula");
  cited = zopa_actor_get_sources (kyiv);
  g_assert_cmpuint (g_strv_length ((char **) cited), ==, n_cited + 1);
  g_assert_cmpstr (cited[n_cited], ==, "kyiv-s-peace-formula");
  /* The editor lists it, checked. */
  {
    GtkWidget *check = zopa_ui_test_find_type (find_row (GTK_WIDGET (sources_row), "Kyiv's Peace Formula"),
                                               GTK_TYPE_CHECK_BUTTON);

    g_assert_nonnull (check);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  }

  /* A second source of the same title gets a free id. */
  click (zopa_ui_test_find_button (GTK_WIDGET (sources_row), "_Add Source…"));
  dialog = zopa_ui_test_find_message_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (zopa_ui_test_find_named (GTK_WIDGET (dialog), "source-title")), "Kyiv's Peace Formula");
  answer_dialog (dialog, "_Add");
  g_assert_nonnull (zopa_scenario_find_source (scenario, "kyiv-s-peace-formula-2"));

  /* Each addition is one step, "Add Source"; undone, the file is as it was. */
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Add Source");
  activate (root, "editor.undo");
  g_assert_null (zopa_scenario_find_source (scenario, "kyiv-s-peace-formula-2"));
  g_assert_cmpuint (g_strv_length ((char **) zopa_actor_get_sources (kyiv)), ==, n_cited + 1);
  activate (root, "editor.undo");
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);
  cited = zopa_actor_get_sources (kyiv);
  g_assert_cmpuint (cited != NULL ? g_strv_length ((char **) cited) : 0, ==, n_cited);
  g_assert_false (zopa_history_get_can_undo (history));
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);
  destroy_editor (GTK_WINDOW (editor));
}

/* The issue editor */

/* The clauses that set issue_id to option_id, as "clause-id" strings. */
static GStrv
clauses_setting (ZopaScenario *scenario,
                 const char   *issue_id,
                 const char   *option_id)
{
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);
      GListModel *clauses = zopa_draft_get_clauses (draft);

      for (guint j = 0; j < g_list_model_get_n_items (clauses); j++)
        {
          g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, j);

          if (g_strcmp0 (zopa_clause_get_set_option (clause, issue_id), option_id) == 0)
            g_strv_builder_add (builder, zopa_clause_get_id (clause));
        }
    }
  return g_strv_builder_end (builder);
}

static void
test_issue_editor_options (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  ZopaIssue *army_cap = zopa_scenario_find_issue (scenario, "army-cap");
  ZopaIssueEditor *editor = zopa_issue_editor_show (NULL, session, "army-cap");
  GtkWidget *root = GTK_WIDGET (editor);
  g_auto(GStrv) setting_800k = clauses_setting (scenario, "army-cap", "cap-800k");
  g_auto(GStrv) setting_600k = clauses_setting (scenario, "army-cap", "cap-600k");
  g_auto(GStrv) renamed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  GtkWidget *row, *id_button, *popover, *entry, *rename;
  AdwMessageDialog *dialog;

  zopa_ui_test_drain_events ();
  g_assert_true (zopa_issue_editor_get_issue (editor) == army_cap);
  g_assert_cmpuint (g_strv_length (setting_800k), >, 0);
  g_assert_cmpuint (g_strv_length (setting_600k), >, 0);

  /* Renaming an option's id: a taken id is refused in place, a free one is followed by
   * every clause that set the old one. */
  row = find_option_row (root, "cap-800k");
  id_button = option_row_part (row, "option-id-button");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (id_button)))), ==, "cap-800k");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (id_button)));
  entry = option_row_part (popover, "option-id-entry");
  rename = option_row_part (popover, "option-rename");
  gtk_menu_button_popup (GTK_MENU_BUTTON (id_button));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "cap-800k");
  gtk_editable_set_text (GTK_EDITABLE (entry), "no-cap");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_sensitive (rename));
  gtk_editable_set_text (GTK_EDITABLE (entry), "cap-800k-peacetime");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_signal_emit_by_name (entry, "activate");
  zopa_ui_test_drain_events ();
  g_assert_cmpint (zopa_issue_find_option (army_cap, "cap-800k"), ==, -1);
  g_assert_cmpint (zopa_issue_find_option (army_cap, "cap-800k-peacetime"), ==, 1);
  renamed = clauses_setting (scenario, "army-cap", "cap-800k-peacetime");
  g_assert_true (g_strv_equal ((const char * const *) renamed, (const char * const *) setting_800k));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (id_button)))), ==, "cap-800k-peacetime");
  activate (root, "editor.undo");
  g_assert_cmpint (zopa_issue_find_option (army_cap, "cap-800k"), ==, 1);

  /* Deleting an option that clauses set: the dialog lists them first, the deletion is
   * one step, and undo gives back the very same scenario. */
  before = scenario_data (session);
  row = find_option_row (root, "cap-600k");
  click (option_row_part (row, "option-delete"));
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Option “Capped at 600,000”?");
  g_assert_true (dialog_lists (dialog, "sets this option"));
  g_assert_true (dialog_lists (dialog, "The utilities of Moscow"));
  answer_dialog (dialog, "_Cancel");
  g_assert_cmpint (zopa_issue_find_option (army_cap, "cap-600k"), ==, 2);

  click (option_row_part (find_option_row (root, "cap-600k"), "option-delete"));
  answer_dialog (zopa_ui_test_find_message_dialog (), "_Delete");
  g_assert_cmpint (zopa_issue_find_option (army_cap, "cap-600k"), ==, -1);
  g_assert_cmpuint (zopa_issue_get_n_options (army_cap), ==, 3);
  {
    g_auto(GStrv) left = clauses_setting (scenario, "army-cap", "cap-600k");
    g_assert_cmpuint (g_strv_length (left), ==, 0);
  }
  activate (root, "editor.undo");
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);

  /* Reorder, relabel and add, each undone. */
  click (option_row_part (find_option_row (root, "no-cap"), "option-down"));
  g_assert_cmpint (zopa_issue_find_option (army_cap, "no-cap"), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (option_row_part (find_option_row (root, "cap-800k"), "option-up")));
  activate (root, "editor.undo");
  g_assert_cmpint (zopa_issue_find_option (army_cap, "no-cap"), ==, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (option_row_part (find_option_row (root, "no-cap"), "option-title"))),
                            "No ceiling at all", -1);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_option_get_label (zopa_issue_get_option (army_cap, 0)), ==, "No ceiling at all");
  activate (root, "editor.undo");
  g_assert_cmpstr (zopa_option_get_label (zopa_issue_get_option (army_cap, 0)), ==, "No limit");

  activate (root, "issue-editor.add-option");
  g_assert_cmpuint (zopa_issue_get_n_options (army_cap), ==, 5);
  g_assert_cmpint (zopa_issue_find_option (army_cap, "option"), ==, 4);
  /* Ready for typing the new option's title. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor))
                 == option_row_part (find_option_row (root, "option"), "option-title"));
  activate (root, "editor.undo");
  g_assert_cmpuint (zopa_issue_get_n_options (army_cap), ==, 4);

  g_free (after_undo);
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);
  destroy_editor (GTK_WINDOW (editor));
}

static void
test_issue_editor_add_and_delete_issue (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  ZopaIssueEditor *editor = zopa_issue_editor_show (NULL, session, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  guint n_issues = g_list_model_get_n_items (issues);
  double deal_space = zopa_analysis_get_deal_space (zopa_session_get_analysis (session));
  g_autofree char *before = scenario_data (session);
  g_autofree char *after_undo = NULL;
  AdwMessageDialog *dialog;
  ZopaIssue *added;

  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_issue_get_id (zopa_issue_editor_get_issue (editor)), ==, "territory");

  /* A new issue with two options doubles the deal space. */
  activate (root, "issue-editor.add");
  added = zopa_issue_editor_get_issue (editor);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, n_issues + 1);
  g_assert_cmpstr (zopa_issue_get_id (added), ==, "issue");
  g_assert_cmpuint (zopa_issue_get_n_options (added), ==, 2);
  g_assert_cmpfloat (zopa_analysis_get_deal_space (zopa_session_get_analysis (session)), ==, 2 * deal_space);
  gtk_editable_set_text (GTK_EDITABLE (find_row (root, "Title")), "Black Sea shipping");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_issue_get_title (added), ==, "Black Sea shipping");

  /* Deleting the territory issue lists the stances and clauses that go with it. */
  zopa_issue_editor_select_issue (editor, "territory");
  activate (root, "issue-editor.delete");
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (dialog_lists (dialog, "The stance of Kyiv on this issue"));
  g_assert_true (dialog_lists (dialog, "sets this issue"));
  answer_dialog (dialog, "_Delete");
  g_assert_null (zopa_scenario_find_issue (scenario, "territory"));
  g_assert_nonnull (zopa_issue_editor_get_issue (editor));

  activate (root, "editor.undo");
  activate (root, "editor.undo");
  activate (root, "editor.undo");
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);
  destroy_editor (GTK_WINDOW (editor));
}

static guint
issue_index (ZopaScenario *scenario,
             const char   *issue_id)
{
  GListModel *issues = zopa_scenario_get_issues (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);

      if (g_strcmp0 (zopa_issue_get_id (issue), issue_id) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static gboolean
match_tooltip (GtkWidget     *widget,
               gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
test_issue_editor_reorder_issues (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  guint n_issues = g_list_model_get_n_items (issues);
  ZopaIssueEditor *editor = zopa_issue_editor_show (NULL, session, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  g_autofree char *before = scenario_data (session);
  g_autofree char *after_undo = NULL;
  GtkWidget *up, *down;
  g_autoptr(ZopaIssue) last = g_list_model_get_item (issues, n_issues - 1);

  zopa_ui_test_drain_events ();
  g_assert_cmpuint (n_issues, >=, 3);
  g_assert_cmpuint (issue_index (scenario, "territory"), ==, 0);
  up = zopa_ui_test_find_widget (root, match_tooltip, "Move Issue Up");
  down = zopa_ui_test_find_widget (root, match_tooltip, "Move Issue Down");
  g_assert_nonnull (up);
  g_assert_nonnull (down);

  /* The first issue cannot go up; down it goes, and stays the one edited and selected. */
  g_assert_false (gtk_widget_is_sensitive (up));
  click (down);
  g_assert_cmpuint (issue_index (scenario, "territory"), ==, 1);
  g_assert_cmpstr (zopa_issue_get_id (zopa_issue_editor_get_issue (editor)), ==, "territory");
  g_assert_true (gtk_widget_is_sensitive (up));
  {
    /* The sidebar's list is on the leaflet's first page. */
    AdwLeaflet *leaflet = ADW_LEAFLET (zopa_ui_test_find_named (root, "editor-leaflet"));
    g_autoptr(GtkSelectionModel) pages = adw_leaflet_get_pages (leaflet);
    g_autoptr(AdwLeafletPage) first = g_list_model_get_item (G_LIST_MODEL (pages), 0);
    GtkListBox *list = GTK_LIST_BOX (zopa_ui_test_find_type (adw_leaflet_page_get_child (first), GTK_TYPE_LIST_BOX));
    GtkListBoxRow *selected = gtk_list_box_get_selected_row (list);

    g_assert_nonnull (selected);
    g_assert_cmpint (gtk_list_box_row_get_index (selected), ==, 1);
    g_assert_true (zopa_editor_sidebar_row_get_item (ZOPA_EDITOR_SIDEBAR_ROW (selected)) == zopa_issue_editor_get_issue (editor));
  }
  click (down);
  g_assert_cmpuint (issue_index (scenario, "territory"), ==, 2);
  click (up);
  g_assert_cmpuint (issue_index (scenario, "territory"), ==, 1);

  /* The last issue cannot go down. */
  zopa_issue_editor_select_issue (editor, zopa_issue_get_id (last));
  zopa_ui_test_drain_events ();
  g_assert_false (gtk_widget_is_sensitive (down));
  g_assert_true (gtk_widget_is_sensitive (up));

  /* Each move is one step; undoing one keeps the moved issue in the editor, and undone,
   * the file is as it was. */
  zopa_issue_editor_select_issue (editor, "territory");
  zopa_ui_test_drain_events ();
  activate (root, "editor.undo");
  g_assert_cmpuint (issue_index (scenario, "territory"), ==, 2);
  g_assert_cmpstr (zopa_issue_get_id (zopa_issue_editor_get_issue (editor)), ==, "territory");
  activate (root, "editor.undo");
  activate (root, "editor.undo");
  g_assert_cmpuint (issue_index (scenario, "territory"), ==, 0);
  g_assert_false (zopa_history_get_can_undo (zopa_document_get_history (document)));
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);
  destroy_editor (GTK_WINDOW (editor));
}

/* The variant editor */

static ZopaVariantChange *
last_change (ZopaVariant *variant)
{
  GListModel *changes = zopa_variant_get_changes (variant);
  g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, g_list_model_get_n_items (changes) - 1);

  return change;
}

static void
test_variant_editor (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaScenario *scenario = zopa_session_get_scenario (session);
  ZopaVariantEditor *editor = zopa_variant_editor_show (NULL, session, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  g_autofree char *before = scenario_data (session);
  g_autofree char *after_undo = NULL;
  ZopaVariant *variant;
  ZopaVariantChange *change;
  GtkWidget *change_row;
  GtkWidget *show_button;
  AdwMessageDialog *dialog;
  const char * const *acceptable;

  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_variant_get_id (zopa_variant_editor_get_variant (editor)), ==, "post-putin");

  /* A new variant, with a change of Washington's reservation. */
  activate (root, "variant-editor.add");
  variant = zopa_variant_editor_get_variant (editor);
  g_assert_true (zopa_scenario_find_variant (scenario, "variant") == variant);
  gtk_editable_set_text (GTK_EDITABLE (find_row (root, "Title")), "Sanctions fatigue");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_variant_get_title (variant), ==, "Sanctions fatigue");

  activate (root, "variant-editor.add-change");
  g_assert_cmpuint (g_list_model_get_n_items (zopa_variant_get_changes (variant)), ==, 1);
  change = last_change (variant);
  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "washington");
  g_assert_true (zopa_variant_change_has_reservation (change));
  change_row = zopa_ui_test_find_type (GTK_WIDGET (find_row (root, "Washington · Reservation")), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (change_row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (change_row)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zopa_ui_test_find_type (find_row (change_row, "Reservation"), GTK_TYPE_SPIN_BUTTON)), 35);
  zopa_ui_test_drain_events ();
  g_assert_cmpint (zopa_variant_change_get_reservation (change), ==, 35);

  /* Turned into Moscow's stance on the army cap, with one more option acceptable. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (change_row, "Actor")), 2);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_variant_change_get_actor (change), ==, "moscow");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (change_row, "Applies To")), 3);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_variant_change_get_issue (change), ==, "army-cap");
  g_assert_false (zopa_variant_change_has_reservation (change));
  acceptable = zopa_variant_change_get_acceptable (change);
  g_assert_nonnull (acceptable);
  g_assert_false (g_strv_contains (acceptable, "cap-800k"));
  change_row = zopa_ui_test_find_type (GTK_WIDGET (find_row (root, "Moscow · Size of Ukraine's armed forces")), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (change_row);
  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (
                                  ZOPA_ACCEPTABILITY_CHOICE (zopa_ui_test_find_type (find_row (change_row, "Capped at 800,000 in peacetime"),
                                                                                     ZOPA_TYPE_ACCEPTABILITY_CHOICE)),
                                  ZOPA_ACCEPTABILITY_ACCEPTABLE), TRUE);
  zopa_ui_test_drain_events ();
  acceptable = zopa_variant_change_get_acceptable (change);
  g_assert_cmpuint (g_strv_length ((char **) acceptable), ==, 2);
  g_assert_cmpstr (acceptable[0], ==, "cap-800k");
  g_assert_cmpstr (acceptable[1], ==, "demilitarised");

  /* The weight switch adds a weight, the last replacement left cannot be switched off. */
  gtk_switch_set_active (GTK_SWITCH (zopa_ui_test_find_type (find_row (change_row, "Weight"), GTK_TYPE_SWITCH)), TRUE);
  zopa_ui_test_drain_events ();
  g_assert_true (zopa_variant_change_has_weight (change));
  gtk_switch_set_active (GTK_SWITCH (zopa_ui_test_find_type (find_row (change_row, "Weight"), GTK_TYPE_SWITCH)), FALSE);
  zopa_ui_test_drain_events ();
  g_assert_false (zopa_variant_change_has_weight (change));
  gtk_switch_set_active (GTK_SWITCH (zopa_ui_test_find_type (find_row (change_row, "Red Lines"), GTK_TYPE_SWITCH)), FALSE);
  zopa_ui_test_drain_events ();
  g_assert_nonnull (zopa_variant_change_get_acceptable (change));

  /* Shown on the diagram: the analysis is of the variant. */
  show_button = zopa_ui_test_find_button (root, "_Show This Variant");
  g_assert_nonnull (show_button);
  click (show_button);
  g_assert_cmpstr (zopa_session_get_variant (session), ==, "variant");
  g_assert_cmpstr (zopa_analysis_get_variant_id (zopa_session_get_analysis (session)), ==, "variant");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (show_button)), ==, "Show _Base Scenario");

  /* Deleted: the diagram goes back to the base scenario; undo brings the variant back. */
  activate (root, "variant-editor.delete");
  dialog = zopa_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Variant “Sanctions fatigue”?");
  answer_dialog (dialog, "_Delete");
  g_assert_null (zopa_scenario_find_variant (scenario, "variant"));
  g_assert_null (zopa_session_get_variant (session));
  g_assert_nonnull (zopa_variant_editor_get_variant (editor));
  activate (root, "editor.undo");
  g_assert_true (zopa_scenario_find_variant (scenario, "variant") == variant);

  /* Everything undone, the file is as it was. */
  while (zopa_history_get_can_undo (zopa_document_get_history (document)))
    activate (root, "editor.undo");
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_nonnull (zopa_variant_editor_get_variant (editor));
  destroy_editor (GTK_WINDOW (editor));
}

/* The change row at position nth, and the button in it with tooltip. */
static GtkWidget *
change_button (GtkWidget  *root,
               guint       nth,
               const char *tooltip)
{
  GtkWidget *row = zopa_ui_test_find_nth_type (root, ADW_TYPE_EXPANDER_ROW, nth);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = zopa_ui_test_find_widget (row, match_tooltip, tooltip);
  g_assert_nonnull (button);
  return button;
}

static void
test_variant_editor_reorder_changes (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaVariantEditor *editor = zopa_variant_editor_show (NULL, session, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  g_autofree char *before = scenario_data (session);
  g_autofree char *after_undo = NULL;
  ZopaVariantChange *first, *second;
  GListModel *changes;
  ZopaVariant *variant;
  double strict, lenient;

  zopa_ui_test_drain_events ();
  activate (root, "variant-editor.add");
  variant = zopa_variant_editor_get_variant (editor);
  changes = zopa_variant_get_changes (variant);
  click (zopa_ui_test_find_button (root, "_Show This Variant"));

  /* Two changes of Washington's reservation: the later one wins. */
  activate (root, "variant-editor.add-change");
  activate (root, "variant-editor.add-change");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  first = g_list_model_get_item (changes, 0);
  second = g_list_model_get_item (changes, 1);
  g_object_unref (first);
  g_object_unref (second);
  g_assert_cmpstr (zopa_variant_change_get_actor (first), ==, "washington");
  g_assert_cmpstr (zopa_variant_change_get_actor (second), ==, "washington");
  g_assert_true (zopa_variant_change_has_reservation (second));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zopa_ui_test_find_type (zopa_ui_test_find_nth_type (root, ADW_TYPE_EXPANDER_ROW, 0),
                                                                      GTK_TYPE_SPIN_BUTTON)), 10);
  zopa_ui_test_drain_events ();
  zopa_history_break_merge (zopa_document_get_history (document));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zopa_ui_test_find_type (zopa_ui_test_find_nth_type (root, ADW_TYPE_EXPANDER_ROW, 1),
                                                                      GTK_TYPE_SPIN_BUTTON)), 95);
  zopa_ui_test_drain_events ();
  zopa_history_break_merge (zopa_document_get_history (document));
  g_assert_cmpint (zopa_variant_change_get_reservation (first), ==, 10);
  g_assert_cmpint (zopa_variant_change_get_reservation (second), ==, 95);
  strict = deals_accepted_by (session, "washington");

  /* The first cannot go up nor the last down; moved down, the lenient change applies last. */
  g_assert_false (gtk_widget_get_sensitive (change_button (root, 0, "Move Up")));
  g_assert_false (gtk_widget_get_sensitive (change_button (root, 1, "Move Down")));
  click (change_button (root, 0, "Move Down"));
  g_assert_true (g_list_model_get_item (changes, 0) == (gpointer) second);
  g_object_unref (second);
  lenient = deals_accepted_by (session, "washington");
  g_assert_cmpfloat (lenient, >, strict);
  g_assert_false (gtk_widget_get_sensitive (change_button (root, 0, "Move Up")));
  g_assert_true (gtk_widget_get_sensitive (change_button (root, 1, "Move Up")));

  /* One step: undone, the strict change wins again; moved back up from below. */
  activate (root, "editor.undo");
  g_assert_true (g_list_model_get_item (changes, 0) == (gpointer) first);
  g_object_unref (first);
  g_assert_cmpfloat (deals_accepted_by (session, "washington"), ==, strict);
  click (change_button (root, 1, "Move Up"));
  g_assert_true (g_list_model_get_item (changes, 1) == (gpointer) first);
  g_object_unref (first);
  g_assert_cmpfloat (deals_accepted_by (session, "washington"), ==, lenient);

  while (zopa_history_get_can_undo (zopa_document_get_history (document)))
    activate (root, "editor.undo");
  after_undo = scenario_data (session);
  g_assert_cmpstr (after_undo, ==, before);
  destroy_editor (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/editors/actor/reservation-and-stances", test_actor_editor_reservation_and_stances);
  g_test_add_func ("/editors/actor/add-and-remove", test_actor_editor_add_and_remove);
  g_test_add_func ("/editors/actor/add-source", test_actor_editor_add_source);
  g_test_add_func ("/editors/issue/options", test_issue_editor_options);
  g_test_add_func ("/editors/issue/add-and-delete", test_issue_editor_add_and_delete_issue);
  g_test_add_func ("/editors/issue/reorder-issues", test_issue_editor_reorder_issues);
  g_test_add_func ("/editors/variant", test_variant_editor);
  g_test_add_func ("/editors/variant/reorder-changes", test_variant_editor_reorder_changes);
  return g_test_run ();
}
