/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c: ZopaSession — the view and mode properties and the window's property
 * actions over them, the shown actors and drafts, the variant, the document swap of a
 * window, and the busy state while a large scenario is solved on a worker thread. */

#include "config.h"

#include <adwaita.h>

#include "model/zopa-edit.h"
#include "model/zopa-scenario-file.h"
#include "ui/zopa-diagram-area.h"
#include "ui/zopa-pair-chooser.h"
#include "ui/zopa-session.h"
#include "ui/zopa-window.h"

#include "hard-scenarios.h"
#include "zopa-ui-test.h"

static ZopaApplication *app;

/* Large enough to be solved on a worker thread (see zopa_session_analysis_is_small()). */
static const HardShape large_shape = { "3x64x32", 3, 64, 32, 0.6, 1, 40, 70 };

typedef struct {
  guint count;
} Counter;

/* Connected swapped to "notify" and "shown-changed": the signals' own arguments follow
 * the counter and are not needed (as with g_signal_connect_swapped on g_object_unref). */
static void
count_call (Counter *counter)
{
  counter->count++;
}

static void
test_view_and_mode (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  g_autoptr(GPropertyAction) view_action = g_property_action_new ("view", session, "view");
  g_autoptr(GVariant) state = NULL;
  Counter view_notes = { 0 }, mode_notes = { 0 };

  g_assert_cmpint (zopa_session_get_view (session), ==, ZOPA_DIAGRAM_VIEW_VENN);
  g_assert_cmpint (zopa_session_get_mode (session), ==, ZOPA_DIAGRAM_MODE_SCHEMATIC);
  g_signal_connect_swapped (session, "notify::view", G_CALLBACK (count_call), &view_notes);
  g_signal_connect_swapped (session, "notify::mode", G_CALLBACK (count_call), &mode_notes);

  /* Setting the value it has is not a change. */
  zopa_session_set_view (session, ZOPA_DIAGRAM_VIEW_VENN);
  g_object_set (session, "mode", ZOPA_DIAGRAM_MODE_SCHEMATIC, NULL);
  g_assert_cmpuint (view_notes.count, ==, 0);
  g_assert_cmpuint (mode_notes.count, ==, 0);

  g_object_set (session, "mode", ZOPA_DIAGRAM_MODE_PROPORTIONAL, NULL);
  g_assert_cmpint (zopa_session_get_mode (session), ==, ZOPA_DIAGRAM_MODE_PROPORTIONAL);
  g_assert_cmpuint (mode_notes.count, ==, 1);

  /* The property action names the values by their nicks, both ways. */
  state = g_action_get_state (G_ACTION (view_action));
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "venn");
  g_action_change_state (G_ACTION (view_action), g_variant_new_string ("issue-map"));
  g_assert_cmpint (zopa_session_get_view (session), ==, ZOPA_DIAGRAM_VIEW_ISSUE_MAP);
  g_assert_cmpuint (view_notes.count, ==, 1);
  zopa_session_set_view (session, ZOPA_DIAGRAM_VIEW_VENN);
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_get_state (G_ACTION (view_action));
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "venn");
  g_assert_cmpuint (view_notes.count, ==, 2);
}

