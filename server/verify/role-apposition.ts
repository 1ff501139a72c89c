/**
 * A role given to a person by apposition (« Jehan Monnier, directeur du numérique de la ville d'Échirolles, a organisé
 * … [2] », trial11 A1) where the cited passages name the person and no statement of theirs naming them gives that role
 * near the name: [2] calls him « cofondateur de Belledonne Communications et organisateur de l'événement ».
 * `role-unstated.ts` and `roles.ts` judge « X est le maire de Y »; this judges « X, <rôle> …, ». Each role word of the
 * apposition counts (« ministre-président » is « ministre » and « président »: « Le ministre chargé de la numérisation,
 * Dirk Schrödter » gives the first only). Roles are data (`server/i18n/fr/apposition-roles.txt`).
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION } from "./negation.ts";
import { persons, tokens } from "./roles.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, inBag } from "./words.ts";

const SECTIONS = wordListSections("apposition-roles.txt");
/** Each role's forms, folded; a role word's line by its form. */
const ROLE_OF = new Map<string, number>();
(SECTIONS.get("rôles") ?? []).forEach((line, i) => {
  for (const w of line.split(/\s+/)) for (const part of fold(w).split("-")) if (part) ROLE_OF.set(part, i);
});
/** « porte-parole » is one role: its first word stands for it. */
const roleAt = (word: string) => ROLE_OF.get(word);

/** Words that may open an apposition before its role (« le », « l'ancien », « la nouvelle »). */
const OPENERS = new Set((SECTIONS.get("ouvrants") ?? []).map((w) => fold(w)));

/** Words around the person's last name, in the passage's statement naming them, where the role is looked for. */
export const APPOSITION_REACH = 15;

/** An apposition after a name: « , <phrase>, » (or up to a parenthesis or the end of the clause). */
const APPOSITION = /^\s*,\s*([^,;:()[\]]{3,90}?)\s*(?=,|\(|;|$)/u;

/** The role (as written) an apposition gives a person that the cited passages do not give them, with their role; or null. */
export function appositionRoleUnstated(
  stated: string,
  pool: Source[],
): { name: string; role: string; other: string | null } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const statements = pool.flatMap((s) =>
    s.sentences.flatMap((ss) => withoutReferences(ss.text).split(/\s*[;()]\s*|\s[—–]\s|\n/u)),
  );
  const all = bagOf(statements.join(" "));
  for (const p of persons(text).filter((x) => inBag(x.folded, all, false))) {
    const at = text.indexOf(p.name);
    if (at < 0) continue;
    const m = APPOSITION.exec(text.slice(at + p.name.length));
    if (!m) continue;
    const phrase = tokens(m[1]!);
    let k = 0;
    while (k < phrase.length && OPENERS.has(phrase[k]!.folded)) k++;
    // The apposition opens on a role (« directeur du numérique », not « commune de 5 000 habitants »).
    if (k >= phrase.length || roleAt(phrase[k]!.folded) === undefined) continue;
    // The role words of its head: the first role and those joined to it (« ministre-président »).
    const head = m[1]!.slice(phrase[k]!.at).split(/\s/u)[0]!;
    const roles = fold(head)
      .split("-")
      .filter((w) => roleAt(w) !== undefined);
    const last = p.folded.split(" ").at(-1)!;
    const naming = statements.filter((st) => inBag(p.folded, bagOf(st), false));
    if (naming.length === 0) continue;
    const near = naming.map((st) => {
      const list = tokens(st).flatMap((x) => x.folded.split("-").map((f) => ({ ...x, folded: f })));
      const where = list.findIndex((x) => x.folded === last);
      return where < 0 ? [] : list.slice(Math.max(0, where - APPOSITION_REACH), where + APPOSITION_REACH);
    });
    const missing = roles.find((r) => !near.some((list) => list.some((x) => roleAt(x.folded) === roleAt(r))));
    if (missing === undefined) continue;
    // The role the passage gives instead (its first role word near the name, with what follows it).
    const other = naming
      .map((st) => {
        const list = tokens(st);
        const where = list.findIndex((x) => x.folded === last);
        const found = list
          .slice(Math.max(0, where - APPOSITION_REACH), where + APPOSITION_REACH)
          .find((x) => x.folded.split("-").some((f) => roleAt(f) !== undefined));
        return found
          ? st
              .slice(found.at)
              .split(/\s*,\s*/u)[0]!
              .trim()
          : null;
      })
      .find((x) => x);
    return { name: p.name, role: head, other: other ?? null };
  }
  return null;
}
