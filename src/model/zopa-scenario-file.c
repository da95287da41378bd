/*
 * Scenario files, format version 1 (docs/file-format.md): loading with full validation, the checks
 * shared with scenarios edited in memory, the built-in scenario, and saving.
 *
 * A load goes: size → UTF-8 → empty → nesting depth → strict JSON syntax (stops at the first
 * malformed place, with its line and column) → "format" and "version" → the walk from JSON to
 * the model (types, required members, integer ranges) → zopa_scenario_check() on the model
 * (ids, colours, references, variant changes, warnings). Every problem is collected; the
 * load fails when one of them is an error.
 *
 * Required members: "format", "version", "title" of the scenario; "id" of every source,
 * issue, option, actor, draft, clause and variant; "title" of a source, an issue, a draft
 * and a variant; an issue's "options" (at least one); an option's "label"; an actor's
 * "name" and "color"; a clause's "number" and "status"; a variant change's "actor".
 * Everything else is optional: strings default to "", lists to empty, a draft's
 * "derived_from" to null, an actor's "reservation" to 0, a stance's "weight" to 1, its
 * "acceptable" to every option and each utility to 50.
 *
 * Warnings do not stop a load: two agreed clauses of a draft setting one issue to different
 * options, a stance or change that accepts no option, an entry listed twice in a list of
 * ids, and more actors than a diagram shows.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "resources/zopa-core-resources.h"
#include "zopa-file-replace.h"
#include "zopa-scenario-file-private.h"

#define BUILTIN_RESOURCE "/io/github/zopa/Zopa/core/scenario/builtin.zopa.json"
#define MAX_ID_LENGTH    64

G_DEFINE_QUARK (zopa-file-error-quark, zopa_file_error)

/* Problems */

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

/* The checks on the model */

typedef struct {
  ZopaProblems *problems;
  /* Lists the reader could not take: references into them are not checked. */
  gboolean      sources_unreadable;
  gboolean      issues_unreadable;
  gboolean      actors_unreadable;
  gboolean      drafts_unreadable;
  GHashTable   *source_ids;   /* id → path of its first use */
  GHashTable   *issues;       /* id → ZopaIssue */
  GHashTable   *issue_ids;
  GHashTable   *actor_ids;
  GHashTable   *drafts;       /* id → ZopaDraft */
  GHashTable   *draft_ids;
  GHashTable   *clause_ids;   /* unique across the file */
  GHashTable   *variant_ids;
} Checker;

static GHashTable *
new_path_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
report_missing (Checker    *checker,
                const char *path,
                const char *member)
{
  g_autofree char *member_path = zopa_path_member (path, member);

  if (!zopa_problems_is_marked (checker->problems, member_path))
    zopa_problems_add_path (checker->problems, FALSE, path,
                            _("missing required member \"%s\""), member);
}

static void
check_required (Checker    *checker,
                const char *path,
                const char *member,
                const char *value)
{
  if (value == NULL)
    report_missing (checker, path, member);
}

/*
 * Checks an id and records it in seen. Returns TRUE when the id is new, even when it is too
 * long, so that references to it do not add problems of their own.
 */
static gboolean
check_id (Checker    *checker,
          GHashTable *seen,
          const char *path,
          const char *id)
{
  g_autofree char *id_path = zopa_path_member (path, "id");
  const char *first;
  glong length;

  if (id == NULL)
    {
      report_missing (checker, path, "id");
      return FALSE;
    }
  if (id[0] == '\0')
    {
      zopa_problems_add_path (checker->problems, FALSE, id_path, _("expected a non-empty id"));
      return FALSE;
    }

  first = g_hash_table_lookup (seen, id);
  if (first != NULL)
    {
      zopa_problems_add_path (checker->problems, FALSE, id_path,
                              _("duplicate id \"%s\" (first used at %s)"), id, first);
      return FALSE;
    }

  length = g_utf8_strlen (id, -1);
  if (length > MAX_ID_LENGTH)
    zopa_problems_add_path (checker->problems, FALSE, id_path,
                            _("expected an id of at most %d characters, got %ld"),
                            MAX_ID_LENGTH, length);

  g_hash_table_insert (seen, g_strdup (id), g_steal_pointer (&id_path));
  return TRUE;
}

