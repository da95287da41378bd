/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-diagram-area.c: hover, tooltip, click and keyboard on the diagram in the window */

#include "config.h"

#include "ui/zopa-application.h"
#include "ui/zopa-diagram-area.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

/* The diagram is laid out and drawn over a few frames: let several of them pass. */
static void
drain_frames (void)
{
  for (int i = 0; i < 5; i++)
    {
      zopa_ui_test_drain_events ();
      g_usleep (10000);
    }
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

static int
draft_index (ZopaAnalysis *analysis,
             const char   *id)
{
  for (guint i = 0; i < zopa_analysis_get_n_drafts (analysis); i++)
    if (g_str_equal (zopa_analysis_get_draft_id (analysis, i), id))
      return i;
  return -1;
}

typedef struct {
  ZopaWindow      *window;
  ZopaDiagramArea *area;
  ZopaSession     *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = zopa_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain_frames ();
  fixture->area = ZOPA_DIAGRAM_AREA (zopa_ui_test_find_type (GTK_WIDGET (fixture->window), ZOPA_TYPE_DIAGRAM_AREA));
  g_assert_nonnull (fixture->area);
  fixture->session = zopa_diagram_area_get_session (fixture->area);
  g_assert_nonnull (fixture->session);
  g_assert_nonnull (zopa_diagram_area_get_diagram (fixture->area));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain_frames ();
}

static void
test_hover_and_click_a_marker (Fixture       *fixture,
                               gconstpointer  data)
{
  ZopaDiagram *diagram = zopa_diagram_area_get_diagram (fixture->area);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  int eu = draft_index (analysis, "eu");
  g_autofree char *tooltip = NULL;
  GtkEventController *motion;
  GtkEventController *click;
  double x, y, radius;
  guint mask;
  gboolean outside;

  g_assert_cmpint (eu, >=, 0);
  g_assert_true (zopa_diagram_get_draft_marker (diagram, eu, &x, &y, &radius, &mask, &outside));

  /* The European text sits where Washington, Kyiv and Europe — and only they — accept. */
  g_assert_cmpuint (mask, ==, zopa_analysis_get_draft_accepting (analysis, eu));
  g_assert_cmpuint (mask & 0x4, ==, 0);

  motion = find_controller (GTK_WIDGET (fixture->area), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_assert_nonnull (motion);
  g_signal_emit_by_name (motion, "motion", x, y);
  tooltip = zopa_diagram_area_describe_at (fixture->area, x, y, NULL);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, zopa_analysis_get_draft_title (analysis, eu)));
  g_assert_nonnull (strstr (tooltip, "Moscow"));
  g_assert_nonnull (strstr (tooltip, "Kyiv"));

  g_assert_null (zopa_session_get_selected_draft (fixture->session));
  click = find_controller (GTK_WIDGET (fixture->area), GTK_TYPE_GESTURE_CLICK);
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  drain_frames ();
  g_assert_cmpstr (zopa_session_get_selected_draft (fixture->session), ==, "eu");
}

static void
test_empty_region_tooltip (Fixture       *fixture,
                           gconstpointer  data)
{
  ZopaDiagram *diagram = zopa_diagram_area_get_diagram (fixture->area);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  const ZopaEllipse *shapes;
  guint n_shapes;
  guint kyiv_moscow = 0;
  double x, y, radius;
  g_autofree char *tooltip = NULL;

  for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
    if (g_str_equal (zopa_analysis_get_actor_id (analysis, k), "kyiv")
        || g_str_equal (zopa_analysis_get_actor_id (analysis, k), "moscow"))
      kyiv_moscow |= 1u << k;
  g_assert_true (zopa_analysis_get_region (analysis, kyiv_moscow)->exclusive_empty);

  shapes = zopa_diagram_get_shapes (diagram, &n_shapes);
  g_assert_nonnull (shapes);
  g_assert_true (zopa_euler_region_label_point (shapes, n_shapes, kyiv_moscow, &x, &y, &radius));
  tooltip = zopa_diagram_area_describe_at (fixture->area, x, y, NULL);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Kyiv"));
  g_assert_nonnull (strstr (tooltip, "Moscow"));
  g_assert_nonnull (strstr (tooltip, "No deal"));
}

