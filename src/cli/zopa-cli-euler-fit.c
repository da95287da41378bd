/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-cli euler-fit: fits area-proportional Euler diagrams to the cases of a cases file
 * (the format of bench/euler-cases.json) and prints one JSON line per case. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "diagram/zopa-euler.h"
#include "model/zopa-json-parser.h"
#include "zopa-cli.h"

#define MAX_RUNS 100000

typedef struct {
  char   *name;
  guint   n_sets;
  char   *sets[ZOPA_EULER_MAX_SETS];
  double  wanted[ZOPA_EULER_MAX_REGIONS];
} EulerCase;

static void
euler_case_clear (EulerCase *c)
{
  g_free (c->name);
  for (guint k = 0; k < c->n_sets; k++)
    g_free (c->sets[k]);
  memset (c, 0, sizeof *c);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n",
           _("Usage: zopa-cli euler-fit CASES.json [--shape circle|ellipse] [--runs N] [--max-axis-ratio R]"));
}

/* Reads case index of the cases file into c; on failure sets error with the place. */
static gboolean
read_case (JsonNode   *node,
           guint       index,
           EulerCase  *c,
           GError    **error)
{
  JsonObject *obj, *regions;
  JsonNode *name, *regions_node;
  g_autoptr(GList) members = NULL;
  guint64 seen = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("cases[%u]: expected an object"), index);
      return FALSE;
    }
  obj = json_node_get_object (node);
  name = json_object_get_member (obj, "name");
  if (name == NULL || json_node_get_value_type (name) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("cases[%u].name: expected a string"), index);
      return FALSE;
    }
  c->name = g_strdup (json_node_get_string (name));

  regions_node = json_object_get_member (obj, "regions");
  if (regions_node == NULL || !JSON_NODE_HOLDS_OBJECT (regions_node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("cases[%u].regions: expected an object"), index);
      return FALSE;
    }
  regions = json_node_get_object (regions_node);

  /* Sets are numbered in the order they first appear, as the venn.js runner does. */
  members = json_object_get_members (regions);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (regions, key);
      g_auto(GStrv) parts = g_strsplit (key, "&", -1);
      guint mask = 0;
      double size;

      if (!JSON_NODE_HOLDS_VALUE (value)
          || (json_node_get_value_type (value) != G_TYPE_DOUBLE
              && json_node_get_value_type (value) != G_TYPE_INT64))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("cases[%u].regions.%s: expected a number"), index, key);
          return FALSE;
        }
      size = json_node_get_double (value);
      if (!isfinite (size) || size < 0.0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("cases[%u].regions.%s: expected a number ≥ 0"), index, key);
          return FALSE;
        }

      for (guint p = 0; parts[p] != NULL; p++)
        {
          guint k;

          if (parts[p][0] == '\0')
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("cases[%u].regions.%s: empty set name"), index, key);
              return FALSE;
            }
          for (k = 0; k < c->n_sets && strcmp (c->sets[k], parts[p]) != 0; k++)
            ;
          if (k == c->n_sets)
            {
              if (c->n_sets == ZOPA_EULER_MAX_SETS)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("cases[%u].regions: more than %d sets"), index,
                               ZOPA_EULER_MAX_SETS);
                  return FALSE;
                }
              c->sets[c->n_sets++] = g_strdup (parts[p]);
            }
          if (mask & (1u << k))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("cases[%u].regions.%s: set “%s” named twice"), index, key,
                           parts[p]);
              return FALSE;
            }
          mask |= 1u << k;
        }
      if (seen & (G_GUINT64_CONSTANT (1) << mask))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("cases[%u].regions.%s: the same sets are given twice"), index, key);
          return FALSE;
        }
      seen |= G_GUINT64_CONSTANT (1) << mask;
      c->wanted[mask] = size;
    }
  if (c->n_sets == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("cases[%u].regions: no regions"), index);
      return FALSE;
    }
  return TRUE;
}

/* The whole file as one JSON value, read by the strict parser of scenario files: several
 * top-level values, trailing text or duplicate members are refused with their line and
 * column. NULL, with the problem printed, otherwise. */
