/**
 * Entry of the sidebar webview bundle (dist/webview.js, loaded as a module by the page of
 * src/sidebar/html.ts under a strict CSP). Renders into `<main id="root">` and talks to the host through acquireVsCodeApi.
 */
import { SidebarApp, type VsCodeApi } from './app';

declare function acquireVsCodeApi(): VsCodeApi;

function rootElement(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing) return existing;
  const main = document.createElement('main');
  main.id = 'root';
  document.body.appendChild(main);
  return main;
}

new SidebarApp(rootElement(), acquireVsCodeApi()).start();
