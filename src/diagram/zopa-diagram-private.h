/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-private.h: what the files of the renderer share (zopa-diagram.c: object,
 * frame, legend, descriptions, export; zopa-diagram-venn.c and zopa-diagram-venn-draw.c;
 * zopa-diagram-issue-map.c). */
#pragma once

#include <pango/pangocairo.h>

#include "analysis/zopa-format.h"
#include "diagram/zopa-diagram.h"
#include "diagram/zopa-render-private.h"

G_BEGIN_DECLS

/* The colour a piece of text or a stroke takes, resolved against the theme at draw time,
 * so that switching themes needs no new layout. */
typedef enum {
  ZOPA_INK_TEXT,          /* primary text */
  ZOPA_INK_DIM,           /* secondary text */
  ZOPA_INK_FAINT,         /* frames, grid lines */
  ZOPA_INK_HATCH,         /* empty regions: hatching and their label */
  ZOPA_INK_ACCENT,        /* selection */
  ZOPA_INK_ACTOR,         /* the actor's colour, made readable on the background */
  ZOPA_INK_BACKGROUND,
} ZopaInk;

/* A laid-out piece of text at a place on the page. */
typedef struct {
  PangoLayout *layout;
  double       x, y;      /* top left of the logical box */
  double       w, h;
  ZopaInk      ink;
  int          actor;     /* for ZOPA_INK_ACTOR */
  gboolean     plate;     /* a background-coloured plate behind it, for legibility */
} ZopaText;

typedef struct {
  char     *id;
  char     *name;
  ZopaRgba  color;
} ZopaDiagramActor;

typedef enum {
  ZOPA_MARKER_FILLED,     /* no open issue: exactly these actors accept it */
  ZOPA_MARKER_HOLLOW,     /* open issues: the verdicts depend on how they are settled */
} ZopaMarkerStyle;

typedef struct {
  guint     draft;        /* analysis index */
  char     *title;
  char     *number;       /* "1", "2", … as drawn in the marker */
  int       parent;       /* shown index of the draft it derives from, or -1 */
  guint     accepting;
  guint     possible;
  gboolean  open;         /* has open issues and accepting != possible */
  gboolean  on_assumptions; /* a verdict hinges on an uncertain value: a ring of dots */

  /* Venn layout: one marker per draft. */
  double    x, y, r;
  guint     mask;         /* the region it stands in: accepting; for an open draft, the
                           * region of the most actors that may accept it and share a deal */
  gboolean  outside;      /* its region has no area: outside, with a leader line */
  double    leader_x, leader_y;
  gboolean  has_label;
  ZopaText  label;
  gboolean  emphasized;   /* picked out by zopa_diagram_set_emphasis() */
} ZopaDiagramDraft;

typedef struct {
  gboolean  drawn;        /* has an area on the page */
  gboolean  markable;     /* large enough to hold markers */
  gboolean  empty;        /* no deal in any reading of the assumptions: hatched */
  gboolean  maybe_empty;  /* no deal in some readings only: dotted, dashed edge */
  double    count_low;    /* deals in every reading, and in some reading */
  double    count_high;
  gboolean  count_exact;
  double    lx, ly, lr;   /* label point and its clearance */
  gboolean  has_count;
  ZopaText  count;
  gboolean  has_share;
  ZopaText  share;
} ZopaDiagramRegion;

typedef enum {
  ZOPA_LEGEND_HEADING,
  ZOPA_LEGEND_ACTOR,
  ZOPA_LEGEND_DRAFT,
  ZOPA_LEGEND_KEY_EMPTY,
  ZOPA_LEGEND_KEY_HOLLOW,
  ZOPA_LEGEND_KEY_OUTSIDE,
  ZOPA_LEGEND_KEY_COMMON,
  ZOPA_LEGEND_KEY_MAYBE_EMPTY,
  ZOPA_LEGEND_KEY_ASSUMPTIONS,
  ZOPA_LEGEND_KEY_COUNTS,  /* the counts of regions with no room for them */
  ZOPA_LEGEND_MORE,       /* "and N more", in place of the entries with no room */
} ZopaLegendKind;

