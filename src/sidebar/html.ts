/**
 * The sidebar's page: the one document the webview loads. Locked down: `default-src 'none'`, the
 * one script by a fresh nonce (Web Crypto), styles and fonts only from the extension
 * (`cspSource`), no inline script or style; the bundle (dist/webview.js, built from webview/) and
 * media/sidebar.css are its only resources. The page's language is VS Code's (`lang`), and so is
 * its fallback text; the script's own words (`words`, the page's part of `vscode.l10n.bundle`) are
 * data in the body's `data-l10n` attribute, as JSON the page checks before it renders anything
 * (webview/l10n.ts): so its first picture, the agenda kept from the last time too, is in the
 * page's language. In English there are none.
 */
import * as vscode from 'vscode';
import type { L10nBundle } from '../core/views/protocol';

/** The page for `webview`, with a new nonce each time. */
export function sidebarHtml(webview: Pick<vscode.Webview, 'asWebviewUri' | 'cspSource'>, extensionUri: vscode.Uri, words?: L10nBundle): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'sidebar.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // The body holds only the root the bundle renders into (it replaces the fallback text there).
  const fallback = vscode.l10n.t('Loading the mentoring sidebar… If this text stays, its script did not load: run “Developer: Reload Window”, or use the Mentoring commands in the Command Palette.');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${String(style)}">
<title>Mentoring</title>
</head>
<body${words ? ` data-l10n="${escapeAttribute(JSON.stringify(words))}"` : ''}>
<main id="root"><p class="fallback">${escapeText(fallback)}</p></main>
<script type="module" nonce="${nonce}" src="${String(script)}"></script>
</body>
</html>`;
}

/** A translation is data: as an attribute's value or as text, never as markup. */
function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A CSP nonce: 16 random bytes from Web Crypto (Node 20 and browsers), base64. */
function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
