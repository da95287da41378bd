/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-history-binding.c: a model property shown in a widget, edited through the history */

#include "config.h"

#include "zopa-editor-common.h"
#include "zopa-history-binding.h"

typedef enum {
  KIND_EDITABLE,
  KIND_TEXT_VIEW,
  KIND_SPIN_BUTTON,
  KIND_ADJUSTMENT,
  KIND_CHECK_BUTTON,
  KIND_SWITCH,
} WidgetKind;

struct _ZopaHistoryBinding
{
  ZopaHistory          *history;
  GObject              *object;    /* weak */
  GObject              *widget;    /* weak */
  GObject              *emitter;   /* what reports the widget's changes: it, or its buffer
                                    * (held, as it may outlive the view) */
  GParamSpec           *pspec;
  WidgetKind            kind;
  ZopaHistoryBindFlags  flags;
  gulong                changed_handler;
  gulong                notify_handler;
  ZopaHistoryBinding  **slot;      /* cleared when the binding ends, if set */
};

static void binding_free (ZopaHistoryBinding *self);

static void
on_object_gone (gpointer  data,
                GObject  *where_the_object_was)
{
  ZopaHistoryBinding *self = data;

  self->object = NULL;
  binding_free (self);
}

static void
on_widget_gone (gpointer  data,
                GObject  *where_the_widget_was)
{
  ZopaHistoryBinding *self = data;

  self->widget = NULL;
  binding_free (self);
}

static void
binding_free (ZopaHistoryBinding *self)
{
  if (self->slot != NULL)
    *self->slot = NULL;
  if (self->object != NULL)
    {
      g_signal_handler_disconnect (self->object, self->notify_handler);
      g_object_weak_unref (self->object, on_object_gone, self);
    }
  if (self->widget != NULL)
    g_object_weak_unref (self->widget, on_widget_gone, self);
  if (self->kind == KIND_TEXT_VIEW)
    {
      g_signal_handler_disconnect (self->emitter, self->changed_handler);
      g_object_unref (self->emitter);
    }
  else if (self->widget != NULL)
    g_signal_handler_disconnect (self->emitter, self->changed_handler);
  g_clear_object (&self->history);
  g_free (self);
}

/* The widget's value, as the property's type. */
static void
read_widget (ZopaHistoryBinding *self,
             GValue             *value)
{
  g_value_init (value, self->pspec->value_type);
  switch (self->kind)
    {
    case KIND_EDITABLE:
    case KIND_TEXT_VIEW:
      {
        g_autofree char *text = self->kind == KIND_EDITABLE
                                ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->widget)))
                                : zopa_editor_dup_buffer_text (GTK_TEXT_BUFFER (self->emitter));

        if ((self->flags & ZOPA_HISTORY_BIND_EMPTY_IS_NULL) && *text == '\0')
          g_value_set_string (value, NULL);
        else
          g_value_take_string (value, g_steal_pointer (&text));
      }
      break;
    case KIND_SPIN_BUTTON:
    case KIND_ADJUSTMENT:
      {
        double number = self->kind == KIND_SPIN_BUTTON
                        ? gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->widget))
                        : gtk_adjustment_get_value (GTK_ADJUSTMENT (self->widget));

        if (G_VALUE_HOLDS_INT (value))
          g_value_set_int (value, (int) (number + (number < 0 ? -0.5 : 0.5)));
        else
          g_value_set_double (value, number);
      }
      break;
    case KIND_CHECK_BUTTON:
      g_value_set_boolean (value, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->widget)));
      break;
    case KIND_SWITCH:
      g_value_set_boolean (value, gtk_switch_get_active (GTK_SWITCH (self->widget)));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Model → widget; the widget's own change signal is held so that nothing echoes back. */
