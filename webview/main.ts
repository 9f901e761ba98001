/**
 * Entry of the sidebar webview bundle (dist/webview.js, loaded as a module by the page of
 * src/sidebar/html.ts under a strict CSP). Renders into `<main id="root">` and talks to the host through acquireVsCodeApi.
 */
import { SidebarApp, type VsCodeApi } from './app';
import { embeddedBundle, useBundle } from './l10n';
import { setDisplayLocale } from './model';

declare function acquireVsCodeApi(): VsCodeApi;

function rootElement(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing) return existing;
  const main = document.createElement('main');
  main.id = 'root';
  document.body.appendChild(main);
  return main;
}

// The host writes VS Code's display language into the page's lang (src/sidebar/html.ts): dates follow it.
setDisplayLocale(document.documentElement.lang || undefined);
// Its words too, before the first picture (the agenda kept from the last time included).
const words = embeddedBundle(document.body);
if (words) useBundle(words);
new SidebarApp(rootElement(), acquireVsCodeApi()).start();
