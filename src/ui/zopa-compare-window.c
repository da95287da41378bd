/* zopa-compare-window.c: two drafts side by side, with the verdict changes per actor */

#include "config.h"

#include <glib/gi18n.h>

#include "diagram/zopa-comparison-render.h"
#include "zopa-actor-swatch.h"
#include "zopa-compare-window-private.h"

/* The look of cards, badges and notes is in resources/style.css. */
static const char * const kind_classes[ZOPA_COMPARISON_N_KINDS] = {
  "kept", "changed", "bracketed", "deleted", "dropped", "added",
};

G_DEFINE_FINAL_TYPE (ZopaCompareWindow, zopa_compare_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LEFT_DRAFT,
  PROP_RIGHT_DRAFT,
  PROP_ONLY_CHANGES,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ZopaScenario *
scenario_of (ZopaCompareWindow *self)
{
  return zopa_session_get_scenario (self->session);
}

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* ---- The summary ------------------------------------------------------------------------- */

static GtkWidget *
make_actor_card (const ZopaComparisonActor *actor)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = zopa_actor_swatch_new (12);
  GtkWidget *name = make_label (actor->name, "heading", FALSE);
  g_autofree char *change = zopa_comparison_format_actor (actor);
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "compare-actor");

  zopa_actor_swatch_set_color (ZOPA_ACTOR_SWATCH (dot), actor->color);
  gtk_box_append (GTK_BOX (head), dot);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (head), name);
  if (actor->trend != 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (actor->trend > 0 ? "pan-up-symbolic" : "pan-down-symbolic");

      gtk_widget_add_css_class (icon, actor->trend > 0 ? "success" : "error");
      gtk_widget_set_tooltip_text (icon, actor->trend > 0 ? _("Scores higher on the right draft, whatever the open issues")
                                                          : _("Scores lower on the right draft, whatever the open issues"));
      gtk_box_append (GTK_BOX (head), icon);
    }
  gtk_box_append (GTK_BOX (card), head);
  gtk_box_append (GTK_BOX (card), make_label (change, NULL, TRUE));
  details = g_strdup_printf (_("%s · red lines %u → %u"),
                             actor->verdict_changed ? _("verdict changed") : _("verdict unchanged"),
                             actor->left->n_violations, actor->right->n_violations);
  gtk_box_append (GTK_BOX (card), make_label (details, "caption", TRUE));
  gtk_widget_add_css_class (gtk_widget_get_last_child (card), "dim-label");

  description = g_strdup_printf ("%s: %s. %s", actor->name, change, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return card;
}

