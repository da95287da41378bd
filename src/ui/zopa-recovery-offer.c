/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-recovery-offer.c: offering the unsaved changes a previous run left in the recovery store */

#include "config.h"

#include <glib/gi18n.h>

#include "zopa-error-dialog.h"
#include "zopa-recovery-offer.h"
#include "zopa-user-text.h"

/* What every offer of one start-up shares: whom to hand a restored document. */
typedef struct {
  ZopaRecoveryRestoreFunc  restore;
  gpointer                 user_data;
  GDestroyNotify           user_data_free;
} Restorer;

typedef struct {
  Restorer          *restorer;
  ZopaRecoveryStore *store;
  ZopaRecoveryEntry *entry;
} Offer;

static void
restorer_clear (gpointer data)
{
  Restorer *restorer = data;

  if (restorer->user_data_free != NULL)
    restorer->user_data_free (restorer->user_data);
}

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  g_rc_box_release_full (offer->restorer, restorer_clear);
  g_object_unref (offer->store);
  zopa_recovery_entry_free (offer->entry);
  g_free (offer);
}

static void
on_offer_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Offer            *offer)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "restore"))
    {
      g_autoptr(ZopaDocument) document = zopa_document_new_from_recovery (offer->store, offer->entry, &error);

      if (document == NULL)
        zopa_error_dialog_present (gtk_window_get_transient_for (GTK_WINDOW (dialog)), error->message,
                                   _("Could Not Restore the Changes"));
      else
        offer->restorer->restore (document, offer->restorer->user_data);
    }
  else if (g_str_equal (response, "discard")
           && !zopa_recovery_store_remove (offer->store, offer->entry->id, &error))
    zopa_error_dialog_present (gtk_window_get_transient_for (GTK_WINDOW (dialog)), error->message,
                               _("Could Not Discard the Changes"));
}

static char *
describe_entry (const ZopaRecoveryEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->written);
  g_autofree char *when = g_date_time_format (local, "%c");
  g_autofree char *name = NULL;

  if (entry->original != NULL)
    name = g_file_get_basename (entry->original);
  else if (entry->title != NULL && *entry->title != '\0')
    name = g_strdup (entry->title);
  else
    name = g_strdup (_("Untitled Scenario"));
  /* The name comes from a file: the body does not parse markup. */
  return g_strdup_printf (_("Unsaved changes to “%s” from %s"), name, when);
}

static void
present_offer (Restorer          *restorer,
               ZopaRecoveryStore *store,
               GtkWindow         *parent,
               ZopaRecoveryEntry *entry)
{
  g_autofree char *body = describe_entry (entry);
  AdwMessageDialog *dialog;
  Offer *offer = g_new0 (Offer, 1);

  dialog = ADW_MESSAGE_DIALOG (zopa_user_text_message_dialog_new (parent, _("Restore Unsaved Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  /* Closing the dialog decides nothing: the entry is offered again next time. */
  adw_message_dialog_set_close_response (dialog, "later");

  offer->restorer = g_rc_box_acquire (restorer);
  offer->store = g_object_ref (store);
  offer->entry = entry;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_offer_response), offer,
                         (GClosureNotify) (void (*) (void)) offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
zopa_recovery_offer_present (ZopaRecoveryStore       *store,
                             GtkWindow               *parent,
                             ZopaRecoveryRestoreFunc  restore,
                             gpointer                 user_data,
                             GDestroyNotify           user_data_free)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  Restorer *restorer;

  g_return_if_fail (ZOPA_IS_RECOVERY_STORE (store));
  g_return_if_fail (restore != NULL);

  restorer = g_rc_box_new (Restorer);
  restorer->restore = restore;
  restorer->user_data = user_data;
  restorer->user_data_free = user_data_free;

  entries = zopa_recovery_store_list (store, &error);
  if (entries == NULL)
    zopa_error_dialog_present (parent, error->message, _("Could Not Read the Unsaved Changes"));
  else
    {
      /* Each entry passes to its offer, which frees it. */
      g_ptr_array_set_free_func (entries, NULL);
      for (guint i = 0; i < entries->len; i++)
        present_offer (restorer, store, parent, g_ptr_array_index (entries, i));
    }
  g_rc_box_release_full (restorer, restorer_clear);
}
