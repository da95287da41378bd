/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-recovery-store.h"
#include "zopa-application.h"

G_BEGIN_DECLS

/*
 * At start-up: for each entry of the recovery store, a dialog "Unsaved changes to “X”
 * from <time>" with Restore (a window on the recovered document, marked unsaved) and
 * Discard (the entry is removed). parent may be NULL.
 */
void zopa_recovery_offer_present (ZopaApplication   *application,
                                  ZopaRecoveryStore *store,
                                  GtkWindow         *parent);

G_END_DECLS
