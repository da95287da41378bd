/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-actor.h"
#include "zopa-model-private.h"

/* ZopaStance */

struct _ZopaStance
{
  GObject         parent_instance;

  char           *issue;
  int             weight;      /* the low end of a range */
  int             weight_high;
  gboolean        weight_ranged;
  char          **acceptable;  /* NULL: every option */
  char          **maybe;
  ZopaOrderedMap *utility;     /* option id -> zopa_range_pack () */
  JsonObject     *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaStance, zopa_stance, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  STANCE_PROP_0,
  STANCE_PROP_ISSUE,
  STANCE_PROP_WEIGHT,
  STANCE_PROP_ACCEPTABLE,
  STANCE_PROP_MAYBE,
  STANCE_PROP_EXTRA,
  STANCE_N_PROPS
};

static GParamSpec *stance_properties[STANCE_N_PROPS];

static void
zopa_stance_finalize (GObject *object)
{
  ZopaStance *self = ZOPA_STANCE (object);

  g_clear_pointer (&self->issue, g_free);
  g_clear_pointer (&self->acceptable, g_strfreev);
  g_clear_pointer (&self->maybe, g_strfreev);
  g_clear_pointer (&self->utility, zopa_ordered_map_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_stance_parent_class)->finalize (object);
}

static void
zopa_stance_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZopaStance *self = ZOPA_STANCE (object);

  switch (prop_id)
    {
    case STANCE_PROP_ISSUE:
      g_value_set_string (value, self->issue);
      break;
    case STANCE_PROP_WEIGHT:
      g_value_set_int (value, self->weight);
      break;
    case STANCE_PROP_ACCEPTABLE:
      g_value_set_boxed (value, self->acceptable);
      break;
    case STANCE_PROP_MAYBE:
      g_value_set_boxed (value, self->maybe);
      break;
    case STANCE_PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_stance_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZopaStance *self = ZOPA_STANCE (object);

  switch (prop_id)
    {
    case STANCE_PROP_ISSUE:
      zopa_stance_set_issue (self, g_value_get_string (value));
      break;
    case STANCE_PROP_WEIGHT:
      zopa_stance_set_weight (self, g_value_get_int (value));
      break;
    case STANCE_PROP_ACCEPTABLE:
      zopa_stance_set_acceptable (self, g_value_get_boxed (value));
      break;
    case STANCE_PROP_MAYBE:
      zopa_stance_set_maybe (self, g_value_get_boxed (value));
      break;
    case STANCE_PROP_EXTRA:
      zopa_stance_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_stance_class_init (ZopaStanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zopa_stance_finalize;
  object_class->get_property = zopa_stance_get_property;
  object_class->set_property = zopa_stance_set_property;
  zopa_model_node_class_forward_notify (object_class);

  stance_properties[STANCE_PROP_ISSUE] = g_param_spec_string ("issue", NULL, NULL, NULL, flags);
  stance_properties[STANCE_PROP_WEIGHT] =
    g_param_spec_int ("weight", NULL, NULL, 0, ZOPA_WEIGHT_MAX, 1, flags);
  stance_properties[STANCE_PROP_ACCEPTABLE] =
    g_param_spec_boxed ("acceptable", NULL, NULL, G_TYPE_STRV, flags);
  stance_properties[STANCE_PROP_MAYBE] =
    g_param_spec_boxed ("maybe", NULL, NULL, G_TYPE_STRV, flags);
  stance_properties[STANCE_PROP_EXTRA] =
    g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, STANCE_N_PROPS, stance_properties);
}

static void
zopa_stance_init (ZopaStance *self)
{
  self->weight = 1;
  self->weight_high = 1;
  self->utility = zopa_ordered_map_new (NULL, NULL);
}

ZopaStance *
zopa_stance_new (const char *issue_id)
{
  return g_object_new (ZOPA_TYPE_STANCE, "issue", issue_id, NULL);
}

const char *
zopa_stance_get_issue (ZopaStance *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), NULL);
  return self->issue;
}

