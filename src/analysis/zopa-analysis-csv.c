/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-analysis-csv.c: the analysis as a table for spreadsheets */

#define G_LOG_DOMAIN "zopa-analysis"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/zopa-analysis-csv.h"
#include "analysis/zopa-format.h"
#include "analysis/zopa-analysis.h"

static const char * const columns[] = {
  "record", "variant", "draft", "actors", "verdict", "score", "worst_score", "best_score",
  "reservation_low", "reservation_high", "violations", "accepts", "rejects",
  "inclusive", "exclusive", "exact", "inclusive_error", "exclusive_error",
  "inclusive_empty", "exclusive_empty", "inclusive_max", "exclusive_max",
};

typedef enum {
  COLUMN_RECORD, COLUMN_VARIANT, COLUMN_DRAFT, COLUMN_ACTORS, COLUMN_VERDICT, COLUMN_SCORE,
  COLUMN_WORST_SCORE, COLUMN_BEST_SCORE, COLUMN_RESERVATION_LOW, COLUMN_RESERVATION_HIGH,
  COLUMN_VIOLATIONS, COLUMN_ACCEPTS, COLUMN_REJECTS, COLUMN_INCLUSIVE, COLUMN_EXCLUSIVE,
  COLUMN_EXACT, COLUMN_INCLUSIVE_ERROR, COLUMN_EXCLUSIVE_ERROR, COLUMN_INCLUSIVE_EMPTY,
  COLUMN_EXCLUSIVE_EMPTY, COLUMN_INCLUSIVE_MAX, COLUMN_EXCLUSIVE_MAX, N_COLUMNS
} Column;

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

/* One record being filled: a cell per column, NULL for an empty one. */
typedef struct {
  char *cells[N_COLUMNS];
} Record;

static void
set_cell (Record     *record,
          Column      column,
          const char *text)
{
  g_free (record->cells[column]);
  record->cells[column] = g_strdup (text);
}

static void
take_cell (Record *record,
           Column  column,
           char   *text)
{
  g_free (record->cells[column]);
  record->cells[column] = text;
}

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Writes the record as one line and empties it for the next. */
static void
flush_record (GString *out,
              Record  *record)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, record->cells[c]);
      g_clear_pointer (&record->cells[c], g_free);
    }
  g_string_append (out, "\r\n");
}

/* Counts are whole numbers held in doubles: every digit of the double, never an exponent. */
static char *
count_text (double count)
{
  return g_strdup_printf ("%.0f", count);
}

/* Scores at the precision of `analyze --json`: two decimals. */
static char *
score_text (double score)
{
  return zopa_format_shortest_double (round (score * 100.0) / 100.0);
}

static const char *
boolean_text (gboolean value)
{
  return value ? "true" : "false";
}

static char *
actor_list (ZopaAnalysis *analysis,
            guint         mask)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
    if ((mask >> a) & 1)
      {
        if (ids->len > 0)
          g_string_append_c (ids, ';');
        g_string_append (ids, zopa_analysis_get_actor_id (analysis, a));
      }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
