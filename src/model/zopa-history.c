/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-history.c: undoable edits of a scenario */

#define G_LOG_DOMAIN "zopa-model"

#include "config.h"

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>

#include "zopa-history.h"
#include "zopa-list-model.h"
#include "zopa-model-private.h"

/*
 * A step is what one undo takes back: one edit, a merged run of typing, or a group. Each
 * edit is a command that knows the state before and after, so undo and redo both just
 * move the model to a recorded state; nothing is recomputed from the current model.
 */

#define NOT_IN_LIST G_MAXUINT

typedef enum {
  COMMAND_PROPERTY,
  COMMAND_LIST,
  COMMAND_SLOT,
} CommandKind;

/* Entries of the model's ordered maps, and the optional ints of a variant change. */
typedef enum {
  SLOT_STANCE_UTILITY,
  SLOT_CLAUSE_OPTION,
  SLOT_CHANGE_UTILITY,
  SLOT_CHANGE_RESERVATION,
  SLOT_CHANGE_WEIGHT,
  SLOT_ACTOR_RESERVATION,   /* always present; a slot so that a range is set whole */
  SLOT_STANCE_WEIGHT,
} SlotKind;

typedef struct {
  gboolean present;
  guint    index;     /* position in the map's order */
  GValue   value;     /* G_TYPE_INT or G_TYPE_STRING; unset when !present */
  gboolean flag;      /* a variant change's has-utility */
  ZopaRange range;    /* an int value as a range ([v, v], not ranged, for a plain one) */
} SlotState;

typedef struct {
  GType       (*owner_type) (void);
  GType       (*item_type)  (void);
  GListModel *(*get_model)  (gpointer owner);
  void        (*insert)     (gpointer owner, guint position, gpointer item);
  void        (*remove)     (gpointer owner, guint position);
  const char   *add_label;
  const char   *remove_label;
  const char   *move_label;
} ListKind;

typedef struct {
  CommandKind     kind;
  GObject        *object;        /* the edited object, or the list's owner */
  const char     *label;         /* translated */

  /* COMMAND_PROPERTY */
  GParamSpec     *pspec;
  GValue          old_value;
  GValue          new_value;
  gboolean        has_old_range;  /* the old value was a range: undo restores it whole */
  ZopaRange       old_range;

  /* COMMAND_LIST */
  const ListKind *list;
  GObject        *item;
  guint           old_position;  /* NOT_IN_LIST for an insertion */
  guint           new_position;  /* NOT_IN_LIST for a removal */

  /* COMMAND_SLOT */
  SlotKind        slot;
  char           *key;           /* NULL for reservation and weight */
  SlotState       old_state;
  SlotState       new_state;
} Command;

typedef struct {
  char      *label;
  GPtrArray *commands;           /* Command*, in the order they were done */
} Step;

struct _ZopaHistory
{
  GObject           parent_instance;

  ZopaScenario     *scenario;
  GPtrArray        *steps;       /* Step*, oldest first; those past position are redo */
  guint             position;    /* how many steps are applied */
  int               saved_position;  /* -1 when the saved state cannot be reached */

  Step             *group;
  guint             group_depth;
  guint             applying;    /* > 0 while the history itself edits the model */

  guint             limit;
  guint             merge_timeout;
  gboolean          merge_open;  /* the last step may absorb the next edit */
  gint64            last_edit_time;
  ZopaHistoryClock  clock;
  gpointer          clock_data;

  /* What was last notified. */
  gboolean          can_undo;
  gboolean          can_redo;
  gboolean          at_saved_point;
  char             *undo_label;
  char             *redo_label;
};

G_DEFINE_FINAL_TYPE (ZopaHistory, zopa_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_AT_SAVED_POINT,
  PROP_LIMIT,
  PROP_MERGE_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Lists */

#define LIST_WRAPPERS(name, get_func, insert_func, remove_func)           \
  static GListModel *                                                     \
  name##_get (gpointer owner)                                             \
  {                                                                       \
    return get_func (owner);                                              \
  }                                                                       \
  static void                                                             \
  name##_insert (gpointer owner, guint position, gpointer item)           \
  {                                                                       \
    insert_func (owner, position, item);                                  \
  }                                                                       \
  static void                                                             \
  name##_remove (gpointer owner, guint position)                          \
  {                                                                       \
    remove_func (owner, position);                                        \
  }

LIST_WRAPPERS (sources, zopa_scenario_get_sources, zopa_scenario_insert_source, zopa_scenario_remove_source)
LIST_WRAPPERS (issues, zopa_scenario_get_issues, zopa_scenario_insert_issue, zopa_scenario_remove_issue)
LIST_WRAPPERS (actors, zopa_scenario_get_actors, zopa_scenario_insert_actor, zopa_scenario_remove_actor)
LIST_WRAPPERS (drafts, zopa_scenario_get_drafts, zopa_scenario_insert_draft, zopa_scenario_remove_draft)
LIST_WRAPPERS (variants, zopa_scenario_get_variants, zopa_scenario_insert_variant, zopa_scenario_remove_variant)
LIST_WRAPPERS (frames, zopa_scenario_get_frames, zopa_scenario_insert_frame, zopa_scenario_remove_frame)
LIST_WRAPPERS (options, zopa_issue_get_options, zopa_issue_insert_option, zopa_issue_remove_option)
LIST_WRAPPERS (stances, zopa_actor_get_stances, zopa_actor_insert_stance, zopa_actor_remove_stance)
LIST_WRAPPERS (clauses, zopa_draft_get_clauses, zopa_draft_insert_clause, zopa_draft_remove_clause)
LIST_WRAPPERS (changes, zopa_variant_get_changes, zopa_variant_insert_change, zopa_variant_remove_change)

#define LIST_KIND(name, owner_get_type, item_get_type) \
  owner_get_type, item_get_type, name##_get, name##_insert, name##_remove

static const ListKind list_kinds[] = {
  { LIST_KIND (sources, zopa_scenario_get_type, zopa_source_get_type),
    N_("Add Source"), N_("Delete Source"), N_("Move Source") },
  { LIST_KIND (issues, zopa_scenario_get_type, zopa_issue_get_type),
    N_("Add Issue"), N_("Delete Issue"), N_("Move Issue") },
  { LIST_KIND (actors, zopa_scenario_get_type, zopa_actor_get_type),
    N_("Add Actor"), N_("Delete Actor"), N_("Move Actor") },
  { LIST_KIND (drafts, zopa_scenario_get_type, zopa_draft_get_type),
    N_("Add Draft"), N_("Delete Draft"), N_("Move Draft") },
  { LIST_KIND (variants, zopa_scenario_get_type, zopa_variant_get_type),
    N_("Add Variant"), N_("Delete Variant"), N_("Move Variant") },
  { LIST_KIND (frames, zopa_scenario_get_type, zopa_frame_get_type),
    N_("Add Frame"), N_("Delete Frame"), N_("Move Frame") },
  { LIST_KIND (options, zopa_issue_get_type, zopa_option_get_type),
    N_("Add Option"), N_("Delete Option"), N_("Move Option") },
  { LIST_KIND (stances, zopa_actor_get_type, zopa_stance_get_type),
    N_("Add Stance"), N_("Delete Stance"), N_("Move Stance") },
  { LIST_KIND (clauses, zopa_draft_get_type, zopa_clause_get_type),
    N_("Add Clause"), N_("Delete Clause"), N_("Move Clause") },
  { LIST_KIND (changes, zopa_variant_get_type, zopa_variant_change_get_type),
    N_("Add Variant Change"), N_("Delete Variant Change"), N_("Move Variant Change") },
};

static const ListKind *
find_list_kind (gpointer owner,
                gpointer item)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_kinds); i++)
    if (G_OBJECT_TYPE (owner) == list_kinds[i].owner_type ()
        && G_OBJECT_TYPE (item) == list_kinds[i].item_type ())
      return &list_kinds[i];

  return NULL;
}


