/**
 * The panel's HTML document. Everything it loads comes from the extension's dist folder; the
 * Content-Security-Policy allows only that and the one nonce'd script.
 */
export interface PageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUris: readonly string[];
  title?: string;
}

function attr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource} 'nonce-${nonce}'`, `img-src ${cspSource} data:`].join('; ');
}

export function trendPageHtml(o: PageOptions): string {
  const styles = o.styleUris.map((u) => `<link rel="stylesheet" href="${attr(u)}" nonce="${attr(o.nonce)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${attr(o.title ?? 'Faultline trends')}</title>
  </head>
  <body>
    <script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
  </body>
</html>
`;
}