append_regions (GString      *out,
                ZopaAnalysis *analysis,
                Record       *record)
{
  g_autoptr(GArray) masks = zopa_analysis_dup_listed_groups (analysis);

  for (guint k = 0; k < masks->len; k++)
    {
      guint mask = g_array_index (masks, guint, k);
      const ZopaRegion *r = zopa_analysis_get_region (analysis, mask);
      const ZopaRegionReadings *readings = zopa_analysis_get_region_readings (analysis, mask);

      set_cell (record, COLUMN_RECORD, "region");
      set_cell (record, COLUMN_VARIANT, zopa_analysis_get_variant_id (analysis));
      take_cell (record, COLUMN_ACTORS, actor_list (analysis, mask));
      take_cell (record, COLUMN_INCLUSIVE, count_text (r->inclusive));
      take_cell (record, COLUMN_EXCLUSIVE, count_text (r->exclusive));
      set_cell (record, COLUMN_EXACT, boolean_text (r->exact));
      if (!r->exact)
        {
          take_cell (record, COLUMN_INCLUSIVE_ERROR, count_text (ceil (r->inclusive_error)));
          take_cell (record, COLUMN_EXCLUSIVE_ERROR, count_text (ceil (r->exclusive_error)));
        }
      /* Undecided (the time limit ran out first) is an empty cell, as null in JSON. */
      if (r->inclusive_decided)
        set_cell (record, COLUMN_INCLUSIVE_EMPTY, boolean_text (r->inclusive_empty));
      if (r->exclusive_decided)
        set_cell (record, COLUMN_EXCLUSIVE_EMPTY, boolean_text (r->exclusive_empty));
      take_cell (record, COLUMN_INCLUSIVE_MAX, count_text (readings->inclusive_max));
      take_cell (record, COLUMN_EXCLUSIVE_MAX, count_text (readings->exclusive_max));
      flush_record (out, record);
    }
}

static char *
violation_list (ZopaAnalysis           *analysis,
                const ZopaDraftVerdict *v)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint k = 0; k < v->n_violations; k++)
    {
      guint issue = v->violations[k].issue;

      g_string_append_printf (list, "%s%s=%s", k > 0 ? ";" : "",
                              zopa_analysis_get_issue_id (analysis, issue),
                              zopa_analysis_get_option_id (analysis, issue, v->violations[k].option));
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
append_verdicts (GString      *out,
                 ZopaAnalysis *analysis,
                 Record       *record)
{
  for (guint d = 0; d < zopa_analysis_get_n_drafts (analysis); d++)
    {
      guint n_open;

      zopa_analysis_get_draft_open_issues (analysis, d, &n_open);
      for (guint a = 0; a < zopa_analysis_get_n_actors (analysis); a++)
        {
          const ZopaDraftVerdict *v = zopa_analysis_get_verdict (analysis, d, a);
          const ZopaVerdictReadings *readings = zopa_analysis_get_verdict_readings (analysis, d, a);
          int low, high;

          set_cell (record, COLUMN_RECORD, "verdict");
          set_cell (record, COLUMN_VARIANT, zopa_analysis_get_variant_id (analysis));
          set_cell (record, COLUMN_DRAFT, zopa_analysis_get_draft_id (analysis, d));
          set_cell (record, COLUMN_ACTORS, zopa_analysis_get_actor_id (analysis, a));
          set_cell (record, COLUMN_VERDICT, zopa_verdict_to_string (v->verdict));
          if (v->has_score && n_open == 0)
            take_cell (record, COLUMN_SCORE, score_text (v->score));
          else if (v->has_score)
            {
              take_cell (record, COLUMN_WORST_SCORE, score_text (v->worst_score));
              take_cell (record, COLUMN_BEST_SCORE, score_text (v->best_score));
            }
          zopa_analysis_get_reservation_range (analysis, a, &low, &high);
          take_cell (record, COLUMN_RESERVATION_LOW, g_strdup_printf ("%d", low));
          take_cell (record, COLUMN_RESERVATION_HIGH, g_strdup_printf ("%d", high));
          take_cell (record, COLUMN_VIOLATIONS, violation_list (analysis, v));
          set_cell (record, COLUMN_ACCEPTS, zopa_holds_to_string (readings->accepts));
          set_cell (record, COLUMN_REJECTS, zopa_holds_to_string (readings->rejects));
          flush_record (out, record);
        }
    }
}

char *
zopa_analysis_to_csv (ZopaAnalysis *self)
{
  GString *out = g_string_new (NULL);
  Record record = { { NULL } };

  g_return_val_if_fail (ZOPA_IS_ANALYSIS (self), NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    set_cell (&record, c, columns[c]);
  flush_record (out, &record);
  append_regions (out, self, &record);
  append_verdicts (out, self, &record);
  return g_string_free (out, FALSE);
}
