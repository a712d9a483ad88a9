/**
 * Typed callback data: every button's data is packed from and unpacked into a
 * checked object; data that does not unpack (tampered, from an old version) is
 * treated as a stale button, never split by hand.
 */
import { z } from "zod";

const SEP = ":";
const MAX_BYTES = 64;

export interface CallbackCodec<T> {
  prefix: string;
  pack(value: T): string;
  unpack(data: string | undefined): T | undefined;
  /** For bot.callbackQuery(codec.filter, …). */
  filter: RegExp;
}

/** Fields are packed in the order of the shape's keys; values must not contain ':'. */
export function callbackCodec<S extends z.ZodRawShape>(
  prefix: string,
  shape: S,
): CallbackCodec<z.infer<z.ZodObject<S>>> {
  const keys = Object.keys(shape);
  const schema = z.object(shape).strict();
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    prefix,
    filter: new RegExp(`^${escaped}(${SEP}|$)`),
    pack(value) {
      const parts = keys.map((k) => {
        const v = (value as Record<string, unknown>)[k];
        const s = v === undefined ? "" : String(v);
        if (s.includes(SEP)) throw new Error(`callback field ${k} contains '${SEP}'`);
        return s;
      });
      const data = [prefix, ...parts].join(SEP);
      if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback data over ${MAX_BYTES} bytes: ${data}`);
      return data;
    },
    unpack(data) {
      // Telegram's limit: anything longer was not made by pack (and is not split at all).
      if (!data || data.length > MAX_BYTES) return undefined;
      const [head, ...parts] = data.split(SEP);
      if (head !== prefix || parts.length !== keys.length) return undefined;
      const raw = Object.fromEntries(keys.map((k, i) => [k, parts[i] === "" ? undefined : parts[i]]));
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    },
  };
}