static void
update_summary (ZopaCompareWindow *self)
{
  ZopaComparison *c = self->comparison;
  ZopaAnalysis *analysis;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  guint n_issues;

  remove_all_children (GTK_WIDGET (self->actors_box));
  remove_all_children (GTK_WIDGET (self->issues_grid));
  if (c == NULL)
    {
      gtk_label_set_text (self->counts_label, _("The scenario has no drafts to compare."));
      gtk_label_set_text (self->lineage_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->issues_expander), FALSE);
      gtk_label_set_text (self->left_heading, "");
      gtk_label_set_text (self->right_heading, "");
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  analysis = zopa_comparison_get_analysis (c);
  counts = zopa_comparison_format_counts (c);
  text = g_strdup_printf (_("%u clauses → %u clauses: %s"), zopa_comparison_get_n_left_clauses (c),
                          zopa_comparison_get_n_right_clauses (c), counts);
  gtk_label_set_text (self->counts_label, text);
  gtk_label_set_text (self->lineage_label, zopa_comparison_lineage_to_label (zopa_comparison_get_lineage (c)));

  subtitle = g_strdup_printf ("%s → %s · %s", zopa_comparison_get_left_title (c), zopa_comparison_get_right_title (c),
                              analysis != NULL && zopa_analysis_get_variant_id (analysis) != NULL
                              ? zopa_analysis_get_variant_title (analysis) : _("Base scenario"));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint a = 0; a < zopa_comparison_get_n_actors (c); a++)
    gtk_flow_box_append (self->actors_box, make_actor_card (zopa_comparison_get_actor (c, a)));
  /* All actors in one line up to four; two lines of three for six. */
  {
    guint n = zopa_comparison_get_n_actors (c);
    guint per_line = MAX (1, n <= 4 ? n : (n + 1) / 2);

    gtk_flow_box_set_min_children_per_line (self->actors_box, per_line);
    gtk_flow_box_set_max_children_per_line (self->actors_box, per_line);
  }

  n_issues = zopa_comparison_get_n_issues (c);
  gtk_widget_set_visible (GTK_WIDGET (self->issues_expander), analysis != NULL);
  {
    g_autofree char *label = n_issues == 0
                             ? g_strdup (_("Both drafts fix every issue the same way"))
                             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u issue fixed differently",
                                                             "%u issues fixed differently", n_issues), n_issues);
    gtk_expander_set_label (self->issues_expander, label);
  }
  for (guint i = 0; i < n_issues; i++)
    {
      const ZopaComparisonIssue *issue = zopa_comparison_get_issue (c, i);
      GtkWidget *title = make_label (issue->issue_title, "heading", TRUE);
      GtkWidget *from = make_label (issue->left_option_label ? issue->left_option_label : _("open"),
                                    issue->left_option_label ? "dim-label" : "compare-open", TRUE);
      GtkWidget *to = make_label (issue->right_option_label ? issue->right_option_label : _("open"),
                                  issue->right_option_label ? NULL : "compare-open", TRUE);

      gtk_widget_set_size_request (title, 180, -1);
      gtk_widget_set_valign (title, GTK_ALIGN_START);
      gtk_widget_set_valign (from, GTK_ALIGN_START);
      gtk_widget_set_valign (to, GTK_ALIGN_START);
      gtk_widget_set_hexpand (from, TRUE);
      gtk_widget_set_hexpand (to, TRUE);
      gtk_grid_attach (self->issues_grid, title, 0, i, 1, 1);
      gtk_grid_attach (self->issues_grid, from, 1, i, 1, 1);
      gtk_grid_attach (self->issues_grid, make_label ("→", "dim-label", FALSE), 2, i, 1, 1);
      gtk_grid_attach (self->issues_grid, to, 3, i, 1, 1);
    }

  left = g_strdup_printf ("%s (%s)", zopa_comparison_get_left_title (c), zopa_comparison_get_left_id (c));
  right = g_strdup_printf ("%s (%s)", zopa_comparison_get_right_title (c), zopa_comparison_get_right_id (c));
  gtk_label_set_text (self->left_heading, left);
  gtk_label_set_text (self->right_heading, right);
}

/* ---- The clause rows ----------------------------------------------------------------------- */

static GtkWidget *
make_placeholder (const char *message)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = make_label (message, "dim-label", TRUE);

  gtk_widget_add_css_class (box, "compare-placeholder");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static char *
