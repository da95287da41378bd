/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-frame-row.c: a frame of the storyboard in the sidebar */

#include "config.h"

#include <glib/gi18n.h>

#include "model/zopa-edit.h"
#include "zopa-frame-row.h"
#include "zopa-history-binding.h"
#include "zopa-user-text.h"

struct _ZopaFrameRow
{
  AdwActionRow        parent_instance;

  ZopaFrame          *frame;
  ZopaSession        *session;
  ZopaHistoryBinding *caption_binding;
  guint               position;

  GtkLabel           *number_label;
  GtkPopover         *caption_popover;
  GtkEntry           *caption_entry;
};

G_DEFINE_FINAL_TYPE (ZopaFrameRow, zopa_frame_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_FRAME,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ZopaScenario *
get_scenario (ZopaFrameRow *self)
{
  return zopa_session_get_scenario (self->session);
}

static ZopaHistory *
get_history (ZopaFrameRow *self)
{
  return zopa_document_get_history (zopa_session_get_document (self->session));
}

static const char *
view_label (const char *view,
            const char *mode)
{
  if (g_strcmp0 (view, "issue-map") == 0)
    return _("Issue map");
  if (g_strcmp0 (view, "bargaining") == 0)
    return _("Bargaining");
  if (g_strcmp0 (mode, "proportional") == 0)
    return _("Venn to scale");
  return _("Venn");
}

/* "Venn · Kyiv, Moscow · Post-Putin leadership · 3 drafts" */
static char *
describe_frame (ZopaFrameRow *self)
{
  ZopaScenario *scenario = get_scenario (self);
  const char * const *actors = zopa_frame_get_actors (self->frame);
  const char * const *drafts = zopa_frame_get_drafts (self->frame);
  const char *variant_id = zopa_frame_get_variant (self->frame);
  g_autoptr(GString) text = g_string_new (view_label (zopa_frame_get_view (self->frame),
                                                      zopa_frame_get_mode (self->frame)));

  g_string_append (text, " · ");
  if (actors == NULL)
    g_string_append (text, _("every actor"));
  for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
    {
      ZopaActor *actor = zopa_scenario_find_actor (scenario, actors[i]);
      const char *name = actor != NULL ? zopa_actor_get_name (actor) : NULL;

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, name != NULL && *name != '\0' ? name : actors[i]);
    }
  if (variant_id != NULL)
    {
      ZopaVariant *variant = zopa_scenario_find_variant (scenario, variant_id);
      const char *title = variant != NULL ? zopa_variant_get_title (variant) : NULL;

      g_string_append (text, " · ");
      g_string_append (text, title != NULL && *title != '\0' ? title : variant_id);
    }
  g_string_append (text, " · ");
  if (drafts == NULL)
    g_string_append (text, _("every draft"));
  else
    {
      guint n = g_strv_length ((char **) drafts);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u draft", "%u drafts", n), n);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Names and titles change without a notify of the frame: follow the whole scenario. */
static void
update_title (ZopaFrameRow *self)
{
  const char *caption = zopa_frame_get_caption (self->frame);
  g_autofree char *summary = describe_frame (self);

  zopa_user_text_set_row_title (ADW_PREFERENCES_ROW (self),
                                caption != NULL && *caption != '\0' ? caption : _("Untitled Frame"));
  zopa_user_text_set_row_subtitle (ADW_PREFERENCES_ROW (self), summary);
}

void
zopa_frame_row_set_position (ZopaFrameRow *self,
                             guint         position,
                             guint         n_frames)
{
  g_autofree char *number = NULL;

  g_return_if_fail (ZOPA_IS_FRAME_ROW (self));

  self->position = position;
  number = g_strdup_printf ("%u", position + 1);
  gtk_label_set_label (self->number_label, number);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "frame.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "frame.move-down", position + 1 < n_frames);
}

/* Actions */

static void
on_activated (ZopaFrameRow *self)
{
  zopa_session_apply_frame (self->session, self->frame);
}

static void
show_frame (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  on_activated (ZOPA_FRAME_ROW (widget));
}

static void
edit_caption (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (widget);

  gtk_popover_popup (self->caption_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->caption_entry));
}

static void
on_caption_activate (ZopaFrameRow *self)
{
  gtk_popover_popdown (self->caption_popover);
}

/* Keeps the caption; everything else becomes what the window shows, in one undo step. */
static void
replace_frame (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (widget);
  g_autoptr(ZopaFrame) now = zopa_session_new_frame (self->session);

  zopa_history_set (get_history (self), self->frame,
                    "view", zopa_frame_get_view (now),
                    "mode", zopa_frame_get_mode (now),
                    "variant", zopa_frame_get_variant (now),
                    "actors", zopa_frame_get_actors (now),
                    "drafts", zopa_frame_get_drafts (now),
                    "selected", zopa_frame_get_selected (now),
                    NULL);
}

static void
move_frame (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (widget);
  gboolean up = g_str_equal (action_name, "frame.move-up");

  if (up && self->position == 0)
    return;
  zopa_history_move (get_history (self), get_scenario (self), self->frame,
                     up ? self->position - 1 : self->position + 1);
}

static void
delete_frame (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (widget);

  zopa_edit_delete (get_history (self), self->frame);
}

/* Object */

static void
zopa_frame_row_constructed (GObject *object)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (object);

  G_OBJECT_CLASS (zopa_frame_row_parent_class)->constructed (object);

  zopa_history_binding_keep (&self->caption_binding,
                             zopa_history_bind (get_history (self), self->frame, "caption",
                                                self->caption_entry, ZOPA_HISTORY_BIND_EMPTY_IS_NULL));
  g_signal_connect_object (get_scenario (self), "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
}

static void
zopa_frame_row_dispose (GObject *object)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (object);

  zopa_history_binding_clear (&self->caption_binding);
  if (self->caption_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->caption_popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_FRAME_ROW);
  g_clear_object (&self->frame);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (zopa_frame_row_parent_class)->dispose (object);
}