/* Labels of property edits */

typedef struct {
  GType      (*type) (void);
  const char  *property;
  const char  *label;
} PropertyLabel;

static const PropertyLabel property_labels[] = {
  { zopa_scenario_get_type, "title", N_("Change Scenario Title") },
  { zopa_scenario_get_type, "description", N_("Change Scenario Description") },
  { zopa_source_get_type, "id", N_("Change Source ID") },
  { zopa_source_get_type, "title", N_("Change Source Title") },
  { zopa_source_get_type, "publisher", N_("Change Source Publisher") },
  { zopa_source_get_type, "date", N_("Change Source Date") },
  { zopa_source_get_type, "url", N_("Change Source Address") },
  { zopa_issue_get_type, "id", N_("Change Issue ID") },
  { zopa_issue_get_type, "title", N_("Change Issue Title") },
  { zopa_issue_get_type, "description", N_("Change Issue Description") },
  { zopa_option_get_type, "id", N_("Change Option ID") },
  { zopa_option_get_type, "label", N_("Change Option Label") },
  { zopa_actor_get_type, "id", N_("Change Actor ID") },
  { zopa_actor_get_type, "name", N_("Change Actor Name") },
  { zopa_actor_get_type, "color", N_("Change Actor Color") },
  { zopa_actor_get_type, "logic", N_("Change Actor Logic") },
  { zopa_actor_get_type, "reservation", N_("Change Reservation") },
  { zopa_actor_get_type, "sources", N_("Change Actor Sources") },
  { zopa_stance_get_type, "issue", N_("Change Stance Issue") },
  { zopa_stance_get_type, "weight", N_("Change Weight") },
  { zopa_stance_get_type, "acceptable", N_("Change Acceptable Options") },
  { zopa_clause_get_type, "id", N_("Change Clause ID") },
  { zopa_clause_get_type, "number", N_("Change Clause Number") },
  { zopa_clause_get_type, "title", N_("Change Clause Title") },
  { zopa_clause_get_type, "text", N_("Change Clause Text") },
  { zopa_clause_get_type, "status", N_("Change Clause Status") },
  { zopa_clause_get_type, "sources", N_("Change Clause Sources") },
  { zopa_clause_get_type, "derived-from", N_("Change Clause Lineage") },
  { zopa_draft_get_type, "id", N_("Change Draft ID") },
  { zopa_draft_get_type, "title", N_("Change Draft Title") },
  { zopa_draft_get_type, "date", N_("Change Draft Date") },
  { zopa_draft_get_type, "origin", N_("Change Draft Origin") },
  { zopa_draft_get_type, "derived-from", N_("Change Parent Draft") },
  { zopa_draft_get_type, "notes", N_("Change Draft Notes") },
  { zopa_variant_get_type, "id", N_("Change Variant ID") },
  { zopa_variant_get_type, "title", N_("Change Variant Title") },
  { zopa_variant_get_type, "description", N_("Change Variant Description") },
  { zopa_frame_get_type, "caption", N_("Change Frame Caption") },
  { zopa_frame_get_type, "view", N_("Change Frame View") },
  { zopa_frame_get_type, "mode", N_("Change Frame Mode") },
  { zopa_frame_get_type, "variant", N_("Change Frame Variant") },
  { zopa_frame_get_type, "actors", N_("Change Frame Actors") },
  { zopa_frame_get_type, "drafts", N_("Change Frame Drafts") },
  { zopa_frame_get_type, "selected", N_("Change Frame Selection") },
  { zopa_variant_change_get_type, "actor", N_("Change Variant Actor") },
  { zopa_variant_change_get_type, "issue", N_("Change Variant Issue") },
  { zopa_variant_change_get_type, "reservation", N_("Change Variant Reservation") },
  { zopa_variant_change_get_type, "weight", N_("Change Variant Weight") },
  { zopa_variant_change_get_type, "acceptable", N_("Change Variant Acceptable Options") },
};

static const char *
property_label (GObject    *object,
                GParamSpec *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (property_labels); i++)
    if (G_OBJECT_TYPE (object) == property_labels[i].type ()
        && g_strcmp0 (pspec->name, property_labels[i].property) == 0)
      return _(property_labels[i].label);

  return _("Edit");
}

/* Values */

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;

  if (type == G_TYPE_STRV)
    {
      const char * const *strv_a = g_value_get_boxed (a);
      const char * const *strv_b = g_value_get_boxed (b);

      /* NULL (all options) and an empty array (none) differ. */
      if (strv_a == NULL || strv_b == NULL)
        return strv_a == strv_b;
      return g_strv_equal (strv_a, strv_b);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static guint
strv_index (const char * const *strv,
            const char         *key)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], key) == 0)
      return i;

  return NOT_IN_LIST;
}

/* Slots */

static gboolean
slot_has_int_value (SlotKind slot)
{
  return slot != SLOT_CLAUSE_OPTION;
}

static void
slot_state_clear (SlotState *state)
{
  if (G_IS_VALUE (&state->value))
    g_value_unset (&state->value);
}

static void
slot_state_copy (SlotState       *dest,
                 const SlotState *src)
{
  slot_state_clear (dest);
  dest->present = src->present;
  dest->index = src->index;
  dest->flag = src->flag;
  dest->range = src->range;
  if (G_IS_VALUE (&src->value))
    {
      g_value_init (&dest->value, G_VALUE_TYPE (&src->value));
      g_value_copy (&src->value, &dest->value);
    }
}

