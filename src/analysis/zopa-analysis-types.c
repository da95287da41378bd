/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-analysis-types.c: the analysis's error domain. */

#include "config.h"

#include "zopa-analysis-types.h"

G_DEFINE_QUARK (zopa-analysis-error-quark, zopa_analysis_error)
