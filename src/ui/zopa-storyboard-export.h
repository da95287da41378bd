/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-storyboard-export.h: "Export Storyboard…", every frame of the storyboard written as
 * one PDF or a numbered series of PNG or SVG files, at the export dialog's settings */

#pragma once

#include <adwaita.h>

#include "diagram/zopa-diagram-types.h"
#include "model/zopa-scenario.h"

G_BEGIN_DECLS

/* Runs on the main thread once the files are written: the first file and how many. */
typedef void (*ZopaStoryboardExportDone) (GFile    *first_file,
                                          guint     n_files,
                                          gpointer  user_data);

/*
 * Solves the storyboard of scenario on a worker thread, lays it out at the size, theme and
 * background last chosen in the Export dialog and writes it to file (PDF: one page per
 * frame; PNG, SVG: file numbered per frame, talk.png giving talk-01.png, …). done runs when
 * all is written; an error is presented on parent as a dialog naming the file. Cancelling
 * cancellable stops the work and neither happens; it must outlive neither.
 */
void zopa_storyboard_export_start (GtkWindow                *parent,
                                   ZopaScenario             *scenario,
                                   GFile                    *file,
                                   ZopaDiagramFormat         format,
                                   GCancellable             *cancellable,
                                   ZopaStoryboardExportDone  done,
                                   gpointer                  user_data);

/* Asks where to export with a save dialog (PDF, PNG series, SVG series), then exports as
 * zopa_storyboard_export_start() does. */
void zopa_storyboard_export_choose (GtkWindow                *parent,
                                    ZopaScenario             *scenario,
                                    GCancellable             *cancellable,
                                    ZopaStoryboardExportDone  done,
                                    gpointer                  user_data);

G_END_DECLS
