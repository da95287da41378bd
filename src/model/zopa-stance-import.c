/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-stance-import.c: actors' stances from a CSV table, all rows or none */

#define G_LOG_DOMAIN "zopa-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zopa-stance-import.h"

typedef struct {
  char *text;
  int   line;
  int   column;
} Cell;

typedef struct {
  GArray *cells;   /* of Cell */
  int     line;
} Row;

static void
cell_clear (gpointer data)
{
  g_free (((Cell *) data)->text);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_array_unref (row->cells);
  g_free (row);
}

static Row *
row_new (int line)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (row->cells, cell_clear);
  row->line = line;
  return row;
}

static void
add_problem (GPtrArray  *problems,
             int         line,
             int         column,
             const char *path,
             char       *message)
{
  ZopaFileProblem *problem = g_new0 (ZopaFileProblem, 1);

  problem->code = ZOPA_FILE_ERROR_INVALID;
  problem->line = line;
  problem->column = line > 0 ? MAX (column, 1) : 0;
  problem->path = g_strdup (path);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* A spreadsheet saved as CSV in a locale with a decimal comma separates with ";", and
 * "tab-separated values" with tabs: the header line tells which, commas by default. */
static char
guess_delimiter (const char *data,
                 gsize       length)
{
  guint counts[3] = { 0, 0, 0 };
  const char delimiters[3] = { ',', ';', '\t' };
  gboolean quoted = FALSE;

  for (gsize k = 0; k < length && (quoted || (data[k] != '\n' && data[k] != '\r')); k++)
    {
      if (data[k] == '"')
        quoted = !quoted;
      for (guint d = 0; d < 3 && !quoted; d++)
        if (data[k] == delimiters[d])
          counts[d]++;
    }
  if (counts[0] == 0 && counts[1] > counts[2])
    return ';';
  if (counts[0] == 0 && counts[2] > 0)
    return '\t';
  return ',';
}

/* Splits RFC 4180 text into rows of cells (LF or CRLF line ends, quoted cells with "" for
 * a quote and line breaks inside), each cell with its line and column. FALSE when the text
 * is malformed, with a problem where. */
static gboolean
split_rows (const char *data,
            gsize       length,
            char        delimiter,
            GPtrArray  *rows,
            GPtrArray  *problems)
{
  gsize k = 0;
  int line = 1, column = 1;

  while (k < length)
    {
      Row *row = row_new (line);

      g_ptr_array_add (rows, row);
      for (;;)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          Cell cell = { NULL, line, column };

          if (k < length && data[k] == '"')
            {
              int quote_line = line, quote_column = column;

              k++, column++;
              for (;;)
                {
                  if (k >= length)
                    {
                      add_problem (problems, quote_line, quote_column, NULL,
                                   g_strdup (_("a quoted cell is not closed: a \" is missing")));
                      return FALSE;
                    }
                  if (data[k] == '"' && k + 1 < length && data[k + 1] == '"')
                    {
                      g_string_append_c (text, '"');
                      k += 2, column += 2;
                    }
                  else if (data[k] == '"')
                    {
                      k++, column++;
                      break;
                    }
                  else
                    {
                      if (data[k] == '\n')
                        line++, column = 0;
                      g_string_append_c (text, data[k]);
                      if (((guchar) data[k] & 0xc0) != 0x80)
                        column++;
                      k++;
                    }
                }
              if (k < length && data[k] != delimiter && data[k] != '\n' && data[k] != '\r')
                {
                  add_problem (problems, line, column, NULL,
                               g_strdup (_("after a closing \" a cell must end: a \" inside a quoted cell is written \"\"")));
                  return FALSE;
                }
            }
          else
            {
              for (; k < length && data[k] != delimiter && data[k] != '\n' && data[k] != '\r'; k++)
                {
                  g_string_append_c (text, data[k]);
                  if (((guchar) data[k] & 0xc0) != 0x80)
                    column++;
                }
            }
          cell.text = g_string_free (g_steal_pointer (&text), FALSE);
          g_array_append_val (row->cells, cell);
          if (k < length && data[k] == delimiter)
            {
              k++, column++;
              continue;
            }
          break;
        }
      if (k < length && data[k] == '\r')
        k++;
      if (k < length && data[k] == '\n')
        k++;
      line++, column = 1;
    }
  return TRUE;
}