static gboolean
is_colour (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A list of ids: each must resolve (known, when not NULL); an id listed twice is a warning. */
typedef gboolean (*ResolveFunc) (Checker *checker, const char *path, const char *id, gpointer data);

static void
check_id_list (Checker            *checker,
               const char         *path,
               const char * const *ids,
               ResolveFunc         resolve,
               gpointer            data)
{
  g_autoptr(GHashTable) listed = NULL;

  if (ids == NULL)
    return;

  listed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *element_path = zopa_path_index (path, i);

      if (resolve (checker, element_path, ids[i], data) && !g_hash_table_add (listed, (gpointer) ids[i]))
        zopa_problems_add_path (checker->problems, TRUE, element_path,
                                _("\"%s\" is listed twice"), ids[i]);
    }
}

static gboolean
resolve_source (Checker    *checker,
                const char *path,
                const char *id,
                gpointer    data)
{
  if (checker->sources_unreadable || g_hash_table_contains (checker->source_ids, id))
    return TRUE;
  zopa_problems_add_path (checker->problems, FALSE, path, _("unknown source \"%s\""), id);
  return FALSE;
}

/* data is the issue, or NULL when the issue itself is unknown (reported already). */
static gboolean
resolve_option (Checker    *checker,
                const char *path,
                const char *id,
                gpointer    data)
{
  ZopaIssue *issue = data;

  if (issue == NULL)
    return FALSE;
  if (zopa_issue_find_option (issue, id) >= 0)
    return TRUE;
  zopa_problems_add_path (checker->problems, FALSE, path,
                          _("unknown option \"%s\" of issue \"%s\""), id, zopa_issue_get_id (issue));
  return FALSE;
}

static gboolean
resolve_clause (Checker    *checker,
                const char *path,
                const char *id,
                gpointer    data)
{
  ZopaDraft *parent = data;

  if (zopa_draft_find_clause (parent, id) != NULL)
    return TRUE;
  zopa_problems_add_path (checker->problems, FALSE, path,
                          _("unknown clause \"%s\" of draft \"%s\""), id, zopa_draft_get_id (parent));
  return FALSE;
}

static ZopaIssue *
resolve_issue (Checker    *checker,
               const char *path,
               const char *id)
{
  ZopaIssue *issue = g_hash_table_lookup (checker->issues, id);

  if (issue == NULL && !checker->issues_unreadable)
    zopa_problems_add_path (checker->problems, FALSE, path, _("unknown issue \"%s\""), id);
  return issue;
}

static void
check_utility_options (Checker            *checker,
                       const char         *path,
                       ZopaIssue          *issue,
                       const char * const *option_ids)
{
  g_autofree char *utility_path = zopa_path_member (path, "utility");

  for (guint i = 0; issue != NULL && option_ids != NULL && option_ids[i] != NULL; i++)
    {
      g_autofree char *option_path = zopa_path_member (utility_path, option_ids[i]);

      resolve_option (checker, option_path, option_ids[i], issue);
    }
}

static void
check_accepts_something (Checker            *checker,
                         const char         *path,
                         const char         *issue_id,
                         const char * const *acceptable,
                         const char * const *maybe)
{
  g_autofree char *acceptable_path = zopa_path_member (path, "acceptable");

  if (acceptable != NULL && acceptable[0] == NULL && (maybe == NULL || maybe[0] == NULL))
    zopa_problems_add_path (checker->problems, TRUE, acceptable_path,
                            _("no option of issue \"%s\" is acceptable, so the actor accepts no deal"),
                            issue_id);
}

