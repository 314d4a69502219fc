// Wrappers over the Setup bindings: the Google Cloud setup guide's checks, its console links and
// the demo's practice states. The steps, their links and the problems come from Go.
import * as Setup from '../../../wailsjs/go/main/Setup';
import type { setup } from '../../../wailsjs/go/models';
import { plainStatus, type Status } from './app';
import { AppProblem, toProblem } from './problem';

export type StepID = `${setup.StepID}`;
export type StepState = `${setup.State}`;

/** One step of the guide: what the check found, its console page, and the problem that failed it. */
export interface GuideStep {
  id: StepID;
  state: StepState;
  link: string;
  problem: AppProblem | null;
}

/** What a check found, step by step; current is the first step that failed ('' when none did). */
export interface Guide {
  projectId: string;
  projectNumber: string;
  steps: GuideStep[];
  current: StepID | '';
}

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toProblem(e);
  }
}

function plainGuide(g: Partial<setup.Guide> | null | undefined): Guide {
  return {
    projectId: g?.projectId ?? '',
    projectNumber: g?.projectNumber ?? '',
    current: (g?.current ?? '') as Guide['current'],
    steps: (g?.steps ?? []).map((s) => ({
      id: s.id as StepID,
      state: s.state as StepState,
      link: s.link,
      problem: s.problem ? toProblem(s.problem) : null,
    })),
  };
}

/** checkSetup runs the guide's checks on the workspace in use. */
export const checkSetup = (): Promise<Guide> => call(Setup.Check).then(plainGuide);
/** setupStepOf is the step a problem code shows missing, '' when it is not about the setup. */
export const setupStepOf = (code: string): Promise<StepID | ''> =>
  call(() => Setup.StepOf(code)).then((s) => (s ?? '') as StepID | '');
/** openSetupLink opens a step's console page (a link checkSetup gave) in the system browser. */
export const openSetupLink = (link: string): Promise<void> => call(() => Setup.Open(link));
/** practiseStates lists the missing steps the demo can pretend (emulator setup states). */
export const practiseStates = (): Promise<string[]> => call(Setup.PractiseStates).then((s) => s ?? []);
/** practise switches to the demo workspace with one setup step missing ('' for none). */
export const practise = (state: string): Promise<Status> => call(() => Setup.Practise(state)).then(plainStatus);
