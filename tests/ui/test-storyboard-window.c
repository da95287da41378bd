/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-storyboard-window.c: the storyboard window lists the frames in order, shows one in
 * the scenario's window when activated, and adds, edits, moves and deletes frames through
 * the undo history */

#include "config.h"

#include <adwaita.h>

#include "ui/zopa-frame-row.h"
#include "ui/zopa-presentation.h"
#include "ui/zopa-storyboard-panel.h"
#include "ui/zopa-storyboard-window.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

typedef struct {
  ZopaStoryboardWindow *window;
  ZopaDocument         *document;
  ZopaSession          *session;
  GtkListBox           *list;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = zopa_document_new_builtin ();
  f->session = zopa_session_new (f->document);
  f->window = zopa_storyboard_window_show (NULL, f->session);
  zopa_ui_test_drain_events ();
  f->list = GTK_LIST_BOX (zopa_ui_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (f->list);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  zopa_ui_test_drain_events ();
  g_clear_object (&f->session);
  g_clear_object (&f->document);
}

static GListModel *
frames (Fixture *f)
{
  return zopa_scenario_get_frames (zopa_session_get_scenario (f->session));
}

static ZopaHistory *
history (Fixture *f)
{
  return zopa_document_get_history (f->document);
}

static ZopaFrameRow *
row_at (Fixture *f,
        int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (f->list, index);

  g_assert_nonnull (row);
  return ZOPA_FRAME_ROW (row);
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (f->list, n) != NULL)
    n++;
  return n;
}

/* The number drawn before the row's caption. */
static const char *
row_number (Fixture *f,
            int      index)
{
  GtkWidget *label = zopa_ui_test_find_type (GTK_WIDGET (row_at (f, index)), GTK_TYPE_LABEL);

  return gtk_label_get_label (GTK_LABEL (label));
}

static void
assert_strv (char               **actual,
             const char * const  *expected)
{
  g_assert_cmpstrv (actual, expected);
  g_strfreev (actual);
}

/* Eight frames of the built-in storyboard, in order, numbered, captioned and described. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpuint (n_rows (f), ==, 8);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, 0))), ==, "The US 28-point plan");
  g_assert_cmpstr (row_number (f, 0), ==, "1");
  g_assert_cmpstr (row_number (f, 7), ==, "8");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (f, 3))), ==,
                   "Bargaining · Kyiv, Moscow · 3 drafts");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (f, 5))), ==,
                   "Venn · Kyiv, Moscow · Post-Putin leadership · 3 drafts");
}

/* Activating a row shows its frame, and the current view makes the same frame again. */
static void
test_show (Fixture       *f,
           gconstpointer  data)
{
  const char * const pair[] = { "kyiv", "moscow", NULL };
  const char * const plans[] = { "us-28", "eu", "geneva-19", NULL };
  g_autoptr(ZopaFrame) again = NULL;
  g_autoptr(ZopaFrame) sixth = g_list_model_get_item (frames (f), 5);
  char *first = NULL, *second = NULL;

  adw_action_row_activate (ADW_ACTION_ROW (row_at (f, 5)));
  g_assert_cmpstr (zopa_session_get_variant (f->session), ==, "post-putin");
  g_assert_cmpint (zopa_session_get_view (f->session), ==, ZOPA_DIAGRAM_VIEW_VENN);
  assert_strv (zopa_session_dup_shown_actors (f->session), pair);
  assert_strv (zopa_session_dup_shown_drafts (f->session), plans);
  again = zopa_session_new_frame (f->session);
  g_assert_cmpstr (zopa_frame_get_variant (again), ==, zopa_frame_get_variant (sixth));
  g_assert_cmpstrv (zopa_frame_get_actors (again), zopa_frame_get_actors (sixth));
  g_assert_cmpstrv (zopa_frame_get_drafts (again), zopa_frame_get_drafts (sixth));

  /* The bargaining frame: its two actors, the first across; the first frame: every actor,
   * the base scenario, its one draft selected. */
  gtk_widget_activate_action (GTK_WIDGET (row_at (f, 3)), "frame.show", NULL);
  g_assert_cmpint (zopa_session_get_view (f->session), ==, ZOPA_DIAGRAM_VIEW_BARGAINING);
  zopa_session_dup_actor_pair (f->session, &first, &second);
  g_assert_cmpstr (first, ==, "kyiv");
  g_assert_cmpstr (second, ==, "moscow");
  g_free (first);
  g_free (second);
  g_assert_cmpstr (zopa_session_get_selected_draft (f->session), ==, "geneva-19");

  adw_action_row_activate (ADW_ACTION_ROW (row_at (f, 0)));
  g_assert_null (zopa_session_get_variant (f->session));
  {
    g_auto(GStrv) shown = zopa_session_dup_shown_actors (f->session);

    g_assert_cmpuint (g_strv_length (shown), ==, 4);
  }
  assert_strv (zopa_session_dup_shown_drafts (f->session), (const char * const[]) { "us-28", NULL });
  g_assert_cmpstr (zopa_session_get_selected_draft (f->session), ==, "us-28");
}

