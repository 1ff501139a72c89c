/**
 * A value asked of a body the corpus never writes (held-out-30 h30-u-nous-ville-kerbrinec-logiciel, written on it;
 * h30-u-nous-ville-lisonne-asso the untuned case): « quel logiciel d'état civil utilise kerbrinec » — the subject of
 * the verb after the thing asked is a word no document uses, so no passage can say its software, whatever passages
 * hold « logiciel d'état civil ». Other words than the set's.
 */
import { describe, expect, it } from "vitest";
import { unknownSubject } from "../../server/retrieval/unknown-subject.ts";

describe("the subject of a value asked, a word the corpus never writes", () => {
  it("after the thing asked and its verb, an article or a kind of body between", () => {
    expect(unknownSubject("quel antivirus emploie plouzennec", ["plouzennec"])).toEqual(["plouzennec"]);
    expect(unknownSubject("combien de serveurs héberge la commune de trezilly", ["trezilly"])).toEqual(["trezilly"]);
    expect(unknownSubject("combien de bénévoles compte l'association ardoise libre", ["ardoise"])).toEqual(["ardoise"]);
  });
  it("a kind of body and its unknown name opening the clause, a value asked after it (h26 vallorgues, burned)", () => {
    expect(unknownSubject("la commune de trezilly a combien d'agents", ["trezilly"])).toEqual(["trezilly"]);
    expect(unknownSubject("le syndicat de valbrune utilise quel logiciel", ["valbrune"])).toEqual(["valbrune"]);
    // (No value asked: a statement or advice.)
    expect(unknownSubject("la commune de trezilly passe à Linux, bonne idée ?", ["trezilly"])).toEqual([]);
  });
  it("not a word elsewhere, nor a known subject", () => {
    // (The unknown word is no subject: an object of the verb's complement, or a word of the thing asked.)
    expect(unknownSubject("quel logiciel utilise la mairie pour le zorglub", ["zorglub"])).toEqual([]);
    expect(unknownSubject("quel zorglub utilise la mairie", ["zorglub"])).toEqual([]);
    expect(unknownSubject("quel logiciel utilise grenoble", [])).toEqual([]);
    // (A participle after « a »: « quelle armée a laissé tomber Office », « tomber » unknown to a small corpus.)
    expect(unknownSubject("quelle armée a laissé tomber Office", ["tomber"])).toEqual([]);
    // (A participle after « a »; a preposition ending like a verb; a version with digits.)
    expect(unknownSubject("quel hébergeur a décroché en premier la qualification", ["decroche"])).toEqual([]);
    expect(unknownSubject("combien d'entités régulées avec nis2 contre nis1", ["nis1"])).toEqual([]);
    // (No value asked: « utilise kerbrinec » in a statement.)
    expect(unknownSubject("on utilise plouzennec comme modèle", ["plouzennec"])).toEqual([]);
  });
});
