/**
 * The page at `#/print/<kind>/<target>?paper=…`: one print view alone, without the app frame. The
 * Electron print glue loads it in a hidden window and prints or saves it as PDF; the tests render it
 * with Playwright's page.pdf; the in-app preview shows the same view. When the view has drawn
 * everything, <html data-print-ready="true"> tells them to go; "failed" carries a translated reason.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintTarget } from '../../shared/print/jobs';
import { pageRule, papers } from '../../shared/print/papers';
import { loadBarcodeEncoder } from '../components/Barcode';
import { printViews } from './registry';
import './print.css';

type PrintState = 'drawing' | 'ready' | 'failed';

function announce(state: PrintState) {
  document.documentElement.dataset.printState = state;
  document.documentElement.dataset.printReady = state === 'ready' ? 'true' : 'false';
}

export function PrintRoute({ job }: { job: PrintTarget & { params: Record<string, string> } }) {
  const { t } = useTranslation();
  const [encoderLoaded, setEncoderLoaded] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const paper = papers[job.paper];
  const View = printViews[job.kind];

  useEffect(() => {
    document.body.classList.add('print-body');
    announce('drawing');
    void loadBarcodeEncoder().then(() => setEncoderLoaded(true));
    return () => document.body.classList.remove('print-body');
  }, []);

  const ready = useCallback(() => announce('ready'), []);
  const failed = useCallback((reason: string) => {
    setFailure(reason);
    announce('failed');
  }, []);

  useEffect(() => {
    if (!View) announce('failed');
  }, [View]);

  if (failure !== null || !View) {
    return (
      <p className="print-message" role="alert">
        {failure ?? t('print.unknownKind', { kind: job.kind })}
      </p>
    );
  }
  if (!encoderLoaded) return null;
  return (
    <div className="print-root">
      <style>{pageRule(paper)}</style>
      <View target={job.target} paper={paper} params={job.params} ready={ready} failed={failed} />
    </div>
  );
}
