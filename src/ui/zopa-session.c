/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-session.c: what a window shows of its document, and the analysis of it */

#include "config.h"

#include "diagram/zopa-diagram-types.h"
#include "model/zopa-list-model.h"
#include "zopa-background.h"
#include "zopa-session.h"

struct _ZopaSession
{
  GObject          parent_instance;

  ZopaDocument    *document;
  ZopaAnalysis    *analysis;

  /* Objects, not ids, so a rename keeps the choice; undo puts back the same objects. */
  ZopaVariant     *variant;
  /* Hidden rather than shown, so actors and drafts added later are shown. */
  GHashTable      *hidden_actors;
  GHashTable      *hidden_drafts;
  ZopaDraft       *selected_draft;
  ZopaDiagramView  view;
  ZopaDiagramMode  mode;
  /* The bargaining view's actors as chosen (ids; NULL: the default), and as resolved
   * against the shown actors for the diagram options. */
  char            *pair_ids[2];
  char            *shown_pair_ids[2];

  char           **shown_draft_ids;
  guint            forget_stale_id;

  /* The solve under way on a worker thread (NULL when none); cancelled when a newer
   * edit supersedes it. */
  GCancellable    *solving;
  guint            working_id;
  gboolean         working;

  /* What hinges on each assumption, for the analysis shown: computed on a worker while
   * some view holds it (hinges_holds > 0), cancelled when a newer analysis supersedes it. */
  ZopaHinges      *hinges;
  GCancellable    *hinging;
  guint            hinges_holds;
};

G_DEFINE_FINAL_TYPE (ZopaSession, zopa_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ANALYSIS,
  PROP_VARIANT,
  PROP_SELECTED_DRAFT,
  PROP_VIEW,
  PROP_MODE,
  PROP_PAIR_FIRST,
  PROP_PAIR_SECOND,
  PROP_BUSY,
  PROP_WORKING,
  PROP_HINGES,
  PROP_HINGES_PENDING,
  N_PROPS
};

enum {
  SHOWN_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char **
zopa_session_dup_shown_actors (ZopaSession *self)
{
  GListModel *actors = zopa_scenario_get_actors (zopa_session_get_scenario (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actors) && n_shown < ZOPA_MAX_ACTORS; i++)
    {
      g_autoptr(ZopaActor) actor = g_list_model_get_item (actors, i);

      if (!g_hash_table_contains (self->hidden_actors, actor))
        {
          g_strv_builder_add (builder, zopa_actor_get_id (actor));
          n_shown++;
        }
    }
  return g_strv_builder_end (builder);
}

char **
zopa_session_dup_shown_drafts (ZopaSession *self)
{
  GListModel *drafts = zopa_scenario_get_drafts (zopa_session_get_scenario (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, i);

      if (!g_hash_table_contains (self->hidden_drafts, draft))
        g_strv_builder_add (builder, zopa_draft_get_id (draft));
    }
  return g_strv_builder_end (builder);
}

static gboolean
variant_present (ZopaSession *self)
{
  return self->variant != NULL
         && zopa_list_model_contains (zopa_scenario_get_variants (zopa_session_get_scenario (self)), self->variant);
}

static gboolean
forget_stale_choices (gpointer user_data)
{
  ZopaSession *self = ZOPA_SESSION (user_data);
  ZopaScenario *scenario = zopa_session_get_scenario (self);

  self->forget_stale_id = 0;
  if (self->variant != NULL && !variant_present (self))
    {
      g_clear_object (&self->variant);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT]);
    }
  if (self->selected_draft != NULL && !zopa_list_model_contains (zopa_scenario_get_drafts (scenario), self->selected_draft))
    {
      g_clear_object (&self->selected_draft);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DRAFT]);
    }
  return G_SOURCE_REMOVE;
}

/* How long the analysis may be pending before the views say they are working on it. */
#define ZOPA_SESSION_WORKING_DELAY_MS 100

/* Problems up to this many deals (the built-in scenario has about 3 million) are solved
 * in well under a millisecond by the engine's exact counting, so they are solved at once
 * on the main thread: the views never show a pending state for them. Larger ones are
 * solved on a worker thread. */
