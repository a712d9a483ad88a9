/** Reading numbers written with digits as people in Kazakhstan write sums. */

export interface NumberLiteral {
  value: number;
  /** For "1.250" or "1,250": the decimal reading (1.25), to use if "млн" follows. */
  decimal?: number;
  start: number;
  end: number;
  /** "12.03": a day and a month rather than twelve and three hundredths. */
  dateLike: boolean;
}

const isPoint = (sep: string | undefined) => sep === "." || sep === ",";

/**
 * Splits a run like "1 200 000,50" or "50 000 30 000" into numbers. A space or an
 * apostrophe groups thousands; a point or a comma followed by exactly three digits
 * groups thousands too ("50.000", "1,200,000"), otherwise it is the decimal mark
 * ("50,5", "1.2"). A group that does not fit starts the next number.
 */
export function readNumbers(run: string, offset: number): NumberLiteral[] {
  const parts = run.split(/([ '’.,])/);
  const out: NumberLiteral[] = [];
  let i = 0;
  let pos = offset;
  while (i < parts.length) {
    const start = pos;
    let integer = parts[i]!;
    let fraction: string | undefined;
    let thousands: string | undefined;
    let decimal: number | undefined;
    pos += integer.length;
    let j = i + 1;
    for (; j < parts.length; j += 2) {
      const sep = parts[j]!;
      const next = parts[j + 1]!;
      const following = parts[j + 2];
      const firstGroupOk = thousands !== undefined || integer.length <= 3;
      if (!isPoint(sep)) {
        if (next.length !== 3 || !firstGroupOk || (thousands !== undefined && thousands !== sep)) break;
        thousands = sep;
        integer += next;
      } else if (next.length === 3 && firstGroupOk && (thousands === sep || thousands === undefined)) {
        if (thousands === undefined && !isPoint(following)) decimal = Number(`${integer}.${next}`);
        thousands = sep;
        integer += next;
      } else {
        fraction = next;
      }
      pos += sep.length + next.length;
      if (fraction !== undefined) {
        j += 2;
        break;
      }
    }
    const value = Number(fraction === undefined ? integer : `${integer}.${fraction}`);
    const dateLike =
      fraction !== undefined &&
      thousands === undefined &&
      parts[j - 2] === "." &&
      fraction.length === 2 &&
      Number(integer) >= 1 &&
      Number(integer) <= 31 &&
      Number(fraction) >= 1 &&
      Number(fraction) <= 12;
    out.push({ value, start, end: pos, dateLike, ...(decimal !== undefined ? { decimal } : {}) });
    // The separator that did not fit is skipped; the next number starts after it.
    pos += parts[j]?.length ?? 0;
    i = j + 1;
  }
  return out;
}
