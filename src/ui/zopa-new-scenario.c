/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-new-scenario.c: New Scenario, blank or the example, in a window of its own */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-actor.h"
#include "model/zopa-document.h"
#include "model/zopa-issue.h"
#include "zopa-new-scenario.h"
#include "zopa-window.h"

ZopaScenario *
zopa_new_scenario_blank (void)
{
  ZopaScenario *scenario = zopa_scenario_new ();
  g_autoptr(ZopaIssue) issue = zopa_issue_new ("issue-1");
  g_autoptr(ZopaOption) yes = zopa_option_new ("option-1", _("Option 1"));
  g_autoptr(ZopaOption) no = zopa_option_new ("option-2", _("Option 2"));
  g_autoptr(ZopaActor) actor = zopa_actor_new ("actor-1");

  zopa_scenario_set_title (scenario, _("Untitled Scenario"));
  zopa_issue_set_title (issue, _("Issue 1"));
  zopa_issue_insert_option (issue, 0, yes);
  zopa_issue_insert_option (issue, 1, no);
  zopa_scenario_insert_issue (scenario, 0, issue);
  /* The diagram shows at least one actor, so a blank scenario has one to start with. */
  zopa_actor_set_name (actor, _("Actor 1"));
  zopa_actor_set_color (actor, "#3584e4");
  zopa_scenario_insert_actor (scenario, 0, actor);
  return scenario;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GtkApplication   *application)
{
  ZopaWindow *window = NULL;

  if (g_strcmp0 (response, "blank") == 0)
    {
      g_autoptr(ZopaScenario) scenario = zopa_new_scenario_blank ();
      g_autoptr(ZopaDocument) document = zopa_document_new_untitled (scenario);

      window = zopa_window_new_for_document (application, document);
    }
  else if (g_strcmp0 (response, "example") == 0)
    window = zopa_window_new (application);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

AdwMessageDialog *
zopa_new_scenario_choose (GtkApplication *application,
                          GtkWindow      *parent)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("New Scenario"),
                                                       _("Start from a blank scenario with one actor and one issue, "
                                                         "to fill in your own negotiation, or from the example: "
                                                         "the peace plans for Ukraine of November 2025.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "example", _("_Example"),
                                    "blank", _("_Blank"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "blank", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "blank");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), application, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