sets_markup (const ZopaComparisonRow    *row,
             const ZopaComparisonClause *clause)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < clause->n_sets; k++)
    {
      const ZopaComparisonSet *set = &clause->sets[k];
      g_autofree char *line = g_markup_printf_escaped ("%s: %s", set->issue_title, set->option_label);
      gboolean changed = FALSE;

      for (guint j = 0; j < row->n_set_changes; j++)
        changed |= g_strcmp0 (row->set_changes[j].issue_id, set->issue_id) == 0;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, changed ? "<b>%s</b>" : "%s", line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
make_clause_card (const ZopaComparisonRow    *row,
                  const ZopaComparisonClause *clause,
                  gboolean                    is_right,
                  const char                 *note)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = make_label (*clause->number ? clause->number : "·", "heading", FALSE);
  GtkWidget *title = make_label (clause->title, "heading", TRUE);
  GtkWidget *text;

  gtk_widget_add_css_class (card, "compare-card");
  if (clause->status == ZOPA_CLAUSE_BRACKETED)
    gtk_widget_add_css_class (card, "bracketed");
  else if (clause->status == ZOPA_CLAUSE_DELETED)
    gtk_widget_add_css_class (card, "deleted");
  if (is_right && row->kind == ZOPA_COMPARISON_CHANGED)
    gtk_widget_add_css_class (card, "changed-side");
  else if (is_right && row->kind == ZOPA_COMPARISON_ADDED)
    gtk_widget_add_css_class (card, "added-side");

  if (!is_right)
    gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), number);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (head), title);
  if (clause->status != ZOPA_CLAUSE_AGREED)
    {
      GtkWidget *tag = make_label (clause->status == ZOPA_CLAUSE_BRACKETED ? C_("clause status", "bracketed")
                                                                          : C_("clause status", "deleted"),
                                   "compare-tag", FALSE);
      gtk_widget_add_css_class (tag, zopa_clause_status_to_string (clause->status));
      gtk_widget_set_valign (tag, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (head), tag);
    }
  gtk_box_append (GTK_BOX (card), head);

  if (*clause->text)
    {
      if (clause->status == ZOPA_CLAUSE_DELETED)
        {
          g_autofree char *markup = g_markup_printf_escaped ("<s>%s</s>", clause->text);
          text = make_label (NULL, NULL, TRUE);
          gtk_label_set_markup (GTK_LABEL (text), markup);
        }
      else
        text = make_label (clause->text, NULL, TRUE);
      if (!is_right || clause->status != ZOPA_CLAUSE_AGREED)
        gtk_widget_add_css_class (text, "dim-label");
      gtk_box_append (GTK_BOX (card), text);
    }

  if (clause->n_sets > 0)
    {
      g_autofree char *markup = sets_markup (row, clause);
      GtkWidget *sets = make_label (NULL, "caption", TRUE);

      gtk_label_set_markup (GTK_LABEL (sets), markup);
      /* Settings that did not change step back; changed ones are bold. */
      if (row->n_set_changes == 0)
        gtk_widget_add_css_class (sets, "dim-label");
      gtk_box_append (GTK_BOX (card), sets);
    }

  if (note != NULL)
    {
      GtkWidget *label = make_label (note, "compare-note", TRUE);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, kind_classes[row->kind]);
      gtk_box_append (GTK_BOX (card), label);
    }
  return card;
}

static GtkWidget *
make_row (ZopaComparisonRow const *row,
          ZopaComparison          *comparison)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 130);
  GtkWidget *left, *right, *badge;
  g_autofree char *note = zopa_comparison_describe_row (comparison, row);
  g_autofree char *description = NULL;

  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_widget_set_margin_top (columns, 6);
  gtk_widget_set_margin_bottom (columns, 6);
  gtk_widget_set_margin_start (columns, 6);
  gtk_widget_set_margin_end (columns, 6);

  if (row->n_left == 0)
    left = make_placeholder (_("New: no clause of the left draft comes before it"));
  else if (row->left_repeated)
    {
      g_autofree char *again = g_strdup_printf (_("↳ %s %s, as above"), row->left[0]->number, row->left[0]->title);
      left = make_placeholder (again);
      gtk_widget_set_valign (left, GTK_ALIGN_START);
    }
  else
    left = make_clause_card (row, row->left[0], FALSE, row->right == NULL ? note : NULL);
  if (row->right != NULL)
    right = make_clause_card (row, row->right, TRUE, note);
  else
    right = make_placeholder (_("Nothing on the right comes from it"));
  gtk_box_append (GTK_BOX (columns), left);
  gtk_box_append (GTK_BOX (columns), right);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), columns);

  badge = gtk_label_new (zopa_comparison_kind_to_label (row->kind));
  gtk_widget_add_css_class (badge, "compare-badge");
  gtk_widget_add_css_class (badge, kind_classes[row->kind]);
  gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_margin_top (badge, 16);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), badge);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), overlay);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);

  /* One sentence for screen readers: kind, the clauses, what changed. */
  description = g_strdup_printf ("%s: %s → %s. %s", zopa_comparison_kind_to_label (row->kind),
                                 row->n_left > 0 ? row->left[0]->title : "–",
                                 row->right != NULL ? row->right->title : "–",
                                 note != NULL ? note : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return list_row;
}

static gboolean
row_is_shown (ZopaCompareWindow       *self,
              const ZopaComparisonRow *row)
{
  if (!gtk_toggle_button_get_active (self->only_changes_button))
    return TRUE;
  return row->kind != ZOPA_COMPARISON_KEPT || (row->diff & ~ZOPA_COMPARISON_DIFF_SPLIT) != 0;
}

