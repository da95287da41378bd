/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * From JSON to the model: the walk over a parsed scenario file that reports wrong types,
 * missing members and numbers out of range (the text itself is read by zopa-json-parser.c).
 *
 * What the reader itself decides (everything else is checked on the model, see
 * zopa-scenario-validator.c):
 * - "format" must be "zopa" and "version" an integer from 1 to ZOPA_FORMAT_VERSION; when
 *   either is wrong nothing else is checked, as the rest may follow other rules.
 * - every member has one JSON type; optional members may be absent but not null, except a
 *   draft's "derived_from", which may be null.
 * - integers may be written as 2 or 2.0, not 2.5; 1e400 is not a finite number.
 * - "status" of a clause is required and one of "agreed", "bracketed", "deleted"; "options"
 *   of an issue is required.
 * - members the program does not know are kept, in their order, as each object's extra.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zopa-scenario-members.h"
#include "zopa-scenario-reader.h"
#include "zopa-scenario-writer.h"

typedef struct {
  ZopaProblems *problems;
  JsonObject   *object;
  const char   *path;
} Members;

static char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return zopa_format_double (json_node_get_double (node));
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);

        if (g_utf8_strlen (text, -1) > 40)
          return g_strdup_printf ("\"%.*s…\"", (int) (g_utf8_offset_to_pointer (text, 40) - text), text);
        return g_strdup_printf ("\"%s\"", text);
      }
    default:
      return g_strdup (_("a value"));
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static void
report_type (ZopaProblems *problems,
             const char   *path,
             JsonNode     *node,
             const char   *expected_format)
{
  g_autofree char *got = describe_node (node);
  g_autofree char *message = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (expected_format, got);
#pragma GCC diagnostic pop

  zopa_problems_add_path (problems, FALSE, path, "%s", message);
  zopa_problems_mark (problems, path);
}

static JsonNode *
members_get (Members    *members,
             const char *name)
{
  return json_object_get_member (members->object, name);
}

static char *
members_path (Members    *members,
              const char *name)
{
  return zopa_path_member (members->path, name);
}

static void
members_missing (Members    *members,
                 const char *name)
{
  g_autofree char *path = members_path (members, name);

  zopa_problems_add_path (members->problems, FALSE, members->path,
                          _("missing required member \"%s\""), name);
  zopa_problems_mark (members->problems, path);
}

/* NULL when absent or of another type (reported). */
static const char *
read_string (Members    *members,
             const char *name)
{
  JsonNode *node = members_get (members, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    return NULL;
  if (node_is_string (node))
    return json_node_get_string (node);

  path = members_path (members, name);
  report_type (members->problems, path, node, _("expected a string, got %s"));
  return NULL;
}

/*
 * Checks an integer in [min, max] at path. Integers may be written as 2.0 but not 2.5;
 * values out of range are reported with the value as written.
 */
static gboolean
check_integer (ZopaProblems *problems,
               const char   *path,
               JsonNode     *node,
               int           min,
               int           max,
               int          *out)
{
  g_autofree char *got = NULL;

  if (node_is_number (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        {
          gint64 value = json_node_get_int (node);

          if (value >= min && value <= max)
            {
              *out = (int) value;
              return TRUE;
            }
        }
      else
        {
          double value = json_node_get_double (node);

          if (!isfinite (value))
            {
              zopa_problems_add_path (problems, FALSE, path, _("expected a finite number"));
              zopa_problems_mark (problems, path);
              return FALSE;
            }
          if (value == floor (value) && value >= min && value <= max)
            {
              *out = (int) value;
              return TRUE;
            }
        }
    }

  got = describe_node (node);
  zopa_problems_add_path (problems, FALSE, path,
                          _("expected an integer from %d to %d, got %s"), min, max, got);
  zopa_problems_mark (problems, path);
  return FALSE;
}

/*
 * An integer min..max, or a range [low, high] of two such integers with low <= high (the
 * evidence allows any value in it). out->ranged tells which form the file used.
 */
static gboolean
check_integer_or_range (ZopaProblems *problems,
                        const char   *path,
                        JsonNode     *node,
                        int           min,
                        int           max,
                        ZopaRange    *out)
{
  JsonArray *array;
  g_autofree char *low_path = NULL;
  g_autofree char *high_path = NULL;
  gboolean low_ok, high_ok;
  int low = 0, high = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      if (!check_integer (problems, path, node, min, max, &low))
        return FALSE;
      out->low = out->high = low;
      out->ranged = FALSE;
      return TRUE;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) != 2)
    {
      zopa_problems_add_path (problems, FALSE, path,
                              _("expected a range [low, high] of two integers from %d to %d, got an array of %u elements"),
                              min, max, json_array_get_length (array));
      zopa_problems_mark (problems, path);
      return FALSE;
    }

  low_path = zopa_path_index (path, 0);
  high_path = zopa_path_index (path, 1);
  low_ok = check_integer (problems, low_path, json_array_get_element (array, 0), min, max, &low);
  high_ok = check_integer (problems, high_path, json_array_get_element (array, 1), min, max, &high);
  if (!low_ok || !high_ok)
    {
      zopa_problems_mark (problems, path);
      return FALSE;
    }
  if (low > high)
    {
      zopa_problems_add_path (problems, FALSE, path,
                              _("the range [%d, %d] is reversed: its low end must not exceed its high end"),
                              low, high);
      zopa_problems_mark (problems, path);
      return FALSE;
    }

  out->low = low;
  out->high = high;
  out->ranged = TRUE;
  return TRUE;
}

