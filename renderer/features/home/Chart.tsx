/**
 * An ECharts chart drawn offline on a canvas (no CDN, no theme files). The library is imported when the
 * first chart mounts, as the barcode encoder is: the window's start does not pay for it. The chart is one
 * image to assistive technology; its accessible name carries the numbers as a sentence.
 */
import { useEffect, useRef } from 'react';
import type { ECharts } from 'echarts/core';
import type * as EChartsParts from './echartsParts';
import type { ChartOption } from './echartsParts';

export type { ChartOption } from './echartsParts';

let loading: Promise<typeof EChartsParts> | null = null;

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, with its numbers: read by screen readers in place of the picture. */
  summary: string;
}

export function Chart({ option, summary }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const element = host.current!;
    let live = true;
    let observer: ResizeObserver | null = null;
    loading ??= import('./echartsParts');
    void loading.then(({ echarts }) => {
      if (!live) return;
      const instance = echarts.init(element, null, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latest.current, { notMerge: true });
      // The chart follows its box: the window resized, a wider language.
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element);
    });
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  return <div ref={host} className="home-chart-canvas" role="img" aria-label={summary} />;
}
