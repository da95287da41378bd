/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The problems found in a scenario file or in a scenario checked in memory: the error domain,
 * one ZopaFileProblem per problem, the list a load collects them in, and the paths that say
 * where a content problem is ("drafts[2].clauses[5]").
 */

#include "config.h"

#include "zopa-file-problem.h"

G_DEFINE_QUARK (zopa-file-error-quark, zopa_file_error)

void
zopa_file_problem_free (ZopaFileProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

char *
zopa_file_problem_to_string (const ZopaFileProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    return g_strdup_printf ("%d:%d: %s", problem->line, problem->column, problem->message);
  if (problem->path != NULL && problem->path[0] != '\0')
    return g_strdup_printf ("%s: %s", problem->path, problem->message);
  return g_strdup (problem->message);
}

void
zopa_problems_init (ZopaProblems *self)
{
  self->list = g_ptr_array_new_with_free_func ((GDestroyNotify) zopa_file_problem_free);
  self->marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
zopa_problems_clear (ZopaProblems *self)
{
  g_clear_pointer (&self->list, g_ptr_array_unref);
  g_clear_pointer (&self->marked, g_hash_table_unref);
}

GPtrArray *
zopa_problems_steal (ZopaProblems *self)
{
  return g_steal_pointer (&self->list);
}

guint
zopa_problems_count_errors (ZopaProblems *self)
{
  guint n_errors = 0;

  for (guint i = 0; i < self->list->len; i++)
    {
      ZopaFileProblem *problem = g_ptr_array_index (self->list, i);

      if (!problem->is_warning)
        n_errors++;
    }
  return n_errors;
}

gboolean
zopa_problems_set_error (ZopaProblems  *self,
                         GError       **error)
{
  for (guint i = 0; i < self->list->len; i++)
    {
      ZopaFileProblem *problem = g_ptr_array_index (self->list, i);

      if (!problem->is_warning)
        {
          g_autofree char *text = zopa_file_problem_to_string (problem);

          g_set_error_literal (error, ZOPA_FILE_ERROR, problem->code, text);
          return TRUE;
        }
    }
  return FALSE;
}

void
zopa_problems_mark (ZopaProblems *self,
                    const char   *path)
{
  g_hash_table_add (self->marked, g_strdup (path));
}

/* Whether path or a path above it is marked. */
gboolean
zopa_problems_is_marked (ZopaProblems *self,
                         const char   *path)
{
  gboolean in_quotes = FALSE;

  if (g_hash_table_size (self->marked) == 0)
    return FALSE;
  if (g_hash_table_contains (self->marked, path))
    return TRUE;

  for (gsize i = 0; path[i] != '\0'; i++)
    {
      char c = path[i];

      if (in_quotes)
        {
          if (c == '\\' && path[i + 1] != '\0')
            i++;
          else if (c == '"')
            in_quotes = FALSE;
          continue;
        }
      if (c == '"')
        in_quotes = TRUE;
      else if ((c == '.' || c == '[') && i > 0)
        {
          g_autofree char *prefix = g_strndup (path, i);

          if (g_hash_table_contains (self->marked, prefix))
            return TRUE;
        }
    }

  return FALSE;
}

static void
problems_take (ZopaProblems  *self,
               ZopaFileError  code,
               gboolean       is_warning,
               int            line,
               int            column,
               const char    *path,
               char          *message)
{
  ZopaFileProblem *problem = g_new0 (ZopaFileProblem, 1);

  problem->code = code;
  problem->is_warning = is_warning;
  problem->line = line;
  problem->column = column;
  problem->path = g_strdup (path);
  problem->message = message;
  g_ptr_array_add (self->list, problem);
}

void
zopa_problems_add_at (ZopaProblems  *self,
                      ZopaFileError  code,
                      int            line,
                      int            column,
                      const char    *format,
                      ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problems_take (self, code, FALSE, line, column, NULL, message);
}

void
zopa_problems_add_path (ZopaProblems *self,
                        gboolean      is_warning,
                        const char   *path,
                        const char   *format,
                        ...)
{
  va_list args;
  char *message;

  if (zopa_problems_is_marked (self, path))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problems_take (self, ZOPA_FILE_ERROR_INVALID, is_warning, 0, 0, path, message);
}

void
zopa_problems_add_file (ZopaProblems  *self,
                        ZopaFileError  code,
                        const char    *format,
                        ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problems_take (self, code, FALSE, 0, 0, NULL, message);
}

/* Paths */

static gboolean
is_plain_name (const char *name)
{
  if (name[0] == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || strchr (".[]\"\\", *p) != NULL)
      return FALSE;
  return TRUE;
}

char *
zopa_path_member (const char *parent,
                  const char *name)
{
  GString *path = g_string_new (parent);

  if (is_plain_name (name))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
    }
  else
    {
      g_string_append (path, "[\"");
      for (const char *p = name; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (path, '\\');
          g_string_append_c (path, *p);
        }
      g_string_append (path, "\"]");
    }

  return g_string_free (path, FALSE);
}

char *
zopa_path_index (const char *parent,
                 guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}
