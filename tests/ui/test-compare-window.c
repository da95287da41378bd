/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-window.c: the comparison window on the built-in scenario — default drafts,
 * following edits and undo, the filter, and export. With ZOPA_COMPARE_KEEP_OPEN=SECONDS
 * the first window stays on screen that long (for screenshots). */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/zopa-edit.h"
#include "ui/zopa-application.h"
#include "ui/zopa-compare-card.h"
#include "ui/zopa-compare-window.h"

static ZopaApplication *app;

typedef struct {
  ZopaDocument      *document;
  ZopaSession       *session;
  ZopaCompareWindow *window;
} Fixture;

static void
drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = zopa_document_new_builtin ();
  fixture->session = zopa_session_new (fixture->document);
  fixture->window = zopa_compare_window_new (NULL, fixture->session, NULL, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain_events ();
  g_clear_object (&fixture->session);
  g_assert_finalize_object (fixture->document);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  /* Not inside the drop-downs' popovers. */
  if (GTK_IS_POPOVER (root))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  ZopaComparison *comparison = zopa_compare_window_get_comparison (fixture->window);
  const char *keep_open = g_getenv ("ZOPA_COMPARE_KEEP_OPEN");

  /* No draft selected: the newest step, the 28 points to the Geneva framework. */
  g_assert_cmpstr (zopa_compare_window_get_left_draft (fixture->window), ==, "us-28");
  g_assert_cmpstr (zopa_compare_window_get_right_draft (fixture->window), ==, "geneva-19");
  g_assert_nonnull (comparison);
  g_assert_cmpuint (zopa_comparison_get_n_actors (comparison), ==, 4);
  g_assert_cmpuint (zopa_compare_window_get_n_rows (fixture->window), ==, 31);

  if (keep_open != NULL)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      const char *scroll = g_getenv ("ZOPA_COMPARE_SCROLL");
      const char *filter = g_getenv ("ZOPA_COMPARE_ONLY_CHANGES");

      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
      if (filter != NULL)
        zopa_compare_window_set_only_changes (fixture->window, TRUE);
      if (scroll != NULL)
        {
          GtkWidget *scroller = find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_SCROLLED_WINDOW);
          g_autoptr(GMainLoop) wait = g_main_loop_new (NULL, FALSE);

          g_timeout_add (1500, quit_loop, wait);
          g_main_loop_run (wait);
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                                    g_ascii_strtod (scroll, NULL));
          g_test_message ("scrolled to %g of %g", gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))),
                          gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))));
        }
      g_timeout_add_seconds (MAX (1, atoi (keep_open)), quit_loop, loop);
      g_main_loop_run (loop);
    }

  /* The selected draft's parent on the left. */
  {
    g_autoptr(ZopaCompareWindow) other = NULL;

    zopa_session_set_selected_draft (fixture->session, "eu");
    other = g_object_ref_sink (zopa_compare_window_new (NULL, fixture->session, NULL, NULL));
    g_assert_cmpstr (zopa_compare_window_get_left_draft (other), ==, "us-28");
    g_assert_cmpstr (zopa_compare_window_get_right_draft (other), ==, "eu");
    gtk_window_destroy (GTK_WINDOW (other));
  }
  {
    g_autoptr(ZopaCompareWindow) other = NULL;

    other = g_object_ref_sink (zopa_compare_window_new (NULL, fixture->session, NULL, "geneva-19"));
    g_assert_cmpstr (zopa_compare_window_get_left_draft (other), ==, "us-28");
    gtk_window_destroy (GTK_WINDOW (other));
  }
}

/* Fork the framework, settle its bracketed territory clause, and see the comparison of
 * the fork with the framework follow every step, and undo. */
