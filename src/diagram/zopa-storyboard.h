/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-storyboard.h: the pictures of a scenario's storyboard (its list of ZopaFrame), laid
 * out together so that frames showing the same actors in the same view keep their shapes
 * and names in the same places, and written as one multi-page PDF or a numbered series of
 * PNG or SVG files.
 *
 * Threads, as for ZopaAnalysis: zopa_storyboard_new_unsolved() reads the scenario and runs
 * on the main thread; zopa_storyboard_solve() solves every frame's analysis, and prepares its
 * diagram (zopa_diagram_prepare()), on any thread;
 * zopa_storyboard_layout() then builds the diagrams (main thread, like zopa_diagram_new()),
 * with fonts of their own, so that they can be drawn and written on another thread, one
 * thread at a time.
 */
#pragma once

#include <gio/gio.h>

#include "model/zopa-scenario.h"
#include "diagram/zopa-diagram.h"

G_BEGIN_DECLS

#define ZOPA_TYPE_STORYBOARD (zopa_storyboard_get_type ())
G_DECLARE_FINAL_TYPE (ZopaStoryboard, zopa_storyboard, ZOPA, STORYBOARD, GObject)

/* Compiles one analysis per frame of the scenario's storyboard. NULL with error set when
 * the storyboard is empty or a frame cannot be analysed (the message names the frame by
 * its number, from 1, and what is wrong). */
ZopaStoryboard *zopa_storyboard_new_unsolved (ZopaScenario   *scenario,
                                              GError        **error);
/* Solves every frame's analysis within time_limit seconds each; FALSE when cancelled. */
gboolean        zopa_storyboard_solve        (ZopaStoryboard *self,
                                              double          time_limit,
                                              GCancellable   *cancellable);
guint           zopa_storyboard_get_n_frames (ZopaStoryboard *self);

/* The diagrams of all frames at one page size, theme and background (taken from options;
 * its view, mode, drafts, title, headline and actor pair are each frame's own). Frames that
 * show the same actors in the same view (and, in proportional mode, the same variant)
 * share their geometry: shapes, actor names and the frame of all deals are in the same
 * places on every such page. Returns a GPtrArray of ZopaDiagram, one per frame, with the
 * frame's selected draft set; NULL with error set when a frame cannot be drawn. */
GPtrArray      *zopa_storyboard_layout       (ZopaStoryboard           *self,
                                              ZopaScenario             *scenario,
                                              const ZopaDiagramOptions *options,
                                              GError                  **error);

/* Writes the diagrams as one PDF, a page each, through an atomic replace. */
gboolean        zopa_storyboard_export_pdf   (GPtrArray     *diagrams,
                                              GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* Writes the diagrams as files named after file with the frame number before the
 * extension: talk.png gives talk-01.png, talk-02.png, … (PNG: scale pixels per page unit;
 * SVG ignores it). Returns the files written (a GPtrArray of GFile) or NULL with error set;
 * files already written stay. */
GPtrArray      *zopa_storyboard_export_series (GPtrArray          *diagrams,
                                               GFile              *file,
                                               ZopaDiagramFormat   format,
                                               double              scale,
                                               GCancellable       *cancellable,
                                               GError            **error);

G_END_DECLS
