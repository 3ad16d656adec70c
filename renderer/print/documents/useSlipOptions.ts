/**
 * What every document print view reads from its route besides the record: the copies and reprint
 * number (a bad value reaches the print route as a translated reason, never a wrong print), and the
 * moment the view was drawn — the print time on every page of every copy.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slipOptions, type SlipOptions } from '../../../shared/print/slipOptions';
import { useDepot } from '../../app/depot';
import { formatDateTime } from '../../components/format';

export function useSlipOptions(
  params: Readonly<Record<string, string>>,
  failed: (reason: string) => void,
): { options: SlipOptions | null; printedAt: string } {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const [printedAt] = useState(() => formatDateTime(new Date().toISOString()));
  const options = useMemo(() => slipOptions(t, params, settings.printing), [t, params, settings.printing]);
  const optionError = 'error' in options ? options.error : null;
  useEffect(() => {
    if (optionError) failed(optionError);
  }, [optionError, failed]);
  return { options: 'error' in options ? null : options, printedAt };
}
