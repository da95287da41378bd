/* zopa-actor-row.c: an actor in the sidebar */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-actor-row.h"
#include "zopa-actor-swatch.h"

struct _ZopaActorRow
{
  AdwActionRow  parent_instance;

  ZopaActor       *item;
  gboolean         shown;

  ZopaActorSwatch *swatch;
};

G_DEFINE_FINAL_TYPE (ZopaActorRow, zopa_actor_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_from_actor (ZopaActorRow *self)
{
  g_autofree char *subtitle = g_strdup_printf (_("Reservation %d of 100"), zopa_actor_get_reservation (self->item));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", zopa_actor_get_id (self->item));
}

static void
set_item (ZopaActorRow *self,
          ZopaActor    *item)
{
  g_return_if_fail (self->item == NULL);

  self->item = g_object_ref (item);
  g_object_bind_property (item, "name", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "color", self->swatch, "color", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (item, "notify::reservation", G_CALLBACK (update_from_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::id", G_CALLBACK (update_from_actor), self, G_CONNECT_SWAPPED);
  update_from_actor (self);
}

/* One way from the row to the check, and this way back: a refusal that sets "shown" back
 * while the check is being toggled then reaches the check too. */
static void
on_shown_toggled (GtkCheckButton *check,
                  ZopaActorRow   *self)
{
  zopa_actor_row_set_shown (self, gtk_check_button_get_active (check));
}

static void
zopa_actor_row_dispose (GObject *object)
{
  ZopaActorRow *self = ZOPA_ACTOR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_ACTOR_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (zopa_actor_row_parent_class)->dispose (object);
}

static void
zopa_actor_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZopaActorRow *self = ZOPA_ACTOR_ROW (object);

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
zopa_actor_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZopaActorRow *self = ZOPA_ACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      break;
    case PROP_SHOWN:
      zopa_actor_row_set_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_actor_row_class_init (ZopaActorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_actor_row_dispose;
  object_class->get_property = zopa_actor_row_get_property;
  object_class->set_property = zopa_actor_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_ACTOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZOPA_TYPE_ACTOR_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-actor-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_shown_toggled);
  gtk_widget_class_bind_template_child (widget_class, ZopaActorRow, swatch);
}

static void
zopa_actor_row_init (ZopaActorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_actor_row_new (ZopaActor *item)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (item), NULL);

  return g_object_new (ZOPA_TYPE_ACTOR_ROW, "item", item, NULL);
}

ZopaActor *
zopa_actor_row_get_item (ZopaActorRow *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR_ROW (self), NULL);

  return self->item;
}

gboolean
zopa_actor_row_get_shown (ZopaActorRow *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR_ROW (self), FALSE);

  return self->shown;
}

void
zopa_actor_row_set_shown (ZopaActorRow *self,
                          gboolean      shown)
{
  g_return_if_fail (ZOPA_IS_ACTOR_ROW (self));

  shown = !!shown;
  if (self->shown == shown)
    return;
  self->shown = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}
