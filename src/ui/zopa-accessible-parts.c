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

static void
name_part (GtkWidget *widget)
{
  if (GTK_IS_SCROLLBAR (widget))
    set_label (widget, gtk_orientable_get_orientation (GTK_ORIENTABLE (widget)) == GTK_ORIENTATION_VERTICAL
                       ? _("Scroll Up and Down") : _("Scroll Left and Right"));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
           && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_autofree char *label = zopa_accessible_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));

      set_label (widget, label);
    }
  else if (GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget))
    name_list (widget);
  else if (GTK_IS_POPOVER_MENU (widget))
    set_label (widget, _("Menu"));
  else if (gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
    {
      /* The shortcuts window's own search and section switcher. */
      if (GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_TOGGLE_BUTTON (widget))
        set_label (widget, _("Search Shortcuts"));
      else if (GTK_IS_MENU_BUTTON (widget))
        set_label (widget, _("Sections"));
    }
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
