/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * One frame of a scenario's storyboard: a picture a talk shows, as the view, the variant
 * and what is shown, with a caption. References are ids of the scenario's actors, drafts
 * and variants; the views and modes are the nicks the command line uses.
 */
#define ZOPA_TYPE_FRAME (zopa_frame_get_type ())
G_DECLARE_FINAL_TYPE (ZopaFrame, zopa_frame, ZOPA, FRAME, GObject)

ZopaFrame          *zopa_frame_new          (void);
/* A new frame with the same values (extra members included). */
ZopaFrame          *zopa_frame_copy         (ZopaFrame *self);

/* The slide's title; NULL or "": the scenario's title. */
const char         *zopa_frame_get_caption  (ZopaFrame *self);
void                zopa_frame_set_caption  (ZopaFrame *self, const char *caption);
/* "venn" (the default), "issue-map" or "bargaining". */
const char         *zopa_frame_get_view     (ZopaFrame *self);
void                zopa_frame_set_view     (ZopaFrame *self, const char *view);
/* Venn view: "schematic" (the default) or "proportional". */
const char         *zopa_frame_get_mode     (ZopaFrame *self);
void                zopa_frame_set_mode     (ZopaFrame *self, const char *mode);
/* A variant id; NULL for the base scenario. */
const char         *zopa_frame_get_variant  (ZopaFrame *self);
void                zopa_frame_set_variant  (ZopaFrame *self, const char *variant_id);
/* The shown actors, in order; NULL for every actor. The bargaining view shows two: the
 * first across, the second up. */
const char * const *zopa_frame_get_actors   (ZopaFrame *self);
void                zopa_frame_set_actors   (ZopaFrame *self, const char * const *actor_ids);
/* The shown drafts, in order; NULL for every draft, empty for none. */
const char * const *zopa_frame_get_drafts   (ZopaFrame *self);
void                zopa_frame_set_drafts   (ZopaFrame *self, const char * const *draft_ids);
/* The selected draft, drawn in the accent colour; NULL for none. */
const char         *zopa_frame_get_selected (ZopaFrame *self);
void                zopa_frame_set_selected (ZopaFrame *self, const char *draft_id);

/* Members the program does not know, kept to be written back. May be NULL. */
JsonObject         *zopa_frame_get_extra    (ZopaFrame *self);
void                zopa_frame_set_extra    (ZopaFrame *self, JsonObject *extra);

G_END_DECLS
