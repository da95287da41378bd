/* What every fuzz harness shares: the libFuzzer entry points, which the replay driver
 * (fuzz-replay.c) also calls when the harnesses are built without libFuzzer. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int *argc, char ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Makes GLib warnings and criticals abort, so a g_return_if_fail() or a g_warning() on
 * some input is found like a crash; sends the harness's own stdout to /dev/null when
 * quiet (a harness that prints what the command prints). */
void zopa_fuzz_setup        (gboolean quiet);

/* Aborts with the message on stderr: a broken promise of the code under test. */
G_NORETURN G_GNUC_PRINTF (1, 2)
void zopa_fuzz_fail         (const char *format, ...);

G_END_DECLS
