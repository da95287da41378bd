/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-storyboard.c: a scenario's storyboard as pages — one analysis and one diagram per
 * frame, the pages that show the same actors laid out in one shared body (see
 * zopa_diagram_pin()), and written as one PDF or a numbered series of files. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "diagram/zopa-diagram-private.h"
#include "diagram/zopa-storyboard.h"

struct _ZopaStoryboard {
  GObject    parent_instance;

  GPtrArray *frames;     /* ZopaFrame, copies taken when compiled */
  GPtrArray *analyses;   /* ZopaAnalysis, one per frame */
};

G_DEFINE_FINAL_TYPE (ZopaStoryboard, zopa_storyboard, G_TYPE_OBJECT)

static void
zopa_storyboard_finalize (GObject *object)
{
  ZopaStoryboard *self = ZOPA_STORYBOARD (object);

  g_clear_pointer (&self->frames, g_ptr_array_unref);
  g_clear_pointer (&self->analyses, g_ptr_array_unref);

  G_OBJECT_CLASS (zopa_storyboard_parent_class)->finalize (object);
}

static void
zopa_storyboard_class_init (ZopaStoryboardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zopa_storyboard_finalize;
}

static void
zopa_storyboard_init (ZopaStoryboard *self)
{
  self->frames = g_ptr_array_new_with_free_func (g_object_unref);
  self->analyses = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ---- Reading the frames ------------------------------------------------------------------ */

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, nick);

  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

static gboolean
frame_view (ZopaFrame       *frame,
            ZopaDiagramView *view)
{
  int value;

  if (!enum_from_nick (ZOPA_TYPE_DIAGRAM_VIEW, zopa_frame_get_view (frame), &value))
    return FALSE;
  *view = (ZopaDiagramView) value;
  return TRUE;
}

static gboolean
frame_mode (ZopaFrame       *frame,
            ZopaDiagramMode *mode)
{
  int value;

  if (!enum_from_nick (ZOPA_TYPE_DIAGRAM_MODE, zopa_frame_get_mode (frame), &value))
    return FALSE;
  *mode = (ZopaDiagramMode) value;
  return TRUE;
}

/* The view, mode and bargaining pair of a frame, checked when compiled. */
static void
set_frame_options (ZopaFrame          *frame,
                   ZopaDiagramOptions *page)
{
  const char * const *actors = zopa_frame_get_actors (frame);

  frame_view (frame, &page->view);
  frame_mode (frame, &page->mode);
  page->actor_pair[0] = actors != NULL ? actors[0] : NULL;
  page->actor_pair[1] = actors != NULL && actors[0] != NULL ? actors[1] : NULL;
}

static void
set_frame_error (GError    **error,
                 guint       number,
                 const char *message)
{
  /* Translators: %u is a frame's number in the storyboard (from 1), %s what is wrong with it */
  g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID, _("Frame %u: %s"), number, message);
}