static void
slot_read (SlotKind    slot,
           GObject    *object,
           const char *key,
           SlotState  *state)
{
  const char * const *keys = NULL;

  slot_state_clear (state);
  state->present = FALSE;
  state->index = 0;
  state->flag = FALSE;

  switch (slot)
    {
    case SLOT_STANCE_UTILITY:
      keys = zopa_stance_get_utility_options (ZOPA_STANCE (object));
      break;
    case SLOT_CLAUSE_OPTION:
      keys = zopa_clause_get_set_issues (ZOPA_CLAUSE (object));
      break;
    case SLOT_CHANGE_UTILITY:
      keys = zopa_variant_change_get_utility_options (ZOPA_VARIANT_CHANGE (object));
      state->flag = zopa_variant_change_has_utility (ZOPA_VARIANT_CHANGE (object));
      break;
    case SLOT_CHANGE_RESERVATION:
      if (zopa_variant_change_has_reservation (ZOPA_VARIANT_CHANGE (object)))
        {
          state->present = TRUE;
          g_value_init (&state->value, G_TYPE_INT);
          g_value_set_int (&state->value,
                           zopa_variant_change_get_reservation (ZOPA_VARIANT_CHANGE (object)));
          state->range = zopa_variant_change_get_reservation_range (ZOPA_VARIANT_CHANGE (object));
        }
      return;
    case SLOT_CHANGE_WEIGHT:
      if (zopa_variant_change_has_weight (ZOPA_VARIANT_CHANGE (object)))
        {
          state->present = TRUE;
          g_value_init (&state->value, G_TYPE_INT);
          g_value_set_int (&state->value,
                           zopa_variant_change_get_weight (ZOPA_VARIANT_CHANGE (object)));
          state->range = zopa_variant_change_get_weight_range (ZOPA_VARIANT_CHANGE (object));
        }
      return;
    case SLOT_ACTOR_RESERVATION:
      state->present = TRUE;
      state->range = zopa_actor_get_reservation_range (ZOPA_ACTOR (object));
      g_value_init (&state->value, G_TYPE_INT);
      g_value_set_int (&state->value, state->range.low);
      return;
    case SLOT_STANCE_WEIGHT:
      state->present = TRUE;
      state->range = zopa_stance_get_weight_range (ZOPA_STANCE (object));
      g_value_init (&state->value, G_TYPE_INT);
      g_value_set_int (&state->value, state->range.low);
      return;
    default:
      g_assert_not_reached ();
    }

  state->index = strv_index (keys, key);
  state->present = state->index != NOT_IN_LIST;
  if (!state->present)
    {
      state->index = keys != NULL ? g_strv_length ((char **) keys) : 0;
      return;
    }

  switch (slot)
    {
    case SLOT_STANCE_UTILITY:
      g_value_init (&state->value, G_TYPE_INT);
      g_value_set_int (&state->value, zopa_stance_get_utility (ZOPA_STANCE (object), key));
      state->range = zopa_stance_get_utility_range (ZOPA_STANCE (object), key);
      break;
    case SLOT_CLAUSE_OPTION:
      g_value_init (&state->value, G_TYPE_STRING);
      g_value_set_string (&state->value, zopa_clause_get_set_option (ZOPA_CLAUSE (object), key));
      break;
    case SLOT_CHANGE_UTILITY:
      g_value_init (&state->value, G_TYPE_INT);
      g_value_set_int (&state->value,
                       zopa_variant_change_get_utility (ZOPA_VARIANT_CHANGE (object), key));
      state->range = zopa_variant_change_get_utility_range (ZOPA_VARIANT_CHANGE (object), key);
      break;
    case SLOT_CHANGE_RESERVATION:
    case SLOT_CHANGE_WEIGHT:
    case SLOT_ACTOR_RESERVATION:
    case SLOT_STANCE_WEIGHT:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
slot_states_equal (const SlotState *a,
                   const SlotState *b)
{
  if (a->present != b->present || a->flag != b->flag)
    return FALSE;
  if (!a->present)
    return TRUE;
  if (G_VALUE_HOLDS_STRING (&a->value))
    return g_strcmp0 (g_value_get_string (&a->value), g_value_get_string (&b->value)) == 0;
  return g_value_get_int (&a->value) == g_value_get_int (&b->value) &&
         a->range.high == b->range.high && a->range.ranged == b->range.ranged;
}

static void
write_change_utility (ZopaVariantChange *change,
                      const char        *key,
                      const SlotState   *target)
{
  if (key != NULL)
    {
      const char * const *keys = zopa_variant_change_get_utility_options (change);

      if (!target->present)
        zopa_variant_change_unset_utility (change, key);
      else if (strv_index (keys, key) != NOT_IN_LIST)
        zopa_variant_change_set_utility (change, key, g_value_get_int (&target->value));
      else
        zopa_variant_change_insert_utility (change, target->index, key,
                                            g_value_get_int (&target->value));
      if (target->present && target->range.ranged)
        zopa_variant_change_set_utility_range (change, key, target->range.low, target->range.high);
    }

  if (!target->flag && zopa_variant_change_has_utility (change))
    {
      zopa_variant_change_clear_utility (change);
    }
  else if (target->flag && !zopa_variant_change_has_utility (change))
    {
      /* The model has no call for an empty utility map that is there; inserting an entry
       * makes the map present, removing it leaves it present and empty. */
      zopa_variant_change_insert_utility (change, 0, "", ZOPA_UTILITY_DEFAULT);
      zopa_variant_change_unset_utility (change, "");
    }
}

static void
slot_write (SlotKind         slot,
            GObject         *object,
            const char      *key,
            const SlotState *target)
{
  switch (slot)
    {
    case SLOT_STANCE_UTILITY:
      {
        ZopaStance *stance = ZOPA_STANCE (object);

        if (!target->present)
          zopa_stance_unset_utility (stance, key);
        else if (zopa_stance_has_utility (stance, key))
          zopa_stance_set_utility (stance, key, g_value_get_int (&target->value));
        else
          zopa_stance_insert_utility (stance, target->index, key, g_value_get_int (&target->value));
        if (target->present && target->range.ranged)
          zopa_stance_set_utility_range (stance, key, target->range.low, target->range.high);
      }
      break;

    case SLOT_CLAUSE_OPTION:
      {
        ZopaClause *clause = ZOPA_CLAUSE (object);

        if (!target->present)
          zopa_clause_set_option (clause, key, NULL);
        else if (zopa_clause_get_set_option (clause, key) != NULL)
          zopa_clause_set_option (clause, key, g_value_get_string (&target->value));
        else
          zopa_clause_insert_option (clause, target->index, key, g_value_get_string (&target->value));
      }
      break;

    case SLOT_CHANGE_UTILITY:
      write_change_utility (ZOPA_VARIANT_CHANGE (object), key, target);
      break;

    case SLOT_CHANGE_RESERVATION:
      if (target->present && target->range.ranged)
        zopa_variant_change_set_reservation_range (ZOPA_VARIANT_CHANGE (object),
                                                   target->range.low, target->range.high);
      else if (target->present)
        zopa_variant_change_set_reservation (ZOPA_VARIANT_CHANGE (object),
                                             g_value_get_int (&target->value));
      else
        zopa_variant_change_unset_reservation (ZOPA_VARIANT_CHANGE (object));
      break;

    case SLOT_CHANGE_WEIGHT:
      if (target->present && target->range.ranged)
        zopa_variant_change_set_weight_range (ZOPA_VARIANT_CHANGE (object),
                                              target->range.low, target->range.high);
      else if (target->present)
        zopa_variant_change_set_weight (ZOPA_VARIANT_CHANGE (object),
                                        g_value_get_int (&target->value));
      else
        zopa_variant_change_unset_weight (ZOPA_VARIANT_CHANGE (object));
      break;

    case SLOT_ACTOR_RESERVATION:
      if (target->range.ranged)
        zopa_actor_set_reservation_range (ZOPA_ACTOR (object), target->range.low, target->range.high);
      else
        zopa_actor_set_reservation (ZOPA_ACTOR (object), target->range.low);
      break;

    case SLOT_STANCE_WEIGHT:
      if (target->range.ranged)
        zopa_stance_set_weight_range (ZOPA_STANCE (object), target->range.low, target->range.high);
      else
        zopa_stance_set_weight (ZOPA_STANCE (object), target->range.low);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Commands */

static Command *
command_new (CommandKind  kind,
             gpointer     object,
             const char  *label)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->kind = kind;
  cmd->object = g_object_ref (object);
  cmd->label = label;
  return cmd;
}

static void
command_free (gpointer data)
{
  Command *cmd = data;

  g_clear_object (&cmd->object);
  g_clear_object (&cmd->item);
  if (G_IS_VALUE (&cmd->old_value))
    g_value_unset (&cmd->old_value);
  if (G_IS_VALUE (&cmd->new_value))
    g_value_unset (&cmd->new_value);
  g_clear_pointer (&cmd->key, g_free);
  slot_state_clear (&cmd->old_state);
  slot_state_clear (&cmd->new_state);
  g_free (cmd);
}

/* An actor's reservation and a stance's weight may be ranges, which the int property
 * shows by their low end: what undo must restore is the whole range. */
static gboolean
read_range_property (GObject    *object,
                     GParamSpec *pspec,
                     ZopaRange  *range)
{
  if (ZOPA_IS_ACTOR (object) && g_str_equal (pspec->name, "reservation"))
    *range = zopa_actor_get_reservation_range (ZOPA_ACTOR (object));
  else if (ZOPA_IS_STANCE (object) && g_str_equal (pspec->name, "weight"))
    *range = zopa_stance_get_weight_range (ZOPA_STANCE (object));
  else
    return FALSE;
  return range->ranged;
}

static void
write_range_property (GObject         *object,
                      const ZopaRange *range)
{
  if (ZOPA_IS_ACTOR (object))
    zopa_actor_set_reservation_range (ZOPA_ACTOR (object), range->low, range->high);
  else
    zopa_stance_set_weight_range (ZOPA_STANCE (object), range->low, range->high);
}

static void
command_apply (Command  *cmd,
               gboolean  undo)
{
  switch (cmd->kind)
    {
    case COMMAND_PROPERTY:
      if (undo && cmd->has_old_range)
        write_range_property (cmd->object, &cmd->old_range);
      else
        g_object_set_property (cmd->object, cmd->pspec->name,
                               undo ? &cmd->old_value : &cmd->new_value);
      break;

    case COMMAND_LIST:
      {
        guint from = undo ? cmd->new_position : cmd->old_position;
        guint to = undo ? cmd->old_position : cmd->new_position;

        if (from != NOT_IN_LIST)
          cmd->list->remove (cmd->object, from);
        if (to != NOT_IN_LIST)
          cmd->list->insert (cmd->object, to, cmd->item);
      }
      break;

    case COMMAND_SLOT:
      slot_write (cmd->slot, cmd->object, cmd->key, undo ? &cmd->old_state : &cmd->new_state);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Typing merges: text and numbers, not choices (a status, an option, a list of ids). */
static gboolean
command_is_mergeable (Command *cmd)
{
  switch (cmd->kind)
    {
    case COMMAND_PROPERTY:
      return G_PARAM_SPEC_VALUE_TYPE (cmd->pspec) == G_TYPE_STRING
             || G_PARAM_SPEC_VALUE_TYPE (cmd->pspec) == G_TYPE_INT;
    case COMMAND_SLOT:
      return slot_has_int_value (cmd->slot) && cmd->new_state.present;
    case COMMAND_LIST:
    default:
      return FALSE;
    }
}

/* Folds next into last when both edit the same thing; last keeps its old state. */
static gboolean
command_merge (Command *last,
               Command *next)
{
  if (!command_is_mergeable (last) || !command_is_mergeable (next))
    return FALSE;
  if (last->kind != next->kind || last->object != next->object)
    return FALSE;

  if (last->kind == COMMAND_PROPERTY)
    {
      if (last->pspec != next->pspec)
        return FALSE;
      g_value_copy (&next->new_value, &last->new_value);
      return TRUE;
    }

  if (last->slot != next->slot || g_strcmp0 (last->key, next->key) != 0)
    return FALSE;
  slot_state_copy (&last->new_state, &next->new_state);
  return TRUE;
}

/* Steps */

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->commands = g_ptr_array_new_with_free_func (command_free);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->commands);
  g_free (step);
}

static void
step_apply (ZopaHistory *self,
            Step        *step,
            gboolean     undo)
{
  self->applying++;

  if (undo)
    for (guint i = step->commands->len; i > 0; i--)
      command_apply (g_ptr_array_index (step->commands, i - 1), TRUE);
  else
    for (guint i = 0; i < step->commands->len; i++)
      command_apply (g_ptr_array_index (step->commands, i), FALSE);

  self->applying--;
}

/* State */

static void
update_state (ZopaHistory *self)
{
  gboolean can_undo = self->group_depth == 0 && self->position > 0;
  gboolean can_redo = self->group_depth == 0 && self->position < self->steps->len;
  gboolean at_saved_point = self->saved_position >= 0
                            && (guint) self->saved_position == self->position
                            && (self->group == NULL || self->group->commands->len == 0);
  const char *undo_label = NULL;
  const char *redo_label = NULL;

  if (can_undo)
    undo_label = ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
  if (can_redo)
    redo_label = ((Step *) g_ptr_array_index (self->steps, self->position))->label;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (g_strcmp0 (self->undo_label, undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_strdup (undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (self->redo_label, redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_strdup (redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
  if (self->at_saved_point != at_saved_point)
    {
      self->at_saved_point = at_saved_point;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_SAVED_POINT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
drop_redo (ZopaHistory *self)
{
  if (self->position >= self->steps->len)
    return;

  if (self->saved_position > (int) self->position)
    self->saved_position = -1;
  g_ptr_array_remove_range (self->steps, self->position, self->steps->len - self->position);
}

static void
enforce_limit (ZopaHistory *self)
{
  if (self->limit == 0)
    return;

  while (self->steps->len > self->limit && self->position > 0)
    {
      g_ptr_array_remove_index (self->steps, 0);
      self->position--;
      /* The saved state was before the dropped step: it can no longer be reached. */
      if (self->saved_position == 0)
        self->saved_position = -1;
      else if (self->saved_position > 0)
        self->saved_position--;
      self->merge_open = self->merge_open && self->position > 0;
    }
}

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

/* Takes cmd, which is applied already. */
static void
record (ZopaHistory *self,
        Command     *cmd)
{
  gint64 now = self->clock (self->clock_data);
  Step *step;

  if (self->group != NULL)
    {
      if (self->group->commands->len == 0)
        drop_redo (self);
      g_ptr_array_add (self->group->commands, cmd);
      update_state (self);
      return;
    }

  if (self->merge_open && self->position > 0 && self->position == self->steps->len
      && now - self->last_edit_time <= (gint64) self->merge_timeout * G_TIME_SPAN_MILLISECOND)
    {
      step = g_ptr_array_index (self->steps, self->position - 1);
      if (step->commands->len == 1 && command_merge (g_ptr_array_index (step->commands, 0), cmd))
        {
          self->last_edit_time = now;
          command_free (cmd);
          update_state (self);
          return;
        }
    }

  drop_redo (self);
  step = step_new (cmd->label);
  self->merge_open = command_is_mergeable (cmd);
  self->last_edit_time = now;
  g_ptr_array_add (step->commands, cmd);
  g_ptr_array_add (self->steps, step);
  self->position++;
  enforce_limit (self);
  update_state (self);
}

/* Takes cmd. */
static gboolean
run_and_record (ZopaHistory *self,
                Command     *cmd)
{
  /* A view reacting to an undo by editing again would tear the step being applied. */
  if (self->applying > 0)
    {
      g_critical ("An edit was requested while the history was undoing or redoing; "
                  "views must not edit the model from its change notifications");
      command_free (cmd);
      return FALSE;
    }

  self->applying++;
  command_apply (cmd, FALSE);
  self->applying--;
  record (self, cmd);
  return TRUE;
}

/* An edit that did not come through the history: the recorded states no longer hold. */
static void
on_scenario_changed (ZopaHistory *self)
{
  if (self->applying > 0)
    return;

  g_debug ("The scenario was edited outside the history; forgetting the history");

  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->saved_position = -1;
  self->merge_open = FALSE;
  if (self->group != NULL)
    g_ptr_array_set_size (self->group->commands, 0);
  update_state (self);
}

/* GObject */

static void
zopa_history_dispose (GObject *object)
{
  ZopaHistory *self = ZOPA_HISTORY (object);

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_clear_object (&self->scenario);
  /* Steps hold references to model objects; drop them with the scenario. */
  if (self->steps != NULL)
    g_ptr_array_set_size (self->steps, 0);
  g_clear_pointer (&self->group, step_free);

  G_OBJECT_CLASS (zopa_history_parent_class)->dispose (object);
}

static void
zopa_history_finalize (GObject *object)
{
  ZopaHistory *self = ZOPA_HISTORY (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (zopa_history_parent_class)->finalize (object);
}

static void
zopa_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZopaHistory *self = ZOPA_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    case PROP_AT_SAVED_POINT:
      g_value_set_boolean (value, self->at_saved_point);
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;
    case PROP_MERGE_TIMEOUT:
      g_value_set_uint (value, self->merge_timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_history_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZopaHistory *self = ZOPA_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_LIMIT:
      zopa_history_set_limit (self, g_value_get_uint (value));
      break;
    case PROP_MERGE_TIMEOUT:
      zopa_history_set_merge_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_history_constructed (GObject *object)
{
  ZopaHistory *self = ZOPA_HISTORY (object);

  G_OBJECT_CLASS (zopa_history_parent_class)->constructed (object);

  g_return_if_fail (ZOPA_IS_SCENARIO (self->scenario));
  g_signal_connect_swapped (self->scenario, "changed", G_CALLBACK (on_scenario_changed), self);
}

static void
zopa_history_class_init (ZopaHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro_flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw_flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_history_constructed;
  object_class->dispose = zopa_history_dispose;
  object_class->finalize = zopa_history_finalize;
  object_class->get_property = zopa_history_get_property;
  object_class->set_property = zopa_history_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ZOPA_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro_flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro_flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro_flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro_flags);
  properties[PROP_AT_SAVED_POINT] =
    g_param_spec_boolean ("at-saved-point", NULL, NULL, TRUE, ro_flags);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 0, G_MAXUINT, ZOPA_HISTORY_DEFAULT_LIMIT, rw_flags);
  properties[PROP_MERGE_TIMEOUT] =
    g_param_spec_uint ("merge-timeout", NULL, NULL, 0, G_MAXUINT,
                       ZOPA_HISTORY_DEFAULT_MERGE_TIMEOUT, rw_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zopa_history_init (ZopaHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
  self->limit = ZOPA_HISTORY_DEFAULT_LIMIT;
  self->merge_timeout = ZOPA_HISTORY_DEFAULT_MERGE_TIMEOUT;
  self->clock = default_clock;
  self->at_saved_point = TRUE;
}

ZopaHistory *
zopa_history_new (ZopaScenario *scenario)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);

  return g_object_new (ZOPA_TYPE_HISTORY, "scenario", scenario, NULL);
}

ZopaScenario *
zopa_history_get_scenario (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), NULL);
  return self->scenario;
}

gboolean
zopa_history_get_can_undo (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  return self->can_undo;
}

gboolean
zopa_history_get_can_redo (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  return self->can_redo;
}

const char *
zopa_history_get_undo_label (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), NULL);
  return self->undo_label;
}

const char *
zopa_history_get_redo_label (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), NULL);
  return self->redo_label;
}

guint
zopa_history_get_n_undo_steps (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), 0);
  return self->position;
}

guint
zopa_history_get_n_redo_steps (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), 0);
  return self->steps->len - self->position;
}

