import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { InventoryLine, StockAlert } from './inventoryLines';

export interface AlertMarkersParams {
  /** The translated word for each marker. */
  label(alert: StockAlert): string;
}

/**
 * The marker cell: one small labelled chip per alert (低库存, 临期…), so a highlight is never colour
 * alone. A plain DOM renderer rather than a React one: the grid draws it for visible rows only and it
 * does no work beyond creating a few spans.
 */
export class AlertMarkersCell implements ICellRendererComp<InventoryLine> {
  private readonly gui = document.createElement('span');

  init(params: ICellRendererParams<InventoryLine> & AlertMarkersParams): void {
    this.gui.className = 'inventory-markers';
    this.draw(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<InventoryLine> & AlertMarkersParams): boolean {
    this.draw(params);
    return true;
  }

  private draw(params: ICellRendererParams<InventoryLine> & AlertMarkersParams): void {
    const chips = (params.data?.alerts ?? []).map((alert) => {
      const chip = document.createElement('span');
      chip.className = `inventory-marker inventory-marker-${alert}`;
      chip.textContent = params.label(alert);
      return chip;
    });
    this.gui.replaceChildren(...chips);
  }
}