/* Every reference of the frame in the scenario, and what its view needs of the actors. */
static gboolean
check_frame (ZopaScenario *scenario,
             ZopaFrame    *frame,
             guint         number,
             GError      **error)
{
  const char * const *actors = zopa_frame_get_actors (frame);
  const char * const *drafts = zopa_frame_get_drafts (frame);
  const char *variant = zopa_frame_get_variant (frame);
  const char *selected = zopa_frame_get_selected (frame);
  g_autofree char *message = NULL;
  ZopaDiagramView view;
  ZopaDiagramMode mode;
  guint n_actors;

  if (!frame_view (frame, &view))
    message = g_strdup_printf (_("unknown view “%s” (venn, issue-map or bargaining)"), zopa_frame_get_view (frame));
  else if (!frame_mode (frame, &mode))
    message = g_strdup_printf (_("unknown mode “%s” (schematic or proportional)"), zopa_frame_get_mode (frame));
  else if (variant != NULL && zopa_scenario_find_variant (scenario, variant) == NULL)
    message = g_strdup_printf (_("no variant “%s”"), variant);
  for (guint k = 0; message == NULL && actors != NULL && actors[k] != NULL; k++)
    {
      if (zopa_scenario_find_actor (scenario, actors[k]) == NULL)
        message = g_strdup_printf (_("no actor “%s”"), actors[k]);
      for (guint j = 0; message == NULL && j < k; j++)
        if (g_strcmp0 (actors[j], actors[k]) == 0)
          message = g_strdup_printf (_("the actor “%s” is shown twice"), actors[k]);
    }
  for (guint i = 0; message == NULL && drafts != NULL && drafts[i] != NULL; i++)
    if (zopa_scenario_find_draft (scenario, drafts[i]) == NULL)
      message = g_strdup_printf (_("no draft “%s”"), drafts[i]);
  if (message == NULL && selected != NULL && zopa_scenario_find_draft (scenario, selected) == NULL)
    message = g_strdup_printf (_("no draft “%s” to select"), selected);
  if (message != NULL)
    {
      set_frame_error (error, number, message);
      return FALSE;
    }

  n_actors = actors != NULL ? g_strv_length ((char **) actors)
                            : g_list_model_get_n_items (zopa_scenario_get_actors (scenario));
  if (view == ZOPA_DIAGRAM_VIEW_BARGAINING && n_actors != 2)
    message = g_strdup_printf (_("the bargaining view shows two actors, not %u"), n_actors);
  else if (n_actors == 0)
    message = g_strdup (_("no actor to show"));
  else if (n_actors > ZOPA_MAX_ACTORS)
    message = g_strdup_printf (_("shows %u actors; a picture shows at most %d"), n_actors, ZOPA_MAX_ACTORS);
  if (message != NULL)
    {
      set_frame_error (error, number, message);
      return FALSE;
    }
  return TRUE;
}

/* The analysis of an earlier frame with the same variant and shown actors, or NULL: frames
 * that differ only in view, drafts or caption share one (solved once). */
static ZopaAnalysis *
same_analysis (ZopaStoryboard *self,
               ZopaFrame      *frame)
{
  const char * const *actors = zopa_frame_get_actors (frame);

  for (guint j = 0; j < self->frames->len; j++)
    {
      ZopaFrame *earlier = g_ptr_array_index (self->frames, j);
      const char * const *earlier_actors = zopa_frame_get_actors (earlier);

      if (g_strcmp0 (zopa_frame_get_variant (earlier), zopa_frame_get_variant (frame)) == 0 &&
          (actors == NULL ? earlier_actors == NULL
                          : earlier_actors != NULL && g_strv_equal (actors, earlier_actors)))
        return g_object_ref (g_ptr_array_index (self->analyses, j));
    }
  return NULL;
}

ZopaStoryboard *
zopa_storyboard_new_unsolved (ZopaScenario  *scenario,
                              GError       **error)
{
  g_autoptr(ZopaStoryboard) self = NULL;
  GListModel *frames;
  guint n;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  frames = zopa_scenario_get_frames (scenario);
  n = g_list_model_get_n_items (frames);
  if (n == 0)
    {
      g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID, _("The storyboard has no frame"));
      return NULL;
    }

  self = g_object_new (ZOPA_TYPE_STORYBOARD, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZopaFrame) frame = g_list_model_get_item (frames, i);
      g_autoptr(ZopaAnalysis) analysis = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!check_frame (scenario, frame, i + 1, error))
        return NULL;
      analysis = same_analysis (self, frame);
      if (analysis == NULL)
        analysis = zopa_analysis_new_unsolved (scenario, zopa_frame_get_variant (frame),
                                               zopa_frame_get_actors (frame), &local_error);
      if (analysis == NULL)
        {
          set_frame_error (error, i + 1, local_error->message);
          return NULL;
        }
      /* A copy: the scenario may be edited while the analyses are solved. */
      g_ptr_array_add (self->frames, zopa_frame_copy (frame));
      g_ptr_array_add (self->analyses, g_steal_pointer (&analysis));
    }
  return g_steal_pointer (&self);
}

