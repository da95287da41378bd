/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of saving with real files: links, mode, owner and group, refused saves. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "model/zopa-file-replace.h"
#include "model/zopa-scenario-file.h"
#include "zopa-test-files.h"

static void
replace_ok (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zopa_file_replace_contents (path, contents, strlen (contents), NULL, &error));
  g_assert_no_error (error);
}

static void
assert_is_link (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

static void
test_symlink (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "target.zopa.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.zopa.json", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.zopa.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.zopa.json", NULL);
  g_autofree char *created = g_build_filename (real_dir, "created.zopa.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(GFile) chain_file = g_file_new_for_path (chain);
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  zopa_test_write_file (target, "old\n");
  g_assert_cmpint (symlink ("real/target.zopa.json", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);

  /* A save through two links, by the scenario's own save, replaces the final target. */
  scenario = zopa_scenario_load_builtin ();
  g_assert_true (zopa_scenario_save_to_file (scenario, chain_file, NULL, &error));
  g_assert_no_error (error);
  expected = zopa_scenario_to_data (scenario, NULL);
  assert_is_link (chain);
  assert_is_link (link);
  zopa_test_assert_contents (target, expected);
  g_assert_cmpuint (zopa_test_count_entries (real_dir), ==, 1);

  /* A dangling link: the file it points to is created and the link kept. */
  g_assert_cmpint (symlink ("real/created.zopa.json", dangling), ==, 0);
  replace_ok (dangling, "created\n");
  assert_is_link (dangling);
  zopa_test_assert_contents (created, "created\n");

  /* A loop of links is refused with the system's reason. */
  {
    g_autofree char *loop_a = g_build_filename (dir, "loop-a", NULL);
    g_autofree char *loop_b = g_build_filename (dir, "loop-b", NULL);

    g_assert_cmpint (symlink (loop_b, loop_a), ==, 0);
    g_assert_cmpint (symlink (loop_a, loop_b), ==, 0);
    g_assert_false (zopa_file_replace_contents (loop_a, "x", 1, NULL, &error));
    g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, g_strerror (ELOOP)));
  }

  zopa_test_remove_tree (dir);
}

static void
test_hard_link (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.zopa.json", NULL);
  g_autofree char *second = g_build_filename (dir, "second.zopa.json", NULL);
  GStatBuf before, after;

  zopa_test_write_file (first, "old contents, longer than the new ones\n");
  g_assert_cmpint (g_chmod (first, 0640), ==, 0);
  g_assert_cmpint (link (first, second), ==, 0);
  g_assert_cmpint (g_stat (first, &before), ==, 0);

  /* The link is kept: both names show the new contents, cut to their length. */
  replace_ok (first, "new\n");
  g_assert_cmpint (g_stat (first, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpuint (after.st_nlink, ==, 2);
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
  zopa_test_assert_contents (first, "new\n");
  zopa_test_assert_contents (second, "new\n");

  /* Growing works the same way, and no backup is left behind. */
  replace_ok (second, "newer and longer than before\n");
  zopa_test_assert_contents (first, "newer and longer than before\n");
  g_assert_cmpuint (zopa_test_count_entries (dir), ==, 2);

  zopa_test_remove_tree (dir);
}

static void
test_mode (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "mode.zopa.json", NULL);
  mode_t old_umask = umask (022);
  GStatBuf first, second;

  /* A new file follows the umask; a replaced one keeps its mode, including 0640. */
  replace_ok (path, "one\n");
  g_assert_cmpint (g_stat (path, &first), ==, 0);
  g_assert_cmpint (first.st_mode & 07777, ==, 0644);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  replace_ok (path, "two\n");
  g_assert_cmpint (g_stat (path, &second), ==, 0);
  g_assert_cmpint (second.st_mode & 07777, ==, 0640);
  zopa_test_assert_contents (path, "two\n");
  /* A single-link file is replaced by a rename (a new inode), not rewritten in place. */
  g_assert_cmpuint (second.st_ino, !=, first.st_ino);
  g_assert_cmpuint (zopa_test_count_entries (dir), ==, 1);

  umask (old_umask);
  zopa_test_remove_tree (dir);
}

static void
test_extended_attributes (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tagged.zopa.json", NULL);
  char value[16] = { 0 };

  zopa_test_write_file (path, "old\n");
  if (setxattr (path, "user.zopa-test", "kept", 4, 0) != 0)
    {
      zopa_test_remove_tree (dir);
      g_test_skip ("this file system takes no user attributes");
      return;
    }
  replace_ok (path, "new\n");
  g_assert_cmpint (getxattr (path, "user.zopa-test", value, sizeof value), ==, 4);
  g_assert_cmpstr (value, ==, "kept");
  zopa_test_assert_contents (path, "new\n");

  zopa_test_remove_tree (dir);
}

static void
test_owner_and_group (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "owned.zopa.json", NULL);
  GStatBuf before, after;
  uid_t uid = geteuid ();
  gid_t gid = (gid_t) -1;

  zopa_test_write_file (path, "old\n");

  if (uid == 0)
    {
      /* Root can give the file away: the replacement is given the same owner and group. */
      uid = ZOPA_TEST_NOBODY;
      gid = ZOPA_TEST_NOBODY;
    }
  else
    {
      gid_t groups[64];
      int n = getgroups (G_N_ELEMENTS (groups), groups);

      for (int i = 0; i < n; i++)
        if (groups[i] != getegid ())
          gid = groups[i];
      if (gid == (gid_t) -1)
        {
          zopa_test_remove_tree (dir);
          g_test_skip ("this user has one group: no other owner or group to keep");
          return;
        }
    }

  g_assert_cmpint (chown (path, uid, gid), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  replace_ok (path, "new\n");
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_uid, ==, uid);
  g_assert_cmpuint (after.st_gid, ==, gid);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  zopa_test_assert_contents (path, "new\n");

  zopa_test_remove_tree (dir);
}

/* Runs the rest of the test as an unprivileged user, in a child, when the tests run as root.
 * Returns TRUE in the process that should go on. */
static gboolean
run_unprivileged (void)
{
  if (geteuid () != 0 || g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *other_name = NULL;
  g_autoptr(GError) error = NULL;

  if (!run_unprivileged ())
    return;

  dir = zopa_test_make_temp_dir ();
  path = g_build_filename (dir, "old.zopa.json", NULL);
  linked = g_build_filename (dir, "linked.zopa.json", NULL);
  zopa_test_write_file (path, "old contents\n");
  zopa_test_write_file (linked, "linked contents\n");
  other_name = g_build_filename (dir, "other-name", NULL);
  g_assert_cmpint (link (linked, other_name), ==, 0);
  if (geteuid () == 0)
    {
      zopa_test_chown_tree (dir, ZOPA_TEST_NOBODY, ZOPA_TEST_NOBODY);
      zopa_test_drop_privileges ();
    }

  /* The files stay writable: only the folder is read-only. */
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (zopa_file_replace_contents (path, "new\n", 4, NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "cannot save “"));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  g_clear_error (&error);
  zopa_test_assert_contents (path, "old contents\n");

  /* A hard-linked file would be rewritten in place, but not without a backup beside it. */
  g_assert_false (zopa_file_replace_contents (linked, "new\n", 4, NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  zopa_test_assert_contents (linked, "linked contents\n");
  g_assert_cmpuint (zopa_test_count_entries (dir), ==, 3);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  zopa_test_remove_tree (dir);
}

/* A file of another user that we may write to keeps its owner: it is rewritten in place. */
static void
test_foreign_owner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf before, after;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to make a file of another user");
      return;
    }
  if (!run_unprivileged ())
    return;

  dir = zopa_test_make_temp_dir ();
  path = g_build_filename (dir, "root-owned.zopa.json", NULL);
  zopa_test_chown_tree (dir, ZOPA_TEST_NOBODY, ZOPA_TEST_NOBODY);
  zopa_test_write_file (path, "old contents\n");
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpuint (before.st_uid, ==, 0);
  zopa_test_drop_privileges ();

  replace_ok (path, "new\n");
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_uid, ==, 0);
  g_assert_cmpuint (after.st_gid, ==, before.st_gid);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, 0666);
  zopa_test_assert_contents (path, "new\n");
  g_assert_cmpuint (zopa_test_count_entries (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* A write that fails half way (here: over the file size limit, as a full disk would) leaves
 * the old contents, whether the file is replaced by a rename or rewritten in place. */
static void
test_failed_write (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *other_name = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 4096, 4096 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = zopa_test_make_temp_dir ();
  path = g_build_filename (dir, "single.zopa.json", NULL);
  linked = g_build_filename (dir, "linked.zopa.json", NULL);
  other_name = g_build_filename (dir, "other-name", NULL);
  zopa_test_write_file (path, "old contents\n");
  zopa_test_write_file (linked, "linked contents\n");
  g_assert_cmpint (link (linked, other_name), ==, 0);

  /* Writes past the limit fail with EFBIG instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  big = g_strnfill (10000, 'x');

  g_assert_false (zopa_file_replace_contents (path, big, strlen (big), NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_clear_error (&error);
  zopa_test_assert_contents (path, "old contents\n");

  /* In place: the old contents are written back and the backup removed. */
  g_assert_false (zopa_file_replace_contents (linked, big, strlen (big), NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_assert_null (strstr (error->message, "previous contents are kept"));
  zopa_test_assert_contents (linked, "linked contents\n");
  zopa_test_assert_contents (other_name, "linked contents\n");
  g_assert_cmpuint (zopa_test_count_entries (dir), ==, 3);

  zopa_test_remove_tree (dir);
}

static void
test_not_regular (void)
{
  g_autofree char *dir = zopa_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.zopa.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (zopa_file_replace_contents (fifo, "x", 1, NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_cmpuint (zopa_test_count_entries (dir), ==, 1);

  zopa_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/symlink", test_symlink);
  g_test_add_func ("/save/hard-link", test_hard_link);
  g_test_add_func ("/save/mode", test_mode);
  g_test_add_func ("/save/extended-attributes", test_extended_attributes);
  g_test_add_func ("/save/owner-and-group", test_owner_and_group);
  g_test_add_func ("/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save/foreign-owner", test_foreign_owner);
  g_test_add_func ("/save/failed-write", test_failed_write);
  g_test_add_func ("/save/not-regular", test_not_regular);

  return g_test_run ();
}
