/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-edit.c: edits that follow references, made through the history */

#define G_LOG_DOMAIN "zopa-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zopa-edit.h"
#include "zopa-list-model.h"

G_DEFINE_QUARK (zopa-edit-error-quark, zopa_edit_error)

/*
 * Every place in a file that names an object by id, as listed in the file format: one
 * walk finds them (collect_references) and describe, rename and delete each act on the
 * same list, so what the user is told is what happens.
 */
typedef enum {
  REF_STANCE_ISSUE,         /* a stance on the issue */
  REF_CLAUSE_SETS_ISSUE,    /* a clause sets the issue */
  REF_CHANGE_ISSUE,         /* a variant change of a stance on the issue */
  REF_STANCE_ACCEPTABLE,    /* the option is in a stance's acceptable list */
  REF_STANCE_MAYBE,         /* the option is one of a stance's maybe options */
  REF_STANCE_UTILITY,       /* a stance gives the option a utility */
  REF_CLAUSE_SETS_OPTION,   /* a clause sets the issue to the option */
  REF_CHANGE_ACCEPTABLE,
  REF_CHANGE_MAYBE,
  REF_CHANGE_UTILITY,
  REF_CHANGE_ACTOR,         /* a variant change of the actor */
  REF_DRAFT_DERIVED_FROM,   /* a draft derives from the draft */
  REF_CLAUSE_DERIVED_FROM,  /* a clause derives from the clause */
  REF_ACTOR_SOURCES,
  REF_CLAUSE_SOURCES,
  REF_FRAME_ACTORS,         /* a frame of the storyboard shows the actor */
  REF_FRAME_DRAFTS,         /* a frame shows the draft */
  REF_FRAME_SELECTED,       /* a frame selects the draft */
  REF_FRAME_VARIANT,        /* a frame shows the variant */
} RefKind;

typedef struct {
  RefKind     kind;
  GObject    *holder;   /* the stance, clause, change, draft or actor naming the id */
  GObject    *context;  /* what holds holder: its actor, draft or variant; NULL for a draft
                         * or a frame */
  const char *id;       /* the id named there */
  const char *issue;    /* for options: the issue they belong to */
} Ref;

/* Lookups */

static gboolean
strv_has (const char * const *strv,
          const char         *id)
{
  return strv != NULL && id != NULL && g_strv_contains (strv, id);
}

static guint
strv_position (const char * const *strv,
               const char         *id)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], id) == 0)
      return i;

  return G_MAXUINT;
}

/* A copy of strv with id replaced by replacement, or left out when replacement is NULL. */
static GStrv
strv_replace (const char * const *strv,
              const char         *id,
              const char         *replacement)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (g_strcmp0 (strv[i], id) != 0)
        g_strv_builder_add (builder, strv[i]);
      else if (replacement != NULL)
        g_strv_builder_add (builder, replacement);
    }

  return g_strv_builder_end (builder);
}

/* The list of parent that would hold object, by object's type. */
static GListModel *
children_of (gpointer parent,
             gpointer object)
{
  if (ZOPA_IS_OPTION (object))
    return zopa_issue_get_options (parent);
  if (ZOPA_IS_STANCE (object))
    return zopa_actor_get_stances (parent);
  if (ZOPA_IS_CLAUSE (object))
    return zopa_draft_get_clauses (parent);
  return zopa_variant_get_changes (parent);
}

GObject *
zopa_edit_find_owner (ZopaScenario *scenario,
                      gpointer      object)
{
  GListModel *parents;
  guint n_parents;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  if ((ZOPA_IS_SOURCE (object) && zopa_list_model_contains (zopa_scenario_get_sources (scenario), object))
      || (ZOPA_IS_ISSUE (object) && zopa_list_model_contains (zopa_scenario_get_issues (scenario), object))
      || (ZOPA_IS_ACTOR (object) && zopa_list_model_contains (zopa_scenario_get_actors (scenario), object))
      || (ZOPA_IS_DRAFT (object) && zopa_list_model_contains (zopa_scenario_get_drafts (scenario), object))
      || (ZOPA_IS_VARIANT (object) && zopa_list_model_contains (zopa_scenario_get_variants (scenario), object))
      || (ZOPA_IS_FRAME (object) && zopa_list_model_contains (zopa_scenario_get_frames (scenario), object)))
    return G_OBJECT (scenario);

  if (ZOPA_IS_OPTION (object))
    parents = zopa_scenario_get_issues (scenario);
  else if (ZOPA_IS_STANCE (object))
    parents = zopa_scenario_get_actors (scenario);
  else if (ZOPA_IS_CLAUSE (object))
    parents = zopa_scenario_get_drafts (scenario);
  else if (ZOPA_IS_VARIANT_CHANGE (object))
    parents = zopa_scenario_get_variants (scenario);
  else
    return NULL;

  n_parents = g_list_model_get_n_items (parents);
  for (guint i = 0; i < n_parents; i++)
    {
      g_autoptr(GObject) parent = g_list_model_get_item (parents, i);

      /* The parent list holds its own reference. */
      if (zopa_list_model_contains (children_of (parent, object), object))
        return parent;
    }

  return NULL;
}