static JsonNode *
read_cases_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  ZopaProblems problems;
  JsonNode *root;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, _("%s: error: %s"), path, error->message);
      fprintf (stderr, "\n");
      return NULL;
    }

  zopa_problems_init (&problems);
  root = zopa_json_parse_checked (contents, length, &problems);
  /* A duplicate member is an error that still leaves a tree. */
  if (zopa_problems_count_errors (&problems) > 0)
    {
      zopa_cli_print_problem (path, g_ptr_array_index (problems.list, 0));
      g_clear_pointer (&root, json_node_unref);
    }
  zopa_problems_clear (&problems);
  return root;
}

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_result (const EulerCase    *c,
              const ZopaEulerFit *fit,
              double              median_ms,
              guint               runs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, c->name);
  json_builder_set_member_name (builder, "shape");
  json_builder_add_string_value (builder,
                                 fit->shape == ZOPA_EULER_SHAPE_CIRCLE ? "circle" : "ellipse");
  json_builder_set_member_name (builder, "stress");
  json_builder_add_double_value (builder, fit->stress);
  json_builder_set_member_name (builder, "diag_error");
  json_builder_add_double_value (builder, fit->diag_error);
  json_builder_set_member_name (builder, "median_ms");
  json_builder_add_double_value (builder, median_ms);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, runs);
  json_builder_set_member_name (builder, "axis_ratio");
  json_builder_add_double_value (builder, fit->axis_ratio);
  json_builder_set_member_name (builder, "missing_regions");
  json_builder_add_int_value (builder, __builtin_popcountll (fit->missing_regions));
  json_builder_set_member_name (builder, "extra_regions");
  json_builder_add_int_value (builder, __builtin_popcountll (fit->extra_regions));
  /* Regions wanted but not visible in the fit, and regions visible but wanted empty. */
  for (guint pass = 0; pass < 2; pass++)
    {
      guint64 bits = pass == 0 ? fit->missing_regions : fit->extra_regions;

      json_builder_set_member_name (builder, pass == 0 ? "missing" : "extra");
      json_builder_begin_array (builder);
      for (guint r = 1; r < (1u << c->n_sets); r++)
        if (bits & (G_GUINT64_CONSTANT (1) << r))
          {
            g_autoptr(GString) key = g_string_new (NULL);

            for (guint k = 0; k < c->n_sets; k++)
              if (r & (1u << k))
                {
                  if (key->len > 0)
                    g_string_append_c (key, '&');
                  g_string_append (key, c->sets[k]);
                }
            json_builder_add_string_value (builder, key->str);
          }
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "shapes");
  json_builder_begin_array (builder);
  for (guint k = 0; k < c->n_sets; k++)
    {
      const ZopaEllipse *e = &fit->shapes[k];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "set");
      json_builder_add_string_value (builder, c->sets[k]);
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, e->x);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, e->y);
      json_builder_set_member_name (builder, "a");
      json_builder_add_double_value (builder, e->a);
      json_builder_set_member_name (builder, "b");
      json_builder_add_double_value (builder, e->b);
      json_builder_set_member_name (builder, "phi");
      json_builder_add_double_value (builder, e->phi);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  zopa_cli_print_json (root, FALSE);
}

