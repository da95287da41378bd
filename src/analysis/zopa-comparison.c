/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-comparison.c: two drafts side by side, clause by clause (see the header for the
 * rules of alignment and classification) */

#define G_LOG_DOMAIN "zopa-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "zopa-comparison.h"
#include "zopa-points.h"
#include "zopa-format.h"

/* Word diffs of longer texts are not worth their quadratic cost. */
#define WORD_DIFF_MAX_CELLS (1u << 20)

struct _ZopaComparison
{
  GObject                parent_instance;

  ZopaAnalysis          *analysis;
  GStringChunk          *strings;
  GPtrArray             *blocks;        /* every other allocation, freed with g_free */

  const char            *scenario_title;
  const char            *left_id, *left_title;
  const char            *right_id, *right_title;
  ZopaComparisonLineage  lineage;

  guint                  n_left, n_right;
  /* In the drafts' own numbered points (zopa-points.h). */
  guint                  n_left_points, n_right_points;
  ZopaComparisonClause  *left;
  ZopaComparisonClause  *right;

  GArray                *rows;          /* ZopaComparisonRow */
  GArray                *actors;        /* ZopaComparisonActor */
  GArray                *issues;        /* ZopaComparisonIssue */
};

G_DEFINE_FINAL_TYPE (ZopaComparison, zopa_comparison, G_TYPE_OBJECT)

G_DEFINE_QUARK (zopa-comparison-error-quark, zopa_comparison_error)

static const char * const kind_names[ZOPA_COMPARISON_N_KINDS] = {
  "kept", "changed", "bracketed", "deleted", "dropped", "added",
};

const char *
zopa_comparison_kind_to_string (ZopaComparisonKind kind)
{
  g_return_val_if_fail (kind < ZOPA_COMPARISON_N_KINDS, NULL);
  return kind_names[kind];
}

const char *
zopa_comparison_kind_to_label (ZopaComparisonKind kind)
{
  switch (kind)
    {
    case ZOPA_COMPARISON_KEPT:      return C_("clause comparison", "Kept");
    case ZOPA_COMPARISON_CHANGED:   return C_("clause comparison", "Changed");
    case ZOPA_COMPARISON_BRACKETED: return C_("clause comparison", "Bracketed");
    case ZOPA_COMPARISON_DELETED:   return C_("clause comparison", "Deleted");
    case ZOPA_COMPARISON_DROPPED:   return C_("clause comparison", "Dropped");
    case ZOPA_COMPARISON_ADDED:     return C_("clause comparison", "Added");
    case ZOPA_COMPARISON_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
zopa_comparison_lineage_to_string (ZopaComparisonLineage lineage)
{
  static const char * const names[] = { "same", "direct", "chain", "reverse", "common", "numbers" };

  g_return_val_if_fail (lineage <= ZOPA_COMPARISON_LINEAGE_NUMBERS, NULL);
  return names[lineage];
}

const char *
zopa_comparison_lineage_to_label (ZopaComparisonLineage lineage)
{
  switch (lineage)
    {
    case ZOPA_COMPARISON_LINEAGE_SAME:    return _("One draft compared with itself");
    case ZOPA_COMPARISON_LINEAGE_DIRECT:  return _("Clauses followed through “derived from”");
    case ZOPA_COMPARISON_LINEAGE_CHAIN:   return _("Clauses followed through “derived from”, across the drafts in between");
    case ZOPA_COMPARISON_LINEAGE_REVERSE: return _("The right draft is the older one: clauses followed backwards");
    case ZOPA_COMPARISON_LINEAGE_COMMON:  return _("Clauses matched through a common ancestor");
    case ZOPA_COMPARISON_LINEAGE_NUMBERS: return _("No lineage joins the drafts: clauses matched by number");
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- Object ------------------------------------------------------------------------------ */

static void
zopa_comparison_finalize (GObject *object)
{
  ZopaComparison *self = ZOPA_COMPARISON (object);

  g_clear_object (&self->analysis);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->actors, g_array_unref);
  g_clear_pointer (&self->issues, g_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (zopa_comparison_parent_class)->finalize (object);
}

static void
zopa_comparison_class_init (ZopaComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zopa_comparison_finalize;
}

static void
zopa_comparison_init (ZopaComparison *self)
{
  self->strings = g_string_chunk_new (4096);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (ZopaComparisonRow));
  self->actors = g_array_new (FALSE, TRUE, sizeof (ZopaComparisonActor));
  self->issues = g_array_new (FALSE, TRUE, sizeof (ZopaComparisonIssue));
}

static const char *
intern (ZopaComparison *self,
        const char     *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

/* Zeroed memory that lives as long as the comparison. */
static gpointer
block_new (ZopaComparison *self,
           gsize           size)
{
  gpointer block = g_malloc0 (MAX (size, 1));

  g_ptr_array_add (self->blocks, block);
  return block;
}

/* ---- Copying the drafts ---------------------------------------------------------------- */

static void
copy_clause (ZopaComparison       *self,
             ZopaScenario         *scenario,
             ZopaClause           *clause,
             guint                 position,
             ZopaComparisonClause *copy)
{
  const char * const *issues = zopa_clause_get_set_issues (clause);
  guint n_sets = issues != NULL ? g_strv_length ((char **) issues) : 0;
  ZopaComparisonSet *sets = block_new (self, n_sets * sizeof (ZopaComparisonSet));

  copy->id = intern (self, zopa_clause_get_id (clause));
  copy->number = intern (self, zopa_clause_get_number (clause) ? zopa_clause_get_number (clause) : "");
  copy->title = intern (self, zopa_clause_get_title (clause) ? zopa_clause_get_title (clause) : "");
  copy->text = intern (self, zopa_clause_get_text (clause) ? zopa_clause_get_text (clause) : "");
  copy->status = zopa_clause_get_status (clause);
  copy->position = position;
  for (guint k = 0; k < n_sets; k++)
    {
      const char *option_id = zopa_clause_get_set_option (clause, issues[k]);
      ZopaIssue *issue = zopa_scenario_find_issue (scenario, issues[k]);
      const char *issue_title = issue != NULL ? zopa_issue_get_title (issue) : NULL;
      const char *option_label = NULL;
      int o = issue != NULL ? zopa_issue_find_option (issue, option_id) : -1;

      if (o >= 0)
        option_label = zopa_option_get_label (zopa_issue_get_option (issue, o));
      sets[k].issue_id = intern (self, issues[k]);
      sets[k].issue_title = intern (self, issue_title != NULL && *issue_title ? issue_title : issues[k]);
      sets[k].option_id = intern (self, option_id);
      sets[k].option_label = intern (self, option_label != NULL && *option_label ? option_label : option_id);
    }
  copy->n_sets = n_sets;
  copy->sets = sets;
}

static ZopaComparisonClause *
copy_draft (ZopaComparison *self,
            ZopaScenario   *scenario,
            ZopaDraft      *draft,
            guint          *n_clauses)
{
  GListModel *clauses = zopa_draft_get_clauses (draft);
  guint n = g_list_model_get_n_items (clauses);
  ZopaComparisonClause *copies = block_new (self, n * sizeof (ZopaComparisonClause));

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (clauses, k);
      copy_clause (self, scenario, clause, k, &copies[k]);
    }
  *n_clauses = n;
  return copies;
}

/* ---- Lineage ------------------------------------------------------------------------------ */

/* The clauses of draft target that clause reaches by following derived_from (through the
 * clauses of other drafts), as a set of ids; with target NULL every clause it reaches. */
static GHashTable *
ancestors (ZopaScenario *scenario,
           ZopaClause   *clause,
           ZopaDraft    *target)
{
  GHashTable *found = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  const char * const *parents = zopa_clause_get_derived_from (clause);

  for (guint k = 0; parents != NULL && parents[k] != NULL; k++)
    g_ptr_array_add (queue, (gpointer) parents[k]);

  for (guint head = 0; head < queue->len; head++)
    {
      const char *id = g_ptr_array_index (queue, head);
      ZopaDraft *draft = NULL;
      ZopaClause *ancestor;
      const char * const *more;

      if (!g_hash_table_add (seen, (gpointer) id))
        continue;
      ancestor = zopa_scenario_find_clause (scenario, id, &draft);
      if (ancestor == NULL)
        continue;
      if (target == NULL || draft == target)
        g_hash_table_add (found, (gpointer) zopa_clause_get_id (ancestor));
      if (target != NULL && draft == target)
        continue;
      more = zopa_clause_get_derived_from (ancestor);
      for (guint k = 0; more != NULL && more[k] != NULL; k++)
        g_ptr_array_add (queue, (gpointer) more[k]);
    }
  return found;
}

static gboolean
sets_intersect (GHashTable *a,
                GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) > g_hash_table_size (b))
    return sets_intersect (b, a);
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (b, key))
      return TRUE;
  return FALSE;
}

