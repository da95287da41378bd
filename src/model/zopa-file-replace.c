/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * zopa-file-replace.c: replacing a local file's contents without losing it.
 *
 * The usual way: the new contents go to a temporary file in the same folder, which takes the
 * old file's owner, group, mode and extended attributes (ACLs, SELinux label, user
 * attributes, as far as the system lets us set them), is flushed to disk and renamed over
 * the old file; then
 * the folder is flushed, so the rename itself survives a crash. The file on disk is at every
 * moment either the old one or the new one. A symbolic link is followed: its target is
 * replaced and the link stays a link.
 *
 * A rename gives the name a new inode. Two cases cannot take that:
 * - a file with more than one hard link: the other names would keep the old contents and
 *   the link would be split without a word;
 * - a file whose owner or group the new file cannot be given (another user's file that we
 *   may write to): the file would change hands.
 * Those files are rewritten in place, so the inode (links, owner, group, mode, ACLs) stays.
 * An in-place write is not atomic, so the old contents are first written in full to a
 * backup next to the file and flushed; if the in-place write fails, the old contents are
 * written back, and only if that fails too does the backup stay, its name in the message.
 * A folder where no backup can be made refuses the save with the file untouched, as the
 * usual way does.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "zopa-file-replace.h"
#include "zopa-file-problem.h"

#define MAX_LINK_DEPTH 40

char *
zopa_file_resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  g_return_val_if_fail (path != NULL, NULL);

  for (guint depth = 0; depth <= MAX_LINK_DEPTH; depth++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return NULL;
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }

  errno = ELOOP;
  return NULL;
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO,
               _("cannot save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  gsize written = 0;

  while (written < length)
    {
      ssize_t n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      written += n;
    }
  return TRUE;
}

/*
 * Makes a rename or an unlink in dir durable. A folder we may not open for reading, or a
 * file system that cannot flush folders, is not an error; a failed flush is.
 */
static int
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int result = 0;

  if (fd < 0)
    return 0;
  if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    result = errno;
  close (fd);
  return result;
}

/* A new file next to target, "DIR/.NAME.XXXXXX", open for writing; -1 with errno on failure. */
static int
open_sibling (const char  *target,
              int          mode,
              char       **sibling_path)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  int fd;

  *sibling_path = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (*sibling_path, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    g_clear_pointer (sibling_path, g_free);
  return fd;
}

/* Gives fd the extended attributes of the file at from, where the system lets us. */
static void
copy_extended_attributes (const char *from,
                          int         fd)
{
  g_autofree char *names = NULL;
  ssize_t size = listxattr (from, NULL, 0);

  if (size <= 0)
    return;
  names = g_malloc (size);
  size = listxattr (from, names, size);
  for (ssize_t offset = 0; offset < size; offset += strlen (names + offset) + 1)
    {
      const char *name = names + offset;
      g_autofree char *value = NULL;
      ssize_t length = getxattr (from, name, NULL, 0);

      if (length < 0)
        continue;
      value = g_malloc (MAX (length, 1));
      length = getxattr (from, name, value, length);
      /* Some (security.*, trusted.*) only an administrator may set: those are left. */
      if (length >= 0)
        (void) fsetxattr (fd, name, value, length, 0);
    }
}

/* Writes data at the start of fd and cuts the file there; errno set on failure. */
static gboolean
overwrite_fd (int         fd,
              const char *data,
              gsize       length)
{
  if (lseek (fd, 0, SEEK_SET) != 0)
    return FALSE;
  if (!write_all (fd, data, length))
    return FALSE;
  if (ftruncate (fd, length) != 0)
    return FALSE;
  return fsync (fd) == 0;
}