/* The maybe options: known options of the issue, none of them also surely acceptable. */
static void
check_maybe (Checker            *checker,
             const char         *path,
             ZopaIssue          *issue,
             const char * const *acceptable,
             const char * const *maybe)
{
  g_autofree char *maybe_path = zopa_path_member (path, "maybe");

  check_id_list (checker, maybe_path, maybe, resolve_option, issue);
  for (guint i = 0; acceptable != NULL && maybe != NULL && maybe[i] != NULL; i++)
    if (g_strv_contains (acceptable, maybe[i]))
      {
        g_autofree char *element_path = zopa_path_index (maybe_path, i);

        zopa_problems_add_path (checker->problems, FALSE, element_path,
                                _("option \"%s\" is both acceptable and maybe; list it in one of them"),
                                maybe[i]);
      }
}

static void
check_sources (Checker            *checker,
               const char         *path,
               const char * const *source_ids)
{
  g_autofree char *sources_path = zopa_path_member (path, "sources");

  check_id_list (checker, sources_path, source_ids, resolve_source, NULL);
}

static void
check_issue (Checker    *checker,
             ZopaIssue  *issue,
             const char *path)
{
  g_autoptr(GHashTable) option_ids = new_path_table ();
  g_autofree char *options_path = zopa_path_member (path, "options");
  guint n_options = zopa_issue_get_n_options (issue);

  if (check_id (checker, checker->issue_ids, path, zopa_issue_get_id (issue)))
    g_hash_table_insert (checker->issues, (gpointer) zopa_issue_get_id (issue), issue);
  check_required (checker, path, "title", zopa_issue_get_title (issue));

  if (n_options == 0)
    zopa_problems_add_path (checker->problems, FALSE, options_path, _("expected at least one option"));
  for (guint i = 0; i < n_options; i++)
    {
      ZopaOption *option = zopa_issue_get_option (issue, i);
      g_autofree char *option_path = zopa_path_index (options_path, i);

      check_id (checker, option_ids, option_path, zopa_option_get_id (option));
      check_required (checker, option_path, "label", zopa_option_get_label (option));
    }
}

static void
check_actor (Checker    *checker,
             ZopaActor  *actor,
             const char *path)
{
  GListModel *stances = zopa_actor_get_stances (actor);
  g_autofree char *stances_path = zopa_path_member (path, "stances");
  const char *color = zopa_actor_get_color (actor);

  check_id (checker, checker->actor_ids, path, zopa_actor_get_id (actor));
  check_required (checker, path, "name", zopa_actor_get_name (actor));
  check_required (checker, path, "color", color);
  if (color != NULL && !is_colour (color))
    {
      g_autofree char *color_path = zopa_path_member (path, "color");

      zopa_problems_add_path (checker->problems, FALSE, color_path,
                              _("expected a colour like \"#1c71d8\", got \"%s\""), color);
    }
  check_sources (checker, path, zopa_actor_get_sources (actor));

  for (guint i = 0; i < g_list_model_get_n_items (stances); i++)
    {
      g_autoptr(ZopaStance) stance = g_list_model_get_item (stances, i);
      const char *issue_id = zopa_stance_get_issue (stance);
      g_autofree char *stance_path = NULL;
      g_autofree char *acceptable_path = NULL;
      ZopaIssue *issue;

      if (issue_id == NULL)
        {
          g_autofree char *index_path = zopa_path_index (stances_path, i);

          zopa_problems_add_path (checker->problems, FALSE, index_path,
                                  _("a stance must name its issue"));
          continue;
        }

      stance_path = zopa_path_member (stances_path, issue_id);
      acceptable_path = zopa_path_member (stance_path, "acceptable");
      issue = resolve_issue (checker, stance_path, issue_id);
      check_id_list (checker, acceptable_path, zopa_stance_get_acceptable (stance),
                     resolve_option, issue);
      check_accepts_something (checker, stance_path, issue_id, zopa_stance_get_acceptable (stance),
                               zopa_stance_get_maybe (stance));
      check_maybe (checker, stance_path, issue, zopa_stance_get_acceptable (stance),
                   zopa_stance_get_maybe (stance));
      check_utility_options (checker, stance_path, issue, zopa_stance_get_utility_options (stance));
    }
}

