/* zopa-document.c: an open scenario, its file and its saved state */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-document.h"
#include "zopa-scenario-file.h"

struct _ZopaDocument
{
  GObject       parent_instance;

  ZopaScenario *scenario;
  ZopaHistory  *history;
  GFile        *file;
  gboolean      modified;
};

G_DEFINE_FINAL_TYPE (ZopaDocument, zopa_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_modified (ZopaDocument *self)
{
  gboolean modified = !zopa_history_get_at_saved_point (self->history);

  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static ZopaDocument *
zopa_document_new (ZopaScenario *scenario,
                   GFile        *file)
{
  ZopaDocument *self = g_object_new (ZOPA_TYPE_DOCUMENT, NULL);

  self->scenario = g_object_ref (scenario);
  self->history = zopa_history_new (scenario);
  self->file = file ? g_object_ref (file) : NULL;
  g_signal_connect_object (self->history, "notify::at-saved-point", G_CALLBACK (update_modified),
                           self, G_CONNECT_SWAPPED);
  return self;
}

ZopaDocument *
zopa_document_new_builtin (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_builtin ();

  return zopa_document_new (scenario, NULL);
}

ZopaDocument *
zopa_document_new_from_file (GFile   *file,
                             GError **error)
{
  g_autoptr(ZopaScenario) scenario = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  scenario = zopa_scenario_load_from_file (file, NULL, error);
  if (scenario == NULL)
    return NULL;
  return zopa_document_new (scenario, file);
}

static void
zopa_document_dispose (GObject *object)
{
  ZopaDocument *self = ZOPA_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->scenario);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (zopa_document_parent_class)->dispose (object);
}

static void
zopa_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZopaDocument *self = ZOPA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_document_class_init (ZopaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zopa_document_dispose;
  object_class->get_property = zopa_document_get_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ZOPA_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_document_init (ZopaDocument *self)
{
}

ZopaScenario *
zopa_document_get_scenario (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);
  return self->scenario;
}

ZopaHistory *
zopa_document_get_history (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);
  return self->history;
}

GFile *
zopa_document_get_file (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
zopa_document_get_modified (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

char *
zopa_document_dup_display_name (ZopaDocument *self)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Built-in Scenario"));
  return g_file_get_basename (self->file);
}

gboolean
zopa_document_save (ZopaDocument *self,
                    GFile        *file,
                    GError      **error)
{
  g_return_val_if_fail (ZOPA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  if (file == NULL)
    file = self->file;
  if (!zopa_scenario_save_to_file (self->scenario, file, NULL, error))
    return FALSE;

  if (self->file != file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  zopa_history_mark_saved (self->history);
  return TRUE;
}
