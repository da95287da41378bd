/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-adaptive.c: the window and the editors down to 360 px — the leaflets fold, a chosen
 * draft or item takes the place of the diagram or list, back returns — and at full width the
 * draft panel stays beside the diagram across variant switches; the draft panel's header
 * reaches each section and Back from a clause returns to where the overview was; arrows in
 * the draft list move the focus without choosing a draft */

#include "config.h"

#include "ui/zopa-actor-editor.h"
#include "ui/zopa-clause-editor.h"
#include "ui/zopa-compare-window.h"
#include "ui/zopa-draft-panel-private.h"
#include "ui/zopa-issue-editor.h"
#include "ui/zopa-line-view.h"
#include "ui/zopa-shown-row.h"
#include "ui/zopa-sidebar.h"
#include "ui/zopa-variant-editor.h"
#include "ui/zopa-window.h"

#include "zopa-ui-test.h"

static ZopaApplication *app;

typedef struct {
  GtkWidget *widget;
  int        width;
} WidthWait;

static int
minimum_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The widget and its ancestors, by type and node name, for a message. */
static char *
describe_ancestry (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL && !GTK_IS_ROOT (w); w = gtk_widget_get_parent (w))
    g_string_append_printf (path, "%s%s(%s)", path->len > 0 ? " in " : "",
                            G_OBJECT_TYPE_NAME (w), gtk_widget_get_css_name (w));
  return g_string_free (path, FALSE);
}

/* What reaches past the sides of content (a window's content), or NULL: a mapped widget
 * allocated beyond its left or right edge, or a horizontal scroll bar with something to
 * scroll. Popovers and other surfaces of their own are left out. */
static char *
describe_overflow (GtkWidget *content,
                   GtkWidget *widget)
{
  int width = gtk_widget_get_width (content);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || (widget != content && GTK_IS_NATIVE (widget)))
    return NULL;
  /* The shade a leaflet or flap draws beside a sliding page stays mapped, clipped away. */
  if (g_strv_contains ((const char *[]) { "shadow", "dimming", "outline", "border", NULL },
                       gtk_widget_get_css_name (widget))
      && (ADW_IS_LEAFLET (gtk_widget_get_parent (widget)) || ADW_IS_FLAP (gtk_widget_get_parent (widget))))
    return NULL;
  if (!gtk_widget_compute_bounds (widget, content, &bounds))
    return g_strdup_printf ("%s has no place in the window", G_OBJECT_TYPE_NAME (widget));
  /* A pixel and a half: Adwaita's styles draw some header bars a pixel past their pane's
   * sides (margins of -1, to run under the separator); and rounding of fractions. */
  if (bounds.origin.x < -1.5 || bounds.origin.x + bounds.size.width > width + 1.5)
    {
      g_autofree char *path = describe_ancestry (widget);

      return g_strdup_printf ("%s spans x %.1f to %.1f, the window is %d wide",
                              path, bounds.origin.x, bounds.origin.x + bounds.size.width, width);
    }
  if (GTK_IS_SCROLLBAR (widget))
    {
      GtkAdjustment *adjustment = gtk_scrollbar_get_adjustment (GTK_SCROLLBAR (widget));

      if (gtk_orientable_get_orientation (GTK_ORIENTABLE (widget)) == GTK_ORIENTATION_HORIZONTAL
          && gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)
          > gtk_adjustment_get_page_size (adjustment) + 0.5)
        return g_strdup_printf ("a horizontal scroll bar scrolls %.0f px in a %.0f px view",
                                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment),
                                gtk_adjustment_get_page_size (adjustment));
      /* Its slider's styles reach past the trough, which stays in. */
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = describe_overflow (content, child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a line of wrapped text ends between two letters or digits of one word. */
static gboolean
breaks_between (gunichar before,
                gunichar after)
{
  return g_unichar_isalnum (before) && g_unichar_isalnum (after);
}

static gboolean
label_breaks_word (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      if (line->start_index > 0
          && breaks_between (g_utf8_get_char (g_utf8_prev_char (text + line->start_index)),
                             g_utf8_get_char (text + line->start_index)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
view_breaks_word (GtkTextView *view)
{
  GtkTextIter line;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &line);
  while (gtk_text_view_forward_display_line (view, &line) && !gtk_text_iter_is_end (&line))
    {
      GtkTextIter before = line;

      if (gtk_text_iter_backward_char (&before)
          && breaks_between (gtk_text_iter_get_char (&before), gtk_text_iter_get_char (&line)))
        return TRUE;
    }
  return FALSE;
}

/* The first label or line of text in a row below widget that is cut short or broken inside a
 * word, or NULL: a title must stay readable at any width. */
static char *
describe_cut_title (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW) != NULL
      && gtk_label_get_wrap (GTK_LABEL (widget))
      && (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget)))
          || label_breaks_word (GTK_LABEL (widget))))
    return g_strdup_printf ("the label \"%s\" is cut", gtk_label_get_text (GTK_LABEL (widget)));
  if (ZOPA_IS_LINE_VIEW (widget) && view_breaks_word (GTK_TEXT_VIEW (widget)))
    return g_strdup ("a line of text breaks inside a word");
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = describe_cut_title (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       painted)
{
  *(gboolean *) painted = TRUE;
}

