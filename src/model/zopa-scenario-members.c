/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The member names of each object of a scenario file, in the order they are written
 * (docs/file-format.md): the writer writes them in this order, the reader keeps every other
 * member as an object's extra, and the validator looks up the paths the reader marked.
 */

#include "config.h"

#include "zopa-scenario-members.h"

const char * const zopa_scenario_members[] = {
  "format", "version", "title", "description", "sources", "issues", "actors", "drafts",
  "variants", "storyboard", NULL
};
const char * const zopa_source_members[] = { "id", "title", "publisher", "date", "url", NULL };
const char * const zopa_issue_members[] = { "id", "title", "description", "options", NULL };
const char * const zopa_option_members[] = { "id", "label", NULL };
const char * const zopa_actor_members[] = {
  "id", "name", "color", "logic", "reservation", "sources", "stances", NULL
};
const char * const zopa_stance_members[] = { "weight", "acceptable", "maybe", "utility", NULL };
const char * const zopa_draft_members[] = {
  "id", "number", "title", "date", "origin", "derived_from", "notes", "clauses", NULL
};
const char * const zopa_clause_members[] = {
  "id", "number", "title", "text", "status", "sets", "sources", "derived_from", NULL
};
const char * const zopa_variant_members[] = { "id", "title", "description", "changes", NULL };
const char * const zopa_frame_members[] = {
  "caption", "view", "mode", "variant", "actors", "drafts", "selected", NULL
};
const char * const zopa_change_members[] = {
  "actor", "issue", "reservation", "weight", "acceptable", "maybe", "utility", NULL
};