static void
test_shown_actors_and_drafts (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  GListModel *actors = zopa_scenario_get_actors (zopa_document_get_scenario (document));
  GListModel *drafts = zopa_scenario_get_drafts (zopa_document_get_scenario (document));
  g_auto(GStrv) shown = zopa_session_dup_shown_actors (session);
  g_auto(GStrv) shown_drafts = NULL;
  g_autoptr(ZopaDraft) first_draft = NULL;
  Counter shown_changes = { 0 }, analyses = { 0 };
  guint n_shown = g_strv_length (shown);

  g_assert_cmpuint (g_list_model_get_n_items (actors), >=, 2);
  g_assert_cmpuint (n_shown, ==, MIN (g_list_model_get_n_items (actors), ZOPA_MAX_ACTORS));
  g_assert_nonnull (zopa_session_get_analysis (session));
  g_signal_connect_swapped (session, "shown-changed", G_CALLBACK (count_call), &shown_changes);
  g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (count_call), &analyses);

  /* Hiding all but one actor: each step is a change with a new analysis; the last is kept. */
  for (guint i = 1; i < n_shown; i++)
    g_assert_true (zopa_session_set_actor_shown (session, shown[i], FALSE));
  g_assert_cmpuint (shown_changes.count, ==, n_shown - 1);
  g_assert_cmpuint (analyses.count, ==, n_shown - 1);
  g_assert_false (zopa_session_set_actor_shown (session, shown[0], FALSE));
  g_assert_true (zopa_session_get_actor_shown (session, shown[0]));
  g_assert_false (zopa_session_get_actor_shown (session, shown[1]));
  {
    g_auto(GStrv) now_shown = zopa_session_dup_shown_actors (session);

    g_assert_cmpuint (g_strv_length (now_shown), ==, 1);
    g_assert_cmpstr (now_shown[0], ==, shown[0]);
  }

  /* A hidden draft leaves the diagram options; the selection is separate. */
  g_assert_cmpuint (g_list_model_get_n_items (drafts), >=, 1);
  first_draft = g_list_model_get_item (drafts, 0);
  zopa_session_set_selected_draft (session, zopa_draft_get_id (first_draft));
  g_assert_cmpstr (zopa_session_get_selected_draft (session), ==, zopa_draft_get_id (first_draft));
  zopa_session_set_draft_shown (session, zopa_draft_get_id (first_draft), FALSE);
  g_assert_false (zopa_session_get_draft_shown (session, zopa_draft_get_id (first_draft)));
  shown_drafts = zopa_session_dup_shown_drafts (session);
  g_assert_false (g_strv_contains ((const char * const *) shown_drafts, zopa_draft_get_id (first_draft)));
  g_assert_cmpuint (g_strv_length (shown_drafts), ==, g_list_model_get_n_items (drafts) - 1);
}

static gboolean
variant_forgotten (gpointer data)
{
  return zopa_session_get_variant (ZOPA_SESSION (data)) == NULL;
}

static void
test_variant_follows_the_document (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  ZopaHistory *history = zopa_document_get_history (document);
  GListModel *variants = zopa_scenario_get_variants (zopa_document_get_scenario (document));
  g_autoptr(ZopaVariant) variant = NULL;
  ZopaAnalysis *base_analysis;
  Counter variant_notes = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (variants), >=, 1);
  variant = g_list_model_get_item (variants, 0);
  g_signal_connect_swapped (session, "notify::variant", G_CALLBACK (count_call), &variant_notes);

  base_analysis = zopa_session_get_analysis (session);
  zopa_session_set_variant (session, zopa_variant_get_id (variant));
  g_assert_cmpstr (zopa_session_get_variant (session), ==, zopa_variant_get_id (variant));
  g_assert_cmpuint (variant_notes.count, ==, 1);
  g_assert_true (zopa_session_get_analysis (session) != base_analysis);

  /* A rename keeps the choice: the session holds the object, not its id. */
  g_assert_true (zopa_edit_rename (history, variant, "renamed-variant", NULL));
  g_assert_cmpstr (zopa_session_get_variant (session), ==, "renamed-variant");

  /* Deleted, it is forgotten once the edit is over, and the base scenario is shown. */
  g_assert_true (zopa_edit_delete (history, variant));
  zopa_ui_test_wait_for (variant_forgotten, session);
  g_assert_cmpuint (variant_notes.count, ==, 2);
  g_assert_nonnull (zopa_session_get_analysis (session));
}

static gboolean
session_idle (gpointer data)
{
  return !zopa_session_get_busy (ZOPA_SESSION (data));
}

static void
test_busy_while_solving (void)
{
  g_autoptr(ZopaScenario) scenario = hard_scenario_generate (&large_shape, 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ZopaDocument) document = NULL;
  g_autoptr(ZopaSession) session = NULL;
  g_auto(GStrv) shown = NULL;
  Counter busy_notes = { 0 }, analyses = { 0 };
  gsize length;

  contents = zopa_scenario_to_data (scenario, &length);
  file = zopa_ui_test_write_temp_file ("large.zopa.json", contents, length);
  document = zopa_document_new_from_file (file, &error);
  g_assert_no_error (error);

  /* The first analysis is not ready when the session is made: busy, no analysis. */
  session = zopa_session_new (document);
  g_assert_true (zopa_session_get_busy (session));
  g_assert_null (zopa_session_get_analysis (session));
  g_signal_connect_swapped (session, "notify::busy", G_CALLBACK (count_call), &busy_notes);
  g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (count_call), &analyses);

  zopa_ui_test_wait_for (session_idle, session);
  g_assert_nonnull (zopa_session_get_analysis (session));
  g_assert_false (zopa_session_get_working (session));
  g_assert_cmpuint (busy_notes.count, ==, 1);
  g_assert_cmpuint (analyses.count, ==, 1);

  /* A change while solving supersedes the solve under way: one analysis comes back, for
   * the actors shown last. */
  shown = zopa_session_dup_shown_actors (session);
  g_assert_cmpuint (g_strv_length (shown), >=, 3);
  g_assert_true (zopa_session_set_actor_shown (session, shown[2], FALSE));
  g_assert_true (zopa_session_get_busy (session));
  g_assert_true (zopa_session_set_actor_shown (session, shown[1], FALSE));
  g_assert_true (zopa_session_get_busy (session));
  busy_notes.count = analyses.count = 0;
  zopa_ui_test_wait_for (session_idle, session);
  g_assert_nonnull (zopa_session_get_analysis (session));
  g_assert_cmpuint (zopa_analysis_get_n_actors (zopa_session_get_analysis (session)), ==, 1);
  g_assert_cmpuint (busy_notes.count, ==, 1);
  g_assert_cmpuint (analyses.count, ==, 1);

  g_clear_object (&session);
  zopa_ui_test_remove_temp_file (file);
}

