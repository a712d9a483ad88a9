/**
 * A bot process kept in reserve for crash tests: it loads the whole program
 * first, then waits for one line on stdin and runs `src/main.ts` exactly as
 * `npm start` does. Restarts after a kill then take a fraction of a second.
 * If the test goes away first (stdin closes), the spare exits.
 */
const go = new Promise<boolean>((resolve) => {
  process.stdin.once("data", () => resolve(true));
  process.stdin.once("end", () => resolve(false));
  process.stdin.once("error", () => resolve(false));
});
await import("../../src/app.js");
process.stderr.write("standby ready\n");
if (!(await go)) process.exit(0);
process.stdin.pause();
process.stdin.removeAllListeners();
await import("../../src/main.js");
