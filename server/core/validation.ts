/** Zod validation issues as French lines a user can act on (inputs, corpus files, configuration). */
import type { z } from "zod";
import { countText, message } from "../i18n/messages.ts";

/**
 * Turns zod issues into one French line each: `champ : raison`. Pass the validated `input` so a missing field
 * is told apart from a wrong one.
 */
export function formatIssues(error: z.ZodError, input?: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join(".") : message("validation.root");
    const missing = input !== undefined && issue.path.length > 0 && valueAt(input, issue.path) === undefined;
    return message("validation.line", {
      path,
      reason: missing ? message("validation.missing") : translateIssue(issue),
    });
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function translateIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return message("validation.type", { expected: issue.expected });
    case "invalid_value":
      return message("validation.value", { values: issue.values.map(String).join(", ") });
    case "too_small":
      if (!/^Too small|^Invalid/.test(issue.message)) return issue.message;
      if (issue.origin === "string") return message("validation.tooShort", { min: String(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set")
        return message("validation.tooFew", { min: countText("item", Number(issue.minimum)) });
      if (issue.origin === "number" || issue.origin === "int")
        return message("validation.tooLow", { min: String(issue.minimum) });
      return message("validation.tooSmall");
    case "too_big":
      return /^Too big|^Invalid/.test(issue.message)
        ? message("validation.tooBig", { max: String(issue.maximum) })
        : issue.message;
    case "unrecognized_keys":
      return message("validation.keys", { keys: issue.keys.join(", ") });
    default:
      return issue.message;
  }
}
