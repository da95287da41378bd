/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-recent-files.c: scenarios opened and saved lately, for the Open Recent menu */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-recent-files.h"

/* Zopa's entries among everything the desktop lists are the ones registered under this name. */
#define RECENT_APP_NAME "zopa"
#define SCENARIO_MIME_TYPE "application/x-zopa+json"

struct _ZopaRecentFiles
{
  GObject           parent_instance;

  GtkRecentManager *manager;
  GMenu            *menu;
};

G_DEFINE_FINAL_TYPE (ZopaRecentFiles, zopa_recent_files, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_latest_first (gconstpointer a,
                      gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *time_b = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (time_b, time_a);
}

/* A file name as a menu label: underscores stay underscores, not mnemonics. */
static char *
menu_label_for (GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autofree char *name = g_file_get_basename (file);
  g_auto(GStrv) parts = NULL;

  if (name == NULL)
    name = g_strdup (gtk_recent_info_get_display_name (info));
  parts = g_strsplit (name, "_", -1);
  return g_strjoinv ("__", parts);
}

static void
rebuild_menu (ZopaRecentFiles *self)
{
  GList *items = gtk_recent_manager_get_items (self->manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  for (GList *l = items; l != NULL; l = l->next)
    if (gtk_recent_info_has_application (l->data, RECENT_APP_NAME))
      g_ptr_array_add (ours, gtk_recent_info_ref (l->data));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (ours, compare_latest_first);

  g_menu_remove_all (self->menu);
  for (guint i = 0; i < ours->len && i < ZOPA_RECENT_FILES_MAX; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autofree char *label = menu_label_for (info);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->menu, item);
    }
  /* A hint rather than an empty submenu; its action does not exist, so it cannot be chosen. */
  if (ours->len == 0)
    g_menu_append (self->menu, _("No Recent Scenarios"), "app.no-recent-scenarios");
}

void
zopa_recent_files_add (ZopaRecentFiles *self,
                       GFile           *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *) SCENARIO_MIME_TYPE,
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "zopa %u",
  };

  g_return_if_fail (ZOPA_IS_RECENT_FILES (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (self->manager, uri, &data);
}

void
zopa_recent_files_remove (ZopaRecentFiles *self,
                          GFile           *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (ZOPA_IS_RECENT_FILES (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  /* Not listed is what was asked for. */
  gtk_recent_manager_remove_item (self->manager, uri, NULL);
}

GMenuModel *
zopa_recent_files_get_menu (ZopaRecentFiles *self)
{
  g_return_val_if_fail (ZOPA_IS_RECENT_FILES (self), NULL);
  return G_MENU_MODEL (self->menu);
}

static void
zopa_recent_files_constructed (GObject *object)
{
  ZopaRecentFiles *self = ZOPA_RECENT_FILES (object);

  G_OBJECT_CLASS (zopa_recent_files_parent_class)->constructed (object);
  if (self->manager == NULL)
    self->manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->manager, "changed", G_CALLBACK (rebuild_menu), self, G_CONNECT_SWAPPED);
  rebuild_menu (self);
}

static void
zopa_recent_files_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZopaRecentFiles *self = ZOPA_RECENT_FILES (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      self->manager = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_recent_files_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZopaRecentFiles *self = ZOPA_RECENT_FILES (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_recent_files_dispose (GObject *object)
{
  ZopaRecentFiles *self = ZOPA_RECENT_FILES (object);

  g_clear_object (&self->manager);
  g_clear_object (&self->menu);
  G_OBJECT_CLASS (zopa_recent_files_parent_class)->dispose (object);
}

static void
zopa_recent_files_class_init (ZopaRecentFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = zopa_recent_files_constructed;
  object_class->set_property = zopa_recent_files_set_property;
  object_class->get_property = zopa_recent_files_get_property;
  object_class->dispose = zopa_recent_files_dispose;

  /* The desktop's default list when NULL. */
  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL, GTK_TYPE_RECENT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_recent_files_init (ZopaRecentFiles *self)
{
  self->menu = g_menu_new ();
}

ZopaRecentFiles *
zopa_recent_files_new (GtkRecentManager *manager)
{
  g_return_val_if_fail (manager == NULL || GTK_IS_RECENT_MANAGER (manager), NULL);
  return g_object_new (ZOPA_TYPE_RECENT_FILES, "manager", manager, NULL);
}