void
zopa_stance_set_issue (ZopaStance *self,
                       const char *issue_id)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  if (zopa_model_set_string (&self->issue, issue_id))
    g_object_notify_by_pspec (G_OBJECT (self), stance_properties[STANCE_PROP_ISSUE]);
}

int
zopa_stance_get_weight (ZopaStance *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), 0);
  return self->weight;
}

static void
set_weight_range (ZopaStance *self,
                  int         low,
                  int         high,
                  gboolean    ranged)
{
  if (self->weight == low && self->weight_high == high && self->weight_ranged == ranged)
    return;

  self->weight = low;
  self->weight_high = high;
  self->weight_ranged = ranged;
  g_object_notify_by_pspec (G_OBJECT (self), stance_properties[STANCE_PROP_WEIGHT]);
}

void
zopa_stance_set_weight (ZopaStance *self,
                        int         weight)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  g_return_if_fail (weight >= 0 && weight <= ZOPA_WEIGHT_MAX);

  set_weight_range (self, weight, weight, FALSE);
}

ZopaRange
zopa_stance_get_weight_range (ZopaStance *self)
{
  ZopaRange range = { 1, 1, FALSE };

  g_return_val_if_fail (ZOPA_IS_STANCE (self), range);
  range.low = self->weight;
  range.high = self->weight_high;
  range.ranged = self->weight_ranged;
  return range;
}

void
zopa_stance_set_weight_range (ZopaStance *self,
                              int         low,
                              int         high)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  g_return_if_fail (low >= 0 && low <= high && high <= ZOPA_WEIGHT_MAX);

  set_weight_range (self, low, high, TRUE);
}

const char * const *
zopa_stance_get_acceptable (ZopaStance *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), NULL);
  return (const char * const *) self->acceptable;
}

void
zopa_stance_set_acceptable (ZopaStance         *self,
                            const char * const *option_ids)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  if (zopa_model_set_strv (&self->acceptable, option_ids))
    g_object_notify_by_pspec (G_OBJECT (self), stance_properties[STANCE_PROP_ACCEPTABLE]);
}

gboolean
zopa_stance_accepts_option (ZopaStance *self,
                            const char *option_id)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);

  if (zopa_stance_is_maybe (self, option_id))
    return FALSE;
  if (self->acceptable == NULL)
    return TRUE;

  return g_strv_contains ((const char * const *) self->acceptable, option_id);
}

const char * const *
zopa_stance_get_maybe (ZopaStance *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), NULL);
  return (const char * const *) self->maybe;
}

void
zopa_stance_set_maybe (ZopaStance         *self,
                       const char * const *option_ids)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  if (zopa_model_set_strv (&self->maybe, option_ids))
    g_object_notify_by_pspec (G_OBJECT (self), stance_properties[STANCE_PROP_MAYBE]);
}

gboolean
zopa_stance_is_maybe (ZopaStance *self,
                      const char *option_id)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);

  return self->maybe != NULL && g_strv_contains ((const char * const *) self->maybe, option_id);
}

const char * const *
zopa_stance_get_utility_options (ZopaStance *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), NULL);
  return zopa_ordered_map_get_keys (self->utility);
}

int
zopa_stance_get_utility (ZopaStance *self,
                         const char *option_id)
{
  gpointer value;

  g_return_val_if_fail (ZOPA_IS_STANCE (self), ZOPA_UTILITY_DEFAULT);

  if (!zopa_ordered_map_lookup (self->utility, option_id, &value))
    return ZOPA_UTILITY_DEFAULT;

  return zopa_range_unpack (value).low;
}

ZopaRange
zopa_stance_get_utility_range (ZopaStance *self,
                               const char *option_id)
{
  ZopaRange range = { ZOPA_UTILITY_DEFAULT, ZOPA_UTILITY_DEFAULT, FALSE };
  gpointer value;

  g_return_val_if_fail (ZOPA_IS_STANCE (self), range);

  if (zopa_ordered_map_lookup (self->utility, option_id, &value))
    range = zopa_range_unpack (value);
  return range;
}

