/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-types.c: the diagram's error domain and the GTypes of its enums */

#include "config.h"

#include "diagram/zopa-diagram-types.h"

G_DEFINE_QUARK (zopa-diagram-error-quark, zopa_diagram_error)

G_DEFINE_ENUM_TYPE (ZopaDiagramView, zopa_diagram_view,
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_VIEW_VENN, "venn"),
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_VIEW_ISSUE_MAP, "issue-map"),
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_VIEW_BARGAINING, "bargaining"))

G_DEFINE_ENUM_TYPE (ZopaDiagramMode, zopa_diagram_mode,
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_MODE_SCHEMATIC, "schematic"),
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_MODE_PROPORTIONAL, "proportional"))
