// How the job and history screens name what the journal records: spaces by display name, people
// without the "users/" prefix, operations and outcomes in words, problems by their sentence.
import type { AppState } from '../../lib/stores/app.svelte';
import type { Key } from '../../lib/i18n/translator.svelte';
import { spaceLabel } from '../../lib/i18n/names';
import type { ExportNames } from '../../lib/stores/jobs.svelte';

/** spaceNames maps every space the app knows (the user's, and the organisation's in administrator mode) to its label. */
export function spaceNames(app: AppState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...app.orgSpaces.found, ...app.spaces.all]) out[s.name] = spaceLabel(app.i18n, s, app.spaces.memberLabels[s.name]);
  return out;
}

export function personName(member: string): string {
  return member.replace(/^users\//, '');
}

export function opWord(app: AppState, op: string): string {
  return app.i18n.has(`op.${op}`) ? app.i18n.t(`op.${op}` as Key) : op;
}

export function outcomeWord(app: AppState, outcome: string): string {
  return app.i18n.has(`outcome.${outcome}`) ? app.i18n.t(`outcome.${outcome}` as Key) : outcome;
}

/**
 * problemSentence is a recorded problem in words. The journal keeps the code alone, so the
 * parameters its sentence names are filled from the row: the person and the space.
 */
export function problemSentence(app: AppState, code: string, row: { member?: string; space?: string; spaceName?: string } = {}): string {
  if (code === '') return '';
  const person = personName(row.member ?? '');
  const space = row.spaceName || row.space || '';
  const params = { email: person, member: person, person, who: person, group: person, space, spaceName: space };
  return app.i18n.problem({ code, message: '', fix: '', params }).message;
}

// Markers for the row's person and space in a problem's sentence, which the translator fills
// like any parameter; exportNames turns them into {person} and {space} for Go to fill per row.
const PERSON = '\u0001person\u0001';
const SPACE = '\u0001space\u0001';

/**
 * exportNames are the texts an export file carries for the codes and spaces in it: each problem's
 * sentence in the UI's language with {person} and {space} where the row's go (Go fills them).
 */
export function exportNames(app: AppState, codes: Iterable<string>): ExportNames {
  const problems: Record<string, string> = {};
  for (const c of codes) {
    if (c === '') continue;
    const text = problemSentence(app, c, { member: PERSON, spaceName: SPACE });
    problems[c] = text.replaceAll(PERSON, '{person}').replaceAll(SPACE, '{space}');
  }
  return { spaces: spaceNames(app), problems };
}
