import type { Transformer } from "grammy";

const TOO_LATE = /query is too old|query id is invalid/i;

/**
 * Answering a button press only stops the spinner on the person's screen.
 * Telegram refuses an answer that comes late (a replay after a restart) or twice
 * (a retry after the first answer's response was lost). Either way nothing is
 * left to do, and the handler must go on with the real work instead of failing.
 */
export const lateCallbackAnswers: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal);
  if (
    method === "answerCallbackQuery" &&
    !result.ok &&
    result.error_code === 400 &&
    TOO_LATE.test(result.description)
  ) {
    return { ok: true, result: true } as unknown as typeof result;
  }
  return result;
};