/* "13(a)" and "13 A" are one number. */
static char *
normalize_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != '(' && c != ')' && c != '.')
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
draft_descends_from (ZopaScenario *scenario,
                     ZopaDraft    *draft,
                     ZopaDraft    *ancestor)
{
  guint steps = 0;
  guint n_drafts = g_list_model_get_n_items (zopa_scenario_get_drafts (scenario));

  /* A cycle in a broken file must not loop forever. */
  while (draft != NULL && steps++ <= n_drafts)
    {
      const char *parent = zopa_draft_get_derived_from (draft);

      draft = parent != NULL ? zopa_scenario_find_draft (scenario, parent) : NULL;
      if (draft == ancestor)
        return TRUE;
    }
  return FALSE;
}

/* link[r * n_left + l]: right clause r comes from left clause l. */
static gboolean *
link_clauses (ZopaComparison *self,
              ZopaScenario   *scenario,
              ZopaDraft      *left,
              ZopaDraft      *right)
{
  GListModel *lc = zopa_draft_get_clauses (left);
  GListModel *rc = zopa_draft_get_clauses (right);
  guint nl = self->n_left, nr = self->n_right;
  g_autofree gboolean *link = g_new0 (gboolean, MAX (nl * nr, 1));
  gboolean any = FALSE;

  if (left == right)
    {
      for (guint k = 0; k < nl; k++)
        link[k * nl + k] = TRUE;
      self->lineage = ZOPA_COMPARISON_LINEAGE_SAME;
      return g_steal_pointer (&link);
    }

  /* Right comes from left. */
  for (guint r = 0; r < nr; r++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (rc, r);
      g_autoptr(GHashTable) found = ancestors (scenario, clause, left);

      for (guint l = 0; l < nl; l++)
        if (g_hash_table_contains (found, self->left[l].id))
          link[r * nl + l] = any = TRUE;
    }
  if (any)
    {
      const char *parent = zopa_draft_get_derived_from (right);
      self->lineage = g_strcmp0 (parent, self->left_id) == 0 || !draft_descends_from (scenario, right, left)
                      ? ZOPA_COMPARISON_LINEAGE_DIRECT : ZOPA_COMPARISON_LINEAGE_CHAIN;
      return g_steal_pointer (&link);
    }

  /* Left comes from right: the newer draft is on the left. */
  for (guint l = 0; l < nl; l++)
    {
      g_autoptr(ZopaClause) clause = g_list_model_get_item (lc, l);
      g_autoptr(GHashTable) found = ancestors (scenario, clause, right);

      for (guint r = 0; r < nr; r++)
        if (g_hash_table_contains (found, self->right[r].id))
          link[r * nl + l] = any = TRUE;
    }
  if (any)
    {
      self->lineage = ZOPA_COMPARISON_LINEAGE_REVERSE;
      return g_steal_pointer (&link);
    }

  /* Siblings: a shared ancestor clause. */
  {
    g_autoptr(GPtrArray) left_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

    for (guint l = 0; l < nl; l++)
      {
        g_autoptr(ZopaClause) clause = g_list_model_get_item (lc, l);
        g_ptr_array_add (left_sets, ancestors (scenario, clause, NULL));
      }
    for (guint r = 0; r < nr; r++)
      {
        g_autoptr(ZopaClause) clause = g_list_model_get_item (rc, r);
        g_autoptr(GHashTable) mine = ancestors (scenario, clause, NULL);

        if (g_hash_table_size (mine) == 0)
          continue;
        for (guint l = 0; l < nl; l++)
          if (sets_intersect (mine, g_ptr_array_index (left_sets, l)))
            link[r * nl + l] = any = TRUE;
      }
  }
  if (any)
    {
      self->lineage = ZOPA_COMPARISON_LINEAGE_COMMON;
      return g_steal_pointer (&link);
    }

  /* Unrelated drafts: by number. */
  self->lineage = ZOPA_COMPARISON_LINEAGE_NUMBERS;
  for (guint r = 0; r < nr; r++)
    {
      g_autofree char *rn = normalize_number (self->right[r].number);

      if (*rn == '\0')
        continue;
      for (guint l = 0; l < nl; l++)
        {
          g_autofree char *ln = normalize_number (self->left[l].number);
          if (strcmp (rn, ln) == 0)
            link[r * nl + l] = TRUE;
        }
    }
  return g_steal_pointer (&link);
}