static gboolean
read_integer_or_range (Members    *members,
                       const char *name,
                       int         min,
                       int         max,
                       ZopaRange  *out)
{
  JsonNode *node = members_get (members, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    return FALSE;

  path = members_path (members, name);
  return check_integer_or_range (members->problems, path, node, min, max, out);
}

static JsonArray *
read_array (Members    *members,
            const char *name)
{
  JsonNode *node = members_get (members, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  path = members_path (members, name);
  report_type (members->problems, path, node, _("expected an array, got %s"));
  return NULL;
}

static JsonObject *
read_object (Members    *members,
             const char *name)
{
  JsonNode *node = members_get (members, name);
  g_autofree char *path = NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  path = members_path (members, name);
  report_type (members->problems, path, node, _("expected an object, got %s"));
  return NULL;
}

/*
 * An array of strings as a NULL-terminated vector, or NULL when absent. Elements of another
 * type are reported and kept as "" so that the positions of the others do not move.
 */
static char **
read_string_list (Members    *members,
                  const char *name)
{
  JsonArray *array = read_array (members, name);
  g_autofree char *path = NULL;
  GStrvBuilder *builder;
  char **strv;

  if (array == NULL)
    return NULL;

  path = members_path (members, name);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (node_is_string (element))
        g_strv_builder_add (builder, json_node_get_string (element));
      else
        {
          g_autofree char *element_path = zopa_path_index (path, i);

          report_type (members->problems, element_path, element, _("expected a string, got %s"));
          g_strv_builder_add (builder, "");
        }
    }
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

/* Unknown members are kept as they are, but JSON cannot hold an infinite number. */
static void
check_finite (ZopaProblems *problems,
              const char   *path,
              JsonNode     *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          g_autofree char *member_path = zopa_path_member (path, l->data);
          check_finite (problems, member_path, json_object_get_member (object, l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element_path = zopa_path_index (path, i);
          check_finite (problems, element_path, json_array_get_element (array, i));
        }
    }
  else if (node_is_number (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
           !isfinite (json_node_get_double (node)))
    zopa_problems_add_path (problems, FALSE, path, _("expected a finite number"));
}

/* The members not in known, in their order, or NULL when there are none. */
static JsonObject *
collect_extra (Members            *members,
               const char * const *known)
{
  g_autoptr(GList) names = json_object_get_members (members->object);
  JsonObject *extra = NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *path = NULL;

      if (g_strv_contains (known, name))
        continue;
      path = members_path (members, name);
      check_finite (members->problems, path, json_object_get_member (members->object, name));
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name,
                              json_node_copy (json_object_get_member (members->object, name)));
    }

  return extra;
}

/* Array elements must be objects; otherwise the element is reported and NULL returned. */
static JsonObject *
element_object (ZopaProblems *problems,
                JsonArray    *array,
                guint         index,
                const char   *path)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  report_type (problems, path, node, _("expected an object, got %s"));
  return NULL;
}

