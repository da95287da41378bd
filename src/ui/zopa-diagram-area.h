/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zopa-session.h"

G_BEGIN_DECLS

/* The diagram of a session on screen: hover, tooltips, clicks and keyboard focus. */
#define ZOPA_TYPE_DIAGRAM_AREA (zopa_diagram_area_get_type ())
G_DECLARE_FINAL_TYPE (ZopaDiagramArea, zopa_diagram_area, ZOPA, DIAGRAM_AREA, GtkWidget)

GtkWidget   *zopa_diagram_area_new         (void);
ZopaSession *zopa_diagram_area_get_session (ZopaDiagramArea *self);
void         zopa_diagram_area_set_session (ZopaDiagramArea *self,
                                            ZopaSession     *session);
/* The diagram as drawn now; NULL when there is nothing to draw. */
ZopaDiagram *zopa_diagram_area_get_diagram (ZopaDiagramArea *self);
/* Picks out regions (masks over the shown actors, as in ZopaAnalysis; 0 = no one) and drafts
 * (analysis draft indices) with an emphasis that stays over rebuilds until replaced;
 * 0/NULL clears. For the view of what hinges on an assumption. */
void         zopa_diagram_area_set_highlight (ZopaDiagramArea *self,
                                              const guint     *region_masks,
                                              guint            n_regions,
                                              const guint     *draft_indices,
                                              guint            n_drafts);
/* The tooltip text for a point of the widget, and the area it explains; NULL for none. */
char        *zopa_diagram_area_describe_at (ZopaDiagramArea   *self,
                                            double             x,
                                            double             y,
                                            cairo_rectangle_t *bounds);

G_END_DECLS
