import type { Identifier } from "../report/answers.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInput } from "./text.js";
import { base58CheckPayload, crc16Xmodem, isEip55Address, isSegwitAddress } from "./wallet-checksums.js";

export type WalletError = "empty" | "not_a_wallet" | "wallet_checksum";

/** Bitcoin; Ethereum and every chain with its addresses (BSC, Polygon, Arbitrum…); TRON; TON. */
export type WalletNetwork = "btc" | "evm" | "tron" | "ton";

const BASE58 = "[1-9A-HJ-NP-Za-km-z]";
const SHAPES: { network: WalletNetwork; shape: RegExp }[] = [
  { network: "btc", shape: new RegExp(`^[13]${BASE58}{25,34}$`) },
  { network: "btc", shape: /^bc1[02-9ac-hj-np-z]{6,87}$/i },
  { network: "evm", shape: /^0x[0-9a-f]{40}$/i },
  { network: "tron", shape: new RegExp(`^T${BASE58}{33}$`) },
  { network: "ton", shape: /^[EUk0][Qf][A-Za-z0-9_+/-]{46}$/ },
  { network: "ton", shape: /^(?:0|-1):[0-9a-f]{64}$/i },
];

function base58Versioned(address: string, versions: number[]): boolean {
  const payload = base58CheckPayload(address);
  return payload !== undefined && payload.length === 21 && versions.includes(payload[0]!);
}

function tonFriendly(address: string): boolean {
  const bytes = Buffer.from(address.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length !== 36) return false;
  const flags = bytes[0]! & 0x7f;
  const workchain = bytes[1]!;
  if ((flags !== 0x11 && flags !== 0x51) || (workchain !== 0x00 && workchain !== 0xff)) return false;
  return crc16Xmodem(bytes.subarray(0, 34)) === bytes.readUInt16BE(34);
}

function checksumOk(network: WalletNetwork, address: string): boolean {
  switch (network) {
    case "btc":
      return /^bc1/i.test(address) ? isSegwitAddress(address, "bc") : base58Versioned(address, [0x00, 0x05]);
    case "tron":
      return base58Versioned(address, [0x41]);
    case "ton":
      return address.includes(":") || tonFriendly(address);
    case "evm":
      return isEip55Address(address);
  }
}

/** Lowercase where the format is case-insensitive, so the same wallet in two reports matches. */
function normalise(network: WalletNetwork, address: string): string {
  if (network === "evm") return address.toLowerCase();
  if (network === "btc" && /^bc1/i.test(address)) return address.toLowerCase();
  if (network === "ton" && address.includes(":")) return address.toLowerCase();
  return address;
}

export function walletNetwork(address: string): WalletNetwork | undefined {
  const text = cleanInput(address);
  return SHAPES.find(({ shape }) => shape.test(text))?.network;
}

/**
 * A crypto wallet address: Bitcoin (1…, 3…, bc1…), Ethereum/BSC (0x + 40 hex), TRON
 * (T…, where USDT TRC-20 lives) or TON. Checksums are verified where the format has one,
 * so a mistyped address is `wallet_checksum`, not a new wallet.
 */
export function parseWallet(raw: string): Parsed<Identifier, WalletError> {
  const text = cleanInput(raw);
  if (!text) return fail("empty");
  const network = walletNetwork(text);
  if (!network) return fail("not_a_wallet");
  if (!checksumOk(network, text)) return fail("wallet_checksum");
  return ok({ kind: "wallet", value: normalise(network, text), raw });
}