/* ---- Classifying ---------------------------------------------------------------------------- */

/* The text with every run of white space made one space, and none at either end. */
static char *
collapse_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint k = 0; words[k] != NULL; k++)
    if (*words[k])
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[k]);
      }
  return g_string_free (out, FALSE);
}

static gboolean
texts_equal (const char *a,
             const char *b)
{
  g_autofree char *ca = collapse_space (a);
  g_autofree char *cb = collapse_space (b);

  return strcmp (ca, cb) == 0;
}

static const ZopaComparisonSet *
find_set (const ZopaComparisonClause *clause,
          const char                 *issue_id)
{
  for (guint k = 0; k < clause->n_sets; k++)
    if (strcmp (clause->sets[k].issue_id, issue_id) == 0)
      return &clause->sets[k];
  return NULL;
}

static void
compute_set_changes (ZopaComparison    *self,
                     ZopaComparisonRow *row)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (ZopaComparisonSetChange));

  for (guint l = 0; l < row->n_left; l++)
    for (guint k = 0; k < row->left[l]->n_sets; k++)
      if (!g_ptr_array_find_with_equal_func (issues, row->left[l]->sets[k].issue_id, g_str_equal, NULL))
        g_ptr_array_add (issues, (gpointer) row->left[l]->sets[k].issue_id);
  if (row->right != NULL)
    for (guint k = 0; k < row->right->n_sets; k++)
      if (!g_ptr_array_find_with_equal_func (issues, row->right->sets[k].issue_id, g_str_equal, NULL))
        g_ptr_array_add (issues, (gpointer) row->right->sets[k].issue_id);

  for (guint i = 0; i < issues->len; i++)
    {
      const char *issue_id = g_ptr_array_index (issues, i);
      const ZopaComparisonSet *before = NULL, *after = NULL;
      ZopaComparisonSetChange change = { 0 };

      for (guint l = 0; l < row->n_left && before == NULL; l++)
        before = find_set (row->left[l], issue_id);
      if (row->right != NULL)
        after = find_set (row->right, issue_id);
      /* Every issue listed is set on one side at least. */
      if (before == NULL && after == NULL)
        continue;
      if (before != NULL && after != NULL && strcmp (before->option_id, after->option_id) == 0)
        continue;
      change.issue_id = issue_id;
      if (before != NULL)
        {
          change.issue_title = before->issue_title;
          change.left_option_id = before->option_id;
          change.left_option_label = before->option_label;
        }
      if (after != NULL)
        {
          change.issue_title = before != NULL ? before->issue_title : after->issue_title;
          change.right_option_id = after->option_id;
          change.right_option_label = after->option_label;
        }
      g_array_append_val (changes, change);
    }

  row->n_set_changes = changes->len;
  row->set_changes = block_new (self, changes->len * sizeof (ZopaComparisonSetChange));
  if (changes->len > 0)
    memcpy ((gpointer) row->set_changes, changes->data, changes->len * sizeof (ZopaComparisonSetChange));
}

