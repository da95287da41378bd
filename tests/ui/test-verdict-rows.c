/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-verdict-rows.c: the verdict rows' wording over readings, their flip, "Try This as a
 * Variant" and its undo, and the link targets their reasons carry */

#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "analysis/zopa-display-text.h"
#include "analysis/zopa-format.h"
#include "model/zopa-list-model.h"
#include "ui/zopa-actor-editor.h"
#include "ui/zopa-clause-editor.h"
#include "ui/zopa-draft-panel-private.h"
#include "ui/zopa-issue-editor.h"
#include "ui/zopa-stance-group.h"
#include "ui/zopa-variant-change-row.h"
#include "ui/zopa-variant-editor.h"
#include "ui/zopa-reveal.h"
#include "ui/zopa-session.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

typedef struct
{
  ZopaDocument *document;
  ZopaSession  *session;
  GtkWidget    *window;
  GtkWidget    *panel;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = zopa_document_new_builtin ();
  fixture->session = zopa_session_new (fixture->document);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 500, 900);
  fixture->panel = zopa_draft_panel_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->panel);
  zopa_draft_panel_set_session (ZOPA_DRAFT_PANEL (fixture->panel), fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  zopa_session_set_selected_draft (fixture->session, "geneva-19");
  zopa_ui_test_drain_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zopa_draft_panel_set_session (ZOPA_DRAFT_PANEL (fixture->panel), NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  zopa_ui_test_drain_events ();
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->document);
}

static GtkWidget *
verdict_row (Fixture    *fixture,
             const char *actor_id)
{
  g_autofree char *name = g_strdup_printf ("verdict-%s", actor_id);
  GtkWidget *row = zopa_ui_test_find_named (fixture->panel, name);

  g_assert_nonnull (row);
  return row;
}

static guint
analysis_index (ZopaAnalysis *analysis,
                const char   *actor_id)
{
  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    if (g_strcmp0 (zopa_analysis_get_actor_id (analysis, a), actor_id) == 0)
      return a;
  g_assert_not_reached ();
}

static guint
draft_index (ZopaAnalysis *analysis,
             const char   *draft_id)
{
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, d), draft_id) == 0)
      return d;
  g_assert_not_reached ();
}

static gboolean
session_has_analysis (gpointer data)
{
  return zopa_session_get_analysis (data) != NULL;
}

/* The row says what the shared wording says, in its subtitle and its accessible description,
 * and its flip row carries the flip sentence. */
static void
test_row_wording (Fixture       *fixture,
                  gconstpointer  data)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (fixture->session);
  guint draft = draft_index (analysis, "geneva-19");

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    {
      GtkWidget *row = verdict_row (fixture, zopa_analysis_get_actor_id (analysis, a));
      GtkWidget *flip_row = zopa_ui_test_find_named (row, "flip-row");
      g_autofree char *wording = zopa_format_verdict_over_readings (analysis, draft, a);
      g_autofree char *flip = zopa_format_verdict_flip (analysis, draft, a, ZOPA_FLIP_ALONE);
      const char *verdict = zopa_format_verdict_title (zopa_analysis_get_verdict (analysis, draft, a)->verdict);
      g_autofree char *shown_flip = zopa_display_text (flip, ZOPA_DISPLAY_TEXT_PARAGRAPH);

      if (g_strcmp0 (wording, verdict) != 0)
        g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), wording));
      g_assert_nonnull (flip_row);
      g_assert_true (gtk_widget_get_visible (flip_row));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (zopa_ui_test_find_type (flip_row, GTK_TYPE_LABEL))), ==, shown_flip);
      /* The flip row is a link to what the flip changes. */
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (flip_row)), ==, "win.reveal");
    }
}

/* Try makes the flip a variant, shows it, and the verdict moves; undo takes it away and
 * shows what was shown before; redo brings it back. */
