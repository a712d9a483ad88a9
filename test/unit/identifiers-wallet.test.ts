import { describe, expect, it } from "vitest";
import { parseWallet, walletNetwork } from "../../src/core/identifiers/wallet.js";

describe("parseWallet: valid addresses", () => {
  it.each([
    ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc"],
    ["3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "btc"],
    ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "btc"],
    ["BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "btc"],
    [
      "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
      "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
      "btc",
    ],
    [
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
      "btc",
    ],
    ["0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae", "evm"],
    ["0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000", "evm"],
    // EIP-55's own examples: mixed case with a valid checksum, and all one case (no checksum).
    ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "evm"],
    ["0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", "evm"],
    ["0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb", "evm"],
    ["0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", "0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb", "evm"],
    ["0x52908400098527886E0F7030069857D2E4169EE7", "0x52908400098527886e0f7030069857d2e4169ee7", "evm"],
    ["0xde709f2102306220921060314715629080e2fb77", "0xde709f2102306220921060314715629080e2fb77", "evm"],
    ["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tron"],
    ["EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N", "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N", "ton"],
    ["UQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqEBI", "UQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqEBI", "ton"],
    [
      "0:83DFD552E63729B472FCBCC8C45EBCC6691702558B68EC7527E1BA403A0F31A8",
      "0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8",
      "ton",
    ],
    [" TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tron"],
  ])("%s", (raw, value, network) => {
    expect(parseWallet(raw)).toEqual({ ok: true, value: { kind: "wallet", value, raw } });
    expect(walletNetwork(raw)).toBe(network);
  });
});

describe("parseWallet: a typo fails the checksum instead of making a new wallet", () => {
  it.each([
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
    "Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T",
    "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj7t",
    "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2M",
    // One letter's case changed, one digit changed, one letter changed: mixed case carries a checksum.
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe0",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d358",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6Fb",
  ])("%s", (raw) => {
    expect(parseWallet(raw)).toEqual({ ok: false, error: "wallet_checksum" });
  });
});

describe("parseWallet: what is not an address", () => {
  it.each([
    ["", "empty"],
    ["0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BA", "not_a_wallet"],
    ["0xZZ0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "not_a_wallet"],
    ["T123", "not_a_wallet"],
    ["kaspi.kz", "not_a_wallet"],
    ["4400 4301 2345 6789", "not_a_wallet"],
    ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0", "not_a_wallet"],
    ["биткоин кошелек", "not_a_wallet"],
  ])("%j → %s", (raw, error) => {
    expect(parseWallet(raw)).toEqual({ ok: false, error });
  });
});
