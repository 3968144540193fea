/** Hands a file to the browser's (or Electron's) download, named as given. */
export function downloadFile(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the data to the download by the next task; release it then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A chosen file's text, UTF-8. FileReader rather than Blob.text(), which older engines lack. */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}