static const char *
object_id (gpointer object)
{
  if (ZOPA_IS_SOURCE (object))
    return zopa_source_get_id (object);
  if (ZOPA_IS_ISSUE (object))
    return zopa_issue_get_id (object);
  if (ZOPA_IS_OPTION (object))
    return zopa_option_get_id (object);
  if (ZOPA_IS_ACTOR (object))
    return zopa_actor_get_id (object);
  if (ZOPA_IS_DRAFT (object))
    return zopa_draft_get_id (object);
  if (ZOPA_IS_CLAUSE (object))
    return zopa_clause_get_id (object);
  if (ZOPA_IS_VARIANT (object))
    return zopa_variant_get_id (object);
  return NULL;
}

/* The object of item_type that has id (parent: the issue of an option), or NULL. */
static gpointer
find_by_id (ZopaScenario *scenario,
            GType         item_type,
            gpointer      parent,
            const char   *id)
{
  if (item_type == ZOPA_TYPE_SOURCE)
    return zopa_scenario_find_source (scenario, id);
  if (item_type == ZOPA_TYPE_ISSUE)
    return zopa_scenario_find_issue (scenario, id);
  if (item_type == ZOPA_TYPE_ACTOR)
    return zopa_scenario_find_actor (scenario, id);
  if (item_type == ZOPA_TYPE_DRAFT)
    return zopa_scenario_find_draft (scenario, id);
  if (item_type == ZOPA_TYPE_VARIANT)
    return zopa_scenario_find_variant (scenario, id);
  if (item_type == ZOPA_TYPE_CLAUSE)
    return zopa_scenario_find_clause (scenario, id, NULL);
  if (item_type == ZOPA_TYPE_OPTION && ZOPA_IS_ISSUE (parent))
    {
      int position = zopa_issue_find_option (parent, id);

      return position >= 0 ? zopa_issue_get_option (parent, position) : NULL;
    }

  return NULL;
}

gboolean
zopa_edit_check_id (ZopaScenario  *scenario,
                    gpointer       object,
                    const char    *new_id,
                    GError       **error)
{
  gpointer existing;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (object_id (object) != NULL, FALSE);

  if (new_id == NULL || new_id[0] == '\0')
    {
      g_set_error_literal (error, ZOPA_EDIT_ERROR, ZOPA_EDIT_ERROR_INVALID_ID,
                           _("An ID cannot be empty"));
      return FALSE;
    }

  if (g_utf8_strlen (new_id, -1) > ZOPA_ID_MAX_LENGTH)
    {
      g_set_error (error, ZOPA_EDIT_ERROR, ZOPA_EDIT_ERROR_INVALID_ID,
                   _("An ID can have at most %d characters"), ZOPA_ID_MAX_LENGTH);
      return FALSE;
    }

  existing = find_by_id (scenario, G_OBJECT_TYPE (object),
                         ZOPA_IS_OPTION (object) ? zopa_edit_find_owner (scenario, object) : NULL,
                         new_id);
  if (existing != NULL && existing != object)
    {
      g_set_error (error, ZOPA_EDIT_ERROR, ZOPA_EDIT_ERROR_ID_TAKEN,
                   _("The ID “%s” is already in use"), new_id);
      return FALSE;
    }

  return TRUE;
}

static char *
unique_id (ZopaScenario *scenario,
           GType         item_type,
           gpointer      parent,
           const char   *base,
           GHashTable   *also_taken)
{
  g_autofree char *stem = NULL;
  char *candidate;

  /* Leave room for a suffix within the length limit. */
  if (base == NULL || base[0] == '\0')
    base = "item";
  stem = g_utf8_strlen (base, -1) > ZOPA_ID_MAX_LENGTH - 8
         ? g_utf8_substring (base, 0, ZOPA_ID_MAX_LENGTH - 8)
         : g_strdup (base);

  candidate = g_strdup (stem);
  for (guint n = 2;
       find_by_id (scenario, item_type, parent, candidate) != NULL
       || (also_taken != NULL && g_hash_table_contains (also_taken, candidate));
       n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", stem, n);
    }

  return candidate;
}

char *
zopa_edit_make_unique_id (ZopaScenario *scenario,
                          GType         item_type,
                          gpointer      parent,
                          const char   *base)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (item_type != ZOPA_TYPE_OPTION || ZOPA_IS_ISSUE (parent), NULL);

  return unique_id (scenario, item_type, parent, base, NULL);
}

/* Collecting references */

static void
add_ref (GArray     *refs,
         RefKind     kind,
         gpointer    holder,
         gpointer    context,
         const char *id,
         const char *issue)
{
  Ref ref = { kind, holder, context, id, issue };

  g_array_append_val (refs, ref);
}

/* What one walk over the scenario looks for: the references to one issue, one option of an
 * issue, one actor, one clause or one source, whichever ids are set. */
typedef struct {
  GArray     *refs;
  const char *issue_id;    /* with option_id: the option's issue */
  const char *option_id;
  const char *actor_id;
  const char *clause_id;
  const char *source_id;
  const char *draft_id;
  const char *variant_id;
  ZopaDraft  *except;      /* a draft being deleted: its clauses are not looked at */
} RefQuery;