static gboolean
is_active (GtkWidget  *window,
           const char *label)
{
  GtkWidget *button = zopa_ui_test_find_button (window, label);

  g_assert_nonnull (button);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

/* The view buttons act on the window's session through the "diagram.view" property
 * action; the mode buttons are sensitive only in the Venn view (a binding on the session). */
static void
test_window_swaps_its_document (void)
{
  g_autoptr(ZopaDocument) other = zopa_document_new_builtin ();
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  GtkWidget *root = GTK_WIDGET (window);
  ZopaDocument *first;
  gsize length;

  zopa_scenario_set_title (zopa_document_get_scenario (other), "Second Round");
  contents = zopa_scenario_to_data (zopa_document_get_scenario (other), &length);
  file = zopa_ui_test_write_temp_file ("second-round.zopa.json", contents, length);

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  first = zopa_window_get_document (window);
  g_assert_true (is_active (root, "Venn"));
  g_assert_true (gtk_widget_is_sensitive (zopa_ui_test_find_button (root, "Schematic")));

  g_assert_true (gtk_widget_activate_action (root, "diagram.view", "s", "issue-map"));
  zopa_ui_test_drain_events ();
  g_assert_true (is_active (root, "Issue Map"));
  g_assert_false (is_active (root, "Venn"));
  g_assert_false (gtk_widget_is_sensitive (zopa_ui_test_find_button (root, "Schematic")));

  /* A new document comes with a new session and its own choices; the actions and the
   * binding follow it. */
  g_assert_true (zopa_window_open_file (window, file));
  zopa_ui_test_drain_events ();
  g_assert_true (zopa_window_get_document (window) != first);
  g_assert_true (is_active (root, "Venn"));
  g_assert_true (gtk_widget_is_sensitive (zopa_ui_test_find_button (root, "Schematic")));
  g_assert_true (gtk_widget_activate_action (root, "diagram.view", "s", "issue-map"));
  zopa_ui_test_drain_events ();
  g_assert_true (is_active (root, "Issue Map"));
  g_assert_false (gtk_widget_is_sensitive (zopa_ui_test_find_button (root, "Schematic")));

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  zopa_ui_test_remove_temp_file (file);
}

static void
assert_pair (ZopaSession *session,
             const char  *first,
             const char  *second)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  zopa_session_dup_actor_pair (session, &a, &b);
  g_assert_cmpstr (a, ==, first);
  g_assert_cmpstr (b, ==, second);
}

/* The bargaining pair: the first two shown actors by default, a choice that swaps when it
 * takes the other side's actor, and a fallback when a chosen actor is hidden. */
