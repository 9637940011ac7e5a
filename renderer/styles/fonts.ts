// The Korean font Podlab ships (Noto Sans KR, from @fontsource/noto-sans-kr), so that Hangul renders on a machine
// with no Korean font (Debian's Chromium here draws empty boxes without it). Fontsource's per-weight CSS cuts the
// font into ~120 woff2 files by unicode-range, as Google Fonts does: the browser fetches only the slices of the
// characters on screen, from the app's own origin (the CSP's default-src 'self' covers fonts). Regular and bold:
// the UI's 600/650 headings resolve to 700 by the CSS font matching rules. electron.vite.config.ts drops the woff
// (not woff2) fallbacks from these files and keeps every font file out of data: URIs, which the CSP refuses.
import '@fontsource/noto-sans-kr/400.css'
import '@fontsource/noto-sans-kr/700.css'
import './fonts.css'
