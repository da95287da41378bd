#include "fuzz-common.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void
zopa_fuzz_setup (gboolean quiet)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (quiet)
    {
      int null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);

      if (null_fd < 0 || dup2 (null_fd, STDOUT_FILENO) < 0)
        zopa_fuzz_fail ("cannot send stdout to /dev/null");
      close (null_fd);
    }
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
