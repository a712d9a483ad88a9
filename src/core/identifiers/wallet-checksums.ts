import { createHash } from "node:crypto";
import { keccak_256 } from "@noble/hashes/sha3";

/** The checksums that tell a real crypto address from a mistyped one. */

const BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function base58Decode(text: string): Uint8Array | undefined {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  // Each leading "1" stands for a leading zero byte.
  for (const char of text) {
    if (char !== "1") break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

const sha256 = (data: Uint8Array): Buffer => createHash("sha256").update(data).digest();

/** The payload (version byte first) of a Base58Check string, or undefined if the checksum fails. */
export function base58CheckPayload(text: string): Uint8Array | undefined {
  const bytes = base58Decode(text);
  if (!bytes || bytes.length < 5) return undefined;
  const payload = bytes.subarray(0, bytes.length - 4);
  const checksum = sha256(sha256(payload)).subarray(0, 4);
  return checksum.equals(bytes.subarray(bytes.length - 4)) ? payload : undefined;
}

const BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
    BECH32_GENERATOR.forEach((g, i) => {
      if ((top >>> i) & 1) chk = (chk ^ g) >>> 0;
    });
  }
  return chk;
}

const hrpExpand = (hrp: string): number[] => [
  ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
  0,
  ...[...hrp].map((c) => c.charCodeAt(0) & 31),
];

function toBytes(words: number[]): number[] | undefined {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  for (const word of words) {
    acc = (acc << 5) | word;
    bits += 5;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (acc << (8 - bits)) & 0xff) return undefined;
  return out;
}

/**
 * A SegWit address (BIP 173 / BIP 350) for the given human-readable part: version 0
 * with the bech32 checksum and a 20- or 32-byte program, later versions with bech32m.
 */
export function isSegwitAddress(address: string, hrp: string): boolean {
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) return false;
  if (!lower.startsWith(`${hrp}1`) || lower.length > 90) return false;
  const words = [...lower.slice(hrp.length + 1)].map((c) => BECH32_CHARSET.indexOf(c));
  if (words.length < 7 || words.some((w) => w < 0)) return false;
  const check = polymod([...hrpExpand(hrp), ...words]);
  const version = words[0]!;
  if (check !== (version === 0 ? BECH32_CONST : BECH32M_CONST) || version > 16) return false;
  const program = toBytes(words.slice(1, -6));
  if (!program || program.length < 2 || program.length > 40) return false;
  return version !== 0 || program.length === 20 || program.length === 32;
}

/** CRC-16/XMODEM, the checksum at the end of a TON user-friendly address. */
export function crc16Xmodem(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/**
 * EIP-55: in a mixed-case Ethereum address a letter is upper case exactly where the
 * Keccak-256 hash of the lower-case hex has a nibble of 8 or more. An address in one
 * case carries no checksum.
 */
export function isEip55Address(address: string): boolean {
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  const hash = Buffer.from(keccak_256(hex.toLowerCase())).toString("hex");
  return [...hex].every((char, i) => {
    if (/\d/.test(char)) return true;
    const upper = Number.parseInt(hash[i]!, 16) >= 8;
    return (char === char.toUpperCase()) === upper;
  });
}
