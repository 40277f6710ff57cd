// Survey years as a year column writes them: read by the decoder (ingest/respondents.ts) and by
// init's guess of the year column, which `lagesbild --help` loads (it loads no ingest module).

export function parseYear(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 1900 && y <= 2100 ? y : null;
}

/**
 * A survey year as a year column writes it: four digits; a term ("VT23", "HT 2022", "vt-2023":
 * that term's year); or, with columns.answered_in, a school year ("2022/23", "2022–2023"): its
 * spring's or its autumn's year. Null for anything else (a school year without answered_in).
 */
export function parseSurveyYear(text: string, answeredIn: 'spring' | 'autumn' | undefined): number | null {
  const year = parseYear(text);
  if (year !== null) return year;
  const term = /^(?:vt|ht)\s*[-.]?\s*(\d{2}|\d{4})$/i.exec(text);
  if (term) return parseYear(term[1]!.length === 2 ? `20${term[1]}` : term[1]!);
  const school = academicYear(text);
  if (school === null || answeredIn === undefined) return null;
  return answeredIn === 'spring' ? school.autumn + 1 : school.autumn;
}

/** "2022/23", "2022-2023", "2022–23": a school year (läsår; not a grade, see init/roles.ts schoolYearKey), by its autumn; null for other text (and "2022/25"). */
export function academicYear(text: string): { autumn: number } | null {
  const m = /^(\d{4})\s*[/–-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const autumn = parseYear(m[1]!);
  if (autumn === null) return null;
  const spring = Number(m[2]!.length === 2 ? String(autumn + 1).slice(0, 2) + m[2] : m[2]);
  return spring === autumn + 1 ? { autumn } : null;
}
