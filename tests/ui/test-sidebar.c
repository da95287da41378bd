/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sidebar.c: the sidebar's draft and actor rows follow the model and the session, and
 * their checks and the selection go back to the session */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ui/zopa-actor-row.h"
#include "ui/zopa-actor-swatch.h"
#include "ui/zopa-draft-row.h"
#include "ui/zopa-sidebar.h"
#include "ui/zopa-user-text.h"

#include "zopa-ui-test.h"

typedef struct {
  GtkWindow    *window;
  ZopaSidebar  *sidebar;
  ZopaDocument *document;
  ZopaSession  *session;
  GtkListBox   *drafts;
  GtkListBox   *actors;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = zopa_document_new_builtin ();
  f->session = zopa_session_new (f->document);
  f->sidebar = g_object_new (ZOPA_TYPE_SIDEBAR, NULL);
  zopa_sidebar_set_session (f->sidebar, f->session);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->sidebar));
  gtk_window_present (f->window);
  zopa_ui_test_drain_events ();
  f->drafts = GTK_LIST_BOX (zopa_ui_test_find_nth_type (GTK_WIDGET (f->sidebar), GTK_TYPE_LIST_BOX, 0));
  f->actors = GTK_LIST_BOX (zopa_ui_test_find_nth_type (GTK_WIDGET (f->sidebar), GTK_TYPE_LIST_BOX, 1));
  g_assert_nonnull (f->drafts);
  g_assert_nonnull (f->actors);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  zopa_ui_test_drain_events ();
  g_clear_object (&f->session);
  g_clear_object (&f->document);
}

static ZopaScenario *
scenario (Fixture *f)
{
  return zopa_session_get_scenario (f->session);
}

static GtkCheckButton *
row_check (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (zopa_ui_test_find_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON));
}

/* A row for every draft and actor, in order, with what it shows. */
static void
test_rows_follow_the_model (Fixture       *f,
                            gconstpointer  data)
{
  GListModel *drafts = zopa_scenario_get_drafts (scenario (f));
  GListModel *actors = zopa_scenario_get_actors (scenario (f));
  g_autoptr(ZopaDraft) first_draft = g_list_model_get_item (drafts, 0);
  g_autoptr(ZopaActor) kyiv = g_list_model_get_item (actors, 1);
  ZopaHistory *history = zopa_document_get_history (f->document);
  AdwActionRow *draft_row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (f->drafts, 0));
  AdwActionRow *actor_row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (f->actors, 1));
  ZopaActorSwatch *swatch = ZOPA_ACTOR_SWATCH (zopa_ui_test_find_type (GTK_WIDGET (actor_row), ZOPA_TYPE_ACTOR_SWATCH));
  guint n_clauses = g_list_model_get_n_items (zopa_draft_get_clauses (first_draft));
  g_autofree char *clauses = g_strdup_printf ("%u clauses", n_clauses);
  g_autofree char *one_more = g_strdup_printf ("%u clauses", n_clauses + 1);
  g_autoptr(ZopaClause) clause = zopa_clause_new ("sidebar-test");

  g_assert_null (gtk_list_box_get_row_at_index (f->drafts, g_list_model_get_n_items (drafts)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (f->drafts, g_list_model_get_n_items (drafts) - 1));
  g_assert_null (gtk_list_box_get_row_at_index (f->actors, g_list_model_get_n_items (actors)));

  g_assert_true (zopa_draft_row_get_item (ZOPA_DRAFT_ROW (draft_row)) == first_draft);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (draft_row)), ==, zopa_draft_get_title (first_draft));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (draft_row), clauses));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (actor_row)), ==, "Kyiv");
  g_assert_cmpstr (adw_action_row_get_subtitle (actor_row), ==, "Reservation 55 of 100");
  g_assert_cmpstr (zopa_actor_swatch_get_color (swatch), ==, zopa_actor_get_color (kyiv));

  /* Edits through the history show at once, and go again with undo. */
  zopa_history_set (history, kyiv, "name", "Kyiv (test)", NULL);
  zopa_history_set (history, kyiv, "reservation", 40, NULL);
  zopa_history_set (history, kyiv, "color", "#123456", NULL);
  zopa_history_insert (history, first_draft, G_MAXUINT, clause);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (actor_row)), ==, "Kyiv (test)");
  g_assert_cmpstr (adw_action_row_get_subtitle (actor_row), ==, "Reservation 40 of 100");
  g_assert_cmpstr (zopa_actor_swatch_get_color (swatch), ==, "#123456");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (draft_row), one_more));

  /* An uncertain reservation shows as the range it is, not its low end. */
  zopa_history_set_reservation_range (history, kyiv, (ZopaRange) { 40, 70, TRUE });
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (adw_action_row_get_subtitle (actor_row), ==, "Reservation 40–70 of 100");
  g_assert_nonnull (strstr (zopa_user_text_get_tooltip (GTK_WIDGET (actor_row)), "from 40 to 70 of 100"));

  while (zopa_history_get_can_undo (history))
    zopa_history_undo (history);
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (actor_row)), ==, "Kyiv");
  g_assert_cmpstr (adw_action_row_get_subtitle (actor_row), ==, "Reservation 55 of 100");
  g_assert_cmpstr (zopa_actor_swatch_get_color (swatch), ==, zopa_actor_get_color (kyiv));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (draft_row), clauses));
}

