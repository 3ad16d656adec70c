import type { Migration } from './index';

/**
 * The party of a posted document as it was when the document was posted: name, contact, phone and
 * address. A dispatch slip reprinted next year must show the receiving unit's contact the truck left
 * with, not whatever the catalog says after someone edited it. A trigger writes the row in the posting's
 * own transaction, so no posting path can forget it; rows are never changed or removed.
 *
 * Documents posted before this step get the party as the catalog holds it at the upgrade — the best
 * there is, and what those documents showed until now.
 */
export const documentParties: Migration = {
  version: 11,
  name: 'document-parties',
  sql: `
    CREATE TABLE document_parties (
      document_id TEXT PRIMARY KEY REFERENCES documents(id),
      name        TEXT NOT NULL,
      contact     TEXT NOT NULL,
      phone       TEXT NOT NULL,
      address     TEXT NOT NULL
    ) WITHOUT ROWID;

    INSERT INTO document_parties (document_id, name, contact, phone, address)
      SELECT d.id, p.name, p.contact, p.phone, p.address
      FROM documents d JOIN parties p ON p.id = d.party_id;

    CREATE TRIGGER document_parties_at_posting AFTER INSERT ON documents
      WHEN NEW.party_id IS NOT NULL
    BEGIN
      INSERT INTO document_parties (document_id, name, contact, phone, address)
        SELECT NEW.id, p.name, p.contact, p.phone, p.address FROM parties p WHERE p.id = NEW.party_id;
    END;

    CREATE TRIGGER document_parties_no_update BEFORE UPDATE ON document_parties
    BEGIN
      SELECT RAISE(ABORT, 'document_parties is append-only: a posted document keeps its party as posted');
    END;

    CREATE TRIGGER document_parties_no_delete BEFORE DELETE ON document_parties
    BEGIN
      SELECT RAISE(ABORT, 'document_parties is append-only: a posted document keeps its party as posted');
    END;
  `,
};
