/**
 * A registration number in ЕРДР (the unified register of pre-trial investigations), as a
 * person types it from the notice: "№ 2475 0003 1000 123", "247500031000123". Only its
 * digits are kept. A КУИ talon's number is shorter and is not a registration.
 */
const MIN_DIGITS = 12;
const MAX_DIGITS = 20;

export function parseErdrNumber(text: string): string | undefined {
  const trimmed = text
    .trim()
    .replace(/^(?:ердр|сдтбт|№|no\.?|n)\s*[:№]?\s*/iu, "")
    .replace(/^№\s*/u, "");
  if (!/^[\d\s.-]+$/u.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, "");
  return digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS ? digits : undefined;
}