#define ZOPA_SESSION_INLINE_DEAL_SPACE 1e7

gboolean
zopa_session_analysis_is_small (ZopaAnalysis *analysis)
{
  double deals = 1.0;

  /* Computed from the issues' option counts, which may be read before solving. */
  for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
    deals *= zopa_analysis_get_n_options (analysis, i);
  return deals <= ZOPA_SESSION_INLINE_DEAL_SPACE;
}

static gpointer
solve_analysis (gpointer      data,
                GCancellable *cancellable)
{
  ZopaAnalysis *analysis = data;

  if (!zopa_analysis_solve (analysis, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, cancellable))
    return NULL;
  return g_object_ref (analysis);
}

static void
set_working (ZopaSession *self,
             gboolean     working)
{
  if (self->working == working)
    return;
  self->working = working;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKING]);
}

static gboolean
show_working (gpointer user_data)
{
  ZopaSession *self = ZOPA_SESSION (user_data);

  self->working_id = 0;
  set_working (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
cancel_solving (ZopaSession *self)
{
  gboolean was_busy = self->solving != NULL;

  if (self->solving != NULL)
    g_cancellable_cancel (self->solving);
  g_clear_object (&self->solving);
  g_clear_handle_id (&self->working_id, g_source_remove);
  set_working (self, FALSE);
  if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_analysis_solved (gpointer result,
                    gpointer user_data)
{
  ZopaSession *self = ZOPA_SESSION (user_data);
  g_autoptr(ZopaAnalysis) analysis = result;

  g_clear_object (&self->solving);
  g_clear_handle_id (&self->working_id, g_source_remove);
  g_set_object (&self->analysis, analysis);
  g_object_freeze_notify (G_OBJECT (self));
  set_working (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gpointer
compute_hinges (gpointer      data,
                GCancellable *cancellable)
{
  return zopa_hinges_compute (data, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, cancellable);
}

static void
on_hinges_computed (gpointer result,
                    gpointer user_data)
{
  ZopaSession *self = ZOPA_SESSION (user_data);
  g_autoptr(ZopaHinges) hinges = result;

  g_clear_object (&self->hinging);
  g_set_object (&self->hinges, hinges);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINGES_PENDING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINGES]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Drops the hinges of the previous analysis and, while a view holds them, starts on those
 * of the current one. */
static void
restart_hinges (ZopaSession *self)
{
  gboolean had = self->hinges != NULL;

  if (self->hinging != NULL)
    g_cancellable_cancel (self->hinging);
  g_clear_object (&self->hinging);
  g_clear_object (&self->hinges);
  if (self->hinges_holds > 0 && self->analysis != NULL)
    {
      self->hinging = g_cancellable_new ();
      zopa_background_run (compute_hinges, g_object_ref (self->analysis), g_object_unref, g_object_unref,
                           self->hinging, on_hinges_computed, self);
    }
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINGES_PENDING]);
  if (had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINGES]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
zopa_session_hold_hinges (ZopaSession *self)
{
  g_return_if_fail (ZOPA_IS_SESSION (self));

  if (self->hinges_holds++ == 0)
    restart_hinges (self);
}

void
zopa_session_release_hinges (ZopaSession *self)
{
  g_return_if_fail (ZOPA_IS_SESSION (self));
  g_return_if_fail (self->hinges_holds > 0);

  if (--self->hinges_holds == 0 && self->hinging != NULL)
    restart_hinges (self);
}

ZopaHinges *
zopa_session_get_hinges (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), NULL);
  return self->hinges;
}

gboolean
zopa_session_get_hinges_pending (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), FALSE);
  return self->hinges_holds > 0 && self->hinges == NULL && (self->hinging != NULL || self->solving != NULL);
}

static void
on_analysis_notify (ZopaSession *self,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  restart_hinges (self);
}

