/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zopa-model"

#include "zopa-issue.h"
#include "zopa-model-private.h"

/* ZopaOption */

struct _ZopaOption
{
  GObject     parent_instance;

  char       *id;
  char       *label;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaOption, zopa_option, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZOPA_TYPE_MODEL_NODE, NULL))

enum {
  OPTION_PROP_0,
  OPTION_PROP_ID,
  OPTION_PROP_LABEL,
  OPTION_PROP_EXTRA,
  OPTION_N_PROPS
};

static GParamSpec *option_properties[OPTION_N_PROPS];

static void
zopa_option_finalize (GObject *object)
{
  ZopaOption *self = ZOPA_OPTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_option_parent_class)->finalize (object);
}

static void
zopa_option_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZopaOption *self = ZOPA_OPTION (object);

  switch (prop_id)
    {
    case OPTION_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case OPTION_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case OPTION_PROP_EXTRA:
      g_value_set_boxed (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_option_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZopaOption *self = ZOPA_OPTION (object);

  switch (prop_id)
    {
    case OPTION_PROP_ID:
      zopa_option_set_id (self, g_value_get_string (value));
      break;
    case OPTION_PROP_LABEL:
      zopa_option_set_label (self, g_value_get_string (value));
      break;
    case OPTION_PROP_EXTRA:
      zopa_option_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_option_class_init (ZopaOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zopa_option_finalize;
  object_class->get_property = zopa_option_get_property;
  object_class->set_property = zopa_option_set_property;
  zopa_model_node_class_forward_notify (object_class);

  option_properties[OPTION_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  option_properties[OPTION_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  option_properties[OPTION_PROP_EXTRA] =
    g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, OPTION_N_PROPS, option_properties);
}

static void
zopa_option_init (ZopaOption *self)
{
}

ZopaOption *
zopa_option_new (const char *id,
                 const char *label)
{
  return g_object_new (ZOPA_TYPE_OPTION, "id", id, "label", label, NULL);
}

const char *
zopa_option_get_id (ZopaOption *self)
{
  g_return_val_if_fail (ZOPA_IS_OPTION (self), NULL);
  return self->id;
}

void
zopa_option_set_id (ZopaOption *self,
                    const char *id)
{
  g_return_if_fail (ZOPA_IS_OPTION (self));
  if (zopa_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), option_properties[OPTION_PROP_ID]);
}

const char *
zopa_option_get_label (ZopaOption *self)
{
  g_return_val_if_fail (ZOPA_IS_OPTION (self), NULL);
  return self->label;
}

void
zopa_option_set_label (ZopaOption *self,
                       const char *label)
{
  g_return_if_fail (ZOPA_IS_OPTION (self));
  if (zopa_model_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), option_properties[OPTION_PROP_LABEL]);
}

JsonObject *
zopa_option_get_extra (ZopaOption *self)
{
  g_return_val_if_fail (ZOPA_IS_OPTION (self), NULL);
  return self->extra;
}

void
zopa_option_set_extra (ZopaOption *self,
                       JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_OPTION (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), option_properties[OPTION_PROP_EXTRA]);
}

/* ZopaIssue */

struct _ZopaIssue
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *description;
  ZopaModelList *options;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (ZopaIssue, zopa_issue, G_TYPE_OBJECT,
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
zopa_issue_dispose (GObject *object)
{
  ZopaIssue *self = ZOPA_ISSUE (object);

  g_clear_pointer (&self->options, zopa_model_list_free);

  G_OBJECT_CLASS (zopa_issue_parent_class)->dispose (object);
}

static void
zopa_issue_finalize (GObject *object)
{
  ZopaIssue *self = ZOPA_ISSUE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (zopa_issue_parent_class)->finalize (object);
}

static void
zopa_issue_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZopaIssue *self = ZOPA_ISSUE (object);

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
zopa_issue_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZopaIssue *self = ZOPA_ISSUE (object);

  switch (prop_id)
    {
    case PROP_ID:
      zopa_issue_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      zopa_issue_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      zopa_issue_set_description (self, g_value_get_string (value));
      break;
    case PROP_EXTRA:
      zopa_issue_set_extra (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_issue_class_init (ZopaIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zopa_issue_dispose;
  object_class->finalize = zopa_issue_finalize;
  object_class->get_property = zopa_issue_get_property;
  object_class->set_property = zopa_issue_set_property;
  zopa_model_node_class_forward_notify (object_class);

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_EXTRA] = g_param_spec_boxed ("extra", NULL, NULL, JSON_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_issue_init (ZopaIssue *self)
{
  self->options = zopa_model_list_new (self, ZOPA_TYPE_OPTION);
}

ZopaIssue *
zopa_issue_new (const char *id)
{
  return g_object_new (ZOPA_TYPE_ISSUE, "id", id, NULL);
}

const char *
zopa_issue_get_id (ZopaIssue *self)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (self), NULL);
  return self->id;
}

void
zopa_issue_set_id (ZopaIssue  *self,
                   const char *id)
{
  g_return_if_fail (ZOPA_IS_ISSUE (self));
  if (zopa_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
zopa_issue_get_title (ZopaIssue *self)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (self), NULL);
  return self->title;
}

void
zopa_issue_set_title (ZopaIssue  *self,
                      const char *title)
{
  g_return_if_fail (ZOPA_IS_ISSUE (self));
  if (zopa_model_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
zopa_issue_get_description (ZopaIssue *self)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (self), NULL);
  return self->description;
}

void
zopa_issue_set_description (ZopaIssue  *self,
                            const char *description)
{
  g_return_if_fail (ZOPA_IS_ISSUE (self));
  if (zopa_model_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

GListModel *
zopa_issue_get_options (ZopaIssue *self)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (self), NULL);
  return zopa_model_list_get_model (self->options);
}

guint
zopa_issue_get_n_options (ZopaIssue *self)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (self), 0);
  return zopa_model_list_get_n_items (self->options);
}

ZopaOption *
zopa_issue_get_option (ZopaIssue *self,
                       guint      position)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (self), NULL);
  return zopa_model_list_get_item (self->options, position);
}

void
zopa_issue_insert_option (ZopaIssue  *self,
                          guint       position,
                          ZopaOption *option)
{
  g_return_if_fail (ZOPA_IS_ISSUE (self));
  g_return_if_fail (ZOPA_IS_OPTION (option));

  zopa_model_list_insert (self->options, position, option);
}

void
zopa_issue_remove_option (ZopaIssue *self,
                          guint      position)
{
  g_return_if_fail (ZOPA_IS_ISSUE (self));

  zopa_model_list_remove (self->options, position);
}

static const char *
get_option_id (gpointer item)
{
  return ZOPA_OPTION (item)->id;
}

int
zopa_issue_find_option (ZopaIssue  *self,
                        const char *option_id)
{
  guint position;

  g_return_val_if_fail (ZOPA_IS_ISSUE (self), -1);

  if (zopa_model_list_find (self->options, get_option_id,
                            option_id, &position) == NULL)
    return -1;

  return (int) position;
}

JsonObject *
zopa_issue_get_extra (ZopaIssue *self)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (self), NULL);
  return self->extra;
}

void
zopa_issue_set_extra (ZopaIssue  *self,
                      JsonObject *extra)
{
  g_return_if_fail (ZOPA_IS_ISSUE (self));
  if (zopa_model_set_json_object (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
