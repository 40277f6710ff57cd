// The skeleton texts/ folder `lagesbild init` offers: one Markdown file per chapter, holding
// only a comment on what the municipality may write there (so an unfilled file adds nothing
// to the report), and the config's `texts` entries pointing at them.
import type { ReportChapterId } from '../config/schema.js';

export const TEXTS_DIR = 'texts';

/** What each chapter's own text is for (Swedish: the coordinators' language and the templates'). */
const PURPOSE: Record<ReportChapterId, string> = {
  sammanfattning: 'Kommunens egen sammanfattning eller kommentar till nyckeltalen: vad arbetsgruppen ser som viktigast.',
  inledning: 'Bakgrund: vilka som ingår i samverkan (steg 1), varför lägesbilden tas fram och hur den ska användas.',
  'om-undersokningen': 'Hur undersökningen genomfördes lokalt: vilka skolor, när, svarsfrekvens, och annat en läsare behöver veta.',
  utsatthet: 'Den lokala analysen av utsattheten: vad siffrorna betyder i kommunen, vad arbetsgruppen känner igen eller inte.',
  'utovande-attityder': 'Kommentar till våldsutövande och attityder till våld.',
  otrygghet: 'Kommentar till otryggheten, till exempel platser som kommit fram i trygghetsvandringar.',
  grupper: 'Kommentar till resultaten i fler grupper än kön och årskurs, till exempel vad skillnaderna kan bero på.',
  'andra-kallor': 'Kommentar till uppgifterna från andra källor (polisanmälningar, socialtjänsten, kvinnojouren).',
  utveckling: 'Kommentar till utvecklingen över tid: vad som har hänt i kommunen mellan mätningarna.',
  'jamforelse-lanet': 'Kommentar till jämförelsen med länet.',
  'jamforelse-referens': 'Kommentar till jämförelsen med referensvärdena: varifrån de kommer och hur jämförbara de är.',
  forandringsfaktorer: 'Arbetsgruppens slutsatser om risk- och skyddsfaktorer (underlag för steg 3).',
  uppfoljning: 'Uppföljning av produktion och process (steg 5): vilka insatser som genomförts, hur många som nåtts, hur arbetet har gått.',
  bilagor: 'Egna bilagor, till exempel arbetsgruppens sammansättning eller en ordlista.',
};

export interface SkeletonText {
  /** The config's place (a chapter id). */
  place: ReportChapterId;
  /** Path relative to the config file. */
  file: string;
  content: string;
}

/** One commented file per chapter: nothing shows in the report until text is written under the comment. */
export function skeletonTexts(): SkeletonText[] {
  return (Object.keys(PURPOSE) as ReportChapterId[]).map((place) => ({
    place,
    file: `${TEXTS_DIR}/${place}.md`,
    content: `<!--
Kommunens egen text i kapitlet "${place}". ${PURPOSE[place]}

Texten hamnar sist i kapitlet, märkt "Kommunens egen text". Så länge filen bara innehåller
den här kommentaren syns ingenting i rapporten. Skriv under kommentaren, i Markdown:

### En rubrik i kapitlet

Ett stycke med *kursiv* och **fet** text och en [länk](https://www.example.se).

- en punktlista
- med två punkter

| Insats | Ansvarig | Klart |
|:--|:--|--:|
| Trygghetsvandring | Fritid | 2025 |

![Vad bilden visar (krävs)](bilder/bild.png "Bildtext")

Bilder (PNG eller JPEG) läggs i projektmappen, till exempel i texts/bilder/. HTML används
inte: det visas som text. Länkar kan gå till webbsidor (https://…) och e-post (mailto:…).
-->
`,
  }));
}
