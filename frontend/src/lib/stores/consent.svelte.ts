// Waiting for one more permission in the browser: the link of the page the backend opened
// (auth:url) and whether the browser could not be opened (auth:browser_failed), for the store
// whose call is running. Sign-in has its own (SessionStore): it also waits with nothing running.
import * as api from '../api/app';

export class ConsentWatch {
  /** The permission page's link while waiting for it; '' when not waiting. */
  url = $state('');
  /** The page could not be opened in a browser: the link is all the person has. */
  browserFailed = $state(false);

  private off: (() => void)[] = [];

  /** active says whether the owner's call that may ask for a permission is running. */
  constructor(private readonly active: () => boolean) {}

  init(): void {
    if (this.off.length > 0) return;
    this.off = [
      api.onAuthURL((url) => {
        if (this.active()) this.url = url;
      }),
      api.onBrowserFailed((url) => {
        if (!this.active()) return;
        this.url = url;
        this.browserFailed = true;
      }),
    ];
  }

  dispose(): void {
    for (const unsubscribe of this.off) unsubscribe();
    this.off = [];
  }

  clear(): void {
    this.url = '';
    this.browserFailed = false;
  }
}
