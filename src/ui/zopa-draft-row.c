/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-draft-row.c: a draft in the sidebar */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-draft-row.h"
#include "zopa-user-text.h"

struct _ZopaDraftRow
{
  ZopaShownRow  parent_instance;
};

G_DEFINE_FINAL_TYPE (ZopaDraftRow, zopa_draft_row, ZOPA_TYPE_SHOWN_ROW)

/* "2025-11-20 · 29 clauses": the clause count changes without a notify of the draft. */
static void
update_subtitle (ZopaDraftRow *self)
{
  ZopaDraft *draft = zopa_draft_row_get_item (self);
  guint n_clauses = g_list_model_get_n_items (zopa_draft_get_clauses (draft));
  const char *date = zopa_draft_get_date (draft);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause", "%u clauses", n_clauses),
                                            n_clauses);
  g_autofree char *subtitle = NULL;

  if (date != NULL && *date != '\0')
    subtitle = g_strdup_printf ("%s · %s", date, count);
  else
    subtitle = g_strdup (count);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), subtitle);
}

/* A draft without a title goes by its id, as on the diagram. */
static void
update_title (ZopaDraftRow *self)
{
  ZopaDraft *draft = zopa_draft_row_get_item (self);
  const char *title = zopa_draft_get_title (draft);
  g_autofree char *shown = zopa_display_text (title != NULL && *title != '\0' ? title : zopa_draft_get_id (draft),
                                              ZOPA_DISPLAY_TEXT_LINE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), shown);
}

static void
zopa_draft_row_constructed (GObject *object)
{
  ZopaDraftRow *self = ZOPA_DRAFT_ROW (object);
  ZopaDraft *draft;

  G_OBJECT_CLASS (zopa_draft_row_parent_class)->constructed (object);

  draft = zopa_draft_row_get_item (self);
  g_signal_connect_object (draft, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::id", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
  g_signal_connect_object (draft, "changed", G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
  update_subtitle (self);
}

static void
zopa_draft_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZOPA_TYPE_DRAFT_ROW);
  G_OBJECT_CLASS (zopa_draft_row_parent_class)->dispose (object);
}

/* A template of its own, if a small one: GTK 4.8 disposes a template by the instance's class. */
static void
zopa_draft_row_class_init (ZopaDraftRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = zopa_draft_row_constructed;
  object_class->dispose = zopa_draft_row_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), "/io/github/zopa/Zopa/ui/zopa-draft-row.ui");
}

static void
zopa_draft_row_init (ZopaDraftRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_draft_row_new (ZopaDraft *item)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT (item), NULL);

  return g_object_new (ZOPA_TYPE_DRAFT_ROW, "item", item, NULL);
}

ZopaDraft *
zopa_draft_row_get_item (ZopaDraftRow *self)
{
  g_return_val_if_fail (ZOPA_IS_DRAFT_ROW (self), NULL);

  return zopa_shown_row_get_item (ZOPA_SHOWN_ROW (self));
}
