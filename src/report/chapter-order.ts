// The order of a municipality report's chapters, per profile. A baseline report (lägesbild,
// handbook step 2) follows the handbook's outline; a follow-up (uppföljning, step 5) puts the
// goals and changes first, after the summary and introduction, with the description of the
// situation after them as the background.
import { REPORT_CHAPTERS, type ReportChapterId, type ReportProfile } from '../config/schema.js';

/** What a follow-up report puts first; the rest keep the baseline order. */
const FOLLOW_UP_FIRST: readonly ReportChapterId[] = ['sammanfattning', 'inledning', 'uppfoljning', 'utveckling'];

export const CHAPTER_ORDER: Record<ReportProfile, readonly ReportChapterId[]> = {
  lagesbild: REPORT_CHAPTERS,
  // Derived, so a chapter added to REPORT_CHAPTERS takes its place in both profiles.
  uppfoljning: [...FOLLOW_UP_FIRST, ...REPORT_CHAPTERS.filter((c) => !FOLLOW_UP_FIRST.includes(c))],
};

/** The chapter id a built chapter stands for: "Våldsutövande" and "Attityder till våld" alone stand for the combined chapter. */
export function chapterKey(id: string): string {
  return id === 'utovande' || id === 'attityder' ? 'utovande-attityder' : id;
}

/** A chapter's place in the profile's order (-1 for chapters outside it, such as own chapters). */
export function rank(profile: ReportProfile, id: string): number {
  return CHAPTER_ORDER[profile].indexOf(chapterKey(id) as ReportChapterId);
}
