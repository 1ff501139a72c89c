/**
 * A vendor as a reader checks it: its own country, and apart, who controls it and from where. « Cegid (US) » read as
 * a factual error to anyone who knows Cegid, a Lyon company (trial 2026-12-05): it is « Cegid (France ; contrôlé par
 * Silver Lake et KKR (fonds d'investissement), États-Unis) ».
 */
import { countryName } from "../core/labels.ts";
import { message } from "../i18n/messages.ts";
import type { InventoryItem } from "./types.ts";

export function vendorLabel(vendor: NonNullable<InventoryItem["vendor"]>): string {
  const parent = vendor.parent;
  // A community project has no country: its name says what it is (« Projet GIMP (communauté) »).
  if (!vendor.country && !parent) return vendor.name;
  const country = vendor.country ? countryName(vendor.country) : message("inventory.vendor.noCountry");
  if (!parent) return message("inventory.vendor.own", { vendor: vendor.name, country });
  return message(
    vendor.ownershipVerified === false ? "inventory.vendor.controlledUnverified" : "inventory.vendor.controlled",
    {
      vendor: vendor.name,
      country,
      parent: parent.name,
      parentCountry: countryName(parent.country),
    },
  );
}