static gboolean
flag_set (gpointer flag)
{
  return *(gboolean *) flag;
}

/* Until the window has drawn a frame: what a page change or a resize asked of the layout is
 * done (without animations a leaflet switches pages before the pages get their places). */
static void
wait_for_layout (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  zopa_ui_test_wait_for (flag_set, &painted);
  g_signal_handler_disconnect (clock, handler);
}

static void
assert_titles_whole (GtkWidget *content)
{
  g_autofree char *cut = NULL;

  wait_for_layout (content);
  cut = describe_cut_title (content);
  g_assert_cmpstr (cut, ==, NULL);
}

static void
assert_fits (GtkWidget *content)
{
  g_autofree char *overflow = NULL;

  wait_for_layout (content);
  overflow = describe_overflow (content, content);
  g_assert_cmpstr (overflow, ==, NULL);
}

static gboolean
widget_has_width (gpointer data)
{
  WidthWait *wait = data;

  int width = gtk_widget_get_width (wait->widget);

  /* The window's frame (without a window manager, its own) takes a few pixels of it. */
  return gtk_widget_get_mapped (wait->widget) && width <= wait->width && width >= wait->width - 20;
}

/* Resizes the window and waits until its content is laid out at (about) that width. */
static void
resize_window (GtkWindow *window,
               GtkWidget *content,
               int        width,
               int        height)
{
  WidthWait wait = { content, width };
  int minimum;

  /* A content wider than that would never get there: say so rather than wait. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > width)
    g_error ("the window's content needs %d px, wider than %d", minimum, width);
  gtk_window_set_default_size (window, width, height);
  zopa_ui_test_wait_for (widget_has_width, &wait);
}

/* A button's "clicked" at once (gtk_widget_activate() emits it a quarter second later). */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
leaflet_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

static gboolean
leaflet_unfolded (gpointer leaflet)
{
  return !adw_leaflet_get_folded (leaflet);
}

static gboolean
leaflet_at_rest (gpointer leaflet)
{
  return !adw_leaflet_get_child_transition_running (leaflet);
}

static gboolean
shows_draft_page (gpointer leaflet)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "draft") == 0
         && leaflet_at_rest (leaflet);
}

static gboolean
shows_diagram_page (gpointer leaflet)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "diagram") == 0
         && leaflet_at_rest (leaflet);
}

static ZopaWindow *
open_window (int width,
             int height)
{
  ZopaWindow *window = zopa_window_new (GTK_APPLICATION (app));
  GtkWidget *content;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  resize_window (GTK_WINDOW (window), content, width, height);
  return window;
}

static GtkListBox *
draft_list (ZopaWindow *window)
{
  GtkWidget *sidebar = zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_SIDEBAR);
  GtkListBox *list = GTK_LIST_BOX (zopa_ui_test_find_nth_type (sidebar, GTK_TYPE_LIST_BOX, 0));

  g_assert_nonnull (list);
  return list;
}

static gboolean
widget_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static const char *
selected_draft (ZopaWindow *window)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (draft_list (window));

  return row != NULL ? zopa_draft_get_id (zopa_shown_row_get_item (ZOPA_SHOWN_ROW (row))) : NULL;
}