/* Everything a row shows, so an edit rebuilds only the rows it changed. */
static char *
row_signature (ZopaComparison          *comparison,
               const ZopaComparisonRow *row)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *note = zopa_comparison_describe_row (comparison, row);
  const ZopaComparisonClause *clauses[2] = { row->n_left > 0 ? row->left[0] : NULL, row->right };

  g_string_append_printf (out, "%d|%d|%d|%u|%s", row->kind, row->diff, row->left_repeated, row->n_left,
                          note != NULL ? note : "");
  for (guint k = 0; k < G_N_ELEMENTS (clauses); k++)
    {
      const ZopaComparisonClause *c = clauses[k];

      if (c == NULL)
        {
          g_string_append (out, "\x1f-");
          continue;
        }
      g_string_append_printf (out, "\x1f%s\x1e%s\x1e%s\x1e%s\x1e%d", c->id, c->number, c->title, c->text, c->status);
      for (guint j = 0; j < c->n_sets; j++)
        g_string_append_printf (out, "\x1e%s=%s", c->sets[j].issue_title,
                                c->sets[j].option_label);
    }
  for (guint j = 0; j < row->n_set_changes; j++)
    g_string_append_printf (out, "\x1d%s", row->set_changes[j].issue_id);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
update_rows (ZopaCompareWindow *self)
{
  ZopaComparison *c = self->comparison;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  guint position = 0;

  /* The rows there are, by what they show. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *signature = g_object_get_data (G_OBJECT (child), "signature");
      GPtrArray *same;

      if (signature == NULL)
        continue;
      same = g_hash_table_lookup (existing, signature);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (existing, (gpointer) signature, same);
        }
      g_ptr_array_add (same, child);
    }

  /* The rows wanted, reusing those that show the same. */
  self->n_rows = 0;
  for (guint k = 0; c != NULL && k < zopa_comparison_get_n_rows (c); k++)
    {
      const ZopaComparisonRow *row = zopa_comparison_get_row (c, k);
      g_autofree char *signature = NULL;
      GPtrArray *same;
      GtkWidget *widget;

      if (!row_is_shown (self, row))
        continue;
      signature = row_signature (c, row);
      same = g_hash_table_lookup (existing, signature);
      if (same != NULL && same->len > 0)
        {
          widget = g_object_ref (g_ptr_array_index (same, 0));
          g_ptr_array_remove_index (same, 0);
        }
      else
        {
          widget = g_object_ref_sink (make_row (row, c));
          g_object_set_data_full (G_OBJECT (widget), "signature", g_steal_pointer (&signature), g_free);
        }
      g_ptr_array_add (wanted, widget);
      self->n_rows++;
    }

  /* Take out what is not wanted, then put the wanted rows in order. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (!g_ptr_array_find (wanted, child, NULL))
        gtk_list_box_remove (self->clause_list, child);
      child = next;
    }
  for (position = 0; position < wanted->len; position++)
    {
      GtkWidget *widget = g_ptr_array_index (wanted, position);
      GtkListBoxRow *current = gtk_list_box_get_row_at_index (self->clause_list, position);

      if (GTK_WIDGET (current) == widget)
        continue;
      if (gtk_widget_get_parent (widget) != NULL)
        gtk_list_box_remove (self->clause_list, widget);
      gtk_list_box_insert (self->clause_list, widget, position);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clause_list), self->n_rows > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), c != NULL && self->n_rows == 0);
}

/* ---- Following the session ----------------------------------------------------------------- */

static void
rebuild (ZopaCompareWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->comparison);
  if (self->left_id != NULL && self->right_id != NULL)
    self->comparison = zopa_comparison_new (scenario_of (self), zopa_session_get_analysis (self->session),
                                            self->left_id, self->right_id, &error);
  if (error != NULL)
    g_debug ("No comparison: %s", error->message);
  update_summary (self);
  update_rows (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", self->comparison != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.swap", self->comparison != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

static guint
draft_position (ZopaCompareWindow *self,
                const char        *id)
{
  for (guint k = 0; id != NULL && k < self->draft_ids->len; k++)
    if (g_strcmp0 (g_ptr_array_index (self->draft_ids, k), id) == 0)
      return k;
  return GTK_INVALID_LIST_POSITION;
}

/* Fills the drop-downs from the scenario's drafts and makes the chosen ids valid. */
static void
fill_dropdowns (ZopaCompareWindow *self)
{
  GListModel *drafts = zopa_scenario_get_drafts (scenario_of (self));
  g_autoptr(GtkStringList) left_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) right_names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->draft_ids, 0);
  for (guint k = 0; k < g_list_model_get_n_items (drafts); k++)
    {
      g_autoptr(ZopaDraft) draft = g_list_model_get_item (drafts, k);
      const char *title = zopa_draft_get_title (draft);

      g_ptr_array_add (self->draft_ids, g_strdup (zopa_draft_get_id (draft)));
      gtk_string_list_append (left_names, title != NULL && *title ? title : zopa_draft_get_id (draft));
      gtk_string_list_append (right_names, title != NULL && *title ? title : zopa_draft_get_id (draft));
    }

  if (draft_position (self, self->left_id) == GTK_INVALID_LIST_POSITION ||
      draft_position (self, self->right_id) == GTK_INVALID_LIST_POSITION)
    {
      const char *left = NULL, *right = NULL;

      if (zopa_comparison_default_pair (scenario_of (self), zopa_session_get_selected_draft (self->session),
                                        &left, &right))
        {
          g_free (self->left_id);
          self->left_id = g_strdup (left);
          g_free (self->right_id);
          self->right_id = g_strdup (right);
        }
      else
        {
          g_clear_pointer (&self->left_id, g_free);
          g_clear_pointer (&self->right_id, g_free);
        }
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->left_dropdown, G_LIST_MODEL (left_names));
  gtk_drop_down_set_model (self->right_dropdown, G_LIST_MODEL (right_names));
  gtk_drop_down_set_selected (self->left_dropdown, draft_position (self, self->left_id));
  gtk_drop_down_set_selected (self->right_dropdown, draft_position (self, self->right_id));
  self->updating = FALSE;
}

