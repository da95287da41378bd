/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-compare-card.c: a row of the comparison window, drawn by the comparison renderer */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zopa-compare-card.h"
#include "zopa-user-text.h"

struct _ZopaCompareCard
{
  GtkListBoxRow         parent_instance;

  ZopaComparisonRender *item;
  guint                 index;
  char                 *description;

  GtkDrawingArea       *area;    /* the row's child */
};

G_DEFINE_FINAL_TYPE (ZopaCompareCard, zopa_compare_card, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_row (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  ZopaCompareCard *self = data;

  if (self->item != NULL && self->index < zopa_comparison_render_get_n_rows (self->item))
    zopa_comparison_render_draw_row (self->item, cr, self->index);
}

char *
zopa_compare_card_describe_row (ZopaComparisonRender *render,
                                guint                 index)
{
  ZopaComparison *comparison = zopa_comparison_render_get_comparison (render);
  const ZopaComparisonRow *row = zopa_comparison_render_get_row (render, index);
  g_autofree char *note = zopa_comparison_describe_row (comparison, row);

  /* Translators: a row of the comparison read out: its kind, the left clause, the right
   * one, and what changed */
  return g_strdup_printf (_("%s: %s → %s. %s"), zopa_comparison_kind_to_label (row->kind),
                          row->n_left > 0 ? row->left[0]->title : "–",
                          row->right != NULL ? row->right->title : "–",
                          note != NULL ? note : "");
}

static void
update (ZopaCompareCard *self)
{
  gboolean shown = self->item != NULL && self->index < zopa_comparison_render_get_n_rows (self->item);

  g_clear_pointer (&self->description, g_free);
  if (shown)
    {
      self->description = zopa_compare_card_describe_row (self->item, self->index);
      gtk_drawing_area_set_content_height (self->area,
                                           (int) ceil (zopa_comparison_render_get_row_height (self->item, self->index)));
    }
  else
    gtk_drawing_area_set_content_height (self->area, 0);
  zopa_user_text_set_accessible_label (GTK_WIDGET (self), self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

void
zopa_compare_card_set_item (ZopaCompareCard      *self,
                            ZopaComparisonRender *item,
                            guint                 index)
{
  g_return_if_fail (ZOPA_IS_COMPARE_CARD (self));
  g_return_if_fail (item == NULL || ZOPA_IS_COMPARISON_RENDER (item));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  if (self->index != index)
    {
      self->index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
  update (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
zopa_compare_card_dispose (GObject *object)
{
  ZopaCompareCard *self = ZOPA_COMPARE_CARD (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (zopa_compare_card_parent_class)->dispose (object);
}

static void
zopa_compare_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZopaCompareCard *self = ZOPA_COMPARE_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_compare_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZopaCompareCard *self = ZOPA_COMPARE_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      zopa_compare_card_set_item (self, g_value_get_object (value), self->index);
      break;
    case PROP_INDEX:
      zopa_compare_card_set_item (self, self->item, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_compare_card_class_init (ZopaCompareCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_compare_card_dispose;
  object_class->get_property = zopa_compare_card_get_property;
  object_class->set_property = zopa_compare_card_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_COMPARISON_RENDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-compare-card.ui");
}

static void
zopa_compare_card_init (ZopaCompareCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row's child, which the row itself unparents when it goes. */
  self->area = GTK_DRAWING_AREA (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self)));
  gtk_drawing_area_set_draw_func (self->area, draw_row, self, NULL);
}

GtkWidget *
zopa_compare_card_new (ZopaComparisonRender *item,
                       guint                 index)
{
  return g_object_new (ZOPA_TYPE_COMPARE_CARD, "item", item, "index", index, NULL);
}

ZopaComparisonRender *
zopa_compare_card_get_item (ZopaCompareCard *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_CARD (self), NULL);
  return self->item;
}

guint
zopa_compare_card_get_index (ZopaCompareCard *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_CARD (self), 0);
  return self->index;
}

const char *
zopa_compare_card_get_description (ZopaCompareCard *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_CARD (self), NULL);
  return self->description;
}
