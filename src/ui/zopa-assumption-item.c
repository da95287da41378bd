/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-assumption-item.c: one uncertain value and what hinges on it, in words */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "zopa-assumption-item.h"

struct _ZopaAssumptionItem
{
  GObject     parent_instance;

  char       *key;
  char       *title;
  char       *range;
  char       *summary;
  char       *color;
  GArray     *conclusions;    /* ZopaConclusion */
  GListStore *sources;
  GArray     *region_masks;   /* guint */
  GArray     *draft_indices;  /* guint */
};

G_DEFINE_FINAL_TYPE (ZopaAssumptionItem, zopa_assumption_item, G_TYPE_OBJECT)

static void
clear_conclusion (gpointer data)
{
  ZopaConclusion *c = data;

  g_free (c->title);
  g_free (c->subtitle);
}

static void
zopa_assumption_item_finalize (GObject *object)
{
  ZopaAssumptionItem *self = ZOPA_ASSUMPTION_ITEM (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->range);
  g_free (self->summary);
  g_free (self->color);
  g_array_unref (self->conclusions);
  g_object_unref (self->sources);
  g_array_unref (self->region_masks);
  g_array_unref (self->draft_indices);
  G_OBJECT_CLASS (zopa_assumption_item_parent_class)->finalize (object);
}

static void
zopa_assumption_item_class_init (ZopaAssumptionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zopa_assumption_item_finalize;
}

static void
zopa_assumption_item_init (ZopaAssumptionItem *self)
{
  self->conclusions = g_array_new (FALSE, TRUE, sizeof (ZopaConclusion));
  g_array_set_clear_func (self->conclusions, clear_conclusion);
  self->sources = g_list_store_new (ZOPA_TYPE_SOURCE);
  self->region_masks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->draft_indices = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
add_conclusion (ZopaAssumptionItem *self,
                const char         *icon_name,
                char               *title,
                char               *subtitle)
{
  ZopaConclusion c = { icon_name, title, subtitle };

  g_array_append_val (self->conclusions, c);
}

static void
add_verdicts (ZopaAssumptionItem *self,
              ZopaHinges         *hinges,
              guint               index)
{
  ZopaAnalysis *analysis = zopa_hinges_get_analysis (hinges);
  guint n = 0;
  const ZopaVerdictRef *refs = zopa_hinges_get_verdicts (hinges, index, &n);

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *verdict = zopa_format_verdict_over_readings (analysis, refs[k].draft, refs[k].actor);

      add_conclusion (self, "document-edit-symbolic",
                      g_strdup (zopa_analysis_get_draft_title (analysis, refs[k].draft)),
                      /* TRANSLATORS: an actor's name, then its verdict as the verdict rows word it */
                      g_strdup_printf (_("%s: %s"), zopa_analysis_get_actor_name (analysis, refs[k].actor), verdict));
      if (k == 0 || refs[k - 1].draft != refs[k].draft)
        g_array_append_val (self->draft_indices, refs[k].draft);
    }
}

static void
add_regions (ZopaAssumptionItem *self,
             ZopaHinges         *hinges,
             guint               index)
{
  ZopaAnalysis *analysis = zopa_hinges_get_analysis (hinges);
  guint all = zopa_analysis_get_all_mask (analysis), n = 0;
  const guint *masks = zopa_hinges_get_regions (hinges, index, &n);

  g_array_append_vals (self->region_masks, masks, n);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *names = NULL;

      /* The whole group's region is the ZOPA, said last. */
      if (masks[k] == all)
        continue;
      names = zopa_hinges_group_names (analysis, masks[k]);
      add_conclusion (self, "view-grid-symbolic",
                      /* TRANSLATORS: a group of actors, "Kyiv and Moscow" */
                      g_strdup_printf (_("Deals only %s accept"), names),
                      g_strdup (_("Empty in some readings, not in others")));
    }
  if (zopa_hinges_get_zopa (hinges, index))
    add_conclusion (self, "emblem-default-symbolic", g_strdup (_("The ZOPA of all shown actors")),
                    g_strdup (_("Empty in some readings, not in others")));
}