typedef struct {
  ZopaLegendKind kind;
  int            index;   /* actor index, shown draft index */
  gboolean       hidden;  /* no room on a very small page */
  ZopaText       text;
  gboolean       has_sub;
  ZopaText       sub;
  double         sx, sy, ss;   /* swatch centre and size */
  cairo_rectangle_t bounds;
} ZopaLegendEntry;

/* Issue map cell geometry of one issue row. */
typedef struct {
  ZopaText   title;
  gboolean   has_note;
  ZopaText   note;         /* "no option all accept" */
  double     y0, y1;       /* the row band */
  double     x0, x1;       /* the option cells span */
  double     band_y;       /* top of the first actor band */
  double     marker_y;     /* centre line of the draft markers */
  guint      n_options;
  double    *cell_x;       /* n_options + 1 edges */
  ZopaText  *options;      /* n_options labels */
  guint      common;       /* bit o: every shown actor accepts option o */
} ZopaIssueRow;

typedef struct {
  int    shown;            /* shown draft index */
  int    issue;
  double x, y;
  gboolean open;
} ZopaIssueMarker;

/* Where a storyboard pins a page's view (zopa_diagram_pin()). */
typedef struct {
  cairo_rectangle_t body;           /* where the view draws, inside the page's own body */
  gboolean          reserve_shelf;  /* Venn: room for the shelf of outside markers, needed or not */
  guint             open_columns;   /* issue map: room for at least this many open markers */
  guint             inset_growth;   /* Venn: the inset's panel grown at least this many steps */
} ZopaDiagramPin;

/* Proportional Venn view: a cluster of sets too small to read at the overview's scale,
 * redrawn magnified in the frame's free space (zopa-diagram-inset.c). */
typedef struct {
  guint64            regions;        /* bit m: region m is counted and marked in the inset */
  double             window[4];      /* the magnified part: x0, y0, x1, y1 in base units */
  double             need;           /* the magnification its smallest region asks for */
  gboolean           active;         /* laid out on this page */
  guint              growth;         /* steps its panel grew for markers that did not fit */
  double             magnification;  /* as stated on the page */
  cairo_rectangle_t  source;         /* the window on the overview, on the page */
  cairo_rectangle_t  frame;          /* where the inset is drawn */
  double             map_s, map_x, map_y;   /* base shapes → inset */
  ZopaEllipse        shapes[ZOPA_EULER_MAX_SETS];
  ZopaText           caption;
} ZopaVennInset;

/* The bargaining view's state (zopa-diagram-bargaining.c). */
typedef struct _ZopaBargaining ZopaBargaining;

struct _ZopaDiagram {
  GObject parent_instance;

  ZopaAnalysis          *analysis;
  ZopaDiagramView        view;
  ZopaDiagramMode        mode;
  ZopaDiagramTheme       theme;
  ZopaDiagramBackground  background;
  ZopaDiagramFrame       frame;
  char                  *title;
  char                  *headline;   /* NULL: none */
  char                  *scenario_title;
  double                 width, height;

  guint                  n_actors;
  ZopaDiagramActor       actors[ZOPA_EULER_MAX_SETS];

  guint                  n_drafts;
  ZopaDiagramDraft      *drafts;
  guint                 *shown_drafts;   /* analysis indices, for the API */

  /* Interaction state */
  ZopaDiagramItem        highlight;
  ZopaDiagramItem        focus;
  int                    selected;        /* analysis draft index or -1 */
  guint64                emphasis_regions; /* bit m: region m is picked out */

  /* Page layout, redone on every size change */
  PangoContext          *pango;
  double                 unit;            /* page scale: 1 at 1920 × 1080 */
  double                 font_body;
  GArray                *texts;           /* ZopaText: title, subtitle, source… */
  cairo_rectangle_t      body;            /* where the view draws */
  GArray                *legend;          /* ZopaLegendEntry */
  cairo_rectangle_t      legend_box;

