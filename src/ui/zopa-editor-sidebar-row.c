/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-editor-sidebar-row.c: a model object in an editor window's sidebar */

#include "config.h"

#include "zopa-actor-swatch.h"
#include "zopa-editor-sidebar-row.h"
#include "zopa-user-text.h"

struct _ZopaEditorSidebarRow
{
  GtkListBoxRow    parent_instance;

  GObject         *item;
  char            *title;
  char            *fallback_title;

  ZopaActorSwatch *swatch;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
};

G_DEFINE_FINAL_TYPE (ZopaEditorSidebarRow, zopa_editor_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_TITLE,
  PROP_FALLBACK_TITLE,
  PROP_SUBTITLE,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
zopa_editor_sidebar_row_get_shown_title (ZopaEditorSidebarRow *self)
{
  g_return_val_if_fail (ZOPA_IS_EDITOR_SIDEBAR_ROW (self), NULL);

  return self->title != NULL && *self->title != '\0' ? self->title : self->fallback_title;
}

static void
update_title (ZopaEditorSidebarRow *self)
{
  const char *shown = zopa_editor_sidebar_row_get_shown_title (self);

  zopa_user_text_set_label (self->title_label, shown);
}

static void
zopa_editor_sidebar_row_dispose (GObject *object)
{
  ZopaEditorSidebarRow *self = ZOPA_EDITOR_SIDEBAR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_EDITOR_SIDEBAR_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (zopa_editor_sidebar_row_parent_class)->dispose (object);
}

static void
zopa_editor_sidebar_row_finalize (GObject *object)
{
  ZopaEditorSidebarRow *self = ZOPA_EDITOR_SIDEBAR_ROW (object);

  g_free (self->title);
  g_free (self->fallback_title);
  G_OBJECT_CLASS (zopa_editor_sidebar_row_parent_class)->finalize (object);
}

static void
zopa_editor_sidebar_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ZopaEditorSidebarRow *self = ZOPA_EDITOR_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FALLBACK_TITLE:
      g_value_set_string (value, self->fallback_title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, gtk_widget_get_visible (GTK_WIDGET (self->subtitle_label))
                                 ? gtk_label_get_text (self->subtitle_label) : NULL);
      break;
    case PROP_COLOR:
      g_value_set_string (value, gtk_widget_get_visible (GTK_WIDGET (self->swatch))
                                 ? zopa_actor_swatch_get_color (self->swatch) : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_editor_sidebar_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ZopaEditorSidebarRow *self = ZOPA_EDITOR_SIDEBAR_ROW (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      update_title (self);
      break;
    case PROP_FALLBACK_TITLE:
      g_free (self->fallback_title);
      self->fallback_title = g_value_dup_string (value);
      update_title (self);
      break;
    case PROP_SUBTITLE:
      text = g_value_get_string (value);
      zopa_user_text_set_label (self->subtitle_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), text != NULL);
      break;
    case PROP_COLOR:
      text = g_value_get_string (value);
      zopa_actor_swatch_set_color (self->swatch, text);
      gtk_widget_set_visible (GTK_WIDGET (self->swatch), text != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_editor_sidebar_row_class_init (ZopaEditorSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zopa_editor_sidebar_row_dispose;
  object_class->finalize = zopa_editor_sidebar_row_finalize;
  object_class->get_property = zopa_editor_sidebar_row_get_property;
  object_class->set_property = zopa_editor_sidebar_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, flags | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FALLBACK_TITLE] = g_param_spec_string ("fallback-title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZOPA_TYPE_ACTOR_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-editor-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaEditorSidebarRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, ZopaEditorSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaEditorSidebarRow, subtitle_label);
}

static void
zopa_editor_sidebar_row_init (ZopaEditorSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_editor_sidebar_row_new (gpointer item)
{
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  return g_object_new (ZOPA_TYPE_EDITOR_SIDEBAR_ROW, "item", item, NULL);
}

gpointer
zopa_editor_sidebar_row_get_item (ZopaEditorSidebarRow *self)
{
  g_return_val_if_fail (ZOPA_IS_EDITOR_SIDEBAR_ROW (self), NULL);

  return self->item;
}