/* The toolbar is as tall as the layout it shows needs (its stacked rows at 360 px). */
static gboolean
toolbar_fits_its_layout (gpointer squeezer)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (squeezer);
  int needed;

  if (shown == NULL)
    return FALSE;
  gtk_widget_measure (shown, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (shown), &needed, NULL, NULL, NULL);
  return gtk_widget_get_height (squeezer) >= needed;
}

static void
test_window_folds_at_360 (void)
{
  ZopaWindow *window = open_window (360, 640);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  AdwLeaflet *leaflet = ADW_LEAFLET (zopa_ui_test_find_named (GTK_WIDGET (window), "detail-leaflet"));
  GtkWidget *back = zopa_ui_test_find_named (GTK_WIDGET (window), "draft-panel-back");
  GtkWidget *panel_button = zopa_ui_test_find_named (GTK_WIDGET (window), "draft-panel-button");
  AdwFlap *flap = ADW_FLAP (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP));
  const char *sections[] = { "jump-verdicts", "jump-take", "jump-clauses" };
  GtkListBox *drafts;
  GtkListBoxRow *row;

  g_assert_nonnull (leaflet);
  g_assert_nonnull (back);
  g_assert_cmpint (minimum_width (content), <=, 360);
  zopa_ui_test_wait_for (leaflet_folded, leaflet);
  zopa_ui_test_wait_for (shows_diagram_page, leaflet);
  zopa_ui_test_wait_for (toolbar_fits_its_layout, zopa_ui_test_find_named (GTK_WIDGET (window), "toolbar-squeezer"));
  /* The leaflet's slide from the panel may still be running: both pages are mapped then. */
  zopa_ui_test_wait_for (widget_unmapped, back);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (panel_button)));
  assert_fits (content);

  /* Choosing a draft in the sidebar (over the diagram at this width) shows its details. */
  adw_flap_set_reveal_flap (flap, TRUE);
  drafts = draft_list (window);
  row = gtk_list_box_get_row_at_index (drafts, 1);
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  zopa_ui_test_wait_for (shows_draft_page, leaflet);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (panel_button)));
  assert_fits (content);
  /* The names of the panel's sections fit whole. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *label = zopa_ui_test_find_type (zopa_ui_test_find_named (GTK_WIDGET (window), sections[i]),
                                                 GTK_TYPE_LABEL);

      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
    }

  /* Back returns to the diagram; the draft stays chosen. */
  gtk_widget_activate (back);
  zopa_ui_test_wait_for (shows_diagram_page, leaflet);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (panel_button)));
  g_assert_true (gtk_list_box_get_selected_row (drafts) == row);

  /* The header's toggle goes to the panel and back as well. */
  gtk_widget_activate (panel_button);
  zopa_ui_test_wait_for (shows_draft_page, leaflet);
  gtk_widget_activate (panel_button);
  zopa_ui_test_wait_for (shows_diagram_page, leaflet);

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

typedef struct {
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_says (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_label (wait->label), wait->text) == 0;
}

static void
test_wide_window_keeps_panel_across_variants (void)
{
  ZopaWindow *window = open_window (1280, 800);
  AdwLeaflet *leaflet = ADW_LEAFLET (zopa_ui_test_find_named (GTK_WIDGET (window), "detail-leaflet"));
  GtkWidget *panel = zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_DRAFT_PANEL);
  GtkWidget *back = zopa_ui_test_find_named (GTK_WIDGET (window), "draft-panel-back");
  ZopaScenario *scenario = zopa_document_get_scenario (zopa_window_get_document (window));
  GListModel *variants = zopa_scenario_get_variants (scenario);
  GtkLabel *variant_label = GTK_LABEL (zopa_ui_test_find_type (zopa_ui_test_find_named (GTK_WIDGET (window), "variant-button"),
                                                               GTK_TYPE_LABEL));
  GtkListBoxRow *row;
  const char *chosen;

  zopa_ui_test_wait_for (leaflet_unfolded, leaflet);
  g_assert_true (gtk_widget_get_mapped (panel));
  g_assert_false (gtk_widget_get_visible (back));

  row = gtk_list_box_get_row_at_index (draft_list (window), 2);
  gtk_widget_activate (GTK_WIDGET (row));
  zopa_ui_test_drain_events ();
  chosen = selected_draft (window);
  g_assert_nonnull (chosen);

  g_assert_cmpuint (g_list_model_get_n_items (variants), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ZopaVariant) variant = g_list_model_get_item (variants, i);
      LabelWait wait = { variant_label, zopa_variant_get_title (variant) };

      gtk_widget_activate_action (GTK_WIDGET (window), "diagram.variant", "s", zopa_variant_get_id (variant));
      /* The variant button's label, whose width once folded the panel away, follows the switch. */
      zopa_ui_test_wait_for (label_says, &wait);
      zopa_ui_test_drain_events ();

      g_assert_false (adw_leaflet_get_folded (leaflet));
      g_assert_true (gtk_widget_get_mapped (panel));
      g_assert_cmpstr (selected_draft (window), ==, chosen);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