static void
classify_row (ZopaComparisonRow *row)
{
  const ZopaComparisonClause *r = row->right;
  gboolean title_kept = FALSE, status_kept = FALSE;
  gboolean any_not_deleted = FALSE, any_not_bracketed = FALSE;

  if (r == NULL)
    {
      row->kind = ZOPA_COMPARISON_DROPPED;
      return;
    }
  if (row->n_left == 0)
    {
      row->kind = ZOPA_COMPARISON_ADDED;
      return;
    }

  for (guint l = 0; l < row->n_left; l++)
    {
      const ZopaComparisonClause *c = row->left[l];

      title_kept |= strcmp (c->title, r->title) == 0;
      status_kept |= c->status == r->status;
      any_not_deleted |= c->status != ZOPA_CLAUSE_DELETED;
      any_not_bracketed |= c->status != ZOPA_CLAUSE_BRACKETED;
    }
  if (row->n_left > 1)
    row->diff |= ZOPA_COMPARISON_DIFF_MERGED | ZOPA_COMPARISON_DIFF_TEXT;
  else if (!texts_equal (row->left[0]->text, r->text))
    row->diff |= ZOPA_COMPARISON_DIFF_TEXT;
  if (!title_kept)
    row->diff |= ZOPA_COMPARISON_DIFF_TITLE;
  if (!status_kept)
    row->diff |= ZOPA_COMPARISON_DIFF_STATUS;
  if (row->n_set_changes > 0)
    row->diff |= ZOPA_COMPARISON_DIFF_SETS;
  if (strcmp (row->left[0]->number, r->number) != 0)
    row->diff |= ZOPA_COMPARISON_DIFF_RENUMBERED;

  if (r->status == ZOPA_CLAUSE_DELETED && any_not_deleted)
    row->kind = ZOPA_COMPARISON_DELETED;
  else if (r->status == ZOPA_CLAUSE_BRACKETED && any_not_bracketed)
    row->kind = ZOPA_COMPARISON_BRACKETED;
  else if (row->diff & (ZOPA_COMPARISON_DIFF_TEXT | ZOPA_COMPARISON_DIFF_TITLE |
                        ZOPA_COMPARISON_DIFF_SETS | ZOPA_COMPARISON_DIFF_STATUS |
                        ZOPA_COMPARISON_DIFF_MERGED))
    row->kind = ZOPA_COMPARISON_CHANGED;
  else
    row->kind = ZOPA_COMPARISON_KEPT;
}

/* Rows whose left clause is out of order among the others moved: those outside a longest
 * non-decreasing run of left positions, taken in right order. */
static void
mark_moved (ZopaComparison *self)
{
  guint n = self->rows->len;
  g_autofree guint *pos = g_new0 (guint, MAX (n, 1));
  g_autofree guint *rows = g_new0 (guint, MAX (n, 1));
  g_autofree guint *length = g_new0 (guint, MAX (n, 1));
  g_autofree int *prev = g_new0 (int, MAX (n, 1));
  guint m = 0, best = 0;
  int at = -1;

  for (guint k = 0; k < n; k++)
    {
      ZopaComparisonRow *row = &g_array_index (self->rows, ZopaComparisonRow, k);
      if (row->right != NULL && row->n_left > 0)
        {
          pos[m] = row->left[0]->position;
          rows[m++] = k;
        }
    }
  for (guint i = 0; i < m; i++)
    {
      length[i] = 1;
      prev[i] = -1;
      for (guint j = 0; j < i; j++)
        if (pos[j] <= pos[i] && length[j] + 1 > length[i])
          {
            length[i] = length[j] + 1;
            prev[i] = (int) j;
          }
      if (length[i] > best)
        {
          best = length[i];
          at = (int) i;
        }
    }
  {
    g_autofree gboolean *in_run = g_new0 (gboolean, MAX (m, 1));

    for (; at >= 0; at = prev[at])
      in_run[at] = TRUE;
    for (guint i = 0; i < m; i++)
      if (!in_run[i])
        g_array_index (self->rows, ZopaComparisonRow, rows[i]).diff |= ZOPA_COMPARISON_DIFF_MOVED;
  }
}

static void
append_dropped (ZopaComparison *self,
                guint           l)
{
  ZopaComparisonRow row = { 0 };
  const ZopaComparisonClause **left = block_new (self, sizeof (gpointer));

  left[0] = &self->left[l];
  row.n_left = 1;
  row.left = left;
  compute_set_changes (self, &row);
  classify_row (&row);
  g_array_append_val (self->rows, row);
}

static void
build_rows (ZopaComparison *self,
            const gboolean *link)
{
  guint nl = self->n_left, nr = self->n_right;
  g_autofree guint *used = g_new0 (guint, MAX (nl, 1));     /* rows each left clause is in */
  g_autofree gboolean *shown = g_new0 (gboolean, MAX (nl, 1));
  guint next_dropped = 0;

  for (guint r = 0; r < nr; r++)
    for (guint l = 0; l < nl; l++)
      used[l] += link[r * nl + l] ? 1 : 0;

  for (guint r = 0; r < nr; r++)
    {
      ZopaComparisonRow row = { 0 };
      const ZopaComparisonClause **left = block_new (self, nl * sizeof (gpointer));
      int first = -1;

      for (guint l = 0; l < nl; l++)
        if (link[r * nl + l])
          {
            if (first < 0)
              first = (int) l;
            left[row.n_left++] = &self->left[l];
          }

      /* Left clauses that nothing comes from, up to this row's first left clause. */
      if (first >= 0)
        for (; next_dropped < (guint) first; next_dropped++)
          if (used[next_dropped] == 0)
            append_dropped (self, next_dropped);

      row.right = &self->right[r];
      row.left = left;
      for (guint k = 0; k < row.n_left; k++)
        {
          guint l = row.left[k]->position;

          if (shown[l])
            row.left_repeated = TRUE;
          shown[l] = TRUE;
          if (used[l] > 1)
            row.diff |= ZOPA_COMPARISON_DIFF_SPLIT;
        }
      compute_set_changes (self, &row);
      classify_row (&row);
      g_array_append_val (self->rows, row);
    }
  for (; next_dropped < nl; next_dropped++)
    if (used[next_dropped] == 0)
      append_dropped (self, next_dropped);

  mark_moved (self);
}

