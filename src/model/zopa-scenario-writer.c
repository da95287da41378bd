/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing a scenario file. The layout is fixed so that a file Zopa wrote reads back and
 * writes out as the same bytes: members in the order of docs/file-format.md and then the unknown
 * ones in their order, two-space indentation, every non-empty array and object spread over
 * lines (one element or member a line), "[]" and "{}" for empty ones, ": " between a name
 * and its value, UTF-8 written as is, and a final newline.
 *
 * Optional members are written only when they differ from their default, so a default stays
 * a default: empty strings, empty lists, a reservation of 0, a stance weight of 1, no parent
 * draft, a draft number that follows the largest one before it. A stance's "acceptable" is
 * written whenever it is set, even empty ([] accepts nothing, while leaving it out accepts
 * everything).
 *
 * json-glib's generator is not used: it writes "name" : value and its own number format.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "zopa-scenario-members.h"
#include "zopa-scenario-writer.h"

char *
zopa_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup (isnan (value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");

  /* The shortest of %.15g, %.16g, %.17g that reads back as the same value. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  /* Keeps a double a double when it is read again. */
  if (strpbrk (buffer, ".eE") == NULL)
    return g_strconcat (buffer, ".0", NULL);
  return g_strdup (buffer);
}

typedef struct {
  GString *out;
  int      depth;
  /* Whether the container at each depth has had a member or element yet. */
  GByteArray *has_items;
  /* The largest number of the drafts written so far: a draft's "number" is written only
   * when it is not the next one. */
  guint       largest_draft_number;
} Writer;

static gboolean
get_has_items (Writer *writer)
{
  return writer->has_items->data[writer->depth];
}

static void
set_has_items (Writer   *writer,
               gboolean  value)
{
  guint8 byte = value ? 1 : 0;

  if (writer->has_items->len <= (guint) writer->depth)
    g_byte_array_append (writer->has_items, &byte, 1);
  else
    writer->has_items->data[writer->depth] = byte;
}

static void
write_indent (Writer *writer)
{
  for (int i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

/* Plain characters go out in runs; only quotes, backslashes and control characters are escaped. */
static void
write_string (Writer     *writer,
              const char *text)
{
  GString *out = writer->out;
  const char *run = text != NULL ? text : "";
  const char *p;

  g_string_append_c (out, '"');
  for (p = run; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          if (c >= 0x20 && c != 0x7f)
            continue;   /* a plain character: it stays in the run */
          escape = NULL;
        }
      g_string_append_len (out, run, p - run);
      if (escape != NULL)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Starts an element of the current container: the comma after the previous one, a new line. */
static void
begin_item (Writer *writer)
{
  if (writer->depth > 0)
    {
      if (get_has_items (writer))
        g_string_append_c (writer->out, ',');
      set_has_items (writer, TRUE);
      g_string_append_c (writer->out, '\n');
      write_indent (writer);
    }
}

static void
begin_member (Writer     *writer,
              const char *name)
{
  begin_item (writer);
  write_string (writer, name);
  g_string_append (writer->out, ": ");
}

static void
open_container (Writer *writer,
                char    bracket)
{
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  set_has_items (writer, FALSE);
}

static void
close_container (Writer *writer,
                 char    bracket)
{
  gboolean had_items = get_has_items (writer);

  writer->depth--;
  if (had_items)
    {
      g_string_append_c (writer->out, '\n');
      write_indent (writer);
    }
  g_string_append_c (writer->out, bracket);
}

static void write_node (Writer *writer, JsonNode *node);

static void
write_json_object_members (Writer     *writer,
                           JsonObject *object)
{
  g_autoptr(GList) names = NULL;

  if (object == NULL)
    return;

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      begin_member (writer, l->data);
      write_node (writer, json_object_get_member (object, l->data));
    }
}

static void
write_node (Writer   *writer,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      open_container (writer, '{');
      write_json_object_members (writer, json_node_get_object (node));
      close_container (writer, '}');
      return;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        open_container (writer, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            begin_item (writer);
            write_node (writer, json_array_get_element (array, i));
          }
        close_container (writer, ']');
        return;
      }

    case JSON_NODE_NULL:
      g_string_append (writer->out, "null");
      return;

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      write_string (writer, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        /* JSON has no infinity; such a value cannot come from a file that loaded. */
        if (!isfinite (value))
          g_string_append (writer->out, "null");
        else
          {
            g_autofree char *text = zopa_format_double (value);
            g_string_append (writer->out, text);
          }
        break;
      }
    case G_TYPE_BOOLEAN:
      g_string_append (writer->out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      g_string_append (writer->out, "null");
      break;
    }
}

static void
member_string (Writer     *writer,
               const char *name,
               const char *value)
{
  begin_member (writer, name);
  write_string (writer, value);
}

/* Written only when not empty. */
static void
member_optional_string (Writer     *writer,
                        const char *name,
                        const char *value)
{
  if (value != NULL && *value != '\0')
    member_string (writer, name, value);
}

static void
member_int (Writer     *writer,
            const char *name,
            int         value)
{
  begin_member (writer, name);
  g_string_append_printf (writer->out, "%d", value);
}

/* A value, or a range on one line: "[low, high]". */
static void
member_range (Writer     *writer,
              const char *name,
              ZopaRange   range)
{
  begin_member (writer, name);
  if (range.ranged)
    g_string_append_printf (writer->out, "[%d, %d]", range.low, range.high);
  else
    g_string_append_printf (writer->out, "%d", range.low);
}

static void
write_string_array (Writer             *writer,
                    const char * const *values)
{
  open_container (writer, '[');
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      begin_item (writer);
      write_string (writer, values[i]);
    }
  close_container (writer, ']');
}

/* Written only when not empty. */
static void
member_optional_strv (Writer             *writer,
                      const char         *name,
                      const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  begin_member (writer, name);
  write_string_array (writer, values);
}

static void
open_object_item (Writer *writer)
{
  begin_item (writer);
  open_container (writer, '{');
}

static void
write_source (Writer     *writer,
              ZopaSource *source)
{
  open_object_item (writer);
  member_string (writer, "id", zopa_source_get_id (source));
  member_string (writer, "title", zopa_source_get_title (source));
  member_optional_string (writer, "publisher", zopa_source_get_publisher (source));
  member_optional_string (writer, "date", zopa_source_get_date (source));
  member_optional_string (writer, "url", zopa_source_get_url (source));
  write_json_object_members (writer, zopa_source_get_extra (source));
  close_container (writer, '}');
}

static void
write_issue (Writer    *writer,
             ZopaIssue *issue)
{
  open_object_item (writer);
  member_string (writer, "id", zopa_issue_get_id (issue));
  member_string (writer, "title", zopa_issue_get_title (issue));
  member_optional_string (writer, "description", zopa_issue_get_description (issue));

  begin_member (writer, "options");
  open_container (writer, '[');
  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      ZopaOption *option = zopa_issue_get_option (issue, i);

      open_object_item (writer);
      member_string (writer, "id", zopa_option_get_id (option));
      member_string (writer, "label", zopa_option_get_label (option));
      write_json_object_members (writer, zopa_option_get_extra (option));
      close_container (writer, '}');
    }
  close_container (writer, ']');

  write_json_object_members (writer, zopa_issue_get_extra (issue));
  close_container (writer, '}');
}

