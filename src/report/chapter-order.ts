// The order of a municipality report's chapters, per profile. A baseline report (lägesbild,
// handbook step 2) follows the handbook's outline; a follow-up (uppföljning, step 5) puts the
// goals and changes first, after the summary and introduction, with the description of the
// situation after them as the background.
import { REPORT_CHAPTERS, type ReportChapterId, type ReportProfile } from '../config/schema.js';

export const CHAPTER_ORDER: Record<ReportProfile, readonly ReportChapterId[]> = {
  lagesbild: REPORT_CHAPTERS,
  uppfoljning: [
    'sammanfattning',
    'inledning',
    'uppfoljning',
    'utveckling',
    'om-undersokningen',
    'utsatthet',
    'utovande-attityder',
    'otrygghet',
    'grupper',
    'andra-kallor',
    'jamforelse-lanet',
    'jamforelse-referens',
    'forandringsfaktorer',
    'bilagor',
  ],
};

/** The chapter id a built chapter stands for: "Våldsutövande" and "Attityder till våld" alone stand for the combined chapter. */
export function chapterKey(id: string): string {
  return id === 'utovande' || id === 'attityder' ? 'utovande-attityder' : id;
}

/** A chapter's place in the profile's order (-1 for chapters outside it, such as own chapters). */
export function rank(profile: ReportProfile, id: string): number {
  return CHAPTER_ORDER[profile].indexOf(chapterKey(id) as ReportChapterId);
}
