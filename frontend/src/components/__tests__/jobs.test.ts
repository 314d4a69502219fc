// The Progress view, the resume offer and the History screen, against the mocked bindings.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { demoSignedIn, emit, historyApi, jobsApi, rejection, reset } from '../../test/fake';

const job = (id: number, counts: Partial<Record<string, number>> = {}, more: object = {}) => ({
  id,
  account: { id: '1', email: 'alex@demo.example' },
  kind: 'bulk_add',
  admin: false,
  created: '2026-12-03T10:00:00Z',
  state: 'running',
  retryOf: 0,
  counts: { pending: 0, inFlight: 0, done: 0, failed: 0, cancelled: 0, total: 0, ...counts },
  ...more,
});

const row = (index: number, state: string, more: object = {}) => ({
  job: 7,
  index,
  item: { op: 'add', space: 'spaces/AAA1', member: `users/p${index}@demo.example`, kind: 'person', role: 'ROLE_MEMBER' },
  state,
  outcome: state === 'done' ? 'added' : '',
  problem: state === 'failed' ? 'chat.permission_denied' : '',
  membership: '',
  attempts: 1,
  started: '0001-01-01T00:00:00Z',
  finished: '0001-01-01T00:00:00Z',
  ...more,
});

/** The app signed in, with job 7 unfinished from an earlier run: the notice offers it. */
async function offered() {
  reset(demoSignedIn);
  jobsApi.Unfinished.mockResolvedValue([job(7, { done: 120, pending: 80, total: 200 })] as never);
  render(App);
  return screen.findByRole('region', { name: 'A job did not finish' });
}

describe('the resume offer', () => {
  it('names the job and how far it got; Resume opens it running', async () => {
    const notice = await offered();
    expect(notice).toHaveTextContent('120 of 200 done (job 7, started');
    jobsApi.Resume.mockResolvedValue(job(7) as never);
    jobsApi.Progress.mockResolvedValue({ job: 7, state: 'running', done: 120, failed: 0, left: 80, total: 200, perMinute: 290, secondsLeft: 17, writesPerMinute: 300 } as never);
    jobsApi.Rows.mockResolvedValue([row(0, 'done'), row(1, 'pending')] as never);
    jobsApi.Unfinished.mockResolvedValue([] as never); // Go lists no job it is running
    await userEvent.click(within(notice).getByRole('button', { name: 'Resume' }));
    expect(jobsApi.Resume).toHaveBeenCalledWith(7);
    await screen.findByRole('heading', { name: 'Job 7 Running' });
    expect(screen.queryByRole('region', { name: 'A job did not finish' })).toBeNull();
    const bar = screen.getByRole('progressbar', { name: 'Rows finished' });
    expect(bar).toHaveAttribute('aria-valuenow', '120');
    expect(bar).toHaveAttribute('aria-valuemax', '200');
    expect(bar).toHaveAttribute('aria-valuetext', '120 of 200 rows finished (60 %)');
    expect(screen.getByText('About 17 seconds left at Google’s limit of 300 changes a minute.')).toBeInTheDocument();
  });

  it('a job of administrator mode, resumed with the mode off, shows Go’s problem and stays offered', async () => {
    const notice = await offered();
    jobsApi.Resume.mockRejectedValue(
      rejection({ code: 'workspace.admin_off', message: 'Administrator mode is off, so this was not done with administrator access.' }),
    );
    await userEvent.click(within(notice).getByRole('button', { name: 'Resume' }));
    expect(await within(notice).findByRole('alert')).toHaveTextContent('Administrator mode is off');
    expect(screen.queryByRole('heading', { name: /^Job 7/ })).toBeNull();
  });

  it('Show opens the job as it was left: not running, so Resume rather than Pause', async () => {
    const notice = await offered();
    jobsApi.Progress.mockResolvedValue({ job: 7, state: 'running', done: 120, failed: 0, left: 80, total: 200, perMinute: 0, secondsLeft: 0, writesPerMinute: 0 } as never);
    jobsApi.Rows.mockResolvedValue([] as never);
    await userEvent.click(within(notice).getByRole('button', { name: 'Show' }));
    await screen.findByRole('heading', { name: 'Job 7 Paused' });
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  it('Discard cancels the job', async () => {
    const notice = await offered();
    jobsApi.Cancel.mockResolvedValue(job(7, {}, { state: 'cancelled' }) as never);
    await userEvent.click(within(notice).getByRole('button', { name: 'Discard' }));
    expect(jobsApi.Cancel).toHaveBeenCalledWith(7);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'A job did not finish' })).toBeNull());
  });
});

