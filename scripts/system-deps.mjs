// Which Debian packages `npm start` / `npm test` need that the machine lacks (pure: the caller says
// what is on PATH, and which Python modules import). Used by ensure-deps.mjs; unit-tested in test/unit/scripts/.

/** [Debian package, why] for every system package this command needs and the machine lacks. */
export function missingPackages({ test, codeServerCached, has, chromePath = process.env.CHROME_PATH, pythonModule = () => false }) {
  const need = [];
  // code-server's install builds the `kerberos` addon of its bundled VS Code, which needs the Kerberos headers
  if (!codeServerCached && !has('krb5-config')) need.push(['libkrb5-dev', 'to build code-server (the VS Code host) once']);
  if (test && !chromePath && !['chromium', 'chromium-browser', 'google-chrome'].some(has)) need.push(['chromium', 'to drive the workbench in the integration and UI tests']);
  if (test && !has('age')) need.push(['age', 'the sealing tests round-trip with the real age']);
  if (test && !has('pre-commit')) need.push(['pre-commit', 'the hook is tested with the real pre-commit']);
  if (test && !has('git')) need.push(['git', 'the CLI and sealing tests run the real git']);
  if (test && !pythonModule('icalendar')) need.push(['python3-icalendar', 'the calendar export is read back by an independent iCalendar parser']);
  return need;
}

