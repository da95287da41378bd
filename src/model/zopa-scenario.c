/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-scenario.h"
#include "zopa-model-private.h"

struct _ZopaScenario
{
  GObject        parent_instance;

  char          *title;
  char          *description;
  ZopaModelList *sources;
  ZopaModelList *issues;
  ZopaModelList *actors;
  ZopaModelList *drafts;
  ZopaModelList *variants;
  ZopaModelList *frames;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaScenario, zopa_scenario, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_scenario_dispose (GObject *object)
{
  ZopaScenario *self = ZOPA_SCENARIO (object);

  g_clear_pointer (&self->sources, zopa_model_list_free);
  g_clear_pointer (&self->issues, zopa_model_list_free);
  g_clear_pointer (&self->actors, zopa_model_list_free);
  g_clear_pointer (&self->drafts, zopa_model_list_free);
  g_clear_pointer (&self->variants, zopa_model_list_free);
  g_clear_pointer (&self->frames, zopa_model_list_free);

  G_OBJECT_CLASS (zopa_scenario_parent_class)->dispose (object);
}

static void
zopa_scenario_finalize (GObject *object)
{
  ZopaScenario *self = ZOPA_SCENARIO (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_scenario_parent_class)->finalize (object);
}

static void
zopa_scenario_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZopaScenario *self = ZOPA_SCENARIO (object);

  switch (prop_id)
    {
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
zopa_scenario_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZopaScenario *self = ZOPA_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      zopa_scenario_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      zopa_scenario_set_description (self, g_value_get_string (value));
      break;
    case PROP_EXTRA:
      zopa_scenario_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_scenario_class_init (ZopaScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zopa_scenario_dispose;
  object_class->finalize = zopa_scenario_finalize;
  object_class->get_property = zopa_scenario_get_property;
  object_class->set_property = zopa_scenario_set_property;
  zopa_model_node_class_forward_notify (object_class);

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_EXTRA] = g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_scenario_init (ZopaScenario *self)
{
  self->sources = zopa_model_list_new (self, ZOPA_TYPE_SOURCE);
  self->issues = zopa_model_list_new (self, ZOPA_TYPE_ISSUE);
  self->actors = zopa_model_list_new (self, ZOPA_TYPE_ACTOR);
  self->drafts = zopa_model_list_new (self, ZOPA_TYPE_DRAFT);
  self->variants = zopa_model_list_new (self, ZOPA_TYPE_VARIANT);
  self->frames = zopa_model_list_new (self, ZOPA_TYPE_FRAME);
}

ZopaScenario *
zopa_scenario_new (void)
{
  return g_object_new (ZOPA_TYPE_SCENARIO, NULL);
}

const char *
zopa_scenario_get_title (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return self->title;
}

void
zopa_scenario_set_title (ZopaScenario *self,
                         const char   *title)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  if (zopa_model_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
zopa_scenario_get_description (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return self->description;
}

void
zopa_scenario_set_description (ZopaScenario *self,
                               const char   *description)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  if (zopa_model_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

GListModel *
zopa_scenario_get_sources (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_get_model (self->sources);
}

GListModel *
zopa_scenario_get_issues (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_get_model (self->issues);
}

GListModel *
zopa_scenario_get_actors (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_get_model (self->actors);
}

GListModel *
zopa_scenario_get_drafts (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_get_model (self->drafts);
}

GListModel *
zopa_scenario_get_variants (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_get_model (self->variants);
}

GListModel *
zopa_scenario_get_frames (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_get_model (self->frames);
}

static const char *
get_source_id (gpointer item)
{
  return zopa_source_get_id (item);
}

static const char *
get_issue_id (gpointer item)
{
  return zopa_issue_get_id (item);
}

static const char *
get_actor_id (gpointer item)
{
  return zopa_actor_get_id (item);
}

static const char *
get_draft_id (gpointer item)
{
  return zopa_draft_get_id (item);
}

static const char *
get_variant_id (gpointer item)
{
  return zopa_variant_get_id (item);
}

ZopaSource *
zopa_scenario_find_source (ZopaScenario *self,
                           const char   *id)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_find (self->sources, get_source_id, id, NULL);
}

ZopaIssue *
zopa_scenario_find_issue (ZopaScenario *self,
                          const char   *id)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_find (self->issues, get_issue_id, id, NULL);
}

ZopaActor *
zopa_scenario_find_actor (ZopaScenario *self,
                          const char   *id)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_find (self->actors, get_actor_id, id, NULL);
}

ZopaDraft *
zopa_scenario_find_draft (ZopaScenario *self,
                          const char   *id)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_find (self->drafts, get_draft_id, id, NULL);
}

