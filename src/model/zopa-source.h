/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A cited document: what actors, drafts and clauses point to by id. */
#define ZOPA_TYPE_SOURCE (zopa_source_get_type ())
G_DECLARE_FINAL_TYPE (ZopaSource, zopa_source, ZOPA, SOURCE, GObject)

ZopaSource *zopa_source_new           (const char *id);

const char *zopa_source_get_id        (ZopaSource *self);
void        zopa_source_set_id        (ZopaSource *self, const char *id);
const char *zopa_source_get_title     (ZopaSource *self);
void        zopa_source_set_title     (ZopaSource *self, const char *title);
const char *zopa_source_get_publisher (ZopaSource *self);
void        zopa_source_set_publisher (ZopaSource *self, const char *publisher);
const char *zopa_source_get_date      (ZopaSource *self);
void        zopa_source_set_date      (ZopaSource *self, const char *date);
const char *zopa_source_get_url       (ZopaSource *self);
void        zopa_source_set_url       (ZopaSource *self, const char *url);

/* Members the program does not know, kept to be written back. May be NULL. */
JsonObject *zopa_source_get_extra     (ZopaSource *self);
void        zopa_source_set_extra     (ZopaSource *self, JsonObject *extra);

G_END_DECLS
