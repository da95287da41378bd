/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One position a deal can take on an issue. */
#define ZOPA_TYPE_OPTION (zopa_option_get_type ())
G_DECLARE_FINAL_TYPE (ZopaOption, zopa_option, ZOPA, OPTION, GObject)

ZopaOption *zopa_option_new       (const char *id, const char *label);
const char *zopa_option_get_id    (ZopaOption *self);
void        zopa_option_set_id    (ZopaOption *self, const char *id);
const char *zopa_option_get_label (ZopaOption *self);
void        zopa_option_set_label (ZopaOption *self, const char *label);
JsonObject *zopa_option_get_extra (ZopaOption *self);
void        zopa_option_set_extra (ZopaOption *self, JsonObject *extra);

/* One dimension of a settlement, with its ordered options. */
#define ZOPA_TYPE_ISSUE (zopa_issue_get_type ())
G_DECLARE_FINAL_TYPE (ZopaIssue, zopa_issue, ZOPA, ISSUE, GObject)

ZopaIssue  *zopa_issue_new             (const char *id);
const char *zopa_issue_get_id          (ZopaIssue *self);
void        zopa_issue_set_id          (ZopaIssue *self, const char *id);
const char *zopa_issue_get_title       (ZopaIssue *self);
void        zopa_issue_set_title       (ZopaIssue *self, const char *title);
const char *zopa_issue_get_description (ZopaIssue *self);
void        zopa_issue_set_description (ZopaIssue *self, const char *description);

/* A GListModel of ZopaOption, in order. */
GListModel *zopa_issue_get_options     (ZopaIssue *self);
guint       zopa_issue_get_n_options   (ZopaIssue *self);
ZopaOption *zopa_issue_get_option      (ZopaIssue *self, guint position);
void        zopa_issue_insert_option   (ZopaIssue *self, guint position, ZopaOption *option);
void        zopa_issue_remove_option   (ZopaIssue *self, guint position);
/* Returns the option's position, or -1 when no option has that id. */
int         zopa_issue_find_option     (ZopaIssue *self, const char *option_id);

JsonObject *zopa_issue_get_extra       (ZopaIssue *self);
void        zopa_issue_set_extra       (ZopaIssue *self, JsonObject *extra);

G_END_DECLS
