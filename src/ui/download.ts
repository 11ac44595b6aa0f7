/** Saves data as a file through the browser's download (an <a download> click on a Blob URL). */
export function downloadFile(name: string, data: string | Uint8Array | Blob, mime: string): void {
  const blob = data instanceof Blob ? data : new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
