/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Member names of each object, in the order they are written. */
extern const char * const zopa_scenario_members[];
extern const char * const zopa_source_members[];
extern const char * const zopa_issue_members[];
extern const char * const zopa_option_members[];
extern const char * const zopa_actor_members[];
extern const char * const zopa_stance_members[];
extern const char * const zopa_draft_members[];
extern const char * const zopa_clause_members[];
extern const char * const zopa_variant_members[];
extern const char * const zopa_frame_members[];
extern const char * const zopa_change_members[];

G_END_DECLS