  /* Venn: the fitted geometry (computed once) and its page mapping */
  ZopaEllipse            base_shapes[ZOPA_EULER_MAX_SETS];
  guint64                base_drawn;      /* regions with an area in the base geometry */
  gboolean               has_fit;
  double                 stress, diag_error;
  ZopaEllipse            shapes[ZOPA_EULER_MAX_SETS];
  double                 map_s, map_x, map_y;   /* base shapes → page */
  ZopaDiagramRegion      regions[ZOPA_EULER_MAX_REGIONS];
  cairo_rectangle_t      universe;        /* the frame of all deals */
  ZopaText               universe_label;
  ZopaText               actor_labels[ZOPA_EULER_MAX_SETS];
  gboolean               has_shelf;
  gboolean               counts_placed;   /* the layout has decided which counts fit */
  cairo_rectangle_t      shelf;           /* outside markers */
  ZopaText               shelf_note;
  double                 marker_r;
  ZopaVennInset          inset;
  gboolean               drawing_inset;   /* shapes holds the inset's while it is drawn */

  /* Issue map */
  guint                  n_rows;
  ZopaIssueRow          *rows;
  GArray                *issue_markers;   /* ZopaIssueMarker */
  ZopaText               open_heading;
  double                 open_x;          /* centre of the "open" column */
  double                 band_h, band_gap;

  /* Bargaining view: its two actors (shown indices) and its frontier and layout */
  guint                  pair[2];
  ZopaBargaining        *bargaining;

  /* A storyboard's shared geometry (zopa_diagram_pin()) */
  gboolean               has_pin;
  ZopaDiagramPin         pin;
  guint                  open_columns;    /* issue map: markers the open column has room for */
};

/* ---- Shared helpers (zopa-diagram.c) ---- */

PangoLayout *zopa_diagram_text_layout   (ZopaDiagram *self,
                                         const char  *text,
                                         double       size,
                                         gboolean     bold,
                                         double       max_width,
                                         int          max_lines);
void         zopa_text_set              (ZopaText    *text,
                                         PangoLayout *layout,
                                         double       x,
                                         double       y,
                                         ZopaInk      ink);
void         zopa_text_clear            (ZopaText    *text);
void         zopa_text_draw             (ZopaDiagram    *self,
                                         cairo_t        *cr,
                                         const ZopaText *text);
ZopaRgba     zopa_diagram_ink           (ZopaDiagram *self,
                                         ZopaInk      ink,
                                         int          actor);
void         zopa_diagram_set_source    (ZopaDiagram *self,
                                         cairo_t     *cr,
                                         ZopaInk      ink,
                                         int          actor,
                                         double       alpha);
void         zopa_diagram_draw_marker   (ZopaDiagram     *self,
                                         cairo_t         *cr,
                                         guint            shown,
                                         double           x,
                                         double           y,
                                         double           r,
                                         ZopaMarkerStyle  style,
                                         gboolean         spread);
/* How far from its centre the marker of d drawn at radius r reaches: its halo, and the rings
 * of open issues and of a verdict on assumptions. */
double       zopa_diagram_marker_reach  (const ZopaDiagramDraft *d,
                                         double                  r);
/* The spread of an open draft in the Venn view: a dashed ring round its marker of radius r. */
void         zopa_diagram_draw_spread   (ZopaDiagram *self,
                                         cairo_t     *cr,
                                         double       x,
                                         double       y,
                                         double       r);
char        *zopa_format_actor_list     (ZopaDiagram *self,
                                         guint        mask);
/* Both verdicts of a draft with open issues, in the words of the legend ("accepted by A; B
 * and C may too, depending on its open issues") or, as_lines, of the description
 * (two lines: who accepts whatever the settlement, who may depending on it). */
char        *zopa_format_open_verdicts  (ZopaDiagram *self,
                                         guint        accepting,
                                         guint        possible,
                                         gboolean     as_lines);
/* An issue's title, else its id; an option's label, else its id. */
const char  *zopa_diagram_issue_title   (ZopaDiagram *self,
                                         guint        issue);
const char  *zopa_diagram_option_label  (ZopaDiagram *self,
                                         guint        issue,
                                         guint        option);
/* Whether cr draws onto SVG, PDF or PostScript (real lines) rather than pixels (tiles). */
gboolean     zopa_cairo_target_is_vector (cairo_t    *cr);
/* Paints one square tile of size device pixels, scale device pixels to a page unit. */
typedef void (*ZopaTilePainter) (ZopaDiagram *self,
                                 cairo_t     *tile,
                                 int          size,
                                 double       scale);
/* A repeating pattern of tiles step page units wide, in whole device pixels of cr. */
cairo_pattern_t *zopa_diagram_tile_pattern (ZopaDiagram     *self,
                                            cairo_t         *cr,
                                            double           step,
                                            ZopaTilePainter  paint);
