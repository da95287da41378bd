/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-readings-json.c: the members of `analyze --json` about readings, added to the
 * object of zopa_analysis_to_json() */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include "zopa-readings-private.h"

static void
set_count (JsonObject *object,
           const char *member,
           double      value)
{
  if (value <= 9007199254740992.0)
    json_object_set_int_member (object, member, (gint64) value);
  else
    json_object_set_double_member (object, member, value);
}

static guint
mask_of_actor_list (ZopaAnalysis *analysis,
                    JsonArray    *ids)
{
  guint mask = 0;

  for (guint k = 0; k < json_array_get_length (ids); k++)
    for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
      if (g_strcmp0 (json_array_get_string_element (ids, k), zopa_analysis_get_actor_id (analysis, a)) == 0)
        mask |= 1u << a;
  return mask;
}

static JsonArray *
actor_list (ZopaAnalysis *analysis,
            guint         mask)
{
  JsonArray *array = json_array_new ();

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    if ((mask >> a) & 1)
      json_array_add_string_element (array, zopa_analysis_get_actor_id (analysis, a));
  return array;
}

static JsonNode *
reservation_node (ZopaAnalysis *analysis,
                  guint         actor)
{
  int low, high;

  zopa_analysis_get_reservation_range (analysis, actor, &low, &high);
  if (low == high)
    return json_node_init_int (json_node_alloc (), low);
  else
    {
      g_autoptr(JsonArray) range = json_array_new ();

      json_array_add_int_element (range, low);
      json_array_add_int_element (range, high);
      return json_node_init_array (json_node_alloc (), range);
    }
}

static JsonObject *
change_object (ZopaAnalysis           *analysis,
               const ZopaStanceChange *change)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "actor", zopa_analysis_get_actor_id (analysis, change->actor));
  if (change->kind == ZOPA_STANCE_CHANGE_ALLOW)
    {
      json_object_set_string_member (object, "issue", zopa_analysis_get_issue_id (analysis, change->issue));
      json_object_set_string_member (object, "allow",
                                     zopa_analysis_get_option_id (analysis, change->issue, change->option));
    }
  else
    json_object_set_int_member (object, "reservation", change->reservation);
  return object;
}

static const char *
hinge_field (ZopaHingeKind kind)
{
  switch (kind)
    {
    case ZOPA_HINGE_WEIGHT:
      return "weight";
    case ZOPA_HINGE_UTILITY:
      return "utility";
    case ZOPA_HINGE_MAYBE:
      return "maybe";
    case ZOPA_HINGE_RESERVATION:
    default:
      return "reservation";
    }
}

static JsonObject *
hinge_object (ZopaAnalysis    *analysis,
              guint            actor,
              const ZopaHinge *hinge)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "actor", zopa_analysis_get_actor_id (analysis, actor));
  if (hinge->kind == ZOPA_HINGE_RESERVATION)
    {
      json_object_set_member (object, "reservation", reservation_node (analysis, actor));
      return object;
    }
  json_object_set_string_member (object, "issue", zopa_analysis_get_issue_id (analysis, hinge->issue));
  if (hinge->kind != ZOPA_HINGE_WEIGHT)
    json_object_set_string_member (object, "option",
                                   zopa_analysis_get_option_id (analysis, hinge->issue, hinge->option));
  json_object_set_string_member (object, "field", hinge_field (hinge->kind));
  return object;
}

