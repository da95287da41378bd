/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-assumptions-window.c: the uncertain values of the shown scenario and what hinges
 * on each */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-assumption-item.h"
#include "zopa-assumption-row.h"
#include "zopa-assumptions-window.h"
#include "zopa-session-window.h"

struct _ZopaAssumptionsWindow
{
  AdwWindow       parent_instance;

  ZopaSession    *session;
  GListStore     *items;
  /* The key of the selected value, kept across new analyses. */
  char           *selected_key;
  ZopaAssumptionItem *selected;

  AdwWindowTitle *window_title;
  GtkSpinner     *pending_spinner;
  GtkStack       *stack;
  GtkLabel       *status_label;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (ZopaAssumptionsWindow, zopa_assumptions_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Opening a value selects it (a click on an expander row's header opens it and never
 * reaches the list's own selection); closing the selected one selects none. */
static void
on_row_expanded (ZopaAssumptionsWindow *self,
                 GParamSpec            *pspec,
                 AdwExpanderRow        *row)
{
  if (adw_expander_row_get_expanded (row))
    gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
  else if (gtk_list_box_get_selected_row (self->list_box) == GTK_LIST_BOX_ROW (row))
    gtk_list_box_unselect_all (self->list_box);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZopaAssumptionsWindow *self = ZOPA_ASSUMPTIONS_WINDOW (user_data);
  GtkWidget *row = zopa_assumption_row_new (ZOPA_ASSUMPTION_ITEM (item));

  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded), self, G_CONNECT_SWAPPED);
  return row;
}

static void
set_selected (ZopaAssumptionsWindow *self,
              ZopaAssumptionItem    *item)
{
  if (item == self->selected)
    return;
  g_set_object (&self->selected, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

static void
on_row_selected (ZopaAssumptionsWindow *self,
                 GtkListBoxRow         *row)
{
  ZopaAssumptionItem *item = row != NULL ? zopa_assumption_row_get_item (ZOPA_ASSUMPTION_ROW (row)) : NULL;

  g_free (self->selected_key);
  self->selected_key = item != NULL ? g_strdup (zopa_assumption_item_get_key (item)) : NULL;
  set_selected (self, item);
}

static void
show_status (ZopaAssumptionsWindow *self,
             ZopaHinges            *hinges,
             gboolean               pending)
{
  guint unexplained = hinges != NULL ? zopa_hinges_get_n_unexplained_regions (hinges) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  if (pending)
    g_string_append (text, _("Working out what hinges on each value…"));
  else if (hinges == NULL)
    g_string_append (text, _("No analysis of the shown actors."));
  if (hinges != NULL && !zopa_hinges_is_complete (hinges))
    g_string_append (text, _("Not every region could be judged within the time limit: "
                             "what is listed was decided, more may hinge."));
  if (unexplained > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u region is empty in some readings only through two or more "
                                              "values taken together; it is listed under none.",
                                              "%u regions are empty in some readings only through two or more "
                                              "values taken together; they are listed under none.", unexplained),
                              unexplained);
    }
  gtk_label_set_text (self->status_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text->len > 0);
  gtk_spinner_set_spinning (self->pending_spinner, pending);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_spinner), pending);
}

static void
show_variant (ZopaAssumptionsWindow *self)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (self->session);
  const char *variant = analysis != NULL ? zopa_analysis_get_variant_title (analysis) : NULL;

  adw_window_title_set_subtitle (self->window_title,
                                 variant != NULL ? variant : _("Base scenario"));
}

static void
show_hinges (ZopaAssumptionsWindow *self)
{
  ZopaHinges *hinges = zopa_session_get_hinges (self->session);
  gboolean pending = zopa_session_get_hinges_pending (self->session);
  guint n = hinges != NULL ? zopa_hinges_get_n_assumptions (hinges) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = g_strdup (self->selected_key);

  show_status (self, hinges, pending);
  show_variant (self);
  if (pending)
    return;

  for (guint k = 0; k < n; k++)
    g_ptr_array_add (items, zopa_assumption_item_new (hinges, k, zopa_session_get_scenario (self->session)));
  /* The list rebuilt under the selection selects none; key (taken before) selects the
   * same value again when it is still there. */
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, hinges != NULL && n == 0 ? "empty" : "list");
  if (key != NULL)
    zopa_assumptions_window_select (self, key);
}

static void
zopa_assumptions_window_constructed (GObject *object)
{
  ZopaAssumptionsWindow *self = ZOPA_ASSUMPTIONS_WINDOW (object);

  G_OBJECT_CLASS (zopa_assumptions_window_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "notify::hinges", G_CALLBACK (show_hinges), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::hinges-pending", G_CALLBACK (show_hinges), self,
                           G_CONNECT_SWAPPED);
  zopa_session_hold_hinges (self->session);
  show_hinges (self);
}

