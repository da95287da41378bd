/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-export.c: the Export dialog, copying the diagram and printing it */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "analysis/zopa-analysis-csv.h"
#include "zopa-export.h"
#include "zopa-error-dialog.h"

typedef enum {
  BACKGROUND_LIGHT,
  BACKGROUND_DARK,
  BACKGROUND_TRANSPARENT,        /* dark text, for a light slide */
  BACKGROUND_TRANSPARENT_DARK,   /* light text, for a dark slide */
} Background;

typedef struct {
  const char *extension;
  const char *mime_type;
} FormatInfo;

static const FormatInfo formats[] = {
  [ZOPA_DIAGRAM_FORMAT_PNG] = { "png", "image/png" },
  [ZOPA_DIAGRAM_FORMAT_SVG] = { "svg", "image/svg+xml" },
  [ZOPA_DIAGRAM_FORMAT_PDF] = { "pdf", "application/pdf" },
};

/* The presets of the Size row, in its order; the last row is Custom. A4 is in points. */
static const struct { int width, height; } size_presets[] = {
  { 1920, 1080 },
  { 1280, 720 },
  { 1024, 768 },
  { 842, 595 },
};
#define SIZE_CUSTOM G_N_ELEMENTS (size_presets)

/* The session's diagram as a whole page: title, headline, legend and source line. A NULL
 * title is the scenario's; a NULL headline the finding, "" none. */
static ZopaDiagram *
build_page (ZopaSession *session,
            int          width,
            int          height,
            Background   background,
            const char  *title,
            const char  *headline,
            GError     **error)
{
  ZopaAnalysis *analysis = zopa_session_get_analysis (session);
  ZopaDiagramOptions options;

  if (analysis == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The scenario has nothing to draw: it needs at least one actor and one issue."));
      return NULL;
    }
  zopa_session_fill_diagram_options (session, &options);
  options.frame = ZOPA_DIAGRAM_FRAME_ALL;
  options.width = width;
  options.height = height;
  options.theme = background == BACKGROUND_DARK || background == BACKGROUND_TRANSPARENT_DARK
                  ? ZOPA_DIAGRAM_THEME_DARK : ZOPA_DIAGRAM_THEME_LIGHT;
  options.background = background == BACKGROUND_TRANSPARENT || background == BACKGROUND_TRANSPARENT_DARK
                       ? ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT : ZOPA_DIAGRAM_BACKGROUND_OPAQUE;
  options.title = title != NULL && *title != '\0' ? title : NULL;
  options.headline = headline;
  return zopa_diagram_new (zopa_session_get_scenario (session), analysis, &options, error);
}

/* The dialog */

struct _ZopaExportDialog
{
  AdwWindow       parent_instance;

  ZopaSession    *session;
  GSettings      *settings;
  ZopaDiagram    *preview_diagram;

  GtkDrawingArea *preview;
  AdwComboRow    *format_row;
  AdwComboRow    *size_row;
  AdwActionRow   *width_row;
  AdwActionRow   *height_row;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;
  AdwComboRow    *scale_row;
  AdwComboRow    *background_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *headline_row;
};

G_DEFINE_FINAL_TYPE (ZopaExportDialog, zopa_export_dialog, ADW_TYPE_WINDOW)

static ZopaDiagramFormat
chosen_format (ZopaExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row);
}

/* What a transparent page will be laid on: light or dark squares. */
static void
draw_checkerboard (cairo_t  *cr,
                   double    width,
                   double    height,
                   gboolean  dark)
{
  const double cell = 8;
  double base = dark ? 0.18 : 0.85, squares = dark ? 0.26 : 0.7;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, base, base, base);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, squares, squares, squares);
  for (double y = 0; y < height; y += cell)
    for (double x = ((int) (y / cell) % 2) * cell; x < width; x += 2 * cell)
      cairo_rectangle (cr, x, y, cell, cell);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             area_width,
              int             area_height,
              gpointer        user_data)
{
  ZopaExportDialog *self = ZOPA_EXPORT_DIALOG (user_data);
  Background background = adw_combo_row_get_selected (self->background_row);
  double width, height, scale;

  if (self->preview_diagram == NULL)
    return;
  width = zopa_diagram_get_width (self->preview_diagram);
  height = zopa_diagram_get_height (self->preview_diagram);
  scale = MIN ((area_width - 48) / width, (area_height - 48) / height);
  if (scale <= 0)
    return;

  cairo_translate (cr, (area_width - width * scale) / 2, (area_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (background == BACKGROUND_TRANSPARENT || background == BACKGROUND_TRANSPARENT_DARK)
    draw_checkerboard (cr, width, height, background == BACKGROUND_TRANSPARENT_DARK);
  zopa_diagram_draw (self->preview_diagram, cr);

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_line_width (cr, 1 / scale);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.5);
  cairo_stroke (cr);
}

static void
update_preview (ZopaExportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->preview_diagram);
  self->preview_diagram = build_page (self->session,
                                      gtk_spin_button_get_value_as_int (self->width_spin),
                                      gtk_spin_button_get_value_as_int (self->height_spin),
                                      adw_combo_row_get_selected (self->background_row),
                                      gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->headline_row)),
                                      &error);
  if (self->preview_diagram == NULL)
    g_debug ("No preview: %s", error->message);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The settings that remember the choices, bound to the rows: an enum key's nicks in the order
 * of a combo row's items, and the scale key (1, 2) as the scale row's position. */
