/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-assumptions-window.c: the Assumptions window on the built-in scenario — what it
 * lists, what the selected value highlights, the pending state while an edit's hinges are
 * computed on the worker, and the page shown when nothing is uncertain. */

#include "config.h"

#include "ui/zopa-assumption-row.h"
#include "ui/zopa-assumptions-window.h"
#include "ui/zopa-diagram-area.h"
#include "ui/zopa-window.h"
#include "zopa-ui-test.h"

/* Keys of zopa_assumption_item_get_key(): actor id, ZopaHingeKind, issue id, option id. */
#define MOSCOW_RESERVATION "moscow/0//"
#define KYIV_MAYBE_800K    "kyiv/3/army-cap/cap-800k"

typedef struct {
  ZopaDocument          *document;
  ZopaSession           *session;
  ZopaAssumptionsWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = zopa_document_new_builtin ();
  fixture->session = zopa_session_new (fixture->document);
  fixture->window = zopa_assumptions_window_new (NULL, fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  zopa_ui_test_drain_events ();
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->document);
}

static gboolean
hinges_ready (gpointer data)
{
  Fixture *fixture = data;

  return !zopa_session_get_hinges_pending (fixture->session) && zopa_session_get_hinges (fixture->session) != NULL;
}

static ZopaActor *
moscow (Fixture *fixture)
{
  return zopa_scenario_find_actor (zopa_document_get_scenario (fixture->document), "moscow");
}

static void
test_lists_builtin (Fixture       *fixture,
                    gconstpointer  data)
{
  const guint *masks, *drafts;
  guint n_masks, n_drafts;
  GtkWidget *row;

  zopa_ui_test_wait_for (hinges_ready, fixture);
  /* Kyiv's maybe option, Moscow's reservation and Moscow's seven maybe options. */
  g_assert_cmpuint (zopa_assumptions_window_get_n_assumptions (fixture->window), ==, 9);
  g_assert_false (zopa_assumptions_window_get_highlight (fixture->window, &masks, &n_masks, &drafts, &n_drafts));

  /* Moscow's reservation: its verdict on the US plan (the first draft) hinges on it. */
  g_assert_true (zopa_assumptions_window_select (fixture->window, MOSCOW_RESERVATION));
  g_assert_true (zopa_assumptions_window_get_highlight (fixture->window, &masks, &n_masks, &drafts, &n_drafts));
  g_assert_cmpuint (n_drafts, ==, 1);
  g_assert_cmpuint (drafts[0], ==, 0);
  g_assert_cmpuint (n_masks, ==, 0);
  row = zopa_ui_test_find_type (GTK_WIDGET (fixture->window), ZOPA_TYPE_ASSUMPTION_ROW);
  g_assert_nonnull (row);

  /* Kyiv's "maybe" on an 800,000 cap: a verdict and two regions of the diagram. */
  g_assert_true (zopa_assumptions_window_select (fixture->window, KYIV_MAYBE_800K));
  g_assert_true (zopa_assumptions_window_get_highlight (fixture->window, &masks, &n_masks, &drafts, &n_drafts));
  g_assert_cmpuint (n_drafts, ==, 1);
  g_assert_cmpuint (n_masks, ==, 2);
  for (guint k = 0; k < n_masks; k++)
    {
      const ZopaRegionReadings *r = zopa_analysis_get_region_readings (zopa_session_get_analysis (fixture->session),
                                                                        masks[k]);
      g_assert_nonnull (r);
      g_assert_cmpint (r->empty_exclusive, ==, ZOPA_HOLDS_IN_SOME_READING);
    }
}

/* An edit supersedes the hinges being shown: pending at once, then the new list; the
 * selection follows the value while it is there. */
static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  const guint *masks, *drafts;
  guint n_masks, n_drafts;

  zopa_ui_test_wait_for (hinges_ready, fixture);
  g_assert_true (zopa_assumptions_window_select (fixture->window, MOSCOW_RESERVATION));

  zopa_actor_set_reservation (moscow (fixture), 70);
  g_assert_true (zopa_session_get_hinges_pending (fixture->session));
  g_assert_null (zopa_session_get_hinges (fixture->session));
  zopa_ui_test_wait_for (hinges_ready, fixture);
  g_assert_cmpuint (zopa_assumptions_window_get_n_assumptions (fixture->window), ==, 8);
  g_assert_false (zopa_assumptions_window_get_highlight (fixture->window, &masks, &n_masks, &drafts, &n_drafts));
  g_assert_false (zopa_assumptions_window_select (fixture->window, MOSCOW_RESERVATION));

  zopa_actor_set_reservation_range (moscow (fixture), 55, 85);
  zopa_ui_test_wait_for (hinges_ready, fixture);
  g_assert_cmpuint (zopa_assumptions_window_get_n_assumptions (fixture->window), ==, 9);
  g_assert_true (zopa_assumptions_window_select (fixture->window, MOSCOW_RESERVATION));

  /* A later edit keeps the selected value selected. */
  zopa_actor_set_reservation_range (moscow (fixture), 50, 90);
  zopa_ui_test_wait_for (hinges_ready, fixture);
  g_assert_true (zopa_assumptions_window_get_highlight (fixture->window, &masks, &n_masks, &drafts, &n_drafts));
}

