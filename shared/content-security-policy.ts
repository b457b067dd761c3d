// One strict CSP for the renderer in both shells: only the app's own script and styles,
// media and images from the app's own artifact routes, no plugins, frames or remote code.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' greenlight-artifact: data: blob:",
  "media-src 'self' greenlight-artifact: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