static void
check_clause (Checker    *checker,
              ZopaDraft  *draft,
              const char *draft_path,
              ZopaClause *clause,
              const char *path)
{
  const char * const *set_issues = zopa_clause_get_set_issues (clause);
  const char * const *derived_from = zopa_clause_get_derived_from (clause);
  g_autofree char *sets_path = zopa_path_member (path, "sets");

  check_id (checker, checker->clause_ids, path, zopa_clause_get_id (clause));
  check_required (checker, path, "number", zopa_clause_get_number (clause));

  for (guint i = 0; set_issues != NULL && set_issues[i] != NULL; i++)
    {
      g_autofree char *set_path = zopa_path_member (sets_path, set_issues[i]);
      ZopaIssue *issue = resolve_issue (checker, set_path, set_issues[i]);

      resolve_option (checker, set_path, zopa_clause_get_set_option (clause, set_issues[i]), issue);
    }

  check_sources (checker, path, zopa_clause_get_sources (clause));

  if (derived_from != NULL && derived_from[0] != NULL)
    {
      g_autofree char *derived_path = zopa_path_member (path, "derived_from");
      const char *parent_id = zopa_draft_get_derived_from (draft);
      g_autofree char *draft_derived_path = zopa_path_member (draft_path, "derived_from");
      ZopaDraft *parent;

      /* A "derived_from" of the draft that could not be read says nothing about its parent. */
      if (zopa_problems_is_marked (checker->problems, draft_derived_path))
        return;
      if (parent_id == NULL)
        zopa_problems_add_path (checker->problems, FALSE, derived_path,
                                _("the clause derives from clauses, but its draft derives from no draft"));
      else if ((parent = g_hash_table_lookup (checker->drafts, parent_id)) != NULL && parent != draft)
        check_id_list (checker, derived_path, derived_from, resolve_clause, parent);
    }
}

/* Two agreed clauses of a draft that set one issue to different options. */
static void
check_conflicts (Checker    *checker,
                 ZopaDraft  *draft,
                 const char *path)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  g_autoptr(GHashTable) first_setter = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *clauses_path = zopa_path_member (path, "clauses");

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      const char * const *set_issues = zopa_clause_get_set_issues (clause);
      g_autofree char *clause_path = zopa_path_index (clauses_path, i);

      if (zopa_clause_get_status (clause) != ZOPA_CLAUSE_AGREED)
        continue;

      for (guint k = 0; set_issues != NULL && set_issues[k] != NULL; k++)
        {
          const char *option_id = zopa_clause_get_set_option (clause, set_issues[k]);
          gpointer first_index;
          g_autoptr(ZopaClause) first = NULL;

          if (!g_hash_table_lookup_extended (first_setter, set_issues[k], NULL, &first_index))
            {
              g_hash_table_insert (first_setter, (gpointer) set_issues[k], GUINT_TO_POINTER (i));
              continue;
            }

          first = g_list_model_get_item (clauses, GPOINTER_TO_UINT (first_index));
          if (g_strcmp0 (zopa_clause_get_set_option (first, set_issues[k]), option_id) != 0)
            {
              g_autofree char *sets_path = zopa_path_member (clause_path, "sets");
              g_autofree char *set_path = zopa_path_member (sets_path, set_issues[k]);
              g_autofree char *first_path = zopa_path_index (clauses_path, GPOINTER_TO_UINT (first_index));

              zopa_problems_add_path (checker->problems, TRUE, set_path,
                                      _("conflicts with %s, which sets issue \"%s\" to \"%s\"; the issue counts as open"),
                                      first_path, set_issues[k],
                                      zopa_clause_get_set_option (first, set_issues[k]));
            }
        }
    }
}

