// The report's outline with the municipality's own texts and in the follow-up profile: the
// chapter order of each profile, own chapters beside their chapter (or where an absent one
// would stand), texts at the end of their chapter, and an introduction that lists exactly the
// chapters present.
import { describe, expect, it } from 'vitest';
import { buildMunicipalityReport, unplacedTexts, type OwnTextInput } from '../../src/report/index.js';
import type { ReportDocument } from '../../src/report/model.js';
import { config, figures } from './fixtures.js';

const DATE = '2024-03-05';
const paragraph = (text: string) => [{ type: 'ownParagraph' as const, runs: [{ text }] }];

const TEXTS: OwnTextInput[] = [
  { place: 'utsatthet', lang: 'sv', title: null, blocks: [{ type: 'heading', level: 2, id: '', text: 'Lokal analys' }, ...paragraph('Arbetsgruppens analys.')] },
  { place: 'after:sammanfattning', lang: 'sv', title: 'Arbetsgruppens slutsatser', blocks: paragraph('Slutsatser.') },
  { place: 'before:uppfoljning', lang: 'sv', title: 'Insatser 2024', blocks: paragraph('Produktion och process.') },
  // Backe has no county comparison chapter in a report of Backe alone; here both areas exist.
  { place: 'after:jamforelse-lanet', lang: 'sv', title: null, blocks: paragraph('Polisens siffror.') },
  { place: 'inledning', lang: 'en', title: null, blocks: paragraph('Written in English.') },
];

function build(profile: 'lagesbild' | 'uppfoljning', ownTexts: OwnTextInput[] = TEXTS): ReportDocument {
  return buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'sv', dateIso: DATE, ownTexts, profile });
}

const outline = (doc: ReportDocument) => doc.chapters.find((c) => c.id === 'inledning')!.blocks.find((b) => b.type === 'list' && !b.ordered);

describe('chapter order per profile', () => {
  it('baseline report: the handbook outline, own chapters beside theirs', () => {
    const doc = build('lagesbild');
    expect(doc.chapters.map((c) => c.id)).toEqual([
      'sammanfattning',
      'egen-text-efter-sammanfattning',
      'inledning',
      'om-undersokningen',
      'utsatthet',
      'utovande',
      'otrygghet',
      'utveckling',
      'jamforelse-lanet',
      'egen-text-efter-jamforelse-lanet',
      'forandringsfaktorer',
      'egen-text-fore-uppfoljning',
      'uppfoljning',
      'bilagor',
    ]);
    expect(doc.title).toBe('Lägesbild: våld – Ängsby');
    expect(doc.chapters.find((c) => c.id === 'uppfoljning')!.title).toBe('Underlag för uppföljning');
  });

  it('follow-up report: summary, introduction, goals and follow-up, changes, then the description as background', () => {
    const doc = build('uppfoljning', []);
    expect(doc.chapters.map((c) => c.id)).toEqual([
      'sammanfattning',
      'inledning',
      'uppfoljning',
      'utveckling',
      'om-undersokningen',
      'utsatthet',
      'utovande',
      'otrygghet',
      'jamforelse-lanet',
      'forandringsfaktorer',
      'bilagor',
    ]);
    expect(doc.title).toBe('Uppföljning: våld – Ängsby');
    // This config sets no goals: the report does not speak of any.
    expect(doc.subtitle).toBe('Uppföljning av förändringar, enkätresultat 2019–2023');
    expect(doc.chapters[2]!.title).toBe('Underlag för uppföljning');
    const intro = doc.chapters[1]!.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(intro[0]).toMatch(/^Den här uppföljningen beskriver /);
    expect(intro).toContain(
      'Rapporten är en uppföljning enligt steg 5, Implementera, följ upp och sprid: den jämför den senaste mätningen med utgångsläget. Uppföljningen av hur insatserna har genomförts (produktion och process) hör också till steg 5; den kan läggas till som kommunens egen text. Förebyggande arbete gör ofta att mer våld kommer fram, så en ökning av uppgiven utsatthet behöver inte betyda att arbetet har misslyckats.',
    );
  });

  it('follow-up report with own chapters: each stays beside its chapter', () => {
    expect(build('uppfoljning').chapters.map((c) => c.id)).toEqual([
      'sammanfattning',
      'egen-text-efter-sammanfattning',
      'inledning',
      'egen-text-fore-uppfoljning',
      'uppfoljning',
      'utveckling',
      'om-undersokningen',
      'utsatthet',
      'utovande',
      'otrygghet',
      'jamforelse-lanet',
      'egen-text-efter-jamforelse-lanet',
      'forandringsfaktorer',
      'bilagor',
    ]);
  });
});

describe('own texts in the outline', () => {
  const doc = build('lagesbild');

  it('the introduction lists the own chapters with the generated ones, in order', () => {
    expect(outline(doc)!.type === 'list' && outline(doc)!.items).toEqual([
      'Sammanfattning: nyckeltal och de viktigaste resultaten.',
      'Arbetsgruppens slutsatser: kommunens egen text.',
      'Om undersökningen: vilka som svarat, hur resultaten är beräknade och hur de ska läsas.',
      'Utsatthet för våld: hur många som utsatts för olika former av våld.',
      'Våldsutövande: egen användning av våld.',
      'Otrygghet: hur många som känner sig otrygga.',
      'Utveckling över tid: hur nyckeltalen har förändrats mellan mätningarna.',
      'Jämförelse med länet: kommunen jämförd med övriga länet.',
      'Kommunens egen text.',
      'Förändringsfaktorer: risk- och skyddsfaktorer, underlag för steg 3.',
      'Insatser 2024: kommunens egen text.',
      'Underlag för uppföljning: utgångsvärden för uppföljning i steg 5.',
      'Bilagor: alla tabeller, frågorna som de ställdes och metoden.',
    ]);
  });

  it('a text for a chapter stands at its end, labelled, with numbered ids; one in the other language is marked', () => {
    const utsatthet = doc.chapters.find((c) => c.id === 'utsatthet')!;
    const last = utsatthet.blocks[utsatthet.blocks.length - 1]!;
    expect(last).toEqual({
      type: 'ownText',
      id: 'egen-text-3',
      label: 'Kommunens egen text',
      blocks: [{ type: 'heading', level: 2, id: 'egen-text-3-1', text: 'Lokal analys' }, ...paragraph('Arbetsgruppens analys.')],
    });
    const intro = doc.chapters.find((c) => c.id === 'inledning')!;
    expect(intro.blocks[intro.blocks.length - 1]).toMatchObject({ type: 'ownText', id: 'egen-text-2', lang: 'en' });
    const ids = doc.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.type === 'ownText' ? [b.id] : [])));
    expect(ids).toEqual(['egen-text-1', 'egen-text-2', 'egen-text-3', 'egen-text-4', 'egen-text-5']);
  });

  it('an own chapter beside a chapter the report lacks stands where that chapter would; a text inside it is reported as left out', () => {
    const texts: OwnTextInput[] = [
      { place: 'after:andra-kallor', lang: 'sv', title: 'Polisens statistik', blocks: paragraph('Anmälda brott.') },
      { place: 'andra-kallor', lang: 'sv', title: null, blocks: paragraph('Inget kapitel.') },
    ];
    const d = build('lagesbild', texts);
    const ids = d.chapters.map((c) => c.id);
    expect(ids.slice(ids.indexOf('otrygghet'), ids.indexOf('otrygghet') + 3)).toEqual(['otrygghet', 'egen-text-efter-andra-kallor', 'utveckling']);
    expect(unplacedTexts(d, texts).map((t) => t.place)).toEqual(['andra-kallor']);
  });
});