static void
rebuild_analysis (ZopaSession *self)
{
  ZopaScenario *scenario = zopa_session_get_scenario (self);
  g_auto(GStrv) actor_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaAnalysis) analysis = NULL;

  /* A variant that an edit took away is not analysed; whether it is gone for good (and
   * the choices fall back to their defaults) is decided once the edit is over: moving an
   * object takes it out of its list for a moment. */
  if (!self->forget_stale_id)
    self->forget_stale_id = g_idle_add (forget_stale_choices, self);

  actor_ids = zopa_session_dup_shown_actors (self);
  if (actor_ids[0] == NULL)
    {
      g_hash_table_remove_all (self->hidden_actors);
      g_clear_pointer (&actor_ids, g_strfreev);
      actor_ids = zopa_session_dup_shown_actors (self);
    }

  g_clear_pointer (&self->shown_draft_ids, g_strfreev);
  self->shown_draft_ids = zopa_session_dup_shown_drafts (self);

  cancel_solving (self);
  g_clear_object (&self->analysis);
  if (actor_ids[0] != NULL)
    analysis = zopa_analysis_new_unsolved (scenario, variant_present (self) ? zopa_session_get_variant (self) : NULL,
                                           (const char * const *) actor_ids, &error);
  if (error != NULL)
    g_debug ("No analysis: %s", error->message);
  if (analysis != NULL && zopa_session_analysis_is_small (analysis))
    {
      zopa_analysis_solve (analysis, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, NULL);
      self->analysis = g_steal_pointer (&analysis);
    }
  else if (analysis != NULL)
    {
      self->solving = g_cancellable_new ();
      zopa_background_run (solve_analysis, g_steal_pointer (&analysis), g_object_unref, g_object_unref,
                           self->solving, on_analysis_solved, self);
      self->working_id = g_timeout_add (ZOPA_SESSION_WORKING_DELAY_MS, show_working, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

ZopaSession *
zopa_session_new (ZopaDocument *document)
{
  ZopaSession *self;

  g_return_val_if_fail (ZOPA_IS_DOCUMENT (document), NULL);

  self = g_object_new (ZOPA_TYPE_SESSION, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (zopa_document_get_scenario (document), "changed",
                           G_CALLBACK (rebuild_analysis), self, G_CONNECT_SWAPPED);
  rebuild_analysis (self);
  return self;
}

static void
zopa_session_dispose (GObject *object)
{
  ZopaSession *self = ZOPA_SESSION (object);

  g_clear_handle_id (&self->forget_stale_id, g_source_remove);
  if (self->solving != NULL)
    g_cancellable_cancel (self->solving);
  g_clear_object (&self->solving);
  g_clear_handle_id (&self->working_id, g_source_remove);
  if (self->hinging != NULL)
    g_cancellable_cancel (self->hinging);
  g_clear_object (&self->hinging);
  g_clear_object (&self->hinges);
  g_clear_object (&self->analysis);
  g_clear_object (&self->document);
  g_clear_object (&self->variant);
  g_clear_object (&self->selected_draft);
  g_hash_table_remove_all (self->hidden_actors);
  g_hash_table_remove_all (self->hidden_drafts);

  G_OBJECT_CLASS (zopa_session_parent_class)->dispose (object);
}

static void
zopa_session_finalize (GObject *object)
{
  ZopaSession *self = ZOPA_SESSION (object);

  g_strfreev (self->shown_draft_ids);
  for (guint k = 0; k < 2; k++)
    {
      g_free (self->pair_ids[k]);
      g_free (self->shown_pair_ids[k]);
    }
  g_hash_table_unref (self->hidden_actors);
  g_hash_table_unref (self->hidden_drafts);

  G_OBJECT_CLASS (zopa_session_parent_class)->finalize (object);
}

static void
zopa_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZopaSession *self = ZOPA_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_VARIANT:
      g_value_set_string (value, zopa_session_get_variant (self));
      break;
    case PROP_SELECTED_DRAFT:
      g_value_set_string (value, zopa_session_get_selected_draft (self));
      break;
    case PROP_VIEW:
      g_value_set_enum (value, self->view);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_PAIR_FIRST:
    case PROP_PAIR_SECOND:
      {
        char *ids[2] = { NULL, NULL };

        zopa_session_dup_actor_pair (self, &ids[0], &ids[1]);
        /* "" rather than NULL when fewer than two actors are shown: the property actions
         * hold the value as a string. */
        g_value_set_string (value, ids[prop_id == PROP_PAIR_SECOND] != NULL ? ids[prop_id == PROP_PAIR_SECOND] : "");
        g_free (ids[0]);
        g_free (ids[1]);
      }
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->solving != NULL);
      break;
    case PROP_WORKING:
      g_value_set_boolean (value, self->working);
      break;
    case PROP_HINGES:
      g_value_set_object (value, self->hinges);
      break;
    case PROP_HINGES_PENDING:
      g_value_set_boolean (value, zopa_session_get_hinges_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_session_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZopaSession *self = ZOPA_SESSION (object);

  switch (prop_id)
    {
    case PROP_VARIANT:
      zopa_session_set_variant (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_DRAFT:
      zopa_session_set_selected_draft (self, g_value_get_string (value));
      break;
    case PROP_VIEW:
      zopa_session_set_view (self, g_value_get_enum (value));
      break;
    case PROP_MODE:
      zopa_session_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_PAIR_FIRST:
    case PROP_PAIR_SECOND:
      {
        const char *id = g_value_get_string (value);

        zopa_session_set_pair_actor (self, prop_id == PROP_PAIR_SECOND, id != NULL && *id != '\0' ? id : NULL);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_session_class_init (ZopaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zopa_session_dispose;
  object_class->finalize = zopa_session_finalize;
  object_class->get_property = zopa_session_get_property;
  object_class->set_property = zopa_session_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ZOPA_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, ZOPA_TYPE_ANALYSIS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VARIANT] =
    g_param_spec_string ("variant", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_DRAFT] =
    g_param_spec_string ("selected-draft", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_enum ("view", NULL, NULL, ZOPA_TYPE_DIAGRAM_VIEW, ZOPA_DIAGRAM_VIEW_VENN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, ZOPA_TYPE_DIAGRAM_MODE, ZOPA_DIAGRAM_MODE_SCHEMATIC,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The bargaining view's two actors (ids), always two different shown ones while two
   * are shown: the choice when it is shown, else the first shown ones; "" for none. */
  properties[PROP_PAIR_FIRST] =
    g_param_spec_string ("pair-first", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAIR_SECOND] =
    g_param_spec_string ("pair-second", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The analysis of the current choices is being solved on a worker thread (analysis is
   * NULL meanwhile). */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Busy for longer than the views may stay silent about it: they say "Working…". */
  properties[PROP_WORKING] =
    g_param_spec_boolean ("working", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What hinges on each assumption (zopa_session_hold_hinges()); NULL while pending. */
  properties[PROP_HINGES] =
    g_param_spec_object ("hinges", NULL, NULL, ZOPA_TYPE_HINGES,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINGES_PENDING] =
    g_param_spec_boolean ("hinges-pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The set of shown actors or drafts changed. */
  signals[SHOWN_CHANGED] =
    g_signal_new ("shown-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zopa_session_init (ZopaSession *self)
{
  self->hidden_actors = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->hidden_drafts = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->view = ZOPA_DIAGRAM_VIEW_VENN;
  self->mode = ZOPA_DIAGRAM_MODE_SCHEMATIC;
  /* Every new analysis (or none, while one is solved) supersedes the hinges. */
  g_signal_connect (self, "notify::analysis", G_CALLBACK (on_analysis_notify), NULL);
}

ZopaDocument *
zopa_session_get_document (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), NULL);
  return self->document;
}

ZopaScenario *
zopa_session_get_scenario (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), NULL);
  return zopa_document_get_scenario (self->document);
}

ZopaAnalysis *
zopa_session_get_analysis (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), NULL);
  return self->analysis;
}

gboolean
zopa_session_get_busy (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), FALSE);
  return self->solving != NULL;
}

gboolean
zopa_session_get_working (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), FALSE);
  return self->working;
}

const char *
zopa_session_get_variant (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), NULL);
  return self->variant ? zopa_variant_get_id (self->variant) : NULL;
}