static void
add_verdict_members (ZopaAnalysis *analysis,
                     guint         draft,
                     guint         actor,
                     JsonObject   *object)
{
  const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, draft, actor);
  JsonArray *depends_on = json_array_new ();
  JsonArray *hinges = json_array_new ();
  int low, high;

  zopa_analysis_get_reservation_range (analysis, actor, &low, &high);
  if (low != high)
    json_object_set_member (object, "reservation", reservation_node (analysis, actor));

  if (x->on_open_issues)
    json_array_add_string_element (depends_on, "open_issues");
  if (x->on_assumptions)
    json_array_add_string_element (depends_on, "assumptions");
  json_object_set_array_member (object, "depends_on", depends_on);

  for (guint k = 0; k < x->n_hinges; k++)
    json_array_add_object_element (hinges, hinge_object (analysis, actor, &x->hinges[k]));
  json_object_set_array_member (object, "hinges_on", hinges);

  if (x->has_flip)
    {
      JsonObject *flip = json_object_new ();
      JsonArray *changes = json_array_new ();

      for (guint k = 0; k < x->n_flip; k++)
        json_array_add_object_element (changes, change_object (analysis, &x->flip[k]));
      json_object_set_array_member (flip, "changes", changes);
      json_object_set_object_member (object, "flip", flip);
    }
  else
    json_object_set_null_member (object, "flip");
}

static const char *
zopa_empty_to_string (ZopaHolds empty)
{
  switch (empty)
    {
    case ZOPA_HOLDS_IN_EVERY_READING:
      return "always";
    case ZOPA_HOLDS_IN_NO_READING:
      return "never";
    case ZOPA_HOLDS_IN_SOME_READING:
    default:
      return "depends";
    }
}

static JsonArray *
change_sets_array (ZopaAnalysis        *analysis,
                   const ZopaChangeSet *sets,
                   guint                n_sets)
{
  JsonArray *array = json_array_new ();

  for (guint k = 0; k < n_sets; k++)
    {
      JsonObject *set = json_object_new ();
      JsonArray *changes = json_array_new ();

      for (guint j = 0; j < sets[k].n_changes; j++)
        json_array_add_object_element (changes, change_object (analysis, &sets[k].changes[j]));
      json_object_set_array_member (set, "changes", changes);
      json_array_add_object_element (array, set);
    }
  return array;
}

/* Every group whose ZOPA is empty in every or in some reading, in the order of regions. */
static JsonArray *
empty_regions_array (ZopaAnalysis *analysis,
                     JsonArray    *regions)
{
  JsonArray *array = json_array_new ();

  for (guint k = 0; k < json_array_get_length (regions); k++)
    {
      JsonObject *region = json_array_get_object_element (regions, k);
      guint mask = mask_of_actor_list (analysis, json_object_get_array_member (region, "actors"));
      const ZopaEmptyRegion *e = zopa_analysis_get_empty_region (analysis, mask);
      JsonObject *object;
      JsonArray *red_lines;

      if (e == NULL)
        continue;
      object = json_object_new ();
      red_lines = json_array_new ();
      json_object_set_array_member (object, "actors", actor_list (analysis, mask));
      json_object_set_string_member (object, "empty", zopa_holds_to_string (e->empty));
      for (guint j = 0; j < e->n_red_line_issues; j++)
        json_array_add_string_element (red_lines, zopa_analysis_get_issue_id (analysis, e->red_line_issues[j]));
      json_object_set_array_member (object, "red_lines", red_lines);
      json_object_set_boolean_member (object, "scores", e->by_scores);
      if (e->computed)
        json_object_set_array_member (object, "opening_changes", change_sets_array (analysis, e->sets, e->n_sets));
      else
        json_object_set_null_member (object, "opening_changes");
      json_object_set_boolean_member (object, "complete", e->complete);
      json_array_add_object_element (array, object);
    }
  return array;
}

