import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column, GridApi } from 'ag-grid-community';
import { Dialog } from '../../components/Dialog';
import type { InventoryLine } from './inventoryLines';

interface ColumnSettingsDialogProps {
  api: GridApi<InventoryLine> | null;
  open: boolean;
  onClose(): void;
}

const isLocked = (column: Column) => Boolean(column.getColDef().lockPosition);

/**
 * Which inventory columns show, and in what order: a keyboard-friendly alternative to dragging headers
 * (community ag-grid has no column tool panel). Each change goes straight to the grid, which saves it.
 */
export function ColumnSettingsDialog({ api, open, onClose }: ColumnSettingsDialogProps) {
  const { t } = useTranslation();
  // The grid holds the truth; a change here re-reads it.
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const columns = api && !api.isDestroyed() ? api.getAllGridColumns() : [];

  function move(column: Column, by: -1 | 1) {
    if (!api) return;
    const index = columns.indexOf(column);
    const target = columns[index + by];
    if (!target || isLocked(target)) return;
    api.moveColumns([column.getColId()], index + by);
    refresh();
  }

  return (
    <Dialog
      title={t('inventory.columnsDialog.title')}
      open={open}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('inventory.columnsDialog.done')}
        </button>
      }
    >
      <p className="column-settings-hint">{t('inventory.columnsDialog.hint')}</p>
      <ul className="column-settings" aria-label={t('inventory.columnsDialog.listLabel')}>
        {columns.map((column, index) => {
          const name = api?.getDisplayNameForColumn(column, 'header') ?? column.getColId();
          const locked = isLocked(column);
          const before = columns[index - 1];
          const after = columns[index + 1];
          return (
            <li key={column.getColId()} className="column-settings-row">
              <label className="column-settings-name">
                <input
                  type="checkbox"
                  checked={column.isVisible()}
                  disabled={Boolean(column.getColDef().lockVisible)}
                  aria-label={t('inventory.columnsDialog.show', { column: name })}
                  onChange={(e) => {
                    api?.setColumnsVisible([column.getColId()], e.target.checked);
                    refresh();
                  }}
                />
                <span aria-hidden="true">{name}</span>
              </label>
              {!locked && (
                <span className="column-settings-moves">
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('inventory.columnsDialog.moveLeftLabel', { column: name })}
                    disabled={!before || isLocked(before)}
                    onClick={() => move(column, -1)}
                  >
                    {t('inventory.columnsDialog.moveLeft')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('inventory.columnsDialog.moveRightLabel', { column: name })}
                    disabled={!after}
                    onClick={() => move(column, 1)}
                  >
                    {t('inventory.columnsDialog.moveRight')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
