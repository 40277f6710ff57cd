// The report profiles (config project.profile, --profile), apart from the config schema: the
// CLI's options list them, and `lagesbild --help` should not load zod for that.
export const REPORT_PROFILES = ['lagesbild', 'uppfoljning'] as const;
export type ReportProfile = (typeof REPORT_PROFILES)[number];