static JsonObject *
robustness_object (ZopaAnalysis *analysis,
                   JsonArray    *regions)
{
  JsonObject *robustness = json_object_new ();
  JsonArray *verdicts = json_array_new ();
  JsonArray *region_facts = json_array_new ();
  guint all = zopa_analysis_get_all_mask (analysis);
  const ZopaRegionReadings *whole = zopa_analysis_get_region_readings (analysis, all);

  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
      {
        const ZopaVerdictReadings *x = zopa_analysis_get_verdict_readings (analysis, d, a);
        JsonObject *fact = json_object_new ();

        json_object_set_string_member (fact, "draft", zopa_analysis_get_draft_id (analysis, d));
        json_object_set_string_member (fact, "actor", zopa_analysis_get_actor_id (analysis, a));
        json_object_set_string_member (fact, "verdict",
                                       zopa_verdict_to_string (zopa_analysis_get_verdict (analysis, d, a)->verdict));
        json_object_set_string_member (fact, "accepts", zopa_holds_to_string (x->accepts));
        json_object_set_string_member (fact, "rejects", zopa_holds_to_string (x->rejects));
        json_array_add_object_element (verdicts, fact);
      }

  /* In the order of the regions above. */
  for (guint k = 0; k < json_array_get_length (regions); k++)
    {
      JsonObject *region = json_array_get_object_element (regions, k);
      guint mask = mask_of_actor_list (analysis, json_object_get_array_member (region, "actors"));
      const ZopaRegionReadings *r = zopa_analysis_get_region_readings (analysis, mask);
      JsonObject *fact = json_object_new ();

      json_object_set_array_member (fact, "actors", actor_list (analysis, mask));
      json_object_set_string_member (fact, "inclusive_empty", zopa_holds_to_string (r->empty_inclusive));
      json_object_set_string_member (fact, "exclusive_empty", zopa_holds_to_string (r->empty_exclusive));
      if (!r->emptiness_exact)
        json_object_set_boolean_member (fact, "exact", FALSE);
      json_array_add_object_element (region_facts, fact);
    }

  json_object_set_array_member (robustness, "verdicts", verdicts);
  json_object_set_array_member (robustness, "regions", region_facts);
  json_object_set_string_member (robustness, "zopa_empty", zopa_holds_to_string (whole->empty_inclusive));
  return robustness;
}

void
zopa_readings_add_json (ZopaAnalysis *analysis,
                        JsonObject   *root)
{
  JsonArray *regions = json_object_get_array_member (root, "regions");
  JsonArray *drafts = json_object_get_array_member (root, "drafts");
  JsonObject *zopa = json_object_get_object_member (root, "zopa");
  guint all = zopa_analysis_get_all_mask (analysis);
  const ZopaRegionReadings *whole = zopa_analysis_get_region_readings (analysis, all);

  for (guint k = 0; k < json_array_get_length (regions); k++)
    {
      JsonObject *region = json_array_get_object_element (regions, k);
      guint mask = mask_of_actor_list (analysis, json_object_get_array_member (region, "actors"));
      const ZopaRegionReadings *r = zopa_analysis_get_region_readings (analysis, mask);

      set_count (region, "inclusive_max", r->inclusive_max);
      set_count (region, "exclusive_max", r->exclusive_max);
      if (!r->exact)
        json_object_set_boolean_member (region, "max_exact", FALSE);
    }

  for (guint d = 0; d < json_array_get_length (drafts); d++)
    {
      JsonObject *verdicts = json_object_get_object_member (json_array_get_object_element (drafts, d), "verdicts");

      for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
        add_verdict_members (analysis, d, a,
                             json_object_get_object_member (verdicts, zopa_analysis_get_actor_id (analysis, a)));
    }

  if (zopa_analysis_is_uncertain (analysis))
    json_object_set_boolean_member (zopa, "exact", zopa_analysis_get_region (analysis, all)->exact);
  set_count (zopa, "deals_max", whole->inclusive_max);
  json_object_set_string_member (zopa, "empty", zopa_empty_to_string (whole->empty_inclusive));
  /* "depends" then says only that it is not always empty: no reading was found that fills it. */
  if (!whole->emptiness_exact)
    json_object_set_boolean_member (zopa, "empty_exact", FALSE);

  json_object_set_array_member (root, "empty_regions", empty_regions_array (analysis, regions));
  json_object_set_object_member (root, "robustness", robustness_object (analysis, regions));
}
