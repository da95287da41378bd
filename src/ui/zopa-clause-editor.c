/* zopa-clause-editor.c: number, title, text, status, options set, sources and lineage of a clause */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-actor-dots.h"
#include "zopa-clause-editor-private.h"
#include "zopa-editor-common.h"
#include "zopa-user-text.h"

G_DEFINE_FINAL_TYPE (ZopaClauseEditor, zopa_clause_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLAUSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_all (ZopaClauseEditor *self);

ZopaHistory *
zopa_clause_editor_get_history (ZopaClauseEditor *self)
{
  return zopa_document_get_history (zopa_session_get_document (self->session));
}

ZopaScenario *
zopa_clause_editor_get_scenario (ZopaClauseEditor *self)
{
  return zopa_session_get_scenario (self->session);
}

/* The draft that holds the clause, or NULL when it is no longer in the scenario. */
ZopaDraft *
zopa_clause_editor_get_draft (ZopaClauseEditor *self)
{
  GObject *owner;

  if (self->session == NULL || self->clause == NULL)
    return NULL;
  owner = zopa_edit_find_owner (zopa_clause_editor_get_scenario (self), self->clause);
  return ZOPA_IS_DRAFT (owner) ? ZOPA_DRAFT (owner) : NULL;
}

gboolean
zopa_clause_editor_can_edit (ZopaClauseEditor *self)
{
  return !self->syncing && zopa_clause_editor_get_draft (self) != NULL;
}

/* Number, title, text and status */

static void
on_number_changed (GtkEditable      *editable,
                   ZopaClauseEditor *self)
{
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "number", gtk_editable_get_text (editable), NULL);
}

static void
on_title_changed (GtkEditable      *editable,
                  ZopaClauseEditor *self)
{
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "title", gtk_editable_get_text (editable), NULL);
}

/* The id: checked while typed, renamed on apply with every reference to it (lineage). */
static void
on_id_changed (GtkEditable      *editable,
               ZopaClauseEditor *self)
{
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_editor_check_id_row (GTK_WIDGET (editable), zopa_clause_editor_get_scenario (self), self->clause,
                            zopa_clause_get_id (self->clause));
}

static void
on_id_apply (AdwEntryRow      *row,
             ZopaClauseEditor *self)
{
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_editor_apply_id_row (GTK_WIDGET (row), zopa_clause_editor_get_history (self), self->clause,
                            zopa_clause_get_id (self->clause));
}

static void
on_text_changed (GtkTextBuffer    *buffer,
                 ZopaClauseEditor *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!zopa_clause_editor_can_edit (self))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The history merges consecutive keystrokes into one step per pause. */
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "text", text, NULL);
}

static void
on_status_selected (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    ZopaClauseEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (!zopa_clause_editor_can_edit (self) || selected > ZOPA_CLAUSE_DELETED)
    return;
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "status", (ZopaClauseStatus) selected, NULL);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                ZopaClauseEditor        *self)
{
  /* Typing after leaving a field and coming back is a new step. */
  if (self->session != NULL)
    zopa_history_break_merge (zopa_clause_editor_get_history (self));
}

static void
watch_focus (ZopaClauseEditor *self,
             GtkWidget        *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, controller);
}

static void
sync_fields (ZopaClauseEditor *self)
{
  zopa_editor_set_text (GTK_EDITABLE (self->number_row), zopa_clause_get_number (self->clause));
  zopa_editor_set_text (GTK_EDITABLE (self->title_row), zopa_clause_get_title (self->clause));
  zopa_editor_set_text (GTK_EDITABLE (self->id_row), zopa_clause_get_id (self->clause));
  zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
  zopa_editor_set_view_text (self->text_view, zopa_clause_get_text (self->clause));

  if (adw_combo_row_get_selected (self->status_row) != (guint) zopa_clause_get_status (self->clause))
    adw_combo_row_set_selected (self->status_row, zopa_clause_get_status (self->clause));
}