static gpointer
read_source (ZopaProblems *problems,
             JsonObject   *object,
             const char   *path)
{
  Members m = { problems, object, path };
  ZopaSource *source = zopa_source_new (read_string (&m, "id"));
  g_autoptr(JsonObject) extra = NULL;

  zopa_source_set_title (source, read_string (&m, "title"));
  zopa_source_set_publisher (source, read_string (&m, "publisher"));
  zopa_source_set_date (source, read_string (&m, "date"));
  zopa_source_set_url (source, read_string (&m, "url"));
  extra = collect_extra (&m, zopa_source_members);
  zopa_source_set_extra (source, extra);
  return source;
}

static ZopaOption *
read_option (ZopaProblems *problems,
             JsonObject   *object,
             const char   *path)
{
  Members m = { problems, object, path };
  ZopaOption *option = zopa_option_new (read_string (&m, "id"), read_string (&m, "label"));
  g_autoptr(JsonObject) extra = collect_extra (&m, zopa_option_members);

  zopa_option_set_extra (option, extra);
  return option;
}

static gpointer
read_issue (ZopaProblems *problems,
            JsonObject   *object,
            const char   *path)
{
  Members m = { problems, object, path };
  ZopaIssue *issue = zopa_issue_new (read_string (&m, "id"));
  g_autoptr(JsonObject) extra = NULL;
  JsonArray *options;

  zopa_issue_set_title (issue, read_string (&m, "title"));
  zopa_issue_set_description (issue, read_string (&m, "description"));

  if (members_get (&m, "options") == NULL)
    members_missing (&m, "options");
  options = read_array (&m, "options");
  if (options != NULL)
    {
      g_autofree char *options_path = members_path (&m, "options");

      for (guint i = 0; i < json_array_get_length (options); i++)
        {
          g_autofree char *option_path = zopa_path_index (options_path, i);
          JsonObject *option_object = element_object (problems, options, i, option_path);
          g_autoptr(ZopaOption) option = NULL;

          if (option_object != NULL)
            option = read_option (problems, option_object, option_path);
          else
            option = zopa_option_new (NULL, NULL);
          zopa_issue_insert_option (issue, i, option);
        }
    }

  extra = collect_extra (&m, zopa_issue_members);
  zopa_issue_set_extra (issue, extra);
  return issue;
}

/* A utility map: option ids to integers 0..100 or ranges of them, in their order. */
typedef void (*SetUtilityFunc) (gpointer target, const char *option_id, ZopaRange utility);

static void
read_utility (Members        *members,
              gpointer        target,
              SetUtilityFunc  set_utility)
{
  JsonObject *utility = read_object (members, "utility");
  g_autoptr(GList) names = NULL;
  g_autofree char *path = NULL;

  if (utility == NULL)
    return;

  path = members_path (members, "utility");
  names = json_object_get_members (utility);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *option_id = l->data;
      g_autofree char *option_path = zopa_path_member (path, option_id);
      ZopaRange value;

      if (check_integer_or_range (members->problems, option_path,
                                  json_object_get_member (utility, option_id),
                                  0, ZOPA_UTILITY_MAX, &value))
        set_utility (target, option_id, value);
    }
}

static void
set_stance_utility (gpointer    target,
                    const char *option_id,
                    ZopaRange   utility)
{
  if (utility.ranged)
    zopa_stance_set_utility_range (target, option_id, utility.low, utility.high);
  else
    zopa_stance_set_utility (target, option_id, utility.low);
}

static void
set_change_utility (gpointer    target,
                    const char *option_id,
                    ZopaRange   utility)
{
  if (utility.ranged)
    zopa_variant_change_set_utility_range (target, option_id, utility.low, utility.high);
  else
    zopa_variant_change_set_utility (target, option_id, utility.low);
}