describe('the Progress view', () => {
  async function shown(state = 'running') {
    reset(demoSignedIn);
    jobsApi.Unfinished.mockResolvedValue([] as never);
    jobsApi.Recent.mockResolvedValue([job(7, { done: 2, failed: 1, total: 3 }, { state })] as never);
    jobsApi.Progress.mockResolvedValue({ job: 7, state, done: 2, failed: 1, left: 0, total: 3, perMinute: 0, secondsLeft: 0, writesPerMinute: 300 } as never);
    jobsApi.Rows.mockResolvedValue([row(0, 'done'), row(1, 'failed'), row(2, 'done')] as never);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: 'History' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Open job 7' }));
  }

  it('filters the rows to the failures, each with its problem in words; retry failed opens the new job', async () => {
    await shown('finished');
    await screen.findByRole('heading', { name: 'Job 7 Finished' });
    const table = screen.getByRole('listbox', { name: 'Rows of the job' });
    await waitFor(() => expect(within(table).getAllByRole('option')).toHaveLength(3));
    await userEvent.click(screen.getByRole('radio', { name: 'Failures only (1)' }));
    const only = within(table).getAllByRole('option');
    expect(only).toHaveLength(1);
    expect(only[0]).toHaveTextContent('p1@demo.example');
    expect(only[0]).toHaveTextContent('Failed');
    jobsApi.RetryFailed.mockResolvedValue(job(8, { total: 1 }) as never);
    jobsApi.Progress.mockResolvedValue({ job: 8, state: 'running', done: 0, failed: 0, left: 1, total: 1, perMinute: 0, secondsLeft: 1, writesPerMinute: 300 } as never);
    await userEvent.click(screen.getByRole('button', { name: 'Retry the failed row' }));
    await screen.findByRole('heading', { name: 'Job 8 Running' });
  });

  it('cancel asks first; "Keep going" changes nothing', async () => {
    await shown('running');
    await screen.findByRole('heading', { name: 'Job 7 Running' });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the job…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this job?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep going' }));
    expect(jobsApi.Cancel).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the job…' }));
    jobsApi.Cancel.mockResolvedValue(job(7, {}, { state: 'cancelled' }) as never);
    jobsApi.Progress.mockResolvedValue({ job: 7, state: 'cancelled', done: 2, failed: 1, left: 0, total: 3, perMinute: 0, secondsLeft: 0, writesPerMinute: 300 } as never);
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel the job' }));
    expect(jobsApi.Cancel).toHaveBeenCalledWith(7);
    await screen.findByRole('heading', { name: 'Job 7 Cancelled' });
  });

  it('export says where the file was saved', async () => {
    await shown('finished');
    await screen.findByRole('heading', { name: 'Job 7 Finished' });
    jobsApi.Export.mockResolvedValue('/home/alex/Downloads/chat-members-job-7.csv' as never);
    await userEvent.click(screen.getByRole('button', { name: 'Export to CSV' }));
    expect(await screen.findByText('Saved as /home/alex/Downloads/chat-members-job-7.csv')).toBeInTheDocument();
    const names = jobsApi.Export.mock.calls[0][1] as { problems: Record<string, string> };
    expect(Object.keys(names.problems)).toEqual(['chat.permission_denied']);
  });

  it('progress events of the job are drawn', async () => {
    await shown('running');
    await screen.findByRole('heading', { name: 'Job 7 Running' });
    emit('jobs:progress', { job: 7, state: 'paused', done: 3, failed: 0, left: 0, total: 3, perMinute: 0, secondsLeft: 0, writesPerMinute: 300 });
    await screen.findByRole('heading', { name: 'Job 7 Paused' });
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
  });
});

describe('the History screen', () => {
  it('asks Go with the filters chosen', async () => {
    reset(demoSignedIn);
    historyApi.Search.mockResolvedValue([
      { id: 1, at: '2026-12-03T10:00:00Z', account: { id: '1', email: 'alex@demo.example' }, space: 'spaces/AAA1', member: 'users/ann@demo.example', op: 'add', role: 'ROLE_MEMBER', outcome: 'added', problem: '', job: 0 },
    ] as never);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: 'History' }));
    const list = await screen.findByRole('listbox', { name: 'Changes, newest first' });
    expect(within(list).getAllByRole('option')[0]).toHaveTextContent('ann@demo.example');
    expect(historyApi.Search).toHaveBeenLastCalledWith(expect.objectContaining({ accountEmail: 'alex@demo.example', outcome: '' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'Failed');
    await waitFor(() => expect(historyApi.Search).toHaveBeenLastCalledWith(expect.objectContaining({ outcome: 'failed' })));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only changes made as alex@demo.example' }));
    await waitFor(() => expect(historyApi.Search).toHaveBeenLastCalledWith(expect.objectContaining({ accountEmail: '' })));
  });
});
