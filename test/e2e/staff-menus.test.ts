/**
 * Staff see their commands: the «/» menu of a chat follows its role when the role is
 * granted or revoked — in the chat, from the CLI, or before the person ever opened
 * the bot — and /help shows the staff section to staff only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_MENU, CITIZEN_COMMANDS, POLICE_MENU } from "../../src/bot/commands.js";
import { command as roleCli } from "../../src/cli/role.js";
import type { UserHandle } from "../emulator/index.js";
import { runCli } from "../support/cli-in-process.js";
import { eventually } from "../support/eventually.js";
import { Harness } from "../support/harness.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const ADMIN = 9300;

describe("staff command menus and help", () => {
  let h: Harness;
  let admin: UserHandle;
  /** The commands a chat's own menu holds, or undefined when it shows the default menu. */
  const chatMenu = (id: number) =>
    h.emulator
      .commands()
      .find(
        (c) =>
          (c.scope as { type: string; chat_id?: number }).type === "chat" &&
          Number((c.scope as { chat_id: number }).chat_id) === id,
      )
      ?.commands.map((c) => c.command);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW, adminIds: [ADMIN] });
    await h.start();
    admin = h.user(ADMIN, "ru");
  });
  afterAll(async () => h.close());

  async function reply(u: UserHandle, act: () => void) {
    const before = u.messages().length;
    act();
    await u.nextReply();
    await h.emulator.waitIdle({ quietMs: 150 });
    return u.messages().slice(before);
  }

  it("gives citizens the default menu, and an admin of ADMIN_IDS the admin menu", async () => {
    await reply(admin, () => admin.command("help"));
    const defaults = h.emulator.commands().filter((c) => (c.scope as { type: string }).type === "default");
    expect(defaults.map((c) => c.language_code).sort()).toEqual(["", "kk", "ru"]);
    for (const d of defaults) expect(d.commands.map((c) => c.command)).toEqual([...CITIZEN_COMMANDS]);
    expect(chatMenu(ADMIN)).toEqual([...CITIZEN_COMMANDS, ...POLICE_MENU, ...ADMIN_MENU]);
  });

  it("sets an officer's menu when the role is granted, in their language, and takes it away on revoke", async () => {
    const officer = await consentedUser(h, 9301, "kk");
    expect(chatMenu(9301)).toBeUndefined();
    await reply(admin, () => admin.command("grant", "9301 police Алматы"));
    expect(chatMenu(9301)).toEqual([...CITIZEN_COMMANDS, ...POLICE_MENU]);
    const set = h.emulator.commands().find((c) => (c.scope as { chat_id?: number }).chat_id === 9301)!;
    expect(set.commands.find((c) => c.command === "case")!.description).toBe(label("kk", "staff:commands.case"));

    const [help] = await reply(officer, () => officer.command("help"));
    expect(help!.text).toContain(
      label("kk", "staff:help.police")
        .replace(/<\/?[a-z]+>/g, "")
        .slice(0, 40),
    );
    expect(help!.text).not.toContain(
      label("kk", "staff:help.admin")
        .replace(/<\/?[a-z]+>/g, "")
        .slice(0, 20),
    );

    await reply(admin, () => admin.command("revoke", "9301"));
    // the tools go; the chat keeps a menu in the person's own language (bot/commands.ts)
    expect(chatMenu(9301)).toEqual([...CITIZEN_COMMANDS]);
    const [after] = await reply(officer, () => officer.command("help"));
    expect(after!.text).toBe(label("kk", "start:help").replace(/<\/?[a-z]+>/g, ""));
  });

  it("shows admins both staff sections in /help", async () => {
    const [help] = await reply(admin, () => admin.command("help"));
    expect(help!.text).toContain(
      label("ru", "staff:help.police")
        .replace(/<\/?[a-z]+>/g, "")
        .slice(0, 30),
    );
    expect(help!.text).toContain(
      label("ru", "staff:help.admin")
        .replace(/<\/?[a-z]+>/g, "")
        .slice(0, 30),
    );
  });

  it("follows a role granted from the command line within seconds", async () => {
    await consentedUser(h, 9302, "ru");
    const cli = await runCli(roleCli, ["grant", "9302", "admin"], h.env());
    expect(cli.code).toBe(0);
    await eventually(() => chatMenu(9302)?.includes("grant") === true);
    expect(chatMenu(9302)).toEqual([...CITIZEN_COMMANDS, ...POLICE_MENU, ...ADMIN_MENU]);
  });

  it("sets the menu of someone granted before they opened the bot with their first message", async () => {
    await runCli(roleCli, ["grant", "9303", "police", "--region", "Астана"], h.env());
    const late = h.user(9303, "ru");
    await reply(late, () => late.command("start"));
    await eventually(() => chatMenu(9303)?.includes("open") === true);
    expect(chatMenu(9303)).toEqual([...CITIZEN_COMMANDS, ...POLICE_MENU]);
  });
});