static const char * const format_nicks[] = { "png", "svg", "pdf", NULL };
static const char * const background_nicks[] = { "light", "dark", "transparent", "transparent-dark", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  nicks)
{
  guint position = g_strv_length (nicks);

  for (guint i = 0; ((const char * const *) nicks)[i] != NULL; i++)
    if (g_str_equal (((const char * const *) nicks)[i], g_variant_get_string (variant, NULL)))
      position = i;
  if (position >= g_strv_length (nicks))
    return FALSE;
  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *type,
                  gpointer            nicks)
{
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length (nicks))
    return NULL;
  return g_variant_new_string (((const char * const *) nicks)[position]);
}

static gboolean
scale_to_position (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, CLAMP (g_variant_get_int32 (variant), 1, 2) - 1);
  return TRUE;
}

static GVariant *
position_to_scale (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  return g_variant_new_int32 ((int) g_value_get_uint (value) + 1);
}

static void
bind_choices (ZopaExportDialog *self)
{
  g_settings_bind_with_mapping (self->settings, "export-format", self->format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer) format_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "export-background", self->background_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer) background_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "export-scale", self->scale_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scale_to_position, position_to_scale, NULL, NULL);
  g_settings_bind (self->settings, "export-width", self->width_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-height", self->height_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
on_choice_changed (ZopaExportDialog *self)
{
  guint preset = adw_combo_row_get_selected (self->size_row);
  gboolean custom = preset >= SIZE_CUSTOM;

  /* A preset's size, set spin by spin, comes back here until both match; then the preview. */
  if (!custom && (gtk_spin_button_get_value_as_int (self->width_spin) != size_presets[preset].width
                  || gtk_spin_button_get_value_as_int (self->height_spin) != size_presets[preset].height))
    {
      gtk_spin_button_set_value (self->width_spin, size_presets[preset].width);
      gtk_spin_button_set_value (self->height_spin, size_presets[preset].height);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), chosen_format (self) == ZOPA_DIAGRAM_FORMAT_PNG);
  update_preview (self);
}

/* The size row shows the preset that matches the remembered size, if any. */
static void
select_size_preset (ZopaExportDialog *self)
{
  int width = g_settings_get_int (self->settings, "export-width");
  int height = g_settings_get_int (self->settings, "export-height");
  guint preset = SIZE_CUSTOM;

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    if (size_presets[i].width == width && size_presets[i].height == height)
      preset = i;
  adw_combo_row_set_selected (self->size_row, preset);
}

static gboolean
file_has_extension (GFile      *file,
                    const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  return dot != NULL && g_ascii_strcasecmp (dot + 1, extension) == 0;
}

gboolean
zopa_export_dialog_export_analysis_to (ZopaExportDialog *self,
                                       GFile            *file,
                                       GError          **error)
{
  ZopaAnalysis *analysis;
  g_autofree char *table = NULL;

  g_return_val_if_fail (ZOPA_IS_EXPORT_DIALOG (self), FALSE);

  analysis = zopa_session_get_analysis (self->session);
  if (analysis == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is no analysis to export: the scenario needs at least one actor and one issue."));
      return FALSE;
    }
  table = zopa_analysis_to_csv (analysis);
  return g_file_replace_contents (file, table, strlen (table), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

gboolean
zopa_export_dialog_export_to (ZopaExportDialog *self,
                              GFile            *file,
                              GError          **error)
{
  g_autofree char *name = NULL;
  ZopaDiagramFormat format;

  g_return_val_if_fail (ZOPA_IS_EXPORT_DIALOG (self), FALSE);

  /* What is written follows the name typed: a known extension names the format (and the
   * menu follows it, to be remembered); without one, the menu's format is written. */
  if (file_has_extension (file, "csv"))
    return zopa_export_dialog_export_analysis_to (self, file, error);
  name = g_file_get_basename (file);
  if (name != NULL && zopa_diagram_format_from_filename (name, &format))
    adw_combo_row_set_selected (self->format_row, format);

  if (self->preview_diagram == NULL)
    {
      update_preview (self);
      if (self->preview_diagram == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("There is no diagram to export."));
          return FALSE;
        }
    }
  return zopa_diagram_export_file (self->preview_diagram, file, chosen_format (self),
                                   adw_combo_row_get_selected (self->scale_row) + 1,
                                   NULL, error);
}

static void
on_save_response (GtkNativeDialog  *native,
                  int               response,
                  ZopaExportDialog *self)
{
  gboolean analysis = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "zopa-export-analysis"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;
      gboolean written = analysis ? zopa_export_dialog_export_analysis_to (self, file, &error)
                                  : zopa_export_dialog_export_to (self, file, &error);

      if (written)
        gtk_window_close (GTK_WINDOW (self));
      else
        zopa_error_dialog_present (GTK_WINDOW (self), error->message,
                                   analysis ? _("Could Not Export the Analysis") : _("Could Not Export the Diagram"));
    }
  g_object_unref (native);
  g_object_unref (self);
}

