/**
 * Map lines written by hand for the roadmap tests: an extra-European, proprietary workstation product under US law
 * unless told otherwise, and an alternative of the catalogue.
 */
import type { AnalysisItem } from "../../server/drafting/types.ts";

/** The laws a US vendor's product is exposed to. */
export const US = ["us-cloud-act", "us-fisa-702"];

/** An alternative as the map gives it: free software unless told otherwise. */
export const alt = (name: string, fit: string, country: string | null, openSource = true) => ({
  id: name.toLowerCase(),
  name,
  fit,
  country,
  openSource,
});

/** A map line: a US proprietary workstation product, with `more` over it. */
export const item = (
  name: string,
  installations: number,
  more: Partial<AnalysisItem> & { product?: string } = {},
): AnalysisItem => ({
  name,
  installations,
  extraEuropean: true,
  openSource: false,
  category: "workstation",
  alternatives: [],
  exposure: { controllingCountry: "US", laws: US },
  ...more,
});
