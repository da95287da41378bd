/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-types.h: the plain types of a diagram (views, modes, themes, formats, errors)
 * that the renderer and the diagram share, and their GTypes. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ZOPA_DIAGRAM_ERROR (zopa_diagram_error_quark ())
GQuark zopa_diagram_error_quark (void);

typedef enum {
  ZOPA_DIAGRAM_ERROR_UNKNOWN_DRAFT,   /* a shown draft id the scenario does not have */
  ZOPA_DIAGRAM_ERROR_INVALID,         /* a size that is not positive and finite, … */
  ZOPA_DIAGRAM_ERROR_FAILED,          /* cairo could not write the output */
} ZopaDiagramError;

typedef enum {
  ZOPA_DIAGRAM_VIEW_VENN,
  ZOPA_DIAGRAM_VIEW_ISSUE_MAP,
  ZOPA_DIAGRAM_VIEW_BARGAINING,     /* the utility space of two actors */
} ZopaDiagramView;

typedef enum {
  ZOPA_DIAGRAM_MODE_SCHEMATIC,      /* every region drawn, equal-ish areas */
  ZOPA_DIAGRAM_MODE_PROPORTIONAL,   /* areas fitted to the number of deals */
} ZopaDiagramMode;

typedef enum {
  ZOPA_DIAGRAM_THEME_LIGHT,
  ZOPA_DIAGRAM_THEME_DARK,
} ZopaDiagramTheme;

typedef enum {
  ZOPA_DIAGRAM_BACKGROUND_OPAQUE,
  ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT,   /* nothing painted behind the diagram */
} ZopaDiagramBackground;

/* The parts around the diagram itself. An on-screen view may drop the title and source
 * line (the window shows them elsewhere); exports keep them all. */
typedef enum {
  ZOPA_DIAGRAM_FRAME_NONE   = 0,
  ZOPA_DIAGRAM_FRAME_TITLE  = 1 << 0,   /* title and the variant line */
  ZOPA_DIAGRAM_FRAME_LEGEND = 1 << 1,
  ZOPA_DIAGRAM_FRAME_SOURCE = 1 << 2,
  ZOPA_DIAGRAM_FRAME_ALL    = 0x7,
} ZopaDiagramFrame;

typedef enum {
  ZOPA_DIAGRAM_FORMAT_PNG,
  ZOPA_DIAGRAM_FORMAT_SVG,
  ZOPA_DIAGRAM_FORMAT_PDF,
} ZopaDiagramFormat;

/* GTypes of the diagram's enums, so that they can be properties (and property actions) with
 * the nicks the CLI and the toolbar use: "venn", "issue-map", "bargaining"; "schematic", "proportional". */
#define ZOPA_TYPE_DIAGRAM_VIEW (zopa_diagram_view_get_type ())
GType zopa_diagram_view_get_type (void) G_GNUC_CONST;

#define ZOPA_TYPE_DIAGRAM_MODE (zopa_diagram_mode_get_type ())
GType zopa_diagram_mode_get_type (void) G_GNUC_CONST;

G_END_DECLS
