/**
 * The EU27, the EEA (IS, LI, NO), the United Kingdom and Switzerland: a vendor controlled from anywhere else
 * (Russia, Belarus, Turkey, the United States, China…) is extra-European.
 */
export const EUROPEAN_COUNTRIES = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "GB",
  "CH",
]);
export const isEuropean = (country: string) => EUROPEAN_COUNTRIES.has(country.toUpperCase());
