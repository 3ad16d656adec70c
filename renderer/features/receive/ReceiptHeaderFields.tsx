import { useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Party, Source } from '../../../shared/contract';
import '../../components/field.css';
import { moveOnEnter } from './keyboardFlow';
import {
  headerFieldId,
  maxLength,
  partyKindFor,
  supplyKinds,
  tidyDate,
  type HeaderField,
  type ReceiptHeader,
  type SupplyKind,
} from './receiptForm';

interface ReceiptHeaderFieldsProps {
  header: ReceiptHeader;
  /** The sources this kind of receipt may go into. */
  sources: Source[];
  /** The chosen source, for its donor. */
  source: Source | null;
  /** Parties of the kind this receipt names (supplier, issuing unit, donor). */
  parties: Party[];
  /** A sentence per field that cannot be posted as it is. */
  messages: Partial<Record<HeaderField, string>>;
  onKind(kind: SupplyKind): void;
  onSource(sourceId: string): void;
  onChange(patch: Partial<ReceiptHeader>): void;
  /** Enter in the last header field: on to the first line. */
  onPastEnd(): void;
}

/** The receipt's header: kind, source (with the donor of a donation), party, date and remarks. */
export function ReceiptHeaderFields({
  header,
  sources,
  source,
  parties,
  messages,
  onKind,
  onSource,
  onChange,
  onPastEnd,
}: ReceiptHeaderFieldsProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLFieldSetElement>(null);
  const partyKind = partyKindFor[header.kind];

  return (
    <fieldset
      ref={container}
      className="receive-header"
      onKeyDown={(e) => container.current && moveOnEnter(e, container.current, onPastEnd)}
    >
      <legend className="receive-sr-only">{t('receive.header.legend')}</legend>
      <LabelledField field="kind" label={t('receive.header.kind')} error={messages.kind}>
        {(props) => (
          <select
            {...props}
            className="input"
            value={header.kind}
            onChange={(e) => onKind(e.target.value as SupplyKind)}
          >
            {supplyKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`common.receiptKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </LabelledField>

      <LabelledField
        field="sourceId"
        label={t('receive.header.source')}
        error={messages.sourceId ?? (sources.length === 0 ? t('receive.header.noSources') : undefined)}
      >
        {(props) => (
          <select
            {...props}
            className="input"
            aria-required="true"
            value={header.sourceId}
            onChange={(e) => onSource(e.target.value)}
          >
            <option value="">{t('receive.header.sourcePlaceholder')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </LabelledField>

      {header.kind === 'donation' ? (
        <div className="field receive-header-partyId">
          <span className="field-label" id="receipt-header-donor-label">
            {t('receive.header.donor')}
          </span>
          <output className="receive-donor" aria-labelledby="receipt-header-donor-label">
            {source?.donorName ?? t('receive.header.donorUnknown')}
          </output>
        </div>
      ) : (
        <LabelledField field="partyId" label={t(`common.partyKinds.${partyKind}`)} error={messages.partyId}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={header.partyId}
              onChange={(e) => onChange({ partyId: e.target.value })}
            >
              <option value="">{t('receive.header.partyNone')}</option>
              {parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
      )}

      <LabelledField field="docDate" label={t('receive.header.docDate')} error={messages.docDate}>
        {(props) => (
          <input
            {...props}
            className="input receive-date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            placeholder={t('receive.header.datePlaceholder')}
            value={header.docDate}
            onChange={(e) => onChange({ docDate: e.target.value })}
            onBlur={(e) =>
              tidyDate(e.target.value) !== e.target.value && onChange({ docDate: tidyDate(e.target.value) })
            }
          />
        )}
      </LabelledField>

      <LabelledField field="remarks" label={t('receive.header.remarks')} error={messages.remarks}>
        {(props) => (
          <input
            {...props}
            className="input"
            type="text"
            autoComplete="off"
            maxLength={maxLength.headerRemarks}
            value={header.remarks}
            onChange={(e) => onChange({ remarks: e.target.value })}
          />
        )}
      </LabelledField>
    </fieldset>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface LabelledFieldProps {
  field: HeaderField;
  label: string;
  error?: string | undefined;
  children(props: ControlProps): ReactElement;
}

/**
 * A header field with a stable id (focus after a refusal, links from the problem list): the label
 * names the control, and a refusal below it is tied to it and announced.
 */
function LabelledField({ field, label, error, children }: LabelledFieldProps) {
  const id = headerFieldId(field);
  const errorId = `${id}-error`;
  return (
    <div className={`field receive-header-${field}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
