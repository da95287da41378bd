/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-diagram-area.c: the diagram widget — draws with the one renderer, and explains
 * what is under the pointer or the keyboard focus */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zopa-background.h"
#include "zopa-diagram-area.h"
#include "zopa-user-text.h"

/* How long the slow part of a new diagram may take before "Working…" shows. */
#define PREPARING_NOTICE_MS 100

struct _ZopaDiagramArea
{
  GtkWidget        parent_instance;

  ZopaSession     *session;
  ZopaDiagram     *diagram;
  ZopaDiagramItem  hover;
  /* Position in the diagram's focus items; -1 before the first Tab. */
  int              focus_position;
  /* What zopa_diagram_area_set_highlight() picked out, applied to every new diagram. */
  GArray          *highlight_masks;
  GArray          *highlight_drafts;
  /* The slow part of the next diagram (a fit, a frontier) on a worker thread; the diagram
   * shown stays until it is done. */
  GCancellable    *preparing;
  guint            preparing_notice_id;
  gboolean         preparing_noticed;
};

G_DEFINE_FINAL_TYPE (ZopaDiagramArea, zopa_diagram_area, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ZopaDiagramTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? ZOPA_DIAGRAM_THEME_DARK : ZOPA_DIAGRAM_THEME_LIGHT;
}

static int
selected_draft_index (ZopaDiagramArea *self,
                      ZopaAnalysis    *analysis)
{
  const char *selected = zopa_session_get_selected_draft (self->session);

  if (selected == NULL)
    return -1;
  for (guint i = 0; i < zopa_analysis_get_n_drafts (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, i), selected) == 0)
      return i;
  return -1;
}

static gboolean
get_focus_item (ZopaDiagramArea *self,
                ZopaDiagramItem *item)
{
  zopa_diagram_item_init (item);
  if (self->diagram == NULL || self->focus_position < 0)
    return FALSE;
  return zopa_diagram_get_focus_item (self->diagram, self->focus_position, item, NULL);
}

static void
update_accessible (ZopaDiagramArea *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *focused = NULL;
  g_autofree char *description = NULL;
  ZopaDiagramItem item;

  if (self->diagram == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Nothing to show"),
                                      -1);
      return;
    }
  summary = zopa_diagram_describe_summary (self->diagram);
  if (get_focus_item (self, &item))
    focused = zopa_diagram_describe (self->diagram, &item);
  description = focused ? g_strconcat (focused, "\n\n", summary, NULL) : g_strdup (summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
apply_highlight (ZopaDiagramArea *self)
{
  zopa_diagram_set_emphasis (self->diagram,
                             (const guint *) self->highlight_masks->data, self->highlight_masks->len,
                             (const guint *) self->highlight_drafts->data, self->highlight_drafts->len);
}

static void
build_diagram (ZopaDiagramArea          *self,
               ZopaAnalysis             *analysis,
               const ZopaDiagramOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->diagram);
  zopa_diagram_item_init (&self->hover);

  if (analysis != NULL)
    {
      self->diagram = zopa_diagram_new (zopa_session_get_scenario (self->session),
                                        analysis, options, &error);
      if (self->diagram == NULL)
        g_warning ("Cannot draw the diagram: %s", error->message);
      else
        {
          zopa_diagram_set_selected_draft (self->diagram, selected_draft_index (self, analysis));
          apply_highlight (self);
        }
    }

  if (self->diagram == NULL
      || (guint) self->focus_position >= zopa_diagram_get_n_focus_items (self->diagram))
    self->focus_position = -1;
  if (self->diagram != NULL)
    {
      ZopaDiagramItem item;
      if (get_focus_item (self, &item) && gtk_widget_has_focus (GTK_WIDGET (self)))
        zopa_diagram_set_focus (self->diagram, &item);
    }

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The diagram's options for the session's current choices and the widget's size. */
static void
fill_options (ZopaDiagramArea    *self,
              ZopaDiagramOptions *options)
{
  zopa_session_fill_diagram_options (self->session, options);
  options->theme = current_theme ();
  options->frame = ZOPA_DIAGRAM_FRAME_LEGEND | ZOPA_DIAGRAM_FRAME_TITLE;
  options->width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 200);
  options->height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 150);
}

static void
stop_preparing (ZopaDiagramArea *self)
{
  if (self->preparing != NULL)
    g_cancellable_cancel (self->preparing);
  g_clear_object (&self->preparing);
  g_clear_handle_id (&self->preparing_notice_id, g_source_remove);
  if (self->preparing_noticed)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->preparing_noticed = FALSE;
}

