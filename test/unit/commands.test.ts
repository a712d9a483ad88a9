import { describe, expect, it } from "vitest";
import { COMMANDS, commandMenu, menuKey } from "../../src/bot/commands.js";
import { bilingualDescription, bilingualShortDescription } from "../../src/bot/descriptions.js";
import { ADMIN_COMMANDS } from "../../src/bot/features/admin.js";
import { POLICE_COMMANDS } from "../../src/bot/features/police.js";
import { LANGS, ROLES } from "../../src/core/model.js";
import { createI18n } from "../../src/i18n.js";

const i18n = createI18n();

describe("the «/» menu per language and role", () => {
  it("describes every command in both languages, within Telegram's limits", () => {
    for (const { command } of COMMANDS) {
      expect(i18n.exists(`menu:commands.${command}`), command).toBe(true);
      expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
    }
    for (const lang of LANGS) {
      for (const role of ROLES) {
        for (const c of commandMenu(i18n, lang, role)) expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
    expect(new Set(COMMANDS.map((c) => c.command)).size).toBe(COMMANDS.length);
  });

  it("gives citizens no staff command, police the police tools, admins everything", () => {
    const commands = (role: (typeof ROLES)[number]) => commandMenu(i18n, "kk", role).map((c) => c.command);
    const staff = [...POLICE_COMMANDS, "lookup", ...ADMIN_COMMANDS, "alert"];
    expect(commands("citizen").filter((c) => staff.includes(c))).toEqual([]);
    expect(commands("police")).toEqual(expect.arrayContaining([...POLICE_COMMANDS, "lookup"]));
    expect(commands("police").filter((c) => (ADMIN_COMMANDS as readonly string[]).includes(c))).toEqual([]);
    expect(commands("admin")).toEqual(COMMANDS.map((c) => c.command));
    // every role keeps the citizens' commands, in the same order
    for (const role of ROLES) expect(commands(role).slice(0, commands("citizen").length)).toEqual(commands("citizen"));
  });

  it("writes the menu in the language asked, whatever the role", () => {
    for (const role of ROLES) {
      expect(commandMenu(i18n, "kk", role)[1]?.description).toBe("Мені алдап кетті: арыз");
      expect(commandMenu(i18n, "ru", role)[1]?.description).toBe("Меня обманули: заявление");
    }
    expect(new Set(LANGS.flatMap((l) => ROLES.map((r) => menuKey(l, r)))).size).toBe(LANGS.length * ROLES.length);
  });

  it("fits both languages in the description for everyone else", () => {
    expect(bilingualDescription(i18n).length).toBeLessThanOrEqual(512);
    expect(bilingualShortDescription(i18n).length).toBeLessThanOrEqual(120);
  });
});