void
zopa_session_set_variant (ZopaSession *self,
                          const char  *variant_id)
{
  ZopaVariant *variant = NULL;

  g_return_if_fail (ZOPA_IS_SESSION (self));

  if (variant_id != NULL)
    variant = zopa_scenario_find_variant (zopa_session_get_scenario (self), variant_id);
  if (self->variant == variant)
    return;
  g_set_object (&self->variant, variant);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT]);
  rebuild_analysis (self);
}

gboolean
zopa_session_get_actor_shown (ZopaSession *self,
                              const char  *actor_id)
{
  g_auto(GStrv) shown = NULL;

  g_return_val_if_fail (ZOPA_IS_SESSION (self), FALSE);

  shown = zopa_session_dup_shown_actors (self);
  return g_strv_contains ((const char * const *) shown, actor_id);
}

gboolean
zopa_session_set_actor_shown (ZopaSession *self,
                              const char  *actor_id,
                              gboolean     shown)
{
  g_auto(GStrv) now_shown = NULL;
  ZopaActor *actor;
  guint n_shown;

  g_return_val_if_fail (ZOPA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);

  now_shown = zopa_session_dup_shown_actors (self);
  n_shown = g_strv_length (now_shown);
  if (!!shown == g_strv_contains ((const char * const *) now_shown, actor_id))
    return TRUE;
  if ((shown && n_shown >= ZOPA_MAX_ACTORS) || (!shown && n_shown <= 1))
    return FALSE;

  actor = zopa_scenario_find_actor (zopa_session_get_scenario (self), actor_id);
  if (actor == NULL)
    return FALSE;
  if (shown)
    g_hash_table_remove (self->hidden_actors, actor);
  else
    g_hash_table_add (self->hidden_actors, g_object_ref (actor));
  rebuild_analysis (self);
  g_signal_emit (self, signals[SHOWN_CHANGED], 0);
  /* The bargaining pair falls back to the first shown actors when one of it is hidden. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIR_FIRST]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIR_SECOND]);
  return TRUE;
}

gboolean
zopa_session_get_draft_shown (ZopaSession *self,
                              const char  *draft_id)
{
  ZopaDraft *draft;

  g_return_val_if_fail (ZOPA_IS_SESSION (self), FALSE);

  draft = zopa_scenario_find_draft (zopa_session_get_scenario (self), draft_id);
  return draft != NULL && !g_hash_table_contains (self->hidden_drafts, draft);
}

void
zopa_session_set_draft_shown (ZopaSession *self,
                              const char  *draft_id,
                              gboolean     shown)
{
  ZopaDraft *draft;

  g_return_if_fail (ZOPA_IS_SESSION (self));
  g_return_if_fail (draft_id != NULL);

  draft = zopa_scenario_find_draft (zopa_session_get_scenario (self), draft_id);
  if (draft == NULL || !!shown == zopa_session_get_draft_shown (self, draft_id))
    return;
  if (shown)
    g_hash_table_remove (self->hidden_drafts, draft);
  else
    g_hash_table_add (self->hidden_drafts, g_object_ref (draft));

  g_clear_pointer (&self->shown_draft_ids, g_strfreev);
  self->shown_draft_ids = zopa_session_dup_shown_drafts (self);
  g_signal_emit (self, signals[SHOWN_CHANGED], 0);
}

const char *
zopa_session_get_selected_draft (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), NULL);
  return self->selected_draft ? zopa_draft_get_id (self->selected_draft) : NULL;
}

void
zopa_session_set_selected_draft (ZopaSession *self,
                                 const char  *draft_id)
{
  ZopaDraft *draft = NULL;

  g_return_if_fail (ZOPA_IS_SESSION (self));

  if (draft_id != NULL)
    draft = zopa_scenario_find_draft (zopa_session_get_scenario (self), draft_id);
  if (self->selected_draft == draft)
    return;
  g_set_object (&self->selected_draft, draft);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DRAFT]);
}

ZopaDiagramView
zopa_session_get_view (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), ZOPA_DIAGRAM_VIEW_VENN);
  return self->view;
}

void
zopa_session_set_view (ZopaSession     *self,
                       ZopaDiagramView  view)
{
  g_return_if_fail (ZOPA_IS_SESSION (self));

  if (self->view == view)
    return;
  self->view = view;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

ZopaDiagramMode
zopa_session_get_mode (ZopaSession *self)
{
  g_return_val_if_fail (ZOPA_IS_SESSION (self), ZOPA_DIAGRAM_MODE_SCHEMATIC);
  return self->mode;
}

void
zopa_session_set_mode (ZopaSession     *self,
                       ZopaDiagramMode  mode)
{
  g_return_if_fail (ZOPA_IS_SESSION (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

void
zopa_session_fill_diagram_options (ZopaSession        *self,
                                   ZopaDiagramOptions *options)
{
  g_return_if_fail (ZOPA_IS_SESSION (self));

  zopa_diagram_options_init (options);
  options->view = self->view;
  options->mode = self->mode;
  options->draft_ids = (const char * const *) self->shown_draft_ids;
  for (guint k = 0; k < 2; k++)
    g_clear_pointer (&self->shown_pair_ids[k], g_free);
  zopa_session_dup_actor_pair (self, &self->shown_pair_ids[0], &self->shown_pair_ids[1]);
  options->actor_pair[0] = self->shown_pair_ids[0];
  options->actor_pair[1] = self->shown_pair_ids[1];
}

void
zopa_session_dup_actor_pair (ZopaSession  *self,
                             char        **first,
                             char        **second)
{
  g_auto(GStrv) shown = NULL;
  char *pair[2] = { NULL, NULL };

  g_return_if_fail (ZOPA_IS_SESSION (self));

  shown = zopa_session_dup_shown_actors (self);
  for (guint k = 0; k < 2; k++)
    if (self->pair_ids[k] != NULL && g_strv_contains ((const char * const *) shown, self->pair_ids[k]) &&
        (k == 0 || g_strcmp0 (self->pair_ids[k], pair[0]) != 0))
      pair[k] = self->pair_ids[k];
  /* The first shown actors not taken fill the sides without a shown choice. */
  for (guint k = 0; k < 2; k++)
    for (guint j = 0; pair[k] == NULL && shown[j] != NULL; j++)
      if (g_strcmp0 (shown[j], pair[1 - k]) != 0)
        pair[k] = shown[j];
  *first = g_strdup (pair[0]);
  *second = g_strdup (pair[1]);
}

