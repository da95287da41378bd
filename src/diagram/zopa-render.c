/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-render.c: colours, text and export shared by the diagram and the comparison page,
 * so both look and write alike. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "analysis/zopa-display-text.h"
#include "diagram/zopa-render-private.h"

/* Families present on GNOME (Cantarell) and everywhere else (Sans). */
#define ZOPA_FONT_FAMILY "Cantarell, Sans"

/* ---- Colours ----------------------------------------------------------------------------- */

ZopaRgba
zopa_rgba_from_hex (guint hex)
{
  ZopaRgba c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1 };
  return c;
}

gboolean
zopa_rgba_parse (const char *text,
                 ZopaRgba   *color)
{
  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  *color = zopa_rgba_from_hex ((guint) g_ascii_strtoull (text + 1, NULL, 16));
  return TRUE;
}

ZopaRgba
zopa_render_page_color (ZopaDiagramTheme theme,
                        ZopaPageColor    color)
{
  static const guint light[] = { 0x1e1e1e, 0x5e5c64, 0xc0bfbc, 0xffffff };
  static const guint dark[] = { 0xffffff, 0xc0bfbc, 0x5e5c64, 0x1e1e1e };

  g_return_val_if_fail (color <= ZOPA_PAGE_BACKGROUND, zopa_rgba_from_hex (0));
  return zopa_rgba_from_hex (theme == ZOPA_DIAGRAM_THEME_DARK ? dark[color] : light[color]);
}

/* ---- Text -------------------------------------------------------------------------------- */

PangoContext *
zopa_render_pango_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

PangoLayout *
zopa_render_layout_new (PangoContext *context,
                        const char   *text,
                        double        size,
                        PangoWeight   weight,
                        gboolean      italic,
                        double        max_width,
                        int           max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (ZOPA_FONT_FAMILY);
  g_autofree char *shown = NULL;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  /* The page reads in one direction: a name in Arabic is written right to left, but stays
   * aligned with the other entries. */
  pango_layout_set_auto_dir (layout, FALSE);
  /* User text is cut before Pango shapes it: a huge name costs no more than a long one. */
  shown = zopa_display_text (text, ZOPA_DISPLAY_TEXT_PARAGRAPH);
  pango_layout_set_text (layout, shown, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -max_lines);
        }
    }
  return layout;
}

/* ---- Export ------------------------------------------------------------------------------ */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* ---- PNG ----
 * cairo's own PNG writer compresses hard and slowly (a 3840 × 2160 slide took most of a
 * second); a diagram is mostly flat colour, which the Sub filter and fast deflate already
 * shrink well. */

static guint32 crc_table[256];

static void
crc_table_init (void)
{
  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (int k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }
}

static guint32
crc_update (guint32       crc,
            const guint8 *data,
            gsize         length)
{
  for (gsize i = 0; i < length; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static void
png_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 be = GUINT32_TO_BE ((guint32) length);
  guint32 crc = crc_update (0xffffffffu, (const guint8 *) type, 4);

  crc = crc_update (crc, data, length) ^ 0xffffffffu;
  g_byte_array_append (out, (const guint8 *) &be, 4);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, (guint) length);
  be = GUINT32_TO_BE (crc);
  g_byte_array_append (out, (const guint8 *) &be, 4);
}

