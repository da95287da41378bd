/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-ui-test.c: helpers shared by the UI test programs
 *
 * The tests drive widgets the way a person does (find a button by its label, click it,
 * let the main loop run), so finding widgets and answering dialogs live here once.
 */

#include "config.h"

#include "zopa-ui-test.h"

/* A test program that needs the application (its actions, settings and windows). */
ZopaApplication *
zopa_ui_test_init_app (int    *argc,
                       char ***argv)
{
  ZopaApplication *app;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;

  /* A state folder of its own, read before anything asks for it: the recovery store lives
   * there, so a run never offers what another run (or the user's session) left behind. */
  state_dir = g_dir_make_tmp ("zopa-ui-state-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  /* The same for the data folder, where the list of recent files lives. */
  g_setenv ("XDG_DATA_HOME", state_dir, TRUE);

  gtk_test_init (argc, argv, NULL);
  /* GTK 4.8 leaks the GDateTime it makes when it trims the recent files to their maximum age;
   * -1 keeps every entry, so the sanitizer runs see only Zopa's own allocations. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);
  app = zopa_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

/* Runs what is pending (idle handlers, layout, signal handlers) without blocking. */
void
zopa_ui_test_drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
zopa_ui_test_wait_for (GSourceFunc condition,
                       gpointer    data)
{
  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
}

/* The first widget below root, root included, that matches; depth first, in tree order. */
GtkWidget *
zopa_ui_test_find_widget (GtkWidget       *root,
                          ZopaUiTestMatch  match,
                          gconstpointer    data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = zopa_ui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GType type;
  guint nth;
  guint seen;
} NthOfType;

static gboolean
match_nth_of_type (GtkWidget     *widget,
                   gconstpointer  data)
{
  /* The search passes its state as const; the count is ours to change. */
  NthOfType *wanted = (NthOfType *) data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) && wanted->seen++ == wanted->nth;
}

/* The nth widget of a type (counting from 0), in tree order. */
GtkWidget *
zopa_ui_test_find_nth_type (GtkWidget *root,
                            GType      type,
                            guint      nth)
{
  NthOfType wanted = { type, nth, 0 };

  return zopa_ui_test_find_widget (root, match_nth_of_type, &wanted);
}

GtkWidget *
zopa_ui_test_find_type (GtkWidget *root,
                        GType      type)
{
  return zopa_ui_test_find_nth_type (root, type, 0);
}

static gboolean
match_name (GtkWidget     *widget,
            gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The widget given this name with gtk_widget_set_name (). */
GtkWidget *
zopa_ui_test_find_named (GtkWidget  *root,
                         const char *name)
{
  return zopa_ui_test_find_widget (root, match_name, name);
}

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button labelled label, mnemonic included, e.g. "_Save". */
GtkWidget *
zopa_ui_test_find_button (GtkWidget  *root,
                          const char *label)
{
  return zopa_ui_test_find_widget (root, match_button_label, label);
}

/* The message dialog on screen, if any. */
AdwMessageDialog *
zopa_ui_test_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Answers a dialog the way a person does: by clicking one of its buttons. */
void
zopa_ui_test_click_response (AdwMessageDialog *dialog,
                             const char       *label)
{
  GtkWidget *button = zopa_ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  zopa_ui_test_drain_events ();
}

/* A file named basename in a new temporary folder; nothing is written yet. */
GFile *
zopa_ui_test_temp_file (const char *basename)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zopa-ui-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, basename, NULL);
  return g_file_new_for_path (path);
}

GFile *
zopa_ui_test_write_temp_file (const char *basename,
                              const char *contents,
                              gsize       length)
{
  GFile *file = zopa_ui_test_temp_file (basename);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (g_file_peek_path (file), contents, length, &error);
  g_assert_no_error (error);
  return file;
}

/* Removes a file made by zopa_ui_test_temp_file () and its folder. */
void
zopa_ui_test_remove_temp_file (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (parent, NULL, NULL);
}
