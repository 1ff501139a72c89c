import { describe, expect, it } from "vitest";
import { BoundedMap, boundedMemo } from "../../server/core/bounded.ts";

describe("bounded caches", () => {
  it("a BoundedMap holds at most its size: one more entry empties it first", () => {
    const m = new BoundedMap<string, number>(3);
    for (const [i, k] of ["a", "b", "c"].entries()) m.set(k, i);
    expect([...m.keys()]).toEqual(["a", "b", "c"]);
    // Full: even a key it holds empties it (as the hand-written caches did).
    m.set("a", 9);
    expect([...m.entries()]).toEqual([["a", 9]]);
    m.set("d", 4);
    expect(m.size).toBe(2);
    expect(m.get("d")).toBe(4);
  });

  it("boundedMemo computes each argument once until it is full, then starts over", () => {
    const calls: string[] = [];
    const upper = boundedMemo((w: string) => {
      calls.push(w);
      return w.toUpperCase();
    }, 2);
    expect([upper("a"), upper("b"), upper("a"), upper("b")]).toEqual(["A", "B", "A", "B"]);
    expect(calls).toEqual(["a", "b"]);
    // A third word empties the cache: « a » is computed again.
    expect([upper("c"), upper("c"), upper("a")]).toEqual(["C", "C", "A"]);
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });

  it("boundedMemo by key: a null value is remembered, another argument with the same key is not computed", () => {
    let calls = 0;
    const ref = boundedMemo(
      (p: { id: string; hash: string; text: string }) => {
        calls++;
        return p.text.includes("[1]") ? p.text : null;
      },
      10,
      (p) => `${p.id}\u0000${p.hash}`,
    );
    expect(ref({ id: "x", hash: "h1", text: "sans source" })).toBeNull();
    expect(ref({ id: "x", hash: "h1", text: "ignoré [1]" })).toBeNull();
    expect(calls).toBe(1);
    expect(ref({ id: "x", hash: "h2", text: "avec [1]" })).toBe("avec [1]");
    expect(calls).toBe(2);
  });

  it("a value computed before a throw is not kept: the next call computes again", () => {
    let calls = 0;
    const f = boundedMemo((n: number) => {
      calls++;
      if (calls === 1) throw new Error("first");
      return n * 2;
    }, 4);
    expect(() => f(1)).toThrow("first");
    expect(f(1)).toBe(2);
    expect(f(1)).toBe(2);
    expect(calls).toBe(2);
  });
});
