/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-acceptability-choice.c: acceptable, maybe or red line */

#include "config.h"

#include "zopa-acceptability-choice.h"

struct _ZopaAcceptabilityChoice
{
  GtkWidget        parent_instance;

  GtkToggleButton *acceptable_button;
  GtkToggleButton *maybe_button;
  GtkToggleButton *red_line_button;
};

G_DEFINE_FINAL_TYPE (ZopaAcceptabilityChoice, zopa_acceptability_choice, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_button_toggled (ZopaAcceptabilityChoice *self,
                   GtkToggleButton         *button)
{
  /* In a group, the button let go toggles too: only the one pressed tells. */
  if (gtk_toggle_button_get_active (button))
    g_signal_emit (self, signals[CHOSEN], 0);
}

static void
zopa_acceptability_choice_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZOPA_TYPE_ACCEPTABILITY_CHOICE);
  G_OBJECT_CLASS (zopa_acceptability_choice_parent_class)->dispose (object);
}

static void
zopa_acceptability_choice_class_init (ZopaAcceptabilityChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_acceptability_choice_dispose;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-acceptability-choice.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zopa-acceptability-choice");
  gtk_widget_class_bind_template_child (widget_class, ZopaAcceptabilityChoice, acceptable_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaAcceptabilityChoice, maybe_button);
  gtk_widget_class_bind_template_child (widget_class, ZopaAcceptabilityChoice, red_line_button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_toggled);
}

static void
zopa_acceptability_choice_init (ZopaAcceptabilityChoice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zopa_acceptability_choice_new (void)
{
  return g_object_new (ZOPA_TYPE_ACCEPTABILITY_CHOICE, NULL);
}

GtkToggleButton *
zopa_acceptability_choice_get_button (ZopaAcceptabilityChoice *self,
                                      ZopaAcceptability        acceptability)
{
  g_return_val_if_fail (ZOPA_IS_ACCEPTABILITY_CHOICE (self), NULL);

  switch (acceptability)
    {
    case ZOPA_ACCEPTABILITY_ACCEPTABLE:
      return self->acceptable_button;
    case ZOPA_ACCEPTABILITY_MAYBE:
      return self->maybe_button;
    case ZOPA_ACCEPTABILITY_RED_LINE:
      return self->red_line_button;
    default:
      g_return_val_if_reached (NULL);
    }
}

ZopaAcceptability
zopa_acceptability_choice_get_acceptability (ZopaAcceptabilityChoice *self)
{
  g_return_val_if_fail (ZOPA_IS_ACCEPTABILITY_CHOICE (self), ZOPA_ACCEPTABILITY_RED_LINE);

  if (gtk_toggle_button_get_active (self->acceptable_button))
    return ZOPA_ACCEPTABILITY_ACCEPTABLE;
  if (gtk_toggle_button_get_active (self->maybe_button))
    return ZOPA_ACCEPTABILITY_MAYBE;
  return ZOPA_ACCEPTABILITY_RED_LINE;
}

void
zopa_acceptability_choice_set_acceptability (ZopaAcceptabilityChoice *self,
                                             ZopaAcceptability        acceptability)
{
  GtkToggleButton *button;

  g_return_if_fail (ZOPA_IS_ACCEPTABILITY_CHOICE (self));

  button = zopa_acceptability_choice_get_button (self, acceptability);
  if (button == NULL || gtk_toggle_button_get_active (button))
    return;
  g_signal_handlers_block_by_func (self->acceptable_button, on_button_toggled, self);
  g_signal_handlers_block_by_func (self->maybe_button, on_button_toggled, self);
  g_signal_handlers_block_by_func (self->red_line_button, on_button_toggled, self);
  gtk_toggle_button_set_active (button, TRUE);
  g_signal_handlers_unblock_by_func (self->red_line_button, on_button_toggled, self);
  g_signal_handlers_unblock_by_func (self->maybe_button, on_button_toggled, self);
  g_signal_handlers_unblock_by_func (self->acceptable_button, on_button_toggled, self);
}

void
zopa_acceptability_choice_set_subject (ZopaAcceptabilityChoice *self,
                                       const char              *subject)
{
  g_return_if_fail (ZOPA_IS_ACCEPTABILITY_CHOICE (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, subject, -1);
}