static void
try_flip_and_undo (Fixture    *fixture,
                   const char *shown_before)
{
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  GListModel *variants = zopa_scenario_get_variants (scenario);
  guint n_variants = g_list_model_get_n_items (variants);
  guint steps = zopa_history_get_n_undo_steps (history);
  ZopaAnalysis *analysis = zopa_session_get_analysis (fixture->session);
  guint draft = draft_index (analysis, "geneva-19");
  guint actor = analysis_index (analysis, "moscow");
  const ZopaVerdictReadings *readings = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  ZopaVerdict before = zopa_analysis_get_verdict (analysis, draft, actor)->verdict;
  ZopaVerdict expected = readings->flipped;
  g_autofree char *title = zopa_format_flip_variant_title (analysis, draft, actor);
  GtkWidget *row = verdict_row (fixture, "moscow");
  GtkWidget *button;
  g_autoptr(ZopaVariant) variant = NULL;
  g_autofree char *variant_id = NULL;

  g_assert_true (readings->has_flip);
  g_assert_cmpint (before, !=, expected);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  zopa_ui_test_drain_events ();
  button = zopa_ui_test_find_named (row, "try-flip");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Try This as a Variant");

  g_signal_emit_by_name (button, "clicked");
  zopa_ui_test_drain_events ();
  zopa_ui_test_wait_for (session_has_analysis, fixture->session);

  g_assert_cmpuint (g_list_model_get_n_items (variants), ==, n_variants + 1);
  variant = g_list_model_get_item (variants, n_variants);
  variant_id = g_strdup (zopa_variant_get_id (variant));
  g_assert_cmpstr (zopa_variant_get_title (variant), ==, title);
  g_assert_cmpstr (zopa_session_get_variant (fixture->session), ==, variant_id);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (zopa_history_get_undo_label (history), ==, "Try Variant");
  analysis = zopa_session_get_analysis (fixture->session);
  g_assert_cmpstr (zopa_analysis_get_variant_id (analysis), ==, variant_id);
  g_assert_cmpint (zopa_analysis_get_verdict (analysis, draft, actor)->verdict, ==, expected);
  g_assert_cmpint (zopa_verdict_item_get_verdict (zopa_verdict_row_get_item (ZOPA_VERDICT_ROW (verdict_row (fixture, "moscow")))),
                   ==, expected);

  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  zopa_ui_test_wait_for (session_has_analysis, fixture->session);
  g_assert_cmpuint (g_list_model_get_n_items (variants), ==, n_variants);
  g_assert_false (zopa_list_model_contains (variants, variant));
  g_assert_cmpstr (zopa_session_get_variant (fixture->session), ==, shown_before);
  analysis = zopa_session_get_analysis (fixture->session);
  g_assert_cmpint (zopa_analysis_get_verdict (analysis, draft, actor)->verdict, ==, before);

  g_assert_true (zopa_history_redo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_session_get_variant (fixture->session), ==, variant_id);
  g_assert_true (zopa_history_undo (history));
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (zopa_session_get_variant (fixture->session), ==, shown_before);
}

static void
test_try_from_base (Fixture       *fixture,
                    gconstpointer  data)
{
  try_flip_and_undo (fixture, NULL);
}

/* From a variant: the new one keeps its changes, and undo goes back to it. */
static void
test_try_from_variant (Fixture       *fixture,
                       gconstpointer  data)
{
  zopa_session_set_variant (fixture->session, "post-putin");
  zopa_ui_test_drain_events ();
  zopa_ui_test_wait_for (session_has_analysis, fixture->session);
  try_flip_and_undo (fixture, "post-putin");
}

/* Kyiv on Geneva: "Open: Territory", left open by clause 21, links to that clause. */
static void
test_reason_links (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *row = verdict_row (fixture, "kyiv");
  GtkWidget *reason = NULL;
  g_autofree char *expected = zopa_reveal_target_new (ZOPA_REVEAL_CLAUSE, "geneva/21", NULL);
  GVariant *target;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  zopa_ui_test_drain_events ();
  for (guint n = 0; reason == NULL; n++)
    {
      GtkWidget *candidate = zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, n);

      g_assert_nonnull (candidate);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (candidate)), "Open: Territory") == 0)
        reason = candidate;
    }
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (reason)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (reason)), ==, "win.reveal");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (reason));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, expected);
}

/* Moscow on Geneva: "No amnesty" is a maybe of Moscow's (a red line in some readings only),
 * so its reason says that, not "Crossed by". */
static void
test_maybe_reason (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *row = verdict_row (fixture, "moscow");
  GtkWidget *candidate;
  gboolean found = FALSE;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  zopa_ui_test_drain_events ();
  for (guint n = 0; (candidate = zopa_ui_test_find_nth_type (row, ADW_TYPE_ACTION_ROW, n)) != NULL; n++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (candidate));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (candidate));

      if (title == NULL || !g_str_has_prefix (title, "Accountability"))
        continue;
      found = TRUE;
      g_assert_nonnull (subtitle);
      g_assert_nonnull (strstr (subtitle, "a red line in some readings"));
      g_assert_null (strstr (subtitle, "Crossed"));
    }
  g_assert_true (found);
}

