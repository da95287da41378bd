/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-range-control.c: the "from – to" control and the acceptability choice on their own,
 * and a utility row that writes a range through the history */

#include "config.h"

#include <adwaita.h>

#include "model/zopa-edit.h"
#include "model/zopa-scenario-file.h"
#include "ui/zopa-acceptability-choice.h"
#include "ui/zopa-range-control.h"
#include "ui/zopa-utility-row.h"

#include "zopa-ui-test.h"

static void
count_cb (gpointer  object,
          guint    *counter)
{
  (*counter)++;
}

static void
assert_range (ZopaRange range,
              int       low,
              int       high,
              gboolean  ranged)
{
  g_assert_cmpint (range.low, ==, low);
  g_assert_cmpint (range.high, ==, high);
  g_assert_cmpint (range.ranged, ==, ranged);
}

/* What is shown is given without "edited"; the user's changes emit it once each. */
static void
test_control_forms (void)
{
  GtkWidget *control = g_object_ref_sink (zopa_range_control_new ());
  ZopaRangeControl *self = ZOPA_RANGE_CONTROL (control);
  GtkSpinButton *from = zopa_range_control_get_from_spin (self);
  GtkSpinButton *to = zopa_range_control_get_to_spin (self);
  GtkToggleButton *toggle = zopa_range_control_get_toggle (self);
  ZopaRange plain_60 = { 60, 60, FALSE };
  ZopaRange range_70_85 = { 70, 85, TRUE };
  guint n_edited = 0;

  g_signal_connect (control, "edited", G_CALLBACK (count_cb), &n_edited);
  zopa_range_control_set_upper (self, 100);
  zopa_range_control_set_subject (self, "Moscow's reservation");
  g_assert_cmpstr (zopa_range_control_get_subject (self), ==, "Moscow's reservation");

  zopa_range_control_set_range (self, plain_60);
  assert_range (zopa_range_control_get_range (self), 60, 60, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (to)));
  zopa_range_control_set_range (self, range_70_85);
  assert_range (zopa_range_control_get_range (self), 70, 85, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (to)));
  g_assert_true (gtk_toggle_button_get_active (toggle));
  g_assert_cmpuint (n_edited, ==, 0);

  /* Back to one value keeps the low end; a new range starts as [v, v]. */
  gtk_toggle_button_set_active (toggle, FALSE);
  g_assert_cmpuint (n_edited, ==, 1);
  assert_range (zopa_range_control_get_range (self), 70, 70, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (to)));
  gtk_toggle_button_set_active (toggle, TRUE);
  g_assert_cmpuint (n_edited, ==, 2);
  assert_range (zopa_range_control_get_range (self), 70, 70, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (to)));

  /* "to" set, then "from" raised past it: "to" comes along, in sight. */
  gtk_spin_button_set_value (to, 85);
  g_assert_cmpuint (n_edited, ==, 3);
  assert_range (zopa_range_control_get_range (self), 70, 85, TRUE);
  gtk_spin_button_set_value (from, 90);
  g_assert_cmpuint (n_edited, ==, 4);
  assert_range (zopa_range_control_get_range (self), 90, 90, TRUE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (to), ==, 90);
  /* "to" lowered below "from": "from" comes down. */
  gtk_spin_button_set_value (to, 40);
  g_assert_cmpuint (n_edited, ==, 5);
  assert_range (zopa_range_control_get_range (self), 40, 40, TRUE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (from), ==, 40);

  /* Values above the upper bound are clamped by the spin buttons. */
  zopa_range_control_set_upper (self, 10);
  g_assert_cmpint (zopa_range_control_get_upper (self), ==, 10);
  assert_range (zopa_range_control_get_range (self), 10, 10, TRUE);
  gtk_spin_button_set_value (to, 50);
  assert_range (zopa_range_control_get_range (self), 10, 10, TRUE);

  g_object_unref (control);
}

