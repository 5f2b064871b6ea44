/**
 * English: Errors worded from their code and parameters (main sends codes, not sentences).
 * (part of the catalog in ./index.ts). `reason` mirrors shared/ipc/error-reasons.ts (a reason
 * `vendor.said` is `reason.vendor.said`); an `invalid-input` reason says what is wrong with
 * the field and `withField` puts the field's name before it. `_refused`, `_string`… are
 * i18next contexts main picks (params.context).
 */
export const errors = {
  /** When main gave no reason this renderer knows (an older job, a newer main). */
  code: {
    'invalid-input': 'The input is not valid',
    unreachable: 'The client is not reachable',
    timeout: 'The client did not answer in time',
    unauthorized: 'The client refused the token',
    'not-found': 'Not found',
    conflict: 'This conflicts with the current state: reload and try again',
    busy: 'The client is busy: try again shortly',
    'vendor-error': 'The client answered with an error',
    unsupported: 'Not supported here',
    cancelled: 'Cancelled',
    forbidden: 'Refused',
    internal: 'Something went wrong in BrowserDeck; see the log',
  },
  withField: '{{field}}: {{problem}}',
  /** A vendor's own words, appended to our sentence as the vendor gave them. */
  vendorCode: '{{text}} (vendor code {{vendorCode}})',
  vendorSaid: '{{text}} ({{vendorMessage}}, vendor code {{vendorCode}})',
  /** Field paths as they are named on screen; an unknown path is shown as it is. */
  fields: {
    proxy: {
      method: 'Proxy method',
      type: 'Proxy type',
      host: 'Proxy host',
      port: 'Proxy port',
      username: 'Proxy username',
      password: 'Proxy password',
      refreshUrl: 'Proxy refresh URL',
      extractionUrl: 'Proxy extraction URL',
      vendorProxyId: 'Vendor proxy',
      socks5Udp: 'SOCKS5 UDP',
    },
    baseUrl: 'Base URL',
    token: 'Token',
    label: 'Label',
    requestsPerSecond: 'Requests per second',
    keys: 'Profiles',
    key: 'Profile',
    name: 'Name',
    remark: 'Remark',
    tags: 'Tags',
    ipEchoUrl: 'IP echo URL',
    openConcurrency: 'Windows opened at once',
    proxyCheckConcurrency: 'Proxy checks at once',
    proxyCheckTimeoutMs: 'Proxy check timeout',
    requestTimeoutMs: 'Request timeout',
    openTimeoutMs: 'Open timeout',
    demoProfiles: 'Demo profiles',
    theme: 'Theme',
    checkProxyBeforeOpen: 'Check proxy before opening',
    vendorConcurrency: 'Requests at once',
    template: 'Name template',
    likeProfileKey: 'Template profile',
    jobId: 'Job',
  },
  unit: {
    windows: 'windows',
    checks: 'checks',
    ms: 'ms',
    requests: 'requests',
    profiles: 'profiles',
  },
  types: {
    string: 'text',
    number: 'a number',
    boolean: 'on or off',
    array: 'a list',
    object: 'an object',
  },
  reason: {
    invalid: {
      too_small: 'must be at least {{count, number}}',
      too_small_number: 'must be at least {{count, number}}',
      too_small_number_exclusive: 'must be more than {{count, number}}',
      too_small_string_one: 'must not be empty',
      too_small_string_other: 'must be at least {{count, number}} characters long',
      too_small_array_one: 'must list at least one item',
      too_small_array_other: 'must list at least {{count, number}} items',
      too_big: 'must be at most {{count, number}}',
      too_big_number: 'must be at most {{count, number}}',
      too_big_number_exclusive: 'must be less than {{count, number}}',
      too_big_string_one: 'must be at most one character long',
      too_big_string_other: 'must be at most {{count, number}} characters long',
      too_big_array_one: 'must list at most one item',
      too_big_array_other: 'must list at most {{count, number}} items',
      invalid_type: 'must be {{expected}}',
      invalid_value: 'must be one of: {{options}}',
      invalid_format: 'is not in the right format ({{format}})',
      invalid_union: 'is none of the accepted forms',
      unrecognized_keys: 'is not a field this request takes',
      not_multiple_of: 'must be a multiple of {{divisor, number}}',
      invalid_key: 'has a key that is not valid',
      invalid_element: 'has an entry that is not valid',
      custom: '{{problem}}',
      'port-range': 'must be 1-65535',
      'whole-number': 'must be a whole number from {{min, number}} to {{max, number}} {{unitName}}',
      theme: 'must be system, light or dark',
      'on-off': 'must be on or off',
      'http-url': 'must be an http(s) URL',
      'http-url-example': 'must be an http(s) URL such as {{example}}',
      domain: 'must be a domain such as example.com',
      'language-tag': 'a language tag such as en or zh-CN',
      'name-template': 'must contain {n}',
      'sheet-edit-empty': 'changes nothing: name, remark, groupId, tags or proxy',
      'tags-none': 'name a tag to add or remove',
      'tags-both': '"{{tag}}" cannot be both added and removed',
    },
    proxy: {
      'host-required': 'is required for a custom proxy',
      'host-invalid': 'must be an IPv4 or IPv6 address or a host name',
      'port-required': 'is required for a custom proxy (1-65535)',
      'api-type-required': 'an API-extracted proxy needs a proxy type',
      'extraction-url-required': 'is required for API extraction',
      'vendor-proxy-required': 'is required for a vendor-managed proxy',
      'udp-socks5-only': 'applies to socks5 proxies only',
      'managed-unsupported':
        "{{vendor}}'s Local API cannot bind a window to a managed proxy; use a custom or API-extracted proxy",
      'api-unsupported':
        "{{vendor}}'s Local API takes no API-extraction link; use a custom proxy, or a proxy from its proxy manager",
      'saved-proxy-missing':
        "{{vendor}}'s proxy list has no proxy {{id}}, so this profile's stored password is unknown; enter it again, or clear it",
      'type-unsupported': '{{vendor}} takes {{types}}, not {{type}}',
      'password-moved':
        'the stored password belongs to the proxy at {{stored}}; a proxy moved to {{moved}} needs its own password (enter it, or clear it)',
      'password-unknown':
        '{{vendor}} did not report where this profile keeps its proxy password; enter the password again, or clear it',
    },
    'base-url': {
      'not-url': 'must be an http(s) URL such as http://127.0.0.1:53200',
      'not-http': 'must be an http(s) URL',
      credentials: 'must not contain credentials; use the token field',
      query: 'must not have a query or fragment',
      'not-loopback':
        'must be on this machine (127.0.0.1, localhost or [::1]): vendor clients serve their Local API there only, and {{host}} is not',
      duplicate: '{{baseUrl}} is the client already connected as "{{label}}" ({{existing}})',
      'not-local':
        "{{baseUrl}} is not on this machine; edit the connection to point at the client's loopback address",
    },
    rate: {
      unsupported: '{{vendor}} has no request rate setting',
      choices: '{{vendor}} takes {{choices}} requests per second, not {{rate, number}}',
    },
    'profile-key': {
      invalid: '"{{key}}" is not a profile key',
    },
    keys: {
      empty: 'Select at least one profile',
    },
    vendor: {
      unreachable: '{{vendor}} at {{baseUrl}} is not reachable ({{cause}})',
      unreachable_refused:
        '{{vendor}} at {{baseUrl}} is not reachable (connection refused: is the client running?)',
      dropped: '{{vendor}} at {{baseUrl}} dropped the connection ({{cause}})',
      dropped_midResponse:
        '{{vendor}} at {{baseUrl}} dropped the connection mid-response ({{cause}})',
      timeout: '{{vendor}} at {{baseUrl}} did not answer within {{ms, number}} ms',
      'token-refused': '{{vendor}} at {{baseUrl}} refused the token',
      'key-refused': '{{vendor}} refused the API key',
      'key-missing-ads':
        "AdsPower asks for an API key (its security verification is on): paste the key from AdsPower's Local API settings",
      'key-missing-bit':
        'BitBrowser asks for an API key (turned on in the client under Settings / Local API)',
      'token-refused-cos': 'CosLogin refused the Local API token, or the client is logged out',
      'token-missing-cos':
        'CosLogin needs its Local API token (shown in the client under System Settings / Local API)',
      busy: '{{vendor}} at {{baseUrl}} is busy (too many requests)',
      'no-endpoint': '{{vendor}} at {{baseUrl}} has no such endpoint',
      'not-json':
        '{{vendor}} at {{baseUrl}} answered HTTP {{status}} with malformed or truncated JSON',
      'not-json_html':
        '{{vendor}} at {{baseUrl}} answered HTTP {{status}} with an HTML page instead of JSON',
      'not-its-answer':
        '{{vendor}} at {{baseUrl}} answered {{path}} (HTTP {{status}}) with something that is not a {{vendor}} response',
      'http-status': '{{vendor}} at {{baseUrl}} answered {{path}} with HTTP {{status}}',
      'too-large':
        '{{vendor}} at {{baseUrl}} sent a response larger than {{megabytes, number}} MB; refused',
      'unexpected-payload': '{{vendor}} sent an unexpected {{what}}: {{problem}}',
      'other-client':
        '{{vendor}} at {{baseUrl}} answers as {{other}} does, not as {{own}}: add it as a {{other}} connection',
      said: '{{vendor}}: {{vendorMessage}} (code {{vendorCode}})',
      'no-tags': "{{vendor}}'s Local API has no tag endpoints, so tags cannot be set",
      'no-copy': '{{vendor}} has no copy through its Local API',
      'no-result': 'The vendor client returned no result for this profile',
      'listing-too-large_megabytes':
        '{{vendor}} sent more than {{megabytes}} MB; the listing was stopped so it cannot exhaust memory',
      'listing-too-large_perRow':
        '{{vendor}} sent {{megabytes}} MB for {{rows, number}} rows, far more than profiles take; the listing was stopped so it cannot exhaust memory',
      'listing-too-large_rows':
        '{{vendor}} sent more than {{rows, number}} profiles; the listing was stopped so it cannot exhaust memory',
      'listing-too-large_total':
        '{{vendor}} sent a total of {{rows, number}} profiles; the listing was stopped so it cannot exhaust memory',
      'listing-too-large':
        '{{vendor}} sent too much; the listing was stopped so it cannot exhaust memory',
      'tag-not-created': 'AdsPower did not create the tag "{{name}}"',
      'wrong-window': '{{vendor}} answered the detail of window {{id}} with window {{other}}',
      'no-template-config':
        'CosLogin gave no configuration for the window to copy from, so a window like it cannot be created',
    },
    connection: {
      unknown: 'No connection {{id}}',
      gone: 'Connection {{id}} no longer exists',
      'test-failed': 'Connection test failed',
    },
    profile: {
      unknown: '{{vendor}} has no profile {{id}}',
      gone: 'The profile no longer exists in its connection',
      'already-in-target':
        'This profile is already in the target connection: choose another connection',
    },
    job: {
      gone: 'Job {{id}} is no longer kept',
      running: 'The job is still running; retry once it has finished',
      'unknown-kind': '"{{kind}}" is not a kind of job',
      stopped: 'Stopped by cancel',
      'retry-running': 'A retry of this job is still running',
      'nothing-to-retry': 'This job has nothing to retry',
      'undo-running': 'The job is still running; undo it once it has finished',
      'nothing-to-undo': 'This job kept no values to put back',
      'being-undone': 'This job is being undone already',
      'undo-start': 'An undo starts from the job it undoes (jobs:undo)',
      'undo-kind': 'A {{kind}} job cannot be undone',
      'cannot-tell':
        "BrowserDeck stopped while this was being done: look for it in the vendor's list before doing it again",
      'cannot-tell_created':
        "BrowserDeck stopped while this was being created: look for it in the vendor's list before doing it again",
      'cannot-tell_copied':
        "BrowserDeck stopped while this was being copied: look for it in the vendor's list before doing it again",
      'verify-unread':
        'Could not read the profile to see whether the interrupted edit applied: {{problem}}',
      'verify-unread_noAnswer':
        'Could not read the profile to see whether the interrupted edit applied: the vendor did not answer',
      'old-proxy-invalid': 'The proxy from before the edit cannot be written back: {{problem}}',
      'password-withheld':
        'The proxy password this edit sets is not kept once BrowserDeck restarts: run the edit again and enter the password',
      'connection-unloadable': 'Connection {{id}} could not be loaded',
      'no-target-group': 'No target group chosen for connection {{id}}',
      'template-elsewhere': 'The template profile {{like}} is not in this connection',
      'no-sheet-row': 'No row of the spreadsheet names this profile',
      'no-proxy-assigned': 'No proxy assigned to this profile',
    },
    copy: {
      unsupported:
        "Copy is not offered by this vendor's Local API ({{vendor}}); ixBrowser profiles only",
      'source-gone': 'The source profile no longer exists, so its proxy password could not be read',
      'source-removed': 'The source profile no longer exists in its connection',
      'source-unread': 'The source profile or its proxy could not be read',
      'source-not-read': 'The source profile was not read',
      'proxy-changed': "The source profile's proxy changed while it was being copied: try again",
    },
    'proxy-check': {
      unavailable: 'Proxy checks are not available in this build',
    },
    automation: {
      unavailable: 'Automation is not available in this build',
      firefox:
        'Automation needs a Chromium profile; this one runs Firefox, which DevTools automation cannot drive',
      firefox_vendor:
        'Automation needs a Chromium profile; this one runs Firefox, which DevTools automation cannot drive (every {{vendor}} profile does)',
      'cookies-withheld':
        'The cookies this job imports are not kept once BrowserDeck restarts: run the import again and paste them',
      'cookies-invalid': '{{problem}}',
      'not-open': 'The profile is not open, and this run opens none',
      timeout: 'The task did not finish within {{seconds}} s',
      'step-timeout': '{{problem}}',
      'cdp-unreachable': "The browser's DevTools endpoint did not answer: {{problem}}",
      failed: '{{problem}}',
      'no-context': 'The browser has no default context to work in',
      'urls-failed': '{{failed}} of {{total}} URLs did not load',
      'no-ip': 'The IP-echo page {{host}} answered without an IP address',
      'bad-job-id': '"{{id}}" is not a job id',
      'no-thumbnail': 'No thumbnail is kept for this profile in this job',
    },
    demo: {
      'start-failed': 'The built-in sandbox could not start: {{cause}}',
    },
    devtools: {
      'no-address': 'The vendor reports no debugging address for this session',
      'not-loopback': 'Debugging address {{address}} is not a loopback host:port',
      'no-answer': "The browser's debugging port {{address}} does not answer",
      refused:
        'The browser refused a DevTools connection (it may allow only one client, or --remote-allow-origins blocks it).',
      refused_url:
        'The browser refused a DevTools connection (it may allow only one client, or --remote-allow-origins blocks it). Try {{url}}.',
      'no-frontend': 'This browser does not serve a DevTools frontend.',
      'no-frontend_url':
        'This browser does not serve a DevTools frontend. Paste {{url}} into a Chromium address bar instead.',
      firefox:
        'This profile runs Firefox: Chrome DevTools cannot attach. Use its debug port and pid.',
      'page-gone': 'That page is gone: refresh the list of pages',
      'ws-not-url': "The session's ws URL {{url}} is not a URL",
      'ws-not-devtools': '{{url}} is not a DevTools ws URL',
      'address-mismatch':
        'The vendor reports debugging address {{address}} but ws URL {{url}}; BrowserDeck uses neither',
      'list-status': 'The browser at {{address}} answered HTTP {{status}} for /json/list',
      'list-not-json': 'The browser at {{address}} sent a target list that is not JSON',
      'list-unexpected': 'The browser at {{address}} sent an unexpected target list',
    },
    cancelled: 'Cancelled',
    session: {
      'connection-gone': 'That connection no longer exists',
      'not-open': 'This profile is not open',
    },
    script: {
      gone: 'That script no longer exists',
      unsupported: 'This build cannot run custom scripts',
      timeout: 'The script did not finish within {{seconds}} s; its process was stopped',
      output: 'The script wrote more than {{megabytes}} MB of output; its process was stopped',
      threw: 'The script threw: {{thrown}}',
      exited: "The script's process exited before the script returned",
      exited_code: "The script's process exited with code {{code}} before the script returned",
      damaged: 'That script file is damaged; it was left as it is',
    },
    windows: {
      'too-small':
        'Each window would be {{width}}×{{height}}: make the area larger or the grid smaller',
      unsupported: 'This build cannot open windows',
      none: 'This browser has no window',
      blank: 'The page shows nothing to take',
      'not-arranged': 'BrowserDeck has not arranged this window, or restored it',
    },
    request: {
      'unknown-channel': 'Unknown channel {{channel}}',
      'foreign-sender': 'Request refused: not from the BrowserDeck window',
      'invalid-url': 'Not a valid URL: {{url}}',
    },
    internal: {
      unexpected: 'Unexpected error in the main process; see the log',
      contract: 'Response of {{channel}} does not match the contract',
      'malformed-response': 'Malformed response from the main process',
    },
  },
};
