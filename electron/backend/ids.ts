import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;

// Random bytes drawn in blocks: one call into the CSPRNG per 256 ids instead of one (or two) per id,
// which cost more than the rest of posting a ledger line put together. The bytes are used once each.
const poolIds = 256;
const pool = Buffer.alloc(16 * poolIds);
let poolNext = poolIds;

function randomBlock(): Buffer {
  if (poolNext === poolIds) {
    randomFillSync(pool);
    poolNext = 0;
  }
  // A view, not a copy: each block is written over and turned into text once, before the next call.
  const block = pool.subarray(16 * poolNext, 16 * poolNext + 16);
  poolNext++;
  return block;
}

/**
 * A lowercase UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter that keeps ids
 * created in the same millisecond in order, then random bits. Ids sort by creation time, which keeps
 * inserts into `id TEXT PRIMARY KEY` tables append-mostly and lets depots' rows merge without clashes.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBlock();
  if (now > lastMs) {
    lastMs = now;
    // Start low so the counter rarely overflows; the two bytes are overwritten by the time below.
    counter = ((bytes[0]! << 8) | bytes[1]!) & 0x3ff;
  } else {
    counter++;
    if (counter > 0xfff) {
      // More than 4096 ids in one millisecond: borrow the next millisecond to stay monotonic.
      lastMs++;
      counter = 0;
    }
  }
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidv7Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
