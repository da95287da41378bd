/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rules that hold for a scenario however it was made, read from a file or edited in
 * memory: ids, colours, references between sources, issues, options, actors, drafts, clauses
 * and variants and the frames of the storyboard, the ancestry of drafts, and the warnings (see zopa-scenario-file.c for the
 * whole list of what a load checks).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zopa-scenario-members.h"
#include "zopa-scenario-validator.h"

#define MAX_ID_LENGTH    64

/* The checks on the model */

typedef struct {
  ZopaProblems *problems;
  /* Lists the reader could not take: references into them are not checked. */
  gboolean      sources_unreadable;
  gboolean      issues_unreadable;
  gboolean      actors_unreadable;
  gboolean      drafts_unreadable;
  gboolean      variants_unreadable;
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

/* Every draft has a number of its own; numbers is number → index of the first draft. */
static void
check_draft_number (Checker    *checker,
                    GListModel *drafts,
                    GHashTable *numbers,
                    guint       index,
                    const char *path)
{
  g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, index);
  guint number = zopa_draft_get_number (draft);
  g_autofree char *number_path = zopa_path_member (path, "number");
  gpointer first;

  /* A value the reader could not take is reported there. */
  if (zopa_problems_is_marked (checker->problems, number_path))
    return;
  if (number == 0)
    {
      zopa_problems_add_path (checker->problems, FALSE, number_path,
                              _("expected an integer from 1 to %d, got 0"), ZOPA_DRAFT_NUMBER_MAX);
      return;
    }
  if (g_hash_table_lookup_extended (numbers, GUINT_TO_POINTER (number), NULL, &first))
    {
      g_autoptr(ZopaDraft) other = g_list_model_get_item (drafts, GPOINTER_TO_UINT (first));
      g_autofree char *other_path = zopa_path_index ("drafts", GPOINTER_TO_UINT (first));

      zopa_problems_add_path (checker->problems, FALSE, number_path,
                              _("duplicate number %u of draft \"%s\" (first used by draft \"%s\" at %s)"), number,
                              zopa_draft_get_id (draft) != NULL ? zopa_draft_get_id (draft) : "",
                              zopa_draft_get_id (other) != NULL ? zopa_draft_get_id (other) : "", other_path);
      return;
    }
  g_hash_table_insert (numbers, GUINT_TO_POINTER (number), GUINT_TO_POINTER (index));
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

static gboolean
resolve_actor (Checker    *checker,
               const char *path,
               const char *id,
               gpointer    data)
{
  if (checker->actors_unreadable || g_hash_table_contains (checker->actor_ids, id))
    return TRUE;
  zopa_problems_add_path (checker->problems, FALSE, path, _("unknown actor \"%s\""), id);
  return FALSE;
}

static gboolean
resolve_draft (Checker    *checker,
               const char *path,
               const char *id,
               gpointer    data)
{
  if (checker->drafts_unreadable || g_hash_table_contains (checker->draft_ids, id))
    return TRUE;
  zopa_problems_add_path (checker->problems, FALSE, path, _("unknown draft \"%s\""), id);
  return FALSE;
}

/* A frame of the storyboard: a view and mode the program draws, and references that resolve. */
static void
check_frame (Checker    *checker,
             ZopaFrame  *frame,
             const char *path)
{
  static const char * const views[] = { "venn", "issue-map", "bargaining", NULL };
  static const char * const modes[] = { "schematic", "proportional", NULL };
  const char *view = zopa_frame_get_view (frame);
  const char *mode = zopa_frame_get_mode (frame);
  const char *variant = zopa_frame_get_variant (frame);
  const char *selected = zopa_frame_get_selected (frame);
  const char * const *actors = zopa_frame_get_actors (frame);
  const char * const *drafts = zopa_frame_get_drafts (frame);
  g_autofree char *actors_path = zopa_path_member (path, "actors");
  g_autofree char *drafts_path = zopa_path_member (path, "drafts");

  if (!g_strv_contains (views, view))
    {
      g_autofree char *view_path = zopa_path_member (path, "view");

      zopa_problems_add_path (checker->problems, FALSE, view_path,
                              _("expected \"venn\", \"issue-map\" or \"bargaining\", got \"%s\""), view);
    }
  if (!g_strv_contains (modes, mode))
    {
      g_autofree char *mode_path = zopa_path_member (path, "mode");

      zopa_problems_add_path (checker->problems, FALSE, mode_path,
                              _("expected \"schematic\" or \"proportional\", got \"%s\""), mode);
    }
  if (variant != NULL)
    {
      g_autofree char *variant_path = zopa_path_member (path, "variant");

      if (!checker->variants_unreadable && !g_hash_table_contains (checker->variant_ids, variant))
        zopa_problems_add_path (checker->problems, FALSE, variant_path, _("unknown variant \"%s\""), variant);
    }

  check_id_list (checker, actors_path, actors, resolve_actor, NULL);
  if (actors != NULL && !zopa_problems_is_marked (checker->problems, actors_path))
    {
      guint n = g_strv_length ((char **) actors);

      if (g_strcmp0 (view, "bargaining") == 0 && n != 2)
        zopa_problems_add_path (checker->problems, FALSE, actors_path,
                                _("the bargaining view shows two actors, got %u"), n);
      else if (n == 0)
        zopa_problems_add_path (checker->problems, FALSE, actors_path, _("expected at least one actor"));
      else if (n > ZOPA_MAX_ACTORS)
        zopa_problems_add_path (checker->problems, FALSE, actors_path,
                                _("a diagram shows at most %d actors, got %u"), ZOPA_MAX_ACTORS, n);
    }

  check_id_list (checker, drafts_path, drafts, resolve_draft, NULL);
  if (selected != NULL)
    {
      g_autofree char *selected_path = zopa_path_member (path, "selected");

      if (resolve_draft (checker, selected_path, selected, NULL) && drafts != NULL &&
          !g_strv_contains (drafts, selected))
        zopa_problems_add_path (checker->problems, TRUE, selected_path,
                                _("the selected draft \"%s\" is not among the frame's drafts"), selected);
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
  GListModel *frames = zopa_scenario_get_frames (scenario);
  guint n_actors = g_list_model_get_n_items (actors);
  g_autoptr(GHashTable) draft_numbers = NULL;

  checker.sources_unreadable = zopa_problems_is_marked (problems, "sources");
  checker.issues_unreadable = zopa_problems_is_marked (problems, "issues");
  checker.actors_unreadable = zopa_problems_is_marked (problems, "actors");
  checker.drafts_unreadable = zopa_problems_is_marked (problems, "drafts");
  checker.variants_unreadable = zopa_problems_is_marked (problems, "variants");
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
  draft_numbers = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);
      g_autofree char *path = zopa_path_index ("drafts", i);

      if (check_id (&checker, checker.draft_ids, path, zopa_draft_get_id (draft)))
        g_hash_table_insert (checker.drafts, (gpointer) zopa_draft_get_id (draft), draft);
      check_draft_number (&checker, drafts, draft_numbers, i, path);
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

  for (guint i = 0; i < g_list_model_get_n_items (frames); i++)
    {
      g_autoptr(ZopaFrame) frame = g_list_model_get_item (frames, i);
      g_autofree char *path = zopa_path_index ("storyboard", i);

      check_frame (&checker, frame, path);
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
