/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `zopa-cli euler-fit` on any cases file: the reader of the cases and the fitter behind it,
 * with circles and with ellipses. The command reads a path, so each input is handed over
 * as an in-memory file; what it prints goes to /dev/null. It must answer with success or
 * "invalid input", never a usage error, a crash or a sanitizer report.
 */

#define _GNU_SOURCE
#include "fuzz-common.h"

#include <sys/mman.h>
#include <unistd.h>

#include "cli/zopa-cli.h"

static int input_fd = -1;
static char input_path[64];

void
zopa_fuzz_init (void)
{
  zopa_fuzz_setup (TRUE);
  input_fd = memfd_create ("zopa-fuzz-euler-cases", MFD_CLOEXEC);
  if (input_fd < 0)
    zopa_fuzz_fail ("cannot create an in-memory file");
  g_snprintf (input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  size_t done = 0;

  if (ftruncate (input_fd, 0) < 0 || lseek (input_fd, 0, SEEK_SET) < 0)
    zopa_fuzz_fail ("cannot empty the in-memory file");
  while (done < size)
    {
      ssize_t n = write (input_fd, data + done, size - done);

      if (n <= 0)
        zopa_fuzz_fail ("cannot write the in-memory file");
      done += n;
    }
}

int
zopa_fuzz_one_input (const uint8_t *data,
                     size_t         size)
{
  static const char *const shapes[] = { "--shape=circle", "--shape=ellipse" };

  write_input (data, size);
  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      char *argv[] = { (char *) "euler-fit", input_path, (char *) shapes[k], NULL };
      int status = zopa_cli_euler_fit (3, argv);

      if (status != ZOPA_EXIT_OK && status != ZOPA_EXIT_INVALID)
        zopa_fuzz_fail ("euler-fit %s answered with exit status %d", shapes[k], status);
    }
  return 0;
}