typedef enum {
  COLUMN_ACTOR, COLUMN_ISSUE, COLUMN_OPTION, COLUMN_ACCEPTABLE, COLUMN_UTILITY, N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = { "actor", "issue", "option", "acceptable", "utility" };

/* Which cell of a row holds each column (-1: none), from the header. */
static gboolean
read_header (Row       *header,
             int        positions[N_COLUMNS],
             GPtrArray *problems)
{
  gboolean ok = TRUE;

  for (guint c = 0; c < N_COLUMNS; c++)
    positions[c] = -1;
  for (guint k = 0; k < header->cells->len; k++)
    {
      const Cell *cell = &g_array_index (header->cells, Cell, k);
      g_autofree char *name = g_ascii_strdown (g_strstrip (cell->text), -1);
      guint c;

      /* Spreadsheets often end the header with empty cells: columns without a name hold nothing. */
      if (name[0] == '\0')
        continue;
      for (c = 0; c < N_COLUMNS; c++)
        if (strcmp (name, column_names[c]) == 0)
          break;
      if (c == N_COLUMNS)
        {
          add_problem (problems, cell->line, cell->column, NULL,
                       g_strdup_printf (_("unknown column “%s”: the columns are actor, issue, option, acceptable and utility"),
                                        cell->text));
          ok = FALSE;
        }
      else if (positions[c] >= 0)
        {
          add_problem (problems, cell->line, cell->column, NULL,
                       g_strdup_printf (_("column “%s” appears twice"), column_names[c]));
          ok = FALSE;
        }
      else
        positions[c] = k;
    }
  for (guint c = COLUMN_ACTOR; c <= COLUMN_OPTION && ok; c++)
    if (positions[c] < 0)
      {
        add_problem (problems, header->line, 1, NULL,
                     g_strdup_printf (_("the header has no column “%s”: the table needs actor, issue and option, "
                                        "and acceptable or utility"), column_names[c]));
        ok = FALSE;
      }
  if (ok && positions[COLUMN_ACCEPTABLE] < 0 && positions[COLUMN_UTILITY] < 0)
    {
      add_problem (problems, header->line, 1, NULL,
                   g_strdup (_("the header has neither “acceptable” nor “utility”: nothing to import")));
      ok = FALSE;
    }
  return ok;
}

/* The cell of a column in a row, trimmed; a row shorter than the header has empty cells. */
static const Cell *
row_cell (Row       *row,
          const int  positions[N_COLUMNS],
          Column     column)
{
  Cell *cell;

  if (positions[column] < 0 || (guint) positions[column] >= row->cells->len)
    return NULL;
  cell = &g_array_index (row->cells, Cell, positions[column]);
  g_strstrip (cell->text);
  return cell;
}

static gboolean
cell_is_empty (const Cell *cell)
{
  return cell == NULL || cell->text[0] == '\0';
}

static gboolean
row_is_blank (Row *row)
{
  for (guint k = 0; k < row->cells->len; k++)
    {
      const char *text = g_array_index (row->cells, Cell, k).text;

      for (; *text != '\0'; text++)
        if (!g_ascii_isspace (*text))
          return FALSE;
    }
  return TRUE;
}

static gboolean
parse_utility_value (const char *text,
                     int        *value)
{
  guint64 number;

  if (text[0] == '\0' || !g_ascii_string_to_unsigned (text, 10, 0, ZOPA_UTILITY_MAX, &number, NULL))
    return FALSE;
  *value = (int) number;
  return TRUE;
}

/* "60", "40-60", "40–60" (with spaces allowed around the dash). */
static gboolean
parse_utility (const char *text,
               int        *low,
               int        *high)
{
  const char *dash = strstr (text, "–");
  gsize dash_length = strlen ("–");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (dash == NULL)
    {
      dash = strchr (text, '-');
      dash_length = 1;
    }
  if (dash == NULL)
    {
      if (!parse_utility_value (text, low))
        return FALSE;
      *high = *low;
      return TRUE;
    }
  first = g_strstrip (g_strndup (text, dash - text));
  second = g_strstrip (g_strdup (dash + dash_length));
  return parse_utility_value (first, low) && parse_utility_value (second, high) && *low <= *high;
}

typedef enum {
  STATUS_YES,
  STATUS_NO,
  STATUS_MAYBE,
} Status;

static gboolean
parse_status (const char *text,
              Status     *status)
{
  static const char * const words[] = { "yes", "no", "maybe" };

  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (g_ascii_strcasecmp (text, words[k]) == 0)
      {
        *status = (Status) k;
        return TRUE;
      }
  return FALSE;
}

static ZopaStance *
find_or_add_stance (ZopaActor  *actor,
                    const char *issue_id)
{
  ZopaStance *stance = zopa_actor_find_stance (actor, issue_id);
  g_autoptr(ZopaStance) added = NULL;

  if (stance != NULL)
    return stance;
  /* Weight 0, as an actor without a stance has: giving acceptability or utilities does
   * not by itself make the issue count in the actor's score. */
  added = zopa_stance_new (issue_id);
  zopa_stance_set_weight (added, 0);
  zopa_actor_insert_stance (actor, g_list_model_get_n_items (zopa_actor_get_stances (actor)), added);
  return added;
}

/* Sets one option's acceptability, keeping acceptable and maybe apart and in option order. */
static void
set_status (ZopaStance *stance,
            ZopaIssue  *issue,
            const char *option_id,
            Status      status)
{
  guint n = zopa_issue_get_n_options (issue);
  g_autoptr(GPtrArray) acceptable = g_ptr_array_new ();
  g_autoptr(GPtrArray) maybe = g_ptr_array_new ();
  gboolean all_acceptable = TRUE;

  for (guint o = 0; o < n; o++)
    {
      const char *id = zopa_option_get_id (zopa_issue_get_option (issue, o));
      gboolean is_maybe = zopa_stance_is_maybe (stance, id);
      gboolean is_yes = zopa_stance_accepts_option (stance, id);

      if (g_strcmp0 (id, option_id) == 0)
        {
          is_yes = status == STATUS_YES;
          is_maybe = status == STATUS_MAYBE;
        }
      if (is_yes)
        g_ptr_array_add (acceptable, (gpointer) id);
      else
        all_acceptable = FALSE;
      if (is_maybe)
        g_ptr_array_add (maybe, (gpointer) id);
    }
  g_ptr_array_add (acceptable, NULL);
  g_ptr_array_add (maybe, NULL);
  /* A stance that said nothing about acceptability keeps saying nothing while all is acceptable. */
  if (all_acceptable && zopa_stance_get_acceptable (stance) == NULL)
    zopa_stance_set_acceptable (stance, NULL);
  else
    zopa_stance_set_acceptable (stance, (const char * const *) acceptable->pdata);
  zopa_stance_set_maybe (stance, maybe->len > 1 ? (const char * const *) maybe->pdata : NULL);
}

/* Checks one row and applies it to the copy; FALSE with problems when it is wrong. */
static gboolean
apply_row (ZopaScenario *copy,
           Row          *row,
           const int     positions[N_COLUMNS],
           GHashTable   *seen,
           GPtrArray    *problems)
{
  const Cell *actor_cell = row_cell (row, positions, COLUMN_ACTOR);
  const Cell *issue_cell = row_cell (row, positions, COLUMN_ISSUE);
  const Cell *option_cell = row_cell (row, positions, COLUMN_OPTION);
  const Cell *acceptable_cell = row_cell (row, positions, COLUMN_ACCEPTABLE);
  const Cell *utility_cell = row_cell (row, positions, COLUMN_UTILITY);
  ZopaActor *actor = NULL;
  ZopaIssue *issue = NULL;
  ZopaStance *stance;
  Status status = STATUS_YES;
  int low = 0, high = 0;
  g_autofree char *key = NULL;
  gpointer first_line;
  guint n_before = problems->len;

  for (Column c = COLUMN_ACTOR; c <= COLUMN_OPTION; c++)
    {
      const Cell *cell = row_cell (row, positions, c);

      if (cell_is_empty (cell))
        add_problem (problems, row->line, cell != NULL ? cell->column : 1, NULL,
                     g_strdup_printf (_("the %s cell is empty: every row names an actor, an issue and an option"),
                                      column_names[c]));
    }
  if (problems->len > n_before)
    return FALSE;

  actor = zopa_scenario_find_actor (copy, actor_cell->text);
  if (actor == NULL)
    add_problem (problems, row->line, actor_cell->column, NULL,
                 g_strdup_printf (_("the scenario has no actor “%s”"), actor_cell->text));
  issue = zopa_scenario_find_issue (copy, issue_cell->text);
  if (issue == NULL)
    add_problem (problems, row->line, issue_cell->column, NULL,
                 g_strdup_printf (_("the scenario has no issue “%s”"), issue_cell->text));
  else if (zopa_issue_find_option (issue, option_cell->text) < 0)
    add_problem (problems, row->line, option_cell->column, NULL,
                 g_strdup_printf (_("issue “%s” has no option “%s”"), issue_cell->text, option_cell->text));
  if (!cell_is_empty (acceptable_cell) && !parse_status (acceptable_cell->text, &status))
    add_problem (problems, row->line, acceptable_cell->column, NULL,
                 g_strdup_printf (_("acceptable must be yes, no or maybe, not “%s”"), acceptable_cell->text));
  if (!cell_is_empty (utility_cell) && !parse_utility (utility_cell->text, &low, &high))
    add_problem (problems, row->line, utility_cell->column, NULL,
                 g_strdup_printf (_("utility must be an integer from 0 to 100 or a range such as 40–60, not “%s”"),
                                  utility_cell->text));
  for (guint k = 0; k < row->cells->len; k++)
    {
      const Cell *cell = &g_array_index (row->cells, Cell, k);
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        known |= positions[c] == (int) k;
      if (!known && cell->text[0] != '\0')
        {
          add_problem (problems, row->line, cell->column, NULL,
                       g_strdup (_("a cell in a column the header does not name: cells there must be empty")));
          break;
        }
    }

  /* Ids may hold any character: the lengths in front keep the key unambiguous. */
  key = g_strdup_printf ("%zu:%s%zu:%s%s", strlen (actor_cell->text), actor_cell->text,
                         strlen (issue_cell->text), issue_cell->text, option_cell->text);
  if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
    add_problem (problems, row->line, actor_cell->column, NULL,
                 g_strdup_printf (_("actor “%s”, issue “%s”, option “%s” were given already on line %d"),
                                  actor_cell->text, issue_cell->text, option_cell->text,
                                  GPOINTER_TO_INT (first_line)));
  else
    g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (row->line));

  if (problems->len > n_before)
    return FALSE;
  if (cell_is_empty (acceptable_cell) && cell_is_empty (utility_cell))
    return TRUE;

  stance = find_or_add_stance (actor, issue_cell->text);
  if (!cell_is_empty (acceptable_cell))
    set_status (stance, issue, option_cell->text, status);
  if (!cell_is_empty (utility_cell) && low == high)
    zopa_stance_set_utility (stance, option_cell->text, low);
  else if (!cell_is_empty (utility_cell))
    zopa_stance_set_utility_range (stance, option_cell->text, low, high);
  return TRUE;
}

