/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-draft.h"
#include "zopa-model-private.h"

/* ZopaClauseStatus */

G_DEFINE_ENUM_TYPE (ZopaClauseStatus, zopa_clause_status,
                    G_DEFINE_ENUM_VALUE (ZOPA_CLAUSE_AGREED, "agreed"),
                    G_DEFINE_ENUM_VALUE (ZOPA_CLAUSE_BRACKETED, "bracketed"),
                    G_DEFINE_ENUM_VALUE (ZOPA_CLAUSE_DELETED, "deleted"))

const char *
zopa_clause_status_to_string (ZopaClauseStatus status)
{
  switch (status)
    {
    case ZOPA_CLAUSE_AGREED:
      return "agreed";
    case ZOPA_CLAUSE_BRACKETED:
      return "bracketed";
    case ZOPA_CLAUSE_DELETED:
      return "deleted";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
zopa_clause_status_from_string (const char       *text,
                                ZopaClauseStatus *status)
{
  ZopaClauseStatus found;

  if (g_strcmp0 (text, "agreed") == 0)
    found = ZOPA_CLAUSE_AGREED;
  else if (g_strcmp0 (text, "bracketed") == 0)
    found = ZOPA_CLAUSE_BRACKETED;
  else if (g_strcmp0 (text, "deleted") == 0)
    found = ZOPA_CLAUSE_DELETED;
  else
    return FALSE;

  if (status != NULL)
    *status = found;
  return TRUE;
}

/* ZopaClause */

struct _ZopaClause
{
  GObject           parent_instance;

  char             *id;
  char             *number;
  char             *title;
  char             *text;
  ZopaClauseStatus  status;
  char            **sources;
  char            **derived_from;
  ZopaOrderedMap   *sets;          /* issue id -> option id */
  JsonObject       *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaClause, zopa_clause, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  CLAUSE_PROP_0,
  CLAUSE_PROP_ID,
  CLAUSE_PROP_NUMBER,
  CLAUSE_PROP_TITLE,
  CLAUSE_PROP_TEXT,
  CLAUSE_PROP_STATUS,
  CLAUSE_PROP_SOURCES,
  CLAUSE_PROP_DERIVED_FROM,
  CLAUSE_PROP_EXTRA,
  CLAUSE_N_PROPS
};

static GParamSpec *clause_properties[CLAUSE_N_PROPS];

static void
zopa_clause_finalize (GObject *object)
{
  ZopaClause *self = ZOPA_CLAUSE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->derived_from, g_strfreev);
  g_clear_pointer (&self->sets, zopa_ordered_map_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_clause_parent_class)->finalize (object);
}

static void
zopa_clause_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZopaClause *self = ZOPA_CLAUSE (object);

  switch (prop_id)
    {
    case CLAUSE_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case CLAUSE_PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case CLAUSE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case CLAUSE_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case CLAUSE_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case CLAUSE_PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    case CLAUSE_PROP_DERIVED_FROM:
      g_value_set_boxed (value, self->derived_from);
      break;
    case CLAUSE_PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZopaClause *self = ZOPA_CLAUSE (object);

  switch (prop_id)
    {
    case CLAUSE_PROP_ID:
      zopa_clause_set_id (self, g_value_get_string (value));
      break;
    case CLAUSE_PROP_NUMBER:
      zopa_clause_set_number (self, g_value_get_string (value));
      break;
    case CLAUSE_PROP_TITLE:
      zopa_clause_set_title (self, g_value_get_string (value));
      break;
    case CLAUSE_PROP_TEXT:
      zopa_clause_set_text (self, g_value_get_string (value));
      break;
    case CLAUSE_PROP_STATUS:
      zopa_clause_set_status (self, g_value_get_enum (value));
      break;
    case CLAUSE_PROP_SOURCES:
      zopa_clause_set_sources (self, g_value_get_boxed (value));
      break;
    case CLAUSE_PROP_DERIVED_FROM:
      zopa_clause_set_derived_from (self, g_value_get_boxed (value));
      break;
    case CLAUSE_PROP_EXTRA:
      zopa_clause_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_class_init (ZopaClauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zopa_clause_finalize;
  object_class->get_property = zopa_clause_get_property;
  object_class->set_property = zopa_clause_set_property;
  zopa_model_node_class_forward_notify (object_class);

  clause_properties[CLAUSE_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  clause_properties[CLAUSE_PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  clause_properties[CLAUSE_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  clause_properties[CLAUSE_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  clause_properties[CLAUSE_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       ZOPA_TYPE_CLAUSE_STATUS, ZOPA_CLAUSE_AGREED, flags);
  clause_properties[CLAUSE_PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV, flags);
  clause_properties[CLAUSE_PROP_DERIVED_FROM] =
    g_param_spec_boxed ("derived-from", NULL, NULL, G_TYPE_STRV, flags);
  clause_properties[CLAUSE_PROP_EXTRA] =
    g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, CLAUSE_N_PROPS, clause_properties);
}

static void
zopa_clause_init (ZopaClause *self)
{
  self->status = ZOPA_CLAUSE_AGREED;
  self->sets = zopa_ordered_map_new (g_free, g_str_equal);
}

ZopaClause *
zopa_clause_new (const char *id)
{
  return g_object_new (ZOPA_TYPE_CLAUSE, "id", id, NULL);
}

const char *
zopa_clause_get_id (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return self->id;
}

void
zopa_clause_set_id (ZopaClause *self,
                    const char *id)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  if (zopa_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_ID]);
}

const char *
zopa_clause_get_number (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return self->number;
}

void
zopa_clause_set_number (ZopaClause *self,
                        const char *number)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  if (zopa_model_set_string (&self->number, number))
    g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_NUMBER]);
}

const char *
zopa_clause_get_title (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return self->title;
}

void
zopa_clause_set_title (ZopaClause *self,
                       const char *title)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  if (zopa_model_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_TITLE]);
}

