/* zopa-application.c: application start-up, command-line options, windows, help, about and quit */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-application.h"
#include "zopa-window.h"

struct _ZopaApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ZopaApplication, zopa_application, ADW_TYPE_APPLICATION)

ZopaApplication *
zopa_application_new (GApplicationFlags flags)
{
  return g_object_new (ZOPA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

static void
zopa_application_activate (GApplication *app)
{
  ZopaWindow *window = zopa_window_new (ZOPA_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
zopa_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      ZopaWindow *window = zopa_window_new (ZOPA_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      zopa_window_open_file (window, files[i]);
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
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
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "help", help_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
zopa_application_startup (GApplication *app)
{
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (zopa_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
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

static void
zopa_application_class_init (ZopaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = zopa_application_activate;
  app_class->open = zopa_application_open;
  app_class->startup = zopa_application_startup;
  app_class->handle_local_options = zopa_application_handle_local_options;
}

static void
zopa_application_init (ZopaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens each FILE, a Zopa scenario (*.zopa.json), in a window of its own; "
                                              "without FILE, a window shows the built-in scenario."));
}