typedef ZopaRange (*GetUtilityFunc) (gpointer owner, const char *option_id);

static void
write_utility (Writer             *writer,
               gpointer            owner,
               const char * const *option_ids,
               GetUtilityFunc      get_utility)
{
  begin_member (writer, "utility");
  open_container (writer, '{');
  for (guint i = 0; option_ids != NULL && option_ids[i] != NULL; i++)
    member_range (writer, option_ids[i], get_utility (owner, option_ids[i]));
  close_container (writer, '}');
}

static ZopaRange
get_stance_utility (gpointer    owner,
                    const char *option_id)
{
  return zopa_stance_get_utility_range (owner, option_id);
}

static ZopaRange
get_change_utility (gpointer    owner,
                    const char *option_id)
{
  return zopa_variant_change_get_utility_range (owner, option_id);
}

static void
write_actor (Writer    *writer,
             ZopaActor *actor)
{
  GListModel *stances = zopa_actor_get_stances (actor);
  guint n_stances = g_list_model_get_n_items (stances);

  open_object_item (writer);
  member_string (writer, "id", zopa_actor_get_id (actor));
  member_string (writer, "name", zopa_actor_get_name (actor));
  member_string (writer, "color", zopa_actor_get_color (actor));
  member_optional_string (writer, "logic", zopa_actor_get_logic (actor));
  if (zopa_actor_get_reservation_range (actor).ranged || zopa_actor_get_reservation (actor) != 0)
    member_range (writer, "reservation", zopa_actor_get_reservation_range (actor));
  member_optional_strv (writer, "sources", zopa_actor_get_sources (actor));

  if (n_stances > 0)
    {
      begin_member (writer, "stances");
      open_container (writer, '{');
      for (guint i = 0; i < n_stances; i++)
        {
          g_autoptr(ZopaStance) stance = g_list_model_get_item (stances, i);
          const char * const *utility = zopa_stance_get_utility_options (stance);
          ZopaRange weight = zopa_stance_get_weight_range (stance);

          begin_member (writer, zopa_stance_get_issue (stance));
          open_container (writer, '{');
          if (weight.ranged || weight.low != 1)
            member_range (writer, "weight", weight);
          if (zopa_stance_get_acceptable (stance) != NULL)
            {
              begin_member (writer, "acceptable");
              write_string_array (writer, zopa_stance_get_acceptable (stance));
            }
          if (zopa_stance_get_maybe (stance) != NULL)
            {
              begin_member (writer, "maybe");
              write_string_array (writer, zopa_stance_get_maybe (stance));
            }
          if (utility != NULL && utility[0] != NULL)
            write_utility (writer, stance, utility, get_stance_utility);
          write_json_object_members (writer, zopa_stance_get_extra (stance));
          close_container (writer, '}');
        }
      close_container (writer, '}');
    }

  write_json_object_members (writer, zopa_actor_get_extra (actor));
  close_container (writer, '}');
}

