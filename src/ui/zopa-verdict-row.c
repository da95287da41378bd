/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-verdict-row.c: a row of the verdict list, bound to its verdict item */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-format.h"
#include "zopa-actor-swatch.h"
#include "zopa-reveal.h"
#include "zopa-user-text.h"
#include "zopa-verdict-row.h"

struct _ZopaVerdictRow
{
  AdwExpanderRow   parent_instance;

  ZopaVerdictItem *item;
  /* The reason rows under it, and whether they were built from the item as it is now. */
  GPtrArray       *reasons;
  gboolean         reasons_built;

  ZopaActorSwatch *swatch;
  GtkImage        *open_icon;
  GtkLabel        *flip_badge;
  GtkLabel        *verdict_pill;
  GtkListBoxRow   *flip_row;
  GtkLabel        *flip_label;
  GtkImage        *flip_arrow;
  GtkButton       *try_button;
};

G_DEFINE_FINAL_TYPE (ZopaVerdictRow, zopa_verdict_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  SIGNAL_BUILD_REASONS,
  SIGNAL_TRY_FLIP,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
zopa_verdict_row_new_reason (const char *icon_name,
                             const char *title,
                             const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (row), title);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

GtkWidget *
zopa_verdict_row_add_reason (ZopaVerdictRow *self,
                             const char     *icon_name,
                             const char     *title,
                             const char     *subtitle)
{
  GtkWidget *row = zopa_verdict_row_new_reason (icon_name, title, subtitle);

  g_ptr_array_add (self->reasons, row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return row;
}

static void
clear_reasons (ZopaVerdictRow *self)
{
  for (guint i = 0; i < self->reasons->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->reasons, i));
  g_ptr_array_set_size (self->reasons, 0);
  self->reasons_built = FALSE;
}

/* Built on first expansion only: with many issues there are hundreds of reasons, and GTK
 * measures a collapsed row's children too, which froze the window on every draft selected. */
static void
build_reasons_if_open (ZopaVerdictRow *self)
{
  if (self->reasons_built || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self))
      || zopa_verdict_item_get_analysis (self->item) == NULL)
    return;
  self->reasons_built = TRUE;
  g_signal_emit (self, signals[SIGNAL_BUILD_REASONS], 0);
  /* The flip after the reasons: what would change the verdict they explain. */
  g_object_ref (self->flip_row);
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->flip_row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->flip_row));
  g_object_unref (self->flip_row);
}

static void
on_expanded (ZopaVerdictRow *self)
{
  build_reasons_if_open (self);
}

static void
on_item_analysis (ZopaVerdictRow *self)
{
  clear_reasons (self);
  build_reasons_if_open (self);
}

/* The verdict as it is read out: "Moscow: Depends on how Moscow’s reservation is read (70–85).
 * Score 48–71, needs 70. Would accept if its reservation were at most 58." */
static void
describe (ZopaVerdictRow *self)
{
  int verdict = zopa_verdict_item_get_verdict (self->item);
  g_autofree char *title = NULL, *subtitle = NULL, *wording = NULL, *flip = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (verdict == ZOPA_VERDICT_ITEM_NONE)
    return;
  g_object_get (self->item, "title", &title, "subtitle", &subtitle, "wording", &wording, "flip", &flip, NULL);
  /* Translators: e.g. "Kyiv: Rejects in every reading. Score 48, needs 55." */
  g_string_append_printf (description, _("%s: %s. %s."), title != NULL ? title : "",
                          wording != NULL ? wording : zopa_format_verdict_title (verdict),
                          subtitle != NULL ? subtitle : "");
  if (flip != NULL)
    g_string_append_printf (description, " %s.", flip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
}

/* Names and scores through the user-text helper: a name may be of any length or markup. */
static void
show_title (ZopaVerdictRow *self)
{
  int verdict = zopa_verdict_item_get_verdict (self->item);
  g_autofree char *title = NULL, *subtitle = NULL, *wording = NULL;
  g_autofree char *line = NULL;

  g_object_get (self->item, "title", &title, "subtitle", &subtitle, "wording", &wording, NULL);
  /* The wording where it says more than the pill does: "Rejects in every reading". */
  if (wording != NULL && subtitle != NULL && verdict != ZOPA_VERDICT_ITEM_NONE
      && g_strcmp0 (wording, zopa_format_verdict_title (verdict)) != 0)
    /* Translators: a verdict over readings and the score, "Rejects in every reading · Score 48, needs 55". */
    line = g_strdup_printf (_("%s · %s"), wording, subtitle);
  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self), title);
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), line != NULL ? line : subtitle);
  describe (self);
}

