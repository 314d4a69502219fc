// Injected before the app's own scripts by the member-list benchmark (scripts/bench-spaces.sh),
// in Chromium and in WebKitGTK alike: spaces-hook.js's twin for the member list. Once the demo's
// spaces are shown it chooses Marketing (through the space search, so the row is in view), the
// bound Members.List still goes to Go and the emulator, and its answer is replaced by 10,000
// members shaped like chat.MemberList (backend/chat/member_list.go): owners, managers, members,
// one in ten invited (no name or email, as Google tells), some groups and outsiders, the user
// first. Then it measures, in the page:
//   member-list - from the moment the members reach the app to the second animation frame
//           after the list's rows say there are 10,000 (aria-setsize): the frame after the one
//           that painted it;
//   member-list-work - the same to the moment the list is in the page and laid out (forced),
//           before painting: the app's own work, whatever the frame rate;
//   member-clear - from clearing a member search that matched one member to the frame after
//           the 10,000 are back;
//   member-clear-work - the same to the list laid out (a separate clearing);
//   member-nodes - the elements in the document once the list is shown.
// Each figure goes out as one line "BENCH <name> <value>", as in spaces-hook.js.
(() => {
  const N = 10000;
  const out = (line) => {
    const h = window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.bench;
    if (h) h.postMessage(line);
    else console.log(line);
  };
  const frames = (n) => new Promise((r) => (n <= 0 ? r() : requestAnimationFrame(() => frames(n - 1).then(r))));
  /** size: how many rows the member list says it has (0 while it has none). */
  const size = () => Number((document.querySelector('.members .member-rows > li') || { getAttribute: () => 0 }).getAttribute('aria-setsize'));
  const type = (box, v) => {
    box.value = v;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };
  /** until waits, frame by frame, for ok(), up to 90 s (sign-in included). */
  async function until(ok, what) {
    const end = performance.now() + 90000;
    while (!ok()) {
      if (performance.now() > end) throw new Error(`waited 90 s for ${what}`);
      await frames(1);
    }
  }
  /** afterPaint resolves at the second frame after the list says it has `want` rows. */
  async function afterPaint(want) {
    await until(() => size() === want, `${want} members (last: ${size()})`);
    await frames(1);
  }
  /** settled(want): as in spaces-hook.js, the list has `want` rows and is laid out (forced). */
  function settled(want) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`the member list never showed ${want} (last: ${size()})`));
      }, 120000);
      const mo = new MutationObserver(() => {
        if (size() !== want) return;
        mo.disconnect();
        clearTimeout(timer);
        document.querySelector('.members .member-scroll').getBoundingClientRect();
        resolve(document.body.offsetHeight);
      });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }

  const ROLES = ['ROLE_MANAGER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MEMBER'];
  function memberList(space) {
    let joined = 0;
    let invited = 0;
    const members = Array.from({ length: N }, (_, i) => {
      const n = String(i).padStart(5, '0');
      const role = i < 5 ? 'ROLE_MANAGER' : i < 50 ? 'ROLE_ASSISTANT_MANAGER' : 'ROLE_MEMBER';
      const group = i % 500 === 3;
      const inv = !group && i % 10 === 7;
      if (inv) invited++;
      else joined++;
      return {
        name: `${space.name}/members/${100000 + i}`,
        kind: group ? 'group' : 'person',
        memberName: group ? `groups/team${n}` : `users/${100000 + i}`,
        role: group ? '' : role,
        state: inv ? 'INVITED' : 'JOINED',
        displayName: i === 0 ? 'Admin' : inv || group ? '' : `Person ${n}`,
        email: i === 0 ? 'admin@example.com' : inv || group ? '' : `person${n}@${i % 17 === 0 ? 'partner.example' : 'example.com'}`,
        external: i % 17 === 0 && i > 0,
        me: i === 0,
        createTime: '2026-01-02T03:04:05Z',
        may: {
          roles: i === 0 || group ? [] : ROLES.filter((r) => r !== role),
          remove: true,
          cancelInvitation: inv,
        },
      };
    });
    return { space, members, myRole: 'ROLE_MANAGER', addRoles: ROLES.slice(), joined, invited };
  }

  async function measure(t0, laidOut) {
    await laidOut;
    out(`BENCH member-list-work ${(performance.now() - t0).toFixed(1)}`);
    await afterPaint(N);
    out(`BENCH member-list ${(performance.now() - t0).toFixed(1)}`);
    out(`BENCH member-nodes ${document.getElementsByTagName('*').length}`);
    const box = document.querySelector('.members input[type=search]');
    type(box, 'Person 09999');
    await afterPaint(1);
    let t1 = performance.now();
    const cleared = settled(N);
    type(box, '');
    await cleared;
    out(`BENCH member-clear-work ${(performance.now() - t1).toFixed(1)}`);
    type(box, 'Person 09999');
    await afterPaint(1);
    t1 = performance.now();
    type(box, '');
    await afterPaint(N);
    out(`BENCH member-clear ${(performance.now() - t1).toFixed(1)}`);
    out('BENCH done 1');
  }

  const fail = (e) => out(`BENCH error ${String(e && e.message).replace(/\s+/g, ' ')}`);

  /** choose: once the spaces are shown, find Marketing with the space search and click it. */
  async function choose() {
    await until(() => document.querySelector('.spaces input[type=search]') && document.querySelector('.space-list'), 'the space list');
    type(document.querySelector('.spaces input[type=search]'), 'Marketing');
    const row = () => [...document.querySelectorAll('.space-list .space')].find((r) => r.textContent.includes('Marketing'));
    await until(row, 'the space Marketing');
    row().click();
  }

  let go;
  Object.defineProperty(window, 'go', {
    configurable: true,
    get: () => go,
    set(v) {
      go = v;
      const app = v.main && v.main.Members;
      if (!app || !app.List) {
        setTimeout(() => out('BENCH error no binding main.Members.List to hook'));
        return;
      }
      const list = app.List;
      app.List = async (space, admin) => {
        const real = await list(space, admin);
        const answer = memberList(real.space);
        const t0 = performance.now();
        measure(t0, settled(N)).catch(fail);
        return answer;
      };
      choose().catch(fail);
    },
  });
})();