static void
push_to_widget (ZopaHistoryBinding *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, self->pspec->value_type);
  g_object_get_property (self->object, self->pspec->name, &value);
  g_signal_handler_block (self->emitter, self->changed_handler);
  switch (self->kind)
    {
    case KIND_EDITABLE:
      zopa_editor_set_text (GTK_EDITABLE (self->widget), g_value_get_string (&value));
      break;
    case KIND_TEXT_VIEW:
      zopa_editor_set_view_text (GTK_TEXT_VIEW (self->widget), g_value_get_string (&value));
      break;
    case KIND_SPIN_BUTTON:
      zopa_editor_set_spin_value (GTK_SPIN_BUTTON (self->widget),
                                  G_VALUE_HOLDS_INT (&value) ? g_value_get_int (&value) : g_value_get_double (&value));
      break;
    case KIND_ADJUSTMENT:
      {
        double number = G_VALUE_HOLDS_INT (&value) ? g_value_get_int (&value) : g_value_get_double (&value);

        if (gtk_adjustment_get_value (GTK_ADJUSTMENT (self->widget)) != number)
          gtk_adjustment_set_value (GTK_ADJUSTMENT (self->widget), number);
      }
      break;
    case KIND_CHECK_BUTTON:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->widget), g_value_get_boolean (&value));
      break;
    case KIND_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (self->widget), g_value_get_boolean (&value));
      break;
    default:
      g_assert_not_reached ();
    }
  g_signal_handler_unblock (self->emitter, self->changed_handler);
}

/* Widget → history: one step, or none when the value is the model's already. */
static void
on_widget_changed (ZopaHistoryBinding *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  read_widget (self, &value);
  zopa_history_set_value (self->history, self->object, self->pspec->name, &value);
}

static void
on_property_notify (ZopaHistoryBinding *self)
{
  push_to_widget (self);
}

static gboolean
widget_kind (GObject    *widget,
             WidgetKind *kind,
             GObject   **emitter,
             const char **signal)
{
  *emitter = widget;
  if (GTK_IS_TEXT_VIEW (widget))
    {
      *kind = KIND_TEXT_VIEW;
      *emitter = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
      *signal = "changed";
    }
  else if (GTK_IS_SPIN_BUTTON (widget))
    {
      *kind = KIND_SPIN_BUTTON;
      *signal = "value-changed";
    }
  else if (GTK_IS_EDITABLE (widget))
    {
      *kind = KIND_EDITABLE;
      *signal = "changed";
    }
  else if (GTK_IS_ADJUSTMENT (widget))
    {
      *kind = KIND_ADJUSTMENT;
      *signal = "value-changed";
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      *kind = KIND_CHECK_BUTTON;
      *signal = "toggled";
    }
  else if (GTK_IS_SWITCH (widget))
    {
      *kind = KIND_SWITCH;
      *signal = "notify::active";
    }
  else
    return FALSE;
  return TRUE;
}

ZopaHistoryBinding *
zopa_history_bind (ZopaHistory          *history,
                   gpointer              object,
                   const char           *property,
                   gpointer              widget,
                   ZopaHistoryBindFlags  flags)
{
  ZopaHistoryBinding *self;
  GParamSpec *pspec;
  GObject *emitter;
  WidgetKind kind;
  const char *signal;
  g_autofree char *notify = NULL;

  g_return_val_if_fail (ZOPA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (G_IS_OBJECT (widget), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);
  if (!widget_kind (widget, &kind, &emitter, &signal))
    {
      g_critical ("%s: cannot bind a %s", G_STRFUNC, G_OBJECT_TYPE_NAME (widget));
      return NULL;
    }

  self = g_new0 (ZopaHistoryBinding, 1);
  self->history = g_object_ref (history);
  self->object = object;
  self->widget = widget;
  self->emitter = kind == KIND_TEXT_VIEW ? g_object_ref (emitter) : emitter;
  self->pspec = pspec;
  self->kind = kind;
  self->flags = flags;
  g_object_weak_ref (self->object, on_object_gone, self);
  g_object_weak_ref (self->widget, on_widget_gone, self);

  notify = g_strconcat ("notify::", pspec->name, NULL);
  self->notify_handler = g_signal_connect_swapped (object, notify, G_CALLBACK (on_property_notify), self);
  self->changed_handler = g_signal_connect_swapped (emitter, signal, G_CALLBACK (on_widget_changed), self);
  push_to_widget (self);
  return self;
}

void
zopa_history_binding_unbind (ZopaHistoryBinding *binding)
{
  g_return_if_fail (binding != NULL);

  binding_free (binding);
}

void
zopa_history_binding_keep (ZopaHistoryBinding **slot,
                           ZopaHistoryBinding  *binding)
{
  g_return_if_fail (slot != NULL);

  zopa_history_binding_clear (slot);
  if (binding == NULL)
    return;
  g_return_if_fail (binding->slot == NULL);
  binding->slot = slot;
  *slot = binding;
}

void
zopa_history_binding_clear (ZopaHistoryBinding **slot)
{
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    binding_free (*slot);
}
