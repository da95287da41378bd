/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-assumption-row.c: a row of the Assumptions window, bound to its item */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-actor-swatch.h"
#include "zopa-assumption-row.h"
#include "zopa-user-text.h"

struct _ZopaAssumptionRow
{
  AdwExpanderRow      parent_instance;

  ZopaAssumptionItem *item;

  ZopaActorSwatch    *swatch;
  GtkLabel           *range_label;
};

G_DEFINE_FINAL_TYPE (ZopaAssumptionRow, zopa_assumption_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
new_detail_row (const char *icon_name,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), title);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  return row;
}

/* A source: its title and publisher, and a link that opens it. */
static GtkWidget *
new_source_row (ZopaSource *source)
{
  const char *url = zopa_source_get_url (source);
  GtkWidget *row = new_detail_row ("accessories-dictionary-symbolic", zopa_source_get_title (source),
                                   zopa_source_get_publisher (source));

  if (url != NULL && *url != '\0')
    {
      GtkWidget *link = gtk_link_button_new_with_label (url, _("Open"));

      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      zopa_user_text_set_tooltip (link, url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }
  return row;
}

static void
show_item (ZopaAssumptionRow *self)
{
  GArray *conclusions = zopa_assumption_item_get_conclusions (self->item);
  GListModel *sources = zopa_assumption_item_get_sources (self->item);
  g_autofree char *description = NULL;

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self), zopa_assumption_item_get_title (self->item));
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), zopa_assumption_item_get_summary (self->item));
  gtk_label_set_text (self->range_label, zopa_assumption_item_get_range (self->item));
  zopa_actor_swatch_set_color (self->swatch, zopa_assumption_item_get_color (self->item));

  for (guint k = 0; k < conclusions->len; k++)
    {
      const ZopaConclusion *c = &g_array_index (conclusions, ZopaConclusion, k);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), new_detail_row (c->icon_name, c->title, c->subtitle));
    }
  for (guint k = 0; k < g_list_model_get_n_items (sources); k++)
    {
      g_autoptr(ZopaSource) source = g_list_model_get_item (sources, k);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), new_source_row (source));
    }

  /* TRANSLATORS: the value, its range, what hinges on it */
  description = g_strdup_printf (_("%s, %s. %s"), zopa_assumption_item_get_title (self->item),
                                 zopa_assumption_item_get_range (self->item),
                                 zopa_assumption_item_get_summary (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
zopa_assumption_row_constructed (GObject *object)
{
  ZopaAssumptionRow *self = ZOPA_ASSUMPTION_ROW (object);

  G_OBJECT_CLASS (zopa_assumption_row_parent_class)->constructed (object);
  if (self->item != NULL)
    show_item (self);
}

static void
zopa_assumption_row_dispose (GObject *object)
{
  ZopaAssumptionRow *self = ZOPA_ASSUMPTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_ASSUMPTION_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (zopa_assumption_row_parent_class)->dispose (object);
}

static void
zopa_assumption_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZopaAssumptionRow *self = ZOPA_ASSUMPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_assumption_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZopaAssumptionRow *self = ZOPA_ASSUMPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_assumption_row_class_init (ZopaAssumptionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_assumption_row_constructed;
  object_class->dispose = zopa_assumption_row_dispose;
  object_class->get_property = zopa_assumption_row_get_property;
  object_class->set_property = zopa_assumption_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_ASSUMPTION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-assumption-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaAssumptionRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, ZopaAssumptionRow, range_label);
  g_type_ensure (ZOPA_TYPE_ACTOR_SWATCH);
}

static void
zopa_assumption_row_init (ZopaAssumptionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_assumption_row_new (ZopaAssumptionItem *item)
{
  return g_object_new (ZOPA_TYPE_ASSUMPTION_ROW, "item", item, NULL);
}

ZopaAssumptionItem *
zopa_assumption_row_get_item (ZopaAssumptionRow *self)
{
  g_return_val_if_fail (ZOPA_IS_ASSUMPTION_ROW (self), NULL);
  return self->item;
}
