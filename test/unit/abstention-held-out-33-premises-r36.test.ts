/**
 * Unanswerable questions of the burned held-out-33 set still answered at dbd22025 (premises36): a false premise told
 * by an apposed participle (« x ayant déménagé … », « y étant passée sous le contrôle de … », « z appartenant
 * désormais à … ») or a clause after « maintenant que » / « depuis que » naming both sides of a takeover. The list of
 * 51 is in `/work/notes/premises36-list.txt`, cut in list order before any rule: ranks 1–26 tuned, 27–51 untuned.
 * Guards: answerable questions of the same form, the corpus saying the premise. On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-33-premises-r36-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;
const partOf = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).partial;

describe("a premise stated by an apposed participle or after « maintenant que » (`claimed-event.ts`)", () => {
  it("abstains when no sentence read says the event with every name of the premise", async () => {
    for (const q of [
      "maintenant que microsoft a racheté nextcloud, nos données partagées sont-elles soumises au cloud act ?",
      "depuis que broadcom a absorbé proxmox, les licences vont-elles augmenter comme pour vmware ?",
      "l'anssi ayant retiré sa qualification secnumcloud à ovhcloud, où migrer nos données sensibles ?",
      "bluemind appartenant désormais à google, faut-il quitter cette messagerie ?",
      "la document foundation ayant déménagé aux états-unis, libreoffice est-il encore européen ?",
      "vates étant passée sous le contrôle de citrix, xcp-ng est-il encore une alternative européenne ?",
      "ow2 a cessé ses activités, qui héberge maintenant lemonldap::ng ?",
      "quimper bretagne occidentale ayant décroché l'or au label en 2026, comment y est-elle arrivée ?",
      // Other subjects, same forms.
      "maintenant que google a racheté bluemind, faut-il changer de messagerie ?",
      "l'adullact ayant quitté montpellier, où se trouve son siège ?",
      "jitsi appartenant désormais à microsoft, quelle visio choisir ?",
      "l'april a cessé ses activités, qui défend le logiciel libre maintenant ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers when the corpus says the premise, or the clause states no event", async () => {
    for (const q of [
      "depuis que Broadcom a racheté VMware, la facture des licences a été multipliée par combien ?",
      "maintenant que broadcom a racheté vmware, combien coûtent les licences ?",
      "grist étant un logiciel européen développé par l'état français, on peut l'utiliser sans se poser de question ?",
      "tno étant libre, tous ses composants sont européens ?",
      "depuis que Linagora a le marché interministériel, on sait qui assure le support libre de l'Assurance maladie ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("two questions joined by « , et » and an interrogative, the first without « ? » (`second-ask.ts`, `askedTwice`)", () => {
  it("answers the first part and says the corpus does not answer the second, when no sentence holds it", async () => {
    for (const [q, part] of [
      [
        "tchap a été créé en quelle année, et combien l'état a-t-il dépensé pour le développer",
        "combien l'état a-t-il dépensé pour le développer",
      ],
      [
        "qui dirige le numérique à échirolles, et combien d'agents compte son équipe informatique",
        "combien d'agents compte son équipe informatique",
      ],
    ] as const)
      expect((await partOf(q))?.part, q).toBe(part);
  });

  it("still answers both parts when a sentence holds the second with the subject (burned sets)", async () => {
    for (const q of [
      "nextcloud a été fondé par qui, et quel centre fédéral allemand l'utilise ?",
      "le marché de support Linagora couvre combien de logiciels, et combien peuvent être critiques ?",
      "tchap : combien d'utilisateurs mensuels en 2025, et combien d'agents de la cnam vont y passer",
      // The first part after a context: only the first comma is a cut (held-out-2).
      "Avec le Data Act, quel préavis doit-on donner pour changer de fournisseur cloud, et combien de temps dure la bascule ?",
      // A noun asked without its own verb is not cut (held-out, answerable).
      "combien d'agents au ministère danois de la numérisation, et quel coût",
    ]) {
      expect(await partOf(q), q).toBeNull();
      expect(await decide(q), q).toMatchObject({ answerable: true });
    }
  });
});