void
zopa_stance_set_utility_range (ZopaStance *self,
                               const char *option_id,
                               int         low,
                               int         high)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  g_return_if_fail (option_id != NULL);
  g_return_if_fail (low >= 0 && low <= high && high <= ZOPA_UTILITY_MAX);

  if (zopa_ordered_map_set (self->utility, option_id, zopa_range_pack (low, high, TRUE)))
    zopa_model_node_emit_changed (self);
}

gboolean
zopa_stance_has_utility (ZopaStance *self,
                         const char *option_id)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), FALSE);
  return zopa_ordered_map_lookup (self->utility, option_id, NULL);
}

void
zopa_stance_set_utility (ZopaStance *self,
                         const char *option_id,
                         int         utility)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  g_return_if_fail (option_id != NULL);
  g_return_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX);

  if (zopa_ordered_map_set (self->utility, option_id, zopa_range_pack (utility, utility, FALSE)))
    zopa_model_node_emit_changed (self);
}

void
zopa_stance_insert_utility (ZopaStance *self,
                            guint       position,
                            const char *option_id,
                            int         utility)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  g_return_if_fail (option_id != NULL);
  g_return_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX);
  g_return_if_fail (!zopa_ordered_map_lookup (self->utility, option_id, NULL));

  zopa_ordered_map_insert (self->utility, position, option_id, zopa_range_pack (utility, utility, FALSE));
  zopa_model_node_emit_changed (self);
}

void
zopa_stance_unset_utility (ZopaStance *self,
                           const char *option_id)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));

  if (zopa_ordered_map_remove (self->utility, option_id))
    zopa_model_node_emit_changed (self);
}

JsonObject *
zopa_stance_get_extra (ZopaStance *self)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (self), NULL);
  return self->extra;
}

void
zopa_stance_set_extra (ZopaStance *self,
                       JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_STANCE (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), stance_properties[STANCE_PROP_EXTRA]);
}

/* ZopaActor */

struct _ZopaActor
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  char          *color;
  char          *logic;
  int            reservation;       /* the low end of a range */
  int            reservation_high;
  gboolean       reservation_ranged;
  char         **sources;
  ZopaModelList *stances;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaActor, zopa_actor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_LOGIC,
  PROP_RESERVATION,
  PROP_SOURCES,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_actor_dispose (GObject *object)
{
  ZopaActor *self = ZOPA_ACTOR (object);

  g_clear_pointer (&self->stances, zopa_model_list_free);

  G_OBJECT_CLASS (zopa_actor_parent_class)->dispose (object);
}

static void
zopa_actor_finalize (GObject *object)
{
  ZopaActor *self = ZOPA_ACTOR (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->logic, g_free);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_actor_parent_class)->finalize (object);
}

static void
zopa_actor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZopaActor *self = ZOPA_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_LOGIC:
      g_value_set_string (value, self->logic);
      break;
    case PROP_RESERVATION:
      g_value_set_int (value, self->reservation);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    case PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_actor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZopaActor *self = ZOPA_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      zopa_actor_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      zopa_actor_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      zopa_actor_set_color (self, g_value_get_string (value));
      break;
    case PROP_LOGIC:
      zopa_actor_set_logic (self, g_value_get_string (value));
      break;
    case PROP_RESERVATION:
      zopa_actor_set_reservation (self, g_value_get_int (value));
      break;
    case PROP_SOURCES:
      zopa_actor_set_sources (self, g_value_get_boxed (value));
      break;
    case PROP_EXTRA:
      zopa_actor_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_actor_class_init (ZopaActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zopa_actor_dispose;
  object_class->finalize = zopa_actor_finalize;
  object_class->get_property = zopa_actor_get_property;
  object_class->set_property = zopa_actor_set_property;
  zopa_model_node_class_forward_notify (object_class);

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_LOGIC] = g_param_spec_string ("logic", NULL, NULL, NULL, flags);
  properties[PROP_RESERVATION] =
    g_param_spec_int ("reservation", NULL, NULL, 0, ZOPA_RESERVATION_MAX, 0, flags);
  properties[PROP_SOURCES] = g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EXTRA] = g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_actor_init (ZopaActor *self)
{
  self->stances = zopa_model_list_new (self, ZOPA_TYPE_STANCE);
}