static gboolean
press_key (Fixture *fixture,
           guint    keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (fixture->area), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

/* The item with the focus ring, and that it is the one at position in keyboard order. */
static void
assert_focus_at (Fixture *fixture,
                 int      position)
{
  ZopaDiagram *diagram = zopa_diagram_area_get_diagram (fixture->area);
  ZopaDiagramItem focused, expected;

  if (position < 0)
    {
      g_assert_false (zopa_diagram_get_focus (diagram, &focused));
      return;
    }
  g_assert_true (zopa_diagram_get_focus (diagram, &focused));
  g_assert_true (zopa_diagram_get_focus_item (diagram, (guint) position, &expected, NULL));
  g_assert_true (zopa_diagram_item_equal (&focused, &expected));
}

/* One Tab stop: Tab enters the diagram with the ring on its first item, the next Tab
 * leaves; arrows move between the items, wrapping; focus alone selects nothing, Enter
 * selects the focused draft; Escape takes the ring away, a second Escape is not the
 * diagram's. */
static void
test_keyboard_inside_the_diagram (Fixture       *fixture,
                                  gconstpointer  data)
{
  ZopaDiagram *diagram = zopa_diagram_area_get_diagram (fixture->area);
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  guint n = zopa_diagram_get_n_focus_items (diagram);
  ZopaDiagramItem second;
  g_autofree char *focused_description = NULL;
  g_autofree char *summary = zopa_diagram_describe_summary (diagram);
  g_autofree char *said = NULL;
  g_autofree char *mismatch = NULL;

  g_assert_cmpuint (n, >, 3);
  g_assert_true (zopa_diagram_get_focus_item (diagram, 1, &second, NULL));
  g_assert_cmpint (second.kind, ==, ZOPA_DIAGRAM_ITEM_DRAFT);
  focused_description = zopa_diagram_describe (diagram, &second);

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->area), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->area)));
  assert_focus_at (fixture, 0);
  g_assert_null (zopa_session_get_selected_draft (fixture->session));

  g_assert_true (press_key (fixture, GDK_KEY_Right));
  assert_focus_at (fixture, 1);
  g_assert_null (zopa_session_get_selected_draft (fixture->session));
  /* The accessible description says what the ring is on, then the whole picture. */
  said = g_strconcat (focused_description, "\n\n", summary, NULL);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->area),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said);
  g_assert_null (mismatch);
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  assert_focus_at (fixture, 2);
  g_assert_true (press_key (fixture, GDK_KEY_Up));
  g_assert_true (press_key (fixture, GDK_KEY_Left));
  assert_focus_at (fixture, 0);
  g_assert_true (press_key (fixture, GDK_KEY_Left));
  assert_focus_at (fixture, (int) n - 1);
  g_assert_true (press_key (fixture, GDK_KEY_Right));
  assert_focus_at (fixture, 0);
  g_assert_true (press_key (fixture, GDK_KEY_End));
  assert_focus_at (fixture, (int) n - 1);
  g_assert_true (press_key (fixture, GDK_KEY_Home));
  assert_focus_at (fixture, 0);

  /* A Tab inside moves on to the next widget, not to the next item. */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (fixture->area), GTK_DIR_TAB_FORWARD));
  g_assert_null (zopa_session_get_selected_draft (fixture->session));

  g_assert_true (press_key (fixture, GDK_KEY_Right));
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_cmpstr (zopa_session_get_selected_draft (fixture->session), ==,
                   zopa_analysis_get_draft_id (analysis, second.draft));
  g_assert_cmpint (zopa_diagram_get_selected_draft (zopa_diagram_area_get_diagram (fixture->area)), ==, second.draft);

  g_assert_true (press_key (fixture, GDK_KEY_Escape));
  assert_focus_at (fixture, -1);
  g_assert_false (press_key (fixture, GDK_KEY_Escape));
  g_assert_false (press_key (fixture, GDK_KEY_Return));
  /* The arrows bring the ring back, from the start. */
  g_assert_true (press_key (fixture, GDK_KEY_Right));
  assert_focus_at (fixture, 0);
}

static void
test_edit_shows_at_once (Fixture       *fixture,
                         gconstpointer  data)
{
  ZopaDiagram *before = zopa_diagram_area_get_diagram (fixture->area);
  ZopaScenario *scenario = zopa_session_get_scenario (fixture->session);
  ZopaHistory *history = zopa_document_get_history (zopa_session_get_document (fixture->session));
  ZopaActor *moscow = zopa_scenario_find_actor (scenario, "moscow");

  /* The old diagram is dropped and a new one drawn, with the new name. */
  g_object_add_weak_pointer (G_OBJECT (before), (gpointer *) &before);
  g_assert_true (zopa_history_set (history, moscow, "name", "Kremlin", NULL));
  g_assert_null (before);
  g_assert_cmpstr (zopa_analysis_get_actor_name (zopa_diagram_get_analysis (zopa_diagram_area_get_diagram (fixture->area)), 2),
                   ==, "Kremlin");
}