int
zopa_cli_euler_fit (int    argc,
                    char **argv)
{
  const char *path = NULL;
  ZopaEulerShape shape = ZOPA_EULER_SHAPE_ELLIPSE;
  ZopaEulerFitOptions options = { ZOPA_EULER_DEFAULT_MAX_AXIS_RATIO };
  guint runs = 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *cases_node;
  JsonArray *cases;
  int status = ZOPA_EXIT_OK;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = NULL;

      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_usage (stdout);
          return ZOPA_EXIT_OK;
        }
      if (strcmp (arg, "--shape") == 0 || strcmp (arg, "--runs") == 0
          || strcmp (arg, "--max-axis-ratio") == 0)
        {
          if (i + 1 >= argc)
            {
              fprintf (stderr, _("zopa-cli euler-fit: option “%s” needs a value"), arg);
              fprintf (stderr, "\n");
              print_usage (stderr);
              return ZOPA_EXIT_USAGE;
            }
          value = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--shape="))
        {
          value = arg + strlen ("--shape=");
          arg = "--shape";
        }
      else if (g_str_has_prefix (arg, "--runs="))
        {
          value = arg + strlen ("--runs=");
          arg = "--runs";
        }
      else if (g_str_has_prefix (arg, "--max-axis-ratio="))
        {
          value = arg + strlen ("--max-axis-ratio=");
          arg = "--max-axis-ratio";
        }

      if (value != NULL && strcmp (arg, "--shape") == 0)
        {
          if (strcmp (value, "circle") == 0)
            shape = ZOPA_EULER_SHAPE_CIRCLE;
          else if (strcmp (value, "ellipse") == 0)
            shape = ZOPA_EULER_SHAPE_ELLIPSE;
          else
            {
              fprintf (stderr, _("zopa-cli euler-fit: --shape must be “circle” or “ellipse”, not “%s”"),
                       value);
              fprintf (stderr, "\n");
              return ZOPA_EXIT_USAGE;
            }
        }
      else if (value != NULL && strcmp (arg, "--max-axis-ratio") == 0)
        {
          char *end = NULL;
          double ratio = g_ascii_strtod (value, &end);

          if (end == value || *end != '\0' || !isfinite (ratio)
              || ratio < ZOPA_EULER_MIN_AXIS_RATIO)
            {
              fprintf (stderr, _("zopa-cli euler-fit: --max-axis-ratio must be a number ≥ %g, not “%s”"),
                       ZOPA_EULER_MIN_AXIS_RATIO, value);
              fprintf (stderr, "\n");
              return ZOPA_EXIT_USAGE;
            }
          options.max_axis_ratio = ratio;
        }
      else if (value != NULL)
        {
          guint64 v;

          if (!g_ascii_string_to_unsigned (value, 10, 1, MAX_RUNS, &v, NULL))
            {
              fprintf (stderr, _("zopa-cli euler-fit: --runs must be a whole number from 1 to %d, not “%s”"),
                       MAX_RUNS, value);
              fprintf (stderr, "\n");
              return ZOPA_EXIT_USAGE;
            }
          runs = v;
        }
      else if (arg[0] == '-' && arg[1] != '\0')
        {
          fprintf (stderr, _("zopa-cli euler-fit: unknown option “%s”"), arg);
          fprintf (stderr, "\n");
          print_usage (stderr);
          return ZOPA_EXIT_USAGE;
        }
      else if (path == NULL)
        path = arg;
      else
        {
          print_usage (stderr);
          return ZOPA_EXIT_USAGE;
        }
    }
  if (path == NULL)
    {
      print_usage (stderr);
      return ZOPA_EXIT_USAGE;
    }

  root = read_cases_file (path);
  if (root == NULL)
    return ZOPA_EXIT_INVALID;
  cases_node = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
               ? json_object_get_member (json_node_get_object (root), "cases") : NULL;
  if (cases_node == NULL || !JSON_NODE_HOLDS_ARRAY (cases_node))
    {
      fprintf (stderr, _("%s: error: cases: expected an array of cases"), path);
      fprintf (stderr, "\n");
      return ZOPA_EXIT_INVALID;
    }
  cases = json_node_get_array (cases_node);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      EulerCase c = { 0 };
      ZopaEulerFit fit, again;
      g_autofree double *times = NULL;
      g_autoptr(GError) fit_error = NULL;

      if (!read_case (json_array_get_element (cases, i), i, &c, &error))
        {
          fprintf (stderr, _("%s: error: %s"), path, error->message);
          fprintf (stderr, "\n");
          euler_case_clear (&c);
          return ZOPA_EXIT_INVALID;
        }

      times = g_new (double, runs);
      for (guint r = 0; r < runs; r++)
        {
          double t0 = now_ms ();
          gboolean ok = zopa_euler_fit_with_options (c.wanted, c.n_sets, shape, &options,
                                                     r == 0 ? &fit : &again, &fit_error);

          times[r] = now_ms () - t0;
          if (!ok)
            break;
        }
      if (fit_error != NULL)
        {
          fprintf (stderr, _("%s: error: cases[%u].regions: %s"), path, i, fit_error->message);
          fprintf (stderr, "\n");
          euler_case_clear (&c);
          return ZOPA_EXIT_INVALID;
        }
      qsort (times, runs, sizeof (double), compare_doubles);
      print_result (&c, &fit, times[runs / 2], runs);
      euler_case_clear (&c);
    }
  fflush (stdout);
  return status;
}