static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  ZopaHistory *history = zopa_document_get_history (fixture->document);
  ZopaScenario *scenario = zopa_document_get_scenario (fixture->document);
  ZopaDraft *fork;
  ZopaClause *territory = NULL;
  ZopaComparison *comparison;
  const ZopaComparisonRow *row;
  g_autofree char *fork_id = NULL;

  fork = zopa_edit_fork_draft (history, zopa_scenario_find_draft (scenario, "geneva-19"), NULL, NULL);
  g_assert_nonnull (fork);
  fork_id = g_strdup (zopa_draft_get_id (fork));
  drain_events ();

  zopa_compare_window_set_drafts (fixture->window, "geneva-19", fork_id);
  g_assert_cmpstr (zopa_compare_window_get_right_draft (fixture->window), ==, fork_id);
  comparison = zopa_compare_window_get_comparison (fixture->window);
  g_assert_cmpuint (zopa_comparison_count (comparison, ZOPA_COMPARISON_KEPT), ==, 31);

  /* An edit redraws the rows in the widgets there are: the row's card reads out the new title. */
  {
    ZopaClause *first = zopa_scenario_find_clause (scenario, "us-28/1", NULL);
    GtkListBox *list;
    GtkListBoxRow *row0, *row5;

    zopa_compare_window_set_drafts (fixture->window, "us-28", "geneva-19");
    drain_events ();
    list = GTK_LIST_BOX (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX));
    row0 = gtk_list_box_get_row_at_index (list, 0);
    row5 = gtk_list_box_get_row_at_index (list, 5);
    g_assert_true (ZOPA_IS_COMPARE_CARD (row0));
    g_assert_nonnull (strstr (zopa_compare_card_get_description (ZOPA_COMPARE_CARD (row0)), "Sovereignty"));
    g_assert_null (strstr (zopa_compare_card_get_description (ZOPA_COMPARE_CARD (row0)), "Sovereignty of Ukraine"));
    g_assert_true (zopa_history_set (history, first, "title", "Sovereignty of Ukraine", NULL));
    drain_events ();
    g_assert_cmpstr (zopa_comparison_get_row (zopa_compare_window_get_comparison (fixture->window), 0)->left[0]->title,
                     ==, "Sovereignty of Ukraine");
    g_assert_true (gtk_list_box_get_row_at_index (list, 5) == row5);
    g_assert_true (gtk_list_box_get_row_at_index (list, 0) == row0);
    g_assert_nonnull (strstr (zopa_compare_card_get_description (ZOPA_COMPARE_CARD (row0)), "Sovereignty of Ukraine"));
    g_assert_cmpuint (zopa_compare_window_get_n_rows (fixture->window), ==, 31);
    g_assert_true (zopa_history_undo (history));
    zopa_compare_window_set_drafts (fixture->window, "geneva-19", fork_id);
    drain_events ();
  }

  zopa_compare_window_set_only_changes (fixture->window, TRUE);
  g_assert_cmpuint (zopa_compare_window_get_n_rows (fixture->window), ==, 0);

  for (guint k = 0; k < g_list_model_get_n_items (zopa_draft_get_clauses (fork)); k++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (zopa_draft_get_clauses (fork), k);
      if (g_strcmp0 (zopa_clause_get_title (clause), "Territory") == 0)
        territory = clause;
    }
  g_assert_nonnull (territory);
  g_assert_true (zopa_history_set (history, territory, "status", ZOPA_CLAUSE_AGREED, NULL));
  drain_events ();

  /* The window rebuilt from the new analysis: one change, territory now fixed. */
  comparison = zopa_compare_window_get_comparison (fixture->window);
  g_assert_cmpuint (zopa_compare_window_get_n_rows (fixture->window), ==, 1);
  g_assert_cmpuint (zopa_comparison_count (comparison, ZOPA_COMPARISON_CHANGED), ==, 1);
  row = NULL;
  for (guint k = 0; k < zopa_comparison_get_n_rows (comparison); k++)
    if (zopa_comparison_get_row (comparison, k)->kind == ZOPA_COMPARISON_CHANGED)
      row = zopa_comparison_get_row (comparison, k);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->right->title, ==, "Territory");
  g_assert_true (row->diff & ZOPA_COMPARISON_DIFF_STATUS);
  g_assert_cmpuint (zopa_comparison_get_n_issues (comparison), ==, 1);
  g_assert_null (zopa_comparison_get_issue (comparison, 0)->left_option_id);
  g_assert_cmpstr (zopa_comparison_get_issue (comparison, 0)->right_option_id, ==, "de-facto-donbas");

  g_assert_true (zopa_history_undo (history));
  drain_events ();
  g_assert_cmpuint (zopa_compare_window_get_n_rows (fixture->window), ==, 0);

  /* Undoing the fork takes the draft away: the window falls back to a valid pair. */
  g_assert_true (zopa_history_undo (history));
  drain_events ();
  g_assert_nonnull (zopa_scenario_find_draft (scenario, zopa_compare_window_get_right_draft (fixture->window)));
  g_assert_nonnull (zopa_compare_window_get_comparison (fixture->window));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zopa-compare-window-XXXXXX", &error);
  g_autofree char *png_path = g_build_filename (dir, "c.png", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "c.pdf", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_assert_true (zopa_compare_window_export_to (fixture->window, png, ZOPA_DIAGRAM_FORMAT_PNG, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* Twice the page width, for sharp text. */
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2560);
  cairo_surface_destroy (surface);

  g_assert_true (zopa_compare_window_export_to (fixture->window, pdf, ZOPA_DIAGRAM_FORMAT_PDF, &error));
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, &error));
  g_assert_true (length > 1000 && g_str_has_prefix (contents, "%PDF-"));

  g_unlink (png_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
}

static void
test_swap (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "compare.swap", NULL));
  drain_events ();
  g_assert_cmpstr (zopa_compare_window_get_left_draft (fixture->window), ==, "geneva-19");
  g_assert_cmpint (zopa_comparison_get_lineage (zopa_compare_window_get_comparison (fixture->window)), ==,
                   ZOPA_COMPARISON_LINEAGE_REVERSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = zopa_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/compare-window/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/compare-window/follows-edits", Fixture, NULL, fixture_set_up, test_follows_edits, fixture_tear_down);
  g_test_add ("/compare-window/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/compare-window/swap", Fixture, NULL, fixture_set_up, test_swap, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