static gboolean
diagram_emphasizes (ZopaDiagramArea     *area,
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

/* The highlight of another view stays on the diagram over an edit until it is cleared. */
static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (zopa_diagram_area_get_diagram (fixture->area));
  ZopaHistory *history = zopa_document_get_history (zopa_session_get_document (fixture->session));
  ZopaActor *moscow = zopa_scenario_find_actor (zopa_session_get_scenario (fixture->session), "moscow");
  guint masks[] = { 0x3, 0x0 };
  guint drafts[1];
  ZopaDiagram *before;

  g_assert_cmpint (draft_index (analysis, "eu"), >=, 0);
  drafts[0] = (guint) draft_index (analysis, "eu");

  zopa_diagram_area_set_highlight (fixture->area, masks, G_N_ELEMENTS (masks), drafts, 1);
  g_assert_true (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_REGION, 0x3, -1));
  g_assert_true (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_REGION, 0x0, -1));
  g_assert_false (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_REGION, 0x1, -1));
  g_assert_true (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_DRAFT, 0, drafts[0]));

  before = zopa_diagram_area_get_diagram (fixture->area);
  g_object_add_weak_pointer (G_OBJECT (before), (gpointer *) &before);
  g_assert_true (zopa_history_set (history, moscow, "name", "Kremlin", NULL));
  g_assert_null (before);
  g_assert_true (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_REGION, 0x3, -1));
  g_assert_true (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_DRAFT, 0, drafts[0]));

  zopa_diagram_area_set_highlight (fixture->area, NULL, 0, NULL, 0);
  g_assert_false (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_REGION, 0x3, -1));
  g_assert_false (diagram_emphasizes (fixture->area, ZOPA_DIAGRAM_ITEM_DRAFT, 0, drafts[0]));
}

/* The toolbar's view and mode are the session's properties as actions, both ways; the mode
 * buttons are off on the issue map. */
static void
test_view_and_mode_actions (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *proportional = zopa_ui_test_find_button (window, "Proportional");
  GtkWidget *venn = zopa_ui_test_find_button (window, "Venn");

  g_assert_nonnull (proportional);
  g_assert_nonnull (venn);
  g_assert_true (gtk_widget_activate_action (window, "diagram.mode", "s", "proportional"));
  g_assert_cmpint (zopa_session_get_mode (fixture->session), ==, ZOPA_DIAGRAM_MODE_PROPORTIONAL);
  g_assert_true (gtk_widget_activate_action (window, "diagram.view", "s", "issue-map"));
  g_assert_cmpint (zopa_session_get_view (fixture->session), ==, ZOPA_DIAGRAM_VIEW_ISSUE_MAP);
  zopa_ui_test_drain_events ();
  g_assert_false (gtk_widget_is_sensitive (proportional));

  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (venn)));

  /* The session's own changes show on the toggle buttons. */
  zopa_session_set_view (fixture->session, ZOPA_DIAGRAM_VIEW_VENN);
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (venn)));
  g_assert_true (gtk_widget_is_sensitive (proportional));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (proportional)));
  zopa_session_set_mode (fixture->session, ZOPA_DIAGRAM_MODE_SCHEMATIC);
  zopa_ui_test_drain_events ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (proportional)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = zopa_ui_test_init_app (&argc, &argv);

  g_test_add ("/diagram-area/view-and-mode-actions", Fixture, NULL,
              fixture_set_up, test_view_and_mode_actions, fixture_tear_down);
  g_test_add ("/diagram-area/hover-and-click-marker", Fixture, NULL,
              fixture_set_up, test_hover_and_click_a_marker, fixture_tear_down);
  g_test_add ("/diagram-area/empty-region-tooltip", Fixture, NULL,
              fixture_set_up, test_empty_region_tooltip, fixture_tear_down);
  g_test_add ("/diagram-area/keyboard-inside", Fixture, NULL,
              fixture_set_up, test_keyboard_inside_the_diagram, fixture_tear_down);
  g_test_add ("/diagram-area/edit-shows-at-once", Fixture, NULL,
              fixture_set_up, test_edit_shows_at_once, fixture_tear_down);
  g_test_add ("/diagram-area/highlight", Fixture, NULL,
              fixture_set_up, test_highlight, fixture_tear_down);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
