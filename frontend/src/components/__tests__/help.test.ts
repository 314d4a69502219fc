// The Help menu: About (version, licences folded) and Copy diagnostics, through the whole App
// with the bindings stubbed.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { reset, runtime } from '../../test/fake';
import * as Help from '../../../wailsjs/go/main/Help';

vi.mock('../../../wailsjs/go/main/Help', () => ({ About: vi.fn(), Diagnostics: vi.fn() }));
const help = vi.mocked(Help);

function start() {
  reset();
  help.About.mockResolvedValue({
    version: '1.2.3',
    parts: [
      { name: 'github.com/wailsapp/wails/v2', version: 'v2.11.0', kind: 'go', licence: 'MIT', text: 'MIT License\nPermission is hereby granted' },
      { name: 'svelte', version: '5.57.3', kind: 'npm', licence: 'MIT', text: 'Copyright (c) svelte' },
    ],
  } as never);
  help.Diagnostics.mockResolvedValue('Chat Members 1.2.3\nMode: demo\n');
  const user = userEvent.setup();
  render(App);
  return user;
}

describe('help menu', () => {
  it('copies the diagnostics and says Copied', async () => {
    const user = start();
    await user.click(await screen.findByRole('button', { name: 'Help' }));
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText('Copied')).toBeVisible();
    expect(runtime.ClipboardSetText).toHaveBeenCalledWith('Chat Members 1.2.3\nMode: demo\n');
  });

  it('says so when the diagnostics could not be copied', async () => {
    const user = start();
    runtime.ClipboardSetText.mockResolvedValue(false);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) }, configurable: true });
    await user.click(await screen.findByRole('button', { name: 'Help' }));
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText('Could not copy the diagnostics.')).toBeVisible();
  });

  it('shows About with the version, all rights reserved and each part, its licence text folded', async () => {
    const user = start();
    const toggle = await screen.findByRole('button', { name: 'Help' });
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'About Chat Members' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'About Chat Members' });
    expect(await within(dialog).findByText('Version 1.2.3')).toBeVisible();
    expect(within(dialog).getByText(/all rights reserved/)).toBeVisible();
    const items = within(dialog).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('summary')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'github.com/wailsapp/wails/v2 v2.11.0 · licence: MIT',
      'svelte 5.57.3 · licence: MIT',
    ]);
    expect(items[0].querySelector('details')?.open).toBe(false);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(toggle).toHaveFocus();
  });
});
