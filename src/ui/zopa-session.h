/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "analysis/zopa-analysis.h"
#include "analysis/zopa-hinges.h"
#include "diagram/zopa-diagram.h"
#include "model/zopa-document.h"

G_BEGIN_DECLS

/*
 * What a window shows of its document: the variant, the shown actors and drafts, the
 * selected draft, the view and its mode — and the analysis of all that, rebuilt after
 * every edit. Every view of the window follows this one object.
 */
#define ZOPA_TYPE_SESSION (zopa_session_get_type ())
G_DECLARE_FINAL_TYPE (ZopaSession, zopa_session, ZOPA, SESSION, GObject)

ZopaSession        *zopa_session_new                (ZopaDocument    *document);

ZopaDocument       *zopa_session_get_document       (ZopaSession     *self);
ZopaScenario       *zopa_session_get_scenario       (ZopaSession     *self);
/*
 * The analysis of the current choices; replaced (notify::analysis) after every change.
 * Small problems are solved at once; larger ones on a worker thread, and until that is
 * done (a newer change supersedes it) the analysis is NULL and the session busy.
 */
ZopaAnalysis       *zopa_session_get_analysis       (ZopaSession     *self);
/* Small enough that its analysis and searches take well under a millisecond: they are
 * run at once on the main thread; larger ones run on a worker thread. */
gboolean            zopa_session_analysis_is_small  (ZopaAnalysis    *analysis);
/* The analysis is being solved (notify::busy). */
gboolean            zopa_session_get_busy           (ZopaSession     *self);
/* Busy for more than 100 ms: the views say they are working (notify::working). */
gboolean            zopa_session_get_working        (ZopaSession     *self);

/* NULL for the base scenario. */
const char         *zopa_session_get_variant        (ZopaSession     *self);
void                zopa_session_set_variant        (ZopaSession     *self,
                                                     const char      *variant_id);

/* Actors: at most ZOPA_MAX_ACTORS, at least one. */
gboolean            zopa_session_get_actor_shown    (ZopaSession     *self,
                                                     const char      *actor_id);
/* Returns FALSE when the change is refused (the last actor, or a seventh). */
gboolean            zopa_session_set_actor_shown    (ZopaSession     *self,
                                                     const char      *actor_id,
                                                     gboolean         shown);
/* The shown actors' ids in scenario order, NULL-terminated. */
char              **zopa_session_dup_shown_actors   (ZopaSession     *self);

gboolean            zopa_session_get_draft_shown    (ZopaSession     *self,
                                                     const char      *draft_id);
void                zopa_session_set_draft_shown    (ZopaSession     *self,
                                                     const char      *draft_id,
                                                     gboolean         shown);
/* The shown drafts' ids in scenario order, NULL-terminated. */
char              **zopa_session_dup_shown_drafts   (ZopaSession     *self);

/* NULL when no draft is selected. */
const char         *zopa_session_get_selected_draft (ZopaSession     *self);
void                zopa_session_set_selected_draft (ZopaSession     *self,
                                                     const char      *draft_id);

ZopaDiagramView     zopa_session_get_view           (ZopaSession     *self);
void                zopa_session_set_view           (ZopaSession     *self,
                                                     ZopaDiagramView  view);
ZopaDiagramMode     zopa_session_get_mode           (ZopaSession     *self);
void                zopa_session_set_mode           (ZopaSession     *self,
                                                     ZopaDiagramMode  mode);

/* The bargaining view's two actors: the chosen ones where shown, else the first shown
 * ones (NULL when fewer than two are shown). */
void                zopa_session_dup_actor_pair     (ZopaSession     *self,
                                                     char           **first,
                                                     char           **second);
/* Chooses the actor of side 0 (across) or 1 (up); the other side's actor swaps sides. */
void                zopa_session_set_pair_actor     (ZopaSession     *self,
                                                     guint            side,
                                                     const char      *actor_id);
/*
 * What hinges on each assumption of the current analysis (analysis/zopa-hinges.h), computed
 * on a worker thread while at least one view holds it: NULL while pending (notify::hinges,
 * notify::hinges-pending), and superseded by every new analysis.
 */
void                zopa_session_hold_hinges        (ZopaSession     *self);
void                zopa_session_release_hinges     (ZopaSession     *self);
ZopaHinges         *zopa_session_get_hinges         (ZopaSession     *self);
gboolean            zopa_session_get_hinges_pending (ZopaSession     *self);

/* A frame of the storyboard: what the session shows now (the bargaining view: its two
 * actors, across first), and its inverse, which shows what a frame shows in one change. A
 * frame's reference the scenario no longer has is left out. */
ZopaFrame          *zopa_session_new_frame          (ZopaSession     *self);
void                zopa_session_apply_frame        (ZopaSession     *self,
                                                     ZopaFrame       *frame);

/* Diagram options for the current choices (draft_ids stay valid until the next change). */
void                zopa_session_fill_diagram_options (ZopaSession        *self,
                                                       ZopaDiagramOptions *options);

G_END_DECLS
