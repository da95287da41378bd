/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A strict JSON parser that says where and what was expected, with the checks on the bytes
 * before it (size, UTF-8, emptiness, nesting depth).
 *
 * json-glib's own parser is not used for the text: it accepts single quotes, raw line
 * breaks in strings, leading zeros and trailing garbage, wraps integers that overflow, keeps
 * only the last of two members with one name, and reads one of several top-level values; a
 * file it let through would not survive a round trip. The parser below builds json-glib
 * nodes, so the rest works on JsonNode.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zopa-json-parser.h"

/* Positions: lines and columns from 1, columns counted in characters. */

typedef struct {
  const char *start;
  const char *ptr;
  int         line;
  int         column;
} Cursor;

static void
cursor_init (Cursor     *cursor,
             const char *start)
{
  cursor->start = start;
  cursor->ptr = start;
  cursor->line = 1;
  cursor->column = 1;
}

/* Reports are made in increasing order, so the cursor only moves forward. */
static void
cursor_locate (Cursor     *cursor,
               const char *at,
               int        *line,
               int        *column)
{
  if (at < cursor->ptr)
    cursor_init (cursor, cursor->start);

  for (; cursor->ptr < at; cursor->ptr++)
    {
      guchar c = (guchar) *cursor->ptr;

      if (c == '\n')
        {
          cursor->line++;
          cursor->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        cursor->column++;
    }

  *line = cursor->line;
  *column = cursor->column;
}

/* The byte checks, made before any parsing. */

static gboolean
check_encoding (const char   *data,
                gsize         length,
                ZopaProblems *problems)
{
  const char *end;
  Cursor cursor;
  int line, column;
  gsize offset;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  offset = end - data;
  cursor_init (&cursor, data);
  cursor_locate (&cursor, end, &line, &column);
  /* %zu, not G_GSIZE_FORMAT: xgettext cannot extract a message cut by a macro. */
  if (*end == '\0')
    zopa_problems_add_at (problems, ZOPA_FILE_ERROR_ENCODING, line, column,
                          _("the file contains a NUL byte (at byte offset %zu); it is not a text file"),
                          offset);
  else
    zopa_problems_add_at (problems, ZOPA_FILE_ERROR_ENCODING, line, column,
                          _("the file is not valid UTF-8: byte 0x%02x at byte offset %zu"),
                          (guint) (guchar) *end, offset);
  return FALSE;
}

/* Counts brackets outside strings; a file nested too deeply is refused before it is parsed. */
static gboolean
check_depth (const char   *data,
             gsize         length,
             ZopaProblems *problems)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > ZOPA_FILE_MAX_DEPTH)
            {
              Cursor cursor;
              int line, column;

              cursor_init (&cursor, data);
              cursor_locate (&cursor, data + i, &line, &column);
              zopa_problems_add_at (problems, ZOPA_FILE_ERROR_TOO_DEEP, line, column,
                                    _("arrays and objects are nested more than %d deep"),
                                    ZOPA_FILE_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* The strict parser. */

typedef struct {
  const char   *start;
  const char   *end;
  const char   *p;
  Cursor        cursor;
  ZopaProblems *problems;
  int           depth;
  gboolean      failed;
} Parser;

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* What stands at a place, for "expected X, found Y". */
static char *
describe_text (Parser     *parser,
               const char *at)
{
  guchar c;

  if (at >= parser->end)
    return g_strdup (_("the end of the file"));

  c = (guchar) *at;
  if (c == '"')
    return g_strdup (_("a string"));
  if (c == '-' || g_ascii_isdigit (c))
    return g_strdup (_("a number"));
  if (g_ascii_isalpha (c))
    {
      const char *word_end = at;

      while (word_end < parser->end && is_word_char (*word_end) && word_end - at < 24)
        word_end++;
      return g_strdup_printf ("'%.*s'", (int) (word_end - at), at);
    }
  if (c == '\'')
    return g_strdup (_("a single quote (JSON strings use double quotes)"));
  if (c < 0x20 || c == 0x7f)
    return g_strdup_printf ("U+%04X", c);

  return g_strdup_printf ("'%.*s'", (int) (g_utf8_next_char (at) - at), at);
}

static void
parser_fail_at (Parser     *parser,
                const char *at,
                const char *message)
{
  int line, column;

  if (parser->failed)
    return;

  parser->failed = TRUE;
  cursor_locate (&parser->cursor, at, &line, &column);
  zopa_problems_add_at (parser->problems, ZOPA_FILE_ERROR_SYNTAX, line, column, "%s", message);
}

/* "expected X, found Y" at the parser's place; expected_format has one %s for Y. */
static void
parser_expected (Parser     *parser,
                 const char *expected_format)
{
  g_autofree char *found = describe_text (parser, parser->p);
  g_autofree char *message = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (expected_format, found);
#pragma GCC diagnostic pop

  parser_fail_at (parser, parser->p, message);
}

static void
skip_whitespace (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r'))
    parser->p++;
}

static JsonNode *parse_value (Parser *parser);

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads four hex digits after "\u" at p; -1 when they are not there. */
static int
read_hex4 (Parser     *parser,
           const char *p)
{
  int value = 0;

  if (parser->end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* At the opening quote; returns the decoded text, or NULL after a failure. */
static char *
parse_string (Parser *parser)
{
  const char *string_start = parser->p;
  g_autoptr(GString) text = g_string_new (NULL);

  parser->p++;
  for (;;)
    {
      const char *run = parser->p;
      const char *escape;
      int code;

      while (parser->p < parser->end && *parser->p != '"' && *parser->p != '\\' &&
             (guchar) *parser->p >= 0x20)
        parser->p++;
      g_string_append_len (text, run, parser->p - run);

      if (parser->p >= parser->end)
        {
          parser_fail_at (parser, string_start, _("unterminated string"));
          return NULL;
        }
      if (*parser->p == '"')
        {
          parser->p++;
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
      if (*parser->p == '\n' || *parser->p == '\r')
        {
          parser_fail_at (parser, string_start,
                          _("unterminated string: a line break cannot be part of a string"));
          return NULL;
        }
      if (*parser->p != '\\')
        {
          g_autofree char *message =
            g_strdup_printf (_("control character U+%04X in a string; write it as an escape such as \\u%04x"),
                             (guint) (guchar) *parser->p, (guint) (guchar) *parser->p);
          parser_fail_at (parser, parser->p, message);
          return NULL;
        }

      escape = parser->p++;
      if (parser->p >= parser->end)
        {
          parser_fail_at (parser, string_start, _("unterminated string"));
          return NULL;
        }
      switch (*parser->p)
        {
        case '"': g_string_append_c (text, '"'); break;
        case '\\': g_string_append_c (text, '\\'); break;
        case '/': g_string_append_c (text, '/'); break;
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          code = read_hex4 (parser, parser->p + 1);
          if (code < 0)
            {
              parser_fail_at (parser, escape, _("expected four hexadecimal digits after '\\u'"));
              return NULL;
            }
          parser->p += 4;
          if (code == 0)
            {
              parser_fail_at (parser, escape, _("'\\u0000' (a NUL character) cannot be part of a string"));
              return NULL;
            }
          if (code >= 0xDC00 && code <= 0xDFFF)
            {
              g_autofree char *message =
                g_strdup_printf (_("'\\u%04x' is half of a surrogate pair without its first half"), (guint) code);
              parser_fail_at (parser, escape, message);
              return NULL;
            }
          if (code >= 0xD800 && code <= 0xDBFF)
            {
              int low = -1;

              if (parser->end - parser->p >= 3 && parser->p[1] == '\\' && parser->p[2] == 'u')
                low = read_hex4 (parser, parser->p + 3);
              if (low < 0xDC00 || low > 0xDFFF)
                {
                  g_autofree char *message =
                    g_strdup_printf (_("'\\u%04x' is half of a surrogate pair without its second half"), (guint) code);
                  parser_fail_at (parser, escape, message);
                  return NULL;
                }
              parser->p += 6;
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
          g_string_append_unichar (text, (gunichar) code);
          break;
        default:
          {
            g_autofree char *message =
              g_strdup_printf (_("invalid escape '\\%.*s' in a string"),
                               (int) (g_utf8_next_char (parser->p) - parser->p), parser->p);
            parser_fail_at (parser, escape, message);
            return NULL;
          }
        }
      parser->p++;
    }
}

static void
skip_digits (Parser *parser)
{
  while (parser->p < parser->end && g_ascii_isdigit (*parser->p))
    parser->p++;
}

static gboolean
at_digit (Parser *parser)
{
  return parser->p < parser->end && g_ascii_isdigit (*parser->p);
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *number_start = parser->p;
  gboolean is_integer = TRUE;
  g_autofree char *text = NULL;
  JsonNode *node;

  if (*parser->p == '-')
    {
      parser->p++;
      if (!at_digit (parser))
        {
          parser_expected (parser, _("expected a digit after '-', found %s"));
          return NULL;
        }
    }
  if (*parser->p == '0')
    {
      parser->p++;
      if (at_digit (parser))
        {
          parser_fail_at (parser, number_start, _("a number cannot start with 0 followed by a digit"));
          return NULL;
        }
    }
  else
    skip_digits (parser);

  if (parser->p < parser->end && *parser->p == '.')
    {
      is_integer = FALSE;
      parser->p++;
      if (!at_digit (parser))
        {
          parser_expected (parser, _("expected a digit after the decimal point, found %s"));
          return NULL;
        }
      skip_digits (parser);
    }
  if (parser->p < parser->end && (*parser->p == 'e' || *parser->p == 'E'))
    {
      is_integer = FALSE;
      parser->p++;
      if (parser->p < parser->end && (*parser->p == '+' || *parser->p == '-'))
        parser->p++;
      if (!at_digit (parser))
        {
          parser_expected (parser, _("expected a digit in the exponent, found %s"));
          return NULL;
        }
      skip_digits (parser);
    }

  text = g_strndup (number_start, parser->p - number_start);
  node = json_node_alloc ();
  if (is_integer)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        {
          g_autofree char *message =
            g_strdup_printf (_("the integer %.40s is too large"), text);
          json_node_unref (node);
          parser_fail_at (parser, number_start, message);
          return NULL;
        }
      json_node_init_int (node, value);
    }
  else
    json_node_init_double (node, g_ascii_strtod (text, NULL));

  return node;
}

static gboolean
at_word (Parser     *parser,
         const char *word)
{
  gsize length = strlen (word);

  return (gsize) (parser->end - parser->p) >= length &&
         memcmp (parser->p, word, length) == 0 &&
         (parser->p + length == parser->end || !is_word_char (parser->p[length]));
}

static JsonNode *
parse_object (Parser *parser)
{
  g_autoptr(JsonObject) object = json_object_new ();
  gboolean first = TRUE;
  JsonNode *node;

  parser->p++;
  skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == '}')
    parser->p++;
  else
    for (;;)
      {
        const char *name_start;
        g_autofree char *name = NULL;
        JsonNode *value;

        skip_whitespace (parser);
        if (parser->p >= parser->end || *parser->p != '"')
          {
            parser_expected (parser, first ? _("expected a member name in double quotes or '}', found %s")
                                           : _("expected a member name in double quotes, found %s"));
            return NULL;
          }
        first = FALSE;
        name_start = parser->p;
        name = parse_string (parser);
        if (name == NULL)
          return NULL;

        skip_whitespace (parser);
        if (parser->p >= parser->end || *parser->p != ':')
          {
            parser_expected (parser, _("expected ':' after the member name, found %s"));
            return NULL;
          }
        parser->p++;

        value = parse_value (parser);
        if (value == NULL)
          return NULL;

        if (json_object_has_member (object, name))
          {
            int line, column;

            /* Keeps the first value; the file is refused anyway. */
            cursor_locate (&parser->cursor, name_start, &line, &column);
            zopa_problems_add_at (parser->problems, ZOPA_FILE_ERROR_INVALID, line, column,
                                  _("duplicate member \"%s\" in this object"), name);
            json_node_unref (value);
          }
        else
          json_object_set_member (object, name, value);

        skip_whitespace (parser);
        if (parser->p < parser->end && *parser->p == ',')
          {
            parser->p++;
            continue;
          }
        if (parser->p < parser->end && *parser->p == '}')
          {
            parser->p++;
            break;
          }
        parser_expected (parser, _("expected ',' or '}', found %s"));
        return NULL;
      }

  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}

static JsonNode *
parse_array (Parser *parser)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  parser->p++;
  skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == ']')
    parser->p++;
  else
    for (;;)
      {
        JsonNode *element;

        skip_whitespace (parser);
        if (parser->p < parser->end && *parser->p == ']')
          {
            parser_expected (parser, json_array_get_length (array) == 0
                                       ? _("expected a value or ']', found %s")
                                       : _("expected a value, found %s"));
            return NULL;
          }
        element = parse_value (parser);
        if (element == NULL)
          return NULL;
        json_array_add_element (array, element);

        skip_whitespace (parser);
        if (parser->p < parser->end && *parser->p == ',')
          {
            parser->p++;
            continue;
          }
        if (parser->p < parser->end && *parser->p == ']')
          {
            parser->p++;
            break;
          }
        parser_expected (parser, _("expected ',' or ']', found %s"));
        return NULL;
      }

  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

/*
 * Recursion is bounded: check_depth() has refused anything nested deeper than 64 before,
 * and the parser keeps its own count so that it never relies on that alone.
 */
static JsonNode *
parse_container (Parser *parser)
{
  JsonNode *node;

  if (parser->depth >= ZOPA_FILE_MAX_DEPTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("arrays and objects are nested more than %d deep"), ZOPA_FILE_MAX_DEPTH);
      parser_fail_at (parser, parser->p, message);
      return NULL;
    }

  parser->depth++;
  node = *parser->p == '{' ? parse_object (parser) : parse_array (parser);
  parser->depth--;
  return node;
}

static JsonNode *
parse_value (Parser *parser)
{
  JsonNode *node;

  skip_whitespace (parser);
  if (parser->p >= parser->end)
    {
      parser_expected (parser, _("expected a value, found %s"));
      return NULL;
    }

  switch (*parser->p)
    {
    case '{':
    case '[':
      return parse_container (parser);
    case '"':
      {
        g_autofree char *text = parse_string (parser);

        if (text == NULL)
          return NULL;
        node = json_node_alloc ();
        json_node_init_string (node, text);
        return node;
      }
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (parser);
    default:
      break;
    }

  if (at_word (parser, "true") || at_word (parser, "false"))
    {
      gboolean value = *parser->p == 't';

      parser->p += value ? 4 : 5;
      node = json_node_alloc ();
      json_node_init_boolean (node, value);
      return node;
    }
  if (at_word (parser, "null"))
    {
      parser->p += 4;
      node = json_node_alloc ();
      json_node_init_null (node);
      return node;
    }

  parser_expected (parser, _("expected a value, found %s"));
  return NULL;
}

JsonNode *
zopa_json_parse_checked (const char   *data,
                         gsize         length,
                         ZopaProblems *problems)
{
  Parser parser = { 0 };
  JsonNode *root;

  if (length > ZOPA_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      zopa_problems_add_file (problems, ZOPA_FILE_ERROR_TOO_LARGE,
                              _("the file is too large (%s); the limit is %d MiB"),
                              size, ZOPA_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* A byte order mark is not JSON, but editors write it; it is not kept. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_encoding (data, length, problems))
    return NULL;

  parser.start = data;
  parser.end = data + length;
  parser.p = data;
  parser.problems = problems;
  cursor_init (&parser.cursor, data);

  skip_whitespace (&parser);
  if (parser.p == parser.end)
    {
      zopa_problems_add_file (problems, ZOPA_FILE_ERROR_SYNTAX, _("the file is empty"));
      return NULL;
    }

  if (!check_depth (data, length, problems))
    return NULL;

  root = parse_value (&parser);
  if (root == NULL)
    return NULL;

  skip_whitespace (&parser);
  if (parser.p < parser.end)
    {
      parser_expected (&parser, _("expected the end of the file after the JSON value, found %s"));
      json_node_unref (root);
      return NULL;
    }

  return root;
}