static void
check_draft_ancestry (Checker    *checker,
                      GListModel *drafts,
                      guint       index,
                      const char *path)
{
  g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, index);
  const char *parent_id = zopa_draft_get_derived_from (draft);
  g_autofree char *derived_path = zopa_path_member (path, "derived_from");
  g_autoptr(GString) chain = NULL;
  ZopaDraft *current;
  gboolean lowest = TRUE;
  guint n_drafts = g_list_model_get_n_items (drafts);

  if (parent_id == NULL)
    return;

  current = g_hash_table_lookup (checker->drafts, parent_id);
  if (current == NULL && checker->drafts_unreadable)
    return;
  if (current == NULL)
    {
      zopa_problems_add_path (checker->problems, FALSE, derived_path, _("unknown draft \"%s\""), parent_id);
      return;
    }
  if (current == draft)
    {
      zopa_problems_add_path (checker->problems, FALSE, derived_path, _("a draft cannot derive from itself"));
      return;
    }

  /* Follows the parents; a cycle is reported once, at the first of its drafts. */
  chain = g_string_new (NULL);
  g_string_append_printf (chain, "\"%s\"", zopa_draft_get_id (draft));
  for (guint steps = 0; current != NULL && steps < n_drafts; steps++)
    {
      guint position = 0;
      const char *next_id;

      g_string_append_printf (chain, " → \"%s\"", zopa_draft_get_id (current));
      if (current == draft)
        {
          if (lowest)
            zopa_problems_add_path (checker->problems, FALSE, derived_path,
                                    _("drafts derive from each other in a cycle: %s"), chain->str);
          return;
        }
      for (guint i = 0; i < n_drafts; i++)
        {
          g_autoptr(ZopaDraft) item = g_list_model_get_item (drafts, i);

          if (item == current)
            position = i;
        }
      if (position < index)
        lowest = FALSE;

      next_id = zopa_draft_get_derived_from (current);
      current = next_id != NULL ? g_hash_table_lookup (checker->drafts, next_id) : NULL;
    }
}

static void
check_change (Checker           *checker,
              ZopaVariantChange *change,
              const char        *path)
{
  const char *actor_id = zopa_variant_change_get_actor (change);
  const char *issue_id = zopa_variant_change_get_issue (change);
  const char * const *acceptable = zopa_variant_change_get_acceptable (change);
  const char * const *maybe = zopa_variant_change_get_maybe (change);
  gboolean changes_stance = zopa_variant_change_has_weight (change) || acceptable != NULL ||
                            maybe != NULL || zopa_variant_change_has_utility (change);
  gboolean has_reservation = zopa_variant_change_has_reservation (change);
  gboolean unreadable = FALSE;
  ZopaIssue *issue = NULL;

  /* A member the reader could not take would make the shape below look wrong. */
  for (guint i = 0; zopa_change_members[i] != NULL; i++)
    {
      g_autofree char *member_path = zopa_path_member (path, zopa_change_members[i]);

      unreadable |= zopa_problems_is_marked (checker->problems, member_path);
    }

  if (actor_id == NULL)
    report_missing (checker, path, "actor");
  else if (!checker->actors_unreadable && !g_hash_table_contains (checker->actor_ids, actor_id))
    {
      g_autofree char *actor_path = zopa_path_member (path, "actor");

      zopa_problems_add_path (checker->problems, FALSE, actor_path, _("unknown actor \"%s\""), actor_id);
    }

  if (issue_id != NULL)
    {
      g_autofree char *issue_path = zopa_path_member (path, "issue");

      issue = resolve_issue (checker, issue_path, issue_id);
    }

  if (!unreadable)
    {
      if (issue_id == NULL && changes_stance)
        zopa_problems_add_path (checker->problems, FALSE, path,
                                _("\"acceptable\", \"utility\" and \"weight\" change a stance and need an \"issue\""));
      else if (issue_id == NULL && !has_reservation)
        zopa_problems_add_path (checker->problems, FALSE, path,
                                _("expected \"reservation\", or an \"issue\" with \"acceptable\", \"utility\" or \"weight\""));
      else if (issue_id != NULL && has_reservation)
        {
          g_autofree char *reservation_path = zopa_path_member (path, "reservation");

          zopa_problems_add_path (checker->problems, FALSE, reservation_path,
                                  _("a change of a stance cannot also set the reservation; make it a change of its own"));
        }
      else if (issue_id != NULL && !changes_stance)
        zopa_problems_add_path (checker->problems, FALSE, path,
                                _("a change with an \"issue\" must set \"acceptable\", \"utility\" or \"weight\""));
    }

  if (issue_id != NULL)
    {
      g_autofree char *acceptable_path = zopa_path_member (path, "acceptable");

      check_id_list (checker, acceptable_path, acceptable, resolve_option, issue);
      check_accepts_something (checker, path, issue_id, acceptable, maybe);
      check_maybe (checker, path, issue, acceptable, maybe);
      check_utility_options (checker, path, issue, zopa_variant_change_get_utility_options (change));
    }
}