/* Options set */

typedef struct
{
  guint   issue;
  guint   option;
  gboolean found;
} IssueOption;

/* The analysis' indices of an issue and option, by id. */
static IssueOption
find_in_analysis (ZopaAnalysis *analysis,
                  const char   *issue_id,
                  const char   *option_id)
{
  IssueOption result = { 0, 0, FALSE };

  if (analysis == NULL || option_id == NULL)
    return result;
  for (guint i = 0; i < zopa_analysis_get_n_issues (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_issue_id (analysis, i), issue_id) == 0)
      for (guint o = 0; o < zopa_analysis_get_n_options (analysis, i); o++)
        if (g_strcmp0 (zopa_analysis_get_option_id (analysis, i, o), option_id) == 0)
          {
            result.issue = i;
            result.option = o;
            result.found = TRUE;
            return result;
          }
  return result;
}

static void
update_red_line_dots (ZopaClauseEditor *self,
                      GtkWidget        *row)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (self->session);
  ZopaActorDots *dots = g_object_get_data (G_OBJECT (row), "dots");
  const char *issue_id = g_object_get_data (G_OBJECT (row), "issue-id");
  IssueOption where = find_in_analysis (analysis, issue_id, zopa_clause_get_set_option (self->clause, issue_id));
  g_autoptr(GString) names = g_string_new (NULL);
  ZopaActorDot marks[ZOPA_MAX_ACTORS];
  guint n_names = 0;

  if (where.found)
    for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
      if (!zopa_analysis_actor_accepts_option (analysis, a, where.issue, where.option))
        {
          ZopaActor *actor = zopa_scenario_find_actor (zopa_clause_editor_get_scenario (self), zopa_analysis_get_actor_id (analysis, a));
          GdkRGBA color;

          if (actor == NULL || !gdk_rgba_parse (&color, zopa_actor_get_color (actor)) || n_names >= ZOPA_MAX_ACTORS)
            continue;
          marks[n_names].color = color;
          marks[n_names].filled = zopa_clause_get_status (self->clause) == ZOPA_CLAUSE_AGREED;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, zopa_analysis_get_actor_name (analysis, a));
          n_names++;
        }

  zopa_actor_dots_set (dots, marks, n_names);
  if (n_names > 0)
    {
      /* Translators: %s is a list of actors */
      g_autofree char *text = g_strdup_printf (_("A red line for %s"), names->str);
      zopa_actor_dots_set_description (dots, text);
    }
  else
    zopa_actor_dots_set_description (dots, NULL);
}

static void
on_set_option_selected (AdwComboRow      *row,
                        GParamSpec       *pspec,
                        ZopaClauseEditor *self)
{
  const char *issue_id = g_object_get_data (G_OBJECT (row), "issue-id");
  ZopaIssue *issue;
  ZopaOption *option;
  guint selected = adw_combo_row_get_selected (row);

  if (!zopa_clause_editor_can_edit (self))
    return;
  issue = zopa_scenario_find_issue (zopa_clause_editor_get_scenario (self), issue_id);
  if (issue == NULL || selected >= zopa_issue_get_n_options (issue))
    return;
  option = zopa_issue_get_option (issue, selected);
  zopa_history_set_clause_option (zopa_clause_editor_get_history (self), self->clause, issue_id, zopa_option_get_id (option));
}

static void
on_remove_set_clicked (GtkButton        *button,
                       ZopaClauseEditor *self)
{
  const char *issue_id = g_object_get_data (G_OBJECT (button), "issue-id");

  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_history_set_clause_option (zopa_clause_editor_get_history (self), self->clause, issue_id, NULL);
}

