/**
 * The sidebar's closing section: `closingFacts` (core/rituals/closingSummary.ts) of the model as
 * this reader sees it (`sealedView`), as the protocol's `ClosingView`. A feedback field the
 * reader's keys do not open is named as sealed; its text never crosses into the page.
 */
import { closingFacts } from '../rituals/closingSummary';
import type { MentoringFile } from '../schema';
import type { ClosingView } from './protocol';
import { pathKey, type SealMark } from './sealed';

export function closingView(model: MentoringFile, marks: ReadonlyMap<string, SealMark>): ClosingView | undefined {
  const f = closingFacts(model, { locked: (path) => marks.get(pathKey(path))?.opened === false });
  if (!f.closed) return undefined;
  const view: ClosingView = {
    on: f.closed.on,
    by: f.closed.by,
    goals: f.goals,
    sessions: f.sessions,
    tasks: f.tasks,
    sealedRatings: f.sealedRatings,
    final: f.final.map((x) => {
      const out: ClosingView['final'][number] = { from: x.from, sealed: x.sealed };
      if (x.rating !== undefined) out.rating = x.rating;
      if (x.valuable !== undefined) out.valuable = x.valuable;
      if (x.change !== undefined) out.change = x.change;
      return out;
    }),
  };
  if (f.direction) view.direction = f.direction;
  return view;
}
