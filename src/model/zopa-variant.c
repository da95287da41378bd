/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-variant.h"
#include "zopa-actor.h"
#include "zopa-model-private.h"

/* ZopaVariantChange */

struct _ZopaVariantChange
{
  GObject         parent_instance;

  char           *actor;
  char           *issue;
  int             reservation;      /* low ends of ranges */
  int             weight;
  int             reservation_high;
  int             weight_high;
  gboolean        reservation_ranged;
  gboolean        weight_ranged;
  char          **acceptable;
  char          **maybe;
  ZopaOrderedMap *utility;          /* option id -> zopa_range_pack () */
  JsonObject     *extra;
  guint           has_reservation : 1;
  guint           has_weight : 1;
  guint           has_utility : 1;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaVariantChange, zopa_variant_change, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  CHANGE_PROP_0,
  CHANGE_PROP_ACTOR,
  CHANGE_PROP_ISSUE,
  CHANGE_PROP_RESERVATION,
  CHANGE_PROP_HAS_RESERVATION,
  CHANGE_PROP_WEIGHT,
  CHANGE_PROP_HAS_WEIGHT,
  CHANGE_PROP_ACCEPTABLE,
  CHANGE_PROP_MAYBE,
  CHANGE_PROP_EXTRA,
  CHANGE_N_PROPS
};

static GParamSpec *change_properties[CHANGE_N_PROPS];

static void
zopa_variant_change_finalize (GObject *object)
{
  ZopaVariantChange *self = ZOPA_VARIANT_CHANGE (object);

  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->issue, g_free);
  g_clear_pointer (&self->acceptable, g_strfreev);
  g_clear_pointer (&self->maybe, g_strfreev);
  g_clear_pointer (&self->utility, zopa_ordered_map_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_variant_change_parent_class)->finalize (object);
}

static void
zopa_variant_change_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZopaVariantChange *self = ZOPA_VARIANT_CHANGE (object);

  switch (prop_id)
    {
    case CHANGE_PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case CHANGE_PROP_ISSUE:
      g_value_set_string (value, self->issue);
      break;
    case CHANGE_PROP_RESERVATION:
      g_value_set_int (value, self->reservation);
      break;
    case CHANGE_PROP_HAS_RESERVATION:
      g_value_set_boolean (value, self->has_reservation);
      break;
    case CHANGE_PROP_WEIGHT:
      g_value_set_int (value, self->weight);
      break;
    case CHANGE_PROP_HAS_WEIGHT:
      g_value_set_boolean (value, self->has_weight);
      break;
    case CHANGE_PROP_ACCEPTABLE:
      g_value_set_boxed (value, self->acceptable);
      break;
    case CHANGE_PROP_MAYBE:
      g_value_set_boxed (value, self->maybe);
      break;
    case CHANGE_PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_variant_change_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZopaVariantChange *self = ZOPA_VARIANT_CHANGE (object);

  switch (prop_id)
    {
    case CHANGE_PROP_ACTOR:
      zopa_variant_change_set_actor (self, g_value_get_string (value));
      break;
    case CHANGE_PROP_ISSUE:
      zopa_variant_change_set_issue (self, g_value_get_string (value));
      break;
    case CHANGE_PROP_RESERVATION:
      zopa_variant_change_set_reservation (self, g_value_get_int (value));
      break;
    case CHANGE_PROP_WEIGHT:
      zopa_variant_change_set_weight (self, g_value_get_int (value));
      break;
    case CHANGE_PROP_ACCEPTABLE:
      zopa_variant_change_set_acceptable (self, g_value_get_boxed (value));
      break;
    case CHANGE_PROP_MAYBE:
      zopa_variant_change_set_maybe (self, g_value_get_boxed (value));
      break;
    case CHANGE_PROP_EXTRA:
      zopa_variant_change_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_variant_change_class_init (ZopaVariantChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro_flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zopa_variant_change_finalize;
  object_class->get_property = zopa_variant_change_get_property;
  object_class->set_property = zopa_variant_change_set_property;
  zopa_model_node_class_forward_notify (object_class);

  change_properties[CHANGE_PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  change_properties[CHANGE_PROP_ISSUE] = g_param_spec_string ("issue", NULL, NULL, NULL, flags);
  /* Setting reservation or weight also makes has-reservation / has-weight TRUE. */
  change_properties[CHANGE_PROP_RESERVATION] =
    g_param_spec_int ("reservation", NULL, NULL, 0, ZOPA_RESERVATION_MAX, 0, flags);
  change_properties[CHANGE_PROP_HAS_RESERVATION] =
    g_param_spec_boolean ("has-reservation", NULL, NULL, FALSE, ro_flags);
  change_properties[CHANGE_PROP_WEIGHT] =
    g_param_spec_int ("weight", NULL, NULL, 0, ZOPA_WEIGHT_MAX, 1, flags);
  change_properties[CHANGE_PROP_HAS_WEIGHT] =
    g_param_spec_boolean ("has-weight", NULL, NULL, FALSE, ro_flags);
  change_properties[CHANGE_PROP_ACCEPTABLE] =
    g_param_spec_boxed ("acceptable", NULL, NULL, G_TYPE_STRV, flags);
  change_properties[CHANGE_PROP_MAYBE] =
    g_param_spec_boxed ("maybe", NULL, NULL, G_TYPE_STRV, flags);
  change_properties[CHANGE_PROP_EXTRA] =
    g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, CHANGE_N_PROPS, change_properties);
}

static void
zopa_variant_change_init (ZopaVariantChange *self)
{
  self->weight = 1;
  self->weight_high = 1;
  self->utility = zopa_ordered_map_new (NULL, NULL);
}

ZopaVariantChange *
zopa_variant_change_new (const char *actor_id,
                         const char *issue_id)
{
  return g_object_new (ZOPA_TYPE_VARIANT_CHANGE,
                       "actor", actor_id,
                       "issue", issue_id,
                       NULL);
}

const char *
zopa_variant_change_get_actor (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), NULL);
  return self->actor;
}

