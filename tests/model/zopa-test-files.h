/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* Real files for the tests of saving, changes on disk and recovery. */

/* The user and group an unprivileged child runs as when the tests run as root. */
#define ZOPA_TEST_NOBODY 65534

char     *zopa_test_make_temp_dir    (void);
void      zopa_test_remove_tree      (const char *path);
guint     zopa_test_count_entries    (const char *dir);
void      zopa_test_assert_contents  (const char *path,
                                      const char *expected);
void      zopa_test_write_file       (const char *path,
                                      const char *contents);
/* Gives dir and everything in it to uid:gid (only root may). */
void      zopa_test_chown_tree       (const char *path,
                                      uid_t       uid,
                                      gid_t       gid);
/* Turns a root process into ZOPA_TEST_NOBODY for good. */
void      zopa_test_drop_privileges  (void);

G_END_DECLS
