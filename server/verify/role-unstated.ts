/**
 * « X est le maire de Y » where the cited passages name X and give them no role of the same rank (trial10 A3): the
 * passage's section about Nicolas Vivant's network says nothing of his office, and « Nicolas Vivant est le maire
 * d'Échirolles [1] » was found supported because its other words are. `roles.ts` (`roleClaimed`) flags the role when
 * a cited passage gives the person another one; this flags it when the cited passages, headings included, give none
 * near the person's name. The ranks are those of `server/i18n/fr/role-ranks.txt` (data).
 */
import { NEGATION } from "./negation.ts";
import { persons, ROLE_REACH, rankAt, tokens } from "./roles.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, inBag } from "./words.ts";

/** Most words between « est le » and the role word (« est le premier adjoint »). */
const ROLE_OFFSET = 2;

/** The role a sentence gives a person the cited passages name without it, and the person; or null. */
export function roleUnstated(stated: string, pool: Source[]): { name: string; role: string } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const texts = pool.flatMap((s) => s.sentences.map((ss) => withoutReferences(ss.text)));
  const all = bagOf(texts.join(" "));
  for (const p of persons(text).filter((x) => inBag(x.folded, all, false))) {
    const at = text.indexOf(p.name);
    const rest = /^\s*,?\s*est\s+(?:(?:le|la|l['’])\s*)?/u.exec(text.slice(at + p.name.length));
    if (at < 0 || !rest) continue;
    const predicate = tokens(text.slice(at + p.name.length + rest[0].length)).slice(0, ROLE_OFFSET + 1);
    const k = predicate.findIndex((_, i) => rankAt(predicate, i) >= 0);
    if (k < 0) continue;
    const claimed = rankAt(predicate, k);
    const last = p.folded.split(" ").at(-1)!;
    const given = texts
      .filter((t) => inBag(p.folded, bagOf(t), false))
      .some((t) => {
        const list = tokens(t);
        return list.some((x, where) => {
          if (x.folded !== last) return false;
          for (let i = Math.max(0, where - ROLE_REACH); i < Math.min(list.length, where + ROLE_REACH); i++)
            if (rankAt(list, i) === claimed) return true;
          return false;
        });
      });
    if (!given)
      return {
        name: p.name,
        role: predicate
          .slice(0, k + 1)
          .map((x) => x.raw)
          .join(" "),
      };
  }
  return null;
}
