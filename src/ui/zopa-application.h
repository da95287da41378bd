#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZOPA_TYPE_APPLICATION (zopa_application_get_type ())
G_DECLARE_FINAL_TYPE (ZopaApplication, zopa_application, ZOPA, APPLICATION, AdwApplication)

ZopaApplication *zopa_application_new (GApplicationFlags flags);

G_END_DECLS
