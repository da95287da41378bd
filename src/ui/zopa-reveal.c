/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-reveal.c: link targets ("clause:geneva/21"), link rows, and bringing a widget into
 * view with focus */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zopa-reveal.h"
#include "zopa-user-text.h"

static const char * const kind_names[] = {
  [ZOPA_REVEAL_CLAUSE] = "clause",
  [ZOPA_REVEAL_ISSUE] = "issue",
  [ZOPA_REVEAL_STANCE] = "stance",
  [ZOPA_REVEAL_RESERVATION] = "reservation",
  [ZOPA_REVEAL_CHANGE] = "change",
};

static gboolean
kind_has_second (ZopaRevealKind kind)
{
  return kind == ZOPA_REVEAL_STANCE || kind == ZOPA_REVEAL_CHANGE;
}

char *
zopa_reveal_target_new (ZopaRevealKind  kind,
                        const char     *first,
                        const char     *second)
{
  g_autofree char *escaped_first = NULL;
  g_autofree char *escaped_second = NULL;

  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names) && first != NULL, NULL);
  g_return_val_if_fail (kind_has_second (kind) == (second != NULL), NULL);

  escaped_first = g_uri_escape_string (first, NULL, FALSE);
  if (second == NULL)
    return g_strconcat (kind_names[kind], ":", escaped_first, NULL);
  escaped_second = g_uri_escape_string (second, NULL, FALSE);
  return g_strconcat (kind_names[kind], ":", escaped_first, "/", escaped_second, NULL);
}

gboolean
zopa_reveal_target_parse (const char      *target,
                          ZopaRevealKind  *kind,
                          char           **first,
                          char           **second,
                          GError         **error)
{
  const char *colon = target != NULL ? strchr (target, ':') : NULL;
  g_auto(GStrv) parts = NULL;
  guint found = G_N_ELEMENTS (kind_names);

  *first = NULL;
  *second = NULL;
  for (guint k = 0; colon != NULL && k < G_N_ELEMENTS (kind_names); k++)
    if (strlen (kind_names[k]) == (gsize) (colon - target) && strncmp (target, kind_names[k], colon - target) == 0)
      found = k;
  if (found == G_N_ELEMENTS (kind_names))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Link target “%s”: expected clause:, issue:, stance:, reservation: or change:", target ? target : "");
      return FALSE;
    }

  parts = g_strsplit (colon + 1, "/", -1);
  if (g_strv_length (parts) != (kind_has_second (found) ? 2u : 1u) || *parts[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Link target “%s”: expected %s after “%s:”", target,
                   kind_has_second (found) ? "two ids separated by “/”" : "one id", kind_names[found]);
      return FALSE;
    }
  *first = g_uri_unescape_string (parts[0], NULL);
  if (kind_has_second (found))
    *second = g_uri_unescape_string (parts[1], NULL);
  if (*first == NULL || (kind_has_second (found) && *second == NULL))
    {
      g_clear_pointer (first, g_free);
      g_clear_pointer (second, g_free);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Link target “%s”: an id is not properly escaped", target);
      return FALSE;
    }
  *kind = found;
  return TRUE;
}

static gboolean
change_sets (ZopaVariantChange *change,
             const char        *actor_id,
             const char        *issue_id)
{
  if (g_strcmp0 (zopa_variant_change_get_actor (change), actor_id) != 0
      || g_strcmp0 (zopa_variant_change_get_issue (change), issue_id) != 0)
    return FALSE;
  if (issue_id == NULL)
    return zopa_variant_change_has_reservation (change);
  return zopa_variant_change_get_acceptable (change) != NULL || zopa_variant_change_get_maybe (change) != NULL;
}

