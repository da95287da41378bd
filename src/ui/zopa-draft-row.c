/* zopa-draft-row.c: a draft in the sidebar */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-draft-row.h"

struct _ZopaDraftRow
{
  AdwActionRow  parent_instance;

  ZopaDraft    *item;
  gboolean      shown;
};

G_DEFINE_FINAL_TYPE (ZopaDraftRow, zopa_draft_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "2025-11-20 · 29 clauses": the clause count changes without a notify of the draft. */
static void
update_subtitle (ZopaDraftRow *self)
{
  guint n_clauses = g_list_model_get_n_items (zopa_draft_get_clauses (self->item));
  const char *date = zopa_draft_get_date (self->item);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause", "%u clauses", n_clauses),
                                            n_clauses);
  g_autofree char *subtitle = NULL;

  if (date != NULL && *date != '\0')
    subtitle = g_strdup_printf ("%s · %s", date, count);
  else
    subtitle = g_strdup (count);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
set_item (ZopaDraftRow *self,
          ZopaDraft    *item)
{
  g_return_if_fail (self->item == NULL);

  self->item = g_object_ref (item);
  g_object_bind_property (item, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (item, "changed", G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
  update_subtitle (self);
}

/* One way from the row to the check, and this way back: a refusal that sets "shown" back
 * while the check is being toggled then reaches the check too. */
static void
on_shown_toggled (GtkCheckButton *check,
                  ZopaDraftRow   *self)
{
  zopa_draft_row_set_shown (self, gtk_check_button_get_active (check));
}

static void
zopa_draft_row_dispose (GObject *object)
{
  ZopaDraftRow *self = ZOPA_DRAFT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_DRAFT_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (zopa_draft_row_parent_class)->dispose (object);
}

static void
zopa_draft_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZopaDraftRow *self = ZOPA_DRAFT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_draft_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZopaDraftRow *self = ZOPA_DRAFT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      break;
    case PROP_SHOWN:
      zopa_draft_row_set_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_draft_row_class_init (ZopaDraftRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_draft_row_dispose;
  object_class->get_property = zopa_draft_row_get_property;
  object_class->set_property = zopa_draft_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-draft-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_shown_toggled);
}

static void
zopa_draft_row_init (ZopaDraftRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_draft_row_new (ZopaDraft *item)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (item), NULL);

  return g_object_new (ZOPA_TYPE_DRAFT_ROW, "item", item, NULL);
}

ZopaDraft *
zopa_draft_row_get_item (ZopaDraftRow *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT_ROW (self), NULL);

  return self->item;
}

gboolean
zopa_draft_row_get_shown (ZopaDraftRow *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT_ROW (self), FALSE);

  return self->shown;
}

void
zopa_draft_row_set_shown (ZopaDraftRow *self,
                          gboolean      shown)
{
  g_return_if_fail (ZOPA_IS_DRAFT_ROW (self));

  shown = !!shown;
  if (self->shown == shown)
    return;
  self->shown = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}
