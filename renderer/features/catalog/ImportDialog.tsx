import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ImportReport } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { formatNumber } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { useInFlight } from './useInFlight';

interface ImportDialogProps {
  open: boolean;
  onClose(): void;
  /** Rows were written to the catalog: the items list must be read again. */
  onImported(count: number): void;
}

type ImportError = ImportReport['errors'][number];
type ErrorRow = ImportError & { id: string };

/** What the backend's base64 field allows (28,000,000 characters of base64 ≈ 21 MB). */
const maxFileBytes = 20 * 1024 * 1024;

/** The file's bytes as base64, in slices so a large file does not overflow the argument list. */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

interface Chosen {
  name: string;
  format: 'csv' | 'xlsx';
  contentBase64: string;
}

type Outcome =
  { kind: 'checked'; report: ImportReport } | { kind: 'imported'; report: ImportReport; checked: ImportReport };

const getRowId = (p: GetRowIdParams<ErrorRow>) => p.data.id;

/**
 * Importing the catalog from a spreadsheet: the file is checked first and every refused cell is
 * listed; then the keeper chooses all-or-nothing or only the faultless rows.
 */
export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const { t, i18n } = useTranslation();
  const localeText = useGridLocaleText();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const fileInputId = useId();
  const checking = useInFlight();
  const importing = useInFlight();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (corrected meanwhile) checks it again.
    event.target.value = '';
    if (!file) return;
    await checking.run(async () => {
      setFileName(file.name);
      setOutcome(null);
      setProblem(null);
      setChosen(null);
      if (file.size > maxFileBytes) {
        setProblem(t('catalog.import.tooBig'));
        return;
      }
      let next: Chosen;
      try {
        next = {
          name: file.name,
          format: /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv',
          contentBase64: await fileToBase64(file),
        };
      } catch (err) {
        setProblem(t('catalog.import.readFailed', { reason: (err as Error)?.message ?? String(err) }));
        return;
      }
      setChosen(next);
      const result = await call('catalog:import-items', {
        format: next.format,
        contentBase64: next.contentBase64,
        mode: 'check',
      });
      if (result.ok) setOutcome({ kind: 'checked', report: result.value });
      else setProblem(errorText(t, result.error));
    });
  }

  async function commit(mode: 'all-or-nothing' | 'valid-rows') {
    if (!chosen || outcome?.kind !== 'checked') return;
    const checked = outcome.report;
    await importing.run(async () => {
      const result = await call('catalog:import-items', {
        format: chosen.format,
        contentBase64: chosen.contentBase64,
        mode,
      });
      if (!result.ok) {
        setProblem(errorText(t, result.error));
        return;
      }
      setProblem(null);
      if (result.value.committed) {
        setOutcome({ kind: 'imported', report: result.value, checked });
        onImported(result.value.imported);
      } else {
        // Nothing was written: the report (possibly newer than the check) stays on screen to choose again.
        setOutcome({ kind: 'checked', report: result.value });
        setProblem(
          result.value.errors.length > 0 ? t('catalog.import.notCommitted') : t('catalog.import.nothingToImport'),
        );
      }
    });
  }

  const report = outcome?.kind === 'imported' ? outcome.checked : outcome?.report;
  const unreadable = report?.errors.some((e) => e.reason === 'unreadable-file') ?? false;
  // Row 1 is the header: a missing column refuses the whole file, not one row.
  const headerRefused = report?.errors.some((e) => e.row === 1) ?? false;
  const badRows = report ? new Set(report.errors.filter((e) => e.row > 1).map((e) => e.row)).size : 0;
  const goodRows = report && !headerRefused ? report.rows - badRows : 0;
  const rows = useMemo(
    () => (report?.errors ?? []).map((e, index): ErrorRow => ({ ...e, id: `${index}-${e.row}-${e.column}` })),
    [report],
  );

  let summary = '';
  if (checking.busy) summary = t('catalog.import.checking', { file: chosen?.name ?? '' });
  else if (report && chosen) {
    if (unreadable) summary = t('catalog.import.unreadable', { file: chosen.name });
    else if (headerRefused) summary = t('catalog.import.missingColumns', { file: chosen.name });
    else if (report.errors.length === 0)
      summary = t('catalog.import.clean', { file: chosen.name, rows: formatNumber(report.rows) });
    else
      summary = t('catalog.import.checked', {
        file: chosen.name,
        rows: formatNumber(report.rows),
        bad: formatNumber(badRows),
      });
  }

  const columnDefs = useMemo(
    (): ColDef<ErrorRow>[] => [
      {
        field: 'row',
        headerName: t('catalog.import.columns.row'),
        type: 'rightAligned',
        valueFormatter: (p) => (p.value ? formatNumber(p.value as number) : t('catalog.import.wholeFile')),
        width: 90,
        minWidth: 80,
      },
      { field: 'column', headerName: t('catalog.import.columns.column'), flex: 1, minWidth: 110 },
      {
        colId: 'reason',
        headerName: t('catalog.import.columns.reason'),
        valueGetter: (p) => (p.data ? t(`importReasons.${p.data.reason}`) : ''),
        flex: 2,
        minWidth: 200,
      },
      { field: 'value', headerName: t('catalog.import.columns.value'), flex: 1.4, minWidth: 120 },
    ],
    [t],
  );

  const canCommit = outcome?.kind === 'checked' && !unreadable && !headerRefused && !importing.busy && !checking.busy;
  const actions = (
    <button type="button" className="button button-quiet" onClick={onClose}>
      {t('common.actions.close')}
    </button>
  );

  return (
    <Dialog title={t('catalog.import.title')} open={open} onClose={onClose} actions={actions} wide>
      <div className="catalog-import">
        <p className="catalog-muted">{t('catalog.import.intro')}</p>
        <div className="catalog-file">
          <input
            id={fileInputId}
            className="catalog-file-input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={checking.busy || importing.busy}
            onChange={(e) => void choose(e)}
          />
          <label htmlFor={fileInputId} className="button button-quiet catalog-file-button">
            {t('catalog.import.file')}
          </label>
          <span className="catalog-muted">{fileName ?? t('catalog.import.noFile')}</span>
        </div>
        <p className="catalog-import-summary" role="status">
          {summary}
        </p>
        {report && rows.length > 0 && (
          <section className="catalog-import-errors" aria-label={t('catalog.import.errorsLabel')}>
            <AgGridReact<ErrorRow>
              key={i18n.language}
              theme={gridTheme}
              rowData={rows}
              columnDefs={columnDefs}
              getRowId={getRowId}
              localeText={localeText}
            />
          </section>
        )}
        {outcome?.kind === 'checked' && !unreadable && (
          <div className="catalog-import-choice">
            <p className="catalog-muted">{t('catalog.import.difference')}</p>
            <div className="catalog-import-buttons">
              <button
                type="button"
                className="button button-primary"
                disabled={!canCommit}
                onClick={() => void commit('all-or-nothing')}
              >
                {t('catalog.import.all')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                disabled={!canCommit || goodRows === 0}
                onClick={() => void commit('valid-rows')}
              >
                {report && report.errors.length > 0
                  ? t('catalog.import.validCount', { rows: formatNumber(goodRows) })
                  : t('catalog.import.valid')}
              </button>
              {importing.busy && <span className="catalog-muted">{t('catalog.import.importing')}</span>}
            </div>
          </div>
        )}
        {outcome?.kind === 'imported' && (
          <p className="catalog-import-result" role="status">
            {t('catalog.import.committed', {
              imported: formatNumber(outcome.report.imported),
              rows: formatNumber(outcome.report.rows),
            })}
          </p>
        )}
        {problem && (
          <p className="notice-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
