/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-window-private.h: what the window's own files share (zopa-window*.c) */

#pragma once

#include "model/zopa-recovery-store.h"
#include "zopa-diagram-area.h"
#include "zopa-draft-panel.h"
#include "zopa-pair-chooser.h"
#include "zopa-recent-files.h"
#include "zopa-session.h"
#include "zopa-sidebar.h"
#include "zopa-window.h"

G_BEGIN_DECLS

struct _ZopaWindow
{
  AdwApplicationWindow  parent_instance;

  ZopaDocument         *document;
  ZopaSession          *session;
  GSettings            *settings;
  /* Handed over by the application (properties "recent-files" and "recovery-store"). */
  ZopaRecentFiles      *recent_files;
  ZopaRecoveryStore    *recovery_store;
  GSimpleActionGroup   *diagram_actions;
  GBinding             *mode_binding;    /* the session's view to the mode buttons */
  GBinding             *pair_binding;    /* the session's view to the pair chooser */
  /* The handlers on the document in view and its parts, moved with them to the next one. */
  GSignalGroup         *document_signals;
  GSignalGroup         *scenario_signals;
  GSignalGroup         *history_signals;
  GSignalGroup         *session_signals;
  /* Set once the user has answered the unsaved-changes dialog with Discard, or saved. */
  gboolean              close_confirmed;
  /* The unsaved-changes dialog while it is up, so a second close does not ask twice. */
  GtkWindow            *close_dialog;
  /* A file being read and parsed for this window, and the way to stop that. */
  GFile                *loading_file;
  GCancellable         *loading_cancellable;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *main_box;
  GtkWidget            *loading_box;
  GtkLabel             *loading_label;
  GtkWidget            *drop_highlight;
  GtkInfoBar           *disk_banner;
  GtkLabel             *disk_banner_label;
  GtkWidget            *disk_save_as_button;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  AdwLeaflet           *detail_leaflet;
  GtkWidget            *diagram_page;
  GtkWidget            *diagram_controls;
  GtkWidget            *toolbar_squeezer;
  /* Whether the draft panel stays beside the diagram when the window is wide enough. */
  gboolean              draft_panel_wanted;
  ZopaSidebar          *sidebar;
  ZopaDraftPanel       *draft_panel;
  ZopaDiagramArea      *diagram_area;
  GtkMenuButton        *variant_button;
  GtkLabel             *variant_label;
  GtkWidget            *mode_box;
  ZopaPairChooser      *pair_chooser;
  GMenu                *variant_section;
  GMenu                *recent_section;
  GMenu                *storyboard_section;  /* filled by zopa-window-storyboard.c */
  gboolean              storyboard_menu_built;
  gboolean              storyboard_available;  /* the scenario has storyboard frames */
  /* Cancelled when the window goes, so that a storyboard export stops. */
  GCancellable         *storyboard_cancellable;
};

typedef void (*ZopaWindowSavedFunc) (ZopaWindow *self);

/* zopa-window.c */
void     zopa_window_set_document      (ZopaWindow          *self,
                                        ZopaDocument        *document);

/* zopa-window-files.c: opening, saving, changes on disk, dropped files */
void     zopa_window_files_class_init  (GtkWidgetClass      *widget_class);
void     zopa_window_files_init        (ZopaWindow          *self);
void     zopa_window_files_dispose     (ZopaWindow          *self);
gboolean zopa_window_save_to           (ZopaWindow          *self,
                                        GFile               *file);
/* Asks where to save, saves, and then calls then (to close the window, say). */
void     zopa_window_save_as_then      (ZopaWindow          *self,
                                        ZopaWindowSavedFunc  then);
void     zopa_window_update_disk_banner (ZopaWindow         *self);

/* zopa-window-layout.c: the draft panel beside the diagram or, narrow, in its place */
void     zopa_window_layout_class_init (GtkWidgetClass      *widget_class);
void     zopa_window_layout_init       (ZopaWindow          *self);
gboolean zopa_window_get_draft_panel_shown (ZopaWindow      *self);
void     zopa_window_set_draft_panel_shown (ZopaWindow      *self,
                                            gboolean         shown);

/* zopa-window-reveal.c: "win.reveal", where every link of an explanation leads */
void     zopa_window_reveal_class_init (GtkWidgetClass      *widget_class);

/* zopa-window-storyboard.c: "win.present-storyboard" and "win.export-storyboard" */
void     zopa_window_storyboard_class_init (GtkWidgetClass  *widget_class);
void     zopa_window_storyboard_init   (ZopaWindow          *self);
void     zopa_window_storyboard_dispose (ZopaWindow         *self);

G_END_DECLS
