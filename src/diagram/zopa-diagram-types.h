/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* GTypes of the diagram's enums, so that they can be properties (and property actions) with
 * the nicks the CLI and the toolbar use: "venn", "issue-map"; "schematic", "proportional". */
#define ZOPA_TYPE_DIAGRAM_VIEW (zopa_diagram_view_get_type ())
GType zopa_diagram_view_get_type (void) G_GNUC_CONST;

#define ZOPA_TYPE_DIAGRAM_MODE (zopa_diagram_mode_get_type ())
GType zopa_diagram_mode_get_type (void) G_GNUC_CONST;

G_END_DECLS