static GtkWidget *
create_set_row (ZopaClauseEditor *self,
                ZopaIssue        *issue)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *dots = zopa_actor_dots_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *issue_id = zopa_issue_get_id (issue);
  g_autofree char *name = g_strdup_printf ("set-%s", issue_id);
  g_autofree char *remove_label = NULL;

  for (guint o = 0; o < zopa_issue_get_n_options (issue); o++)
    gtk_string_list_append (labels, zopa_option_get_label (zopa_issue_get_option (issue, o)));

  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), "issue-id", g_strdup (issue_id), g_free);
  g_object_set_data (G_OBJECT (row), "dots", dots);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), zopa_issue_get_title (issue));
  /* The option as the subtitle keeps long labels readable in a narrow panel. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              MAX (0, zopa_issue_find_option (issue, zopa_clause_get_set_option (self->clause, issue_id))));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_set_option_selected), self);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dots);

  remove_label = g_strdup_printf (_("Stop Setting “%s”"), zopa_issue_get_title (issue));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "issue-id", g_strdup (issue_id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_set_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* Everything the set rows show, so they are rebuilt only when that changes. */
static char *
sets_signature (ZopaClauseEditor *self)
{
  const char * const *issues = zopa_clause_get_set_issues (self->clause);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; issues != NULL && issues[i] != NULL; i++)
    {
      ZopaIssue *issue = zopa_scenario_find_issue (zopa_clause_editor_get_scenario (self), issues[i]);

      g_string_append_printf (signature, "%s\x1f", issues[i]);
      if (issue == NULL)
        continue;
      g_string_append_printf (signature, "%s\x1f", zopa_issue_get_title (issue));
      for (guint o = 0; o < zopa_issue_get_n_options (issue); o++)
        g_string_append_printf (signature, "%s\x1f", zopa_option_get_label (zopa_issue_get_option (issue, o)));
      g_string_append_c (signature, '\x1e');
    }
  return g_string_free (signature, FALSE);
}

static void
sync_sets (ZopaClauseEditor *self)
{
  g_autofree char *signature = sets_signature (self);
  GtkWidget *child;

  if (g_strcmp0 (signature, self->sets_signature) != 0)
    {
      const char * const *issues = zopa_clause_get_set_issues (self->clause);

      g_free (self->sets_signature);
      self->sets_signature = g_steal_pointer (&signature);
      zopa_editor_remove_all_rows (self->sets_list);
      for (guint i = 0; issues != NULL && issues[i] != NULL; i++)
        {
          ZopaIssue *issue = zopa_scenario_find_issue (zopa_clause_editor_get_scenario (self), issues[i]);

          if (issue != NULL)
            gtk_list_box_append (self->sets_list, create_set_row (self, issue));
        }
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sets_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *issue_id = g_object_get_data (G_OBJECT (child), "issue-id");
      ZopaIssue *issue;
      int position;

      if (issue_id == NULL)
        continue;
      issue = zopa_scenario_find_issue (zopa_clause_editor_get_scenario (self), issue_id);
      position = issue != NULL ? zopa_issue_find_option (issue, zopa_clause_get_set_option (self->clause, issue_id)) : -1;
      if (position >= 0 && adw_combo_row_get_selected (ADW_COMBO_ROW (child)) != (guint) position)
        adw_combo_row_set_selected (ADW_COMBO_ROW (child), position);
      update_red_line_dots (self, child);
    }
}

static void
on_add_issue_activated (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        ZopaClauseEditor *self)
{
  const char *issue_id = g_object_get_data (G_OBJECT (row), "issue-id");
  ZopaIssue *issue;

  gtk_popover_popdown (self->add_issue_popover);
  if (!zopa_clause_editor_can_edit (self))
    return;
  issue = zopa_scenario_find_issue (zopa_clause_editor_get_scenario (self), issue_id);
  if (issue == NULL || zopa_issue_get_n_options (issue) == 0)
    return;
  zopa_history_set_clause_option (zopa_clause_editor_get_history (self), self->clause, issue_id,
                                  zopa_option_get_id (zopa_issue_get_option (issue, 0)));
}

