import { Api } from "grammy";
import { afterEach, beforeEach } from "vitest";
import { BotApiEmulator, type EmulatorOptions } from "../emulator/index.js";

export interface EmulatorFixture {
  emulator: BotApiEmulator;
  apiRoot: string;
  /** grammY's raw API client pointed at the emulator, as the bot would use it. */
  api: Api;
}

/** Starts an emulator on a free port; call `emulator.stop()` in afterEach/afterAll. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorFixture> {
  const emulator = new BotApiEmulator(options);
  const apiRoot = await emulator.start();
  return { emulator, apiRoot, api: new Api(emulator.token, { apiRoot }) };
}

/** A fresh emulator for every test of the calling file, stopped after each. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  const fixture = {} as EmulatorFixture;
  beforeEach(async () => {
    Object.assign(fixture, await startEmulator(options));
  });
  afterEach(async () => {
    await fixture.emulator.stop();
  });
  return fixture;
}

/** Resolves with the rejection of `promise`, failing if it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