const char *
zopa_clause_get_text (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return self->text;
}

void
zopa_clause_set_text (ZopaClause *self,
                      const char *text)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  if (zopa_model_set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_TEXT]);
}

ZopaClauseStatus
zopa_clause_get_status (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), ZOPA_CLAUSE_AGREED);
  return self->status;
}

void
zopa_clause_set_status (ZopaClause       *self,
                        ZopaClauseStatus  status)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  g_return_if_fail (status == ZOPA_CLAUSE_AGREED ||
                    status == ZOPA_CLAUSE_BRACKETED ||
                    status == ZOPA_CLAUSE_DELETED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_STATUS]);
}

const char * const *
zopa_clause_get_sources (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return (const char * const *) self->sources;
}

void
zopa_clause_set_sources (ZopaClause         *self,
                         const char * const *source_ids)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  if (zopa_model_set_strv (&self->sources, source_ids))
    g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_SOURCES]);
}

const char * const *
zopa_clause_get_derived_from (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return (const char * const *) self->derived_from;
}

void
zopa_clause_set_derived_from (ZopaClause         *self,
                              const char * const *clause_ids)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  if (zopa_model_set_strv (&self->derived_from, clause_ids))
    g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_DERIVED_FROM]);
}

const char * const *
zopa_clause_get_set_issues (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return zopa_ordered_map_get_keys (self->sets);
}

const char *
zopa_clause_get_set_option (ZopaClause *self,
                            const char *issue_id)
{
  gpointer option_id;

  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);

  if (!zopa_ordered_map_lookup (self->sets, issue_id, &option_id))
    return NULL;

  return option_id;
}

void
zopa_clause_set_option (ZopaClause *self,
                        const char *issue_id,
                        const char *option_id)
{
  gboolean changed;

  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  g_return_if_fail (issue_id != NULL);

  if (option_id == NULL)
    changed = zopa_ordered_map_remove (self->sets, issue_id);
  else
    changed = zopa_ordered_map_set (self->sets, issue_id, g_strdup (option_id));

  if (changed)
    zopa_model_node_emit_changed (self);
}

void
zopa_clause_insert_option (ZopaClause *self,
                           guint       position,
                           const char *issue_id,
                           const char *option_id)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  g_return_if_fail (issue_id != NULL);
  g_return_if_fail (option_id != NULL);
  g_return_if_fail (!zopa_ordered_map_lookup (self->sets, issue_id, NULL));

  zopa_ordered_map_insert (self->sets, position, issue_id, g_strdup (option_id));
  zopa_model_node_emit_changed (self);
}

JsonObject *
zopa_clause_get_extra (ZopaClause *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (self), NULL);
  return self->extra;
}

void
zopa_clause_set_extra (ZopaClause *self,
                       JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_CLAUSE (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), clause_properties[CLAUSE_PROP_EXTRA]);
}

/* ZopaDraft */