gboolean
zopa_history_undo (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);

  if (self->group_depth > 0 || self->position == 0)
    return FALSE;

  self->merge_open = FALSE;
  step_apply (self, g_ptr_array_index (self->steps, self->position - 1), TRUE);
  self->position--;
  update_state (self);
  return TRUE;
}

gboolean
zopa_history_redo (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);

  if (self->group_depth > 0 || self->position >= self->steps->len)
    return FALSE;

  self->merge_open = FALSE;
  step_apply (self, g_ptr_array_index (self->steps, self->position), FALSE);
  self->position++;
  update_state (self);
  return TRUE;
}

gboolean
zopa_history_get_at_saved_point (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  return self->at_saved_point;
}

void
zopa_history_mark_saved (ZopaHistory *self)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  self->saved_position = self->position;
  self->merge_open = FALSE;
  update_state (self);
}

void
zopa_history_mark_unsaved (ZopaHistory *self)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));

  self->saved_position = -1;
  update_state (self);
}

void
zopa_history_clear (ZopaHistory *self)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  self->saved_position = self->saved_position == (int) self->position ? 0 : -1;
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->merge_open = FALSE;
  update_state (self);
}

guint
zopa_history_get_limit (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), 0);
  return self->limit;
}

void
zopa_history_set_limit (ZopaHistory *self,
                        guint        limit)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));

  if (self->limit == limit)
    return;

  self->limit = limit;
  enforce_limit (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

guint
zopa_history_get_merge_timeout (ZopaHistory *self)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), 0);
  return self->merge_timeout;
}

