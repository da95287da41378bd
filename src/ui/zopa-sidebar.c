/* zopa-sidebar.c: the drafts and actors of a session, with what is shown and selected */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zopa-actor-swatch.h"
#include "zopa-sidebar.h"

struct _ZopaSidebar
{
  GtkWidget    parent_instance;

  ZopaSession *session;
  /* Set while the list follows the session, so it does not echo back. */
  gboolean     syncing;

  GtkListBox  *draft_list;
  GtkListBox  *actor_list;
};

G_DEFINE_FINAL_TYPE (ZopaSidebar, zopa_sidebar, GTK_TYPE_WIDGET)

/* Draft rows */

static void
update_draft_row (AdwActionRow *row,
                  ZopaDraft    *draft)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  guint n_clauses = g_list_model_get_n_items (clauses);
  const char *date = zopa_draft_get_date (draft);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause", "%u clauses", n_clauses),
                                            n_clauses);
  g_autofree char *subtitle = NULL;

  if (date != NULL && *date != '\0')
    subtitle = g_strdup_printf ("%s · %s", date, count);
  else
    subtitle = g_strdup (count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zopa_draft_get_title (draft));
  adw_action_row_set_subtitle (row, subtitle);
}

static void
on_draft_check_toggled (GtkCheckButton *check,
                        ZopaSidebar    *self)
{
  ZopaDraft *draft = g_object_get_data (G_OBJECT (check), "draft");

  if (self->syncing)
    return;
  zopa_session_set_draft_shown (self->session, zopa_draft_get_id (draft),
                                gtk_check_button_get_active (check));
}

static GtkWidget *
create_draft_row (gpointer item,
                  gpointer user_data)
{
  ZopaSidebar *self = ZOPA_SIDEBAR (user_data);
  ZopaDraft *draft = ZOPA_DRAFT (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Show on the diagram"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show on the diagram"), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               zopa_session_get_draft_shown (self->session, zopa_draft_get_id (draft)));
  g_object_set_data (G_OBJECT (check), "draft", draft);
  g_signal_connect (check, "toggled", G_CALLBACK (on_draft_check_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "draft", g_object_ref (draft), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  update_draft_row (ADW_ACTION_ROW (row), draft);
  g_signal_connect_object (draft, "changed", G_CALLBACK (update_draft_row), row, G_CONNECT_SWAPPED);
  return row;
}

static void
on_draft_row_selected (GtkListBox    *list,
                       GtkListBoxRow *row,
                       ZopaSidebar   *self)
{
  ZopaDraft *draft;

  if (self->syncing || row == NULL)
    return;
  draft = g_object_get_data (G_OBJECT (row), "draft");
  zopa_session_set_selected_draft (self->session, zopa_draft_get_id (draft));
}

/* Actor rows */

static void
update_actor_row (AdwActionRow *row,
                  ZopaActor    *actor)
{
  g_autofree char *subtitle = g_strdup_printf (_("Reservation %d of 100"),
                                               zopa_actor_get_reservation (actor));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zopa_actor_get_name (actor));
  adw_action_row_set_subtitle (row, subtitle);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", zopa_actor_get_id (actor));
}

static void
on_actor_check_toggled (GtkCheckButton *check,
                        ZopaSidebar    *self)
{
  ZopaActor *actor = g_object_get_data (G_OBJECT (check), "actor");
  gboolean active = gtk_check_button_get_active (check);

  if (self->syncing)
    return;
  /* The diagram shows one to six actors: a refused change springs back. */
  if (!zopa_session_set_actor_shown (self->session, zopa_actor_get_id (actor), active))
    {
      self->syncing = TRUE;
      gtk_check_button_set_active (check, !active);
      self->syncing = FALSE;
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

static GtkWidget *
create_actor_row (gpointer item,
                  gpointer user_data)
{
  ZopaSidebar *self = ZOPA_SIDEBAR (user_data);
  ZopaActor *actor = ZOPA_ACTOR (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *swatch = zopa_actor_swatch_new_for_actor (G_OBJECT (actor), 14);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.edit-actor");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", zopa_actor_get_id (actor));
  gtk_widget_set_tooltip_text (row, _("Edit the actor’s stances"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Show on the diagram"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show on the diagram"), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               zopa_session_get_actor_shown (self->session, zopa_actor_get_id (actor)));
  g_object_set_data (G_OBJECT (check), "actor", actor);
  g_signal_connect (check, "toggled", G_CALLBACK (on_actor_check_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);

  g_object_set_data_full (G_OBJECT (row), "actor", g_object_ref (actor), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  update_actor_row (ADW_ACTION_ROW (row), actor);
  g_signal_connect_object (actor, "changed", G_CALLBACK (update_actor_row), row, G_CONNECT_SWAPPED);
  return row;
}

/* Following the session */

static void
sync_checks (ZopaSidebar *self)
{
  GtkListBoxRow *row;

  self->syncing = TRUE;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->draft_list, i)) != NULL; i++)
    {
      ZopaDraft *draft = g_object_get_data (G_OBJECT (row), "draft");
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      gtk_check_button_set_active (check, zopa_session_get_draft_shown (self->session, zopa_draft_get_id (draft)));
    }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->actor_list, i)) != NULL; i++)
    {
      ZopaActor *actor = g_object_get_data (G_OBJECT (row), "actor");
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      gtk_check_button_set_active (check, zopa_session_get_actor_shown (self->session, zopa_actor_get_id (actor)));
    }
  self->syncing = FALSE;
}

static void
sync_selection (ZopaSidebar *self)
{
  const char *selected = zopa_session_get_selected_draft (self->session);
  GtkListBoxRow *row;

  self->syncing = TRUE;
  gtk_list_box_unselect_all (self->draft_list);
  for (int i = 0; selected && (row = gtk_list_box_get_row_at_index (self->draft_list, i)) != NULL; i++)
    {
      ZopaDraft *draft = g_object_get_data (G_OBJECT (row), "draft");

      if (g_strcmp0 (zopa_draft_get_id (draft), selected) == 0)
        gtk_list_box_select_row (self->draft_list, row);
    }
  self->syncing = FALSE;
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
}