/* ---- Verdicts ------------------------------------------------------------------------------ */

static int
find_analysis_draft (ZopaAnalysis *analysis,
                     const char   *id)
{
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, d), id) == 0)
      return (int) d;
  return -1;
}

static int
trend (const ZopaDraftVerdict *left,
       const ZopaDraftVerdict *right)
{
  const double epsilon = 1e-9;

  if (!left->has_score || !right->has_score)
    return 0;
  if (right->worst_score > left->best_score + epsilon)
    return 1;
  if (right->best_score < left->worst_score - epsilon)
    return -1;
  return 0;
}

static gboolean
compute_verdicts (ZopaComparison *self,
                  ZopaScenario   *scenario,
                  GError        **error)
{
  ZopaAnalysis *analysis = self->analysis;
  int dl = find_analysis_draft (analysis, self->left_id);
  int dr = find_analysis_draft (analysis, self->right_id);

  if (dl < 0 || dr < 0)
    {
      g_set_error (error, ZOPA_COMPARISON_ERROR, ZOPA_COMPARISON_ERROR_ANALYSIS,
                   _("The analysis has no draft “%s”"), dl < 0 ? self->left_id : self->right_id);
      return FALSE;
    }

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    {
      ZopaComparisonActor actor = { 0 };
      ZopaActor *model = zopa_scenario_find_actor (scenario, zopa_analysis_get_actor_id (analysis, a));

      actor.actor = a;
      actor.id = zopa_analysis_get_actor_id (analysis, a);
      actor.name = zopa_analysis_get_actor_name (analysis, a);
      actor.color = intern (self, model != NULL && zopa_actor_get_color (model) != NULL
                                  ? zopa_actor_get_color (model) : "#808080");
      actor.left = zopa_analysis_get_verdict (analysis, dl, a);
      actor.right = zopa_analysis_get_verdict (analysis, dr, a);
      actor.verdict_changed = actor.left->verdict != actor.right->verdict;
      actor.trend = trend (actor.left, actor.right);
      g_array_append_val (self->actors, actor);
    }

  for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
    {
      int lo = zopa_analysis_get_draft_option (analysis, dl, i);
      int ro = zopa_analysis_get_draft_option (analysis, dr, i);
      ZopaComparisonIssue issue = { 0 };

      if (lo == ro)
        continue;
      issue.issue = i;
      issue.issue_id = zopa_analysis_get_issue_id (analysis, i);
      issue.issue_title = zopa_analysis_get_issue_title (analysis, i);
      if (lo >= 0)
        {
          issue.left_option_id = zopa_analysis_get_option_id (analysis, i, lo);
          issue.left_option_label = zopa_analysis_get_option_label (analysis, i, lo);
        }
      if (ro >= 0)
        {
          issue.right_option_id = zopa_analysis_get_option_id (analysis, i, ro);
          issue.right_option_label = zopa_analysis_get_option_label (analysis, i, ro);
        }
      g_array_append_val (self->issues, issue);
    }
  return TRUE;
}

/* ---- Construction --------------------------------------------------------------------------- */

