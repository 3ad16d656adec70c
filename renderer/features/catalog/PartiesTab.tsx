import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Party } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { partyKinds, type PartyKind } from './kinds';
import { ActiveCell, EditCell, RecordsFrame } from './RecordsFrame';
import { noRefusal, refusedFields, useFocusFirstInvalid, type Refusal } from './refusal';
import { byText, useRecords } from './useRecords';
import { useInFlight } from './useInFlight';

type PartyField = 'name' | 'contact' | 'phone' | 'address';

/** The backend's order: by kind, then name. */
const byKindThenName = (a: Party, b: Party) => byText(a.kind, b.kind) || byText(a.name, b.name);

function explainPartyRefusal(t: TFunction, error: AppError, kind: PartyKind, name: string): Refusal<PartyField> {
  const paths = refusedFields(error);
  if (paths) {
    const fields: Refusal<PartyField>['fields'] = {};
    for (const path of paths) {
      if (path === 'name') fields.name = t('catalog.parties.errors.name');
      if (path === 'contact') fields.contact = t('catalog.parties.errors.contact');
      if (path === 'phone') fields.phone = t('catalog.parties.errors.phone');
      if (path === 'address') fields.address = t('catalog.parties.errors.address');
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  if (error.code === 'duplicate-code') {
    return {
      fields: {
        name: t('catalog.parties.errors.duplicateName', { kind: t(`common.partyKinds.${kind}`), name: name.trim() }),
      },
      form: null,
    };
  }
  return { fields: {}, form: t('catalog.saveFailed', { reason: errorText(t, error) }) };
}

interface PartyDialogProps {
  open: boolean;
  party: Party | null;
  /** The kind a new party starts as (the kind the list shows). */
  initialKind: PartyKind;
  onClose(): void;
  onSaved(party: Party, created: boolean): void;
}

/** Creating or changing a party: receiving unit, supplier, donor or issuing unit, with how to reach it. */
function PartyDialog({ open, party, initialKind, onClose, onSaved }: PartyDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PartyKind>(party?.kind ?? initialKind);
  const [name, setName] = useState(party?.name ?? '');
  const [contact, setContact] = useState(party?.contact ?? '');
  const [phone, setPhone] = useState(party?.phone ?? '');
  const [address, setAddress] = useState(party?.address ?? '');
  const [active, setActive] = useState(party?.active ?? true);
  const [refusal, setRefusal] = useState<Refusal<PartyField>>(noRefusal);
  const { busy, run } = useInFlight();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, refusal);
  const formId = `catalog-party-form-${party?.id ?? 'new'}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const result = await call('catalog:save-party', {
        ...(party ? { id: party.id } : {}),
        kind,
        name,
        contact,
        phone,
        address,
        active,
      });
      if (result.ok) onSaved(result.value, !party);
      else setRefusal(explainPartyRefusal(t, result.error, kind, name));
    });
  }

  const problem = refusal.fields;
  return (
    <Dialog
      title={party ? t('catalog.parties.editTitle', { name: party.name }) : t('catalog.parties.createTitle')}
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
        <Field label={t('catalog.parties.kind')}>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as PartyKind)}>
            {partyKinds.map((k) => (
              <option key={k} value={k}>
                {t(`common.partyKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.parties.name')} error={problem.name}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <div className="catalog-form-pair">
          <Field label={t('catalog.parties.contact')} error={problem.contact}>
            <input
              className="input"
              type="text"
              autoComplete="off"
              maxLength={50}
              value={contact}
              onChange={(e) => setContact(e.target.value)}
            />
          </Field>
          <Field label={t('catalog.parties.phone')} error={problem.phone}>
            <input
              className="input"
              type="tel"
              autoComplete="off"
              maxLength={30}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </Field>
        </div>
        <Field label={t('catalog.parties.address')} error={problem.address}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </Field>
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

/** 往来单位: receiving units, suppliers, donors and issuing units, shown all or by kind. */
export function PartiesTab() {
  const { t } = useTranslation();
  const parties = useRecords('catalog:list-parties', byKindThenName);
  const [filter, setFilter] = useState<PartyKind | 'all'>('all');
  const [dialog, setDialog] = useState<{ key: number; party: Party | null; open: boolean }>({
    key: 0,
    party: null,
    open: false,
  });
  const [announcement, setAnnouncement] = useState('');
  const shown = useMemo(
    () => parties.rows?.filter((p) => filter === 'all' || p.kind === filter),
    [parties.rows, filter],
  );
  const open = (party: Party | null) => {
    setAnnouncement('');
    setDialog((d) => ({ key: d.key + 1, party, open: true }));
  };

  const toolbar = (
    <>
      <fieldset className="catalog-segments">
        <legend className="catalog-toolbar-label">{t('catalog.parties.filter')}</legend>
        {(['all', ...partyKinds] as const).map((k) => (
          <label key={k} className="catalog-segment">
            <input type="radio" name="party-filter" checked={filter === k} onChange={() => setFilter(k)} />
            <span>{k === 'all' ? t('catalog.parties.all') : t(`common.partyKinds.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <span className="catalog-count" role="status">
        {shown ? t('catalog.count', { n: formatNumber(shown.length) }) : ''}
      </span>
      <span className="catalog-announcement" role="status">
        {announcement}
      </span>
      <div className="catalog-toolbar-actions">
        <button type="button" className="button button-primary" onClick={() => open(null)}>
          {t('catalog.parties.create')}
        </button>
      </div>
    </>
  );

  return (
    <>
      <RecordsFrame
        toolbar={toolbar}
        rows={shown}
        problem={parties.problem}
        emptyText={parties.rows?.length ? t('catalog.parties.emptyKind') : t('catalog.parties.empty')}
        onRetry={parties.reload}
      >
        <table className="catalog-table" aria-label={t('catalog.parties.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('catalog.parties.columns.kind')}</th>
              <th scope="col">{t('catalog.parties.columns.name')}</th>
              <th scope="col">{t('catalog.parties.columns.contact')}</th>
              <th scope="col">{t('catalog.parties.columns.phone')}</th>
              <th scope="col">{t('catalog.parties.columns.address')}</th>
              <th scope="col">{t('catalog.parties.columns.active')}</th>
              <th scope="col">{t('catalog.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown?.map((p) => (
              <tr key={p.id}>
                <td className="catalog-nowrap">{t(`common.partyKinds.${p.kind}`)}</td>
                <td>{p.name}</td>
                <td>{p.contact}</td>
                <td className="catalog-nowrap">{p.phone}</td>
                <td>{p.address}</td>
                <ActiveCell active={p.active} />
                <EditCell name={p.name} onClick={() => open(p)} />
              </tr>
            ))}
          </tbody>
        </table>
      </RecordsFrame>
      <PartyDialog
        key={dialog.key}
        open={dialog.open}
        party={dialog.party}
        initialKind={filter === 'all' ? 'receiving_unit' : filter}
        onClose={() => setDialog((d) => ({ ...d, open: false }))}
        onSaved={(party, created) => {
          parties.put(party);
          setDialog((d) => ({ ...d, open: false }));
          setAnnouncement(
            created
              ? t('catalog.parties.created', { kind: t(`common.partyKinds.${party.kind}`), name: party.name })
              : t('catalog.parties.saved', { name: party.name }),
          );
        }}
      />
    </>
  );
}
