/** Where a fact comes from: the source schema shared by the corpus, the index and every answer. */
import { z } from "zod";

export const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" ? String(v) : v),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "date attendue au format AAAA, AAAA-MM ou AAAA-MM-JJ"),
);

export const url = z.string().regex(/^https?:\/\/\S+$/, "URL attendue (http:// ou https://)");

export const sourceSchema = z.object({
  title: z.string().min(3, "titre de source manquant"),
  url: url.nullish(),
  date: isoDate.nullish(),
});
export type Source = z.infer<typeof sourceSchema>;
