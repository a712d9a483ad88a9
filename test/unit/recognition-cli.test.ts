import { describe, expect, it } from "vitest";
import { command } from "../../src/cli/classify.js";
import { runCli } from "../support/cli-in-process.js";

async function classify(input: string, args: string[] = []) {
  const { code, out, err } = await runCli(command, args, {}, input);
  return {
    code,
    lines: out
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    err,
  };
}

describe("cli classify", () => {
  it("writes one JSON line per input line, schemes best first", async () => {
    const { code, lines, err } = await classify(
      [
        JSON.stringify({
          id: "a",
          lang: "ru",
          text: "Звонили из службы безопасности банка, попросили код из смс, я продиктовала",
        }),
        JSON.stringify({ id: "b", lang: "kk", text: "Банктен хабарласып, ақшаңызды қауіпсіз шотқа аударыңыз деді" }),
      ].join("\n"),
    );
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(lines.map((l) => l.id)).toEqual(["a", "b"]);
    expect(lines[0].schemes[0]).toMatchObject({ id: "bank_security" });
    expect(lines[0].techniques).toContain("sms_code_disclosed");
    expect(lines[1].schemes[0].reasons[0]).toMatch(/^әңгімеңізде: «/);
    for (const line of lines) {
      const scores = line.schemes.map((s: { score: number }) => s.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      for (const s of line.schemes) expect(Object.keys(s)).toEqual(["id", "score", "reasons"]);
    }
  });

  it("returns an empty scheme list for stories that are no fraud, and the new schemes with their reasons", async () => {
    const { code, lines } = await classify(
      [
        { id: "pin", lang: "ru", text: "Забыла пин код от карты каспи, как поменять?" },
        { id: "atm", lang: "kk", text: "Банкомат картамды жұтып қойды, не істеймін?" },
        { id: "hi", lang: "kk", text: "Сәлем" },
        { id: "apk", lang: "ru", text: "Прислали файл Otkrytka.apk, я установила, потом с каспи ушли деньги" },
        { id: "p2p", lang: "kk", text: "P2P арқылы USDT саттым, банк шотымды бұғаттады" },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    expect(code).toBe(0);
    expect(lines.slice(0, 3)).toEqual([
      { id: "pin", schemes: [], techniques: expect.any(Array) },
      { id: "atm", schemes: [], techniques: expect.any(Array) },
      { id: "hi", schemes: [], techniques: [] },
    ]);
    expect(lines[3].schemes[0]).toMatchObject({
      id: "malicious_app",
      reasons: expect.arrayContaining([expect.stringMatching(/apk/i)]),
    });
    expect(lines[3].techniques).toContain("apk_installed");
    expect(lines[4].schemes[0]).toMatchObject({ id: "crypto_p2p" });
    expect(lines[4].schemes[0].reasons[0]).toMatch(/^әңгімеңізде: «/);
    for (const line of lines) for (const s of line.schemes) expect(s.score).toBeGreaterThanOrEqual(0.5);
  });

  it("answers a bad line with an error and goes on", async () => {
    const { code, lines } = await classify(
      [
        '{"id":"x","lang":"ru"}',
        "not json",
        '{"id":"y","lang":"en","text":"код"}',
        "",
        '{"id":"z","lang":"ru","text":"продиктовала код из смс оператору Kcell"}',
      ].join("\n"),
    );
    expect(code).toBe(0);
    expect(lines).toEqual([
      { id: "x", error: "text must be a non-empty string" },
      { id: null, error: "not valid JSON" },
      { id: "y", error: 'lang must be "kk" or "ru"' },
      expect.objectContaining({ id: "z", schemes: expect.any(Array), techniques: expect.any(Array) }),
    ]);
  });

  it("reports a broken --catalog file on stderr only", async () => {
    const { code, lines, err } = await classify('{"id":"a","lang":"ru","text":"код"}', [
      "--catalog",
      "/nonexistent/catalog.yaml",
    ]);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(err).toMatch(/nonexistent/);
  });
});