static ZopaStance *
read_stance (ZopaProblems *problems,
             const char   *issue_id,
             JsonObject   *object,
             const char   *path)
{
  Members m = { problems, object, path };
  ZopaStance *stance = zopa_stance_new (issue_id);
  g_auto(GStrv) acceptable = NULL;
  g_auto(GStrv) maybe = NULL;
  g_autoptr(JsonObject) extra = NULL;
  ZopaRange weight;

  if (read_integer_or_range (&m, "weight", 0, ZOPA_WEIGHT_MAX, &weight))
    {
      if (weight.ranged)
        zopa_stance_set_weight_range (stance, weight.low, weight.high);
      else
        zopa_stance_set_weight (stance, weight.low);
    }
  acceptable = read_string_list (&m, "acceptable");
  if (acceptable != NULL)
    zopa_stance_set_acceptable (stance, (const char * const *) acceptable);
  maybe = read_string_list (&m, "maybe");
  if (maybe != NULL)
    zopa_stance_set_maybe (stance, (const char * const *) maybe);
  read_utility (&m, stance, set_stance_utility);

  extra = collect_extra (&m, zopa_stance_members);
  zopa_stance_set_extra (stance, extra);
  return stance;
}

static gpointer
read_actor (ZopaProblems *problems,
            JsonObject   *object,
            const char   *path)
{
  Members m = { problems, object, path };
  ZopaActor *actor = zopa_actor_new (read_string (&m, "id"));
  g_auto(GStrv) sources = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *stances;
  ZopaRange reservation;

  zopa_actor_set_name (actor, read_string (&m, "name"));
  zopa_actor_set_color (actor, read_string (&m, "color"));
  zopa_actor_set_logic (actor, read_string (&m, "logic"));
  if (read_integer_or_range (&m, "reservation", 0, ZOPA_RESERVATION_MAX, &reservation))
    {
      if (reservation.ranged)
        zopa_actor_set_reservation_range (actor, reservation.low, reservation.high);
      else
        zopa_actor_set_reservation (actor, reservation.low);
    }
  sources = read_string_list (&m, "sources");
  zopa_actor_set_sources (actor, (const char * const *) sources);

  stances = read_object (&m, "stances");
  if (stances != NULL)
    {
      g_autofree char *stances_path = members_path (&m, "stances");
      g_autoptr(GList) issue_ids = json_object_get_members (stances);
      guint position = 0;

      for (GList *l = issue_ids; l != NULL; l = l->next)
        {
          const char *issue_id = l->data;
          g_autofree char *stance_path = zopa_path_member (stances_path, issue_id);
          JsonNode *node = json_object_get_member (stances, issue_id);
          g_autoptr(ZopaStance) stance = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              report_type (problems, stance_path, node, _("expected an object, got %s"));
              continue;
            }
          stance = read_stance (problems, issue_id, json_node_get_object (node), stance_path);
          zopa_actor_insert_stance (actor, position++, stance);
        }
    }

  extra = collect_extra (&m, zopa_actor_members);
  zopa_actor_set_extra (actor, extra);
  return actor;
}

static ZopaClause *
read_clause (ZopaProblems *problems,
             JsonObject   *object,
             const char   *path)
{
  Members m = { problems, object, path };
  ZopaClause *clause = zopa_clause_new (read_string (&m, "id"));
  g_auto(GStrv) sources = NULL;
  g_auto(GStrv) derived_from = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *status_text;
  JsonObject *sets;

  zopa_clause_set_number (clause, read_string (&m, "number"));
  zopa_clause_set_title (clause, read_string (&m, "title"));
  zopa_clause_set_text (clause, read_string (&m, "text"));

  if (members_get (&m, "status") == NULL)
    members_missing (&m, "status");
  status_text = read_string (&m, "status");
  if (status_text != NULL)
    {
      ZopaClauseStatus status;

      if (zopa_clause_status_from_string (status_text, &status))
        zopa_clause_set_status (clause, status);
      else
        {
          g_autofree char *status_path = members_path (&m, "status");

          report_type (problems, status_path, members_get (&m, "status"),
                       _("expected \"agreed\", \"bracketed\" or \"deleted\", got %s"));
        }
    }

  sets = read_object (&m, "sets");
  if (sets != NULL)
    {
      g_autofree char *sets_path = members_path (&m, "sets");
      g_autoptr(GList) issue_ids = json_object_get_members (sets);

      for (GList *l = issue_ids; l != NULL; l = l->next)
        {
          const char *issue_id = l->data;
          JsonNode *node = json_object_get_member (sets, issue_id);

          if (node_is_string (node))
            zopa_clause_set_option (clause, issue_id, json_node_get_string (node));
          else
            {
              g_autofree char *set_path = zopa_path_member (sets_path, issue_id);

              report_type (problems, set_path, node, _("expected an option id (a string), got %s"));
            }
        }
    }

  sources = read_string_list (&m, "sources");
  zopa_clause_set_sources (clause, (const char * const *) sources);
  derived_from = read_string_list (&m, "derived_from");
  zopa_clause_set_derived_from (clause, (const char * const *) derived_from);

  extra = collect_extra (&m, zopa_clause_members);
  zopa_clause_set_extra (clause, extra);
  return clause;
}