/* Arrows move the focus through the drafts without choosing one; Enter chooses. */
static void
test_draft_list_arrows_do_not_choose (void)
{
  ZopaWindow *window = open_window (1280, 800);
  GtkListBox *drafts = draft_list (window);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (drafts, 0);
  GtkListBoxRow *second = gtk_list_box_get_row_at_index (drafts, 1);
  g_autofree char *before = g_strdup (selected_draft (window));

  g_assert_nonnull (second);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  g_signal_emit_by_name (drafts, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (second));
  g_assert_cmpstr (selected_draft (window), ==, before);

  g_signal_emit_by_name (drafts, "activate-cursor-row");
  zopa_ui_test_drain_events ();
  g_assert_cmpstr (selected_draft (window), ==,
                   zopa_draft_get_id (zopa_shown_row_get_item (ZOPA_SHOWN_ROW (second))));

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
widget_laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The selected draft's analysis, "what would it take" and every clause row are in: the
 * overview's height stays. */
static gboolean
panel_settled (gpointer data)
{
  ZopaDraftPanel *panel = data;

  return !zopa_session_get_busy (panel->session) && panel->take_search == NULL && panel->refresh_id == 0
         && (panel->clause_rows == NULL || zopa_gradual_rows_complete (panel->clause_rows))
         && (panel->take_rows == NULL || zopa_gradual_rows_complete (panel->take_rows));
}

static float
y_in (GtkWidget *widget,
      GtkWidget *ancestor)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, ancestor, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* The header's buttons bring each section to the top with the focus in it; Back from a clause
 * returns the overview to where it was. */
static void
test_panel_header_reaches_sections (void)
{
  ZopaWindow *window = open_window (1280, 800);
  GtkWidget *panel = zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_DRAFT_PANEL);
  GtkWidget *jump_clauses = zopa_ui_test_find_named (panel, "jump-clauses");
  GtkWidget *jump_verdicts = zopa_ui_test_find_named (panel, "jump-verdicts");
  GtkWidget *menu = zopa_ui_test_find_named (panel, "draft-menu");
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (zopa_ui_test_find_named (panel, "draft-overview"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (draft_list (window), 1);
  GtkWidget *focus;
  GtkListBox *clauses;
  GtkListBoxRow *clause;
  double place, left_at;
  float menu_y;

  gtk_widget_activate (GTK_WIDGET (row));
  zopa_ui_test_wait_for (widget_mapped, jump_clauses);
  zopa_ui_test_wait_for (panel_settled, panel);
  zopa_ui_test_drain_events ();
  g_assert_true (gtk_widget_get_sensitive (jump_clauses));
  menu_y = y_in (menu, panel);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  click (jump_clauses);
  zopa_ui_test_drain_events ();
  place = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (place, >, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "Clauses");
  /* The header stays put above the scrolled content. */
  g_assert_true (gtk_widget_get_mapped (menu));
  g_assert_cmpfloat (y_in (menu, panel), ==, menu_y);

  /* A clause opened from there and closed again leaves the overview where it was. */
  clauses = GTK_LIST_BOX (zopa_ui_test_find_named (panel, "clause-list"));
  clause = gtk_list_box_get_row_at_index (clauses, 0);
  g_assert_nonnull (clause);
  gtk_widget_activate (GTK_WIDGET (clause));
  zopa_ui_test_wait_for (widget_mapped, zopa_ui_test_find_named (panel, "clause-back"));
  /* Where the overview was left: the activated row may have scrolled it into view. */
  left_at = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (left_at, >=, place);
  click (zopa_ui_test_find_named (panel, "clause-back"));
  zopa_ui_test_drain_events ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, left_at);
  /* The overview was measured at the clause page's width while hidden; sections have their
   * places again once it is laid out (a person cannot click within that frame). */
  wait_for_layout (panel);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, left_at);

  click (jump_verdicts);
  zopa_ui_test_drain_events ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, place);

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

