/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-actor.h"
#include "model/zopa-history.h"
#include "model/zopa-issue.h"
#include "zopa-range-control.h"

G_BEGIN_DECLS

/*
 * An actor's stance on one issue ("item") in the actor editor: the issue's title, the
 * weight the actor gives it (0 to 10, or a range) and a ZopaUtilityRow for each of its options. Edits
 * go through the history; the group follows the issue's options and the actor's stance.
 */
#define ZOPA_TYPE_STANCE_GROUP (zopa_stance_group_get_type ())
G_DECLARE_FINAL_TYPE (ZopaStanceGroup, zopa_stance_group, ZOPA, STANCE_GROUP, AdwPreferencesGroup)

GtkWidget     *zopa_stance_group_new        (ZopaHistory     *history,
                                             ZopaIssue       *item);
ZopaIssue     *zopa_stance_group_get_item   (ZopaStanceGroup *self);
void           zopa_stance_group_set_actor  (ZopaStanceGroup *self,
                                             ZopaActor       *actor);
/* The weight's control, for tests. */
ZopaRangeControl *zopa_stance_group_get_weight (ZopaStanceGroup *self);

G_END_DECLS
