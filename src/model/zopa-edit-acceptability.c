/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-edit-acceptability.c: an option acceptable, maybe or a red line, made through the history */

#define G_LOG_DOMAIN "zopa-model"

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-edit.h"

static gboolean
strv_has (const char * const *strv,
          const char         *id)
{
  return strv != NULL && g_strv_contains (strv, id);
}

gboolean
zopa_edit_holder_lists_acceptability (GObject *holder)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (holder) || ZOPA_IS_VARIANT_CHANGE (holder), FALSE);

  if (ZOPA_IS_STANCE (holder))
    return TRUE;
  return zopa_variant_change_get_acceptable (ZOPA_VARIANT_CHANGE (holder)) != NULL
         || zopa_variant_change_get_maybe (ZOPA_VARIANT_CHANGE (holder)) != NULL;
}

ZopaAcceptability
zopa_edit_get_acceptability (GObject    *holder,
                             const char *option_id)
{
  g_return_val_if_fail (ZOPA_IS_STANCE (holder) || ZOPA_IS_VARIANT_CHANGE (holder), ZOPA_ACCEPTABILITY_RED_LINE);
  g_return_val_if_fail (option_id != NULL, ZOPA_ACCEPTABILITY_RED_LINE);

  if (ZOPA_IS_STANCE (holder))
    {
      ZopaStance *stance = ZOPA_STANCE (holder);

      if (zopa_stance_is_maybe (stance, option_id))
        return ZOPA_ACCEPTABILITY_MAYBE;
      return zopa_stance_accepts_option (stance, option_id) ? ZOPA_ACCEPTABILITY_ACCEPTABLE
                                                            : ZOPA_ACCEPTABILITY_RED_LINE;
    }

  /* A change that lists either list replaces both: an option in neither is a red line. */
  if (strv_has (zopa_variant_change_get_maybe (ZOPA_VARIANT_CHANGE (holder)), option_id))
    return ZOPA_ACCEPTABILITY_MAYBE;
  if (strv_has (zopa_variant_change_get_acceptable (ZOPA_VARIANT_CHANGE (holder)), option_id))
    return ZOPA_ACCEPTABILITY_ACCEPTABLE;
  return ZOPA_ACCEPTABILITY_RED_LINE;
}

static const char *
acceptability_label (ZopaAcceptability acceptability)
{
  switch (acceptability)
    {
    case ZOPA_ACCEPTABILITY_ACCEPTABLE:
      return _("Allow Option");
    case ZOPA_ACCEPTABILITY_MAYBE:
      return _("Mark Option as Maybe");
    case ZOPA_ACCEPTABILITY_RED_LINE:
    default:
      return _("Add Red Line");
    }
}

gboolean
zopa_edit_set_acceptability (ZopaHistory       *history,
                             GObject           *holder,
                             ZopaIssue         *issue,
                             const char        *option_id,
                             ZopaAcceptability  acceptability)
{
  g_autoptr(GStrvBuilder) acceptable_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) maybe_builder = g_strv_builder_new ();
  g_auto(GStrv) acceptable = NULL;
  g_auto(GStrv) maybe = NULL;
  guint n_maybe = 0;
  gboolean changed;

  g_return_val_if_fail (ZOPA_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (ZOPA_IS_STANCE (holder) || ZOPA_IS_VARIANT_CHANGE (holder), FALSE);
  g_return_val_if_fail (ZOPA_IS_ISSUE (issue), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);
  g_return_val_if_fail (acceptability <= ZOPA_ACCEPTABILITY_RED_LINE, FALSE);
  g_return_val_if_fail (zopa_edit_holder_lists_acceptability (holder), FALSE);

  if (zopa_edit_get_acceptability (holder, option_id) == acceptability)
    return FALSE;

  /* Both lists in the issue's order, whatever order the options were chosen in. */
  for (guint i = 0; i < zopa_issue_get_n_options (issue); i++)
    {
      const char *id = zopa_option_get_id (zopa_issue_get_option (issue, i));
      ZopaAcceptability state = g_strcmp0 (id, option_id) == 0
                                ? acceptability
                                : zopa_edit_get_acceptability (holder, id);

      if (state == ZOPA_ACCEPTABILITY_ACCEPTABLE)
        g_strv_builder_add (acceptable_builder, id);
      else if (state == ZOPA_ACCEPTABILITY_MAYBE)
        {
          g_strv_builder_add (maybe_builder, id);
          n_maybe++;
        }
    }
  acceptable = g_strv_builder_end (acceptable_builder);
  maybe = g_strv_builder_end (maybe_builder);

  zopa_history_begin_group (history, acceptability_label (acceptability));
  changed = zopa_history_set (history, holder, "acceptable", acceptable, NULL);
  /* No maybe options are written as no list at all. */
  changed |= zopa_history_set (history, holder, "maybe", n_maybe > 0 ? maybe : NULL, NULL);
  zopa_history_end_group (history);
  return changed;
}
