/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What every fuzz harness shares. A harness defines zopa_fuzz_one_input(); fuzz-common.c
 * defines the libFuzzer entry points around it, which libFuzzer calls, or the replay
 * driver (fuzz-replay.c) when the harnesses are built without libFuzzer.
 *
 * Each input has a limit on the CPU time it takes (ZOPA_FUZZ_TIME_LIMIT seconds, default
 * 10): over it, the harness says so and aborts, which libFuzzer reports as a crash with
 * the input saved. CPU time rather than libFuzzer's wall-clock -timeout, so that a
 * fuzzer at the lowest priority on a busy machine does not report a hang that is none.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int *argc, char ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Defined by each harness: its setup, and one input (-1 keeps it out of the corpus). */
void zopa_fuzz_init         (void);
int  zopa_fuzz_one_input    (const uint8_t *data, size_t size);

/* Makes GLib warnings and criticals abort, so a g_return_if_fail() or a g_warning() on
 * some input is found like a crash; sends the harness's own stdout to /dev/null when
 * quiet (a harness that prints what the command prints). */
void zopa_fuzz_setup        (gboolean quiet);

/* The time limit, in CPU seconds, and what happens over it: abort (the default), or exit
 * with exit_status (the replay driver's children, which the parent tells apart). */
guint zopa_fuzz_get_time_limit (void);
void  zopa_fuzz_set_time_limit (guint seconds, int exit_status);
/* The name printed when an input is over the limit; not copied. */
void  zopa_fuzz_set_input_name (const char *name);

/* Aborts with the message on stderr: a broken promise of the code under test. */
G_NORETURN G_GNUC_PRINTF (1, 2)
void zopa_fuzz_fail         (const char *format, ...);

G_END_DECLS
