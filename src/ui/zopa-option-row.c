/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-option-row.c: an option of an issue, edited in the issue editor */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-editor-common.h"
#include "zopa-history-binding.h"
#include "zopa-line-view.h"
#include "zopa-option-row.h"
#include "zopa-wrap-box.h"

struct _ZopaOptionRow
{
  AdwPreferencesRow   parent_instance;

  ZopaHistory        *history;
  ZopaOption         *item;
  ZopaHistoryBinding *label_binding;

  GtkWidget          *label_view;
  GtkMenuButton      *id_button;
  GtkLabel           *id_label;
  GtkPopover         *id_popover;
  GtkEditable        *id_entry;
  GtkLabel           *error_label;
  GtkWidget          *rename_button;
  GtkWidget          *up_button;
  GtkWidget          *down_button;
  GtkWidget          *delete_button;
};

G_DEFINE_FINAL_TYPE (ZopaOptionRow, zopa_option_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
display_name (const char *name,
              const char *id)
{
  return name != NULL && *name != '\0' ? name : id;
}

/* The issue the option belongs to, or NULL once it has left the scenario. */
static ZopaIssue *
find_issue (ZopaOptionRow *self)
{
  GObject *owner = zopa_edit_find_owner (zopa_history_get_scenario (self->history), self->item);

  return ZOPA_IS_ISSUE (owner) ? ZOPA_ISSUE (owner) : NULL;
}

static void
update_id (ZopaOptionRow *self)
{
  g_autofree char *a11y = g_strdup_printf (_("Identifier “%s”"), zopa_option_get_id (self->item));

  gtk_label_set_label (self->id_label, zopa_option_get_id (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->id_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

/* The identifier popover: the reason a new id cannot be taken, and Rename. */

static gboolean
check_new_id (ZopaOptionRow *self)
{
  const char *text = gtk_editable_get_text (self->id_entry);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, zopa_option_get_id (self->item)) != 0)
    zopa_edit_check_id (zopa_history_get_scenario (self->history), self->item, text, &error);
  zopa_editor_show_error (GTK_WIDGET (self->id_entry), error);
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_widget_set_sensitive (self->rename_button, error == NULL);
  return error == NULL;
}

static void
on_id_popover_show (ZopaOptionRow *self)
{
  gtk_editable_set_text (self->id_entry, zopa_option_get_id (self->item));
  gtk_editable_select_region (self->id_entry, 0, -1);
  check_new_id (self);
}

static void
on_id_entry_changed (ZopaOptionRow *self)
{
  check_new_id (self);
}

static void
rename_option (ZopaOptionRow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (self->id_entry));

  if (!check_new_id (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->id_popover));
      return;
    }
  gtk_popover_popdown (self->id_popover);
  if (g_strcmp0 (text, zopa_option_get_id (self->item)) != 0)
    zopa_edit_rename (self->history, self->item, text, NULL);
}

/* Moving and deleting */

static void
move_option (ZopaOptionRow *self,
             int            delta)
{
  ZopaIssue *issue = find_issue (self);
  int position = -1;
  int target;

  for (guint i = 0; issue != NULL && i < zopa_issue_get_n_options (issue); i++)
    if (zopa_issue_get_option (issue, i) == self->item)
      position = i;
  target = position + delta;
  if (position < 0 || target < 0 || target >= (int) zopa_issue_get_n_options (issue))
    return;
  zopa_history_break_merge (self->history);
  zopa_history_move (self->history, issue, self->item, target);
}

static void
on_up_clicked (ZopaOptionRow *self)
{
  move_option (self, -1);
}

static void
on_down_clicked (ZopaOptionRow *self)
{
  move_option (self, +1);
}

static void
on_delete_clicked (ZopaOptionRow *self)
{
  ZopaIssue *issue = find_issue (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (issue == NULL)
    return;
  heading = g_strdup_printf (_("Delete Option “%s”?"),
                             display_name (zopa_option_get_label (self->item), zopa_option_get_id (self->item)));
  body = g_strdup_printf (_("Deals will no longer be able to take this position on “%s”."),
                          display_name (zopa_issue_get_title (issue), zopa_issue_get_id (issue)));
  zopa_history_break_merge (self->history);
  zopa_editor_confirm_delete (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->history,
                              self->item, heading, body, _("_Delete"));
}

void
zopa_option_row_set_place (ZopaOptionRow *self,
                           guint          index,
                           guint          n_options)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ZOPA_IS_OPTION_ROW (self));

  title = g_strdup_printf (_("Option %u"), index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_sensitive (self->up_button, index > 0);
  gtk_widget_set_sensitive (self->down_button, index + 1 < n_options);
  /* An issue without options has no deals at all. */
  gtk_widget_set_sensitive (self->delete_button, n_options > 1);
  gtk_widget_set_tooltip_text (self->delete_button,
                               n_options > 1 ? _("Delete Option") : _("An issue needs at least one option"));
}

/* The object */

static void
zopa_option_row_constructed (GObject *object)
{
  ZopaOptionRow *self = ZOPA_OPTION_ROW (object);

  G_OBJECT_CLASS (zopa_option_row_parent_class)->constructed (object);

  zopa_history_binding_keep (&self->label_binding,
                             zopa_history_bind (self->history, self->item, "label", self->label_view,
                                                ZOPA_HISTORY_BIND_DEFAULT));
  zopa_editor_follow_focus (self->label_view, self->history);
  g_signal_connect_object (self->item, "notify::id", G_CALLBACK (update_id), self, G_CONNECT_SWAPPED);
  update_id (self);
}

static void
zopa_option_row_dispose (GObject *object)
{
  ZopaOptionRow *self = ZOPA_OPTION_ROW (object);

  zopa_history_binding_clear (&self->label_binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_OPTION_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (zopa_option_row_parent_class)->dispose (object);
}

static void
zopa_option_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZopaOptionRow *self = ZOPA_OPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_option_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZopaOptionRow *self = ZOPA_OPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_option_row_class_init (ZopaOptionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_option_row_constructed;
  object_class->dispose = zopa_option_row_dispose;
  object_class->get_property = zopa_option_row_get_property;
  object_class->set_property = zopa_option_row_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, ZOPA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_OPTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZOPA_TYPE_LINE_VIEW);
  g_type_ensure (ZOPA_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-option-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, label_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, id_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, id_popover);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, id_entry);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, rename_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaOptionRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_id_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_id_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, rename_option);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
zopa_option_row_init (ZopaOptionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_option_row_new (ZopaHistory *history,
                     ZopaOption  *item)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ZOPA_IS_OPTION (item), NULL);

  return g_object_new (ZOPA_TYPE_OPTION_ROW, "history", history, "item", item, NULL);
}

ZopaOption *
zopa_option_row_get_item (ZopaOptionRow *self)
{
  g_return_val_if_fail (ZOPA_IS_OPTION_ROW (self), NULL);

  return self->item;
}

void
zopa_option_row_focus_title (ZopaOptionRow *self)
{
  g_return_if_fail (ZOPA_IS_OPTION_ROW (self));

  gtk_widget_grab_focus (self->label_view);
}
