/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-hard: `zopa-cli analyze --json` on generated hard scenarios, one JSON line each.
 *
 *   bench-hard CLI [SEEDS [TIME_LIMIT [SHAPE…]]]
 *                                         runs every shape of hard-scenarios.c (or only the
 *                                         shapes named) with seeds 1..SEEDS (default 3)
 *                                         through the CLI as a child process: wall time, max
 *                                         RSS, whether the output is valid JSON, and each
 *                                         answer's status; then the medians per shape.
 *   bench-hard --write DIR [SEEDS]        only writes the scenario files.
 *
 * Exit status 1 when an output is not valid JSON or leaves an emptiness undecided.
 */

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hard-scenarios.h"
#include "model/zopa-scenario-file.h"

extern char **environ;

static double
now_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static char *
write_scenario (const HardShape *shape, guint32 seed, const char *dir)
{
  g_autoptr(ZopaScenario) scenario = hard_scenario_generate (shape, seed);
  g_autofree char *name = g_strdup_printf ("%s-%u.zopa.json", shape->name, seed);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!zopa_scenario_save_to_file (scenario, file, NULL, &error))
    g_error ("%s: %s", path, error->message);
  return path;
}

/* The peak RSS (KiB) of the child's own address space so far (VmHWM), or -1 once it has
 * none. getrusage's ru_maxrss would also count this process's pages from before the
 * exec. */
static long
child_peak_rss (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (line = strstr (text, "VmHWM:")) == NULL)
    return -1;
  return atol (line + strlen ("VmHWM:"));
}

/* Runs the CLI, its stdout into out_path; wall seconds and max RSS (KiB) of the child. */
static int
run_cli (const char *cli, const char *path, const char *time_limit, const char *out_path,
         double *wall, long *rss_kib)
{
  double start = now_s ();
  struct rusage usage;
  int status = 0;
  pid_t pid;
  posix_spawn_file_actions_t actions;
  char *args[] = { (char *) cli, "analyze", (char *) path, "--json", "--time-limit", (char *) time_limit, NULL };

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  *wall = 0.0;
  *rss_kib = 0;
  if (posix_spawn (&pid, cli, &actions, NULL, args, environ) != 0)
    {
      posix_spawn_file_actions_destroy (&actions);
      return 127;
    }
  posix_spawn_file_actions_destroy (&actions);
  /* The high-water mark only grows: the last reading before the exit is the peak (up to
   * the last 2 ms). */
  for (;;)
    {
      siginfo_t info = { 0 };
      long peak = child_peak_rss (pid);

      if (peak >= 0)
        *rss_kib = peak;
      if (waitid (P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid)
        break;
      g_usleep (2000);
    }
  *wall = now_s () - start;
  wait4 (pid, &status, 0, &usage);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

typedef struct {
  guint regions, exact_regions, undecided;
  const char *zopa_status;
  gboolean zopa_empty_known;
  const char *what_status;
} Statuses;

static gboolean
read_statuses (JsonObject *root, Statuses *s)
{
  JsonArray *regions = json_object_get_array_member (root, "regions");
  JsonObject *zopa = json_object_get_object_member (root, "zopa");

  memset (s, 0, sizeof *s);
  s->zopa_status = json_object_get_string_member (zopa, "status");
  for (guint k = 0; k < json_array_get_length (regions); k++)
    {
      JsonObject *r = json_array_get_object_element (regions, k);
      s->regions++;
      s->exact_regions += json_object_get_boolean_member (r, "exact");
      s->undecided += json_object_get_null_member (r, "inclusive_empty") +
                      json_object_get_null_member (r, "exclusive_empty");
    }
  s->zopa_empty_known = g_strcmp0 (s->zopa_status, "undecided") != 0;
  s->what_status = json_object_get_string_member (root, "what_must_change_status");
  return s->undecided == 0 && s->zopa_empty_known;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  guint seeds = 3;
  gboolean ok = TRUE;

  if (argc >= 3 && strcmp (argv[1], "--write") == 0)
    {
      if (argc >= 4)
        seeds = atoi (argv[3]);
      g_mkdir_with_parents (argv[2], 0755);
      for (const HardShape *shape = hard_shapes; shape->name != NULL; shape++)
        for (guint seed = 1; seed <= seeds; seed++)
          {
            g_autofree char *path = write_scenario (shape, seed, argv[2]);
            printf ("%s\n", path);
          }
      return 0;
    }
  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-hard CLI [SEEDS [TIME_LIMIT [SHAPE…]]] | --write DIR [SEEDS]\n");
      return 2;
    }
  if (argc >= 3)
    seeds = atoi (argv[2]);

  dir = g_dir_make_tmp ("bench-hard-XXXXXX", NULL);
  for (const HardShape *shape = hard_shapes; shape->name != NULL; shape++)
    {
      g_autofree double *walls = g_new0 (double, seeds);
      g_autofree double *rsss = g_new0 (double, seeds);

      if (argc >= 5 && !g_strv_contains ((const char * const *) argv + 4, shape->name))
        continue;

      for (guint seed = 1; seed <= seeds; seed++)
        {
          g_autofree char *path = write_scenario (shape, seed, dir);
          g_autofree char *out_path = g_strconcat (path, ".out", NULL);
          g_autoptr(JsonParser) parser = json_parser_new ();
          Statuses st = { 0 };
          gboolean valid = FALSE, decided = FALSE;
          double wall;
          long rss;
          int rc = run_cli (argv[1], path, argc >= 4 ? argv[3] : "10", out_path, &wall, &rss);

          if (rc == 0 && json_parser_load_from_file (parser, out_path, NULL) &&
              JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              valid = TRUE;
              decided = read_statuses (json_node_get_object (json_parser_get_root (parser)), &st);
            }
          ok &= valid && decided;
          walls[seed - 1] = wall;
          rsss[seed - 1] = rss / 1024.0;
          printf ("{\"shape\": \"%s\", \"seed\": %u, \"exit\": %d, \"wall_s\": %.3f, \"max_rss_mib\": %.1f, "
                  "\"valid_json\": %s, \"regions\": %u, \"exact_regions\": %u, \"undecided\": %u, "
                  "\"zopa\": \"%s\", \"zopa_emptiness\": \"%s\", \"what_must_change\": \"%s\"}\n",
                  shape->name, seed, rc, wall, rss / 1024.0, valid ? "true" : "false",
                  st.regions, st.exact_regions, st.undecided,
                  st.zopa_status != NULL ? st.zopa_status : "?",
                  st.zopa_empty_known ? "decided" : "undecided",
                  st.what_status != NULL ? st.what_status : "?");
          fflush (stdout);
          unlink (out_path);
          unlink (path);
        }
      printf ("{\"shape\": \"%s\", \"median_wall_s\": %.3f, \"median_max_rss_mib\": %.1f, \"seeds\": %u}\n",
              shape->name, median (walls, seeds), median (rsss, seeds), seeds);
      fflush (stdout);
    }
  rmdir (dir);
  return ok ? 0 : 1;
}
