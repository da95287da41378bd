/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-sources-popover.c: an actor's sources, one click away from its values */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-sources-popover.h"
#include "zopa-user-text.h"

struct _ZopaSourcesPopover
{
  GtkPopover  parent_instance;

  GtkLabel   *heading;
  GtkBox     *list;
};

G_DEFINE_FINAL_TYPE (ZopaSourcesPopover, zopa_sources_popover, GTK_TYPE_POPOVER)

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
on_open_clicked (GtkButton *button,
                 const char *url)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static GtkWidget *
new_text_label (const char *text,
                const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  zopa_user_text_set_label (GTK_LABEL (label), text);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static GtkWidget *
new_source_entry (ZopaSource *source)
{
  const char *title = zopa_source_get_title (source);
  const char *publisher = zopa_source_get_publisher (source);
  const char *date = zopa_source_get_date (source);
  const char *url = zopa_source_get_url (source);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *byline = NULL;

  gtk_box_append (GTK_BOX (box), new_text_label (is_set (title) ? title : zopa_source_get_id (source), NULL));
  if (is_set (publisher) && is_set (date))
    byline = g_strdup_printf ("%s · %s", publisher, date);
  else if (is_set (publisher) || is_set (date))
    byline = g_strdup (is_set (publisher) ? publisher : date);
  if (byline != NULL)
    gtk_box_append (GTK_BOX (box), new_text_label (byline, "dim-label"));
  if (is_set (url))
    {
      /* A child label, not the button's label: the name says which source it opens. */
      GtkWidget *button = gtk_button_new ();
      g_autofree char *a11y = g_strdup_printf (_("Open “%s”"), is_set (title) ? title : zopa_source_get_id (source));

      gtk_button_set_child (GTK_BUTTON (button), gtk_label_new_with_mnemonic (_("_Open Link")));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "link");
      zopa_user_text_set_tooltip (button, url);
      zopa_user_text_set_accessible_label (button, a11y);
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_open_clicked), g_strdup (url),
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_widget_add_css_class (box, "caption");
  return box;
}

static void
zopa_sources_popover_class_init (ZopaSourcesPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-sources-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaSourcesPopover, heading);
  gtk_widget_class_bind_template_child (widget_class, ZopaSourcesPopover, list);
}

static void
zopa_sources_popover_init (ZopaSourcesPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_sources_popover_new (ZopaScenario *scenario,
                          ZopaActor    *actor)
{
  ZopaSourcesPopover *self;
  const char * const *ids;
  const char *name;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (ZOPA_IS_ACTOR (actor), NULL);

  self = g_object_new (ZOPA_TYPE_SOURCES_POPOVER, NULL);
  name = zopa_actor_get_name (actor);
  /* Translators: the heading of the list of an actor's sources */
  heading = g_strdup_printf (_("What %s's stance rests on"), is_set (name) ? name : zopa_actor_get_id (actor));
  zopa_user_text_set_label (self->heading, heading);

  ids = zopa_actor_get_sources (actor);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      ZopaSource *source = zopa_scenario_find_source (scenario, ids[i]);

      if (source != NULL)
        gtk_box_append (self->list, new_source_entry (source));
    }
  return GTK_WIDGET (self);
}
