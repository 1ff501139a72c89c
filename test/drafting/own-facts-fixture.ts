/**
 * A saved map of two products for the tests of sentences checked against Cap Libre's own data: Avast (seat in the
 * Czech Republic, controlled by Gen Digital, United States) and Nextcloud Hub (Germany); `ownFactReasons` gives the
 * reasons a sentence is flagged against them.
 */
import { ownProducts } from "../../server/drafting/own-facts.ts";
import type { AnalysisItem } from "../../server/drafting/types.ts";
import { verifyText } from "../../server/verify/index.ts";
import { checkOwnFacts } from "../../server/verify/own-facts.ts";

/** Avast: seat in the Czech Republic, controlled by Gen Digital (United States); shared by the own-facts tests. */
export const AVAST: AnalysisItem = {
  name: "Avast Free Antivirus",
  installations: 7,
  category: "security",
  product: { id: "avast", name: "Avast Antivirus" },
  vendor: { name: "Avast", country: "CZ", parent: { name: "Gen Digital", country: "US" } },
  extraEuropean: true,
  openSource: false,
  exposure: { controllingCountry: "US", laws: ["us-cloud-act"] },
};

const items: AnalysisItem[] = [
  AVAST,
  {
    name: "Nextcloud Hub",
    installations: 12,
    category: "collaboration",
    product: { id: "nextcloud", name: "Nextcloud Hub" },
    vendor: { name: "Nextcloud GmbH", country: "DE" },
    extraEuropean: false,
    openSource: true,
    exposure: { controllingCountry: "DE", laws: [] },
  },
];
const products = ownProducts(items);

/** The reasons `sentence` (its own passage) is flagged against the two products' map. */
export const ownFactReasons = (sentence: string) =>
  checkOwnFacts(verifyText(sentence, [{ n: 1, text: sentence }]), products, "les données").verification.sentences[0]!
    .reasons;