static gpointer
read_draft (ZopaProblems *problems,
            JsonObject   *object,
            const char   *path)
{
  Members m = { problems, object, path };
  ZopaDraft *draft = zopa_draft_new (read_string (&m, "id"));
  g_autoptr(JsonObject) extra = NULL;
  JsonNode *derived_from;
  JsonNode *number = members_get (&m, "number");
  JsonArray *clauses;

  /* Without a number (or with one that is wrong, reported), inserting the draft numbers it
   * after the largest number before it in the file. */
  if (number != NULL)
    {
      g_autofree char *number_path = members_path (&m, "number");
      int value;

      if (check_integer (problems, number_path, number, 1, ZOPA_DRAFT_NUMBER_MAX, &value))
        zopa_draft_set_number (draft, (guint) value);
    }
  zopa_draft_set_title (draft, read_string (&m, "title"));
  zopa_draft_set_date (draft, read_string (&m, "date"));
  zopa_draft_set_origin (draft, read_string (&m, "origin"));

  derived_from = members_get (&m, "derived_from");
  if (derived_from != NULL && !JSON_NODE_HOLDS_NULL (derived_from))
    {
      if (node_is_string (derived_from))
        zopa_draft_set_derived_from (draft, json_node_get_string (derived_from));
      else
        {
          g_autofree char *derived_path = members_path (&m, "derived_from");

          report_type (problems, derived_path, derived_from, _("expected a draft id or null, got %s"));
        }
    }

  zopa_draft_set_notes (draft, read_string (&m, "notes"));

  clauses = read_array (&m, "clauses");
  if (clauses != NULL)
    {
      g_autofree char *clauses_path = members_path (&m, "clauses");

      for (guint i = 0; i < json_array_get_length (clauses); i++)
        {
          g_autofree char *clause_path = zopa_path_index (clauses_path, i);
          JsonObject *clause_object = element_object (problems, clauses, i, clause_path);
          g_autoptr(ZopaClause) clause = NULL;

          if (clause_object != NULL)
            clause = read_clause (problems, clause_object, clause_path);
          else
            clause = zopa_clause_new (NULL);
          zopa_draft_insert_clause (draft, i, clause);
        }
    }

  extra = collect_extra (&m, zopa_draft_members);
  zopa_draft_set_extra (draft, extra);
  return draft;
}

static ZopaVariantChange *
read_change (ZopaProblems *problems,
             JsonObject   *object,
             const char   *path)
{
  Members m = { problems, object, path };
  const char *actor_id = read_string (&m, "actor");
  const char *issue_id = read_string (&m, "issue");
  ZopaVariantChange *change = zopa_variant_change_new (actor_id, issue_id);
  g_auto(GStrv) acceptable = NULL;
  g_auto(GStrv) maybe = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonNode *utility;
  ZopaRange value;

  if (read_integer_or_range (&m, "reservation", 0, ZOPA_RESERVATION_MAX, &value))
    {
      if (value.ranged)
        zopa_variant_change_set_reservation_range (change, value.low, value.high);
      else
        zopa_variant_change_set_reservation (change, value.low);
    }
  if (read_integer_or_range (&m, "weight", 0, ZOPA_WEIGHT_MAX, &value))
    {
      if (value.ranged)
        zopa_variant_change_set_weight_range (change, value.low, value.high);
      else
        zopa_variant_change_set_weight (change, value.low);
    }
  acceptable = read_string_list (&m, "acceptable");
  if (acceptable != NULL)
    zopa_variant_change_set_acceptable (change, (const char * const *) acceptable);
  maybe = read_string_list (&m, "maybe");
  if (maybe != NULL)
    zopa_variant_change_set_maybe (change, (const char * const *) maybe);
  utility = members_get (&m, "utility");
  if (utility != NULL && JSON_NODE_HOLDS_OBJECT (utility) &&
      json_object_get_size (json_node_get_object (utility)) == 0)
    {
      /* An empty map still replaces the stance's utilities: every option becomes 50. */
      zopa_variant_change_set_utility (change, "", 0);
      zopa_variant_change_unset_utility (change, "");
    }
  else
    read_utility (&m, change, set_change_utility);

  extra = collect_extra (&m, zopa_change_members);
  zopa_variant_change_set_extra (change, extra);
  return change;
}

