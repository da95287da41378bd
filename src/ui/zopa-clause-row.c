/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-clause-row.c: a clause in the draft panel's list, which can be dragged to reorder */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-clause-row.h"
#include "zopa-user-text.h"

struct _ZopaClauseRow
{
  AdwActionRow   parent_instance;

  ZopaClause    *item;
  ZopaScenario  *scenario;
  /* Where the pointer held the row when a drag began, for the drag icon. */
  int            hot_x;
  int            hot_y;

  ZopaActorDots *dots;
  GtkWidget     *conflict_icon;
  GtkLabel      *status_label;
};

G_DEFINE_FINAL_TYPE (ZopaClauseRow, zopa_clause_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLAUSE_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
zopa_clause_display_name (ZopaClause *clause)
{
  const char *number = zopa_clause_get_number (clause);
  const char *title = zopa_clause_get_title (clause);
  gboolean has_number = number != NULL && *number != '\0';
  gboolean has_title = title != NULL && *title != '\0';

  if (has_number && has_title)
    return g_strdup_printf ("%s · %s", number, title);
  if (has_number)
    /* Translators: a clause without a title, by its number. */
    return g_strdup_printf (_("Clause %s"), number);
  if (has_title)
    return g_strdup (title);
  return g_strdup (_("Untitled Clause"));
}

const char *
zopa_clause_status_label (ZopaClauseStatus status)
{
  switch (status)
    {
    case ZOPA_CLAUSE_AGREED:
      return C_("clause status", "Agreed");
    case ZOPA_CLAUSE_BRACKETED:
      return C_("clause status", "Bracketed");
    case ZOPA_CLAUSE_DELETED:
    default:
      return C_("clause status", "Deleted");
    }
}

/* "Territory → Line of contact", a line for each issue the clause sets. */
static char *
describe_sets (ZopaClauseRow *self)
{
  const char * const *issues = zopa_clause_get_set_issues (self->item);
  GString *text = g_string_new (NULL);

  for (guint i = 0; issues != NULL && issues[i] != NULL; i++)
    {
      ZopaIssue *issue = self->scenario != NULL ? zopa_scenario_find_issue (self->scenario, issues[i]) : NULL;
      const char *option_id = zopa_clause_get_set_option (self->item, issues[i]);
      int option = issue != NULL ? zopa_issue_find_option (issue, option_id) : -1;

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s → %s",
                              issue != NULL ? zopa_issue_get_title (issue) : issues[i],
                              option >= 0 ? zopa_option_get_label (zopa_issue_get_option (issue, option)) : option_id);
    }
  return g_string_free (text, FALSE);
}

void
zopa_clause_row_refresh (ZopaClauseRow *self)
{
  ZopaClauseStatus status;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sets = NULL;

  g_return_if_fail (ZOPA_IS_CLAUSE_ROW (self));

  status = zopa_clause_get_status (self->item);
  title = zopa_clause_display_name (self->item);
  name = g_strdup_printf ("clause-%s", zopa_clause_get_id (self->item));
  sets = describe_sets (self);
  /* Named after the id, which the clause editor can change. */
  if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (self)), name) != 0)
    gtk_widget_set_name (GTK_WIDGET (self), name);
  /* Refreshed after every edit: only what changed is set, so the rest is not laid out again. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), title) != 0)
    zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self), title);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (self)), sets) != 0)
    zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), sets);
  if (g_strcmp0 (gtk_label_get_text (self->status_label), zopa_clause_status_label (status)) == 0)
    return;

  gtk_label_set_text (self->status_label, zopa_clause_status_label (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "agreed");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "bracketed");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "deleted");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), zopa_clause_status_to_string (status));
  if (status == ZOPA_CLAUSE_DELETED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "clause-deleted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "clause-deleted");
}

/* Dragging the row onto another to reorder */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 ZopaClauseRow *self)
{
  self->hot_x = (int) x;
  self->hot_y = (int) y;
  return gdk_content_provider_new_typed (ZOPA_TYPE_CLAUSE, self->item);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               ZopaClauseRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, self->hot_x, self->hot_y);
}

static void
clear_drop_marks (ZopaClauseRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "clause-drop-before");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "clause-drop-after");
}

static gboolean
drop_goes_after (ZopaClauseRow *self,
                 double         y)
{
  return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                ZopaClauseRow *self)
{
  clear_drop_marks (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), drop_goes_after (self, y) ? "clause-drop-after" : "clause-drop-before");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               ZopaClauseRow *self)
{
  clear_drop_marks (self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ZopaClauseRow *self)
{
  ZopaClause *dropped = g_value_get_object (value);
  gboolean moved = FALSE;

  clear_drop_marks (self);
  if (dropped == NULL || dropped == self->item)
    return FALSE;
  g_signal_emit (self, signals[CLAUSE_DROPPED], 0, dropped, drop_goes_after (self, y), &moved);
  return moved;
}

static void
zopa_clause_row_constructed (GObject *object)
{
  ZopaClauseRow *self = ZOPA_CLAUSE_ROW (object);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (ZOPA_TYPE_CLAUSE, GDK_ACTION_MOVE);

  G_OBJECT_CLASS (zopa_clause_row_parent_class)->constructed (object);

  g_signal_connect_object (self->item, "changed", G_CALLBACK (zopa_clause_row_refresh), self, G_CONNECT_SWAPPED);
  zopa_clause_row_refresh (self);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

static void
zopa_clause_row_dispose (GObject *object)
{
  ZopaClauseRow *self = ZOPA_CLAUSE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_CLAUSE_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->scenario);
  G_OBJECT_CLASS (zopa_clause_row_parent_class)->dispose (object);
}

static void
zopa_clause_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZopaClauseRow *self = ZOPA_CLAUSE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZopaClauseRow *self = ZOPA_CLAUSE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_row_class_init (ZopaClauseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_clause_row_constructed;
  object_class->dispose = zopa_clause_row_dispose;
  object_class->get_property = zopa_clause_row_get_property;
  object_class->set_property = zopa_clause_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_CLAUSE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ZOPA_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A clause dropped on the row, to go before or after its clause; a handler returns
   * whether it moved it. */
  signals[CLAUSE_DROPPED] =
    g_signal_new ("clause-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, ZOPA_TYPE_CLAUSE, G_TYPE_BOOLEAN);

  g_type_ensure (ZOPA_TYPE_ACTOR_DOTS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-clause-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseRow, dots);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseRow, conflict_icon);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseRow, status_label);
}

static void
zopa_clause_row_init (ZopaClauseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_clause_row_new (ZopaClause   *item,
                     ZopaScenario *scenario)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE (item), NULL);
  g_return_val_if_fail (scenario == NULL || ZOPA_IS_SCENARIO (scenario), NULL);

  return g_object_new (ZOPA_TYPE_CLAUSE_ROW, "item", item, "scenario", scenario, NULL);
}

ZopaClause *
zopa_clause_row_get_item (ZopaClauseRow *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE_ROW (self), NULL);

  return self->item;
}

ZopaActorDots *
zopa_clause_row_get_dots (ZopaClauseRow *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE_ROW (self), NULL);

  return self->dots;
}

void
zopa_clause_row_set_conflict (ZopaClauseRow *self,
                              gboolean       in_conflict)
{
  g_return_if_fail (ZOPA_IS_CLAUSE_ROW (self));

  gtk_widget_set_visible (self->conflict_icon, in_conflict);
}
