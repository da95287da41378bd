/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-session-window.c: the windows that belong to one scenario */

#include "config.h"

#include "zopa-session-window.h"

GtkWindow *
zopa_session_window_find (GType        type,
                          ZopaSession *session)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  g_return_val_if_fail (g_type_is_a (type, GTK_TYPE_WINDOW), NULL);

  /* A destroyed window has left the list of toplevels already. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      {
        g_autoptr(ZopaSession) its = NULL;

        g_object_get (l->data, "session", &its, NULL);
        if (its == session)
          return l->data;
      }
  return NULL;
}