static void
find_actor_refs (RefQuery  *query,
                 ZopaActor *actor)
{
  ZopaStance *stance;

  if (query->source_id != NULL && strv_has (zopa_actor_get_sources (actor), query->source_id))
    add_ref (query->refs, REF_ACTOR_SOURCES, actor, NULL, query->source_id, NULL);
  if (query->issue_id == NULL || (stance = zopa_actor_find_stance (actor, query->issue_id)) == NULL)
    return;

  if (query->option_id == NULL)
    {
      add_ref (query->refs, REF_STANCE_ISSUE, stance, actor, query->issue_id, query->issue_id);
      return;
    }
  if (strv_has (zopa_stance_get_acceptable (stance), query->option_id))
    add_ref (query->refs, REF_STANCE_ACCEPTABLE, stance, actor, query->option_id, query->issue_id);
  if (strv_has (zopa_stance_get_maybe (stance), query->option_id))
    add_ref (query->refs, REF_STANCE_MAYBE, stance, actor, query->option_id, query->issue_id);
  if (zopa_stance_has_utility (stance, query->option_id))
    add_ref (query->refs, REF_STANCE_UTILITY, stance, actor, query->option_id, query->issue_id);
}

static void
find_clause_refs (RefQuery   *query,
                  ZopaDraft  *draft,
                  ZopaClause *clause)
{
  if (query->issue_id != NULL)
    {
      const char *set = zopa_clause_get_set_option (clause, query->issue_id);

      if (query->option_id == NULL && set != NULL)
        add_ref (query->refs, REF_CLAUSE_SETS_ISSUE, clause, draft, query->issue_id, query->issue_id);
      else if (query->option_id != NULL && g_strcmp0 (set, query->option_id) == 0)
        add_ref (query->refs, REF_CLAUSE_SETS_OPTION, clause, draft, query->option_id, query->issue_id);
    }
  if (query->clause_id != NULL && strv_has (zopa_clause_get_derived_from (clause), query->clause_id))
    add_ref (query->refs, REF_CLAUSE_DERIVED_FROM, clause, draft, query->clause_id, NULL);
  if (query->source_id != NULL && strv_has (zopa_clause_get_sources (clause), query->source_id))
    add_ref (query->refs, REF_CLAUSE_SOURCES, clause, draft, query->source_id, NULL);
}

static void
find_change_refs (RefQuery          *query,
                  ZopaVariant       *variant,
                  ZopaVariantChange *change)
{
  if (query->actor_id != NULL && g_strcmp0 (zopa_variant_change_get_actor (change), query->actor_id) == 0)
    add_ref (query->refs, REF_CHANGE_ACTOR, change, variant, query->actor_id, NULL);
  if (query->issue_id == NULL || g_strcmp0 (zopa_variant_change_get_issue (change), query->issue_id) != 0)
    return;

  if (query->option_id == NULL)
    {
      add_ref (query->refs, REF_CHANGE_ISSUE, change, variant, query->issue_id, query->issue_id);
      return;
    }
  if (strv_has (zopa_variant_change_get_acceptable (change), query->option_id))
    add_ref (query->refs, REF_CHANGE_ACCEPTABLE, change, variant, query->option_id, query->issue_id);
  if (strv_has (zopa_variant_change_get_maybe (change), query->option_id))
    add_ref (query->refs, REF_CHANGE_MAYBE, change, variant, query->option_id, query->issue_id);
  if (strv_has (zopa_variant_change_get_utility_options (change), query->option_id))
    add_ref (query->refs, REF_CHANGE_UTILITY, change, variant, query->option_id, query->issue_id);
}

static void
find_frame_refs (RefQuery  *query,
                 ZopaFrame *frame)
{
  if (query->actor_id != NULL && strv_has (zopa_frame_get_actors (frame), query->actor_id))
    add_ref (query->refs, REF_FRAME_ACTORS, frame, NULL, query->actor_id, NULL);
  if (query->draft_id != NULL && strv_has (zopa_frame_get_drafts (frame), query->draft_id))
    add_ref (query->refs, REF_FRAME_DRAFTS, frame, NULL, query->draft_id, NULL);
  if (query->draft_id != NULL && g_strcmp0 (zopa_frame_get_selected (frame), query->draft_id) == 0)
    add_ref (query->refs, REF_FRAME_SELECTED, frame, NULL, query->draft_id, NULL);
  if (query->variant_id != NULL && g_strcmp0 (zopa_frame_get_variant (frame), query->variant_id) == 0)
    add_ref (query->refs, REF_FRAME_VARIANT, frame, NULL, query->variant_id, NULL);
}

/* Every holder of a reference in scenario order: actors, then clauses draft by draft, then
 * variant changes variant by variant, then the frames of the storyboard. */
static void
find_refs (ZopaScenario *scenario,
           RefQuery     *query)
{
  GListModel *actors = zopa_scenario_get_actors (scenario);
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  GListModel *variants = zopa_scenario_get_variants (scenario);
  GListModel *frames = zopa_scenario_get_frames (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);

      find_actor_refs (query, actor);
    }

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);
      GListModel *clauses = zopa_draft_get_clauses (draft);

      if (draft == query->except)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (clauses); j++)
        {
          g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, j);

          find_clause_refs (query, draft, clause);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ZopaVariant) variant = g_list_model_get_item (variants, i);
      GListModel *changes = zopa_variant_get_changes (variant);

      for (guint j = 0; j < g_list_model_get_n_items (changes); j++)
        {
          g_autoptr(ZopaVariantChange) change = g_list_model_get_item (changes, j);

          find_change_refs (query, variant, change);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (frames); i++)
    {
      g_autoptr(ZopaFrame) frame = g_list_model_get_item (frames, i);

      find_frame_refs (query, frame);
    }
}

