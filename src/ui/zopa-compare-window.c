/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-compare-window.c: two drafts side by side, with the verdict changes per actor */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "diagram/zopa-comparison-render.h"
#include "zopa-compare-card.h"
#include "zopa-compare-window-private.h"
#include "zopa-user-text.h"
#include "zopa-wrap-box.h"

G_DEFINE_FINAL_TYPE (ZopaCompareWindow, zopa_compare_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LEFT_DRAFT,
  PROP_RIGHT_DRAFT,
  PROP_ONLY_CHANGES,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ZopaScenario *
scenario_of (ZopaCompareWindow *self)
{
  return zopa_session_get_scenario (self->session);
}

/* ---- The page, drawn by the comparison renderer ------------------------------------------ */

static ZopaDiagramTheme
theme_of (ZopaCompareWindow *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? ZOPA_DIAGRAM_THEME_DARK
                                                                       : ZOPA_DIAGRAM_THEME_LIGHT;
}

/* The width the page is laid out for: the header's, within the renderer's limits. */
static double
page_width (ZopaCompareWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->header_area));

  return CLAMP (width > 0 ? width : 1180, 320, 16384);
}

static char *
describe_actor (const ZopaComparisonActor *actor)
{
  g_autofree char *change = zopa_comparison_format_actor (actor);

  /* Translators: an actor's verdicts on the two drafts, read out: name, change, verdict, red lines */
  return g_strdup_printf (_("%s: %s. %s · red lines %u → %u"), actor->name, change,
                          actor->verdict_changed ? _("verdict changed") : _("verdict unchanged"),
                          actor->left->n_violations, actor->right->n_violations);
}

/* What the header shows, for screen readers: the counts, then each actor's verdicts. */
static char *
describe_header (ZopaComparison *c)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *counts = zopa_comparison_format_counts (c);
  g_autofree char *sizes = zopa_comparison_format_sizes (c);

  /* Translators: the drafts' sizes in points, their sizes in clauses, then the tally */
  g_string_append_printf (out, _("%s (%u → %u clauses): %s"), sizes, zopa_comparison_get_n_left_clauses (c),
                          zopa_comparison_get_n_right_clauses (c), counts);
  g_string_append_printf (out, ". %s.", zopa_comparison_lineage_to_label (zopa_comparison_get_lineage (c)));
  for (guint a = 0; a < zopa_comparison_get_n_actors (c); a++)
    {
      g_autofree char *actor = describe_actor (zopa_comparison_get_actor (c, a));
      g_string_append_printf (out, " %s.", actor);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
draw_header (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  ZopaCompareWindow *self = data;

  if (self->render != NULL)
    zopa_comparison_render_draw_header (self->render, cr);
}

/* A new layout of the comparison for the width shown and the filter; the header and the
 * cards draw it. Cards are reused in order, so a rebuild makes no new widgets unless the
 * number of rows grew. */
static void
update_page (ZopaCompareWindow *self)
{
  ZopaComparison *c = self->comparison;
  GtkWidget *child;
  guint position = 0;

  g_clear_object (&self->render);
  if (c != NULL)
    {
      ZopaComparisonRenderOptions options;
      g_autoptr(GError) error = NULL;

      zopa_comparison_render_options_init (&options);
      options.theme = theme_of (self);
      options.background = ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT;
      options.width = page_width (self);
      options.only_changes = gtk_toggle_button_get_active (self->only_changes_button);
      self->render = zopa_comparison_render_new (c, &options, &error);
      if (self->render == NULL)
        g_warning ("Could not lay out the comparison: %s", error->message);
    }
  self->shown_width = self->render != NULL ? (int) zopa_comparison_render_get_width (self->render) : 0;
  self->n_rows = self->render != NULL ? zopa_comparison_render_get_n_rows (self->render) : 0;

  gtk_drawing_area_set_content_height (self->header_area,
                                       self->render != NULL
                                       ? (int) ceil (zopa_comparison_render_get_header_height (self->render)) : 0);
  if (c != NULL)
    {
      g_autofree char *header = describe_header (c);
      zopa_user_text_set_accessible_label (GTK_WIDGET (self->header_area), header);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->header_area));

  child = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list));
  for (position = 0; position < self->n_rows; position++)
    {
      if (child != NULL)
        {
          zopa_compare_card_set_item (ZOPA_COMPARE_CARD (child), self->render, position);
          child = gtk_widget_get_next_sibling (child);
        }
      else
        gtk_list_box_append (self->clause_list, zopa_compare_card_new (self->render, position));
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_list_box_remove (self->clause_list, child);
      child = next;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clause_list), self->n_rows > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), c != NULL && self->n_rows == 0);
}