ZopaRgba     zopa_diagram_rgba_from_hex (const char  *hex);
/* The position of analysis draft index draft among the shown drafts, -1 when not shown. */
int          zopa_diagram_shown_index   (ZopaDiagram *self,
                                         int          draft);

/* The legend (zopa-diagram-legend.c) */
void         zopa_legend_entry_clear    (gpointer     data);
gboolean     zopa_legend_any_outside_marker (ZopaDiagram *self);
/* Whether a region with deals has no room for its count (known once laid out). */
gboolean     zopa_legend_any_uncounted_region (ZopaDiagram *self);
void         zopa_legend_build          (ZopaDiagram *self);
void         zopa_legend_layout         (ZopaDiagram       *self,
                                         cairo_rectangle_t *box,
                                         guint              n_columns);
gboolean     zopa_legend_entry_matches  (ZopaDiagram           *self,
                                         const ZopaLegendEntry *e,
                                         const ZopaDiagramItem *item);
void         zopa_legend_draw           (ZopaDiagram *self,
                                         cairo_t     *cr);

static inline gboolean
zopa_rect_overlaps (const cairo_rectangle_t *a,
                    const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
zopa_rect_contains (const cairo_rectangle_t *r,
                    double                   x,
                    double                   y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

static inline cairo_rectangle_t
zopa_text_rect (const ZopaText *text)
{
  cairo_rectangle_t r = { text->x, text->y, text->w, text->h };
  return r;
}

/* zopa_diagram_new() with its text set in font_map's fonts rather than those of the
 * thread's default font map (NULL: that one). Pango does not lock a font map, so pages laid
 * out on one thread and drawn on another (a storyboard written on a worker) must not share the
 * first thread's. */
ZopaDiagram *zopa_diagram_new_with_font_map (ZopaScenario             *scenario,
                                             ZopaAnalysis             *analysis,
                                             const ZopaDiagramOptions *options,
                                             PangoFontMap             *font_map,
                                             GError                  **error);

/* ---- Geometry shared between pages (used by zopa-storyboard.c) ---- */

/* Lays the page out again with pin's geometry: pages given the same pin show the same
 * actors' shapes, names and frame of all deals (Venn), plot area (bargaining) or grid
 * (issue map) in the same places. NULL: the page's own layout again. A new size
 * (zopa_diagram_set_size()) drops the pin. */
void     zopa_diagram_pin          (ZopaDiagram          *self,
                                    const ZopaDiagramPin *pin);

/* ---- Venn view: fit and layout (zopa-diagram-venn.c) ---- */

gboolean zopa_diagram_venn_fit     (ZopaDiagram *self,
                                    GError     **error);
/* The proportional fit of the regions of the first n shown actors of analysis, made ahead
 * (zopa_diagram_prepare()), and whether it is made. */
gboolean zopa_diagram_venn_prepare_fit (ZopaAnalysis *analysis,
                                        guint         n,
                                        GError      **error);
gboolean zopa_diagram_venn_fit_is_made (ZopaAnalysis *analysis,
                                        guint         n);
void     zopa_diagram_venn_layout  (ZopaDiagram *self);
void     zopa_diagram_venn_clear   (ZopaDiagram *self);

/* ---- Venn view: drawing and hit-testing (zopa-diagram-venn-draw.c) ---- */

void     zopa_diagram_venn_draw    (ZopaDiagram *self,
                                    cairo_t     *cr);
gboolean zopa_diagram_venn_hit     (ZopaDiagram     *self,
                                    double           x,
                                    double           y,
                                    ZopaDiagramItem *item);
gboolean zopa_diagram_venn_region_bounds (ZopaDiagram       *self,
                                          guint              mask,
                                          cairo_rectangle_t *bounds);
void     zopa_diagram_venn_region_path   (ZopaDiagram *self,
                                          cairo_t     *cr,
                                          guint        mask);

/* Draws the shapes: fills, hatching, marks of the readings, emphasis, highlight, outlines. */
void     zopa_diagram_venn_draw_shapes   (ZopaDiagram *self,
                                          cairo_t     *cr);

/* ---- Magnified inset of the proportional Venn view (zopa-diagram-inset.c) ---- */

/* Picks, from the fitted base shapes and the clearance of each region's label point (base
 * units, 0 for none), the cluster of regions too small to read and the window round it; no
 * inset when every region is large enough. */
void     zopa_venn_inset_choose          (ZopaDiagram  *self,
                                          const double *clearance);
/* Whether a cluster was picked: the overview then leaves room for the inset. */
gboolean zopa_venn_inset_wanted          (ZopaDiagram *self);
/* Splits inner (where the overview would go) into the overview and the inset's panel, a
 * column beside it or a row above or below, for shapes of base extent bw × bh; FALSE
 * (overview = inner) without an inset. The panel is larger by inset.growth steps, up to
 * ZOPA_VENN_INSET_MAX_GROWTH, where markers did not fit in the magnified regions. */
#define ZOPA_VENN_INSET_MAX_GROWTH 3
gboolean zopa_venn_inset_split           (ZopaDiagram             *self,
                                          const cairo_rectangle_t *inner,
                                          double                   bw,
                                          double                   bh,
                                          gboolean                 column,
                                          cairo_rectangle_t       *overview,
                                          cairo_rectangle_t       *panel);
/* A column beside a wide frame, a row under (or over) a tall one, unless the other
 * magnifies much more. */
gboolean zopa_venn_inset_prefers_column  (const cairo_rectangle_t *inner);
/* Lays the inset out in panel once the overview's mapping (map_s, map_x, map_y) is final;
 * it stays inactive where the panel has no room for a useful magnification. */
void     zopa_venn_inset_place           (ZopaDiagram             *self,
                                          const cairo_rectangle_t *panel);
void     zopa_venn_inset_clear           (ZopaDiagram *self);
/* Whether region mask is counted and marked in the (active) inset. */
gboolean zopa_venn_inset_has_region      (ZopaDiagram *self,
                                          guint        mask);
/* The page shapes region mask is drawn, counted and marked among, and their mapping from
 * the base shapes. */
const ZopaEllipse *zopa_venn_inset_region_shapes (ZopaDiagram *self,
                                                  guint        mask);
void     zopa_venn_inset_region_map      (ZopaDiagram *self,
                                          guint        mask,
                                          double      *s,
                                          double      *x,
                                          double      *y);
/* The region under (x, y) inside the inset's frame; FALSE outside it. */
gboolean zopa_venn_inset_hit             (ZopaDiagram *self,
                                          double       x,
                                          double       y,
                                          guint       *mask);
void     zopa_venn_inset_draw            (ZopaDiagram *self,
                                          cairo_t     *cr);
/* A line saying that region mask is shown magnified in the inset, if it is. */
void     zopa_venn_inset_describe_region (ZopaDiagram *self,
                                          GString     *out,
                                          guint        mask);
/* A sentence of the page's summary on the inset, if there is one. */
void     zopa_venn_inset_summarise       (ZopaDiagram *self,
                                          GString     *out);

/* ---- Readings of the assumptions (zopa-diagram-readings.c) ---- */

/* Sets on_assumptions and open of a draft with n_open open issues. */
void     zopa_diagram_readings_mark_draft   (ZopaDiagram      *self,
                                             ZopaDiagramDraft *d,
                                             guint             n_open);
/* Sets empty, maybe_empty and the count range of every region. */
void     zopa_diagram_readings_mark_regions (ZopaDiagram *self);
/* The same for regions[1 .. (1 << n) − 1] of the first n shown actors of analysis. */
void     zopa_diagram_regions_from_analysis (ZopaAnalysis      *analysis,
                                             guint              n,
                                             ZopaDiagramRegion *regions);
/* Whether the count of a non-empty region varies over the readings, and it as "0–38". */
gboolean zopa_diagram_region_count_is_range (ZopaDiagram *self,
                                             guint        mask);
char    *zopa_diagram_format_count_range    (ZopaDiagram *self,
                                             guint        mask);
void     zopa_diagram_format_count_bounds   (ZopaDiagram  *self,
                                             guint         mask,
                                             char        **low,
                                             char        **high);
gboolean zopa_diagram_any_maybe_empty_region (ZopaDiagram *self);
gboolean zopa_diagram_any_assumption_marker (ZopaDiagram *self);
/* Fills the current path (and consumes it) with the dots of a region empty in some readings. */
void     zopa_diagram_draw_dots             (ZopaDiagram *self,
                                             cairo_t     *cr);
void     zopa_diagram_draw_maybe_empty      (ZopaDiagram *self,
                                             cairo_t     *cr);
void     zopa_diagram_draw_assumption_ring  (ZopaDiagram *self,
                                             cairo_t     *cr,
                                             double       x,
                                             double       y,
                                             double       r);
/* How far from the centre the ring of dots round a marker of radius r reaches. */
double   zopa_diagram_assumption_ring_reach (double       r);
void     zopa_diagram_describe_region_readings (ZopaDiagram *self,
                                                GString     *out,
                                                guint        mask);
void     zopa_diagram_describe_draft_readings  (ZopaDiagram *self,
                                                GString     *out,
                                                guint        draft);

/* ---- Emphasis (zopa-diagram-emphasis.c) ---- */

/* Venn: the tint of the picked-out regions (under the outlines), then their outlines. */
void     zopa_diagram_draw_emphasis_fill    (ZopaDiagram *self,
                                             cairo_t     *cr);
void     zopa_diagram_draw_emphasis_outline (ZopaDiagram *self,
                                             cairo_t     *cr);
/* A ring behind the marker of shown draft shown when it is picked out. */
void     zopa_diagram_draw_emphasis_halo    (ZopaDiagram *self,
                                             cairo_t     *cr,
                                             guint        shown,
                                             double       x,
                                             double       y,
                                             double       r);

/* ---- Issue map (zopa-diagram-issue-map.c) ---- */

void     zopa_diagram_issue_map_layout (ZopaDiagram *self);
void     zopa_diagram_issue_map_clear  (ZopaDiagram *self);
void     zopa_diagram_issue_map_draw   (ZopaDiagram *self,
                                        cairo_t     *cr);
gboolean zopa_diagram_issue_map_hit    (ZopaDiagram     *self,
                                        double           x,
                                        double           y,
                                        ZopaDiagramItem *item);
gboolean zopa_diagram_issue_map_bounds (ZopaDiagram           *self,
                                        const ZopaDiagramItem *item,
                                        cairo_rectangle_t     *bounds);

/* ---- Bargaining view (zopa-diagram-bargaining.c) ---- */

/* The frontier of shown actors a and b of analysis, computed once and kept with the
 * analysis (any thread); NULL with error as zopa_pareto_new(). */
const ZopaPareto *zopa_diagram_bargaining_pareto (ZopaAnalysis  *analysis,
                                                  guint          a,
                                                  guint          b,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
gboolean zopa_diagram_bargaining_pareto_is_made  (ZopaAnalysis  *analysis,
                                                  guint          a,
                                                  guint          b);
/* Computes the frontier of self->pair (once); FALSE with error for a bad pair. */
gboolean zopa_diagram_bargaining_compute (ZopaDiagram *self,
                                          GError     **error);
void     zopa_diagram_bargaining_free    (ZopaBargaining *bargaining,
                                          guint           n_drafts);
void     zopa_diagram_bargaining_layout  (ZopaDiagram *self);
void     zopa_diagram_bargaining_draw    (ZopaDiagram *self,
                                          cairo_t     *cr);
gboolean zopa_diagram_bargaining_hit     (ZopaDiagram     *self,
                                          double           x,
                                          double           y,
                                          ZopaDiagramItem *item);
gboolean zopa_diagram_bargaining_bounds  (ZopaDiagram           *self,
                                          const ZopaDiagramItem *item,
                                          cairo_rectangle_t     *bounds);
/* The corner and the frontier points, in keyboard order; with items NULL only counts. */
guint    zopa_diagram_bargaining_focus_items (ZopaDiagram     *self,
                                              ZopaDiagramItem *items,
                                              guint            max);
gboolean zopa_diagram_bargaining_describe (ZopaDiagram           *self,
                                           GString               *out,
                                           const ZopaDiagramItem *item);
void     zopa_diagram_bargaining_describe_draft (ZopaDiagram *self,
                                                 GString     *out,
                                                 guint        draft);
char    *zopa_diagram_bargaining_summary (ZopaDiagram *self);

G_END_DECLS
