/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history-binding.c: a model property in a widget, edited through the undo history */

#include "config.h"

#include <adwaita.h>

#include "model/zopa-scenario-file.h"
#include "ui/zopa-history-binding.h"

#include "zopa-ui-test.h"

typedef struct {
  ZopaScenario *scenario;
  ZopaHistory  *history;
  ZopaDraft    *draft;
  ZopaActor    *actor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->scenario = zopa_scenario_load_builtin ();
  f->history = zopa_history_new (f->scenario);
  f->draft = g_list_model_get_item (zopa_scenario_get_drafts (f->scenario), 0);
  f->actor = g_list_model_get_item (zopa_scenario_get_actors (f->scenario), 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->actor);
  g_clear_object (&f->draft);
  g_clear_object (&f->history);
  g_clear_object (&f->scenario);
}

/* An entry: typing is one merged step; undo and edits elsewhere show in the entry. */
static void
test_editable (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());
  ZopaHistoryBinding *binding = zopa_history_bind (f->history, f->draft, "date", entry, ZOPA_HISTORY_BIND_DEFAULT);
  g_autofree char *before = g_strdup (zopa_draft_get_date (f->draft));

  g_assert_nonnull (binding);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
  g_assert_false (zopa_history_get_can_undo (f->history));

  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-01-0");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-01-02");
  g_assert_cmpstr (zopa_draft_get_date (f->draft), ==, "2026-01-02");
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_history_get_can_undo (f->history));
  g_assert_cmpstr (zopa_draft_get_date (f->draft), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);

  /* An edit elsewhere reaches the entry, and is no new step of the entry's. */
  zopa_history_set (f->history, f->draft, "date", "2027-03-04", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2027-03-04");
  g_assert_true (zopa_history_undo (f->history));
  g_assert_false (zopa_history_get_can_undo (f->history));

  /* Unbound, the entry no longer writes. */
  zopa_history_binding_unbind (binding);
  gtk_editable_set_text (GTK_EDITABLE (entry), "unbound");
  g_assert_cmpstr (zopa_draft_get_date (f->draft), ==, before);
  g_object_unref (entry);
}

/* A text view whose empty text means NULL; the binding goes with the view. */
static void
test_text_view (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *view = g_object_ref_sink (gtk_text_view_new ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  zopa_history_bind (f->history, f->draft, "notes", view, ZOPA_HISTORY_BIND_EMPTY_IS_NULL);
  gtk_text_buffer_set_text (buffer, "", -1);
  g_assert_null (zopa_draft_get_notes (f->draft));
  gtk_text_buffer_set_text (buffer, "A note", -1);
  g_assert_cmpstr (zopa_draft_get_notes (f->draft), ==, "A note");

  /* Undo puts the old notes back in the view, without a step of its own. */
  while (zopa_history_get_can_undo (f->history))
    zopa_history_undo (f->history);
  g_assert_true (zopa_history_get_can_redo (f->history));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, zopa_draft_get_notes (f->draft) != NULL ? zopa_draft_get_notes (f->draft) : "");
  }
  g_assert_false (zopa_history_get_can_undo (f->history));

  /* The view goes; edits of the model are no concern of anyone's. */
  g_object_unref (view);
  zopa_history_set (f->history, f->draft, "notes", "After the view", NULL);
  g_assert_cmpstr (zopa_draft_get_notes (f->draft), ==, "After the view");
}

/* A spin button and an adjustment on an int property. */
static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  GtkAdjustment *adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 100, 1, 10, 0));
  GtkWidget *spin = g_object_ref_sink (gtk_spin_button_new (adjustment, 1, 0));
  GtkAdjustment *other = g_object_ref_sink (gtk_adjustment_new (0, 0, 100, 1, 10, 0));
  int before = zopa_actor_get_reservation (f->actor);

  zopa_history_bind (f->history, f->actor, "reservation", spin, ZOPA_HISTORY_BIND_DEFAULT);
  zopa_history_bind (f->history, f->actor, "reservation", other, ZOPA_HISTORY_BIND_DEFAULT);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, before);
  g_assert_cmpfloat (gtk_adjustment_get_value (other), ==, before);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 33);
  g_assert_cmpint (zopa_actor_get_reservation (f->actor), ==, 33);
  g_assert_cmpfloat (gtk_adjustment_get_value (other), ==, 33);
  gtk_adjustment_set_value (other, 44);
  g_assert_cmpint (zopa_actor_get_reservation (f->actor), ==, 44);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 44);

  while (zopa_history_get_can_undo (f->history))
    zopa_history_undo (f->history);
  g_assert_cmpint (zopa_actor_get_reservation (f->actor), ==, before);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, before);
  g_assert_cmpfloat (gtk_adjustment_get_value (other), ==, before);

  g_object_unref (spin);
  g_object_unref (other);
  g_object_unref (adjustment);
}

/* A kept binding's pointer is cleared when the binding ends on its own. */
static void
test_keep (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());
  GtkWidget *other = g_object_ref_sink (gtk_entry_new ());
  ZopaHistoryBinding *kept = NULL;

  zopa_history_binding_keep (&kept, zopa_history_bind (f->history, f->draft, "origin", entry, ZOPA_HISTORY_BIND_DEFAULT));
  g_assert_nonnull (kept);
  g_object_unref (entry);
  g_assert_null (kept);
  zopa_history_binding_clear (&kept);

  /* Keeping another unbinds the first: its entry writes no more. */
  zopa_history_binding_keep (&kept, zopa_history_bind (f->history, f->draft, "origin", other, ZOPA_HISTORY_BIND_DEFAULT));
  zopa_history_binding_keep (&kept, zopa_history_bind (f->history, f->draft, "date", other, ZOPA_HISTORY_BIND_DEFAULT));
  gtk_editable_set_text (GTK_EDITABLE (other), "1999-12-31");
  g_assert_cmpstr (zopa_draft_get_date (f->draft), ==, "1999-12-31");
  g_assert_cmpstr (zopa_draft_get_origin (f->draft), !=, "1999-12-31");
  zopa_history_binding_clear (&kept);
  g_assert_null (kept);
  g_object_unref (other);
}

int
main (int argc, char **argv)
{
  ZopaApplication *app = zopa_ui_test_init_app (&argc, &argv);
  int status;

  g_test_add ("/history-binding/editable", Fixture, NULL, fixture_set_up, test_editable, fixture_tear_down);
  g_test_add ("/history-binding/text-view", Fixture, NULL, fixture_set_up, test_text_view, fixture_tear_down);
  g_test_add ("/history-binding/numbers", Fixture, NULL, fixture_set_up, test_numbers, fixture_tear_down);
  g_test_add ("/history-binding/keep", Fixture, NULL, fixture_set_up, test_keep, fixture_tear_down);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
