/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-application.c: application start-up, command-line options, windows, help, about and quit */

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>

#include "zopa-accessible-parts.h"
#include "zopa-application.h"
#include "zopa-error-dialog.h"
#include "zopa-new-scenario.h"
#include "zopa-recent-files.h"
#include "zopa-recovery-offer.h"
#include "zopa-session-restore.h"
#include "zopa-style-choice.h"
#include "zopa-window.h"

struct _ZopaApplication
{
  AdwApplication     parent_instance;

  ZopaRecoveryStore *recovery_store;
  ZopaRecentFiles   *recent_files;
  GSettings         *settings;
  /* The recovery store's entries are offered once, when the first window opens. */
  gboolean           recovery_offered;
  /* Quit kept the files of every window as the session; the windows closing on its way
   * out leave that list alone. A new window starts a session to keep again. */
  gboolean           quit_kept_session;
};

G_DEFINE_FINAL_TYPE (ZopaApplication, zopa_application, ADW_TYPE_APPLICATION)

ZopaApplication *
zopa_application_new (GApplicationFlags flags)
{
  /* Registered with the session manager, to keep unsaved changes when the session ends. */
  return g_object_new (ZOPA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "register-session", TRUE,
                       NULL);
}

ZopaRecoveryStore *
zopa_application_get_recovery_store (ZopaApplication *self)
{
  g_return_val_if_fail (ZOPA_IS_APPLICATION (self), NULL);
  return self->recovery_store;
}

ZopaRecentFiles *
zopa_application_get_recent_files (ZopaApplication *self)
{
  g_return_val_if_fail (ZOPA_IS_APPLICATION (self), NULL);
  return self->recent_files;
}

/* The file a path leads to, symbolic links followed; file itself when that cannot be told. */
static GFile *
resolve_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *resolved = path ? realpath (path, NULL) : NULL;

  return resolved ? g_file_new_for_path (resolved) : g_object_ref (file);
}

GtkWindow *
zopa_application_find_window_for_file (ZopaApplication *self,
                                       GFile           *file)
{
  g_autoptr(GFile) wanted = NULL;

  g_return_val_if_fail (ZOPA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  wanted = resolve_file (file);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown = ZOPA_IS_WINDOW (l->data) ? zopa_window_get_file (l->data) : NULL;
      g_autoptr(GFile) resolved = shown ? resolve_file (shown) : NULL;

      if (resolved != NULL && g_file_equal (resolved, wanted))
        return l->data;
    }
  return NULL;
}

GtkWindow *
zopa_application_open_file (ZopaApplication *self,
                            GFile           *file,
                            GtkWindow       *origin)
{
  GtkWindow *window;

  g_return_val_if_fail (ZOPA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (origin == NULL || GTK_IS_WINDOW (origin), NULL);

  window = zopa_application_find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (window);
      return window;
    }

  if (ZOPA_IS_WINDOW (origin) && zopa_window_can_replace_document (ZOPA_WINDOW (origin)))
    window = origin;
  else
    window = GTK_WINDOW (zopa_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);
  zopa_window_load_file (ZOPA_WINDOW (window), file);
  return window;
}

/* One window per file: a window on the file with nothing unsaved (opening it, say, from the
 * command line) shows the restored changes; otherwise they get a window of their own. */
static void
present_restored (ZopaDocument *document,
                  gpointer      user_data)
{
  ZopaApplication *self = ZOPA_APPLICATION (user_data);
  GFile *file = zopa_document_get_file (document);
  GtkWindow *window = file ? zopa_application_find_window_for_file (self, file) : NULL;

  if (window != NULL && !zopa_document_get_modified (zopa_window_get_document (ZOPA_WINDOW (window))))
    zopa_window_show_document (ZOPA_WINDOW (window), document);
  else
    window = GTK_WINDOW (zopa_window_new_for_document (GTK_APPLICATION (self), document));
  gtk_window_present (window);
}

static void
offer_recovery_once (ZopaApplication *self,
                     GtkWindow       *parent)
{
  if (self->recovery_offered || self->recovery_store == NULL)
    return;
  self->recovery_offered = TRUE;
  zopa_recovery_offer_present (self->recovery_store, parent, present_restored,
                               g_object_ref (self), g_object_unref);
}