/* The sources button: beside a range of an actor that cites sources, and it lists them. */
static void
test_control_sources (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  ZopaActor *moscow = zopa_scenario_find_actor (scenario, "moscow");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *control = zopa_range_control_new ();
  ZopaRangeControl *self = ZOPA_RANGE_CONTROL (control);
  GtkMenuButton *button = zopa_range_control_get_sources_button (self);
  ZopaRange plain_60 = { 60, 60, FALSE };
  ZopaRange range_55_85 = { 55, 85, TRUE };
  const char * const *cited = zopa_actor_get_sources (moscow);
  guint n_cited = g_strv_length ((char **) cited);
  GtkPopover *popover;

  gtk_window_set_child (GTK_WINDOW (window), control);
  gtk_window_present (GTK_WINDOW (window));
  zopa_range_control_set_range (self, plain_60);
  zopa_range_control_set_sources (self, scenario, moscow);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  zopa_range_control_set_range (self, range_55_85);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  zopa_ui_test_drain_events ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* One "Open Link" button per cited source with a link. */
  {
    guint n_links = 0;

    while (zopa_ui_test_find_nth_type (GTK_WIDGET (popover), GTK_TYPE_BUTTON, n_links) != NULL)
      n_links++;
    g_assert_cmpuint (n_links, >, 0);
    g_assert_cmpuint (n_links, <=, n_cited);
  }
  gtk_menu_button_popdown (button);

  /* An actor citing nothing: no button. */
  zopa_actor_set_sources (moscow, NULL);
  zopa_range_control_set_sources (self, scenario, moscow);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

/* The choice: set without "chosen", one "chosen" per pick. */
static void
test_acceptability_choice (void)
{
  GtkWidget *widget = g_object_ref_sink (zopa_acceptability_choice_new ());
  ZopaAcceptabilityChoice *choice = ZOPA_ACCEPTABILITY_CHOICE (widget);
  guint n_chosen = 0;

  g_signal_connect (widget, "chosen", G_CALLBACK (count_cb), &n_chosen);
  zopa_acceptability_choice_set_acceptability (choice, ZOPA_ACCEPTABILITY_MAYBE);
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_MAYBE);
  zopa_acceptability_choice_set_acceptability (choice, ZOPA_ACCEPTABILITY_RED_LINE);
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_RED_LINE);
  g_assert_cmpuint (n_chosen, ==, 0);

  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_ACCEPTABLE), TRUE);
  g_assert_cmpuint (n_chosen, ==, 1);
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_ACCEPTABLE);
  g_assert_false (gtk_toggle_button_get_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_RED_LINE)));
  gtk_toggle_button_set_active (zopa_acceptability_choice_get_button (choice, ZOPA_ACCEPTABILITY_MAYBE), TRUE);
  g_assert_cmpuint (n_chosen, ==, 2);
  g_assert_cmpint (zopa_acceptability_choice_get_acceptability (choice), ==, ZOPA_ACCEPTABILITY_MAYBE);
  g_object_unref (widget);
}

/* A utility row: the toggle, "to" and back to one value, each one step; undo restores the
 * file's bytes exactly. */
static void
test_utility_row_range (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();
  g_autoptr(ZopaHistory) history = zopa_history_new (scenario);
  ZopaActor *moscow = zopa_scenario_find_actor (scenario, "moscow");
  ZopaIssue *army_cap = zopa_scenario_find_issue (scenario, "army-cap");
  ZopaOption *no_cap = zopa_issue_get_option (army_cap, zopa_issue_find_option (army_cap, "no-cap"));
  ZopaStance *stance = zopa_actor_find_stance (moscow, "army-cap");
  GtkWidget *row = g_object_ref_sink (zopa_utility_row_new (history, army_cap, no_cap));
  ZopaRangeControl *utility = zopa_utility_row_get_utility (ZOPA_UTILITY_ROW (row));
  g_autofree char *before = zopa_scenario_to_data (scenario, NULL);
  g_autofree char *after = NULL;
  int value = zopa_stance_get_utility (stance, "no-cap");

  zopa_utility_row_set_actor (ZOPA_UTILITY_ROW (row), moscow);
  assert_range (zopa_range_control_get_range (utility), value, value, FALSE);
  g_assert_cmpstr (zopa_range_control_get_subject (utility), ==, "Moscow's utility of “No limit”");

  gtk_toggle_button_set_active (zopa_range_control_get_toggle (utility), TRUE);
  assert_range (zopa_stance_get_utility_range (stance, "no-cap"), value, value, TRUE);
  zopa_history_break_merge (history);
  gtk_spin_button_set_value (zopa_range_control_get_to_spin (utility), value + 20);
  assert_range (zopa_stance_get_utility_range (stance, "no-cap"), value, value + 20, TRUE);
  g_assert_cmpuint (zopa_history_get_n_undo_steps (history), ==, 2);
  after = zopa_scenario_to_data (scenario, NULL);

  /* Undone from elsewhere: the control follows. */
  g_assert_true (zopa_history_undo (history));
  assert_range (zopa_range_control_get_range (utility), value, value, TRUE);
  g_assert_true (zopa_history_undo (history));
  assert_range (zopa_range_control_get_range (utility), value, value, FALSE);
  {
    g_autofree char *undone = zopa_scenario_to_data (scenario, NULL);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (zopa_history_redo (history));
  g_assert_true (zopa_history_redo (history));
  {
    g_autofree char *redone = zopa_scenario_to_data (scenario, NULL);

    g_assert_cmpstr (redone, ==, after);
  }
  assert_range (zopa_range_control_get_range (utility), value, value + 20, TRUE);
  g_object_unref (row);
}

int
main (int argc, char **argv)
{
  ZopaApplication *app = zopa_ui_test_init_app (&argc, &argv);
  int status;

  g_test_add_func ("/range-control/forms", test_control_forms);
  g_test_add_func ("/range-control/sources", test_control_sources);
  g_test_add_func ("/range-control/acceptability-choice", test_acceptability_choice);
  g_test_add_func ("/range-control/utility-row", test_utility_row_range);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
