/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-document-loader.h: opening a scenario file without blocking the main loop */

#pragma once

#include "zopa-document.h"

G_BEGIN_DECLS

/*
 * Reads and parses file in a worker thread, then makes the document in the calling thread's
 * main context, where callback runs. The document watches its file from that context.
 */
void          zopa_document_load_async  (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* The document, or NULL with the reader's message (line:column for a broken file). */
ZopaDocument *zopa_document_load_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
