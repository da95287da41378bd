/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-range-control.c: one value, or a range "from – to" */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-range-control.h"
#include "zopa-sources-popover.h"

struct _ZopaRangeControl
{
  GtkWidget        parent_instance;

  char            *subject;
  ZopaScenario    *scenario;
  ZopaActor       *actor;

  GtkSpinButton   *from_spin;
  GtkWidget       *dash;
  GtkSpinButton   *to_spin;
  GtkToggleButton *toggle;
  GtkMenuButton   *sources_button;
};

G_DEFINE_FINAL_TYPE (ZopaRangeControl, zopa_range_control, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UPPER,
  PROP_SUBJECT,
  N_PROPS
};

enum {
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void on_from_changed (ZopaRangeControl *self);
static void on_to_changed   (ZopaRangeControl *self);
static void on_toggled      (ZopaRangeControl *self);

static gboolean
is_ranged (ZopaRangeControl *self)
{
  return gtk_toggle_button_get_active (self->toggle);
}

static gboolean
actor_cites_sources (ZopaRangeControl *self)
{
  const char * const *sources = self->actor != NULL ? zopa_actor_get_sources (self->actor) : NULL;

  return self->scenario != NULL && sources != NULL && sources[0] != NULL;
}

static void
set_accessible_label (gpointer    widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* What is shown follows the form: the second spin, the dash, the names and the sources. */
static void
update_form (ZopaRangeControl *self)
{
  gboolean ranged = is_ranged (self);
  const char *subject = self->subject != NULL ? self->subject : _("Value");

  gtk_widget_set_visible (self->dash, ranged);
  gtk_widget_set_visible (GTK_WIDGET (self->to_spin), ranged);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_button), ranged && actor_cites_sources (self));

  if (ranged)
    {
      /* Translators: the accessible name of the low end of a range, e.g. "Moscow's reservation, from" */
      g_autofree char *from = g_strdup_printf (_("%s, from"), subject);
      /* Translators: the accessible name of the high end of a range */
      g_autofree char *to = g_strdup_printf (_("%s, to"), subject);

      set_accessible_label (self->from_spin, from);
      set_accessible_label (self->to_spin, to);
    }
  else
    set_accessible_label (self->from_spin, subject);
}

static void
update_names (ZopaRangeControl *self)
{
  const char *subject = self->subject != NULL ? self->subject : _("Value");
  /* Translators: the accessible name of the toggle that makes a value a range */
  g_autofree char *toggle = g_strdup_printf (_("%s, as a range"), subject);
  /* Translators: the accessible name of the button that shows the sources of a value */
  g_autofree char *sources = g_strdup_printf (_("Sources for %s"), subject);

  set_accessible_label (self->toggle, toggle);
  set_accessible_label (self->sources_button, sources);
  update_form (self);
}

/* Shows range without any handler running. */
static void
show_range (ZopaRangeControl *self,
            ZopaRange         range)
{
  g_signal_handlers_block_by_func (self->from_spin, on_from_changed, self);
  g_signal_handlers_block_by_func (self->to_spin, on_to_changed, self);
  g_signal_handlers_block_by_func (self->toggle, on_toggled, self);
  if (gtk_spin_button_get_value_as_int (self->from_spin) != range.low)
    gtk_spin_button_set_value (self->from_spin, range.low);
  if (gtk_spin_button_get_value_as_int (self->to_spin) != range.high)
    gtk_spin_button_set_value (self->to_spin, range.high);
  gtk_toggle_button_set_active (self->toggle, range.ranged);
  g_signal_handlers_unblock_by_func (self->toggle, on_toggled, self);
  g_signal_handlers_unblock_by_func (self->to_spin, on_to_changed, self);
  g_signal_handlers_unblock_by_func (self->from_spin, on_from_changed, self);
  update_form (self);
}

