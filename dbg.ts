import { readFileSync } from "node:fs";
import { verifyText } from "./server/verify/index.ts";
const lines = readFileSync("corpus/guidance/union-europeenne-open-source-eurostack-communs.md", "utf8").split("\n").slice(117, 128).join("\n");
const p = [{ n: 1, text: "Guide — EuroStack\n" + lines }];
for (const t of ["1. Le montant de 300 milliards est confirmé par le rapport; le chiffre de 300 entreprises n'a pas été retrouvé ailleurs et reste non confirmé [1].", "Le montant de 300 milliards est confirmé par le rapport; le chiffre de 300 entreprises n'a pas été retrouvé ailleurs et reste non confirmé [1]."]) {
  const v = verifyText(t, p);
  console.log(v.sentences.map((s) => [s.text.slice(0, 30), s.status, s.reasons]));
}