/* A save dialog for one kind of file, named after the title. */
static void
choose_file (ZopaExportDialog *self,
             const char       *dialog_title,
             const char       *untitled_name,
             const char       *filter_name,
             const char       *mime_type,
             const char       *extension,
             gboolean          analysis)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *safe_title = g_strdelimit (g_strdup (*title ? title : untitled_name), "/\\:", '-');
  g_autofree char *name = g_strdup_printf ("%s.%s", safe_title, extension);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (dialog_title, GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "zopa-export-analysis", GINT_TO_POINTER (analysis));
  g_signal_connect (native, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZopaExportDialog *self = ZOPA_EXPORT_DIALOG (widget);
  const FormatInfo *info = &formats[chosen_format (self)];
  GtkStringObject *item = adw_combo_row_get_selected_item (self->format_row);

  choose_file (self, _("Export Diagram"), _("Diagram"),
               item != NULL ? gtk_string_object_get_string (item) : info->extension,
               info->mime_type, info->extension, FALSE);
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose_file (ZOPA_EXPORT_DIALOG (widget), _("Export Analysis"), _("Analysis"), _("CSV Table"),
               "text/csv", "csv", TRUE);
}

static void
zopa_export_dialog_dispose (GObject *object)
{
  ZopaExportDialog *self = ZOPA_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZOPA_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->preview_diagram);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zopa_export_dialog_parent_class)->dispose (object);
}

static void
zopa_export_dialog_class_init (ZopaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zopa/Zopa/ui/zopa-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ZopaExportDialog, headline_row);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.save-csv", NULL, save_csv_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zopa_export_dialog_init (ZopaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}

/* What the page states under its title until the user writes something else. */
static char *
automatic_headline (ZopaSession *session)
{
  g_autoptr(ZopaDiagram) page = build_page (session, 1920, 1080, BACKGROUND_LIGHT, NULL, NULL, NULL);

  return page != NULL ? g_strdup (zopa_diagram_get_headline (page)) : NULL;
}

ZopaExportDialog *
zopa_export_dialog_new (GtkWindow   *parent,
                        ZopaSession *session)
{
  ZopaExportDialog *self;
  g_autofree char *headline = NULL;
  const char *title;

  g_return_val_if_fail (ZOPA_IS_SESSION (session), NULL);

  self = g_object_new (ZOPA_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);

  /* The remembered choices first, then the handlers, then one preview. */
  select_size_preset (self);
  bind_choices (self);
  title = zopa_scenario_get_title (zopa_session_get_scenario (session));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  headline = automatic_headline (session);
  gtk_editable_set_text (GTK_EDITABLE (self->headline_row), headline != NULL ? headline : "");
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->scale_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->background_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->headline_row, "changed", G_CALLBACK (update_preview), self);
  on_choice_changed (self);
  return self;
}

void
zopa_export_show_dialog (GtkWindow   *parent,
                         ZopaSession *session)
{
  gtk_window_present (GTK_WINDOW (zopa_export_dialog_new (parent, session)));
}

/* Copy: a PNG of the last export size and background. */
gboolean
zopa_export_copy_to_clipboard (ZopaSession  *session,
                               GdkClipboard *clipboard,
                               GError      **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ZopaDiagram) page = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  page = build_page (session,
                     g_settings_get_int (settings, "export-width"),
                     g_settings_get_int (settings, "export-height"),
                     g_settings_get_enum (settings, "export-background"),
                     NULL, NULL, error);
  if (page == NULL)
    return FALSE;
  png = zopa_diagram_export_bytes (page, ZOPA_DIAGRAM_FORMAT_PNG,
                                   CLAMP (g_settings_get_int (settings, "export-scale"), 1, 2), error);
  if (png == NULL)
    return FALSE;
  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (clipboard, texture);
  return TRUE;
}

/* Print: one page, landscape, the diagram filling the printable area. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ZopaSession       *session)
{
  g_autoptr(ZopaDiagram) page = NULL;
  g_autoptr(GError) error = NULL;

  page = build_page (session,
                     gtk_print_context_get_width (context),
                     gtk_print_context_get_height (context),
                     BACKGROUND_LIGHT, NULL, NULL, &error);
  if (page == NULL)
    {
      g_warning ("Cannot print: %s", error->message);
      return;
    }
  zopa_diagram_draw (page, gtk_print_context_get_cairo_context (context));
}

void
zopa_export_print (GtkWindow   *parent,
                   ZopaSession *session)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation,
                                    zopa_scenario_get_title (zopa_session_get_scenario (session)));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), session, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    zopa_error_dialog_present (parent, error->message, _("Could Not Print"));
}