static void
zopa_frame_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (object);

  switch (prop_id)
    {
    case PROP_FRAME:
      self->frame = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_frame_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZopaFrameRow *self = ZOPA_FRAME_ROW (object);

  switch (prop_id)
    {
    case PROP_FRAME:
      g_value_set_object (value, self->frame);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_frame_row_class_init (ZopaFrameRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zopa_frame_row_constructed;
  object_class->dispose = zopa_frame_row_dispose;
  object_class->set_property = zopa_frame_row_set_property;
  object_class->get_property = zopa_frame_row_get_property;

  properties[PROP_FRAME] = g_param_spec_object ("frame", NULL, NULL, ZOPA_TYPE_FRAME, flags);
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, ZOPA_TYPE_SESSION, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-frame-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaFrameRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, ZopaFrameRow, caption_popover);
  gtk_widget_class_bind_template_child (widget_class, ZopaFrameRow, caption_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_caption_activate);
  gtk_widget_class_install_action (widget_class, "frame.show", NULL, show_frame);
  gtk_widget_class_install_action (widget_class, "frame.edit-caption", NULL, edit_caption);
  gtk_widget_class_install_action (widget_class, "frame.replace", NULL, replace_frame);
  gtk_widget_class_install_action (widget_class, "frame.move-up", NULL, move_frame);
  gtk_widget_class_install_action (widget_class, "frame.move-down", NULL, move_frame);
  gtk_widget_class_install_action (widget_class, "frame.delete", NULL, delete_frame);
}

static void
zopa_frame_row_init (ZopaFrameRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->caption_popover), GTK_WIDGET (self));
}

GtkWidget *
zopa_frame_row_new (ZopaFrame   *frame,
                    ZopaSession *session)
{
  g_return_val_if_fail (ZOPA_IS_FRAME (frame), NULL);
  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  return g_object_new (ZOPA_TYPE_FRAME_ROW, "frame", frame, "session", session, NULL);
}

ZopaFrame *
zopa_frame_row_get_frame (ZopaFrameRow *self)
{
  g_return_val_if_fail (ZOPA_IS_FRAME_ROW (self), NULL);
  return self->frame;
}