static gpointer
read_variant (ZopaProblems *problems,
              JsonObject   *object,
              const char   *path)
{
  Members m = { problems, object, path };
  ZopaVariant *variant = zopa_variant_new (read_string (&m, "id"));
  g_autoptr(JsonObject) extra = NULL;
  JsonArray *changes;

  zopa_variant_set_title (variant, read_string (&m, "title"));
  zopa_variant_set_description (variant, read_string (&m, "description"));

  changes = read_array (&m, "changes");
  if (changes != NULL)
    {
      g_autofree char *changes_path = members_path (&m, "changes");

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          g_autofree char *change_path = zopa_path_index (changes_path, i);
          JsonObject *change_object = element_object (problems, changes, i, change_path);
          g_autoptr(ZopaVariantChange) change = NULL;

          if (change_object != NULL)
            change = read_change (problems, change_object, change_path);
          else
            change = zopa_variant_change_new (NULL, NULL);
          zopa_variant_insert_change (variant, i, change);
        }
    }

  extra = collect_extra (&m, zopa_variant_members);
  zopa_variant_set_extra (variant, extra);
  return variant;
}

static gpointer
read_frame (ZopaProblems *problems,
            JsonObject   *object,
            const char   *path)
{
  Members m = { problems, object, path };
  ZopaFrame *frame = zopa_frame_new ();
  g_auto(GStrv) actors = read_string_list (&m, "actors");
  g_auto(GStrv) drafts = read_string_list (&m, "drafts");
  g_autoptr(JsonObject) extra = NULL;

  zopa_frame_set_caption (frame, read_string (&m, "caption"));
  zopa_frame_set_view (frame, read_string (&m, "view"));
  zopa_frame_set_mode (frame, read_string (&m, "mode"));
  zopa_frame_set_variant (frame, read_string (&m, "variant"));
  zopa_frame_set_actors (frame, (const char * const *) actors);
  zopa_frame_set_drafts (frame, (const char * const *) drafts);
  zopa_frame_set_selected (frame, read_string (&m, "selected"));
  extra = collect_extra (&m, zopa_frame_members);
  zopa_frame_set_extra (frame, extra);
  return frame;
}

/* Reads the array member name of the top level, one object per element. */
typedef gpointer (*ReadElementFunc) (ZopaProblems *problems, JsonObject *object, const char *path);
typedef gpointer (*NewPlaceholderFunc) (void);
typedef void     (*InsertFunc) (ZopaScenario *scenario, guint position, gpointer item);

static void
read_list (Members            *members,
           const char         *name,
           ZopaScenario       *scenario,
           ReadElementFunc     read_element,
           NewPlaceholderFunc  new_placeholder,
           InsertFunc          insert)
{
  JsonArray *array = read_array (members, name);
  g_autofree char *path = NULL;

  if (array == NULL)
    return;

  path = members_path (members, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = zopa_path_index (path, i);
      JsonObject *object = element_object (members->problems, array, i, element_path);
      g_autoptr(GObject) item = NULL;

      /* A placeholder keeps the positions of the following elements, and so their paths. */
      if (object != NULL)
        item = read_element (members->problems, object, element_path);
      else
        item = new_placeholder ();
      insert (scenario, i, item);
    }
}

static gpointer new_source_placeholder (void) { return zopa_source_new (NULL); }

static void
insert_source (ZopaScenario *scenario,
           guint         position,
           gpointer      item)
{
  zopa_scenario_insert_source (scenario, position, item);
}

static gpointer new_issue_placeholder (void) { return zopa_issue_new (NULL); }

static void
insert_issue (ZopaScenario *scenario,
           guint         position,
           gpointer      item)
{
  zopa_scenario_insert_issue (scenario, position, item);
}

static gpointer new_actor_placeholder (void) { return zopa_actor_new (NULL); }