static void
check_variant (Checker     *checker,
               ZopaVariant *variant,
               const char  *path)
{
  GListModel *changes = zopa_variant_get_changes (variant);
  g_autofree char *changes_path = zopa_path_member (path, "changes");

  check_id (checker, checker->variant_ids, path, zopa_variant_get_id (variant));
  check_required (checker, path, "title", zopa_variant_get_title (variant));

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, i);
      g_autofree char *change_path = zopa_path_index (changes_path, i);

      check_change (checker, change, change_path);
    }
}

void
zopa_scenario_check (ZopaScenario *scenario,
                     ZopaProblems *problems)
{
  Checker checker = { problems };
  GListModel *sources = zopa_scenario_get_sources (scenario);
  GListModel *issues = zopa_scenario_get_issues (scenario);
  GListModel *actors = zopa_scenario_get_actors (scenario);
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  GListModel *variants = zopa_scenario_get_variants (scenario);
  guint n_actors = g_list_model_get_n_items (actors);

  checker.sources_unreadable = zopa_problems_is_marked (problems, "sources");
  checker.issues_unreadable = zopa_problems_is_marked (problems, "issues");
  checker.actors_unreadable = zopa_problems_is_marked (problems, "actors");
  checker.drafts_unreadable = zopa_problems_is_marked (problems, "drafts");
  checker.source_ids = new_path_table ();
  checker.issues = g_hash_table_new (g_str_hash, g_str_equal);
  checker.issue_ids = new_path_table ();
  checker.actor_ids = new_path_table ();
  checker.drafts = g_hash_table_new (g_str_hash, g_str_equal);
  checker.draft_ids = new_path_table ();
  checker.clause_ids = new_path_table ();
  checker.variant_ids = new_path_table ();

  check_required (&checker, "", "title", zopa_scenario_get_title (scenario));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ZopaSource) source = g_list_model_get_item (sources, i);
      g_autofree char *path = zopa_path_index ("sources", i);

      check_id (&checker, checker.source_ids, path, zopa_source_get_id (source));
      check_required (&checker, path, "title", zopa_source_get_title (source));
    }

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
      g_autofree char *path = zopa_path_index ("issues", i);

      check_issue (&checker, issue, path);
    }

  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);
      g_autofree char *path = zopa_path_index ("actors", i);

      check_actor (&checker, actor, path);
    }
  if (n_actors > ZOPA_MAX_ACTORS)
    zopa_problems_add_path (problems, TRUE, "actors",
                            _("%u actors, but a diagram shows at most %d of them at a time"),
                            n_actors, ZOPA_MAX_ACTORS);

  /* Draft ids first: clauses refer to the clauses of their draft's parent. */
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);
      g_autofree char *path = zopa_path_index ("drafts", i);

      if (check_id (&checker, checker.draft_ids, path, zopa_draft_get_id (draft)))
        g_hash_table_insert (checker.drafts, (gpointer) zopa_draft_get_id (draft), draft);
      check_required (&checker, path, "title", zopa_draft_get_title (draft));
    }
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);
      GListModel *clauses = zopa_draft_get_clauses (draft);
      g_autofree char *path = zopa_path_index ("drafts", i);
      g_autofree char *clauses_path = zopa_path_member (path, "clauses");

      check_draft_ancestry (&checker, drafts, i, path);
      for (guint k = 0; k < g_list_model_get_n_items (clauses); k++)
        {
          g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, k);
          g_autofree char *clause_path = zopa_path_index (clauses_path, k);

          check_clause (&checker, draft, path, clause, clause_path);
        }
      check_conflicts (&checker, draft, path);
    }

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ZopaVariant) variant = g_list_model_get_item (variants, i);
      g_autofree char *path = zopa_path_index ("variants", i);

      check_variant (&checker, variant, path);
    }

  g_hash_table_unref (checker.source_ids);
  g_hash_table_unref (checker.issues);
  g_hash_table_unref (checker.issue_ids);
  g_hash_table_unref (checker.actor_ids);
  g_hash_table_unref (checker.drafts);
  g_hash_table_unref (checker.draft_ids);
  g_hash_table_unref (checker.clause_ids);
  g_hash_table_unref (checker.variant_ids);
}

