import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../shared/contract';
import { Field } from '../../components/Field';
import {
  dispatchKindOptions,
  responseLevelOptions,
  type DispatchForm,
  type DispatchKind,
  type HeaderField,
  type ResponseLevel,
  type Transport,
} from './dispatchForm';
import { ReceivingUnitPicker } from './ReceivingUnitPicker';

interface DispatchHeaderProps {
  form: DispatchForm;
  todayDate: string;
  units: Party[];
  issuers: Party[];
  /** Shown problems per field. */
  problems: Partial<Record<HeaderField, string>>;
  onChange(patch: Partial<DispatchForm>): void;
  onLeaveField(field: HeaderField): void;
  /** Enter on the last header field: on to the first line. */
  onEnterPastLast(): void;
}

const transportModes = ['road', 'rail', 'air', 'water', 'pickup'] as const;

/** The class a header field's wrapper carries, so a refusal can take the keeper to it. */
export function headerFieldClass(field: HeaderField | 'kind'): string {
  return `dispatch-field-${field}`;
}

/** The slip's header: kind, receiving unit, order, emergency path, incident, transport, date, remarks. */
export function DispatchHeader({
  form,
  todayDate,
  units,
  issuers,
  problems,
  onChange,
  onLeaveField,
  onEnterPastLast,
}: DispatchHeaderProps) {
  const { t } = useTranslation();
  const issuersListId = useId();
  const modesListId = useId();
  const emergencyId = useId();

  const transport = (patch: Partial<Transport>) => onChange({ transport: { ...form.transport, ...patch } });

  // Enter moves on like Tab, so a keeper can run down the slip without the mouse.
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    const fields = Array.from(
      event.currentTarget.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'),
    ).filter((f) => !f.disabled);
    const next = fields[fields.indexOf(target) + 1];
    if (next) next.focus();
    else onEnterPastLast();
  }

  const pendingPaperwork = form.emergency && form.orderNo.trim() === '';

  return (
    <section className="dispatch-header" aria-label={t('dispatch.header.label')} onKeyDown={onKeyDown}>
      <div className="dispatch-header-grid">
        <Field label={t('dispatch.header.kind')} className={headerFieldClass('kind')}>
          <select
            className="input"
            value={form.kind}
            onChange={(e) => onChange({ kind: e.target.value as DispatchKind })}
          >
            {dispatchKindOptions.map((k) => (
              <option key={k} value={k}>
                {t(`common.dispatchKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('dispatch.header.receivingUnit')}
          error={problems.receivingUnitId}
          className={`dispatch-span-2 ${headerFieldClass('receivingUnitId')}`}
        >
          <ReceivingUnitPicker
            units={units}
            value={form.receivingUnitId}
            onChange={(receivingUnitId) => onChange({ receivingUnitId })}
            onBlur={() => onLeaveField('receivingUnitId')}
          />
        </Field>
        <div className="dispatch-span-2 dispatch-emergency-field">
          <input
            id={emergencyId}
            type="checkbox"
            className="dispatch-checkbox"
            checked={form.emergency}
            onChange={(e) => onChange({ emergency: e.target.checked })}
          />
          <label htmlFor={emergencyId}>{t('dispatch.header.emergency')}</label>
        </div>
        <Field label={t('dispatch.header.docDate')} error={problems.docDate} className={headerFieldClass('docDate')}>
          <input
            className="input dispatch-date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            placeholder={t('dispatch.header.datePlaceholder')}
            value={form.docDate ?? todayDate}
            onChange={(e) => onChange({ docDate: e.target.value.trim() })}
            onBlur={() => onLeaveField('docDate')}
          />
        </Field>

        <Field label={t('dispatch.header.orderNo')} error={problems.orderNo} className={headerFieldClass('orderNo')}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={64}
            placeholder={t('dispatch.header.orderNoPlaceholder')}
            value={form.orderNo}
            onChange={(e) => onChange({ orderNo: e.target.value })}
            onBlur={() => onLeaveField('orderNo')}
          />
        </Field>
        <Field label={t('dispatch.header.orderIssuer')} className={headerFieldClass('orderIssuer')}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={100}
            list={issuersListId}
            value={form.orderIssuer}
            onChange={(e) => onChange({ orderIssuer: e.target.value })}
          />
        </Field>
        <Field
          label={t('dispatch.header.orderDate')}
          error={problems.orderDate}
          className={headerFieldClass('orderDate')}
        >
          <input
            className="input dispatch-date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            placeholder={t('dispatch.header.datePlaceholder')}
            value={form.orderDate}
            onChange={(e) => onChange({ orderDate: e.target.value.trim() })}
            onBlur={() => onLeaveField('orderDate')}
          />
        </Field>
        <Field
          label={t('dispatch.header.incidentName')}
          className={`dispatch-span-2 ${headerFieldClass('incidentName')}`}
        >
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={form.incidentName}
            onChange={(e) => onChange({ incidentName: e.target.value })}
          />
        </Field>
        <Field label={t('dispatch.header.responseLevel')}>
          <select
            className="input"
            value={form.responseLevel}
            onChange={(e) => onChange({ responseLevel: e.target.value as ResponseLevel | '' })}
          >
            <option value="">{t('dispatch.header.responseLevelNone')}</option>
            {responseLevelOptions.map((level) => (
              <option key={level} value={level}>
                {t(`common.responseLevels.${level}`)}
              </option>
            ))}
          </select>
        </Field>

        <Field label={t('dispatch.header.transportMode')}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={30}
            list={modesListId}
            value={form.transport.mode}
            onChange={(e) => transport({ mode: e.target.value })}
          />
        </Field>
        <Field label={t('dispatch.header.carrier')}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={form.transport.carrier}
            onChange={(e) => transport({ carrier: e.target.value })}
          />
        </Field>
        <Field label={t('dispatch.header.plateNo')}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={20}
            value={form.transport.plateNo}
            onChange={(e) => transport({ plateNo: e.target.value.toUpperCase() })}
          />
        </Field>
        <Field label={t('dispatch.header.driver')}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={50}
            value={form.transport.driver}
            onChange={(e) => transport({ driver: e.target.value })}
          />
        </Field>
        <Field
          label={t('dispatch.header.driverPhone')}
          error={problems.driverPhone}
          className={headerFieldClass('driverPhone')}
        >
          <input
            className="input"
            type="tel"
            autoComplete="off"
            maxLength={30}
            value={form.transport.driverPhone}
            onChange={(e) => transport({ driverPhone: e.target.value })}
            onBlur={() => onLeaveField('driverPhone')}
          />
        </Field>
        <Field label={t('dispatch.header.remarks')}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={500}
            value={form.remarks}
            onChange={(e) => onChange({ remarks: e.target.value })}
          />
        </Field>
      </div>
      {form.emergency && (
        <p
          className={pendingPaperwork ? 'dispatch-emergency' : 'dispatch-emergency dispatch-emergency-filed'}
          role="status"
        >
          {pendingPaperwork ? t('dispatch.header.emergencyNotice') : t('dispatch.header.emergencyWithOrder')}
        </p>
      )}
      {units.length === 0 && <p className="dispatch-muted">{t('dispatch.header.noReceivingUnits')}</p>}
      <datalist id={issuersListId}>
        {issuers.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <datalist id={modesListId}>
        {transportModes.map((m) => (
          <option key={m} value={t(`dispatch.header.transportModes.${m}`)} />
        ))}
      </datalist>
    </section>
  );
}