/* Writes every window's unsaved changes to the recovery store now. */
static void
autosave_all_windows (ZopaApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ZOPA_IS_WINDOW (l->data))
      {
        g_autoptr(GError) error = NULL;
        ZopaDocument *document = zopa_window_get_document (l->data);

        if (document != NULL && zopa_document_get_modified (document)
            && !zopa_document_autosave_now (document, &error))
          g_warning ("Unsaved changes could not be kept for recovery: %s", error->message);
      }
}

/* Files of the last session that are gone are skipped, and said so in the first window. */
static void
tell_vanished_files (GtkWindow          *window,
                     const char * const *vanished)
{
  g_autofree char *joined = g_strjoinv ("”, “", (char **) vanished);
  g_autofree char *escaped = g_markup_escape_text (joined, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is one file name, or several separated by ”, “. */
  title = g_strdup_printf (g_strv_length ((char **) vanished) == 1
                             ? _("“%s” from the last session is gone and was not reopened")
                             : _("“%s” from the last session are gone and were not reopened"),
                           escaped);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  zopa_window_add_toast (ZOPA_WINDOW (window), toast);
}

/* A plain start reopens the files of the last session, or shows the built-in scenario when
 * there is none; a later activation (a second start, New Window) opens the built-in one. */
static void
zopa_application_activate (GApplication *app)
{
  ZopaApplication *self = ZOPA_APPLICATION (app);
  g_autoptr(GPtrArray) files = NULL;
  g_auto(GStrv) vanished = NULL;
  GtkWindow *window = NULL;

  if (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL)
    files = zopa_session_restore_files (self->settings, &vanished);
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      GtkWindow *opened = zopa_application_open_file (self, g_ptr_array_index (files, i), NULL);

      if (window == NULL)
        window = opened;
    }
  if (window == NULL)
    {
      window = GTK_WINDOW (zopa_window_new (GTK_APPLICATION (app)));
      gtk_window_present (window);
    }
  if (vanished != NULL)
    tell_vanished_files (window, (const char * const *) vanished);
  offer_recovery_once (self, window);
}

static void
zopa_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *window = zopa_application_open_file (ZOPA_APPLICATION (app), files[i], NULL);

      if (i == n_files - 1)
        offer_recovery_once (ZOPA_APPLICATION (app), window);
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (zopa_window_new (GTK_APPLICATION (user_data))));
}

static void
new_scenario_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  zopa_new_scenario_choose (app, gtk_application_get_active_window (app));
}

/* An entry of the Open Recent menu; a file gone since is said so and leaves the list. */
static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ZopaApplication *self = ZOPA_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *where = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf (_("There is no file at “%s” any more. "
                                                 "It was moved, renamed or deleted, and leaves the list of recent files."),
                                               where);

      zopa_recent_files_remove (self->recent_files, file);
      zopa_error_dialog_present (active, body, _("Could Not Open “%s”"), name);
      return;
    }
  zopa_application_open_file (self, file, active);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Zopa developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Zopa"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Zopa developers"),
                         "version", PACKAGE_VERSION,
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_ISSUE_URL,
                         "comments", _("Explore where the acceptable deals of negotiating parties overlap"),
                         "developers", developers,
                         "copyright", "© 2026 The Zopa developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The Mallard pages installed under share/help/LANG/zopa, shown by the help viewer. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  gtk_show_uri (gtk_application_get_active_window (app), "help:zopa", GDK_CURRENT_TIME);
}

/* Each window asks about its own unsaved changes before it closes. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ZopaApplication *self = ZOPA_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  zopa_session_restore_keep (self->settings, windows);
  self->quit_kept_session = TRUE;
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "new-scenario", new_scenario_action },
  { "open-recent", open_recent_action, "s" },
  { "help", help_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
zopa_application_startup (GApplication *app)
{
  static const char *new_scenario_accels[] = { "<Control>n", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (zopa_application_parent_class)->startup (app);
  zopa_accessible_parts_install ();

  ZOPA_APPLICATION (app)->recovery_store = zopa_recovery_store_new (NULL);
  ZOPA_APPLICATION (app)->recent_files = zopa_recent_files_new (NULL);
  ZOPA_APPLICATION (app)->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  zopa_style_choice_install (G_ACTION_MAP (app), ZOPA_APPLICATION (app)->settings,
                             adw_style_manager_get_default ());
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-scenario", new_scenario_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
}

/* A file chosen or dropped in a window opens through the application: one window per file. */
static gboolean
on_window_open_file (ZopaWindow      *window,
                     GFile           *file,
                     ZopaApplication *self)
{
  zopa_application_open_file (self, file, GTK_WINDOW (window));
  return TRUE;
}

