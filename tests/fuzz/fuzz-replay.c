/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The main program of a harness built without libFuzzer: replays inputs (files, and the
 * files directly inside folders, in name order) through LLVMFuzzerTestOneInput(), so the
 * corpus runs as an ordinary test in every build, the sanitizer build included.
 *
 *   fuzz-NAME [--time-limit=SECONDS] [--builtin] [--known-hangs] PATH...
 *
 * --time-limit  CPU seconds one input may take (default: ZOPA_FUZZ_TIME_LIMIT, else 10);
 *               more fails the run, naming the input.
 * --builtin     also replays the built-in scenario, as `zopa-cli builtin` prints it.
 * --known-hangs the inputs are known to exceed the time limit (an engine without bounds on
 *               them): each runs in a child process; one still over the limit is reported
 *               and tolerated, one that now finishes is reported as such, and a crash fails.
 */

#include "fuzz-common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/zopa-scenario-file.h"

/* A child of --known-hangs that ran out of time exits with this status. */
#define EXIT_OVER_TIME_LIMIT 3

static void
run_input (const char *name,
           GBytes     *input)
{
  gsize size;
  const uint8_t *data = g_bytes_get_data (input, &size);
  /* A copy of exactly the input's size, so a read past its end is a sanitizer report. */
  g_autofree uint8_t *copy = g_memdup2 (data != NULL ? data : (const uint8_t *) "", MAX (size, 1));

  zopa_fuzz_set_input_name (name);
  LLVMFuzzerTestOneInput (copy, size);
}

/* Returns FALSE when the input crashed. */
static gboolean
run_known_hang (const char *name,
                GBytes     *input)
{
  guint time_limit = zopa_fuzz_get_time_limit ();
  int status;
  pid_t child;

  fflush (NULL);
  child = fork ();
  if (child < 0)
    zopa_fuzz_fail ("cannot fork: %s", g_strerror (errno));
  if (child == 0)
    {
      zopa_fuzz_set_time_limit (time_limit, EXIT_OVER_TIME_LIMIT);
      run_input (name, input);
      exit (EXIT_SUCCESS);
    }
  if (waitpid (child, &status, 0) < 0)
    zopa_fuzz_fail ("cannot wait for the child: %s", g_strerror (errno));

  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_OVER_TIME_LIMIT)
    {
      fprintf (stderr, "zopa-fuzz: %s: known hang, still over the time limit of %u s\n",
               name, time_limit);
      return TRUE;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SUCCESS)
    {
      fprintf (stderr, "zopa-fuzz: %s: known hang now finishes within %u s; "
               "move it into the corpus\n", name, time_limit);
      return TRUE;
    }
  fprintf (stderr, "zopa-fuzz: %s: crashed (%s %d)\n", name,
           WIFSIGNALED (status) ? "signal" : "exit status",
           WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
  return FALSE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_path (GPtrArray  *files,
          const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    zopa_fuzz_fail ("cannot read the folder %s", path);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      /* Notes about a folder are not inputs. */
      if (name[0] == '.' || g_str_has_prefix (name, "README") || !g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (names, g_steal_pointer (&file));
    }
  g_ptr_array_sort (names, compare_paths);
  for (guint k = 0; k < names->len; k++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, k)));
}

int
main (int    argc,
      char **argv)
{
  gboolean builtin = FALSE, known_hangs = FALSE, all_ok = TRUE;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint n_inputs = 0;

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      guint64 value;

      if (g_str_has_prefix (argv[i], "--time-limit="))
        {
          if (!g_ascii_string_to_unsigned (argv[i] + strlen ("--time-limit="), 10, 1, 3600, &value, NULL))
            zopa_fuzz_fail ("--time-limit needs whole seconds from 1 to 3600");
          zopa_fuzz_set_time_limit (value, -1);
        }
      else if (strcmp (argv[i], "--builtin") == 0)
        builtin = TRUE;
      else if (strcmp (argv[i], "--known-hangs") == 0)
        known_hangs = TRUE;
      else if (argv[i][0] == '-')
        zopa_fuzz_fail ("unknown option %s", argv[i]);
      else
        add_path (files, argv[i]);
    }

  if (builtin)
    {
      g_autoptr(GBytes) data = zopa_scenario_get_builtin_data ();

      run_input ("(the built-in scenario)", data);
      n_inputs++;
    }

  for (guint k = 0; k < files->len; k++)
    {
      const char *path = g_ptr_array_index (files, k);
      g_autoptr(GError) error = NULL;
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
      g_autoptr(GBytes) data = NULL;

      if (mapped == NULL)
        zopa_fuzz_fail ("%s", error->message);
      data = g_mapped_file_get_bytes (mapped);
      if (known_hangs)
        all_ok &= run_known_hang (path, data);
      else
        run_input (path, data);
      n_inputs++;
    }

  /* On stderr: a harness may have sent stdout to /dev/null. */
  fprintf (stderr, "zopa-fuzz: replayed %u inputs%s\n", n_inputs, all_ok ? "" : ", some crashed");
  return all_ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
