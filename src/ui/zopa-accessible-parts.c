/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-accessible-parts.c: human names for the parts GTK and libadwaita build inside widgets */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zopa-accessible-parts.h"
#include "zopa-user-text.h"

char *
zopa_accessible_strip_mnemonic (const char *label)
{
  GString *out;

  g_return_val_if_fail (label != NULL, NULL);

  out = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          p++;
          if (*p == '\0')
            break;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Whether widget lies inside a widget of the GTK type called type_name: some of GTK's own
 * parts have no public type. */
static gboolean
is_inside_type_named (GtkWidget  *widget,
                      const char *type_name)
{
  GType type = g_type_from_name (type_name);

  return type != 0 && gtk_widget_get_ancestor (widget, type) != NULL;
}

static void
name_expander_lists (AdwExpanderRow *row);

/* The lists an expander row holds (its header and its rows) are named after its title; the
 * rows inside belong to the application and name themselves. */
static void
name_lists_inside (GtkWidget  *widget,
                   const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX (child))
      zopa_user_text_set_accessible_label (child, title);
    else if (!GTK_IS_LIST_BOX_ROW (child))
      name_lists_inside (child, title);
}

static void
name_expander_lists (AdwExpanderRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  name_lists_inside (GTK_WIDGET (row), title != NULL && *title != '\0' ? title : _("Details"));
  if (g_signal_handler_find (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, name_expander_lists, NULL) == 0)
    g_signal_connect (row, "notify::title", G_CALLBACK (name_expander_lists), NULL);
}

static void
name_list (GtkWidget *list)
{
  GtkWidget *row = gtk_widget_get_ancestor (list, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *expander = gtk_widget_get_ancestor (list, ADW_TYPE_EXPANDER_ROW);
  GtkWidget *combo = gtk_widget_get_ancestor (list, ADW_TYPE_COMBO_ROW);
  GtkWidget *group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);

  /* An expander row is itself a list box row: the lists are its own when it is the nearest
   * row around them, not a row of the application's inside it. */
  if (expander != NULL && row == expander)
    {
      name_expander_lists (ADW_EXPANDER_ROW (expander));
      return;
    }
  /* The print dialog's printers. */
  if (GTK_IS_LIST_VIEW (list) && is_inside_type_named (list, "GtkPrintUnixDialog"))
    {
      set_label (list, _("Printers"));
      return;
    }
  /* The file chooser's places. */
  if (row == NULL && gtk_widget_get_ancestor (list, GTK_TYPE_FILE_CHOOSER_WIDGET) != NULL)
    {
      set_label (list, _("Places"));
      return;
    }
  if (combo != NULL)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (combo));

      zopa_user_text_set_accessible_label (list, title != NULL && *title != '\0' ? title : _("Choices"));
      return;
    }
  /* A group keeps its rows in a list two boxes in, which it names after its title; a group
   * without a title has nothing to name it after. */
  if (group != NULL && row == NULL && GTK_IS_LIST_BOX (list)
      && gtk_widget_get_parent (gtk_widget_get_parent (list)) != NULL
      && gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (list))) == group)
    {
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));

      if (title == NULL || *title == '\0')
        set_label (list, _("Details"));
    }
}

/* GTK 4.8 gives a button with a mnemonic label ("_Open") two names: its LABEL property,
 * which it sets to the label as written, underscore and all, and a labelled-by relation to
 * the label it shows, which it makes the button's mnemonic label. Read together they make
 * "_Open Open", or "Open Open" where a template or code sets the property to the clean
 * label. The relation alone gives one clean name that follows the label, so the property
 * goes; again whenever the label changes, since GTK sets it anew then. */
static void
leave_name_to_label (GtkWidget *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (g_signal_handler_find (button, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, leave_name_to_label, NULL) == 0)
    {
      g_signal_connect (button, "notify::label", G_CALLBACK (leave_name_to_label), NULL);
      g_signal_connect (button, "notify::use-underline", G_CALLBACK (leave_name_to_label), NULL);
    }
}

/* GTK 4.8 names a check button with a mnemonic by its label as written ("_Reverse"), with
 * no relation to the label it shows: the name becomes the label without the underscore. */
static void
name_check_by_label (GtkWidget *check)
{
  const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (check));

  if (label != NULL && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (check)))
    {
      g_autofree char *name = zopa_accessible_strip_mnemonic (label);

      set_label (check, name);
    }
  if (g_signal_handler_find (check, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, name_check_by_label, NULL) == 0)
    {
      g_signal_connect (check, "notify::label", G_CALLBACK (name_check_by_label), NULL);
      g_signal_connect (check, "notify::use-underline", G_CALLBACK (name_check_by_label), NULL);
    }
}

