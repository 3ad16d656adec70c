import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Source } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText, useChannel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { sourceKinds, type SourceKind } from './kinds';
import { ActiveCell, EditCell, RecordsFrame } from './RecordsFrame';
import { noRefusal, refusalDetail, refusedFields, useFocusFirstInvalid, type Refusal } from './refusal';
import { byText, useRecords } from './useRecords';
import { useInFlight } from './useInFlight';

type SourceField = 'code' | 'name' | 'kind' | 'donor';

const byCode = (a: Source, b: Source) => byText(a.code, b.code);

function explainSourceRefusal(t: TFunction, error: AppError): Refusal<SourceField> {
  const paths = refusedFields(error);
  if (paths) {
    const fields: Refusal<SourceField>['fields'] = {};
    for (const path of paths) {
      if (path === 'code') fields.code = t('catalog.sources.errors.code');
      if (path === 'name') fields.name = t('catalog.sources.errors.name');
      if (path === 'donorId') fields.donor = t('catalog.sources.errors.donor');
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  switch (error.code) {
    case 'duplicate-code':
      return {
        fields: { code: t('catalog.sources.errors.duplicateCode', { code: refusalDetail(error, 'code') ?? '' }) },
        form: null,
      };
    case 'has-movements':
      return { fields: { kind: t('catalog.sources.errors.moved') }, form: null };
    case 'wrong-party-kind':
    case 'inactive':
    case 'not-found':
      return { fields: { donor: errorText(t, error) }, form: null };
    default:
      return { fields: {}, form: t('catalog.saveFailed', { reason: errorText(t, error) }) };
  }
}

interface SourceDialogProps {
  open: boolean;
  source: Source | null;
  onClose(): void;
  onSaved(source: Source, created: boolean): void;
}

/** Creating or changing a stock source; a donation names its donor, chosen from the donors. */
function SourceDialog({ open, source, onClose, onSaved }: SourceDialogProps) {
  const { t } = useTranslation();
  const donors = useChannel('catalog:list-parties', { kind: 'donor' });
  const [code, setCode] = useState(source?.code ?? '');
  const [name, setName] = useState(source?.name ?? '');
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? 'city');
  const [donorId, setDonorId] = useState(source?.donorId ?? '');
  const [active, setActive] = useState(source?.active ?? true);
  const [refusal, setRefusal] = useState<Refusal<SourceField>>(noRefusal);
  const { busy, run } = useInFlight();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, refusal);
  const formId = `catalog-source-form-${source?.id ?? 'new'}`;
  const donorList = donors.state.status === 'ok' ? donors.state.value : [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const result = await call('catalog:save-source', {
        ...(source ? { id: source.id } : {}),
        code,
        name,
        kind,
        donorId: kind === 'donation' && donorId !== '' ? donorId : null,
        active,
      });
      if (result.ok) onSaved(result.value, !source);
      else setRefusal(explainSourceRefusal(t, result.error));
    });
  }

  const problem = refusal.fields;
  return (
    <Dialog
      title={source ? t('catalog.sources.editTitle', { name: source.name }) : t('catalog.sources.createTitle')}
      open={open}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy ? t('catalog.saving') : t('common.actions.save')}
          </button>
        </>
      }
    >
      <form ref={form} id={formId} className="catalog-form-stack" noValidate onSubmit={(e) => void submit(e)}>
        <Field label={t('catalog.sources.code')} hint={t('catalog.sources.codeHint')} error={problem.code}>
          <input
            className="input catalog-code-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <Field label={t('catalog.sources.name')} error={problem.name}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label={t('catalog.sources.kind')} error={problem.kind}>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
            {sourceKinds.map((k) => (
              <option key={k} value={k}>
                {t(`common.sourceKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'donation' && (
          <Field
            label={t('catalog.sources.donor')}
            hint={
              donorList.length === 0 && donors.state.status === 'ok'
                ? t('catalog.sources.noDonors')
                : t('catalog.sources.donorHint')
            }
            error={problem.donor}
          >
            <select className="input" value={donorId} onChange={(e) => setDonorId(e.target.value)}>
              <option value="">{t('catalog.sources.chooseDonor')}</option>
              {donorList.map((d) => (
                <option key={d.id} value={d.id} disabled={!d.active && d.id !== donorId}>
                  {d.active ? d.name : `${d.name}（${t('catalog.inactive')}）`}
                </option>
              ))}
            </select>
          </Field>
        )}
        <label className="catalog-check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('catalog.activeLabel')}
        </label>
        {refusal.form && (
          <p className="notice-error" role="alert">
            {refusal.form}
          </p>
        )}
      </form>
    </Dialog>
  );
}

/** 物资来源: the owners stock is kept apart by (city, provincial, donation…), donors named. */
export function SourcesTab() {
  const { t } = useTranslation();
  const sources = useRecords('catalog:list-sources', byCode);
  const [dialog, setDialog] = useState<{ key: number; source: Source | null; open: boolean }>({
    key: 0,
    source: null,
    open: false,
  });
  const [announcement, setAnnouncement] = useState('');
  const open = (source: Source | null) => {
    setAnnouncement('');
    setDialog((d) => ({ key: d.key + 1, source, open: true }));
  };

  const toolbar = (
    <>
      <span className="catalog-count" role="status">
        {sources.rows ? t('catalog.count', { n: formatNumber(sources.rows.length) }) : ''}
      </span>
      <span className="catalog-announcement" role="status">
        {announcement}
      </span>
      <div className="catalog-toolbar-actions">
        <button type="button" className="button button-primary" onClick={() => open(null)}>
          {t('catalog.sources.create')}
        </button>
      </div>
    </>
  );

  return (
    <>
      <RecordsFrame
        toolbar={toolbar}
        rows={sources.rows}
        problem={sources.problem}
        emptyText={t('catalog.sources.empty')}
        onRetry={sources.reload}
      >
        <table className="catalog-table" aria-label={t('catalog.sources.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('catalog.sources.columns.code')}</th>
              <th scope="col">{t('catalog.sources.columns.name')}</th>
              <th scope="col">{t('catalog.sources.columns.kind')}</th>
              <th scope="col">{t('catalog.sources.columns.donor')}</th>
              <th scope="col">{t('catalog.sources.columns.active')}</th>
              <th scope="col">{t('catalog.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.rows?.map((s) => (
              <tr key={s.id}>
                <td className="catalog-code">{s.code}</td>
                <td>{s.name}</td>
                <td>{t(`common.sourceKinds.${s.kind}`)}</td>
                <td>{s.donorName ?? ''}</td>
                <ActiveCell active={s.active} />
                <EditCell name={s.name} onClick={() => open(s)} />
              </tr>
            ))}
          </tbody>
        </table>
      </RecordsFrame>
      <SourceDialog
        key={dialog.key}
        open={dialog.open}
        source={dialog.source}
        onClose={() => setDialog((d) => ({ ...d, open: false }))}
        onSaved={(source, created) => {
          sources.put(source);
          setDialog((d) => ({ ...d, open: false }));
          setAnnouncement(
            created
              ? t('catalog.sources.created', { name: source.name })
              : t('catalog.sources.saved', { name: source.name }),
          );
        }}
      />
    </>
  );
}