static void
on_analysis_changed (ZopaCompareWindow *self)
{
  fill_dropdowns (self);
  rebuild (self);
}

static void
on_dropdown_changed (ZopaCompareWindow *self)
{
  guint left = gtk_drop_down_get_selected (self->left_dropdown);
  guint right = gtk_drop_down_get_selected (self->right_dropdown);

  if (self->updating || left >= self->draft_ids->len || right >= self->draft_ids->len)
    return;
  g_free (self->left_id);
  self->left_id = g_strdup (g_ptr_array_index (self->draft_ids, left));
  g_free (self->right_id);
  self->right_id = g_strdup (g_ptr_array_index (self->draft_ids, right));
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_DRAFT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIGHT_DRAFT]);
}

static void
on_filter_changed (ZopaCompareWindow *self)
{
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_CHANGES]);
}

/* ---- Object ---------------------------------------------------------------------------------------- */

static void
zopa_compare_window_dispose (GObject *object)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->comparison);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (zopa_compare_window_parent_class)->dispose (object);
}

static void
zopa_compare_window_finalize (GObject *object)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  g_clear_pointer (&self->left_id, g_free);
  g_clear_pointer (&self->right_id, g_free);
  g_clear_pointer (&self->draft_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (zopa_compare_window_parent_class)->finalize (object);
}

static void
zopa_compare_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LEFT_DRAFT:
      g_value_set_string (value, self->left_id);
      break;
    case PROP_RIGHT_DRAFT:
      g_value_set_string (value, self->right_id);
      break;
    case PROP_ONLY_CHANGES:
      g_value_set_boolean (value, zopa_compare_window_get_only_changes (self));
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_compare_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_LEFT_DRAFT:
      zopa_compare_window_set_drafts (self, g_value_get_string (value), self->right_id);
      break;
    case PROP_RIGHT_DRAFT:
      zopa_compare_window_set_drafts (self, self->left_id, g_value_get_string (value));
      break;
    case PROP_ONLY_CHANGES:
      zopa_compare_window_set_only_changes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_compare_window_constructed (GObject *object)
{
  ZopaCompareWindow *self = ZOPA_COMPARE_WINDOW (object);

  G_OBJECT_CLASS (zopa_compare_window_parent_class)->constructed (object);

  g_return_if_fail (ZOPA_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "notify::analysis", G_CALLBACK (on_analysis_changed), self,
                           G_CONNECT_SWAPPED);
  fill_dropdowns (self);
  rebuild (self);
}

