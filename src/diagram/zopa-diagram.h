/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram.h: the one renderer of Zopa's diagrams — the Venn/Euler view of the
 * actors' acceptable-deal sets and the issue map — drawn onto any cairo_t (widget
 * snapshot, PNG, SVG, PDF, printing, clipboard), with hit-testing and descriptions for
 * hover, tooltips, keyboard focus and accessibility.
 *
 * A ZopaDiagram is built from a scenario and an analysis of it (the analysis decides the
 * variant and the shown actors) and computes its whole layout once: shapes, labels,
 * markers, legend, all in the page coordinates of its size (one unit = one pixel on
 * screen, one point in SVG/PDF). zopa_diagram_draw() then only paints. It copies what it
 * needs from the scenario and keeps a reference to the (immutable) analysis, so it stays
 * valid while the scenario is edited: after an edit build a new analysis and a new
 * diagram. Changing the size, theme, background or highlight does not redo the fit.
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "model/zopa-scenario.h"
#include "analysis/zopa-analysis.h"
#include "analysis/zopa-pareto.h"
#include "diagram/zopa-diagram-types.h"
#include "diagram/zopa-euler.h"

G_BEGIN_DECLS

typedef struct {
  ZopaDiagramView       view;
  ZopaDiagramMode       mode;         /* Venn view only */
  ZopaDiagramTheme      theme;
  ZopaDiagramBackground background;
  ZopaDiagramFrame      frame;
  /* The shown drafts, by id, in the order given; NULL shows every draft in scenario
   * order, an empty array none. */
  const char * const   *draft_ids;
  /* NULL: the scenario's title. */
  const char           *title;
  /* The line under the title that states the finding. NULL: what the diagram finds about
   * the shown actors (the pair in the bargaining view), e.g. "No deal is acceptable to all
   * four"; "": none. */
  const char           *headline;
  /* Bargaining view: the ids of its two actors, among the analysis's shown actors; NULL:
   * the first two shown. */
  const char           *actor_pair[2];
  /* The page size, in pixels (points for SVG/PDF). */
  double                width;
  double                height;
} ZopaDiagramOptions;

/* Defaults: Venn, schematic, light, opaque, every frame part, all drafts, 1920 × 1080. */
void zopa_diagram_options_init (ZopaDiagramOptions *options);

/* What is under a point, or one focusable item. Fields that do not apply are -1 (0 for
 * mask). */
typedef enum {
  ZOPA_DIAGRAM_ITEM_NONE,
  ZOPA_DIAGRAM_ITEM_REGION,   /* Venn: mask = the group that exactly accepts (0 = no one) */
  ZOPA_DIAGRAM_ITEM_DRAFT,    /* a marker or legend entry: draft = analysis draft index;
                               * issue = the issue-map row of the marker, else -1 */
  ZOPA_DIAGRAM_ITEM_ACTOR,    /* an actor's name or legend entry: actor = shown actor index */
  ZOPA_DIAGRAM_ITEM_ISSUE,    /* issue map: a row title */
  ZOPA_DIAGRAM_ITEM_OPTION,   /* issue map: one cell, issue and option */
  ZOPA_DIAGRAM_ITEM_FRONTIER, /* bargaining: option = index of a point of the Pareto
                               * frontier, of the deals neither actor rules out (mask 1)
                               * or of every deal (mask 0) */
} ZopaDiagramItemKind;

typedef struct {
  ZopaDiagramItemKind kind;
  guint               mask;
  int                 draft;
  int                 actor;
  int                 issue;
  int                 option;
} ZopaDiagramItem;

/* Sets item to ZOPA_DIAGRAM_ITEM_NONE with every field "not applicable". */
void     zopa_diagram_item_init  (ZopaDiagramItem       *item);
gboolean zopa_diagram_item_equal (const ZopaDiagramItem *a,
                                  const ZopaDiagramItem *b);


#define ZOPA_TYPE_DIAGRAM (zopa_diagram_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDiagram, zopa_diagram, ZOPA, DIAGRAM, GObject)

/* The analysis must be one of this scenario. Returns NULL with error set for an unknown
 * draft id or a bad size. */
ZopaDiagram  *zopa_diagram_new             (ZopaScenario             *scenario,
                                            ZopaAnalysis             *analysis,
                                            const ZopaDiagramOptions *options,
                                            GError                  **error);

/* The slow part of zopa_diagram_new() that depends only on the analysis and the view: the
 * proportional fit of the Venn view, the frontier of the bargaining view (other views and
 * modes have none). Call it on a worker thread once the analysis is solved; a
 * zopa_diagram_new() with the same analysis and options then finds it done (recent fits
 * and each analysis's frontiers are kept). Errors are left for zopa_diagram_new() to
 * report. */
void          zopa_diagram_prepare         (ZopaAnalysis             *analysis,
                                            const ZopaDiagramOptions *options,
                                            GCancellable             *cancellable);
/* Whether zopa_diagram_new() with these options would find its slow part done. */
gboolean      zopa_diagram_is_prepared     (ZopaAnalysis             *analysis,
                                            const ZopaDiagramOptions *options);