static gboolean
stack_shows_empty (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (zopa_ui_test_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_STACK));

  return hinges_ready (data) && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0;
}

/* With only Washington and Europe shown nothing is uncertain. */
static void
test_nothing_uncertain (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_true (zopa_session_set_actor_shown (fixture->session, "kyiv", FALSE));
  g_assert_true (zopa_session_set_actor_shown (fixture->session, "moscow", FALSE));
  zopa_ui_test_wait_for (stack_shows_empty, fixture);
  g_assert_cmpuint (zopa_assumptions_window_get_n_assumptions (fixture->window), ==, 0);
}

/* The session computes hinges only while a view holds them. */
static void
test_computed_only_when_held (void)
{
  g_autoptr(ZopaDocument) document = zopa_document_new_builtin ();
  g_autoptr(ZopaSession) session = zopa_session_new (document);

  g_assert_false (zopa_session_get_hinges_pending (session));
  g_assert_null (zopa_session_get_hinges (session));
  zopa_session_hold_hinges (session);
  g_assert_true (zopa_session_get_hinges_pending (session));
  zopa_session_release_hinges (session);
  g_assert_false (zopa_session_get_hinges_pending (session));
}

static ZopaApplication *app;

static ZopaAssumptionsWindow *
find_assumptions_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ZOPA_IS_ASSUMPTIONS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
window_hinges_ready (gpointer data)
{
  ZopaSession *session = zopa_assumptions_window_get_session (data);

  return !zopa_session_get_hinges_pending (session) && zopa_session_get_hinges (session) != NULL;
}

static gboolean
is_emphasized (ZopaDiagramArea     *area,
               ZopaDiagramItemKind  kind,
               guint                mask,
               int                  draft)
{
  ZopaDiagramItem item;

  zopa_diagram_item_init (&item);
  item.kind = kind;
  item.mask = mask;
  item.draft = draft;
  return zopa_diagram_is_emphasized (zopa_diagram_area_get_diagram (area), &item);
}

/* From the main window: Ctrl+Shift+A's action opens the window (once), and the value
 * selected there picks out what hinges on it in the window's diagram; closing it clears. */
static void
test_highlights_main_diagram (void)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  ZopaDiagramArea *area;
  ZopaAssumptionsWindow *assumptions;
  const guint *masks, *drafts;
  guint n_masks, n_drafts, first_mask;

  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  area = ZOPA_DIAGRAM_AREA (zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_DIAGRAM_AREA));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assumptions", NULL);
  assumptions = find_assumptions_window ();
  g_assert_nonnull (assumptions);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assumptions", NULL);
  g_assert_true (find_assumptions_window () == assumptions);
  zopa_ui_test_wait_for (window_hinges_ready, assumptions);

  g_assert_true (zopa_assumptions_window_select (assumptions, KYIV_MAYBE_800K));
  zopa_ui_test_drain_events ();
  g_assert_true (zopa_assumptions_window_get_highlight (assumptions, &masks, &n_masks, &drafts, &n_drafts));
  g_assert_cmpuint (n_masks, >, 0);
  for (guint k = 0; k < n_masks; k++)
    g_assert_true (is_emphasized (area, ZOPA_DIAGRAM_ITEM_REGION, masks[k], -1));
  g_assert_cmpuint (n_drafts, ==, 1);
  g_assert_true (is_emphasized (area, ZOPA_DIAGRAM_ITEM_DRAFT, 0, (int) drafts[0]));
  /* The US plan's verdicts hinge on Moscow's values, not on this one. */
  g_assert_false (is_emphasized (area, ZOPA_DIAGRAM_ITEM_DRAFT, 0, 0));
  first_mask = masks[0];

  gtk_window_destroy (GTK_WINDOW (assumptions));
  zopa_ui_test_drain_events ();
  g_assert_false (is_emphasized (area, ZOPA_DIAGRAM_ITEM_REGION, first_mask, -1));
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add ("/assumptions-window/lists-builtin", Fixture, NULL, fixture_set_up, test_lists_builtin, fixture_tear_down);
  g_test_add ("/assumptions-window/follows-edits", Fixture, NULL, fixture_set_up, test_follows_edits, fixture_tear_down);
  g_test_add ("/assumptions-window/nothing-uncertain", Fixture, NULL, fixture_set_up, test_nothing_uncertain,
              fixture_tear_down);
  g_test_add_func ("/assumptions-window/computed-only-when-held", test_computed_only_when_held);
  g_test_add_func ("/assumptions-window/highlights-main-diagram", test_highlights_main_diagram);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
