/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-presentation.c: presentation mode — the storyboard full screen, stepped by keys */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/zopa-analysis.h"
#include "diagram/zopa-storyboard.h"
#include "zopa-background.h"
#include "zopa-presentation.h"

/* How long the crossfade from one frame to the next takes, in microseconds. */
#define FADE_DURATION_US (250 * G_TIME_SPAN_MILLISECOND)
/* Smaller than this, a page has no room for its title and legend: the last layout is
 * scaled down instead. */
#define MIN_PAGE_SIZE 64

struct _ZopaPresentation
{
  AdwWindow        parent_instance;

  ZopaScenario    *scenario;
  ZopaStoryboard  *storyboard;      /* NULL until solved */
  GCancellable    *cancellable;     /* the solving, cancelled when the window goes */
  GPtrArray       *diagrams;        /* ZopaDiagram per frame, at laid_width × laid_height */
  int              laid_width;
  int              laid_height;
  guint            relayout_id;     /* idle that lays the pages out at the new size */
  guint            position;

  /* The crossfade: both pages rendered once, blended on each tick. */
  cairo_surface_t *fade_from;
  cairo_surface_t *fade_to;
  guint            fade_tick_id;
  gint64           fade_start;      /* frame time of the first tick, 0 before it */
  double           fade_progress;

  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkDrawingArea  *slide_area;
  AdwStatusPage   *error_page;
  GtkLabel        *position_label;
};

G_DEFINE_FINAL_TYPE (ZopaPresentation, zopa_presentation, ADW_TYPE_WINDOW)

static void
show_error (ZopaPresentation *self,
            const char       *message)
{
  /* The description is markup, and the message may quote ids from the file. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autofree char *description = g_strdup_printf ("%s\n\n%s", escaped, _("Press Escape to return to the scenario."));

  gtk_spinner_stop (self->spinner);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->position_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The frame's caption, else the scenario's title: what the slide is called. */
static const char *
frame_title (ZopaPresentation *self,
             guint             position)
{
  g_autoptr(ZopaFrame) frame = g_list_model_get_item (zopa_scenario_get_frames (self->scenario), position);
  const char *caption = frame != NULL ? zopa_frame_get_caption (frame) : NULL;

  return caption != NULL && *caption != '\0' ? caption : zopa_scenario_get_title (self->scenario);
}

/* The indicator, the window's title and what a screen reader says about the slide. */
static void
update_position_display (ZopaPresentation *self)
{
  g_autofree char *indicator = NULL;
  g_autofree char *summary = NULL;
  ZopaDiagram *diagram;

  if (self->diagrams == NULL)
    return;
  diagram = g_ptr_array_index (self->diagrams, self->position);
  /* TRANSLATORS: the frame shown and how many there are, in presentation mode: "3 / 7" */
  indicator = g_strdup_printf (_("%u / %u"), self->position + 1, self->diagrams->len);
  gtk_label_set_text (self->position_label, indicator);
  gtk_widget_set_visible (GTK_WIDGET (self->position_label), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), frame_title (self, self->position));
  summary = zopa_diagram_describe_summary (diagram);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slide_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, frame_title (self, self->position),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
end_fade (ZopaPresentation *self)
{
  if (self->fade_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->slide_area), self->fade_tick_id);
  self->fade_tick_id = 0;
  g_clear_pointer (&self->fade_from, cairo_surface_destroy);
  g_clear_pointer (&self->fade_to, cairo_surface_destroy);
}

/* Lays every frame out at the drawing area's size; the shared geometry is the storyboard's. */
static void
lay_out_pages (ZopaPresentation *self)
{
  g_autoptr(GError) error = NULL;
  ZopaDiagramOptions options;
  int width = gtk_widget_get_width (GTK_WIDGET (self->slide_area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->slide_area));
  GPtrArray *diagrams;

  if (self->storyboard == NULL || width < MIN_PAGE_SIZE || height < MIN_PAGE_SIZE
      || (self->diagrams != NULL && width == self->laid_width && height == self->laid_height))
    return;
  zopa_diagram_options_init (&options);
  options.theme = ZOPA_DIAGRAM_THEME_DARK;
  options.background = ZOPA_DIAGRAM_BACKGROUND_OPAQUE;
  options.width = width;
  options.height = height;
  diagrams = zopa_storyboard_layout (self->storyboard, self->scenario, &options, &error);
  if (diagrams == NULL)
    {
      g_clear_pointer (&self->diagrams, g_ptr_array_unref);
      show_error (self, error->message);
      return;
    }
  /* A fade under way blends pages of the old size: the new ones show at once. */
  end_fade (self);
  g_clear_pointer (&self->diagrams, g_ptr_array_unref);
  self->diagrams = diagrams;
  self->laid_width = width;
  self->laid_height = height;
  self->position = MIN (self->position, diagrams->len - 1);
  update_position_display (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->slide_area));
}