/* Targets read back to what they were made of, whatever the ids hold. */
static void
test_targets (void)
{
  struct { ZopaRevealKind kind; const char *first, *second; } cases[] = {
    { ZOPA_REVEAL_CLAUSE, "geneva/21", NULL },
    { ZOPA_REVEAL_ISSUE, "territory", NULL },
    { ZOPA_REVEAL_STANCE, "moscow", "army:cap/1%" },
    { ZOPA_REVEAL_RESERVATION, "Київ", NULL },
    { ZOPA_REVEAL_CHANGE, "post-putin", "2" },
  };
  const char *invalid[] = { "", "clause", "clause:", "place:x", "stance:moscow", "issue:a/b", "clause:%zz" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *target = zopa_reveal_target_new (cases[i].kind, cases[i].first, cases[i].second);
      g_autofree char *first = NULL, *second = NULL;
      ZopaRevealKind kind;

      g_assert_true (zopa_reveal_target_parse (target, &kind, &first, &second, NULL));
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpstr (second, ==, cases[i].second);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *first = NULL, *second = NULL;
      ZopaRevealKind kind;

      g_assert_false (zopa_reveal_target_parse (invalid[i], &kind, &first, &second, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "Link target"));
      g_assert_null (first);
    }
}

static GtkWidget *
editor_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static gboolean
is_focus_in (GtkWidget *focus,
             GtkWidget *place)
{
  return focus != NULL && (focus == place || gtk_widget_is_ancestor (focus, place));
}

/* "win.reveal" opens each kind of target in place, with the focus there. */
static void
test_reveal (void)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  g_autofree char *clause = zopa_reveal_target_new (ZOPA_REVEAL_CLAUSE, "geneva/21", NULL);
  g_autofree char *issue = zopa_reveal_target_new (ZOPA_REVEAL_ISSUE, "territory", NULL);
  g_autofree char *stance = zopa_reveal_target_new (ZOPA_REVEAL_STANCE, "moscow", "nato");
  g_autofree char *reservation = zopa_reveal_target_new (ZOPA_REVEAL_RESERVATION, "kyiv", NULL);
  g_autofree char *change = zopa_reveal_target_new (ZOPA_REVEAL_CHANGE, "post-putin", "1");
  GtkWidget *editor, *focus, *group, *row;

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal", "s", clause);
  zopa_ui_test_drain_events ();
  editor = zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_CLAUSE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (zopa_clause_get_id (zopa_clause_editor_get_clause (ZOPA_CLAUSE_EDITOR (editor))), ==, "geneva/21");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (is_focus_in (focus, editor));
  g_assert_true (is_focus_in (focus, zopa_ui_test_find_named (editor, "clause-number")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal", "s", issue);
  zopa_ui_test_drain_events ();
  editor = editor_window (ZOPA_TYPE_ISSUE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (zopa_issue_get_id (zopa_issue_editor_get_issue (ZOPA_ISSUE_EDITOR (editor))), ==, "territory");
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal", "s", stance);
  zopa_ui_test_drain_events ();
  editor = editor_window (ZOPA_TYPE_ACTOR_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (zopa_actor_get_id (zopa_actor_editor_get_actor (ZOPA_ACTOR_EDITOR (editor))), ==, "moscow");
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  group = gtk_widget_get_ancestor (focus, ZOPA_TYPE_STANCE_GROUP);
  g_assert_nonnull (group);
  g_assert_cmpstr (zopa_issue_get_id (zopa_stance_group_get_item (ZOPA_STANCE_GROUP (group))), ==, "nato");
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal", "s", reservation);
  zopa_ui_test_drain_events ();
  editor = editor_window (ZOPA_TYPE_ACTOR_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (zopa_actor_get_id (zopa_actor_editor_get_actor (ZOPA_ACTOR_EDITOR (editor))), ==, "kyiv");
  row = zopa_ui_test_find_widget (editor, (ZopaUiTestMatch) zopa_reveal_match_buildable_id, "reservation_row");
  g_assert_nonnull (row);
  g_assert_true (is_focus_in (gtk_root_get_focus (GTK_ROOT (editor)), row));
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal", "s", change);
  zopa_ui_test_drain_events ();
  editor = editor_window (ZOPA_TYPE_VARIANT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (zopa_variant_get_id (zopa_variant_editor_get_variant (ZOPA_VARIANT_EDITOR (editor))), ==, "post-putin");
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  row = gtk_widget_get_ancestor (focus, ZOPA_TYPE_VARIANT_CHANGE_ROW);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

int
main (int   argc,
      char *argv[])
{
  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add ("/verdict-rows/wording", Fixture, NULL, fixture_set_up, test_row_wording, fixture_tear_down);
  g_test_add ("/verdict-rows/try-from-base", Fixture, NULL, fixture_set_up, test_try_from_base, fixture_tear_down);
  g_test_add ("/verdict-rows/try-from-variant", Fixture, NULL, fixture_set_up, test_try_from_variant,
              fixture_tear_down);
  g_test_add ("/verdict-rows/reason-links", Fixture, NULL, fixture_set_up, test_reason_links, fixture_tear_down);
  g_test_add ("/verdict-rows/maybe-reason", Fixture, NULL, fixture_set_up, test_maybe_reason, fixture_tear_down);
  g_test_add_func ("/verdict-rows/targets", test_targets);
  g_test_add_func ("/verdict-rows/reveal", test_reveal);
  return g_test_run ();
}