static gboolean
encode_png (cairo_surface_t  *image,
            GByteArray       *out,
            GError          **error)
{
  static gsize crc_ready = 0;
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  gboolean alpha = cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32;
  guint bpp = alpha ? 4 : 3;
  gsize row_bytes = 1 + (gsize) width * bpp;
  const guint8 *pixels = cairo_image_surface_get_data (image);
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 2);
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autofree guint8 *row = g_malloc (row_bytes);
  g_autofree guint8 *prev = g_malloc (row_bytes);
  guint8 header[13];
  guint8 buffer[65536];

  if (g_once_init_enter (&crc_ready))
    {
      crc_table_init ();
      g_once_init_leave (&crc_ready, 1);
    }

  for (int y = 0; y <= height; y++)
    {
      const guint8 *in = row;
      gsize in_left = y < height ? row_bytes : 0;
      GConverterFlags flags = y < height ? G_CONVERTER_NO_FLAGS : G_CONVERTER_INPUT_AT_END;
      GConverterResult result;

      if (y < height)
        {
          const guint32 *src = (const guint32 *) (pixels + (gsize) y * stride);
          guint8 *raw = prev + 1;

          /* Cairo's native-endian (premultiplied) ARGB to RGB(A) bytes. */
          for (int x = 0; x < width; x++)
            {
              guint32 v = src[x];
              guint a = alpha ? v >> 24 : 255;
              guint r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

              if (a != 255 && a != 0)
                {
                  r = (r * 255 + a / 2) / a;
                  g = (g * 255 + a / 2) / a;
                  b = (b * 255 + a / 2) / a;
                }
              raw[x * bpp] = (guint8) MIN (r, 255u);
              raw[x * bpp + 1] = (guint8) MIN (g, 255u);
              raw[x * bpp + 2] = (guint8) MIN (b, 255u);
              if (alpha)
                raw[x * bpp + 3] = (guint8) a;
            }
          /* The Sub filter: each byte minus the same byte of the pixel to its left. */
          row[0] = 1;
          for (gsize i = 0; i < (gsize) width * bpp; i++)
            row[1 + i] = (guint8) (raw[i] - (i >= bpp ? raw[i - bpp] : 0));
        }

      do
        {
          gsize read = 0, written = 0;

          result = g_converter_convert (G_CONVERTER (zlib), in, in_left, buffer, sizeof buffer,
                                        flags, &read, &written, error);
          if (result == G_CONVERTER_ERROR)
            return FALSE;
          g_byte_array_append (idat, buffer, (guint) written);
          in += read;
          in_left -= read;
        }
      while (in_left > 0 || (y == height && result != G_CONVERTER_FINISHED));
    }

  *(guint32 *) header = GUINT32_TO_BE ((guint32) width);
  *(guint32 *) (header + 4) = GUINT32_TO_BE ((guint32) height);
  header[8] = 8;                /* bits per sample */
  header[9] = alpha ? 6 : 2;    /* RGBA or RGB */
  header[10] = header[11] = header[12] = 0;
  g_byte_array_append (out, signature, sizeof signature);
  png_chunk (out, "IHDR", header, sizeof header);
  png_chunk (out, "IDAT", idat->data, idat->len);
  png_chunk (out, "IEND", NULL, 0);
  return TRUE;
}

GBytes *
zopa_render_export_bytes (const ZopaRenderTarget *target,
                          ZopaDiagramFormat       format,
                          double                  scale,
                          ZopaRenderDrawFunc      draw,
                          gpointer                user_data,
                          GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) png_error = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case ZOPA_DIAGRAM_FORMAT_PNG:
      if (!isfinite (scale) || scale <= 0 || target->width * scale > 32767 || target->height * scale > 32767)
        {
          g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_INVALID,
                       _("The image would be %.0f × %.0f pixels: it must stay within 32767 pixels a side"),
                       target->width * scale, target->height * scale);
          return NULL;
        }
      /* Without transparency RGB24 makes a smaller PNG, and faster. */
      surface = cairo_image_surface_create (target->background == ZOPA_DIAGRAM_BACKGROUND_TRANSPARENT
                                              ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                            (int) ceil (target->width * scale - 1e-9),
                                            (int) ceil (target->height * scale - 1e-9));
      break;
    case ZOPA_DIAGRAM_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_array, out, target->width, target->height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      break;
    case ZOPA_DIAGRAM_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_array, out, target->pdf_width, target->pdf_height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, target->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Zopa");
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  cr = cairo_create (surface);
  if (format == ZOPA_DIAGRAM_FORMAT_PNG)
    cairo_scale (cr, scale, scale);
  draw (cr, format, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_flush (surface);
      if (format == ZOPA_DIAGRAM_FORMAT_PNG)
        {
          if (!encode_png (surface, out, &png_error))
            {
              cairo_surface_destroy (surface);
              g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_FAILED,
                           _("Could not write the PNG image: %s"), png_error->message);
              return NULL;
            }
        }
      else
        cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ZOPA_DIAGRAM_ERROR, ZOPA_DIAGRAM_ERROR_FAILED,
                   _("Could not draw the page: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
zopa_render_export_file (const ZopaRenderTarget *target,
                         GFile                  *file,
                         ZopaDiagramFormat       format,
                         double                  scale,
                         ZopaRenderDrawFunc      draw,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(GBytes) bytes = zopa_render_export_bytes (target, format, scale, draw, user_data, error);

  return bytes != NULL && zopa_render_replace_file (file, bytes, cancellable, error);
}

gboolean
zopa_render_replace_file (GFile         *file,
                          GBytes        *bytes,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}