static gboolean
notice_preparing (gpointer data)
{
  ZopaDiagramArea *self = data;

  self->preparing_notice_id = 0;
  self->preparing_noticed = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

typedef struct {
  ZopaAnalysis       *analysis;
  ZopaDiagramOptions  options;
  char               *pair[2];
} PrepareJob;

static void
prepare_job_free (gpointer data)
{
  PrepareJob *job = data;

  g_object_unref (job->analysis);
  g_free (job->pair[0]);
  g_free (job->pair[1]);
  g_free (job);
}

static gpointer
prepare_in_background (gpointer      data,
                       GCancellable *cancellable)
{
  PrepareJob *job = data;

  zopa_diagram_prepare (job->analysis, &job->options, cancellable);
  return g_object_ref (job->analysis);
}

static void
on_prepared (gpointer result,
             gpointer user_data)
{
  g_autoptr(ZopaAnalysis) analysis = result;
  ZopaDiagramArea *self = user_data;
  ZopaDiagramOptions options;

  stop_preparing (self);
  fill_options (self, &options);
  build_diagram (self, analysis, &options);
}

static void
start_preparing (ZopaDiagramArea          *self,
                 ZopaAnalysis             *analysis,
                 const ZopaDiagramOptions *options)
{
  PrepareJob *job = g_new0 (PrepareJob, 1);

  job->analysis = g_object_ref (analysis);
  job->options = *options;
  /* The job outlives the session's strings: it keeps copies of what preparing reads. */
  job->options.draft_ids = NULL;
  job->options.title = NULL;
  job->options.headline = NULL;
  for (guint k = 0; k < 2; k++)
    job->options.actor_pair[k] = job->pair[k] = g_strdup (options->actor_pair[k]);
  self->preparing = g_cancellable_new ();
  self->preparing_notice_id = g_timeout_add (PREPARING_NOTICE_MS, notice_preparing, self);
  zopa_background_run (prepare_in_background, job, prepare_job_free, g_object_unref,
                       self->preparing, on_prepared, self);
}

/* A new diagram for the session's analysis and choices: at once, or once its slow part is
 * done on a worker thread. */
static void
rebuild_diagram (ZopaDiagramArea *self)
{
  ZopaAnalysis *analysis = self->session ? zopa_session_get_analysis (self->session) : NULL;
  ZopaDiagramOptions options;

  stop_preparing (self);
  if (analysis != NULL)
    {
      fill_options (self, &options);
      if (!zopa_diagram_is_prepared (analysis, &options))
        {
          start_preparing (self, analysis, &options);
          return;
        }
    }
  build_diagram (self, analysis, &options);
}

static void
on_selected_draft_changed (ZopaDiagramArea *self)
{
  if (self->diagram == NULL)
    return;
  zopa_diagram_set_selected_draft (self->diagram,
                                   selected_draft_index (self, zopa_diagram_get_analysis (self->diagram)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed (ZopaDiagramArea *self)
{
  if (self->diagram == NULL)
    return;
  zopa_diagram_set_theme (self->diagram, current_theme ());
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zopa_diagram_area_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  ZopaDiagramArea *self = ZOPA_DIAGRAM_AREA (widget);

  if (self->diagram != NULL
      && (zopa_diagram_get_width (self->diagram) != width
          || zopa_diagram_get_height (self->diagram) != height)
      && width > 0 && height > 0)
    zopa_diagram_set_size (self->diagram, width, height);
  else if (self->diagram == NULL && self->session != NULL && self->preparing == NULL)
    rebuild_diagram (self);
}

/* Said in the middle of the area while a large analysis is still being solved. */
static void
append_working_label (ZopaDiagramArea *self,
                      GtkSnapshot     *snapshot,
                      int              width,
                      int              height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("Working…"));
  GdkRGBA color;
  int text_width, text_height;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - text_width) / 2.0f, (height - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
zopa_diagram_area_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ZopaDiagramArea *self = ZOPA_DIAGRAM_AREA (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->diagram == NULL && self->session != NULL && zopa_session_get_working (self->session))
    {
      append_working_label (self, snapshot, width, height);
      return;
    }
  if (self->diagram == NULL || width <= 0 || height <= 0)
    {
      if (self->preparing_noticed)
        append_working_label (self, snapshot, width, height);
      return;
    }
  /* The diagram of the last choices stays, faded, while the next one is prepared. */
  if (self->preparing_noticed)
    gtk_snapshot_push_opacity (snapshot, 0.3);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  zopa_diagram_draw (self->diagram, cr);
  cairo_destroy (cr);
  if (self->preparing_noticed)
    {
      gtk_snapshot_pop (snapshot);
      append_working_label (self, snapshot, width, height);
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ZopaDiagramArea          *self)
{
  ZopaDiagramItem item;

  if (self->diagram == NULL)
    return;
  zopa_diagram_hit_test (self->diagram, x, y, &item);
  if (zopa_diagram_item_equal (&item, &self->hover))
    return;
  self->hover = item;
  zopa_diagram_set_highlight (self->diagram, &item);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   item.kind == ZOPA_DIAGRAM_ITEM_DRAFT ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *controller,
          ZopaDiagramArea          *self)
{
  zopa_diagram_item_init (&self->hover);
  if (self->diagram != NULL)
    zopa_diagram_set_highlight (self->diagram, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the focus ring on the item at position (-1: none) and says it. */
static void
focus_item_at (ZopaDiagramArea *self,
               int              position)
{
  ZopaDiagramItem item;

  self->focus_position = position;
  if (self->diagram != NULL)
    zopa_diagram_set_focus (self->diagram, get_focus_item (self, &item) ? &item : NULL);
  update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_item (ZopaDiagramArea       *self,
             const ZopaDiagramItem *item)
{
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (self->diagram);

  if (item->kind == ZOPA_DIAGRAM_ITEM_DRAFT && item->draft >= 0)
    zopa_session_set_selected_draft (self->session,
                                     zopa_analysis_get_draft_id (analysis, item->draft));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            ZopaDiagramArea *self)
{
  ZopaDiagramItem item;

  if (self->diagram == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!zopa_diagram_hit_test (self->diagram, x, y, &item))
    return;
  /* The keyboard goes on from what was clicked. */
  for (guint i = 0; i < zopa_diagram_get_n_focus_items (self->diagram); i++)
    {
      ZopaDiagramItem focusable;

      if (zopa_diagram_get_focus_item (self->diagram, i, &focusable, NULL)
          && zopa_diagram_item_equal (&focusable, &item))
        {
          focus_item_at (self, (int) i);
          break;
        }
    }
  select_item (self, &item);
}

char *
zopa_diagram_area_describe_at (ZopaDiagramArea   *self,
                               double             x,
                               double             y,
                               cairo_rectangle_t *bounds)
{
  ZopaDiagramItem item;

  g_return_val_if_fail (ZOPA_IS_DIAGRAM_AREA (self), NULL);

  if (self->diagram == NULL || !zopa_diagram_hit_test (self->diagram, x, y, &item))
    return NULL;
  if (bounds != NULL && !zopa_diagram_get_item_bounds (self->diagram, &item, bounds))
    *bounds = (cairo_rectangle_t) { x, y, 1, 1 };
  return zopa_diagram_describe (self->diagram, &item);
}

static gboolean
zopa_diagram_area_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  ZopaDiagramArea *self = ZOPA_DIAGRAM_AREA (widget);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *label;
  ZopaDiagramItem item;
  cairo_rectangle_t bounds = { x, y, 1, 1 };

  if (self->diagram == NULL)
    return FALSE;
  if (keyboard_mode)
    {
      if (!get_focus_item (self, &item))
        return FALSE;
      zopa_diagram_get_item_bounds (self->diagram, &item, &bounds);
      text = zopa_diagram_describe (self->diagram, &item);
    }
  else
    text = zopa_diagram_area_describe_at (self, x, y, &bounds);

  if (text == NULL || *text == '\0')
    return FALSE;
  shown = zopa_display_text (text, ZOPA_DISPLAY_TEXT_PARAGRAPH);
  /* GTK 4.8's own tooltip label let a long "what would open it" line run off the screen. */
  label = gtk_label_new (shown);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.x, bounds.y, bounds.width, bounds.height });
  return TRUE;
}

/* Moves the focus ring by delta items in keyboard order (drafts, then regions or issues),
 * wrapping at either end. */
static gboolean
move_focus (ZopaDiagramArea *self,
            int              delta)
{
  guint n;

  if (self->diagram == NULL || (n = zopa_diagram_get_n_focus_items (self->diagram)) == 0)
    return FALSE;
  if (self->focus_position < 0)
    focus_item_at (self, delta > 0 ? 0 : (int) n - 1);
  else
    focus_item_at (self, (int) ((self->focus_position + delta + (int) n) % (int) n));
  return TRUE;
}

/* The diagram is one Tab stop: Tab enters it and the next Tab leaves it; inside, the arrow
 * keys move between its items. */
static gboolean
zopa_diagram_area_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  ZopaDiagramArea *self = ZOPA_DIAGRAM_AREA (widget);

  if (!gtk_widget_has_focus (widget))
    return gtk_widget_grab_focus (widget);
  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
      return FALSE;
    case GTK_DIR_UP:
    case GTK_DIR_LEFT:
      return move_focus (self, -1);
    case GTK_DIR_DOWN:
    case GTK_DIR_RIGHT:
      return move_focus (self, 1);
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ZopaDiagramArea       *self)
{
  ZopaDiagramItem item;
  guint n;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (!get_focus_item (self, &item))
        return FALSE;
      select_item (self, &item);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      return move_focus (self, 1);
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      return move_focus (self, -1);
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (self->diagram == NULL || (n = zopa_diagram_get_n_focus_items (self->diagram)) == 0)
        return FALSE;
      focus_item_at (self, keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home ? 0 : (int) n - 1);
      return TRUE;
    case GDK_KEY_Escape:
      /* Leaves the items: the ring goes, the diagram keeps the focus; a second Escape is
       * the window's. */
      if (self->focus_position < 0)
        return FALSE;
      focus_item_at (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                ZopaDiagramArea         *self)
{
  if (self->diagram != NULL)
    zopa_diagram_set_focus (self->diagram, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Entering shows the ring on the item focused last, or on the first one. */
static void
on_focus_enter (GtkEventControllerFocus *controller,
                ZopaDiagramArea         *self)
{
  if (self->diagram == NULL || zopa_diagram_get_n_focus_items (self->diagram) == 0)
    return;
  focus_item_at (self, MAX (self->focus_position, 0));
}

static void
zopa_diagram_area_dispose (GObject *object)
{
  ZopaDiagramArea *self = ZOPA_DIAGRAM_AREA (object);

  zopa_diagram_area_set_session (self, NULL);
  stop_preparing (self);
  g_clear_object (&self->diagram);
  g_clear_pointer (&self->highlight_masks, g_array_unref);
  g_clear_pointer (&self->highlight_drafts, g_array_unref);

  G_OBJECT_CLASS (zopa_diagram_area_parent_class)->dispose (object);
}

static void
zopa_diagram_area_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZopaDiagramArea *self = ZOPA_DIAGRAM_AREA (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_diagram_area_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZopaDiagramArea *self = ZOPA_DIAGRAM_AREA (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      zopa_diagram_area_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_diagram_area_class_init (ZopaDiagramAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_diagram_area_dispose;
  object_class->get_property = zopa_diagram_area_get_property;
  object_class->set_property = zopa_diagram_area_set_property;

  widget_class->snapshot = zopa_diagram_area_snapshot;
  widget_class->size_allocate = zopa_diagram_area_size_allocate;
  widget_class->query_tooltip = zopa_diagram_area_query_tooltip;
  widget_class->focus = zopa_diagram_area_focus;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ZOPA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "diagram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zopa_diagram_area_init (ZopaDiagramArea *self)
{
  GtkEventController *controller;

  self->focus_position = -1;
  zopa_diagram_item_init (&self->hover);
  self->highlight_masks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->highlight_drafts = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram"),
                                  -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
zopa_diagram_area_new (void)
{
  return g_object_new (ZOPA_TYPE_DIAGRAM_AREA, NULL);
}

ZopaSession *
zopa_diagram_area_get_session (ZopaDiagramArea *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM_AREA (self), NULL);
  return self->session;
}

void
zopa_diagram_area_set_session (ZopaDiagramArea *self,
                               ZopaSession     *session)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM_AREA (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (rebuild_diagram), self);
      g_signal_connect_swapped (session, "notify::view", G_CALLBACK (rebuild_diagram), self);
      g_signal_connect_swapped (session, "notify::mode", G_CALLBACK (rebuild_diagram), self);
      g_signal_connect_swapped (session, "notify::pair-first", G_CALLBACK (rebuild_diagram), self);
      g_signal_connect_swapped (session, "notify::pair-second", G_CALLBACK (rebuild_diagram), self);
      g_signal_connect_swapped (session, "notify::working", G_CALLBACK (gtk_widget_queue_draw), self);
      g_signal_connect_swapped (session, "shown-changed", G_CALLBACK (rebuild_diagram), self);
      g_signal_connect_swapped (session, "notify::selected-draft", G_CALLBACK (on_selected_draft_changed), self);
    }
  self->focus_position = -1;
  rebuild_diagram (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

ZopaDiagram *
zopa_diagram_area_get_diagram (ZopaDiagramArea *self)
{
  g_return_val_if_fail (ZOPA_IS_DIAGRAM_AREA (self), NULL);
  return self->diagram;
}

void
zopa_diagram_area_set_highlight (ZopaDiagramArea *self,
                                 const guint     *region_masks,
                                 guint            n_regions,
                                 const guint     *draft_indices,
                                 guint            n_drafts)
{
  g_return_if_fail (ZOPA_IS_DIAGRAM_AREA (self));
  g_return_if_fail (n_regions == 0 || region_masks != NULL);
  g_return_if_fail (n_drafts == 0 || draft_indices != NULL);

  g_array_set_size (self->highlight_masks, 0);
  g_array_set_size (self->highlight_drafts, 0);
  if (n_regions > 0)
    g_array_append_vals (self->highlight_masks, region_masks, n_regions);
  if (n_drafts > 0)
    g_array_append_vals (self->highlight_drafts, draft_indices, n_drafts);
  if (self->diagram != NULL)
    apply_highlight (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
