/**
 * The few icons the sidebar draws, as inline SVG (no icon font to load under the CSP). Each is
 * decorative (aria-hidden): the text next to it says the same thing, so nothing is told by the
 * icon or its colour alone.
 */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult, cls = ''): SVGTemplateResult =>
  svg`<svg class="icon ${cls}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${body}</svg>`;

export const warningIcon = (): SVGTemplateResult => icon(svg`<path d="M8 1.5 15 14.5H1L8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/><path d="M8 6v4M8 11.6v1.2" stroke="currentColor" stroke-width="1.5"/>`, 'warning');
export const errorIcon = (): SVGTemplateResult => icon(svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="currentColor" stroke-width="1.5"/>`, 'error');
export const infoIcon = (): SVGTemplateResult => icon(svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M8 7v5M8 4.2v1.3" stroke="currentColor" stroke-width="1.5"/>`, 'info');
export const lockIcon = (): SVGTemplateResult => icon(svg`<rect x="3" y="7" width="10" height="7.5" rx="1" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.3"/>`);
export const upIcon = (): SVGTemplateResult => icon(svg`<path d="M8 3v10M3.5 7.5 8 3l4.5 4.5" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
export const downIcon = (): SVGTemplateResult => icon(svg`<path d="M8 13V3M3.5 8.5 8 13l4.5-4.5" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
export const editIcon = (): SVGTemplateResult => icon(svg`<path d="M2.5 13.5 3 10.5 10.5 3l2.5 2.5L5.5 13l-3 .5Z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/>`);
export const removeIcon = (): SVGTemplateResult => icon(svg`<path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/>`);
export const linkIcon = (): SVGTemplateResult => icon(svg`<path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 0 1-3.5-3.5L5.5 8" fill="none" stroke="currentColor" stroke-width="1.3"/>`);
