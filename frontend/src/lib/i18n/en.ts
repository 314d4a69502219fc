// English catalogue. Every user-visible string lives here and in ru.ts with the same keys.
// Plural entries name the CLDR categories; {name} placeholders are filled by t().
// The English texts of backend problems are generated from Go (lib/api/problems.gen.ts);
// ru.problems.ts translates them by code.

export const en = {
  'app.title': 'Chat Members',
  'app.loading': 'Loading…',
  'app.skip': 'Skip to main content',

  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.ru': 'Русский',

  'copy.button': 'Copy',
  'copy.done': 'Copied',
  'copy.failed': 'Could not copy. Select the text and copy it yourself.',

  'welcome.heading': 'Add colleagues to Google Chat spaces',
  'welcome.intro': 'Choose where you want to work. You can change this later by signing out.',
  'welcome.demo.heading': 'Practice first',
  'welcome.demo.text':
    'A practice workspace with made-up people and spaces. Nothing you do there reaches Google.',
  'welcome.demo.button': 'Try the demo workspace',
  'welcome.live.heading': 'Use your organisation',
  'welcome.live.text':
    'Work with the real spaces of your Google Workspace. You will need a client_secret.json file from your Google Cloud project.',
  'welcome.live.button': 'Connect your Google Workspace',
  'welcome.live.notAllowed':
    'Connecting a real workspace is turned off in this development build. Use the demo workspace.',
  'welcome.secret.heading': 'What is a client_secret.json file?',
  'welcome.secret.text':
    'It is a small file that tells Google which Cloud project this app works for. It does not contain your password. Your Google Workspace administrator can make one for you, or you can make it yourself:',
  // In the order a new admin does them (../shared/reference/google-setup.md).
  'welcome.secret.step1':
    'Open the Google Cloud console (console.cloud.google.com) and choose a project of your organisation, or create one.',
  'welcome.secret.step2': 'Go to APIs & Services, then Library: find Google Chat API and click Enable.',
  'welcome.secret.step3':
    'Open Google Chat API, then Configuration: give the Chat app a name, an avatar URL and a description, and click Save. Google needs this even though Chat Members acts as you.',
  'welcome.secret.step4':
    'Set up the consent screen in Google Auth Platform (Branding and Audience): choose Internal, so that only accounts of your organisation can sign in.',
  'welcome.secret.step5':
    'In Google Auth Platform, go to Clients and click Create client. For Application type choose Desktop app, type a name and click Create.',
  'welcome.secret.step6': 'Click Download JSON, then choose that file here.',
  'welcome.busy': 'Please wait…',
  'welcome.again.heading': 'Continue with your organisation',
  'welcome.again.text':
    'Chat Members still has your client_secret.json file (OAuth client {clientId}). Sign in with your Google account to continue.',
  'welcome.again.button': 'Sign in again',
  'welcome.cancelled': 'Sign-in was cancelled. You can start again whenever you are ready.',

  'signin.heading': 'Finish signing in in your browser…',
  'signin.text':
    'Your web browser has opened a Google sign-in page. Choose your account and allow access, then come back to this window.',
  'signin.demoText':
    'Your web browser has opened the demo sign-in page. Choose a demo person and allow access, then come back to this window.',
  'signin.cancel': 'Cancel',
  'signin.fallback.heading': "Browser didn't open? Copy this link",
  'signin.fallback.text': "Paste it into your browser's address bar.",
  'signin.fallback.field': 'Sign-in link',

  'signin.failed.heading': 'Your browser could not be opened',
  'signin.failed.text': 'Open this link in your browser to sign in:',
  'signin.failed.after': 'Choose your account there and allow access, then come back to this window.',
  'signin.failed.demoAfter': 'Choose a demo person there and allow access, then come back to this window.',

  'header.signedInAs': 'Signed in as {account}',
  'header.demo': 'Demo workspace',
  'header.signOut': 'Sign out',
  'header.signingOut': 'Signing out…',

  'spaces.heading': 'Spaces',
  'spaces.search': 'Search spaces',
  'spaces.searchPlaceholder': 'Type part of a name',
  'spaces.filter': 'Show',
  'spaces.filter.all': 'All',
  'spaces.filter.SPACE': 'Spaces',
  'spaces.filter.GROUP_CHAT': 'Group chats',
  'spaces.filter.DIRECT_MESSAGE': 'Direct messages',
  'spaces.list': 'Choose a space',
  'spaces.type.SPACE': 'Space',
  'spaces.type.GROUP_CHAT': 'Group chat',
  'spaces.type.DIRECT_MESSAGE': 'Direct message',
  'spaces.type.other': 'Conversation',
  'spaces.untitled': 'Untitled space',
  'spaces.external': 'Open to people outside your organisation',
  'spaces.loading': 'Loading your spaces…',
  'spaces.empty': 'You are not a member of any space yet.',
  'spaces.noMatch': 'No spaces match your search.',
  'spaces.error': "Couldn't load your spaces",
  'spaces.retry': 'Retry',
  'spaces.refresh': 'Refresh',
  'spaces.refreshLabel': 'Refresh spaces',
  'spaces.count': {
    one: '{count} space shown',
    other: '{count} spaces shown',
  },

  'add.heading': 'Add to {space}',
  'add.headingNone': 'Add a member',
  'add.noSpace': 'Choose a space on the left to add someone to it.',
  'add.who': 'Who do you want to add?',
  'add.people': 'People or Google Groups',
  'people.label': 'Names, email addresses or Google Groups',
  'people.placeholder': 'Type a name, or paste a list',
  'people.help': 'Pick a colleague from the suggestions, or type or paste addresses separated by commas or new lines.',
  'people.chips': { one: '{count} entry to add', other: '{count} entries to add' },
  'people.remove': 'Remove {who}',
  'people.more': { one: 'and {count} more', other: 'and {count} more' },
  'people.suggestions': 'Suggested colleagues',
  'people.noneFound': 'Nobody in your organisation matches. You can type their full email address.',
  'people.leftOut': 'The list was too long: only its first 5,000 entries were read.',
  'people.role': 'Role',
  'people.submit': { one: 'Add {count} person', other: 'Add {count} people' },
  'people.refusedInvalid': {
    one: '{count} entry is not an address. Fix or remove it; nothing was sent.',
    other: '{count} entries are not addresses. Fix or remove them; nothing was sent.',
  },
  'people.removeInvalid': 'Remove the invalid entries',
  'people.tooMany': 'Add at most 500 people at a time; nothing was sent.',
  'people.none': 'Type a name or an email address.',
  'results.heading': 'Results',
  'results.summary': '{done} in the space, {failed} not added.',
  'results.badge.joined': 'Added',
  'results.badge.invited': 'Invited',
  'results.badge.already': 'Already there',
  'results.badge.alreadyInvited': 'Already invited',
  'results.badge.other': 'Result',
  'results.badge.failed': 'Not added',
  'results.joined': '{member} is now in the space as {role}.',
  'results.invited': '{member} was invited as {role}; they must accept.',
  'results.already': '{member} was already in the space ({role}).',
  'results.alreadyInvited': '{member} was already invited and has not accepted yet.',
  'results.group': '{member} is now in the space: everyone in the group can see it.',
  'results.other': 'Google reported an unusual status for {member}.',
  'add.person': 'A person',
  'add.app': 'This Chat app',
  'add.appHelp': "Adds your Google Cloud project's Chat app to this space, so it can post there.",
  'add.dmAppOnly': 'Only this Chat app can be added to a direct message.',
  'add.email': 'Email address',
  'add.emailHelp': "A colleague's work email, or a person's numeric Google ID.",
  'add.emailPlaceholder': 'name@example.com',
  'add.submit': 'Add',
  'add.busy': 'Adding…',
  'add.empty': 'Type an email address.',
  'add.malformed':
    '“{value}” doesn’t look like an email address. Check it for typos, for example name@example.com.',
  'add.consent.heading': 'Waiting for your permission in the browser',
  'add.consent.text':
    'Chat Members needs one more permission: allow it in your browser, then come back to this window.',
  'add.consent.fallback': "Browser didn't open? Copy this link into its address bar.",
  'add.consent.field': 'Permission link',
  'add.consent.cancel': 'Cancel',
  'add.consent.failed': 'Your browser could not be opened. Open this link in your browser:',
  'add.consent.failedAfter': 'Allow the permission there, then come back to this window.',
  'add.failedIn': "Couldn't add to {space}",
  'add.failed': "Couldn't add",

  'store.heading': 'Your sign-in was not saved on this computer',

  'problem.details': 'Details',
  'problem.code': 'Code: {code}',
  'problem.retryable': 'This is usually temporary. Try again in a minute.',

  'card.heading.joined': 'Added',
  'card.heading.invited': 'Invited',
  'card.heading.already': 'Already a member',
  'card.heading.alreadyInvited': 'Already invited',
  'card.heading.other': 'Result',
  'card.summary.other': 'Google reported an unusual status for {member} in {space}.',
  'card.invitedExplain': 'They must accept the invitation before they can see the space.',
  'card.timeInvited': 'Invited on',
  'card.details': 'Details',
  'card.member': 'Member',
  'card.state': 'Status',
  'card.role': 'Role',
  'card.time': 'Added',
  'card.space': 'Space',
  'card.resource': 'Resource name',
  'card.copyResource': 'Copy resource name',
  'card.open': 'Open in Google Chat',
  'card.app': 'This Chat app',
  'card.summary.joined': '{member} is now in {space}.',
  'card.summary.invited': '{member} was invited to {space}.',
  'card.summary.already': '{member} was already in {space}. Nothing was changed.',
  'card.summary.alreadyInvited':
    '{member} is already invited to {space} but hasn’t accepted yet. Nothing was changed.',

  'state.JOINED': 'Joined',
  'state.INVITED': 'Invited',
  'state.NOT_A_MEMBER': 'Not a member',
  'state.already': 'Already a member',
  'state.other': 'Unknown',

  'role.ROLE_MEMBER': 'Member',
  'role.ROLE_ASSISTANT_MANAGER': 'Manager',
  'role.ROLE_MANAGER': 'Owner',
  'role.other': 'No role',

  'problem.unexpected.message': 'Something unexpected went wrong.',
  'problem.unexpected.fix': 'Try again. If it keeps happening, restart Chat Members.',
} as const;

export type Key = keyof typeof en;
