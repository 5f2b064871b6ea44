/**
 * The request and response examples of ../shared/vendor-docs, transcribed as published
 * (comments dropped). Contract tests send the requests and compare shapes with these.
 */

// ixbrowser-local-api-v2.md
export const IX_SUCCESS_ENVELOPE = {
  error: { code: 0, message: 'success', time: 1694943505 },
  data: null,
};

export const IX_PROFILE_LIST_ITEM = {
  profile_id: 1267,
  site_url: 'chrome://newtab',
  name: 'test',
  note: '',
  color: '#CC9966',
  username: '',
  password: '',
  last_open_time: 1733361693,
  group_id: 1,
  group_name: 'Default',
  tag_id: '',
  tag_name: '',
  proxy_mode: 2,
  proxy_id: 16881522,
  proxy_type: 'socks5',
  proxy_ip: '',
  proxy_port: '',
  real_ip: '',
  cache_path: 'd6fe3f95eeab65617f025343bee057ef',
};

// ixbrowser-native-client-profile-opened-list.md
export const IX_NATIVE_OPENED_LIST = {
  error: { code: 0, message: 'success' },
  data: [
    {
      debugging_address: '127.0.0.1:28545',
      debugging_port: 28545,
      profile_id: 2073,
      pid: 11380,
      open_time: '2025-04-30 14:25:47',
      ws: 'ws://127.0.0.1:28545/devtools/browser/5cb87d78-7da2-4c4f-a319-6f96e776cda7',
      webdriver:
        'C:\\Users\\Administrator\\AppData\\Roaming\\ixBrowser-Resources\\chrome\\134-0001\\chromedriver.exe',
    },
  ],
};

export const IX_PROFILE_NOT_FOUND = {
  error: { code: 2007, message: 'Profile does not exist' },
  data: null,
};

// ixbrowser-profile-copy.md
export const IX_COPY_REQUEST = {
  profile_id: 1640,
  site_id: 11,
  site_url: 'http://baidu.com/',
  name: 'new_name',
  group_id: 177,
};
export const IX_COPY_SUCCESS = {
  error: { code: 0, message: 'success', time: 1703759701 },
  data: 1639,
};
/** The failure table: code 112005 "Group does not exist", time, data an array. */
export const IX_COPY_FAILED = {
  error: { code: 112005, message: 'Group does not exist', time: 1703942086 },
  data: [],
};

// cos-browser-window-api.txt
export const COS_SUCCESS_ENVELOPE = { data: {}, code: 0, msg: 'success' };

export const COS_CREATE_REQUEST = {
  name: 'windows browser',
  groupId: 12,
  tagIds: [3, 5],
  remark: 'Created via API',
  proxyMethod: 2,
  proxyType: 'socks5',
  host: '1.2.3.4',
  port: 1020,
  proxyUserName: 'abc',
  proxyPassword: 'def',
  browserFingerPrint: { coreVersion: '118', ostype: 'PC', os: 'Win32' },
};

export const COS_CONFIG_REQUIRED = {
  code: 211,
  msg: 'Configuration must be a JSON object',
  data: {},
};

export const COS_EDIT_REQUEST = {
  id: 101,
  name: 'Modified window name',
  groupId: 15,
  remark: 'Modified remark',
  tagIds: [3, 8],
};

export const COS_PARTIAL_REQUEST = {
  ids: [101, 102],
  name: 'Batch renamed',
  groupId: 15,
  remark: 'New remark',
  tagIds: [3, 8],
};

export const COS_DETAIL_BY_ID = { id: 101 };
export const COS_LIST_REQUEST = { page: 0, pageSize: 20, groupId: 12 };
export const COS_DELETE_REQUEST = { id: 101 };
export const COS_DELETE_IDS_REQUEST = { ids: [101, 102] };
export const COS_GROUP_UPDATE_REQUEST = { ids: [101, 102], groupId: 15 };
export const COS_REMARK_UPDATE_REQUEST = { ids: [101, 102], remark: 'Remark info' };
export const COS_PROXY_UPDATE_REQUEST = {
  ids: [101, 102],
  ipCheckService: 'ip-api',
  proxyMethod: 2,
  proxyType: 'socks5',
  host: '127.0.0.1',
  port: 1080,
  proxyUserName: 'user',
  proxyPassword: 'pass',
  refreshProxyUrl: '',
};

export const COS_OPEN_SUCCESS = {
  code: 0,
  msg: 'Browser opened',
  data: {
    id: '123',
    browserId: '123',
    uuid: 'browser-config-uuid',
    pid: 45678,
    alreadyStarted: false,
    profileDir: 'C:\\Users\\...\\browser-cache\\firefox-profiles\\...',
    configPath: 'C:\\Users\\...\\firefox-launch-configs\\browser-config-uuid.json',
    openedStatus: { beforeStart: {}, afterStart: {} },
  },
};

export const COS_CLOSE_SUCCESS = {
  code: 0,
  msg: 'Browser closed',
  data: {
    id: '123',
    browserId: '123',
    uuid: 'browser-config-uuid',
    close: {
      error: 0,
      killed: false,
      profileZipPath: 'C:\\Users\\...\\uploaded-profile-zips\\browser-config-uuid.zip',
      profileZipName: 'browser-config-uuid.zip',
      profileZipSize: 102400,
    },
    cookies: {},
    backendClose: {},
    openedStatus: { beforeClose: {}, afterClose: {} },
  },
};

// vendor-docs/README.md (CosLogin help pages)
export const COS_GROUP_LIST_REQUEST = { page: 0, pageSize: 100 };
export const COS_GROUP_ADD_REQUEST = { groupName: 'Team A', sortNum: 1 };
export const COS_TAG_LIST_REQUEST = { keyword: '' };
export const COS_TAG_CREATE_REQUEST = { tagName: 'priority', tagColor: '#FF0000' };
