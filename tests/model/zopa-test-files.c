/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-test-files.c: temporary folders and files for the model tests */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <unistd.h>

#include "zopa-test-files.h"

char *
zopa_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("zopa-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
zopa_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      zopa_test_remove_tree (child);
    }
  g_rmdir (path);
}

guint
zopa_test_count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

void
zopa_test_assert_contents (const char *path,
                           const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

void
zopa_test_write_file (const char *path,
                      const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

void
zopa_test_chown_tree (const char *path,
                      uid_t       uid,
                      gid_t       gid)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_cmpint (lchown (path, uid, gid), ==, 0);
  if (dir == NULL || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      zopa_test_chown_tree (child, uid, gid);
    }
}

void
zopa_test_drop_privileges (void)
{
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (ZOPA_TEST_NOBODY), ==, 0);
  g_assert_cmpint (setuid (ZOPA_TEST_NOBODY), ==, 0);
  g_assert_cmpint (geteuid (), ==, ZOPA_TEST_NOBODY);
}