ZopaComparison *
zopa_comparison_new (ZopaScenario  *scenario,
                     ZopaAnalysis  *analysis,
                     const char    *left_id,
                     const char    *right_id,
                     GError       **error)
{
  g_autoptr(ZopaComparison) self = NULL;
  g_autofree gboolean *link = NULL;
  ZopaDraft *left, *right;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (analysis == NULL || ZOPA_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (left_id != NULL && right_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  left = zopa_scenario_find_draft (scenario, left_id);
  right = zopa_scenario_find_draft (scenario, right_id);
  if (left == NULL || right == NULL)
    {
      g_set_error (error, ZOPA_COMPARISON_ERROR, ZOPA_COMPARISON_ERROR_UNKNOWN_DRAFT,
                   _("No draft “%s” in this scenario"), left == NULL ? left_id : right_id);
      return NULL;
    }

  self = g_object_new (ZOPA_TYPE_COMPARISON, NULL);
  self->scenario_title = intern (self, zopa_scenario_get_title (scenario) ? zopa_scenario_get_title (scenario) : "");
  self->left_id = intern (self, left_id);
  self->right_id = intern (self, right_id);
  self->left_title = intern (self, zopa_draft_get_title (left) && *zopa_draft_get_title (left)
                                   ? zopa_draft_get_title (left) : left_id);
  self->right_title = intern (self, zopa_draft_get_title (right) && *zopa_draft_get_title (right)
                                    ? zopa_draft_get_title (right) : right_id);
  self->left = copy_draft (self, scenario, left, &self->n_left);
  self->right = copy_draft (self, scenario, right, &self->n_right);
  self->n_left_points = zopa_points_count (left, NULL);
  self->n_right_points = zopa_points_count (right, NULL);

  link = link_clauses (self, scenario, left, right);
  build_rows (self, link);

  if (analysis != NULL)
    {
      self->analysis = g_object_ref (analysis);
      if (!compute_verdicts (self, scenario, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
zopa_comparison_default_pair (ZopaScenario  *scenario,
                              const char    *selected_id,
                              const char   **left_id,
                              const char   **right_id)
{
  GListModel *drafts;
  guint n;
  ZopaDraft *selected = NULL;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (left_id != NULL && right_id != NULL, FALSE);

  drafts = zopa_scenario_get_drafts (scenario);
  n = g_list_model_get_n_items (drafts);
  if (n == 0)
    return FALSE;

  if (selected_id != NULL)
    selected = zopa_scenario_find_draft (scenario, selected_id);
  if (selected != NULL)
    {
      const char *parent = zopa_draft_get_derived_from (selected);
      if (parent != NULL && zopa_scenario_find_draft (scenario, parent) != NULL)
        {
          *left_id = zopa_draft_get_id (zopa_scenario_find_draft (scenario, parent));
          *right_id = zopa_draft_get_id (selected);
          return TRUE;
        }
    }

  /* The last draft with a parent: in a scenario that grows by forking, the newest step. */
  for (guint k = n; k-- > 0;)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, k);
      const char *parent = zopa_draft_get_derived_from (draft);
      ZopaDraft *parent_draft = parent != NULL ? zopa_scenario_find_draft (scenario, parent) : NULL;

      if (parent_draft != NULL)
        {
          *left_id = zopa_draft_get_id (parent_draft);
          *right_id = zopa_draft_get_id (draft);
          return TRUE;
        }
    }

  {
    g_autoptr(ZopaDraft) first = g_list_model_get_item (drafts, 0);
    g_autoptr(ZopaDraft) second = g_list_model_get_item (drafts, n > 1 ? 1 : 0);

    *left_id = zopa_draft_get_id (first);
    *right_id = zopa_draft_get_id (second);
  }
  return TRUE;
}

/* ---- Accessors ------------------------------------------------------------------------------- */

const char *
zopa_comparison_get_scenario_title (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  return self->scenario_title;
}

ZopaAnalysis *
zopa_comparison_get_analysis (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  return self->analysis;
}

const char *
zopa_comparison_get_left_id (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  return self->left_id;
}

const char *
zopa_comparison_get_left_title (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  return self->left_title;
}

const char *
zopa_comparison_get_right_id (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  return self->right_id;
}

const char *
zopa_comparison_get_right_title (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  return self->right_title;
}

guint
zopa_comparison_get_n_left_clauses (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  return self->n_left;
}

guint
zopa_comparison_get_n_right_clauses (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  return self->n_right;
}

guint
zopa_comparison_get_n_left_points (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  return self->n_left_points;
}

guint
zopa_comparison_get_n_right_points (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  return self->n_right_points;
}

char *
zopa_comparison_format_sizes (ZopaComparison *self)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);

  left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", self->n_left_points),
                          self->n_left_points);
  right = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", self->n_right_points),
                           self->n_right_points);
  /* Translators: the size of the left draft, then of the right one, e.g. "28 points → 26 points" */
  return g_strdup_printf (_("%s → %s"), left, right);
}

ZopaComparisonLineage
zopa_comparison_get_lineage (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), ZOPA_COMPARISON_LINEAGE_NUMBERS);
  return self->lineage;
}

guint
zopa_comparison_get_n_rows (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  return self->rows->len;
}

const ZopaComparisonRow *
zopa_comparison_get_row (ZopaComparison *self,
                         guint           row)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, ZopaComparisonRow, row);
}

guint
zopa_comparison_count (ZopaComparison     *self,
                       ZopaComparisonKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  for (guint k = 0; k < self->rows->len; k++)
    n += g_array_index (self->rows, ZopaComparisonRow, k).kind == kind;
  return n;
}

guint
zopa_comparison_count_diff (ZopaComparison     *self,
                            ZopaComparisonDiff  diff)
{
  guint n = 0;

  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  for (guint k = 0; k < self->rows->len; k++)
    n += (g_array_index (self->rows, ZopaComparisonRow, k).diff & diff) != 0;
  return n;
}

guint
zopa_comparison_get_n_actors (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  return self->actors->len;
}

const ZopaComparisonActor *
zopa_comparison_get_actor (ZopaComparison *self,
                           guint           actor)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);
  return &g_array_index (self->actors, ZopaComparisonActor, actor);
}

guint
zopa_comparison_get_n_issues (ZopaComparison *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), 0);
  return self->issues->len;
}

const ZopaComparisonIssue *
zopa_comparison_get_issue (ZopaComparison *self,
                           guint           issue)
{
  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (issue < self->issues->len, NULL);
  return &g_array_index (self->issues, ZopaComparisonIssue, issue);
}

/* ---- Texts ------------------------------------------------------------------------------------- */

static const char *
status_label (ZopaClauseStatus status)
{
  switch (status)
    {
    case ZOPA_CLAUSE_AGREED:    return C_("clause status", "agreed");
    case ZOPA_CLAUSE_BRACKETED: return C_("clause status", "bracketed");
    case ZOPA_CLAUSE_DELETED:   return C_("clause status", "deleted");
    default:
      g_return_val_if_reached ("");
    }
}

char *
zopa_comparison_format_verdict (const ZopaDraftVerdict *verdict)
{
  g_return_val_if_fail (verdict != NULL, NULL);

  if (!verdict->has_score)
    return g_strdup (zopa_format_verdict (verdict->verdict));
  if (fabs (verdict->best_score - verdict->worst_score) < 0.05)
    /* Translators: a verdict and a score, "rejects 24.8" */
    return g_strdup_printf (C_("verdict and score", "%s %.1f"), zopa_format_verdict (verdict->verdict),
                            verdict->best_score);
  /* Translators: a verdict and the range of scores over the open issues, "depends 25–91" */
  return g_strdup_printf (C_("verdict and score range", "%s %.0f–%.0f"), zopa_format_verdict (verdict->verdict),
                          verdict->worst_score, verdict->best_score);
}