void
zopa_history_set_merge_timeout (ZopaHistory *self,
                                guint        milliseconds)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));

  if (self->merge_timeout == milliseconds)
    return;

  self->merge_timeout = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE_TIMEOUT]);
}

void
zopa_history_break_merge (ZopaHistory *self)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));
  self->merge_open = FALSE;
}

void
zopa_history_set_clock (ZopaHistory      *self,
                        ZopaHistoryClock  clock,
                        gpointer          user_data)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

void
zopa_history_begin_group (ZopaHistory *self,
                          const char  *label)
{
  g_return_if_fail (ZOPA_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    {
      self->group = step_new (label);
      self->merge_open = FALSE;
      update_state (self);
    }
}

void
zopa_history_end_group (ZopaHistory *self)
{
  Step *group;

  g_return_if_fail (ZOPA_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->commands->len == 0)
    {
      step_free (group);
      update_state (self);
      return;
    }

  if (group->label == NULL)
    group->label = g_strdup (((Command *) g_ptr_array_index (group->commands, 0))->label);

  /* The redo steps went when the group's first edit was made. */
  g_ptr_array_add (self->steps, group);
  self->position++;
  self->merge_open = FALSE;
  enforce_limit (self);
  update_state (self);
}

/* Properties */

static gboolean
is_variant_change_optional (GObject    *object,
                            GParamSpec *pspec,
                            SlotKind   *slot)
{
  if (!ZOPA_IS_VARIANT_CHANGE (object))
    return FALSE;

  if (g_strcmp0 (pspec->name, "reservation") == 0)
    *slot = SLOT_CHANGE_RESERVATION;
  else if (g_strcmp0 (pspec->name, "weight") == 0)
    *slot = SLOT_CHANGE_WEIGHT;
  else
    return FALSE;

  return TRUE;
}

static gboolean
edit_slot (ZopaHistory     *self,
           SlotKind         slot,
           gpointer         object,
           const char      *key,
           const SlotState *target,
           const char      *label)
{
  Command *cmd = command_new (COMMAND_SLOT, object, label);

  cmd->slot = slot;
  cmd->key = g_strdup (key);
  slot_read (slot, object, key, &cmd->old_state);
  slot_state_copy (&cmd->new_state, target);
  /* A number set by an editor is one value, not a range. */
  if (slot_has_int_value (slot) && cmd->new_state.present && !cmd->new_state.range.ranged)
    {
      int value = g_value_get_int (&cmd->new_state.value);
      ZopaRange plain = { value, value, FALSE };
      cmd->new_state.range = plain;
    }
  /* Only a variant change's utility map can be there or not as a whole. */
  if (slot != SLOT_CHANGE_UTILITY)
    cmd->new_state.flag = FALSE;
  /* A value set in place keeps its index; a new key goes last (old_state.index is the
   * map's size then) unless the target says where. */
  if (cmd->new_state.index == NOT_IN_LIST)
    cmd->new_state.index = cmd->old_state.index;

  if (slot_states_equal (&cmd->old_state, &cmd->new_state))
    {
      command_free (cmd);
      return FALSE;
    }

  return run_and_record (self, cmd);
}

static gboolean
set_property_checked (ZopaHistory  *self,
                      GObject      *object,
                      GParamSpec   *pspec,
                      const GValue *value)
{
  GValue new_value = G_VALUE_INIT;
  Command *cmd;
  SlotKind slot;

  g_value_init (&new_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (!g_value_transform (value, &new_value))
    {
      g_critical ("Cannot set property “%s” of %s from a value of type %s",
                  pspec->name, G_OBJECT_TYPE_NAME (object), G_VALUE_TYPE_NAME (value));
      g_value_unset (&new_value);
      return FALSE;
    }
  if (g_param_value_validate (pspec, &new_value))
    {
      g_critical ("Value out of range for property “%s” of %s",
                  pspec->name, G_OBJECT_TYPE_NAME (object));
      g_value_unset (&new_value);
      return FALSE;
    }

  if (is_variant_change_optional (object, pspec, &slot))
    {
      SlotState target = { TRUE, 0, G_VALUE_INIT, FALSE };
      gboolean changed;

      target.value = new_value;
      changed = edit_slot (self, slot, object, NULL, &target, property_label (object, pspec));
      g_value_unset (&target.value);
      return changed;
    }

  cmd = command_new (COMMAND_PROPERTY, object, property_label (object, pspec));
  cmd->pspec = pspec;
  cmd->new_value = new_value;
  g_value_init (&cmd->old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &cmd->old_value);
  cmd->has_old_range = read_range_property (object, pspec, &cmd->old_range);

  if (values_equal (pspec, &cmd->old_value, &cmd->new_value))
    {
      command_free (cmd);
      return FALSE;
    }

  return run_and_record (self, cmd);
}

static GParamSpec *
find_writable_property (gpointer    object,
                        const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec == NULL)
    {
      g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }
  if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_critical ("Property “%s” of %s is not writable", property, G_OBJECT_TYPE_NAME (object));
      return NULL;
    }

  return pspec;
}