static void
test_bargaining_pair (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);
  g_autoptr(GPropertyAction) first_action = g_property_action_new ("pair-first", session, "pair-first");
  g_autoptr(GVariant) state = NULL;
  Counter notes = { 0 };
  ZopaDiagramOptions options;
  g_autofree char *second = NULL;

  assert_pair (session, "washington", "kyiv");
  g_signal_connect_swapped (session, "notify::pair-first", G_CALLBACK (count_call), &notes);

  g_action_change_state (G_ACTION (first_action), g_variant_new_string ("moscow"));
  assert_pair (session, "moscow", "kyiv");
  g_assert_cmpuint (notes.count, ==, 1);
  state = g_action_get_state (G_ACTION (first_action));
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "moscow");

  /* Kyiv across takes Kyiv from the other side: the two swap. */
  zopa_session_set_pair_actor (session, 0, "kyiv");
  assert_pair (session, "kyiv", "moscow");
  zopa_session_fill_diagram_options (session, &options);
  g_assert_cmpstr (options.actor_pair[0], ==, "kyiv");
  g_assert_cmpstr (options.actor_pair[1], ==, "moscow");

  /* Hiding Moscow: the first shown actor that is not Kyiv stands in. */
  g_assert_true (zopa_session_set_actor_shown (session, "moscow", FALSE));
  assert_pair (session, "kyiv", "washington");
  g_assert_true (zopa_session_set_actor_shown (session, "moscow", TRUE));
  assert_pair (session, "kyiv", "moscow");

  /* One shown actor: no pair, and the action's state is "" (never a missing string). */
  g_assert_true (zopa_session_set_actor_shown (session, "washington", FALSE));
  g_assert_true (zopa_session_set_actor_shown (session, "moscow", FALSE));
  g_assert_true (zopa_session_set_actor_shown (session, "europe", FALSE));
  assert_pair (session, "kyiv", NULL);
  g_clear_pointer (&state, g_variant_unref);
  g_object_get (session, "pair-second", &second, NULL);
  g_assert_cmpstr (second, ==, "");
  state = g_action_get_state (G_ACTION (first_action));
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "kyiv");
}

static gboolean
diagram_is_bargaining (gpointer data)
{
  ZopaDiagram *diagram = zopa_diagram_area_get_diagram (data);
  guint a, b;

  return diagram != NULL && zopa_diagram_get_view (diagram) == ZOPA_DIAGRAM_VIEW_BARGAINING &&
         zopa_diagram_get_actor_pair (diagram, &a, &b) &&
         g_strcmp0 (zopa_analysis_get_actor_id (zopa_diagram_get_analysis (diagram), a), "kyiv") == 0 &&
         g_strcmp0 (zopa_analysis_get_actor_id (zopa_diagram_get_analysis (diagram), b), "moscow") == 0;
}

static const char *
menu_label (GtkWidget *chooser,
            guint      nth)
{
  GtkWidget *button = zopa_ui_test_find_nth_type (chooser, GTK_TYPE_MENU_BUTTON, nth);

  g_assert_nonnull (button);
  return gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
}

/* The window's third view: the switcher's button, the pair chooser shown with it only,
 * and the diagram following the chosen pair. */
static void
test_window_bargaining_view (void)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *chooser, *area, *button;

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  chooser = zopa_ui_test_find_type (root, ZOPA_TYPE_PAIR_CHOOSER);
  area = zopa_ui_test_find_type (root, ZOPA_TYPE_DIAGRAM_AREA);
  g_assert_nonnull (chooser);
  g_assert_false (gtk_widget_get_visible (chooser));

  button = zopa_ui_test_find_button (root, "Bargaining");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  zopa_ui_test_drain_events ();
  g_assert_true (is_active (root, "Bargaining"));
  g_assert_true (gtk_widget_get_visible (chooser));
  g_assert_false (gtk_widget_is_sensitive (zopa_ui_test_find_button (root, "Schematic")));
  g_assert_cmpstr (menu_label (chooser, 0), ==, "Washington");
  g_assert_cmpstr (menu_label (chooser, 1), ==, "Kyiv");

  g_assert_true (gtk_widget_activate_action (root, "diagram.pair-first", "s", "kyiv"));
  g_assert_true (gtk_widget_activate_action (root, "diagram.pair-second", "s", "moscow"));
  zopa_ui_test_wait_for (diagram_is_bargaining, area);
  g_assert_cmpstr (menu_label (chooser, 0), ==, "Kyiv");
  g_assert_cmpstr (menu_label (chooser, 1), ==, "Moscow");

  g_assert_true (gtk_widget_activate_action (root, "diagram.view", "s", "venn"));
  zopa_ui_test_drain_events ();
  g_assert_false (gtk_widget_get_visible (chooser));

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add_func ("/session/view-and-mode", test_view_and_mode);
  g_test_add_func ("/session/shown-actors-and-drafts", test_shown_actors_and_drafts);
  g_test_add_func ("/session/variant-follows-the-document", test_variant_follows_the_document);
  g_test_add_func ("/session/busy-while-solving", test_busy_while_solving);
  g_test_add_func ("/session/window-swaps-its-document", test_window_swaps_its_document);
  g_test_add_func ("/session/bargaining-pair", test_bargaining_pair);
  g_test_add_func ("/session/window-bargaining-view", test_window_bargaining_view);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
