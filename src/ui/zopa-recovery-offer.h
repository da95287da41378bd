/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-document.h"
#include "model/zopa-recovery-store.h"

G_BEGIN_DECLS

/* Called with the recovered document (marked unsaved) when the user chose Restore. */
typedef void (*ZopaRecoveryRestoreFunc) (ZopaDocument *document,
                                         gpointer      user_data);

/*
 * At start-up: for each entry of the recovery store, a dialog "Unsaved changes to “X”
 * from <time>" with Restore (restore gets the recovered document, to show it) and Discard
 * (the entry is removed). parent may be NULL. user_data is freed with user_data_free once
 * every dialog is gone.
 */
void zopa_recovery_offer_present (ZopaRecoveryStore       *store,
                                  GtkWindow               *parent,
                                  ZopaRecoveryRestoreFunc  restore,
                                  gpointer                 user_data,
                                  GDestroyNotify           user_data_free);

G_END_DECLS
