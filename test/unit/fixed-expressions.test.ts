/**
 * A word that asks something alone (« quand » a date, « qui » a person, « nombre de » a count, « prix » a cost) asks
 * nothing inside a fixed expression (« quand même », « qui plus est », « bon nombre de », « à tout prix »):
 * `i18n/fr/fixed-expressions.txt`. What a question asks (`askedFor`), the asks « En bref » weighs and the second ask
 * after « et » are read without them. Questions on other products than the trial's.
 */
import { describe, expect, it } from "vitest";
import { askParts } from "../../server/answers/brief.ts";
import { withoutFixedExpressions } from "../../server/retrieval/fixed-expressions.ts";
import { askedFor } from "../../server/retrieval/rank.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

describe("a fixed expression holding a question word", () => {
  it("asks no date with « quand même », « quand bien même », « n'importe quand »", () => {
    expect(askedFor("Nextcloud est-il quand même fiable pour une petite mairie ?")).toEqual([]);
    expect(askedFor("Peut-on garder Thunderbird quand bien même Mozilla changerait de cap ?")).toEqual([]);
    expect(askedFor("Peut-on installer Jitsi n'importe quand ?")).toEqual([]);
    // « quand » alone still asks a date.
    expect(askedFor("Quand Graz est-elle passée à Linux ?")).toEqual(["date"]);
  });

  it("asks no count with « bon nombre de », no cost with « à tout prix »", () => {
    expect(askedFor("Bon nombre de communes utilisent-elles déjà Zimbra ?")).toEqual([]);
    expect(askedFor("Faut-il quitter Dropbox à tout prix ?")).toEqual([]);
    expect(askedFor("Quel nombre de postes Graz a-t-elle migrés ?")).toEqual(["quantity"]);
  });

  it("is taken out of a text, the rest kept", () => {
    expect(withoutFixedExpressions("Zimbra est quand même libre ?")).toBe("zimbra est libre");
    expect(withoutFixedExpressions("Quand Zimbra a-t-il été racheté ?")).toBe("quand zimbra a t il ete rachete");
  });

  it("opens no second ask after « et »", () => {
    expect(askParts("Zimbra est-il libre et quand même maintenu par un éditeur américain ?")).toHaveLength(1);
    expect(askParts("Zimbra est-il libre et qui plus est gratuit pour une commune ?")).toHaveLength(1);
    expect(askParts("Zimbra est-il libre et quand a-t-il été racheté ?")).toHaveLength(2);
  });

  it("does not make « En bref » read a dated sentence before the one that answers", () => {
    const zimbra = passageOf(
      "zimbra#0",
      "Zimbra : une messagerie libre",
      "En 2015, l'éditeur de Zimbra a changé de mains une nouvelle fois. Zimbra reste une messagerie libre, fiable et maintenue, utilisée par de nombreuses communes.",
      "guidance",
    );
    const question = "Zimbra est-il quand même une messagerie fiable ?";
    const b = briefFor(question, [zimbra], askedFor(question) as ("quantity" | "date")[]);
    expect(b?.quotes[0]?.text).toContain("fiable et maintenue");
  });
});
