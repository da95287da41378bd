/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-window-reveal.c: "win.reveal", the one action every link of an explanation runs —
 * opening the thing its target names in place, scrolled to and focused */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-actor-editor.h"
#include "zopa-clause-editor.h"
#include "zopa-issue-editor.h"
#include "zopa-reveal.h"
#include "zopa-stance-group.h"
#include "zopa-variant-change-row.h"
#include "zopa-variant-editor.h"
#include "zopa-window-private.h"

static void
tell (ZopaWindow *self,
      const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The editor window of that type this window opened, after an "edit-…" action showed it. */
static GtkWidget *
find_editor (ZopaWindow *self,
             GType       type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      return l->data;
  return NULL;
}

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
match_stance_group (GtkWidget     *widget,
                    gconstpointer  issue_id)
{
  return ZOPA_IS_STANCE_GROUP (widget)
         && g_strcmp0 (zopa_issue_get_id (zopa_stance_group_get_item (ZOPA_STANCE_GROUP (widget))), issue_id) == 0;
}

static void
reveal_clause (ZopaWindow *self,
               const char *clause_id)
{
  ZopaDraft *draft = NULL;
  GtkWidget *editor;

  if (zopa_scenario_find_clause (zopa_session_get_scenario (self->session), clause_id, &draft) == NULL)
    {
      tell (self, _("That clause is no longer in the scenario"));
      return;
    }
  zopa_session_set_selected_draft (self->session, zopa_draft_get_id (draft));
  adw_flap_set_reveal_flap (self->draft_flap, TRUE);
  zopa_draft_panel_open_clause (self->draft_panel, clause_id);
  editor = zopa_reveal_find_widget (GTK_WIDGET (self->draft_panel), match_type,
                                    GSIZE_TO_POINTER (ZOPA_TYPE_CLAUSE_EDITOR));
  if (editor != NULL)
    zopa_reveal_widget (editor);
}

/* Shows an editor through its window action, then reveals the widget match finds in it. */
static void
reveal_in_editor (ZopaWindow  *self,
                  const char  *action,
                  const char  *id,
                  GType        editor_type,
                  gboolean   (*match) (GtkWidget *widget, gconstpointer data),
                  gconstpointer data)
{
  GtkWidget *editor, *target;

  gtk_widget_activate_action (GTK_WIDGET (self), action, "s", id);
  editor = find_editor (self, editor_type);
  if (editor == NULL)
    return;
  target = zopa_reveal_find_widget (editor, match, data);
  if (target != NULL)
    zopa_reveal_widget (target);
}

static gboolean
match_nth_change_row (GtkWidget     *widget,
                      gconstpointer  data)
{
  return ZOPA_IS_VARIANT_CHANGE_ROW (widget)
         && (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)) == GPOINTER_TO_UINT (data);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZopaWindow *self = ZOPA_WINDOW (widget);
  ZopaScenario *scenario = zopa_session_get_scenario (self->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  ZopaRevealKind kind;

  if (!zopa_reveal_target_parse (g_variant_get_string (parameter, NULL), &kind, &first, &second, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  switch (kind)
    {
    case ZOPA_REVEAL_CLAUSE:
      reveal_clause (self, first);
      break;
    case ZOPA_REVEAL_ISSUE:
      if (zopa_scenario_find_issue (scenario, first) == NULL)
        tell (self, _("That issue is no longer in the scenario"));
      else
        reveal_in_editor (self, "win.edit-issue", first, ZOPA_TYPE_ISSUE_EDITOR,
                          zopa_reveal_match_buildable_id, "title_row");
      break;
    case ZOPA_REVEAL_STANCE:
    case ZOPA_REVEAL_RESERVATION:
      if (zopa_scenario_find_actor (scenario, first) == NULL)
        tell (self, _("That actor is no longer in the scenario"));
      else if (kind == ZOPA_REVEAL_STANCE)
        reveal_in_editor (self, "win.edit-actor", first, ZOPA_TYPE_ACTOR_EDITOR, match_stance_group, second);
      else
        reveal_in_editor (self, "win.edit-actor", first, ZOPA_TYPE_ACTOR_EDITOR,
                          zopa_reveal_match_buildable_id, "reservation_row");
      break;
    case ZOPA_REVEAL_CHANGE:
    default:
      if (zopa_scenario_find_variant (scenario, first) == NULL)
        tell (self, _("That variant is no longer in the scenario"));
      else
        reveal_in_editor (self, "win.edit-variant", first, ZOPA_TYPE_VARIANT_EDITOR,
                          match_nth_change_row, GUINT_TO_POINTER ((guint) g_ascii_strtoull (second, NULL, 10)));
      break;
    }
}

void
zopa_window_reveal_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reveal", "s", reveal_action);
}
