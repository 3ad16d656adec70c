import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Location } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { locationKinds, type LocationKind } from './kinds';
import { ActiveCell, EditCell, RecordsFrame } from './RecordsFrame';
import { useLabelsDialog } from '../labels/useLabelsDialog';
import { noRefusal, refusalDetail, refusedFields, useFocusFirstInvalid, type Refusal } from './refusal';
import { byText, useRecords } from './useRecords';
import { useInFlight } from './useInFlight';

type LocationField = 'code' | 'name' | 'zone';

const byCode = (a: Location, b: Location) => byText(a.code, b.code);

function explainLocationRefusal(t: TFunction, error: AppError): Refusal<LocationField> {
  const paths = refusedFields(error);
  if (paths) {
    const fields: Refusal<LocationField>['fields'] = {};
    for (const path of paths) {
      if (path === 'code') fields.code = t('catalog.locations.errors.code');
      if (path === 'name') fields.name = t('catalog.locations.errors.name');
      if (path === 'zoneId') fields.zone = t('catalog.locations.errors.zone');
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  if (error.code === 'duplicate-code') {
    return {
      fields: { code: t('catalog.locations.errors.duplicateCode', { code: refusalDetail(error, 'code') ?? '' }) },
      form: null,
    };
  }
  if (error.code === 'not-found' && refusalDetail(error, 'entity') === 'location') {
    return { fields: { zone: errorText(t, error) }, form: null };
  }
  return { fields: {}, form: t('catalog.saveFailed', { reason: errorText(t, error) }) };
}

/** Zones, each followed by its slots; slots whose zone is unknown come last. */
function zonesThenSlots(rows: Location[]): { location: Location; zone: Location | null }[] {
  const zones = rows.filter((l) => l.kind === 'zone');
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const placed = new Set<string>();
  const ordered: { location: Location; zone: Location | null }[] = [];
  for (const zone of zones) {
    ordered.push({ location: zone, zone: null });
    for (const slot of rows.filter((l) => l.kind === 'slot' && l.zoneId === zone.id)) {
      ordered.push({ location: slot, zone });
      placed.add(slot.id);
    }
  }
  for (const slot of rows.filter((l) => l.kind === 'slot' && !placed.has(l.id))) {
    ordered.push({ location: slot, zone: slot.zoneId ? (zoneById.get(slot.zoneId) ?? null) : null });
  }
  return ordered;
}

interface LocationDialogProps {
  open: boolean;
  location: Location | null;
  zones: Location[];
  onClose(): void;
  onSaved(location: Location, created: boolean): void;
}

/** Creating or changing a zone or a slot; a slot sits in a zone. */
function LocationDialog({ open, location, zones, onClose, onSaved }: LocationDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LocationKind>(location?.kind ?? (zones.length > 0 ? 'slot' : 'zone'));
  const [code, setCode] = useState(location?.code ?? '');
  const [name, setName] = useState(location?.name ?? '');
  const [zoneId, setZoneId] = useState(location?.zoneId ?? zones[0]?.id ?? '');
  const [active, setActive] = useState(location?.active ?? true);
  const [refusal, setRefusal] = useState<Refusal<LocationField>>(noRefusal);
  const { busy, run } = useInFlight();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, refusal);
  const formId = `catalog-location-form-${location?.id ?? 'new'}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const result = await call('catalog:save-location', {
        ...(location ? { id: location.id } : {}),
        code,
        name,
        kind,
        zoneId: kind === 'slot' && zoneId !== '' ? zoneId : null,
        active,
      });
      if (result.ok) onSaved(result.value, !location);
      else setRefusal(explainLocationRefusal(t, result.error));
    });
  }

  const problem = refusal.fields;
  const title = location
    ? t('catalog.locations.editTitle', { kind: t(`common.locationKinds.${location.kind}`), code: location.code })
    : t('catalog.locations.createTitle');
  return (
    <Dialog
      title={title}
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
        <fieldset className="catalog-radios">
          <legend className="field-label">{t('catalog.locations.kind')}</legend>
          {locationKinds.map((k) => (
            <label key={k}>
              <input type="radio" name="location-kind" checked={kind === k} onChange={() => setKind(k)} />
              {t(`common.locationKinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('catalog.locations.code')} hint={t('catalog.locations.codeHint')} error={problem.code}>
          <input
            className="input catalog-code-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            value={code}
            // Codes are printed on slot cards in capitals; typing them in lower case is no mistake.
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
        </Field>
        <Field label={t('catalog.locations.name')} error={problem.name}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        {kind === 'slot' && (
          <Field label={t('catalog.locations.zone')} error={problem.zone}>
            <select className="input" value={zoneId} onChange={(e) => setZoneId(e.target.value)}>
              <option value="">{t('catalog.locations.noZone')}</option>
              {zones
                .filter((z) => z.id !== location?.id)
                .map((z) => (
                  <option key={z.id} value={z.id}>
                    {z.code} {z.name}
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

/** 库区货位: zones and the slots in them, as the slot cards name them. */
export function LocationsTab() {
  const { t } = useTranslation();
  const locations = useRecords('catalog:list-locations', byCode);
  const [dialog, setDialog] = useState<{ key: number; location: Location | null; open: boolean }>({
    key: 0,
    location: null,
    open: false,
  });
  const [announcement, setAnnouncement] = useState('');
  const ordered = useMemo(() => zonesThenSlots(locations.rows ?? []), [locations.rows]);
  const zones = useMemo(() => (locations.rows ?? []).filter((l) => l.kind === 'zone'), [locations.rows]);
  const labels = useLabelsDialog();
  const open = (location: Location | null) => {
    setAnnouncement('');
    setDialog((d) => ({ key: d.key + 1, location, open: true }));
  };

  const toolbar = (
    <>
      <span className="catalog-count" role="status">
        {locations.rows ? t('catalog.count', { n: formatNumber(locations.rows.length) }) : ''}
      </span>
      <span className="catalog-announcement" role="status">
        {announcement}
      </span>
      <div className="catalog-toolbar-actions">
        <button
          type="button"
          className="button button-quiet"
          disabled={ordered.length === 0}
          onClick={() =>
            labels.show({ kind: 'locations', entries: ordered.map(({ location }) => ({ id: location.id })) })
          }
        >
          {t('labels.actions.allLocationLabels')}
        </button>
        <button type="button" className="button button-primary" onClick={() => open(null)}>
          {t('catalog.locations.create')}
        </button>
      </div>
    </>
  );

  return (
    <>
      <RecordsFrame
        toolbar={toolbar}
        rows={locations.rows}
        problem={locations.problem}
        emptyText={t('catalog.locations.empty')}
        onRetry={locations.reload}
      >
        <table className="catalog-table" aria-label={t('catalog.locations.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('catalog.locations.columns.code')}</th>
              <th scope="col">{t('catalog.locations.columns.name')}</th>
              <th scope="col">{t('catalog.locations.columns.kind')}</th>
              <th scope="col">{t('catalog.locations.columns.zone')}</th>
              <th scope="col">{t('catalog.locations.columns.active')}</th>
              <th scope="col">{t('catalog.actions')}</th>
              <th scope="col">{t('labels.actions.column')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map(({ location: l, zone }) => (
              <tr key={l.id} className={l.kind === 'zone' ? 'catalog-zone-row' : undefined}>
                <td className={l.kind === 'slot' ? 'catalog-code catalog-indent-1' : 'catalog-code'}>{l.code}</td>
                <td>{l.name}</td>
                <td>{t(`common.locationKinds.${l.kind}`)}</td>
                <td>{zone ? `${zone.code} ${zone.name}` : ''}</td>
                <ActiveCell active={l.active} />
                <EditCell name={`${l.code} ${l.name}`} onClick={() => open(l)} />
                <td className="catalog-table-action">
                  <button
                    type="button"
                    className="button button-quiet catalog-small-button"
                    aria-label={t('labels.actions.locationLabelsOf', { code: l.code })}
                    onClick={() => labels.show({ kind: 'locations', entries: [{ id: l.id }] })}
                  >
                    {t('labels.actions.itemLabels')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </RecordsFrame>
      {labels.dialog}
      <LocationDialog
        key={dialog.key}
        open={dialog.open}
        location={dialog.location}
        zones={zones}
        onClose={() => setDialog((d) => ({ ...d, open: false }))}
        onSaved={(location, created) => {
          locations.put(location);
          setDialog((d) => ({ ...d, open: false }));
          const values = {
            kind: t(`common.locationKinds.${location.kind}`),
            code: location.code,
            name: location.name,
          };
          setAnnouncement(created ? t('catalog.locations.created', values) : t('catalog.locations.saved', values));
        }}
      />
    </>
  );
}
