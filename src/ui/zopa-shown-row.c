/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-shown-row.c: a sidebar row with a check for whether the diagram shows its item */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-shown-row.h"
#include "zopa-user-text.h"

typedef struct
{
  GObject        *item;
  gboolean        shown;

  GtkCheckButton *shown_check;
} ZopaShownRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ZopaShownRow, zopa_shown_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One way from the row to the check, and this way back: a refusal that sets "shown" back
 * while the check is being toggled then reaches the check too. */
static void
on_shown_toggled (GtkCheckButton *check,
                  ZopaShownRow   *self)
{
  zopa_shown_row_set_shown (self, gtk_check_button_get_active (check));
}

/* Space on the row toggles its check; Enter and a click are the row's own activation. */
static gboolean
on_key_pressed (ZopaShownRow    *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
      || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  zopa_shown_row_set_shown (self, !priv->shown);
  return TRUE;
}

/* Taking the focus does not choose the row, as GtkListBoxRow's own focus handling would
 * (Tab into the drafts list would select the first draft and fill the draft panel): a
 * click or Enter chooses. The row has no focusable children to move on to. */
static gboolean
zopa_shown_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  if (gtk_widget_has_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

static void
describe_shown (ZopaShownRow *self)
{
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  priv->shown ? _("Shown on the diagram; Space hides it")
                                              : _("Not shown on the diagram; Space shows it"),
                                  -1);
}

/* The check names what it shows ("Show Kyiv on the diagram"), for screen readers and the
 * tooltip alike; the row's title is the item's name. */
static void
on_title_changed (ZopaShownRow *self)
{
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *shown = zopa_display_text (title ? title : "", ZOPA_DISPLAY_TEXT_LINE);
  /* Translators: %s is the name of an actor or the title of a draft. */
  g_autofree char *label = g_strdup_printf (_("Show %s on the diagram"), shown);

  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->shown_check), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->shown_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkCheckButton *
find_check (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = GTK_IS_CHECK_BUTTON (child) ? GTK_CHECK_BUTTON (child) : find_check (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
zopa_shown_row_dispose (GObject *object)
{
  ZopaShownRow *self = ZOPA_SHOWN_ROW (object);
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  g_signal_handlers_disconnect_by_func (self, on_title_changed, NULL);
  priv->shown_check = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_SHOWN_ROW);
  g_clear_object (&priv->item);
  G_OBJECT_CLASS (zopa_shown_row_parent_class)->dispose (object);
}

static void
zopa_shown_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZopaShownRow *self = ZOPA_SHOWN_ROW (object);
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, priv->item);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, priv->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_shown_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZopaShownRow *self = ZOPA_SHOWN_ROW (object);
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM:
      priv->item = g_value_dup_object (value);
      break;
    case PROP_SHOWN:
      zopa_shown_row_set_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_shown_row_class_init (ZopaShownRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_shown_row_dispose;
  object_class->get_property = zopa_shown_row_get_property;
  object_class->set_property = zopa_shown_row_set_property;
  widget_class->focus = zopa_shown_row_focus;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-shown-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_shown_toggled);
}

static void
zopa_shown_row_init (ZopaShownRow *self)
{
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  describe_shown (self);
  /* Not a bound child: a subclass's dispose runs this class's twice, which a bound child
   * does not survive. The check, the row's prefix, lives as long as the row. */
  priv->shown_check = find_check (GTK_WIDGET (self));
  g_assert (priv->shown_check != NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
  on_title_changed (self);
}

gpointer
zopa_shown_row_get_item (ZopaShownRow *self)
{
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  g_return_val_if_fail (ZOPA_IS_SHOWN_ROW (self), NULL);

  return priv->item;
}

gboolean
zopa_shown_row_get_shown (ZopaShownRow *self)
{
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  g_return_val_if_fail (ZOPA_IS_SHOWN_ROW (self), FALSE);

  return priv->shown;
}

void
zopa_shown_row_set_shown (ZopaShownRow *self,
                          gboolean      shown)
{
  ZopaShownRowPrivate *priv = zopa_shown_row_get_instance_private (self);

  g_return_if_fail (ZOPA_IS_SHOWN_ROW (self));

  shown = !!shown;
  if (priv->shown == shown)
    return;
  priv->shown = shown;
  describe_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}