static void
collect_draft_refs (ZopaScenario *scenario,
                    ZopaDraft    *target,
                    GArray       *refs)
{
  GListModel *drafts = zopa_scenario_get_drafts (scenario);
  GListModel *clauses = zopa_draft_get_clauses (target);
  const char *draft_id = zopa_draft_get_id (target);

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);

      if (draft != target && g_strcmp0 (zopa_draft_get_derived_from (draft), draft_id) == 0)
        add_ref (refs, REF_DRAFT_DERIVED_FROM, draft, NULL, draft_id, NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);

      RefQuery query = { .refs = refs, .clause_id = zopa_clause_get_id (clause), .except = target };

      find_refs (scenario, &query);
    }

  {
    RefQuery query = { .refs = refs, .draft_id = draft_id, .except = target };

    find_refs (scenario, &query);
  }
}

/* The references to object as it is in the scenario; pointers are borrowed from it. */
static GArray *
collect_references (ZopaScenario *scenario,
                    gpointer      object)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  RefQuery query = { .refs = refs };

  if (ZOPA_IS_DRAFT (object))
    {
      collect_draft_refs (scenario, object, refs);
      return refs;
    }

  if (ZOPA_IS_ISSUE (object))
    query.issue_id = zopa_issue_get_id (object);
  else if (ZOPA_IS_OPTION (object))
    {
      GObject *issue = zopa_edit_find_owner (scenario, object);

      if (issue == NULL)
        return refs;
      query.issue_id = zopa_issue_get_id (ZOPA_ISSUE (issue));
      query.option_id = zopa_option_get_id (object);
    }
  else if (ZOPA_IS_ACTOR (object))
    query.actor_id = zopa_actor_get_id (object);
  else if (ZOPA_IS_CLAUSE (object))
    query.clause_id = zopa_clause_get_id (object);
  else if (ZOPA_IS_SOURCE (object))
    query.source_id = zopa_source_get_id (object);
  else if (ZOPA_IS_VARIANT (object))
    query.variant_id = zopa_variant_get_id (object);
  else
    return refs;

  find_refs (scenario, &query);
  return refs;
}

/* Describing references */

static const char *
nonempty_or (const char *text,
             const char *fallback)
{
  return text != NULL && text[0] != '\0' ? text : fallback;
}

static const char *
actor_name (ZopaScenario *scenario,
            const char   *actor_id)
{
  ZopaActor *actor = zopa_scenario_find_actor (scenario, actor_id);

  if (actor == NULL)
    return nonempty_or (actor_id, "?");
  return nonempty_or (zopa_actor_get_name (actor), zopa_actor_get_id (actor));
}

static const char *
draft_name (gpointer draft)
{
  return nonempty_or (zopa_draft_get_title (draft), zopa_draft_get_id (draft));
}

static const char *
clause_name (gpointer clause)
{
  return nonempty_or (zopa_clause_get_number (clause), zopa_clause_get_id (clause));
}

static const char *
variant_name (gpointer variant)
{
  return nonempty_or (zopa_variant_get_title (variant), zopa_variant_get_id (variant));
}

/* A frame's position in the storyboard, from 1 as the user counts. */
static guint
frame_number (ZopaScenario *scenario,
              gpointer      frame)
{
  GListModel *frames = zopa_scenario_get_frames (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (frames); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (frames, i);

      if (item == frame)
        return i + 1;
    }
  return 0;
}

