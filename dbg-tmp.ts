import { realCorpusEngine } from "./test/helpers/server.ts";
import { retrieveForAnswer, aboveFloor } from "./server/answers/answer.ts";
const { engine, close } = await realCorpusEngine("a11-");
for (const q of process.argv.slice(2)) {
  const r = await retrieveForAnswer([{ role: "user", content: q }], engine as any, 8);
  console.log("Q", q, r.mode, r.decision.answerable, r.decision.reason);
  for (const x of r.results) console.log("  R", x.id, x.score.toFixed(3), x.section.slice(0,70));
  for (const x of r.relevant) console.log("  REL", x.id);
  for (const x of aboveFloor(r.relevant, r.mode)) console.log("  FLOOR", x.id);
  for (const x of r.held) console.log("  HELD", x.id);
}
await close();
