import type { InsightsReport } from "../../../service/insights/report.js";
import { escapeHtml } from "./html.js";

const WIDTH = 720;
const HEIGHT = 160;
const PAD = { top: 12, right: 8, bottom: 24, left: 36 };

/**
 * Questions per day as a bar chart in inline SVG (no script, no chart library, no CDN), with
 * a title per bar for the exact count and a text summary for screen readers.
 */
export function volumeChart(volume: InsightsReport["volume"]): string {
  const max = Math.max(1, ...volume.map((d) => d.questions));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, volume.length);
  const barW = Math.max(1, step * 0.8);
  const bars = volume.map((d, i) => {
    const h = (d.questions / max) * plotH;
    const x = PAD.left + i * step + (step - barW) / 2;
    const y = PAD.top + plotH - h;
    return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeHtml(d.day)}: ${d.questions}</title></rect>`;
  });
  const first = volume[0]?.day ?? "";
  const last = volume.at(-1)?.day ?? "";
  const total = volume.reduce((sum, d) => sum + d.questions, 0);
  return [
    `<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>Questions per day, ${escapeHtml(first)} to ${escapeHtml(last)}: ${total} in all, at most ${max} a day</title>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}"/>`,
    `<text class="label" x="${PAD.left - 6}" y="${PAD.top + 8}" text-anchor="end">${max}</text>`,
    `<text class="label" x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>`,
    ...bars,
    `<text class="label" x="${PAD.left}" y="${HEIGHT - 6}">${escapeHtml(first)}</text>`,
    `<text class="label" x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end">${escapeHtml(last)}</text>`,
    "</svg>",
  ].join("");
}