void
zopa_variant_change_set_actor (ZopaVariantChange *self,
                               const char        *actor_id)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  if (zopa_model_set_string (&self->actor, actor_id))
    g_object_notify_by_pspec (G_OBJECT (self), change_properties[CHANGE_PROP_ACTOR]);
}

const char *
zopa_variant_change_get_issue (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), NULL);
  return self->issue;
}

void
zopa_variant_change_set_issue (ZopaVariantChange *self,
                               const char        *issue_id)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  if (zopa_model_set_string (&self->issue, issue_id))
    g_object_notify_by_pspec (G_OBJECT (self), change_properties[CHANGE_PROP_ISSUE]);
}

/*
 * Sets an optional int member and its has- flag. Notifications are frozen so that both
 * properties changing still make one "changed".
 */
static void
set_optional_int (ZopaVariantChange *self,
                  int               *field,
                  guint              prop_value,
                  int                value,
                  gboolean           has,
                  guint              prop_has)
{
  gboolean had = prop_has == CHANGE_PROP_HAS_RESERVATION ? self->has_reservation : self->has_weight;

  if (had == has && *field == value)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), change_properties[prop_value]);
    }

  if (had != has)
    {
      if (prop_has == CHANGE_PROP_HAS_RESERVATION)
        self->has_reservation = has;
      else
        self->has_weight = has;
      g_object_notify_by_pspec (G_OBJECT (self), change_properties[prop_has]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Sets an optional range member (reservation or weight) and its has- flag, as one change. */
static void
set_optional_range (ZopaVariantChange *self,
                    gboolean           reservation,
                    int                low,
                    int                high,
                    gboolean           ranged,
                    gboolean           has)
{
  int *high_field = reservation ? &self->reservation_high : &self->weight_high;
  gboolean *ranged_field = reservation ? &self->reservation_ranged : &self->weight_ranged;
  guint prop_value = reservation ? CHANGE_PROP_RESERVATION : CHANGE_PROP_WEIGHT;

  g_object_freeze_notify (G_OBJECT (self));
  if (*high_field != high || *ranged_field != ranged)
    {
      *high_field = high;
      *ranged_field = ranged;
      g_object_notify_by_pspec (G_OBJECT (self), change_properties[prop_value]);
    }
  set_optional_int (self, reservation ? &self->reservation : &self->weight, prop_value, low, has,
                    reservation ? CHANGE_PROP_HAS_RESERVATION : CHANGE_PROP_HAS_WEIGHT);
  g_object_thaw_notify (G_OBJECT (self));
}

static ZopaRange
make_range (int      low,
            int      high,
            gboolean ranged)
{
  ZopaRange range = { low, high, ranged };

  return range;
}

ZopaRange
zopa_variant_change_get_reservation_range (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), make_range (0, 0, FALSE));
  return make_range (self->reservation, self->reservation_high, self->reservation_ranged);
}

void
zopa_variant_change_set_reservation_range (ZopaVariantChange *self,
                                           int                low,
                                           int                high)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  g_return_if_fail (low >= 0 && low <= high && high <= ZOPA_RESERVATION_MAX);

  set_optional_range (self, TRUE, low, high, TRUE, TRUE);
}

ZopaRange
zopa_variant_change_get_weight_range (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), make_range (1, 1, FALSE));
  return make_range (self->weight, self->weight_high, self->weight_ranged);
}