gboolean
zopa_storyboard_solve (ZopaStoryboard *self,
                       double          time_limit,
                       GCancellable   *cancellable)
{
  g_return_val_if_fail (ZOPA_IS_STORYBOARD (self), FALSE);

  for (guint i = 0; i < self->analyses->len; i++)
    {
      ZopaAnalysis *analysis = g_ptr_array_index (self->analyses, i);
      gboolean shared = FALSE;

      /* An analysis is solved once, for all the frames that share it. */
      for (guint j = 0; j < i; j++)
        shared |= g_ptr_array_index (self->analyses, j) == analysis;
      if (!shared && !zopa_analysis_solve (analysis, time_limit, cancellable))
        return FALSE;
    }
  /* The pages' fits and frontiers too, so that laying them out is quick. */
  for (guint i = 0; i < self->frames->len; i++)
    {
      ZopaDiagramOptions page;

      zopa_diagram_options_init (&page);
      set_frame_options (g_ptr_array_index (self->frames, i), &page);
      zopa_diagram_prepare (g_ptr_array_index (self->analyses, i), &page, cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
    }
  return TRUE;
}

guint
zopa_storyboard_get_n_frames (ZopaStoryboard *self)
{
  g_return_val_if_fail (ZOPA_IS_STORYBOARD (self), 0);
  return self->frames->len;
}

/* ---- Layout ------------------------------------------------------------------------------- */

/* What decides a page's geometry: pages with the same key share their body. The shown
 * actors come from the analysis, so a frame showing every actor matches one naming them all. */
static char *
geometry_key (ZopaDiagram *diagram)
{
  ZopaAnalysis *analysis = zopa_diagram_get_analysis (diagram);
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%d", diagram->view);
  if (diagram->view == ZOPA_DIAGRAM_VIEW_BARGAINING)
    {
      g_string_append_printf (key, "/%s/%s", diagram->actors[diagram->pair[0]].id,
                              diagram->actors[diagram->pair[1]].id);
      return g_string_free (key, FALSE);
    }
  if (diagram->view == ZOPA_DIAGRAM_VIEW_VENN)
    {
      /* Proportional shapes are fitted to the variant's counts. */
      g_string_append_printf (key, "/%d", diagram->mode);
      if (diagram->mode == ZOPA_DIAGRAM_MODE_PROPORTIONAL)
        g_string_append_printf (key, "/%s", zopa_analysis_get_variant_id (analysis) != NULL
                                            ? zopa_analysis_get_variant_id (analysis) : "");
    }
  for (guint k = 0; k < diagram->n_actors; k++)
    g_string_append_printf (key, "/%s", diagram->actors[k].id);
  return g_string_free (key, FALSE);
}

static void
intersect_rect (cairo_rectangle_t       *a,
                const cairo_rectangle_t *b)
{
  double x0 = MAX (a->x, b->x), y0 = MAX (a->y, b->y);
  double x1 = MIN (a->x + a->width, b->x + b->width);
  double y1 = MIN (a->y + a->height, b->y + b->height);

  a->x = x0;
  a->y = y0;
  a->width = MAX (1.0, x1 - x0);
  a->height = MAX (1.0, y1 - y0);
}

/* Lays the pages of one group (indices into diagrams) out in the body all of them have room
 * for, with the open column of the widest issue map; in the Venn view with the inset as
 * large as the one that grew most, and the shelf's room kept on all as soon as one needs it
 * (which a smaller body may bring about, hence further rounds). */
static void
share_group_geometry (GPtrArray *diagrams,
                      GArray    *group)
{
  ZopaDiagram *first = g_ptr_array_index (diagrams, g_array_index (group, guint, 0));
  ZopaDiagramPin pin = { first->body, FALSE, 0, 0 };

  for (guint j = 0; j < group->len; j++)
    {
      ZopaDiagram *d = g_ptr_array_index (diagrams, g_array_index (group, guint, j));

      intersect_rect (&pin.body, &d->body);
      pin.reserve_shelf |= d->view == ZOPA_DIAGRAM_VIEW_VENN && d->has_shelf;
      if (d->view == ZOPA_DIAGRAM_VIEW_VENN)
        pin.inset_growth = MAX (pin.inset_growth, d->inset.growth);
      if (d->view == ZOPA_DIAGRAM_VIEW_ISSUE_MAP)
        pin.open_columns = MAX (pin.open_columns, d->open_columns);
    }
  for (int round = 0; round < 2 + ZOPA_VENN_INSET_MAX_GROWTH; round++)
    {
      gboolean needs_shelf = FALSE;
      guint growth = pin.inset_growth;

      for (guint j = 0; j < group->len; j++)
        {
          ZopaDiagram *d = g_ptr_array_index (diagrams, g_array_index (group, guint, j));

          zopa_diagram_pin (d, &pin);
          needs_shelf |= d->view == ZOPA_DIAGRAM_VIEW_VENN && d->has_shelf;
          if (d->view == ZOPA_DIAGRAM_VIEW_VENN)
            growth = MAX (growth, d->inset.growth);
        }
      if (growth > pin.inset_growth)
        pin.inset_growth = growth;
      else if (!needs_shelf || pin.reserve_shelf)
        break;
      else
        pin.reserve_shelf = TRUE;
    }
}

static void
share_geometry (GPtrArray *diagrams)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < diagrams->len; i++)
    {
      char *key = geometry_key (g_ptr_array_index (diagrams, i));
      GArray *group = g_hash_table_lookup (groups, key);

      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, key, group);
          g_ptr_array_add (order, group);
        }
      else
        g_free (key);
      g_array_append_val (group, i);
    }
  /* A page alone keeps the layout a single export gives it. */
  for (guint g = 0; g < order->len; g++)
    if (((GArray *) g_ptr_array_index (order, g))->len > 1)
      share_group_geometry (diagrams, g_ptr_array_index (order, g));
}

