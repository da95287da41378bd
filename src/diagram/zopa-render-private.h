/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-render-private.h: what the diagram (zopa-diagram*.c) and the comparison page
 * (zopa-comparison-render.c) draw and write the same way: colours, text, export. */
#pragma once

#include <pango/pangocairo.h>

#include "diagram/zopa-diagram.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} ZopaRgba;

/* An opaque colour from 0xRRGGBB. */
ZopaRgba      zopa_rgba_from_hex            (guint              hex);
/* Reads "#rrggbb" into color; anything else leaves it as it was and returns FALSE. */
gboolean      zopa_rgba_parse               (const char        *text,
                                             ZopaRgba          *color);

/* The colours every page shares, from the GNOME palette, light or dark. */
typedef enum {
  ZOPA_PAGE_TEXT,
  ZOPA_PAGE_DIM,          /* secondary text */
  ZOPA_PAGE_FAINT,        /* frames, grid lines */
  ZOPA_PAGE_BACKGROUND,
} ZopaPageColor;

ZopaRgba      zopa_render_page_color        (ZopaDiagramTheme   theme,
                                             ZopaPageColor      color);

/* A Pango context with unhinted metrics, so text measures the same on screen, in PNG,
 * SVG and PDF: what is exported is what is seen. */
PangoContext *zopa_render_pango_context_new (void);

/* A layout in the page's font at size pixels. With max_width > 0 it wraps there; with
 * max_lines > 0 as well it is cut to that many lines with an ellipsis. */
PangoLayout  *zopa_render_layout_new        (PangoContext      *context,
                                             const char        *text,
                                             double             size,
                                             PangoWeight        weight,
                                             gboolean           italic,
                                             double             max_width,
                                             int                max_lines);

/* What an export writes: a page of width × height (pixels before the PNG scale, points
 * for SVG), and the page size of a PDF, which may differ (the comparison uses A4). */
typedef struct {
  double                width;
  double                height;
  double                pdf_width;
  double                pdf_height;
  ZopaDiagramBackground background;   /* transparent: PNG keeps an alpha channel */
  const char           *title;        /* PDF metadata */
} ZopaRenderTarget;

/* Draws onto cr, already scaled for PNG; for PDF it may show several pages. */
typedef void (*ZopaRenderDrawFunc) (cairo_t           *cr,
                                    ZopaDiagramFormat  format,
                                    gpointer           user_data);

GBytes       *zopa_render_export_bytes      (const ZopaRenderTarget *target,
                                             ZopaDiagramFormat       format,
                                             double                  scale,
                                             ZopaRenderDrawFunc      draw,
                                             gpointer                user_data,
                                             GError                **error);
/* zopa_render_export_bytes() written to file through zopa_render_replace_file(). */
gboolean      zopa_render_export_file       (const ZopaRenderTarget *target,
                                             GFile                  *file,
                                             ZopaDiagramFormat       format,
                                             double                  scale,
                                             ZopaRenderDrawFunc      draw,
                                             gpointer                user_data,
                                             GCancellable           *cancellable,
                                             GError                **error);
/* Writes bytes through an atomic replace. */
gboolean      zopa_render_replace_file      (GFile             *file,
                                             GBytes            *bytes,
                                             GCancellable      *cancellable,
                                             GError           **error);

G_END_DECLS
