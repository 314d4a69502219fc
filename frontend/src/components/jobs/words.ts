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

export function problemSentence(app: AppState, code: string): string {
  return code === '' ? '' : app.i18n.problem({ code, message: '', fix: '', params: {} }).message;
}

/** exportNames are the texts an export file carries for the codes and spaces in it. */
export function exportNames(app: AppState, codes: Iterable<string>): ExportNames {
  const problems: Record<string, string> = {};
  for (const c of codes) if (c !== '') problems[c] = problemSentence(app, c);
  return { spaces: spaceNames(app), problems };
}
