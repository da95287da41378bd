/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-euler: times zopa_euler_fit on every case of a cases file (the format of
 * bench/euler-cases.json), circles and ellipses, and checks that every run gives the same
 * shapes bit for bit. Prints one JSON line per case and shape:
 *   {"name", "shape", "stress", "diag_error", "median_ms", "median_cpu_ms", "runs",
 *    "deterministic", "missing", "extra", "axis_ratio"}
 * missing and extra count the regions wanted but not visible and wanted empty but visible
 * (ZOPA_EULER_VISIBLE_SHARE of the total area); axis_ratio is the largest major/minor axis
 * ratio of the fitted shapes. median_ms is wall-clock time (what venn.js is timed by as well);
 * median_cpu_ms is the CPU time of the fitting thread, which a loaded machine inflates far
 * less.
 *
 * Usage: bench-euler CASES.json [RUNS [FIRST [COUNT]]]
 *   RUNS defaults to 50; FIRST and COUNT pick a slice of the cases (all by default). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diagram/zopa-euler.h"

static double
now_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Region sizes of one case; sets numbered in the order they first appear. */
static guint
read_regions (JsonObject *regions,
              double     *wanted)
{
  g_autoptr(GList) members = json_object_get_members (regions);
  char *sets[ZOPA_EULER_MAX_SETS];
  guint n_sets = 0;

  memset (wanted, 0, sizeof (double) * ZOPA_EULER_MAX_REGIONS);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_auto(GStrv) parts = g_strsplit (l->data, "&", -1);
      guint mask = 0;

      for (guint p = 0; parts[p] != NULL; p++)
        {
          guint k;

          for (k = 0; k < n_sets && strcmp (sets[k], parts[p]) != 0; k++)
            ;
          if (k == n_sets)
            {
              if (n_sets == ZOPA_EULER_MAX_SETS)
                g_error ("more than %d sets", ZOPA_EULER_MAX_SETS);
              sets[n_sets++] = g_strdup (parts[p]);
            }
          mask |= 1u << k;
        }
      wanted[mask] = json_object_get_double_member (regions, l->data);
    }
  for (guint k = 0; k < n_sets; k++)
    g_free (sets[k]);
  return n_sets;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 50;
  guint first_case = argc > 3 ? (guint) atoi (argv[3]) : 0;
  guint count = argc > 4 ? (guint) atoi (argv[4]) : G_MAXUINT;
  int status = 0;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-euler CASES.json [RUNS [FIRST [COUNT]]]\n");
      return 2;
    }
  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "cases");

  for (guint i = first_case; i < json_array_get_length (cases) && i - first_case < count; i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      double wanted[ZOPA_EULER_MAX_REGIONS];
      guint n = read_regions (json_object_get_object_member (c, "regions"), wanted);

      for (guint shape = 0; shape < 2; shape++)
        {
          g_autofree double *times = g_new (double, runs);
          g_autofree double *cpu_times = g_new (double, runs);
          ZopaEulerFit first, fit;
          gboolean same = TRUE;
          double ratio = 1.0;

          for (guint r = 0; r < runs; r++)
            {
              double t0 = now_ms (CLOCK_MONOTONIC), c0 = now_ms (CLOCK_THREAD_CPUTIME_ID);

              if (!zopa_euler_fit (wanted, n, shape, r == 0 ? &first : &fit, &error))
                {
                  fprintf (stderr, "%s: %s\n", json_object_get_string_member (c, "name"),
                           error->message);
                  return 1;
                }
              cpu_times[r] = now_ms (CLOCK_THREAD_CPUTIME_ID) - c0;
              times[r] = now_ms (CLOCK_MONOTONIC) - t0;
              if (r > 0)
                same = same && memcmp (&first, &fit, sizeof fit) == 0;
            }
          qsort (times, runs, sizeof (double), compare_doubles);
          qsort (cpu_times, runs, sizeof (double), compare_doubles);
          for (guint k = 0; k < n; k++)
            if (first.shapes[k].a > 0.0 && first.shapes[k].b > 0.0)
              ratio = MAX (ratio, MAX (first.shapes[k].a, first.shapes[k].b)
                                  / MIN (first.shapes[k].a, first.shapes[k].b));
          {
            g_autofree char *name = g_strescape (json_object_get_string_member (c, "name"), NULL);

            printf ("{\"name\": \"%s\", \"shape\": \"%s\", \"stress\": %.6g, \"diag_error\": %.6g, "
                    "\"median_ms\": %.6g, \"median_cpu_ms\": %.6g, \"runs\": %u, "
                    "\"deterministic\": %s, "
                    "\"missing\": %d, \"extra\": %d, \"axis_ratio\": %.6g}\n",
                    name, shape == ZOPA_EULER_SHAPE_CIRCLE ? "circle" : "ellipse",
                    first.stress, first.diag_error, times[runs / 2], cpu_times[runs / 2], runs,
                    same ? "true" : "false", __builtin_popcountll (first.missing_regions),
                    __builtin_popcountll (first.extra_regions), ratio);
          }
          if (!same)
            status = 1;
        }
    }
  return status;
}