static int
analysis_draft_index (ZopaAnalysis *analysis,
                      const char   *id)
{
  for (guint i = 0; id != NULL && i < zopa_analysis_get_n_drafts (analysis); i++)
    if (g_strcmp0 (zopa_analysis_get_draft_id (analysis, i), id) == 0)
      return (int) i;
  return -1;
}

GPtrArray *
zopa_storyboard_layout (ZopaStoryboard           *self,
                        ZopaScenario             *scenario,
                        const ZopaDiagramOptions *options,
                        GError                  **error)
{
  g_autoptr(GPtrArray) diagrams = NULL;
  /* The pages' own fonts: they may be drawn on a worker thread while the main thread sets
   * text with its default font map. */
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();

  g_return_val_if_fail (ZOPA_IS_STORYBOARD (self), NULL);
  g_return_val_if_fail (ZOPA_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  diagrams = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->frames->len; i++)
    {
      ZopaFrame *frame = g_ptr_array_index (self->frames, i);
      ZopaAnalysis *analysis = g_ptr_array_index (self->analyses, i);
      const char *caption = zopa_frame_get_caption (frame);
      ZopaDiagramOptions page = *options;
      g_autoptr(GError) local_error = NULL;
      ZopaDiagram *diagram;

      set_frame_options (frame, &page);
      page.draft_ids = zopa_frame_get_drafts (frame);
      page.title = caption != NULL && caption[0] != '\0' ? caption : NULL;
      page.headline = NULL;
      diagram = zopa_diagram_new_with_font_map (scenario, analysis, &page, font_map, &local_error);
      if (diagram == NULL)
        {
          set_frame_error (error, i + 1, local_error->message);
          return NULL;
        }
      zopa_diagram_set_selected_draft (diagram, analysis_draft_index (analysis, zopa_frame_get_selected (frame)));
      g_ptr_array_add (diagrams, diagram);
    }
  share_geometry (diagrams);
  return g_steal_pointer (&diagrams);
}

