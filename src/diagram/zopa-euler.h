/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-euler.h: Euler/Venn diagram geometry — exact region areas, area-proportional
 * fitting, schematic Venn layouts and region geometry for drawing.
 *
 * Conventions shared by every function here:
 *
 * - A diagram is an array of n shapes (1 ≤ n ≤ ZOPA_EULER_MAX_SETS), shape k standing for set k.
 * - Regions are indexed by a bit mask: bit k set means "inside set k". Region `mask` is the
 *   disjoint (exclusive) part: inside every set of mask and outside every other set. Arrays of
 *   regions have 1 << n entries; entry 0 (outside everything) is unused and always 0.
 * - Shapes live in a plain Cartesian plane; angles are in radians, counted from the +x axis
 *   towards the +y axis. Drawing code maps that plane onto the page with the cairo transform of
 *   its choice (a y flip only mirrors the picture).
 * - A shape with a ≤ 0 or b ≤ 0 (or non-finite values) is empty: it encloses nothing.
 * - Everything is deterministic: the same input gives the same output, bit for bit.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

#define ZOPA_EULER_MAX_SETS    6
#define ZOPA_EULER_MAX_REGIONS (1u << ZOPA_EULER_MAX_SETS)

/* An ellipse with centre (x, y), semi-axes a (along direction phi) and b; a circle has a == b
 * (and phi 0). */
typedef struct {
  double x;
  double y;
  double a;
  double b;
  double phi;
} ZopaEllipse;

typedef enum {
  ZOPA_EULER_SHAPE_CIRCLE,
  ZOPA_EULER_SHAPE_ELLIPSE,
} ZopaEulerShape;

/* ---- Exact areas ------------------------------------------------------------------------ */

/* Fills areas[0 .. (1 << n) − 1] with the exact area of every disjoint region (areas[0] = 0).
 * Robust to tangency, containment, coincident shapes and tiny overlaps. Returns FALSE (and
 * leaves areas untouched) only when n is out of range. */
gboolean zopa_euler_region_areas   (const ZopaEllipse *shapes,
                                    guint              n,
                                    double            *areas);

/* The set mask of the shapes that contain the point (x, y); points on an edge may go either
 * way. */
guint    zopa_euler_point_mask     (const ZopaEllipse *shapes,
                                    guint              n,
                                    double             x,
                                    double             y);

/* The bounding box of the union of the shapes; FALSE when every shape is empty. */
gboolean zopa_euler_bounds         (const ZopaEllipse *shapes,
                                    guint              n,
                                    double            *x0,
                                    double            *y0,
                                    double            *x1,
                                    double            *y1);

/* ---- Goodness of fit (definitions in bench/README.md) ---------------------------------- */

/* Wilkinson's stress: Σ (A_i − β ω_i)² / Σ A_i², β = Σ A_i ω_i / Σ ω_i². */
double   zopa_euler_stress         (const double *wanted,
                                    const double *fitted,
                                    guint         n);

/* Micallef & Rodgers' diagError: max_i | A_i / Σ A − ω_i / Σ ω |. */
double   zopa_euler_diag_error     (const double *wanted,
                                    const double *fitted,
                                    guint         n);

/* ---- Area-proportional fitting ---------------------------------------------------------- */

/* A region is visible when its area is more than this share of the total area; the fit keeps
 * every wanted region visible where it can, and every region wanted empty below it. */
#define ZOPA_EULER_VISIBLE_SHARE 1e-4

typedef struct {
  guint          n;
  ZopaEulerShape shape;
  /* The fitted shapes, in the units of the wanted sizes (their areas add up to about Σ wanted).
   * A set whose wanted regions are all 0 gets an empty shape (a = b = 0). */
  ZopaEllipse    shapes[ZOPA_EULER_MAX_SETS];
  /* Exact disjoint areas of the fitted shapes, indexed like the wanted sizes. */
  double         areas[ZOPA_EULER_MAX_REGIONS];
  double         stress;
  double         diag_error;
  /* Bit r is set when region r was wanted (> 0) but is not visible in the fit (missing), or
   * was wanted empty but is visible (extra); see ZOPA_EULER_VISIBLE_SHARE. */
  guint64        missing_regions;
  guint64        extra_regions;
  /* The largest ratio of major to minor axis among the fitted shapes (1 for circles). */
  double         axis_ratio;
} ZopaEulerFit;

