#pragma once

#include <adwaita.h>

#include "model/zopa-recovery-store.h"

G_BEGIN_DECLS

#define ZOPA_TYPE_APPLICATION (zopa_application_get_type ())
G_DECLARE_FINAL_TYPE (ZopaApplication, zopa_application, ZOPA, APPLICATION, AdwApplication)

ZopaApplication   *zopa_application_new                (GApplicationFlags  flags);
/* Where every window's unsaved changes are kept for recovery; NULL before start-up. */
ZopaRecoveryStore *zopa_application_get_recovery_store (ZopaApplication   *self);

G_END_DECLS
