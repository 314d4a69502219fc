// Test setup: jest-dom matchers, and the Wails binding layer (wailsjs) replaced by mocks for
// every test file. Each test configures the mocks through src/test/fake.ts.
import '@testing-library/jest-dom/vitest';
import { vi, afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/svelte';

// findBy… waits up to 5 s rather than 1 s: on a loaded machine a screen's first render after
// its mocked calls resolve can take longer than a second (see testTimeout in vite.config.ts).
configure({ asyncUtilTimeout: 5_000 });

vi.mock('../../wailsjs/go/main/Session', () => ({
  Accounts: vi.fn(),
  AddAccount: vi.fn(),
  CancelSignIn: vi.fn(),
  ChooseClientSecret: vi.fn(),
  Language: vi.fn(),
  SetAdmin: vi.fn(),
  SignIn: vi.fn(),
  SignOut: vi.fn(),
  SignOutAccount: vi.fn(),
  Status: vi.fn(),
  SwitchAccount: vi.fn(),
  UseDemo: vi.fn(),
}));

vi.mock('../../wailsjs/go/main/Spaces', () => ({
  ListSpaces: vi.fn(),
  OpenInBrowser: vi.fn(),
  Search: vi.fn(),
  SpaceLabels: vi.fn(),
}));

vi.mock('../../wailsjs/go/main/Directory', () => ({
  Suggest: vi.fn(),
}));

vi.mock('../../wailsjs/go/main/Members', () => ({
  Add: vi.fn(),
  AddApp: vi.fn(),
  CancelInvitation: vi.fn(),
  CheckPeople: vi.fn(),
  List: vi.fn(),
  Remove: vi.fn(),
  SetRole: vi.fn(),
}));

vi.mock('../../wailsjs/go/main/Setup', () => ({
  Check: vi.fn(),
  Open: vi.fn(),
  Practise: vi.fn(),
  PractiseStates: vi.fn(),
  StepOf: vi.fn(),
}));

vi.mock('../../wailsjs/go/main/Jobs', () => ({
  Cancel: vi.fn(),
  Export: vi.fn(),
  Pause: vi.fn(),
  Progress: vi.fn(),
  Recent: vi.fn(),
  Resume: vi.fn(),
  RetryFailed: vi.fn(),
  Rows: vi.fn(),
  Start: vi.fn(),
  Unfinished: vi.fn(),
}));

vi.mock('../../wailsjs/go/main/History', () => ({
  Export: vi.fn(),
  ExportRows: vi.fn(),
  Search: vi.fn(),
}));

vi.mock('../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn(),
  ClipboardSetText: vi.fn(),
}));

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.lang = '';
});