static void
insert_actor (ZopaScenario *scenario,
           guint         position,
           gpointer      item)
{
  zopa_scenario_insert_actor (scenario, position, item);
}

static gpointer new_draft_placeholder (void) { return zopa_draft_new (NULL); }

static void
insert_draft (ZopaScenario *scenario,
           guint         position,
           gpointer      item)
{
  zopa_scenario_insert_draft (scenario, position, item);
}

static gpointer new_variant_placeholder (void) { return zopa_variant_new (NULL); }

static void
insert_variant (ZopaScenario *scenario,
           guint         position,
           gpointer      item)
{
  zopa_scenario_insert_variant (scenario, position, item);
}

static gpointer new_frame_placeholder (void) { return zopa_frame_new (); }

static void
insert_frame (ZopaScenario *scenario,
              guint         position,
              gpointer      item)
{
  zopa_scenario_insert_frame (scenario, position, item);
}

static gboolean
check_format_and_version (Members *m)
{
  JsonNode *format = members_get (m, "format");
  JsonNode *version = members_get (m, "version");
  gint64 number;

  if (format == NULL)
    {
      zopa_problems_add_path (m->problems, FALSE, "",
                              _("missing required member \"format\" (is this a Zopa scenario?)"));
      return FALSE;
    }
  if (!node_is_string (format) || g_strcmp0 (json_node_get_string (format), "zopa") != 0)
    {
      report_type (m->problems, "format", format, _("expected \"zopa\", got %s"));
      return FALSE;
    }

  if (version == NULL)
    {
      members_missing (m, "version");
      return FALSE;
    }
  if (node_is_number (version) && json_node_get_value_type (version) == G_TYPE_DOUBLE &&
      !isfinite (json_node_get_double (version)))
    {
      zopa_problems_add_path (m->problems, FALSE, "version", _("expected a finite number"));
      return FALSE;
    }
  if (!node_is_number (version) ||
      (json_node_get_value_type (version) == G_TYPE_DOUBLE &&
       json_node_get_double (version) != floor (json_node_get_double (version))))
    {
      report_type (m->problems, "version", version, _("expected an integer, got %s"));
      return FALSE;
    }

  if (json_node_get_value_type (version) == G_TYPE_INT64)
    number = json_node_get_int (version);
  else if (json_node_get_double (version) > G_MAXINT32)
    number = G_MAXINT32;
  else
    number = (gint64) json_node_get_double (version);

  if (number < 1)
    {
      zopa_problems_add_path (m->problems, FALSE, "version",
                              _("expected a format version from 1, got %lld"), (long long) number);
      return FALSE;
    }
  if (number > ZOPA_FORMAT_VERSION)
    {
      zopa_problems_add_file (m->problems, ZOPA_FILE_ERROR_VERSION,
                              _("the file has format version %lld, which needs a newer version of Zopa (this one reads format version %d)"),
                              (long long) number, ZOPA_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

ZopaScenario *
zopa_scenario_from_json (JsonNode     *root,
                         ZopaProblems *problems)
{
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(JsonObject) extra = NULL;
  Members m = { problems, NULL, "" };

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *got = describe_node (root);

      zopa_problems_add_path (problems, FALSE, "",
                              _("expected a JSON object with \"format\": \"zopa\", got %s"), got);
      return NULL;
    }
  m.object = json_node_get_object (root);

  if (!check_format_and_version (&m))
    return NULL;

  scenario = zopa_scenario_new ();
  zopa_scenario_set_title (scenario, read_string (&m, "title"));
  zopa_scenario_set_description (scenario, read_string (&m, "description"));

  read_list (&m, "sources", scenario, read_source, new_source_placeholder, insert_source);
  read_list (&m, "issues", scenario, read_issue, new_issue_placeholder, insert_issue);
  read_list (&m, "actors", scenario, read_actor, new_actor_placeholder, insert_actor);
  read_list (&m, "drafts", scenario, read_draft, new_draft_placeholder, insert_draft);
  read_list (&m, "variants", scenario, read_variant, new_variant_placeholder, insert_variant);
  read_list (&m, "storyboard", scenario, read_frame, new_frame_placeholder, insert_frame);

  extra = collect_extra (&m, zopa_scenario_members);
  zopa_scenario_set_extra (scenario, extra);

  return g_steal_pointer (&scenario);
}
