/* zopa-variant-editor-private.h: what zopa-variant-editor.c and zopa-variant-editor-changes.c share */

#pragma once

#include "model/zopa-edit.h"
#include "zopa-variant-editor.h"

G_BEGIN_DECLS

/* The widgets of one change row; borrowed, the row holds them. */
typedef struct {
  ZopaVariantChange *change;          /* owned */
  GtkWidget         *row;
  GtkWidget         *up;
  GtkWidget         *down;
  AdwComboRow       *actor_row;
  AdwComboRow       *target_row;
  GtkSpinButton     *reservation;     /* a change of the reservation */
  GtkSwitch         *weight_switch;   /* a change of a stance: the rest */
  GtkSpinButton     *weight;
  GtkSwitch         *acceptable_switch;
  GtkSwitch         *utility_switch;
  GPtrArray         *option_checks;   /* GtkCheckButton, data "option-id" */
  GPtrArray         *option_spins;    /* GtkSpinButton, data "option-id" */
} ChangeWidgets;

struct _ZopaVariantEditor
{
  ZopaEditorWindow parent_instance;

  ZopaSession     *session;
  ZopaHistory     *history;
  ZopaVariant     *variant;
  /* The pending change of what a variant change applies to (see zopa_variant_editor_on_target_selected). */
  guint            target_change_id;
  /* Set while the widgets follow the model, so they do not echo edits back. */
  gboolean         syncing;
  /* What the change rows were built for. */
  char            *zopa_variant_editor_changes_key;
  GPtrArray       *change_widgets;   /* ChangeWidgets, owned by their rows */

  AdwWindowTitle  *window_title;
  GtkListBox      *variant_list;
  GtkStack        *stack;
  AdwEntryRow     *title_row;
  AdwEntryRow     *id_row;
  AdwActionRow    *shown_row;
  GtkButton       *show_button;
  GtkTextView     *description_view;
  GtkListBox      *change_list;
};

void zopa_variant_editor_change_widgets_free (ChangeWidgets *widgets);
ZopaScenario *zopa_variant_editor_get_scenario (ZopaVariantEditor *self);
ZopaActor *zopa_variant_editor_change_actor (ZopaVariantEditor *self,
                                             ZopaVariantChange *change);
ZopaIssue *zopa_variant_editor_change_issue (ZopaVariantEditor *self,
                                             ZopaVariantChange *change);
int zopa_variant_editor_base_weight (ZopaVariantEditor *self,
                                     ZopaVariantChange *change);
gboolean zopa_variant_editor_base_accepts (ZopaVariantEditor *self,
                                           ZopaVariantChange *change,
                                           const char        *option_id);
int zopa_variant_editor_base_utility (ZopaVariantEditor *self,
                                      ZopaVariantChange *change,
                                      const char        *option_id);
GStrv zopa_variant_editor_build_acceptable (ZopaVariantEditor *self,
                                            ZopaVariantChange *change,
                                            ZopaIssue         *issue,
                                            GPtrArray         *checks);
void zopa_variant_editor_on_target_selected (AdwComboRow       *combo,
                                             GParamSpec        *pspec,
                                             ZopaVariantEditor *self);
void zopa_variant_editor_sync_change (ZopaVariantEditor *self,
                                      ChangeWidgets     *widgets);
char *zopa_variant_editor_changes_key (ZopaVariantEditor *self);
void zopa_variant_editor_rebuild_changes (ZopaVariantEditor *self);

G_END_DECLS
