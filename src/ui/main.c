/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: starts Zopa */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "zopa-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZopaApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Zopa"));

  app = zopa_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