static char *
describe_ref (ZopaScenario *scenario,
              gpointer      object,
              const Ref    *ref)
{
  switch (ref->kind)
    {
    case REF_STANCE_ISSUE:
      /* Translators: %s is an actor, e.g. "Moscow". */
      return g_strdup_printf (_("The stance of %s on this issue"),
                              actor_name (scenario, zopa_actor_get_id (ZOPA_ACTOR (ref->context))));
    case REF_CLAUSE_SETS_ISSUE:
      /* Translators: clause number, then draft title. */
      return g_strdup_printf (_("Clause %s of “%s” sets this issue"),
                              clause_name (ref->holder), draft_name (ref->context));
    case REF_CHANGE_ISSUE:
      /* Translators: an actor, then a variant title. */
      return g_strdup_printf (_("The change of %s’s stance on this issue in variant “%s”"),
                              actor_name (scenario, zopa_variant_change_get_actor (ZOPA_VARIANT_CHANGE (ref->holder))),
                              variant_name (ref->context));
    case REF_STANCE_ACCEPTABLE:
      /* Translators: %s is an actor. */
      return g_strdup_printf (_("The acceptable options of %s"),
                              actor_name (scenario, zopa_actor_get_id (ZOPA_ACTOR (ref->context))));
    case REF_STANCE_MAYBE:
      /* Translators: %s is an actor. */
      return g_strdup_printf (_("The maybe options of %s"),
                              actor_name (scenario, zopa_actor_get_id (ZOPA_ACTOR (ref->context))));
    case REF_STANCE_UTILITY:
      /* Translators: %s is an actor. */
      return g_strdup_printf (_("The utilities of %s"),
                              actor_name (scenario, zopa_actor_get_id (ZOPA_ACTOR (ref->context))));
    case REF_CLAUSE_SETS_OPTION:
      /* Translators: clause number, then draft title. */
      return g_strdup_printf (_("Clause %s of “%s” sets this option"),
                              clause_name (ref->holder), draft_name (ref->context));
    case REF_CHANGE_ACCEPTABLE:
      /* Translators: an actor, then a variant title. */
      return g_strdup_printf (_("The acceptable options of %s in variant “%s”"),
                              actor_name (scenario, zopa_variant_change_get_actor (ZOPA_VARIANT_CHANGE (ref->holder))),
                              variant_name (ref->context));
    case REF_CHANGE_MAYBE:
      /* Translators: an actor, then a variant title. */
      return g_strdup_printf (_("The maybe options of %s in variant “%s”"),
                              actor_name (scenario, zopa_variant_change_get_actor (ZOPA_VARIANT_CHANGE (ref->holder))),
                              variant_name (ref->context));
    case REF_CHANGE_UTILITY:
      /* Translators: an actor, then a variant title. */
      return g_strdup_printf (_("The utilities of %s in variant “%s”"),
                              actor_name (scenario, zopa_variant_change_get_actor (ZOPA_VARIANT_CHANGE (ref->holder))),
                              variant_name (ref->context));
    case REF_CHANGE_ACTOR:
      /* Translators: %s is a variant title. */
      return g_strdup_printf (_("A change in variant “%s”"), variant_name (ref->context));
    case REF_DRAFT_DERIVED_FROM:
      /* Translators: %s is a draft title. */
      return g_strdup_printf (_("Draft “%s” derives from it"), draft_name (ref->holder));
    case REF_CLAUSE_DERIVED_FROM:
      if (ZOPA_IS_DRAFT (object))
        /* Translators: clause number, then draft title. */
        return g_strdup_printf (_("Clause %s of “%s” derives from one of its clauses"),
                                clause_name (ref->holder), draft_name (ref->context));
      /* Translators: clause number, then draft title. */
      return g_strdup_printf (_("Clause %s of “%s” derives from it"),
                              clause_name (ref->holder), draft_name (ref->context));
    case REF_ACTOR_SOURCES:
      /* Translators: %s is an actor. */
      return g_strdup_printf (_("The sources of %s"),
                              actor_name (scenario, zopa_actor_get_id (ZOPA_ACTOR (ref->holder))));
    case REF_CLAUSE_SOURCES:
      /* Translators: clause number, then draft title. */
      return g_strdup_printf (_("The sources of clause %s of “%s”"),
                              clause_name (ref->holder), draft_name (ref->context));
    case REF_FRAME_ACTORS:
    case REF_FRAME_DRAFTS:
    case REF_FRAME_VARIANT:
      /* Translators: %u is the number of a frame of the storyboard. */
      return g_strdup_printf (_("Frame %u of the storyboard shows it"), frame_number (scenario, ref->holder));
    case REF_FRAME_SELECTED:
      /* Translators: %u is the number of a frame of the storyboard. */
      return g_strdup_printf (_("Frame %u of the storyboard selects it"), frame_number (scenario, ref->holder));
    default:
      g_assert_not_reached ();
    }
}

GPtrArray *
zopa_edit_describe_references (ZopaScenario *scenario,
                               gpointer      object)
{
  g_autoptr(GArray) refs = NULL;
  GPtrArray *places;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  refs = collect_references (scenario, object);
  places = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < refs->len; i++)
    {
      char *place = describe_ref (scenario, object, &g_array_index (refs, Ref, i));

      if (places->len > 0
          && g_strcmp0 (g_ptr_array_index (places, places->len - 1), place) == 0)
        g_free (place);
      else
        g_ptr_array_add (places, place);
    }

  return places;
}

/* Labels */

static const char *
rename_label (gpointer object)
{
  if (ZOPA_IS_SOURCE (object))
    return _("Rename Source");
  if (ZOPA_IS_ISSUE (object))
    return _("Rename Issue");
  if (ZOPA_IS_OPTION (object))
    return _("Rename Option");
  if (ZOPA_IS_ACTOR (object))
    return _("Rename Actor");
  if (ZOPA_IS_DRAFT (object))
    return _("Rename Draft");
  if (ZOPA_IS_CLAUSE (object))
    return _("Rename Clause");
  return _("Rename Variant");
}

static const char *
delete_label (gpointer object)
{
  if (ZOPA_IS_SOURCE (object))
    return _("Delete Source");
  if (ZOPA_IS_ISSUE (object))
    return _("Delete Issue");
  if (ZOPA_IS_OPTION (object))
    return _("Delete Option");
  if (ZOPA_IS_ACTOR (object))
    return _("Delete Actor");
  if (ZOPA_IS_DRAFT (object))
    return _("Delete Draft");
  if (ZOPA_IS_CLAUSE (object))
    return _("Delete Clause");
  if (ZOPA_IS_VARIANT (object))
    return _("Delete Variant");
  if (ZOPA_IS_STANCE (object))
    return _("Delete Stance");
  if (ZOPA_IS_FRAME (object))
    return _("Delete Frame");
  return _("Delete Variant Change");
}

/* Renaming */