/* The open toplevel of type. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static gboolean
widget_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
widget_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* The first page, whatever the leaflet's own order of its child widgets. */
static GtkWidget *
list_page (AdwLeaflet *leaflet)
{
  g_autoptr(GtkSelectionModel) pages = adw_leaflet_get_pages (leaflet);
  g_autoptr(AdwLeafletPage) first = g_list_model_get_item (G_LIST_MODEL (pages), 0);

  return adw_leaflet_page_get_child (first);
}

static gboolean
shows_list (gpointer leaflet)
{
  return adw_leaflet_get_visible_child (leaflet) == list_page (leaflet) && leaflet_at_rest (leaflet);
}

/* Unfolded, the list back in its place (the leaflet slides it in as it unfolds). */
static gboolean
shows_both (gpointer leaflet)
{
  GtkWidget *list = list_page (leaflet);
  graphene_point_t origin;

  return !adw_leaflet_get_folded (leaflet) && leaflet_at_rest (leaflet) && gtk_widget_get_mapped (list)
         && gtk_widget_compute_point (list, leaflet, &GRAPHENE_POINT_INIT (0, 0), &origin) && origin.x >= 0;
}

/* The item's page alone: when folded, after the list has slid out of sight. */
static gboolean
shows_item (gpointer leaflet)
{
  return !shows_list (leaflet) && leaflet_at_rest (leaflet)
         && (!adw_leaflet_get_folded (leaflet) || !gtk_widget_get_mapped (list_page (leaflet)));
}

/* Each editor at 360 px: one column, the item's page first, back to the list. */
static void
test_editors_fold_at_360 (void)
{
  ZopaWindow *window = open_window (1280, 800);
  ZopaScenario *scenario = zopa_document_get_scenario (zopa_window_get_document (window));
  g_autoptr(ZopaActor) actor = g_list_model_get_item (zopa_scenario_get_actors (scenario), 0);
  g_autoptr(ZopaIssue) issue = g_list_model_get_item (zopa_scenario_get_issues (scenario), 0);
  g_autoptr(ZopaVariant) variant = g_list_model_get_item (zopa_scenario_get_variants (scenario), 0);
  const char *actions[] = { "win.edit-actor", "win.edit-issue", "win.edit-variant" };
  const GType types[] = { ZOPA_TYPE_ACTOR_EDITOR, ZOPA_TYPE_ISSUE_EDITOR, ZOPA_TYPE_VARIANT_EDITOR };
  const char *ids[] = { zopa_actor_get_id (actor), zopa_issue_get_id (issue), zopa_variant_get_id (variant) };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *editor;
      GtkWidget *content;
      AdwLeaflet *leaflet;
      GtkWidget *back;

      gtk_widget_activate_action (GTK_WIDGET (window), actions[i], "s", ids[i]);
      zopa_ui_test_drain_events ();
      editor = find_toplevel (types[i]);
      g_assert_nonnull (editor);
      content = adw_window_get_content (ADW_WINDOW (editor));
      leaflet = ADW_LEAFLET (zopa_ui_test_find_named (GTK_WIDGET (editor), "editor-leaflet"));
      back = zopa_ui_test_find_named (GTK_WIDGET (editor), "editor-back");

      g_assert_nonnull (leaflet);
      /* Laid out once at its own size first, as a window the user then narrows. */
      resize_window (editor, content, 900, 640);
      resize_window (editor, content, 360, 640);
      g_assert_cmpint (minimum_width (content), <=, 360);
      zopa_ui_test_wait_for (leaflet_folded, leaflet);
      zopa_ui_test_wait_for (shows_item, leaflet);
      zopa_ui_test_wait_for (widget_visible, back);
      assert_fits (content);
      assert_titles_whole (content);

      gtk_widget_activate (back);
      zopa_ui_test_wait_for (shows_list, leaflet);
      zopa_ui_test_wait_for (widget_hidden, back);
      assert_fits (content);

      gtk_window_destroy (editor);
      zopa_ui_test_drain_events ();
    }

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

static gboolean
page_at_rest (gpointer panel)
{
  return !gtk_stack_get_transition_running (ZOPA_DRAFT_PANEL (panel)->page_stack);
}

