/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Scenario files, format version 1 (docs/file-format.md): loading with full validation, the
 * built-in scenario, and saving. The steps live in leaf modules: zopa-json-parser.c (the bytes
 * and the JSON text), zopa-scenario-reader.c (JSON to model), zopa-scenario-validator.c (the
 * checks shared with scenarios edited in memory), zopa-scenario-writer.c (the text written);
 * zopa-file-problem.c holds the problem list they all add to.
 *
 * A load goes: size → UTF-8 → empty → nesting depth → strict JSON syntax (stops at the first
 * malformed place, with its line and column) → "format" and "version" → the walk from JSON to
 * the model (types, required members, integer ranges) → zopa_scenario_check() on the model
 * (ids, colours, references, variant changes, warnings). Every problem is collected; the
 * load fails when one of them is an error.
 *
 * Required members: "format", "version", "title" of the scenario; "id" of every source,
 * issue, option, actor, draft, clause and variant; "title" of a source, an issue, a draft
 * and a variant; an issue's "options" (at least one); an option's "label"; an actor's
 * "name" and "color"; a clause's "number" and "status"; a variant change's "actor".
 * Everything else is optional: strings default to "", lists to empty, a draft's
 * "derived_from" to null, an actor's "reservation" to 0, a stance's "weight" to 1, its
 * "acceptable" to every option and each utility to 50.
 *
 * Warnings do not stop a load: two agreed clauses of a draft setting one issue to different
 * options, a stance or change that accepts no option, an entry listed twice in a list of
 * ids, and more actors than a diagram shows.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "resources/zopa-core-resources.h"
#include "zopa-file-replace.h"
#include "zopa-json-parser.h"
#include "zopa-scenario-file.h"
#include "zopa-scenario-reader.h"
#include "zopa-scenario-writer.h"

#define BUILTIN_RESOURCE "/io/github/zopa/Zopa/core/scenario/builtin.zopa.json"

/* Loading */

/* Hands the problems over; returns the scenario when none of them is an error. */
static ZopaScenario *
finish_load (ZopaProblems  *problems,
             ZopaScenario  *scenario,
             GPtrArray    **problems_out,
             GError       **error)
{
  ZopaScenario *result = scenario;

  if (zopa_problems_set_error (problems, error))
    g_clear_object (&result);

  if (problems_out != NULL)
    *problems_out = zopa_problems_steal (problems);
  zopa_problems_clear (problems);
  return result;
}

ZopaScenario *
zopa_scenario_load_from_data (const char  *data,
                              gsize        length,
                              GPtrArray  **problems_out,
                              GError     **error)
{
  ZopaProblems problems;
  g_autoptr(JsonNode) root = NULL;
  ZopaScenario *scenario = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zopa_problems_init (&problems);
  root = zopa_json_parse_checked (data != NULL ? data : "", length, &problems);
  if (root != NULL)
    scenario = zopa_scenario_from_json (root, &problems);
  if (scenario != NULL)
    zopa_scenario_check (scenario, &problems);

  return finish_load (&problems, scenario, problems_out, error);
}

static void
add_read_error (ZopaProblems *problems,
                GError       *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("the file does not exist"));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("this is a folder, not a file"));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("permission denied: the file cannot be read"));
  else
    zopa_problems_add_file (problems, ZOPA_FILE_ERROR_IO, _("cannot read the file: %s"), io_error->message);
}

static void
add_too_large (ZopaProblems *problems,
               guint64       size)
{
  g_autofree char *text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

  zopa_problems_add_file (problems, ZOPA_FILE_ERROR_TOO_LARGE,
                          _("the file is too large (%s); the limit is %d MiB"),
                          text, ZOPA_FILE_MAX_SIZE / (1024 * 1024));
}