static gboolean
relayout_when_idle (gpointer user_data)
{
  ZopaPresentation *self = ZOPA_PRESENTATION (user_data);

  self->relayout_id = 0;
  lay_out_pages (self);
  return G_SOURCE_REMOVE;
}

/* Resizing comes in bursts: the pages are laid out again once it settles for a frame. */
static void
on_slide_area_resize (ZopaPresentation *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_LOW, relayout_when_idle, self, NULL);
}

/* A page at the current size scaled to fit the area (while a resize settles) and centred. */
static void
draw_page (ZopaDiagram *diagram,
           cairo_t     *cr,
           int          area_width,
           int          area_height)
{
  double width = zopa_diagram_get_width (diagram);
  double height = zopa_diagram_get_height (diagram);
  double scale = MIN (area_width / width, area_height / height);

  cairo_save (cr);
  cairo_translate (cr, (area_width - width * scale) / 2, (area_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  zopa_diagram_draw (diagram, cr);
  cairo_restore (cr);
}

static void
draw_slide (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ZopaPresentation *self = ZOPA_PRESENTATION (user_data);

  if (self->diagrams == NULL)
    return;
  if (self->fade_from != NULL && self->fade_to != NULL)
    {
      cairo_set_source_surface (cr, self->fade_to, 0, 0);
      cairo_paint (cr);
      cairo_set_source_surface (cr, self->fade_from, 0, 0);
      cairo_paint_with_alpha (cr, 1 - self->fade_progress);
      return;
    }
  draw_page (g_ptr_array_index (self->diagrams, self->position), cr, width, height);
}

/* One page rendered at the area's size and pixel density, for the crossfade. */
static cairo_surface_t *
render_page (ZopaPresentation *self,
             guint             position)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->slide_area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->slide_area));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->slide_area));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw_page (g_ptr_array_index (self->diagrams, position), cr, width, height);
  cairo_destroy (cr);
  return surface;
}

static gboolean
fade_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  ZopaPresentation *self = ZOPA_PRESENTATION (user_data);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->fade_start == 0)
    self->fade_start = now;
  self->fade_progress = (double) (now - self->fade_start) / FADE_DURATION_US;
  gtk_widget_queue_draw (widget);
  if (self->fade_progress < 1)
    return G_SOURCE_CONTINUE;
  self->fade_tick_id = 0;
  end_fade (self);
  return G_SOURCE_REMOVE;
}

static gboolean
animations_enabled (ZopaPresentation *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* Fades from the page shown to the one at position; a fade under way starts over from
 * the page it was heading for. */
static void
start_fade (ZopaPresentation *self,
            guint             from,
            guint             to)
{
  end_fade (self);
  if (!animations_enabled (self) || !gtk_widget_get_mapped (GTK_WIDGET (self->slide_area)))
    return;
  self->fade_from = render_page (self, from);
  self->fade_to = render_page (self, to);
  self->fade_start = 0;
  self->fade_progress = 0;
  self->fade_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->slide_area), fade_tick, self, NULL);
}

void
zopa_presentation_show_frame (ZopaPresentation *self,
                              guint             position)
{
  g_return_if_fail (ZOPA_IS_PRESENTATION (self));

  if (self->diagrams == NULL)
    return;
  position = MIN (position, self->diagrams->len - 1);
  if (position == self->position)
    return;
  start_fade (self, self->position, position);
  self->position = position;
  update_position_display (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->slide_area));
}

guint
zopa_presentation_get_position (ZopaPresentation *self)
{
  g_return_val_if_fail (ZOPA_IS_PRESENTATION (self), 0);
  return self->position;
}

guint
zopa_presentation_get_n_frames (ZopaPresentation *self)
{
  g_return_val_if_fail (ZOPA_IS_PRESENTATION (self), 0);
  return self->diagrams != NULL ? self->diagrams->len : 0;
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaPresentation *self = ZOPA_PRESENTATION (widget);
  guint last;

  if (self->diagrams == NULL)
    return;
  last = self->diagrams->len - 1;
  if (g_str_equal (action_name, "slide.next"))
    zopa_presentation_show_frame (self, MIN (self->position + 1, last));
  else if (g_str_equal (action_name, "slide.previous"))
    zopa_presentation_show_frame (self, self->position > 0 ? self->position - 1 : 0);
  else if (g_str_equal (action_name, "slide.first"))
    zopa_presentation_show_frame (self, 0);
  else
    zopa_presentation_show_frame (self, last);
}

/* Solving */

