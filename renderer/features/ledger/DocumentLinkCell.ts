import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { areaHref } from '../../app/areas';
import type { CardLine } from './cardLines';

/**
 * The document number as a link to the document (#/documents/<id>). A plain DOM renderer: it only
 * creates one anchor for each visible row.
 */
export class DocumentLinkCell implements ICellRendererComp<CardLine> {
  private readonly gui = document.createElement('span');

  init(params: ICellRendererParams<CardLine>): void {
    this.draw(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<CardLine>): boolean {
    this.draw(params);
    return true;
  }

  private draw(params: ICellRendererParams<CardLine>): void {
    const line = params.data;
    if (!line || line.role !== 'entry') {
      this.gui.replaceChildren();
      return;
    }
    const link = document.createElement('a');
    link.href = areaHref('documents', line.entry.documentId);
    link.textContent = line.entry.number;
    link.className = 'stock-card-link';
    // The grid keeps focus on its cells; Enter on the cell follows the link (see the grid's key handler).
    link.tabIndex = -1;
    this.gui.replaceChildren(link);
  }
}
