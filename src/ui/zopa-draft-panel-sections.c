/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-draft-panel-sections.c: the panel header's way to each section of the draft (verdicts,
 * what it would take, clauses), and the way back from a clause to where the overview was */

#include "config.h"

#include "zopa-draft-panel-private.h"

void
zopa_draft_panel_set_back_visible (ZopaDraftPanel *self,
                                   gboolean        visible)
{
  g_return_if_fail (ZOPA_IS_DRAFT_PANEL (self));

  gtk_widget_set_visible (self->panel_back_button, visible);
}

static GtkAdjustment *
overview_adjustment (ZopaDraftPanel *self)
{
  return gtk_scrolled_window_get_vadjustment (self->overview_scroller);
}

static gboolean
showing_overview (ZopaDraftPanel *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "overview") == 0;
}

void
zopa_draft_panel_keep_overview_place (ZopaDraftPanel *self)
{
  if (showing_overview (self))
    self->overview_place = gtk_adjustment_get_value (overview_adjustment (self));
}

/* The overview keeps its allocation while the clause page is up, so the old place is still
 * the same content. */
void
zopa_draft_panel_return_to_overview (ZopaDraftPanel *self)
{
  if (!showing_overview (self))
    {
      zopa_clause_editor_set_clause (self->clause_editor, NULL);
      gtk_stack_set_visible_child_name (self->page_stack, "overview");
      gtk_adjustment_set_value (overview_adjustment (self), self->overview_place);
    }
  zopa_draft_panel_update_actions (self);
}

/* Scrolls the section's heading to the top of the overview and moves the keyboard focus into
 * it, so the next Tab or arrow works there. */
static void
show_section (ZopaDraftPanel *self,
              GtkWidget      *section)
{
  GtkAdjustment *adjustment = overview_adjustment (self);
  graphene_point_t where;

  if (self->draft == NULL)
    return;
  zopa_draft_panel_return_to_overview (self);
  if (gtk_widget_compute_point (section, GTK_WIDGET (self->overview_scroller),
                                &GRAPHENE_POINT_INIT (0, 0), &where))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + where.y);
  gtk_widget_child_focus (section, GTK_DIR_TAB_FORWARD);
}

void
zopa_draft_panel_on_jump_clicked (GtkButton      *button,
                                  ZopaDraftPanel *self)
{
  if (GTK_WIDGET (button) == self->jump_verdicts)
    show_section (self, GTK_WIDGET (self->verdicts_group));
  else if (GTK_WIDGET (button) == self->jump_take)
    show_section (self, self->take_group);
  else
    show_section (self, self->clauses_group);
}