void
zopa_variant_change_set_weight_range (ZopaVariantChange *self,
                                      int                low,
                                      int                high)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  g_return_if_fail (low >= 0 && low <= high && high <= ZOPA_WEIGHT_MAX);

  set_optional_range (self, FALSE, low, high, TRUE, TRUE);
}

gboolean
zopa_variant_change_has_reservation (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), FALSE);
  return self->has_reservation;
}

int
zopa_variant_change_get_reservation (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), 0);
  return self->reservation;
}

void
zopa_variant_change_set_reservation (ZopaVariantChange *self,
                                     int                reservation)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  g_return_if_fail (reservation >= 0 && reservation <= ZOPA_RESERVATION_MAX);

  set_optional_range (self, TRUE, reservation, reservation, FALSE, TRUE);
}

void
zopa_variant_change_unset_reservation (ZopaVariantChange *self)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));

  set_optional_range (self, TRUE, 0, 0, FALSE, FALSE);
}

gboolean
zopa_variant_change_has_weight (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), FALSE);
  return self->has_weight;
}

int
zopa_variant_change_get_weight (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), 1);
  return self->weight;
}

void
zopa_variant_change_set_weight (ZopaVariantChange *self,
                                int                weight)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  g_return_if_fail (weight >= 0 && weight <= ZOPA_WEIGHT_MAX);

  set_optional_range (self, FALSE, weight, weight, FALSE, TRUE);
}

void
zopa_variant_change_unset_weight (ZopaVariantChange *self)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));

  set_optional_range (self, FALSE, 1, 1, FALSE, FALSE);
}

const char * const *
zopa_variant_change_get_acceptable (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), NULL);
  return (const char * const *) self->acceptable;
}

void
zopa_variant_change_set_acceptable (ZopaVariantChange  *self,
                                    const char * const *option_ids)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  if (zopa_model_set_strv (&self->acceptable, option_ids))
    g_object_notify_by_pspec (G_OBJECT (self), change_properties[CHANGE_PROP_ACCEPTABLE]);
}

const char * const *
zopa_variant_change_get_maybe (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), NULL);
  return (const char * const *) self->maybe;
}

void
zopa_variant_change_set_maybe (ZopaVariantChange  *self,
                               const char * const *option_ids)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  if (zopa_model_set_strv (&self->maybe, option_ids))
    g_object_notify_by_pspec (G_OBJECT (self), change_properties[CHANGE_PROP_MAYBE]);
}

gboolean
zopa_variant_change_has_utility (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), FALSE);
  return self->has_utility;
}

const char * const *
zopa_variant_change_get_utility_options (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), NULL);
  return zopa_ordered_map_get_keys (self->utility);
}

int
zopa_variant_change_get_utility (ZopaVariantChange *self,
                                 const char        *option_id)
{
  gpointer value;

  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), ZOPA_UTILITY_DEFAULT);

  if (!zopa_ordered_map_lookup (self->utility, option_id, &value))
    return ZOPA_UTILITY_DEFAULT;

  return zopa_range_unpack (value).low;
}

ZopaRange
zopa_variant_change_get_utility_range (ZopaVariantChange *self,
                                       const char        *option_id)
{
  gpointer value;

  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self),
                        make_range (ZOPA_UTILITY_DEFAULT, ZOPA_UTILITY_DEFAULT, FALSE));

  if (!zopa_ordered_map_lookup (self->utility, option_id, &value))
    return make_range (ZOPA_UTILITY_DEFAULT, ZOPA_UTILITY_DEFAULT, FALSE);
  return zopa_range_unpack (value);
}

static void
set_utility_packed (ZopaVariantChange *self,
                    const char        *option_id,
                    gpointer           packed)
{
  gboolean changed = !self->has_utility;

  self->has_utility = TRUE;
  if (zopa_ordered_map_set (self->utility, option_id, packed))
    changed = TRUE;

  if (changed)
    zopa_model_node_emit_changed (self);
}

void
zopa_variant_change_set_utility_range (ZopaVariantChange *self,
                                       const char        *option_id,
                                       int                low,
                                       int                high)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  g_return_if_fail (option_id != NULL);
  g_return_if_fail (low >= 0 && low <= high && high <= ZOPA_UTILITY_MAX);

  set_utility_packed (self, option_id, zopa_range_pack (low, high, TRUE));
}

void
zopa_variant_change_set_utility (ZopaVariantChange *self,
                                 const char        *option_id,
                                 int                utility)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  g_return_if_fail (option_id != NULL);
  g_return_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX);

  set_utility_packed (self, option_id, zopa_range_pack (utility, utility, FALSE));
}

