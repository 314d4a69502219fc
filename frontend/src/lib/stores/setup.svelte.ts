// The Google Cloud setup guide: what the last check found, a failure seen elsewhere (a call or
// the sign-in ended with a problem Go ties to a step), which step is open, and the demo's
// practice states. The steps, links and problems are Go's (Setup.Check, Setup.StepOf).
import * as api from '../api/setup';
import type { AppProblem } from '../api/app';
import type { Guide, GuideStep, StepID } from '../api/setup';

export type { Guide, GuideStep, StepID, StepState } from '../api/setup';

/** A problem seen outside the check that Go says shows a step missing. */
interface Seen {
  step: StepID;
  problem: AppProblem;
}

export class SetupStore {
  guide = $state<Guide | null>(null);
  checking = $state(false);
  /** The check could not run, or a console page could not be opened. */
  problem = $state<AppProblem | null>(null);
  seen = $state<Seen | null>(null);
  /** The step whose explanation is shown. */
  open = $state<StepID | ''>('');
  /** Grows each time a failed step should take the focus (the guide component follows it). */
  focusRequest = $state(0);
  /** The last focus request a guide on screen answered (not reactive: only the guide reads it). */
  focusHandled = 0;
  /** The missing steps the demo can pretend ('' is none), once loaded. */
  practiseStates = $state<string[]>([]);
  practiseBusy = $state(false);

  /**
   * steps are the check's, with a failure seen elsewhere laid over a step the check could not
   * judge (e.g. the sign-in Google ended: nobody is signed in to check it now).
   */
  steps: GuideStep[] = $derived(merge(this.guide?.steps ?? [], this.seen));
  /** The first step that failed, '' when none did. */
  current: StepID | '' = $derived(this.steps.find((s) => s.state === 'failed')?.id ?? '');
  /** The project's id, or its number, from the client file ('' before one is chosen). */
  project = $derived(this.guide?.projectId || this.guide?.projectNumber || '');

  private attempt = 0;

  /** check runs Go's checks; a failed step is opened and takes the focus. */
  async check(): Promise<void> {
    const id = ++this.attempt;
    this.checking = true;
    this.problem = null;
    try {
      const g = await api.checkSetup();
      if (id !== this.attempt) return;
      this.guide = g;
      // The check judged the step seen failing before: its answer is the newer one.
      const judged = g.steps.find((s) => s.id === this.seen?.step);
      if (judged && judged.state !== 'unchecked') this.seen = null;
      if (this.current) this.reveal(this.current);
    } catch (e) {
      if (id === this.attempt) this.problem = e as AppProblem;
    } finally {
      if (id === this.attempt) this.checking = false;
    }
  }

  /** observe asks Go whether p shows a setup step missing; if so that step fails, opens and takes the focus. */
  async observe(p: AppProblem | null | undefined): Promise<void> {
    if (!p) return;
    if (this.seen?.problem === p) return;
    let step: StepID | '' = '';
    try {
      step = await api.setupStepOf(p.code);
    } catch {
      return; // not knowing the step leaves the problem shown where it happened
    }
    if (!step) return;
    this.seen = { step, problem: p };
    this.reveal(step);
  }

  private reveal(step: StepID): void {
    this.open = step;
    this.focusRequest++;
  }

  toggle(step: StepID): void {
    this.open = this.open === step ? '' : step;
  }

  async openLink(link: string): Promise<void> {
    this.problem = null;
    try {
      await api.openSetupLink(link);
    } catch (e) {
      this.problem = e as AppProblem;
    }
  }

  async loadPractiseStates(): Promise<void> {
    if (this.practiseStates.length) return;
    try {
      this.practiseStates = await api.practiseStates();
    } catch (e) {
      this.problem = e as AppProblem;
    }
  }

  /** practise switches to the demo with state missing; the status it returns, null on failure. */
  async practise(state: string): Promise<Awaited<ReturnType<typeof api.practise>> | null> {
    this.practiseBusy = true;
    this.problem = null;
    this.seen = null;
    try {
      return await api.practise(state);
    } catch (e) {
      this.problem = e as AppProblem;
      return null;
    } finally {
      this.practiseBusy = false;
    }
  }
}

function merge(steps: GuideStep[], seen: Seen | null): GuideStep[] {
  if (!seen) return steps;
  return steps.map((s) => (s.id === seen.step && s.state === 'unchecked' ? { ...s, state: 'failed', problem: seen.problem } : s));
}