/* The issues the clause does not set yet, to pick one from. */
static void
sync_add_issue_list (ZopaClauseEditor *self)
{
  GListModel *issues = zopa_scenario_get_issues (zopa_clause_editor_get_scenario (self));
  guint n_free = 0;

  zopa_editor_remove_all_rows (self->add_issue_list);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ZopaIssue) issue = g_list_model_get_item (issues, i);
      GtkWidget *row, *label;

      if (zopa_clause_get_set_option (self->clause, zopa_issue_get_id (issue)) != NULL
          || zopa_issue_get_n_options (issue) == 0)
        continue;
      label = gtk_label_new (NULL);
      zopa_user_text_set_label (GTK_LABEL (label), zopa_issue_get_title (issue));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "issue-id", g_strdup (zopa_issue_get_id (issue)), g_free);
      gtk_list_box_append (self->add_issue_list, row);
      n_free++;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_issue_button), n_free > 0);
}

/* Sources */

static gboolean
is_web_address (const char *url)
{
  /* Interned and lower-case. */
  const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

static char *
describe_source (ZopaSource *source)
{
  const char *publisher = zopa_source_get_publisher (source);
  const char *date = zopa_source_get_date (source);
  gboolean has_publisher = publisher != NULL && *publisher != '\0';
  gboolean has_date = date != NULL && *date != '\0';

  if (has_publisher && has_date)
    return g_strdup_printf ("%s · %s", publisher, date);
  if (has_publisher)
    return g_strdup (publisher);
  if (has_date)
    return g_strdup (date);
  return g_strdup ("");
}

static const char *
source_title (ZopaSource *source)
{
  const char *title = zopa_source_get_title (source);

  return title != NULL && *title != '\0' ? title : zopa_source_get_id (source);
}

static void
set_clause_sources (ZopaClauseEditor   *self,
                    const char * const *source_ids)
{
  zopa_history_set (zopa_clause_editor_get_history (self), self->clause, "sources", source_ids, NULL);
}

static void
on_remove_source_clicked (GtkButton        *button,
                          ZopaClauseEditor *self)
{
  const char *source_id = g_object_get_data (G_OBJECT (button), "source-id");
  const char * const *sources = zopa_clause_get_sources (self->clause);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  if (!zopa_clause_editor_can_edit (self))
    return;
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (g_strcmp0 (sources[i], source_id) != 0)
      g_strv_builder_add (builder, sources[i]);
  kept = g_strv_builder_end (builder);
  set_clause_sources (self, (const char * const *) kept);
}

static void
on_source_row_activated (GtkListBox       *list,
                         GtkListBoxRow    *row,
                         ZopaClauseEditor *self)
{
  const char *url = g_object_get_data (G_OBJECT (row), "url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Only web addresses are opened: a file may come from anyone. */
  if (is_web_address (url))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static GtkWidget *
create_source_row (ZopaClauseEditor *self,
                   const char       *source_id)
{
  ZopaSource *source = zopa_scenario_find_source (zopa_clause_editor_get_scenario (self), source_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *subtitle = NULL;
  const char *url = source != NULL ? zopa_source_get_url (source) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), source != NULL ? source_title (source) : source_id);
  subtitle = source != NULL ? describe_source (source) : g_strdup (_("Missing source"));
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);

  if (is_web_address (url))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

      g_object_set_data_full (G_OBJECT (row), "url", g_strdup (url), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      zopa_user_text_set_tooltip (row, url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_tooltip_text (remove, _("Remove Source From Clause"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Source From Clause"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "source-id", g_strdup (source_id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_source_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static char *
sources_signature (ZopaClauseEditor *self)
{
  const char * const *sources = zopa_clause_get_sources (self->clause);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      ZopaSource *source = zopa_scenario_find_source (zopa_clause_editor_get_scenario (self), sources[i]);

      g_string_append_printf (signature, "%s\x1f", sources[i]);
      if (source != NULL)
        g_string_append_printf (signature, "%s\x1f%s\x1f%s\x1f%s\x1e",
                                zopa_source_get_title (source), zopa_source_get_publisher (source),
                                zopa_source_get_date (source), zopa_source_get_url (source));
    }
  return g_string_free (signature, FALSE);
}

static void
sync_sources (ZopaClauseEditor *self)
{
  g_autofree char *signature = sources_signature (self);
  const char * const *sources;

  if (g_strcmp0 (signature, self->sources_signature) == 0)
    return;
  g_free (self->sources_signature);
  self->sources_signature = g_steal_pointer (&signature);

  zopa_editor_remove_all_rows (self->sources_list);
  sources = zopa_clause_get_sources (self->clause);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    gtk_list_box_append (self->sources_list, create_source_row (self, sources[i]));
}

static void
on_source_check_toggled (GtkCheckButton   *check,
                         ZopaClauseEditor *self)
{
  const char *source_id = g_object_get_data (G_OBJECT (check), "source-id");
  const char * const *sources = zopa_clause_get_sources (self->clause);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (!zopa_clause_editor_can_edit (self))
    return;
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (g_strcmp0 (sources[i], source_id) != 0)
      g_strv_builder_add (builder, sources[i]);
  if (active)
    g_strv_builder_add (builder, source_id);
  chosen = g_strv_builder_end (builder);
  set_clause_sources (self, (const char * const *) chosen);
}

/* Filled when the popover opens: the scenario's sources, checked where the clause cites them. */
static void
on_sources_popover_show (GtkPopover       *popover,
                         ZopaClauseEditor *self)
{
  GListModel *sources;
  const char * const *cited;

  zopa_editor_remove_all_rows (self->source_pick_list);
  if (self->clause == NULL || self->session == NULL)
    return;
  sources = zopa_scenario_get_sources (zopa_clause_editor_get_scenario (self));
  cited = zopa_clause_get_sources (self->clause);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ZopaSource) source = g_list_model_get_item (sources, i);
      g_autofree char *subtitle = describe_source (source);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), source_title (source));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   cited != NULL && g_strv_contains (cited, zopa_source_get_id (source)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "source-id", g_strdup (zopa_source_get_id (source)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_source_check_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->source_pick_list, row);
    }
}

/* "Add Source…": a new source of the scenario, cited by the clause, as one step. */

static void
on_add_source_clicked (GtkButton        *button,
                       ZopaClauseEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (self->sources_popover);
  if (!zopa_clause_editor_can_edit (self))
    return;
  zopa_editor_add_source (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, zopa_clause_editor_get_history (self), self->clause,
                          _("The clause will cite the new source."));
}

/* Following the model */

static void
sync_all (ZopaClauseEditor *self)
{
  if (self->clause == NULL || self->session == NULL || zopa_clause_editor_get_draft (self) == NULL)
    return;

  self->syncing = TRUE;
  sync_fields (self);
  sync_sets (self);
  sync_add_issue_list (self);
  sync_sources (self);
  zopa_clause_editor_sync_lineage (self);
  self->syncing = FALSE;
}

static void
on_analysis_changed (ZopaClauseEditor *self)
{
  GtkWidget *child;

  if (self->clause == NULL || zopa_clause_editor_get_draft (self) == NULL)
    return;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sets_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "issue-id") != NULL)
      update_red_line_dots (self, child);
}