static void
rename_ref (ZopaHistory *history,
            const Ref   *ref,
            const char  *old_id,
            const char  *new_id)
{
  switch (ref->kind)
    {
    case REF_STANCE_ISSUE:
      zopa_history_set (history, ref->holder, "issue", new_id, NULL);
      break;

    case REF_CLAUSE_SETS_ISSUE:
      {
        ZopaClause *clause = ZOPA_CLAUSE (ref->holder);
        guint position = strv_position (zopa_clause_get_set_issues (clause), old_id);
        g_autofree char *option_id = g_strdup (zopa_clause_get_set_option (clause, old_id));

        /* The key changes in place: the clause's sets keep their order. */
        zopa_history_set_clause_option (history, clause, old_id, NULL);
        zopa_history_insert_clause_option (history, clause, position, new_id, option_id);
      }
      break;

    case REF_CHANGE_ISSUE:
      zopa_history_set (history, ref->holder, "issue", new_id, NULL);
      break;

    case REF_CHANGE_ACTOR:
      zopa_history_set (history, ref->holder, "actor", new_id, NULL);
      break;

    case REF_STANCE_ACCEPTABLE:
      {
        g_auto(GStrv) acceptable =
          strv_replace (zopa_stance_get_acceptable (ZOPA_STANCE (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "acceptable", acceptable, NULL);
      }
      break;

    case REF_CHANGE_ACCEPTABLE:
      {
        g_auto(GStrv) acceptable =
          strv_replace (zopa_variant_change_get_acceptable (ZOPA_VARIANT_CHANGE (ref->holder)),
                        old_id, new_id);

        zopa_history_set (history, ref->holder, "acceptable", acceptable, NULL);
      }
      break;

    case REF_STANCE_MAYBE:
      {
        g_auto(GStrv) maybe = strv_replace (zopa_stance_get_maybe (ZOPA_STANCE (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "maybe", maybe, NULL);
      }
      break;

    case REF_CHANGE_MAYBE:
      {
        g_auto(GStrv) maybe =
          strv_replace (zopa_variant_change_get_maybe (ZOPA_VARIANT_CHANGE (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "maybe", maybe, NULL);
      }
      break;

    case REF_STANCE_UTILITY:
      {
        ZopaStance *stance = ZOPA_STANCE (ref->holder);
        guint position = strv_position (zopa_stance_get_utility_options (stance), old_id);
        ZopaRange utility = zopa_stance_get_utility_range (stance, old_id);

        zopa_history_unset_utility (history, stance, old_id);
        zopa_history_insert_utility_range (history, stance, position, new_id, utility);
      }
      break;

    case REF_CHANGE_UTILITY:
      {
        ZopaVariantChange *change = ZOPA_VARIANT_CHANGE (ref->holder);
        guint position = strv_position (zopa_variant_change_get_utility_options (change), old_id);
        ZopaRange utility = zopa_variant_change_get_utility_range (change, old_id);

        zopa_history_unset_change_utility (history, change, old_id);
        zopa_history_insert_change_utility_range (history, change, position, new_id, utility);
      }
      break;

    case REF_CLAUSE_SETS_OPTION:
      zopa_history_set_clause_option (history, ZOPA_CLAUSE (ref->holder), ref->issue, new_id);
      break;

    case REF_DRAFT_DERIVED_FROM:
      zopa_history_set (history, ref->holder, "derived-from", new_id, NULL);
      break;

    case REF_CLAUSE_DERIVED_FROM:
      {
        g_auto(GStrv) derived_from =
          strv_replace (zopa_clause_get_derived_from (ZOPA_CLAUSE (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "derived-from", derived_from, NULL);
      }
      break;

    case REF_ACTOR_SOURCES:
      {
        g_auto(GStrv) sources =
          strv_replace (zopa_actor_get_sources (ZOPA_ACTOR (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "sources", sources, NULL);
      }
      break;

    case REF_CLAUSE_SOURCES:
      {
        g_auto(GStrv) sources =
          strv_replace (zopa_clause_get_sources (ZOPA_CLAUSE (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "sources", sources, NULL);
      }
      break;

    case REF_FRAME_ACTORS:
      {
        g_auto(GStrv) actors = strv_replace (zopa_frame_get_actors (ZOPA_FRAME (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "actors", actors, NULL);
      }
      break;

    case REF_FRAME_DRAFTS:
      {
        g_auto(GStrv) drafts = strv_replace (zopa_frame_get_drafts (ZOPA_FRAME (ref->holder)), old_id, new_id);

        zopa_history_set (history, ref->holder, "drafts", drafts, NULL);
      }
      break;

    case REF_FRAME_SELECTED:
      zopa_history_set (history, ref->holder, "selected", new_id, NULL);
      break;

    case REF_FRAME_VARIANT:
      zopa_history_set (history, ref->holder, "variant", new_id, NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

gboolean
zopa_edit_rename (ZopaHistory  *history,
                  gpointer      object,
                  const char   *new_id,
                  GError      **error)
{
  ZopaScenario *scenario;
  g_autoptr(GArray) refs = NULL;
  g_autofree char *old_id = NULL;

  g_return_val_if_fail (ZOPA_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (object_id (object) != NULL, FALSE);

  scenario = zopa_history_get_scenario (history);
  g_return_val_if_fail (zopa_edit_find_owner (scenario, object) != NULL, FALSE);

  if (g_strcmp0 (object_id (object), new_id) == 0)
    return TRUE;
  if (!zopa_edit_check_id (scenario, object, new_id, error))
    return FALSE;

  old_id = g_strdup (object_id (object));
  refs = collect_references (scenario, object);

  zopa_history_begin_group (history, rename_label (object));
  for (guint i = 0; i < refs->len; i++)
    rename_ref (history, &g_array_index (refs, Ref, i), old_id, new_id);
  zopa_history_set (history, object, "id", new_id, NULL);
  zopa_history_end_group (history);

  return TRUE;
}

/* Deleting */

static void
set_strv_without (ZopaHistory        *history,
                  GObject            *holder,
                  const char         *property,
                  const char * const *strv,
                  const char         *id)
{
  g_auto(GStrv) remaining = strv_replace (strv, id, NULL);

  zopa_history_set (history, holder, property, remaining, NULL);
}

static void
delete_ref (ZopaHistory *history,
            const Ref   *ref)
{
  switch (ref->kind)
    {
    case REF_STANCE_ISSUE:
    case REF_CHANGE_ISSUE:
    case REF_CHANGE_ACTOR:
      /* A stance or change about the object means nothing without it. */
      zopa_history_remove (history, ref->context, ref->holder);
      break;

    case REF_CLAUSE_SETS_ISSUE:
    case REF_CLAUSE_SETS_OPTION:
      zopa_history_set_clause_option (history, ZOPA_CLAUSE (ref->holder), ref->issue, NULL);
      break;

    case REF_STANCE_ACCEPTABLE:
      set_strv_without (history, ref->holder, "acceptable",
                        zopa_stance_get_acceptable (ZOPA_STANCE (ref->holder)), ref->id);
      break;

    case REF_CHANGE_ACCEPTABLE:
      set_strv_without (history, ref->holder, "acceptable",
                        zopa_variant_change_get_acceptable (ZOPA_VARIANT_CHANGE (ref->holder)),
                        ref->id);
      break;

    case REF_STANCE_MAYBE:
      set_strv_without (history, ref->holder, "maybe",
                        zopa_stance_get_maybe (ZOPA_STANCE (ref->holder)), ref->id);
      break;

    case REF_CHANGE_MAYBE:
      set_strv_without (history, ref->holder, "maybe",
                        zopa_variant_change_get_maybe (ZOPA_VARIANT_CHANGE (ref->holder)), ref->id);
      break;

    case REF_STANCE_UTILITY:
      zopa_history_unset_utility (history, ZOPA_STANCE (ref->holder), ref->id);
      break;

    case REF_CHANGE_UTILITY:
      zopa_history_unset_change_utility (history, ZOPA_VARIANT_CHANGE (ref->holder), ref->id);
      break;

    case REF_DRAFT_DERIVED_FROM:
      zopa_history_set (history, ref->holder, "derived-from", NULL, NULL);
      break;

    case REF_CLAUSE_DERIVED_FROM:
      set_strv_without (history, ref->holder, "derived-from",
                        zopa_clause_get_derived_from (ZOPA_CLAUSE (ref->holder)), ref->id);
      break;

    case REF_ACTOR_SOURCES:
      set_strv_without (history, ref->holder, "sources",
                        zopa_actor_get_sources (ZOPA_ACTOR (ref->holder)), ref->id);
      break;

    case REF_CLAUSE_SOURCES:
      set_strv_without (history, ref->holder, "sources",
                        zopa_clause_get_sources (ZOPA_CLAUSE (ref->holder)), ref->id);
      break;

    case REF_FRAME_ACTORS:
      {
        ZopaFrame *frame = ZOPA_FRAME (ref->holder);
        g_auto(GStrv) actors = strv_replace (zopa_frame_get_actors (frame), ref->id, NULL);
        guint wanted = g_strcmp0 (zopa_frame_get_view (frame), "bargaining") == 0 ? 2 : 1;

        /* Too few left for the view: the frame shows every actor (the bargaining view the
         * first two) rather than nothing. */
        if (g_strv_length (actors) < wanted)
          g_clear_pointer (&actors, g_strfreev);
        zopa_history_set (history, ref->holder, "actors", actors, NULL);
      }
      break;

    case REF_FRAME_DRAFTS:
      set_strv_without (history, ref->holder, "drafts",
                        zopa_frame_get_drafts (ZOPA_FRAME (ref->holder)), ref->id);
      break;

    case REF_FRAME_SELECTED:
      zopa_history_set (history, ref->holder, "selected", NULL, NULL);
      break;

    case REF_FRAME_VARIANT:
      zopa_history_set (history, ref->holder, "variant", NULL, NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

gboolean
zopa_edit_delete (ZopaHistory *history,
                  gpointer     object)
{
  ZopaScenario *scenario;
  GObject *owner;
  g_autoptr(GArray) refs = NULL;
  /* Keeps the ids the references point to alive while the object goes. */
  g_autoptr(GObject) keep = NULL;

  g_return_val_if_fail (ZOPA_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  scenario = zopa_history_get_scenario (history);
  owner = zopa_edit_find_owner (scenario, object);
  if (owner == NULL)
    return FALSE;

  keep = g_object_ref (object);
  refs = collect_references (scenario, object);

  zopa_history_begin_group (history, delete_label (object));
  for (guint i = 0; i < refs->len; i++)
    delete_ref (history, &g_array_index (refs, Ref, i));
  zopa_history_remove (history, owner, object);
  zopa_history_end_group (history);

  return TRUE;
}

/* Copies */

static ZopaClause *
copy_clause (ZopaClause *clause,
             const char *id)
{
  ZopaClause *copy = zopa_clause_new (id);
  const char * const *issues = zopa_clause_get_set_issues (clause);

  zopa_clause_set_number (copy, zopa_clause_get_number (clause));
  zopa_clause_set_title (copy, zopa_clause_get_title (clause));
  zopa_clause_set_text (copy, zopa_clause_get_text (clause));
  zopa_clause_set_status (copy, zopa_clause_get_status (clause));
  zopa_clause_set_sources (copy, zopa_clause_get_sources (clause));
  zopa_clause_set_derived_from (copy, zopa_clause_get_derived_from (clause));
  /* Unknown members are never modified in place, so sharing them is safe. */
  zopa_clause_set_extra (copy, zopa_clause_get_extra (clause));
  for (guint i = 0; issues != NULL && issues[i] != NULL; i++)
    zopa_clause_set_option (copy, issues[i], zopa_clause_get_set_option (clause, issues[i]));

  return copy;
}


ZopaDraft *
zopa_edit_fork_draft (ZopaHistory *history,
                      ZopaDraft   *draft,
                      const char  *new_id,
                      const char  *title)
{
  ZopaScenario *scenario;
  GListModel *clauses;
  g_autoptr(ZopaDraft) fork = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *draft_id = NULL;
  g_autofree char *fork_title = NULL;
  const char *parent_id;

  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ZOPA_IS_DRAFT (draft), NULL);

  scenario = zopa_history_get_scenario (history);
  g_return_val_if_fail (zopa_edit_find_owner (scenario, draft) != NULL, NULL);
  g_return_val_if_fail (new_id == NULL || zopa_scenario_find_draft (scenario, new_id) == NULL, NULL);

  parent_id = zopa_draft_get_id (draft);
  if (new_id == NULL)
    {
      g_autofree char *base = g_strdup_printf ("%s-fork", parent_id);

      draft_id = unique_id (scenario, ZOPA_TYPE_DRAFT, NULL, base, NULL);
    }
  else
    draft_id = g_strdup (new_id);

  if (title == NULL)
    /* Translators: the title of a new draft forked from the draft titled %s. */
    fork_title = g_strdup_printf (_("%s (fork)"), draft_name (draft));
  else
    fork_title = g_strdup (title);

  fork = zopa_draft_new (draft_id);
  zopa_draft_set_title (fork, fork_title);
  zopa_draft_set_derived_from (fork, parent_id);

  /* Clause ids are unique across the file: "geneva/6" becomes "<new id>/6". */
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  clauses = zopa_draft_get_clauses (draft);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, i);
      const char *clause_id = zopa_clause_get_id (clause);
      const char *slash = strrchr (clause_id, '/');
      const char *suffix = slash != NULL && slash[1] != '\0' ? slash + 1 : clause_id;
      g_autofree char *base = g_strdup_printf ("%s/%s", draft_id, suffix);
      char *copy_id = unique_id (scenario, ZOPA_TYPE_CLAUSE, NULL, base, taken);
      g_autoptr(ZopaClause) copy = copy_clause (clause, copy_id);
      const char *lineage[] = { clause_id, NULL };

      zopa_clause_set_derived_from (copy, lineage);
      zopa_draft_insert_clause (fork, i, copy);
      g_hash_table_add (taken, copy_id);
    }

  zopa_history_begin_group (history, _("Fork Draft"));
  zopa_history_insert (history, scenario,
                       zopa_list_model_find (zopa_scenario_get_drafts (scenario), draft) + 1, fork);
  zopa_history_end_group (history);

  return fork;
}

ZopaClause *
zopa_edit_duplicate_clause (ZopaHistory *history,
                            ZopaClause  *clause)
{
  ZopaScenario *scenario;
  GObject *draft;
  g_autofree char *id = NULL;
  g_autoptr(ZopaClause) copy = NULL;

  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ZOPA_IS_CLAUSE (clause), NULL);

  scenario = zopa_history_get_scenario (history);
  draft = zopa_edit_find_owner (scenario, clause);
  g_return_val_if_fail (draft != NULL, NULL);

  id = unique_id (scenario, ZOPA_TYPE_CLAUSE, NULL, zopa_clause_get_id (clause), NULL);
  copy = copy_clause (clause, id);

  zopa_history_begin_group (history, _("Duplicate Clause"));
  zopa_history_insert (history, draft,
                       zopa_list_model_find (zopa_draft_get_clauses (ZOPA_DRAFT (draft)), clause) + 1, copy);
  zopa_history_end_group (history);

  return copy;
}

void
zopa_edit_set_acceptable (ZopaHistory        *history,
                          GObject            *holder,
                          const char * const *acceptable)
{
  g_auto(GStrv) maybe = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  gboolean pruned = FALSE;

  g_return_if_fail (ZOPA_IS_HISTORY (history));
  g_return_if_fail (ZOPA_IS_STANCE (holder) || ZOPA_IS_VARIANT_CHANGE (holder));

  g_object_get (holder, "maybe", &maybe, NULL);
  for (guint i = 0; maybe != NULL && maybe[i] != NULL; i++)
    {
      if (acceptable != NULL && g_strv_contains (acceptable, maybe[i]))
        pruned = TRUE;
      else
        g_strv_builder_add (kept, maybe[i]);
    }

  zopa_history_begin_group (history, _("Change Acceptable Options"));
  zopa_history_set (history, holder, "acceptable", acceptable, NULL);
  if (pruned)
    {
      g_auto(GStrv) remaining = g_strv_builder_end (kept);

      zopa_history_set (history, holder, "maybe", remaining, NULL);
    }
  zopa_history_end_group (history);
}