gboolean
zopa_history_set_value (ZopaHistory  *self,
                        gpointer      object,
                        const char   *property,
                        const GValue *value)
{
  GParamSpec *pspec;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_MODEL_NODE (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  pspec = find_writable_property (object, property);
  if (pspec == NULL)
    return FALSE;

  return set_property_checked (self, object, pspec, value);
}

gboolean
zopa_history_set (ZopaHistory *self,
                  gpointer     object,
                  const char  *first_property,
                  ...)
{
  g_autoptr(GArray) values = NULL;
  g_autoptr(GPtrArray) pspecs = NULL;
  gboolean changed = FALSE;
  const char *name;
  va_list args;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_MODEL_NODE (object), FALSE);

  values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  pspecs = g_ptr_array_new ();

  /* Collect everything first: a bad name or value then leaves the model untouched. */
  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = find_writable_property (object, name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        break;

      G_VALUE_COLLECT_INIT (&value, G_PARAM_SPEC_VALUE_TYPE (pspec), args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          g_value_unset (&value);
          pspec = NULL;
          break;
        }

      g_ptr_array_add (pspecs, pspec);
      g_array_append_val (values, value);
    }
  va_end (args);

  if (name != NULL)
    return FALSE;

  if (pspecs->len > 1)
    zopa_history_begin_group (self, NULL);

  for (guint i = 0; i < pspecs->len; i++)
    if (set_property_checked (self, object, g_ptr_array_index (pspecs, i),
                              &g_array_index (values, GValue, i)))
      changed = TRUE;

  if (pspecs->len > 1)
    zopa_history_end_group (self);

  return changed;
}

/* Lists */

