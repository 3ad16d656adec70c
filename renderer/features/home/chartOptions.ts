/**
 * The three home charts as ECharts options and as sentences for screen readers: stock by category
 * (stacked by source), in and out per month, and the expiry timeline. Chinese labels by default,
 * sized for a 1366×768 window; no animation (a keeper reads numbers, not motion).
 */
import type { TFunction } from 'i18next';
import type { Coverage, ExpiryTimeline, MonthMovement } from '../../../shared/contract';
import { formatNumber } from '../../components/format';
import type { ChartOption } from './Chart';

/** Colours from the app's tokens, then quieter ones: one per source. */
export const seriesColours = ['#1f5f8b', '#c98a1a', '#2e7d4f', '#7a4f9a', '#5b8db8', '#8a6d3b', '#4c5865'];
const dangerColour = '#b3261e';

const textStyle = {
  fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif",
  fontSize: 12,
  color: '#1c2630',
};
const axisLabel = { color: '#4c5865', fontSize: 12 };
const valueAxis = {
  type: 'value' as const,
  // Quantities are whole: no 0.5 ticks (which whole-number labels would show as 0, 1, 1).
  minInterval: 1,
  axisLabel: { ...axisLabel, formatter: (v: number) => formatNumber(v) },
  splitLine: { lineStyle: { color: '#e3e7eb' } },
};
const tooltip = {
  trigger: 'axis' as const,
  axisPointer: { type: 'shadow' as const },
  valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)),
  textStyle: { ...textStyle, fontSize: 13 },
};

/** A chart's option and its sentence; `empty` when there is nothing to draw (the figure then says so in words). */
export interface ChartData {
  option: ChartOption;
  summary: string;
  empty: boolean;
}

export function categoryName(t: TFunction, c: { name: string | null }): string {
  return c.name ?? t('home.coverage.uncategorized');
}

/** Horizontal bars, one per category, stacked by source. */
export function stockByCategory(t: TFunction, coverage: Coverage): ChartData {
  const categories = coverage.categories.filter((c) => c.onHand > 0);
  const sources = coverage.sources.filter((s) =>
    categories.some((c) => c.bySource.some((b) => b.sourceId === s.sourceId)),
  );
  // Top to bottom in the order of the coverage table: ECharts draws a category axis from the bottom up.
  const names = categories.map((c) => categoryName(t, c)).reverse();
  const option: ChartOption = {
    animation: false,
    textStyle,
    tooltip,
    legend: { top: 0, left: 0, textStyle, itemWidth: 12, itemHeight: 10, type: 'scroll' },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    xAxis: valueAxis,
    yAxis: { type: 'category', data: names, axisLabel: { ...axisLabel, width: 90, overflow: 'truncate' } },
    series: sources.map((s, i) => ({
      type: 'bar',
      name: s.name,
      stack: 'stock',
      barMaxWidth: 22,
      itemStyle: { color: seriesColours[i % seriesColours.length] },
      data: [...categories].reverse().map((c) => c.bySource.find((b) => b.sourceId === s.sourceId)?.onHand ?? 0),
    })),
  };
  const sourceName = new Map(coverage.sources.map((s) => [s.sourceId, s.name]));
  const details = categories
    .map((c) =>
      t('home.charts.stockByCategory.entry', {
        category: categoryName(t, c),
        total: formatNumber(c.onHand),
        parts: c.bySource
          .map((b) =>
            t('home.charts.stockByCategory.part', {
              source: sourceName.get(b.sourceId) ?? '',
              quantity: formatNumber(b.onHand),
            }),
          )
          .join(t('home.charts.listSeparator')),
      }),
    )
    .join(t('home.charts.sentenceSeparator'));
  return {
    option,
    summary: t('home.charts.stockByCategory.summary', { details: details || t('home.charts.empty') }),
    empty: categories.length === 0,
  };
}

function monthParts(month: string): { year: string; month: string } {
  return { year: month.slice(0, 4), month: String(Number(month.slice(5, 7))) };
}

/** Two bars per month: in and out. */
export function movementsChart(t: TFunction, months: MonthMovement[]): ChartData {
  // January carries its year, so a window spanning two years reads without the tooltip.
  const labels = months.map((m) =>
    m.month.endsWith('-01') || m === months[0]
      ? t('home.charts.movements.month', monthParts(m.month))
      : t('home.charts.movements.monthShort', monthParts(m.month)),
  );
  const option: ChartOption = {
    animation: false,
    textStyle,
    tooltip,
    legend: { top: 0, left: 0, textStyle, itemWidth: 12, itemHeight: 10 },
    grid: { left: 8, right: 12, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { ...axisLabel, interval: 0, hideOverlap: true } },
    yAxis: valueAxis,
    series: [
      {
        type: 'bar',
        name: t('home.charts.movements.in'),
        itemStyle: { color: seriesColours[0] },
        barMaxWidth: 12,
        data: months.map((m) => m.quantityIn),
      },
      {
        type: 'bar',
        name: t('home.charts.movements.out'),
        itemStyle: { color: seriesColours[1] },
        barMaxWidth: 12,
        data: months.map((m) => m.quantityOut),
      },
    ],
  };
  const details = months
    .filter((m) => m.quantityIn > 0 || m.quantityOut > 0)
    .map((m) =>
      t('home.charts.movements.entry', {
        month: t('home.charts.movements.month', monthParts(m.month)),
        in: formatNumber(m.quantityIn),
        out: formatNumber(m.quantityOut),
      }),
    )
    .join(t('home.charts.sentenceSeparator'));
  return {
    option,
    summary: t('home.charts.movements.summary', { details: details || t('home.charts.empty') }),
    empty: details === '',
  };
}

/** One bar per month from this one, the expired bar first (in red) and "later" last. */
export function expiryChart(t: TFunction, timeline: ExpiryTimeline): ChartData {
  const buckets = [
    { label: t('home.charts.expiry.expired'), ...timeline.expired, colour: dangerColour },
    ...timeline.months.map((m) => ({
      ...m,
      label:
        m.month.endsWith('-01') || m === timeline.months[0]
          ? t('home.charts.movements.month', monthParts(m.month))
          : t('home.charts.movements.monthShort', monthParts(m.month)),
      colour: seriesColours[0]!,
    })),
    { label: t('home.charts.expiry.later'), ...timeline.later, colour: '#8a96a3' },
  ];
  const option: ChartOption = {
    animation: false,
    textStyle,
    tooltip,
    grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: buckets.map((b) => b.label),
      axisLabel: { ...axisLabel, interval: 0, hideOverlap: true },
    },
    yAxis: valueAxis,
    series: [
      {
        type: 'bar',
        name: t('home.charts.expiry.quantity'),
        barMaxWidth: 18,
        data: buckets.map((b) => ({ value: b.quantity, itemStyle: { color: b.colour } })),
      },
    ],
  };
  const details = buckets
    .filter((b) => b.quantity > 0)
    .map((b) =>
      t('home.charts.expiry.entry', { bucket: b.label, quantity: formatNumber(b.quantity), batches: b.batches }),
    )
    .join(t('home.charts.sentenceSeparator'));
  return {
    option,
    summary: t('home.charts.expiry.summary', { details: details || t('home.charts.empty') }),
    empty: details === '',
  };
}
