/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Safe replacement of a local file's contents, used by every save (scenario files and the
 * recovery store). See zopa-file-replace.c for what is kept and why.
 */

/*
 * The file path names once symbolic links are followed, including a dangling link (the
 * file a save would create). Returns NULL with errno set (ELOOP, EACCES, ...) on failure.
 */
char     *zopa_file_resolve_links     (const char    *path);

/*
 * Replaces the contents of path with data. Errors are ZOPA_FILE_ERROR_IO, their messages
 * "cannot save “NAME”: why", NAME being path as given.
 */
gboolean  zopa_file_replace_contents  (const char    *path,
                                       const char    *data,
                                       gsize          length,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* The same for any GFile: local files as above, others through GIO's replace. */
gboolean  zopa_file_replace           (GFile         *file,
                                       const char    *data,
                                       gsize          length,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
