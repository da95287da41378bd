/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/zopa-edit.h"

G_BEGIN_DECLS

/*
 * Whether an actor can live with an option: three linked buttons, acceptable (a tick),
 * maybe (a question mark) and red line (a no-entry sign), each with its name as tooltip
 * and accessible name ("Acceptable", "Maybe", "Red line"), in a group named after the
 * option. set_acceptability() shows a state and emits nothing; "chosen" tells that the
 * user picked one, which get_acceptability() then says.
 */
#define ZOPA_TYPE_ACCEPTABILITY_CHOICE (zopa_acceptability_choice_get_type ())
G_DECLARE_FINAL_TYPE (ZopaAcceptabilityChoice, zopa_acceptability_choice, ZOPA, ACCEPTABILITY_CHOICE, GtkWidget)

GtkWidget         *zopa_acceptability_choice_new               (void);
ZopaAcceptability  zopa_acceptability_choice_get_acceptability (ZopaAcceptabilityChoice *self);
void               zopa_acceptability_choice_set_acceptability (ZopaAcceptabilityChoice *self,
                                                                ZopaAcceptability        acceptability);
/* The option's name, for the group's accessible name. */
void               zopa_acceptability_choice_set_subject       (ZopaAcceptabilityChoice *self,
                                                                const char              *subject);
/* The button of one state, for tests. */
GtkToggleButton   *zopa_acceptability_choice_get_button        (ZopaAcceptabilityChoice *self,
                                                                ZopaAcceptability        acceptability);

G_END_DECLS
