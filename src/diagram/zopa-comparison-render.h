/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-comparison-render.h: the comparison of two drafts as a page — the verdict changes
 * per actor at the top, then the clauses of the two drafts in two aligned columns with
 * their status — drawn onto any cairo_t, and exported as one tall PNG or SVG, or as a PDF
 * of A4 landscape pages.
 *
 * A ZopaComparisonRender lays the page out once for its width (one unit = one pixel on
 * screen, one point in SVG; PDF pages are scaled to A4) and keeps a reference to the
 * (immutable) comparison. Its height follows from the content. Changing the theme or the
 * background needs no new layout.
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "analysis/zopa-comparison.h"
#include "diagram/zopa-diagram.h"

G_BEGIN_DECLS

typedef struct {
  ZopaDiagramTheme      theme;
  ZopaDiagramBackground background;
  /* NULL: "<left title> → <right title>". */
  const char           *title;
  /* The page width, in pixels (points for SVG). */
  double                width;
  /* Leave out the kept clauses. */
  gboolean              only_changes;
  /* Lines of clause text shown at most; 0 for all. */
  int                   max_text_lines;
} ZopaComparisonRenderOptions;

/* Defaults: light, opaque, the drafts' titles, 1280 wide, every clause, all the text. */
void zopa_comparison_render_options_init (ZopaComparisonRenderOptions *options);

/* A4 landscape, in points: the page size of the PDF export. */
#define ZOPA_COMPARISON_PDF_PAGE_WIDTH  841.89
#define ZOPA_COMPARISON_PDF_PAGE_HEIGHT 595.28

#define ZOPA_TYPE_COMPARISON_RENDER (zopa_comparison_render_get_type ())
G_DECLARE_FINAL_TYPE (ZopaComparisonRender, zopa_comparison_render, ZOPA, COMPARISON_RENDER, GObject)

/* Returns NULL with a ZOPA_DIAGRAM_ERROR_INVALID error for a width that is not finite or
 * not between 320 and 16384. */
ZopaComparisonRender *zopa_comparison_render_new   (ZopaComparison                    *comparison,
                                                    const ZopaComparisonRenderOptions *options,
                                                    GError                           **error);

ZopaComparison *zopa_comparison_render_get_comparison (ZopaComparisonRender *self);
double          zopa_comparison_render_get_width      (ZopaComparisonRender *self);
/* The height of the whole content as one page. */
double          zopa_comparison_render_get_height     (ZopaComparisonRender *self);
/* The rows drawn (fewer than the comparison's with only_changes). */
guint           zopa_comparison_render_get_n_rows     (ZopaComparisonRender *self);
void            zopa_comparison_render_set_theme      (ZopaComparisonRender *self,
                                                       ZopaDiagramTheme      theme);
void            zopa_comparison_render_set_background (ZopaComparisonRender *self,
                                                       ZopaDiagramBackground background);

/* Paints the whole content as one page, 0,0 to width,height in cr's user space. */
void            zopa_comparison_render_draw           (ZopaComparisonRender *self,
                                                       cairo_t              *cr);

/* The parts one by one, for a window that shows them in widgets of their own: the header
 * (title, tally, verdicts, issues) with the column headings under it, and each row with the
 * gap above it, each drawn from 0,0 in cr's user space. */
double          zopa_comparison_render_get_header_height (ZopaComparisonRender *self);
void            zopa_comparison_render_draw_header    (ZopaComparisonRender *self,
                                                       cairo_t              *cr);
const ZopaComparisonRow *
                zopa_comparison_render_get_row        (ZopaComparisonRender *self,
                                                       guint                 index);
double          zopa_comparison_render_get_row_height (ZopaComparisonRender *self,
                                                       guint                 index);
void            zopa_comparison_render_draw_row       (ZopaComparisonRender *self,
                                                       cairo_t              *cr,
                                                       guint                 index);

/* Pages of page_height (in page units, at the render's width): the header on the first,
 * the column headings on every one, rows never cut unless one is taller than a page, and
 * a footer with the page number. */
guint           zopa_comparison_render_get_n_pages    (ZopaComparisonRender *self,
                                                       double                page_height);
void            zopa_comparison_render_draw_page      (ZopaComparisonRender *self,
                                                       cairo_t              *cr,
                                                       double                page_height,
                                                       guint                 page);

/* PNG (width × scale pixels wide, one tall image) and SVG (one tall page), or PDF: A4
 * landscape pages, the content scaled to the page width (scale is ignored for SVG and
 * PDF). */
GBytes         *zopa_comparison_render_export_bytes   (ZopaComparisonRender *self,
                                                       ZopaDiagramFormat     format,
                                                       double                scale,
                                                       GError              **error);
/* Through an atomic replace. */
gboolean        zopa_comparison_render_export_file    (ZopaComparisonRender *self,
                                                       GFile                *file,
                                                       ZopaDiagramFormat     format,
                                                       double                scale,
                                                       GCancellable         *cancellable,
                                                       GError              **error);

G_END_DECLS