ZopaActor *
zopa_actor_new (const char *id)
{
  return g_object_new (ZOPA_TYPE_ACTOR, "id", id, NULL);
}

const char *
zopa_actor_get_id (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return self->id;
}

void
zopa_actor_set_id (ZopaActor  *self,
                   const char *id)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  if (zopa_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
zopa_actor_get_name (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return self->name;
}

void
zopa_actor_set_name (ZopaActor  *self,
                     const char *name)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  if (zopa_model_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
zopa_actor_get_color (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return self->color;
}

void
zopa_actor_set_color (ZopaActor  *self,
                      const char *color)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  if (zopa_model_set_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
zopa_actor_get_logic (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return self->logic;
}

void
zopa_actor_set_logic (ZopaActor  *self,
                      const char *logic)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  if (zopa_model_set_string (&self->logic, logic))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGIC]);
}

int
zopa_actor_get_reservation (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), 0);
  return self->reservation;
}

static void
set_reservation_range (ZopaActor *self,
                       int        low,
                       int        high,
                       gboolean   ranged)
{
  if (self->reservation == low && self->reservation_high == high && self->reservation_ranged == ranged)
    return;

  self->reservation = low;
  self->reservation_high = high;
  self->reservation_ranged = ranged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVATION]);
}

void
zopa_actor_set_reservation (ZopaActor *self,
                            int        reservation)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  g_return_if_fail (reservation >= 0 && reservation <= ZOPA_RESERVATION_MAX);

  set_reservation_range (self, reservation, reservation, FALSE);
}

ZopaRange
zopa_actor_get_reservation_range (ZopaActor *self)
{
  ZopaRange range = { 0, 0, FALSE };

  g_return_val_if_fail (ZOPA_IS_ACTOR (self), range);
  range.low = self->reservation;
  range.high = self->reservation_high;
  range.ranged = self->reservation_ranged;
  return range;
}

void
zopa_actor_set_reservation_range (ZopaActor *self,
                                  int        low,
                                  int        high)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  g_return_if_fail (low >= 0 && low <= high && high <= ZOPA_RESERVATION_MAX);

  set_reservation_range (self, low, high, TRUE);
}

const char * const *
zopa_actor_get_sources (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return (const char * const *) self->sources;
}

void
zopa_actor_set_sources (ZopaActor          *self,
                        const char * const *source_ids)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  if (zopa_model_set_strv (&self->sources, source_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES]);
}

GListModel *
zopa_actor_get_stances (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return zopa_model_list_get_model (self->stances);
}

static const char *
get_stance_issue (gpointer item)
{
  return ZOPA_STANCE (item)->issue;
}

ZopaStance *
zopa_actor_find_stance (ZopaActor  *self,
                        const char *issue_id)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return zopa_model_list_find (self->stances, get_stance_issue, issue_id, NULL);
}

void
zopa_actor_insert_stance (ZopaActor  *self,
                          guint       position,
                          ZopaStance *stance)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  g_return_if_fail (ZOPA_IS_STANCE (stance));
  /* At most one stance per issue. */
  g_return_if_fail (stance->issue == NULL || zopa_actor_find_stance (self, stance->issue) == NULL);

  zopa_model_list_insert (self->stances, position, stance);
}

void
zopa_actor_remove_stance (ZopaActor *self,
                          guint      position)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));

  zopa_model_list_remove (self->stances, position);
}

JsonObject *
zopa_actor_get_extra (ZopaActor *self)
{
  g_return_val_if_fail (ZOPA_IS_ACTOR (self), NULL);
  return self->extra;
}

void
zopa_actor_set_extra (ZopaActor  *self,
                      JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_ACTOR (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
