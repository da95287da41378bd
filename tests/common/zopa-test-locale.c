/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-test-locale.c: a locale the system lacks is compiled with localedef into a directory
 * of the test's own, and LOCPATH points there (for this process and the programs it runs). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "zopa-test-locale.h"

static char *generated_dir;

static gboolean
locale_loads (const char *name)
{
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (loc == (locale_t) 0)
    return FALSE;
  freelocale (loc);
  return TRUE;
}

/* Compiles name ("de_DE.UTF-8": source de_DE, charmap UTF-8) under a new directory. */
static gboolean
generate_locale (const char  *name,
                 char       **reason)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *source = NULL;
  g_autofree char *output = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *dot = strchr (name, '.');
  int status = 0;

  if (localedef == NULL)
    {
      *reason = g_strdup_printf ("%s is not installed and localedef is missing", name);
      return FALSE;
    }
  if (dot == NULL)
    {
      *reason = g_strdup_printf ("%s names no character set", name);
      return FALSE;
    }
  if (generated_dir == NULL)
    {
      generated_dir = g_dir_make_tmp ("zopa-locale-XXXXXX", &error);
      if (generated_dir == NULL)
        {
          *reason = g_strdup_printf ("no directory for %s: %s", name, error->message);
          return FALSE;
        }
    }
  source = g_strndup (name, dot - name);
  output = g_build_filename (generated_dir, name, NULL);
  {
    const char *argv[] = { localedef, "-i", source, "-f", dot + 1, output, NULL };

    /* localedef exits 1 when it only warned; whether the locale then loads is what counts. */
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                       NULL, &err, &status, &error))
      {
        *reason = g_strdup_printf ("localedef could not run: %s", error->message);
        return FALSE;
      }
  }
  g_setenv ("LOCPATH", generated_dir, TRUE);
  if (!locale_loads (name))
    {
      *reason = g_strdup_printf ("localedef could not make %s (status %d): %s", name, status,
                                 err != NULL ? g_strstrip (err) : "");
      g_unsetenv ("LOCPATH");
      return FALSE;
    }
  return TRUE;
}

/* TRUE when name can be used with setlocale, newlocale or in LC_ALL of a child process;
 * otherwise FALSE and why, for g_test_skip. */
gboolean
zopa_test_locale_prepare (const char  *name,
                          char       **reason)
{
  g_return_val_if_fail (reason != NULL, FALSE);

  *reason = NULL;
  if (locale_loads (name))
    return TRUE;
  return generate_locale (name, reason);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *entry;

      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, entry, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

/* Removes the generated locales, if any. */
void
zopa_test_locale_cleanup (void)
{
  if (generated_dir == NULL)
    return;
  remove_tree (generated_dir);
  g_clear_pointer (&generated_dir, g_free);
}
