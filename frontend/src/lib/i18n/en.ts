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
  // The codes below are exactly those the Go backend produces (backend-codes.test.ts checks).
  'problem.internal.message': 'Something unexpected went wrong.',
  'problem.internal.fix': 'Try again. If it keeps happening, restart Chat Members.',

  // backend/auth (problems.go): the client_secret.json file
  'problem.auth.secret_not_json.message': 'This is not a client_secret.json file from Google Cloud.',
  'problem.auth.secret_not_json.fix':
    'In the Google Cloud console open APIs & Services > Credentials, download the JSON file of your Desktop app OAuth client and choose that file.',
  'problem.auth.secret_too_large.message': 'This file is too large to be a client_secret.json file.',
  'problem.auth.secret_too_large.fix':
    'Choose the small JSON file you downloaded for your OAuth client in the Google Cloud console.',
  'problem.auth.secret_web_client.message':
    'This file is for a web application, but Chat Members needs an OAuth client of type Desktop app.',
  'problem.auth.secret_web_client.fix':
    'In the Google Cloud console (APIs & Services > Credentials) create an OAuth client ID of type Desktop app, download its JSON file and choose that file.',
  'problem.auth.secret_service_account.message': 'This file is a service account key, not an OAuth client.',
  'problem.auth.secret_service_account.fix':
    'In the Google Cloud console (APIs & Services > Credentials) create an OAuth client ID of type Desktop app, download its JSON file and choose that file.',
  'problem.auth.secret_unknown_type.message': 'This file does not describe an OAuth client of type Desktop app.',
  'problem.auth.secret_unknown_type.fix':
    'In the Google Cloud console (APIs & Services > Credentials) create an OAuth client ID of type Desktop app, download its JSON file and choose that file.',
  'problem.auth.secret_missing_field.message': 'This client_secret.json file is incomplete: {field} is missing.',
  'problem.auth.secret_missing_field.fix':
    'Download the JSON file of your Desktop app OAuth client again from the Google Cloud console and choose the new file.',
  'problem.auth.secret_bad_uri.message':
    'This client_secret.json file looks damaged: {field} is not a proper web address.',
  'problem.auth.secret_bad_uri.fix':
    'Download the JSON file of your Desktop app OAuth client again from the Google Cloud console and choose the new file.',
  'problem.auth.secret_not_google.message':
    "This client file's {field} sends your sign-in to {host}, which is not Google.",
  'problem.auth.secret_not_google.fix':
    'Download the JSON file of your Desktop app OAuth client yourself from the Google Cloud console (APIs & Services > Credentials) and choose that file. Do not use a client file someone else sent you.',
  'problem.auth.secret_not_file.message': 'This is not a file that Chat Members can read as a client_secret.json file.',
  'problem.auth.secret_not_file.fix':
    'Choose the JSON file you downloaded for your Desktop app OAuth client from the Google Cloud console.',
  'problem.auth.secret_unreadable.message': 'Chat Members could not read this file.',
  'problem.auth.secret_unreadable.fix':
    'Check that the file still exists and that you are allowed to open it, then choose it again.',
  // backend/auth: signing in and out
  'problem.auth.listen_failed.message':
    'Chat Members could not get ready to receive the sign-in from your browser.',
  'problem.auth.listen_failed.fix':
    'Try again. If it keeps happening, check that your security software lets Chat Members accept connections from this computer.',
  'problem.auth.state_mismatch.message':
    'The sign-in was stopped because the browser came back from a different sign-in attempt.',
  'problem.auth.state_mismatch.fix':
    'Start signing in again and finish it in the browser tab that Chat Members opens.',
  'problem.auth.denied.message': 'You did not allow Chat Members to access your Google account.',
  'problem.auth.denied.fix': "Sign in again and click Allow on Google's page.",
  'problem.auth.authorization_failed.message': 'Google did not let you sign in to Chat Members.',
  'problem.auth.authorization_failed.fix':
    'Ask your Google Workspace administrator whether Chat Members may be used in your organisation, then sign in again.',
  'problem.auth.cancelled.message': 'Sign-in was cancelled.',
  'problem.auth.cancelled.fix': 'Sign in again when you are ready.',
  'problem.auth.timeout.message': 'Sign-in took too long and was stopped.',
  'problem.auth.timeout.fix': 'Sign in again and finish the steps in your browser within a few minutes.',
  'problem.auth.busy.message': 'A sign-in is already in progress.',
  'problem.auth.busy.fix': 'Finish the sign-in in your browser, or cancel it before starting a new one.',
  'problem.auth.exchange_failed.message': 'Google did not accept the sign-in.',
  'problem.auth.exchange_failed.fix':
    'Sign in again. If it keeps happening, download your client_secret.json file again from the Google Cloud console and choose it.',
  'problem.auth.client_rejected.message': 'Google does not accept the OAuth client in your client_secret.json file.',
  'problem.auth.client_rejected.fix':
    'In the Google Cloud console check that your Desktop app OAuth client still exists, download its JSON file again and choose the new file.',
  'problem.auth.network.message': 'Chat Members could not reach Google.',
  'problem.auth.network.fix': 'Check your internet connection, then try again.',
  'problem.auth.no_identity.message': 'Google did not say which account you signed in with.',
  'problem.auth.no_identity.fix':
    'Sign in again. If it keeps happening, download your client_secret.json file again from the Google Cloud console and choose it.',
  'problem.auth.wrong_account.message':
    'You chose {chosen} in the browser, but Chat Members is signed in as {account}, so it did not use {chosen}.',
  'problem.auth.wrong_account.fix':
    "Try again and choose {account} on Google's page. To use {chosen} instead, sign out first, then sign in with it.",
  'problem.auth.not_signed_in.message': 'You are not signed in.',
  'problem.auth.not_signed_in.fix': 'Sign in with your Google account.',
  'problem.auth.expired.message': 'Your sign-in has expired, so you need to sign in again.',
  'problem.auth.expired.fix':
    'Sign in again. If this happens every week, your OAuth consent screen is in Testing mode, where Google ends sign-ins after 7 days: publish the app (OAuth consent screen > Publish app) or make it Internal.',
  'problem.auth.store_failed.message': 'Chat Members could not save or read your sign-in on this computer.',
  'problem.auth.store_failed.fix':
    'You can keep working, but you may have to sign in again next time. Check that you can save files in your home folder.',
  'problem.auth.revoke_failed.message':
    'You are signed out on this computer, but Google could not be told to end the sign-in.',
  'problem.auth.revoke_failed.fix':
    'Nothing else is needed here. To be thorough, remove Chat Members at myaccount.google.com/permissions when you are online.',

  // backend/workspace
  'problem.workspace.none.message': 'No workspace is chosen yet.',
  'problem.workspace.none.fix': 'Choose the demo workspace or connect your Google Workspace first.',
  'problem.workspace.signed_out.message': 'You are not signed in.',
  'problem.workspace.signed_out.fix': 'Sign in with Google, then try again.',
  'problem.workspace.live_refused.message': 'This test build only works with the demo workspace.',
  'problem.workspace.live_refused.fix': 'Use the installed Chat Members app to connect your Google Workspace.',
  'problem.workspace.save_failed.message': 'Chat Members could not save its settings on this computer.',
  'problem.workspace.save_failed.fix': 'Check that you can save files in your home folder, then try again.',
  'problem.workspace.no_config_dir.message': 'Chat Members could not find a folder to keep its settings in.',
  'problem.workspace.no_config_dir.fix': 'Check that your user account has a home folder, then try again.',
  'problem.workspace.bad_link.message': 'That link does not lead to Google Chat, so it was not opened.',
  'problem.workspace.bad_link.fix': 'Open Google Chat yourself at chat.google.com.',
  'problem.workspace.browser_failed.message': 'Your web browser could not be opened.',
  'problem.workspace.browser_failed.fix': 'Copy this address into your browser yourself: {link}',
  'problem.workspace.no_file.message': 'No file was chosen.',
  'problem.workspace.no_file.fix': 'Choose the client_secret.json file you downloaded from the Google Cloud console.',
  'problem.workspace.dialog_failed.message': 'The window for choosing a file could not be opened.',
  'problem.workspace.dialog_failed.fix': 'Try again. If it keeps failing, restart Chat Members.',

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
  'problem.chat.person_not_found.message': "Google couldn't find anyone with the address or user ID {person}.",
  'problem.chat.person_not_found.fix':
    'Check it for typos. The person needs a Google account; if you entered a user ID, try their email address instead.',
  'problem.chat.already_member.message': 'They are already a member of this space.',
  'problem.chat.already_member.fix': 'Nothing needs to be done.',
  'problem.chat.quota.message': 'Google is limiting how fast Chat Members can work.',
  'problem.chat.quota.fix': 'Wait a minute, then try again.',
  'problem.chat.signed_out.message': 'Your Google sign-in has expired or was withdrawn.',
  'problem.chat.signed_out.fix': 'Sign in again with your Google account.',
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
  'problem.chat.too_many_members.message': 'This space has more members than Chat Members can list.',
  'problem.chat.too_many_members.fix': 'Open the space in Google Chat to see its members.',
  'problem.chat.invalid_membership.message': "That isn't a valid member of a Google Chat space.",
  'problem.chat.invalid_membership.fix': 'Refresh the member list and pick the person again.',
  'problem.chat.invalid_role.message': "That isn't a role a member of a space can have.",
  'problem.chat.invalid_role.fix': 'Choose Member, Manager or Owner.',
  'problem.chat.role_not_allowed.message': "You aren't allowed to give {member} this role.",
  'problem.chat.role_not_allowed.fix':
    "Managers can make members managers; only an owner can make someone an owner or change an owner's role. Ask an owner of the space.",
  'problem.chat.remove_not_allowed.message': "You aren't allowed to remove {member} from this space.",
  'problem.chat.remove_not_allowed.fix':
    'Managers can remove members; only owners can remove managers and other owners. Ask an owner of the space.',
  'problem.chat.last_owner.message':
    '{member} is the only owner of this space, and Google requires every space to keep an owner.',
  'problem.chat.last_owner.fix': 'Make someone else an owner first, then try again.',
  'problem.chat.member_gone.message': 'This person is no longer in the space: they may have just left or been removed.',
  'problem.chat.member_gone.fix': 'Refresh the member list.',
  'problem.chat.confirm_leave.message': 'This would remove you from the space, and you would no longer see it.',
  'problem.chat.confirm_leave.fix': 'Confirm once more that you want to leave the space.',
  'problem.chat.no_role.message': 'Chat apps and Google Groups have no role in a space; only people do.',
  'problem.chat.no_role.fix': 'Change the role of a person instead.',
  'problem.chat.roles_only_in_spaces.message':
    "Only spaces have managers and owners; group chats and direct messages don't.",
  'problem.chat.roles_only_in_spaces.fix': 'Add the person as a member, or use a space instead.',
  'problem.chat.not_invited.message': '{member} has already accepted the invitation, so there is nothing to cancel.',
  'problem.chat.not_invited.fix': 'Refresh the member list. To take them out of the space, remove them instead.',
  'problem.chat.unexpected.message': "Google gave an answer Chat Members didn't expect.",
  'problem.chat.unexpected.fix':
    'Try again. If it keeps happening, send the details to whoever looks after Chat Members.',
  'problem.chat.not_admin.message': "Your account doesn't have the Google Workspace administrator privilege for Chat.",
  'problem.chat.not_admin.fix':
    'Switch administrator mode off, or ask a super administrator to give you the "Manage Chat and spaces conversations" privilege.',
  'problem.chat.invalid_search.message':
    "Space names can't be searched for with quotation marks, backslashes or very long text.",
  'problem.chat.invalid_search.fix': 'Type part of the space\'s name, at most 200 characters, without " or \\.',
  'problem.chat.invalid_page_token.message': 'Chat Members lost its place in the list.',
  'problem.chat.invalid_page_token.fix': 'Start the list again from the top.',
  'problem.chat.invalid_group.message': "That isn't a Google Group Chat Members can add.",
  'problem.chat.invalid_group.fix': 'Add the group by its email address.',
  'problem.chat.group_named_spaces_only.message':
    'Google Groups can only be added to spaces, not to group chats or direct messages.',
  'problem.chat.group_named_spaces_only.fix': "Add the group's people one by one, or choose a space.",
  'problem.chat.admin_no_apps.message': "Apps can't be added with administrator access.",
  'problem.chat.admin_no_apps.fix': 'Switch administrator mode off and add the app as a member of the space.',
  'problem.chat.admin_outsider.message':
    '{email} is outside your organisation, and administrator access can only add people from your organisation.',
  'problem.chat.admin_outsider.fix':
    'Switch administrator mode off and add them as a manager of a space that allows people from outside.',
  'problem.chat.group_unknown.message': "Google Chat doesn't know this Google Group.",
  'problem.chat.group_unknown.fix': "Check the group's address; only groups of your own organisation can be added.",
  'problem.directory.empty_query.message': 'Type a name or an email address to search for.',
  'problem.directory.empty_query.fix': "Type at least one letter of the person's name.",
  'problem.directory.invalid_query.message': "That doesn't look like a name or an email address.",
  'problem.directory.invalid_query.fix': 'Type part of a name or address, at most 100 characters.',
  'problem.directory.invalid_address.message': "{email} isn't an email address.",
  'problem.directory.invalid_address.fix': "A Google Group's address looks like team@example.com.",
  'problem.directory.group_not_found.message': 'No Google Group has the address {email}.',
  'problem.directory.group_not_found.fix':
    'Check the address for typos. Only groups of your own organisation can be added.',
  'problem.directory.not_a_group.message': '{email} is the address of a person ({person}), not of a Google Group.',
  'problem.directory.not_a_group.fix': 'Add them as a person instead.',
  'problem.directory.not_a_person.message': '{email} is the address of a Google Group, not of a person.',
  'problem.directory.not_a_person.fix': 'Add it as a group instead: everyone in the group joins the space.',
  'problem.directory.search_refused.message': "Your organisation doesn't let Chat Members search its directory.",
  'problem.directory.search_refused.fix': "Type the person's full email address instead.",
} as const;

export type Key = keyof typeof en;