static void
write_clause (Writer     *writer,
              ZopaClause *clause)
{
  const char * const *set_issues = zopa_clause_get_set_issues (clause);

  open_object_item (writer);
  member_string (writer, "id", zopa_clause_get_id (clause));
  member_string (writer, "number", zopa_clause_get_number (clause));
  member_optional_string (writer, "title", zopa_clause_get_title (clause));
  member_optional_string (writer, "text", zopa_clause_get_text (clause));
  member_string (writer, "status", zopa_clause_status_to_string (zopa_clause_get_status (clause)));
  if (set_issues != NULL && set_issues[0] != NULL)
    {
      begin_member (writer, "sets");
      open_container (writer, '{');
      for (guint i = 0; set_issues[i] != NULL; i++)
        member_string (writer, set_issues[i], zopa_clause_get_set_option (clause, set_issues[i]));
      close_container (writer, '}');
    }
  member_optional_strv (writer, "sources", zopa_clause_get_sources (clause));
  member_optional_strv (writer, "derived_from", zopa_clause_get_derived_from (clause));
  write_json_object_members (writer, zopa_clause_get_extra (clause));
  close_container (writer, '}');
}

static void
write_draft (Writer    *writer,
             ZopaDraft *draft)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  guint n_clauses = g_list_model_get_n_items (clauses);

  guint number = zopa_draft_get_number (draft);

  open_object_item (writer);
  member_string (writer, "id", zopa_draft_get_id (draft));
  if (number != 0 && number != MIN (writer->largest_draft_number, ZOPA_DRAFT_NUMBER_MAX - 1) + 1)
    member_int (writer, "number", (int) number);
  writer->largest_draft_number = MAX (writer->largest_draft_number, number);
  member_string (writer, "title", zopa_draft_get_title (draft));
  member_optional_string (writer, "date", zopa_draft_get_date (draft));
  member_optional_string (writer, "origin", zopa_draft_get_origin (draft));
  if (zopa_draft_get_derived_from (draft) != NULL)
    member_string (writer, "derived_from", zopa_draft_get_derived_from (draft));
  member_optional_string (writer, "notes", zopa_draft_get_notes (draft));
  if (n_clauses > 0)
    {
      begin_member (writer, "clauses");
      open_container (writer, '[');
      for (guint i = 0; i < n_clauses; i++)
        {
          g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
          write_clause (writer, clause);
        }
      close_container (writer, ']');
    }
  write_json_object_members (writer, zopa_draft_get_extra (draft));
  close_container (writer, '}');
}

static void
write_change (Writer            *writer,
              ZopaVariantChange *change)
{
  open_object_item (writer);
  member_string (writer, "actor", zopa_variant_change_get_actor (change));
  if (zopa_variant_change_get_issue (change) != NULL)
    member_string (writer, "issue", zopa_variant_change_get_issue (change));
  if (zopa_variant_change_has_reservation (change))
    member_range (writer, "reservation", zopa_variant_change_get_reservation_range (change));
  if (zopa_variant_change_has_weight (change))
    member_range (writer, "weight", zopa_variant_change_get_weight_range (change));
  if (zopa_variant_change_get_acceptable (change) != NULL)
    {
      begin_member (writer, "acceptable");
      write_string_array (writer, zopa_variant_change_get_acceptable (change));
    }
  if (zopa_variant_change_get_maybe (change) != NULL)
    {
      begin_member (writer, "maybe");
      write_string_array (writer, zopa_variant_change_get_maybe (change));
    }
  if (zopa_variant_change_has_utility (change))
    write_utility (writer, change, zopa_variant_change_get_utility_options (change),
                   get_change_utility);
  write_json_object_members (writer, zopa_variant_change_get_extra (change));
  close_container (writer, '}');
}