char *
zopa_comparison_format_actor (const ZopaComparisonActor *actor)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  g_return_val_if_fail (actor != NULL, NULL);
  left = zopa_comparison_format_verdict (actor->left);
  right = zopa_comparison_format_verdict (actor->right);
  /* Translators: the verdict on the left draft, then on the right one */
  return g_strdup_printf (_("%s → %s"), left, right);
}

char *
zopa_comparison_format_counts (ZopaComparison *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);

#define ADD_COUNT(kind, singular, plural) \
  if ((n = zopa_comparison_count (self, kind)) > 0) \
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, singular, plural, n), n))
  ADD_COUNT (ZOPA_COMPARISON_KEPT, N_("%u kept"), N_("%u kept"));
  ADD_COUNT (ZOPA_COMPARISON_CHANGED, N_("%u changed"), N_("%u changed"));
  ADD_COUNT (ZOPA_COMPARISON_BRACKETED, N_("%u bracketed"), N_("%u bracketed"));
  ADD_COUNT (ZOPA_COMPARISON_DELETED, N_("%u deleted"), N_("%u deleted"));
  ADD_COUNT (ZOPA_COMPARISON_DROPPED, N_("%u dropped"), N_("%u dropped"));
  ADD_COUNT (ZOPA_COMPARISON_ADDED, N_("%u added"), N_("%u added"));
#undef ADD_COUNT
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Words added and removed between two texts, by a longest common subsequence of words;
 * FALSE when the texts are too long to be worth it. */
static gboolean
count_word_changes (const char *before,
                    const char *after,
                    guint      *added,
                    guint      *removed)
{
  g_auto(GStrv) a = g_strsplit_set (before, " \t\n\r", -1);
  g_auto(GStrv) b = g_strsplit_set (after, " \t\n\r", -1);
  g_autoptr(GPtrArray) wa = g_ptr_array_new ();
  g_autoptr(GPtrArray) wb = g_ptr_array_new ();
  g_autofree guint *lcs = NULL;
  guint n, m;

  for (guint k = 0; a[k] != NULL; k++)
    if (*a[k])
      g_ptr_array_add (wa, a[k]);
  for (guint k = 0; b[k] != NULL; k++)
    if (*b[k])
      g_ptr_array_add (wb, b[k]);
  n = wa->len;
  m = wb->len;
  if ((guint64) (n + 1) * (m + 1) > WORD_DIFF_MAX_CELLS)
    return FALSE;

  lcs = g_new0 (guint, (n + 1) * (m + 1));
  for (guint i = n; i-- > 0;)
    for (guint j = m; j-- > 0;)
      lcs[i * (m + 1) + j] = strcmp (wa->pdata[i], wb->pdata[j]) == 0
                             ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                             : MAX (lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
  *removed = n - lcs[0];
  *added = m - lcs[0];
  return TRUE;
}

static char *
join_numbers (const ZopaComparisonRow *row)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint l = 0; l < row->n_left; l++)
    {
      if (l > 0)
        g_string_append (out, ", ");
      g_string_append (out, row->left[l]->number);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
zopa_comparison_describe_row (ZopaComparison          *self,
                              const ZopaComparisonRow *row)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  if (row->kind == ZOPA_COMPARISON_DROPPED)
    g_ptr_array_add (lines, g_strdup_printf (_("no clause of “%s” comes from it"), self->right_title));
  /* A bracketed or deleted row says its new status already. */
  if (row->diff & ZOPA_COMPARISON_DIFF_STATUS && row->right != NULL && row->n_left > 0 &&
      row->kind != ZOPA_COMPARISON_BRACKETED && row->kind != ZOPA_COMPARISON_DELETED)
    g_ptr_array_add (lines, g_strdup_printf (_("status %s → %s"), status_label (row->left[0]->status),
                                             status_label (row->right->status)));

  for (guint k = 0; k < row->n_set_changes; k++)
    {
      const ZopaComparisonSetChange *c = &row->set_changes[k];

      if (c->left_option_id == NULL)
        /* Translators: a clause now sets an issue to an option, "sets Territory: Line of contact" */
        g_ptr_array_add (lines, g_strdup_printf (_("sets %s: %s"), c->issue_title, c->right_option_label));
      else if (c->right_option_id == NULL)
        g_ptr_array_add (lines, g_strdup_printf (row->right != NULL ? _("no longer sets %s (was: %s)")
                                                                    : _("set %s: %s"),
                                                 c->issue_title, c->left_option_label));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("sets %s: %s → %s"), c->issue_title,
                                                 c->left_option_label, c->right_option_label));
    }

  if (row->diff & ZOPA_COMPARISON_DIFF_TITLE && row->n_left == 1)
    g_ptr_array_add (lines, g_strdup_printf (_("title “%s” → “%s”"), row->left[0]->title, row->right->title));
  if (row->diff & ZOPA_COMPARISON_DIFF_MERGED)
    {
      g_autofree char *numbers = join_numbers (row);
      g_ptr_array_add (lines, g_strdup_printf (_("merges clauses %s"), numbers));
    }
  else if (row->diff & ZOPA_COMPARISON_DIFF_TEXT)
    {
      guint added = 0, removed = 0;

      if (count_word_changes (row->left[0]->text, row->right->text, &added, &removed))
        {
          g_autofree char *plus = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word added", "%u words added", added), added);
          g_autofree char *minus = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", removed), removed);
          /* Translators: "text changed: 40 words added, 12 removed" */
          g_ptr_array_add (lines, g_strdup_printf (_("text changed: %s, %s"), plus, minus));
        }
      else
        g_ptr_array_add (lines, g_strdup (_("text changed")));
    }
  if (row->diff & ZOPA_COMPARISON_DIFF_SPLIT && row->n_left > 0)
    g_ptr_array_add (lines, g_strdup_printf (_("one of several clauses from %s"), row->left[0]->number));
  if (row->diff & ZOPA_COMPARISON_DIFF_RENUMBERED)
    g_ptr_array_add (lines, g_strdup_printf (_("renumbered %s → %s"), row->left[0]->number, row->right->number));
  if (row->diff & ZOPA_COMPARISON_DIFF_MOVED)
    g_ptr_array_add (lines, g_strdup (_("moved")));

  if (lines->len == 0)
    return NULL;
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* ---- JSON ----------------------------------------------------------------------------------------- */