struct _ZopaDraft
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *date;
  char          *origin;
  char          *derived_from;
  char          *notes;
  guint          number;
  ZopaModelList *clauses;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaDraft, zopa_draft, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DATE,
  PROP_ORIGIN,
  PROP_DERIVED_FROM,
  PROP_NOTES,
  PROP_NUMBER,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_draft_dispose (GObject *object)
{
  ZopaDraft *self = ZOPA_DRAFT (object);

  g_clear_pointer (&self->clauses, zopa_model_list_free);

  G_OBJECT_CLASS (zopa_draft_parent_class)->dispose (object);
}

static void
zopa_draft_finalize (GObject *object)
{
  ZopaDraft *self = ZOPA_DRAFT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->derived_from, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_draft_parent_class)->finalize (object);
}

static void
zopa_draft_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZopaDraft *self = ZOPA_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_DERIVED_FROM:
      g_value_set_string (value, self->derived_from);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_draft_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZopaDraft *self = ZOPA_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      zopa_draft_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      zopa_draft_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      zopa_draft_set_date (self, g_value_get_string (value));
      break;
    case PROP_ORIGIN:
      zopa_draft_set_origin (self, g_value_get_string (value));
      break;
    case PROP_DERIVED_FROM:
      zopa_draft_set_derived_from (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      zopa_draft_set_notes (self, g_value_get_string (value));
      break;
    case PROP_NUMBER:
      zopa_draft_set_number (self, g_value_get_uint (value));
      break;
    case PROP_EXTRA:
      zopa_draft_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_draft_class_init (ZopaDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zopa_draft_dispose;
  object_class->finalize = zopa_draft_finalize;
  object_class->get_property = zopa_draft_get_property;
  object_class->set_property = zopa_draft_set_property;
  zopa_model_node_class_forward_notify (object_class);

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, flags);
  properties[PROP_DERIVED_FROM] = g_param_spec_string ("derived-from", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, ZOPA_DRAFT_NUMBER_MAX, 0, flags);
  properties[PROP_EXTRA] = g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_draft_init (ZopaDraft *self)
{
  self->clauses = zopa_model_list_new (self, ZOPA_TYPE_CLAUSE);
}

ZopaDraft *
zopa_draft_new (const char *id)
{
  return g_object_new (ZOPA_TYPE_DRAFT, "id", id, NULL);
}

const char *
zopa_draft_get_id (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return self->id;
}

void
zopa_draft_set_id (ZopaDraft  *self,
                   const char *id)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  if (zopa_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
zopa_draft_get_title (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return self->title;
}

void
zopa_draft_set_title (ZopaDraft  *self,
                      const char *title)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  if (zopa_model_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
zopa_draft_get_date (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return self->date;
}

void
zopa_draft_set_date (ZopaDraft  *self,
                     const char *date)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  if (zopa_model_set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
zopa_draft_get_origin (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return self->origin;
}

void
zopa_draft_set_origin (ZopaDraft  *self,
                       const char *origin)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  if (zopa_model_set_string (&self->origin, origin))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
}

const char *
zopa_draft_get_derived_from (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return self->derived_from;
}

void
zopa_draft_set_derived_from (ZopaDraft  *self,
                             const char *draft_id)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  if (zopa_model_set_string (&self->derived_from, draft_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DERIVED_FROM]);
}

const char *
zopa_draft_get_notes (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return self->notes;
}

void
zopa_draft_set_notes (ZopaDraft  *self,
                      const char *notes)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  if (zopa_model_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

guint
zopa_draft_get_number (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), 0);
  return self->number;
}

void
zopa_draft_set_number (ZopaDraft *self,
                       guint      number)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  g_return_if_fail (number <= ZOPA_DRAFT_NUMBER_MAX);
  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

GListModel *
zopa_draft_get_clauses (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return zopa_model_list_get_model (self->clauses);
}

static const char *
get_clause_id (gpointer item)
{
  return ZOPA_CLAUSE (item)->id;
}

ZopaClause *
zopa_draft_find_clause (ZopaDraft  *self,
                        const char *clause_id)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return zopa_model_list_find (self->clauses, get_clause_id, clause_id, NULL);
}

void
zopa_draft_insert_clause (ZopaDraft  *self,
                          guint       position,
                          ZopaClause *clause)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  g_return_if_fail (ZOPA_IS_CLAUSE (clause));

  zopa_model_list_insert (self->clauses, position, clause);
}

void
zopa_draft_remove_clause (ZopaDraft *self,
                          guint      position)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));

  zopa_model_list_remove (self->clauses, position);
}

JsonObject *
zopa_draft_get_extra (ZopaDraft *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (self), NULL);
  return self->extra;
}

void
zopa_draft_set_extra (ZopaDraft  *self,
                      JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_DRAFT (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