ZopaVariant *
zopa_scenario_find_variant (ZopaScenario *self,
                            const char   *id)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return zopa_model_list_find (self->variants, get_variant_id, id, NULL);
}

ZopaClause *
zopa_scenario_find_clause (ZopaScenario  *self,
                           const char    *id,
                           ZopaDraft    **draft)
{
  guint n_drafts;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);

  if (draft != NULL)
    *draft = NULL;

  n_drafts = zopa_model_list_get_n_items (self->drafts);
  for (guint i = 0; i < n_drafts; i++)
    {
      ZopaDraft *candidate = zopa_model_list_get_item (self->drafts, i);
      ZopaClause *clause = zopa_draft_find_clause (candidate, id);

      if (clause != NULL)
        {
          if (draft != NULL)
            *draft = candidate;
          return clause;
        }
    }

  return NULL;
}

void
zopa_scenario_insert_source (ZopaScenario *self,
                             guint         position,
                             ZopaSource   *source)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  g_return_if_fail (ZOPA_IS_SOURCE (source));
  zopa_model_list_insert (self->sources, position, source);
}

void
zopa_scenario_remove_source (ZopaScenario *self,
                             guint         position)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  zopa_model_list_remove (self->sources, position);
}

void
zopa_scenario_insert_issue (ZopaScenario *self,
                            guint         position,
                            ZopaIssue    *issue)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  g_return_if_fail (ZOPA_IS_ISSUE (issue));
  zopa_model_list_insert (self->issues, position, issue);
}

void
zopa_scenario_remove_issue (ZopaScenario *self,
                            guint         position)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  zopa_model_list_remove (self->issues, position);
}

void
zopa_scenario_insert_actor (ZopaScenario *self,
                            guint         position,
                            ZopaActor    *actor)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  g_return_if_fail (ZOPA_IS_ACTOR (actor));
  zopa_model_list_insert (self->actors, position, actor);
}

void
zopa_scenario_remove_actor (ZopaScenario *self,
                            guint         position)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  zopa_model_list_remove (self->actors, position);
}

void
zopa_scenario_insert_draft (ZopaScenario *self,
                            guint         position,
                            ZopaDraft    *draft)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  g_return_if_fail (ZOPA_IS_DRAFT (draft));
  /* A draft keeps the number it has (undo puts a removed draft back with its own); a new
   * one follows the largest, so that no other marker changes. */
  if (zopa_draft_get_number (draft) == 0)
    zopa_draft_set_number (draft, zopa_scenario_next_draft_number (self));
  zopa_model_list_insert (self->drafts, position, draft);
}

guint
zopa_scenario_next_draft_number (ZopaScenario *self)
{
  guint n_drafts, largest = 0;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), 1);
  n_drafts = zopa_model_list_get_n_items (self->drafts);
  for (guint i = 0; i < n_drafts; i++)
    largest = MAX (largest, zopa_draft_get_number (zopa_model_list_get_item (self->drafts, i)));
  return MIN (largest, ZOPA_DRAFT_NUMBER_MAX - 1) + 1;
}

void
zopa_scenario_remove_draft (ZopaScenario *self,
                            guint         position)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  zopa_model_list_remove (self->drafts, position);
}

void
zopa_scenario_insert_variant (ZopaScenario *self,
                              guint         position,
                              ZopaVariant  *variant)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  g_return_if_fail (ZOPA_IS_VARIANT (variant));
  zopa_model_list_insert (self->variants, position, variant);
}

void
zopa_scenario_remove_variant (ZopaScenario *self,
                              guint         position)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  zopa_model_list_remove (self->variants, position);
}

void
zopa_scenario_insert_frame (ZopaScenario *self,
                            guint         position,
                            ZopaFrame    *frame)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  g_return_if_fail (ZOPA_IS_FRAME (frame));
  zopa_model_list_insert (self->frames, position, frame);
}

void
zopa_scenario_remove_frame (ZopaScenario *self,
                            guint         position)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  zopa_model_list_remove (self->frames, position);
}

JsonObject *
zopa_scenario_get_extra (ZopaScenario *self)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);
  return self->extra;
}

void
zopa_scenario_set_extra (ZopaScenario *self,
                         JsonObject   *extra)
{
  g_return_if_fail (ZOPA_IS_SCENARIO (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
