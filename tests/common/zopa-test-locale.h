/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-test-locale.h: making a locale such as de_DE.UTF-8 available to a test */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean zopa_test_locale_prepare (const char  *name,
                                   char       **reason);
void     zopa_test_locale_cleanup (void);

G_END_DECLS
