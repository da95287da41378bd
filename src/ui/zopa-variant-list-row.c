/* zopa-variant-list-row.c: a variant in the variant editor's sidebar */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-variant-list-row.h"

struct _ZopaVariantListRow
{
  GtkListBoxRow  parent_instance;

  ZopaVariant   *item;
  gboolean       shown;

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
};

G_DEFINE_FINAL_TYPE (ZopaVariantListRow, zopa_variant_list_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "3 changes · shown": the count changes without a notify of the variant. */
static void
update_labels (ZopaVariantListRow *self)
{
  const char *title = zopa_variant_get_title (self->item);
  guint n_changes = g_list_model_get_n_items (zopa_variant_get_changes (self->item));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes),
                                            n_changes);
  g_autofree char *subtitle = NULL;

  if (self->shown)
    /* Translators: a count of changes, then that the variant is on the diagram */
    subtitle = g_strdup_printf (_("%s · shown"), count);
  gtk_label_set_text (self->title_label, title != NULL && *title != '\0' ? title : zopa_variant_get_id (self->item));
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : count);
}

static void
zopa_variant_list_row_constructed (GObject *object)
{
  ZopaVariantListRow *self = ZOPA_VARIANT_LIST_ROW (object);

  G_OBJECT_CLASS (zopa_variant_list_row_parent_class)->constructed (object);

  g_signal_connect_object (self->item, "changed", G_CALLBACK (update_labels), self, G_CONNECT_SWAPPED);
  update_labels (self);
}

static void
zopa_variant_list_row_dispose (GObject *object)
{
  ZopaVariantListRow *self = ZOPA_VARIANT_LIST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_VARIANT_LIST_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (zopa_variant_list_row_parent_class)->dispose (object);
}

static void
zopa_variant_list_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ZopaVariantListRow *self = ZOPA_VARIANT_LIST_ROW (object);

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
zopa_variant_list_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ZopaVariantListRow *self = ZOPA_VARIANT_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_SHOWN:
      zopa_variant_list_row_set_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_variant_list_row_class_init (ZopaVariantListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_variant_list_row_constructed;
  object_class->dispose = zopa_variant_list_row_dispose;
  object_class->get_property = zopa_variant_list_row_get_property;
  object_class->set_property = zopa_variant_list_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_VARIANT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-variant-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantListRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaVariantListRow, subtitle_label);
}

static void
zopa_variant_list_row_init (ZopaVariantListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_variant_list_row_new (ZopaVariant *item)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT (item), NULL);

  return g_object_new (ZOPA_TYPE_VARIANT_LIST_ROW, "item", item, NULL);
}

ZopaVariant *
zopa_variant_list_row_get_item (ZopaVariantListRow *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_LIST_ROW (self), NULL);

  return self->item;
}

void
zopa_variant_list_row_set_shown (ZopaVariantListRow *self,
                                 gboolean            shown)
{
  g_return_if_fail (ZOPA_IS_VARIANT_LIST_ROW (self));

  shown = !!shown;
  if (self->shown == shown)
    return;
  self->shown = shown;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}
