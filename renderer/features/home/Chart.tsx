/**
 * An ECharts chart drawn offline on a canvas: only the bar chart, grid, legend and tooltip are bundled
 * (echarts/core with the parts registered here), no CDN, no theme files. The chart is one image to
 * assistive technology; its accessible name carries the numbers as a sentence.
 */
import { useEffect, useRef } from 'react';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, with its numbers: read by screen readers in place of the picture. */
  summary: string;
}

export function Chart({ option, summary }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = host.current!;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    // The chart follows its box: the window resized, the sidebar, a wider language.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} className="home-chart-canvas" role="img" aria-label={summary} />;
}
