// Shared by jobs.spec.ts and resume.spec.ts: the demo's people and spaces, and starting a job
// straight through the binding (the bulk input screen is built apart). What every spec shares
// (sign-in, accessibility, screenshots) is in helpers.ts.
import { expect, type Page } from '@playwright/test';
import { navTab } from './helpers';

/** Colleagues of the demo organisation (backend/emulator/data.go), the admin and Priya left out. */
export const PEOPLE = [
  'amara.okafor', 'benedikt.schmid', 'camila.duarte', 'chen.wei', 'dmitri.volkov', 'elif.yilmaz', 'emma.johansson',
  'fatima.alhassan', 'giulia.rossi', 'hiroshi.tanaka', 'ines.moreau', 'jamal.haddad', 'jonas.weber', 'kaito.mori',
  'kwame.mensah', 'lars.nilsson', 'leila.karimi', 'lucas.oliveira', 'maja.kowalska', 'mateo.garcia', 'mei.lin',
  'nadia.petrova', 'noah.cohen', 'oliver.brown', 'olga.ivanova', 'pablo.fernandez', 'rahul.mehta', 'sakura.ito',
  'sara.lindqvist', 'sebastien.dubois', 'siobhan.murphy', 'tomas.novak', 'valentina.costa', 'wanjiru.kamau',
  'yusuf.demir', 'zanele.dlamini', 'anika.sharma', 'erik.hansen',
].map((p) => `${p}@example.com`);

/** Spaces the demo admin owns. */
export const OWNED = {
  newJoiners: 'spaces/AAAAj9Ty1Wq',
  warehouse: 'spaces/AAAAw2Km5Tr',
  berlin: 'spaces/AAAAk2Mv6Sd',
  salesAmericas: 'spaces/AAAAa9Dj2Qp',
  finance: 'spaces/AAAAf1Pz4Ug',
  design: 'spaces/AAAAd7Bx0Yf',
  engineering: 'spaces/AAAAq3Tz9Ek',
  marketing: 'spaces/AAAAm8Rk3Hs',
  helpdesk: 'spaces/AAAAi3Hq8Cv',
  supplierQuality: 'spaces/AAAAv8Jr5Ba',
  watercooler: 'spaces/AAAAt0Xw3Ej',
  trailblazer: 'spaces/AAAAn7Wc2Rd',
};
/** A space the demo admin is not in: every add there fails. */
export const NOT_MINE = 'spaces/AAAAb2Qk6Zm';
/** Someone outside the organisation: refused in a space that lets no one outside in. */
export const OUTSIDER = 'lena.fischer@example.net';

export interface Item {
  op: string;
  space: string;
  member: string;
  kind: string;
  role: string;
}

export const add = (space: string, email: string): Item => ({ op: 'add', space, member: `users/${email}`, kind: 'person', role: 'ROLE_MEMBER' });

/** startJob calls Jobs.Start from the page, as the bulk input screen does; the job's id. */
export async function startJob(page: Page, items: Item[]): Promise<number> {
  return page.evaluate(async (items) => {
    const w = window as unknown as { go: { main: { Jobs: { Start: (i: Item[], admin: boolean) => Promise<{ id: number }> } } } };
    const j = await w.go.main.Jobs.Start(items, false);
    return j.id;
  }, items);
}

/** openFromHistory opens job id in the Progress view through the History screen's recent jobs. */
export async function openFromHistory(page: Page, id: number) {
  await navTab(page, 'History').click();
  await page.getByRole('button', { name: `Open job ${id}` }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Job ${id}`) })).toBeVisible();
}

/** The progress bar's value (rows finished). */
export async function finished(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar', { name: 'Rows finished' }).getAttribute('aria-valuenow'));
}
