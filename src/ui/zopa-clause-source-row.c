/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-clause-source-row.c: a source a clause cites */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-clause-source-row.h"
#include "zopa-user-text.h"

struct _ZopaClauseSourceRow
{
  AdwActionRow   parent_instance;

  char          *source_id;
  ZopaClause    *clause;
  ZopaScenario  *scenario;
  ZopaHistory   *history;
  char          *web_address;

  GtkWidget     *link_icon;
};

G_DEFINE_FINAL_TYPE (ZopaClauseSourceRow, zopa_clause_source_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_SOURCE_ID,
  PROP_CLAUSE,
  PROP_SCENARIO,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
zopa_source_describe (ZopaSource *source)
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

const char *
zopa_source_display_title (ZopaSource *source)
{
  const char *title = zopa_source_get_title (source);

  return title != NULL && *title != '\0' ? title : zopa_source_get_id (source);
}

static gboolean
is_web_address (const char *url)
{
  /* Interned and lower-case. */
  const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

  /* Only web addresses are opened: a file may come from anyone. */
  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

static void
on_remove_clicked (ZopaClauseSourceRow *self)
{
  const char * const *sources = zopa_clause_get_sources (self->clause);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (g_strcmp0 (sources[i], self->source_id) != 0)
      g_strv_builder_add (builder, sources[i]);
  kept = g_strv_builder_end (builder);
  zopa_history_set (self->history, self->clause, "sources", kept, NULL);
}

static void
show_source (ZopaClauseSourceRow *self)
{
  ZopaSource *source = zopa_scenario_find_source (self->scenario, self->source_id);
  const char *url = source != NULL ? zopa_source_get_url (source) : NULL;
  g_autofree char *subtitle = source != NULL ? zopa_source_describe (source) : g_strdup (_("Missing source"));

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self), source != NULL ? zopa_source_display_title (source) : self->source_id);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), subtitle);
  g_free (self->web_address);
  self->web_address = is_web_address (url) ? g_strdup (url) : NULL;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), self->web_address != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->web_address);
  gtk_widget_set_visible (self->link_icon, self->web_address != NULL);
}

static void
zopa_clause_source_row_constructed (GObject *object)
{
  ZopaClauseSourceRow *self = ZOPA_CLAUSE_SOURCE_ROW (object);

  G_OBJECT_CLASS (zopa_clause_source_row_parent_class)->constructed (object);

  g_signal_connect_object (self->scenario, "changed", G_CALLBACK (show_source), self, G_CONNECT_SWAPPED);
  show_source (self);
}

static void
zopa_clause_source_row_dispose (GObject *object)
{
  ZopaClauseSourceRow *self = ZOPA_CLAUSE_SOURCE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_CLAUSE_SOURCE_ROW);
  g_clear_object (&self->clause);
  g_clear_object (&self->scenario);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (zopa_clause_source_row_parent_class)->dispose (object);
}

static void
zopa_clause_source_row_finalize (GObject *object)
{
  ZopaClauseSourceRow *self = ZOPA_CLAUSE_SOURCE_ROW (object);

  g_free (self->source_id);
  g_free (self->web_address);

  G_OBJECT_CLASS (zopa_clause_source_row_parent_class)->finalize (object);
}

static void
zopa_clause_source_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ZopaClauseSourceRow *self = ZOPA_CLAUSE_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE_ID:
      g_value_set_string (value, self->source_id);
      break;
    case PROP_CLAUSE:
      g_value_set_object (value, self->clause);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_source_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ZopaClauseSourceRow *self = ZOPA_CLAUSE_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE_ID:
      self->source_id = g_value_dup_string (value);
      break;
    case PROP_CLAUSE:
      self->clause = g_value_dup_object (value);
      break;
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_clause_source_row_class_init (ZopaClauseSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_clause_source_row_constructed;
  object_class->dispose = zopa_clause_source_row_dispose;
  object_class->finalize = zopa_clause_source_row_finalize;
  object_class->get_property = zopa_clause_source_row_get_property;
  object_class->set_property = zopa_clause_source_row_set_property;

  properties[PROP_SOURCE_ID] = g_param_spec_string ("source-id", NULL, NULL, NULL, flags);
  properties[PROP_CLAUSE] = g_param_spec_object ("clause", NULL, NULL, ZOPA_TYPE_CLAUSE, flags);
  properties[PROP_SCENARIO] = g_param_spec_object ("scenario", NULL, NULL, ZOPA_TYPE_SCENARIO, flags);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, ZOPA_TYPE_HISTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-clause-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaClauseSourceRow, link_icon);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
zopa_clause_source_row_init (ZopaClauseSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_clause_source_row_new (const char   *source_id,
                            ZopaClause   *clause,
                            ZopaScenario *scenario,
                            ZopaHistory  *history)
{
  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (ZOPA_IS_CLAUSE (clause), NULL);
  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);

  return g_object_new (ZOPA_TYPE_CLAUSE_SOURCE_ROW,
                       "source-id", source_id, "clause", clause, "scenario", scenario, "history", history, NULL);
}

const char *
zopa_clause_source_row_get_source_id (ZopaClauseSourceRow *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE_SOURCE_ROW (self), NULL);

  return self->source_id;
}

const char *
zopa_clause_source_row_get_web_address (ZopaClauseSourceRow *self)
{
  g_return_val_if_fail (ZOPA_IS_CLAUSE_SOURCE_ROW (self), NULL);

  return self->web_address;
}