/* The clause editor, a page of the draft panel, at 360 px: in the window, back to the overview. */
static void
test_clause_editor_fits_at_360 (void)
{
  ZopaWindow *window = open_window (360, 640);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  AdwLeaflet *leaflet = ADW_LEAFLET (zopa_ui_test_find_named (GTK_WIDGET (window), "detail-leaflet"));
  GtkWidget *panel = zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_DRAFT_PANEL);
  GtkWidget *clause_back = zopa_ui_test_find_named (panel, "clause-back");
  GtkListBox *clauses = GTK_LIST_BOX (zopa_ui_test_find_named (panel, "clause-list"));
  GtkWidget *editor;

  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (draft_list (window), 2)));
  zopa_ui_test_wait_for (shows_draft_page, leaflet);
  zopa_ui_test_wait_for (panel_settled, panel);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (clauses, 0)));
  zopa_ui_test_wait_for (widget_mapped, clause_back);
  zopa_ui_test_wait_for (page_at_rest, panel);
  editor = zopa_ui_test_find_type (panel, ZOPA_TYPE_CLAUSE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpint (minimum_width (content), <=, 360);
  assert_fits (content);

  click (clause_back);
  zopa_ui_test_wait_for (page_at_rest, panel);
  g_assert_false (gtk_widget_get_mapped (editor));
  assert_fits (content);

  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

/* The comparison window at 360 px: every control of its toolbar on screen, nothing wider. */
static void
test_compare_window_fits_at_360 (void)
{
  ZopaWindow *window = open_window (1280, 800);
  GtkWindow *compare;
  GtkWidget *content;
  GtkWidget *toggle;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  zopa_ui_test_drain_events ();
  compare = find_toplevel (ZOPA_TYPE_COMPARE_WINDOW);
  g_assert_nonnull (compare);
  content = adw_window_get_content (ADW_WINDOW (compare));
  resize_window (compare, content, 1180, 780);
  assert_fits (content);
  resize_window (compare, content, 360, 640);
  g_assert_cmpint (minimum_width (content), <=, 360);
  for (guint i = 0; i < 2; i++)
    g_assert_true (gtk_widget_get_mapped (zopa_ui_test_find_nth_type (content, GTK_TYPE_DROP_DOWN, i)));
  toggle = zopa_ui_test_find_type (content, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_true (gtk_widget_get_mapped (toggle));
  g_assert_cmpuint (zopa_compare_window_get_n_rows (ZOPA_COMPARE_WINDOW (compare)), >, 0);
  assert_fits (content);

  gtk_window_destroy (compare);
  gtk_window_destroy (GTK_WINDOW (window));
  zopa_ui_test_drain_events ();
}

/* No page of a stack or leaflet is sliding or fading, no flap is half open. */
static gboolean
transitions_over (gpointer data)
{
  GtkWidget *widget = data;

  if (!gtk_widget_get_mapped (widget))
    return TRUE;
  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
      || (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
      || (ADW_IS_FLAP (widget) && adw_flap_get_reveal_progress (ADW_FLAP (widget)) != 0
          && adw_flap_get_reveal_progress (ADW_FLAP (widget)) != 1))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!transitions_over (child))
      return FALSE;
  return TRUE;
}

/* Screenshots for a reviewer's eyes (only with ZOPA_SCREENSHOT_DIR set): the window's pages,
 * each editor at 360×640, and the window at 1280×800, light and dark. */
/* What the widget paintable draws now, or NULL when it draws nothing. */
static GskRenderNode *
snapshot_paintable (GdkPaintable *paintable,
                    int           width,
                    int           height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
save_shot (GtkWindow  *window,
           const char *scheme,
           const char *name)
{
  GtkWidget *widget = ADW_IS_APPLICATION_WINDOW (window)
                      ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))
                      : adw_window_get_content (ADW_WINDOW (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) content = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (g_getenv ("ZOPA_SCREENSHOT_DIR"), file, NULL);
  GskRenderNode *layers[2];
  graphene_rect_t bounds;
  GdkRGBA background;
  int width, height;

  zopa_ui_test_wait_for (transitions_over, window);
  zopa_ui_test_drain_events ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  /* A widget waiting for its new size draws nothing until it has it. */
  while ((content = snapshot_paintable (paintable, width, height)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The window, not its content, paints the background that the content is seen on. */
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (window)),
                                                 "window_bg_color", &background));
  layers[0] = gsk_color_node_new (&background, &bounds);
  layers[1] = content;
  node = gsk_container_node_new (layers, 2);
  gsk_render_node_unref (layers[0]);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
is_shown_scroller (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget);
}