/* The checks say what the session shows, both ways; the last shown actor stays. */
static void
test_checks_and_session (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ZopaDraft) draft = g_list_model_get_item (zopa_scenario_get_drafts (scenario (f)), 2);
  const char *draft_id = zopa_draft_get_id (draft);
  GListModel *actors = zopa_scenario_get_actors (scenario (f));
  guint n_actors = g_list_model_get_n_items (actors);

  g_assert_true (gtk_check_button_get_active (row_check (f->drafts, 2)));
  gtk_check_button_set_active (row_check (f->drafts, 2), FALSE);
  g_assert_false (zopa_session_get_draft_shown (f->session, draft_id));
  zopa_session_set_draft_shown (f->session, draft_id, TRUE);
  g_assert_true (gtk_check_button_get_active (row_check (f->drafts, 2)));

  /* Hiding every actor but the first works; hiding that one too is refused. */
  for (guint i = n_actors - 1; i >= 1; i--)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);

      gtk_check_button_set_active (row_check (f->actors, i), FALSE);
      g_assert_false (zopa_session_get_actor_shown (f->session, zopa_actor_get_id (actor)));
    }
  {
    g_autoptr(ZopaActor) first = g_list_model_get_item (actors, 0);

    gtk_check_button_set_active (row_check (f->actors, 0), FALSE);
    g_assert_true (zopa_session_get_actor_shown (f->session, zopa_actor_get_id (first)));
    g_assert_true (gtk_check_button_get_active (row_check (f->actors, 0)));
  }
  /* The session shows one again: its check follows. */
  {
    g_autoptr(ZopaActor) last = g_list_model_get_item (actors, n_actors - 1);

    g_assert_true (zopa_session_set_actor_shown (f->session, zopa_actor_get_id (last), TRUE));
    g_assert_true (gtk_check_button_get_active (row_check (f->actors, n_actors - 1)));
  }
}

/* Selecting a row selects the draft in the session, and the other way round. */
static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ZopaDraft) second = g_list_model_get_item (zopa_scenario_get_drafts (scenario (f)), 1);
  g_autoptr(ZopaDraft) fourth = g_list_model_get_item (zopa_scenario_get_drafts (scenario (f)), 3);

  gtk_list_box_select_row (f->drafts, gtk_list_box_get_row_at_index (f->drafts, 1));
  g_assert_cmpstr (zopa_session_get_selected_draft (f->session), ==, zopa_draft_get_id (second));

  zopa_session_set_selected_draft (f->session, zopa_draft_get_id (fourth));
  g_assert_true (gtk_list_box_get_selected_row (f->drafts) == gtk_list_box_get_row_at_index (f->drafts, 3));

  zopa_session_set_selected_draft (f->session, NULL);
  g_assert_null (gtk_list_box_get_selected_row (f->drafts));
  g_assert_null (zopa_session_get_selected_draft (f->session));
}

int
main (int argc, char **argv)
{
  ZopaApplication *app = zopa_ui_test_init_app (&argc, &argv);
  int status;

  g_test_add ("/sidebar/rows-follow-the-model", Fixture, NULL, fixture_set_up, test_rows_follow_the_model, fixture_tear_down);
  g_test_add ("/sidebar/checks-and-session", Fixture, NULL, fixture_set_up, test_checks_and_session, fixture_tear_down);
  g_test_add ("/sidebar/selection", Fixture, NULL, fixture_set_up, test_selection, fixture_tear_down);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