/* The first of widget's descendants of type, or NULL. */
static GtkWidget *
find_inside (GtkWidget *widget,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_inside (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_inside (GtkWidget *widget)
{
  return find_inside (widget, GTK_TYPE_LABEL);
}

/* The name of the icon image shows, by name or as a themed icon; NULL for others. */
static const char *
image_icon_name (GtkImage *image)
{
  GIcon *gicon = gtk_image_get_gicon (image);

  if (gtk_image_get_icon_name (image) != NULL)
    return gtk_image_get_icon_name (image);
  if (G_IS_THEMED_ICON (gicon))
    return g_themed_icon_get_names (G_THEMED_ICON (gicon))[0];
  return NULL;
}

/* Buttons GTK builds inside its own widgets without a name. */
static void
name_inner_button (GtkWidget *button)
{
  GtkWidget *parent = gtk_widget_get_parent (button);

  if (GTK_IS_COLOR_BUTTON (parent))
    {
      g_autofree char *title = NULL;

      g_object_get (parent, "title", &title, NULL);
      set_label (button, title != NULL && *title != '\0' ? title : _("Choose a Colour"));
    }
  else if (gtk_widget_get_ancestor (button, ADW_TYPE_ABOUT_WINDOW) != NULL)
    {
      /* The About window's version, a button that shows it. */
      AdwAboutWindow *about = ADW_ABOUT_WINDOW (gtk_widget_get_ancestor (button, ADW_TYPE_ABOUT_WINDOW));
      GtkWidget *label = find_label_inside (button);
      const char *version = adw_about_window_get_version (about);

      if (label != NULL && version != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), version) == 0)
        {
          g_autofree char *name = g_strdup_printf (_("Version %s"), version);

          set_label (button, name);
        }
    }
  else if (GTK_IS_TOGGLE_BUTTON (button) && GTK_IS_DROP_DOWN (parent))
    set_label (button, _("Show the Choices"));
  else if (is_inside_type_named (button, "GtkPathBar"))
    {
      /* The file chooser's path: a folder's button shows its name; the others an icon. */
      GtkWidget *label = find_label_inside (button);
      GtkWidget *image = find_inside (button, GTK_TYPE_IMAGE);
      const char *icon = image != NULL ? image_icon_name (GTK_IMAGE (image)) : NULL;

      if (label != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        label, NULL, -1);
      else if (g_strcmp0 (icon, "pan-start-symbolic") == 0)
        set_label (button, _("Scroll the Path Left"));
      else if (g_strcmp0 (icon, "pan-end-symbolic") == 0)
        set_label (button, _("Scroll the Path Right"));
      else if (icon != NULL && g_str_has_prefix (icon, "user-home"))
        set_label (button, _("Home Folder"));
      else if (image != NULL)
        set_label (button, _("File System"));
    }
  else if (gtk_widget_get_ancestor (button, GTK_TYPE_TREE_VIEW) != NULL)
    {
      /* A column's header (the file chooser's Name, Size, Modified): named by its title. */
      GtkWidget *label = find_label_inside (button);

      if (label != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        label, NULL, -1);
    }
}

static void
name_part (GtkWidget *widget)
{
  if (GTK_IS_SCROLLBAR (widget))
    set_label (widget, gtk_orientable_get_orientation (GTK_ORIENTABLE (widget)) == GTK_ORIENTATION_VERTICAL
                       ? _("Scroll Up and Down") : _("Scroll Left and Right"));
  else if (gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
    {
      /* The shortcuts window's own search and section switcher. */
      if (GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_TOGGLE_BUTTON (widget))
        set_label (widget, _("Search Shortcuts"));
      else if (GTK_IS_MENU_BUTTON (widget))
        set_label (widget, _("Sections"));
    }
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
           && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    leave_name_to_label (widget);
  else if (GTK_IS_BUTTON (widget))
    name_inner_button (widget);
  else if (GTK_IS_CHECK_BUTTON (widget))
    name_check_by_label (widget);
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_FILE_CHOOSER_WIDGET) != NULL)
    set_label (widget, _("Create Folder"));
  else if (GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget))
    name_list (widget);
  else if (GTK_IS_IMAGE (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ABOUT_WINDOW) != NULL)
    {
      /* The About window's application icon is named after the application. */
      AdwAboutWindow *about = ADW_ABOUT_WINDOW (gtk_widget_get_ancestor (widget, ADW_TYPE_ABOUT_WINDOW));
      const char *icon = adw_about_window_get_application_icon (about);

      if (icon != NULL && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon) == 0)
        set_label (widget, adw_about_window_get_application_name (about));
    }
  else if (GTK_IS_POPOVER_MENU (widget))
    set_label (widget, _("Menu"));
  else if (GTK_IS_ENTRY (widget) && is_inside_type_named (widget, "GtkPrintUnixDialog")
           && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), "page_range_entry") == 0)
    set_label (widget, _("Pages to Print"));
  else if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_FILE_CHOOSER_WIDGET) != NULL)
    set_label (widget, _("File Type"));
}

static gboolean
on_widget_mapped (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               user_data)
{
  name_part (g_value_get_object (&params[0]));
  return TRUE;
}

void
zopa_accessible_parts_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_widget_mapped, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
