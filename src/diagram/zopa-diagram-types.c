/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-types.c: GTypes of the diagram's enums */

#include "config.h"

#include "diagram/zopa-diagram.h"
#include "diagram/zopa-diagram-types.h"

G_DEFINE_ENUM_TYPE (ZopaDiagramView, zopa_diagram_view,
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_VIEW_VENN, "venn"),
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_VIEW_ISSUE_MAP, "issue-map"))

G_DEFINE_ENUM_TYPE (ZopaDiagramMode, zopa_diagram_mode,
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_MODE_SCHEMATIC, "schematic"),
  G_DEFINE_ENUM_VALUE (ZOPA_DIAGRAM_MODE_PROPORTIONAL, "proportional"))