/* ---- Export ------------------------------------------------------------------------------- */

/* At least one page; for one PDF, all of one size. */
static gboolean
check_pages (GPtrArray  *diagrams,
             gboolean    same_size,
             GError    **error)
{
  ZopaDiagram *first;

  if (diagrams->len == 0)
    {
      g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID, _("The storyboard has no frame"));
      return FALSE;
    }
  first = g_ptr_array_index (diagrams, 0);
  for (guint i = 1; same_size && i < diagrams->len; i++)
    {
      ZopaDiagram *d = g_ptr_array_index (diagrams, i);

      if (zopa_diagram_get_width (d) != zopa_diagram_get_width (first) ||
          zopa_diagram_get_height (d) != zopa_diagram_get_height (first))
        {
          g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID,
                       _("Frame %u is %g × %g, frame 1 %g × %g: the pages of one PDF have one size"), i + 1,
                       zopa_diagram_get_width (d), zopa_diagram_get_height (d),
                       zopa_diagram_get_width (first), zopa_diagram_get_height (first));
          return FALSE;
        }
    }
  return TRUE;
}

static void
draw_pages (cairo_t           *cr,
            ZopaDiagramFormat  format,
            gpointer           user_data)
{
  GPtrArray *diagrams = user_data;

  for (guint i = 0; i < diagrams->len; i++)
    {
      if (i > 0)
        cairo_show_page (cr);
      zopa_diagram_draw (g_ptr_array_index (diagrams, i), cr);
    }
}

gboolean
zopa_storyboard_export_pdf (GPtrArray     *diagrams,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  ZopaDiagram *first;
  ZopaRenderTarget target;

  g_return_val_if_fail (diagrams != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_pages (diagrams, TRUE, error))
    return FALSE;
  first = g_ptr_array_index (diagrams, 0);
  target = (ZopaRenderTarget) {
    .width = zopa_diagram_get_width (first), .height = zopa_diagram_get_height (first),
    .pdf_width = zopa_diagram_get_width (first), .pdf_height = zopa_diagram_get_height (first),
    .background = first->background, .title = first->scenario_title,
  };
  return zopa_render_export_file (&target, file, ZOPA_DIAGRAM_FORMAT_PDF, 1, draw_pages, diagrams,
                                  cancellable, error);
}

/* talk.png → talk-07.png, with as many digits as the last number needs (at least two). */
static GFile *
numbered_file (GFile *file,
               guint  number,
               guint  last)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = path == NULL ? g_file_get_uri (file) : NULL;
  const char *name = path != NULL ? path : uri;
  const char *base = strrchr (name, '/');
  const char *dot = strrchr (base != NULL ? base : name, '.');
  int digits = 1;
  g_autofree char *numbered = NULL;

  for (guint rest = last; rest >= 10; rest /= 10)
    digits++;
  digits = MAX (2, digits);

  if (dot == NULL || dot == base + 1)
    dot = name + strlen (name);
  numbered = g_strdup_printf ("%.*s-%0*u%s", (int) (dot - name), name, digits, number, dot);
  return path != NULL ? g_file_new_for_path (numbered) : g_file_new_for_uri (numbered);
}

GPtrArray *
zopa_storyboard_export_series (GPtrArray          *diagrams,
                               GFile              *file,
                               ZopaDiagramFormat   format,
                               double              scale,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GPtrArray) written = NULL;

  g_return_val_if_fail (diagrams != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_pages (diagrams, FALSE, error))
    return NULL;
  written = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < diagrams->len; i++)
    {
      g_autoptr(GFile) page = numbered_file (file, i + 1, diagrams->len);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !zopa_diagram_export_file (g_ptr_array_index (diagrams, i), page, format, scale, cancellable, error))
        return NULL;
      g_ptr_array_add (written, g_steal_pointer (&page));
    }
  return g_steal_pointer (&written);
}
