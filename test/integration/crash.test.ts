import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Posted } from '../../shared/contract';
import { openBackend } from '../../electron/backend/index';
import { call, seedDepot } from '../fixtures/depot';
import { expectLedgerInvariants } from '../fixtures/ledger-invariants';
import { makeTempDir } from '../fixtures/temp-dir';

/** Kills per run: at least 50 in the suite; CRASH_KILLS raises it for a longer soak. */
const kills = Math.max(50, Number(process.env.CRASH_KILLS ?? 50));
const fixtures = path.resolve(__dirname, '../fixtures');

let tmp: ReturnType<typeof makeTempDir>;
let depotArg: string;

beforeAll(async () => {
  tmp = makeTempDir('relief-reserve-crash-');
  const backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
  const depot = await seedDepot(backend);
  await call(backend, 'catalog:save-location', { code: 'B-01', name: 'B区01货位', kind: 'slot' });
  depotArg = JSON.stringify({
    items: [depot.items.tent.id, depot.items.quilt.id],
    sources: [depot.sources.city.id, depot.sources.province.id],
    locations: [depot.locations.a01.id, depot.locations.a02.id],
    receivingUnit: depot.parties.town.id,
  });
  backend.close();
});
afterAll(() => tmp.cleanup());

/** Runs the child until it has acknowledged a few postings, then kills it at a random moment. */
function runAndKill(seed: number): Promise<Posted[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        path.join(fixtures, 'ts-resolve.mjs'),
        path.join(fixtures, 'crash-child.ts'),
        tmp.dbPath,
        depotArg,
        String(seed),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Once postings flow, let it run a random 0–120 ms more, so kills land mid-transaction too.
      timer ??= setTimeout(() => child.kill('SIGKILL'), seed % 121);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (${code}): ${err}`));
      const lines = out.split('\n').filter((l) => l.endsWith('}'));
      resolve(lines.map((l) => JSON.parse(l) as Posted));
    });
  });
}

describe('a power cut in the middle of postings', () => {
  test(`after each of ${kills} SIGKILLs the database opens, every acknowledged posting is whole, nothing is half-written`, async () => {
    const acknowledged: Posted[] = [];
    for (let i = 0; i < kills; i++) {
      acknowledged.push(...(await runAndKill(1000 + i * 7919)));

      const backend = openBackend({ role: 'admin', dbPath: tmp.dbPath }); // runs quick_check; throws if it fails
      try {
        for (const posted of acknowledged.slice(-40)) {
          const doc = await call(backend, 'documents:get', { id: posted.id });
          expect(doc.number).toBe(posted.number);
          expect(doc.entries).toHaveLength(posted.entries);
        }
        expect((await call(backend, 'ledger:verify-chain')).ok).toBe(true);
      } finally {
        backend.close();
      }
      const db = new Database(tmp.dbPath, { readonly: true });
      const partial = db
        .prepare(
          `SELECT d.number FROM documents d
           WHERE NOT EXISTS (SELECT 1 FROM document_lines l WHERE l.document_id = d.id)
              OR EXISTS (SELECT 1 FROM document_lines l WHERE l.document_id = d.id
                         AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.line_id = l.id))`,
        )
        .all();
      expect(partial).toEqual([]);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
      expectLedgerInvariants(tmp.dbPath);
    }
    expect(acknowledged.length).toBeGreaterThan(kills);
    // Every acknowledged posting, across all the kills, is still there.
    const db = new Database(tmp.dbPath, { readonly: true });
    const numbers = new Set(db.prepare('SELECT number FROM documents').pluck().all() as string[]);
    db.close();
    expect(acknowledged.filter((p) => !numbers.has(p.number))).toEqual([]);
  }, 600_000);
});
