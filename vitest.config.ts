import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hang guards, sized for a loaded machine (CI runs next to other work); speed is measured by the bench.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
