import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSearchHit, Kit } from '../../../shared/contract';
import { call, errorText, useChannel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { ItemPicker } from '../../components/ItemPicker';
import { ActiveCell, EditCell, RecordsFrame } from '../catalog/RecordsFrame';
import './emergency.css';

interface DraftLine {
  itemId: string;
  label: string;
  unit: string;
  quantity: string;
}

function linesOf(kit: Kit | null): DraftLine[] {
  return (
    kit?.lines.map((l) => ({
      itemId: l.itemId,
      label: `${l.itemCode} ${l.itemName}`,
      unit: l.baseUnit,
      quantity: String(l.quantity),
    })) ?? []
  );
}

/** Creating or changing a kit: its code, name, barcode, and what one kit holds. */
function KitDialog({ kit, onClose, onSaved }: { kit: Kit | null; onClose(): void; onSaved(kit: Kit): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(kit?.code ?? '');
  const [name, setName] = useState(kit?.name ?? '');
  const [barcode, setBarcode] = useState(kit?.barcode ?? '');
  const [active, setActive] = useState(kit?.active ?? true);
  const [lines, setLines] = useState<DraftLine[]>(() => linesOf(kit));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = `kit-form-${kit?.id ?? 'new'}`;

  function add(hit: ItemSearchHit) {
    setRefusal(null);
    setLines((ls) =>
      ls.some((l) => l.itemId === hit.item.id)
        ? ls
        : [
            ...ls,
            { itemId: hit.item.id, label: `${hit.item.code} ${hit.item.name}`, unit: hit.item.baseUnit, quantity: '1' },
          ],
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = lines.map((l) => ({ itemId: l.itemId, quantity: Number(l.quantity) }));
    if (parsed.some((l) => !Number.isSafeInteger(l.quantity) || l.quantity < 1)) {
      setRefusal(t('emergency.kits.quantityInvalid'));
      return;
    }
    setBusy(true);
    const result = await call('kits:save', {
      ...(kit ? { id: kit.id } : {}),
      code: code.trim(),
      name: name.trim(),
      barcode: barcode.trim(),
      active,
      lines: parsed,
    });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setRefusal(t('catalog.saveFailed', { reason: errorText(t, result.error) }));
  }

  return (
    <Dialog
      title={kit ? t('emergency.kits.editTitle', { name: kit.name }) : t('emergency.kits.createTitle')}
      open
      wide
      onClose={() => {
        if (!busy) onClose();
      }}
      actions={
        <>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {t('emergency.kits.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="kit-form" onSubmit={submit} noValidate>
        <div className="kit-form-fields">
          <Field label={t('emergency.kits.code')}>
            <input
              className="input"
              maxLength={32}
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <Field label={t('emergency.kits.name')}>
            <input className="input" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label={t('emergency.kits.barcode')} hint={t('emergency.kits.barcodeHint')}>
            <input
              className="input"
              maxLength={80}
              autoComplete="off"
              spellCheck={false}
              value={barcode}
              onChange={(e) => setBarcode(e.target.value)}
            />
          </Field>
        </div>
        <table className="emergency-table kit-lines" aria-label={t('emergency.kits.contents')}>
          <caption>{t('emergency.kits.contents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('emergency.kits.item')}</th>
              <th scope="col" className="num">
                {t('emergency.kits.perKit')}
              </th>
              <th scope="col">
                <span className="scan-sr-only">{t('emergency.quick.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 && (
              <tr>
                <td colSpan={3} className="emergency-empty">
                  {t('emergency.kits.noLines')}
                </td>
              </tr>
            )}
            {lines.map((l) => (
              <tr key={l.itemId}>
                <td>{l.label}</td>
                <td className="num">
                  <input
                    className="input quick-qty"
                    inputMode="numeric"
                    aria-label={t('emergency.kits.quantityOf', { name: l.label })}
                    value={l.quantity}
                    onChange={(e) =>
                      setLines((ls) =>
                        ls.map((x) =>
                          x.itemId === l.itemId ? { ...x, quantity: e.target.value.replace(/\D/g, '') } : x,
                        ),
                      )
                    }
                  />{' '}
                  {l.unit}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('emergency.quick.remove', { name: l.label })}
                    onClick={() => setLines((ls) => ls.filter((x) => x.itemId !== l.itemId))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="kit-add">
          <ItemPicker label={t('emergency.kits.addItem')} value={null} onPick={add} />
        </div>
        <label className="catalog-check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('emergency.kits.activeLabel')}
        </label>
        {refusal && (
          <p className="notice-error" role="alert">
            {refusal}
          </p>
        )}
      </form>
    </Dialog>
  );
}

/** 包: predefined bundles dispatched as multiples (quick dispatch scans their barcode), with what each holds. */
export function KitsTab() {
  const { t } = useTranslation();
  const { state, reload } = useChannel('kits:list');
  const [editing, setEditing] = useState<{ kit: Kit | null; key: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const rows = state.status === 'ok' ? state.value : undefined;

  const toolbar = (
    <>
      <span className="catalog-count" role="status">
        {rows ? t('catalog.count', { n: formatNumber(rows.length) }) : ''}
      </span>
      <span className="catalog-announcement" role="status">
        {announcement}
      </span>
      <div className="catalog-toolbar-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setAnnouncement('');
            setEditing((e) => ({ kit: null, key: (e?.key ?? 0) + 1 }));
          }}
        >
          {t('emergency.kits.create')}
        </button>
      </div>
    </>
  );

  return (
    <>
      <RecordsFrame
        toolbar={toolbar}
        rows={rows}
        problem={state.status === 'error' ? state.error : null}
        emptyText={t('emergency.kits.empty')}
        onRetry={reload}
      >
        <table className="catalog-table" aria-label={t('emergency.kits.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('emergency.kits.code')}</th>
              <th scope="col">{t('emergency.kits.name')}</th>
              <th scope="col">{t('emergency.kits.barcode')}</th>
              <th scope="col">{t('emergency.kits.contents')}</th>
              <th scope="col">{t('catalog.parties.columns.active')}</th>
              <th scope="col">{t('catalog.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows?.map((k) => (
              <tr key={k.id}>
                <td className="catalog-nowrap">{k.code}</td>
                <td>{k.name}</td>
                <td className="catalog-nowrap">{k.barcode}</td>
                <td>{k.lines.map((l) => `${l.itemName} ${formatNumber(l.quantity)} ${l.baseUnit}`).join('、')}</td>
                <ActiveCell active={k.active} />
                <EditCell
                  name={k.name}
                  onClick={() => {
                    setAnnouncement('');
                    setEditing((e) => ({ kit: k, key: (e?.key ?? 0) + 1 }));
                  }}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </RecordsFrame>
      {editing && (
        <KitDialog
          key={editing.key}
          kit={editing.kit}
          onClose={() => setEditing(null)}
          onSaved={(kit) => {
            setEditing(null);
            reload();
            setAnnouncement(t('emergency.kits.saved', { name: kit.name }));
          }}
        />
      )}
    </>
  );
}
