/**
 * Saves text as a file through the browser's download: a Blob URL on a temporary link.
 * The BOM makes spreadsheet apps read the CSV as UTF-8 (names are often not ASCII).
 */
export function downloadCsv(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some engines; the next task is late enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
