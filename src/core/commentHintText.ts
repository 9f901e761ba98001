/**
 * Moved to `./hints/commentText` (the hint engine's folder). This re-export keeps the editor
 * adapter's import working until it imports from there; then delete this file.
 */
export * from './hints/commentText';