/* Every window of Zopa gets the recent files and the recovery store, however it was made. */
static void
zopa_application_window_added (GtkApplication *app,
                               GtkWindow      *window)
{
  ZopaApplication *self = ZOPA_APPLICATION (app);

  GTK_APPLICATION_CLASS (zopa_application_parent_class)->window_added (app, window);
  if (!ZOPA_IS_WINDOW (window))
    return;
  self->quit_kept_session = FALSE;
  g_object_set (window,
                "recent-files", self->recent_files,
                "recovery-store", self->recovery_store,
                NULL);
  g_signal_connect_object (window, "open-file", G_CALLBACK (on_window_open_file), self, 0);
}

/* A window taken out of the application opens files and notes them on its own again. */
static void
zopa_application_window_removed (GtkApplication *app,
                                 GtkWindow      *window)
{
  ZopaApplication *self = ZOPA_APPLICATION (app);

  /* Closing a window drops its file from the session, unless it is the last window: then
   * the session is what was open at the end. Quit kept its own list before closing. */
  if (ZOPA_IS_WINDOW (window) && !self->quit_kept_session && self->settings != NULL)
    {
      g_autoptr(GList) others = g_list_copy (gtk_application_get_windows (app));
      gboolean last = TRUE;

      for (GList *l = others; l != NULL; l = l->next)
        if (l->data != window && ZOPA_IS_WINDOW (l->data))
          last = FALSE;
      if (!last)
        others = g_list_remove (others, window);
      zopa_session_restore_keep (self->settings, others);
    }
  if (ZOPA_IS_WINDOW (window))
    {
      g_signal_handlers_disconnect_by_func (window, on_window_open_file, app);
      g_object_set (window, "recent-files", NULL, NULL);
    }
  GTK_APPLICATION_CLASS (zopa_application_parent_class)->window_removed (app, window);
}

/* --version is answered here, before any display is opened or any instance is contacted. */
static int
zopa_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("zopa %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

/* The session is ending (logout, shutdown): what is not saved goes to the recovery store now,
 * as the session may end the process without a normal quit. */
static void
zopa_application_query_end (GtkApplication *app)
{
  autosave_all_windows (ZOPA_APPLICATION (app));
  zopa_session_restore_keep (ZOPA_APPLICATION (app)->settings, gtk_application_get_windows (app));
}

static void
zopa_application_shutdown (GApplication *app)
{
  autosave_all_windows (ZOPA_APPLICATION (app));
  G_APPLICATION_CLASS (zopa_application_parent_class)->shutdown (app);
}

static void
zopa_application_finalize (GObject *object)
{
  ZopaApplication *self = ZOPA_APPLICATION (object);

  g_clear_object (&self->recovery_store);
  g_clear_object (&self->recent_files);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (zopa_application_parent_class)->finalize (object);
}

static void
zopa_application_class_init (ZopaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = zopa_application_finalize;
  app_class->shutdown = zopa_application_shutdown;

  app_class->activate = zopa_application_activate;
  app_class->open = zopa_application_open;
  app_class->startup = zopa_application_startup;
  app_class->handle_local_options = zopa_application_handle_local_options;
  gtk_app_class->window_added = zopa_application_window_added;
  gtk_app_class->window_removed = zopa_application_window_removed;
}

static void
zopa_application_init (ZopaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_signal_connect (self, "query-end", G_CALLBACK (zopa_application_query_end), NULL);

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens each FILE, a Zopa scenario (*.zopa.json), in a window of its own; "
                                              "without FILE, the files open when Zopa last quit, "
                                              "or the built-in scenario when there were none."));
}
