/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-locale.c: the window under the German locale writes counts and shares the German way
 * ("10.673", "0,36 %"), in the diagram's descriptions and in the actor editor. The process
 * starts in that locale, as the application would; the test is skipped only when the system
 * cannot make de_DE.UTF-8 at all. */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "diagram/zopa-diagram.h"
#include "ui/zopa-actor-editor.h"
#include "ui/zopa-diagram-area.h"
#include "ui/zopa-window.h"

#include "zopa-test-locale.h"
#include "zopa-ui-test.h"

static ZopaApplication *app;
static char *skip_reason;

static int
actor_index (ZopaAnalysis *analysis,
             const char   *id)
{
  for (guint i = 0; i < zopa_analysis_get_n_actors (analysis); i++)
    if (g_str_equal (zopa_analysis_get_actor_id (analysis, i), id))
      return i;
  return -1;
}

static gboolean
match_reservation_row (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Reservation") == 0;
}

static void
test_window_numbers (void)
{
  ZopaWindow *window;
  ZopaDiagramArea *area;
  ZopaDiagram *diagram;
  ZopaAnalysis *analysis;
  ZopaDiagramItem item;
  ZopaActorEditor *editor;
  GtkWidget *row;
  g_autofree char *region = NULL;
  int kyiv;

  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }

  window = zopa_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  area = ZOPA_DIAGRAM_AREA (zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_DIAGRAM_AREA));
  diagram = zopa_diagram_area_get_diagram (area);
  analysis = zopa_diagram_get_analysis (diagram);
  kyiv = actor_index (analysis, "kyiv");
  g_assert_cmpint (kyiv, >=, 0);

  /* The region only Kyiv accepts: 10673 of 2985984 deals. */
  zopa_diagram_item_init (&item);
  item.kind = ZOPA_DIAGRAM_ITEM_REGION;
  item.mask = 1u << kyiv;
  region = zopa_diagram_describe (diagram, &item);
  g_test_message ("%s", region);
  g_assert_nonnull (strstr (region, "10.673"));
  g_assert_nonnull (strstr (region, "0,36 %"));
  g_assert_null (strstr (region, "10,673"));

  /* The actor editor's reservation hint: what Kyiv accepts on its own, 41340 deals. */
  editor = zopa_actor_editor_show (GTK_WINDOW (window), zopa_diagram_area_get_session (area), "kyiv");
  zopa_ui_test_drain_events ();
  row = zopa_ui_test_find_widget (GTK_WIDGET (editor), match_reservation_row, NULL);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "41.340"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "1,4 %"));

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

int
main (int argc, char **argv)
{
  int status;

  /* As main.c does, from the environment; gtk_test_init leaves the locale alone. */
  if (zopa_test_locale_prepare ("de_DE.UTF-8", &skip_reason))
    g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  app = zopa_ui_test_init_app (&argc, &argv);
  g_test_add_func ("/ui/locale/window-numbers", test_window_numbers);
  status = g_test_run ();
  g_object_unref (app);
  g_free (skip_reason);
  zopa_test_locale_cleanup ();
  return status;
}