/* The default and the smallest bound on an ellipse's axis ratio: long thin ellipses fit
 * areas but make unreadable pictures. */
#define ZOPA_EULER_DEFAULT_MAX_AXIS_RATIO 8.0
#define ZOPA_EULER_MIN_AXIS_RATIO         1.01

typedef struct {
  /* No fitted ellipse has a major axis more than this times its minor axis (the fit stays
   * strictly below it); at least ZOPA_EULER_MIN_AXIS_RATIO. */
  double max_axis_ratio;
} ZopaEulerFitOptions;

/* Fits n circles or ellipses to the wanted disjoint region sizes wanted[0 .. (1 << n) − 1]
 * (wanted[0] is ignored; a region left at 0 must stay empty). Returns FALSE with @error set
 * (G_IO_ERROR_INVALID_ARGUMENT) when n is out of range or a size is negative, non-finite, or
 * all sizes are 0. */
gboolean zopa_euler_fit            (const double   *wanted,
                                    guint           n,
                                    ZopaEulerShape  shape,
                                    ZopaEulerFit   *result,
                                    GError        **error);

/* zopa_euler_fit with options (NULL for the defaults); also fails when an option is out of
 * range. */
gboolean zopa_euler_fit_with_options (const double              *wanted,
                                      guint                      n,
                                      ZopaEulerShape             shape,
                                      const ZopaEulerFitOptions *options,
                                      ZopaEulerFit              *result,
                                      GError                   **error);

/* ---- Schematic Venn layouts ------------------------------------------------------------- */

/* Writes n shapes (1 ≤ n ≤ 6) of a schematic Venn diagram: one circle; two and three
 * symmetric circles; the classic four-ellipse diagram (mirror-symmetric); a five-ellipse
 * diagram with 72° rotational symmetry. Six ellipses cannot make a Venn diagram (they cross
 * in at most 60 points, a simple Venn diagram of six curves needs 62), so for six sets this
 * is a best-effort layout of six ellipses in which most regions exist (52 of 63). The union
 * fits the square [−1, 1] × [−1, 1], touching it, centred on the origin (for five sets: its
 * centre of rotation at the origin). Returns the mask set of the regions that exist
 * (bit r for region r, those with more than 1e-6 of the total area), or 0 when n is out of
 * range. */
guint64  zopa_venn_layout_schematic (guint        n,
                                     ZopaEllipse *shapes);

/* ---- Region geometry for drawing -------------------------------------------------------- */

/* Appends the outline of region mask to the current path of cr, as closed sub-paths of
 * elliptical arcs (holes included, oriented so that both fill rules give the region). The
 * shapes are in user-space units of cr. Returns FALSE (appending nothing) when the region is
 * empty. */
gboolean zopa_euler_region_append_path   (cairo_t           *cr,
                                          const ZopaEllipse *shapes,
                                          guint              n,
                                          guint              mask);

/* The pole of inaccessibility of region mask: the interior point farthest from its edges,
 * written to (x, y), and that distance to radius. With several disjoint pieces, the piece
 * holding the farthest point wins. Returns FALSE when the region is empty. */
gboolean zopa_euler_region_label_point   (const ZopaEllipse *shapes,
                                          guint              n,
                                          guint              mask,
                                          double            *x,
                                          double            *y,
                                          double            *radius);

/* Places k markers (discs of one radius) inside region mask, side by side: each disc lies
 * inside the region and no two discs overlap. Writes the centres to xy[0 .. 2k − 1]
 * (x0, y0, x1, y1, …) and the common radius to radius, as large as the method finds. Returns
 * FALSE when the region is empty or k is 0. */
gboolean zopa_euler_region_place_markers (const ZopaEllipse *shapes,
                                          guint              n,
                                          guint              mask,
                                          guint              k,
                                          double            *xy,
                                          double            *radius);

G_END_DECLS