static gpointer
solve_storyboard (gpointer      data,
                  GCancellable *cancellable)
{
  ZopaStoryboard *storyboard = data;

  if (!zopa_storyboard_solve (storyboard, ZOPA_ANALYSIS_DEFAULT_TIME_LIMIT, cancellable))
    return NULL;
  return g_object_ref (storyboard);
}

static void
storyboard_solved (gpointer result,
                   gpointer user_data)
{
  ZopaPresentation *self = ZOPA_PRESENTATION (user_data);

  g_set_object (&self->storyboard, result);
  g_clear_object (&result);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "slides");
  lay_out_pages (self);
}

static void
start_preparing (ZopaPresentation *self)
{
  g_autoptr(GError) error = NULL;
  ZopaStoryboard *storyboard = zopa_storyboard_new_unsolved (self->scenario, &error);

  if (storyboard == NULL)
    {
      show_error (self, error->message);
      return;
    }
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "preparing");
  zopa_background_run (solve_storyboard, storyboard, g_object_unref, g_object_unref,
                       self->cancellable, storyboard_solved, self);
}

static void
zopa_presentation_dispose (GObject *object)
{
  ZopaPresentation *self = ZOPA_PRESENTATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  end_fade (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_PRESENTATION);
  G_OBJECT_CLASS (zopa_presentation_parent_class)->dispose (object);
}

static void
zopa_presentation_finalize (GObject *object)
{
  ZopaPresentation *self = ZOPA_PRESENTATION (object);

  g_clear_pointer (&self->diagrams, g_ptr_array_unref);
  g_clear_object (&self->storyboard);
  g_clear_object (&self->scenario);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (zopa_presentation_parent_class)->finalize (object);
}

/* The keys step through the frames before the window's own bindings (arrows move the
 * focus, Space and Return activate) can take them: a shortcut controller in the capture
 * phase. */
static void
add_keys (GtkShortcutController *controller,
          const guint           *keys,
          guint                  n_keys,
          const char            *action_name)
{
  for (guint i = 0; i < n_keys; i++)
    gtk_shortcut_controller_add_shortcut (controller,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], 0),
                                                            gtk_named_action_new (action_name)));
}

static void
add_stepping_keys (ZopaPresentation *self)
{
  static const guint next_keys[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down,
                                     GDK_KEY_space, GDK_KEY_Return, GDK_KEY_KP_Enter };
  static const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up,
                                         GDK_KEY_BackSpace };
  static const guint first_keys[] = { GDK_KEY_Home, GDK_KEY_KP_Home };
  static const guint last_keys[] = { GDK_KEY_End, GDK_KEY_KP_End };
  static const guint leave_keys[] = { GDK_KEY_Escape, GDK_KEY_F5 };
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_keys (shortcuts, next_keys, G_N_ELEMENTS (next_keys), "slide.next");
  add_keys (shortcuts, previous_keys, G_N_ELEMENTS (previous_keys), "slide.previous");
  add_keys (shortcuts, first_keys, G_N_ELEMENTS (first_keys), "slide.first");
  add_keys (shortcuts, last_keys, G_N_ELEMENTS (last_keys), "slide.last");
  add_keys (shortcuts, leave_keys, G_N_ELEMENTS (leave_keys), "window.close");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
zopa_presentation_class_init (ZopaPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_presentation_dispose;
  object_class->finalize = zopa_presentation_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaPresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, ZopaPresentation, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZopaPresentation, slide_area);
  gtk_widget_class_bind_template_child (widget_class, ZopaPresentation, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZopaPresentation, position_label);

  gtk_widget_class_install_action (widget_class, "slide.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "slide.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "slide.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "slide.last", NULL, step_action);
}

static void
zopa_presentation_init (ZopaPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  add_stepping_keys (self);
  gtk_drawing_area_set_draw_func (self->slide_area, draw_slide, self, NULL);
  g_signal_connect_swapped (self->slide_area, "resize", G_CALLBACK (on_slide_area_resize), self);
}

/* Where no window manager makes the window full screen, it still covers the parent's
 * monitor. */
static void
cover_parent_monitor (ZopaPresentation *self,
                      GtkWindow        *parent)
{
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  GdkMonitor *monitor;
  GdkRectangle geometry;

  if (surface == NULL)
    return;
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)), surface);
  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
}

ZopaPresentation *
zopa_presentation_new (GtkWindow    *parent,
                       ZopaScenario *scenario)
{
  ZopaPresentation *self;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);

  self = g_object_new (ZOPA_TYPE_PRESENTATION, "transient-for", parent, NULL);
  self->scenario = g_object_ref (scenario);
  cover_parent_monitor (self, parent);
  gtk_window_fullscreen (GTK_WINDOW (self));
  start_preparing (self);
  return self;
}
