/**
 * The formats the page shares with the host, so the sidebar and the editor's messages say a
 * duration the same way. Re-exported here because the page may import only src/core/views/
 * (the webview import fence, eslint.config.mjs).
 */
export { ENGLISH_DURATION, formatDurationHuman, formatDurationIn, type DurationWords } from '../time';