gboolean
zopa_history_insert (ZopaHistory *self,
                     gpointer     owner,
                     guint        position,
                     gpointer     item)
{
  const ListKind *list;
  Command *cmd;
  guint n_items;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  list = find_list_kind (owner, item);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (zopa_list_model_find (list->get_model (owner), item) == NOT_IN_LIST, FALSE);
  /* The model allows one stance per issue. */
  g_return_val_if_fail (!ZOPA_IS_STANCE (item)
                        || zopa_stance_get_issue (item) == NULL
                        || zopa_actor_find_stance (owner, zopa_stance_get_issue (item)) == NULL,
                        FALSE);

  n_items = g_list_model_get_n_items (list->get_model (owner));
  cmd = command_new (COMMAND_LIST, owner, _(list->add_label));
  cmd->list = list;
  cmd->item = g_object_ref (item);
  cmd->old_position = NOT_IN_LIST;
  cmd->new_position = MIN (position, n_items);

  return run_and_record (self, cmd);
}

gboolean
zopa_history_remove (ZopaHistory *self,
                     gpointer     owner,
                     gpointer     item)
{
  const ListKind *list;
  Command *cmd;
  guint position;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  list = find_list_kind (owner, item);
  g_return_val_if_fail (list != NULL, FALSE);
  position = zopa_list_model_find (list->get_model (owner), item);
  g_return_val_if_fail (position != NOT_IN_LIST, FALSE);

  cmd = command_new (COMMAND_LIST, owner, _(list->remove_label));
  cmd->list = list;
  cmd->item = g_object_ref (item);
  cmd->old_position = position;
  cmd->new_position = NOT_IN_LIST;

  return run_and_record (self, cmd);
}

gboolean
zopa_history_move (ZopaHistory *self,
                   gpointer     owner,
                   gpointer     item,
                   guint        new_position)
{
  const ListKind *list;
  Command *cmd;
  guint position;
  guint n_items;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  list = find_list_kind (owner, item);
  g_return_val_if_fail (list != NULL, FALSE);
  position = zopa_list_model_find (list->get_model (owner), item);
  g_return_val_if_fail (position != NOT_IN_LIST, FALSE);

  n_items = g_list_model_get_n_items (list->get_model (owner));
  new_position = MIN (new_position, n_items - 1);
  if (new_position == position)
    return FALSE;

  cmd = command_new (COMMAND_LIST, owner, _(list->move_label));
  cmd->list = list;
  cmd->item = g_object_ref (item);
  cmd->old_position = position;
  cmd->new_position = new_position;

  return run_and_record (self, cmd);
}

/* Ordered maps */

/* position NOT_IN_LIST: in place, or last for a new key. */
static gboolean
set_range_slot (ZopaHistory *self,
                SlotKind     slot,
                gpointer     object,
                const char  *key,
                guint        position,
                ZopaRange    range,
                const char  *label)
{
  SlotState target = { TRUE, position, G_VALUE_INIT, TRUE, range };
  gboolean changed;

  g_value_init (&target.value, G_TYPE_INT);
  g_value_set_int (&target.value, range.low);
  changed = edit_slot (self, slot, object, key, &target, label);
  g_value_unset (&target.value);
  return changed;
}

static gboolean
set_int_slot (ZopaHistory *self,
              SlotKind     slot,
              gpointer     object,
              const char  *key,
              guint        position,
              int          value,
              const char  *label)
{
  ZopaRange plain = { value, value, FALSE };

  return set_range_slot (self, slot, object, key, position, plain, label);
}

static gboolean
unset_slot (ZopaHistory *self,
            SlotKind     slot,
            gpointer     object,
            const char  *key,
            const char  *label)
{
  SlotState target = { FALSE, 0, G_VALUE_INIT, FALSE };

  /* Removing one utility of a variant change keeps its (possibly empty) map. */
  if (slot == SLOT_CHANGE_UTILITY)
    target.flag = zopa_variant_change_has_utility (object);

  return edit_slot (self, slot, object, key, &target, label);
}

gboolean
zopa_history_set_utility (ZopaHistory *self,
                          ZopaStance  *stance,
                          const char  *option_id,
                          int          utility)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_STANCE (stance), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX, FALSE);

  return set_int_slot (self, SLOT_STANCE_UTILITY, stance, option_id, NOT_IN_LIST, utility,
                       _("Change Utility"));
}

gboolean
zopa_history_insert_utility (ZopaHistory *self,
                             ZopaStance  *stance,
                             guint        position,
                             const char  *option_id,
                             int          utility)
{
  const char * const *keys;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_STANCE (stance), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (!zopa_stance_has_utility (stance, option_id), FALSE);
  g_return_val_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX, FALSE);

  keys = zopa_stance_get_utility_options (stance);
  position = MIN (position, keys != NULL ? g_strv_length ((char **) keys) : 0);
  return set_int_slot (self, SLOT_STANCE_UTILITY, stance, option_id, position, utility,
                       _("Change Utility"));
}

gboolean
zopa_history_insert_utility_range (ZopaHistory *self,
                                   ZopaStance  *stance,
                                   guint        position,
                                   const char  *option_id,
                                   ZopaRange    utility)
{
  const char * const *keys;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_STANCE (stance), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (!zopa_stance_has_utility (stance, option_id), FALSE);
  g_return_val_if_fail (utility.low >= 0 && utility.low <= utility.high && utility.high <= ZOPA_UTILITY_MAX, FALSE);

  keys = zopa_stance_get_utility_options (stance);
  position = MIN (position, keys != NULL ? g_strv_length ((char **) keys) : 0);
  return set_range_slot (self, SLOT_STANCE_UTILITY, stance, option_id, position, utility,
                         _("Change Utility"));
}

gboolean
zopa_history_unset_utility (ZopaHistory *self,
                            ZopaStance  *stance,
                            const char  *option_id)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_STANCE (stance), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);

  return unset_slot (self, SLOT_STANCE_UTILITY, stance, option_id, _("Reset Utility"));
}

gboolean
zopa_history_set_clause_option (ZopaHistory *self,
                                ZopaClause  *clause,
                                const char  *issue_id,
                                const char  *option_id)
{
  SlotState target = { TRUE, NOT_IN_LIST, G_VALUE_INIT, FALSE };
  gboolean changed;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_CLAUSE (clause), FALSE);
  g_return_val_if_fail (issue_id != NULL, FALSE);

  if (option_id == NULL)
    return unset_slot (self, SLOT_CLAUSE_OPTION, clause, issue_id, _("Remove Clause Option"));

  g_value_init (&target.value, G_TYPE_STRING);
  g_value_set_string (&target.value, option_id);
  changed = edit_slot (self, SLOT_CLAUSE_OPTION, clause, issue_id, &target,
                       _("Change Clause Option"));
  g_value_unset (&target.value);
  return changed;
}

