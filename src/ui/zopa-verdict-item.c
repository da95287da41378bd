/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-verdict-item.c: one actor's verdict on a draft, as the verdict list shows it */

#include "config.h"

#include "zopa-verdict-item.h"

struct _ZopaVerdictItem
{
  GObject       parent_instance;

  char         *actor_id;
  char         *title;
  char         *subtitle;
  char         *color;
  /* The verdict over readings in words, and the flip in one sentence (NULL: none). */
  char         *wording;
  char         *flip;
  char         *flip_target;
  gboolean      can_try;
  int           verdict;
  int           was_verdict;
  gboolean      has_reasons;
  /* Where the reasons are read from: the analysis, the draft's and the actor's index in it
   * (-1 for the open issues). */
  ZopaAnalysis *analysis;
  int           draft;
  int           actor;
};

G_DEFINE_FINAL_TYPE (ZopaVerdictItem, zopa_verdict_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_COLOR,
  PROP_WORDING,
  PROP_FLIP,
  PROP_FLIP_TARGET,
  PROP_CAN_TRY,
  PROP_VERDICT,
  PROP_WAS_VERDICT,
  PROP_HAS_REASONS,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zopa_verdict_item_finalize (GObject *object)
{
  ZopaVerdictItem *self = ZOPA_VERDICT_ITEM (object);

  g_free (self->actor_id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->color);
  g_free (self->wording);
  g_free (self->flip);
  g_free (self->flip_target);
  g_clear_object (&self->analysis);
  G_OBJECT_CLASS (zopa_verdict_item_parent_class)->finalize (object);
}

static void
zopa_verdict_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZopaVerdictItem *self = ZOPA_VERDICT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACTOR_ID:
      g_value_set_string (value, self->actor_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_WORDING:
      g_value_set_string (value, self->wording);
      break;
    case PROP_FLIP:
      g_value_set_string (value, self->flip);
      break;
    case PROP_FLIP_TARGET:
      g_value_set_string (value, self->flip_target);
      break;
    case PROP_CAN_TRY:
      g_value_set_boolean (value, self->can_try);
      break;
    case PROP_VERDICT:
      g_value_set_int (value, self->verdict);
      break;
    case PROP_WAS_VERDICT:
      g_value_set_int (value, self->was_verdict);
      break;
    case PROP_HAS_REASONS:
      g_value_set_boolean (value, self->has_reasons);
      break;
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (ZopaVerdictItem *self,
            char           **field,
            const GValue    *value,
            GParamSpec      *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_int (ZopaVerdictItem *self,
         int             *field,
         int              number,
         GParamSpec      *pspec)
{
  if (*field == number)
    return;
  *field = number;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
zopa_verdict_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZopaVerdictItem *self = ZOPA_VERDICT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACTOR_ID:
      self->actor_id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      set_string (self, &self->title, value, pspec);
      break;
    case PROP_SUBTITLE:
      set_string (self, &self->subtitle, value, pspec);
      break;
    case PROP_COLOR:
      set_string (self, &self->color, value, pspec);
      break;
    case PROP_WORDING:
      set_string (self, &self->wording, value, pspec);
      break;
    case PROP_FLIP:
      set_string (self, &self->flip, value, pspec);
      break;
    case PROP_FLIP_TARGET:
      set_string (self, &self->flip_target, value, pspec);
      break;
    case PROP_CAN_TRY:
      set_int (self, &self->can_try, g_value_get_boolean (value), pspec);
      break;
    case PROP_VERDICT:
      set_int (self, &self->verdict, g_value_get_int (value), pspec);
      break;
    case PROP_WAS_VERDICT:
      set_int (self, &self->was_verdict, g_value_get_int (value), pspec);
      break;
    case PROP_HAS_REASONS:
      set_int (self, &self->has_reasons, g_value_get_boolean (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_verdict_item_class_init (ZopaVerdictItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zopa_verdict_item_finalize;
  object_class->get_property = zopa_verdict_item_get_property;
  object_class->set_property = zopa_verdict_item_set_property;

  properties[PROP_ACTOR_ID] =
    g_param_spec_string ("actor-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_WORDING] = g_param_spec_string ("wording", NULL, NULL, NULL, flags);
  properties[PROP_FLIP] = g_param_spec_string ("flip", NULL, NULL, NULL, flags);
  /* The "win.reveal" target of what the flip changes: the stance, or the reservation. */
  properties[PROP_FLIP_TARGET] = g_param_spec_string ("flip-target", NULL, NULL, NULL, flags);
  properties[PROP_CAN_TRY] = g_param_spec_boolean ("can-try", NULL, NULL, FALSE, flags);
  properties[PROP_VERDICT] =
    g_param_spec_int ("verdict", NULL, NULL, ZOPA_VERDICT_ITEM_NONE, G_MAXINT, ZOPA_VERDICT_ITEM_NONE, flags);
  properties[PROP_WAS_VERDICT] =
    g_param_spec_int ("was-verdict", NULL, NULL, ZOPA_VERDICT_ITEM_NONE, G_MAXINT, ZOPA_VERDICT_ITEM_NONE, flags);
  properties[PROP_HAS_REASONS] = g_param_spec_boolean ("has-reasons", NULL, NULL, FALSE, flags);
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, ZOPA_TYPE_ANALYSIS, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_verdict_item_init (ZopaVerdictItem *self)
{
  self->verdict = ZOPA_VERDICT_ITEM_NONE;
  self->was_verdict = ZOPA_VERDICT_ITEM_NONE;
  self->draft = -1;
  self->actor = -1;
}

ZopaVerdictItem *
zopa_verdict_item_new (const char *actor_id)
{
  return g_object_new (ZOPA_TYPE_VERDICT_ITEM, "actor-id", actor_id, NULL);
}

const char *
zopa_verdict_item_get_actor_id (ZopaVerdictItem *self)
{
  return self->actor_id;
}

int
zopa_verdict_item_get_verdict (ZopaVerdictItem *self)
{
  return self->verdict;
}

int
zopa_verdict_item_get_was_verdict (ZopaVerdictItem *self)
{
  return self->was_verdict;
}

ZopaAnalysis *
zopa_verdict_item_get_analysis (ZopaVerdictItem *self)
{
  return self->analysis;
}

int
zopa_verdict_item_get_draft (ZopaVerdictItem *self)
{
  return self->draft;
}

int
zopa_verdict_item_get_actor (ZopaVerdictItem *self)
{
  return self->actor;
}

gboolean
zopa_verdict_item_get_has_reasons (ZopaVerdictItem *self)
{
  return self->has_reasons;
}

/* Notifies "analysis" on every call: the reasons name clauses, which can change under the
 * same analysis, so a row rereads them whenever the list refreshes. */
void
zopa_verdict_item_set_source (ZopaVerdictItem *self,
                              ZopaAnalysis    *analysis,
                              int              draft,
                              int              actor)
{
  g_set_object (&self->analysis, analysis);
  self->draft = draft;
  self->actor = actor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}
