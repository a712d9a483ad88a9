/**
 * A crypto transfer as people describe it: the network («TRC20», «трон», «эфир»), the
 * exchange or service («Binance», «Байбит», «P2P обменник в Telegram») and the
 * transaction hash (TXID). The wallet address itself is the transfer's recipient.
 */
import type { CryptoDetails } from "../report/answers.js";
import { LETTERS, squeezeSpaces, WORD_END, WORD_START } from "./text.js";

// biome-ignore format: tables read better in rows
const NETWORKS: [string, string][] = [
  ["TRC20", `trc-?20|tron|трон${LETTERS}|trx`],
  ["ERC20", `erc-?20|ethereum|эфир${LETTERS}|eth`],
  ["BEP20", "bep-?20|bsc|binance smart chain|bnb chain"],
  ["Bitcoin", `bitcoin|btc|биткоин${LETTERS}|биткойн${LETTERS}`],
  ["TON", "ton|тон"],
  ["Solana", "solana|sol|солана"],
  ["Polygon", "polygon|matic"],
];

// biome-ignore format: tables read better in rows
const EXCHANGES: [string, string][] = [
  ["Binance", `binance|бинанс${LETTERS}`],
  ["Bybit", `bybit|байбит${LETTERS}`],
  ["OKX", "okx|окх"],
  ["KuCoin", `kucoin|кукоин${LETTERS}`],
  ["HTX", "htx|huobi|хуоби"],
  ["Bitget", `bitget|битгет${LETTERS}`],
  ["MEXC", "mexc"],
  ["Gate.io", "gate\\.io|gateio"],
  ["WhiteBIT", `whitebit|вайтбит${LETTERS}`],
  ["Garantex", `garantex|гарантекс${LETTERS}`],
  ["EXMO", "exmo|эксмо"],
  ["ATAIX", "ataix"],
  ["Intebix", "intebix|интебикс"],
  ["Telegram Wallet", `telegram wallet|wallet в телеграм${LETTERS}|кошел[её]к в телеграм${LETTERS}`],
];

const compile = (table: [string, string][]) =>
  table.map(([name, words]) => [name, new RegExp(`${WORD_START}(?:${words})${WORD_END}`, "iu")] as const);
const NETWORK_RE = compile(NETWORKS);
const EXCHANGE_RE = compile(EXCHANGES);

/** A transaction hash: 64 hex digits (with "0x" on EVM chains), or a Solana signature. */
const TXID = /(?<![A-Za-z0-9])(?:0x[0-9a-fA-F]{64}|[0-9a-fA-F]{64}|[1-9A-HJ-NP-Za-km-z]{86,88})(?![A-Za-z0-9])/;

/** Words that only label the parts. */
const LABELS = new RegExp(
  `${WORD_START}(?:сеть|сети|желі${LETTERS}|network|биржа|биржи|биржасы|exchange|txid|tx|хеш${LETTERS}|hash|транзакци${LETTERS}|через|арқылы|в|на|и|және)${WORD_END}[.:]?`,
  "giu",
);

/** The parts of a crypto transfer named in the text; words that name none are kept as the service used. */
export function parseCryptoDetails(raw: string): CryptoDetails {
  let rest = raw;
  const out: CryptoDetails = {};
  const tx = TXID.exec(rest);
  if (tx) {
    out.txid = tx[0];
    rest = rest.slice(0, tx.index) + rest.slice(tx.index + tx[0].length);
  }
  const take = (table: typeof NETWORK_RE): string | undefined => {
    for (const [name, re] of table) {
      const m = re.exec(rest);
      if (m) {
        rest = rest.slice(0, m.index) + rest.slice(m.index + m[0].length);
        return name;
      }
    }
    return undefined;
  };
  const network = take(NETWORK_RE);
  if (network) out.network = network;
  const exchange = take(EXCHANGE_RE);
  const left = squeezeSpaces(rest.replace(LABELS, " ").replace(/[,;:()]+/g, " ")).replace(/^[-–.\s]+|[-–.\s]+$/g, "");
  if (exchange) out.exchange = /\p{L}/u.test(left) ? `${exchange} (${left})` : exchange;
  else if (/\p{L}/u.test(left)) out.exchange = left;
  return out;
}
