// A project folder with own texts for the tests: a config beside a texts/ folder with one
// Markdown file that uses every element own texts support, and a real PNG image.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { greyPng } from '../render/html/fake-chart.js';

/** Every supported element, as a coordinator might write them (Swedish, with å ä ö). */
export const EVERY_ELEMENT = `<!-- Kommentar: visas inte i rapporten. -->
### Lokal analys i Ängsby

Arbetsgruppen ser att *hot på nätet* är **lika vanligt** som förra mätningen.
Läs mer hos [Brå](https://bra.se/statistik "Brottsförebyggande rådet") eller mejla
[samordnaren](mailto:samordnare@angsby.se).\\
Ny rad efter en hård radbrytning.

#### Vad arbetsgruppen föreslår

1. Trygghetsvandringar i centrum
2. Utbildning för personal
   - i skolan
   - på fritidsgårdarna
3. **Uppföljning** våren 2025

##### Ansvar

| Insats | Ansvarig | År |
|:--|:--|--:|
| Trygghetsvandring | Fritidsförvaltningen | 2025 |
| Utbildning | Skolförvaltningen | 2026 |

> Våld är aldrig en privatsak.

![Karta över skolorna i Ängsby med de tre skolorna markerade](bilder/karta.png "Skolorna i Ängsby")
`;

export interface Project {
  dir: string;
  config: string;
  write(relPath: string, content: string | Buffer): string;
}

export function project(files: Record<string, string | Buffer> = {}): Project {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-owntext-'));
  const write = (relPath: string, content: string | Buffer) => {
    const path = join(dir, relPath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };
  write('texts/bilder/karta.png', greyPng(320, 160));
  for (const [name, content] of Object.entries(files)) write(name, content);
  return { dir, config: join(dir, 'lagesbild.yaml'), write };
}
