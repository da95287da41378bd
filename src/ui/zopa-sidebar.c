/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-sidebar.c: the drafts and actors of a session, with what is shown and selected */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "analysis/zopa-display-text.h"
#include "zopa-actor-row.h"
#include "zopa-draft-row.h"
#include "zopa-tab-stop.h"
#include "zopa-sidebar.h"

struct _ZopaSidebar
{
  GtkWidget    parent_instance;

  ZopaSession *session;

  GtkListBox  *draft_list;
  GtkListBox  *actor_list;
};

G_DEFINE_FINAL_TYPE (ZopaSidebar, zopa_sidebar, GTK_TYPE_WIDGET)

/* The rows' checks say what the session shows; a toggle asks the session, which may refuse. */

static void
on_draft_shown (ZopaDraftRow *row,
                GParamSpec   *pspec,
                ZopaSidebar  *self)
{
  zopa_session_set_draft_shown (self->session, zopa_draft_get_id (zopa_draft_row_get_item (row)),
                                zopa_shown_row_get_shown (ZOPA_SHOWN_ROW (row)));
}

/* Shown on the window's toast overlay; only the last shown actor can be refused, as a
 * scenario has no more actors than the diagram can show. */
static void
tell_refused_actor (ZopaSidebar *self,
                    ZopaActor   *actor)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = zopa_display_text (zopa_actor_get_name (actor), ZOPA_DISPLAY_TEXT_LINE);
  /* A toast's title is markup in libadwaita 1.2; the actor's name is user text. */
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  title = g_strdup_printf (_("%s stays on the diagram: it shows at least one actor. "
                             "Show another actor first, then hide this one."), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_actor_shown (ZopaActorRow *row,
                GParamSpec   *pspec,
                ZopaSidebar  *self)
{
  const char *id = zopa_actor_get_id (zopa_actor_row_get_item (row));

  /* The diagram shows one to six actors: a refused change springs back, and says why. */
  if (!zopa_session_set_actor_shown (self->session, id, zopa_shown_row_get_shown (ZOPA_SHOWN_ROW (row))))
    {
      zopa_shown_row_set_shown (ZOPA_SHOWN_ROW (row), zopa_session_get_actor_shown (self->session, id));
      gtk_widget_error_bell (GTK_WIDGET (self));
      tell_refused_actor (self, zopa_actor_row_get_item (row));
    }
}

static GtkWidget *
create_draft_row (gpointer item,
                  gpointer user_data)
{
  ZopaSidebar *self = ZOPA_SIDEBAR (user_data);
  GtkWidget *row = zopa_draft_row_new (ZOPA_DRAFT (item));

  zopa_shown_row_set_shown (ZOPA_SHOWN_ROW (row),
                            zopa_session_get_draft_shown (self->session, zopa_draft_get_id (item)));
  g_signal_connect (row, "notify::shown", G_CALLBACK (on_draft_shown), self);
  return row;
}

static GtkWidget *
create_actor_row (gpointer item,
                  gpointer user_data)
{
  ZopaSidebar *self = ZOPA_SIDEBAR (user_data);
  GtkWidget *row = zopa_actor_row_new (ZOPA_ACTOR (item));

  zopa_shown_row_set_shown (ZOPA_SHOWN_ROW (row),
                            zopa_session_get_actor_shown (self->session, zopa_actor_get_id (item)));
  g_signal_connect (row, "notify::shown", G_CALLBACK (on_actor_shown), self);
  return row;
}

/* A selection that is already the session's changes nothing there. */
static void
on_draft_row_selected (GtkListBox    *list,
                       GtkListBoxRow *row,
                       ZopaSidebar   *self)
{
  if (row != NULL)
    zopa_session_set_selected_draft (self->session,
                                     zopa_draft_get_id (zopa_draft_row_get_item (ZOPA_DRAFT_ROW (row))));
}

/* Arrows move the focus through the drafts without choosing one, since each choice fills
 * the draft panel: a click or Enter chooses. A cursor move with "modify" leaves the
 * selection alone, so the plain one becomes that. */
static void
on_draft_list_move_cursor (GtkListBox      *list,
                           GtkMovementStep  step,
                           int              count,
                           gboolean         extend,
                           gboolean         modify,
                           ZopaSidebar     *self)
{
  if (modify)
    return;
  g_signal_stop_emission_by_name (list, "move-cursor");
  g_signal_emit_by_name (list, "move-cursor", step, count, extend, TRUE);
}

/* Following the session */

static void
sync_checks (ZopaSidebar *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->draft_list, i)) != NULL; i++)
    {
      ZopaDraft *draft = zopa_draft_row_get_item (ZOPA_DRAFT_ROW (row));

      zopa_shown_row_set_shown (ZOPA_SHOWN_ROW (row), zopa_session_get_draft_shown (self->session, zopa_draft_get_id (draft)));
    }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->actor_list, i)) != NULL; i++)
    {
      ZopaActor *actor = zopa_actor_row_get_item (ZOPA_ACTOR_ROW (row));

      zopa_shown_row_set_shown (ZOPA_SHOWN_ROW (row), zopa_session_get_actor_shown (self->session, zopa_actor_get_id (actor)));
    }
}

static void
sync_selection (ZopaSidebar *self)
{
  const char *selected = zopa_session_get_selected_draft (self->session);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->draft_list, i)) != NULL; i++)
    if (g_strcmp0 (zopa_draft_get_id (zopa_draft_row_get_item (ZOPA_DRAFT_ROW (row))), selected) == 0)
      {
        gtk_list_box_select_row (self->draft_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->draft_list);
}

void
zopa_sidebar_set_session (ZopaSidebar *self,
                          ZopaSession *session)
{
  ZopaScenario *scenario;

  g_return_if_fail (ZOPA_IS_SIDEBAR (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session == NULL)
    {
      gtk_list_box_bind_model (self->draft_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->actor_list, NULL, NULL, NULL, NULL);
      return;
    }

  scenario = zopa_session_get_scenario (session);
  gtk_list_box_bind_model (self->draft_list, zopa_scenario_get_drafts (scenario),
                           create_draft_row, self, NULL);
  gtk_list_box_bind_model (self->actor_list, zopa_scenario_get_actors (scenario),
                           create_actor_row, self, NULL);
  g_signal_connect_swapped (session, "shown-changed", G_CALLBACK (sync_checks), self);
  /* Removing or adding an actor can change which others are shown. */
  g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (sync_checks), self);
  g_signal_connect_swapped (session, "notify::selected-draft", G_CALLBACK (sync_selection), self);
  sync_selection (self);
}

static void
zopa_sidebar_dispose (GObject *object)
{
  ZopaSidebar *self = ZOPA_SIDEBAR (object);
  GtkWidget *child;

  zopa_sidebar_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zopa_sidebar_parent_class)->dispose (object);
}

static void
zopa_sidebar_class_init (ZopaSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_sidebar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaSidebar, draft_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaSidebar, actor_list);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_row_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
zopa_sidebar_init (ZopaSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->draft_list, "move-cursor", G_CALLBACK (on_draft_list_move_cursor), self);
  zopa_tab_stop_make_single (GTK_WIDGET (self->draft_list));
  zopa_tab_stop_make_single (GTK_WIDGET (self->actor_list));
}