GPtrArray *
zopa_scenario_validate (ZopaScenario *self)
{
  ZopaProblems problems;
  GPtrArray *list;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);

  zopa_problems_init (&problems);
  zopa_scenario_check (self, &problems);
  list = zopa_problems_steal (&problems);
  zopa_problems_clear (&problems);
  return list;
}

/* Loading */

/* Hands the problems over; returns the scenario when none of them is an error. */
static ZopaScenario *
finish_load (ZopaProblems  *problems,
             ZopaScenario  *scenario,
             GPtrArray    **problems_out,
             GError       **error)
{
  ZopaScenario *result = scenario;

  if (zopa_problems_count_errors (problems) > 0)
    {
      g_clear_object (&result);
      for (guint i = 0; i < problems->list->len; i++)
        {
          ZopaFileProblem *problem = g_ptr_array_index (problems->list, i);

          if (!problem->is_warning)
            {
              g_autofree char *text = zopa_file_problem_to_string (problem);

              g_set_error_literal (error, ZOPA_FILE_ERROR, problem->code, text);
              break;
            }
        }
    }

  if (problems_out != NULL)
    *problems_out = zopa_problems_steal (problems);
  zopa_problems_clear (problems);
  return result;
}

ZopaScenario *
zopa_scenario_load_from_data (const char  *data,
                              gsize        length,
                              GPtrArray  **problems_out,
                              GError     **error)
{
  ZopaProblems problems;
  g_autoptr(JsonNode) root = NULL;
  ZopaScenario *scenario = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zopa_problems_init (&problems);
  root = zopa_json_parse_checked (data != NULL ? data : "", length, &problems);
  if (root != NULL)
    scenario = zopa_scenario_from_json (root, &problems);
  if (scenario != NULL)
    zopa_scenario_check (scenario, &problems);

  return finish_load (&problems, scenario, problems_out, error);
}

static void
add_read_error (ZopaProblems *problems,
                GError       *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("the file does not exist"));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("this is a folder, not a file"));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("permission denied: the file cannot be read"));
  else
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("cannot read the file: %s"), io_error->message);
}

static void
add_too_large (ZopaProblems *problems,
               guint64       size)
{
  g_autofree char *text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

  zopa_problems_add_file (problems, ZOPA_FILE_ERROR_TOO_LARGE,
                          _("the file is too large (%s); the limit is %d MiB"),
                          text, ZOPA_FILE_MAX_SIZE / (1024 * 1024));
}

