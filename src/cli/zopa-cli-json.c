/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-cli-json.c: JSON output of the commands
 *
 * json-glib prints doubles with 17 significant digits (24.829999999999998) and appends
 * ".0" to a double that looks integral, which turns 1e+20 into the invalid "1e+20.0".
 * This printer keeps json-glib's layout and writes every double as the shortest text that
 * reads back to the same value, always a valid JSON number.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/zopa-format.h"
#include "zopa-cli.h"

char *
zopa_cli_format_double (double value)
{
  if (!isfinite (value))
    return g_strdup ("null");   /* JSON has no NaN or infinity */
  return zopa_format_shortest_double (value);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      unsigned char c = *p;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
newline (GString  *out,
         gboolean  pretty,
         guint     depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint k = 0; k < depth * 2; k++)
    g_string_append_c (out, ' ');
}

static void
append_node (GString  *out,
             JsonNode *node,
             gboolean  pretty,
             guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            newline (out, pretty, depth + 1);
            append_string (out, l->data);
            g_string_append (out, pretty ? " : " : ":");
            append_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        newline (out, pretty, depth);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint k = 0; k < n; k++)
          {
            newline (out, pretty, depth + 1);
            append_node (out, json_array_get_element (array, k), pretty, depth + 1);
            if (k + 1 < n)
              g_string_append_c (out, ',');
          }
        newline (out, pretty, depth);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            g_autofree char *text = zopa_cli_format_double (json_node_get_double (node));
            g_string_append (out, text);
          }
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
        default:
          append_string (out, json_node_get_string (node) != NULL ? json_node_get_string (node) : "");
          break;
        }
    }
}

void
zopa_cli_print_json (JsonNode *root,
                     gboolean  pretty)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_node (out, root, pretty, 0);
  printf ("%s\n", out->str);
}