/* The highlight goes with the window: closed, it selects nothing. */
static void
zopa_assumptions_window_unmap (GtkWidget *widget)
{
  ZopaAssumptionsWindow *self = ZOPA_ASSUMPTIONS_WINDOW (widget);

  GTK_WIDGET_CLASS (zopa_assumptions_window_parent_class)->unmap (widget);
  gtk_list_box_unselect_all (self->list_box);
}

static void
zopa_assumptions_window_dispose (GObject *object)
{
  ZopaAssumptionsWindow *self = ZOPA_ASSUMPTIONS_WINDOW (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      zopa_session_release_hinges (self->session);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_ASSUMPTIONS_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->selected);
  g_clear_object (&self->items);
  g_clear_pointer (&self->selected_key, g_free);
  G_OBJECT_CLASS (zopa_assumptions_window_parent_class)->dispose (object);
}

static void
zopa_assumptions_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ZopaAssumptionsWindow *self = ZOPA_ASSUMPTIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_assumptions_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ZopaAssumptionsWindow *self = ZOPA_ASSUMPTIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_assumptions_window_class_init (ZopaAssumptionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_assumptions_window_constructed;
  object_class->dispose = zopa_assumptions_window_dispose;
  object_class->get_property = zopa_assumptions_window_get_property;
  object_class->set_property = zopa_assumptions_window_set_property;
  widget_class->unmap = zopa_assumptions_window_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ZOPA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The item of the selected value (what hinges on it is the highlight), or NULL. */
  properties[PROP_HIGHLIGHT] =
    g_param_spec_object ("highlight", NULL, NULL, ZOPA_TYPE_ASSUMPTION_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-assumptions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaAssumptionsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaAssumptionsWindow, pending_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZopaAssumptionsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaAssumptionsWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaAssumptionsWindow, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
zopa_assumptions_window_init (ZopaAssumptionsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (ZOPA_TYPE_ASSUMPTION_ITEM);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->items), create_row, self, NULL);
}

ZopaAssumptionsWindow *
zopa_assumptions_window_new (GtkWindow   *parent,
                             ZopaSession *session)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  return g_object_new (ZOPA_TYPE_ASSUMPTIONS_WINDOW,
                       "session", session,
                       "transient-for", parent,
                       NULL);
}

ZopaAssumptionsWindow *
zopa_assumptions_window_show (GtkWindow   *parent,
                              ZopaSession *session)
{
  ZopaAssumptionsWindow *window =
    ZOPA_ASSUMPTIONS_WINDOW (zopa_session_window_find (ZOPA_TYPE_ASSUMPTIONS_WINDOW, session));

  if (window == NULL)
    window = zopa_assumptions_window_new (parent, session);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

ZopaSession *
zopa_assumptions_window_get_session (ZopaAssumptionsWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_ASSUMPTIONS_WINDOW (self), NULL);
  return self->session;
}

guint
zopa_assumptions_window_get_n_assumptions (ZopaAssumptionsWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_ASSUMPTIONS_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

gboolean
zopa_assumptions_window_get_highlight (ZopaAssumptionsWindow *self,
                                       const guint          **region_masks,
                                       guint                 *n_regions,
                                       const guint          **draft_indices,
                                       guint                 *n_drafts)
{
  GArray *masks, *drafts;

  g_return_val_if_fail (ZOPA_IS_ASSUMPTIONS_WINDOW (self), FALSE);

  *region_masks = *draft_indices = NULL;
  *n_regions = *n_drafts = 0;
  if (self->selected == NULL)
    return FALSE;
  masks = zopa_assumption_item_get_region_masks (self->selected);
  drafts = zopa_assumption_item_get_draft_indices (self->selected);
  *region_masks = (const guint *) (gpointer) masks->data;
  *n_regions = masks->len;
  *draft_indices = (const guint *) (gpointer) drafts->data;
  *n_drafts = drafts->len;
  return TRUE;
}

gboolean
zopa_assumptions_window_select (ZopaAssumptionsWindow *self,
                                const char            *key)
{
  g_return_val_if_fail (ZOPA_IS_ASSUMPTIONS_WINDOW (self), FALSE);

  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (self->items)); k++)
    {
      g_autoptr(ZopaAssumptionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), k);

      if (g_strcmp0 (zopa_assumption_item_get_key (item), key) == 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, k);

          gtk_list_box_select_row (self->list_box, row);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          return TRUE;
        }
    }
  return FALSE;
}
