/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-gradual-rows.c: a list box bound to a model, its rows built a few per frame */

#include "config.h"

#include "zopa-gradual-rows.h"

/* Rows built at once. */
#define FIRST_ROWS 4
/* A frame builds at most this many rows, and stops earlier after FRAME_BUDGET_US: laying
 * out a row with wrapped labels costs one or two milliseconds more on a loaded machine. */
#define ROWS_PER_FRAME 4
#define FRAME_BUDGET_US (8 * G_TIME_SPAN_MILLISECOND)

struct _ZopaGradualRows
{
  GObject            parent_instance;

  GtkListBox        *box;
  GtkSliceListModel *slice;
  guint              tick_id;
};

G_DEFINE_FINAL_TYPE (ZopaGradualRows, zopa_gradual_rows, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stop_growing (ZopaGradualRows *self)
{
  if (self->tick_id != 0 && self->box != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->box), self->tick_id);
  self->tick_id = 0;
}

static gboolean
grow (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       user_data)
{
  ZopaGradualRows *self = ZOPA_GRADUAL_ROWS (user_data);
  guint n_items = g_list_model_get_n_items (gtk_slice_list_model_get_model (self->slice));
  guint size = gtk_slice_list_model_get_size (self->slice);
  guint limit = MIN (n_items, size + ROWS_PER_FRAME);
  gint64 start = g_get_monotonic_time ();

  while (size < limit && g_get_monotonic_time () - start < FRAME_BUDGET_US)
    gtk_slice_list_model_set_size (self->slice, ++size);
  if (size < n_items)
    return G_SOURCE_CONTINUE;

  /* All built: rows added later appear at once. */
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  self->tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  return G_SOURCE_REMOVE;
}

static void
zopa_gradual_rows_dispose (GObject *object)
{
  ZopaGradualRows *self = ZOPA_GRADUAL_ROWS (object);

  stop_growing (self);
  g_clear_weak_pointer (&self->box);
  g_clear_object (&self->slice);
  G_OBJECT_CLASS (zopa_gradual_rows_parent_class)->dispose (object);
}

static void
zopa_gradual_rows_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZopaGradualRows *self = ZOPA_GRADUAL_ROWS (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, zopa_gradual_rows_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_gradual_rows_class_init (ZopaGradualRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zopa_gradual_rows_dispose;
  object_class->get_property = zopa_gradual_rows_get_property;

  /* Whether every item of the model has its row. */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_gradual_rows_init (ZopaGradualRows *self)
{
}

ZopaGradualRows *
zopa_gradual_rows_bind (GtkListBox                 *box,
                        GListModel                 *model,
                        GtkListBoxCreateWidgetFunc  create_row,
                        gpointer                    user_data)
{
  ZopaGradualRows *self;
  gboolean short_list;

  g_return_val_if_fail (GTK_IS_LIST_BOX (box), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (ZOPA_TYPE_GRADUAL_ROWS, NULL);
  g_set_weak_pointer (&self->box, box);
  short_list = g_list_model_get_n_items (model) <= FIRST_ROWS;
  self->slice = gtk_slice_list_model_new (g_object_ref (model), 0, short_list ? G_MAXUINT : FIRST_ROWS);
  gtk_list_box_bind_model (box, G_LIST_MODEL (self->slice), create_row, user_data, NULL);
  if (!short_list)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (box), grow, self, NULL);
  return self;
}

/* Whether every row of the model is built. */
gboolean
zopa_gradual_rows_complete (ZopaGradualRows *self)
{
  g_return_val_if_fail (ZOPA_IS_GRADUAL_ROWS (self), FALSE);

  return self->tick_id == 0;
}
