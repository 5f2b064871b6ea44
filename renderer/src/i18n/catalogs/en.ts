/**
 * The English catalog: the source every other catalog translates, key for key (the type
 * `Catalog` makes a missing or extra key a compile error). Plurals use i18next's suffixes
 * (`_one`, `_other`); `{{name}}` is interpolated. Terms: see glossary.zh-CN.md.
 */
export const en = {
  nav: {
    label: 'Main',
    profiles: 'Profiles',
    profilesHint: 'Every profile of every connection',
    sessions: 'Sessions',
    sessionsHint: 'Open profiles and their debug endpoints',
    connections: 'Connections',
    connectionsHint: 'Vendor clients BrowserDeck talks to',
    activity: 'Activity',
    activityHint: 'Bulk jobs and their results',
    scripts: 'Scripts',
    scriptsHint: 'Automation scripts to run on profiles',
    settings: 'Settings',
    settingsHint: 'Theme, vendor limits, proxy check, demo',
  },
  appInfo: {
    connecting: 'Connecting to core…',
    unavailable: 'Core unavailable: {{error}}',
    version: 'Version',
    platform: 'Platform',
    harness: 'browser harness',
    secrets: 'Secrets',
    secretsEncrypted: 'OS-encrypted',
    secretsMemory: 'memory only',
    secretsEncryptedHint: 'Tokens are encrypted by the OS',
    secretsMemoryHint: 'No OS encryption: tokens are kept in memory for this session only',
  },
  language: {
    label: 'Language',
  },
  common: {
    cancel: 'Cancel',
    retry: 'Retry',
    add: 'Add',
    edit: 'Edit',
    remove: 'Remove',
    removing: 'Removing…',
    stopping: 'Stopping…',
  },
  connections: {
    title: 'Connections',
    detect: 'Detect',
    detecting: 'Detecting…',
    add: 'Add connection',
    memoryOnly:
      'This system offers no encryption: tokens are kept in memory for this session only.',
    listFailed: 'Could not list connections: {{error}}',
    loading: 'Loading connections…',
    listLabel: 'Connections',
    card: {
      label: '{{label}} ({{vendor}})',
      demo: 'demo',
      baseUrl: 'Base URL',
      token: 'Token',
      tokenNotNeeded: 'not needed',
      tokenSet: 'set',
      tokenNotSet: 'not set',
      profiles: 'Profiles',
      test: 'Test',
      testing: 'Testing…',
      stopDemo: 'Stop demo',
      testFailed: 'Test failed: {{error}}',
      testNoAnswer: 'the client did not answer as expected',
      testOk: 'Test OK',
      testOkCount_one: 'Test OK · {{count, number}} profile',
      testOkCount_other: 'Test OK · {{count, number}} profiles',
      checkProxy: 'Check proxy before opening',
      checkProxyFailed: 'Could not change the proxy check setting',
    },
    health: {
      ok: 'Answers',
      error: 'Not answering',
      unknown: 'Not checked yet',
      checked: 'checked',
    },
    detectPanel: {
      looking: 'Looking for vendor clients on their default ports…',
      failed: 'Detection failed: {{error}}',
      title: 'Vendor clients on this machine',
      answersAt: 'answers at',
      needsToken: 'needs the token from its settings',
      added: 'Added',
      addWithToken: 'Add with token…',
      addLabel: 'Add {{vendor}} at {{url}}',
      checkingAgain: 'Checking again…',
      toastAdded: 'Connection added',
      toastAddFailed: 'Could not add',
    },
    demo: {
      offerTitle: 'No vendor client answered on this machine. Try the built-in sandbox',
      offerText:
        "The sandbox emulates the vendors' Local APIs with 200 demo profiles, so you can try the table, bulk edits, sessions and DevTools. It uses a real Chromium, Chrome or Edge if one is installed, otherwise a simulated mode. Stop it any time.",
      startFailed: 'The sandbox did not start: {{error}}',
      starting: 'Starting the sandbox…',
      start: 'Try the built-in sandbox',
      addByHand: 'Add a connection by hand',
      creating: 'Creating 200 demo profiles and looking for a browser…',
      running: 'Demo sandbox running',
      simulated:
        'in simulated mode: no Chromium, Chrome or Edge was found, so demo windows are simulated and no real browser opens.',
      realBrowser: 'with a real browser:',
      browserFound: 'found on this system',
      stop: 'Stop demo',
    },
    remove: {
      title: 'Remove {{label}}?',
      text: 'BrowserDeck forgets this connection and its token, and its profiles leave the table. Nothing is deleted in the vendor client: add the connection again to see them.',
      toastRemoved: 'Connection removed',
    },
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** What every catalog has: the English one's keys, each a string. */
export type Catalog = Strings<typeof en>;