static void
on_from_changed (ZopaRangeControl *self)
{
  ZopaRange range = zopa_range_control_get_range (self);

  /* "to" follows "from" up, so low ≤ high holds and the user sees the new high end. */
  if (range.ranged && range.high < range.low)
    range.high = range.low;
  show_range (self, range);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_to_changed (ZopaRangeControl *self)
{
  ZopaRange range = zopa_range_control_get_range (self);

  if (!range.ranged)
    return;
  range.high = gtk_spin_button_get_value_as_int (self->to_spin);
  if (range.low > range.high)
    range.low = range.high;
  show_range (self, range);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_toggled (ZopaRangeControl *self)
{
  int low = gtk_spin_button_get_value_as_int (self->from_spin);
  ZopaRange range = { low, low, is_ranged (self) };

  /* A new range starts as the value it was; one value again keeps the low end. */
  show_range (self, range);
  if (range.ranged)
    gtk_widget_grab_focus (GTK_WIDGET (self->to_spin));
  g_signal_emit (self, signals[EDITED], 0);
}

static GtkWidget *
create_sources_popover (ZopaRangeControl *self)
{
  return zopa_sources_popover_new (self->scenario, self->actor);
}

static void
on_sources_popup (GtkMenuButton *button,
                  gpointer       user_data)
{
  ZopaRangeControl *self = user_data;

  /* Made on each opening, so that it shows the sources as they are now. */
  gtk_menu_button_set_popover (button, create_sources_popover (self));
}

/* The object */

static void
zopa_range_control_dispose (GObject *object)
{
  ZopaRangeControl *self = ZOPA_RANGE_CONTROL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_RANGE_CONTROL);
  g_clear_object (&self->scenario);
  g_clear_object (&self->actor);
  G_OBJECT_CLASS (zopa_range_control_parent_class)->dispose (object);
}

static void
zopa_range_control_finalize (GObject *object)
{
  ZopaRangeControl *self = ZOPA_RANGE_CONTROL (object);

  g_free (self->subject);
  G_OBJECT_CLASS (zopa_range_control_parent_class)->finalize (object);
}

static void
zopa_range_control_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZopaRangeControl *self = ZOPA_RANGE_CONTROL (object);

  switch (prop_id)
    {
    case PROP_UPPER:
      g_value_set_int (value, zopa_range_control_get_upper (self));
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_range_control_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZopaRangeControl *self = ZOPA_RANGE_CONTROL (object);

  switch (prop_id)
    {
    case PROP_UPPER:
      zopa_range_control_set_upper (self, g_value_get_int (value));
      break;
    case PROP_SUBJECT:
      zopa_range_control_set_subject (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_range_control_class_init (ZopaRangeControlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zopa_range_control_dispose;
  object_class->finalize = zopa_range_control_finalize;
  object_class->get_property = zopa_range_control_get_property;
  object_class->set_property = zopa_range_control_set_property;

  properties[PROP_UPPER] = g_param_spec_int ("upper", NULL, NULL, 0, G_MAXINT, 100, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user changed the value (not set_range()): get_range() says the new one. */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-range-control.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zopa-range-control");
  gtk_widget_class_bind_template_child (widget_class, ZopaRangeControl, from_spin);
  gtk_widget_class_bind_template_child (widget_class, ZopaRangeControl, dash);
  gtk_widget_class_bind_template_child (widget_class, ZopaRangeControl, to_spin);
  gtk_widget_class_bind_template_child (widget_class, ZopaRangeControl, toggle);
  gtk_widget_class_bind_template_child (widget_class, ZopaRangeControl, sources_button);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);
}

static void
zopa_range_control_init (ZopaRangeControl *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  gtk_menu_button_set_create_popup_func (self->sources_button, on_sources_popup, self, NULL);
  update_names (self);
}

GtkWidget *
zopa_range_control_new (void)
{
  return g_object_new (ZOPA_TYPE_RANGE_CONTROL, NULL);
}

int
zopa_range_control_get_upper (ZopaRangeControl *self)
{
  g_return_val_if_fail (ZOPA_IS_RANGE_CONTROL (self), 0);

  return (int) gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (self->from_spin));
}

void
zopa_range_control_set_upper (ZopaRangeControl *self,
                              int               upper)
{
  ZopaRange range;

  g_return_if_fail (ZOPA_IS_RANGE_CONTROL (self));
  g_return_if_fail (upper >= 0);

  if (upper == zopa_range_control_get_upper (self))
    return;
  range = zopa_range_control_get_range (self);
  g_signal_handlers_block_by_func (self->from_spin, on_from_changed, self);
  g_signal_handlers_block_by_func (self->to_spin, on_to_changed, self);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->from_spin), upper);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->to_spin), upper);
  g_signal_handlers_unblock_by_func (self->to_spin, on_to_changed, self);
  g_signal_handlers_unblock_by_func (self->from_spin, on_from_changed, self);
  range.low = MIN (range.low, upper);
  range.high = MIN (range.high, upper);
  show_range (self, range);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPPER]);
}

const char *
zopa_range_control_get_subject (ZopaRangeControl *self)
{
  g_return_val_if_fail (ZOPA_IS_RANGE_CONTROL (self), NULL);

  return self->subject;
}

void
zopa_range_control_set_subject (ZopaRangeControl *self,
                                const char       *subject)
{
  g_return_if_fail (ZOPA_IS_RANGE_CONTROL (self));

  if (g_strcmp0 (subject, self->subject) == 0)
    return;
  g_free (self->subject);
  self->subject = g_strdup (subject);
  update_names (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

ZopaRange
zopa_range_control_get_range (ZopaRangeControl *self)
{
  ZopaRange range = { 0, 0, FALSE };

  g_return_val_if_fail (ZOPA_IS_RANGE_CONTROL (self), range);

  range.low = gtk_spin_button_get_value_as_int (self->from_spin);
  range.ranged = is_ranged (self);
  range.high = range.ranged ? gtk_spin_button_get_value_as_int (self->to_spin) : range.low;
  return range;
}

void
zopa_range_control_set_range (ZopaRangeControl *self,
                              ZopaRange         range)
{
  g_return_if_fail (ZOPA_IS_RANGE_CONTROL (self));
  g_return_if_fail (range.low <= range.high);

  show_range (self, range);
}

void
zopa_range_control_set_sources (ZopaRangeControl *self,
                                ZopaScenario     *scenario,
                                ZopaActor        *actor)
{
  g_return_if_fail (ZOPA_IS_RANGE_CONTROL (self));
  g_return_if_fail (scenario == NULL || ZOPA_IS_SCENARIO (scenario));
  g_return_if_fail (actor == NULL || ZOPA_IS_ACTOR (actor));

  g_set_object (&self->scenario, scenario);
  g_set_object (&self->actor, actor);
  update_form (self);
}

GtkSpinButton *
zopa_range_control_get_from_spin (ZopaRangeControl *self)
{
  g_return_val_if_fail (ZOPA_IS_RANGE_CONTROL (self), NULL);

  return self->from_spin;
}

GtkSpinButton *
zopa_range_control_get_to_spin (ZopaRangeControl *self)
{
  g_return_val_if_fail (ZOPA_IS_RANGE_CONTROL (self), NULL);

  return self->to_spin;
}

GtkToggleButton *
zopa_range_control_get_toggle (ZopaRangeControl *self)
{
  g_return_val_if_fail (ZOPA_IS_RANGE_CONTROL (self), NULL);

  return self->toggle;
}

GtkMenuButton *
zopa_range_control_get_sources_button (ZopaRangeControl *self)
{
  g_return_val_if_fail (ZOPA_IS_RANGE_CONTROL (self), NULL);

  return self->sources_button;
}
