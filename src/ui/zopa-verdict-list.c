/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-verdict-list.c: the draft panel's verdict rows, fed from the analysis, and their flips */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "zopa-reveal.h"
#include "zopa-verdict-list.h"

struct _ZopaVerdictList
{
  GtkWidget     parent_instance;

  GtkListBox   *list_box;
  GListStore   *items;
  /* Rows the user opened, by actor id, opened again when the rows are made anew. */
  GHashTable   *expanded;

  /* The verdicts under the last analysis seen (actor id → verdict + 1), and those the change
   * to it flipped, with the verdict before; they stay until the next change. */
  ZopaAnalysis *seen_analysis;
  char         *seen_draft_id;
  GHashTable   *seen_verdicts;
  GHashTable   *flipped;
};

G_DEFINE_FINAL_TYPE (ZopaVerdictList, zopa_verdict_list, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BUILD_REASONS,
  SIGNAL_TRY_FLIP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
score_summary (const ZopaDraftVerdict *verdict,
               guint                   n_open)
{
  g_autofree char *best = NULL;
  g_autofree char *worst = NULL;
  g_autofree char *score = NULL;

  if (!verdict->has_score)
    return g_strdup (_("No weights: only red lines count"));
  if (n_open == 0)
    {
      score = zopa_format_score (verdict->score);
      /* Translators: a score out of 100 and the reservation it must reach. */
      return g_strdup_printf (_("Score %s, needs %d"), score, verdict->reservation);
    }
  best = zopa_format_score (verdict->best_score);
  worst = zopa_format_score (verdict->worst_score);
  /* Translators: the lowest and highest score over a draft's open issues, and the reservation. */
  return g_strdup_printf (_("Score %s–%s, needs %d"), worst, best, verdict->reservation);
}

static gboolean
verdict_has_reasons (const ZopaDraftVerdict *verdict)
{
  return verdict->n_violations > 0 || verdict->n_open_red_lines > 0
         || (verdict->has_score && verdict->worst_score * 1.0 < verdict->reservation);
}

static void
on_row_expanded (ZopaVerdictRow  *row,
                 GParamSpec      *pspec,
                 ZopaVerdictList *self)
{
  const char *actor_id = zopa_verdict_item_get_actor_id (zopa_verdict_row_get_item (row));

  if (actor_id == NULL)
    return;
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_strdup (actor_id));
  else
    g_hash_table_remove (self->expanded, actor_id);
}

static void
on_row_build_reasons (ZopaVerdictRow  *row,
                      ZopaVerdictList *self)
{
  g_signal_emit (self, signals[SIGNAL_BUILD_REASONS], 0, row);
}

static void
on_row_try_flip (ZopaVerdictRow  *row,
                 ZopaVerdictList *self)
{
  g_signal_emit (self, signals[SIGNAL_TRY_FLIP], 0, zopa_verdict_row_get_item (row));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZopaVerdictList *self = ZOPA_VERDICT_LIST (user_data);
  GtkWidget *row = zopa_verdict_row_new (ZOPA_VERDICT_ITEM (item));
  const char *actor_id = zopa_verdict_item_get_actor_id (item);

  g_signal_connect_object (row, "build-reasons", G_CALLBACK (on_row_build_reasons), self, 0);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded), self, 0);
  g_signal_connect_object (row, "try-flip", G_CALLBACK (on_row_try_flip), self, 0);
  if (actor_id != NULL && g_hash_table_contains (self->expanded, actor_id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

/* Takes note of the verdicts under a new analysis, and of those it flipped. */
static void
track_flips (ZopaVerdictList *self,
             ZopaAnalysis    *analysis,
             int              draft,
             const char      *draft_id)
{
  g_autoptr(GHashTable) verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean same_draft = g_strcmp0 (self->seen_draft_id, draft_id) == 0;

  if (analysis == self->seen_analysis && same_draft)
    return;

  if (analysis != NULL && draft >= 0)
    for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
      g_hash_table_insert (verdicts, g_strdup (zopa_analysis_get_actor_id (analysis, a)),
                           GINT_TO_POINTER (zopa_analysis_get_verdict (analysis, draft, a)->verdict + 1));

  g_hash_table_remove_all (self->flipped);
  if (same_draft)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, verdicts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gpointer before = g_hash_table_lookup (self->seen_verdicts, key);

          if (before != NULL && before != value)
            g_hash_table_insert (self->flipped, g_strdup (key), before);
        }
    }

  g_set_object (&self->seen_analysis, analysis);
  g_free (self->seen_draft_id);
  self->seen_draft_id = g_strdup (draft_id);
  g_hash_table_unref (self->seen_verdicts);
  self->seen_verdicts = g_hash_table_ref (verdicts);
}

