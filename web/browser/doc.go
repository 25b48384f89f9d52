// Package browser drives Debian's Chromium (headless, through the DevTools
// protocol with chromedp) over the dashboard: it opens each page, collects
// console errors, measures the ink a chart drew on its canvas, does a
// playground round trip, and saves screenshots.
//
// The browser runs with networking features off (--disable-background-networking,
// --disable-component-update, --disable-sync, --disable-quic, no first-run) and a
// fresh --user-data-dir that Close removes. The web package's browser test
// and `irsynth serve --screenshots DIR` both use Tour.
package browser
