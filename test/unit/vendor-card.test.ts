/**
 * A question on a vendor's town or origin gets the vendor's catalog card beside the card of the product it names
 * (`server/retrieval/vendor-card.ts`, words in `server/i18n/fr/asked.txt`, section [éditeur]).
 */
import { describe, expect, it } from "vitest";
import { asksAboutVendor, isCardOf, vendorCompanions, vendorNamed } from "../../server/retrieval/vendor-card.ts";

const card = (id: string, title: string, text: string) => ({ id: `${id}#0`, text, document: { id, title } });
const doodle = card(
  "catalog/product/doodle",
  "Produit : Doodle",
  "Doodle (bureautique) : Sondages de dates.\nÉditeur : Doodle, Suisse, groupe TX Group (Suisse).",
);
const doodleVendor = card("catalog/vendor/doodle", "Éditeur : Doodle", "Doodle : éditeur, siège : Suisse.");
const tuleap = card(
  "catalog/alternative/tuleap",
  "Alternative : Tuleap",
  "Tuleap (développement) : logiciel libre sous licence GPL-2.0-or-later, publié par Enalean (France).",
);
const bitlocker = card(
  "catalog/product/bitlocker",
  "Produit : BitLocker",
  "BitLocker (sécurité) : Chiffrement de disque.\nÉditeur : Microsoft, États-Unis.",
);
const microsoft = card("catalog/vendor/microsoft", "Éditeur : Microsoft", "Microsoft : éditeur, siège : États-Unis.");

describe("a question about a vendor", () => {
  it("asks who makes a product or where from, not merely for a product of some country", () => {
    expect(asksAboutVendor("Doodle, c'est une boîte de quelle ville ?")).toBe(true);
    expect(asksAboutVendor("Nos ThinkPad, le constructeur est d'origine chinoise ?")).toBe(true);
    expect(asksAboutVendor("Le fabricant de nos NAS, c'est qui ?")).toBe(true);
    expect(asksAboutVendor("Un outil européen pour remplacer Google Analytics ?")).toBe(false);
  });

  it("asks it by « c'est basé où ? » and « qui vend … ? » too (fifteenth series)", () => {
    expect(asksAboutVendor("Trello, c'est basé où exactement ?")).toBe(true);
    expect(asksAboutVendor("Qui vend WinZip ? on a des licences à renouveler")).toBe(true);
    expect(asksAboutVendor("Combien de licences WinZip avons-nous ?")).toBe(false);
  });

  it("reads the vendor a product or an alternative card names", () => {
    expect(vendorNamed(doodle)).toBe("Doodle");
    expect(vendorNamed(tuleap)).toBe("Enalean");
    expect(vendorNamed(doodleVendor)).toBeNull();
  });

  it("keeps the vendor's card beside the card of the product the question names", () => {
    const companions = vendorCompanions("Doodle, c'est de quel pays ?", [doodle, doodleVendor]);
    expect([...companions]).toEqual([["catalog/vendor/doodle#0", "catalog/product/doodle#0"]]);
  });

  it("not the vendor of the product a question wants to replace, nor of a product it does not name", () => {
    const replace = "Sans BitLocker, quel outil libre pour chiffrer, et qui le maintient ?";
    expect(vendorCompanions(replace, [bitlocker, microsoft]).size).toBe(0);
    expect(vendorCompanions("Yousign, c'est une société de quelle ville ?", [bitlocker, microsoft]).size).toBe(0);
  });
});

describe("the card of a vendor a card names", () => {
  const ascensio = card(
    "catalog/vendor/ascensio-system",
    "Éditeur : Ascensio System (ONLYOFFICE)",
    "Ascensio System (ONLYOFFICE) (Ascensio System SIA) : éditeur, siège : Lettonie.",
  );
  const x = card("catalog/vendor/x", "Éditeur : X (ex-Twitter)", "X (ex-Twitter) : éditeur, siège : États-Unis.");
  it("is found by its name without what its title adds in brackets (« onlyoffice c'est russe ? » lacked it)", () => {
    expect(isCardOf(ascensio, "Ascensio System SIA")).toBe(true);
    expect(isCardOf(doodleVendor, "Doodle")).toBe(true);
  });
  it("not by a name too short to say anything once its brackets are gone, nor by another vendor's", () => {
    expect(isCardOf(x, "Groupe X Industries")).toBe(false);
    expect(isCardOf(ascensio, "Enalean")).toBe(false);
  });
});