void
zopa_session_set_pair_actor (ZopaSession *self,
                             guint        side,
                             const char  *actor_id)
{
  char *before[2] = { NULL, NULL };
  char *after[2] = { NULL, NULL };

  g_return_if_fail (ZOPA_IS_SESSION (self));
  g_return_if_fail (side < 2);

  zopa_session_dup_actor_pair (self, &before[0], &before[1]);
  /* The other side keeps the actor it shows; choosing that actor swaps the two. */
  g_free (self->pair_ids[1 - side]);
  if (actor_id != NULL && g_strcmp0 (actor_id, before[1 - side]) == 0)
    self->pair_ids[1 - side] = g_strdup (before[side]);
  else
    self->pair_ids[1 - side] = g_strdup (before[1 - side]);
  g_free (self->pair_ids[side]);
  self->pair_ids[side] = g_strdup (actor_id);
  zopa_session_dup_actor_pair (self, &after[0], &after[1]);
  if (g_strcmp0 (before[0], after[0]) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIR_FIRST]);
  if (g_strcmp0 (before[1], after[1]) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIR_SECOND]);
  for (guint k = 0; k < 2; k++)
    {
      g_free (before[k]);
      g_free (after[k]);
    }
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static int
enum_from_nick (GType       type,
                const char *nick,
                int         fallback)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, nick);

  return enum_value != NULL ? enum_value->value : fallback;
}

