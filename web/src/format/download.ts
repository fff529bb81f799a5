/** Saves text or base64 bytes as a file the browser downloads. */
export function download(fileName: string, content: string, encoding: 'utf8' | 'base64', type: string): void {
  const body =
    encoding === 'base64'
      ? Uint8Array.from(atob(content), (ch) => ch.charCodeAt(0))
      : new TextEncoder().encode(content);
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