ZopaAnalysis *zopa_diagram_get_analysis    (ZopaDiagram *self);
ZopaDiagramView zopa_diagram_get_view      (ZopaDiagram *self);
ZopaDiagramMode zopa_diagram_get_mode      (ZopaDiagram *self);
/* The line under the title that states the finding; NULL: none. */
const char   *zopa_diagram_get_headline    (ZopaDiagram *self);
double        zopa_diagram_get_width       (ZopaDiagram *self);
double        zopa_diagram_get_height      (ZopaDiagram *self);

/* Lays the page out again at a new size (no refit of the Euler shapes). */
void          zopa_diagram_set_size        (ZopaDiagram *self,
                                            double       width,
                                            double       height);
void          zopa_diagram_set_theme       (ZopaDiagram *self,
                                            ZopaDiagramTheme theme);
void          zopa_diagram_set_background  (ZopaDiagram *self,
                                            ZopaDiagramBackground background);

/* Paints the whole page, 0,0 to width,height in the user space of cr (scale cr for a
 * denser output). Leaves cr's state as it was. */
void          zopa_diagram_draw            (ZopaDiagram *self,
                                            cairo_t     *cr);

/* ---- Interaction ------------------------------------------------------------------- */

/* Drawn with a hover highlight; NULL or a NONE item for none. */
void          zopa_diagram_set_highlight   (ZopaDiagram           *self,
                                            const ZopaDiagramItem *item);
/* Drawn with a focus ring; NULL or a NONE item for none. */
void          zopa_diagram_set_focus       (ZopaDiagram           *self,
                                            const ZopaDiagramItem *item);
/* The item with the focus ring; FALSE (and a NONE item) for none. */
gboolean      zopa_diagram_get_focus       (ZopaDiagram           *self,
                                            ZopaDiagramItem       *item);
/* Regions (Venn masks over the shown actors, 0 = no one) and drafts (analysis draft
 * indices) drawn with an emphasis: an accent tint and outline, a ring round the marker.
 * Replaces the previous ones; 0/NULL clears. Masks and drafts not drawn are ignored. */
void          zopa_diagram_set_emphasis    (ZopaDiagram *self,
                                            const guint *region_masks,
                                            guint        n_regions,
                                            const guint *draft_indices,
                                            guint        n_drafts);
/* Whether a region or draft item is in the emphasis. */
gboolean      zopa_diagram_is_emphasized   (ZopaDiagram           *self,
                                            const ZopaDiagramItem *item);
/* The selected draft (analysis draft index), drawn in the accent colour; -1 for none. */
void          zopa_diagram_set_selected_draft (ZopaDiagram *self,
                                               int          draft);
int           zopa_diagram_get_selected_draft (ZopaDiagram *self);

/* What is at (x, y) in page coordinates; FALSE (and a NONE item) when nothing is. Markers
 * win over regions, so a click on a marker selects its draft. */
gboolean      zopa_diagram_hit_test        (ZopaDiagram     *self,
                                            double           x,
                                            double           y,
                                            ZopaDiagramItem *item);

/* The focusable items in keyboard order (drafts, then regions or issues), each with a
 * bounding box in page coordinates for scrolling and the focus ring. */
guint         zopa_diagram_get_n_focus_items (ZopaDiagram *self);
gboolean      zopa_diagram_get_focus_item  (ZopaDiagram       *self,
                                            guint              position,
                                            ZopaDiagramItem   *item,
                                            cairo_rectangle_t *bounds);
/* The bounding box of any item (marker, region, legend entry, cell); FALSE when the item
 * is not drawn. */
gboolean      zopa_diagram_get_item_bounds (ZopaDiagram           *self,
                                            const ZopaDiagramItem *item,
                                            cairo_rectangle_t     *bounds);

/* A translated, plain-text explanation of an item, several lines, for a tooltip or an
 * accessible description: for a region who accepts and how many deals; for a draft each
 * actor's verdict and the red lines it crosses, and its open issues. */
char         *zopa_diagram_describe        (ZopaDiagram           *self,
                                            const ZopaDiagramItem *item);
/* A translated summary of the whole picture, for the accessible description of the view. */
char         *zopa_diagram_describe_summary (ZopaDiagram *self);

/* ---- Geometry, for tests and overlays -------------------------------------------------- */

/* The marks the legend explains, each only when the picture shows it. */
typedef enum {
  ZOPA_DIAGRAM_MARK_EMPTY,                   /* hatched region: no deal in any reading */
  ZOPA_DIAGRAM_MARK_EMPTY_IN_SOME_READINGS,  /* dotted region, dashed edge, count from–to */
  ZOPA_DIAGRAM_MARK_OPEN_ISSUES,             /* hollow marker in a dashed ring (issue map: open cell) */
  ZOPA_DIAGRAM_MARK_ASSUMPTIONS,             /* ring of dots: a verdict hinges on assumptions */
  ZOPA_DIAGRAM_MARK_OUTSIDE,                 /* marker outside the frame, with a leader line */
  ZOPA_DIAGRAM_MARK_UNCOUNTED,               /* a region's count, listed for want of room */
} ZopaDiagramMark;