/* The editor of action's kind on id at 360×640 and at 1280×800 (name-narrow, name-wide). */
static void
shoot_editor (ZopaWindow *window,
              const char *action,
              const char *id,
              GType       type,
              const char *scheme,
              const char *name)
{
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);
  g_autofree char *wide = g_strconcat (name, "-wide", NULL);
  GtkWindow *editor;
  GtkWidget *leaflet, *back;

  gtk_widget_activate_action (GTK_WIDGET (window), action, "s", id);
  zopa_ui_test_drain_events ();
  editor = find_toplevel (type);
  g_assert_nonnull (editor);
  leaflet = zopa_ui_test_find_named (GTK_WIDGET (editor), "editor-leaflet");
  back = zopa_ui_test_find_named (GTK_WIDGET (editor), "editor-back");
  /* Wide first: unfolding from narrow would slide the list in, a moment the leaflet of
   * libadwaita 1.2 does not say the end of. */
  resize_window (editor, adw_window_get_content (ADW_WINDOW (editor)), 1280, 800);
  zopa_ui_test_wait_for (shows_both, leaflet);
  save_shot (editor, scheme, wide);
  resize_window (editor, adw_window_get_content (ADW_WINDOW (editor)), 900, 640);
  resize_window (editor, adw_window_get_content (ADW_WINDOW (editor)), 360, 640);
  zopa_ui_test_wait_for (shows_item, leaflet);
  /* The header shows its back button an idle after the leaflet folds, and lays it out in a
   * frame after that. */
  zopa_ui_test_wait_for (widget_laid_out, back);
  save_shot (editor, scheme, narrow);
  /* And a screen further down the item's page, where its lists are. */
  {
    GtkWidget *page = adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet));
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (zopa_ui_test_find_widget (page, is_shown_scroller, NULL));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
    g_autofree char *lower = g_strconcat (narrow, "-lower", NULL);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_page_size (adjustment) * 0.9);
    save_shot (editor, scheme, lower);
  }
  gtk_window_destroy (editor);
  zopa_ui_test_drain_events ();
}

static void
shoot_compare_window (ZopaWindow *window,
                      const char *scheme)
{
  GtkWindow *compare;
  GtkWidget *content;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  zopa_ui_test_drain_events ();
  compare = find_toplevel (ZOPA_TYPE_COMPARE_WINDOW);
  g_assert_nonnull (compare);
  content = adw_window_get_content (ADW_WINDOW (compare));
  resize_window (compare, content, 1280, 800);
  save_shot (compare, scheme, "compare-wide");
  resize_window (compare, content, 360, 640);
  save_shot (compare, scheme, "compare-narrow");
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (zopa_ui_test_find_widget (content, is_shown_scroller, NULL)));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_page_size (adjustment) * 1.5);
    save_shot (compare, scheme, "compare-narrow-lower");
  }
  gtk_window_destroy (compare);
  zopa_ui_test_drain_events ();
}

