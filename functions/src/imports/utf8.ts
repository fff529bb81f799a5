import { ImportFileError } from './types';

/**
 * Decodes a byte stream as strict UTF-8, chunk by chunk. Anything else (Latin-1, Windows-1252, UTF-16,
 * binary) is refused with the offset and value of the first offending byte, so the user can find it.
 */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0; // bytes before the current chunk
  let lines = 1; // line of the first byte of the current chunk
  let carry: Uint8Array = new Uint8Array(0); // the incomplete character at the end of the previous chunk
  let first = true;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (first) {
      first = false;
      refuseUtf16Bom(chunk);
    }
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      // A bad byte before the NUL is the first one to report.
      const before = concat(carry, chunk.subarray(0, nul));
      const bad = firstInvalidUtf8(before);
      if (bad >= 0) throw badByte(offset - carry.length + bad, before[bad]!, lines + countLf(before, bad), before, bad);
      throw new ImportFileError(
        `The file is not UTF-8 text: byte ${offset + nul} (line ${lines + countLf(chunk, nul)}) is a NUL (0x00), ` +
          'as in a UTF-16 or binary file. Save it as "CSV UTF-8" and upload it again.',
      );
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const joined = concat(carry, chunk);
      const bad = firstInvalidUtf8(joined);
      const at = bad === -1 ? 0 : bad;
      const absolute = offset - carry.length + at;
      const line = lines + countLf(chunk, Math.max(0, at - carry.length));
      throw badByte(absolute, joined[at] ?? 0, line, joined, at);
    }
    carry = incompleteTail(concat(carry, chunk));
    lines += countLf(chunk, chunk.length);
    offset += chunk.length;
    if (text.length > 0) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch {
    throw new ImportFileError(
      `The file is not valid UTF-8: it ends in the middle of a character (byte ${offset - carry.length}). ` +
        'Save it as "CSV UTF-8" and upload it again.',
    );
  }
}

function refuseUtf16Bom(chunk: Uint8Array): void {
  const b0 = chunk[0];
  const b1 = chunk[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw new ImportFileError(
      `The file is UTF-16 encoded (it starts with the byte-order mark 0x${hex(b0!)} 0x${hex(b1!)} at byte 0), ` +
        'not UTF-8. Save it as "CSV UTF-8" and upload it again.',
    );
  }
}

function badByte(offset: number, value: number, line: number, bytes?: Uint8Array, at = 0): ImportFileError {
  return new ImportFileError(
    `The file is not valid UTF-8: byte ${offset} (line ${line}) is 0x${hex(value)}.${bytes ? hintAt(bytes, at) : ''} ` +
      'Save it as "CSV UTF-8" and upload it again.',
  );
}

/** Text around a lone high byte is a single-byte encoding; no text around it is not a CSV at all. */
function hintAt(bytes: Uint8Array, at: number): string {
  const textual = (b: number | undefined) => b === undefined || b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127);
  const context = [...bytes.subarray(Math.max(0, at - 16), at), bytes[at + 1]];
  if (bytes[at]! >= 0x80 && context.length > 1 && context.every(textual)) {
    return ' It looks like Latin-1 / Windows-1252 (e.g. an accented letter saved by an older program).';
  }
  return ' It does not look like text: is it the right file?';
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function countLf(bytes: Uint8Array, end: number): number {
  let n = 0;
  let i = bytes.indexOf(10);
  while (i !== -1 && i < end) {
    n += 1;
    i = bytes.indexOf(10, i + 1);
  }
  return n;
}

/** The bytes of a character that the chunk's end cut in two (0 to 3 bytes). */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/**
 * The offset of the first byte that is not part of well-formed UTF-8 (the WHATWG decoder's rules: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or -1. A character cut off by the end is not counted as bad.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1;
      const c = bytes[i + k]!;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