/* Reads at most ZOPA_FILE_MAX_SIZE + 1 bytes, so a file that grows (or a pipe) is still caught. */
static GBytes *
read_bounded (GInputStream *stream,
              ZopaProblems *problems)
{
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  for (;;)
    {
      guint8 chunk[64 * 1024];
      gsize n_read = 0;

      if (!g_input_stream_read_all (stream, chunk, sizeof chunk, &n_read, NULL, &io_error))
        {
          add_read_error (problems, io_error);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n_read);
      if (buffer->len > ZOPA_FILE_MAX_SIZE)
        {
          add_too_large (problems, buffer->len);
          return NULL;
        }
      if (n_read < sizeof chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static GBytes *
read_file_bounded (GFile        *file,
                   ZopaProblems *problems)
{
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &io_error);

  if (stream == NULL)
    {
      add_read_error (problems, io_error);
      return NULL;
    }
  return read_bounded (G_INPUT_STREAM (stream), problems);
}

/* After reading: the problems of the read when it failed, else the load of what was read. */
static ZopaScenario *
load_read_bytes (ZopaProblems  *problems,
                 GBytes        *bytes,
                 GPtrArray    **problems_out,
                 GError       **error)
{
  if (bytes == NULL)
    return finish_load (problems, NULL, problems_out, error);

  zopa_problems_clear (problems);
  return zopa_scenario_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       problems_out, error);
}

ZopaScenario *
zopa_scenario_load_from_stream (GInputStream *stream,
                                GPtrArray   **problems_out,
                                GError      **error)
{
  ZopaProblems problems;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zopa_problems_init (&problems);
  bytes = read_bounded (stream, &problems);
  return load_read_bytes (&problems, bytes, problems_out, error);
}

ZopaScenario *
zopa_scenario_load_from_file (GFile      *file,
                              GPtrArray **problems_out,
                              GError    **error)
{
  return zopa_scenario_load_from_file_full (file, NULL, problems_out, error);
}

ZopaScenario *
zopa_scenario_load_from_file_full (GFile      *file,
                                   GBytes    **data_out,
                                   GPtrArray **problems_out,
                                   GError    **error)
{
  ZopaScenario *scenario;
  ZopaProblems problems;
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zopa_problems_init (&problems);

  /* The size is checked before anything is read. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &io_error);
  if (info == NULL)
    {
      add_read_error (&problems, io_error);
      return finish_load (&problems, NULL, problems_out, error);
    }

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    zopa_problems_add_file (&problems, ZOPA_FILE_ERROR_IO, _("this is a folder, not a file"));
  else if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_UNKNOWN)
    zopa_problems_add_file (&problems, ZOPA_FILE_ERROR_IO, _("this is not a regular file"));
  else if (g_file_info_get_size (info) > ZOPA_FILE_MAX_SIZE)
    add_too_large (&problems, g_file_info_get_size (info));
  else
    bytes = read_file_bounded (file, &problems);

  scenario = load_read_bytes (&problems, bytes, problems_out, error);
  if (scenario != NULL && data_out != NULL)
    *data_out = g_steal_pointer (&bytes);
  return scenario;
}

GBytes *
zopa_scenario_get_builtin_data (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (zopa_core_get_resource (), BUILTIN_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in scenario is missing from the program: %s", error->message);
  return bytes;
}

ZopaScenario *
zopa_scenario_load_builtin (void)
{
  g_autoptr(GBytes) bytes = zopa_scenario_get_builtin_data ();
  g_autoptr(GError) error = NULL;
  ZopaScenario *scenario;

  scenario = zopa_scenario_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           NULL, &error);
  /* The file is checked by the tests; an invalid one is a bug in the program. */
  if (scenario == NULL)
    g_error ("The built-in scenario is not valid: %s", error->message);
  return scenario;
}

/* Saving */

char *
zopa_scenario_to_data (ZopaScenario *self,
                       gsize        *length)
{
  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), NULL);

  return zopa_scenario_write_json (self, length);
}

gboolean
zopa_scenario_save_to_file (ZopaScenario  *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (ZOPA_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = zopa_scenario_write_json (self, &length);
  return zopa_file_replace (file, data, length, cancellable, error);
}