/* Whether the items stand for the analysis's actors, in its order. */
static gboolean
actors_match (ZopaVerdictList *self,
              ZopaAnalysis    *analysis)
{
  GListModel *items = G_LIST_MODEL (self->items);
  guint n_actors = zopa_analysis_get_n_actors (analysis);
  guint n_items = g_list_model_get_n_items (items);

  if (n_items != n_actors && n_items != n_actors + 1)
    return FALSE;
  for (guint a = 0; a < n_actors; a++)
    {
      g_autoptr(ZopaVerdictItem) item = g_list_model_get_item (items, a);

      if (g_strcmp0 (zopa_verdict_item_get_actor_id (item), zopa_analysis_get_actor_id (analysis, a)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* What the flip changes first: the stance on its first issue, else the reservation. */
static char *
flip_target (ZopaScenario              *scenario,
             ZopaAnalysis              *analysis,
             guint                      actor,
             const ZopaVerdictReadings *readings)
{
  const char *issue_id = NULL;

  if (scenario == NULL || !readings->has_flip)
    return NULL;
  if (readings->n_flip > 0 && readings->flip[0].kind == ZOPA_STANCE_CHANGE_ALLOW)
    issue_id = zopa_analysis_get_issue_id (analysis, readings->flip[0].issue);
  return zopa_reveal_target_for_stance (scenario, zopa_analysis_get_variant_id (analysis),
                                        zopa_analysis_get_actor_id (analysis, actor), issue_id);
}

static void
update_actor_item (ZopaVerdictList *self,
                   ZopaVerdictItem *item,
                   ZopaScenario    *scenario,
                   ZopaAnalysis    *analysis,
                   int              draft,
                   guint            actor,
                   guint            n_open)
{
  const ZopaDraftVerdict *verdict = zopa_analysis_get_verdict (analysis, draft, actor);
  const char *actor_id = zopa_verdict_item_get_actor_id (item);
  ZopaActor *model_actor = scenario != NULL ? zopa_scenario_find_actor (scenario, actor_id) : NULL;
  const ZopaVerdictReadings *readings = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  g_autofree char *subtitle = score_summary (verdict, n_open);
  g_autofree char *wording = zopa_format_verdict_over_readings (analysis, draft, actor);
  g_autofree char *flip = zopa_format_verdict_flip (analysis, draft, actor, ZOPA_FLIP_ALONE);
  g_autofree char *target = flip_target (scenario, analysis, actor, readings);

  g_object_set (item,
                "title", zopa_analysis_get_actor_name (analysis, actor),
                "subtitle", subtitle,
                "wording", wording,
                "flip", flip,
                "flip-target", target,
                "can-try", readings->has_flip,
                "color", model_actor != NULL ? zopa_actor_get_color (model_actor) : NULL,
                "verdict", (int) verdict->verdict,
                "was-verdict", zopa_verdict_list_get_flip (self, actor_id),
                "has-reasons", verdict_has_reasons (verdict) || flip != NULL,
                NULL);
  zopa_verdict_item_set_source (item, analysis, draft, actor);
}

static void
update_open_issues_item (ZopaVerdictItem *item,
                         ZopaAnalysis    *analysis,
                         int              draft,
                         guint            n_open)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Open Issue", "%u Open Issues", n_open), n_open);

  g_object_set (item,
                "title", title,
                "subtitle", _("No agreed clause fixes them: the draft stands for every way they could go"),
                "has-reasons", TRUE,
                NULL);
  zopa_verdict_item_set_source (item, analysis, draft, -1);
}

/* Follows a new analysis of the draft (NULL or draft -1 for none): the items are updated in
 * place when the actors are the same, so their rows and what the user opened stay. */
void
zopa_verdict_list_update (ZopaVerdictList *self,
                          ZopaScenario    *scenario,
                          ZopaAnalysis    *analysis,
                          int              draft,
                          const char      *draft_id)
{
  GListModel *items = G_LIST_MODEL (self->items);
  guint n_open = 0, n_actors;

  g_return_if_fail (ZOPA_IS_VERDICT_LIST (self));

  track_flips (self, analysis, draft, draft_id);
  if (analysis == NULL || draft < 0)
    {
      g_list_store_remove_all (self->items);
      return;
    }

  zopa_analysis_get_draft_open_issues (analysis, draft, &n_open);
  n_actors = zopa_analysis_get_n_actors (analysis);
  if (!actors_match (self, analysis))
    {
      /* Other actors: new items, set before the rows are made from them. */
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint a = 0; a < n_actors; a++)
        {
          ZopaVerdictItem *item = zopa_verdict_item_new (zopa_analysis_get_actor_id (analysis, a));

          update_actor_item (self, item, scenario, analysis, draft, a, n_open);
          g_ptr_array_add (fresh, item);
        }
      g_list_store_splice (self->items, 0, g_list_model_get_n_items (items), fresh->pdata, fresh->len);
    }
  else
    for (guint a = 0; a < n_actors; a++)
      {
        g_autoptr(ZopaVerdictItem) item = g_list_model_get_item (items, a);

        update_actor_item (self, item, scenario, analysis, draft, a, n_open);
      }

  /* The open issues' row last, while there are any. */
  if (n_open == 0 && g_list_model_get_n_items (items) > n_actors)
    g_list_store_remove (self->items, n_actors);
  else if (n_open > 0)
    {
      g_autoptr(ZopaVerdictItem) item = NULL;

      if (g_list_model_get_n_items (items) > n_actors)
        item = g_list_model_get_item (items, n_actors);
      else
        item = zopa_verdict_item_new (NULL);
      update_open_issues_item (item, analysis, draft, n_open);
      if (g_list_model_get_n_items (items) == n_actors)
        g_list_store_append (self->items, item);
    }
}

/* The verdict the last change flipped the actor's from, or ZOPA_VERDICT_ITEM_NONE. */
int
zopa_verdict_list_get_flip (ZopaVerdictList *self,
                            const char      *actor_id)
{
  gpointer was;

  if (!g_hash_table_lookup_extended (self->flipped, actor_id, NULL, &was))
    return ZOPA_VERDICT_ITEM_NONE;
  return GPOINTER_TO_INT (was) - 1;
}

/* Forgets the verdicts seen and the rows opened, as for another scenario. */
void
zopa_verdict_list_forget (ZopaVerdictList *self)
{
  g_clear_object (&self->seen_analysis);
  g_clear_pointer (&self->seen_draft_id, g_free);
  g_hash_table_remove_all (self->seen_verdicts);
  g_hash_table_remove_all (self->flipped);
  g_hash_table_remove_all (self->expanded);
}

GListModel *
zopa_verdict_list_get_items (ZopaVerdictList *self)
{
  return G_LIST_MODEL (self->items);
}

static void
zopa_verdict_list_dispose (GObject *object)
{
  ZopaVerdictList *self = ZOPA_VERDICT_LIST (object);

  if (self->list_box != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->list_box));
  self->list_box = NULL;
  g_clear_object (&self->items);
  g_clear_object (&self->seen_analysis);
  G_OBJECT_CLASS (zopa_verdict_list_parent_class)->dispose (object);
}

static void
zopa_verdict_list_finalize (GObject *object)
{
  ZopaVerdictList *self = ZOPA_VERDICT_LIST (object);

  g_free (self->seen_draft_id);
  g_hash_table_unref (self->expanded);
  g_hash_table_unref (self->seen_verdicts);
  g_hash_table_unref (self->flipped);
  G_OBJECT_CLASS (zopa_verdict_list_parent_class)->finalize (object);
}

static void
zopa_verdict_list_class_init (ZopaVerdictListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_verdict_list_dispose;
  object_class->finalize = zopa_verdict_list_finalize;

  /* A row was opened, or its item changed while open: add its reasons to it. */
  signals[SIGNAL_BUILD_REASONS] =
    g_signal_new ("build-reasons", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ZOPA_TYPE_VERDICT_ROW);
  /* A row's Try button was clicked: make the flip of its item's verdict a variant. */
  signals[SIGNAL_TRY_FLIP] =
    g_signal_new ("try-flip", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ZOPA_TYPE_VERDICT_ITEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zopa_verdict_list_init (ZopaVerdictList *self)
{
  self->items = g_list_store_new (ZOPA_TYPE_VERDICT_ITEM);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seen_verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->flipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Verdicts"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->items), create_row, self, NULL);
}

GtkWidget *
zopa_verdict_list_new (void)
{
  return g_object_new (ZOPA_TYPE_VERDICT_LIST, NULL);
}
