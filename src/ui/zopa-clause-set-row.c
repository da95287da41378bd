/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-clause-set-row.c: an issue a clause sets, and the option it sets there */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-actor-dots.h"
#include "zopa-clause-set-row.h"
#include "zopa-list-sync.h"
#include "zopa-user-text.h"

struct _ZopaClauseSetRow
{
  AdwComboRow    parent_instance;

  ZopaIssue     *item;
  ZopaClause    *clause;
  ZopaHistory   *history;

  ZopaActorDots *dots;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (ZopaClauseSetRow, zopa_clause_set_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_CLAUSE,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_option_selected (ZopaClauseSetRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  const char *issue_id = zopa_issue_get_id (self->item);
  const char *option_id;

  if (selected >= zopa_issue_get_n_options (self->item))
    return;
  option_id = zopa_option_get_id (zopa_issue_get_option (self->item, selected));
  /* Not an edit when it is what the clause sets already (the row following the model). */
  if (g_strcmp0 (option_id, zopa_clause_get_set_option (self->clause, issue_id)) != 0)
    zopa_history_set_clause_option (self->history, self->clause, issue_id, option_id);
}

static void
on_remove_clicked (ZopaClauseSetRow *self)
{
  zopa_history_set_clause_option (self->history, self->clause, zopa_issue_get_id (self->item), NULL);
}

static void
show_issue (ZopaClauseSetRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  g_autofree char *remove_label = NULL;
  int position;

  for (guint o = 0; o < zopa_issue_get_n_options (self->item); o++)
    g_strv_builder_add (builder, zopa_option_get_label (zopa_issue_get_option (self->item, o)));
  labels = g_strv_builder_end (builder);
  position = zopa_issue_find_option (self->item, zopa_clause_get_set_option (self->clause, zopa_issue_get_id (self->item)));
  zopa_combo_row_show_choices (ADW_COMBO_ROW (self), (const char * const *) labels, MAX (0, position),
                               G_CALLBACK (on_option_selected), self);

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self), zopa_issue_get_title (self->item));
  remove_label = g_strdup_printf (_("Stop Setting “%s”"), zopa_issue_get_title (self->item));
  gtk_widget_set_tooltip_text (self->remove_button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

typedef struct
{
  guint    issue;
  guint    option;
  gboolean found;
} IssueOption;

/* The analysis' indices of an issue and option, by id. */
static IssueOption
find_in_analysis (ZopaAnalysis *analysis,
                  const char   *issue_id,
                  const char   *option_id)
{
  IssueOption result = { 0, 0, FALSE };

  if (analysis == NULL || option_id == NULL)
    return result;
  for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_issue_id (analysis, i), issue_id) == 0)
      for (guint o = 0; o < zopa_analysis_get_n_options (analysis, i); o++)
        if (g_strcmp0 (zopa_analysis_get_option_id (analysis, i, o), option_id) == 0)
          {
            result.issue = i;
            result.option = o;
            result.found = TRUE;
            return result;
          }
  return result;
}

void
zopa_clause_set_row_show_red_lines (ZopaClauseSetRow *self,
                                    ZopaAnalysis     *analysis,
                                    ZopaScenario     *scenario)
{
  const char *issue_id;
  IssueOption where;
  g_autoptr(GString) names = g_string_new (NULL);
  ZopaActorDot marks[ZOPA_MAX_ACTORS];
  guint n_names = 0;

  g_return_if_fail (ZOPA_IS_CLAUSE_SET_ROW (self));
  g_return_if_fail (analysis == NULL || ZOPA_IS_ANALYSIS (analysis));
  g_return_if_fail (ZOPA_IS_SCENARIO (scenario));

  issue_id = zopa_issue_get_id (self->item);
  where = find_in_analysis (analysis, issue_id, zopa_clause_get_set_option (self->clause, issue_id));
  if (where.found)
    for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
      if (!zopa_analysis_actor_accepts_option (analysis, a, where.issue, where.option))
        {
          ZopaActor *actor = zopa_scenario_find_actor (scenario, zopa_analysis_get_actor_id (analysis, a));
          GdkRGBA color;

          if (actor == NULL || !gdk_rgba_parse (&color, zopa_actor_get_color (actor)) || n_names >= ZOPA_MAX_ACTORS)
            continue;
          marks[n_names].color = color;
          marks[n_names].filled = zopa_clause_get_status (self->clause) == ZOPA_CLAUSE_AGREED;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, zopa_analysis_get_actor_name (analysis, a));
          n_names++;
        }

  zopa_actor_dots_set (self->dots, marks, n_names);
  if (n_names > 0)
    {
      /* Translators: %s is a list of actors */
      g_autofree char *text = g_strdup_printf (_("A red line for %s"), names->str);
      zopa_actor_dots_set_description (self->dots, text);
    }
  else
    zopa_actor_dots_set_description (self->dots, NULL);
}

static void
zopa_clause_set_row_constructed (GObject *object)
{
  ZopaClauseSetRow *self = ZOPA_CLAUSE_SET_ROW (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (zopa_clause_set_row_parent_class)->constructed (object);

  name = g_strdup_printf ("set-%s", zopa_issue_get_id (self->item));
  gtk_widget_set_name (GTK_WIDGET (self), name);
  g_signal_connect_object (self->item, "changed", G_CALLBACK (show_issue), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clause, "changed", G_CALLBACK (show_issue), self, G_CONNECT_SWAPPED);
  show_issue (self);
}

static void
zopa_clause_set_row_dispose (GObject *object)
{
  ZopaClauseSetRow *self = ZOPA_CLAUSE_SET_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_CLAUSE_SET_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->clause);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (zopa_clause_set_row_parent_class)->dispose (object);
}

static void
zopa_clause_set_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZopaClauseSetRow *self = ZOPA_CLAUSE_SET_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_CLAUSE:
      g_value_set_object (value, self->clause);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_set_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZopaClauseSetRow *self = ZOPA_CLAUSE_SET_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_CLAUSE:
      self->clause = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_set_row_class_init (ZopaClauseSetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_clause_set_row_constructed;
  object_class->dispose = zopa_clause_set_row_dispose;
  object_class->get_property = zopa_clause_set_row_get_property;
  object_class->set_property = zopa_clause_set_row_set_property;

  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_ISSUE, flags);
  properties[PROP_CLAUSE] = g_param_spec_object ("clause", NULL, NULL, ZOPA_TYPE_CLAUSE, flags);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, ZOPA_TYPE_HISTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZOPA_TYPE_ACTOR_DOTS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-clause-set-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseSetRow, dots);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseSetRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_option_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
zopa_clause_set_row_init (ZopaClauseSetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_clause_set_row_new (ZopaIssue   *item,
                         ZopaClause  *clause,
                         ZopaHistory *history)
{
  g_return_val_if_fail (ZOPA_IS_ISSUE (item), NULL);
  g_return_val_if_fail (ZOPA_IS_CLAUSE (clause), NULL);
  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);

  return g_object_new (ZOPA_TYPE_CLAUSE_SET_ROW, "item", item, "clause", clause, "history", history, NULL);
}

ZopaIssue *
zopa_clause_set_row_get_item (ZopaClauseSetRow *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE_SET_ROW (self), NULL);

  return self->item;
}
