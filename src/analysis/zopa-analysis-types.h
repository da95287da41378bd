/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-analysis-types.h: the analysis's error domain and the stance changes it proposes,
 * plain types that the flat problem and its solvers share with ZopaAnalysis. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZOPA_ANALYSIS_ERROR (zopa_analysis_error_quark ())
GQuark zopa_analysis_error_quark (void);

typedef enum {
  ZOPA_ANALYSIS_ERROR_UNKNOWN_VARIANT,
  ZOPA_ANALYSIS_ERROR_UNKNOWN_ACTOR,
  ZOPA_ANALYSIS_ERROR_DUPLICATE_ACTOR,
  ZOPA_ANALYSIS_ERROR_TOO_MANY_ACTORS,
  ZOPA_ANALYSIS_ERROR_NO_ACTORS,
  ZOPA_ANALYSIS_ERROR_INVALID,          /* e.g. an issue without options */
} ZopaAnalysisError;

typedef enum {
  ZOPA_STANCE_CHANGE_ALLOW,         /* the actor accepts one more option on an issue */
  ZOPA_STANCE_CHANGE_RESERVATION,   /* the actor lowers its reservation */
} ZopaStanceChangeKind;

typedef struct {
  ZopaStanceChangeKind kind;
  guint                actor;
  guint                issue;        /* ALLOW only */
  guint                option;       /* ALLOW only */
  int                  reservation;  /* RESERVATION only: the highest value that suffices */
} ZopaStanceChange;

G_END_DECLS