void
zopa_variant_change_insert_utility (ZopaVariantChange *self,
                                    guint              position,
                                    const char        *option_id,
                                    int                utility)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  g_return_if_fail (option_id != NULL);
  g_return_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX);
  g_return_if_fail (!zopa_ordered_map_lookup (self->utility, option_id, NULL));

  self->has_utility = TRUE;
  zopa_ordered_map_insert (self->utility, position, option_id, zopa_range_pack (utility, utility, FALSE));
  zopa_model_node_emit_changed (self);
}

void
zopa_variant_change_unset_utility (ZopaVariantChange *self,
                                   const char        *option_id)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));

  if (zopa_ordered_map_remove (self->utility, option_id))
    zopa_model_node_emit_changed (self);
}

void
zopa_variant_change_clear_utility (ZopaVariantChange *self)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));

  if (!self->has_utility)
    return;

  self->has_utility = FALSE;
  zopa_ordered_map_clear (self->utility);
  zopa_model_node_emit_changed (self);
}

JsonObject *
zopa_variant_change_get_extra (ZopaVariantChange *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (self), NULL);
  return self->extra;
}

void
zopa_variant_change_set_extra (ZopaVariantChange *self,
                               JsonObject        *extra)
{
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), change_properties[CHANGE_PROP_EXTRA]);
}

/* ZopaVariant */

struct _ZopaVariant
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *description;
  ZopaModelList *changes;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaVariant, zopa_variant, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_variant_dispose (GObject *object)
{
  ZopaVariant *self = ZOPA_VARIANT (object);

  g_clear_pointer (&self->changes, zopa_model_list_free);

  G_OBJECT_CLASS (zopa_variant_parent_class)->dispose (object);
}

static void
zopa_variant_finalize (GObject *object)
{
  ZopaVariant *self = ZOPA_VARIANT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_variant_parent_class)->finalize (object);
}

static void
zopa_variant_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZopaVariant *self = ZOPA_VARIANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_variant_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZopaVariant *self = ZOPA_VARIANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      zopa_variant_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      zopa_variant_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      zopa_variant_set_description (self, g_value_get_string (value));
      break;
    case PROP_EXTRA:
      zopa_variant_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_variant_class_init (ZopaVariantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zopa_variant_dispose;
  object_class->finalize = zopa_variant_finalize;
  object_class->get_property = zopa_variant_get_property;
  object_class->set_property = zopa_variant_set_property;
  zopa_model_node_class_forward_notify (object_class);

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_EXTRA] = g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_variant_init (ZopaVariant *self)
{
  self->changes = zopa_model_list_new (self, ZOPA_TYPE_VARIANT_CHANGE);
}

ZopaVariant *
zopa_variant_new (const char *id)
{
  return g_object_new (ZOPA_TYPE_VARIANT, "id", id, NULL);
}

const char *
zopa_variant_get_id (ZopaVariant *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT (self), NULL);
  return self->id;
}

void
zopa_variant_set_id (ZopaVariant *self,
                     const char  *id)
{
  g_return_if_fail (ZOPA_IS_VARIANT (self));
  if (zopa_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
zopa_variant_get_title (ZopaVariant *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT (self), NULL);
  return self->title;
}

void
zopa_variant_set_title (ZopaVariant *self,
                        const char  *title)
{
  g_return_if_fail (ZOPA_IS_VARIANT (self));
  if (zopa_model_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
zopa_variant_get_description (ZopaVariant *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT (self), NULL);
  return self->description;
}

void
zopa_variant_set_description (ZopaVariant *self,
                              const char  *description)
{
  g_return_if_fail (ZOPA_IS_VARIANT (self));
  if (zopa_model_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

GListModel *
zopa_variant_get_changes (ZopaVariant *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT (self), NULL);
  return zopa_model_list_get_model (self->changes);
}

void
zopa_variant_insert_change (ZopaVariant       *self,
                            guint              position,
                            ZopaVariantChange *change)
{
  g_return_if_fail (ZOPA_IS_VARIANT (self));
  g_return_if_fail (ZOPA_IS_VARIANT_CHANGE (change));

  zopa_model_list_insert (self->changes, position, change);
}

void
zopa_variant_remove_change (ZopaVariant *self,
                            guint        position)
{
  g_return_if_fail (ZOPA_IS_VARIANT (self));

  zopa_model_list_remove (self->changes, position);
}

JsonObject *
zopa_variant_get_extra (ZopaVariant *self)
{
  g_return_val_if_fail (ZOPA_IS_VARIANT (self), NULL);
  return self->extra;
}

void
zopa_variant_set_extra (ZopaVariant *self,
                        JsonObject  *extra)
{
  g_return_if_fail (ZOPA_IS_VARIANT (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