static void
add_score (JsonBuilder *builder,
           const char  *name,
           double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, round (value * 100) / 100);
}

static void
add_verdict (JsonBuilder            *builder,
             const ZopaDraftVerdict *v)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, zopa_verdict_to_string (v->verdict));
  if (v->has_score)
    {
      add_score (builder, "best_score", v->best_score);
      add_score (builder, "worst_score", v->worst_score);
    }
  json_builder_end_object (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
zopa_comparison_to_json (ZopaComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const struct { ZopaComparisonDiff flag; const char *name; } diff_names[] = {
    { ZOPA_COMPARISON_DIFF_TEXT, "text" },
    { ZOPA_COMPARISON_DIFF_TITLE, "title" },
    { ZOPA_COMPARISON_DIFF_SETS, "sets" },
    { ZOPA_COMPARISON_DIFF_STATUS, "status" },
    { ZOPA_COMPARISON_DIFF_RENUMBERED, "renumbered" },
    { ZOPA_COMPARISON_DIFF_MOVED, "moved" },
    { ZOPA_COMPARISON_DIFF_MERGED, "merged" },
    { ZOPA_COMPARISON_DIFF_SPLIT, "split" },
  };

  g_return_val_if_fail (ZOPA_IS_COMPARISON (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, self->scenario_title);
  add_string_or_null (builder, "variant", self->analysis ? zopa_analysis_get_variant_id (self->analysis) : NULL);
  json_builder_set_member_name (builder, "left");
  json_builder_add_string_value (builder, self->left_id);
  json_builder_set_member_name (builder, "right");
  json_builder_add_string_value (builder, self->right_id);
  json_builder_set_member_name (builder, "lineage");
  json_builder_add_string_value (builder, zopa_comparison_lineage_to_string (self->lineage));

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint k = 0; k < ZOPA_COMPARISON_N_KINDS; k++)
    {
      json_builder_set_member_name (builder, kind_names[k]);
      json_builder_add_int_value (builder, zopa_comparison_count (self, k));
    }
  json_builder_set_member_name (builder, "renumbered");
  json_builder_add_int_value (builder, zopa_comparison_count_diff (self, ZOPA_COMPARISON_DIFF_RENUMBERED));
  json_builder_set_member_name (builder, "moved");
  json_builder_add_int_value (builder, zopa_comparison_count_diff (self, ZOPA_COMPARISON_DIFF_MOVED));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint k = 0; k < self->rows->len; k++)
    {
      const ZopaComparisonRow *row = &g_array_index (self->rows, ZopaComparisonRow, k);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_names[row->kind]);
      json_builder_set_member_name (builder, "left");
      json_builder_begin_array (builder);
      for (guint l = 0; l < row->n_left; l++)
        json_builder_add_string_value (builder, row->left[l]->id);
      json_builder_end_array (builder);
      add_string_or_null (builder, "right", row->right ? row->right->id : NULL);
      json_builder_set_member_name (builder, "diff");
      json_builder_begin_array (builder);
      for (guint d = 0; d < G_N_ELEMENTS (diff_names); d++)
        if (row->diff & diff_names[d].flag)
          json_builder_add_string_value (builder, diff_names[d].name);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "set_changes");
      json_builder_begin_array (builder);
      for (guint c = 0; c < row->n_set_changes; c++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "issue");
          json_builder_add_string_value (builder, row->set_changes[c].issue_id);
          add_string_or_null (builder, "from", row->set_changes[c].left_option_id);
          add_string_or_null (builder, "to", row->set_changes[c].right_option_id);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint a = 0; a < self->actors->len; a++)
    {
      const ZopaComparisonActor *actor = &g_array_index (self->actors, ZopaComparisonActor, a);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, actor->id);
      json_builder_set_member_name (builder, "left");
      add_verdict (builder, actor->left);
      json_builder_set_member_name (builder, "right");
      add_verdict (builder, actor->right);
      json_builder_set_member_name (builder, "verdict_changed");
      json_builder_add_boolean_value (builder, actor->verdict_changed);
      json_builder_set_member_name (builder, "trend");
      json_builder_add_string_value (builder, actor->trend > 0 ? "up" : actor->trend < 0 ? "down" : "mixed");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->issues->len; i++)
    {
      const ZopaComparisonIssue *issue = &g_array_index (self->issues, ZopaComparisonIssue, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "issue");
      json_builder_add_string_value (builder, issue->issue_id);
      add_string_or_null (builder, "from", issue->left_option_id);
      add_string_or_null (builder, "to", issue->right_option_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
