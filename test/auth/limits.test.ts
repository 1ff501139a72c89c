import { describe, expect, it } from "vitest";
import { costOf, createLimiter } from "../../server/auth/limits.ts";

describe("per-person limits", () => {
  it("counts model calls and imports, not reading", () => {
    expect(costOf("POST", "/api/chat")).toBe("model");
    expect(costOf("POST", "/api/drafts")).toBe("model");
    expect(costOf("POST", "/api/drafts/d-1/sections/intro/regenerate")).toBe("model");
    expect(costOf("POST", "/api/inventory/analyze")).toBe("upload");
    expect(costOf("POST", "/api/inventory/glpi/import")).toBe("upload");
    expect(costOf("GET", "/api/drafts")).toBeNull();
    expect(costOf("PATCH", "/api/drafts/d-1/sections/intro")).toBeNull();
  });

  it("opens a new window after an hour, per person and kind; 0 means no limit", () => {
    let t = 1_000_000;
    const limiter = createLimiter({ model: 2, upload: 0 }, () => t);
    expect([limiter.take("a", "model"), limiter.take("a", "model")]).toEqual([0, 0]);
    expect(limiter.take("a", "model")).toBe(3600);
    expect(limiter.take("b", "model")).toBe(0);
    for (let i = 0; i < 100; i++) expect(limiter.take("a", "upload")).toBe(0);
    t += 3599_000;
    expect(limiter.take("a", "model")).toBe(1);
    t += 1000;
    expect(limiter.take("a", "model")).toBe(0);
  });
});
