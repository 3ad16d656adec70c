import type { PrintKind } from '../../../shared/print/jobs';
import { parseStockCardTarget } from '../../../shared/print/stockCardTarget';
import type { PrintLogEntry } from '../../../shared/schemas/print';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';

/** Printouts of one posted document, and the document kind each prints. */
const documentKindOf: Partial<Record<PrintKind, string>> = {
  'dispatch-slip': 'dispatch',
  'receipt-slip': 'receipt',
  'transfer-slip': 'transfer',
  'write-off-application': 'write_off',
};

interface Row {
  id: string;
  kind: PrintLogEntry['kind'];
  target: string;
  document_id: string | null;
  paper: PrintLogEntry['paper'];
  copies: number;
  via: PrintLogEntry['via'];
  printer: string | null;
  operator: string;
  printed_at: string;
  sequence: number;
}

function entryOf(r: Row): PrintLogEntry {
  return {
    id: r.id,
    kind: r.kind,
    target: r.target,
    documentId: r.document_id,
    paper: r.paper,
    copies: r.copies,
    via: r.via,
    printer: r.printer,
    operator: r.operator,
    printedAt: r.printed_at,
    sequence: r.sequence,
  };
}

/**
 * The print log: every print and PDF of a printout, numbered per printout so reprints show as
 * 补打 第N次. Written after the print succeeded; never changed (triggers refuse it).
 */
export function createPrintLog(ctx: BackendContext) {
  const { db } = ctx;
  const documentKind = db
    .prepare<[string, string], string>('SELECT kind FROM documents WHERE id = ? AND site_code = ?')
    .pluck();
  const nextSequence = db
    .prepare<[string, string, string], number>(
      'SELECT coalesce(max(sequence), 0) + 1 FROM print_log WHERE site_code = ? AND kind = ? AND target = ?',
    )
    .pluck();
  const insert = db.prepare<Row & { site_code: string }>(
    `INSERT INTO print_log (id, site_code, kind, target, document_id, paper, copies, via, printer, operator, printed_at, sequence)
     VALUES (@id, @site_code, @kind, @target, @document_id, @paper, @copies, @via, @printer, @operator, @printed_at, @sequence)`,
  );
  const itemExists = db.prepare<[string], number>('SELECT 1 FROM items WHERE id = ?').pluck();
  const history = db.prepare<[string, string, string], Row>(
    `SELECT id, kind, target, document_id, paper, copies, via, printer, operator, printed_at, sequence
       FROM print_log WHERE site_code = ? AND kind = ? AND target = ? ORDER BY sequence`,
  );

  const record = db.transaction(
    (input: Omit<PrintLogEntry, 'id' | 'documentId' | 'operator' | 'printedAt' | 'sequence'>) => {
      const siteCode = ctx.siteCode();
      const wanted = documentKindOf[input.kind];
      let documentId: string | null = null;
      if (wanted !== undefined) {
        // A slip of a document that is not there, or of another kind, must not count as printed.
        const kind = documentKind.get(input.target, siteCode);
        if (kind !== wanted) {
          throw new DomainError('not-found', `no ${wanted} document ${input.target} to print`, {
            entity: 'document',
            id: input.target,
          });
        }
        documentId = input.target;
      }
      if (input.kind === 'stock-card') {
        // A stock card prints an item's card over a range: a target that names no item is not a printout.
        const selection = parseStockCardTarget(input.target);
        if (selection === null) {
          throw new DomainError('invalid-input', `not a stock card selection: ${input.target}`, [
            { path: ['target'], message: 'item=<id>&from=…&to=…&source=…&batch=…' },
          ]);
        }
        if (itemExists.get(selection.itemId) === undefined) {
          throw new DomainError('not-found', `no item ${selection.itemId} to print a stock card of`, {
            entity: 'item',
            id: selection.itemId,
          });
        }
      }
      const row: Row & { site_code: string } = {
        id: uuidv7(ctx.now().getTime()),
        site_code: siteCode,
        kind: input.kind,
        target: input.target,
        document_id: documentId,
        paper: input.paper,
        copies: input.copies,
        via: input.via,
        printer: input.printer,
        operator: ctx.operator(),
        printed_at: ctx.now().toISOString(),
        sequence: nextSequence.get(siteCode, input.kind, input.target)!,
      };
      insert.run(row);
      return entryOf(row);
    },
  );

  const handlers: HandlersFor<'print:record' | 'print:history'> = {
    'print:record': (input) => record(input),
    'print:history': ({ kind, target }) => {
      const entries = history.all(ctx.siteCode(), kind, target).map(entryOf);
      return { count: entries.length, entries };
    },
  };
  return { handlers };
}
