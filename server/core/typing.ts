/**
 * Typing slips between two folded words (a letter dropped, added, changed, two neighbours swapped), shared by the
 * inventory's reading of mistyped product and vendor names (`server/inventory/typo.ts`) and the answers' reading of a
 * question's mistyped names (`server/answers/vocabulary.ts`): one measure, at the bottom layer both may import.
 */

/**
 * Letters a writer puts for one another by ear (« shlesvig » for « schleswig »: « v » for « w »): a change between
 * them is one slip in `typedSlips`, any other change two (« piratage » is another word than « pilotage »).
 */
const HEARD_ALIKE = ["vw", "ck", "kq", "sz", "iy"];

/**
 * How many typing slips turn a folded word into another: a letter dropped, added or two neighbours swapped count one,
 * a letter changed for one that sounds alike (`HEARD_ALIKE`) one, any other letter changed two; a silent « h » left
 * out at the start (« olstein » for « holstein ») one.
 * @example
 * typedSlips("broadcome", "broadcom"); // 1
 * typedSlips("piratage", "pilotage"); // 4
 */
export function typedSlips(word: string, meant: string): number {
  const heard = (x: string, y: string) => HEARD_ALIKE.some((p) => p === x + y || p === y + x);
  const direct = editDistance(word, meant, (x, y) => (heard(x, y) ? 1 : 2));
  if (meant[0] === "h" && word[0] !== "h") return Math.min(direct, 1 + typedSlips(word, meant.slice(1)));
  return direct;
}

/**
 * Optimal string alignment distance (letters dropped, added, changed, neighbours swapped), on short words; a change
 * costs what `changed` says (one by default).
 */
export function editDistance(a: string, b: string, changed: (x: string, y: string) => number = () => 1): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : changed(a[i - 1]!, b[j - 1]!);
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}
