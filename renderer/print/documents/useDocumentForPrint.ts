/**
 * Loads a posted document for a print view and checks it is the kind the view prints; a refusal or a
 * wrong kind reaches the print route as a translated reason (never a blank page that prints).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, DocumentKind } from '../../../shared/contract';
import { call, errorText } from '../../api/client';

export function useDocumentForPrint(
  id: string,
  kind: DocumentKind,
  failed: (reason: string) => void,
): DocumentDetail | null {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  useEffect(() => {
    let live = true;
    void call('documents:get', { id }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        failed(t('print.loadFailed', { reason: errorText(t, result.error) }));
      } else if (result.value.kind !== kind) {
        failed(
          t('printDocuments.page.wrongKind', {
            number: result.value.number,
            expected: t(`common.documentKinds.${kind}`),
          }),
        );
      } else {
        setDoc(result.value);
      }
    });
    return () => {
      live = false;
    };
  }, [id, kind, failed, t]);
  return doc;
}