/* Add takes the current view; every change is one undo step. */
static void
test_add_move_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ZopaFrame) seventh = g_list_model_get_item (frames (f), 6);
  g_autoptr(ZopaFrame) eighth = g_list_model_get_item (frames (f), 7);
  g_autoptr(ZopaFrame) added = NULL;

  adw_action_row_activate (ADW_ACTION_ROW (row_at (f, 6)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "storyboard.add", NULL);
  g_assert_cmpuint (n_rows (f), ==, 9);
  g_assert_cmpstr (row_number (f, 8), ==, "9");
  added = g_list_model_get_item (frames (f), 8);
  g_assert_cmpstr (zopa_frame_get_variant (added), ==, "battlefield-collapse");
  g_assert_null (zopa_frame_get_caption (added));
  g_assert_cmpstr (zopa_history_get_undo_label (history (f)), ==, "Add Frame");

  /* Moving the last frame up swaps it with the one before, and renumbers both rows. */
  gtk_widget_activate_action (GTK_WIDGET (row_at (f, 8)), "frame.move-up", NULL);
  g_assert_true (g_list_model_get_item (frames (f), 7) == (gpointer) added);
  g_object_unref (added);
  g_assert_true (zopa_frame_row_get_frame (row_at (f, 8)) == eighth);
  g_assert_cmpstr (row_number (f, 7), ==, "8");
  g_assert_cmpstr (row_number (f, 8), ==, "9");

  gtk_widget_activate_action (GTK_WIDGET (row_at (f, 6)), "frame.delete", NULL);
  g_assert_cmpuint (n_rows (f), ==, 8);
  g_assert_cmpstr (zopa_history_get_undo_label (history (f)), ==, "Delete Frame");

  g_assert_true (zopa_history_undo (history (f)));
  g_assert_true (zopa_frame_row_get_frame (row_at (f, 6)) == seventh);
  g_assert_true (zopa_history_undo (history (f)));
  g_assert_true (zopa_history_undo (history (f)));
  g_assert_cmpuint (n_rows (f), ==, 8);
  g_assert_true (zopa_frame_row_get_frame (row_at (f, 7)) == eighth);
  g_assert_cmpstr (row_number (f, 7), ==, "8");
}

/* The caption is edited in the row's popover, through the history, and shown as its title. */
static void
test_caption (Fixture       *f,
              gconstpointer  data)
{
  ZopaFrameRow *row = row_at (f, 1);
  ZopaFrame *frame = zopa_frame_row_get_frame (row);
  GtkEditable *entry = GTK_EDITABLE (zopa_ui_test_find_type (GTK_WIDGET (row), GTK_TYPE_ENTRY));
  const char *before = "Two revisions: the European text and the Geneva framework";

  g_assert_nonnull (entry);
  gtk_widget_activate_action (GTK_WIDGET (row), "frame.edit-caption", NULL);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, before);
  gtk_editable_set_text (entry, "Revisions");
  g_assert_cmpstr (zopa_frame_get_caption (frame), ==, "Revisions");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Revisions");
  gtk_editable_set_text (entry, "");
  g_assert_null (zopa_frame_get_caption (frame));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Untitled Frame");

  while (zopa_history_get_can_undo (history (f)))
    g_assert_true (zopa_history_undo (history (f)));
  g_assert_cmpstr (zopa_frame_get_caption (frame), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, before);
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static ZopaApplication *app;

/* The main window opens its storyboard beside it (one per window), and the storyboard's
 * Present opens the presentation of that window's scenario. */
static void
test_from_the_main_window (void)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  ZopaStoryboardWindow *storyboard;
  ZopaPresentation *presentation;

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  g_assert_null (find_toplevel (ZOPA_TYPE_STORYBOARD_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.storyboard", NULL));
  storyboard = find_toplevel (ZOPA_TYPE_STORYBOARD_WINDOW);
  g_assert_nonnull (storyboard);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (storyboard)) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.storyboard", NULL));
  g_assert_true (find_toplevel (ZOPA_TYPE_STORYBOARD_WINDOW) == storyboard);

  g_assert_null (find_toplevel (ZOPA_TYPE_PRESENTATION));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (storyboard), "storyboard.present", NULL));
  presentation = find_toplevel (ZOPA_TYPE_PRESENTATION);
  g_assert_nonnull (presentation);

  gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (GTK_WINDOW (storyboard));
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

int
main (int argc, char **argv)
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add ("/storyboard-window/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/storyboard-window/show", Fixture, NULL, fixture_set_up, test_show, fixture_tear_down);
  g_test_add ("/storyboard-window/add-move-delete", Fixture, NULL, fixture_set_up, test_add_move_delete, fixture_tear_down);
  g_test_add ("/storyboard-window/caption", Fixture, NULL, fixture_set_up, test_caption, fixture_tear_down);
  g_test_add_func ("/storyboard-window/from-the-main-window", test_from_the_main_window);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
