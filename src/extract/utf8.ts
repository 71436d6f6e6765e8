// A UTF-8 validator that also counts what it saw, so decode.ts can tell "declared or evidently
// UTF-8 but broken" (corrupt) from "some legacy encoding" (detect it). Follows the well-formed
// byte sequences of Unicode 15, table 3-7 (no overlongs, no surrogates, nothing above U+10FFFF).

export interface Utf8Scan {
  /** Offset of the first invalid sequence, or -1 when the bytes are valid UTF-8. */
  firstInvalid: number;
  /** Number of invalid sequences (each bad lead or truncated sequence counts once). */
  invalid: number;
  /** Number of valid multi-byte sequences (non-ASCII characters). */
  multiByte: number;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstInvalid = -1;
  let invalid = 0;
  let multiByte = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(bytes, i);
    if (len > 0) {
      multiByte++;
      i += len;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, invalid, multiByte };
}

/** Length of the valid multi-byte sequence starting at `i`, or 0 when it is not valid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = leadInfo(bytes[i]!);
  if (!lead) return 0;
  const [len, lo, hi] = lead;
  const b1 = bytes[i + 1];
  if (b1 === undefined || b1 < lo || b1 > hi) return 0;
  for (let k = 2; k < len; k++) {
    const b = bytes[i + k];
    if (b === undefined || b < 0x80 || b > 0xbf) return 0;
  }
  return len;
}

/** For a lead byte: the sequence length and the allowed range of the second byte (which
 *  excludes overlongs, surrogates and code points above U+10FFFF); null for a bad lead. */
function leadInfo(b0: number): [number, number, number] | null {
  if (b0 >= 0xc2 && b0 <= 0xdf) return [2, 0x80, 0xbf];
  if (b0 === 0xe0) return [3, 0xa0, 0xbf];
  if (b0 === 0xed) return [3, 0x80, 0x9f];
  if (b0 >= 0xe1 && b0 <= 0xef) return [3, 0x80, 0xbf];
  if (b0 === 0xf0) return [4, 0x90, 0xbf];
  if (b0 >= 0xf1 && b0 <= 0xf3) return [4, 0x80, 0xbf];
  if (b0 === 0xf4) return [4, 0x80, 0x8f];
  return null;
}