static void
forget_rows (ZopaClauseEditor *self)
{
  g_clear_pointer (&self->sets_signature, g_free);
  g_clear_pointer (&self->sources_signature, g_free);
  g_clear_pointer (&self->zopa_clause_editor_lineage_signature, g_free);
}

void
zopa_clause_editor_set_session (ZopaClauseEditor *self,
                                ZopaSession      *session)
{
  g_return_if_fail (ZOPA_IS_CLAUSE_EDITOR (self));
  g_return_if_fail (session == NULL || ZOPA_IS_SESSION (session));

  if (self->session == session)
    return;
  zopa_clause_editor_set_clause (self, NULL);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (zopa_session_get_scenario (self->session), self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (zopa_session_get_scenario (session), "changed", G_CALLBACK (sync_all), self);
      g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (on_analysis_changed), self);
    }
}

void
zopa_clause_editor_set_clause (ZopaClauseEditor *self,
                               ZopaClause       *clause)
{
  g_return_if_fail (ZOPA_IS_CLAUSE_EDITOR (self));
  g_return_if_fail (clause == NULL || ZOPA_IS_CLAUSE (clause));
  g_return_if_fail (clause == NULL || self->session != NULL);

  if (self->clause == clause)
    return;
  /* Typing in the next clause is never merged with typing in this one. */
  if (self->session != NULL)
    zopa_history_break_merge (zopa_clause_editor_get_history (self));
  g_set_object (&self->clause, clause);
  forget_rows (self);

  self->syncing = TRUE;
  if (clause == NULL)
    {
      zopa_editor_remove_all_rows (self->sets_list);
      zopa_editor_remove_all_rows (self->sources_list);
      zopa_editor_set_text (GTK_EDITABLE (self->number_row), NULL);
      zopa_editor_set_text (GTK_EDITABLE (self->title_row), NULL);
      zopa_editor_set_text (GTK_EDITABLE (self->id_row), NULL);
      zopa_editor_show_error (GTK_WIDGET (self->id_row), NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
    }
  self->syncing = FALSE;

  sync_all (self);
  on_analysis_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAUSE]);
}