static void
zopa_compare_window_class_init (ZopaCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_compare_window_dispose;
  object_class->finalize = zopa_compare_window_finalize;
  object_class->get_property = zopa_compare_window_get_property;
  object_class->set_property = zopa_compare_window_set_property;
  object_class->constructed = zopa_compare_window_constructed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ZOPA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT_DRAFT] =
    g_param_spec_string ("left-draft", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RIGHT_DRAFT] =
    g_param_spec_string ("right-draft", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_CHANGES] =
    g_param_spec_boolean ("only-changes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, ZOPA_TYPE_COMPARISON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, only_changes_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, lineage_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, actors_box);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, issues_expander);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, issues_grid);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, left_heading);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, right_heading);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, clause_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaCompareWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "compare.export", NULL, zopa_compare_window_export_action);
  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, zopa_compare_window_swap_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "compare.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
zopa_compare_window_init (ZopaCompareWindow *self)
{
  self->draft_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->left_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);
  g_signal_connect_swapped (self->right_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);
  g_signal_connect_swapped (self->only_changes_button, "toggled", G_CALLBACK (on_filter_changed), self);
}

/* ---- Public API -------------------------------------------------------------------------------------- */

ZopaCompareWindow *
zopa_compare_window_new (GtkWindow   *parent,
                         ZopaSession *session,
                         const char  *left_id,
                         const char  *right_id)
{
  ZopaCompareWindow *self;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = g_object_new (ZOPA_TYPE_COMPARE_WINDOW, "transient-for", parent, "session", session, NULL);
  /* Only the newer draft given: compare it with its parent. */
  if (left_id == NULL && right_id != NULL)
    {
      ZopaDraft *right = zopa_scenario_find_draft (zopa_session_get_scenario (session), right_id);
      left_id = right != NULL ? zopa_draft_get_derived_from (right) : NULL;
      if (left_id == NULL)
        left_id = self->left_id;
    }
  if (left_id != NULL || right_id != NULL)
    zopa_compare_window_set_drafts (self, left_id != NULL ? left_id : self->left_id,
                                    right_id != NULL ? right_id : self->right_id);
  return self;
}

void
zopa_compare_window_show (GtkWindow   *parent,
                          ZopaSession *session,
                          const char  *left_id,
                          const char  *right_id)
{
  gtk_window_present (GTK_WINDOW (zopa_compare_window_new (parent, session, left_id, right_id)));
}

const char *
zopa_compare_window_get_left_draft (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), NULL);
  return self->left_id;
}

const char *
zopa_compare_window_get_right_draft (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), NULL);
  return self->right_id;
}

void
zopa_compare_window_set_drafts (ZopaCompareWindow *self,
                                const char        *left_id,
                                const char        *right_id)
{
  guint left, right;

  g_return_if_fail (ZOPA_IS_COMPARE_WINDOW (self));

  left = draft_position (self, left_id);
  right = draft_position (self, right_id);
  if (left == GTK_INVALID_LIST_POSITION || right == GTK_INVALID_LIST_POSITION)
    return;
  if (g_strcmp0 (left_id, self->left_id) == 0 && g_strcmp0 (right_id, self->right_id) == 0 &&
      self->comparison != NULL)
    return;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->left_dropdown, left);
  gtk_drop_down_set_selected (self->right_dropdown, right);
  self->updating = FALSE;
  on_dropdown_changed (self);
}

gboolean
zopa_compare_window_get_only_changes (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), FALSE);
  return gtk_toggle_button_get_active (self->only_changes_button);
}

void
zopa_compare_window_set_only_changes (ZopaCompareWindow *self,
                                      gboolean           only_changes)
{
  g_return_if_fail (ZOPA_IS_COMPARE_WINDOW (self));
  gtk_toggle_button_set_active (only_changes ? self->only_changes_button : self->show_all_button, TRUE);
}

ZopaComparison *
zopa_compare_window_get_comparison (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), NULL);
  return self->comparison;
}

guint
zopa_compare_window_get_n_rows (ZopaCompareWindow *self)
{
  g_return_val_if_fail (ZOPA_IS_COMPARE_WINDOW (self), 0);
  return self->n_rows;
}
