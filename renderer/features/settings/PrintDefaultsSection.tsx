/**
 * 设置 › 打印 › 各类单据的默认打印设置: per kind of printout the paper, copies and printer the print
 * preview starts with (settings.printDefaults — the same setting each print updates). Only the papers a
 * kind is laid out for are offered; the backend refuses any other. A saved printer this PC no longer
 * lists stays offered, so saving other rows does not silently drop it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintDefault, PrintDefaults } from '../../../shared/contract';
import { filedOnlyKinds, printKinds, type PrintKind } from '../../../shared/print/jobs';
import type { PaperId } from '../../../shared/print/papers';
import { factoryPrintDefault, suitedPapers } from '../../../shared/print/suited-papers';
import { call, errorText, useChannel } from '../../api/client';
import { useDepot } from '../../app/depot';
import { printViews } from '../../print/registry';

/** The kinds that can be printed today: those with a print view. */
const printableKinds = printKinds.filter((kind) => printViews[kind] !== undefined && !filedOnlyKinds.includes(kind));

interface Row {
  paper: PaperId;
  copies: string;
  printer: string | null;
}

function rowsOf(saved: PrintDefaults): Record<PrintKind, Row> {
  const rows = {} as Record<PrintKind, Row>;
  for (const kind of printableKinds) {
    const d: PrintDefault = saved[kind] ?? factoryPrintDefault(kind);
    rows[kind] = { paper: d.paper, copies: String(d.copies), printer: d.printer };
  }
  return rows;
}

const validCopies = (text: string) => /^\d{1,2}$/.test(text) && Number(text) >= 1;

export function PrintDefaultsSection() {
  const { t } = useTranslation();
  const { settings, settingsChanged } = useDepot();
  const printers = useChannel('print:printers');
  const [rows, setRows] = useState(() => rowsOf(settings.printDefaults));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const installed = printers.state.status === 'ok' ? printers.state.value : [];

  function edit(kind: PrintKind, patch: Partial<Row>) {
    setRows((r) => ({ ...r, [kind]: { ...r[kind], ...patch } }));
    setSaved(false);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    if (printableKinds.some((kind) => !validCopies(rows[kind].copies))) {
      setShowErrors(true);
      return;
    }
    setShowErrors(false);
    setSaving(true);
    const printDefaults: PrintDefaults = {};
    for (const kind of printableKinds) {
      const r = rows[kind];
      printDefaults[kind] = { paper: r.paper, copies: Number(r.copies), printer: r.printer };
    }
    const result = await call('settings:update', { printDefaults });
    setSaving(false);
    if (!result.ok) {
      setFormError(t('printForms.defaults.saveFailed', { reason: errorText(t, result.error) }));
      return;
    }
    settingsChanged(result.value);
    setRows(rowsOf(result.value.printDefaults));
    setSaved(true);
  }

  return (
    <form className="settings-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <fieldset className="settings-section">
        <legend>{t('printForms.defaults.section')}</legend>
        <p className="settings-hint">{t('printForms.defaults.intro')}</p>
        <table className="print-defaults">
          <thead>
            <tr>
              <th scope="col">{t('printForms.defaults.kind')}</th>
              <th scope="col">{t('printForms.defaults.paper')}</th>
              <th scope="col" className="numeric">
                {t('printForms.defaults.copies')}
              </th>
              <th scope="col">{t('printForms.defaults.printer')}</th>
            </tr>
          </thead>
          <tbody>
            {printableKinds.map((kind) => {
              const row = rows[kind];
              const kindName = t(`print.kinds.${kind}`);
              const label = (field: string) => t('printForms.defaults.kindLabel', { kind: kindName, field });
              const copiesError = showErrors && !validCopies(row.copies);
              const printerNames = installed.map((p) => p.name);
              return (
                <tr key={kind}>
                  <th scope="row">{kindName}</th>
                  <td>
                    <select
                      className="input"
                      aria-label={label(t('printForms.defaults.paper'))}
                      value={row.paper}
                      onChange={(e) => edit(kind, { paper: e.target.value as PaperId })}
                    >
                      {suitedPapers[kind].map((id) => (
                        <option key={id} value={id}>
                          {t(`print.papers.${id}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="numeric">
                    <input
                      className="input print-defaults-copies"
                      inputMode="numeric"
                      aria-label={label(t('printForms.defaults.copies'))}
                      aria-invalid={copiesError ? true : undefined}
                      aria-describedby={copiesError ? `print-defaults-${kind}-error` : undefined}
                      value={row.copies}
                      onChange={(e) => edit(kind, { copies: e.target.value.trim() })}
                    />
                  </td>
                  <td>
                    <select
                      className="input"
                      aria-label={label(t('printForms.defaults.printer'))}
                      value={row.printer ?? ''}
                      onChange={(e) => edit(kind, { printer: e.target.value || null })}
                    >
                      <option value="">{t('printForms.defaults.systemDefault')}</option>
                      {row.printer !== null && !printerNames.includes(row.printer) && (
                        <option value={row.printer}>{row.printer}</option>
                      )}
                      {installed.map((p) => (
                        <option key={p.name} value={p.name}>
                          {p.displayName}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {showErrors &&
          printableKinds
            .filter((kind) => !validCopies(rows[kind].copies))
            .map((kind) => (
              <p key={kind} id={`print-defaults-${kind}-error`} className="settings-field-error" role="alert">
                {t('printForms.defaults.copiesInvalid', { kind: t(`print.kinds.${kind}`) })}
              </p>
            ))}
        {printers.state.status === 'error' && (
          <p className="settings-hint" role="status">
            {t('printForms.defaults.printersFailed', { reason: errorText(t, printers.state.error) })}
          </p>
        )}
      </fieldset>
      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('printForms.defaults.saving') : t('printForms.defaults.save')}
        </button>
        <span className="settings-outcome" role="status">
          {saved ? t('printForms.defaults.saved') : ''}
        </span>
        {formError && (
          <p className="notice-error settings-form-error" role="alert">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
