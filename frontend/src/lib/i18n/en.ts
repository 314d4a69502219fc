// English catalogue. Every user-visible string lives here and in ru.ts with the same keys.
// Plural entries name the CLDR categories; {name} placeholders are filled by t().
// Problem codes from the backend translate through `problem.<code>.message` and `.fix`.

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
  'welcome.secret.step1': 'Open the Google Cloud console (console.cloud.google.com) and choose your project.',
  'welcome.secret.step2': 'Go to APIs & Services, then Credentials.',
  'welcome.secret.step3': 'Click Create credentials, then OAuth client ID.',
  'welcome.secret.step4': 'For Application type choose Desktop app, type a name and click Create.',
  'welcome.secret.step5': 'Click Download JSON, then choose that file here.',
  'welcome.busy': 'Please wait…',
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
  'spaces.count': {
    one: '{count} space shown',
    other: '{count} spaces shown',
  },

  'add.heading': 'Add to {space}',
  'add.headingNone': 'Add a member',
  'add.noSpace': 'Choose a space on the left to add someone to it.',
  'add.who': 'Who do you want to add?',
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
  'add.failed': "Couldn't add",

  'problem.details': 'Details',
  'problem.code': 'Code: {code}',
  'problem.retryable': 'This is usually temporary. Try again in a minute.',

  'card.heading': 'Result',
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

  'state.JOINED': 'Joined',
  'state.INVITED': 'Invited — they must accept the invitation before they can see the space',
  'state.NOT_A_MEMBER': 'Not a member',
  'state.already': 'Already a member',
  'state.other': 'Unknown',

  'role.ROLE_MEMBER': 'Member',
  'role.ROLE_ASSISTANT_MANAGER': 'Manager',
  'role.ROLE_MANAGER': 'Owner',
  'role.other': 'No role',

  'problem.unexpected.message': 'Something unexpected went wrong.',
  'problem.unexpected.fix': 'Try again. If it keeps happening, restart Chat Members.',
  'problem.internal.message': 'Something unexpected went wrong.',
  'problem.internal.fix': 'Try again. If it keeps happening, restart Chat Members.',

  'problem.auth.cancelled.message': 'Sign-in was cancelled.',
  'problem.auth.cancelled.fix': 'Start again when you are ready.',
  'problem.auth.denied.message': 'Google did not give Chat Members access.',
  'problem.auth.denied.fix': 'Sign in again and click Allow on the Google page.',
  'problem.auth.timeout.message': 'Sign-in took too long and was stopped.',
  'problem.auth.timeout.fix': 'Start again and finish signing in in your browser within a few minutes.',
  'problem.auth.browser.message': 'Your web browser could not be opened.',
  'problem.auth.browser.fix': 'Copy the sign-in link and paste it into your browser.',
  'problem.auth.not_signed_in.message': 'You are not signed in.',
  'problem.auth.not_signed_in.fix': 'Sign in again.',
  'problem.auth.expired.message': 'Your sign-in has expired or was withdrawn.',
  'problem.auth.expired.fix': 'Sign out, then sign in again.',
  'problem.auth.live_not_allowed.message': 'A real workspace cannot be used in this development build.',
  'problem.auth.live_not_allowed.fix': 'Use the demo workspace, or run the installed app.',
  'problem.auth.no_file.message': 'No file was chosen.',
  'problem.auth.no_file.fix': 'Choose the client_secret.json file you downloaded from Google Cloud.',
  'problem.auth.client_secret_invalid.message': 'This file is not a client_secret.json for a desktop app.',
  'problem.auth.client_secret_invalid.fix':
    'In Google Cloud, create an OAuth client ID of type Desktop app and download its JSON file.',
  'problem.auth.client_secret_web.message': 'This client_secret.json belongs to a web application, not a desktop app.',
  'problem.auth.client_secret_web.fix':
    'In Google Cloud, create an OAuth client ID of type Desktop app and download its JSON file.',
  'problem.auth.keyring.message': 'Your sign-in could not be saved on this computer.',
  'problem.auth.keyring.fix': 'You can keep working, but you will need to sign in again next time.',

  'problem.browser.open_failed.message': 'The link could not be opened in your browser.',
  'problem.browser.open_failed.fix': 'Copy the resource name or open Google Chat yourself.',
  // backend/chat codes (backend/chat/errors.go, validate.go, members.go, spaces.go)
  'problem.chat.invalid_space.message': "That isn't a valid Google Chat space.",
  'problem.chat.invalid_space.fix': 'Pick the space from the list again.',
  'problem.chat.empty_person.message': 'No email address was given.',
  'problem.chat.empty_person.fix': "Type the person's email address, for example jane@example.com.",
  'problem.chat.invalid_email.message': '“{email}” isn’t a valid email address.',
  'problem.chat.invalid_email.fix':
    'Check the address for typos, spaces or missing parts, for example jane@example.com.',
  'problem.chat.invalid_person.message': '“{person}” isn’t an email address or a Google user ID.',
  'problem.chat.invalid_person.fix': "Enter the person's email address, for example jane@example.com.",
  'problem.chat.dm_app_only.message': "People can't be added to a direct message; only the Chat app can.",
  'problem.chat.dm_app_only.fix': 'Add the people to a space or a group chat instead.',
  'problem.chat.app_not_configured.message':
    'The Google Cloud project behind Chat Members has no Chat app set up, so Google refuses its requests.',
  'problem.chat.app_not_configured.fix':
    'In the Google Cloud console open Google Chat API > Configuration, fill in the app name, avatar URL and description, and save.',
  'problem.chat.invalid_member.message': "Google didn't accept the person's address or ID.",
  'problem.chat.invalid_member.fix': 'Check the email address or user ID and try again.',
  'problem.chat.scope_missing.message': 'Chat Members needs one more permission from you for this.',
  'problem.chat.scope_missing.fix':
    "Allow the permission Google asks for. If Google doesn't ask, sign out and sign in again.",
  'problem.chat.permission_denied.message': "You aren't allowed to add members to this space.",
  'problem.chat.permission_denied.fix':
    'Ask a manager of the space to make you a manager, or to add the person for you.',
  'problem.chat.external_not_allowed.message':
    '{email} is outside your organisation, and this space only allows people from your organisation.',
  'problem.chat.external_not_allowed.fix':
    "Add them to a space that allows people from outside; this setting can't be changed once a space exists.",
  'problem.chat.admin_must_grant.message':
    'Your Google Workspace administrator has to approve Chat Members before it can do this.',
  'problem.chat.admin_must_grant.fix':
    'Ask your administrator to allow Chat Members in the Admin console (Security > API controls).',
  'problem.chat.workspace_only.message':
    "Google Chat's API only works with Google Workspace accounts, not personal Google accounts.",
  'problem.chat.workspace_only.fix': 'Sign in with your work or school account.',
  'problem.chat.chat_off.message': 'Google Chat is turned off for your account.',
  'problem.chat.chat_off.fix': 'Ask your Google Workspace administrator to turn on Google Chat for you.',
  'problem.chat.precondition.message': "Google can't make this change to the space right now.",
  'problem.chat.precondition.fix': 'Open the space in Google Chat to check it, then try again.',
  'problem.chat.space_not_found.message': "This space wasn't found, or you're no longer a member of it.",
  'problem.chat.space_not_found.fix':
    'Refresh the list of spaces. If the space is still missing, ask one of its managers to add you.',
  'problem.chat.already_member.message': 'They are already a member of this space.',
  'problem.chat.already_member.fix': 'Nothing needs to be done.',
  'problem.chat.quota.message': 'Google is limiting how fast Chat Members can work.',
  'problem.chat.quota.fix': 'Wait a minute, then try again.',
  'problem.chat.signed_out.message': 'Your Google sign-in has expired or was withdrawn.',
  'problem.chat.signed_out.fix': 'Sign out, then sign in again.',
  'problem.chat.google_unavailable.message': "Google Chat isn't answering properly right now.",
  'problem.chat.google_unavailable.fix': 'Try again in a few minutes.',
  'problem.chat.network.message': "Chat Members can't reach Google.",
  'problem.chat.network.fix': 'Check your internet connection, then try again.',
  'problem.chat.cancelled.message': 'The request was cancelled.',
  'problem.chat.cancelled.fix': "Start it again when you're ready.",
  'problem.chat.bad_request.message': 'Google refused the request.',
  'problem.chat.bad_request.fix': "Check what you entered and try again; the details show Google's reason.",
  'problem.chat.bad_response.message': "Google sent an answer that Chat Members couldn't read.",
  'problem.chat.bad_response.fix':
    'Try again. If it keeps happening, send the details to whoever looks after Chat Members.',
  'problem.chat.too_many_spaces.message': 'You are in more spaces than Chat Members can list.',
  'problem.chat.too_many_spaces.fix':
    'Leave spaces you no longer need, or ask for help from whoever looks after Chat Members.',
  'problem.chat.unexpected.message': "Google gave an answer Chat Members didn't expect.",
  'problem.chat.unexpected.fix':
    'Try again. If it keeps happening, send the details to whoever looks after Chat Members.',
} as const;

export type Key = keyof typeof en;
