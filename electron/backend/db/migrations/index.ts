import { foundation } from './001-foundation';
import { stockLedger } from './002-stock-ledger';
import { itemSearch } from './003-item-search';
import { ledgerByItemTime } from './004-ledger-by-item-time';
import { printLog } from './005-print-log';
import { internalCodes } from './006-internal-codes';
import { accounts } from './007-accounts';
import { emergency } from './008-emergency';
import { stocktake } from './009-stocktake';
import { approvals } from './010-approvals';
import { documentParties } from './011-document-parties';

/** One numbered step of the schema. Steps only add; each runs in one transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration in order; the last one's version is the schema version of this build. */
export const migrations: readonly Migration[] = [
  foundation,
  stockLedger,
  itemSearch,
  ledgerByItemTime,
  printLog,
  internalCodes,
  accounts,
  emergency,
  stocktake,
  approvals,
  documentParties,
];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