ZopaClause *
zopa_clause_editor_get_clause (ZopaClauseEditor *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE_EDITOR (self), NULL);
  return self->clause;
}

GtkWidget *
zopa_clause_editor_new (void)
{
  return g_object_new (ZOPA_TYPE_CLAUSE_EDITOR, NULL);
}

static void
zopa_clause_editor_dispose (GObject *object)
{
  ZopaClauseEditor *self = ZOPA_CLAUSE_EDITOR (object);
  GtkWidget *child;

  zopa_clause_editor_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_CLAUSE_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zopa_clause_editor_parent_class)->dispose (object);
}

static void
zopa_clause_editor_finalize (GObject *object)
{
  ZopaClauseEditor *self = ZOPA_CLAUSE_EDITOR (object);

  forget_rows (self);
  g_ptr_array_unref (self->lineage_checks);

  G_OBJECT_CLASS (zopa_clause_editor_parent_class)->finalize (object);
}

static void
zopa_clause_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZopaClauseEditor *self = ZOPA_CLAUSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLAUSE:
      g_value_set_object (value, self->clause);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_editor_class_init (ZopaClauseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_clause_editor_dispose;
  object_class->finalize = zopa_clause_editor_finalize;
  object_class->get_property = zopa_clause_editor_get_property;

  properties[PROP_CLAUSE] =
    g_param_spec_object ("clause", NULL, NULL, ZOPA_TYPE_CLAUSE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-clause-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, sets_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, add_issue_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, add_issue_popover);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, add_issue_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, sources_popover);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, source_pick_list);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, lineage_group);
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseEditor, lineage_row);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_issue_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_source_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sources_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_add_source_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clauseeditor");
}

static void
zopa_clause_editor_init (ZopaClauseEditor *self)
{
  GtkWidget *placeholder;

  self->lineage_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("Sets no issue: the clause does not change the deal"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->sets_list, placeholder);

  placeholder = gtk_label_new (_("No sources cited"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->sources_list, placeholder);

  /* Ctrl+Z belongs to the document's history, not to each field's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->number_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->id_row), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  g_signal_connect (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (on_text_changed), self);
  watch_focus (self, GTK_WIDGET (self->number_row));
  watch_focus (self, GTK_WIDGET (self->title_row));
  watch_focus (self, GTK_WIDGET (self->id_row));
  watch_focus (self, GTK_WIDGET (self->text_view));
  g_signal_connect (self->text_view, "map", G_CALLBACK (zopa_editor_fit_text_view), NULL);
}