static void
show_flip (ZopaVerdictRow *self)
{
  g_autofree char *flip = NULL, *target = NULL;
  gboolean can_try = FALSE;

  g_object_get (self->item, "flip", &flip, "flip-target", &target, "can-try", &can_try, NULL);
  if (target != NULL)
    zopa_reveal_set_row_link (self->flip_row, target);
  gtk_widget_set_visible (GTK_WIDGET (self->flip_arrow), target != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->flip_row), flip != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->try_button), can_try);
  if (flip != NULL)
    {
      zopa_user_text_set_label (self->flip_label, flip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->flip_row), GTK_ACCESSIBLE_PROPERTY_LABEL, flip, -1);
      /* The button's name is the same on every row; what it would try is its description. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->try_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      flip, -1);
    }
  describe (self);
}

static void
on_try_clicked (ZopaVerdictRow *self)
{
  g_signal_emit (self, signals[SIGNAL_TRY_FLIP], 0);
}

static void
show_verdict (ZopaVerdictRow *self)
{
  int verdict = zopa_verdict_item_get_verdict (self->item);
  int was = zopa_verdict_item_get_was_verdict (self->item);
  const ZopaVerdict kinds[] = { ZOPA_VERDICT_ACCEPTS, ZOPA_VERDICT_REJECTS, ZOPA_VERDICT_DEPENDS };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if ((int) kinds[i] == verdict)
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_pill), zopa_verdict_to_string (kinds[i]));
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_pill), zopa_verdict_to_string (kinds[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_pill), verdict != ZOPA_VERDICT_ITEM_NONE);
  if (verdict != ZOPA_VERDICT_ITEM_NONE)
    gtk_label_set_text (self->verdict_pill, zopa_format_verdict_title (verdict));

  gtk_widget_set_visible (GTK_WIDGET (self->flip_badge), was != ZOPA_VERDICT_ITEM_NONE);
  if (was != ZOPA_VERDICT_ITEM_NONE)
    {
      /* Translators: a badge on a verdict the last edit changed; %s is the verdict before it. */
      g_autofree char *text = g_strdup_printf (_("was %s"), zopa_format_verdict_title (was));

      gtk_label_set_text (self->flip_badge, text);
    }
  describe (self);
}

/* The expander's arrow, where it has nothing to show, would be a dimmed promise. */
static GtkWidget *
find_arrow (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "expander-row-arrow"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *arrow = find_arrow (child);

      if (arrow != NULL)
        return arrow;
    }
  return NULL;
}

static void
zopa_verdict_row_constructed (GObject *object)
{
  ZopaVerdictRow *self = ZOPA_VERDICT_ROW (object);
  gboolean is_actor = zopa_verdict_item_get_actor_id (self->item) != NULL;
  GtkWidget *arrow = find_arrow (GTK_WIDGET (self));
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (zopa_verdict_row_parent_class)->constructed (object);

  if (is_actor)
    name = g_strdup_printf ("verdict-%s", zopa_verdict_item_get_actor_id (self->item));
  gtk_widget_set_name (GTK_WIDGET (self), is_actor ? name : "open-issues");
  gtk_widget_set_visible (GTK_WIDGET (self->swatch), is_actor);
  gtk_widget_set_visible (GTK_WIDGET (self->open_icon), !is_actor);

  g_object_bind_property (self->item, "color", self->swatch, "color", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->item, "has-reasons", self, "enable-expansion", G_BINDING_SYNC_CREATE);
  if (arrow != NULL)
    g_object_bind_property (self->item, "has-reasons", arrow, "visible", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->item, "notify::verdict", G_CALLBACK (show_verdict), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::was-verdict", G_CALLBACK (show_verdict), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::title", G_CALLBACK (show_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::subtitle", G_CALLBACK (show_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::wording", G_CALLBACK (show_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::flip", G_CALLBACK (show_flip), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::can-try", G_CALLBACK (show_flip), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::flip-target", G_CALLBACK (show_flip), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::analysis", G_CALLBACK (on_item_analysis), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded), NULL);
  show_verdict (self);
  show_flip (self);
}

static void
zopa_verdict_row_dispose (GObject *object)
{
  ZopaVerdictRow *self = ZOPA_VERDICT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_VERDICT_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (zopa_verdict_row_parent_class)->dispose (object);
}

static void
zopa_verdict_row_finalize (GObject *object)
{
  ZopaVerdictRow *self = ZOPA_VERDICT_ROW (object);

  g_ptr_array_unref (self->reasons);
  G_OBJECT_CLASS (zopa_verdict_row_parent_class)->finalize (object);
}

static void
zopa_verdict_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZopaVerdictRow *self = ZOPA_VERDICT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_verdict_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZopaVerdictRow *self = ZOPA_VERDICT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_verdict_row_class_init (ZopaVerdictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zopa_verdict_row_constructed;
  object_class->dispose = zopa_verdict_row_dispose;
  object_class->finalize = zopa_verdict_row_finalize;
  object_class->get_property = zopa_verdict_row_get_property;
  object_class->set_property = zopa_verdict_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ZOPA_TYPE_VERDICT_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the row is open and its reasons are to be added with
   * zopa_verdict_row_add_reason(), from the item's analysis. */
  signals[SIGNAL_BUILD_REASONS] =
    g_signal_new ("build-reasons", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The Try button was clicked: make the flip a variant. */
  signals[SIGNAL_TRY_FLIP] =
    g_signal_new ("try-flip", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ZOPA_TYPE_ACTOR_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-verdict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, open_icon);
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, flip_badge);
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, verdict_pill);
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, flip_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, flip_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, flip_arrow);
  gtk_widget_class_bind_template_child (widget_class, ZopaVerdictRow, try_button);
  gtk_widget_class_bind_template_callback (widget_class, on_try_clicked);
}

static void
zopa_verdict_row_init (ZopaVerdictRow *self)
{
  self->reasons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
zopa_verdict_row_new (ZopaVerdictItem *item)
{
  ZopaVerdictRow *self = g_object_new (ZOPA_TYPE_VERDICT_ROW, "item", item, NULL);

  /* Not in constructed: notifications wait until construction ends and then come last
   * first, so the title would reach the header's label before "use-markup" did and a name
   * would be parsed as markup. */
  show_title (self);
  return GTK_WIDGET (self);
}

ZopaVerdictItem *
zopa_verdict_row_get_item (ZopaVerdictRow *self)
{
  return self->item;
}