char *
zopa_reveal_target_for_stance (ZopaScenario *scenario,
                               const char   *variant_id,
                               const char   *actor_id,
                               const char   *issue_id)
{
  ZopaVariant *variant = variant_id != NULL ? zopa_scenario_find_variant (scenario, variant_id) : NULL;

  if (variant != NULL)
    {
      GListModel *changes = zopa_variant_get_changes (variant);

      /* The last one wins: changes apply in order. */
      for (guint i = g_list_model_get_n_items (changes); i-- > 0;)
        {
          g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, i);

          if (change_sets (change, actor_id, issue_id))
            {
              g_autofree char *index = g_strdup_printf ("%u", i);

              return zopa_reveal_target_new (ZOPA_REVEAL_CHANGE, variant_id, index);
            }
        }
    }
  if (issue_id == NULL)
    return zopa_reveal_target_new (ZOPA_REVEAL_RESERVATION, actor_id, NULL);
  return zopa_reveal_target_new (ZOPA_REVEAL_STANCE, actor_id, issue_id);
}

char *
zopa_reveal_target_for_clause_setting (ZopaDraft  *draft,
                                       const char *issue_id,
                                       gboolean    agreed_only)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      ZopaClauseStatus status = zopa_clause_get_status (clause);

      if (zopa_clause_get_set_option (clause, issue_id) != NULL && status != ZOPA_CLAUSE_DELETED
          && (!agreed_only || status == ZOPA_CLAUSE_AGREED))
        return zopa_reveal_target_new (ZOPA_REVEAL_CLAUSE, zopa_clause_get_id (clause), NULL);
    }
  return NULL;
}

void
zopa_reveal_set_row_link (GtkListBoxRow *row,
                          const char    *target)
{
  gboolean was_link;

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  was_link = gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) != NULL;
  gtk_list_box_row_set_activatable (row, TRUE);
  /* The target first: an action named without one is refused for its parameter type. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (target));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.reveal");
  if (was_link)
    return;
  zopa_user_text_set_tooltip (GTK_WIDGET (row), _("Open what this names"));
  if (ADW_IS_ACTION_ROW (row))
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
    }
}

GtkWidget *
zopa_reveal_find_widget (GtkWidget     *root,
                         gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                         gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = zopa_reveal_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
zopa_reveal_match_buildable_id (GtkWidget     *widget,
                                gconstpointer  data)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), data) == 0;
}

static gboolean
takes_focus (GtkWidget     *widget,
             gconstpointer  data)
{
  /* A list box takes focus itself only to pass it on to a row: the row is the place. */
  return gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget) && gtk_widget_is_visible (widget)
         && !GTK_IS_SCROLLBAR (widget) && !GTK_IS_LIST_BOX (widget);
}

/* Scrolls each scrolled window around widget, innermost first, to show its top. FALSE
 * while widget has no place on screen yet. */
static gboolean
scroll_into_view (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) == 0)
    return FALSE;
  for (GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
       scroller != NULL && gtk_widget_get_parent (scroller) != NULL;
       scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
      graphene_point_t top;

      if (content == NULL || !gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &top))
        continue;
      /* The content's own origin moves with the adjustment when it is a viewport's child. */
      gtk_adjustment_clamp_page (adjustment, top.y,
                                 top.y + MIN (gtk_widget_get_height (widget), gtk_adjustment_get_page_size (adjustment)));
    }
  return TRUE;
}

/* A widget just shown (an editor opened, a page switched to) is laid out on a coming frame;
 * one never placed within a few seconds (its window closed) is let go. */
#define ZOPA_REVEAL_PLACE_TIMEOUT_US (5 * G_USEC_PER_SEC)

static gboolean
scroll_when_placed (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  gint64 *since = user_data;

  if (*since == 0)
    *since = gdk_frame_clock_get_frame_time (clock);
  if (scroll_into_view (widget) || gdk_frame_clock_get_frame_time (clock) - *since > ZOPA_REVEAL_PLACE_TIMEOUT_US)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

/* The first widget in and under widget that takes focus when asked: an expander row, say,
 * refuses it and passes nothing on, while its header row takes it. */
static gboolean
focus_first (GtkWidget *widget)
{
  if (takes_focus (widget, NULL) && gtk_widget_grab_focus (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (focus_first (child))
      return TRUE;
  return FALSE;
}

gboolean
zopa_reveal_widget (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!scroll_into_view (widget))
    gtk_widget_add_tick_callback (widget, scroll_when_placed, g_new0 (gint64, 1), g_free);
  return focus_first (widget);
}