static gboolean
write_in_place (const char    *path,
                const char    *target,
                const char    *data,
                gsize          length,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *old_data = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *dir = g_path_get_dirname (target);
  gsize old_length = 0;
  int saved_errno;
  int backup_fd;
  int fd;

  if (!g_file_get_contents (target, &old_data, &old_length, &read_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO,
                   _("cannot save “%s”: %s"), name, read_error->message);
      return FALSE;
    }

  /* The backup holds the old contents, readable only by us until it is removed. */
  backup_fd = open_sibling (target, 0600, &backup_path);
  if (backup_fd < 0)
    return set_errno_error (error, path, errno);
  if (!write_all (backup_fd, old_data, old_length) || fsync (backup_fd) != 0)
    {
      saved_errno = errno;
      close (backup_fd);
      g_unlink (backup_path);
      return set_errno_error (error, path, saved_errno);
    }
  close (backup_fd);
  /* The backup must survive a crash during the write in place. */
  sync_folder (dir);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (backup_path);
      return FALSE;
    }

  fd = g_open (target, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_unlink (backup_path);
      return set_errno_error (error, path, saved_errno);
    }

  if (overwrite_fd (fd, data, length))
    {
      close (fd);
      g_unlink (backup_path);
      sync_folder (dir);
      return TRUE;
    }

  saved_errno = errno;
  if (overwrite_fd (fd, old_data, old_length))
    {
      close (fd);
      g_unlink (backup_path);
      return set_errno_error (error, path, saved_errno);
    }
  close (fd);

  {
    g_autofree char *name = g_filename_display_name (path);
    g_autofree char *backup_name = g_filename_display_name (backup_path);

    g_set_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO,
                 _("cannot save “%s”: %s; its previous contents are kept in “%s”"),
                 name, g_strerror (saved_errno), backup_name);
  }
  return FALSE;
}

static gboolean
write_and_rename (const char      *path,
                  const char      *target,
                  const GStatBuf  *old_stat,
                  const char      *data,
                  gsize            length,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = g_path_get_dirname (target);
  int saved_errno;
  int fd;

  /* A new file gets the usual mode (0666 less the umask); a replaced one its old mode. */
  fd = open_sibling (target, 0666, &tmp_path);
  if (fd < 0)
    return set_errno_error (error, path, errno);

  if (old_stat != NULL)
    {
      /* Owner and group first: changing them may clear set-id bits the mode puts back. */
      if (fchown (fd, old_stat->st_uid, old_stat->st_gid) != 0)
        {
          close (fd);
          g_unlink (tmp_path);
          return write_in_place (path, target, data, length, cancellable, error);
        }
      if (fchmod (fd, old_stat->st_mode & 07777) != 0)
        goto failed;
      copy_extended_attributes (target, fd);
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, target) != 0)
    goto failed;

  saved_errno = sync_folder (dir);
  if (saved_errno != 0)
    return set_errno_error (error, path, saved_errno);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return set_errno_error (error, path, saved_errno);
}

gboolean
zopa_file_replace_contents (const char    *path,
                            const char    *data,
                            gsize          length,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *target = NULL;
  GStatBuf old_stat;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  target = zopa_file_resolve_links (path);
  if (target == NULL)
    return set_errno_error (error, path, errno);

  if (g_stat (target, &old_stat) != 0)
    {
      if (errno != ENOENT)
        return set_errno_error (error, path, errno);
      return write_and_rename (path, target, NULL, data, length, cancellable, error);
    }

  if (S_ISDIR (old_stat.st_mode))
    return set_errno_error (error, path, EISDIR);
  if (!S_ISREG (old_stat.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO,
                   _("cannot save “%s”: it is not a regular file"), name);
      return FALSE;
    }

  if (old_stat.st_nlink > 1)
    return write_in_place (path, target, data, length, cancellable, error);
  return write_and_rename (path, target, &old_stat, data, length, cancellable, error);
}

gboolean
zopa_file_replace (GFile         *file,
                   const char    *data,
                   gsize          length,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) io_error = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_peek_path (file);
  if (path != NULL)
    return zopa_file_replace_contents (path, data, length, cancellable, error);

  /* Other locations: GIO writes a temporary file and renames it where it can. */
  if (!g_file_replace_contents (file, data, length, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &io_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO,
                   _("cannot save “%s”: %s"), name, io_error->message);
      return FALSE;
    }
  return TRUE;
}