gboolean
zopa_history_insert_clause_option (ZopaHistory *self,
                                   ZopaClause  *clause,
                                   guint        position,
                                   const char  *issue_id,
                                   const char  *option_id)
{
  SlotState target = { TRUE, 0, G_VALUE_INIT, FALSE };
  const char * const *keys;
  gboolean changed;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_CLAUSE (clause), FALSE);
  g_return_val_if_fail (issue_id != NULL, FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (zopa_clause_get_set_option (clause, issue_id) == NULL, FALSE);

  keys = zopa_clause_get_set_issues (clause);
  target.index = MIN (position, keys != NULL ? g_strv_length ((char **) keys) : 0);
  g_value_init (&target.value, G_TYPE_STRING);
  g_value_set_string (&target.value, option_id);
  changed = edit_slot (self, SLOT_CLAUSE_OPTION, clause, issue_id, &target,
                       _("Change Clause Option"));
  g_value_unset (&target.value);
  return changed;
}

gboolean
zopa_history_set_change_utility (ZopaHistory       *self,
                                 ZopaVariantChange *change,
                                 const char        *option_id,
                                 int                utility)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (change), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX, FALSE);

  return set_int_slot (self, SLOT_CHANGE_UTILITY, change, option_id, NOT_IN_LIST, utility,
                       _("Change Variant Utility"));
}

gboolean
zopa_history_insert_change_utility (ZopaHistory       *self,
                                    ZopaVariantChange *change,
                                    guint              position,
                                    const char        *option_id,
                                    int                utility)
{
  const char * const *keys;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (change), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (utility >= 0 && utility <= ZOPA_UTILITY_MAX, FALSE);

  keys = zopa_variant_change_get_utility_options (change);
  g_return_val_if_fail (strv_index (keys, option_id) == NOT_IN_LIST, FALSE);

  position = MIN (position, keys != NULL ? g_strv_length ((char **) keys) : 0);
  return set_int_slot (self, SLOT_CHANGE_UTILITY, change, option_id, position, utility,
                       _("Change Variant Utility"));
}

gboolean
zopa_history_insert_change_utility_range (ZopaHistory       *self,
                                          ZopaVariantChange *change,
                                          guint              position,
                                          const char        *option_id,
                                          ZopaRange          utility)
{
  const char * const *keys;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (change), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (utility.low >= 0 && utility.low <= utility.high && utility.high <= ZOPA_UTILITY_MAX, FALSE);

  keys = zopa_variant_change_get_utility_options (change);
  g_return_val_if_fail (strv_index (keys, option_id) == NOT_IN_LIST, FALSE);

  position = MIN (position, keys != NULL ? g_strv_length ((char **) keys) : 0);
  return set_range_slot (self, SLOT_CHANGE_UTILITY, change, option_id, position, utility,
                         _("Change Variant Utility"));
}

gboolean
zopa_history_unset_change_utility (ZopaHistory       *self,
                                   ZopaVariantChange *change,
                                   const char        *option_id)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (change), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);

  return unset_slot (self, SLOT_CHANGE_UTILITY, change, option_id,
                     _("Remove Variant Utility"));
}

gboolean
zopa_history_clear_change_utility (ZopaHistory       *self,
                                   ZopaVariantChange *change)
{
  g_auto(GStrv) keys = NULL;
  const char *label = _("Clear Variant Utilities");
  SlotState target = { FALSE, 0, G_VALUE_INIT, FALSE };
  guint n_keys;

  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (change), FALSE);

  if (!zopa_variant_change_has_utility (change))
    return FALSE;

  /* One command per entry so that undo puts each back at its place; the last one also
   * drops the map itself. */
  keys = g_strdupv ((char **) zopa_variant_change_get_utility_options (change));
  n_keys = keys != NULL ? g_strv_length (keys) : 0;

  zopa_history_begin_group (self, label);
  for (guint i = n_keys; i > 1; i--)
    unset_slot (self, SLOT_CHANGE_UTILITY, change, keys[i - 1], label);
  edit_slot (self, SLOT_CHANGE_UTILITY, change, n_keys > 0 ? keys[0] : NULL, &target, label);
  zopa_history_end_group (self);

  return TRUE;
}

gboolean
zopa_history_unset_change_reservation (ZopaHistory       *self,
                                       ZopaVariantChange *change)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (change), FALSE);

  return unset_slot (self, SLOT_CHANGE_RESERVATION, change, NULL,
                     _("Remove Variant Reservation"));
}

gboolean
zopa_history_unset_change_weight (ZopaHistory       *self,
                                  ZopaVariantChange *change)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_VARIANT_CHANGE (change), FALSE);

  return unset_slot (self, SLOT_CHANGE_WEIGHT, change, NULL, _("Remove Variant Weight"));
}

/* Ranges */

static gboolean
range_is_valid (ZopaRange range,
                int       max)
{
  return range.low >= 0 && range.low <= range.high && range.high <= max
         && (range.ranged || range.low == range.high);
}

gboolean
zopa_history_set_reservation_range (ZopaHistory *self,
                                    gpointer     holder,
                                    ZopaRange    reservation)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_ACTOR (holder) || ZOPA_IS_VARIANT_CHANGE (holder), FALSE);
  g_return_val_if_fail (range_is_valid (reservation, ZOPA_RESERVATION_MAX), FALSE);

  if (ZOPA_IS_ACTOR (holder))
    return set_range_slot (self, SLOT_ACTOR_RESERVATION, holder, NULL, NOT_IN_LIST, reservation,
                           _("Change Reservation"));
  return set_range_slot (self, SLOT_CHANGE_RESERVATION, holder, NULL, NOT_IN_LIST, reservation,
                         _("Change Variant Reservation"));
}

gboolean
zopa_history_set_weight_range (ZopaHistory *self,
                               gpointer     holder,
                               ZopaRange    weight)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_STANCE (holder) || ZOPA_IS_VARIANT_CHANGE (holder), FALSE);
  g_return_val_if_fail (range_is_valid (weight, ZOPA_WEIGHT_MAX), FALSE);

  if (ZOPA_IS_STANCE (holder))
    return set_range_slot (self, SLOT_STANCE_WEIGHT, holder, NULL, NOT_IN_LIST, weight,
                           _("Change Weight"));
  return set_range_slot (self, SLOT_CHANGE_WEIGHT, holder, NULL, NOT_IN_LIST, weight,
                         _("Change Variant Weight"));
}

gboolean
zopa_history_set_utility_range (ZopaHistory *self,
                                gpointer     holder,
                                const char  *option_id,
                                ZopaRange    utility)
{
  g_return_val_if_fail (ZOPA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ZOPA_IS_STANCE (holder) || ZOPA_IS_VARIANT_CHANGE (holder), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (range_is_valid (utility, ZOPA_UTILITY_MAX), FALSE);

  if (ZOPA_IS_STANCE (holder))
    return set_range_slot (self, SLOT_STANCE_UTILITY, holder, option_id, NOT_IN_LIST, utility,
                           _("Change Utility"));
  return set_range_slot (self, SLOT_CHANGE_UTILITY, holder, option_id, NOT_IN_LIST, utility,
                         _("Change Variant Utility"));
}