ZopaFrame *
zopa_session_new_frame (ZopaSession *self)
{
  ZopaFrame *frame;
  g_auto(GStrv) actors = NULL;
  g_auto(GStrv) drafts = NULL;

  g_return_val_if_fail (ZOPA_IS_SESSION (self), NULL);

  frame = zopa_frame_new ();
  zopa_frame_set_view (frame, enum_nick (ZOPA_TYPE_DIAGRAM_VIEW, self->view));
  if (self->view == ZOPA_DIAGRAM_VIEW_VENN)
    zopa_frame_set_mode (frame, enum_nick (ZOPA_TYPE_DIAGRAM_MODE, self->mode));
  zopa_frame_set_variant (frame, zopa_session_get_variant (self));

  /* Every actor and draft shown is kept as "all", so later ones join, as in the window. */
  if (self->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    {
      actors = g_new0 (char *, 3);
      zopa_session_dup_actor_pair (self, &actors[0], &actors[1]);
      if (actors[1] == NULL)
        g_clear_pointer (&actors, g_strfreev);
    }
  else if (g_hash_table_size (self->hidden_actors) > 0)
    actors = zopa_session_dup_shown_actors (self);
  zopa_frame_set_actors (frame, (const char * const *) actors);
  if (g_hash_table_size (self->hidden_drafts) > 0)
    drafts = zopa_session_dup_shown_drafts (self);
  zopa_frame_set_drafts (frame, (const char * const *) drafts);
  zopa_frame_set_selected (frame, zopa_session_get_selected_draft (self));
  return frame;
}

/* Hides every object of list not named in ids; NULL ids hides none. */
static void
hide_all_but (GHashTable         *hidden,
              GListModel         *list,
              const char * const *ids,
              const char *      (*get_id) (gpointer item))
{
  g_hash_table_remove_all (hidden);
  if (ids == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (!g_strv_contains (ids, get_id (item)))
        g_hash_table_add (hidden, g_object_ref (item));
    }
}

static const char *actor_id (gpointer actor) { return zopa_actor_get_id (actor); }
static const char *draft_id (gpointer draft) { return zopa_draft_get_id (draft); }

void
zopa_session_apply_frame (ZopaSession *self,
                          ZopaFrame   *frame)
{
  ZopaScenario *scenario;
  const char * const *actors;
  const char *variant_id, *selected_id;
  ZopaVariant *variant;
  ZopaDraft *selected;
  g_auto(GStrv) shown = NULL;

  g_return_if_fail (ZOPA_IS_SESSION (self));
  g_return_if_fail (ZOPA_IS_FRAME (frame));

  scenario = zopa_session_get_scenario (self);
  actors = zopa_frame_get_actors (frame);
  hide_all_but (self->hidden_actors, zopa_scenario_get_actors (scenario), actors, actor_id);
  /* A frame whose actors are all gone shows every actor rather than none. */
  shown = zopa_session_dup_shown_actors (self);
  if (shown[0] == NULL)
    g_hash_table_remove_all (self->hidden_actors);
  hide_all_but (self->hidden_drafts, zopa_scenario_get_drafts (scenario), zopa_frame_get_drafts (frame), draft_id);
  g_clear_pointer (&self->shown_draft_ids, g_strfreev);
  self->shown_draft_ids = zopa_session_dup_shown_drafts (self);

  for (guint k = 0; k < 2; k++)
    g_clear_pointer (&self->pair_ids[k], g_free);
  if (actors != NULL && actors[0] != NULL && actors[1] != NULL)
    for (guint k = 0; k < 2; k++)
      self->pair_ids[k] = g_strdup (actors[k]);

  variant_id = zopa_frame_get_variant (frame);
  variant = variant_id != NULL ? zopa_scenario_find_variant (scenario, variant_id) : NULL;
  g_set_object (&self->variant, variant);
  selected_id = zopa_frame_get_selected (frame);
  selected = selected_id != NULL ? zopa_scenario_find_draft (scenario, selected_id) : NULL;
  g_set_object (&self->selected_draft, selected);
  self->view = enum_from_nick (ZOPA_TYPE_DIAGRAM_VIEW, zopa_frame_get_view (frame), ZOPA_DIAGRAM_VIEW_VENN);
  self->mode = enum_from_nick (ZOPA_TYPE_DIAGRAM_MODE, zopa_frame_get_mode (frame), ZOPA_DIAGRAM_MODE_SCHEMATIC);

  /* One analysis for the whole change, then every view hears of it. */
  rebuild_analysis (self);
  g_signal_emit (self, signals[SHOWN_CHANGED], 0);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint p = PROP_VARIANT; p <= PROP_PAIR_SECOND; p++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
  g_object_thaw_notify (G_OBJECT (self));
}
