/**
 * The CLI's read of a mentoring file (kept apart from the writer in files.ts): bounded and strict.
 * The file comes from a cloned repository, so what is named as a file may be a FIFO (reading it
 * would wait forever), a device (`/dev/zero` never ends), a huge file, or bytes in another
 * encoding (a lenient decode would turn them into U+FFFD and the next edit would write that).
 * The file is opened without blocking, checked with fstat on the open descriptor (no window
 * between a check and the read), read up to the size limit only, and decoded strictly.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeUtf8, DEFAULT_MAX_BYTES, tooLargeMessage } from '../core/parse/index';
// files.ts imports this module too; `reason` is only called, never read at load time.
import { reason } from './files';
import { Failure } from './io';

/** A file that could not be read or decoded, with where (line 1, column 1 unless a bad byte is known) and a code for `check`. */
export class ReadFailure extends Failure {
  constructor(
    message: string,
    readonly code: 'unreadable' | 'not-a-file' | 'too-large' | 'not-utf8' | 'symlink-not-followed',
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
  }
}

/** The text of `path`, or a ReadFailure whose message starts with `shown: `. */
export function readMentoringFile(path: string, shown: string, maxBytes = DEFAULT_MAX_BYTES): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer (0 where the OS has none).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new ReadFailure(`${shown}: cannot read the file: ${reason(err)}`, 'unreadable');
  }
  let bytes: Uint8Array;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ReadFailure(`${shown}: cannot read the file: it is a folder.`, 'unreadable');
    if (!st.isFile()) {
      throw new ReadFailure(`${shown}: not a regular file (${kind(st)}), so it is not read. Name the mentoring file itself.`, 'not-a-file');
    }
    if (st.size > maxBytes) throw new ReadFailure(`${shown}: ${tooLargeMessage(st.size, maxBytes)}`, 'too-large');
    bytes = readBounded(fd, shown, st.size, maxBytes);
  } catch (err) {
    if (err instanceof ReadFailure) throw err;
    throw new ReadFailure(`${shown}: cannot read the file: ${reason(err)}`, 'unreadable');
  } finally {
    closeSync(fd);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new ReadFailure(`${shown}: ${decoded.message}`, 'not-utf8', decoded.line, decoded.column);
  return decoded.text;
}

/** At most `max` bytes (a file growing while it is read is caught, not followed). */
function readBounded(fd: number, shown: string, size: number, max: number): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.min(Math.max(size, 4096), max + 1));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (buf.length > max) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > max) throw new ReadFailure(`${shown}: ${tooLargeMessage(length, max)}`, 'too-large');
  return buf.subarray(0, length);
}

function kind(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}
