/**
 * Sends hostile-corpus cases to the bot at a chosen place (before consent, main
 * menu, a text step, a button step of the questionnaire) and checks what came
 * back: a reply in the person's language or a safe ignore, nothing sent to a
 * group or channel, the groups left, the draft untouched where it must be.
 */
import type { Update } from "grammy/types";
import { type Lang, otherLang } from "../../src/core/model.js";
import type { Db } from "../../src/db/client.js";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import type { HostileCase } from "../fixtures/hostile/corpus.js";
import { rowsOf } from "./database.js";
import { atNarrative, deliveries, toChannels } from "./drafts.js";
import type { Harness } from "./harness.js";
import { play } from "./questionnaire-driver.js";
import { label } from "./scenarios.js";

export type PlaceName = "before_consent" | "main_menu" | "text_step" | "button_step";
export const PLACES: PlaceName[] = ["before_consent", "main_menu", "text_step", "button_step"];
/** The questionnaire step each place keeps the person at. */
const STEP: Partial<Record<PlaceName, string>> = { text_step: "incident_time", button_step: "channels" };

const KAZAKH = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

export interface CaseResult {
  place: PlaceName;
  lang: Lang;
  id: string;
  problems: string[];
}

/**
 * Watches the inbox: an update is handled completely once it is recorded as handled
 * and has left update_inbox (an answer records it earlier, inside its transaction).
 */
