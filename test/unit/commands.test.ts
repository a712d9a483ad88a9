import { describe, expect, it } from "vitest";
import { ADMIN_MENU, CITIZEN_COMMANDS, commandMenu, POLICE_MENU } from "../../src/bot/commands.js";
import { bilingualDescription, bilingualShortDescription } from "../../src/bot/descriptions.js";
import { ADMIN_COMMANDS } from "../../src/bot/features/admin.js";
import { LANGS, ROLES } from "../../src/core/model.js";
import { menuKey } from "../../src/db/menus.js";
import { createI18n } from "../../src/i18n.js";

const i18n = createI18n();
const ALL = [...CITIZEN_COMMANDS, ...POLICE_MENU, ...ADMIN_MENU];

describe("the «/» menu per language and role", () => {
  it("describes every command in both languages, within Telegram's limits", async () => {
    for (const command of CITIZEN_COMMANDS) expect(i18n.exists(`menu:commands.${command}`), command).toBe(true);
    for (const command of [...POLICE_MENU, ...ADMIN_MENU])
      expect(i18n.exists(`staff:commands.${command}`), command).toBe(true);
    for (const command of ALL) expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
    for (const lang of LANGS) {
      for (const role of ROLES) {
        for (const c of commandMenu(i18n, lang, role)) {
          expect(c.description.trim().length).toBeGreaterThan(0);
          expect(c.description.length).toBeLessThanOrEqual(256);
        }
      }
    }
    expect(new Set(ALL).size).toBe(ALL.length);
  });

  it("gives citizens no staff command, police the police tools, admins everything", async () => {
    const commands = (role: (typeof ROLES)[number]) => commandMenu(i18n, "kk", role).map((c) => c.command);
    expect(commands("citizen")).toEqual([...CITIZEN_COMMANDS]);
    expect(commands("police")).toEqual([...CITIZEN_COMMANDS, ...POLICE_MENU]);
    expect(commands("admin")).toEqual(ALL);
    // every admin command the bot answers is in the admins' menu
    for (const command of ADMIN_COMMANDS) expect(commands("admin")).toContain(command);
  });

  it("writes the menu in the language asked, whatever the role", async () => {
    for (const role of ROLES) {
      expect(commandMenu(i18n, "kk", role)[1]?.description).toBe("Мені алдап кетті: арыз");
      expect(commandMenu(i18n, "ru", role)[1]?.description).toBe("Меня обманули: заявление");
    }
    expect(commandMenu(i18n, "kk", "admin").at(-1)?.description).toBe(i18n.plain("kk", "staff:commands.alert"));
    expect(new Set(LANGS.flatMap((l) => ROLES.map((r) => menuKey(r, l)))).size).toBe(LANGS.length * ROLES.length);
  });

  it("fits both languages in the description for everyone else", async () => {
    expect(bilingualDescription(i18n).length).toBeLessThanOrEqual(512);
    expect(bilingualShortDescription(i18n).length).toBeLessThanOrEqual(120);
  });
});
