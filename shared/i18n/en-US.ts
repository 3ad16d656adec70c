import { accountsEn } from './features/accounts';
import { approvalsEn } from './features/approvals';
import { passwordEn } from './features/password';
import { backupEn } from './features/backup';
import { catalogEn } from './features/catalog';
import { commonEn } from './features/common';
import { dispatchEn } from './features/dispatch';
import { documentsEn } from './features/documents';
import { emergencyEn } from './features/emergency';
import { homeEn } from './features/home';
import { inventoryEn } from './features/inventory';
import { ledgerEn } from './features/ledger';
import { labelsEn } from './features/labels';
import { exportsEn } from './features/exports';
import { printEn } from './features/print';
import { printDocumentsEn } from './features/printDocuments';
import { printFormsEn } from './features/printForms';
import { receiveEn } from './features/receive';
import { stockEn } from './features/stock';
import { scanEn } from './features/scan';
import { stocktakeEn } from './features/stocktake';
import type { Translation } from './zh-CN';

/** The interface text in English. Typed from zh-CN: a missing or extra key fails the typecheck. */
export const enUS: Translation = {
  common: commonEn,
  receive: receiveEn,
  dispatch: dispatchEn,
  documents: documentsEn,
  catalog: catalogEn,
  ledger: ledgerEn,
  backup: backupEn,
  accounts: accountsEn,
  approvals: approvalsEn,
  password: passwordEn,
  print: printEn,
  printDocuments: printDocumentsEn,
  printForms: printFormsEn,
  labels: labelsEn,
  reports: exportsEn,
  stock: stockEn,
  scan: scanEn,
  emergency: emergencyEn,
  stocktake: stocktakeEn,
  app: {
    name: 'Relief Reserve',
    opening: 'Opening…',
  },
  languages: {
    'zh-CN': '中文',
    'en-US': 'English',
  },
  language: {
    switchTo: 'Switch the interface language to {{language}}',
    switchFailed: 'Could not switch the language: {{reason}}',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    inventory: 'Inventory',
    receive: 'Receive',
    dispatch: 'Dispatch',
    documents: 'Documents',
    stocktake: 'Stocktake',
    ledger: 'Ledger',
    catalog: 'Catalog',
    reports: 'Reports',
    settings: 'Settings',
  },
  home: homeEn,
  inventory: inventoryEn,
  settings: {
    title: 'Settings',
    subtitle: 'This reserve depot’s details, the interface language, and backups of its data.',
    depotSection: 'Reserve depot',
    interfaceSection: 'Interface',
    depotName: 'Depot name',
    depotNameHint: 'Printed on every document, e.g. “City Relief Materials Reserve Depot”.',
    depotNameTooLong: 'The depot name can be at most 100 characters.',
    siteCode: 'Site code',
    siteCodeHint:
      '2–16 upper-case letters, digits or dashes. Once this depot holds records, its site code can no longer change.',
    siteCodeInvalid: 'The site code must be 2–16 upper-case letters, digits or dashes, not starting with a dash.',
    language: 'Interface language',
    languageHint: 'Applies as soon as you save, and again at the next start.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Settings saved.',
    saveFailed: 'Not saved: {{reason}}',
    loadFailed: 'Could not read the settings: {{reason}}',
  },
  status: {
    label: 'Status bar',
    depot: 'Depot',
    depotUnset: 'Depot name not set',
    siteCode: 'Site code',
    database: 'Database',
    databaseOk: 'OK',
    databaseError: 'error ({{reason}})',
    schemaVersion: 'Schema version',
    dataPath: 'Data folder',
  },
  databaseError: {
    title: 'The database cannot be opened',
    reassurance: 'To protect the ledger, the application has not changed this data file in any way.',
    dataPath: 'Data folder',
    dbFile: 'Data file',
    technical: 'Technical details (for the administrator)',
    'db-newer-version': {
      what: 'This data file was written by a newer version of Relief Reserve; this version cannot read it.',
      todo: 'Install the newest version, then open it again. Do not delete, move or replace this file.',
    },
    'db-corrupt': {
      what: 'This data file failed its integrity check and may be damaged.',
      todo: 'Stop using this file on this computer and ask the administrator to restore the latest backup.',
    },
    'db-open-failed': {
      what: 'This data file could not be opened: there may be no permission to read and write it, the disk may be full, or another program may hold it.',
      todo: 'Check that the data folder can be read and written and that the disk has free space, then close and restart the application.',
    },
  },
  startup: {
    failedTitle: 'Cannot start',
    failedBody: 'The application could not reach its data service: {{reason}}',
    noApi: 'This window has no data interface. Start the application through its installed launcher.',
  },
  errors: {
    'unknown-channel': 'Internal error: a function that does not exist was requested.',
    'invalid-input': 'Some of what was entered is not valid. Check it and try again.',
    internal:
      'Something unexpected went wrong; nothing was written. Try again, and call the administrator if it keeps failing.',
    'database-unavailable': 'The database is not available, so this could not be done.',
    'db-newer-version': 'the data file comes from a newer version of the application',
    'db-corrupt': 'the data file failed its integrity check',
    'db-open-failed': 'the data file could not be opened',
    'not-found': 'This record could not be found.',
    'duplicate-code': 'A record with the same code (or name) already exists at this depot.',
    'site-code-locked': 'This depot already holds records, so its site code can no longer change.',
    'forbidden-sender': 'The request came from an unauthorised source and was refused.',
    'duplicate-barcode': 'This barcode already stands for another item or kit.',
    'has-movements':
      'This item already has movements: it cannot be deleted and its code and unit cannot change (deactivate it instead).',
    inactive: 'This item, source or location is deactivated and takes no new movements.',
    'wrong-party-kind': 'The unit chosen is of the wrong kind (for example a supplier as receiving unit).',
    'insufficient-stock':
      'Not enough {{itemName}} in {{sourceName}}: {{available}} available, {{requested}} requested. Nothing was written.',
    'zero-quantity': 'The quantity is zero: cartons and units add up to nothing.',
    'order-number-required':
      'Enter the allocation order number. Only an emergency dispatch may leave first and file it afterwards.',
    'picks-mismatch': 'The batches picked do not add up to the quantity of this line.',
    'wrong-sign': 'The direction of the adjustment contradicts its reason (for example, "lost" can only reduce stock).',
    'batch-mismatch': 'This batch number was received before with another production date, expiry or origin.',
    'expiry-required': 'This item has a shelf life: enter its production date or expiry date.',
    'invalid-date': 'The date is not valid: it cannot be after today, and expiry must come after production.',
    'already-reversed': 'This document has already been reversed.',
    'cannot-reverse': 'A reversal cannot itself be reversed.',
    'has-returns': 'Goods were returned against this dispatch: reverse the returns first.',
    'return-exceeds-dispatch': 'More would come back than this dispatch actually issued.',
    'paperwork-not-pending': 'This dispatch is not waiting for any paperwork.',
    'invalid-category': 'A category cannot be placed under one of its own subcategories.',
    immutable: 'Posted records cannot be changed or deleted; post a reversal to correct a mistake.',
    'backup-failed':
      'The backup did not complete or failed its check; the incomplete copy was removed. Your data is unaffected — check the backup location and try again.',
    'backup-folder-unwritable':
      'Cannot write to the backup folder {{folder}}: make sure it exists, is writable and the USB stick is plugged in.',
    'backup-invalid':
      'This file is not a usable backup (unreadable, damaged, from a newer version, or not Relief Reserve data). Nothing was changed.',
    'backup-other-depot':
      'This backup belongs to another depot (site code {{backupSite}}); this depot is {{currentSite}}. Confirm before restoring it.',
    'backup-in-progress': 'A backup is being written; please try again in a moment.',
    'restore-failed': 'The restore did not complete; the data in use before was put back and nothing was lost.',
    'path-not-absolute': 'Enter a full path (for example E:\\Backups or /media/usb), not a relative one: {{path}}',
    'has-unit-barcode': 'This item already has a unit barcode and needs no internal code: print its labels directly.',
    'print-view-failed': 'Cannot print. {{reason}}',
    'print-timeout': 'The printout was not ready within {{seconds}} seconds; nothing was printed. Please try again.',
    'print-cancelled': 'Printing was cancelled; nothing was printed.',
    'print-failed': 'The printer did not accept the printout: {{reason}}',
    'printer-not-found': 'This PC has no printer named “{{printer}}”. Choose another one in the print preview.',
    'pdf-write-failed': 'Cannot save the PDF file {{path}}: {{reason}}',
    'barcode-check-digit': 'Barcode {{barcode}} fails its check digit: a misread or a faulty label. Scan it again.',
    'gs1-invalid': 'GS1 barcode {{barcode}} breaks the GS1 rules and cannot be read.',
    'incident-already-open': 'The incident “{{name}}” is still open. Close it before declaring another.',
    'incident-closed': 'The incident “{{name}}” was closed already.',
    'kit-empty': 'Kit {{code}} holds no items: add at least one item and its quantity.',
    'export-folder-unwritable':
      'Cannot write to the export folder {{folder}}: check that the path is right, writable, and the USB stick is plugged in. No file was written.',
    'export-failed':
      'The export failed part-way ({{reason}}). The unfinished file was removed: nothing incomplete was left in the folder. Please try again.',
    'export-pdf-unavailable':
      'PDFs cannot be drawn here, so the audit package (which holds a PDF summary) was not built. Nothing was left in the folder.',
    'export-pdf-failed':
      'The audit package’s PDF summary could not be drawn ({{reason}}). The package was removed: nothing incomplete was left in the folder. Please try again.',
    'not-signed-in': 'Please sign in first.',
    'not-permitted':
      'Your role does not allow this. Nothing was done; the attempt is in the activity log. Ask a supervisor or the admin.',
    'session-locked': 'Locked after a period without activity. Enter your password to unlock.',
    'sign-in-failed': 'The username or password is wrong.',
    'sign-in-throttled': 'Too many failed sign-ins. Try again in {{retryAfterSeconds}} seconds.',
    'already-set-up': 'The admin account already exists; please sign in.',
    'last-admin': 'The depot must keep at least one active admin account.',
    'wrong-password': 'The current password is wrong.',
    'password-required': 'A new account needs an initial password (at least 8 characters).',
    'username-fixed': 'A username cannot change once created (the ledger records it).',
    'approval-own-document': 'You cannot approve what you started yourself: another supervisor or admin approves it.',
    'stocktake-closed': 'This stocktake is approved or cancelled: it takes no more counts, changes or approvals.',
    'stocktake-not-counted':
      '{{lines}} lines have no count yet: every line needs a counted quantity (0 if empty) before approval.',
    'stocktake-empty': 'The chosen scope holds no stock: there is nothing to count.',
    'stocktake-blind':
      'The count is still open: book quantities and variances are for those who review it (a blind count); the variance report is there once it is approved.',
    'approval-not-pending': 'This request was already decided ({{decidedByName}}); it cannot be decided again.',
    'approval-required':
      'This dispatch is above the depot’s quantity or value limit: submit it for a supervisor’s approval. Nothing was posted.',
    unknown: 'An unknown error occurred (code {{code}}).',
  },
  importReasons: {
    'missing-column': 'This column is missing',
    required: 'Required: cannot be empty',
    'too-long': 'Too long',
    'not-a-whole-number': 'Must be a whole number',
    'out-of-range': 'Out of the allowed range',
    'not-a-money-amount': 'Not an amount in yuan (at most two decimals)',
    'not-yes-no': 'Must be yes or no',
    'invalid-code': 'Codes may contain only letters, digits and . _ -',
    'unknown-category': 'No category has this code',
    'duplicate-in-file': 'Repeats an earlier row of the file',
    'code-exists': 'The catalog already has this code',
    'barcode-exists': 'This barcode already stands for another item',
    'shelf-life-days-required': 'An item with a shelf life needs its shelf life in days',
    'unreadable-file': 'This file cannot be read (use CSV or XLSX)',
  },
  grid: {
    loadingOoo: 'Loading…',
    noRowsToShow: 'No items',
    noMatchingRows: 'No items match the filter',
    filterOoo: 'Filter…',
    equals: 'Equals',
    notEqual: 'Does not equal',
    contains: 'Contains',
    notContains: 'Does not contain',
    startsWith: 'Begins with',
    endsWith: 'Ends with',
    blank: 'Blank',
    notBlank: 'Not blank',
    andCondition: 'AND',
    orCondition: 'OR',
    textFilter: 'Text filter',
    ariaFilterInput: 'Filter input',
    ariaFilterValue: 'Filter value',
    ariaFilteringOperator: 'Filtering operator',
    ariaColumnFiltered: 'Column filtered',
    ariaFilterColumn: 'Press Ctrl+Enter to open the filter',
    ariaFilterMenuOpen: 'Open filter menu',
    ariaLabelColumnFilter: 'Column filter',
    ariaLabelColumnMenu: 'Column menu',
    ariaMenuColumn: 'Press Alt+Down to open the column menu',
    ariaSortableColumn: 'Press Enter to sort',
    ariaLabelInputClear: 'Clear',
  },
};
