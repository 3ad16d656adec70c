import { useTranslation } from 'react-i18next';
import { errorText, useChannel } from '../../api/client';
import { Field } from '../../components/Field';

interface LocationSelectProps {
  label: string;
  value: string;
  /** The chosen location's id and code ('' and '' when none). */
  onChange(locationId: string, code: string): void;
  /** A location that cannot be chosen (where the goods already are). */
  exclude?: string;
  error?: string | null;
  disabled?: boolean;
}

/** The depot's active locations (zones and slots) by code, loaded when the select is shown. */
export function LocationSelect({ label, value, onChange, exclude, error, disabled }: LocationSelectProps) {
  const { t } = useTranslation();
  const { state } = useChannel('catalog:list-locations');
  const locations =
    state.status === 'ok'
      ? state.value.filter((l) => l.active && l.id !== exclude).sort((a, b) => a.code.localeCompare(b.code, 'en'))
      : [];
  let problem = error ?? null;
  if (state.status === 'error') problem = t('stock.transfer.loadFailed', { reason: errorText(t, state.error) });

  return (
    <Field label={label} error={problem}>
      <select
        className="input"
        value={value}
        disabled={disabled || state.status !== 'ok'}
        onChange={(e) => onChange(e.target.value, locations.find((l) => l.id === e.target.value)?.code ?? '')}
      >
        <option value="">
          {state.status === 'loading' ? t('stock.transfer.loading') : t('stock.transfer.choose')}
        </option>
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name && l.name !== l.code ? `${l.code} ${l.name}` : l.code}
          </option>
        ))}
      </select>
    </Field>
  );
}
