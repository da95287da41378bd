/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "analysis/zopa-analysis.h"
#include "model/zopa-history.h"
#include "zopa-session.h"

G_BEGIN_DECLS

/*
 * "Try This as a Variant": the flip of an actor's verdict on a draft (the smallest change of
 * its own stance that moves the verdict) made into a new variant and shown. The variant
 * starts from the one the analysis applies, so that what was shown stays, and adds the
 * flip's changes; its title says what it does ("Moscow accepts Geneva"). Inserting it is one
 * undo step; undoing it shows the variant shown before again, and redoing it shows it anew.
 * Returns the new variant (borrowed: the scenario holds it), or NULL when the verdict has no
 * flip.
 */
ZopaVariant *zopa_flip_variant_try (ZopaSession  *session,
                                    ZopaHistory  *history,
                                    ZopaAnalysis *analysis,
                                    guint         draft,
                                    guint         actor);

G_END_DECLS