export class HandledWatch {
  /** The running bot's own database handle (either engine). */
  constructor(readonly db: Db) {}
  async wait(h: Harness, updateId: number, timeoutMs = 30_000): Promise<"handled" | "never delivered"> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const handled = await rowsOf(
        this.db,
        `SELECT 1 AS one FROM handled_updates WHERE update_id = ?
         AND NOT EXISTS (SELECT 1 FROM update_inbox WHERE update_id = ?)`,
        updateId,
        updateId,
      );
      if (handled.length > 0) return "handled";
      if (Date.now() > deadline) {
        if (deliveries(h, updateId) === 0) return "never delivered";
        throw new Error(`update ${updateId} was delivered but not handled within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 4));
    }
  }
}

export interface DraftState {
  users: number;
  reports: number;
  pending: number;
  /** The draft's answers and cursor as stored (JSON of the row minus bookkeeping). */
  draft: string | undefined;
  step: string | undefined;
  active: boolean;
}

export async function stateOf(db: Db, userId: number): Promise<DraftState> {
  {
    const count = async (sql: string) => (await rowsOf<{ n: number }>(db, sql, userId))[0]!.n;
    const [row] = await rowsOf(
      db,
      "SELECT * FROM reports WHERE user_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1",
      userId,
    );
    let draft: string | undefined;
    if (row) {
      const { updated_at: _u, active: _a, rev: _r, reminded_at: _m, ...answers } = row;
      const children = [];
      for (const t of [
        "report_contacts",
        "report_transfers",
        "report_loans",
        "report_identifiers",
        "report_evidence",
      ]) {
        children.push(await rowsOf(db, `SELECT * FROM ${t} WHERE report_id = ? ORDER BY id`, row.id));
      }
      draft = JSON.stringify([answers, children]);
    }
    return {
      users: await count("SELECT COUNT(*) AS n FROM users WHERE id = ?"),
      reports: await count("SELECT COUNT(*) AS n FROM reports WHERE user_id = ?"),
      pending: await count("SELECT COUNT(*) AS n FROM pending_inputs WHERE user_id = ?"),
      draft,
      step: row ? (JSON.parse(String(row.cursor)) as { step: string }).step : undefined,
      active: row ? row.active === 1 : false,
    };
  }
}

/** A person at the place, ready for the corpus. */
export async function personAt(h: Harness, place: PlaceName, id: number, lang: Lang): Promise<UserHandle> {
  if (place === "before_consent") {
    const u = h.user(id, lang);
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0);
    return u;
  }
  if (place === "main_menu") {
    const u = h.user(id, lang);
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0);
    u.press(label(lang, "start:consent.agree"));
    await u.waitFor((m) => m.buttons.length > 0);
    return u;
  }
  const u = await atNarrative(h, id, lang);
  if (place === "text_step") {
    await play(u, [
      // A story with no fact to confirm: the date question comes next.
      { type: lang === "kk" ? "Банктен жазды" : "Сказали из банка" },
      { press: label(lang, "common:day.yesterday") },
    ]);
  } else {
    await toChannels(u, lang);
  }
  return u;
}

/** Brings a person back to their place's question after a case moved them (an answer taken, a command). */
export async function restorePlace(
  h: Harness,
  u: UserHandle,
  place: PlaceName,
  lang: Lang,
  watch: HandledWatch,
): Promise<void> {
  const target = STEP[place];
  if (!target) return;
  for (let attempt = 0; attempt < 6; attempt++) {
    const s = await stateOf(watch.db, u.user.id);
    if (s.active && s.step === target) return;
    let update: Update;
    if (!s.active) {
      update = u.command("report");
      await watch.wait(h, update.update_id);
      const offer = u
        .messages()
        .findLast((m) => m.buttons.flat().some((b) => b.text === label(lang, "questionnaire:draft.continue")));
      if (!offer) throw new Error(`no "continue" offered to ${u.user.id}`);
      update = u.press(label(lang, "questionnaire:draft.continue"), offer);
    } else {
      const question = u.messages().findLast((m) => m.buttons.length > 0);
      if (!question) throw new Error(`no question on screen for ${u.user.id}`);
      update = u.press(label(lang, "common:buttons.back"), question);
    }
    await watch.wait(h, update.update_id);
  }
  throw new Error(
    `could not bring ${u.user.id} back to ${target}: ${JSON.stringify(await stateOf(watch.db, u.user.id))}`,
  );
}

let groupIds = -1_001_000_000_000;
let otherMessageIds = 900_000;

/** Sends one case; returns the update ids it produced and the group/channel chat used, if any. */
export function sendCase(
  h: Harness,
  u: UserHandle,
  c: HostileCase,
  lastOwnMessage: number | undefined,
): { updates: Update[]; otherChat?: number } {
  const from = u.user;
  const now = Math.floor(Date.now() / 1000);
  switch (c.kind) {
    case "text":
      return { updates: [u.send(c.text)] };
    case "photo":
      return { updates: [u.sendPhoto(c.caption !== undefined ? { caption: c.caption } : {})] };
    case "document": {
      const bytes =
        c.bytes !== undefined ? Buffer.from(c.bytes) : c.size === undefined ? Buffer.from("%PDF-1.4 x") : undefined;
      return {
        updates: [
          u.sendDocument({
            name: c.name,
            ...(c.mime ? { mime: c.mime } : {}),
            ...(bytes ? { bytes } : { size: c.size }),
            ...(c.caption !== undefined ? { caption: c.caption } : {}),
          }),
        ],
      };
    }
    case "sticker":
      return { updates: [u.sendSticker(c.emoji)] };
    case "voice":
      return { updates: [u.sendVoice(c.seconds)] };
    case "video":
      return { updates: [u.sendVideo(c.seconds)] };
    case "location":
      return { updates: [u.sendLocation(c.latitude, c.longitude)] };
    case "contact":
      return { updates: [u.sendContact(c.phone)] };
    case "poll":
      return { updates: [u.sendPoll(c.question, c.options)] };
    case "content": {
      const message = {
        message_id: otherMessageIds++,
        from,
        chat: { id: from.id, type: "private", first_name: from.first_name },
        date: now,
        ...c.content,
      };
      return { updates: [u.pushUpdate({ message } as never)] };
    }
    case "edited": {
      const target = lastOwnMessage ?? u.send("привет").message!.message_id;
      return { updates: [u.editMessage(target, c.text)] };
    }
    case "forward": {
      const origin =
        c.origin === "channel"
          ? { fromChat: { id: -1_009_999, title: "<b>Kaspi</b> News", type: "channel" as const } }
          : c.origin === "group"
            ? { fromChat: { id: -9_999, title: "Группа & <i>", type: "group" as const } }
            : c.origin === "user"
              ? { fromUser: { id: 4242, first_name: "<b>Мошенник</b>", username: "fraud" } }
              : {};
      return { updates: [u.forward(c.text, origin)] };
    }
    case "callback": {
      const onScreen = u.messages().findLast((m) => m.buttons.length > 0) ?? u.messages().at(-1);
      return { updates: [u.pressData(onScreen?.message_id ?? 1, c.data)] };
    }
    case "group": {
      const id = groupIds--;
      const group = h.emulator.group({ id, title: "Группа <b>&</b>" });
      if (c.action === "add")
        return { updates: group.addBot({ id: from.id, first_name: from.first_name }), otherChat: id };
      if (c.action === "add_admin") {
        const chat = group.chat;
        group.chatRecord.known = true;
        group.chatRecord.botIsMember = true;
        const update = u.pushUpdate({
          my_chat_member: {
            chat,
            from,
            date: now,
            old_chat_member: { status: "left", user: h.emulator.bot().user },
            new_chat_member: { status: "administrator", user: h.emulator.bot().user, can_be_edited: false },
          },
        } as never);
        return { updates: [update], otherChat: id };
      }
      group.chatRecord.known = true;
      group.chatRecord.botIsMember = true;
      return { updates: [group.send({ id: from.id, first_name: from.first_name }, c.text ?? "")], otherChat: id };
    }
    case "channel": {
      const id = groupIds--;
      return { updates: [h.emulator.channelPost(id, c.text, { title: "Канал <b>" })], otherChat: id };
    }
    case "nochat":
      return { updates: [u.pushUpdate(structuredClone(c.update) as never)] };
  }
}

const FILE_CONTENT = ["video_note", "audio", "animation"];
const isFile = (c: HostileCase) =>
  c.kind === "photo" ||
  c.kind === "document" ||
  c.kind === "voice" ||
  c.kind === "video" ||
  (c.kind === "content" && FILE_CONTENT.some((k) => k in c.content));

/** The draft JSON (see stateOf) equal apart from the evidence rows (the last child table). */
function sameExceptEvidence(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return a === b;
  const [ra, ca] = JSON.parse(a) as [unknown, unknown[]];
  const [rb, cb] = JSON.parse(b) as [unknown, unknown[]];
  return JSON.stringify([ra, ca.slice(0, -1)]) === JSON.stringify([rb, cb.slice(0, -1)]);
}

/** What must hold after a case at a place; `before` is the state before it. */
export function check(
  place: PlaceName,
  lang: Lang,
  c: HostileCase,
  before: DraftState,
  after: DraftState,
  replies: BotMessage[],
  callbackAnswer: { answered: boolean; text?: string } | undefined,
  otherChatMessages: number,
  leftGroup: boolean | undefined,
): string[] {
  const problems: string[] = [];
  const echo = "text" in c && typeof c.text === "string" ? c.text : "";
  const inLanguage = (text: string) => {
    // A text in the other language may be answered with the offer to continue in it, asked in it.
    if (text === label(otherLang(lang), "start:offer.question")) return true;
    const own = echo ? text.split(echo).join("") : text;
    if (own.trim() === "") return true;
    return lang === "kk" ? KAZAKH.test(own) : !KAZAKH.test(own) || /[А-Яа-яЁё]/.test(own);
  };
  if (place === "before_consent" && (after.users > 0 || after.reports > 0 || after.pending > 0)) {
    problems.push(`personal data stored before consent: ${JSON.stringify(after)}`);
  }
  if (place === "main_menu" && after.reports !== before.reports) problems.push("a report appeared from the main menu");
  if (STEP[place]) {
    // A text may answer a button question too («нет», «шымкентте», «в WhatsApp»): then the question moves on.
    const answerTaken = c.kind === "text" && after.step !== before.step;
    const navigated = !after.active && before.active;
    // A file sent in the middle of the questionnaire is kept as evidence: only that may change.
    const keptAsEvidence = isFile(c) && after.step === before.step && sameExceptEvidence(before.draft, after.draft);
    if (after.draft !== before.draft && !answerTaken && !navigated && !keptAsEvidence) {
      problems.push(`draft changed: ${before.step} → ${after.step}`);
    }
  }
  const inPrivate = c.kind !== "group" && c.kind !== "channel" && c.kind !== "nochat";
  if (inPrivate) {
    if (replies.length === 0 && !callbackAnswer?.answered) problems.push("no reply at all");
    if (c.kind === "callback" && !callbackAnswer?.answered) problems.push("button press left unanswered");
    for (const r of replies)
      if (!inLanguage(r.text)) problems.push(`reply not in ${lang}: ${JSON.stringify(r.text.slice(0, 80))}`);
    const toast = callbackAnswer?.text;
    if (toast && !inLanguage(toast)) problems.push(`answer not in ${lang}: ${toast}`);
  }
  if (otherChatMessages > 0) problems.push(`${otherChatMessages} message(s) sent into a group or channel`);
  if (c.kind === "group" && (c.action === "add" || c.action === "add_admin") && !leftGroup)
    problems.push("did not leave the group");
  return problems;
}

/** Runs `cases` against one person at `place`; one result per case with what went wrong. */
export async function runCases(
  h: Harness,
  watch: HandledWatch,
  place: PlaceName,
  lang: Lang,
  id: number,
  cases: HostileCase[],
): Promise<CaseResult[]> {
  const u = await personAt(h, place, id, lang);
  const results: CaseResult[] = [];
  let lastOwn: number | undefined;
  for (const c of cases) {
    const before = await stateOf(watch.db, id);
    const replies: BotMessage[] = [];
    const stop = u.onBotMessage((m, kind) => {
      if (kind !== "delete") replies.push(m);
    });
    const sentBefore = h.emulator.calls.length;
    const { updates, otherChat } = sendCase(h, u, c, lastOwn);
    for (const update of updates) {
      // Raw "content" messages are not in the emulator's chat history, so they cannot be edited later.
      if (c.kind !== "content" && update.message?.chat.type === "private" && update.message.from?.id === id) {
        lastOwn = update.message.message_id;
      }
      await watch.wait(h, update.update_id);
    }
    stop();
    const query = updates.find((x) => x.callback_query)?.callback_query;
    const record = query ? h.emulator.bot().callbacks.get(query.id) : undefined;
    const callbackAnswer = record
      ? { answered: record.answered, ...(record.answer?.text ? { text: String(record.answer.text) } : {}) }
      : undefined;
    const otherChatMessages =
      otherChat === undefined
        ? 0
        : h.emulator.calls
            .slice(sentBefore)
            .filter(
              (call) =>
                call.method !== "leaveChat" &&
                call.method !== "getUpdates" &&
                String(call.params.chat_id) === String(otherChat),
            ).length;
    const leftGroup = otherChat === undefined ? undefined : h.emulator.hasLeft(otherChat);
    const after = await stateOf(watch.db, id);
    const problems = check(place, lang, c, before, after, replies, callbackAnswer, otherChatMessages, leftGroup);
    results.push({ place, lang, id: c.id, problems });
    if (problems.length > 0 && process.env.DEBUG_HOSTILE) {
      console.info(
        place,
        lang,
        c.id,
        problems,
        replies.map((r) => r.text.slice(0, 120)),
      );
    }
    await restorePlace(h, u, place, lang, watch);
  }
  return results;
}
