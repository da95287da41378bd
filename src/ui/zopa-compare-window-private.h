/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-compare-window-private.h: what zopa-compare-window.c and zopa-compare-window-export.c share */

#pragma once


#include "diagram/zopa-comparison-render.h"
#include "zopa-compare-window.h"

G_BEGIN_DECLS

struct _ZopaCompareWindow
{
  AdwWindow       parent_instance;

  ZopaSession    *session;
  ZopaComparison *comparison;
  char           *left_id;
  char           *right_id;
  GPtrArray      *draft_ids;     /* parallel to the drop-downs' items */
  guint           n_rows;

  AdwWindowTitle *window_title;
  GtkDropDown    *left_dropdown;
  GtkDropDown    *right_dropdown;
  GtkToggleButton *show_all_button;
  GtkToggleButton *only_changes_button;
  GtkDrawingArea *header_area;
  GtkListBox     *clause_list;
  AdwStatusPage  *empty_page;

  /* The comparison laid out for the width shown, drawn by the header and the cards. */
  ZopaComparisonRender *render;
  int             shown_width;
  guint           relayout_id;
  /* The PNG filter of an open export dialog, to tell which filter was chosen. */
  GtkFileFilter  *png_filter;
};

void zopa_compare_window_export_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);
void zopa_compare_window_swap_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter);

G_END_DECLS