static gboolean
relayout_in_idle (gpointer data)
{
  ZopaCompareWindow *self = data;

  self->relayout_id = 0;
  if (self->render != NULL && (int) page_width (self) != self->shown_width)
    update_page (self);
  return G_SOURCE_REMOVE;
}

/* A new width needs a new layout; not during the allocation that reports it. */
static void
on_header_resize (ZopaCompareWindow *self)
{
  if (self->relayout_id == 0 && self->render != NULL && (int) page_width (self) != self->shown_width)
    self->relayout_id = g_idle_add (relayout_in_idle, self);
}

static void
on_dark_changed (ZopaCompareWindow *self)
{
  GtkWidget *child;

  if (self->render == NULL)
    return;
  zopa_comparison_render_set_theme (self->render, theme_of (self));
  gtk_widget_queue_draw (GTK_WIDGET (self->header_area));
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
}

static void
update_title (ZopaCompareWindow *self)
{
  ZopaComparison *c = self->comparison;
  ZopaAnalysis *analysis;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;

  if (c == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, _("The scenario has no drafts to compare."));
      return;
    }
  analysis = zopa_comparison_get_analysis (c);
  subtitle = g_strdup_printf ("%s → %s · %s", zopa_comparison_get_left_title (c), zopa_comparison_get_right_title (c),
                              analysis != NULL && zopa_analysis_get_variant_id (analysis) != NULL
                              ? zopa_analysis_get_variant_title (analysis) : _("Base scenario"));
  shown = zopa_display_text (subtitle, ZOPA_DISPLAY_TEXT_LINE);
  adw_window_title_set_subtitle (self->window_title, shown);
}

/* ---- Following the session ----------------------------------------------------------------- */

static void
rebuild (ZopaCompareWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->comparison);
  if (self->left_id != NULL && self->right_id != NULL)
    self->comparison = zopa_comparison_new (scenario_of (self), zopa_session_get_analysis (self->session),
                                            self->left_id, self->right_id, &error);
  if (error != NULL)
    g_debug ("No comparison: %s", error->message);
  update_title (self);
  update_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", self->comparison != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.swap", self->comparison != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

static guint
draft_position (ZopaCompareWindow *self,
                const char        *id)
{
  for (guint k = 0; id != NULL && k < self->draft_ids->len; k++)
    if (g_strcmp0 (g_ptr_array_index (self->draft_ids, k), id) == 0)
      return k;
  return GTK_INVALID_LIST_POSITION;
}

static void on_dropdown_changed (ZopaCompareWindow *self);

/* Choices made by the program are not the user's: no rebuild for each of them. */
static void
block_dropdowns (ZopaCompareWindow *self,
                 gboolean           block)
{
  GtkDropDown *dropdowns[] = { self->left_dropdown, self->right_dropdown };

  for (guint k = 0; k < G_N_ELEMENTS (dropdowns); k++)
    if (block)
      g_signal_handlers_block_by_func (dropdowns[k], on_dropdown_changed, self);
    else
      g_signal_handlers_unblock_by_func (dropdowns[k], on_dropdown_changed, self);
}

