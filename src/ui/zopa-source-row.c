/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-source-row.c: whether an actor cites a source, in the actor editor */

#include "config.h"

#include "zopa-source-row.h"
#include "zopa-user-text.h"

struct _ZopaSourceRow
{
  AdwActionRow    parent_instance;

  ZopaHistory    *history;
  ZopaSource     *item;
  /* The actor, and its "notify::sources" while it is shown. */
  GSignalGroup   *actor_signals;

  GtkCheckButton *check;
};

G_DEFINE_FINAL_TYPE (ZopaSourceRow, zopa_source_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_check_toggled (ZopaSourceRow *self);

static ZopaActor *
get_actor (ZopaSourceRow *self)
{
  g_autoptr(GObject) actor = g_signal_group_dup_target (self->actor_signals);

  /* The editor holds the actor it shows. */
  return ZOPA_ACTOR (actor);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
update_from_source (ZopaSourceRow *self)
{
  const char *title = zopa_source_get_title (self->item);
  const char *publisher = zopa_source_get_publisher (self->item);
  const char *date = zopa_source_get_date (self->item);
  g_autofree char *subtitle = NULL;

  if (is_set (publisher) && is_set (date))
    subtitle = g_strdup_printf ("%s · %s", publisher, date);
  else
    subtitle = g_strdup (is_set (publisher) ? publisher : date);
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self), is_set (title) ? title : zopa_source_get_id (self->item));
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), subtitle);
}

static void
update_from_actor (ZopaSourceRow *self)
{
  ZopaActor *actor = get_actor (self);
  const char * const *sources = actor != NULL ? zopa_actor_get_sources (actor) : NULL;

  g_signal_handlers_block_by_func (self->check, on_check_toggled, self);
  gtk_check_button_set_active (self->check,
                               sources != NULL && g_strv_contains (sources, zopa_source_get_id (self->item)));
  g_signal_handlers_unblock_by_func (self->check, on_check_toggled, self);
}

static void
on_check_toggled (ZopaSourceRow *self)
{
  ZopaActor *actor = get_actor (self);
  const char *source_id = zopa_source_get_id (self->item);
  const char * const *sources;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) new_sources = NULL;

  if (actor == NULL)
    return;
  /* Kept in the order they were added: removing one leaves the others where they are. */
  builder = g_strv_builder_new ();
  sources = zopa_actor_get_sources (actor);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (g_strcmp0 (sources[i], source_id) != 0)
      g_strv_builder_add (builder, sources[i]);
  if (gtk_check_button_get_active (self->check))
    g_strv_builder_add (builder, source_id);
  new_sources = g_strv_builder_end (builder);
  zopa_history_set (self->history, actor, "sources", new_sources, NULL);
}

void
zopa_source_row_set_actor (ZopaSourceRow *self,
                           ZopaActor     *actor)
{
  g_return_if_fail (ZOPA_IS_SOURCE_ROW (self));

  g_signal_group_set_target (self->actor_signals, actor);
  update_from_actor (self);
}

/* The object */

static void
zopa_source_row_constructed (GObject *object)
{
  ZopaSourceRow *self = ZOPA_SOURCE_ROW (object);

  G_OBJECT_CLASS (zopa_source_row_parent_class)->constructed (object);

  g_signal_connect_object (self->item, "changed", G_CALLBACK (update_from_source), self, G_CONNECT_SWAPPED);
  update_from_source (self);
  update_from_actor (self);
}

static void
zopa_source_row_dispose (GObject *object)
{
  ZopaSourceRow *self = ZOPA_SOURCE_ROW (object);

  g_signal_group_set_target (self->actor_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_SOURCE_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (zopa_source_row_parent_class)->dispose (object);
}

static void
zopa_source_row_finalize (GObject *object)
{
  ZopaSourceRow *self = ZOPA_SOURCE_ROW (object);

  g_clear_object (&self->actor_signals);
  G_OBJECT_CLASS (zopa_source_row_parent_class)->finalize (object);
}

static void
zopa_source_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZopaSourceRow *self = ZOPA_SOURCE_ROW (object);

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
zopa_source_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZopaSourceRow *self = ZOPA_SOURCE_ROW (object);

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
zopa_source_row_class_init (ZopaSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_source_row_constructed;
  object_class->dispose = zopa_source_row_dispose;
  object_class->finalize = zopa_source_row_finalize;
  object_class->get_property = zopa_source_row_get_property;
  object_class->set_property = zopa_source_row_set_property;

  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, ZOPA_TYPE_HISTORY, flags);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_SOURCE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaSourceRow, check);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
}

static void
zopa_source_row_init (ZopaSourceRow *self)
{
  self->actor_signals = g_signal_group_new (ZOPA_TYPE_ACTOR);
  g_signal_group_connect_object (self->actor_signals, "notify::sources", G_CALLBACK (update_from_actor),
                                 self, G_CONNECT_SWAPPED);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_source_row_new (ZopaHistory *history,
                     ZopaSource  *item)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ZOPA_IS_SOURCE (item), NULL);

  return g_object_new (ZOPA_TYPE_SOURCE_ROW, "history", history, "item", item, NULL);
}

ZopaSource *
zopa_source_row_get_item (ZopaSourceRow *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE_ROW (self), NULL);

  return self->item;
}

GtkCheckButton *
zopa_source_row_get_check (ZopaSourceRow *self)
{
  g_return_val_if_fail (ZOPA_IS_SOURCE_ROW (self), NULL);

  return self->check;
}
