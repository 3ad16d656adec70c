/**
 * The print views, by kind. A view draws its pages for one record on one paper and calls `ready()`
 * once its data is loaded and its barcodes drawn; the print glue and the PDF tests wait for that.
 * Kinds without a view here are refused by the print route with a translated message.
 */
import type { ComponentType } from 'react';
import type { PrintKind } from '../../shared/print/jobs';
import type { Paper } from '../../shared/print/papers';
import { DispatchSlip } from './documents/DispatchSlip';
import { ReceiptSlip } from './documents/ReceiptSlip';
import { IncidentReportPrint } from './documents/IncidentReportPrint';
import { StockCardSheet } from './documents/StockCardSheet';
import { TransferSlip } from './documents/TransferSlip';
import { WriteOffApplication } from './documents/WriteOffApplication';
import { LabelsView } from './labels/LabelsView';
import { AuditSummarySheet } from './reports/AuditSummarySheet';
import { InventoryReportSheet, LedgerSummarySheet } from './reports/ReportTableSheet';
import { BlindCountSheet, CountSheet } from './stocktake/CountSheet';

export interface PrintViewProps {
  target: string;
  paper: Paper;
  /** Query parameters of the print route besides the paper (copies, reprint number…). */
  params: Readonly<Record<string, string>>;
  /** Call once everything is drawn. */
  ready: () => void;
  /** Call instead of ready() when the view cannot be drawn (record missing, refused…), with the translated reason. */
  failed: (reason: string) => void;
}

export type PrintView = ComponentType<PrintViewProps>;

export const printViews: Partial<Record<PrintKind, PrintView>> = {
  'dispatch-slip': DispatchSlip,
  'receipt-slip': ReceiptSlip,
  'transfer-slip': TransferSlip,
  'write-off-application': WriteOffApplication,
  'stock-card': StockCardSheet,
  labels: LabelsView,
  'incident-report': IncidentReportPrint,
  'count-sheet-blind': BlindCountSheet,
  'count-sheet': CountSheet,
  'ledger-summary': LedgerSummarySheet,
  'inventory-report': InventoryReportSheet,
  'audit-summary': AuditSummarySheet,
};