/* Fills the drop-downs from the scenario's drafts and makes the chosen ids valid. */
static void
fill_dropdowns (ZopaCompareWindow *self)
{
  GListModel *drafts = zopa_scenario_get_drafts (scenario_of (self));
  g_autoptr(GtkStringList) left_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) right_names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->draft_ids, 0);
  for (guint k = 0; k < g_list_model_get_n_items (drafts); k++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, k);
      const char *title = zopa_draft_get_title (draft);

      g_autofree char *shown = zopa_display_text (title != NULL && *title ? title : zopa_draft_get_id (draft),
                                                  ZOPA_DISPLAY_TEXT_LINE);

      g_ptr_array_add (self->draft_ids, g_strdup (zopa_draft_get_id (draft)));
      gtk_string_list_append (left_names, shown);
      gtk_string_list_append (right_names, shown);
    }

  if (draft_position (self, self->left_id) == GTK_INVALID_LIST_POSITION ||
      draft_position (self, self->right_id) == GTK_INVALID_LIST_POSITION)
    {
      const char *left = NULL, *right = NULL;

      if (zopa_comparison_default_pair (scenario_of (self), zopa_session_get_selected_draft (self->session),
                                        &left, &right))
        {
          g_free (self->left_id);
          self->left_id = g_strdup (left);
          g_free (self->right_id);
          self->right_id = g_strdup (right);
        }
      else
        {
          g_clear_pointer (&self->left_id, g_free);
          g_clear_pointer (&self->right_id, g_free);
        }
    }

  block_dropdowns (self, TRUE);
  gtk_drop_down_set_model (self->left_dropdown, G_LIST_MODEL (left_names));
  gtk_drop_down_set_model (self->right_dropdown, G_LIST_MODEL (right_names));
  gtk_drop_down_set_selected (self->left_dropdown, draft_position (self, self->left_id));
  gtk_drop_down_set_selected (self->right_dropdown, draft_position (self, self->right_id));
  block_dropdowns (self, FALSE);
}

static void
on_analysis_changed (ZopaCompareWindow *self)
{
  fill_dropdowns (self);
  rebuild (self);
}

static void
on_dropdown_changed (ZopaCompareWindow *self)
{
  guint left = gtk_drop_down_get_selected (self->left_dropdown);
  guint right = gtk_drop_down_get_selected (self->right_dropdown);

  if (left >= self->draft_ids->len || right >= self->draft_ids->len)
    return;
  g_free (self->left_id);
  self->left_id = g_strdup (g_ptr_array_index (self->draft_ids, left));
  g_free (self->right_id);
  self->right_id = g_strdup (g_ptr_array_index (self->draft_ids, right));
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_DRAFT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIGHT_DRAFT]);
}

static void
on_filter_changed (ZopaCompareWindow *self)
{
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_CHANGES]);
}

/* ---- Object ---------------------------------------------------------------------------------------- */

static void
zopa_compare_window_dispose (GObject *object)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->render);
  g_clear_object (&self->png_filter);
  g_clear_object (&self->comparison);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (zopa_compare_window_parent_class)->dispose (object);
}

static void
zopa_compare_window_finalize (GObject *object)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  g_clear_pointer (&self->left_id, g_free);
  g_clear_pointer (&self->right_id, g_free);
  g_clear_pointer (&self->draft_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (zopa_compare_window_parent_class)->finalize (object);
}

static void
zopa_compare_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LEFT_DRAFT:
      g_value_set_string (value, self->left_id);
      break;
    case PROP_RIGHT_DRAFT:
      g_value_set_string (value, self->right_id);
      break;
    case PROP_ONLY_CHANGES:
      g_value_set_boolean (value, zopa_compare_window_get_only_changes (self));
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_compare_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_LEFT_DRAFT:
      zopa_compare_window_set_drafts (self, g_value_get_string (value), self->right_id);
      break;
    case PROP_RIGHT_DRAFT:
      zopa_compare_window_set_drafts (self, self->left_id, g_value_get_string (value));
      break;
    case PROP_ONLY_CHANGES:
      zopa_compare_window_set_only_changes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_compare_window_constructed (GObject *object)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  G_OBJECT_CLASS (zopa_compare_window_parent_class)->constructed (object);

  g_return_if_fail (ZOPA_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "notify::analysis", G_CALLBACK (on_analysis_changed), self,
                           G_CONNECT_SWAPPED);
  fill_dropdowns (self);
  rebuild (self);
}

