// @ts-check
// What a listed passage is credited to, in the sources list of an answer (kept apart from the page's DOM code so that
// it can be read and tested alone). `credit` comes from the server (`PassageCredit` in server/retrieval/attribution.ts).

/**
 * The credit words of a source line: the sources the passage's statements name; for a passage of which some
 * statement names none, the corpus page — with the sources it does name first, when it names some (the CLOUD Act
 * guide's « AWS … ; Wikipédia … »), never « no source » under a passage that names two.
 * @param {{ basis: "named" | "single" | "page", sources: { title: string }[], named?: { title: string }[] } | undefined} credit
 * @param {{ title: string }[]} named the sources a named or single credit rests on
 * @param {(key: string, params?: Record<string, string | number>) => string} t the page's messages
 */
export function creditLabel(credit, named, t) {
  if (credit?.basis !== "page") return named.map((x) => x.title).join(" ; ");
  const own = credit.named ?? [];
  return own.length ? t("web.creditPageNamed", { sources: own.map((x) => x.title).join(" ; ") }) : t("web.creditPage");
}