/* Whether the legend has a visible entry for mark. */
gboolean      zopa_diagram_legend_explains (ZopaDiagram     *self,
                                            ZopaDiagramMark  mark);
/* The actors and drafts the legend has no room for; its last line says "and N more". */
guint         zopa_diagram_get_legend_n_left_out (ZopaDiagram *self);
/* The shown drafts, as analysis draft indices, in legend order. */
const guint  *zopa_diagram_get_shown_drafts (ZopaDiagram *self,
                                             guint       *n_drafts);
/* Venn view: the shapes of the shown actors in page coordinates (an actor whose set is
 * empty in a proportional fit has an empty shape); NULL for the issue map. */
const ZopaEllipse *zopa_diagram_get_shapes (ZopaDiagram *self,
                                            guint       *n_shapes);
/* Venn view: the shapes, in page coordinates, that region mask is drawn, counted and marked
 * among: those of the magnified inset for a region shown there, else those of
 * zopa_diagram_get_shapes(). */
const ZopaEllipse *zopa_diagram_get_region_shapes (ZopaDiagram *self,
                                                   guint        mask,
                                                   guint       *n_shapes);
/* Proportional Venn view: the magnified inset of a cluster of sets too small to read at the
 * overview's scale: its frame, the part of the overview it magnifies (both in page
 * coordinates), the magnification stated on the page and its caption's box. FALSE when the
 * page has no inset. */
gboolean      zopa_diagram_get_inset       (ZopaDiagram       *self,
                                            cairo_rectangle_t *frame,
                                            cairo_rectangle_t *source,
                                            double            *magnification,
                                            cairo_rectangle_t *caption);
/* Venn view: whether region mask has an area on the page (0: the area outside every
 * shape inside the frame of all deals). */
gboolean      zopa_diagram_region_is_drawn (ZopaDiagram *self,
                                            guint        mask);
/* Venn view: whether the region's count (or "no deal") is drawn in it. */
gboolean      zopa_diagram_region_has_count (ZopaDiagram *self,
                                             guint        mask);
/* Venn view: the one marker of a shown draft: centre and radius in page coordinates, and
 * mask, the region it is drawn in: the actors that accept it; for a draft with open issues
 * (a hollow marker in a dashed ring), the most of the actors that may accept it that share a
 * deal, which holds every actor that accepts it however the issues are settled (0, outside
 * every shape, only when no actor may accept it or no such region holds a deal). outside =
 * TRUE when that region has no area and the marker stands below the frame with a leader line.
 * FALSE when the draft is not shown.
 * Bargaining view: the marker at the middle of its scores, mask the shown actors that
 * accept it, outside FALSE. */
gboolean      zopa_diagram_get_draft_marker (ZopaDiagram *self,
                                             guint        draft,
                                             double      *x,
                                             double      *y,
                                             double      *radius,
                                             guint       *mask,
                                             gboolean    *outside);

/* Venn view: the label beside a shown draft's marker, in page coordinates, and whether its
 * text had to be cut for want of room. FALSE when the draft has no label. */
gboolean      zopa_diagram_get_draft_label (ZopaDiagram       *self,
                                            guint              draft,
                                            cairo_rectangle_t *bounds,
                                            gboolean          *cut);

/* Bargaining view: the two actors (shown actor indices); FALSE in the other views. */
gboolean      zopa_diagram_get_actor_pair  (ZopaDiagram *self,
                                            guint       *a,
                                            guint       *b);
/* Bargaining view: its utility space; NULL in the other views, or when it has no picture
 * (fewer than two shown actors, an actor without a score, the time limit ran out). */
const ZopaPareto *zopa_diagram_get_pareto  (ZopaDiagram *self);
/* Bargaining view: where a pair of scores (0..100 each) lies on the page; FALSE when it
 * has no picture. */
gboolean      zopa_diagram_score_to_page   (ZopaDiagram *self,
                                            double       score_a,
                                            double       score_b,
                                            double      *x,
                                            double      *y);

/* ---- Export ----------------------------------------------------------------------------- */

/* From the extension (.png, .svg, .pdf, any case); FALSE for anything else. */
gboolean      zopa_diagram_format_from_filename (const char        *filename,
                                                 ZopaDiagramFormat *format);
/* The page as a file's bytes. PNG has width × scale by height × scale pixels; SVG and
 * PDF are width × height points (scale is ignored). */
GBytes       *zopa_diagram_export_bytes    (ZopaDiagram       *self,
                                            ZopaDiagramFormat  format,
                                            double             scale,
                                            GError           **error);
/* Writes the export through an atomic replace. */
gboolean      zopa_diagram_export_file     (ZopaDiagram       *self,
                                            GFile             *file,
                                            ZopaDiagramFormat  format,
                                            double             scale,
                                            GCancellable      *cancellable,
                                            GError           **error);

G_END_DECLS
