/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hard-scenarios.c: the generated scenarios of bench-hard and bench-solvers */

#include "hard-scenarios.h"

const HardShape hard_shapes[] = {
  /* the witness search of a 3-actor ZOPA over a huge space */
  { "3x64x32",       3, 64, 32, 0.6,    0, 45, 65 },
  { "3x64x32-drafts", 3, 64, 32, 0.6, 100, 45, 65 },
  { "4x64x64",       4, 64, 64, 0.6,    3, 45, 65 },
  { "6x64x64",       6, 64, 64, 0.6,    3, 45, 65 },
  /* loose red lines: exclusive regions of six actors */
  { "6x30x8-loose",  6, 30,  8, 0.9,    3, 50, 70 },
  { "5x40x16-loose", 5, 40, 16, 0.95,  10, 50, 70 },
  /* tight red lines: empty ZOPAs, what must change */
  { "4x30x8-tight",  4, 30,  8, 0.6,   10, 55, 75 },
  { "6x48x12",       6, 48, 12, 0.8,   20, 45, 65 },
  { NULL }
};

ZopaScenario *
hard_scenario_generate (const HardShape *shape,
                        guint32          seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ZopaScenario *scenario = zopa_scenario_new ();
  g_autofree char *title = g_strdup_printf ("Hard %s seed %u", shape->name, seed);

  zopa_scenario_set_title (scenario, title);
  for (guint i = 0; i < shape->n_issues; i++)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      g_autoptr(ZopaIssue) issue = zopa_issue_new (id);
      for (guint o = 0; o < shape->n_options; o++)
        {
          g_autofree char *oid = g_strdup_printf ("i%u-o%u", i, o);
          g_autoptr(ZopaOption) option = zopa_option_new (oid, oid);
          zopa_issue_insert_option (issue, o, option);
        }
      zopa_scenario_insert_issue (scenario, i, issue);
    }

  for (guint a = 0; a < shape->n_actors; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a);
      g_autoptr(ZopaActor) actor = zopa_actor_new (id);
      static const char *colors[] = { "#1c71d8", "#c01c28", "#26a269", "#e5a50a", "#613583", "#865e3c" };

      zopa_actor_set_name (actor, id);
      zopa_actor_set_color (actor, colors[a % G_N_ELEMENTS (colors)]);

      zopa_actor_set_reservation (actor, g_rand_int_range (rand, shape->reservation_lo, shape->reservation_hi + 1));
      for (guint i = 0; i < shape->n_issues; i++)
        {
          g_autofree char *iid = g_strdup_printf ("i%u", i);
          g_autoptr(ZopaStance) stance = zopa_stance_new (iid);
          g_autoptr(GPtrArray) acceptable = g_ptr_array_new_with_free_func (g_free);

          zopa_stance_set_weight (stance, g_rand_int_range (rand, 1, 11));
          for (guint o = 0; o < shape->n_options; o++)
            {
              g_autofree char *oid = g_strdup_printf ("i%u-o%u", i, o);
              zopa_stance_set_utility (stance, oid, g_rand_int_range (rand, 0, 101));
              if (g_rand_double (rand) < shape->acceptance)
                g_ptr_array_add (acceptable, g_strdup (oid));
            }
          if (acceptable->len == 0)
            g_ptr_array_add (acceptable, g_strdup_printf ("i%u-o%u", i, g_rand_int_range (rand, 0, shape->n_options)));
          if (acceptable->len < shape->n_options)
            {
              g_ptr_array_add (acceptable, NULL);
              zopa_stance_set_acceptable (stance, (const char * const *) acceptable->pdata);
            }
          zopa_actor_insert_stance (actor, i, stance);
        }
      zopa_scenario_insert_actor (scenario, a, actor);
    }

  for (guint d = 0; d < shape->n_drafts; d++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", d);
      g_autoptr(ZopaDraft) draft = zopa_draft_new (id);
      guint fixed = g_rand_int_range (rand, 0, 101);

      for (guint i = 0; i < shape->n_issues; i++)
        {
          g_autofree char *cid = NULL, *iid = NULL, *oid = NULL;
          g_autoptr(ZopaClause) clause = NULL;

          if ((guint) g_rand_int_range (rand, 0, 100) >= fixed)
            continue;
          cid = g_strdup_printf ("d%u-c%u", d, i);
          iid = g_strdup_printf ("i%u", i);
          oid = g_strdup_printf ("i%u-o%u", i, g_rand_int_range (rand, 0, shape->n_options));
          clause = zopa_clause_new (cid);
          zopa_clause_set_option (clause, iid, oid);
          zopa_draft_insert_clause (draft, g_list_model_get_n_items (zopa_draft_get_clauses (draft)), clause);
        }
      zopa_scenario_insert_draft (scenario, d, draft);
    }
  return scenario;
}
