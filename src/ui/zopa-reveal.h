/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/*
 * Links from an explanation to what it names. Every link is a row whose activation (click,
 * Enter) runs the window action "win.reveal" with a target string, which names one thing of
 * the scenario:
 *
 *   clause:CLAUSE            a clause, in the draft panel's clause editor
 *   issue:ISSUE              an issue, in the issue editor
 *   stance:ACTOR/ISSUE       an actor's stance on an issue, in the actor editor
 *   reservation:ACTOR        an actor's reservation, in the actor editor
 *   change:VARIANT/INDEX     a change of a variant, in the variant editor
 *
 * Ids are percent-escaped, so they may hold any character. The window opens the thing in
 * place, scrolls to it and gives it keyboard focus.
 */

typedef enum {
  ZOPA_REVEAL_CLAUSE,
  ZOPA_REVEAL_ISSUE,
  ZOPA_REVEAL_STANCE,
  ZOPA_REVEAL_RESERVATION,
  ZOPA_REVEAL_CHANGE,
} ZopaRevealKind;

/* The target naming a thing; second is the issue (STANCE) or the change's index as text
 * (CHANGE), NULL for the other kinds. */
char     *zopa_reveal_target_new     (ZopaRevealKind   kind,
                                      const char      *first,
                                      const char      *second);
/* The parts of a target; FALSE with a message naming what is wrong when it is not one. */
gboolean  zopa_reveal_target_parse   (const char      *target,
                                      ZopaRevealKind  *kind,
                                      char           **first,
                                      char           **second,
                                      GError         **error);

/* Where an actor's stance on an issue (issue_id NULL: its reservation) is set under the
 * variant (NULL: the base scenario): the variant's last change of it, or the actor's own. */
char     *zopa_reveal_target_for_stance (ZopaScenario *scenario,
                                         const char   *variant_id,
                                         const char   *actor_id,
                                         const char   *issue_id);
/* The first clause of the draft that sets the issue and is not deleted (agreed_only: that is
 * agreed), as a target; NULL when there is none. */
char     *zopa_reveal_target_for_clause_setting (ZopaDraft  *draft,
                                                 const char *issue_id,
                                                 gboolean    agreed_only);

/* Makes a list row a link to target: activatable, running "win.reveal", with an arrow that
 * says so. Its title stays its accessible name. */
void      zopa_reveal_set_row_link   (GtkListBoxRow   *row,
                                      const char      *target);

/* Scrolls the scrolled windows around widget so that it is in view and focuses it (or its
 * first focusable descendant). FALSE when nothing in it can take focus. */
gboolean  zopa_reveal_widget         (GtkWidget       *widget);
/* The first descendant of root (root included) that the match function accepts. */
GtkWidget *zopa_reveal_find_widget   (GtkWidget       *root,
                                      gboolean       (*match) (GtkWidget *widget, gconstpointer data),
                                      gconstpointer    data);
/* Matches a widget whose GtkBuilder id is data (a template child's id). */
gboolean  zopa_reveal_match_buildable_id (GtkWidget     *widget,
                                          gconstpointer  data);

G_END_DECLS
