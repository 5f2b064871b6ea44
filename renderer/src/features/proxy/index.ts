/** The proxy feature's entry points: the proxy editor and the proxy list import, embedded by other screens. */
export { ProxyEditor, type ProxyEditorProps } from './ProxyEditor';
export { ProxyImport, type ProxyImportProps } from './ProxyImport';
