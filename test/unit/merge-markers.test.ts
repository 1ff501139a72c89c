/**
 * No tracked text file keeps a merge-conflict marker: one was once committed into test/eval/README.md by a merge
 * that kept both sides with their markers. Reads the files git tracks (a clean checkout is a git clone).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const TEXT = /\.(md|ts|js|txt|yaml|yml|json|css|html|sh)$/;
const MARKER = /^(<{7} |={7}$|>{7} )/m;

describe("tracked files", () => {
  it("hold no merge-conflict marker", () => {
    const files = execFileSync("git", ["ls-files"], { encoding: "utf8" })
      .split("\n")
      .filter((file) => TEXT.test(file) && !file.startsWith("docs/examples/"));
    expect(files.length).toBeGreaterThan(100);
    const marked = files.filter((file) => MARKER.test(readFileSync(file, "utf8")));
    expect(marked).toEqual([]);
  });
});