static void
test_screenshots (void)
{
  const char *schemes[] = { "light", "dark" };

  if (g_getenv ("ZOPA_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("ZOPA_SCREENSHOT_DIR is not set");
      return;
    }
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      const char *scheme = schemes[s];
      ZopaWindow *window;
      AdwLeaflet *leaflet;
      AdwFlap *flap;
      ZopaScenario *scenario;
      g_autoptr(ZopaActor) actor = NULL;
      g_autoptr(ZopaIssue) issue = NULL;
      g_autoptr(ZopaVariant) variant = NULL;
      GtkWidget *panel;
      GtkListBox *clauses;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      window = open_window (360, 640);
      leaflet = ADW_LEAFLET (zopa_ui_test_find_named (GTK_WIDGET (window), "detail-leaflet"));
      flap = ADW_FLAP (zopa_ui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP));
      panel = zopa_ui_test_find_type (GTK_WIDGET (window), ZOPA_TYPE_DRAFT_PANEL);
      scenario = zopa_document_get_scenario (zopa_window_get_document (window));
      save_shot (GTK_WINDOW (window), scheme, "narrow-diagram");
      adw_flap_set_reveal_flap (flap, TRUE);
      zopa_ui_test_wait_for (widget_mapped, draft_list (window));
      zopa_ui_test_drain_events ();
      save_shot (GTK_WINDOW (window), scheme, "narrow-sidebar");
      gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (draft_list (window), 2)));
      zopa_ui_test_wait_for (shows_draft_page, leaflet);
      zopa_ui_test_wait_for (panel_settled, panel);
      save_shot (GTK_WINDOW (window), scheme, "narrow-draft");
      click (zopa_ui_test_find_named (panel, "jump-clauses"));
      clauses = GTK_LIST_BOX (zopa_ui_test_find_named (panel, "clause-list"));
      save_shot (GTK_WINDOW (window), scheme, "narrow-draft-clauses");
      gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (clauses, 0)));
      zopa_ui_test_wait_for (widget_mapped, zopa_ui_test_find_named (panel, "clause-back"));
      zopa_ui_test_wait_for (page_at_rest, panel);
      save_shot (GTK_WINDOW (window), scheme, "narrow-clause-editor");
      click (zopa_ui_test_find_named (panel, "clause-back"));

      actor = g_list_model_get_item (zopa_scenario_get_actors (scenario), 0);
      issue = g_list_model_get_item (zopa_scenario_get_issues (scenario), 0);
      variant = g_list_model_get_item (zopa_scenario_get_variants (scenario), 0);
      shoot_editor (window, "win.edit-actor", zopa_actor_get_id (actor), ZOPA_TYPE_ACTOR_EDITOR, scheme, "actor-editor");
      shoot_editor (window, "win.edit-issue", zopa_issue_get_id (issue), ZOPA_TYPE_ISSUE_EDITOR, scheme, "issue-editor");
      shoot_editor (window, "win.edit-variant", zopa_variant_get_id (variant), ZOPA_TYPE_VARIANT_EDITOR, scheme, "variant-editor");
      shoot_compare_window (window, scheme);

      resize_window (GTK_WINDOW (window), adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), 1280, 800);
      zopa_ui_test_wait_for (leaflet_unfolded, leaflet);
      adw_flap_set_reveal_flap (flap, TRUE);
      zopa_ui_test_drain_events ();
      save_shot (GTK_WINDOW (window), scheme, "wide");
      gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (clauses, 0)));
      zopa_ui_test_wait_for (widget_mapped, zopa_ui_test_find_named (panel, "clause-back"));
      zopa_ui_test_wait_for (page_at_rest, panel);
      save_shot (GTK_WINDOW (window), scheme, "wide-clause-editor");
      click (zopa_ui_test_find_named (panel, "clause-back"));
      resize_window (GTK_WINDOW (window), adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), 800, 600);
      save_shot (GTK_WINDOW (window), scheme, "medium");
      gtk_window_destroy (GTK_WINDOW (window));
      zopa_ui_test_drain_events ();
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  app = zopa_ui_test_init_app (&argc, &argv);
  /* GTK 4.8 warns (fatally here) when a field focused by a page change blinks a selection.
   * libadwaita 1.2 now and then leaks a leaflet page's render node when it draws a page
   * transition (LeakSanitizer: a GskContainerNode made under AdwLeaflet's snapshot); without
   * animations the pages switch at once and the leak checks stay on for Zopa's own code. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/adaptive/window-folds-at-360", test_window_folds_at_360);
  g_test_add_func ("/adaptive/wide-window-keeps-panel-across-variants", test_wide_window_keeps_panel_across_variants);
  g_test_add_func ("/adaptive/draft-list-arrows-do-not-choose", test_draft_list_arrows_do_not_choose);
  g_test_add_func ("/adaptive/panel-header-reaches-sections", test_panel_header_reaches_sections);
  g_test_add_func ("/adaptive/editors-fold-at-360", test_editors_fold_at_360);
  g_test_add_func ("/adaptive/clause-editor-fits-at-360", test_clause_editor_fits_at_360);
  g_test_add_func ("/adaptive/compare-window-fits-at-360", test_compare_window_fits_at_360);
  g_test_add_func ("/adaptive/screenshots", test_screenshots);
  return g_test_run ();
}