/* Reads at most ZOPA_FILE_MAX_SIZE + 1 bytes, so a file that grows (or a pipe) is still caught. */
static GBytes *
read_bounded (GInputStream *stream,
              ZopaProblems *problems)
{
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  for (;;)
    {
      guint8 chunk[64 * 1024];
      gsize n_read = 0;

      if (!g_input_stream_read_all (stream, chunk, sizeof chunk, &n_read, NULL, &io_error))
        {
          add_read_error (problems, io_error);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n_read);
      if (buffer->len > ZOPA_FILE_MAX_SIZE)
        {
          add_too_large (problems, buffer->len);
          return NULL;
        }
      if (n_read < sizeof chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static GBytes *
read_file_bounded (GFile        *file,
                   ZopaProblems *problems)
{
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &io_error);

  if (stream == NULL)
    {
      add_read_error (problems, io_error);
      return NULL;
    }
  return read_bounded (G_INPUT_STREAM (stream), problems);
}

/* After reading: the problems of the read when it failed, else the load of what was read. */
static ZopaScenario *
load_read_bytes (ZopaProblems  *problems,
                 GBytes        *bytes,
                 GPtrArray    **problems_out,
                 GError       **error)
{
  if (bytes == NULL)
    return finish_load (problems, NULL, problems_out, error);

  zopa_problems_clear (problems);
  return zopa_scenario_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       problems_out, error);
}

ZopaScenario *
zopa_scenario_load_from_stream (GInputStream *stream,
                                GPtrArray   **problems_out,
                                GError      **error)
{
  ZopaProblems problems;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zopa_problems_init (&problems);
  bytes = read_bounded (stream, &problems);
  return load_read_bytes (&problems, bytes, problems_out, error);
}

ZopaScenario *
zopa_scenario_load_from_file (GFile      *file,
                              GPtrArray **problems_out,
                              GError    **error)
{
  return zopa_scenario_load_from_file_full (file, NULL, problems_out, error);
}

ZopaScenario *
zopa_scenario_load_from_file_full (GFile      *file,
                                   GBytes    **data_out,
                                   GPtrArray **problems_out,
                                   GError    **error)
{
  ZopaScenario *scenario;
  ZopaProblems problems;
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zopa_problems_init (&problems);

  /* The size is checked before anything is read. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &io_error);
  if (info == NULL)
    {
      add_read_error (&problems, io_error);
      return finish_load (&problems, NULL, problems_out, error);
    }

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    zopa_problems_add_file (&problems, ZOPA_FILE_ERROR_IO, _("this is a folder, not a file"));
  else if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_UNKNOWN)
    zopa_problems_add_file (&problems, ZOPA_FILE_ERROR_IO, _("this is not a regular file"));
  else if (g_file_info_get_size (info) > ZOPA_FILE_MAX_SIZE)
    add_too_large (&problems, g_file_info_get_size (info));
  else
    bytes = read_file_bounded (file, &problems);

  scenario = load_read_bytes (&problems, bytes, problems_out, error);
  if (scenario != NULL && data_out != NULL)
    *data_out = g_steal_pointer (&bytes);
  return scenario;
}

GBytes *
zopa_scenario_get_builtin_data (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (zopa_core_get_resource (), BUILTIN_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in scenario is missing from the program: %s", error->message);
  return bytes;
}

ZopaScenario *
zopa_scenario_load_builtin (void)
{
  g_autoptr(GBytes) bytes = zopa_scenario_get_builtin_data ();
  g_autoptr(GError) error = NULL;
  ZopaScenario *scenario;

  scenario = zopa_scenario_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           NULL, &error);
  /* The file is checked by the tests; an invalid one is a bug in the program. */
  if (scenario == NULL)
    g_error ("The built-in scenario is not valid: %s", error->message);
  return scenario;
}

/* Saving */

char *
zopa_scenario_to_data (ZopaScenario *self,
                       gsize        *length)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);

  return zopa_scenario_write_json (self, length);
}

gboolean
zopa_scenario_save_to_file (ZopaScenario  *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = zopa_scenario_write_json (self, &length);
  return zopa_file_replace (file, data, length, cancellable, error);
}