static void
write_variant (Writer      *writer,
               ZopaVariant *variant)
{
  GListModel *changes = zopa_variant_get_changes (variant);
  guint n_changes = g_list_model_get_n_items (changes);

  open_object_item (writer);
  member_string (writer, "id", zopa_variant_get_id (variant));
  member_string (writer, "title", zopa_variant_get_title (variant));
  member_optional_string (writer, "description", zopa_variant_get_description (variant));
  if (n_changes > 0)
    {
      begin_member (writer, "changes");
      open_container (writer, '[');
      for (guint i = 0; i < n_changes; i++)
        {
          g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, i);
          write_change (writer, change);
        }
      close_container (writer, ']');
    }
  write_json_object_members (writer, zopa_variant_get_extra (variant));
  close_container (writer, '}');
}

static void
write_frame (Writer    *writer,
             ZopaFrame *frame)
{
  const char *view = zopa_frame_get_view (frame);

  open_object_item (writer);
  member_optional_string (writer, "caption", zopa_frame_get_caption (frame));
  member_string (writer, "view", view);
  if (g_strcmp0 (view, "venn") == 0)
    member_string (writer, "mode", zopa_frame_get_mode (frame));
  member_optional_string (writer, "variant", zopa_frame_get_variant (frame));
  if (zopa_frame_get_actors (frame) != NULL)
    {
      begin_member (writer, "actors");
      write_string_array (writer, zopa_frame_get_actors (frame));
    }
  if (zopa_frame_get_drafts (frame) != NULL)
    {
      begin_member (writer, "drafts");
      write_string_array (writer, zopa_frame_get_drafts (frame));
    }
  member_optional_string (writer, "selected", zopa_frame_get_selected (frame));
  write_json_object_members (writer, zopa_frame_get_extra (frame));
  close_container (writer, '}');
}

typedef void (*WriteItemFunc) (Writer *writer, gpointer item);

static void
member_list (Writer        *writer,
             const char    *name,
             GListModel    *list,
             WriteItemFunc  write_item)
{
  guint n_items = g_list_model_get_n_items (list);

  if (n_items == 0)
    return;

  begin_member (writer, name);
  open_container (writer, '[');
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      write_item (writer, item);
    }
  close_container (writer, ']');
}

static void write_source_item (Writer *writer, gpointer item) { write_source (writer, item); }
static void write_issue_item (Writer *writer, gpointer item) { write_issue (writer, item); }
static void write_actor_item (Writer *writer, gpointer item) { write_actor (writer, item); }
static void write_draft_item (Writer *writer, gpointer item) { write_draft (writer, item); }
static void write_variant_item (Writer *writer, gpointer item) { write_variant (writer, item); }
static void write_frame_item (Writer *writer, gpointer item) { write_frame (writer, item); }

char *
zopa_scenario_write_json (ZopaScenario *scenario,
                          gsize        *length)
{
  Writer writer = { 0 };

  writer.out = g_string_sized_new (64 * 1024);
  writer.has_items = g_byte_array_new ();
  set_has_items (&writer, FALSE);

  open_container (&writer, '{');
  member_string (&writer, "format", "zopa");
  member_int (&writer, "version", ZOPA_FORMAT_VERSION);
  member_string (&writer, "title", zopa_scenario_get_title (scenario));
  member_optional_string (&writer, "description", zopa_scenario_get_description (scenario));
  member_list (&writer, "sources", zopa_scenario_get_sources (scenario), write_source_item);
  member_list (&writer, "issues", zopa_scenario_get_issues (scenario), write_issue_item);
  member_list (&writer, "actors", zopa_scenario_get_actors (scenario), write_actor_item);
  member_list (&writer, "drafts", zopa_scenario_get_drafts (scenario), write_draft_item);
  member_list (&writer, "variants", zopa_scenario_get_variants (scenario), write_variant_item);
  member_list (&writer, "storyboard", zopa_scenario_get_frames (scenario), write_frame_item);
  write_json_object_members (&writer, zopa_scenario_get_extra (scenario));
  close_container (&writer, '}');
  g_string_append_c (writer.out, '\n');

  g_byte_array_unref (writer.has_items);
  if (length != NULL)
    *length = writer.out->len;
  return g_string_free (writer.out, FALSE);
}