static void
zopa_compare_window_class_init (ZopaCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_compare_window_dispose;
  object_class->finalize = zopa_compare_window_finalize;
  object_class->get_property = zopa_compare_window_get_property;
  object_class->set_property = zopa_compare_window_set_property;
  object_class->constructed = zopa_compare_window_constructed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ZOPA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT_DRAFT] =
    g_param_spec_string ("left-draft", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RIGHT_DRAFT] =
    g_param_spec_string ("right-draft", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_CHANGES] =
    g_param_spec_boolean ("only-changes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, ZOPA_TYPE_COMPARISON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZOPA_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, only_changes_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, header_area);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, clause_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "compare.export", NULL, zopa_compare_window_export_action);
  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, zopa_compare_window_swap_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "compare.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
zopa_compare_window_init (ZopaCompareWindow *self)
{
  self->draft_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->left_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);
  g_signal_connect_swapped (self->right_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);
  g_signal_connect_swapped (self->only_changes_button, "toggled", G_CALLBACK (on_filter_changed), self);
  gtk_drawing_area_set_draw_func (self->header_area, draw_header, self, NULL);
  g_signal_connect_swapped (self->header_area, "resize", G_CALLBACK (on_header_resize), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed), self,
                           G_CONNECT_SWAPPED);
}

/* ---- Public API -------------------------------------------------------------------------------------- */

ZopaCompareWindow *
zopa_compare_window_new (GtkWindow   *parent,
                         ZopaSession *session,
                         const char  *left_id,
                         const char  *right_id)
{
  ZopaCompareWindow *self;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = g_object_new (ZOPA_TYPE_COMPARE_WINDOW, "transient-for", parent, "session", session, NULL);
  /* Only the newer draft given: compare it with its parent. */
  if (left_id == NULL && right_id != NULL)
    {
      ZopaDraft *right = zopa_scenario_find_draft (zopa_session_get_scenario (session), right_id);
      left_id = right != NULL ? zopa_draft_get_derived_from (right) : NULL;
      if (left_id == NULL)
        left_id = self->left_id;
    }
  if (left_id != NULL || right_id != NULL)
    zopa_compare_window_set_drafts (self, left_id != NULL ? left_id : self->left_id,
                                    right_id != NULL ? right_id : self->right_id);
  return self;
}

void
zopa_compare_window_show (GtkWindow   *parent,
                          ZopaSession *session,
                          const char  *left_id,
                          const char  *right_id)
{
  gtk_window_present (GTK_WINDOW (zopa_compare_window_new (parent, session, left_id, right_id)));
}

const char *
zopa_compare_window_get_left_draft (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), NULL);
  return self->left_id;
}

const char *
zopa_compare_window_get_right_draft (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), NULL);
  return self->right_id;
}

void
zopa_compare_window_set_drafts (ZopaCompareWindow *self,
                                const char        *left_id,
                                const char        *right_id)
{
  guint left, right;

  g_return_if_fail (ZOPA_IS_COMPARE_WINDOW (self));

  left = draft_position (self, left_id);
  right = draft_position (self, right_id);
  if (left == GTK_INVALID_LIST_POSITION || right == GTK_INVALID_LIST_POSITION)
    return;
  if (g_strcmp0 (left_id, self->left_id) == 0 && g_strcmp0 (right_id, self->right_id) == 0 &&
      self->comparison != NULL)
    return;

  block_dropdowns (self, TRUE);
  gtk_drop_down_set_selected (self->left_dropdown, left);
  gtk_drop_down_set_selected (self->right_dropdown, right);
  block_dropdowns (self, FALSE);
  on_dropdown_changed (self);
}

gboolean
zopa_compare_window_get_only_changes (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), FALSE);
  return gtk_toggle_button_get_active (self->only_changes_button);
}

void
zopa_compare_window_set_only_changes (ZopaCompareWindow *self,
                                      gboolean           only_changes)
{
  g_return_if_fail (ZOPA_IS_COMPARE_WINDOW (self));
  gtk_toggle_button_set_active (only_changes ? self->only_changes_button : self->show_all_button, TRUE);
}

ZopaComparison *
zopa_compare_window_get_comparison (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), NULL);
  return self->comparison;
}

guint
zopa_compare_window_get_n_rows (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), 0);
  return self->n_rows;
}
