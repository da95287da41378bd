/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-format-finding.c: what a diagram finds about a group, in one sentence — "No deal is
 * acceptable to all four" — for the headline of an exported page and for zopa-cli */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "analysis/zopa-format.h"

/* "all four" for the whole group, "both Kyiv and Moscow" for two, else the names. */
static char *
format_group (ZopaAnalysis *analysis,
              guint         mask)
{
  static const char * const all_of[] = {
    NULL, NULL, NULL, N_("all three"), N_("all four"), N_("all five"), N_("all six"),
  };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  guint size;

  for (guint k = 0; k < zopa_analysis_get_n_actors (analysis); k++)
    if (mask & (1u << k))
      {
        const char *name = zopa_analysis_get_actor_name (analysis, k);

        g_ptr_array_add (names, (gpointer) (name != NULL && name[0] != '\0' ? name : zopa_analysis_get_actor_id (analysis, k)));
      }
  size = names->len;

  if (size >= 3 && mask == zopa_analysis_get_all_mask (analysis))
    {
      if (size < G_N_ELEMENTS (all_of))
        return g_strdup (_(all_of[size]));
      /* Translators: a whole group of actors, e.g. "all 7" */
      return g_strdup_printf (_("all %u"), size);
    }
  joined = zopa_format_join_and (names);
  if (size == 2)
    /* Translators: two actors, e.g. "both Kyiv and Moscow" */
    return g_strdup_printf (_("both %s"), joined);
  return g_steal_pointer (&joined);
}

/* "2,856", "2,856–5,202", "≈ 3 million": the deals the group accepts in every reading, up to
 * those it accepts in some. */
static char *
format_deals (const ZopaRegion         *region,
              const ZopaRegionReadings *readings)
{
  gboolean exact = region->exact && (readings == NULL || readings->exact);
  double high = readings != NULL ? MAX (readings->inclusive_max, region->inclusive) : region->inclusive;
  g_autofree char *low_text = zopa_format_count (region->inclusive, exact);
  g_autofree char *high_text = NULL;

  if (high <= region->inclusive)
    return g_steal_pointer (&low_text);
  high_text = zopa_format_count (high, exact);
  /* Translators: a range of counts, e.g. "2,856–5,202" */
  return g_strdup_printf (_("%s–%s"), low_text, high_text);
}

char *
zopa_format_finding (ZopaAnalysis *analysis,
                     guint         mask)
{
  const ZopaRegion *region;
  const ZopaRegionReadings *readings;
  g_autofree char *group = NULL;
  g_autofree char *deals = NULL;
  ZopaHolds empty;

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (mask != 0 && (mask & ~zopa_analysis_get_all_mask (analysis)) == 0, NULL);

  group = format_group (analysis, mask);
  region = zopa_analysis_get_region (analysis, mask);
  readings = zopa_analysis_get_region_readings (analysis, mask);

  if (region == NULL)
    /* A group no report lists (beyond six actors): its emptiness only. */
    return zopa_analysis_zopa_is_empty (analysis, mask)
           /* Translators: %s is a group of actors, e.g. "all four" or "both Kyiv and Moscow" */
           ? g_strdup_printf (_("No deal is acceptable to %s"), group)
           : g_strdup_printf (_("Some deals are acceptable to %s"), group);

  if (!region->inclusive_decided || (readings != NULL && !readings->emptiness_exact))
    return g_strdup_printf (_("Whether any deal is acceptable to %s was not decided in the time allowed"), group);

  empty = readings != NULL ? readings->empty_inclusive
                           : region->inclusive_empty ? ZOPA_HOLDS_IN_EVERY_READING : ZOPA_HOLDS_IN_NO_READING;
  if (empty == ZOPA_HOLDS_IN_EVERY_READING)
    return g_strdup_printf (_("No deal is acceptable to %s"), group);
  if (empty == ZOPA_HOLDS_IN_SOME_READING)
    return g_strdup_printf (_("Whether any deal is acceptable to %s depends on how the evidence is read"), group);

  deals = format_deals (region, readings);
  /* Translators: the first %s is a count of deals ("2,856" or "2,856–5,202"), the second a
   * group of actors */
  return g_strdup_printf (ngettext ("%s deal is acceptable to %s", "%s deals are acceptable to %s",
                                    region->inclusive == 1 && (readings == NULL || readings->inclusive_max <= 1) ? 1 : 2),
                          deals, group);
}