/* The scenario saved and loaded again: a copy that is checked like a file. */
static ZopaScenario *
reload (ZopaScenario *scenario,
        GPtrArray    *problems)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  ZopaScenario *copy;

  data = zopa_scenario_to_data (scenario, &length);
  copy = zopa_scenario_load_from_data (data, length, &found, &error);
  if (copy != NULL)
    return copy;
  for (guint k = 0; found != NULL && k < found->len; k++)
    {
      ZopaFileProblem *problem = g_ptr_array_index (found, k);

      if (!problem->is_warning)
        add_problem (problems, 0, 0, problem->path,
                     g_strdup_printf (_("the scenario with these stances is not valid: %s"), problem->message));
    }
  if (problems->len == 0)
    add_problem (problems, 0, 0, NULL,
                 g_strdup_printf (_("the scenario with these stances is not valid: %s"), error->message));
  return NULL;
}

ZopaScenario *
zopa_scenario_import_stances (ZopaScenario *scenario,
                              const char   *table,
                              gsize         length,
                              guint        *n_rows,
                              GPtrArray   **problems_out,
                              GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) zopa_file_problem_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ZopaScenario) copy = NULL;
  ZopaScenario *result = NULL;
  const char *invalid = NULL;
  int positions[N_COLUMNS];
  guint applied = 0;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (table != NULL || length == 0, NULL);

  if (length > ZOPA_FILE_MAX_SIZE)
    add_problem (problems, 0, 0, NULL, g_strdup_printf (_("the table is larger than %d MiB"), ZOPA_FILE_MAX_SIZE / (1024 * 1024)));
  else if (!g_utf8_validate_len (table, length, &invalid))
    {
      int line = 1;

      for (const char *p = table; p < invalid; p++)
        line += *p == '\n';
      add_problem (problems, line, 1, NULL, g_strdup (_("the table is not UTF-8 text")));
    }
  else
    {
      /* Spreadsheets often start a UTF-8 file with a byte order mark. */
      if (length >= 3 && memcmp (table, "\xef\xbb\xbf", 3) == 0)
        table += 3, length -= 3;
      if (split_rows (table, length, guess_delimiter (table, length), rows, problems))
        {
          if (rows->len == 0)
            add_problem (problems, 1, 1, NULL, g_strdup (_("the table is empty: it needs a header row and a row per actor, issue and option")));
          else if (read_header (g_ptr_array_index (rows, 0), positions, problems))
            {
              copy = reload (scenario, problems);
              for (guint k = 1; copy != NULL && k < rows->len; k++)
                if (!row_is_blank (g_ptr_array_index (rows, k)) &&
                    apply_row (copy, g_ptr_array_index (rows, k), positions, seen, problems))
                  applied++;
            }
        }
    }

  if (problems->len == 0 && copy != NULL)
    result = reload (copy, problems);

  if (result == NULL)
    {
      g_autofree char *first = zopa_file_problem_to_string (g_ptr_array_index (problems, 0));

      g_set_error_literal (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_INVALID, first);
      if (problems_out != NULL)
        *problems_out = g_steal_pointer (&problems);
      return NULL;
    }
  if (n_rows != NULL)
    *n_rows = applied;
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return result;
}
