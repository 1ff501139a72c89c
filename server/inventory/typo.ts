/**
 * What separates an inventory name from a catalogue name one letter or one space away, and whether that slip is a
 * typing slip rather than another product's name: `match.ts` asserts a near name only through `typoSlip`.
 */
import { editDistance } from "../core/typing.ts";

/**
 * `dropped`: a letter of the catalogue name missing (« Mozila »); `added`: one letter more inside a word (« Acrobat
 * Reeader »); `swapped`: two neighbouring letters exchanged (« Thunderbrid »); `changed`: one letter for another
 * (« Protect » for « Project », which may be another word, hence another product); `space`: a space added or
 * removed between two words (« Libre Office », « Team Viewer »).
 */
export type SlipKind = "dropped" | "added" | "swapped" | "changed" | "space";

export interface Slip {
  kind: SlipKind;
  /** Where the two keys part, in the catalogue key. */
  at: number;
}

/** Shortest word a one-letter slip is accepted in: « SES » and « SNS » are two Stormshield products. */
const MIN_WORD = 5;

/**
 * The one slip that turns the catalogue key into the name's key (both folded, words separated by one space), or
 * null when they differ by more, by a digit (another version: « 2016 » / « 2019 »), or by a letter where product
 * names part on purpose: the first letter of a word (Doodle / Moodle, Firebox / Firefox), the last one or one more
 * after it (KeePassX / KeePassXC, Element / Elements), or a word shorter than five letters (SES / SNS).
 * @example
 * typoSlip("mozila firefox", "mozilla firefox"); // { kind: "dropped", at: 5 }
 * typoSlip("keepassx", "keepassxc"); // null
 */
export function typoSlip(name: string, catalog: string): Slip | null {
  if (name === catalog || Math.abs(name.length - catalog.length) > 1) return null;
  let i = 0;
  while (i < name.length && i < catalog.length && name[i] === catalog[i]) i++;
  let j = 0;
  while (j < name.length - i && j < catalog.length - i && name[name.length - 1 - j] === catalog[catalog.length - 1 - j])
    j++;
  const a = name.slice(i, name.length - j);
  const b = catalog.slice(i, catalog.length - j);
  const letter = (s: string) => /^[a-z]+$/.test(s);
  if ((a === " " && b === "") || (a === "" && b === " ")) {
    // Both words either side of the space are words, not a number glued to a name (« Office 365 »).
    const joined = a ? catalog : name;
    const left = /[a-z]{3,}$/.test(joined.slice(0, i));
    const right = /^[a-z]{3,}/.test(joined.slice(i));
    return left && right ? { kind: "space", at: i } : null;
  }
  let kind: SlipKind;
  if (a === "" && b.length === 1 && letter(b)) kind = "dropped";
  else if (b === "" && a.length === 1 && letter(a)) kind = "added";
  else if (a.length === 1 && b.length === 1 && letter(a) && letter(b)) kind = "changed";
  else if (a.length === 2 && b.length === 2 && letter(a) && a === [...b].reverse().join("")) kind = "swapped";
  else return null;
  // The word the slip falls in, in the longer key (the catalogue's, or the name's for a letter added).
  const text = kind === "added" ? name : catalog;
  const start = text.lastIndexOf(" ", i) + 1;
  const end = text.indexOf(" ", i) === -1 ? text.length : text.indexOf(" ", i);
  const word = text.slice(start, end);
  if (!letter(word) || word.length < MIN_WORD) return null;
  const last = kind === "swapped" ? i + 1 : i;
  if (i === start || last >= end - 1) return null;
  return { kind, at: i };
}

/** Shortest catalogue vendor word read through a slip, and shortest publisher word (« Gogle » for Google). */
const MIN_VENDOR_WORD = 5;

/**
 * Whether a publisher's first word is one typing slip from a catalogue vendor's (« Microsft » for « microsoft »,
 * « Adobee », « Oracel »): a letter dropped, added or two neighbouring letters swapped anywhere but in the first
 * letter, or one letter changed inside the word (not its first or last: « Adobi » may be another name).
 * Both words only letters, the longer at least six letters long.
 * @example
 * vendorSlip("microsft", "microsoft"); // true
 * vendorSlip("adobi", "adobe"); // false
 */
export function vendorSlip(word: string, vendor: string): boolean {
  if (word === vendor || !/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(vendor)) return false;
  if (Math.min(word.length, vendor.length) < MIN_VENDOR_WORD || Math.max(word.length, vendor.length) < 6) return false;
  if (Math.abs(word.length - vendor.length) > 1 || word[0] !== vendor[0]) return false;
  let i = 0;
  while (i < word.length && i < vendor.length && word[i] === vendor[i]) i++;
  if (word.length !== vendor.length) {
    const [long, short] = word.length > vendor.length ? [word, vendor] : [vendor, word];
    return long.slice(0, i) + long.slice(i + 1) === short;
  }
  if (word.slice(i + 1) === vendor.slice(i + 1)) return i < word.length - 1;
  return word[i] === vendor[i + 1] && word[i + 1] === vendor[i] && word.slice(i + 2) === vendor.slice(i + 2);
}

/**
 * Whether a name's first word is the vendor's own word typed with one or two slips (« Kasperski », « Micosoft »,
 * « Mozzila »): both only letters, at least five long, the same first letter, at most two letters dropped, added,
 * changed or neighbours swapped (one for words under seven letters). Only read so when the publisher confirms the
 * vendor (`match.ts`): then the slip cannot be another product's name.
 * @example
 * vendorWordTyped("kasperski", "kaspersky"); // true
 * vendorWordTyped("kappa", "kaspersky"); // false
 */
export function vendorWordTyped(word: string, vendor: string): boolean {
  if (word === vendor || !/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(vendor)) return false;
  if (Math.min(word.length, vendor.length) < MIN_WORD || word[0] !== vendor[0]) return false;
  const most = Math.min(word.length, vendor.length) < 7 ? 1 : 2;
  if (Math.abs(word.length - vendor.length) > most) return false;
  return editDistance(word, vendor) <= most;
}
