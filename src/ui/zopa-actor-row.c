/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-actor-row.c: an actor in the sidebar */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-explain.h"
#include "zopa-actor-row.h"
#include "zopa-actor-swatch.h"
#include "zopa-user-text.h"

struct _ZopaActorRow
{
  ZopaShownRow     parent_instance;

  ZopaActorSwatch *swatch;
};

G_DEFINE_FINAL_TYPE (ZopaActorRow, zopa_actor_row, ZOPA_TYPE_SHOWN_ROW)

static void
update_from_actor (ZopaActorRow *self)
{
  ZopaActor *actor = zopa_actor_row_get_item (self);
  ZopaRange reservation = zopa_actor_get_reservation_range (actor);
  /* Translators: an actor's reservation, e.g. "Reservation 55 of 100" or "Reservation 55–85 of 100". */
  g_autofree char *subtitle = zopa_range_is_uncertain (reservation)
                              ? g_strdup_printf (_("Reservation %d–%d of 100"), reservation.low, reservation.high)
                              : g_strdup_printf (_("Reservation %d of 100"), reservation.low);
  g_autofree char *name = zopa_display_text (zopa_actor_get_name (actor), ZOPA_DISPLAY_TEXT_LINE);
  g_autofree char *explanation = zopa_explain_reservation (name, reservation);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  /* The reservation in plain words, on hover and for screen readers. */
  zopa_user_text_set_tooltip (GTK_WIDGET (self), explanation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", zopa_actor_get_id (actor));
}

static void
zopa_actor_row_constructed (GObject *object)
{
  ZopaActorRow *self = ZOPA_ACTOR_ROW (object);
  ZopaActor *actor;

  G_OBJECT_CLASS (zopa_actor_row_parent_class)->constructed (object);

  actor = zopa_actor_row_get_item (self);
  g_object_bind_property_full (actor, "name", self, "title", G_BINDING_SYNC_CREATE,
                               zopa_display_text_line_transform, NULL, NULL, NULL);
  g_object_bind_property (actor, "color", self->swatch, "color", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (actor, "notify::reservation", G_CALLBACK (update_from_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (actor, "notify::id", G_CALLBACK (update_from_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (actor, "notify::name", G_CALLBACK (update_from_actor), self, G_CONNECT_SWAPPED);
  update_from_actor (self);
}

static void
zopa_actor_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZOPA_TYPE_ACTOR_ROW);
  G_OBJECT_CLASS (zopa_actor_row_parent_class)->dispose (object);
}

static void
zopa_actor_row_class_init (ZopaActorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_actor_row_constructed;
  object_class->dispose = zopa_actor_row_dispose;

  g_type_ensure (ZOPA_TYPE_ACTOR_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-actor-row.ui");
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

  return zopa_shown_row_get_item (ZOPA_SHOWN_ROW (self));
}
