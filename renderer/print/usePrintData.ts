/**
 * What a print view reads from one channel: null while it loads; a refusal becomes the view's failure with
 * the translated reason. A null input waits (the view found its target unusable and said so itself). The
 * input is compared by value, so a view may build it where it renders.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiChannel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { call, errorText } from '../api/client';

export function usePrintData<C extends ApiChannel>(
  channel: C,
  input: ChannelInput<C> | null,
  failed: (reason: string) => void,
): ChannelOutput<C> | null {
  const { t } = useTranslation();
  const [data, setData] = useState<ChannelOutput<C> | null>(null);
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void call(channel, JSON.parse(key) as ChannelInput<C>).then((result) => {
      if (!live) return;
      if (result.ok) setData(result.value);
      else failed(t('print.loadFailed', { reason: errorText(t, result.error) }));
    });
    return () => {
      live = false;
    };
  }, [channel, key, failed, t]);
  return data;
}