static void
add_sources (ZopaAssumptionItem *self,
             ZopaScenario       *scenario,
             ZopaActor          *actor)
{
  const char * const *ids = actor != NULL ? zopa_actor_get_sources (actor) : NULL;

  for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
    {
      ZopaSource *source = zopa_scenario_find_source (scenario, ids[k]);

      if (source != NULL)
        g_list_store_append (self->sources, source);
    }
}

static char *
summarize (ZopaAssumptionItem *self,
           ZopaHinges         *hinges,
           guint               index)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  ZopaAnalysis *analysis = zopa_hinges_get_analysis (hinges);
  guint n_verdicts = 0, n_regions = 0, all = zopa_analysis_get_all_mask (analysis);
  const guint *masks;
  g_autofree char *list = NULL;

  zopa_hinges_get_verdicts (hinges, index, &n_verdicts);
  masks = zopa_hinges_get_regions (hinges, index, &n_regions);
  for (guint k = 0; k < n_regions; k++)
    if (masks[k] == all)
      n_regions--;
  if (n_verdicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u verdict", "%u verdicts", n_verdicts), n_verdicts));
  if (n_regions > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u region", "%u regions", n_regions), n_regions));
  if (zopa_hinges_get_zopa (hinges, index))
    g_ptr_array_add (parts, g_strdup (_("the ZOPA")));
  if (parts->len == 0)
    return g_strdup (_("Nothing shown hinges on it alone"));
  list = zopa_format_join_and (parts);
  /* TRANSLATORS: "2 verdicts, 1 region and the ZOPA" */
  return g_strdup_printf (_("Hinging on it: %s"), list);
}

ZopaAssumptionItem *
zopa_assumption_item_new (ZopaHinges   *hinges,
                          guint         index,
                          ZopaScenario *scenario)
{
  ZopaAssumptionItem *self = g_object_new (ZOPA_TYPE_ASSUMPTION_ITEM, NULL);
  ZopaAnalysis *analysis = zopa_hinges_get_analysis (hinges);
  const ZopaAssumption *x = zopa_hinges_get_assumption (hinges, index);
  const char *actor_id = zopa_analysis_get_actor_id (analysis, x->actor);
  ZopaActor *actor = zopa_scenario_find_actor (scenario, actor_id);

  self->key = g_strdup_printf ("%s/%d/%s/%s", actor_id, x->kind,
                               x->kind == ZOPA_HINGE_RESERVATION ? "" : zopa_analysis_get_issue_id (analysis, x->issue),
                               x->kind == ZOPA_HINGE_UTILITY || x->kind == ZOPA_HINGE_MAYBE
                               ? zopa_analysis_get_option_id (analysis, x->issue, x->option) : "");
  self->title = zopa_assumption_describe (analysis, x);
  self->range = x->kind == ZOPA_HINGE_MAYBE ? g_strdup (_("maybe")) : g_strdup_printf ("%d–%d", x->low, x->high);
  self->color = g_strdup (actor != NULL ? zopa_actor_get_color (actor) : NULL);
  add_verdicts (self, hinges, index);
  add_regions (self, hinges, index);
  add_sources (self, scenario, actor);
  self->summary = summarize (self, hinges, index);
  return self;
}

const char *
zopa_assumption_item_get_key (ZopaAssumptionItem *self)
{
  return self->key;
}

const char *
zopa_assumption_item_get_title (ZopaAssumptionItem *self)
{
  return self->title;
}

const char *
zopa_assumption_item_get_range (ZopaAssumptionItem *self)
{
  return self->range;
}

const char *
zopa_assumption_item_get_summary (ZopaAssumptionItem *self)
{
  return self->summary;
}

const char *
zopa_assumption_item_get_color (ZopaAssumptionItem *self)
{
  return self->color;
}

GArray *
zopa_assumption_item_get_conclusions (ZopaAssumptionItem *self)
{
  return self->conclusions;
}

GListModel *
zopa_assumption_item_get_sources (ZopaAssumptionItem *self)
{
  return G_LIST_MODEL (self->sources);
}

GArray *
zopa_assumption_item_get_region_masks (ZopaAssumptionItem *self)
{
  return self->region_masks;
}

GArray *
zopa_assumption_item_get_draft_indices (ZopaAssumptionItem *self)
{
  return self->draft_indices;
}
