/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-common.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#define DEFAULT_TIME_LIMIT 10

static guint time_limit = DEFAULT_TIME_LIMIT;
static int over_time_exit_status = -1;   /* -1: abort */
static const char *input_name = "an input";
static char time_limit_text[16] = "10";

static void
write_stderr (const char *text)
{
  ssize_t ignored = write (STDERR_FILENO, text, strlen (text));
  (void) ignored;
}

static void
on_time_limit (int signal_number)
{
  /* Only async-signal-safe calls here. */
  write_stderr ("zopa-fuzz: ");
  write_stderr (input_name);
  write_stderr (": over the time limit of ");
  write_stderr (time_limit_text);
  write_stderr (" CPU seconds\n");
  if (over_time_exit_status >= 0)
    _exit (over_time_exit_status);
  abort ();
}

guint
zopa_fuzz_get_time_limit (void)
{
  return time_limit;
}

void
zopa_fuzz_set_time_limit (guint seconds,
                          int   exit_status)
{
  time_limit = seconds;
  over_time_exit_status = exit_status;
  g_snprintf (time_limit_text, sizeof time_limit_text, "%u", seconds);
}

void
zopa_fuzz_set_input_name (const char *name)
{
  input_name = name;
}

void
zopa_fuzz_setup (gboolean quiet)
{
  struct sigaction action = { .sa_handler = on_time_limit };
  const char *limit = g_getenv ("ZOPA_FUZZ_TIME_LIMIT");
  guint64 seconds;

  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (limit != NULL)
    {
      if (!g_ascii_string_to_unsigned (limit, 10, 1, 3600, &seconds, NULL))
        zopa_fuzz_fail ("ZOPA_FUZZ_TIME_LIMIT must be whole seconds from 1 to 3600");
      zopa_fuzz_set_time_limit (seconds, -1);
    }
  sigemptyset (&action.sa_mask);
  if (sigaction (SIGPROF, &action, NULL) < 0)
    zopa_fuzz_fail ("cannot handle SIGPROF: %s", g_strerror (errno));

  if (quiet)
    {
      int null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);

      if (null_fd < 0 || dup2 (null_fd, STDOUT_FILENO) < 0)
        zopa_fuzz_fail ("cannot send stdout to /dev/null");
      close (null_fd);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  zopa_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  struct itimerval limit = { .it_value = { .tv_sec = time_limit } };
  struct itimerval none = { 0 };
  int result;

  if (setitimer (ITIMER_PROF, &limit, NULL) < 0)
    zopa_fuzz_fail ("cannot set a CPU timer: %s", g_strerror (errno));
  result = zopa_fuzz_one_input (data, size);
  setitimer (ITIMER_PROF, &none, NULL);
  return result;
}

void
zopa_fuzz_fail (const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  fputs ("zopa-fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}
